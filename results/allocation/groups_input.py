"""From district lists to the parties that share the seats: Kieswet P 2 and P 3.

Seats are first given to parties, each counting as one list (P 2, P 3), by the single-district
allocation (:func:`results.allocation.allocate`); only then are a group's seats divided over its
lists (P 12). This module checks the district input, numbers each party's persons, and builds
the party-level :class:`~results.allocation.types.ListInput` that the allocation between parties
uses:

* its stemcijfer is the sum of the votes on all the party's lists (P 2(2), P 3);
* its candidates are the party's *persons*, each with their votes on all lists together: the
  votes add up to the stemcijfer, and the number of living persons is what P 10 compares with the
  seats. A person on four lists of a group can take one seat, not four, so a group with 30
  different persons over its lists can hold at most 30 seats. (The law does not spell out how
  P 10 counts the candidates of a group; counting persons is the reading that keeps P 13 from
  ever running out of candidates.)
"""

from __future__ import annotations

from collections.abc import Iterable

from osv.model import ElectionCategory, ListType
from results.allocation.groups_types import (
    Appearance,
    DistrictList,
    GroupPerson,
    MultiDistrictInput,
    PartyLists,
)
from results.allocation.types import (
    Allocation,
    AllocationError,
    AllocationInput,
    CandidateInput,
    ListInput,
    LotKind,
    LotOutcome,
)

__all__ = [
    "party_allocation_input",
    "party_list",
    "party_seats_of",
    "persons_of",
    "validate",
]

#: The elections with several kieskringen: the Tweede Kamer and provincial councils.
CATEGORIES = (ElectionCategory.TK, ElectionCategory.PS)


def validate(election: MultiDistrictInput) -> None:
    """Check the input; raise :class:`AllocationError` naming the first problem found."""
    if election.seats < 1:
        raise AllocationError(f"seats must be at least 1, found {election.seats}")
    if election.category not in CATEGORIES:
        raise AllocationError(
            f"lists per kieskring exist for TK and PS only, found {election.category.value}"
        )
    if election.preference_threshold is not None and not 0 < election.preference_threshold <= 100:
        raise AllocationError(
            f"preference threshold must be 1 to 100 percent, found {election.preference_threshold}"
        )
    numbers = [party.number for party in election.parties]
    if numbers != sorted(set(numbers)) or any(number < 1 for number in numbers):
        raise AllocationError(f"party numbers must be positive and increasing, found {numbers}")
    for party in election.parties:
        _validate_party(party)


def _validate_party(party: PartyLists) -> None:
    where = f"list {party.number}"
    count = len(party.lists)
    if party.type is ListType.GROUP and count < 2:
        raise AllocationError(f"{where}: a lijstengroep has two or more lists, found {count}")
    if party.type is not ListType.GROUP and count != 1:
        raise AllocationError(f"{where}: a {party.type.value} is one list, found {count}")
    districts = [district_list.districts for district_list in party.lists]
    if party.type is ListType.IDENTICAL_SET and len(districts[0]) < 2:
        raise AllocationError(f"{where}: a set of identical lists covers two or more kieskringen")
    if party.type is ListType.STANDALONE and len(districts[0]) != 1:
        raise AllocationError(f"{where}: a standalone list covers one kieskring")
    seen: set[int] = set()
    for district_list in party.lists:
        _validate_list(where, district_list)
        if seen & set(district_list.districts):
            raise AllocationError(
                f"{where}: kieskring {sorted(seen & set(district_list.districts))} has two lists"
            )
        seen |= set(district_list.districts)
    contents: dict[tuple[str, ...], int] = {}
    for district_list in party.lists:
        content = tuple(candidate.key for candidate in district_list.candidates)
        if content in contents:
            raise AllocationError(
                f"{where}: the lists of kieskring {contents[content]} and "
                f"{district_list.list_id} are identical and form one set (H 11(1), P 2(1))"
            )
        contents[content] = district_list.list_id
    deceased: dict[str, bool] = {}
    for district_list in party.lists:
        for candidate in district_list.candidates:
            if deceased.setdefault(candidate.key, candidate.deceased) != candidate.deceased:
                raise AllocationError(
                    f"{where}: {candidate.key!r} is registered as deceased on one list only"
                )


