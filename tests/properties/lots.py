"""Completing an allocation that needs lots: answer each drawing, replay, until it is complete.

The software never draws lots (Kieswet P 14: people draw them in a public session). When a tie
needs a lot, the allocation stops with ``lots_required`` and says which options there are; the
outcome is appended to the input's ``lots`` and the allocation runs again from the start
(seat-allocation.md §11). The tests play the people who draw: Hypothesis chooses one of the
options, so every possible outcome of every lot is explored, and a failure shows which outcomes
led to it.

The same loop drives the Python function and any ``osv allocate`` command: it only needs a way
to run an input and to read the lot asked for from the result.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from hypothesis import strategies as st

from results.allocation.types import AllocationInput, LotKind, LotOutcome, LotRequired

__all__ = ["MAX_LOTS", "Completed", "LotAsked", "complete", "draw_lots", "seat_lots"]

#: More drawings than any election can need (one per seat plus ties between candidates); a run
#: that asks for more is reported as a failure instead of looping for ever.
MAX_LOTS = 1_000

Result = TypeVar("Result")


@dataclass(frozen=True)
class LotAsked:
    """What a ``lots_required`` result asks to be drawn, in the terms of the input's ``lots``."""

    kind: LotKind
    options: tuple[int, ...]
    list_number: int | None = None

    @classmethod
    def of(cls, required: LotRequired) -> LotAsked:
        """The request carried by the Python result."""
        return cls(required.kind, tuple(required.options), required.list_number)

    def outcome(self, chosen: int) -> LotOutcome:
        """The lot outcome that says ``chosen`` was drawn."""
        return LotOutcome(kind=self.kind, chosen=chosen, list_number=self.list_number)


@dataclass(frozen=True)
class Completed(Generic[Result]):
    """An allocation run to the end: the input with every lot drawn, the final result, and
    every intermediate result, in order (the first one is the run without lots)."""

    allocation_input: AllocationInput
    result: Result
    asked: tuple[LotAsked, ...]
    intermediate: tuple[Result, ...]

    @property
    def lots(self) -> tuple[LotOutcome, ...]:
        """The outcomes supplied, in the order they were asked for."""
        return self.allocation_input.lots


Chooser = Callable[[LotAsked], int]


def complete(
    run: Callable[[AllocationInput], Result],
    asked_of: Callable[[Result], LotAsked | None],
    allocation_input: AllocationInput,
    choose: Chooser,
) -> Completed[Result]:
    """Run ``allocation_input`` until no lot is asked for, drawing with ``choose``.

    :param run: the allocation under test (the Python function or a command).
    :param asked_of: the lot a result asks for, or ``None`` when it asks for none.
    :param choose: picks one of the options of a request.
    """
    current = allocation_input
    asked: list[LotAsked] = []
    intermediate: list[Result] = []
    for _ in range(MAX_LOTS + 1):
        result = run(current)
        request = asked_of(result)
        if request is None:
            return Completed(current, result, tuple(asked), tuple(intermediate))
        assert request.options, f"a lot was asked with no options: {request}"
        chosen = choose(request)
        assert chosen in request.options
        asked.append(request)
        intermediate.append(result)
        current = dataclasses.replace(current, lots=(*current.lots, request.outcome(chosen)))
    raise AssertionError(f"the allocation asked for more than {MAX_LOTS} lots")


def draw_lots(data: st.DataObject) -> Chooser:
    """A chooser that lets Hypothesis draw one of the options (printed with the failing example)."""

    def choose(request: LotAsked) -> int:
        label = f"lot {request.kind.value} among {list(request.options)}"
        return data.draw(st.sampled_from(request.options), label=label)

    return choose


def seat_lots(lots: tuple[LotOutcome, ...]) -> tuple[LotOutcome, ...]:
    """The lots that decided seats between lists (not those between candidates of one list)."""
    return tuple(lot for lot in lots if lot.kind is not LotKind.CANDIDATE_PREFERENCE)
