"""The two parts together: seats between parties by :func:`results.allocation.allocate`, then
within parties by :func:`allocate_districts`.

Besides wiring the parts, it cross-checks them: for a party with one list (a set or a standalone
list) both compute the same elected candidates and ranking, and for a lijstengroep the same
persons are elected by preference, because P 15(1) elects them at group level in both.
"""

from __future__ import annotations

from results.allocation import allocate
from results.allocation.groups import (
    allocate_districts,
    party_allocation_input,
    party_seats_of,
)
from tests.allocation.test_groups_properties import national_election


def test_the_national_election_through_both_parts() -> None:
    districts, _ = national_election()
    parties = allocate(party_allocation_input(districts))
    assert parties.status == "complete", parties.lots_required
    seats = party_seats_of(parties)
    result = allocate_districts(districts, seats)

    assert result.status == "complete"
    assert result.quota == parties.quota
    assert result.preference_threshold == parties.preference_threshold
    for party in result.parties:
        assert sum(item.seats for item in party.lists) == seats[party.number]
        theirs = next(c for c in parties.candidates if c.list_number == party.number)
        by_preference = {e.number for e in theirs.elected if e.by == "preference"}
        ours = {e.person for item in party.lists for e in item.elected if e.by == "preference"}
        assert ours == by_preference
        if party.group is None:
            [one] = party.lists
            assert [(e.position, e.by) for e in one.elected] == [
                (e.number, e.by) for e in theirs.elected
            ]
            assert one.ranking == theirs.ranking
