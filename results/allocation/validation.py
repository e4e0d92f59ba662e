"""Checks at the door: input the allocation refuses before computing anything.

The allocation trusts nothing it is given. Malformed input is not a situation the law
describes, it is a mistake upstream (an import, a form, a test), so it raises
:class:`~results.allocation.types.AllocationError` with a sentence that says what was expected,
what was found and where (style.md, convention 7), instead of producing a result that looks
valid:

* at least 1 seat, and at least one list;
* list numbers are whole numbers of at least 1, strictly increasing (the order of the lists is
  the order of the steps and of ties);
* every list has at least one candidate; candidate numbers are whole numbers of at least 1,
  strictly increasing within the list (the list order of P 17 and P 19);
* votes are whole numbers of at least 0;
* a preference-threshold override is a percentage from 0 to 100.

A ``bool`` is refused where a number is expected: in Python ``True`` is the integer 1, which
must not pass for one vote.
"""

from __future__ import annotations

from typing import TypeGuard

from results.allocation.types import (
    AllocationError,
    AllocationInput,
    LotKind,
    LotOutcome,
    ResidualThreshold,
)

__all__ = ["validate_input"]


def validate_input(allocation_input: AllocationInput) -> None:
    """Refuse malformed input.

    :raises AllocationError: naming the first problem found.
    """
    seats = allocation_input.seats
    if not _whole(seats) or seats < 1:
        raise AllocationError(
            f"the number of seats must be a whole number of at least 1, found {seats!r}"
        )
    if not allocation_input.lists:
        raise AllocationError("the input has no lists: at least one list is needed")
    previous = 0
    for candidate_list in allocation_input.lists:
        number = candidate_list.number
        if not _whole(number) or number < 1:
            raise AllocationError(
                f"list numbers must be whole numbers of at least 1, found {number!r}"
            )
        if number <= previous:
            raise AllocationError(
                f"list numbers must increase: expected more than {previous} after list "
                f"{previous}, found {number}"
            )
        previous = number
        _validate_candidates(number, candidate_list.candidates)
    threshold = allocation_input.preference_threshold
    if threshold is not None and (not _whole(threshold) or not 0 <= threshold <= 100):
        raise AllocationError(
            f"the preference threshold must be a whole percentage from 0 to 100, found "
            f"{threshold!r}"
        )
    residual = allocation_input.residual_threshold
    if residual is not None and not isinstance(residual, ResidualThreshold):
        raise AllocationError(f"unknown residual-seat threshold {residual!r}")
    for position, lot in enumerate(allocation_input.lots, start=1):
        if not isinstance(lot, LotOutcome) or not isinstance(lot.kind, LotKind):
            raise AllocationError(f"lot outcome {position} is not a lot outcome: {lot!r}")
        if not _whole(lot.chosen):
            raise AllocationError(f"lot outcome {position} chooses {lot.chosen!r}, not a number")


def _validate_candidates(list_number: int, candidates: tuple[object, ...]) -> None:
    if not candidates:
        raise AllocationError(f"list {list_number} has no candidates: at least one is needed")
    previous = 0
    for candidate in candidates:
        number = getattr(candidate, "number", None)
        votes = getattr(candidate, "votes", None)
        if not _whole(number) or number < 1:
            raise AllocationError(
                f"candidate numbers on list {list_number} must be whole numbers of at least 1, "
                f"found {number!r}"
            )
        if number <= previous:
            raise AllocationError(
                f"candidate numbers on list {list_number} must increase: expected more than "
                f"{previous}, found {number}"
            )
        previous = number
        if not _whole(votes) or votes < 0:
            raise AllocationError(
                f"candidate {number} of list {list_number} has {votes!r} votes; votes must be "
                f"a whole number of at least 0"
            )
        if not isinstance(getattr(candidate, "deceased", None), bool):
            raise AllocationError(
                f"candidate {number} of list {list_number}: deceased must be true or false"
            )


def _whole(value: object) -> TypeGuard[int]:
    """An ``int`` that is not a ``bool``."""
    return isinstance(value, int) and not isinstance(value, bool)
