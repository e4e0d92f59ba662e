"""The result of an election with several districts: the Tweede Kamer and PS2.

Parties file lists per district (kieskring); the CSB receives one 230b contest per district and
counts per district. This module builds the input of the multi-district allocation
(:mod:`results.allocation.groups`) and turns its outcome into an
:class:`~osv.service.result.model.ElectionResult`:

* a party is a list number, the same in every district. Its district lists are grouped by their
  candidates: lists with the same persons in the same order form one *set of identical lists*
  (P 2(1): counted as one list, the candidates' votes summed over its districts); a party with
  two or more different lists is a *lijstengroep* (P 3, seats divided over its lists by P 12,
  P 13); a party with one list in one district is a list on its own;
* a *person* is identified across districts by their name and place of residence (initials,
  first name, prefix, last name, locality or country) as the 230b gives them: the same person on
  several lists of a group gets the sum of their votes (P 15, P 16) and one seat at most. Two
  different people with exactly the same name and place on one party's lists would be merged;
  the Kieswet's registration (H 1, with the date of birth) keeps them apart, the 230b does not;
* the party's votes are the votes of its candidates (P 2); the distribution between parties is
  the single-district allocation (national quota, P 5 to P 10), then
  :func:`~results.allocation.groups.allocate_districts` does P 12 to P 19;
* one lot sequence: the outcomes are used in the order asked, first by the distribution between
  parties, then by the rest;
* ``--deceased LIST:CANDIDATE`` names the candidate by their number on the party's list in the
  lowest-numbered district where the party stands; the person is deceased on every list.

The elected of a party are listed in the order the Kiesraad publishes them (its 520 of TK2023):
first those elected by preference votes, most votes first (equal votes in the order the lot
decided, P 15(1)), then the others in the order their seats were assigned (P 17, P 18);
``ElectedPerson.district`` is the lowest district of the list the person is elected on, and
``short_code`` the person's ShortCode (:func:`osv.service.result.short_codes.short_codes`).
"""

from __future__ import annotations

from collections.abc import Sequence

from eml import Eml230b
from eml.short_codes import assign_short_codes
from osv.model import Candidate, CandidateList, ElectionDefinition, ListType, VoteCounts
from osv.service.formats.allocation_json import plain
from osv.service.result.files import ResultInputError
from osv.service.result.model import ElectedPerson, ElectionResult, ListOutcome
from osv.service.result.sources import CountSource
from results.allocation import (
    Allocation,
    AllocationError,
    LotOutcome,
    allocate,
    allocate_districts,
    party_allocation_input,
    party_seats_of,
)
from results.allocation.groups_types import (
    DistrictCandidate,
    DistrictList,
    MultiDistrictAllocation,
    MultiDistrictInput,
    PartyLists,
    PartyResult,
)

__all__ = ["compute_multi_district", "person_key"]


def person_key(candidate: Candidate) -> str:
    """Who a candidate is, the same on every list where they stand (see the module docstring)."""
    name = candidate.name
    place = candidate.locality or candidate.country_code or ""
    return "|".join(
        (name.initials, name.first_name or "", name.prefix or "", name.last_name, place)
    )


def compute_multi_district(
    *,
    definition: ElectionDefinition | None,
    seats: int,
    candidate_lists: tuple[Eml230b, ...],
    counts: CountSource,
    lots: tuple[LotOutcome, ...] = (),
    deceased: tuple[tuple[int, int], ...] = (),
) -> ElectionResult:
    """Allocate the seats of a multi-district election and name the elected persons.

    :raises ResultInputError: without candidate lists, or when counts and lists do not fit.
    :raises AllocationError: when a lot outcome does not fit the tie it is given for.
    """
    identifier = counts.identifier
    districts = _district_lists(candidate_lists)
    counted = {int(contest_id): votes for contest_id, votes in counts.districts}
    missing = sorted(set(counted) - set(districts))
    if missing:
        raise ResultInputError(
            f"the counts include district(s) {', '.join(map(str, missing))}, but no candidate "
            "lists (230b) of those districts were given; give the 230b of every district"
        )
    parties = _parties(districts, counted, deceased)
    short_codes = _short_codes(districts)
    election = MultiDistrictInput(
        seats=seats,
        category=identifier.category,
        parties=parties,
        preference_threshold=definition.preference_threshold if definition else None,
    )
    between = allocate(party_allocation_input(election, lots))
    used = len(between.lots_used)
    base = _between_parties(counts, seats, between, districts, deceased)
    try:
        party_seats = party_seats_of(between)
    except AllocationError:
        return base  # a lot between parties is pending, or there are no votes
    within = allocate_districts(
        MultiDistrictInput(
            seats=election.seats,
            category=election.category,
            parties=election.parties,
            lots=lots[used:],
            preference_threshold=election.preference_threshold,
        ),
        party_seats,
    )
    return _with_persons(base, between, within, districts, short_codes)


