"""Publication of the numbered lists as EML 230b, one file per district (Kieswet art. I 17).

:func:`published_contests` turns the accepted, numbered lists into the published shape
(:class:`osv.model.Contest` per district, lists in number order, candidates in list order) with
published fields only: initials, first name, prefix, last name, gender (when the list publishes
it), place of residence and country code. Date of birth, BSN, addresses and agents are never
copied: they do not exist in the published model. :func:`to_230b` wraps a contest in a 230b
document for :func:`eml.write_eml`; :func:`lists_from_230b` reads published lists back as
submitted lists (for checking lists from another system, and for the round trip).
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Sequence

from candidacy.lists import SubmittedCandidate, SubmittedList
from candidacy.numbering import Numbered
from eml.documents import Eml230b, EmlHeader
from osv.model import Candidate, CandidateList, Contest, ElectionIdentifier, ListType

__all__ = ["lists_from_230b", "published_contests", "to_230b"]


def _published_candidate(number: int, candidate: SubmittedCandidate, gender: bool) -> Candidate:
    return Candidate(
        number=number,
        name=candidate.name,
        gender=candidate.gender if gender else None,
        locality=candidate.locality,
        country_code=candidate.country_code,
    )


def _list_type(
    submitted: SubmittedList, same_name: list[SubmittedList]
) -> tuple[ListType, int | None]:
    """The published type (H 11): a set of identical lists, a lijstengroep or a standalone list."""
    if submitted.list_type is not None:
        return submitted.list_type, submitted.belongs_to_set
    if len(submitted.districts) > 1 or len(same_name) > 1:
        variants = list(dict.fromkeys(tuple(s.candidates) for s in same_name))
        if len(variants) == 1:
            return ListType.IDENTICAL_SET, 1
        return ListType.GROUP, None
    return ListType.STANDALONE, None


def published_contests(
    accepted: Sequence[SubmittedList],
    numbered: Numbered,
    district_names: dict[str, str] | None = None,
) -> tuple[Contest, ...]:
    """The published lists per district, districts in their order of first appearance.

    :raises ValueError: when two lists would have the same number in one district.
    """
    by_name: dict[str, list[SubmittedList]] = defaultdict(list)
    for submitted in accepted:
        if submitted.party_name:
            by_name[submitted.party_name].append(submitted)
    per_district: dict[str, list[CandidateList]] = {}
    for submitted in accepted:
        kind, belongs_to_set = _list_type(submitted, by_name.get(submitted.party_name, [submitted]))
        published = CandidateList(
            number=numbered.number(submitted),
            name=submitted.party_name,
            type=kind,
            belongs_to_set=belongs_to_set,
            publication_language=submitted.publication_language,
            publish_gender=submitted.publish_gender,
            candidates=tuple(
                _published_candidate(n, c, submitted.publish_gender)
                for n, c in enumerate(submitted.candidates, start=1)
            ),
        )
        for district in dict.fromkeys(submitted.districts):
            per_district.setdefault(district, []).append(published)
    contests = []
    names = district_names or {}
    for district, lists in per_district.items():
        lists.sort(key=lambda lst: lst.number)
        for before, after in itertools.pairwise(lists):
            if before.number == after.number:
                raise ValueError(
                    f"district {district} has two lists numbered {after.number}: "
                    f"{before.name or 'blanco lijst'} and {after.name or 'blanco lijst'}"
                )
        contests.append(Contest(id=district, name=names.get(district), lists=tuple(lists)))
    return tuple(contests)


def to_230b(identifier: ElectionIdentifier, header: EmlHeader, contest: Contest) -> Eml230b:
    """The 230b document of one district's published lists."""
    return Eml230b(header=header, identifier=identifier, contests=(contest,))


def lists_from_230b(document: Eml230b) -> tuple[list[SubmittedList], Numbered]:
    """Published lists read back as accepted lists with their numbers.

    Each list of each contest becomes one submitted list (key ``<contest>-<number>``, valid in
    that contest); gender is kept only where the list publishes it. Data the 230b does not carry
    (consents, support, deposit) are taken as in order, since the lists were accepted.
    """
    lists: list[SubmittedList] = []
    numbers: dict[str, int] = {}
    for contest in document.contests:
        for published in contest.lists:
            key = f"{contest.id}-{published.number}"
            submitted = SubmittedList(
                key=key,
                party_name=published.name,
                districts=(contest.id,),
                candidates=tuple(
                    SubmittedCandidate(
                        name=c.name,
                        gender=c.gender,
                        locality=c.locality,
                        country_code=c.country_code,
                    )
                    for c in published.candidates
                ),
                deposit_paid=True,
                publish_gender=bool(published.publish_gender),
                publication_language=published.publication_language,
                list_type=published.type,
                belongs_to_set=published.belongs_to_set,
            )
            lists.append(submitted)
            numbers[published.name or f"blanco:{key}"] = published.number
    return lists, Numbered(numbers=numbers)
