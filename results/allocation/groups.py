"""Seats and elected persons per district list, for elections with several kieskringen.

The Tweede Kamer and provinces with several kieskringen (PS2) elect from lists per kieskring.
The allocation runs in two parts:

1. between parties, each counting as one list (P 2, P 3): the single-district allocation
   :func:`results.allocation.allocate` on :func:`party_allocation_input`, with its own lots;
2. within each party, here (:func:`allocate_districts`): a lijstengroep divides its seats over
   its lists (P 12, P 13, in :mod:`results.allocation.groups_seats`), then every party's seats
   go to persons (P 15 to P 19, in :mod:`results.allocation.groups_candidates`).

Typical use::

    parties = allocate(party_allocation_input(election, party_lots))
    result = allocate_districts(election, party_seats_of(parties))

Like the single-district allocation, this part never draws lots: at a tie it returns
``lots_required`` with what must be drawn, and is run again from the start with the outcome
appended to :attr:`MultiDistrictInput.lots`. Where the law gives no answer it returns
``unresolved`` instead of inventing one.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from fractions import Fraction

from osv.model import ListType
from results.allocation.groups_candidates import Unresolved, elect_candidates
from results.allocation.groups_input import (
    party_allocation_input,
    party_list,
    party_seats_of,
    persons_of,
    validate,
)
from results.allocation.groups_seats import AwardOrder, distribute_group_seats
from results.allocation.groups_trace import GroupSeatStep, GroupStep, PartyVotesStep
from results.allocation.groups_types import (
    DistrictListResult,
    GroupPerson,
    GroupSeats,
    MultiDistrictAllocation,
    MultiDistrictInput,
    MultiDistrictStatus,
    PartyLists,
    PartyResult,
)
from results.allocation.lots import LotBook, LotsNeeded
from results.allocation.types import AllocationError, LotRequired

__all__ = [
    "PREFERENCE_THRESHOLD_PERCENT",
    "allocate_districts",
    "party_allocation_input",
    "party_list",
    "party_seats_of",
]

#: P 15(1): "groter dan 25% van de kiesdeler". The 50 % of P 15(2) is for municipal councils
#: below 19 seats only, which never have several kieskringen.
PREFERENCE_THRESHOLD_PERCENT = 25


def allocate_districts(
    election: MultiDistrictInput, party_seats: Mapping[int, int]
) -> MultiDistrictAllocation:
    """Seats per district list and the persons who take them (Kieswet P 12 to P 19).

    :param election: the parties with their lists per kieskring, and the lots drawn so far in
        this part.
    :param party_seats: the seats per party number from the distribution between parties
        (see :func:`party_seats_of`); every party must be present.
    :return: the result; see :class:`MultiDistrictAllocation` for the statuses.
    :raises AllocationError: malformed input, party seats that do not fit the parties (more
        seats than the body has, or than a party has living persons: P 10 was not applied), or a
        supplied lot that does not fit its tie.
    """
    validate(election)
    persons = {party.number: persons_of(party) for party in election.parties}
    _check_party_seats(election, party_seats, persons)
    votes = {party.number: sum(lst.votes for lst in party.lists) for party in election.parties}
    total = sum(votes.values())
    steps: list[GroupStep] = [_party_votes_step(party, persons) for party in election.parties]
    if total == 0:
        return _no_votes(election, votes, party_seats, persons, steps)
    quota = Fraction(total, election.seats)
    percent = election.preference_threshold or PREFERENCE_THRESHOLD_PERCENT
    threshold = quota * percent / 100

    lots = LotBook(election.lots)
    warnings: list[str] = []
    run = _distribute_and_elect(election, party_seats, persons, threshold, lots, steps, warnings)
    groups, list_seats, lists = run.groups, run.list_seats, run.lists
    required, unresolved = run.required, run.unresolved
    if any(isinstance(step, GroupSeatStep) and step.method == "highest_averages" for step in steps):
        warnings.append("p13_2_highest_averages")
    status: MultiDistrictStatus = (
        "lots_required" if required else "unresolved" if unresolved else "complete"
    )
    return MultiDistrictAllocation(
        status=status,
        seats=election.seats,
        quota=quota,
        preference_threshold=threshold,
        parties=tuple(
            _party_result(
                party,
                votes,
                party_seats,
                persons,
                groups.get(party.number),
                list_seats.get(party.number),
                lists.get(party.number),
            )
            for party in election.parties
        ),
        lots_required=required,
        lots_used=lots.used,
        steps=tuple(steps),
        warnings=tuple(dict.fromkeys(warnings)),
        unresolved=tuple(unresolved),
    )


def _no_votes(
    election: MultiDistrictInput,
    votes: Mapping[int, int],
    party_seats: Mapping[int, int],
    persons: Mapping[int, tuple[GroupPerson, ...]],
    steps: list[GroupStep],
) -> MultiDistrictAllocation:
    """The result when no votes were cast: no quota and no preference threshold."""
    return MultiDistrictAllocation(
        status="no_votes",
        seats=election.seats,
        quota=None,
        preference_threshold=None,
        parties=tuple(
            _party_result(party, votes, party_seats, persons) for party in election.parties
        ),
        steps=tuple(steps),
    )


@dataclass
class _Run:
    """How far the distribution in groups and the election of persons got, per party number
    (kept when a lot to be drawn or a case the law does not answer stops it)."""

    groups: dict[int, GroupSeats] = field(default_factory=dict)
    list_seats: dict[int, dict[int, int]] = field(default_factory=dict)
    orders: dict[int, AwardOrder] = field(default_factory=dict)
    lists: dict[int, tuple[DistrictListResult, ...]] = field(default_factory=dict)
    required: LotRequired | None = None
    unresolved: list[str] = field(default_factory=list)


def _distribute_and_elect(
    election: MultiDistrictInput,
    party_seats: Mapping[int, int],
    persons: Mapping[int, tuple[GroupPerson, ...]],
    threshold: Fraction,
    lots: LotBook,
    steps: list[GroupStep],
    warnings: list[str],
) -> _Run:
    """P 12, P 13 for every group first (a single list takes its party's seats, P 2(1)), then
    P 15 to P 19 for every party, until a lot is needed or the law gives no answer."""
    run = _Run()
    for party in election.parties:  # one list: it takes the party's seats (P 2(1))
        if party.type is not ListType.GROUP:
            run.orders[party.number] = ()
            run.list_seats[party.number] = {party.lists[0].list_id: party_seats[party.number]}
    try:
        for party in election.parties:  # P 12, P 13 for every group first
            if party.type is ListType.GROUP:
                seats = party_seats[party.number]
                group, order = distribute_group_seats(party.number, party.lists, seats, lots, steps)
                run.groups[party.number] = group
                run.orders[party.number] = order
                run.list_seats[party.number] = {item.list_id: item.seats for item in group.lists}
        for party in election.parties:  # then P 15 to P 19
            run.lists[party.number] = elect_candidates(
                party,
                persons[party.number],
                run.list_seats[party.number],
                run.orders[party.number],
                threshold,
                lots,
                steps,
                warnings,
            )
        lots.finish()
    except LotsNeeded as stop:
        run.required = stop.required
    except Unresolved as stop:
        run.unresolved.append(f"{stop.code}: {stop.explanation}")
    if any(item.unfilled for results in run.lists.values() for item in results):
        run.unresolved.append(
            "p18_seat_without_candidate: a list keeps seats that none of its candidates can take "
            "(all are elected on other lists of the group or deceased); the law gives no answer"
        )
    return run


def _check_party_seats(
    election: MultiDistrictInput,
    party_seats: Mapping[int, int],
    persons: Mapping[int, tuple[GroupPerson, ...]],
) -> None:
    numbers = {party.number for party in election.parties}
    if set(party_seats) != numbers:
        raise AllocationError(
            f"seats are needed for exactly the parties {sorted(numbers)}, "
            f"found {sorted(party_seats)}"
        )
    if any(seats < 0 for seats in party_seats.values()):
        raise AllocationError("a party cannot have a negative number of seats")
    if sum(party_seats.values()) > election.seats:
        raise AllocationError(
            f"the parties have {sum(party_seats.values())} seats, the body {election.seats}"
        )
    for number, seats in party_seats.items():
        living = sum(1 for person in persons[number] if not person.deceased)
        if seats > living:
            raise AllocationError(
                f"list {number} has {seats} seats but only {living} living persons (P 10)"
            )


def _party_votes_step(
    party: PartyLists, persons: Mapping[int, tuple[GroupPerson, ...]]
) -> PartyVotesStep:
    """P 2, P 3 (P 5(1) for a list on its own): the party's stemcijfer and living persons."""
    article = {ListType.GROUP: "P 3", ListType.IDENTICAL_SET: "P 2(1)"}.get(party.type, "P 5(1)")
    return PartyVotesStep(
        party_number=party.number,
        list_type=party.type,
        lists=tuple(
            (item.list_id, item.votes) for item in sorted(party.lists, key=lambda i: i.list_id)
        ),
        votes=sum(item.votes for item in party.lists),
        available=sum(1 for person in persons[party.number] if not person.deceased),
        article=article,
    )


def _party_result(
    party: PartyLists,
    votes: Mapping[int, int],
    party_seats: Mapping[int, int],
    persons: Mapping[int, tuple[GroupPerson, ...]],
    group: GroupSeats | None = None,
    list_seats: Mapping[int, int] | None = None,
    lists: tuple[DistrictListResult, ...] | None = None,
) -> PartyResult:
    """One party's result; lists without candidates yet where the computation stopped."""
    if lists is None:
        lists = tuple(
            DistrictListResult(
                party_number=party.number,
                list_id=item.list_id,
                districts=item.districts,
                seats=(list_seats or {}).get(item.list_id, 0),
                elected=(),
                ranking=(),
                ranking_changed=False,
            )
            for item in sorted(party.lists, key=lambda i: i.list_id)
        )
    return PartyResult(
        number=party.number,
        name=party.name,
        type=party.type,
        votes=votes[party.number],
        seats=party_seats[party.number],
        group=group,
        lists=lists,
        persons=persons[party.number],
    )
