"""Reading an allocation's trace step by step, as an auditor reads the process-verbaal.

:func:`check_trace` starts from the full seats of P 6 and applies every step of the trace in
order, checking that each step is one the law allows at that moment:

* a residual-seat step compares exactly the right value for every list that takes part (its
  remainder, or its average ``V_i / (seats + 1)`` with its seats at that moment), gives the
  seat to the best value, all tied lists together when they fit in the seats left and by lot
  when they do not (P 14), and lists every other list that could take a seat as excluded, with
  a reason that is true;
* below 19 seats, the phases come in the order of P 8: largest remainders (one per list, at
  least 3/4 of the quota) while a list may take one, then unique highest averages (one per
  list), then plain highest averages (only after P 10);
* from 19 seats on, highest averages (P 7), for the Tweede Kamer only among lists that reached
  the quota (P 7(2));
* P 9 moves one seat to the majority list from a list that won the last residual seat (all
  lists that won residual seats for the last, equal value count as "last", and then a lot
  decides), and never takes a full seat;
* P 10 removes exactly the seats a list cannot fill. It applies *after* the residual seats:
  a list that already has a seat for every living candidate still takes part in the first
  distribution of residual seats ("zouden moeten worden toegewezen", P 10), and is left out
  only when freed seats are given again. This is how the Kiesraad's reference implementation
  (Abacus) and its test cases read P 10; docs/auditing.md explains the choice.

At the end the seats followed through the steps must be the seats of the result. The module
does not choose winners itself; it checks that the choices in the trace are the law's.
"""

from __future__ import annotations

from collections import defaultdict
from fractions import Fraction

from osv.model import ElectionCategory
from results.allocation.types import (
    AbsoluteMajorityStep,
    Allocation,
    AllocationInput,
    ExhaustionStep,
    FullSeatsStep,
    QuotaStep,
    ResidualMethod,
    ResidualSeatStep,
    UnassignedStep,
)
from tests.properties import law

__all__ = ["REASONS", "check_trace"]

#: The documented reasons a list does not take part in a residual-seat step.
REASONS = frozenset({"below_threshold", "exhausted", "no_votes", "has_lr_seat", "has_uha_seat"})

_LR = ResidualMethod.LARGEST_REMAINDERS
_UHA = ResidualMethod.UNIQUE_HIGHEST_AVERAGES
_HA = ResidualMethod.HIGHEST_AVERAGES


class _Seats:
    """The seats and phase history of every list, followed through the trace."""

    def __init__(self, allocation_input: AllocationInput, allocation: Allocation) -> None:
        self.input = allocation_input
        self.seats_total = allocation_input.seats
        self.total = law.total_votes(allocation_input)
        self.quota = law.quota(allocation_input)
        self.votes = {lst.number: lst.votes for lst in allocation_input.lists}
        self.available = {lst.number: lst.available for lst in allocation_input.lists}
        self.small = self.seats_total < law.SMALL_BODY_SEATS
        self.seats: dict[int, int] = {}
        self.full: dict[int, int] = {}
        self.remainder: dict[int, Fraction] = {}
        self.lr_held: set[int] = set()
        self.uha_held: set[int] = set()
        self.left = 0
        self.unassigned = 0
        self.last_value: Fraction | None = None
        self.last_method: ResidualMethod | None = None
        self.last_winners: list[int] = []
        self.reassignment = False

    def can_take_a_seat(self, number: int) -> bool:
        """Whether the list may compete now: it has votes and, when freed seats are given
        again under P 10, a living candidate for another seat."""
        if self.votes[number] == 0:
            return False
        return not self.reassignment or self.seats[number] < self.available[number]

    def reaches_three_quarters(self, number: int) -> bool:
        return 4 * self.votes[number] * self.seats_total >= 3 * self.total

    def lr_eligible(self, number: int) -> bool:
        return (
            self.can_take_a_seat(number)
            and self.reaches_three_quarters(number)
            and number not in self.lr_held
        )

    def uha_eligible(self, number: int) -> bool:
        return self.can_take_a_seat(number) and number not in self.uha_held

    def below_threshold(self, number: int, method: ResidualMethod) -> bool:
        if method is _LR:
            return not self.reaches_three_quarters(number)
        return law.full_quota_threshold_may_apply(self.input.category) and (
            self.votes[number] < self.quota
        )


