"""Malformed input is refused at the door with a sentence that locates the problem."""

from __future__ import annotations

import dataclasses

import pytest

from osv.model import ElectionCategory
from results.allocation import (
    AllocationError,
    AllocationInput,
    CandidateInput,
    ListInput,
    LotKind,
    LotOutcome,
    allocate,
)
from tests.allocation.builders import election, list_input

GR = ElectionCategory.GR


def _with_lists(*lists: ListInput, seats: int = 9) -> AllocationInput:
    return AllocationInput(seats=seats, category=GR, lists=lists)


@pytest.mark.parametrize(
    ("allocation_input", "message"),
    [
        (election(0, [10]), "the number of seats must be a whole number of at least 1, found 0"),
        (dataclasses.replace(election(9, [10]), seats=True), "found True"),
        (_with_lists(), "the input has no lists"),
        (_with_lists(list_input(0, [1])), "list numbers must be whole numbers of at least 1"),
        (
            _with_lists(list_input(3, [1]), list_input(2, [1])),
            "list numbers must increase: expected more than 3 after list 3, found 2",
        ),
        (
            _with_lists(list_input(1, [1]), list_input(1, [1])),
            "expected more than 1 after list 1, found 1",
        ),
        (_with_lists(ListInput(number=4, candidates=())), "list 4 has no candidates"),
        (
            _with_lists(
                ListInput(
                    number=3,
                    candidates=(CandidateInput(number=7, votes=1), CandidateInput(5, 1)),
                )
            ),
            "candidate numbers on list 3 must increase: expected more than 7, found 5",
        ),
        (
            _with_lists(ListInput(number=1, candidates=(CandidateInput(number=0, votes=1),))),
            "candidate numbers on list 1 must be whole numbers of at least 1, found 0",
        ),
        (
            _with_lists(list_input(3, [5, -5])),
            "candidate 2 of list 3 has -5 votes; votes must be a whole number of at least 0",
        ),
        (
            _with_lists(ListInput(number=1, candidates=(CandidateInput(1, 2.5),))),  # type: ignore[arg-type]
            "candidate 1 of list 1 has 2.5 votes",
        ),
        (
            _with_lists(ListInput(number=1, candidates=(CandidateInput(1, True),))),
            "candidate 1 of list 1 has True votes",
        ),
        (
            dataclasses.replace(election(9, [10]), preference_threshold=101),
            "the preference threshold must be a whole percentage from 0 to 100, found 101",
        ),
        (
            dataclasses.replace(election(9, [10]), residual_threshold="half"),  # type: ignore[arg-type]
            "unknown residual-seat threshold 'half'",
        ),
        (
            dataclasses.replace(election(9, [10]), lots=(LotOutcome(LotKind.RESIDUAL_LR, "2"),)),  # type: ignore[arg-type]
            "lot outcome 1 chooses '2', not a number",
        ),
    ],
)
def test_malformed_input_is_refused_with_a_precise_message(
    allocation_input: AllocationInput, message: str
) -> None:
    """Each case names what was expected, what was found and where."""
    with pytest.raises(AllocationError, match=message.replace("(", r"\(").replace(")", r"\)")):
        allocate(allocation_input)


def test_a_list_with_votes_but_only_deceased_candidates_is_valid_input() -> None:
    """Not malformed: the votes count (P 2) and the list simply cannot take a seat (P 10)."""
    result = allocate(election(9, [600, 300], candidates=[2, 5], deceased={1: [1, 2]}))
    assert result.status == "complete"
    assert [lst.seats for lst in result.lists] == [0, 5]
    assert result.unassigned == 4
