"""Writing a party's nomination (EML 210), in the order of the 210 schema.

::

    EML Id="210"
        TransactionId, ManagingAuthority?, IssueDate, kr:Schema?, kr:CreationDateTime,
        ds:CanonicalizationMethod?                                              (header)
        Nomination/
            ElectionIdentifier                  with kr:NominationDate
            ContestIdentifier Id / ContestName  (ContestName is required: empty when unknown)
            Affiliation/
                AffiliationIdentifier/RegisteredName (no Id: the list has no number yet)
                Type, kr:ListData (kr:Contests?), Candidate+
            Nominate/Proposer+

:func:`eml.write.write_eml` validates the result against the schema when given schemas.
"""

from __future__ import annotations

from lxml import etree

from eml import ns
from eml.documents import Eml210
from eml.write.candidate import (
    list_data_attributes,
    write_living_address,
    write_mailing_address,
    write_nominated_candidate,
    write_person_name,
)
from eml.write.common import new_root, sub, write_header, write_identifier
from eml.write.common import to_bytes as serialise
from osv.model import NominatedList, Proposer

__all__ = ["to_bytes"]


def to_bytes(document: Eml210) -> bytes:
    """The EML 210 bytes of ``document`` (deterministic, UTF-8, indented)."""
    root = new_root(document.message_type)
    write_header(root, document.header, with_issue_date=True)
    nomination = sub(root, ns.eml("Nomination"))
    write_identifier(nomination, document.identifier, with_nomination_date=True)
    contest = sub(nomination, ns.eml("ContestIdentifier"), attributes={"Id": document.contest_id})
    sub(contest, ns.eml("ContestName"), document.contest_name or "")
    _write_list(nomination, document.candidate_list)
    nominate = sub(nomination, ns.eml("Nominate"))
    for proposer in document.proposers:
        _write_proposer(nominate, proposer)
    return serialise(root)


def _write_list(nomination: etree._Element, candidate_list: NominatedList) -> None:
    affiliation = sub(nomination, ns.eml("Affiliation"))
    identifier = sub(affiliation, ns.eml("AffiliationIdentifier"))
    sub(identifier, ns.eml("RegisteredName"), candidate_list.name)
    sub(affiliation, ns.eml("Type"), candidate_list.type.value)
    list_data = sub(affiliation, ns.kr("ListData"), attributes=list_data_attributes(candidate_list))
    if candidate_list.contests:
        contests = sub(list_data, ns.kr("Contests"))
        for contest in candidate_list.contests:
            sub(contests, ns.kr("Contest"), contest.name, {"Id": contest.id})
    for candidate in candidate_list.candidates:
        write_nominated_candidate(affiliation, candidate)


def _write_proposer(nominate: etree._Element, proposer: Proposer) -> None:
    element = sub(nominate, ns.eml("Proposer"))
    write_person_name(sub(element, ns.eml("Name")), proposer.name)
    write_mailing_address(sub(element, ns.eml("Contact")), proposer.mailing_address)
    sub(element, ns.eml("JobTitle"), proposer.role.value)
    if proposer.id is not None:
        sub(element, ns.eml("Id"), proposer.id)
    if proposer.living_address is not None:
        write_living_address(element, proposer.living_address)