def _start(state: _Seats, allocation: Allocation) -> None:
    quota_steps = [s for s in allocation.steps if isinstance(s, QuotaStep)]
    assert len(quota_steps) == 1, "the trace must state the quota once (P 5)"
    step = quota_steps[0]
    assert (step.total_votes, step.seats, step.quota) == (
        state.total,
        state.seats_total,
        state.quota,
    ), f"quota step {step}, expected {state.total} / {state.seats_total}"
    full_steps = {s.list_number: s for s in allocation.steps if isinstance(s, FullSeatsStep)}
    assert set(full_steps) == set(state.votes), "the trace must have one full-seats step per list"
    for lst in state.input.lists:
        full = full_steps[lst.number]
        assert full.votes == lst.votes, full
        assert full.full_seats == law.full_seats(lst, state.input), full
        assert full.remainder == law.remainder(lst, state.input), full
        assert 0 <= full.remainder < state.quota, full
        state.seats[lst.number] = state.full[lst.number] = full.full_seats
        state.remainder[lst.number] = full.remainder
    state.left = state.seats_total - sum(state.seats.values())


def _check_reasons(state: _Seats, step: ResidualSeatStep, excluded: dict[int, str]) -> None:
    for number, reason in excluded.items():
        assert reason in REASONS, f"unknown reason {reason!r} in {step}"
        true = {
            "no_votes": state.votes[number] == 0,
            "exhausted": state.seats[number] >= state.available[number],
            "below_threshold": state.below_threshold(number, step.method),
            "has_lr_seat": step.method is _LR and number in state.lr_held,
            "has_uha_seat": step.method is _UHA and number in state.uha_held,
        }[reason]
        assert true, f"list {number} excluded as {reason!r}, which is not so: {step}"


def _check_phase(state: _Seats, step: ResidualSeatStep) -> None:
    numbers = list(state.votes)
    if not state.small:
        assert step.method is _HA, f"from 19 seats on every residual seat is P 7: {step}"
        return
    if step.method is _UHA:
        waiting = [n for n in numbers if state.lr_eligible(n)]
        assert not waiting, f"a UHA seat while lists {waiting} may still take an LR seat: {step}"
    if step.method is _HA:
        waiting = [n for n in numbers if state.lr_eligible(n) or state.uha_eligible(n)]
        assert not waiting, (
            f"a plain highest-averages seat below 19 seats while lists {waiting} may still "
            f"take an LR or UHA seat: {step}"
        )


def _residual(state: _Seats, step: ResidualSeatStep) -> None:
    state.reassignment = step.reassignment
    values = dict(step.values)
    excluded = dict(step.excluded)
    assert not set(values) & set(excluded), f"a list both compared and excluded: {step}"
    _check_phase(state, step)
    _check_reasons(state, step, excluded)
    for number, value in values.items():
        assert state.can_take_a_seat(number), f"list {number} compared for a seat it cannot take"
        if step.method is _LR:
            assert value == state.remainder[number], f"list {number}: not its remainder {step}"
            assert state.reaches_three_quarters(number), (
                f"list {number} below 3/4 of the quota compared for an LR seat (P 8(2)): {step}"
            )
            assert number not in state.lr_held, f"a second LR seat for list {number}: {step}"
        else:
            expected = Fraction(state.votes[number], state.seats[number] + 1)
            assert value == expected, f"list {number}: average {value}, expected {expected}"
        if step.method is _UHA:
            assert number not in state.uha_held, f"a second UHA seat for list {number}: {step}"
        if state.input.category is ElectionCategory.TK:
            assert state.votes[number] >= state.quota, f"P 7(2): list {number} is below the quota"
    for number in state.votes:
        if state.can_take_a_seat(number):
            assert number in values or number in excluded, (
                f"list {number} could take a seat but is neither compared nor excluded: {step}"
            )
    assert values, f"a residual seat given without any list compared: {step}"
    best = max(values.values())
    tied = sorted(n for n, v in values.items() if v == best)
    if step.lot is not None:
        assert len(tied) > state.left, f"a lot although the tie fits the seats left: {step}"
        assert step.winners == (step.lot.chosen,), step
        assert step.lot.chosen in tied, step
    else:
        assert len(tied) <= state.left, f"a tie larger than the {state.left} seats left: {step}"
        assert sorted(step.winners) == tied, f"the winners are not the best lists: {step}"
    for number in step.winners:
        state.seats[number] += 1
        if step.method is _LR:
            state.lr_held.add(number)
        if step.method is _UHA:
            state.uha_held.add(number)
    state.left -= len(step.winners)
    if not step.reassignment:
        if step.method is state.last_method and best == state.last_value:
            state.last_winners.extend(step.winners)
        else:
            state.last_winners = list(step.winners)
        state.last_value, state.last_method = best, step.method


