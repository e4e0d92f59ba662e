"""The public entry point: outcomes, the shape of the result and the trace, speed."""

from __future__ import annotations

import dataclasses
import random
from fractions import Fraction

import pytest

import results.allocation
from osv.model import ElectionCategory
from results.allocation import (
    AllocationError,
    AllocationInput,
    CandidateInput,
    CandidateStep,
    FullSeatsStep,
    ListInput,
    LotKind,
    LotOutcome,
    QuotaStep,
    ResidualSeatStep,
    allocate,
)
from tests.allocation.builders import election, seats_of


def test_no_votes_at_all_gives_no_quota_and_no_seats() -> None:
    """V = 0: the law gives no answer (seat-allocation.md §9): status no_votes, every list 0
    seats, no quota, every seat unassigned, no trace."""
    result = allocate(election(10, [0, 0, 0, 0, 0]))
    assert result.status == "no_votes"
    assert seats_of(result) == [0, 0, 0, 0, 0]
    assert result.quota is None
    assert result.preference_threshold is None
    assert result.unassigned == 10
    assert result.steps == ()
    assert result.candidates == ()


def test_lots_supplied_for_an_election_without_votes_are_refused() -> None:
    """Nothing to draw for, so an outcome is an error."""
    allocation_input = dataclasses.replace(
        election(10, [0, 0]), lots=(LotOutcome(LotKind.RESIDUAL_LR, 1),)
    )
    with pytest.raises(AllocationError):
        allocate(allocation_input)


def test_a_complete_result_accounts_for_every_seat_in_every_list() -> None:
    """GR2022 case: seats = full + residual - removed per list; the trace runs quota, full
    seats, residual seats, P 9, candidates; lots_used is empty."""
    result = allocate(election(15, [2571, 977, 567, 536, 453]))
    assert result.status == "complete"
    assert result.quota == Fraction(5104, 15)
    assert result.preference_threshold == Fraction(2552, 15)
    for lst in result.lists:
        assert lst.seats == lst.full_seats + lst.residual_seats - lst.seats_removed
    kinds = [step.step for step in result.steps]
    assert kinds[0] == "quota"
    assert kinds[1:6] == ["full_seats"] * 5
    assert kinds[6:9] == ["residual_seat"] * 3
    assert kinds[9] == "absolute_majority"
    assert set(kinds[10:]) == {"candidate"}
    assert len(kinds[10:]) == 15
    assert result.lots_used == ()
    assert result.unassigned == 0


def test_a_single_list_takes_every_seat() -> None:
    """S = 1, one list: quota = its votes, one full seat, candidate 1 elected by preference."""
    result = allocate(election(1, [42]))
    assert seats_of(result) == [1]
    assert [e.number for e in result.candidates[0].elected] == [1]
    assert isinstance(result.steps[0], QuotaStep)
    assert isinstance(result.steps[1], FullSeatsStep)


def test_all_lists_tied_need_lots_for_the_seats_that_do_not_fit() -> None:
    """Five lists of 21 votes: with S = 5 each has a full seat (no residual seat); with S = 3
    the quota is 35, no full seat, no list reaches 3/4 (26 1/4) so UHA: five tie at 21 for 3
    seats: lot, 5 options, 3 seats."""
    assert seats_of(allocate(election(5, [21] * 5))) == [1] * 5
    result = allocate(election(3, [21] * 5))
    assert result.lots_required is not None
    assert result.lots_required.kind is LotKind.RESIDUAL_UHA
    assert (result.lots_required.options, result.lots_required.seats) == ((1, 2, 3, 4, 5), 3)


def test_the_trace_names_every_list_in_each_residual_step() -> None:
    """Every list is either compared or excluded with its reason in every step."""
    result = allocate(election(15, [540, 160, 160, 80, 80, 80, 60, 40]))
    for step in result.steps:
        if isinstance(step, ResidualSeatStep):
            named = {n for n, _ in step.values} | {n for n, _ in step.excluded}
            assert named == set(range(1, 9))


def test_the_package_exports_the_entry_point_and_the_types() -> None:
    """``results.allocation`` exports both entry points and the shared types (their order is
    checked for every package in tests/test_architecture.py)."""
    exported = results.allocation.__all__
    assert {"allocate", "allocate_districts"} <= set(exported)
    assert {"AllocationInput", "Allocation", "AllocationError", "LotOutcome"} <= set(exported)
    assert {"MultiDistrictInput", "MultiDistrictAllocation"} <= set(exported)


def test_a_tweede_kamer_sized_election_is_allocated_completely() -> None:
    """150 seats, 30 lists of 80 candidates, about 10 million votes: every seat and every
    elected candidate is found (its time is measured in benchmarks/allocation.py)."""
    rng = random.Random(2023)
    lists = tuple(
        ListInput(
            number=number,
            candidates=tuple(
                CandidateInput(number=c, votes=rng.randint(0, 8_000)) for c in range(1, 81)
            ),
        )
        for number in range(1, 31)
    )
    allocation_input = AllocationInput(seats=150, category=ElectionCategory.TK, lists=lists)
    assert 9_000_000 < sum(lst.votes for lst in lists) < 11_000_000
    result = allocate(allocation_input)  # its time: benchmarks/allocation.py
    assert result.status == "complete"
    assert sum(seats_of(result)) == 150
    assert sum(1 for s in result.steps if isinstance(s, CandidateStep)) == 150
