"""Reading the election definition (EML 110a, Verkiezingsdefinitie), eml-nl.md §6.1.

The Kiesraad publishes one 110a per election before anything else happens. It fixes the
identity every other file repeats (``ElectionIdentifier``), the contest (``geen`` or ``alle``),
the number of seats, the preference threshold, the tree of regions with the committees that sit
in them (centraal stembureau CSB, hoofdstembureaus HSB) and the registered party names::

    ElectionEvent/Election/
        ElectionIdentifier         category, subcategory, domain, election and nomination date
        Contest                    ContestIdentifier Id, VotingMethod (SPV), MaxVotes (empty)
        kr:NumberOfSeats, kr:PreferenceThreshold
        kr:ElectionTree/kr:Region* with kr:RegionName and kr:Committee*
        kr:RegisteredParties/kr:RegisteredParty*

A definition that is valid against the schema can still describe an impossible election, so the
reader also checks it against the law (:mod:`eml.read.definition_checks`): a wrong definition
would silently give a wrong seat allocation or preference threshold later.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TypeVar

from lxml import etree

from eml import ns
from eml.documents import Eml110a
from eml.read.common import Reader, read_header, read_identifier
from eml.read.definition_checks import check_definition
from osv.model import (
    Committee,
    CommitteeCategory,
    ElectionDefinition,
    Region,
    RegionCategory,
    RegisteredParty,
)

__all__ = ["from_root", "read_max_votes"]

_E = TypeVar("_E", bound=StrEnum)

#: ``RegionNumber`` and ``SuperiorRegionNumber`` are ``xs:short`` in the schema.
_MAX_REGION_NUMBER = 32_767


def from_root(reader: Reader, root: etree._Element) -> Eml110a:
    """The election definition in the parsed 110a ``root``.

    :raises EmlContentError: when an element is missing or malformed, or when the definition
        breaks a rule of election law (see :func:`eml.read.definition_checks.check_definition`).
    """
    header = read_header(reader, root)
    event = reader.child(root, ns.eml("ElectionEvent"))
    election = reader.child(event, ns.eml("Election"))
    identifier_element = reader.child(election, ns.eml("ElectionIdentifier"))
    identifier = read_identifier(reader, identifier_element)
    contest = reader.child(election, ns.eml("Contest"))
    contest_identifier = reader.child(contest, ns.eml("ContestIdentifier"))
    contest_id = (contest_identifier.get("Id") or "").strip()
    if not contest_id:
        raise reader.error(
            contest_identifier,
            "ContestIdentifier has no Id: expected geen, alle or a district number, found none",
        )
    voting_method_element = reader.child(contest, ns.eml("VotingMethod"))
    voting_method = (voting_method_element.text or "").strip()
    max_votes = read_max_votes(reader, contest.find(ns.eml("MaxVotes")))

    seats_element = election.find(ns.kr("NumberOfSeats"))
    seats = None
    if seats_element is not None:
        seats = reader.integer(seats_element, minimum=1, what="kr:NumberOfSeats")
    threshold_element = election.find(ns.kr("PreferenceThreshold"))
    threshold = None
    if threshold_element is not None:
        threshold = reader.integer(threshold_element, maximum=100, what="kr:PreferenceThreshold")
    tree_element = election.find(ns.kr("ElectionTree"))
    tree = _read_tree(reader, tree_element) if tree_element is not None else None
    parties_element = election.find(ns.kr("RegisteredParties"))
    parties = _read_parties(reader, parties_element) if parties_element is not None else ()

    seats, threshold, tree = check_definition(
        reader,
        election=election,
        identifier_element=identifier_element,
        identifier=identifier,
        voting_method_element=voting_method_element,
        seats_element=seats_element,
        seats=seats,
        threshold_element=threshold_element,
        threshold=threshold,
        tree_element=tree_element,
        tree=tree,
    )
    definition = ElectionDefinition(
        identifier=identifier,
        contest_id=contest_id,
        voting_method=voting_method,
        max_votes=max_votes,
        number_of_seats=seats,
        preference_threshold=threshold,
        tree=tree,
        registered_parties=parties,
    )
    return Eml110a(header=header, election=definition)


def read_max_votes(reader: Reader, element: etree._Element | None) -> int | None:
    """``MaxVotes``: a positive number, or ``None`` when absent or empty (as the Kiesraad has it).

    The schema gives ``MaxVotes`` the default 1, so an empty element is valid; OSV keeps it as
    "not given" rather than inventing the default.
    """
    if element is None or not (element.text or "").strip():
        return None
    return reader.integer(element, minimum=1, what="MaxVotes")


def _read_tree(reader: Reader, tree: etree._Element) -> tuple[Region, ...]:
    """The regions of ``kr:ElectionTree`` in file order, with all attributes and committees."""
    return tuple(_read_region(reader, region) for region in tree.findall(ns.kr("Region")))


def _read_region(reader: Reader, element: etree._Element) -> Region:
    category = _attribute_enum(reader, element, "RegionCategory", RegionCategory)
    number = _region_number(reader, element, "RegionNumber")
    label = f"{category.value} region {number}" if number is not None else category.value
    name_element = element.find(ns.kr("RegionName"))
    name = reader.optional_text(name_element)
    if name is None:
        raise reader.error(
            element, f"the {label} has no kr:RegionName: expected the region's name, found none"
        )
    return Region(
        number=number,
        category=category,
        name=name,
        superior_number=_region_number(reader, element, "SuperiorRegionNumber"),
        superior_category=(
            _attribute_enum(reader, element, "SuperiorRegionCategory", RegionCategory)
            if element.get("SuperiorRegionCategory") is not None
            else None
        ),
        roman_numerals=_optional_boolean(reader, element, "RomanNumerals"),
        frisian_export_allowed=_optional_boolean(reader, element, "FrysianExportAllowed"),
        committees=tuple(
            _read_committee(reader, committee) for committee in element.findall(ns.kr("Committee"))
        ),
    )


def _read_committee(reader: Reader, element: etree._Element) -> Committee:
    return Committee(
        category=_attribute_enum(reader, element, "CommitteeCategory", CommitteeCategory),
        name=element.get("CommitteeName"),
        accept_central_submissions=_optional_boolean(reader, element, "AcceptCentralSubmissions"),
    )


def _attribute_enum(reader: Reader, element: etree._Element, attribute: str, kind: type[_E]) -> _E:
    """The value of ``attribute`` as a member of ``kind``; the message names the attribute."""
    value = (element.get(attribute) or "").strip()
    try:
        return kind(value)
    except ValueError:
        allowed = ", ".join(member.value for member in kind)
        raise reader.error(
            element, f"attribute {attribute} is {value!r}; expected one of: {allowed}"
        ) from None


def _region_number(reader: Reader, element: etree._Element, attribute: str) -> int | None:
    raw = element.get(attribute)
    if raw is None:
        return None
    return reader.integer(element, value=raw, maximum=_MAX_REGION_NUMBER, what=attribute)


def _optional_boolean(reader: Reader, element: etree._Element, attribute: str) -> bool | None:
    raw = element.get(attribute)
    if raw is None:
        return None
    value = raw.strip()
    if value in ("true", "1"):
        return True
    if value in ("false", "0"):
        return False
    raise reader.error(element, f"attribute {attribute} must be true or false, found {value!r}")


def _read_parties(reader: Reader, element: etree._Element) -> tuple[RegisteredParty, ...]:
    """``kr:RegisteredParties``: the registered appellations (aanduidingen), in file order."""
    parties = []
    for party in element.findall(ns.kr("RegisteredParty")):
        appellation = reader.child(party, ns.kr("RegisteredAppellation"))
        parties.append(
            RegisteredParty(
                appellation=(appellation.text or "").strip(),
                registered_by=reader.optional_text(party.find(ns.kr("RegisteredBy"))),
            )
        )
    return tuple(parties)
