"""Input and outcome of the allocation with several kieskringen (Tweede Kamer, provinces with
several districts): parties, their lists per kieskring, and what each list receives.

In an election with several kieskringen (electoral districts) a party submits a list in each
kieskring where it takes part. Kieswet H 11 sorts those lists (BWBR0004627):

* lists with the same candidates in the same number and order form a *stel gelijkluidende
  lijsten* (set of identical lists) and count as one list (P 2);
* lists under the same designation that are not all identical form a *lijstengroep* (group of
  lists), which counts as one list with the summed votes when seats are given to parties (P 3),
  after which its seats are distributed over its lists (P 12, P 13);
* a list submitted in one kieskring only is an *op zichzelf staande lijst* (standalone list).

A "district list" below is one list of a party, or one set of identical lists: it covers one or
more kieskringen and is identified by the lowest of them (``list_id``), which is the number the
law uses to break ties ("de lijst, ingeleverd voor de kieskring met het laagste nummer", P 18(1);
P 16(1) has the same rule). A person is identified across the lists of a party by ``key`` (the
EML ShortCode or the full name), because the same candidate may stand on several lists of a
group.

Everything is exact: ``int`` votes and seats, ``Fraction`` quotas and remainders.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Literal

from osv.model import ElectionCategory, ListType
from results.allocation.groups_trace import GroupStep
from results.allocation.types import LotOutcome, LotRequired

__all__ = [
    "Appearance",
    "DistrictCandidate",
    "DistrictElected",
    "DistrictList",
    "DistrictListResult",
    "GroupListSeats",
    "GroupPerson",
    "GroupSeats",
    "MultiDistrictAllocation",
    "MultiDistrictInput",
    "MultiDistrictStatus",
    "PartyLists",
    "PartyResult",
    "sum_over_districts",
]


# --- input ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class DistrictCandidate:
    """A candidate on a district list.

    :param position: the candidate's number on this list (1, 2, ...), the list order.
    :param key: who the person is, the same on every list of the party where they stand.
    :param votes: the votes cast on them on this list; for a set of identical lists, summed
        over its kieskringen (P 2(2): "The central electoral committee shall count the total
        number of votes and the number of votes cast for each candidate from these identical
        lists", English text as of 2025); see :func:`sum_over_districts`.
    :param deceased: registered as deceased (P 19a): the votes still count for the list.
    """

    position: int
    key: str
    votes: int
    deceased: bool = False
    name: str = ""


@dataclass(frozen=True)
class DistrictList:
    """One list of a party, or one set of identical lists, with its candidates in list order.

    :param districts: the kieskringen it was submitted for, increasing; one for a list on its
        own, several for a set of identical lists (which counts as one list, P 2(1)).
    """

    districts: tuple[int, ...]
    candidates: tuple[DistrictCandidate, ...]

    @property
    def list_id(self) -> int:
        """The lowest kieskring of the list: its identity within the party."""
        return self.districts[0]

    @property
    def votes(self) -> int:
        """The list's stemcijfer: the total of the votes on its candidates (P 2)."""
        return sum(candidate.votes for candidate in self.candidates)

    @property
    def available(self) -> int:
        """How many of its candidates can take a seat: those not deceased (P 13, P 19a)."""
        return sum(1 for candidate in self.candidates if not candidate.deceased)


@dataclass(frozen=True)
class PartyLists:
    """A party (one list number for the whole election) and its district lists.

    :param type: ``GROUP`` (lijstengroep, two or more different lists), ``IDENTICAL_SET`` (one
        set covering two or more kieskringen) or ``STANDALONE`` (one list, one kieskring).
    """

    number: int
    type: ListType
    lists: tuple[DistrictList, ...]
    name: str = ""


@dataclass(frozen=True)
class MultiDistrictInput:
    """Everything the district part of the allocation needs.

    :param seats: the seats of the body (150 for the Tweede Kamer).
    :param category: ``TK`` or ``PS``.
    :param parties: the parties in increasing number order.
    :param lots: outcomes of the lots drawn so far *in this part* (distribution within groups,
        P 12/P 13, and equal preference votes, P 15), in the order they were asked for. Lots of
        the distribution between parties belong to that allocation's own input.
    :param preference_threshold: override of the preference threshold in percent of the quota;
        ``None`` applies Kieswet P 15(1) (25 %).
    """

    seats: int
    category: ElectionCategory
    parties: tuple[PartyLists, ...]
    lots: tuple[LotOutcome, ...] = ()
    preference_threshold: int | None = None


def sum_over_districts(votes_per_district: Mapping[int, Sequence[int]]) -> tuple[int, ...]:
    """The votes per candidate of a set of identical lists: summed over its kieskringen (P 2(2)).

    :param votes_per_district: for each kieskring, the votes per candidate in list order.
    :return: the summed votes per candidate, in list order.
    """
    columns = list(votes_per_district.values())
    if not columns:
        return ()
    lengths = {len(column) for column in columns}
    if len(lengths) != 1:
        raise ValueError(
            f"identical lists must have the same number of candidates, found {sorted(lengths)}"
        )
    return tuple(sum(column[index] for column in columns) for index in range(len(columns[0])))


# --- the persons of a party -----------------------------------------------------------------


@dataclass(frozen=True)
class Appearance:
    """Where a person stands: on which list, at which position, with how many votes there."""

    list_id: int
    position: int
    votes: int


@dataclass(frozen=True)
class GroupPerson:
    """A person on one or more lists of a party.

    ``number`` counts the persons in the order they first appear when the lists are read by
    increasing kieskring and each list in list order, so person 1 heads the list of the lowest
    kieskring. It names the options of a drawing of lots between candidates of a group.
    """

    number: int
    key: str
    name: str
    deceased: bool
    appearances: tuple[Appearance, ...]

    @property
    def votes(self) -> int:
        """The votes on the person on all lists of the party together ("op de gezamenlijke
        lijsten waarop zij voorkomen", P 15(1))."""
        return sum(appearance.votes for appearance in self.appearances)


# --- outcome --------------------------------------------------------------------------------


@dataclass(frozen=True)
class GroupListSeats:
    """How one list of a group got its seats (P 12, P 13).

    ``remainder`` is the list's overschot: its votes minus its full seats times the group quota.
    ``seats_removed`` are full seats it could not take for lack of candidates, ``seats`` the
    total after P 12 and P 13 (before a move under P 16(2), see :class:`DistrictListResult`).
    """

    list_id: int
    districts: tuple[int, ...]
    votes: int
    available: int
    full_seats: int
    remainder: Fraction
    residual_seats: int
    seats_removed: int
    seats: int


@dataclass(frozen=True)
class GroupSeats:
    """The distribution of a group's seats over its lists; ``group_quota`` is ``None`` when the
    group has no seats (there is nothing to divide)."""

    party_number: int
    votes: int
    seats: int
    group_quota: Fraction | None
    lists: tuple[GroupListSeats, ...]


@dataclass(frozen=True)
class DistrictElected:
    """A person elected on a list: by preference votes (P 15, P 16) or in list order (P 17,
    P 18). ``votes`` are the votes on this list, ``total_votes`` on all lists of the party.

    ``order`` is the person's place in the party's order of election (1 = first), the order
    the Kiesraad publishes the elected of a party in (its 520 of TK2023): first those elected by
    preference votes, most votes first, equal votes in the order the lot decided (P 15(1)); then
    those elected in list order, in the order their seats were assigned (P 17, P 18): by round,
    then position on the list, then the lowest kieskring of the list.
    """

    person: int
    key: str
    position: int
    by: Literal["preference", "list_order"]
    votes: int
    total_votes: int
    order: int = 0


@dataclass(frozen=True)
class DistrictListResult:
    """The final seats of one district list, its elected persons in the order their seats were
    given, and the ranking for succession (P 19): positions on this list, deceased left out.
    ``unfilled`` counts seats no candidate of the list could take (see the warnings)."""

    party_number: int
    list_id: int
    districts: tuple[int, ...]
    seats: int
    elected: tuple[DistrictElected, ...]
    ranking: tuple[int, ...]
    ranking_changed: bool
    unfilled: int = 0


@dataclass(frozen=True)
class PartyResult:
    """One party: its seats, how a group divided them (``group``), and its lists."""

    number: int
    name: str
    type: ListType
    votes: int
    seats: int
    group: GroupSeats | None
    lists: tuple[DistrictListResult, ...]
    persons: tuple[GroupPerson, ...]


MultiDistrictStatus = Literal["complete", "lots_required", "no_votes", "unresolved"]


@dataclass(frozen=True)
class MultiDistrictAllocation:
    """The outcome of :func:`results.allocation.groups.allocate_districts`.

    ``status``: ``complete``; ``lots_required`` (a tie: :attr:`lots_required` says what must be
    drawn; append the outcome to :attr:`MultiDistrictInput.lots` and run again from the start);
    ``no_votes`` (no votes at all, so no quota); ``unresolved`` (the law gives no answer for this
    case: the central polling station must contact the Kiesraad; :attr:`unresolved` says why).
    Everything computed so far is filled in for every status.
    """

    status: MultiDistrictStatus
    seats: int
    quota: Fraction | None
    preference_threshold: Fraction | None
    parties: tuple[PartyResult, ...]
    lots_required: LotRequired | None = None
    lots_used: tuple[LotOutcome, ...] = ()
    steps: tuple[GroupStep, ...] = ()
    warnings: tuple[str, ...] = ()
    unresolved: tuple[str, ...] = ()
