"""Who takes the seats of a party with several district lists: Kieswet P 15 to P 19.

The same person may stand on several lists of a lijstengroep, but can take only one seat. The
law therefore works with the person's votes on all lists together and then decides on which
list the person counts as elected:

1. P 15(1): persons whose votes on all their lists together exceed 25 % of the quota are elected
   in the order of those votes, as long as the party has seats; equal votes that do not all fit
   are settled by lot.
2. P 16: such a person on several lists counts as elected on the list where they got most votes
   (equal: the lowest kieskring), if that list still has a seat; if none of their lists has one,
   they take a seat on that list anyway and the group's last seat given under P 12 or P 13
   lapses.
3. P 17: the seats still free go to the candidates of each list in list order.
4. P 18: a person so elected on several lists counts as elected on the list where they got most
   votes; the seats that frees are filled again in list order, and this repeats until every
   seat has its own person.
5. P 19: per list, the ranking for succession; P 18 does not apply to it (P 19(4)), so a person
   stays in the ranking of every list they stand on (:mod:`results.allocation.groups_ranking`).

A set of identical lists or a standalone list is the same computation with one list: then P 16
and P 18 never apply and the rules are those of a single list.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import replace
from fractions import Fraction
from typing import Literal

from results.allocation.groups_ranking import rank_list
from results.allocation.groups_seats import AwardOrder
from results.allocation.groups_trace import (
    DuplicateStep,
    ForfeitStep,
    GroupStep,
    ListOrderStep,
    PreferenceStep,
    UnfilledStep,
)
from results.allocation.groups_types import (
    DistrictElected,
    DistrictList,
    DistrictListResult,
    GroupPerson,
    PartyLists,
)
from results.allocation.lots import LotBook
from results.allocation.types import LotKind, LotOutcome, LotRequired

__all__ = ["Unresolved", "elect_candidates"]

_By = Literal["preference", "list_order"]
_Placement = Literal["most_votes", "other_list", "moved_seat"]


class Unresolved(Exception):  # noqa: N818 - a stop signal, turned into a result by the caller
    """The law gives no answer for this case; carries a stable code and an explanation.

    :func:`results.allocation.groups.allocate_districts` returns it as ``status ==
    "unresolved"``: the central polling station must contact the Kiesraad.
    """

    def __init__(self, code: str, explanation: str) -> None:
        super().__init__(f"{code}: {explanation}")
        self.code = code
        self.explanation = explanation


def elect_candidates(
    party: PartyLists,
    persons: Sequence[GroupPerson],
    list_seats: Mapping[int, int],
    award_order: AwardOrder,
    threshold: Fraction,
    lots: LotBook,
    steps: list[GroupStep],
    warnings: list[str],
) -> tuple[DistrictListResult, ...]:
    """Elect the persons who take the seats of one party's lists (P 15 to P 18) and rank every
    list for succession (P 19).

    :param party: the party and its district lists.
    :param persons: the party's persons (see :func:`results.allocation.groups_input.persons_of`).
    :param list_seats: seats per ``list_id`` after P 12 and P 13 (one list: the party's seats).
    :param award_order: the order of the group's seats after the full seats (for P 16(2)).
    :param threshold: the preference threshold: 25 % of the quota (P 15(1)).
    :param lots: supplied lot outcomes (kind ``CANDIDATE_PREFERENCE``).
    :param steps: the trace, appended to.
    :param warnings: stable warning codes, appended to.
    :return: one result per list, by increasing ``list_id``; ``unfilled`` seats are possible
        only when persons on several lists leave a list without candidates (P 18 gives no answer).
    :raises Unresolved: P 16(2) must take back a seat the law does not identify.
    """
    run = _Election(party, persons, list_seats, award_order, threshold, steps, warnings)
    run.preference(lots)
    run.list_order()
    return run.results()


class _Election:
    """The candidate assignment of one party, as it proceeds."""

    def __init__(
        self,
        party: PartyLists,
        persons: Sequence[GroupPerson],
        list_seats: Mapping[int, int],
        award_order: AwardOrder,
        threshold: Fraction,
        steps: list[GroupStep],
        warnings: list[str],
    ) -> None:
        self.party = party
        self.lists: list[DistrictList] = sorted(party.lists, key=lambda item: item.list_id)
        self.by_key = {person.key: person for person in persons}
        self.by_number = {person.number: person for person in persons}
        self.persons = persons
        self.seats = dict(list_seats)
        self.party_seats = sum(self.seats.values())
        self.order = list(award_order)
        self.threshold = threshold
        self.steps = steps
        self.warnings = warnings
        self.elected: dict[int, list[DistrictElected]] = {item.list_id: [] for item in self.lists}
        self.seated: dict[int, int] = {}  # person number -> list_id
        self.by_preference: set[int] = set()
        #: person number -> sort key of the party's order of election (see DistrictElected).
        self.order_keys: dict[int, tuple[int, ...]] = {}

    def _free(self, list_id: int) -> int:
        return self.seats[list_id] - len(self.elected[list_id])

    def _elect(self, person: GroupPerson, list_id: int, by: _By, round_number: int = 0) -> None:
        appearance = next(a for a in person.appearances if a.list_id == list_id)
        if by == "preference":  # in the order of P 15(1): votes, then the lot
            self.order_keys[person.number] = (0, len(self.order_keys))
        else:  # in the order of assignment: round of P 17/P 18, position, lowest kieskring
            self.order_keys[person.number] = (1, round_number, appearance.position, list_id)
        self.elected[list_id].append(
            DistrictElected(
                person=person.number,
                key=person.key,
                position=appearance.position,
                by=by,
                votes=appearance.votes,
                total_votes=person.votes,
            )
        )
        self.seated[person.number] = list_id
        if by == "preference":
            self.by_preference.add(person.number)

    # --- P 15(1), P 16 ----------------------------------------------------------------------

    def preference(self, lots: LotBook) -> None:
        """P 15(1): "In de volgorde van de aantallen op hen uitgebrachte stemmen zijn gekozen die
        kandidaten die op de gezamenlijke lijsten waarop zij voorkomen, een aantal stemmen hebben
        verkregen, groter dan 25% van de kiesdeler, voor zover aan de lijstengroep of de niet van
        een lijstengroep deel uitmakende lijst voldoende zetels zijn toegewezen. Indien aantallen
        gelijk zijn, beslist zo nodig het lot."

        Strictly greater than the threshold; deceased persons never qualify (P 19a). Equal votes
        that all fit are taken in person order (list order for a single list).
        """
        qualifying = sorted(
            (p for p in self.persons if not p.deceased and p.votes > self.threshold),
            key=lambda p: (-p.votes, p.number),
        )
        chosen = 0
        index = 0
        while index < len(qualifying) and chosen < self.party_seats:
            value = qualifying[index].votes
            bucket = [p for p in qualifying[index:] if p.votes == value]
            index += len(bucket)
            free = self.party_seats - chosen
            picks: list[tuple[GroupPerson, LotOutcome | None]]
            if len(bucket) <= free:
                picks = [(person, None) for person in bucket]
            else:
                picks = []
                remaining = list(bucket)
                for drawn in range(free):
                    outcome = lots.draw(self._preference_lot(remaining, free - drawn, value))
                    person = self.by_number[outcome.chosen]
                    remaining.remove(person)
                    picks.append((person, outcome))
            for person, lot in picks:
                placement = self._place(person, lot)
                if placement != "most_votes" and len(bucket) > 1:
                    self.warnings.append("p16_order_of_equal_preference_votes")
            chosen += len(picks)

    def _preference_lot(self, remaining: list[GroupPerson], seats: int, value: int) -> LotRequired:
        names = ", ".join(f"{p.number} ({p.key})" for p in remaining)
        return LotRequired(
            kind=LotKind.CANDIDATE_PREFERENCE,
            article="P 15(1)",
            options=tuple(p.number for p in remaining),
            seats=seats,
            description=(
                f"List {self.party.number}: candidates {names} have {value} preference votes "
                f"each and {seats} seat(s) are left for them; draw one candidate"
            ),
            list_number=self.party.number,
            tied_value=Fraction(value),
        )

    def _place(self, person: GroupPerson, lot: LotOutcome | None) -> _Placement:
        """P 16(1), in the English text of the law as of 2025 (the Dutch text was not at hand):
        "In the case of a group of lists, if a candidate thus elected is listed on more than one
        list, that candidate will be considered elected on the list on which they received the
        largest number of votes, provided that sufficient seats have been allocated to that
        list. If the numbers are equal, they will be considered elected on the list submitted
        for the constituency with the lowest number."

        When that list has no seat left, the person takes a seat on the next of their lists by
        votes that has one: P 16(2) speaks of "none of the lists", so the other lists count too.
        """
        choices = sorted(person.appearances, key=lambda a: (-a.votes, a.list_id))
        several = len(choices) > 1
        for rank, appearance in enumerate(choices):
            if self._free(appearance.list_id) > 0:
                placement: _Placement = "most_votes" if rank == 0 else "other_list"
                self._record_preference(person, appearance.list_id, placement, lot, several)
                return placement
        self._move_seat(person, choices[0].list_id, lot)
        return "moved_seat"

    def _move_seat(self, person: GroupPerson, target: int, lot: LotOutcome | None) -> None:
        """P 16(2), in the English text of the law as of 2025: "If none of the lists on which the
        elected candidate is listed has sufficient seats, they will nevertheless be allocated a
        seat on the list on which they received the largest number of votes, and the seat that
        was last allocated to one of the group's lists pursuant to Article P 12 or P 13 will be
        forfeited."

        The law does not say which seat lapses when there is none after the full seats, when the
        last step gave seats to several lists at once, or when the last seat is already taken by
        a person elected by preference: then the outcome is :class:`Unresolved`.
        """
        if not self.order:
            raise Unresolved(
                "p16_2_no_seat_to_take",
                f"list {self.party.number}: person {person.number} ({person.key}) needs a seat "
                "under P 16(2), but no seat of the group was given after the full seats",
            )
        seat_number = sum(len(entry) for entry in self.order)
        last = self.order.pop()
        if len(last) > 1:
            raise Unresolved(
                "p16_2_last_seat_tied",
                f"list {self.party.number}: the last seat under P 12/P 13 went to the lists "
                f"of kieskring {list(last)} at once; the law does not say which one lapses",
            )
        source = last[0]
        if self._free(source) <= 0:
            raise Unresolved(
                "p16_2_last_seat_taken",
                f"list {self.party.number}: the last seat under P 12/P 13 (list of kieskring "
                f"{source}) is already taken by a person elected by preference",
            )
        self.seats[source] -= 1
        self.seats[target] += 1
        self.steps.append(ForfeitStep(self.party.number, source, target, seat_number))
        self.warnings.append("p16_2_seat_moved")
        if len(person.appearances) == 1:
            # P 16 speaks of a person "die op meer dan één lijst voorkomt"; for a person on one
            # list of a group the same rule is applied (P 15(1) elects at group level).
            self.warnings.append("p16_2_person_on_one_list")
        self._record_preference(person, target, "moved_seat", lot, True)

    def _record_preference(
        self,
        person: GroupPerson,
        list_id: int,
        placement: _Placement,
        lot: LotOutcome | None,
        p16: bool,
    ) -> None:
        appearance = next(a for a in person.appearances if a.list_id == list_id)
        self.steps.append(
            PreferenceStep(
                party_number=self.party.number,
                person=person.number,
                key=person.key,
                votes=person.votes,
                list_id=list_id,
                list_votes=appearance.votes,
                placement=placement,
                lot=lot,
                article=("P 16(2)" if placement == "moved_seat" else "P 16(1)")
                if p16
                else "P 15(1)",
            )
        )
        self._elect(person, list_id, "preference")

    # --- P 17, P 18 -------------------------------------------------------------------------

    def list_order(self) -> None:
        """P 17, in the English text of the law as of 2025: "The seats allocated to lists, whether
        or not part of a group of lists, that have not yet been allocated to a candidate after
        application of Articles P 15 and P 16, will be allocated to the candidates not yet
        elected on the relevant lists in the order of the list."

        P 18(1)-(3): "Betreft het een lijstengroep, dan geldt, indien een kandidaat met toepassing
        van artikel P 17 op meer dan één lijst van de lijstengroep gekozen is, die kandidaat als
        gekozen op de lijst waarop het grootste aantal stemmen op hem is uitgebracht. [...] De aan
        een lijst toegewezen zetels die na toepassing van het eerste lid nog niet aan een
        kandidaat zijn toegewezen, worden aan de nog niet gekozen kandidaten van de desbetreffende
        lijst toegewezen in de volgorde van de lijst. [...] zo lang herhaald, totdat alle aan de
        lijsten toegewezen zetels aan kandidaten zijn toegewezen."

        Every round fills all lists at once; each round elects at least one new person, so the
        repetition ends. Seats still free then have no candidate left: see ``unfilled``.
        """
        round_number = 0
        while True:
            round_number += 1
            picks = self._picks()
            if not picks:
                break
            where: dict[int, list[int]] = defaultdict(list)
            article = "P 17" if round_number == 1 else "P 18(2)"
            for list_id, chosen in picks.items():
                for person, position in chosen:
                    where[person.number].append(list_id)
                    self.steps.append(
                        ListOrderStep(
                            self.party.number,
                            round_number,
                            list_id,
                            position,
                            person.number,
                            person.key,
                            article,
                        )
                    )
            targets = {
                number: self._deduplicate(self.by_number[number], list_ids, round_number)
                for number, list_ids in where.items()
            }
            for list_id, chosen in picks.items():
                for person, _position in chosen:
                    if targets[person.number] == list_id:
                        self._elect(person, list_id, "list_order", round_number)
        for district_list in self.lists:
            left = self._free(district_list.list_id)
            if left > 0:
                self.steps.append(UnfilledStep(self.party.number, district_list.list_id, left))
                self.warnings.append("p18_seat_without_candidate")

    def _picks(self) -> dict[int, list[tuple[GroupPerson, int]]]:
        """For each list with free seats, its first not yet elected living candidates."""
        picks: dict[int, list[tuple[GroupPerson, int]]] = {}
        for district_list in self.lists:
            need = self._free(district_list.list_id)
            chosen: list[tuple[GroupPerson, int]] = []
            for candidate in district_list.candidates:
                if len(chosen) >= need:
                    break
                person = self.by_key[candidate.key]
                if candidate.deceased or person.number in self.seated:
                    continue
                chosen.append((person, candidate.position))
            if chosen:
                picks[district_list.list_id] = chosen
        return picks

    def _deduplicate(self, person: GroupPerson, list_ids: list[int], round_number: int) -> int:
        """P 18(1): the list with most votes for the person, equal votes the lowest kieskring."""
        if len(list_ids) == 1:
            return list_ids[0]
        votes = {a.list_id: a.votes for a in person.appearances}
        target = min(list_ids, key=lambda list_id: (-votes[list_id], list_id))
        self.steps.append(
            DuplicateStep(
                self.party.number,
                round_number,
                person.number,
                person.key,
                tuple((list_id, votes[list_id]) for list_id in sorted(list_ids)),
                target,
            )
        )
        return target

    # --- P 19 -------------------------------------------------------------------------------

    def _ordered(self, list_id: int) -> tuple[DistrictElected, ...]:
        """The list's elected persons, each with its place in the party's order of election."""
        ranks = {
            number: rank
            for rank, number in enumerate(
                sorted(self.order_keys, key=self.order_keys.__getitem__), 1
            )
        }
        return tuple(replace(e, order=ranks[e.person]) for e in self.elected[list_id])

    def results(self) -> tuple[DistrictListResult, ...]:
        """The lists with their elected persons and rankings (P 19)."""
        is_group = len(self.lists) > 1
        return tuple(
            DistrictListResult(
                party_number=self.party.number,
                list_id=district_list.list_id,
                districts=district_list.districts,
                seats=self.seats[district_list.list_id],
                elected=self._ordered(district_list.list_id),
                ranking=(
                    ranking := rank_list(
                        district_list,
                        self.elected[district_list.list_id],
                        self.by_key,
                        self.by_preference,
                        self.threshold,
                        ranked=bool(self.elected[district_list.list_id])
                        or (is_group and self.party_seats > 0),
                    )
                ),
                ranking_changed=ranking
                != tuple(candidate.position for candidate in district_list.candidates),
                unfilled=max(0, self._free(district_list.list_id)),
            )
            for district_list in self.lists
        )
