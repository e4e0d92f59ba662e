"""Properties of the allocation within parties with several district lists, for every input.

Hypothesis generates lijstengroepen whose lists share some persons (in any order, with any
votes, some deceased), a second party, seats, and plays the people who draw the lots. Each test
states a rule from the law (or a consequence of it) and checks it on every generated election.
The last test is a Tweede Kamer of national scale, generated with a fixed seed.
"""

from __future__ import annotations

import random
from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from results.allocation.groups import allocate_districts
from results.allocation.groups_types import (
    DistrictCandidate,
    DistrictList,
    MultiDistrictAllocation,
    MultiDistrictInput,
    PartyLists,
)
from tests.allocation.group_builders import complete, election, filler, group, single

#: Votes on one candidate: anything, or a few round numbers so that equal votes happen often.
VOTES = st.one_of(st.integers(0, 3000), st.sampled_from([0, 100, 500]))


@st.composite
def group_lists(draw: st.DrawFn) -> PartyLists:
    """A lijstengroep of 2 to 4 lists drawn from a pool of persons; each list also has a person
    of its own, so no two lists are identical (they would form one set, H 11(1))."""
    pool = [f"p{index}" for index in range(draw(st.integers(2, 14)))]
    deceased = {key for key in pool if draw(st.integers(0, 9)) == 0}
    lists = []
    district = 1
    for number in range(draw(st.integers(2, 4))):
        chosen = draw(st.lists(st.sampled_from(pool), unique=True, max_size=8))
        chosen.insert(draw(st.integers(0, len(chosen))), f"own{number}")
        span = draw(st.integers(1, 2))
        lists.append(
            DistrictList(
                tuple(range(district, district + span)),
                tuple(
                    DistrictCandidate(position, key, draw(VOTES), key in deceased)
                    for position, key in enumerate(chosen, start=1)
                ),
            )
        )
        district += span
    return group(1, *draw(st.permutations(lists)))


@st.composite
def elections(draw: st.DrawFn) -> tuple[MultiDistrictInput, dict[int, int]]:
    """A group, a filler party, and the seats of each (the group's within what P 10 allows)."""
    groep = draw(group_lists())
    living = len({c.key for lst in groep.lists for c in lst.candidates if not c.deceased})
    has_votes = any(c.votes for lst in groep.lists for c in lst.candidates)
    group_seats = draw(st.integers(0, living if has_votes else 0))
    seats = group_seats + draw(st.integers(1, 50))
    other = filler(2, draw(st.integers(1, 200_000)), size=60)
    return election(seats, groep, other), {1: group_seats, 2: seats - group_seats}


def run(
    data: st.DataObject, districts: MultiDistrictInput, seats: dict[int, int]
) -> MultiDistrictAllocation:
    """Complete the allocation, Hypothesis drawing every lot."""
    return complete(districts, seats, lambda options: data.draw(st.sampled_from(options)))


@given(elections(), st.data())
def test_the_group_seats_are_all_given_or_reported(
    case: tuple[MultiDistrictInput, dict[int, int]], data: st.DataObject
) -> None:
    """Every seat of the group stays with one of its lists (P 12, P 13, P 16(2) only move
    seats), and every seat of a list has an elected person or is reported unfilled."""
    districts, seats = case
    result = run(data, districts, seats)
    [groep] = [p for p in result.parties if p.number == 1]
    if result.status == "unresolved" and result.unresolved[0].startswith("p16_2"):
        return  # stopped in P 16(2): the law gives no answer, nothing more to check
    assert sum(item.seats for item in groep.lists) == seats[1]
    if groep.group is not None:
        assert sum(item.seats for item in groep.group.lists) == seats[1]
    for item in groep.lists:
        assert len(item.elected) + item.unfilled == item.seats
    assert (result.status == "complete") == (not any(item.unfilled for item in groep.lists))


@given(elections(), st.data())
def test_nobody_is_elected_twice_and_everyone_stands_where_elected(
    case: tuple[MultiDistrictInput, dict[int, int]], data: st.DataObject
) -> None:
    """A person takes at most one seat (P 16, P 18), on a list where they stand, alive."""
    districts, seats = case
    result = run(data, districts, seats)
    for party in result.parties:
        keys = [person.key for item in party.lists for person in item.elected]
        assert len(keys) == len(set(keys))
        source = {
            lst.list_id: lst
            for lst in next(p for p in districts.parties if p.number == party.number).lists
        }
        for item in party.lists:
            on_list = {c.position: c for c in source[item.list_id].candidates}
            for person in item.elected:
                assert on_list[person.position].key == person.key
                assert not on_list[person.position].deceased