def _between_parties(
    counts: CountSource,
    seats: int,
    between: Allocation,
    districts: dict[int, dict[int, CandidateList]],
    deceased: tuple[tuple[int, int], ...],
) -> ElectionResult:
    """The result of the allocation between parties alone: seats per party, no persons yet."""
    return ElectionResult(
        identifier=counts.identifier,
        seats=seats,
        status=between.status,
        quota=between.quota,
        preference_threshold=between.preference_threshold,
        lists=tuple(
            ListOutcome(
                number=seats_.number,
                name=_name_of(districts, seats_.number),
                votes=seats_.votes,
                full_seats=seats_.full_seats,
                seats=seats_.seats,
            )
            for seats_ in between.lists
        ),
        total_votes=sum(lst.votes for lst in between.lists),
        lots_required=between.lots_required,
        steps=tuple(plain(step) for step in between.steps),
        findings=counts.findings,
        warnings=between.warnings,
        unassigned=between.unassigned,
        lots_used=between.lots_used,
        deceased=tuple(sorted(set(deceased))),
    )


def _with_persons(
    base: ElectionResult,
    between: Allocation,
    within: MultiDistrictAllocation,
    districts: dict[int, dict[int, CandidateList]],
    short_codes: dict[str, str],
) -> ElectionResult:
    """The whole result: the parties' seats of ``base`` with the persons elected in them."""
    outcomes = [
        _list_outcome(outcome, result, districts, short_codes)
        for outcome, result in zip(base.lists, within.parties, strict=True)
    ]
    status = within.status if between.status == "complete" else between.status
    return ElectionResult(
        identifier=base.identifier,
        seats=base.seats,
        status=status,
        quota=between.quota,
        preference_threshold=within.preference_threshold,
        lists=tuple(outcomes),
        total_votes=base.total_votes,
        lots_required=within.lots_required or between.lots_required,
        steps=base.steps,
        findings=base.findings,
        warnings=tuple(dict.fromkeys((*between.warnings, *within.warnings))),
        unresolved=within.unresolved,
        unassigned=between.unassigned,
        lots_used=(*between.lots_used, *within.lots_used),
        deceased=base.deceased,
        short_codes={
            (str(district), number, candidate.number): short_codes[person_key(candidate)]
            for district, lists in districts.items()
            for number, lst in lists.items()
            for candidate in lst.candidates
        },
    )


def _list_outcome(
    outcome: ListOutcome,
    result: PartyResult,
    districts: dict[int, dict[int, CandidateList]],
    short_codes: dict[str, str],
) -> ListOutcome:
    """A party's outcome with its seats and its elected persons, named from the 230b."""
    placed = []
    for list_result in result.lists:
        lowest = min(list_result.districts)
        source = _list_in(districts, lowest, outcome.number)
        for person in list_result.elected:
            candidate = source.candidate(person.position)
            if candidate is None:  # the allocation elects only candidates of the list
                raise ResultInputError(
                    f"list {outcome.number} in kieskring {lowest} has no candidate "
                    f"{person.position}"
                )
            placed.append(
                (
                    person.order,
                    ElectedPerson(
                        list_number=outcome.number,
                        candidate_number=person.position,
                        name=candidate.name,
                        by=person.by,
                        votes=person.total_votes,
                        gender=candidate.gender.value if candidate.gender else None,
                        locality=candidate.locality,
                        country_code=candidate.country_code,
                        district=str(lowest),
                        short_code=short_codes.get(person.key),
                    ),
                )
            )
    # The party's elected in the Kiesraad's order (DistrictElected.order): by preference
    # votes first (P 15), then in the order of assignment (P 17, P 18).
    elected = [person for _, person in sorted(placed, key=lambda pair: pair[0])]
    ranking = result.lists[0].ranking if len(result.lists) == 1 else ()
    return ListOutcome(
        number=outcome.number,
        name=outcome.name,
        votes=outcome.votes,
        full_seats=outcome.full_seats,
        seats=result.seats,
        elected=tuple(elected),
        ranking=ranking,
    )


