"""The absolute majority: Kieswet P 9.

A list that received more than half of all votes must not end up with half of the seats or
fewer. If it did, P 9 gives it one seat more, taken from the list that received the last
residual seat, the one given "for the smallest remainder or average". One seat is always
enough (seat-allocation.md §7).

* "More than half" is strict: ``2 * V_i > V``; exactly half is not a majority.
* "Not more than half of the seats": ``2 * s_i <= S``.
* When the last residual seats went to several lists for the same remainder or average (in one
  step because they all fitted, or in consecutive steps decided by lot), a lot decides which of
  them gives up its seat (P 9, second sentence).
* The seat taken is a residual seat, never a full seat. The list that loses it no longer holds
  that largest-remainder or unique-highest-average seat, so when P 10 later frees seats it may
  win one again (the reading of the Kiesraad's Abacus, seat-allocation.md §8).
* P 9 is applied once, after all residual seats and before P 10; whether the majority list has
  candidates for the extra seat is P 10's concern, not P 9's.

Articles: https://wetten.overheid.nl/BWBR0004627/2026-01-01 (P 9).
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction

from results.allocation.lots import LotBook, describe_numbers
from results.allocation.quota import mixed_number
from results.allocation.standing import ListStanding
from results.allocation.types import (
    AbsoluteMajorityStep,
    AllocationError,
    LotKind,
    LotRequired,
    ResidualMethod,
    ResidualSeatStep,
    Step,
)

__all__ = ["apply_absolute_majority", "last_residual_seats"]


def last_residual_seats(steps: Sequence[ResidualSeatStep]) -> list[ResidualSeatStep]:
    """The steps that gave "the last residual seat": the last step, together with the steps
    just before it that gave seats by the same method for the same value (a tie settled by lot
    seat by seat)."""
    if not steps:
        return []
    last = steps[-1]
    value = _winning_value(last)
    run = [last]
    for step in reversed(steps[:-1]):
        if step.method is not last.method or _winning_value(step) != value:
            break
        run.insert(0, step)
    return run


def apply_absolute_majority(
    standings: Sequence[ListStanding],
    residual_steps: Sequence[ResidualSeatStep],
    total_votes: int,
    seats: int,
    lots: LotBook,
    trace: list[Step],
) -> bool:
    """Apply P 9 to ``standings`` (in place) and record it; return whether it applied.

    :param standings: every list after the residual seats of P 7 or P 8.
    :param residual_steps: the residual-seat steps of that first assignment, in order.
    :param total_votes: ``V``.
    :param seats: ``S``.
    :param lots: asked for an ``absolute_majority`` lot when several lists got the last
        residual seats for the same value.
    :param trace: an :class:`AbsoluteMajorityStep` is appended when P 9 applies.
    """
    majority = next((s for s in standings if 2 * s.votes > total_votes), None)
    if majority is None or 2 * majority.seats > seats:
        return False
    run = last_residual_seats(residual_steps)
    if not run:
        return False  # no residual seat was given, so there is none to move
    options = sorted({n for step in run for n in step.winners if n != majority.number})
    if not options:
        raise AllocationError(
            f"P 9 cannot be applied: list {majority.number} has an absolute majority of the "
            f"votes and received the last residual seat itself, yet holds only "
            f"{majority.seats} of {seats} seats; this should not be possible, report it"
        )
    lot = None
    taken_from = options[0]
    if len(options) > 1:
        lot = lots.draw(_lot_required(majority.number, options, run[-1]))
        taken_from = lot.chosen
    loser = next(s for s in standings if s.number == taken_from)
    loser.lose()
    if run[-1].method is ResidualMethod.LARGEST_REMAINDERS:
        loser.lr_seat = False
    elif run[-1].method is ResidualMethod.UNIQUE_HIGHEST_AVERAGES:
        loser.uha_seat = False
    majority.gain()
    trace.append(AbsoluteMajorityStep(list_number=majority.number, taken_from=taken_from, lot=lot))
    return True


def _winning_value(step: ResidualSeatStep) -> Fraction:
    """The value (remainder or average) for which the step gave its seat(s)."""
    return dict(step.values)[step.winners[0]]


def _lot_required(majority: int, options: list[int], last: ResidualSeatStep) -> LotRequired:
    value = _winning_value(last)
    what = "remainder" if last.method is ResidualMethod.LARGEST_REMAINDERS else "average"
    return LotRequired(
        kind=LotKind.ABSOLUTE_MAJORITY,
        article="P 9",
        options=tuple(options),
        seats=1,
        seat_number=last.seat_number,
        tied_value=value,
        description=(
            f"List {majority} has more than half of the votes but not more than half of the "
            f"seats; lists {describe_numbers(options)} received the last residual seats for "
            f"the same {what} of {mixed_number(value)} votes: draw one of them by lot to give "
            f"up its residual seat to list {majority} (Kieswet P 9)."
        ),
    )