@given(elections(), st.data())
def test_preference_goes_by_votes_on_all_lists_together(
    case: tuple[MultiDistrictInput, dict[int, int]], data: st.DataObject
) -> None:
    """P 15(1): everyone elected by preference has more than the threshold on all their lists
    together; a living person above it is left out only when the party's seats are all taken
    by preference, and then by persons with at least as many votes."""
    districts, seats = case
    result = run(data, districts, seats)
    if result.status != "complete":
        return
    assert result.preference_threshold is not None
    for party in result.parties:
        chosen = [e for item in party.lists for e in item.elected if e.by == "preference"]
        assert all(e.total_votes > result.preference_threshold for e in chosen)
        elected_keys = {e.key for e in chosen}
        passed = [
            p for p in party.persons if not p.deceased and p.votes > result.preference_threshold
        ]
        left_out = [p for p in passed if p.key not in elected_keys]
        if left_out:
            assert len(chosen) == party.seats
        if left_out and chosen:
            assert min(e.total_votes for e in chosen) >= max(p.votes for p in left_out)


@given(elections(), st.data())
def test_the_order_of_election_is_the_kiesraads(
    case: tuple[MultiDistrictInput, dict[int, int]], data: st.DataObject
) -> None:
    """The party's order of election (``DistrictElected.order``, the order of the 520) numbers
    its elected 1, 2, … without gaps; those elected by preference (P 15) come first, most votes
    on all lists together first; then those elected in list order (P 17, P 18), with positions
    that never go down within one list."""
    districts, seats = case
    result = run(data, districts, seats)
    for party in result.parties:
        elected = sorted(
            (person for item in party.lists for person in item.elected), key=lambda e: e.order
        )
        assert [e.order for e in elected] == list(range(1, len(elected) + 1))
        kinds = [e.by for e in elected]
        assert kinds == sorted(kinds, key=lambda by: by != "preference")
        votes = [e.total_votes for e in elected if e.by == "preference"]
        assert votes == sorted(votes, reverse=True)
        for item in party.lists:
            in_order = sorted(
                (e for e in item.elected if e.by == "list_order"), key=lambda e: e.order
            )
            positions = [e.position for e in in_order]
            assert positions == sorted(positions)


@given(elections(), st.data())
def test_the_group_distribution_does_not_depend_on_the_order_of_the_lists(
    case: tuple[MultiDistrictInput, dict[int, int]], data: st.DataObject
) -> None:
    """Lists are named by their lowest kieskring, never by their place in the input: reversing
    the lists gives the same result, with the same lots."""
    districts, seats = case
    result = run(data, districts, seats)
    groep, other = districts.parties
    turned = PartyLists(groep.number, groep.type, tuple(reversed(groep.lists)), groep.name)
    again = allocate_districts(
        MultiDistrictInput(districts.seats, districts.category, (turned, other), result.lots_used),
        seats,
    )
    assert again == result


@given(elections(), st.data())
def test_replaying_the_same_lots_gives_the_same_result(
    case: tuple[MultiDistrictInput, dict[int, int]], data: st.DataObject
) -> None:
    districts, seats = case
    result = run(data, districts, seats)
    replay = MultiDistrictInput(
        districts.seats, districts.category, districts.parties, result.lots_used
    )
    assert allocate_districts(replay, seats) == result


@given(elections(), st.data())
def test_without_exhaustion_each_list_gets_its_full_seats_or_one_more(
    case: tuple[MultiDistrictInput, dict[int, int]], data: st.DataObject
) -> None:
    """P 12(4), P 12(5): with candidates enough, a list gets floor(votes / group quota) seats,
    plus at most one for its remainder; the full seats are computed here independently."""
    districts, seats = case
    result = run(data, districts, seats)
    [groep] = [p for p in result.parties if p.number == 1]
    if groep.group is None or groep.group.group_quota is None:
        return
    total = groep.group.votes
    for item in groep.group.lists:
        if item.available <= item.full_seats:
            return
    for item in groep.group.lists:
        full = item.votes * seats[1] // total
        assert item.full_seats == full
        assert item.remainder == item.votes - full * Fraction(total, seats[1])
        assert item.seats in (full, full + 1)


