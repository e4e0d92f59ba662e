"""Writing the result (EML 520), in the order of the 520 schema.

::

    EML Id="520"
        TransactionId, ManagingAuthority, kr:CreationDateTime, ds:CanonicalizationMethod
        Result/Election/
            ElectionIdentifier                          without kr:NominationDate
            Contest*/
                ContestIdentifier Id (+ ContestName)
                Selection*: AffiliationIdentifier, Votes?, Elected          per list
                            Candidate, Votes?, Ranking?, Elected            its candidates

The 520 header has no ``IssueDate``. Every selection is elected (the schema fixes ``Elected``
to ``yes``); a candidate's ``CandidateIdentifier Id`` is its order of election on the list.
"""

from __future__ import annotations

from lxml import etree

from eml import ns
from eml.documents import Eml520
from eml.write.candidate import write_candidate
from eml.write.common import new_root, sub, write_contest, write_header, write_identifier
from eml.write.common import to_bytes as serialise
from osv.model import ContestResult, ListResult

__all__ = ["to_bytes"]


def to_bytes(document: Eml520) -> bytes:
    """The EML 520 bytes of ``document`` (deterministic, UTF-8, indented)."""
    root = new_root(document.message_type)
    write_header(root, document.header, with_issue_date=False)
    election = sub(sub(root, ns.eml("Result")), ns.eml("Election"))
    write_identifier(election, document.identifier, with_nomination_date=False)
    for contest in document.contests:
        _write_contest(election, contest)
    return serialise(root)


def _write_contest(election: etree._Element, contest: ContestResult) -> None:
    element = write_contest(election, contest.contest_id, contest.contest_name)
    for list_result in contest.lists:
        _write_list(element, list_result)


def _write_list(contest: etree._Element, list_result: ListResult) -> None:
    selection = sub(contest, ns.eml("Selection"))
    affiliation = sub(
        selection, ns.eml("AffiliationIdentifier"), attributes={"Id": str(list_result.number)}
    )
    sub(affiliation, ns.eml("RegisteredName"), list_result.name)
    if list_result.votes is not None:
        sub(selection, ns.eml("Votes"), list_result.votes)
    sub(selection, ns.eml("Elected"), "yes")
    for elected in list_result.candidates:
        selection = sub(contest, ns.eml("Selection"))
        write_candidate(selection, elected.candidate)
        if elected.votes is not None:
            sub(selection, ns.eml("Votes"), elected.votes)
        if elected.ranking is not None:
            sub(selection, ns.eml("Ranking"), elected.ranking)
        sub(selection, ns.eml("Elected"), "yes")
