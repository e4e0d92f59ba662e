"""What every registered code carries, and the enum base that gives each member its entry.

A code family is a :class:`RegisteredCode` enum (its values are the codes as printed, ``F.201``)
whose members are described once, in one table beside the enum, by :func:`register`. A member
then reads as the code itself (it *is* the string ``"F.201"``: JSON, EML, templates and sort
order see no difference) and answers :attr:`~RegisteredCode.severity`,
:attr:`~RegisteredCode.article`, :attr:`~RegisteredCode.title_nl` and
:attr:`~RegisteredCode.explanation_nl` from its entry.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Literal, TypeVar

__all__ = ["CodeInfo", "RegisteredCode", "Severity", "register"]

Severity = Literal["error", "warning"]


@dataclass(frozen=True, kw_only=True)
class CodeInfo:
    """What one code means.

    :param severity: ``error`` when the numbers cannot all be right (an entry with one cannot
        become definitive); ``warning`` when they are possible but need a look.
    :param article: the Kieswet article or the part of the paper model the rule checks.
    :param title_nl: a short Dutch title, shown next to the code on the pages and in the papers.
    :param explanation_nl: the Dutch explanation for the coordinator: what to look at, what to do.
    """

    severity: Severity
    article: str
    title_nl: str
    explanation_nl: str


C = TypeVar("C", bound="RegisteredCode")

_TABLES: dict[type[RegisteredCode], Mapping[RegisteredCode, CodeInfo]] = {}


class RegisteredCode(StrEnum):
    """A code of a registered family (the families subclass it; it has no members itself)."""

    @property
    def info(self) -> CodeInfo:
        """The code's entry in its family's table."""
        return _TABLES[type(self)][self]

    @property
    def severity(self) -> Severity:
        """``error`` or ``warning``."""
        return self.info.severity

    @property
    def article(self) -> str:
        """The Kieswet article or the part of the paper model the rule checks."""
        return self.info.article

    @property
    def title_nl(self) -> str:
        """The short Dutch title."""
        return self.info.title_nl

    @property
    def explanation_nl(self) -> str:
        """The Dutch explanation for the coordinator."""
        return self.info.explanation_nl


def register(family: type[C], table: Mapping[C, CodeInfo]) -> Mapping[C, CodeInfo]:
    """Record ``table`` as the entries of ``family``, which must describe every member once.

    :raises ValueError: when a member has no entry (a code without a meaning cannot be reported).
    """
    missing = [code.value for code in family if code not in table]
    if missing:
        raise ValueError(f"{family.__name__}: no entry for {', '.join(missing)}")
    _TABLES[family] = table  # type: ignore[assignment]
    return table
