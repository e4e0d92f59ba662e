"""From district lists to the parties that share the seats (Kieswet P 2, P 3), and the checks
on the input."""

from __future__ import annotations

from fractions import Fraction

import pytest

from osv.model import ElectionCategory, ListType
from results.allocation.groups import allocate_districts
from results.allocation.groups_input import (
    party_allocation_input,
    party_list,
    party_seats_of,
    persons_of,
)
from results.allocation.groups_trace import PartyVotesStep
from results.allocation.groups_types import (
    DistrictCandidate,
    DistrictList,
    MultiDistrictInput,
    PartyLists,
    sum_over_districts,
)
from results.allocation.types import (
    Allocation,
    AllocationError,
    CandidateInput,
    ListSeats,
    LotKind,
    LotOutcome,
    LotRequired,
)
from tests.allocation.group_builders import dlist, election, filler, group, party, single


def test_a_set_of_identical_lists_counts_as_one_list_with_summed_votes_p2() -> None:
    """Three kieskringen with the same candidates in the same order: one list (P 2(1)); the
    votes per candidate are added up over the kieskringen (P 2(2)).

    ========  ===========  ===========  ===========  ======
    position  kieskring 1  kieskring 2  kieskring 3  summed
    ========  ===========  ===========  ===========  ======
    1         100          200          300          600
    2         10           20           30           60
    ========  ===========  ===========  ===========  ======
    """
    votes = sum_over_districts({1: [100, 10], 2: [200, 20], 3: [300, 30]})
    assert votes == (600, 60)
    the_set = single(4, dlist((1, 2, 3), ("a", votes[0]), ("b", votes[1])))
    assert the_set.type is ListType.IDENTICAL_SET

    assert party_list(the_set).votes == 660
    assert party_list(the_set).candidates == (
        CandidateInput(1, 600, key="a"),
        CandidateInput(2, 60, key="b"),
    )
    result = allocate_districts(election(5, the_set, filler(5, 840)), {4: 2, 5: 3})
    [one_list] = party(result, 4).lists
    assert (one_list.list_id, one_list.districts, one_list.seats) == (1, (1, 2, 3), 2)
    [step] = [s for s in result.steps if isinstance(s, PartyVotesStep) and s.party_number == 4]
    assert (step.article, step.votes, step.lists) == ("P 2(1)", 660, ((1, 660),))


def test_identical_sets_must_have_equal_lengths() -> None:
    with pytest.raises(ValueError, match="same number of candidates"):
        sum_over_districts({1: [1, 2], 2: [3]})
    assert sum_over_districts({}) == ()


def test_a_group_counts_as_one_list_of_its_persons_p3() -> None:
    """A group's stemcijfer is the sum of its lists' (P 3). Its party-level candidates are its
    persons, each with their votes on all lists: Jansen stands on both lists (900 + 700), Bakker
    is deceased (P 19a: the votes count, the person cannot take a seat). Three persons, two
    living: the group can hold at most two seats (P 10)."""
    groep = group(
        1,
        dlist(2, ("Jansen", 700), ("Smit", 40)),
        dlist(1, ("Jansen", 900), ("Bakker", 100, True)),
    )
    as_one = party_list(groep)
    assert as_one.votes == 1740
    assert as_one.available == 2
    assert as_one.candidates == (
        CandidateInput(1, 1600, key="Jansen"),
        CandidateInput(2, 100, deceased=True, key="Bakker"),
        CandidateInput(3, 40, key="Smit"),
    )
    assert [(p.number, p.key, p.votes) for p in persons_of(groep)] == [
        (1, "Jansen", 1600),
        (2, "Bakker", 100),
        (3, "Smit", 40),
    ]


def test_the_party_allocation_input_has_one_list_per_party_and_its_own_lots() -> None:
    lot = LotOutcome(LotKind.RESIDUAL_HA, 1)
    districts = election(
        10,
        group(1, dlist(1, ("a", 5)), dlist(2, ("b", 7))),
        filler(2, 30),
        lots=(LotOutcome(LotKind.GROUP_LR, 1, 1),),
    )
    parties = party_allocation_input(districts, [lot])
    assert [(item.number, item.votes) for item in parties.lists] == [(1, 12), (2, 30)]
    assert (parties.seats, parties.category, parties.lots) == (10, ElectionCategory.TK, (lot,))


def allocation(status: str, seats: dict[int, int], kind: LotKind | None = None) -> Allocation:
    pending = (
        LotRequired(kind=kind, article="P 7", options=(1, 2), seats=1, description="")
        if kind
        else None
    )
    return Allocation(
        status=status,  # type: ignore[arg-type]
        seats=sum(seats.values()),
        quota=Fraction(1),
        preference_threshold=Fraction(1, 4),
        lists=tuple(
            ListSeats(number, "", 0, n, Fraction(0), 0, n, 10) for number, n in seats.items()
        ),
        lots_required=pending,
    )


