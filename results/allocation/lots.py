"""Drawing lots, Kieswet P 14: the software never draws, it asks and replays.

When two or more lists (or candidates) are tied and not every one of them can get a seat, the
law lets a lot decide (P 7(1), P 8(1), P 9, P 12, P 15(1)). Lots are drawn by people, in the
public session of the central polling station (P 14, P 20). This module is the replay protocol
of seat-allocation.md §11:

1. the allocation runs from the start with the outcomes drawn so far (``AllocationInput.lots``);
2. at every tie that needs a lot it asks a :class:`LotBook` for the next outcome, describing the
   tie in a :class:`~results.allocation.types.LotRequired`;
3. the book hands out the supplied outcomes in order and checks that each one fits the tie it
   is used for (same kind, one of the options, same list for candidate lots);
4. when the supplied outcomes run out, the book raises :class:`LotsNeeded`, which the entry
   point turns into the result ``status == "lots_required"``;
5. at the end, an outcome that was never asked for is an error.

Because the computation is deterministic, replaying the same input with the same outcomes gives
the same result every time.

Articles: https://wetten.overheid.nl/BWBR0004627/2026-01-01 (P 14).
"""

from __future__ import annotations

from collections.abc import Sequence

from results.allocation.types import AllocationError, LotOutcome, LotRequired

__all__ = ["LotBook", "LotsNeeded", "describe_numbers"]


class LotsNeeded(Exception):  # noqa: N818  (a signal, not an error: it becomes a result value)
    """Raised by :meth:`LotBook.draw` when a tie needs a lot that has not been drawn yet.

    It never leaves the package: :func:`results.allocation.allocate` catches it and returns the
    result with ``status == "lots_required"`` and :attr:`required`.
    """

    def __init__(self, required: LotRequired) -> None:
        super().__init__(required.description)
        self.required = required


class LotBook:
    """The outcomes of the lots drawn so far, handed out in the order the ties occur.

    :param outcomes: the supplied outcomes, in the order they were asked for.
    """

    def __init__(self, outcomes: Sequence[LotOutcome]) -> None:
        self._outcomes = tuple(outcomes)
        self._next = 0

    @property
    def used(self) -> tuple[LotOutcome, ...]:
        """The outcomes handed out so far, in order."""
        return self._outcomes[: self._next]

    def draw(self, required: LotRequired) -> LotOutcome:
        """The outcome of the lot described by ``required``.

        :raises LotsNeeded: when no supplied outcome is left (the lot must be drawn first).
        :raises AllocationError: when the next supplied outcome does not fit this tie.
        """
        if self._next >= len(self._outcomes):
            raise LotsNeeded(required)
        outcome = self._outcomes[self._next]
        _check_fits(self._next + 1, outcome, required)
        self._next += 1
        return outcome

    def finish(self) -> None:
        """Check that every supplied outcome was used.

        :raises AllocationError: when outcomes are left over: they answer no tie of this input.
        """
        left = len(self._outcomes) - self._next
        if left:
            raise AllocationError(
                f"{left} supplied lot outcome(s) were not needed: the allocation asked for "
                f"{self._next} lot(s) and {len(self._outcomes)} were supplied"
            )


def _check_fits(position: int, outcome: LotOutcome, required: LotRequired) -> None:
    """Refuse an outcome that does not answer the tie at this point, in one sentence."""
    asked = f"a {required.kind.value} lot among {describe_numbers(required.options)}"
    if required.list_number is not None:
        asked += f" of list {required.list_number}"
    found = f"a {outcome.kind.value} lot choosing {outcome.chosen}"
    if outcome.list_number is not None:
        found += f" of list {outcome.list_number}"
    fits = (
        outcome.kind is required.kind
        and outcome.chosen in required.options
        and outcome.list_number == required.list_number
    )
    if not fits:
        raise AllocationError(
            f"lot outcome {position} does not fit the tie at that point: {asked} "
            f"({required.article}) was asked for, but {found} was supplied"
        )


def describe_numbers(numbers: Sequence[int]) -> str:
    """``"2, 3 and 4"``: numbers for a sentence."""
    words = [str(number) for number in numbers]
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]