def _validate_list(where: str, district_list: DistrictList) -> None:
    districts = district_list.districts
    if not districts or list(districts) != sorted(set(districts)) or districts[0] < 1:
        raise AllocationError(
            f"{where}: kieskringen must be positive and increasing, found {list(districts)}"
        )
    where = f"{where}, kieskring {districts[0]}"
    if not district_list.candidates:
        raise AllocationError(f"{where}: the list has no candidates")
    positions = [candidate.position for candidate in district_list.candidates]
    if positions != sorted(set(positions)) or positions[0] < 1:
        raise AllocationError(
            f"{where}: candidate positions must be positive and increasing, found {positions}"
        )
    keys = [candidate.key for candidate in district_list.candidates]
    if any(not key for key in keys) or len(set(keys)) != len(keys):
        raise AllocationError(f"{where}: every candidate needs a key of their own on the list")
    for candidate in district_list.candidates:
        if candidate.votes < 0:
            raise AllocationError(
                f"{where}: candidate {candidate.position} has {candidate.votes} votes"
            )


def persons_of(party: PartyLists) -> tuple[GroupPerson, ...]:
    """The persons of a party, numbered in the order they first appear when the lists are read
    by increasing kieskring and each list in list order (for one list: number = position)."""
    appearances: dict[str, list[Appearance]] = {}
    names: dict[str, str] = {}
    deceased: dict[str, bool] = {}
    for district_list in sorted(party.lists, key=lambda item: item.list_id):
        for candidate in district_list.candidates:
            appearances.setdefault(candidate.key, []).append(
                Appearance(district_list.list_id, candidate.position, candidate.votes)
            )
            if not names.get(candidate.key):
                names[candidate.key] = candidate.name
            deceased[candidate.key] = candidate.deceased
    if len(party.lists) == 1:
        return tuple(
            GroupPerson(c.position, c.key, names[c.key], deceased[c.key], tuple(appearances[c.key]))
            for c in party.lists[0].candidates
        )
    return tuple(
        GroupPerson(number, key, names[key], deceased[key], tuple(found))
        for number, (key, found) in enumerate(appearances.items(), start=1)
    )


def party_list(party: PartyLists) -> ListInput:
    """The party as one list for the distribution between parties (P 2, P 3).

    P 2(1): "A set of identical lists [...] shall be considered a single list for the purpose of
    determining the election results"; P 3: "A group of lists [...] shall be considered, for the
    purpose of determining the number of seats to be allocated to it, as a single list with a
    vote total equal to the sum of the votes of the lists comprising the group" (English text of
    the law as of 2025). One candidate per person, numbered as in :func:`persons_of`, with their
    votes on all lists: the candidates' votes add up to the stemcijfer, and the living persons
    are the candidates P 10 counts.
    """
    return ListInput(
        number=party.number,
        name=party.name,
        candidates=tuple(
            CandidateInput(
                number=person.number,
                votes=person.votes,
                deceased=person.deceased,
                key=person.key,
            )
            for person in persons_of(party)
        ),
    )


def party_allocation_input(
    election: MultiDistrictInput, lots: Iterable[LotOutcome] = ()
) -> AllocationInput:
    """The input of the distribution between parties (:func:`results.allocation.allocate`).

    :param lots: the lots of *that* distribution, in the order it asked for them (they are kept
        apart from :attr:`MultiDistrictInput.lots`, the lots within parties).
    """
    validate(election)
    return AllocationInput(
        seats=election.seats,
        category=election.category,
        lists=tuple(party_list(party) for party in election.parties),
        lots=tuple(lots),
        preference_threshold=election.preference_threshold,
    )


def party_seats_of(allocation: Allocation) -> dict[int, int]:
    """The seats per party from the distribution between parties, once they are final.

    The seats are final when the allocation is complete, or when it waits for a lot between
    candidates only (P 15): the candidates of a multi-district party are elected by
    :func:`results.allocation.groups.allocate_districts`, which asks for that lot itself.

    :raises AllocationError: the seats are not final yet (a lot between lists is pending, or
        there are no votes).
    """
    pending = allocation.lots_required
    if allocation.status == "no_votes" or (
        allocation.status == "lots_required"
        and (pending is None or pending.kind is not LotKind.CANDIDATE_PREFERENCE)
    ):
        raise AllocationError(
            f"the seats between parties are not final yet (status {allocation.status})"
        )
    return {list_seats.number: list_seats.seats for list_seats in allocation.lists}
