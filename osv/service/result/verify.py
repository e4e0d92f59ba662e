"""Verifying a published result: recompute it from the published files and compare.

``osv verify`` is for journalists, auditors and anyone who wants to check the Kiesraad or a
central polling station. It reads the published files of one election (definition, candidate
lists, counts, the published total count and result), recomputes everything OSV would publish
(:func:`osv.service.result.csb.compute_result`, the same code the CSB runs), and compares:

1. **votes per list**: each published total against what its parts add up to: a municipality's
   ``TotalVotes`` against the sum of its polling stations, a district's or the election's
   total (510c, 510d) against the sum of the counts below it; candidate votes too;
2. **seats per list**: the recomputed seats against the number of elected candidates per list
   in the published result (520);
3. **elected candidates**: per list, in the order of election, each published candidate's
   position (the 520's ``CandidateIdentifier Id``), ranking flag (1 = by preference votes,
   2 = otherwise) and name against the recomputed ones. Names need the candidate lists (230b):
   without them, names are not compared and the report says so.

The consistency findings of the counts are reported beside the comparison; they describe the
counts, not the result, and do not by themselves make the verification fail. The verdict is
``verified`` only when every comparison made matches.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from eml import Eml520, SchemaSet
from eml.safe import Limits
from osv.model import ElectedCandidate, ListResult, VoteCounts
from osv.service.result.counts import Progress, without_candidates
from osv.service.result.coverage import UNCHECKED, Coverage
from osv.service.result.csb import compute_result
from osv.service.result.files import ResultInputError
from osv.service.result.inputs import ElectionInputs, read_inputs
from osv.service.result.model import ElectedPerson, ElectionResult
from osv.service.result.sources import SourceFile
from results.allocation.types import LotKind, LotOutcome
from results.tally.findings import Finding

__all__ = [
    "MAX_ALTERNATIVES",
    "CheckStatus",
    "Comparison",
    "LotAlternative",
    "Verdict",
    "Verification",
    "VerifyCheck",
    "lot_description",
    "verify",
]

CheckStatus = Literal["match", "differs", "not_compared"]
Verdict = Literal["verified", "differs", "lots_required", "not_computed"]


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


@dataclass(frozen=True)
class LotAlternative:
    """One lawful outcome of the drawings of lots the recomputation needs (Kieswet P 14).

    :param lots: the outcomes drawn, in the order they were asked for (those given with
        ``--lot`` first).
    :param matches: whether the published result equals the result with these outcomes.
    :param differences: how many comparisons differ with these outcomes.
    """

    lots: tuple[LotOutcome, ...]
    matches: bool
    differences: int


@dataclass(frozen=True)
class Verification:
    """The outcome of verifying one election's published files.

    :param result: the recomputed result.
    :param seats_from: where the number of seats came from.
    :param files: every file read, with its integrity hash.
    :param checks: votes, seats and elected candidates, in that order.
    :param findings: the consistency findings of the counts (reported, not part of the verdict).
    :param names_compared: whether names were compared (they need the 230b).
    :param notes: sentences about files not used or not present.
    :param coverage: whether the counts cover every unit the definition names.
    :param alternatives: when the recomputation needed lots that were not given: every lawful
        outcome of those lots and whether the published result equals it (empty otherwise).
    """

    result: ElectionResult
    seats_from: str
    files: tuple[SourceFile, ...]
    checks: tuple[VerifyCheck, ...]
    findings: tuple[Finding, ...]
    names_compared: bool
    notes: tuple[str, ...] = field(default=())
    coverage: Coverage = UNCHECKED
    alternatives: tuple[LotAlternative, ...] = ()

    @property
    def matching(self) -> tuple[LotAlternative, ...]:
        """The lawful outcomes of the lots that the published result equals."""
        return tuple(alternative for alternative in self.alternatives if alternative.matches)

    @property
    def verdict(self) -> Verdict:
        """``verified`` when every comparison made matches; else why not."""
        if any(check.status == "differs" for check in self.checks):
            return "differs"
        if self.result.status == "lots_required":
            return "lots_required"
        if self.result.status != "complete":
            return "not_computed"
        return "verified"


#: At most this many lawful outcomes of lots are recomputed (each is a whole computation).
MAX_ALTERNATIVES = 256


def verify(
    folder: Path,
    *,
    seats: int | None = None,
    lots: Sequence[LotOutcome] = (),
    deceased: Sequence[tuple[int, int]] = (),
    schemas: SchemaSet | None = None,
    limits: Limits | None = None,
    progress: Progress | None = None,
) -> Verification:
    """Recompute the result from the published files in ``folder`` and compare.

    When the recomputation needs lots that ``lots`` does not give and a 520 is published, every
    lawful outcome of those lots is recomputed (depth first, in the order of the options, at
    most :data:`MAX_ALTERNATIVES`) and compared: the published result is verified when it equals
    one of them, and the report names which (:attr:`Verification.alternatives`).

    :param seats: the number of seats, needed when the folder has no 110a.
    :param lots: outcomes of lots drawn by the CSB (from its report P 22), in order.
    :param deceased: candidates the CSB registered as deceased, as (list, candidate).
    :raises IncompleteCountsError: when the folder's 110a names a unit without a count (the
        recomputation would be of part of the election).
    :raises ResultInputError: when the files cannot be used (invalid input).
    """
    inputs = read_inputs(folder, schemas=schemas, limits=limits, complete=True, progress=progress)
    inputs.require_complete()
    result, seats_from = compute_result(inputs, seats=seats, lots=lots, deceased=deceased)
    published = inputs.published_result
    notes = list(inputs.notes)
    alternatives: list[LotAlternative] = []
    if published is not None and result.status == "lots_required":
        result, alternatives = _choose(inputs, published, seats, tuple(lots), deceased, notes)
    checks = [_votes_check(inputs), *_result_checks(inputs, result, published, seats_from)]
    if not inputs.candidate_lists:
        notes.append(
            "names were not compared: the folder has no candidate lists (230b), and a count "
            "(510) identifies candidates by their number only; the number of elected per "
            "list, their order and their ranking flags were compared"
        )
    return Verification(
        result=result,
        seats_from=seats_from,
        files=inputs.sources,
        checks=tuple(checks),
        findings=inputs.counts.findings
        + tuple(f for count in inputs.published_counts for f in count.findings),
        names_compared=bool(inputs.candidate_lists),
        notes=tuple(notes),
        coverage=inputs.coverage,
        alternatives=tuple(alternatives),
    )


def _result_checks(
    inputs: ElectionInputs, result: ElectionResult, published: Eml520 | None, seats_from: str
) -> list[VerifyCheck]:
    """The seats and elected checks (or why they were not made)."""
    if published is None:
        missing = "there is no published result (520) in the folder"
        return [
            VerifyCheck("seats", "Seats per list", (), (missing,), compared=False),
            VerifyCheck("elected", "Elected candidates", (), (missing,), compared=False),
        ]
    if result.status != "complete":
        why = f"the recomputation is not complete ({result.status})"
        return [
            VerifyCheck("seats", "Seats per list", (), (why,), compared=False),
            VerifyCheck("elected", "Elected candidates", (), (why,), compared=False),
        ]
    name = next(s.name for s in inputs.read if s.message_type == "520")
    return [
        _seats_check(result, published, name, seats_from),
        _elected_check(result, published, name),
    ]


def _choose(
    inputs: ElectionInputs,
    published: Eml520,
    seats: int | None,
    given: tuple[LotOutcome, ...],
    deceased: Sequence[tuple[int, int]],
    notes: list[str],
) -> tuple[ElectionResult, list[LotAlternative]]:
    """Recompute every lawful outcome of the lots still to draw; return the result to report
    (the first that equals the published one, else the first lawful one) and all outcomes."""
    name = next(s.name for s in inputs.read if s.message_type == "520")
    alternatives: list[LotAlternative] = []
    results: list[ElectionResult] = []
    pending: list[tuple[LotOutcome, ...]] = [given]
    truncated = False
    while pending:
        lots = pending.pop()
        result, seats_from = compute_result(inputs, seats=seats, lots=lots, deceased=deceased)
        if result.status == "lots_required" and result.lots_required is not None:
            needed = result.lots_required
            candidate = needed.kind is LotKind.CANDIDATE_PREFERENCE
            options = [
                LotOutcome(needed.kind, option, needed.list_number if candidate else None)
                for option in needed.options
            ]
            pending += [(*lots, option) for option in reversed(options)]
            continue
        if len(alternatives) >= MAX_ALTERNATIVES:
            truncated = True
            break
        if result.status != "complete":
            continue
        differences = sum(
            len(check.differences)
            for check in (
                _seats_check(result, published, name, seats_from),
                _elected_check(result, published, name),
            )
        )
        alternatives.append(LotAlternative(lots, differences == 0, differences))
        results.append(result)
    if not results:
        raise ResultInputError(
            "the recomputation needs a drawing of lots, and none of its outcomes gives a "
            "complete result; give the outcomes the CSB drew with --lot"
        )
    notes.append(_alternatives_note(alternatives, given, bool(inputs.candidate_lists), truncated))
    chosen = next((i for i, a in enumerate(alternatives) if a.matches), 0)
    return results[chosen], alternatives


def _alternatives_note(
    alternatives: list[LotAlternative],
    given: tuple[LotOutcome, ...],
    names: bool,
    truncated: bool,
) -> str:
    """What the lots decided, in words: which lawful outcome the published result equals."""
    matching = [a for a in alternatives if a.matches]
    count = f"{len(alternatives)}{' (at least; stopped there)' if truncated else ''}"
    if not matching:
        return (
            f"the recomputation needs a drawing of lots (Kieswet P 14); none of its "
            f"{count} lawful outcomes equals the published result"
        )
    if len(matching) == 1:
        drawn = "; ".join(lot_description(lot) for lot in matching[0].lots[len(given) :])
        return (
            f"the recomputation needs a drawing of lots (Kieswet P 14); of its {count} lawful "
            f"outcomes the published result equals the one with lot outcome: {drawn} — "
            "confirm this outcome from the CSB's process-verbaal (P 22)"
        )
    decide = (
        "the candidate lists (230b), which match the 520's names to candidate numbers, would "
        "decide which"
        if not names
        else "the CSB's process-verbaal (P 22) says which was drawn"
    )
    return (
        f"the recomputation needs a drawing of lots (Kieswet P 14); the published result "
        f"equals {len(matching)} of its {count} lawful outcomes, which this folder cannot tell "
        f"apart; {decide}"
    )


def lot_description(lot: LotOutcome) -> str:
    """One lot outcome in words, with its seat: ``candidate 25 of list 3``."""
    if lot.kind is LotKind.CANDIDATE_PREFERENCE:
        return f"candidate {lot.chosen} of list {lot.list_number} ({lot.kind.value})"
    return f"list {lot.chosen} ({lot.kind.value})"


# -- votes ------------------------------------------------------------------------------------


def _votes_check(inputs: ElectionInputs) -> VerifyCheck:
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


def _seats_check(
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


def _elected_check(result: ElectionResult, published: Eml520, source: str) -> VerifyCheck:
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
