"""Counterexamples the properties found, worked out by hand with the law's arithmetic.

When a property fails, Hypothesis prints the smallest election it found. Each such election is
kept here as an example test whose docstring does the arithmetic of Kieswet chapter P step by
step, following seat-allocation.md, so a reader can check the expected seats with pen and paper.
They stay after the bug is fixed, so it cannot come back unseen.
"""

from __future__ import annotations

from results.allocation import allocate
from results.allocation.types import ResidualSeatStep
from tests.properties.strategies import election
from tests.properties.trace import check_trace

#: Found by test_the_trace_accounts_for_every_seat and a comparison with the specification:
#: list 1 has one candidate and already three full seats.
EXHAUSTED_LIST_TAKES_A_RESIDUAL_SEAT = election(14, [50, 111, 9, 44], candidates=[1, 50, 50, 50])


def test_a_list_without_a_candidate_left_takes_no_residual_seat_and_p9_takes_the_right_one() -> (
    None
):
    """A list that cannot fill another seat takes no part in the residual seats (P 8 with
    P 10; seat-allocation.md §5: eligible only while ``s_i < available_i``). When it wrongly
    does, P 9 later takes "the last residual seat" from the wrong list and a seat moves
    between two other parties.

    14 seats (GR, fewer than 19: P 8). Votes 50, 111, 9, 44; V = 214; quota 214/14 = 15 2/7.
    List 1 has a single candidate.

    Full seats (P 6): 3, 7, 0, 2 (12). Remainders: 4 1/7, 4, 9, 13 3/7. Residual seats: 2.
    3/4 of the quota is 11 13/28: list 3 (9 votes) is below it (P 8(2)).
    List 1 already has 3 seats and 1 candidate: it cannot take a residual seat.

    Largest remainders: seat 1 to list 4 (13 3/7); seat 2 to list 2 (4), the only other list
    that may take one. Seats 3, 8, 0, 3.
    P 9: list 2 has 111 of 214 votes and 8 of 14 seats, more than half: P 9 does not apply.
    P 10: list 1 keeps 1 seat; 2 seats are freed. No list may take a second LR seat and list 3
    is below 3/4 of the quota, so unique highest averages: list 2 (111/9 = 12 1/3), then
    list 4 (44/4 = 11; list 2 already has its UHA seat; list 3 has 9/1 = 9).

    Seats 1, 9, 0, 4.

    The implementation (at the time of writing) gave the second largest-remainder seat to
    list 1 (remainder 4 1/7 > 4), then let P 9 take that seat for list 2 (7 of 14 seats), then
    gave list 2 the freed seats: seats 1, 10, 0, 3, one seat moved from list 4 to list 2.
    """
    allocation = allocate(EXHAUSTED_LIST_TAKES_A_RESIDUAL_SEAT)
    seats = {lst.number: lst.seats for lst in allocation.lists}
    compared = [
        number
        for step in allocation.steps
        if isinstance(step, ResidualSeatStep)
        for number, _ in step.values
    ]
    assert 1 not in compared, "list 1 has no candidate left for a residual seat"
    assert seats == {1: 1, 2: 9, 3: 0, 4: 4}
    check_trace(EXHAUSTED_LIST_TAKES_A_RESIDUAL_SEAT, allocation)
