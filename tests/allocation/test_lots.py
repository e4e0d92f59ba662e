"""Lots (P 14): the allocation stops and asks, and replays the outcomes supplied, in order."""

from __future__ import annotations

import dataclasses
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from osv.model import ElectionCategory
from results.allocation import (
    AllocationError,
    AllocationInput,
    LotKind,
    LotOutcome,
    LotRequired,
    allocate,
)
from results.allocation.lots import LotBook, LotsNeeded, describe_numbers
from tests.allocation.builders import complete, election, list_input, seats_of

LR = LotKind.RESIDUAL_LR


def _required(options: tuple[int, ...] = (2, 3)) -> LotRequired:
    return LotRequired(kind=LR, article="P 8(1)", options=options, seats=1, description="tie")


def test_the_book_hands_out_supplied_outcomes_in_order_then_asks() -> None:
    """Two outcomes supplied: the first two ties get them, the third raises LotsNeeded."""
    book = LotBook([LotOutcome(LR, 2), LotOutcome(LR, 3)])
    assert book.draw(_required()).chosen == 2
    assert book.draw(_required()).chosen == 3
    with pytest.raises(LotsNeeded) as needed:
        book.draw(_required((4, 5)))
    assert needed.value.required.options == (4, 5)
    assert book.used == (LotOutcome(LR, 2), LotOutcome(LR, 3))
    book.finish()


def test_an_outcome_of_another_kind_is_refused_in_one_sentence() -> None:
    """A residual_UHA outcome where a residual_LR lot is asked."""
    book = LotBook([LotOutcome(LotKind.RESIDUAL_UHA, 2)])
    with pytest.raises(AllocationError, match=r"lot outcome 1 does not fit the tie at that point"):
        book.draw(_required())


def test_an_outcome_that_is_not_one_of_the_options_is_refused() -> None:
    """List 7 was not tied."""
    with pytest.raises(AllocationError, match=r"among 2 and 3 .* choosing 7"):
        LotBook([LotOutcome(LR, 7)]).draw(_required())


def test_a_candidate_outcome_for_another_list_is_refused() -> None:
    """Candidate lots name their list; candidate 2 of list 5 does not answer a tie on list 4."""
    required = LotRequired(
        kind=LotKind.CANDIDATE_PREFERENCE,
        article="P 15(1)",
        options=(1, 2),
        seats=1,
        list_number=4,
        description="tie",
    )
    book = LotBook([LotOutcome(LotKind.CANDIDATE_PREFERENCE, 2, list_number=5)])
    with pytest.raises(AllocationError, match="of list 4"):
        book.draw(required)


def test_outcomes_left_over_at_the_end_are_an_error() -> None:
    """A supplied outcome nobody asked for cannot silently be ignored."""
    book = LotBook([LotOutcome(LR, 2)])
    with pytest.raises(AllocationError, match="1 supplied lot outcome"):
        book.finish()


def test_describe_numbers_joins_with_and() -> None:
    """For the sentences shown to the people drawing."""
    assert describe_numbers([2]) == "2"
    assert describe_numbers([2, 3, 4]) == "2, 3 and 4"


def test_a_tie_asks_for_a_lot_and_keeps_everything_computed_so_far() -> None:
    """Quota 80, S = 15 (lt19_lr_tie_lots): full seats 6, 2, 2, 1, 1, 1, 0, 0, 2 residual seats.

    Remainders 60, 0, 0, 0, 0, 0, 55, 45; 3/4 of the quota is 60, so list 7 (55) and 8 (45) are
    out of LR. Seat 1: list 1 (60). Seat 2: lists 2 to 6 tie with remainder 0 for one seat:
    lot (P 8(1)).
    """
    result = allocate(election(15, [540, 160, 160, 80, 80, 80, 55, 45]))
    assert result.status == "lots_required"
    required = result.lots_required
    assert required is not None
    assert required.kind is LR
    assert required.article == "P 8(1)"
    assert required.options == (2, 3, 4, 5, 6)
    assert (required.seats, required.seat_number, required.tied_value) == (1, 2, Fraction(0))
    assert "Lists 2, 3, 4, 5 and 6 have the same remainder of 0 votes" in required.description
    assert seats_of(result) == [7, 2, 2, 1, 1, 1, 0, 0]
    assert result.candidates == ()
    assert result.quota == 80


def test_the_same_lots_replayed_give_the_same_result() -> None:
    """Five lists tie for four LR seats; lots 4, 2, 5, 6 (lt19_lr_tie_multiple_lots)."""
    result = complete(election(15, [500, 140, 140, 140, 140, 140]), [4, 2, 5, 6])
    again = allocate(
        dataclasses.replace(election(15, [500, 140, 140, 140, 140, 140]), lots=result.lots_used)
    )
    assert again == result
    assert seats_of(result) == [6, 2, 1, 2, 2, 2]


def test_a_lot_that_was_not_asked_for_is_refused() -> None:
    """No tie at all, yet a lot outcome is supplied."""
    allocation_input = dataclasses.replace(
        election(15, [480, 160, 160, 160, 80, 80, 80]), lots=(LotOutcome(LR, 1),)
    )
    with pytest.raises(AllocationError, match="were not needed"):
        allocate(allocation_input)


def test_a_lot_for_a_list_that_is_not_tied_is_refused_by_allocate() -> None:
    """List 7 is below 3/4 of the quota and was not tied."""
    allocation_input = dataclasses.replace(
        election(15, [540, 160, 160, 80, 80, 80, 55, 45]), lots=(LotOutcome(LR, 7),)
    )
    with pytest.raises(AllocationError, match="does not fit"):
        allocate(allocation_input)


@st.composite
def tied_elections(draw: st.DrawFn) -> AllocationInput:
    """Elections built to tie: several lists with equal votes, few candidates (so P 10 and
    phase HA come into play), candidates with equal preference votes."""
    tied = draw(st.integers(2, 6))
    share = draw(st.integers(1, 400))
    others = draw(st.lists(st.integers(0, 1_500), max_size=4))
    votes = [share] * tied + others
    seats = draw(st.integers(1, 30))
    category = draw(
        st.sampled_from([ElectionCategory.GR, ElectionCategory.AB, ElectionCategory.TK])
    )
    lists = []
    for number, total in enumerate(votes, start=1):
        count = draw(st.integers(1, 6))
        even, rest = divmod(total, count)
        per_candidate = [even] * count
        per_candidate[0] += rest
        dead = draw(st.sets(st.integers(1, count), max_size=1))
        lists.append(list_input(number, per_candidate, tuple(dead)))
    return AllocationInput(seats=seats, category=category, lists=tuple(lists))


@given(allocation_input=tied_elections(), data=st.data())
def test_replaying_any_tie_with_random_valid_lots_ends_complete(
    allocation_input: AllocationInput, data: st.DataObject
) -> None:
    """Whatever valid outcomes are drawn, the allocation finishes (complete, or no_votes) after
    finitely many lots, and replaying all of them at once gives the same result."""
    current = allocation_input
    for _ in range(200):
        result = allocate(current)
        if result.status != "lots_required":
            break
        required = result.lots_required
        assert required is not None
        assert len(required.options) > required.seats >= 1
        chosen = data.draw(st.sampled_from(required.options))
        outcome = LotOutcome(required.kind, chosen, list_number=required.list_number)
        current = dataclasses.replace(current, lots=(*current.lots, outcome))
    else:
        pytest.fail("more than 200 lots asked for")
    assert result.status in ("complete", "no_votes")
    assert allocate(current) == result
    assert result.lots_used == current.lots
    assert sum(seats_of(result)) + result.unassigned == allocation_input.seats
