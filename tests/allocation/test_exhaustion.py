"""Lists that run out of candidates (P 10), deceased candidates (P 19a), unassigned seats."""

from __future__ import annotations

from osv.model import ElectionCategory
from results.allocation import (
    Allocation,
    ExhaustionStep,
    ResidualMethod,
    ResidualSeatStep,
    UnassignedStep,
    allocate,
)
from results.allocation.allocation import NOT_ALL_SEATS_ASSIGNED, P9_AND_P10
from tests.allocation.builders import election, seats_of

LR = ResidualMethod.LARGEST_REMAINDERS
UHA = ResidualMethod.UNIQUE_HIGHEST_AVERAGES
HA = ResidualMethod.HIGHEST_AVERAGES


def _reassigned(result: Allocation) -> list[tuple[ResidualMethod, tuple[int, ...]]]:
    """The method and winners of every step that gave a seat freed by P 10."""
    return [
        (s.method, s.winners)
        for s in result.steps
        if isinstance(s, ResidualSeatStep) and s.reassignment
    ]


def test_a_list_with_more_full_seats_than_candidates_gives_the_surplus_back() -> None:
    """S = 15, votes 2000, 1600, 1200, 800, 400, candidates 4, 4, 3, 2, 2 (lt19_p10_full_seats).

    Quota 400: full seats 5, 4, 3, 2, 1 = 15, no residual seat. P 10: list 1 has 5 seats and 4
    candidates: one seat back. It goes again by largest remainders among the lists with a
    candidate left: only list 5 (remainder 0, 1 seat, 2 candidates). Seats 4, 4, 3, 2, 2.
    """
    result = allocate(election(15, [2000, 1600, 1200, 800, 400], candidates=[4, 4, 3, 2, 2]))
    assert seats_of(result) == [4, 4, 3, 2, 2]
    assert [s for s in result.steps if isinstance(s, ExhaustionStep)] == [
        ExhaustionStep(list_number=1, seats_removed=1, available=4)
    ]
    assert _reassigned(result) == [(LR, (5,))]
    first = result.lists[0]
    assert (first.full_seats, first.seats_removed, first.seats, first.exhausted) == (5, 1, 4, True)
    assert result.warnings == ()


def test_seats_given_again_keep_the_history_of_the_phases() -> None:
    """S = 10, votes 0, 3, 5, 6, 7, 79, candidates 1, 1, 1, 1, 3, 8 (lt19_p10_during_uha, with
    two more candidates on list 5 so that only its history keeps it out).

    Quota 10, 3/4 = 7 1/2. Full seats 0, 0, 0, 0, 0, 7; residual 3. LR: list 6 (remainder 9).
    UHA: list 6 (79/9 = 8 7/9), list 5 (7). Seats 0, 0, 0, 0, 1, 9. P 10: list 6 has 8
    candidates: one seat back. Given again: no list may take an LR seat (list 6 holds one and is
    exhausted, the others are below 3/4); UHA: list 6 exhausted, list 5 already had its UHA
    seat, so list 4 (6). Seats 0, 0, 0, 1, 1, 8.
    """
    result = allocate(election(10, [0, 3, 5, 6, 7, 79], candidates=[1, 1, 1, 1, 3, 8]))
    assert seats_of(result) == [0, 0, 0, 1, 1, 8]
    again = [s for s in result.steps if isinstance(s, ResidualSeatStep) and s.reassignment]
    assert len(again) == 1
    step = again[0]
    assert (step.method, step.winners, step.seat_number) == (UHA, (4,), 4)
    excluded = dict(step.excluded)
    assert excluded[6] == "exhausted"
    assert excluded[5] == "has_uha_seat"
    assert excluded[1] == "no_votes"


def test_the_first_assignment_does_not_look_at_candidates_p10_comes_after() -> None:
    """S = 6, votes 5, 5, 50, candidates 2, 2, 2 (p22_lt19_p10). Quota 10, 3/4 = 7 1/2.

    Full seats 0, 0, 5; residual 1. LR: only list 3 reaches 7 1/2, remainder 0: it gets the
    seat, 6 seats for 2 candidates (P 10 speaks of seats that "zouden moeten worden toegewezen":
    it applies afterwards). P 9 does not apply (6 > 3). P 10: list 3 gives 4 seats back. Given
    again: LR none; UHA lists 1 and 2 tie at 5 and both fit; then plain highest averages, lists
    1 and 2 tie at 5/2 and both fit. Seats 2, 2, 2, no lot at all.
    """
    result = allocate(election(6, [5, 5, 50], candidates=[2, 2, 2]))
    assert result.status == "complete"
    assert seats_of(result) == [2, 2, 2]
    first = [s for s in result.steps if isinstance(s, ResidualSeatStep) and not s.reassignment]
    assert [(s.method, s.winners) for s in first] == [(LR, (3,))]
    assert _reassigned(result) == [(UHA, (1, 2)), (HA, (1, 2))]


