"""The trace of the allocation with several kieskringen: one record per step, with its article.

Each record is frozen and names the article it applies (``article``) and what kind of step it is
(``step``), in the style of :mod:`results.allocation.types`, so a process-verbaal (P 22-2) and an
auditor can follow every seat: from the party's votes (P 2, P 3), through the group quota and
the seats of each list of a group (P 12, P 13), to every elected person (P 15 to P 18).

Lists are named by ``list_id`` (the lowest kieskring they were submitted for) and persons by
their ``person`` number and ``key`` (see :class:`results.allocation.groups_types.GroupPerson`).
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Literal

from osv.model import ListType
from results.allocation.types import LotOutcome

__all__ = [
    "DuplicateStep",
    "ForfeitStep",
    "GroupFullSeatsStep",
    "GroupQuotaStep",
    "GroupSeatStep",
    "GroupStep",
    "GroupSurplusStep",
    "ListOrderStep",
    "PartyVotesStep",
    "PreferenceStep",
    "UnfilledStep",
]


@dataclass(frozen=True)
class PartyVotesStep:
    """P 2, P 3: a party's stemcijfer, and how many distinct living persons can take its seats.

    A set of identical lists counts as one list (P 2(1)); a group counts as one list whose
    stemcijfer is the sum of its lists' (P 3). ``lists`` holds (list_id, votes) per list.
    """

    party_number: int
    list_type: ListType
    lists: tuple[tuple[int, int], ...]
    votes: int
    available: int
    article: str = "P 3"
    step: Literal["party_votes"] = "party_votes"


@dataclass(frozen=True)
class GroupQuotaStep:
    """P 12(2), P 12(3): the group quota (groepskiesdeler) is the group's stemcijfer divided by
    the seats given to the group."""

    party_number: int
    votes: int
    seats: int
    group_quota: Fraction
    article: str = "P 12(2)"
    step: Literal["group_quota"] = "group_quota"


@dataclass(frozen=True)
class GroupFullSeatsStep:
    """P 12(4): a list gets a seat as many times as the group quota fits in its stemcijfer;
    what is left is its remainder (overschot)."""

    party_number: int
    list_id: int
    votes: int
    full_seats: int
    remainder: Fraction
    article: str = "P 12(4)"
    step: Literal["group_full_seats"] = "group_full_seats"


@dataclass(frozen=True)
class GroupSurplusStep:
    """P 13: a list got more full seats than it has living candidates; the surplus passes to
    the other lists of the group."""

    party_number: int
    list_id: int
    seats_removed: int
    available: int
    article: str = "P 13(1)"
    step: Literal["group_surplus"] = "group_surplus"


@dataclass(frozen=True)
class GroupSeatStep:
    """One seat of a group given after the full seats (or several, when equal values fit).

    ``seat_number`` counts these seats within the group from 1. ``method`` is
    ``largest_remainders`` (P 12(5), continued under P 13(1)) or ``highest_averages`` (P 13(2)).
    ``values`` holds (list_id, remainder or average) per list that could take the seat,
    ``excluded`` (list_id, reason) per list that could not (``has_seat``: it already received a
    seat for its remainder; ``exhausted``: no living candidate left without a seat).
    """

    party_number: int
    seat_number: int
    method: Literal["largest_remainders", "highest_averages"]
    values: tuple[tuple[int, Fraction], ...]
    winners: tuple[int, ...]
    excluded: tuple[tuple[int, str], ...] = ()
    lot: LotOutcome | None = None
    article: str = "P 12(5)"
    step: Literal["group_seat"] = "group_seat"


@dataclass(frozen=True)
class PreferenceStep:
    """P 15(1), P 16: a person elected by preference votes, and the list whose seat they take.

    ``votes`` are the person's votes on all lists of the party together, ``list_votes`` those
    on the list taken. ``placement``: ``most_votes`` (the list where they got most votes),
    ``other_list`` (that list had no seat left, so the next list of theirs by votes that had one,
    P 16(1)), ``moved_seat`` (none of their lists had a seat left: they take a seat on the list
    where they got most votes and the group's last seat given under P 12 or P 13 lapses, P 16(2)).
    """

    party_number: int
    person: int
    key: str
    votes: int
    list_id: int
    list_votes: int
    placement: Literal["most_votes", "other_list", "moved_seat"] = "most_votes"
    lot: LotOutcome | None = None
    article: str = "P 15(1)"
    step: Literal["preference"] = "preference"


@dataclass(frozen=True)
class ForfeitStep:
    """P 16(2): the seat last given to a list of the group under P 12 or P 13 lapses and the
    list ``to_list_id`` gets one seat more for a person elected by preference."""

    party_number: int
    list_id: int
    to_list_id: int
    seat_number: int
    article: str = "P 16(2)"
    step: Literal["forfeit"] = "forfeit"


@dataclass(frozen=True)
class ListOrderStep:
    """P 17 (round 1), P 18(2) (later rounds): a seat still free goes to the next candidate of
    the list, in list order, who is not elected yet."""

    party_number: int
    round: int
    list_id: int
    position: int
    person: int
    key: str
    article: str = "P 17"
    step: Literal["list_order"] = "list_order"


@dataclass(frozen=True)
class DuplicateStep:
    """P 18(1): a person elected in list order on several lists of a group counts as elected on
    the list where they got most votes (equal votes: the lowest kieskring). ``lists`` holds
    (list_id, votes) for each list where they were elected in this round."""

    party_number: int
    round: int
    person: int
    key: str
    lists: tuple[tuple[int, int], ...]
    list_id: int
    article: str = "P 18(1)"
    step: Literal["duplicate"] = "duplicate"


@dataclass(frozen=True)
class UnfilledStep:
    """A list keeps seats that no candidate of it can take: every candidate on it is elected
    elsewhere or deceased. The law does not say what then happens (see the warnings)."""

    party_number: int
    list_id: int
    seats: int
    article: str = "P 18(3)"
    step: Literal["unfilled"] = "unfilled"


GroupStep = (
    PartyVotesStep
    | GroupQuotaStep
    | GroupFullSeatsStep
    | GroupSurplusStep
    | GroupSeatStep
    | PreferenceStep
    | ForfeitStep
    | ListOrderStep
    | DuplicateStep
    | UnfilledStep
)