def _short_codes(districts: dict[int, dict[int, CandidateList]]) -> dict[str, str]:
    """Every person's ShortCode: the one the 230b gives, or one formed as the Kiesraad does
    (:mod:`eml.short_codes`), in the order of party number, district and position."""
    order = [
        (person_key(candidate), candidate)
        for number in sorted({n for lists in districts.values() for n in lists})
        for district in sorted(districts)
        if number in districts[district]
        for candidate in districts[district][number].candidates
    ]
    given = {key: c.short_code for key, c in order if c.short_code}
    formed = assign_short_codes(
        ((key, c.name) for key, c in order if key not in given), taken=given.values()
    )
    return {**formed, **given}


def _district_lists(candidate_lists: Sequence[Eml230b]) -> dict[int, dict[int, CandidateList]]:
    """Per district number, its lists by number."""
    if not candidate_lists:
        raise ResultInputError(
            "a result with several districts needs the candidate lists (230b) of every "
            "district: they say which lists and persons belong together"
        )
    found: dict[int, dict[int, CandidateList]] = {}
    for document in candidate_lists:
        for contest in document.contests:
            if not contest.id.isdigit():
                raise ResultInputError(
                    f"candidate lists of contest {contest.id!r}: a district has a number"
                )
            found[int(contest.id)] = {lst.number: lst for lst in contest.lists}
    return found


def _list_in(
    districts: dict[int, dict[int, CandidateList]], district: int, number: int
) -> CandidateList:
    return districts[district][number]


def _name_of(districts: dict[int, dict[int, CandidateList]], number: int) -> str:
    for district in sorted(districts):
        lst = districts[district].get(number)
        if lst is not None:
            return lst.name
    return ""


def _parties(
    districts: dict[int, dict[int, CandidateList]],
    counted: dict[int, VoteCounts],
    deceased: Sequence[tuple[int, int]],
) -> tuple[PartyLists, ...]:
    numbers = sorted({number for lists in districts.values() for number in lists})
    dead = _dead_keys(districts, deceased)
    parties = []
    for number in numbers:
        present = [d for d in sorted(districts) if number in districts[d]]
        clusters: dict[tuple[str, ...], list[int]] = {}
        for district in present:
            keys = tuple(person_key(c) for c in districts[district][number].candidates)
            clusters.setdefault(keys, []).append(district)
        lists = []
        for keys, members in clusters.items():
            source = districts[members[0]][number]
            votes = [0] * len(keys)
            for district in members:
                for position, value in _votes(counted.get(district), number, len(keys)).items():
                    votes[position - 1] += value
            lists.append(
                DistrictList(
                    districts=tuple(members),
                    candidates=tuple(
                        DistrictCandidate(
                            position=candidate.number,
                            key=key,
                            votes=votes[candidate.number - 1],
                            deceased=key in dead,
                            name=candidate.name.last_name,
                        )
                        for candidate, key in zip(source.candidates, keys, strict=True)
                    ),
                )
            )
        lists.sort(key=lambda item: item.list_id)
        if len(lists) > 1:
            kind = ListType.GROUP
        elif len(lists[0].districts) > 1:
            kind = ListType.IDENTICAL_SET
        else:
            kind = ListType.STANDALONE
        parties.append(
            PartyLists(
                number=number, type=kind, lists=tuple(lists), name=_name_of(districts, number)
            )
        )
    return tuple(parties)


def _votes(total: VoteCounts | None, number: int, size: int) -> dict[int, int]:
    """The votes per candidate position of list ``number`` in one district's count."""
    if total is None:
        return {}
    lst = total.list(number)
    if lst is None:
        return {}
    found: dict[int, int] = {}
    for candidate in lst.candidates:
        if candidate.number is None or not 1 <= candidate.number <= size:
            raise ResultInputError(
                f"the count has votes for candidate {candidate.key} of list {number}, which the "
                "district's candidate list does not have"
            )
        found[candidate.number] = candidate.votes
    return found


def _dead_keys(
    districts: dict[int, dict[int, CandidateList]], deceased: Sequence[tuple[int, int]]
) -> set[str]:
    keys = set()
    for number, position in deceased:
        lowest = next((d for d in sorted(districts) if number in districts[d]), None)
        candidate = districts[lowest][number].candidate(position) if lowest is not None else None
        if candidate is None:
            raise ResultInputError(
                f"--deceased {number}:{position}: list {number} has no candidate {position} "
                "in its lowest district"
            )
        keys.add(person_key(candidate))
    return keys
