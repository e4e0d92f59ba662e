"""The checks of ``osv verify``: the published counts, seats and elected beside the recomputed.

:func:`votes_check` compares the votes per list (and candidate) of the published total count
with the counts read; :func:`seats_check` and :func:`elected_check` compare a published result
(520) with the recomputed one. Each gives a :class:`VerifyCheck` of :class:`Comparison` items;
:mod:`osv.service.result.verify` runs them and :mod:`osv.service.result.verify_report` reports
them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from eml import Eml520
from osv.model import ElectedCandidate, ListResult, VoteCounts
from osv.service.result.counts import without_candidates
from osv.service.result.inputs import ElectionInputs
from osv.service.result.model import ElectedPerson, ElectionResult

__all__ = [
    "CheckStatus",
    "Comparison",
    "VerifyCheck",
    "elected_check",
    "seats_check",
    "votes_check",
]

CheckStatus = Literal["match", "differs", "not_compared"]


@dataclass(frozen=True)
class Comparison:
    """One fact compared: the published value beside the recomputed one.

    :param subject: what is compared, in words (``"list 3 CDA"``, ``"list 3, elected 2nd"``).
    :param published: the value in the published file (``None`` when it has none).
    :param recomputed: the value OSV computed (``None`` when it has none).
    :param source: the published file (and part of it) the value comes from.
    :param list_number: the list concerned.
    :param candidate: the candidate concerned (position on the list), when known.
    :param detail: more about the item, not compared (e.g. the recomputed candidate's number
        and votes, or the published name when names are not compared).
    """

    subject: str
    published: str | int | None
    recomputed: str | int | None
    source: str
    list_number: int | None = None
    candidate: int | None = None
    detail: str | None = None

    @property
    def matches(self) -> bool:
        """Whether the published and recomputed values are equal."""
        return self.published == self.recomputed


@dataclass(frozen=True)
class VerifyCheck:
    """One of the checks: its items and a status.

    :param name: ``votes``, ``seats`` or ``elected``.
    :param title: what the check compares, in words.
    :param items: the comparisons made (for candidate votes: only those that differ).
    :param notes: sentences about what was or was not compared.
    :param compared: ``False`` when the check could not be made (the notes say why).
    """

    name: str
    title: str
    items: tuple[Comparison, ...]
    notes: tuple[str, ...] = ()
    compared: bool = True

    @property
    def status(self) -> CheckStatus:
        """``match``, ``differs``, or ``not_compared``."""
        if not self.compared:
            return "not_compared"
        return "match" if all(item.matches for item in self.items) else "differs"

    @property
    def differences(self) -> tuple[Comparison, ...]:
        """The items that differ."""
        return tuple(item for item in self.items if not item.matches)


def votes_check(inputs: ElectionInputs) -> VerifyCheck:
    items: list[Comparison] = []
    equal_candidates = 0
    counts = inputs.counts
    for part in counts.parts:
        if part.recomputed is None:
            continue
        where = f"{part.source} (TotalVotes of {part.name or part.id})"
        new_items, equal = _compare(part.votes, part.recomputed, where)
        items += new_items
        equal_candidates += equal
    multi = inputs.multi_district
    for published in inputs.published_counts:
        if published.stated is None:
            continue
        name = published.source.name
        if published.source.message_type == "510c":
            expected = counts.district(published.contest_id)
            label = f"district {published.contest_id}"
        else:
            expected = counts.total
            label = "the election"
        if expected is None:
            continue
        stated = (
            without_candidates(published.stated)
            if multi and label == "the election"
            else (published.stated)
        )
        new_items, equal = _compare(stated, expected, f"{name} (TotalVotes of {label})")
        items += new_items
        equal_candidates += equal
        by_id = {part.id: part for part in counts.parts}
        for unit in published.parts:
            if published.source.message_type != "510d":
                continue
            district = counts.district(unit.contest_id) if multi else None
            match = by_id.get(unit.id)
            lower = match.votes if match is not None else district
            if lower is None:
                continue
            new_items, equal = _compare(unit.votes, lower, f"{name} (unit {unit.id})")
            items += new_items
            equal_candidates += equal
    notes = [
        "published: the total a committee stated; recomputed: the sum of the counts below it",
        f"{equal_candidates:,} candidate totals compared equal"
        + (
            f", {sum(1 for i in items if i.candidate is not None):,} differ"
            if any(i.candidate is not None for i in items)
            else ""
        ),
    ]
    return VerifyCheck("votes", "Votes per list", tuple(items), tuple(notes))


def _compare(
    published: VoteCounts, recomputed: VoteCounts, source: str
) -> tuple[list[Comparison], int]:
    """Compare list votes (every list) and candidate votes (only differences are items)."""
    items: list[Comparison] = []
    equal = 0
    numbers = sorted({lst.number for lst in (*published.lists, *recomputed.lists)})
    for number in numbers:
        mine = recomputed.list(number)
        theirs = published.list(number)
        name = (theirs.name if theirs is not None else "") or (mine.name if mine else "")
        items.append(
            Comparison(
                subject=f"votes of list {number} {name}".rstrip(),
                published=theirs.votes if theirs is not None else None,
                recomputed=mine.votes if mine is not None else None,
                source=source,
                list_number=number,
            )
        )
        theirs_c = {c.key: c.votes for c in theirs.candidates} if theirs is not None else {}
        mine_c = {c.key: c.votes for c in mine.candidates} if mine is not None else {}
        for key in sorted(set(theirs_c) | set(mine_c), key=_key_order):
            if theirs_c.get(key) == mine_c.get(key):
                equal += 1
                continue
            items.append(
                Comparison(
                    subject=f"votes of candidate {key} on list {number}",
                    published=theirs_c.get(key),
                    recomputed=mine_c.get(key),
                    source=source,
                    list_number=number,
                    candidate=int(key) if key.isdigit() else None,
                )
            )
    return items, equal


def _key_order(key: str) -> tuple[int, str]:
    return (int(key), "") if key.isdigit() else (1_000_000_000, key)


# -- seats and elected candidates -------------------------------------------------------------


def _published_lists(published: Eml520) -> dict[int, ListResult]:
    return {lst.number: lst for contest in published.contests for lst in contest.lists}


def seats_check(
    result: ElectionResult, published: Eml520, source: str, seats_from: str
) -> VerifyCheck:
    theirs = _published_lists(published)
    items: list[Comparison] = []
    numbers = sorted({lst.number for lst in result.lists} | set(theirs))
    names = {lst.number: lst.name for lst in result.lists}
    for number in numbers:
        ours = next((lst for lst in result.lists if lst.number == number), None)
        # A list may have no name (a blanco lijst) and, without seats, no place in the 520.
        name = names.get(number) or (theirs[number].name if number in theirs else "")
        items.append(
            Comparison(
                subject=f"seats of list {number} {name or ''}".rstrip(),
                published=len(theirs[number].candidates) if number in theirs else 0,
                recomputed=ours.seats if ours is not None else None,
                source=source,
                list_number=number,
            )
        )
    total = sum(len(lst.candidates) for lst in theirs.values())
    items.append(
        Comparison(
            subject="seats of all lists",
            published=total,
            recomputed=result.seats - result.unassigned,
            source=source,
        )
    )
    notes = (
        "published: the number of elected candidates of the list in the 520; "
        f"recomputed: the seats allocated to it, of {result.seats} ({seats_from})",
    )
    return VerifyCheck("seats", "Seats per list", tuple(items), notes)


def elected_check(result: ElectionResult, published: Eml520, source: str) -> VerifyCheck:
    theirs = _published_lists(published)
    items: list[Comparison] = []
    for number in sorted({lst.number for lst in result.lists if lst.elected} | set(theirs)):
        ours = next((lst for lst in result.lists if lst.number == number), None)
        mine = ours.elected if ours is not None else ()
        listed = theirs[number].candidates if number in theirs else ()
        name = ours.name if ours is not None else theirs[number].name
        for index in range(max(len(mine), len(listed))):
            position = index + 1
            person = mine[index] if index < len(mine) else None
            entry = listed[index] if index < len(listed) else None
            items.append(
                Comparison(
                    subject=f"list {number} {name}, elected {_ordinal(position)}",
                    published=_published_text(entry, position, result.names_known),
                    recomputed=_recomputed_text(person, result.names_known),
                    source=f"{source} (list {number}, candidate Id {position})",
                    list_number=number,
                    candidate=person.candidate_number if person is not None else None,
                    detail=_detail(person, entry, result.names_known),
                )
            )
    notes = [
        "per list in the order of election: the 520's CandidateIdentifier Id is that order; "
        "ranking 1 = elected by preference votes (P 15), 2 = otherwise (P 17)",
    ]
    if not result.names_known:
        notes.append("names were not compared (no candidate lists, 230b)")
    return VerifyCheck("elected", "Elected candidates", tuple(items), tuple(notes))


def _published_text(entry: ElectedCandidate | None, position: int, names_known: bool) -> str | None:
    """What the 520 says of the candidate elected ``position``-th: name (if compared), flag."""
    if entry is None:
        return None
    parts = [entry.candidate.name.full] if names_known else []
    if entry.candidate.number != position:  # the Id is the order of election
        parts.append(f"Id {entry.candidate.number}")
    parts.append(f"ranking {entry.ranking}")
    return ", ".join(parts)


def _recomputed_text(person: ElectedPerson | None, names_known: bool) -> str | None:
    if person is None:
        return None
    ranking = 1 if person.by == "preference" else 2
    return f"{person.name.full}, ranking {ranking}" if names_known else f"ranking {ranking}"


def _detail(
    person: ElectedPerson | None, entry: ElectedCandidate | None, names_known: bool
) -> str | None:
    parts = []
    if person is not None:
        how = "preference votes" if person.by == "preference" else "list order"
        parts.append(f"no. {person.candidate_number} on the list, {person.votes:,} votes, {how}")
    if entry is not None and not names_known:
        parts.append(f"published name {entry.candidate.name.full}")
    return "; ".join(parts) or None


def _ordinal(number: int) -> str:
    if 10 <= number % 100 <= 20:
        return f"{number}th"
    suffix = {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"
