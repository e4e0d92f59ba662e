"""Writing candidate lists (EML 230b), in the order of the 230 schema.

::

    EML Id="230b"
        TransactionId, ManagingAuthority, IssueDate, kr:CreationDateTime ...    (header)
        CandidateList/
            ListDate?
            Election/ElectionIdentifier                 with kr:NominationDate
            Election/Contest*/
                ContestIdentifier Id (+ ContestName)
                Affiliation*/
                    AffiliationIdentifier Id / RegisteredName, Type, kr:ListData, Candidate*

The 230 schema requires ``IssueDate`` in the header and ``Type`` and ``kr:ListData`` (with
``PublishGender``) for every list; the writer writes what the document holds, and
:func:`eml.write.write_eml` validates the result against the schema.
"""

from __future__ import annotations

from lxml import etree

from eml import ns
from eml.documents import Eml230b
from eml.write.candidate import list_data_attributes, write_candidate
from eml.write.common import new_root, sub, write_contest, write_header, write_identifier
from eml.write.common import to_bytes as serialise
from osv.model import CandidateList, Contest

__all__ = ["to_bytes"]


def to_bytes(document: Eml230b, *, indent: bool = True) -> bytes:
    """The EML 230b bytes of ``document`` (deterministic, UTF-8).

    Indented with 4 spaces; ``indent=False`` writes one line as the Kiesraad's software does, so
    the canonical (C14N) form equals the Kiesraad's (:func:`eml.write.common.to_bytes`).
    """
    root = new_root(document.message_type)
    write_header(root, document.header, with_issue_date=True)
    candidate_list = sub(root, ns.eml("CandidateList"))
    if document.list_date is not None:
        sub(candidate_list, ns.eml("ListDate"), document.list_date.isoformat())
    election = sub(candidate_list, ns.eml("Election"))
    write_identifier(election, document.identifier, with_nomination_date=True)
    for contest in document.contests:
        _write_contest(election, contest)
    return serialise(root, indent=indent)


def _write_contest(election: etree._Element, contest: Contest) -> None:
    element = write_contest(election, contest.id, contest.name)
    for candidate_list in contest.lists:
        _write_list(element, candidate_list)


def _write_list(contest: etree._Element, candidate_list: CandidateList) -> None:
    affiliation = sub(contest, ns.eml("Affiliation"))
    identifier = sub(
        affiliation, ns.eml("AffiliationIdentifier"), attributes={"Id": str(candidate_list.number)}
    )
    sub(identifier, ns.eml("RegisteredName"), candidate_list.name)
    if candidate_list.type is not None:
        sub(affiliation, ns.eml("Type"), candidate_list.type.value)
    sub(affiliation, ns.kr("ListData"), attributes=list_data_attributes(candidate_list))
    for candidate in candidate_list.candidates:
        write_candidate(affiliation, candidate)
