"""Writing the polling stations of a municipality (EML 110b), in the 110b schema's order.

::

    EML Id="110b"
        TransactionId, ManagingAuthority, IssueDate?, kr:CreationDateTime ...    (header)
        ElectionEvent/EventIdentifier (empty)
        ElectionEvent/Election/
            ElectionIdentifier                       without kr:NominationDate (not allowed here)
            Contest/
                ContestIdentifier, ReportingUnit/ReportingUnitIdentifier, VotingMethod, MaxVotes,
                sb:MunicipalityContactDetails?, sb:MunicipalityElectionSite?,
                PollingPlace*/PhysicalLocation/{Address/{Locality, sb:Location*},
                    PollingStation, kr:ReportingUnitType?, kr:SharedLocation?}

The station's name and postal code go in ``Locality`` (an EML-namespace element of xAL type);
its number is the ``PollingStation`` Id and its number of voters the element's text.
"""

from __future__ import annotations

from lxml import etree

from eml import ns
from eml.documents import Eml110b
from eml.write.common import new_root, sub, write_header, write_identifier
from eml.write.common import to_bytes as serialise
from osv.model import Location, PollingStation

__all__ = ["to_bytes"]


def to_bytes(document: Eml110b) -> bytes:
    """The EML 110b bytes of ``document`` (deterministic, UTF-8, indented)."""
    root = new_root(document.message_type, {"sb": ns.SB})
    write_header(root, document.header, with_issue_date=True)
    event = sub(root, ns.eml("ElectionEvent"))
    sub(event, ns.eml("EventIdentifier"))
    election = sub(event, ns.eml("Election"))
    write_identifier(election, document.identifier, with_nomination_date=False)
    contest = sub(election, ns.eml("Contest"))
    sub(contest, ns.eml("ContestIdentifier"), attributes={"Id": document.contest_id})
    unit = sub(contest, ns.eml("ReportingUnit"))
    sub(
        unit,
        ns.eml("ReportingUnitIdentifier"),
        document.reporting_unit.name,
        {"Id": document.reporting_unit.id},
    )
    sub(contest, ns.eml("VotingMethod"), document.voting_method)
    max_votes = sub(contest, ns.eml("MaxVotes"), document.max_votes)
    if document.max_votes is None:
        max_votes.text = ""
    if document.contact_details is not None:
        sub(contest, ns.sb("MunicipalityContactDetails"), document.contact_details)
    if document.election_site is not None:
        sub(contest, ns.sb("MunicipalityElectionSite"), document.election_site)
    for station in document.polling_stations:
        _write_station(contest, station)
    return serialise(root)


def _write_station(contest: etree._Element, station: PollingStation) -> None:
    place = sub(contest, ns.eml("PollingPlace"), attributes={"Channel": station.channel})
    physical = sub(place, ns.eml("PhysicalLocation"))
    address = sub(physical, ns.eml("Address"))
    locality = sub(address, ns.eml("Locality"))
    sub(locality, ns.xal("LocalityName"), station.name)
    if station.postal_code is not None:
        sub(sub(locality, ns.xal("PostalCode")), ns.xal("PostalCodeNumber"), station.postal_code)
    for location in station.locations:
        _write_location(address, location)
    voters = sub(
        physical,
        ns.eml("PollingStation"),
        station.number_of_voters,
        {"Id": str(station.number)},
    )
    if station.number_of_voters is None:
        voters.text = ""
    if station.type is not None:
        sub(physical, ns.kr("ReportingUnitType"), station.type.value)
    if station.shared_location is not None:
        sub(physical, ns.kr("SharedLocation"), "true" if station.shared_location else "false")


def _write_location(address: etree._Element, location: Location) -> None:
    """``sb:Location`` with the fields OSV keeps, in the order of the sb-extensions schema."""
    element = sub(address, ns.sb("Location"))
    if location.street_name is not None:
        sub(element, ns.sb("StreetName"), location.street_name)
    if location.house_number is not None:
        sub(element, ns.sb("Number"), location.house_number)
    if location.house_letter is not None:
        sub(element, ns.sb("Letter"), location.house_letter)
    if location.house_number_addition is not None:
        sub(element, ns.sb("NumberAddition"), location.house_number_addition)
    if location.postal_code is not None:
        sub(element, ns.sb("PostalCode"), location.postal_code)
    if location.city is not None:
        sub(element, ns.sb("City"), location.city)
    if location.accessible is not None:
        accessibility = sub(element, ns.sb("Accessibility"))
        sub(accessibility, ns.sb("Accessible"), "true" if location.accessible else "false")
