"""The seat allocation of one election with one district, from votes to elected candidates.

:func:`allocate` runs chapter P of the Kieswet
(https://wetten.overheid.nl/BWBR0004627/2026-01-01) in the order of seat-allocation.md §14,
recording every step in the trace:

1. check the input (``validation.py``);
2. the quota, P 5, and the full seats, P 6 (``quota.py``); with no votes at all there is no
   quota and the result is ``no_votes`` (the law gives no answer, §9);
3. the residual seats, P 7 or P 8 (``residual.py``);
4. the absolute majority, P 9 (``majority.py``);
5. lists without candidates for their seats give them back and the seats are given again,
   P 10 with P 19a (``exhaustion.py``); seats nobody can take stay unassigned;
6. per list, the elected candidates, P 15 and P 17 (``candidates.py``), and the ranking for
   succession, P 19 (``ranking.py``).

Ties are never settled here: the first tie without a supplied lot outcome stops the run, and
the result (``status == "lots_required"``) says what must be drawn and holds everything computed
until then (``lots.py``). Running again with the outcome appended replays everything from the
start, deterministically.
"""

from __future__ import annotations

from fractions import Fraction

from osv.model import ElectionCategory
from osv.model.rules import expected_preference_threshold
from results.allocation.candidates import PreferenceThreshold, list_candidates
from results.allocation.exhaustion import reassign_freed_seats, remove_surplus_seats
from results.allocation.lots import LotBook, LotsNeeded
from results.allocation.majority import apply_absolute_majority
from results.allocation.quota import quota, total_votes
from results.allocation.residual import (
    ResidualRules,
    assign_residual_seats,
    default_residual_threshold,
)
from results.allocation.standing import initial_standings
from results.allocation.types import (
    Allocation,
    AllocationInput,
    FullSeatsStep,
    ListCandidates,
    ListSeats,
    LotRequired,
    QuotaStep,
    ResidualSeatStep,
    Status,
    Step,
    UnassignedStep,
)
from results.allocation.validation import validate_input

__all__ = ["NOT_ALL_SEATS_ASSIGNED", "P9_AND_P10", "allocate"]

#: Warning: seats stay empty because every list that could take one has run out of candidates.
NOT_ALL_SEATS_ASSIGNED = "not_all_seats_assigned"
#: Warning: P 9 and P 10 both applied; the law leaves their interplay open (seat-allocation.md
#: §8), so the central polling station should contact the Kiesraad.
P9_AND_P10 = "absolute_majority_and_list_exhaustion"

#: Kieswet Ya 29: for the island councils of Bonaire, Sint Eustatius and Saba, seats a list
#: cannot fill are not given to another list, "in afwijking van artikel P 10".
_NO_REASSIGNMENT = frozenset({ElectionCategory.ER})


def allocate(allocation_input: AllocationInput) -> Allocation:
    """Allocate the seats to lists and candidates under Kieswet chapter P.

    :param allocation_input: seats, category, the lists with their candidates' votes (in list
        order, deceased candidates marked), the lot outcomes drawn so far (in the order they
        were asked for) and optional overrides of the thresholds.
    :return: ``status == "complete"`` with seats, candidates and trace; ``"lots_required"``
        with :attr:`~Allocation.lots_required` describing the next lot to draw and everything
        computed before that tie; or ``"no_votes"`` when no list has a vote (all seats 0).
    :raises AllocationError: for malformed input, a lot outcome that does not fit the tie it
        is used for, or lot outcomes left over at the end.
    """
    validate_input(allocation_input)
    lots = LotBook(allocation_input.lots)
    lists = [(lst.number, lst.votes, lst.available, lst.name) for lst in allocation_input.lists]
    votes = total_votes(list_votes for _, list_votes, _, _ in lists)
    if votes == 0:
        lots.finish()
        return _no_votes(allocation_input)
    run = _Run(allocation_input, lists, votes, lots)
    try:
        run.assign_seats()
        run.elect_candidates()
    except LotsNeeded as needed:
        return run.result("lots_required", needed.required)
    lots.finish()
    return run.result("complete")


