"""Replaying drawn lots in the district part of the allocation (Kieswet P 14).

The software never draws lots. At a tie that needs one, the computation stops and says what must
be drawn (a :class:`~results.allocation.types.LotRequired`); people draw it in a public session,
the outcome is appended to the input's lots, and the computation runs again from the start,
taking the supplied outcomes in order at each tie (seat-allocation.md §11).

:class:`LotCursor` hands out the supplied outcomes in order and checks that each fits the tie it
is used for; :class:`LotsNeeded` stops the computation when none is left. :class:`Unresolved`
stops it where the law gives no answer.
"""

from __future__ import annotations

from collections.abc import Sequence

from results.allocation.types import AllocationError, LotOutcome, LotRequired

__all__ = ["LotCursor", "LotsNeeded", "Unresolved"]


class LotsNeeded(Exception):  # noqa: N818 - a stop signal, caught by the entry point
    """A tie needs a lot that has not been drawn yet; carries what must be drawn."""

    def __init__(self, required: LotRequired) -> None:
        super().__init__(required.description)
        self.required = required


class Unresolved(Exception):  # noqa: N818 - a stop signal, caught by the entry point
    """The law gives no answer for this case; carries a stable code and an explanation."""

    def __init__(self, code: str, explanation: str) -> None:
        super().__init__(f"{code}: {explanation}")
        self.code = code
        self.explanation = explanation


class LotCursor:
    """The supplied lot outcomes, taken one by one in the order the ties occur."""

    def __init__(self, supplied: Sequence[LotOutcome]) -> None:
        self._supplied = tuple(supplied)
        self._next = 0
        self._used: list[LotOutcome] = []

    @property
    def used(self) -> tuple[LotOutcome, ...]:
        """The outcomes used so far, in order."""
        return tuple(self._used)

    def draw(self, required: LotRequired) -> LotOutcome:
        """The next supplied outcome for this tie, or :class:`LotsNeeded` if there is none.

        Raises :class:`AllocationError` when the next outcome is of another kind, for another
        party, or names an option that is not tied.
        """
        if self._next >= len(self._supplied):
            raise LotsNeeded(required)
        outcome = self._supplied[self._next]
        position = self._next + 1
        if outcome.kind != required.kind:
            raise AllocationError(
                f"lot {position} must be of kind {required.kind.value} ({required.article}), "
                f"found {outcome.kind.value}"
            )
        if outcome.list_number != required.list_number:
            raise AllocationError(
                f"lot {position} must be for list {required.list_number}, "
                f"found {outcome.list_number}"
            )
        if outcome.chosen not in required.options:
            raise AllocationError(
                f"lot {position} must choose one of {list(required.options)}, "
                f"found {outcome.chosen}"
            )
        self._next += 1
        self._used.append(outcome)
        return outcome

    def check_all_used(self) -> None:
        """Raise :class:`AllocationError` if supplied outcomes were left over (no tie for them)."""
        if self._next < len(self._supplied):
            raise AllocationError(
                f"{len(self._supplied) - self._next} supplied lot(s) were not needed: "
                f"{len(self._supplied)} supplied, {self._next} used"
            )
