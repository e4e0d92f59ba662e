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
from osv.service.result.counts import Progress
from osv.service.result.coverage import UNCHECKED, Coverage
from osv.service.result.csb import compute_result
from osv.service.result.files import ResultInputError
from osv.service.result.inputs import ElectionInputs, read_inputs
from osv.service.result.model import ElectionResult
from osv.service.result.sources import SourceFile
from osv.service.result.verify_checks import VerifyCheck, elected_check, seats_check, votes_check
from results.allocation.types import LotKind, LotOutcome
from results.tally.findings import Finding

__all__ = [
    "MAX_ALTERNATIVES",
    "LotAlternative",
    "Verdict",
    "Verification",
    "lot_description",
    "verify",
]

Verdict = Literal["verified", "differs", "lots_required", "not_computed"]


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
    checks = [votes_check(inputs), *_result_checks(inputs, result, published, seats_from)]
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
        seats_check(result, published, name, seats_from),
        elected_check(result, published, name),
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
                seats_check(result, published, name, seats_from),
                elected_check(result, published, name),
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