class _Run:
    """One run of the allocation: the state the steps update, and the trace."""

    def __init__(
        self,
        allocation_input: AllocationInput,
        lists: list[tuple[int, int, int, str]],
        votes: int,
        lots: LotBook,
    ) -> None:
        self.input = allocation_input
        self.lots = lots
        self.votes = votes
        self.seats = allocation_input.seats
        category = allocation_input.category
        # P 5: the quota.
        self.quota = quota(votes, self.seats)
        percent = allocation_input.preference_threshold
        if percent is None:
            percent = expected_preference_threshold(category, self.seats)  # P 15
        self.threshold = PreferenceThreshold(self.quota, percent)
        threshold = allocation_input.residual_threshold
        if threshold is None:
            threshold = default_residual_threshold(category, self.seats)  # P 7(2), P 8(2)
        self.rules = ResidualRules(self.seats, votes, threshold)
        # P 6: the full seats.
        self.standings = initial_standings(lists, votes, self.seats)
        self.trace: list[Step] = [QuotaStep(total_votes=votes, seats=self.seats, quota=self.quota)]
        self.trace.extend(
            FullSeatsStep(
                list_number=s.number,
                votes=s.votes,
                full_seats=s.full_seats,
                remainder=s.remainder,
            )
            for s in self.standings
        )
        self.unassigned = 0
        self.warnings: list[str] = []
        self.candidates: list[ListCandidates] = []

    def assign_seats(self) -> None:
        """P 7 or P 8, then P 9, then P 10."""
        residual = self.seats - sum(s.full_seats for s in self.standings)
        given = assign_residual_seats(
            self.standings, residual, self.rules, self.lots, self.trace, first_seat=1
        )
        first_assignment = [s for s in self.trace if isinstance(s, ResidualSeatStep)]
        majority = apply_absolute_majority(
            self.standings, first_assignment, self.votes, self.seats, self.lots, self.trace
        )
        freed = remove_surplus_seats(self.standings, self.trace)
        if majority and freed:
            self.warnings.append(P9_AND_P10)
        reassign = self.input.category not in _NO_REASSIGNMENT
        given_again = 0
        if freed and reassign:
            given_again = reassign_freed_seats(
                self.standings, freed, self.rules, self.lots, self.trace, first_seat=given + 1
            )
        self.unassigned = residual - given + freed - given_again
        if self.unassigned:
            article = "P 10" if reassign else "Ya 29"
            self.trace.append(UnassignedStep(seats=self.unassigned, article=article))
            self.warnings.append(NOT_ALL_SEATS_ASSIGNED)

    def elect_candidates(self) -> None:
        """P 15, P 17 and P 19, list by list in list order."""
        for candidate_list, standing in zip(self.input.lists, self.standings, strict=True):
            self.candidates.append(
                list_candidates(
                    candidate_list,
                    standing.seats,
                    self.threshold,
                    self.seats,
                    self.lots,
                    self.trace,
                )
            )

    def result(self, status: Status, required: LotRequired | None = None) -> Allocation:
        """Everything computed so far."""
        return Allocation(
            status=status,
            seats=self.seats,
            quota=self.quota,
            preference_threshold=self.threshold.value,
            lists=tuple(s.result() for s in self.standings),
            candidates=tuple(self.candidates),
            unassigned=self.unassigned,
            lots_required=required,
            lots_used=self.lots.used,
            steps=tuple(self.trace),
            warnings=tuple(self.warnings),
        )


def _no_votes(allocation_input: AllocationInput) -> Allocation:
    """No list has a vote: no quota, no seats; the central polling station must contact the
    Kiesraad (seat-allocation.md §9)."""
    return Allocation(
        status="no_votes",
        seats=allocation_input.seats,
        quota=None,
        preference_threshold=None,
        lists=tuple(
            ListSeats(
                number=lst.number,
                name=lst.name,
                votes=0,
                full_seats=0,
                remainder=Fraction(0),
                residual_seats=0,
                seats=0,
                available=lst.available,
            )
            for lst in allocation_input.lists
        ),
        unassigned=allocation_input.seats,
    )
