"""The distribution of a lijstengroep's seats over its lists: Kieswet P 12 and P 13.

A group of lists gets its seats as one party (P 3); then those seats are divided over the lists
of the group, as if the group were a small election of its own:

1. the group quota (groepskiesdeler) is the group's votes divided by its seats (P 12(2), (3));
2. each list gets as many seats as the group quota fits in its votes (P 12(4));
3. the seats left go one by one to the lists with the largest remainders, a list without a
   remainder counting as the smallest; equal remainders are settled by lot (P 12(5));
4. a list that would get more seats than it has candidates hands the surplus on, by continuing
   down the remainders, to the other lists of the group that still have candidates without a
   seat (P 13(1)); seats still left go by highest averages (P 13(2)).

Worked example (the test suite has it): a group of 10 seats with lists A 4,600, B 3,100 and
C 2,300 votes (10,000 together). Group quota 10,000 / 10 = 1,000. Full seats A 4, B 3, C 2
(9 seats), remainders A 600, B 100, C 300. One seat is left: it goes to A, the largest remainder.

No threshold and no one-seat limit apply other than those: P 12 has neither. Lists are named by
their ``list_id`` (lowest kieskring), so the result does not depend on the order of the input.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import Literal

from results.allocation.groups_trace import (
    GroupFullSeatsStep,
    GroupQuotaStep,
    GroupSeatStep,
    GroupStep,
    GroupSurplusStep,
)
from results.allocation.groups_types import DistrictList, GroupListSeats, GroupSeats
from results.allocation.lots import LotBook
from results.allocation.types import AllocationError, LotKind, LotOutcome, LotRequired

__all__ = ["AwardOrder", "distribute_group_seats"]

#: The seats given after the full seats, in the order given: each entry holds the list(s) that got
#: a seat in one step (several when equal values fitted the seats left). P 16(2) takes back the
#: last one.
AwardOrder = tuple[tuple[int, ...], ...]


def distribute_group_seats(
    party_number: int,
    lists: Sequence[DistrictList],
    seats: int,
    lots: LotBook,
    steps: list[GroupStep],
) -> tuple[GroupSeats, AwardOrder]:
    """Distribute a group's seats over its lists (Kieswet P 12, P 13).

    P 12(2)-(4): "Het centraal stembureau deelt het stemcijfer van de lijstengroep door het
    aantal aan de groep toegewezen zetels. [...] Zoveel maal als de groepskiesdeler is begrepen
    in het stemcijfer van elk van de lijsten waaruit de groep bestaat, wordt aan die lijst een
    van de aan de groep toegewezen zetels toegewezen."

    :param party_number: the group's list number (for the trace and for lots).
    :param lists: the group's lists, in any order.
    :param seats: the seats the group received as one list (P 3).
    :param lots: the supplied lot outcomes (kind ``GROUP_LR``, or ``RESIDUAL_HA`` for P 13(2)).
    :param steps: the trace; the steps of this distribution are appended.
    :return: the distribution, and the order in which the seats after the full seats were given.
    :raises AllocationError: the group has seats but no votes, or more seats than its lists
        have living candidates (P 10 should have kept them from the group).
    """
    ordered = sorted(lists, key=lambda district_list: district_list.list_id)
    ids = [district_list.list_id for district_list in ordered]
    votes = {district_list.list_id: district_list.votes for district_list in ordered}
    available = {district_list.list_id: district_list.available for district_list in ordered}
    total = sum(votes.values())
    if seats == 0:
        return _no_seats(party_number, ordered, total), ()
    _check_group(party_number, seats, total, available)

    # P 12(2), P 12(3): the group quota.
    quota = Fraction(total, seats)
    steps.append(GroupQuotaStep(party_number, total, seats, quota))
    full, remainder, held, removed = _full_seats(
        party_number, ids, votes, available, seats, quota, steps
    )

    residual_seats = seats - sum(full.values())
    state = _Walk(party_number, ids, votes, available, remainder, held, residual_seats)
    state.largest_remainders(seats - sum(held.values()), lots, steps)
    state.highest_averages(seats - sum(state.held.values()), lots, steps)

    result = tuple(
        GroupListSeats(
            list_id=district_list.list_id,
            districts=district_list.districts,
            votes=votes[district_list.list_id],
            available=available[district_list.list_id],
            full_seats=full[district_list.list_id],
            remainder=remainder[district_list.list_id],
            residual_seats=state.received[district_list.list_id],
            seats_removed=removed[district_list.list_id],
            seats=state.held[district_list.list_id],
        )
        for district_list in ordered
    )
    return GroupSeats(party_number, total, seats, quota, result), tuple(state.order)


def _check_group(party_number: int, seats: int, total: int, available: Mapping[int, int]) -> None:
    """A group with seats has votes, and no more seats than living candidates (P 10)."""
    if total == 0:
        raise AllocationError(f"group {party_number} has {seats} seat(s) but no votes")
    if seats > sum(available.values()):
        raise AllocationError(
            f"group {party_number} has {seats} seats but its lists have only "
            f"{sum(available.values())} living candidates (P 10 should have applied)"
        )


def _full_seats(
    party_number: int,
    ids: Sequence[int],
    votes: Mapping[int, int],
    available: Mapping[int, int],
    seats: int,
    quota: Fraction,
    steps: list[GroupStep],
) -> tuple[dict[int, int], dict[int, Fraction], dict[int, int], dict[int, int]]:
    """P 12(4), P 13(1) per list: the full seats, the remainders they leave, the full seats the
    list can fill (held) and those that pass to the other lists (removed)."""
    total = sum(votes.values())
    # P 12(4): full seats, and the remainders they leave.
    full = {list_id: votes[list_id] * seats // total for list_id in ids}
    remainder = {list_id: votes[list_id] - full[list_id] * quota for list_id in ids}
    for list_id in ids:
        steps.append(
            GroupFullSeatsStep(
                party_number, list_id, votes[list_id], full[list_id], remainder[list_id]
            )
        )

    # P 13(1): full seats a list cannot fill pass to the other lists.
    held = {list_id: min(full[list_id], available[list_id]) for list_id in ids}
    removed = {list_id: full[list_id] - held[list_id] for list_id in ids}
    for list_id in ids:
        if removed[list_id]:
            steps.append(
                GroupSurplusStep(party_number, list_id, removed[list_id], available[list_id])
            )
    return full, remainder, held, removed


class _Walk:
    """The seats given after the full seats, one step at a time (P 12(5), P 13)."""

    def __init__(
        self,
        party_number: int,
        ids: list[int],
        votes: dict[int, int],
        available: dict[int, int],
        remainder: dict[int, Fraction],
        held: dict[int, int],
        residual_seats: int,
    ) -> None:
        self.party_number = party_number
        self.ids = ids
        self.votes = votes
        self.available = available
        self.remainder = remainder
        self.held = dict(held)
        self.residual_seats = residual_seats
        self.received = dict.fromkeys(ids, 0)
        self.order: list[tuple[int, ...]] = []
        self.seat_number = 0
        self.had_remainder_seat: set[int] = set()

    def _has_room(self, list_id: int) -> bool:
        return self.held[list_id] < self.available[list_id]

    def largest_remainders(self, to_give: int, lots: LotBook, steps: list[GroupStep]) -> None:
        """P 12(5), continued under P 13(1): one seat per list, by largest remainder.

        P 12(5): "De restzetels worden achtereenvolgens toegewezen aan de lijsten van de groep
        waarvan de stemcijfers bij deling door de groepskiesdeler de grootste overschotten
        hebben. Hierbij worden lijsten die geen overschot hebben, geacht lijsten te zijn met het
        kleinste overschot. Indien overschotten gelijk zijn, beslist zo nodig het lot."

        A list that has no living candidate left without a seat is passed over. P 13(1), in an
        English translation of the text before 2017 (the current text was not at hand; it then
        also named the abolished list combinations of P 11): "If the application of section P 11
        or section P 12 would result in the award of more seats to a list than there are
        candidates, the remaining seat or seats shall pass, by the continued application of
        such provisions, to one of the other lists in the combination or group containing
        candidates to whom no seat has been awarded." Passing a list over gives the same seats
        as giving it the seat and passing the seat on, without asking a lot for a tie with a
        list that could not take the seat.
        """
        while to_give > 0:
            eligible = [
                i for i in self.ids if i not in self.had_remainder_seat and self._has_room(i)
            ]
            if not eligible:
                return
            best = max(self.remainder[i] for i in eligible)
            tied = [i for i in eligible if self.remainder[i] == best]
            # A seat is a continued application (P 13(1)) once it goes beyond the residual seats
            # of P 12(5), or when a list that could not take it ranked as high.
            passed_over = any(
                i not in self.had_remainder_seat
                and not self._has_room(i)
                and self.remainder[i] >= best
                for i in self.ids
            )
            article = (
                "P 13(1)" if passed_over or self.seat_number >= self.residual_seats else "P 12(5)"
            )
            excluded = tuple(
                (i, "has_seat" if i in self.had_remainder_seat else "exhausted")
                for i in self.ids
                if i not in eligible
            )
            values = tuple((i, self.remainder[i]) for i in eligible)
            winners, lot = self._winners(tied, to_give, best, LotKind.GROUP_LR, article, lots)
            steps.append(
                GroupSeatStep(
                    self.party_number,
                    self.seat_number + 1,
                    "largest_remainders",
                    values,
                    winners,
                    excluded,
                    lot,
                    article,
                )
            )
            self._give(winners)
            self.had_remainder_seat.update(winners)
            to_give -= len(winners)

    def highest_averages(self, to_give: int, lots: LotBook, steps: list[GroupStep]) -> None:
        """P 13(2), same translation: "If there are still seats to be allocated after subsection
        1 has been applied, they shall be allocated in accordance with the system of the highest
        averages as referred to in section P 7, subsection 1."

        Read as: among the lists of the group that still have candidates without a seat (the
        group holds the seats; P 10 already kept from it the seats it cannot fill). Averages
        votes / (seats + 1) compare exactly; equal averages that do not fit ask for a lot.
        """
        while to_give > 0:
            eligible = [i for i in self.ids if self._has_room(i)]
            if not eligible:
                raise AllocationError(
                    f"group {self.party_number}: {to_give} seat(s) left and no list with a "
                    "living candidate without a seat"
                )
            averages = {i: Fraction(self.votes[i], self.held[i] + 1) for i in eligible}
            best = max(averages.values())
            tied = [i for i in eligible if averages[i] == best]
            excluded = tuple((i, "exhausted") for i in self.ids if i not in eligible)
            values = tuple((i, averages[i]) for i in eligible)
            winners, lot = self._winners(tied, to_give, best, LotKind.RESIDUAL_HA, "P 13(2)", lots)
            steps.append(
                GroupSeatStep(
                    self.party_number,
                    self.seat_number + 1,
                    "highest_averages",
                    values,
                    winners,
                    excluded,
                    lot,
                    "P 13(2)",
                )
            )
            self._give(winners)
            to_give -= len(winners)

    def _winners(
        self,
        tied: list[int],
        to_give: int,
        value: Fraction,
        kind: LotKind,
        article: str,
        lots: LotBook,
    ) -> tuple[tuple[int, ...], LotOutcome | None]:
        """All tied lists when they fit the seats left; otherwise the one drawn by lot."""
        if len(tied) <= to_give:
            return tuple(tied), None
        method: Literal["remainders", "averages"] = (
            "remainders" if kind is LotKind.GROUP_LR else "averages"
        )
        required = LotRequired(
            kind=kind,
            article=article,
            options=tuple(tied),
            seats=to_give,
            description=(
                f"Lijstengroep {self.party_number}: the lists of kieskring "
                f"{', '.join(str(i) for i in tied)} have equal {method} ({value}) and "
                f"{to_give} seat(s) are left; draw one list"
            ),
            list_number=self.party_number,
            seat_number=self.seat_number + 1,
            tied_value=value,
        )
        outcome = lots.draw(required)
        return (outcome.chosen,), outcome

    def _give(self, winners: tuple[int, ...]) -> None:
        for list_id in winners:
            self.held[list_id] += 1
            self.received[list_id] += 1
        self.seat_number += len(winners)
        self.order.append(winners)


def _no_seats(party_number: int, ordered: Sequence[DistrictList], total: int) -> GroupSeats:
    """A group without seats: nothing to divide, every list keeps 0 seats."""
    return GroupSeats(
        party_number,
        total,
        0,
        None,
        tuple(
            GroupListSeats(
                list_id=district_list.list_id,
                districts=district_list.districts,
                votes=district_list.votes,
                available=district_list.available,
                full_seats=0,
                remainder=Fraction(district_list.votes),
                residual_seats=0,
                seats_removed=0,
                seats=0,
            )
            for district_list in ordered
        ),
    )
