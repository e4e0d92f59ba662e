"""The result of an election with one district: municipal council, water board, PS1.

The central polling station (CSB) of such an election has one total count (contest ``geen``)
and one set of candidate lists (230b). This module turns them into the input of
:func:`results.allocation.allocate` (Kieswet chapter P) and its outcome into an
:class:`~osv.service.result.model.ElectionResult`:

* each list of the 230b, in list order, with each of its candidates and the votes the count
  gives them (a candidate the count does not mention has 0 votes); a list or candidate in the
  count that the 230b does not have is refused, because its votes would otherwise be lost;
* without a 230b, the lists and candidates come from the count itself and names stay unknown
  (the result can be computed and reported, but no 520 can be written);
* deceased candidates (P 19a) and the outcomes of lots drawn so far (P 14) are passed through.

The list's stemcijfer is the sum of its candidates' votes (P 2), which is what the allocation
uses; whether it equals the list total in the count is a consistency check of the count.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from osv.model import (
    CandidateList,
    Contest,
    ElectionIdentifier,
    ListVotes,
    PersonName,
    VoteCounts,
)
from osv.service.formats.allocation_json import plain
from osv.service.result.files import ResultInputError
from osv.service.result.model import ElectedPerson, ElectionResult, ListOutcome
from results.allocation import (
    Allocation,
    AllocationInput,
    CandidateInput,
    ListInput,
    LotOutcome,
    allocate,
)
from results.tally.findings import Finding

__all__ = ["UNKNOWN_NAME", "compute_single_district"]

#: The name of an elected person when no candidate lists (230b) were given.
UNKNOWN_NAME = PersonName(initials="", last_name="")


def compute_single_district(
    identifier: ElectionIdentifier,
    seats: int,
    total: VoteCounts,
    contest: Contest | None,
    *,
    preference_threshold: int | None = None,
    lots: Sequence[LotOutcome] = (),
    deceased: Sequence[tuple[int, int]] = (),
    findings: Sequence[Finding] = (),
) -> ElectionResult:
    """Allocate the seats of a single-district election and name the elected candidates.

    :param identifier: the election.
    :param seats: the number of seats (110a ``kr:NumberOfSeats``, or given by the operator).
    :param total: the election's total count (the sum over its municipalities).
    :param contest: the candidate lists (the 230b's contest), or ``None`` when absent.
    :param preference_threshold: the 110a's threshold in percent of the quota, or ``None`` to
        apply Kieswet P 15 (50 for a municipal council below 19 seats, else 25).
    :param lots: outcomes of lots drawn so far, in the order they were asked for.
    :param deceased: candidates registered as deceased, as (list, candidate) numbers.
    :param findings: the consistency findings of the counts, carried into the result.
    :raises ResultInputError: when the count and the candidate lists do not fit, or a
        deceased candidate does not exist.
    :raises AllocationError: when a lot outcome does not fit the tie it is used for.
    """
    lists = _lists(total, contest)
    lists = _mark_deceased(lists, deceased)
    allocation = allocate(
        AllocationInput(
            seats=seats,
            category=identifier.category,
            lists=lists,
            lots=tuple(lots),
            preference_threshold=preference_threshold,
        )
    )
    return _result(identifier, allocation, lists, contest, findings, deceased)


def _lists(total: VoteCounts, contest: Contest | None) -> tuple[ListInput, ...]:
    if contest is None:
        return tuple(_list_from_count(list_votes) for list_votes in total.lists)
    counted = {list_votes.number: list_votes for list_votes in total.lists}
    unknown = sorted(set(counted) - {candidate_list.number for candidate_list in contest.lists})
    if unknown:
        raise ResultInputError(
            f"the count has votes for list {_numbers(unknown)}, which the candidate lists "
            f"(230b) of contest {contest.id} do not have; the files do not belong together"
        )
    return tuple(
        _list_from_230b(candidate_list, counted.get(candidate_list.number))
        for candidate_list in contest.lists
    )


def _list_from_230b(candidate_list: CandidateList, votes: ListVotes | None) -> ListInput:
    by_number: dict[int, int] = {}
    if votes is not None:
        for candidate in votes.candidates:
            if candidate.number is None:
                raise ResultInputError(
                    f"the count identifies a candidate on list {candidate_list.number} only by "
                    f"short code {candidate.short_code}; a single-district count numbers them"
                )
            by_number[candidate.number] = candidate.votes
    numbers = {candidate.number for candidate in candidate_list.candidates}
    unknown = sorted(set(by_number) - numbers)
    if unknown:
        raise ResultInputError(
            f"the count has votes for candidate {_numbers(unknown)} on list "
            f"{candidate_list.number}, which has {len(numbers)} candidates in the 230b; "
            "the files do not belong together"
        )
    return ListInput(
        number=candidate_list.number,
        name=candidate_list.name,
        candidates=tuple(
            CandidateInput(number=candidate.number, votes=by_number.get(candidate.number, 0))
            for candidate in candidate_list.candidates
        ),
    )


def _list_from_count(list_votes: ListVotes) -> ListInput:
    if not list_votes.candidates:
        raise ResultInputError(
            f"the count has no candidate votes for list {list_votes.number}, and without the "
            "candidate lists (230b) its candidates are unknown"
        )
    candidates = []
    for candidate in list_votes.candidates:
        if candidate.number is None:
            raise ResultInputError(
                f"the count identifies a candidate on list {list_votes.number} only by short "
                f"code {candidate.short_code}; a single-district count numbers them"
            )
        candidates.append(CandidateInput(number=candidate.number, votes=candidate.votes))
    return ListInput(number=list_votes.number, name=list_votes.name, candidates=tuple(candidates))


def _mark_deceased(
    lists: tuple[ListInput, ...], deceased: Sequence[tuple[int, int]]
) -> tuple[ListInput, ...]:
    wanted = set(deceased)
    for list_number, candidate_number in sorted(wanted):
        target = next((lst for lst in lists if lst.number == list_number), None)
        if target is None or all(c.number != candidate_number for c in target.candidates):
            raise ResultInputError(
                f"--deceased {list_number}:{candidate_number} names no candidate: "
                + (
                    f"there is no list {list_number}"
                    if target is None
                    else f"list {list_number} has no candidate {candidate_number}"
                )
            )
    return tuple(
        ListInput(
            number=lst.number,
            name=lst.name,
            candidates=tuple(
                CandidateInput(
                    number=c.number,
                    votes=c.votes,
                    deceased=(lst.number, c.number) in wanted,
                )
                for c in lst.candidates
            ),
        )
        for lst in lists
    )


def _result(
    identifier: ElectionIdentifier,
    allocation: Allocation,
    lists: tuple[ListInput, ...],
    contest: Contest | None,
    findings: Sequence[Finding],
    deceased: Sequence[tuple[int, int]],
) -> ElectionResult:
    candidates_of = {c.list_number: c for c in allocation.candidates}
    outcomes = []
    for seats in allocation.lists:
        chosen = candidates_of.get(seats.number)
        candidate_list = contest.list(seats.number) if contest is not None else None
        elected = tuple(
            _person(seats.number, e.number, e.by, e.votes, candidate_list)
            for e in (chosen.elected if chosen is not None else ())
        )
        outcomes.append(
            ListOutcome(
                number=seats.number,
                name=candidate_list.name if candidate_list is not None else seats.name,
                votes=seats.votes,
                full_seats=seats.full_seats,
                seats=seats.seats,
                elected=elected,
                ranking=chosen.ranking if chosen is not None else (),
            )
        )
    return ElectionResult(
        identifier=identifier,
        seats=allocation.seats,
        status=allocation.status,
        quota=allocation.quota,
        preference_threshold=allocation.preference_threshold,
        lists=tuple(outcomes),
        total_votes=sum(lst.votes for lst in lists),
        lots_required=allocation.lots_required,
        steps=tuple(plain(step) for step in allocation.steps),
        findings=tuple(findings),
        warnings=allocation.warnings,
        unassigned=allocation.unassigned,
        lots_used=allocation.lots_used,
        deceased=tuple(sorted(set(deceased))),
        names_known=contest is not None,
    )


def _person(
    list_number: int,
    number: int,
    by: Literal["preference", "list_order"],
    votes: int,
    candidate_list: CandidateList | None,
) -> ElectedPerson:
    candidate = candidate_list.candidate(number) if candidate_list is not None else None
    return ElectedPerson(
        list_number=list_number,
        candidate_number=number,
        name=candidate.name if candidate is not None else UNKNOWN_NAME,
        by=by,
        votes=votes,
        gender=candidate.gender.value if candidate is not None and candidate.gender else None,
        locality=candidate.locality if candidate is not None else None,
        country_code=candidate.country_code if candidate is not None else None,
    )


def _numbers(numbers: Sequence[int]) -> str:
    return ", ".join(str(n) for n in numbers)
