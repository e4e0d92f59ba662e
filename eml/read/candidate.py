"""Reading a candidate as the 230b (candidate lists) and the 520 (result) describe one.

Both messages use the Kiesraad's ``CandidateStructureKR``: a ``CandidateIdentifier`` (the Id and
an optional ``ShortCode``), the name as ``CandidateFullName/xnl:PersonName``, a ``Gender`` (or
``kr:GenderAnnex``) and a ``QualifyingAddress`` (a locality, or a country code with a locality
for candidates living abroad), eml-nl.md §6.3 and §6.6.

Only what is published on the ballot and in the result is read. The schema also allows a date of
birth, contact and agent details and a national identification number (BSN): those are personal
data OSV has no use for, so this module never reads them and they are never kept.
"""

from __future__ import annotations

from lxml import etree

from eml import ns
from eml.read.common import Reader
from osv.model import Candidate, Gender, PersonName

__all__ = ["read_candidate", "read_person_name"]

#: ``Gender`` of the EML core allows ``unknown``; the model keeps no value for it.
_UNKNOWN_GENDER = "unknown"


def read_candidate(reader: Reader, element: etree._Element, *, where: str) -> Candidate:
    """A ``Candidate`` element as a :class:`~osv.model.Candidate`.

    :param where: names the list in messages, e.g. ``"list 3 in contest geen"``.
    :raises EmlContentError: when the Id is not a positive number or the name is incomplete.
    """
    identifier = reader.child(element, ns.eml("CandidateIdentifier"))
    raw_id = (identifier.get("Id") or "").strip()
    if not raw_id:
        raise reader.error(
            identifier,
            f"a candidate on {where} has a CandidateIdentifier without Id: "
            "expected the candidate's number, found none",
        )
    number = reader.integer(identifier, value=raw_id, minimum=1, what=f"candidate Id on {where}")
    label = f"candidate {number} on {where}"
    full_name = element.find(ns.eml("CandidateFullName"))
    if full_name is None:
        raise reader.error(
            element, f"{label} has no CandidateFullName: expected the candidate's name, found none"
        )
    locality, country_code = _address(reader, element.find(ns.eml("QualifyingAddress")), label)
    return Candidate(
        number=number,
        short_code=_short_code(reader, identifier),
        name=read_person_name(reader, full_name, label=label),
        gender=_gender(reader, element),
        locality=locality,
        country_code=country_code,
    )


def read_person_name(reader: Reader, full_name: etree._Element, *, label: str) -> PersonName:
    """``CandidateFullName/xnl:PersonName``: initials, first name, prefix and last name.

    An empty ``xnl:NamePrefix`` or ``xnl:FirstName`` (the Kiesraad's 520 files write
    ``<xnl:NamePrefix></xnl:NamePrefix>`` for "no prefix") is read as absent.
    """
    person = full_name.find(ns.xnl("PersonName"))
    if person is None:
        raise reader.error(
            full_name, f"the name of {label} has no xnl:PersonName: expected one, found none"
        )
    initials = reader.optional_text(person.find(ns.xnl("NameLine")))
    if initials is None:
        raise reader.error(
            person,
            f"the name of {label} has no initials: expected an xnl:NameLine "
            'NameType="Initials" with text, found none',
        )
    last_name = reader.optional_text(person.find(ns.xnl("LastName")))
    if last_name is None:
        raise reader.error(
            person, f"the name of {label} has no xnl:LastName: expected a last name, found none"
        )
    return PersonName(
        initials=initials,
        first_name=reader.optional_text(person.find(ns.xnl("FirstName"))),
        prefix=reader.optional_text(person.find(ns.xnl("NamePrefix"))),
        last_name=last_name,
    )


def _short_code(reader: Reader, identifier: etree._Element) -> str | None:
    """The ``ShortCode`` attribute, or else the ``ShortCode`` child element."""
    attribute = (identifier.get("ShortCode") or "").strip()
    if attribute:
        return attribute
    return reader.optional_text(identifier.find(ns.eml("ShortCode")))


def _gender(reader: Reader, element: etree._Element) -> Gender | None:
    """``Gender`` (male, female, unknown) or ``kr:GenderAnnex`` (male, female, other).

    ``unknown`` says nothing about the candidate and is read as no gender.
    """
    gender = element.find(ns.eml("Gender"))
    if gender is None:
        gender = element.find(ns.kr("GenderAnnex"))
    if gender is None:
        return None
    value = (gender.text or "").strip()
    if value == _UNKNOWN_GENDER and gender.tag == ns.eml("Gender"):
        return None
    return reader.enum(gender, Gender)


def _address(
    reader: Reader, address: etree._Element | None, label: str
) -> tuple[str | None, str | None]:
    """``QualifyingAddress`` as (locality, country code).

    The address is an ``xal:Locality`` with its ``xal:LocalityName``, or, for a candidate living
    abroad, an ``xal:Country`` with ``xal:CountryNameCode`` and (optionally) a locality inside.
    """
    if address is None:
        return None, None
    locality_element = address.find(ns.xal("Locality"))
    country = address.find(ns.xal("Country"))
    country_code = None
    if country is not None:
        country_code = reader.optional_text(country.find(ns.xal("CountryNameCode")))
        if country_code is None:
            raise reader.error(
                country,
                f"the qualifying address of {label} has an xal:Country without "
                "xal:CountryNameCode: expected a country code such as BE, found none",
            )
        locality_element = country.find(ns.xal("Locality"))
    locality = None
    if locality_element is not None:
        locality = reader.optional_text(locality_element.find(ns.xal("LocalityName")))
    return locality, country_code
