"""Numbering of the accepted lists (Kieswet I 16): previous seats by votes, then by lot.

The software never draws a lot: without a fitting outcome it returns which lot is needed.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from candidacy import LotOutcome, LotReason, LotsRequired, Numbered, PartyRegistration, number_lists
from tests.candidacy.builders import REGISTER, submitted


def test_parties_with_seats_come_first_by_their_previous_votes() -> None:
    lists = [
        submitted("1", party_name="Partij B"),
        submitted("2", party_name="Groot"),
        submitted("3", party_name="Partij A"),
    ]
    result = number_lists(lists, REGISTER)
    assert isinstance(result, Numbered)
    assert [result.number(lst) for lst in lists] == [3, 1, 2]


def test_the_other_lists_need_a_lot_and_the_software_never_draws() -> None:
    lists = [
        submitted("1", party_name="Partij A"),
        submitted("2", party_name="Nieuw"),
        submitted("3", party_name=""),
    ]
    result = number_lists(lists, REGISTER)
    assert isinstance(result, LotsRequired)
    [lot] = result.lots
    assert lot.reason is LotReason.OTHER_LISTS
    assert lot.among == ("Nieuw", "blanco:3")
    assert lot.first_number == 2


def test_a_supplied_lot_outcome_decides_the_order_of_the_others() -> None:
    lists = [
        submitted("1", party_name="Partij A"),
        submitted("2", party_name="Nieuw"),
        submitted("3", party_name=""),
    ]
    result = number_lists(lists, REGISTER, [LotOutcome(order=("blanco:3", "Nieuw"))])
    assert isinstance(result, Numbered)
    assert [result.number(lst) for lst in lists] == [1, 3, 2]


def test_an_outcome_for_other_lists_does_not_fit() -> None:
    lists = [submitted("2", party_name="Nieuw"), submitted("3", party_name="")]
    result = number_lists(lists, REGISTER, [LotOutcome(order=("Nieuw", "Elders"))])
    assert isinstance(result, LotsRequired)


def test_equal_previous_votes_need_a_lot_too() -> None:
    register = {
        **REGISTER,
        "Tweeling": PartyRegistration(name="Tweeling", seats_last_time=1, votes_last_time=4000),
    }
    lists = [submitted("1", party_name="Partij A"), submitted("2", party_name="Tweeling")]
    result = number_lists(lists, register)
    assert isinstance(result, LotsRequired)
    assert result.lots[0].reason is LotReason.EQUAL_PREVIOUS_VOTES
    assert result.lots[0].among == ("Partij A", "Tweeling")
    drawn = number_lists(lists, register, [LotOutcome(order=("Tweeling", "Partij A"))])
    assert isinstance(drawn, Numbered)
    assert drawn.numbers == {"Tweeling": 1, "Partij A": 2}


def test_other_lists_in_more_districts_come_first_and_a_party_gets_one_number() -> None:
    lists = [
        submitted("n1", party_name="Nieuw", districts=("1",)),
        submitted("n2", party_name="Nieuw", districts=("2", "3")),
        submitted("o", party_name="Onbekend", districts=("1",)),
    ]
    result = number_lists(lists, REGISTER)
    assert isinstance(result, Numbered)
    assert result.numbers == {"Nieuw": 1, "Onbekend": 2}
    assert result.number(lists[0]) == result.number(lists[1]) == 1


def test_a_lot_outcome_names_each_list_once() -> None:
    import pytest

    with pytest.raises(ValueError, match="once"):
        LotOutcome(order=("a", "a"))


@given(
    st.lists(
        st.tuples(st.integers(0, 3), st.integers(0, 5), st.integers(1, 3)),
        min_size=1,
        max_size=8,
    ),
    st.data(),
)
def test_numbering_orders_parties_with_seats_first_and_only_lots_decide_ties(
    parties: list[tuple[int, int, int]], data: st.DataObject
) -> None:
    """Property (Kieswet I 16): after the people draw every lot OSV asks for, the numbers are
    1..n, one per party; every party with seats last time comes before every other; among them
    more previous votes never gets a higher number; among the others more districts never gets a
    higher number. Previous votes come from a small range so ties (and lots) are frequent."""
    register = {}
    lists = []
    for index, (seats, votes, districts) in enumerate(parties):
        name = f"P{index}"
        register[name] = PartyRegistration(name=name, seats_last_time=seats, votes_last_time=votes)
        lists.append(
            submitted(
                str(index), party_name=name, districts=tuple(str(d) for d in range(districts))
            )
        )
    lots: list[LotOutcome] = []
    result = number_lists(lists, register)
    for _ in range(len(parties) + 1):
        if isinstance(result, Numbered):
            break
        for lot in result.lots:
            lots.append(LotOutcome(order=tuple(data.draw(st.permutations(lot.among)))))
        result = number_lists(lists, register, lots)
    assert isinstance(result, Numbered)
    numbers = {name: result.numbers[name] for name in register}
    assert sorted(numbers.values()) == list(range(1, len(parties) + 1))
    seated = [n for n in register if register[n].seats_last_time > 0]
    others = [n for n in register if register[n].seats_last_time == 0]
    assert all(numbers[a] < numbers[b] for a in seated for b in others)
    for a in seated:
        for b in seated:
            if register[a].votes_last_time > register[b].votes_last_time:
                assert numbers[a] < numbers[b]
    size = {lst.party_name: len(lst.districts) for lst in lists}
    for a in others:
        for b in others:
            if size[a] > size[b]:
                assert numbers[a] < numbers[b]
