"""The absolute majority (P 9): one seat more for a list with more than half of the votes."""

from __future__ import annotations

import dataclasses
from fractions import Fraction

from results.allocation import (
    AbsoluteMajorityStep,
    Allocation,
    LotKind,
    LotOutcome,
    ResidualMethod,
    ResidualSeatStep,
    allocate,
)
from results.allocation.majority import last_residual_seats
from tests.allocation.builders import complete, election, seats_of


def _majority_steps(result: Allocation) -> list[AbsoluteMajorityStep]:
    return [s for s in result.steps if isinstance(s, AbsoluteMajorityStep)]


def test_a_majority_of_votes_gets_a_majority_of_seats_from_the_last_residual_seat() -> None:
    """S = 15, votes 2571, 977, 567, 536, 453 (GR2022; lt19_p9_absolute_majority).

    Quota 5104/15 = 340 4/15. Full seats 7, 2, 1, 1, 1 = 12, residual 3. Remainders
    189 2/15, 296 7/15, 226 11/15, 195 11/15, 112 11/15; all reach 3/4 of the quota (255 1/5)
    but list 5. LR seats: list 2, list 3, list 4. Seats 7, 3, 2, 2, 1.
    P 9: list 1 has 2571 of 5104 votes (2 * 2571 > 5104) but 7 of 15 seats (2 * 7 <= 15): it
    gets the seat list 4 received last. Seats 8, 3, 2, 1, 1.
    """
    result = allocate(election(15, [2571, 977, 567, 536, 453]))
    assert seats_of(result) == [8, 3, 2, 1, 1]
    assert _majority_steps(result) == [AbsoluteMajorityStep(list_number=1, taken_from=4)]
    assert result.lists[0].residual_seats == 1
    assert result.lists[3].residual_seats == 0


def test_exactly_half_of_the_votes_is_not_a_majority() -> None:
    """S = 15, votes 2552, 987, 570, 539, 456 (lt19_exactly_half_no_p9): 2 * 2552 = 5104 = V,
    not more than half. List 1 keeps 7 seats; P 9 is not applied."""
    result = allocate(election(15, [2552, 987, 570, 539, 456]))
    assert seats_of(result) == [7, 3, 2, 2, 1]
    assert _majority_steps(result) == []


def test_a_tie_in_the_last_step_asks_whose_seat_goes_by_an_absolute_majority_lot() -> None:
    """S = 15, votes 2552, 511, 511, 511, 509, 509 (lt19_p9_with_lots). V = 5103, quota 340 1/5.

    Full seats 7, 1, 1, 1, 1, 1 = 12, residual 3. Remainders: list 1 170 3/5, lists 2-4
    170 4/5, lists 5-6 168 4/5. Lists 2, 3 and 4 tie for the 3 seats and all get one, in one
    step. P 9: list 1 has 2552 of 5103 votes and 7 of 15 seats; the seat is taken from one of
    lists 2, 3, 4, by lot (P 9). Drawn: 3. Seats 8, 2, 1, 2, 1, 1.
    """
    first = allocate(election(15, [2552, 511, 511, 511, 509, 509]))
    assert first.status == "lots_required"
    required = first.lots_required
    assert required is not None
    assert (required.kind, required.article, required.options) == (
        LotKind.ABSOLUTE_MAJORITY,
        "P 9",
        (2, 3, 4),
    )
    assert required.seats == 1
    assert required.tied_value == Fraction(2562, 15)
    assert seats_of(first) == [7, 2, 2, 2, 1, 1]
    result = complete(election(15, [2552, 511, 511, 511, 509, 509]), [3])
    assert seats_of(result) == [8, 2, 1, 2, 1, 1]
    assert _majority_steps(result) == [
        AbsoluteMajorityStep(
            list_number=1, taken_from=3, lot=LotOutcome(LotKind.ABSOLUTE_MAJORITY, 3)
        )
    ]


