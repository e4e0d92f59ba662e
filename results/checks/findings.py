"""Findings of data entry: which rule, which fields, for which list.

A finding marks the boxes it is about by their JSON path in the entry (``voters.poll_card_count``,
``votes.list_totals[2].total``, ``lists[0].page_total``), so the data-entry screen can mark them
and the coordinator can see them. Findings are data, never exceptions; :class:`EntryFindings`
keeps them sorted by code, then list number (counts-and-checks.md §5.4).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from results.codes import CountCode, Severity

__all__ = ["EntryFinding", "EntryFindings"]


@dataclass(frozen=True)
class EntryFinding:
    """One rule that holds for an entry.

    :param code: the rule's code (``F.201``).
    :param fields: the JSON paths of the boxes it marks.
    :param list_number: the list, for the per-list rules F.401–F.403.
    """

    code: CountCode
    fields: tuple[str, ...]
    list_number: int | None = None

    def __post_init__(self) -> None:
        # A code given as its string ("F.201", as stored or in JSON) becomes its member.
        object.__setattr__(self, "code", CountCode(self.code))

    @property
    def severity(self) -> Severity:
        """``error`` or ``warning``, as the rule says."""
        return self.code.severity

    def to_json(self) -> dict[str, Any]:
        """The finding as ``osv checks`` prints it (docs/checks.md)."""
        data: dict[str, Any] = {
            "code": self.code,
            "severity": self.severity,
            "fields": list(self.fields),
        }
        if self.list_number is not None:
            data["context"] = {"list_number": self.list_number}
        return data


@dataclass(frozen=True)
class EntryFindings:
    """All findings of one entry, sorted by code, then list number."""

    items: tuple[EntryFinding, ...] = ()

    @classmethod
    def of(cls, findings: Iterable[EntryFinding]) -> EntryFindings:
        """Sorted findings."""
        return cls(tuple(sorted(findings, key=lambda f: (f.code, f.list_number or 0))))

    @property
    def errors(self) -> tuple[EntryFinding, ...]:
        """The F-codes: the entry cannot become definitive while there are any."""
        return tuple(f for f in self.items if f.severity == "error")

    @property
    def warnings(self) -> tuple[EntryFinding, ...]:
        """The W-codes: they need a look, and an explanation before the session is finished."""
        return tuple(f for f in self.items if f.severity == "warning")

    @property
    def codes(self) -> tuple[CountCode, ...]:
        """The codes, in order (with repetitions for per-list rules)."""
        return tuple(f.code for f in self.items)

    def __bool__(self) -> bool:
        return bool(self.items)

    def __len__(self) -> int:
        return len(self.items)