def test_when_every_list_is_exhausted_the_seat_stays_unassigned() -> None:
    """S = 15, votes 2000, 1600, 1200, 800, 400, candidates 4, 4, 3, 2, 1 (lt19_all_exhausted).

    Full seats 5, 4, 3, 2, 1. List 1 gives one seat back; every other list has a seat for each
    candidate, so the seat stays empty, with the warning not_all_seats_assigned.
    """
    result = allocate(election(15, [2000, 1600, 1200, 800, 400], candidates=[4, 4, 3, 2, 1]))
    assert seats_of(result) == [4, 4, 3, 2, 1]
    assert result.unassigned == 1
    assert result.warnings == (NOT_ALL_SEATS_ASSIGNED,)
    assert UnassignedStep(seats=1) in result.steps
    assert _reassigned(result) == []


def test_a_deceased_candidate_cannot_take_a_seat_but_his_votes_count() -> None:
    """S = 5, votes 300, 100, 80, candidates 3, 2, 2; candidate 3 of list 1 deceased
    (deceased_single_exhaustion). Quota 96, 3/4 = 72. Full seats 3, 1, 0; residual 1.
    LR: list 3 (80). Seats 3, 1, 1. P 10: list 1 has 2 living candidates: one full seat back;
    LR again: list 2 (remainder 4; lists 1 and 3 hold LR seats or are exhausted). Seats 2, 2, 1.
    """
    result = allocate(election(5, [300, 100, 80], candidates=[3, 2, 2], deceased={1: [3]}))
    assert seats_of(result) == [2, 2, 1]
    assert result.lists[0].votes == 300
    assert result.lists[0].available == 2
    elected = [e.number for e in result.candidates[0].elected]
    assert elected == [1, 2]


def test_a_list_whose_candidates_all_died_gets_no_seat() -> None:
    """S = 5, votes 300, 100, 80, candidates 3, 2, 2, both of list 3 deceased
    (deceased_whole_list): its LR seat goes back and on to list 2. Seats 3, 2, 0."""
    result = allocate(election(5, [300, 100, 80], candidates=[3, 2, 2], deceased={3: [1, 2]}))
    assert seats_of(result) == [3, 2, 0]
    assert result.candidates[2].ranking == ()
    assert result.candidates[2].ranking_changed


def test_p9_and_p10_together_warn_and_let_the_list_win_a_largest_remainder_seat_again() -> None:
    """S = 8, votes 32, 41, 7, candidates 5, 3, 1 (lt19_p9_and_p10_uha). Quota 10, 3/4 = 7 1/2.

    Full seats 3, 4, 0; residual 1. LR: list 1 (remainder 2) before list 2 (1). Seats 4, 4, 0.
    P 9: list 2 has 41 of 80 votes and 4 of 8 seats: it takes list 1's LR seat. Seats 3, 5, 0.
    P 10: list 2 has 3 candidates: 2 seats back. LR: list 1, whose LR seat P 9 took, may take
    one again (Abacus' reading): seats 4, 3, 0. UHA: list 3 (7) before list 1 (32/5).
    Seats 4, 3, 1, with the warning absolute_majority_and_list_exhaustion.
    """
    result = allocate(election(8, [32, 41, 7], candidates=[5, 3, 1]))
    assert seats_of(result) == [4, 3, 1]
    assert _reassigned(result) == [(LR, (1,)), (UHA, (3,))]
    assert result.warnings == (P9_AND_P10,)


def test_the_island_councils_leave_a_surplus_seat_empty() -> None:
    """Kieswet Ya 29, "in afwijking van artikel P 10": for an island council the seat list 1
    cannot fill is not given to another list (compare the first test of this module)."""
    result = allocate(
        election(
            15,
            [2000, 1600, 1200, 800, 400],
            candidates=[4, 4, 3, 2, 2],
            category=ElectionCategory.ER,
        )
    )
    assert seats_of(result) == [4, 4, 3, 2, 1]
    assert result.unassigned == 1
    assert UnassignedStep(seats=1, article="Ya 29") in result.steps
    assert _reassigned(result) == []


def test_freed_seats_never_go_to_a_list_without_votes() -> None:
    """S = 10, votes 500, 0, 0, 0, 0, candidates 5, 1, 1, 1, 1 (gte19_zero_vote_lists): list 1
    has all 10 full seats and 5 candidates; the 5 freed seats stay empty."""
    result = allocate(election(10, [500, 0, 0, 0, 0], candidates=[5, 1, 1, 1, 1]))
    assert seats_of(result) == [5, 0, 0, 0, 0]
    assert result.unassigned == 5
    assert result.warnings == (NOT_ALL_SEATS_ASSIGNED,)