def test_seats_given_one_by_one_by_lot_for_the_same_remainder_are_all_the_last_seats() -> None:
    """S = 14, votes 255, 52, 52, 52, 68, 4. V = 483, quota 34 1/2, 3/4 = 25 7/8.

    Full seats 7, 1, 1, 1, 1, 0 = 11, residual 3. Remainders 13 1/2, 17 1/2 (lists 2, 3, 4),
    33 1/2 (list 5), 4 (list 6, below 3/4). LR seat 1: list 5. Seats 2 and 3: lists 2, 3, 4
    tie at 17 1/2 for 2 seats: lot, drawn 2; then lists 3, 4 for 1 seat: lot, drawn 3.
    P 9: list 1 has 255 of 483 votes and 7 of 14 seats. Lists 2 and 3 both received the last
    seats for the same remainder ("voor het kleinste overschot"), so a lot decides between them;
    drawn 2. Seats 8, 1, 2, 1, 2, 0.
    """
    votes = [255, 52, 52, 52, 68, 4]
    before = complete(election(14, votes), [2, 3, 2])
    assert seats_of(before) == [8, 1, 2, 1, 2, 0]
    lots = [lot.kind for lot in before.lots_used]
    assert lots == [LotKind.RESIDUAL_LR, LotKind.RESIDUAL_LR, LotKind.ABSOLUTE_MAJORITY]
    asked = allocate(
        dataclasses.replace(election(14, votes), lots=before.lots_used[:2])
    ).lots_required
    assert asked is not None
    assert asked.options == (2, 3)


def test_the_last_residual_seats_are_the_last_step_with_its_lot_decided_predecessors() -> None:
    """Steps with the same method and the same value as the last one belong to the run."""

    def step(seat: int, winner: int, value: Fraction, method: ResidualMethod) -> ResidualSeatStep:
        return ResidualSeatStep(
            seat_number=seat, method=method, values=((winner, value),), winners=(winner,)
        )

    lr = ResidualMethod.LARGEST_REMAINDERS
    uha = ResidualMethod.UNIQUE_HIGHEST_AVERAGES
    a = step(1, 5, Fraction(67, 2), lr)
    b = step(2, 2, Fraction(35, 2), lr)
    c = step(3, 3, Fraction(35, 2), lr)
    assert last_residual_seats([a, b, c]) == [b, c]
    d = step(4, 4, Fraction(35, 2), uha)
    assert last_residual_seats([a, b, c, d]) == [d]
    assert last_residual_seats([]) == []


def test_without_residual_seats_there_is_nothing_for_p9_to_move() -> None:
    """S = 15, votes 480, 160, 160, 160, 80, 80, 80: all 15 seats are full seats, no step."""
    result = allocate(election(15, [480, 160, 160, 160, 80, 80, 80]))
    assert seats_of(result) == [6, 2, 2, 2, 1, 1, 1]
    assert _majority_steps(result) == []
    assert not [s for s in result.steps if isinstance(s, ResidualSeatStep)]


def test_from_19_seats_p9_takes_the_last_dhondt_seat() -> None:
    """S = 24, votes 7501, 1249 (five lists), 1248, 7 (gte19_p9). V = 15000, quota 625.

    Full seats 12, 1, 1, 1, 1, 1, 1, 0 = 18, residual 6. Averages: list 1 7501/13 = 577,
    lists 2-6 1249/2 = 624 1/2, list 7 624, list 8 7. Seats 1-5 lists 2-6 (tied, fitting),
    seat 6 list 7 (624). P 9: list 1 has 7501 of 15000 votes and 12 of 24 seats: it takes list
    7's seat. Seats 13, 2, 2, 2, 2, 2, 1, 0.
    """
    result = allocate(election(24, [7501, 1249, 1249, 1249, 1249, 1249, 1248, 7]))
    assert seats_of(result) == [13, 2, 2, 2, 2, 2, 1, 0]
    assert _majority_steps(result) == [AbsoluteMajorityStep(list_number=1, taken_from=7)]
