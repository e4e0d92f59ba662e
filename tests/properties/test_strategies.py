"""The generated elections deserve trust: they are valid, and they reach every rule.

A property that never meets the case it is about proves nothing. These tests check the
generator itself: every election it makes is valid input, and across a fixed (derandomized) run
of a few hundred elections every rule of chapter P actually occurs at least once: lots between
lists and between candidates, P 9, exactly half of the votes, P 10, unassigned seats, every
residual-seat method, no votes at all, deceased candidates, the Tweede Kamer's quota threshold.
"""

from __future__ import annotations

from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from osv.model import ElectionCategory
from results.allocation import allocate
from results.allocation.types import (
    AbsoluteMajorityStep,
    Allocation,
    AllocationInput,
    ExhaustionStep,
    LotKind,
    ResidualMethod,
    ResidualSeatStep,
)
from tests.properties import law
from tests.properties.lots import LotAsked, complete, draw_lots
from tests.properties.strategies import (
    EDGE_CASES,
    MAX_CANDIDATES,
    MAX_LISTS,
    allocation_inputs,
    spread_votes,
)


def _is_valid(allocation_input: AllocationInput) -> None:
    assert 1 <= allocation_input.seats <= 150
    if allocation_input.category in (ElectionCategory.PS, ElectionCategory.TK):
        assert allocation_input.seats >= law.SMALL_BODY_SEATS
    assert 1 <= len(allocation_input.lists) <= MAX_LISTS
    numbers = [lst.number for lst in allocation_input.lists]
    assert numbers == sorted(set(numbers)), "list numbers must increase"
    assert numbers[0] >= 1
    for lst in allocation_input.lists:
        assert 1 <= len(lst.candidates) <= MAX_CANDIDATES
        assert [c.number for c in lst.candidates] == list(range(1, len(lst.candidates) + 1))
        assert all(c.votes >= 0 for c in lst.candidates)


@given(allocation_input=allocation_inputs())
def test_every_generated_election_is_valid_input(allocation_input: AllocationInput) -> None:
    """Seats from 1 to 150 (PS and TK from 19), 1 to 20 lists in increasing number order, 1 to
    80 candidates numbered from 1, no negative votes."""
    _is_valid(allocation_input)


def test_every_edge_case_is_valid_input() -> None:
    """The fixed edge cases of seat-allocation.md §16 are valid input too."""
    for allocation_input in EDGE_CASES:
        _is_valid(allocation_input)


@given(total=st.integers(0, 10**9), count=st.integers(1, 80))
def test_spreading_a_lists_votes_over_its_candidates_keeps_the_total(
    total: int, count: int
) -> None:
    """The votes a list gets are exactly its candidates' votes, none negative."""
    votes = spread_votes(total, count)
    assert len(votes) == count
    assert sum(votes) == total
    assert min(votes) >= 0


def _features(
    allocation_input: AllocationInput, allocation: Allocation, lots: tuple[LotAsked, ...]
) -> set[str]:
    seen = {f"category {allocation_input.category.value}"}
    if allocation.status == "no_votes":
        seen.add("no votes at all")
        return seen
    seen |= {f"lot {asked.kind.value}" for asked in lots}
    total = law.total_votes(allocation_input)
    for lst in allocation_input.lists:
        if lst.votes == 0:
            seen.add("a list without votes")
        if 2 * lst.votes == total:
            seen.add("a list with exactly half of the votes")
        if lst.available == 0 and lst.votes > 0:
            seen.add("a list with votes and no living candidate")
        if lst.available < len(lst.candidates):
            seen.add("a deceased candidate")
    for step in allocation.steps:
        if isinstance(step, AbsoluteMajorityStep):
            seen.add("P 9")
        if isinstance(step, ExhaustionStep):
            seen.add("P 10")
        if isinstance(step, ResidualSeatStep):
            size = "below 19" if allocation_input.seats < law.SMALL_BODY_SEATS else "from 19"
            seen.add(f"{step.method.value} {size}")
            if any(reason == "below_threshold" for _, reason in step.excluded):
                seen.add(f"below the threshold {size}")
    if allocation.unassigned:
        seen.add("unassigned seats")
    if any(c.by == "preference" for lc in allocation.candidates for c in lc.elected):
        seen.add("elected by preference")
    return seen


#: What the generator must reach in a fixed run of 250 elections.
REQUIRED = {
    "category GR",
    "category AB",
    "category PS",
    "category TK",
    "category EP",
    "no votes at all",
    f"lot {LotKind.RESIDUAL_LR.value}",
    f"lot {LotKind.RESIDUAL_UHA.value}",
    f"lot {LotKind.RESIDUAL_HA.value}",
    f"lot {LotKind.ABSOLUTE_MAJORITY.value}",
    f"lot {LotKind.CANDIDATE_PREFERENCE.value}",
    "a list without votes",
    "a list with exactly half of the votes",
    "a list with votes and no living candidate",
    "a deceased candidate",
    "P 9",
    "P 10",
    f"{ResidualMethod.LARGEST_REMAINDERS.value} below 19",
    f"{ResidualMethod.UNIQUE_HIGHEST_AVERAGES.value} below 19",
    f"{ResidualMethod.HIGHEST_AVERAGES.value} below 19",
    f"{ResidualMethod.HIGHEST_AVERAGES.value} from 19",
    "below the threshold below 19",
    "below the threshold from 19",
    "unassigned seats",
    "elected by preference",
}


def test_the_generated_elections_reach_every_rule() -> None:
    """In a fixed run of 250 generated elections (the same every time), every rule the
    properties are about occurs at least once, so no property passes for lack of cases."""
    seen: Counter[str] = Counter()

    @settings(
        max_examples=250,
        derandomize=True,
        database=None,
        suppress_health_check=[HealthCheck.too_slow],
    )
    @given(allocation_input=allocation_inputs(), data=st.data())
    def run(allocation_input: AllocationInput, data: st.DataObject) -> None:
        def asked_of(allocation: Allocation) -> LotAsked | None:
            required = allocation.lots_required
            return LotAsked.of(required) if required is not None else None

        done = complete(allocate, asked_of, allocation_input, draw_lots(data))
        seen.update(_features(allocation_input, done.result, done.asked))

    run()
    missing = sorted(REQUIRED - set(seen))
    assert not missing, f"the generator never reached: {missing}; it reached {dict(seen)}"
