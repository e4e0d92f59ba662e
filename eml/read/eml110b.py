"""Reading the polling stations of a municipality (EML 110b), eml-nl.md §6.2.

A municipality sends the gemeentelijk stembureau (GSB) its list of polling stations::

    ElectionEvent/Election/
        ElectionIdentifier
        Contest/
            ContestIdentifier Id="geen"
            ReportingUnit/ReportingUnitIdentifier Id="0668"     the municipality
            VotingMethod, MaxVotes                               MaxVotes: total number of voters
            sb:MunicipalityContactDetails?, sb:MunicipalityElectionSite?
            PollingPlace Channel="polling"*/PhysicalLocation/
                Address/Locality/{xal:LocalityName, xal:PostalCode/xal:PostalCodeNumber}
                Address/sb:Location*                            street address, accessibility
                PollingStation Id="1">1273</PollingStation>      number, and number of voters
                kr:ReportingUnitType?, kr:SharedLocation?

Tolerated, because the Kiesraad's own test files do it (the schema does not, so reading with
schemas still refuses them): a ``kr:NominationDate`` in the identifier, an empty
``VotingMethod`` (kept as ``None``) and a contest without any ``PollingPlace`` (zero stations).
Refused: a number of voters that is not a whole number, and two stations with one number.

:func:`mismatch_with_definition` tells whether a 110b belongs to an election definition; the
import service decides what to do with the answer.
"""

from __future__ import annotations

from lxml import etree

from eml import ns
from eml.documents import Authority, Eml110b
from eml.read.common import Reader, read_header, read_identifier
from eml.read.eml110a import read_max_votes
from osv.model import (
    ElectionCategory,
    ElectionDefinition,
    Location,
    PollingStation,
    PollingStationType,
)

__all__ = ["from_root", "mismatch_with_definition"]

_CHANNELS = ("polling", "postal")


def from_root(reader: Reader, root: etree._Element) -> Eml110b:
    """The polling stations in the parsed 110b ``root``.

    :raises EmlContentError: when an element is missing or malformed, a number of voters is
        not a whole number, or two polling stations share a number.
    """
    header = read_header(reader, root)
    event = reader.child(root, ns.eml("ElectionEvent"))
    election = _only(reader, event, ns.eml("Election"), "Election")
    identifier = read_identifier(reader, reader.child(election, ns.eml("ElectionIdentifier")))
    contest = _only(reader, election, ns.eml("Contest"), "Contest")
    contest_identifier = reader.child(contest, ns.eml("ContestIdentifier"))
    unit = reader.child(
        reader.child(contest, ns.eml("ReportingUnit")), ns.eml("ReportingUnitIdentifier")
    )
    unit_id = (unit.get("Id") or "").strip()
    if not unit_id:
        raise reader.error(
            unit,
            "ReportingUnitIdentifier has no Id: expected the municipality's CBS code, found none",
        )
    stations = _read_stations(reader, contest)
    return Eml110b(
        header=header,
        identifier=identifier,
        contest_id=(contest_identifier.get("Id") or "").strip() or "geen",
        reporting_unit=Authority(id=unit_id, name=reader.optional_text(unit)),
        voting_method=reader.optional_text(contest.find(ns.eml("VotingMethod"))),
        max_votes=read_max_votes(reader, contest.find(ns.eml("MaxVotes"))),
        contact_details=reader.optional_text(contest.find(ns.sb("MunicipalityContactDetails"))),
        election_site=reader.optional_text(contest.find(ns.sb("MunicipalityElectionSite"))),
        polling_stations=stations,
    )


def mismatch_with_definition(polling: Eml110b, definition: ElectionDefinition) -> str | None:
    """Why the polling stations do not belong to the election ``definition``, or ``None``.

    Compared: the election Id, the category and the domain. For a municipal council the
    reporting unit (the municipality sending the list) must also be the election's domain.
    """
    ours, theirs = polling.identifier, definition.identifier
    if ours.id != theirs.id:
        return (
            f"the polling stations are for election {ours.id}, but the election definition "
            f"is for {theirs.id}"
        )
    if ours.category is not theirs.category:
        return (
            f"the polling stations are for a {ours.category.value} election, but the election "
            f"definition is for a {theirs.category.value} election"
        )
    if ours.domain is not None and ours.domain != theirs.domain:
        expected = theirs.domain.name if theirs.domain is not None else "none"
        return (
            f"the polling stations name election domain {ours.domain.name!r}, but the election "
            f"definition has {expected!r}"
        )
    domain = theirs.domain
    if (
        theirs.category is ElectionCategory.GR
        and domain is not None
        and domain.id is not None
        and polling.reporting_unit.id != domain.id
    ):
        return (
            f"the polling stations are of municipality {polling.reporting_unit.id}, but the "
            f"election is for municipality {domain.id} ({domain.name})"
        )
    return None


