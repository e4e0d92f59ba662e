"""Reading a candidate as the 230b (candidate lists) and the 520 (result) describe one.

Both messages use the Kiesraad's ``CandidateStructureKR``: a ``CandidateIdentifier`` (the Id and
an optional ``ShortCode``), the name as ``CandidateFullName/xnl:PersonName``, a ``Gender`` (or
``kr:GenderAnnex``) and a ``QualifyingAddress`` (a locality, or a country code with a locality
for candidates living abroad), eml-nl.md §6.3 and §6.6.

:func:`read_candidate` reads only what is published on the ballot and in the result. The schema
also allows a date of birth, contact and agent details and a national identification number
(BSN): in a 230b or 520 those are personal data OSV has no use for, so they are never read there.
A nomination (EML 210) is where the centraal stembureau needs them for its checks:
:func:`read_nominated_candidate` reads the same candidate with that personal data, built from the
same pieces (:func:`read_mailing_address`, :func:`read_living_address`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TypeVar

from lxml import etree

from eml import ns
from eml.read.common import Reader
from eml.safe import Limits
from osv.model import (
    Agent,
    AgentRole,
    Candidate,
    Gender,
    LivingAddress,
    MailingAddress,
    NominatedCandidate,
    PersonName,
)
from osv.model.nomination import DATE_OF_BIRTH_ANNEX_PATTERN

__all__ = [
    "read_candidate",
    "read_candidates",
    "read_living_address",
    "read_mailing_address",
    "read_nominated_candidate",
    "read_person_name",
]

_ANNEX = DATE_OF_BIRTH_ANNEX_PATTERN

_C = TypeVar("_C", bound=Candidate)

#: ``Gender`` of the EML core allows ``unknown``; the model keeps no value for it.
_UNKNOWN_GENDER = "unknown"


def read_candidates(
    reader: Reader,
    element: etree._Element,
    *,
    where: str,
    limits: Limits,
    read_one: Callable[..., _C],
) -> tuple[_C, ...]:
    """The ``Candidate`` children of a list element, each read by ``read_one``.

    :raises EmlContentError: when the list has no candidates, more than the limits allow, or
        candidate numbers that do not increase.
    """
    elements = element.findall(ns.eml("Candidate"))
    if not elements:
        raise reader.error(
            element, f"{where} has no candidates: expected at least one Candidate, found none"
        )
    if len(elements) > limits.max_candidates_per_list:
        raise reader.error(
            element,
            f"{where} has too many candidates: expected at most "
            f"{limits.max_candidates_per_list:,}, found {len(elements):,}",
        )
    candidates: list[_C] = []
    for candidate_element in elements:
        candidate = read_one(reader, candidate_element, where=where)
        if candidates and candidate.number <= candidates[-1].number:
            raise reader.error(
                candidate_element,
                f"candidate numbers on {where} must increase: expected more than "
                f"{candidates[-1].number}, found {candidate.number}",
            )
        candidates.append(candidate)
    return tuple(candidates)


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


def read_nominated_candidate(
    reader: Reader, element: etree._Element, *, where: str
) -> NominatedCandidate:
    """A ``Candidate`` of a nomination (EML 210): the published fields and the personal data.

    Read in the order of ``CandidateStructure210``: ``DateOfBirth``, the gender,
    ``QualifyingAddress`` (required: the place of residence), ``Contact/MailingAddress``,
    ``Agent`` (the representative of a candidate abroad), ``kr:DateOfBirthAnnex`` and
    ``kr:NationalIdentificationNumber`` (BSN).

    :raises EmlContentError: as :func:`read_candidate`, and when the place of residence is
        missing, a short code is given, or a date is malformed.
    """
    candidate = read_candidate(reader, element, where=where)
    label = f"candidate {candidate.number} on {where}"
    if candidate.short_code is not None:
        raise reader.error(
            element.find(ns.eml("CandidateIdentifier")),
            f"{label} has a ShortCode: a nomination identifies candidates by position only, "
            f"found {candidate.short_code!r}",
        )
    if candidate.locality is None:
        raise reader.error(
            element,
            f"{label} has no place of residence: expected a QualifyingAddress with an "
            "xal:LocalityName, found none",
        )
    birth = element.find(ns.eml("DateOfBirth"))
    annex = element.find(ns.kr("DateOfBirthAnnex"))
    annex_text = reader.optional_text(annex)
    if annex is not None and (annex_text is None or not re.match(_ANNEX, annex_text)):
        raise reader.error(
            annex,
            f"kr:DateOfBirthAnnex of {label} must look like XX-05-1976 or XX-XX-XXXX, "
            f"found {annex_text or ''!r}",
        )
    if birth is not None and annex is not None:
        raise reader.error(
            annex,
            f"{label} has both DateOfBirth and kr:DateOfBirthAnnex: expected one, found two",
        )
    contact = element.find(ns.eml("Contact"))
    agent = element.find(ns.eml("Agent"))
    return NominatedCandidate(
        **dict(candidate),
        date_of_birth=reader.date(birth, f"DateOfBirth of {label}") if birth is not None else None,
        date_of_birth_annex=annex_text,
        national_id=reader.optional_text(element.find(ns.kr("NationalIdentificationNumber"))),
        mailing_address=(
            read_mailing_address(reader, contact, label=label) if contact is not None else None
        ),
        agent=_agent(reader, agent, label) if agent is not None else None,
    )


def read_mailing_address(reader: Reader, contact: etree._Element, *, label: str) -> MailingAddress:
    """``Contact/MailingAddress``: an ``xal:Locality``, or an ``xal:Country`` with one inside.

    The locality has an optional ``xal:AddressLine`` (street and number), the
    ``xal:LocalityName`` and an optional ``xal:PostalCode/xal:PostalCodeNumber``.
    """
    address = reader.child(contact, ns.eml("MailingAddress"))
    country = address.find(ns.xal("Country"))
    country_code = None
    container = address
    if country is not None:
        country_code = reader.optional_text(country.find(ns.xal("CountryNameCode")))
        container = country
    locality = container.find(ns.xal("Locality"))
    name = (
        reader.optional_text(locality.find(ns.xal("LocalityName")))
        if locality is not None
        else None
    )
    if locality is None or name is None:
        raise reader.error(
            address,
            f"the mailing address of {label} has no xal:Locality with an xal:LocalityName: "
            "expected the place, found none",
        )
    postal_code = locality.find(ns.xal("PostalCode"))
    return MailingAddress(
        street=reader.optional_text(locality.find(ns.xal("AddressLine"))),
        postal_code=(
            reader.optional_text(postal_code.find(ns.xal("PostalCodeNumber")))
            if postal_code is not None
            else None
        ),
        locality=name,
        country_code=country_code,
    )


def read_living_address(reader: Reader, element: etree._Element, *, label: str) -> LivingAddress:
    """``kr:LivingAddress``: ``kr:LocalityName`` and, abroad, ``kr:CountryNameCode``."""
    locality = reader.optional_text(element.find(ns.kr("LocalityName")))
    if locality is None:
        raise reader.error(
            element,
            f"kr:LivingAddress of {label} has no kr:LocalityName: expected the place where "
            "they live, found none",
        )
    return LivingAddress(
        locality=locality,
        country_code=reader.optional_text(element.find(ns.kr("CountryNameCode"))),
    )


def _agent(reader: Reader, element: etree._Element, label: str) -> Agent:
    """``Agent``: the representative (gemachtigde, Kieswet H 10) of a candidate abroad."""
    what = f"the representative of {label}"
    identifier = reader.child(element, ns.eml("AgentIdentifier"))
    name = reader.child(identifier, ns.eml("AgentName"))
    living = element.find(ns.kr("LivingAddress"))
    if living is None:
        raise reader.error(
            element,
            f"{what} has no kr:LivingAddress: expected the place where they live, found none",
        )
    contact = element.find(ns.eml("Contact"))
    role = element.get("Role")
    return Agent(
        name=read_person_name(reader, name, label=what),
        role=reader.enum(element, AgentRole, raw=role) if role is not None else None,
        mailing_address=(
            read_mailing_address(reader, contact, label=what) if contact is not None else None
        ),
        living_address=read_living_address(reader, living, label=what),
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
