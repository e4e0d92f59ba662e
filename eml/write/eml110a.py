"""Writing the election definition (EML 110a), in the element order of the 110a schema.

::

    EML Id="110a"
        TransactionId, ManagingAuthority?, IssueDate?, kr:CreationDateTime ...   (header)
        ElectionEvent/EventIdentifier (empty)
        ElectionEvent/Election/
            ElectionIdentifier     name, category, subcategory, domain, dates incl. NominationDate
            Contest                ContestIdentifier Id, VotingMethod, MaxVotes (empty: not given)
            kr:NumberOfSeats, kr:PreferenceThreshold, kr:ElectionTree, kr:RegisteredParties

The writer writes what the document holds and nothing else; whether the result is valid is
checked by :func:`eml.write.write_eml` against the official schema.
"""

from __future__ import annotations

from lxml import etree

from eml import ns
from eml.documents import Eml110a
from eml.write.common import new_root, sub, write_header, write_identifier
from eml.write.common import to_bytes as serialise
from osv.model import ElectionDefinition, Region

__all__ = ["to_bytes"]


def to_bytes(document: Eml110a) -> bytes:
    """The EML 110a bytes of ``document`` (deterministic, UTF-8, indented)."""
    root = new_root(document.message_type)
    write_header(root, document.header, with_issue_date=True)
    event = sub(root, ns.eml("ElectionEvent"))
    sub(event, ns.eml("EventIdentifier"))
    election = sub(event, ns.eml("Election"))
    definition = document.election
    write_identifier(election, definition.identifier, with_nomination_date=True)
    _write_contest(election, definition)
    sub(election, ns.kr("NumberOfSeats"), definition.number_of_seats)
    sub(election, ns.kr("PreferenceThreshold"), definition.preference_threshold)
    tree = sub(election, ns.kr("ElectionTree"))
    for region in definition.tree:
        _write_region(tree, region)
    parties = sub(election, ns.kr("RegisteredParties"))
    for party in definition.registered_parties:
        element = sub(parties, ns.kr("RegisteredParty"))
        sub(element, ns.kr("RegisteredAppellation"), party.appellation)
        if party.registered_by is not None:
            sub(element, ns.kr("RegisteredBy"), party.registered_by)
    return serialise(root)


def _write_contest(election: etree._Element, definition: ElectionDefinition) -> None:
    contest = sub(election, ns.eml("Contest"))
    sub(contest, ns.eml("ContestIdentifier"), attributes={"Id": definition.contest_id})
    sub(contest, ns.eml("VotingMethod"), definition.voting_method)
    max_votes = sub(contest, ns.eml("MaxVotes"), definition.max_votes)
    if definition.max_votes is None:
        max_votes.text = ""  # as the Kiesraad writes it: <MaxVotes></MaxVotes>


def _write_region(tree: etree._Element, region: Region) -> None:
    """A ``kr:Region``; attributes in the order the Kiesraad's files use."""
    attributes: dict[str, str] = {}
    if region.number is not None:
        attributes["RegionNumber"] = str(region.number)
    attributes["RegionCategory"] = region.category.value
    if region.roman_numerals is not None:
        attributes["RomanNumerals"] = _boolean(region.roman_numerals)
    if region.frisian_export_allowed is not None:
        attributes["FrysianExportAllowed"] = _boolean(region.frisian_export_allowed)
    if region.superior_number is not None:
        attributes["SuperiorRegionNumber"] = str(region.superior_number)
    if region.superior_category is not None:
        attributes["SuperiorRegionCategory"] = region.superior_category.value
    element = sub(tree, ns.kr("Region"), attributes=attributes)
    sub(element, ns.kr("RegionName"), region.name)
    for committee in region.committees:
        committee_attributes = {"CommitteeCategory": committee.category.value}
        if committee.name is not None:
            committee_attributes["CommitteeName"] = committee.name
        if committee.accept_central_submissions is not None:
            committee_attributes["AcceptCentralSubmissions"] = _boolean(
                committee.accept_central_submissions
            )
        sub(element, ns.kr("Committee"), attributes=committee_attributes)


def _boolean(value: bool) -> str:
    return "true" if value else "false"