def test_party_seats_are_read_once_final() -> None:
    assert party_seats_of(allocation("complete", {1: 3, 2: 4})) == {1: 3, 2: 4}
    waiting_for_a_candidate_lot = allocation("lots_required", {1: 3}, LotKind.CANDIDATE_PREFERENCE)
    assert party_seats_of(waiting_for_a_candidate_lot) == {1: 3}
    with pytest.raises(AllocationError, match="not final"):
        party_seats_of(allocation("lots_required", {1: 3}, LotKind.RESIDUAL_HA))
    with pytest.raises(AllocationError, match="not final"):
        party_seats_of(allocation("no_votes", {1: 0}))


def test_no_votes_at_all_gives_no_quota() -> None:
    districts = election(3, single(1, dlist(1, ("a", 0))), single(2, dlist(2, ("b", 0))))
    result = allocate_districts(districts, {1: 0, 2: 0})
    assert (result.status, result.quota, result.preference_threshold) == ("no_votes", None, None)


def test_a_preference_threshold_override_is_applied() -> None:
    districts = election(10, filler(1, 500), filler(2, 500))
    districts = MultiDistrictInput(10, districts.category, districts.parties, (), 50)
    assert allocate_districts(districts, {1: 5, 2: 5}).preference_threshold == 50


def candidate(position: int, key: str, votes: int = 1) -> DistrictCandidate:
    return DistrictCandidate(position, key, votes)


@pytest.mark.parametrize(
    ("parties", "message"),
    [
        ((group(1, dlist(1, ("a", 1))),), "two or more lists"),
        ((PartyLists(1, ListType.STANDALONE, (dlist(1, ("a", 1)), dlist(2, ("b", 1)))),), "is one"),
        ((PartyLists(1, ListType.IDENTICAL_SET, (dlist(1, ("a", 1)),)),), "two or more kieskr"),
        ((PartyLists(1, ListType.STANDALONE, (dlist((1, 2), ("a", 1)),)),), "one kieskring"),
        ((group(1, dlist(1, ("a", 1)), dlist(1, ("b", 1))),), "has two lists"),
        ((group(1, dlist(1, ("a", 1)), dlist(2, ("a", 3))),), "form one set"),
        ((group(1, dlist(1, ("a", 1)), dlist(2, ("a", 3, True), ("b", 1))),), "deceased on one"),
        ((single(1, DistrictList((1,), ())),), "no candidates"),
        ((single(1, DistrictList((2, 1), (candidate(1, "a"),))),), "increasing"),
        ((single(1, DistrictList((1,), (candidate(2, "a"), candidate(1, "b")))),), "positions"),
        ((single(1, DistrictList((1,), (candidate(1, "a"), candidate(2, "a")))),), "key of"),
        ((single(1, DistrictList((1,), (candidate(1, ""),))),), "key of"),
        ((single(1, DistrictList((1,), (candidate(1, "a", -1),))),), "-1 votes"),
        ((filler(2, 1), filler(1, 1)), "increasing"),
    ],
)
def test_malformed_input_is_refused(parties: tuple[PartyLists, ...], message: str) -> None:
    districts = election(3, *parties)
    seats = {item.number: 0 for item in parties}
    with pytest.raises(AllocationError, match=message):
        allocate_districts(districts, seats)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"seats": 0}, "at least 1"),
        ({"category": ElectionCategory.GR}, "TK and PS only"),
        ({"preference_threshold": 0}, "1 to 100"),
    ],
)
def test_malformed_election_is_refused(change: dict[str, object], message: str) -> None:
    base = {
        "seats": 3,
        "category": ElectionCategory.TK,
        "parties": (filler(1, 5),),
        "preference_threshold": None,
    }
    with pytest.raises(AllocationError, match=message):
        allocate_districts(MultiDistrictInput(**{**base, **change}), {1: 0})  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("seats", "message"),
    [
        ({1: 1}, "exactly the parties"),
        ({1: -1, 2: 1}, "negative"),
        ({1: 2, 2: 2}, "the body 3"),
        ({1: 0, 2: 3}, "living persons"),
    ],
)
def test_party_seats_that_do_not_fit_are_refused(seats: dict[int, int], message: str) -> None:
    districts = election(3, filler(1, 50), single(2, dlist(1, ("a", 5), ("b", 5, True))))
    with pytest.raises(AllocationError, match=message):
        allocate_districts(districts, seats)