def _majority(state: _Seats, step: AbsoluteMajorityStep) -> None:
    gains, loses = step.list_number, step.taken_from
    assert 2 * state.votes[gains] > state.total, f"P 9 for a list without a majority: {step}"
    assert 2 * state.seats[gains] <= state.seats_total, (
        f"P 9 for list {gains}, which already had more than half of the seats"
    )
    last = sorted(set(state.last_winners))
    assert last, f"P 9 without any residual seat before it: {step}"
    assert loses in last, (
        f"P 9 took the seat from list {loses}; the last residual seat(s) went to {last}"
    )
    if len(last) > 1:
        message = f"the last residual value was won by lists {last}: P 9 needs a lot"
        assert step.lot is not None, message
        assert step.lot.chosen == loses, message
    state.seats[gains] += 1
    state.seats[loses] -= 1
    assert state.seats[loses] >= state.full[loses], f"P 9 took a full seat from list {loses}"
    if state.last_method is _LR:
        state.lr_held.discard(loses)
    if state.last_method is _UHA:
        state.uha_held.discard(loses)


def _exhaustion(state: _Seats, step: ExhaustionStep) -> None:
    number = step.list_number
    assert step.available == state.available[number], step
    assert state.seats[number] > state.available[number], (
        f"P 10 for list {number}, which can fill its {state.seats[number]} seats: {step}"
    )
    assert step.seats_removed == state.seats[number] - state.available[number], step
    state.seats[number] = state.available[number]
    state.left += step.seats_removed


def check_trace(allocation_input: AllocationInput, allocation: Allocation) -> None:
    """Follow the trace of a complete allocation and check every step (see the module)."""
    state = _Seats(allocation_input, allocation)
    _start(state, allocation)
    for step in allocation.steps:
        if isinstance(step, ResidualSeatStep):
            _residual(state, step)
        elif isinstance(step, AbsoluteMajorityStep):
            _majority(state, step)
        elif isinstance(step, ExhaustionStep):
            _exhaustion(state, step)
        elif isinstance(step, UnassignedStep):
            state.unassigned += step.seats
            state.left -= step.seats
    assert state.left == 0, f"{state.left} seats neither given nor declared unassigned"
    result = {lst.number: lst.seats for lst in allocation.lists}
    assert state.seats == result, f"the trace gives {state.seats}, the result {result}"
    assert state.unassigned == allocation.unassigned
    removed: dict[int, int] = defaultdict(int)
    for step in allocation.steps:
        if isinstance(step, ExhaustionStep):
            removed[step.list_number] += step.seats_removed
    for lst in allocation.lists:
        assert lst.seats_removed == removed[lst.number], lst
    majority = any(isinstance(step, AbsoluteMajorityStep) for step in allocation.steps)
    exhaustion = any(removed.values())
    assert ("absolute_majority_and_list_exhaustion" in allocation.warnings) == (
        majority and exhaustion
    ), f"warnings {allocation.warnings}; P 9 applied: {majority}; P 10 applied: {exhaustion}"
