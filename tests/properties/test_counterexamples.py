"""Elections the properties found, worked out by hand with the law's arithmetic.

When a property fails, Hypothesis prints the smallest election it found. Each such election is
kept here as an example test whose docstring does the arithmetic of Kieswet chapter P step by
step, so a reader can check the expected seats with pen and paper, and it stays after the
question it raised is settled, so the behaviour cannot change unseen.
"""

from __future__ import annotations

from results.allocation import allocate
from results.allocation.types import AbsoluteMajorityStep, ExhaustionStep, ResidualSeatStep
from tests.properties.strategies import election
from tests.properties.trace import check_trace

#: Found by test_the_trace_accounts_for_every_seat while its reading of P 10 differed from the
#: implementation's: list 1 has one candidate and already three full seats.
EXHAUSTED_LIST_TAKES_A_RESIDUAL_SEAT = election(14, [50, 111, 9, 44], candidates=[1, 50, 50, 50])


def test_a_list_without_candidates_left_still_competes_until_p10_applies() -> None:
    """P 10 applies after the residual seats: "Indien aan een lijst meer zetels zouden moeten
    worden toegewezen dan er kandidaten op voorkomen, ..." (seats that *would have to be*
    assigned). A list that has a seat for every living candidate therefore still takes part in
    the first distribution of residual seats, and only gives seats back afterwards. This is
    what the Kiesraad's reference implementation (Abacus) does and what its test cases
    ``p22_lt19_p10`` and ``lt19_p10_second_round_ha_lots`` (seat-allocation vectors) require;
    the alternative reading (leave such a list out at once, seat-allocation.md §8) would ask
    for a lot that the second case never draws. Because P 9 and P 10 both apply, the result
    carries the warning to contact the Kiesraad.

    14 seats (GR, fewer than 19: P 8). Votes 50, 111, 9, 44; V = 214; quota 214/14 = 15 2/7.
    List 1 has a single candidate.

    Full seats (P 6): 3, 7, 0, 2 (12). Remainders: 4 1/7, 4, 9, 13 3/7. Residual seats: 2.
    3/4 of the quota is 11 13/28: list 3 (9 votes) is below it (P 8(2)).

    Largest remainders (P 8(1)): seat 1 to list 4 (13 3/7); seat 2 to list 1 (4 1/7 > 4).
    Seats 4, 7, 0, 3.
    P 9: list 2 has 111 of 214 votes, more than half, and 7 of 14 seats, not more than half:
    it gets one seat more, taken from list 1, which received the last residual seat.
    Seats 3, 8, 0, 3.
    P 10: list 1 has 3 seats and 1 candidate: 2 seats are freed. Seats 1, 8, 0, 3.
    Freed seat 1, largest remainders: list 2 has no LR seat yet (its P 9 seat is not one):
    remainder 4 wins. Freed seat 2: no list may take an LR seat any more; unique highest
    averages: list 2 111/10 = 11 1/10, list 4 44/4 = 11, list 3 9/1 = 9: list 2.

    Seats 1, 10, 0, 3, with the warning absolute_majority_and_list_exhaustion.
    """
    allocation = allocate(EXHAUSTED_LIST_TAKES_A_RESIDUAL_SEAT)
    seats = {lst.number: lst.seats for lst in allocation.lists}
    assert seats == {1: 1, 2: 10, 3: 0, 4: 3}
    first_round = [step for step in allocation.steps if isinstance(step, ResidualSeatStep)][:2]
    assert [step.winners for step in first_round] == [(4,), (1,)]
    majority = [step for step in allocation.steps if isinstance(step, AbsoluteMajorityStep)]
    assert [(step.list_number, step.taken_from) for step in majority] == [(2, 1)]
    exhaustion = [step for step in allocation.steps if isinstance(step, ExhaustionStep)]
    assert [(step.list_number, step.seats_removed) for step in exhaustion] == [(1, 2)]
    assert allocation.warnings == ("absolute_majority_and_list_exhaustion",)
    check_trace(EXHAUSTED_LIST_TAKES_A_RESIDUAL_SEAT, allocation)
