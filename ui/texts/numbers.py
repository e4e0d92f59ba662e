"""The numbers behind a data-entry finding, in Dutch, for the coordinator.

A warning says that something is unusual (W.201 "veel blanco stemmen"); the coordinator who has
to explain it needs the numbers it is about: "F = 45 blanco stemmen van H = 1.012 uitgebrachte
stemmen (4,4 %)". :func:`finding_numbers` writes them for each warning of the polling stations'
and committees' forms, from the entry the finding is of. Percentages are shown to one decimal,
rounded half up in integers (the rules themselves compare in integers, never in percentages).
"""

from __future__ import annotations

from collections.abc import Callable

from osv.model.entry import CountEntry
from results.checks import EntryFinding
from results.codes import CountCode

__all__ = ["finding_numbers"]


def _n(value: int | None) -> int:
    return value or 0


def _dots(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def _percent(part: int, whole: int) -> str:
    """``part`` of ``whole`` as a percentage with one decimal, ``4,4 %``."""
    tenths = (1000 * part + whole // 2) // whole if whole else 0
    return f"{tenths // 10},{tenths % 10} %"


def _blank(entry: CountEntry) -> str:
    f, h = _n(entry.votes.blank_votes_count), _n(entry.votes.total_votes_cast_count)
    return (
        f"F = {_dots(f)} blanco stemmen van H = {_dots(h)} uitgebrachte stemmen ({_percent(f, h)})"
    )


def _invalid(entry: CountEntry) -> str:
    g, h = _n(entry.votes.invalid_votes_count), _n(entry.votes.total_votes_cast_count)
    return (
        f"G = {_dots(g)} ongeldige stemmen van H = {_dots(h)} uitgebrachte stemmen "
        f"({_percent(g, h)})"
    )


def _difference(entry: CountEntry) -> str:
    d = _n(entry.voters.total_admitted_voters_count)
    h = _n(entry.votes.total_votes_cast_count)
    return (
        f"D = {_dots(d)} toegelaten kiezers, H = {_dots(h)} uitgebrachte stemmen: verschil "
        f"{_dots(abs(d - h))} ({_percent(abs(d - h), h)} van H)"
    )


def _cast(entry: CountEntry) -> str:
    return f"H = {_dots(_n(entry.votes.total_votes_cast_count))} uitgebrachte stemmen"


def _eligible(entry: CountEntry) -> str:
    return f"Z = {_dots(_n(entry.eligible_voters))} kiesgerechtigden"


def _eligible_cards(entry: CountEntry) -> str:
    return (
        f"Z = {_dots(_n(entry.eligible_voters))} kiesgerechtigden, A = "
        f"{_dots(_n(entry.voters.poll_card_count))} geldige stempassen"
    )


_NUMBERS: dict[CountCode, Callable[[CountEntry], str]] = {
    CountCode.W201: _blank,
    CountCode.W202: _invalid,
    CountCode.W203: _difference,
    CountCode.W204: _cast,
    CountCode.W205: _eligible,
    CountCode.W206: _eligible_cards,
}


def finding_numbers(finding: EntryFinding, entry: CountEntry | None) -> str:
    """The numbers behind ``finding`` in ``entry`` (``""`` for a code without a sentence)."""
    sentence = _NUMBERS.get(finding.code)
    return sentence(entry) if sentence is not None and entry is not None else ""