def _only(reader: Reader, parent: etree._Element, tag: str, what: str) -> etree._Element:
    """The single child ``tag``: a 110b describes one municipality in one contest."""
    found = parent.findall(tag)
    if len(found) != 1:
        raise reader.error(
            parent,
            f"a 110b must hold exactly one {what} (one municipality's polling stations): "
            f"expected 1, found {len(found)}",
        )
    return found[0]


def _read_stations(reader: Reader, contest: etree._Element) -> tuple[PollingStation, ...]:
    """Every ``PollingPlace`` in file order; two stations may not share a number."""
    stations: list[PollingStation] = []
    lines: dict[int, int | None] = {}
    for place in contest.findall(ns.eml("PollingPlace")):
        station = _read_station(reader, place)
        if station.number in lines:
            first = lines[station.number]
            where = f" (the first is on line {first})" if first else ""
            raise reader.error(
                place,
                f"polling station number {station.number} is used twice{where}: expected "
                "every polling station to have its own number, found a second one",
            )
        line = place.sourceline
        lines[station.number] = line if isinstance(line, int) else None
        stations.append(station)
    return tuple(stations)


def _read_station(reader: Reader, place: etree._Element) -> PollingStation:
    """One ``PollingPlace``: its number first, so that every message can name the station."""
    channel = (place.get("Channel") or "polling").strip()
    if channel not in _CHANNELS:
        raise reader.error(
            place, f"PollingPlace Channel must be polling or postal, found {channel!r}"
        )
    physical = reader.child(place, ns.eml("PhysicalLocation"))
    station = reader.child(physical, ns.eml("PollingStation"))
    raw_number = (station.get("Id") or "").strip()
    if not raw_number:
        raise reader.error(
            station,
            "PollingStation has no Id: expected the polling station's number, found none",
        )
    number = reader.integer(station, value=raw_number, minimum=1, what="PollingStation Id")
    label = f"polling station {number}"
    voters = None
    if (station.text or "").strip():
        voters = reader.integer(station, what=f"the number of voters of {label}")
    address = reader.child(physical, ns.eml("Address"))
    locality = address.find(ns.eml("Locality"))
    if locality is None:
        locality = address.find(ns.xal("Locality"))
    if locality is None:
        raise reader.error(
            address, f"the address of {label} has no Locality: expected its name, found none"
        )
    name = reader.optional_text(locality.find(ns.xal("LocalityName")))
    if name is None:
        raise reader.error(
            locality, f"{label} has no xal:LocalityName: expected the station's name, found none"
        )
    postal_code = None
    postal = locality.find(ns.xal("PostalCode"))
    if postal is not None:
        postal_code = reader.optional_text(postal.find(ns.xal("PostalCodeNumber")))
    kind = physical.find(ns.kr("ReportingUnitType"))
    shared = physical.find(ns.kr("SharedLocation"))
    return PollingStation(
        number=number,
        name=name,
        postal_code=postal_code,
        number_of_voters=voters,
        type=reader.enum(kind, PollingStationType) if kind is not None else None,
        shared_location=reader.boolean(shared) if shared is not None else None,
        channel=channel,
        locations=tuple(
            _read_location(reader, location, label)
            for location in address.findall(ns.sb("Location"))
        ),
    )


def _read_location(reader: Reader, element: etree._Element, label: str) -> Location:
    """The part of ``sb:Location`` that OSV keeps (street address and accessibility)."""
    number_element = element.find(ns.sb("Number"))
    house_number = None
    if number_element is not None:
        house_number = reader.integer(number_element, what=f"the house number of {label}")
    accessible = None
    accessibility = element.find(ns.sb("Accessibility"))
    if accessibility is not None:
        accessible = reader.boolean(reader.child(accessibility, ns.sb("Accessible")))
    return Location(
        street_name=reader.optional_text(element.find(ns.sb("StreetName"))),
        house_number=house_number,
        house_letter=reader.optional_text(element.find(ns.sb("Letter"))),
        house_number_addition=reader.optional_text(element.find(ns.sb("NumberAddition"))),
        postal_code=reader.optional_text(element.find(ns.sb("PostalCode"))),
        city=reader.optional_text(element.find(ns.sb("City"))),
        accessible=accessible,
    )
