"""Small builders for readable multi-district test elections, and a loop that draws lots.

``dlist(1, ("Jansen", 900), ("Bakker", 100))`` is the list of kieskring 1 with two candidates at
positions 1 and 2; ``dlist((3, 4), ...)`` a set of identical lists for kieskringen 3 and 4. A
third element ``True`` marks a deceased candidate. Persons are named by their key.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from osv.model import ElectionCategory, ListType
from results.allocation.groups import allocate_districts
from results.allocation.groups_types import (
    DistrictCandidate,
    DistrictList,
    MultiDistrictAllocation,
    MultiDistrictInput,
    PartyLists,
    PartyResult,
)
from results.allocation.types import LotOutcome

Entry = tuple[str, int] | tuple[str, int, bool]


def dlist(districts: int | tuple[int, ...], *entries: Entry) -> DistrictList:
    """A district list; positions 1, 2, ... in the order given."""
    covered = (districts,) if isinstance(districts, int) else districts
    return DistrictList(
        covered,
        tuple(
            DistrictCandidate(
                position=index,
                key=entry[0],
                votes=entry[1],
                deceased=len(entry) > 2 and bool(entry[2]),
            )
            for index, entry in enumerate(entries, start=1)
        ),
    )


def group(number: int, *lists: DistrictList) -> PartyLists:
    """A lijstengroep."""
    return PartyLists(number, ListType.GROUP, lists, f"Groep {number}")


def single(number: int, district_list: DistrictList) -> PartyLists:
    """A standalone list, or a set of identical lists when it covers several kieskringen."""
    kind = ListType.IDENTICAL_SET if len(district_list.districts) > 1 else ListType.STANDALONE
    return PartyLists(number, kind, (district_list,), f"Partij {number}")


def filler(number: int, votes: int, size: int = 20) -> PartyLists:
    """A standalone party of kieskring 1 whose votes all go to candidate 1."""
    entries: list[Entry] = [(f"f{number}-1", votes)]
    entries += [(f"f{number}-{index}", 0) for index in range(2, size + 1)]
    return single(number, dlist(1, *entries))


def election(
    seats: int, *parties: PartyLists, lots: tuple[LotOutcome, ...] = ()
) -> MultiDistrictInput:
    """A Tweede Kamer election with these parties."""
    return MultiDistrictInput(seats, ElectionCategory.TK, parties, lots)


def party(result: MultiDistrictAllocation, number: int) -> PartyResult:
    """The result of one party."""
    return next(item for item in result.parties if item.number == number)


def seats_per_list(result: MultiDistrictAllocation, number: int) -> dict[int, int]:
    """Final seats per list_id of one party."""
    return {item.list_id: item.seats for item in party(result, number).lists}


def elected(result: MultiDistrictAllocation, number: int) -> dict[int, list[tuple[str, str]]]:
    """Per list_id, the elected persons as (key, by) in the order of their seats."""
    return {
        item.list_id: [(person.key, person.by) for person in item.elected]
        for item in party(result, number).lists
    }


def complete(
    districts: MultiDistrictInput,
    party_seats: Mapping[int, int],
    choose: Callable[[tuple[int, ...]], int],
    limit: int = 500,
) -> MultiDistrictAllocation:
    """Run, answering every drawing of lots with ``choose(options)``, until no lot is asked."""
    lots: list[LotOutcome] = list(districts.lots)
    for _ in range(limit):
        result = allocate_districts(
            MultiDistrictInput(
                districts.seats,
                districts.category,
                districts.parties,
                tuple(lots),
                districts.preference_threshold,
            ),
            party_seats,
        )
        required = result.lots_required
        if required is None:
            return result
        lots.append(LotOutcome(required.kind, choose(required.options), required.list_number))
    raise AssertionError(f"more than {limit} lots asked")
