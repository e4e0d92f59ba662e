"""A lijstengroep divides its seats over its lists: Kieswet P 12 and P 13, worked out by hand."""

from __future__ import annotations

from fractions import Fraction

import pytest

from results.allocation.groups import allocate_districts
from results.allocation.groups_seats import distribute_group_seats
from results.allocation.groups_trace import GroupSeatStep, GroupStep, GroupSurplusStep
from results.allocation.groups_types import DistrictList, GroupSeats
from results.allocation.lots import LotBook, LotsNeeded
from results.allocation.types import AllocationError, LotKind, LotOutcome
from tests.allocation.group_builders import (
    complete,
    dlist,
    election,
    filler,
    group,
    seats_per_list,
)


def spread(districts: int | tuple[int, ...], votes: int, size: int = 10) -> DistrictList:
    """A list of ``size`` candidates sharing ``votes`` as evenly as possible (nobody stands out,
    so no one reaches the preference threshold in these examples)."""
    prefix = districts if isinstance(districts, int) else districts[0]
    shares = [votes // size + (1 if index < votes % size else 0) for index in range(size)]
    return dlist(districts, *((f"k{prefix}-{i}", share) for i, share in enumerate(shares)))


def run(
    lists: list[DistrictList], seats: int, lots: tuple[LotOutcome, ...] = ()
) -> tuple[GroupSeats, list[GroupStep]]:
    steps: list[GroupStep] = []
    cursor = LotBook(lots)
    result, _order = distribute_group_seats(7, lists, seats, cursor, steps)
    cursor.finish()
    return result, steps


def seats_of(result: GroupSeats) -> dict[int, int]:
    return {item.list_id: item.seats for item in result.lists}


def test_the_quota_full_seats_and_the_seat_for_the_largest_remainder() -> None:
    """Group of 10 seats; lists of kieskring 1, 2, 3 with 4,600, 3,100 and 2,300 votes.

    Group quota (P 12(2)): 10,000 / 10 = 1,000.
    Full seats (P 12(4)): 4,600 / 1,000 = 4 rest 600; 3,100 -> 3 rest 100; 2,300 -> 2 rest 300.
    That is 9 seats; the 10th goes to the largest remainder, 600 (P 12(5)): kieskring 1.
    Result: 5, 3, 2.
    """
    result, steps = run([spread(1, 4600), spread(2, 3100), spread(3, 2300)], 10)

    assert result.group_quota == 1000
    assert [(i.full_seats, i.remainder) for i in result.lists] == [
        (4, Fraction(600)),
        (3, Fraction(100)),
        (2, Fraction(300)),
    ]
    assert seats_of(result) == {1: 5, 2: 3, 3: 2}
    [seat] = [step for step in steps if isinstance(step, GroupSeatStep)]
    assert (seat.winners, seat.article, seat.values) == (
        (1,),
        "P 12(5)",
        ((1, Fraction(600)), (2, Fraction(100)), (3, Fraction(300))),
    )


def test_remainders_are_exact_fractions() -> None:
    """Group of 3 seats; lists with 1,000, 1,000 and 1,001 votes (3,001 together).

    Group quota 3,001 / 3 = 1,000 1/3. Nobody has a full seat: 1,000 < 1,000 1/3. Remainders
    1,000, 1,000, 1,001: the three seats go one each to the three lists.
    """
    result, _ = run([spread(1, 1000), spread(2, 1000), spread(3, 1001)], 3)

    assert result.group_quota == Fraction(3001, 3)
    assert seats_of(result) == {1: 1, 2: 1, 3: 1}


def test_the_largest_remainder_wins_the_last_seat_whatever_the_size() -> None:
    """Group of 7 seats; 3,000, 2,000, 1,400, 600 votes (7,000). Group quota 1,000.

    Full seats 3, 2, 1, 0 (6 seats); remainders 0, 0, 400, 600. The 7th seat goes to the list
    of kieskring 4 with 600 votes, which has no full seat: P 12 has no threshold.
    """
    result, _ = run([spread(1, 3000), spread(2, 2000), spread(3, 1400), spread(4, 600)], 7)

    assert seats_of(result) == {1: 3, 2: 2, 3: 1, 4: 1}


def test_equal_remainders_that_do_not_fit_ask_for_a_group_lot() -> None:
    """Group of 7 seats; 3,000, 2,000, 1,500, 500 votes. Full seats 3, 2, 1, 0; remainders 0,
    0, 500, 500. One seat, two equal remainders: "Indien overschotten gelijk zijn, beslist zo
    nodig het lot" (P 12(5)). The lot is asked for, not drawn."""
    lists = [spread(1, 3000), spread(2, 2000), spread(3, 1500), spread(4, 500)]
    with pytest.raises(LotsNeeded) as stop:
        run(lists, 7)
    required = stop.value.required
    assert required.kind is LotKind.GROUP_LR
    assert (required.options, required.seats, required.list_number) == ((3, 4), 1, 7)
    assert (required.article, required.tied_value) == ("P 12(5)", Fraction(500))

    result, steps = run(lists, 7, (LotOutcome(LotKind.GROUP_LR, 4, 7),))
    assert seats_of(result) == {1: 3, 2: 2, 3: 1, 4: 1}
    [seat] = [step for step in steps if isinstance(step, GroupSeatStep)]
    assert seat.lot == LotOutcome(LotKind.GROUP_LR, 4, 7)


def test_equal_remainders_that_fit_need_no_lot() -> None:
    """Group of 4 seats; 1,700, 1,700, 600 votes (4,000). Quota 1,000: full seats 1, 1, 0,
    remainders 700, 700, 600, two seats left. The two equal remainders fit the two seats: both
    lists get one, in one step, without a lot ("zo nodig het lot"). Result 2, 2, 0."""
    result, steps = run([spread(1, 1700), spread(2, 1700), spread(3, 600)], 4)
    assert seats_of(result) == {1: 2, 2: 2, 3: 0}
    [seat] = [step for step in steps if isinstance(step, GroupSeatStep)]
    assert (seat.seat_number, seat.winners, seat.lot) == (1, (1, 2), None)


def test_several_lots_in_sequence_then_replay_gives_the_same_result() -> None:
    """Group of 3 seats; four lists of 1,100 votes. Quota 4,400 / 3 = 1,466 2/3: no full seats,
    four equal remainders for three seats. Lot 1 among (1, 2, 3, 4) for 3 seats, then among the
    three left for 2 seats, then among the two left for 1 seat: three lots."""
    lists = [spread(k, 1100) for k in (1, 2, 3, 4)]
    drawn: list[LotOutcome] = []
    asked = []
    for chosen in (2, 4, 1):
        with pytest.raises(LotsNeeded) as stop:
            run(lists, 3, tuple(drawn))
        asked.append((stop.value.required.options, stop.value.required.seats))
        drawn.append(LotOutcome(LotKind.GROUP_LR, chosen, 7))
    assert asked == [((1, 2, 3, 4), 3), ((1, 3, 4), 2), ((1, 3), 1)]

    first, _ = run(lists, 3, tuple(drawn))
    again, _ = run(lists, 3, tuple(drawn))
    assert first == again
    assert seats_of(first) == {1: 1, 2: 1, 3: 0, 4: 1}


@pytest.mark.parametrize(
    ("outcome", "message"),
    [
        (LotOutcome(LotKind.GROUP_LR, 1, 7), "choosing 1 of list 7 was supplied"),
        (LotOutcome(LotKind.RESIDUAL_LR, 3, 7), "a residual_LR lot choosing 3"),
        (LotOutcome(LotKind.GROUP_LR, 3, 8), "choosing 3 of list 8"),
    ],
)
def test_a_supplied_lot_that_does_not_fit_is_refused(outcome: LotOutcome, message: str) -> None:
    lists = [spread(1, 3000), spread(2, 2000), spread(3, 1500), spread(4, 500)]
    with pytest.raises(AllocationError, match=message):
        run(lists, 7, (outcome,))


def test_a_lot_left_over_is_refused() -> None:
    with pytest.raises(AllocationError, match="not needed"):
        run([spread(1, 4600), spread(2, 3100)], 5, (LotOutcome(LotKind.GROUP_LR, 1, 7),))


def test_p13_surplus_of_full_seats_passes_down_the_remainders_then_by_averages() -> None:
    """Group of 4 seats. Kieskring 1: one candidate, 3,500 votes; kieskring 2: three candidates,
    300 votes; kieskring 3: three candidates, 200 votes (4,000 together).

    Group quota 1,000. Full seats 3, 0, 0; remainders 500, 300, 200; one residual seat.
    Kieskring 1 can take 1 seat of its 3: 2 pass on (P 13(1)), 3 seats to give.
    Continued largest remainders, one per list, kieskring 1 passed over: kieskring 2 (300),
    then kieskring 3 (200). One seat left and every list had its remainder seat: highest
    averages among the lists with candidates left (P 13(2)): kieskring 2 300 / 2 = 150,
    kieskring 3 200 / 2 = 100: kieskring 2. Result: 1, 2, 1.
    """
    lists = [
        dlist(1, ("solo", 3500)),
        dlist(2, ("b1", 100), ("b2", 100), ("b3", 100)),
        dlist(3, ("c1", 100), ("c2", 50), ("c3", 50)),
    ]
    result, steps = run(lists, 4)

    assert [(i.full_seats, i.seats_removed, i.seats) for i in result.lists] == [
        (3, 2, 1),
        (0, 0, 2),
        (0, 0, 1),
    ]
    assert [s for s in steps if isinstance(s, GroupSurplusStep)] == [GroupSurplusStep(7, 1, 2, 1)]
    seats = [s for s in steps if isinstance(s, GroupSeatStep)]
    assert [(s.winners, s.method, s.article) for s in seats] == [
        ((2,), "largest_remainders", "P 13(1)"),
        ((3,), "largest_remainders", "P 13(1)"),
        ((2,), "highest_averages", "P 13(2)"),
    ]
    assert seats[0].excluded == ((1, "exhausted"),)
    assert seats[2].values == ((2, Fraction(150)), (3, Fraction(100)))


def test_p13_a_list_without_remainder_can_take_a_passed_on_seat() -> None:
    """Group of 3 seats. Kieskring 1: one candidate, 2,000 votes; kieskring 2: 1,000 votes.
    Quota 1,000: full seats 2 and 1, both remainders 0. Kieskring 1 can take only 1 seat; the
    other passes on. "Lijsten die geen overschot hebben, geacht lijsten te zijn met het kleinste
    overschot" (P 12(5)): smallest, but still in the ranking. Kieskring 2 gets it: 1, 2."""
    result, _ = run([dlist(1, ("solo", 2000)), spread(2, 1000, size=3)], 3)
    assert seats_of(result) == {1: 1, 2: 2}


def test_deceased_candidates_cannot_take_a_group_seat() -> None:
    """Kieskring 1 has two candidates, one deceased (P 19a: the votes count for the list).
    Group of 2 seats, 1,800 and 200 votes: full seats 1 and 0, remainders 800 and 200. The
    residual seat would go to kieskring 1, which has no living candidate left: kieskring 2."""
    lists = [dlist(1, ("alive", 900), ("gone", 900, True)), spread(2, 200, size=2)]
    result, _ = run(lists, 2)
    assert seats_of(result) == {1: 1, 2: 1}


def test_a_group_without_seats_has_no_quota() -> None:
    result, steps = run([spread(1, 10), spread(2, 20)], 0)
    assert result.group_quota is None
    assert seats_of(result) == {1: 0, 2: 0}
    assert steps == []


def test_more_seats_than_living_candidates_is_an_input_error() -> None:
    with pytest.raises(AllocationError, match="living candidates"):
        run([dlist(1, ("a", 10)), dlist(2, ("b", 10))], 3)


def test_the_distribution_does_not_depend_on_the_order_of_the_lists() -> None:
    lists = [spread(1, 4600), spread((2, 5), 3100), spread(3, 2300), spread(4, 777)]
    forward, _ = run(lists, 11)
    backward, _ = run(list(reversed(lists)), 11)
    assert forward == backward


def test_through_allocate_districts_a_group_tie_asks_a_lot_and_replays() -> None:
    """Through :func:`allocate_districts`: the group's tie asks a ``group_LR`` lot, and the
    replay loop (choosing the lowest option) completes the allocation. Candidates share their
    list's votes so nobody passes the preference threshold (25 % of quota 1,000)."""
    lists = [spread(k, votes, size=20) for k, votes in ((1, 3000), (2, 2000), (3, 1500), (4, 500))]
    groep = group(1, *lists)
    districts = election(20, groep, filler(2, 13000))
    first = allocate_districts(districts, {1: 7, 2: 13})
    assert first.status == "lots_required"
    assert first.lots_required is not None
    assert first.lots_required.kind is LotKind.GROUP_LR
    assert seats_per_list(first, 2) == {1: 13}  # what is known is shown while the lot is drawn

    done = complete(districts, {1: 7, 2: 13}, min)
    assert done.status == "complete"
    assert done.lots_used == (LotOutcome(LotKind.GROUP_LR, 3, 1),)
    assert seats_per_list(done, 1) == {1: 3, 2: 2, 3: 2, 4: 0}
