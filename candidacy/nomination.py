"""A party's nomination file (EML 210) as a submitted list (Model H 1).

The party's software writes one 210 per list: the party name, the districts it is handed in
for, the candidates with their personal data (date of birth, BSN, the agent of a candidate
abroad) and the submitter. :func:`list_from_210` maps it onto :class:`SubmittedList` for the
checks. A 210 carries no documents: the consents (H 9), support declarations (H 4), the deposit
(H 12) and the authorisation to use the party name (H 3-1) are recorded by the CSB, so they
start as "not handed in" unless the caller says otherwise.
"""

from __future__ import annotations

from collections.abc import Sequence

from candidacy.lists import Agent, SubmittedCandidate, SubmittedList
from eml.documents import Eml210
from osv.model import NominatedCandidate

__all__ = ["ALL_DISTRICTS", "list_from_210"]

#: ``ContestIdentifier Id="alle"``: the list is handed in for every district.
ALL_DISTRICTS = "alle"


def _candidate(nominated: NominatedCandidate, consent: bool) -> SubmittedCandidate:
    agent = None
    if nominated.agent is not None:
        agent = Agent(name=nominated.agent.name, locality=nominated.agent.living_address.locality)
    return SubmittedCandidate(
        name=nominated.name,
        gender=nominated.gender,
        locality=nominated.locality,
        country_code=nominated.country_code,
        date_of_birth=nominated.date_of_birth,
        bsn=nominated.national_id,
        agent=agent,
        consent=consent,
    )


def list_from_210(
    document: Eml210,
    key: str,
    *,
    all_districts: Sequence[str] = (),
    consents: bool = False,
    name_authorised: bool = False,
) -> SubmittedList:
    """The submitted list in a nomination file.

    :param key: the submission's key (e.g. the order of receipt).
    :param all_districts: the election's districts, for a list handed in for ``alle``.
    :param consents: whether the H 9 consents of all candidates were handed in.
    :param name_authorised: whether the H 3-1 authorisation was handed in.
    :raises ValueError: for a list for ``alle`` when ``all_districts`` is empty.
    """
    nominated = document.candidate_list
    districts = tuple(ref.id for ref in nominated.contests) or (document.contest_id,)
    if districts == (ALL_DISTRICTS,):
        if not all_districts:
            raise ValueError(
                f"list {key} is handed in for every district (alle): the districts are needed"
            )
        districts = tuple(all_districts)
    return SubmittedList(
        key=key,
        party_name=nominated.name,
        districts=districts,
        candidates=tuple(_candidate(c, consents) for c in nominated.candidates),
        name_authorised=name_authorised or not nominated.name,
        publish_gender=nominated.publish_gender,
        publication_language=nominated.publication_language or "nl",
        list_type=nominated.type,
        belongs_to_set=nominated.belongs_to_set,
    )
