"""Which candidates take the seats of a list: Kieswet P 15, P 17 and P 19a.

Once the seats per list are final, each list's seats go to people:

* **P 15, preference votes (voorkeurstemmen).** A candidate with *more* votes than the
  preference threshold (voorkeursdrempel) is elected, most votes first, as far as the list has
  seats. The threshold is 25 % of the quota; 50 % for a municipal council with fewer than 19
  seats (P 15(2)). "More than" is strict: exactly the threshold is not enough. In integers:
  ``votes * 100 * q.denominator > percent * q.numerator`` for the quota ``q``, which is
  ``votes * S * 100 > percent * V``. Candidates with equal votes who do not all fit in the seats
  left are decided by lot (P 15(1)), one seat per drawing.
* **P 17, list order.** Seats still free go to the candidates not yet elected, in list order.
* **P 19a, deceased candidates** are left out: never elected, never ranked; their votes still
  count for the list.

Then P 19 ranks the candidates for succession (``ranking.py``). The functions here handle one
list at a time, with explicit inputs, so the allocation over several kieskringen can reuse them.

Articles: https://wetten.overheid.nl/BWBR0004627/2026-01-01 (P 15, P 17, P 19a).
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Literal

from results.allocation.lots import LotBook, describe_numbers
from results.allocation.ranking import rank_candidates, ranking_applies
from results.allocation.types import (
    AllocationError,
    CandidateInput,
    CandidateStep,
    ElectedCandidate,
    ListCandidates,
    ListInput,
    LotKind,
    LotOutcome,
    LotRequired,
    Step,
)

__all__ = ["PreferenceThreshold", "elect_candidates", "list_candidates"]


@dataclass(frozen=True)
class PreferenceThreshold:
    """The preference threshold (voorkeursdrempel) of P 15: a percentage of the quota.

    :param quota: the quota (kiesdeler) of P 5.
    :param percent: 25, or 50 where P 15(2) applies (see
        :func:`osv.model.rules.expected_preference_threshold`).
    """

    quota: Fraction
    percent: int

    @property
    def value(self) -> Fraction:
        """The threshold in votes: ``percent / 100`` of the quota."""
        return Fraction(self.percent, 100) * self.quota

    def exceeded_by(self, votes: int) -> bool:
        """Whether ``votes`` is strictly more than the threshold, in integers."""
        return votes * 100 * self.quota.denominator > self.percent * self.quota.numerator


def list_candidates(
    candidate_list: ListInput,
    seats: int,
    threshold: PreferenceThreshold,
    body_seats: int,
    lots: LotBook,
    trace: list[Step],
) -> ListCandidates:
    """The elected candidates of one list and its ranking for succession.

    :param candidate_list: the list, its candidates in list order.
    :param seats: the seats the list received (never more than its living candidates).
    :param threshold: the preference threshold (P 15).
    :param body_seats: the number of seats of the body, for P 19(5).
    :param lots: asked for ``candidate_preference`` lots.
    :param trace: a :class:`CandidateStep` is appended per elected candidate, in seat order.
    """
    elected = elect_candidates(candidate_list, seats, threshold, lots, trace)
    by_preference = [e.number for e in elected if e.by == "preference"]
    ranking = rank_candidates(
        candidate_list,
        by_preference,
        threshold.exceeded_by,
        apply_ranking=ranking_applies(body_seats, seats),
    )
    list_order = tuple(c.number for c in candidate_list.candidates)
    return ListCandidates(
        list_number=candidate_list.number,
        elected=elected,
        ranking=ranking,
        ranking_changed=ranking != list_order,
    )


def elect_candidates(
    candidate_list: ListInput,
    seats: int,
    threshold: PreferenceThreshold,
    lots: LotBook,
    trace: list[Step],
) -> tuple[ElectedCandidate, ...]:
    """Give the seats of one list to candidates: by preference votes (P 15), then in list order
    (P 17); deceased candidates are skipped (P 19a).

    :return: the elected candidates in the order their seats were given.
    :raises AllocationError: when the list has more seats than living candidates (P 10 should
        have prevented that).
    """
    living = [c for c in candidate_list.candidates if not c.deceased]
    if seats > len(living):
        raise AllocationError(
            f"list {candidate_list.number} has {seats} seats but only {len(living)} living "
            f"candidates"
        )
    election = _ListElection(candidate_list.number, seats, trace)
    # P 15(1): most votes first; sorted() is stable, so equal votes stay in list order.
    qualifying = sorted(
        (c for c in living if threshold.exceeded_by(c.votes)), key=lambda c: -c.votes
    )
    start = 0
    while start < len(qualifying) and election.free > 0:
        end = start
        while end < len(qualifying) and qualifying[end].votes == qualifying[start].votes:
            end += 1
        group = qualifying[start:end]
        if len(group) <= election.free:
            for candidate in group:
                election.elect(candidate, "preference")
        else:
            _draw_for_group(election, group, lots)
        start = end
    # P 17: the seats left, in list order.
    for candidate in living:
        if election.free == 0:
            break
        if candidate.number not in election.chosen:
            election.elect(candidate, "list_order")
    return tuple(election.elected)


class _ListElection:
    """The seats of one list being given to candidates, each recorded in the trace."""

    def __init__(self, list_number: int, seats: int, trace: list[Step]) -> None:
        self.list_number = list_number
        self.seats = seats
        self.trace = trace
        self.elected: list[ElectedCandidate] = []
        self.chosen: set[int] = set()

    @property
    def free(self) -> int:
        """Seats of the list without a candidate yet."""
        return self.seats - len(self.elected)

    def elect(
        self,
        candidate: CandidateInput,
        by: Literal["preference", "list_order"],
        lot: LotOutcome | None = None,
    ) -> None:
        """Give the next seat of the list to ``candidate``."""
        self.elected.append(ElectedCandidate(number=candidate.number, by=by, votes=candidate.votes))
        self.chosen.add(candidate.number)
        self.trace.append(
            CandidateStep(
                list_number=self.list_number,
                candidate_number=candidate.number,
                by=by,
                votes=candidate.votes,
                lot=lot,
                article="P 15" if by == "preference" else "P 17",
            )
        )


def _draw_for_group(election: _ListElection, group: list[CandidateInput], lots: LotBook) -> None:
    """Equal preference votes, fewer seats than candidates: one lot per seat (P 15(1))."""
    remaining = list(group)
    votes = group[0].votes
    while election.free > 0:
        options = tuple(c.number for c in remaining)
        seat = len(election.elected) + 1
        seats_left = "1 seat is" if election.free == 1 else f"{election.free} seats are"
        lot = lots.draw(
            LotRequired(
                kind=LotKind.CANDIDATE_PREFERENCE,
                article="P 15(1)",
                options=options,
                seats=election.free,
                list_number=election.list_number,
                seat_number=seat,
                tied_value=Fraction(votes),
                description=(
                    f"Candidates {describe_numbers(options)} of list {election.list_number} "
                    f"each have {votes} preference votes, more than the preference threshold, "
                    f"and only {seats_left} left: draw one of them by lot for seat {seat} of "
                    f"the list (Kieswet P 15(1))."
                ),
            )
        )
        winner = next(c for c in remaining if c.number == lot.chosen)
        remaining.remove(winner)
        election.elect(winner, "preference", lot)
