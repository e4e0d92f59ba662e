"""Shared building blocks of the model: the frozen base class and constrained number types."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Annotated, Any, Self

from pydantic import BaseModel, ConfigDict, Field

__all__ = [
    "MAX_COUNT",
    "Count",
    "Frozen",
    "Number",
    "require_increasing",
]

#: The largest number any count field may hold. Larger values are refused as impossible input
#: (counts-and-checks.md §3: "any count < 0, not an integer, or > 999,999,999").
MAX_COUNT = 999_999_999

#: A number of votes, voters or ballots: an integer from 0 to :data:`MAX_COUNT`.
Count = Annotated[int, Field(ge=0, le=MAX_COUNT)]

#: A list, candidate or polling-station number: a positive integer.
Number = Annotated[int, Field(ge=1, le=MAX_COUNT)]


class Frozen(BaseModel):
    """Base class of every model object: immutable, no unknown fields, compared by value."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    @classmethod
    def from_checked_values(cls, values: dict[str, Any]) -> Self:
        """The object ``cls(**values)`` gives, built without validating again.

        Only for a reader that has already checked every value against the field's
        constraints and the model's validators, and that names every field in ``values``
        (the dict becomes the object's own). A count file holds hundreds of thousands of
        candidates' votes; validating each twice costs a third of reading it
        (docs/performance.md). Tests compare the result with the validated object for every
        value a reader can produce (tests/model/test_counts_fast.py).
        """
        made = cls.__new__(cls)
        _set_object(made, "__dict__", values)
        _set_object(made, "__pydantic_fields_set__", set(values))
        _set_object(made, "__pydantic_extra__", None)
        _set_object(made, "__pydantic_private__", None)
        return made


_set_object = object.__setattr__


def require_increasing(numbers: Iterable[int], what: str) -> None:
    """Raise ``ValueError`` unless ``numbers`` strictly increase.

    ``what`` names the numbers in the message, e.g. ``"candidate numbers on list 3"``.
    """
    previous: int | None = None
    for number in numbers:
        if previous is not None and number <= previous:
            raise ValueError(f"{what} must increase: expected more than {previous}, found {number}")
        previous = number