@given(elections(), st.data())
def test_each_ranking_orders_the_living_candidates_of_its_list(
    case: tuple[MultiDistrictInput, dict[int, int]], data: st.DataObject
) -> None:
    """P 19: a ranking holds every living candidate of the list once, those elected by
    preference on it first, in the order their seats were given."""
    districts, seats = case
    result = run(data, districts, seats)
    if result.status != "complete":
        return
    for party in result.parties:
        source = next(p for p in districts.parties if p.number == party.number)
        for item, lst in zip(
            party.lists, sorted(source.lists, key=lambda x: x.list_id), strict=True
        ):
            living = sorted(c.position for c in lst.candidates if not c.deceased)
            assert sorted(item.ranking) == living
            first = [e.position for e in item.elected if e.by == "preference"]
            assert list(item.ranking[: len(first)]) == first


def national_election(seed: int = 2026) -> tuple[MultiDistrictInput, dict[int, int]]:
    """A Tweede Kamer of national scale: 150 seats, 20 kieskringen, 30 parties.

    Parties 1-6 are lijstengroepen with 4 different lists (each a set for 5 kieskringen) of 80
    candidates, sharing their first 60; parties 7-16 are sets of identical lists for all 20
    kieskringen; parties 17-30 stand in one kieskring. About 10 million votes. The seats between
    parties are computed here by highest averages (P 7(1)) in exact integers.
    """
    rng = random.Random(seed)
    parties: list[PartyLists] = []
    for number in range(1, 31):
        weight = rng.randint(200_000, 1_500_000) if number <= 16 else rng.randint(1_000, 60_000)
        if number <= 6:
            shared = [f"{number}-{i}" for i in range(60)]
            lists = []
            for part in range(4):
                own = [f"{number}-{part}-{i}" for i in range(20)]
                keys = shared[:5] + rng.sample(shared[5:] + own, 75)
                lists.append(_list(rng, tuple(range(part * 5 + 1, part * 5 + 6)), keys, weight))
            parties.append(group(number, *lists))
        else:
            covered = tuple(range(1, 21)) if number <= 16 else (number - 16,)
            keys = [f"{number}-{i}" for i in range(80)]
            parties.append(single(number, _list(rng, covered, keys, weight)))
    districts = election(150, *parties)
    votes = {p.number: sum(lst.votes for lst in p.lists) for p in parties}
    return districts, _highest_averages(votes, 150)


def _list(
    rng: random.Random, districts: tuple[int, ...], keys: list[str], votes: int
) -> DistrictList:
    """Most votes to the head of the list, a few to everyone else."""
    head = votes * 7 // 10
    shares = [head] + [rng.randint(0, 3 * (votes - head) // len(keys)) for _ in keys[1:]]
    return DistrictList(
        districts,
        tuple(
            DistrictCandidate(i, key, share)
            for i, (key, share) in enumerate(zip(keys, shares, strict=True), 1)
        ),
    )


def _highest_averages(votes: dict[int, int], seats: int) -> dict[int, int]:
    given = dict.fromkeys(votes, 0)
    for _ in range(seats):
        best = max(votes, key=lambda n: (Fraction(votes[n], given[n] + 1), -n))
        given[best] += 1
    return given


def test_a_national_election_keeps_every_rule() -> None:
    """(How long it takes is measured in benchmarks/allocation.py, not asserted here.)"""
    districts, seats = national_election()
    result = complete(districts, seats, min)

    assert result.status == "complete"
    assert sum(item.seats for p in result.parties for item in p.lists) == 150
    keys = [e.key for p in result.parties for item in p.lists for e in item.elected]
    assert len(keys) == len(set(keys)) == 150
    groups = [p for p in result.parties if p.group is not None]
    assert len(groups) == 6
    assert all(len(p.lists) == 4 for p in groups)
    # each group's list heads are shared: the first is elected once, on one list
    for p in groups:
        head = f"{p.number}-0"
        assert sum(1 for item in p.lists for e in item.elected if e.key == head) == 1
