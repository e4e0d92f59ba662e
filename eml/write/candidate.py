"""Writing a candidate as the 230b and 520 schemas want it (``CandidateStructureKR``).

Element order: ``CandidateIdentifier`` (``Id`` and optional ``ShortCode`` attribute),
``CandidateFullName/xnl:PersonName`` (``NameLine NameType="Initials"``, ``FirstName``,
``NamePrefix``, ``LastName``), the gender, then ``QualifyingAddress``. The short code is written
as an attribute: the 230 schema keys short codes on the attribute (``ShortCodeKey``).

Gender ``other`` exists only in ``kr:GenderAnnex`` (the EML core ``Gender`` knows male, female
and unknown), so it is written there; male and female are written as ``Gender`` as the
Kiesraad's software does.

A nomination (EML 210) writes the same candidate with its personal data
(:func:`write_nominated_candidate`): ``DateOfBirth`` after the name, then after the qualifying
address ``Contact/MailingAddress``, ``Agent``, ``kr:DateOfBirthAnnex`` and
``kr:NationalIdentificationNumber``, the order of ``CandidateStructure210``.
"""

from __future__ import annotations

from typing import Protocol

from lxml import etree

from eml import ns
from eml.write.common import sub
from osv.errors import InvariantError
from osv.model import (
    Agent,
    Candidate,
    Gender,
    LivingAddress,
    MailingAddress,
    NominatedCandidate,
    PersonName,
)

__all__ = [
    "list_data_attributes",
    "write_candidate",
    "write_living_address",
    "write_mailing_address",
    "write_nominated_candidate",
    "write_person_name",
]


class _ListData(Protocol):
    """What ``kr:ListData`` says of a list, in a 230b (:class:`~osv.model.CandidateList`) or a
    nomination (:class:`~osv.model.NominatedList`)."""

    @property
    def belongs_to_set(self) -> int | None: ...
    @property
    def belongs_to_combination(self) -> str | None: ...
    @property
    def publication_language(self) -> str | None: ...
    @property
    def publish_gender(self) -> bool | None: ...


def list_data_attributes(candidate_list: _ListData) -> dict[str, str]:
    """Attributes of ``kr:ListData`` in the order the Kiesraad's files use."""
    attributes: dict[str, str] = {}
    if candidate_list.belongs_to_set is not None:
        attributes["BelongsToSet"] = str(candidate_list.belongs_to_set)
    if candidate_list.belongs_to_combination is not None:
        attributes["BelongsToCombination"] = candidate_list.belongs_to_combination
    if candidate_list.publication_language is not None:
        attributes["PublicationLanguage"] = candidate_list.publication_language
    if candidate_list.publish_gender is not None:
        attributes["PublishGender"] = "true" if candidate_list.publish_gender else "false"
    return attributes


def write_candidate(parent: etree._Element, candidate: Candidate) -> etree._Element:
    """Append a ``Candidate`` element for ``candidate`` to ``parent``; return it."""
    element = sub(parent, ns.eml("Candidate"))
    attributes = {"Id": str(candidate.number)}
    if candidate.short_code is not None:
        attributes["ShortCode"] = candidate.short_code
    sub(element, ns.eml("CandidateIdentifier"), attributes=attributes)
    write_person_name(sub(element, ns.eml("CandidateFullName")), candidate.name)
    if candidate.gender is Gender.OTHER:
        sub(element, ns.kr("GenderAnnex"), candidate.gender.value)
    elif candidate.gender is not None:
        sub(element, ns.eml("Gender"), candidate.gender.value)
    _write_address(element, candidate)
    return element


def write_nominated_candidate(
    parent: etree._Element, candidate: NominatedCandidate
) -> etree._Element:
    """Append a nomination's ``Candidate`` (published fields and personal data); return it."""
    element = write_candidate(parent, candidate)
    if candidate.date_of_birth is not None:
        birth = etree.Element(ns.eml("DateOfBirth"))
        birth.text = candidate.date_of_birth.isoformat()
        full_name = element.find(ns.eml("CandidateFullName"))
        if full_name is None:
            raise InvariantError("the candidate element written has no CandidateFullName")
        full_name.addnext(birth)
    if candidate.mailing_address is not None:
        write_mailing_address(sub(element, ns.eml("Contact")), candidate.mailing_address)
    if candidate.agent is not None:
        _write_agent(element, candidate.agent)
    if candidate.date_of_birth_annex is not None:
        sub(element, ns.kr("DateOfBirthAnnex"), candidate.date_of_birth_annex)
    if candidate.national_id is not None:
        sub(element, ns.kr("NationalIdentificationNumber"), candidate.national_id)
    return element


def write_mailing_address(contact: etree._Element, address: MailingAddress) -> etree._Element:
    """Append ``MailingAddress`` to a ``Contact``: the locality, inside its country if abroad."""
    mailing = sub(contact, ns.eml("MailingAddress"))
    container = mailing
    if address.country_code is not None:
        container = sub(mailing, ns.xal("Country"))
        sub(container, ns.xal("CountryNameCode"), address.country_code)
    locality = sub(container, ns.xal("Locality"))
    if address.street is not None:
        sub(locality, ns.xal("AddressLine"), address.street)
    sub(locality, ns.xal("LocalityName"), address.locality)
    if address.postal_code is not None:
        postal_code = sub(locality, ns.xal("PostalCode"))
        sub(postal_code, ns.xal("PostalCodeNumber"), address.postal_code)
    return mailing


def write_living_address(parent: etree._Element, address: LivingAddress) -> etree._Element:
    """Append ``kr:LivingAddress`` (place, and country code when abroad)."""
    living = sub(parent, ns.kr("LivingAddress"))
    sub(living, ns.kr("LocalityName"), address.locality)
    if address.country_code is not None:
        sub(living, ns.kr("CountryNameCode"), address.country_code)
    return living


def _write_agent(parent: etree._Element, agent: Agent) -> None:
    """``Agent``: the representative's name, mailing address and living address."""
    attributes = {"Role": agent.role.value} if agent.role is not None else None
    element = sub(parent, ns.eml("Agent"), attributes=attributes)
    identifier = sub(element, ns.eml("AgentIdentifier"))
    write_person_name(sub(identifier, ns.eml("AgentName")), agent.name)
    if agent.mailing_address is not None:
        write_mailing_address(sub(element, ns.eml("Contact")), agent.mailing_address)
    write_living_address(element, agent.living_address)


def write_person_name(parent: etree._Element, name: PersonName) -> etree._Element:
    """Append ``xnl:PersonName`` with the parts of ``name`` in the xNL order."""
    person = sub(parent, ns.xnl("PersonName"))
    sub(person, ns.xnl("NameLine"), name.initials, {"NameType": "Initials"})
    if name.first_name is not None:
        sub(person, ns.xnl("FirstName"), name.first_name)
    if name.prefix is not None:
        sub(person, ns.xnl("NamePrefix"), name.prefix)
    sub(person, ns.xnl("LastName"), name.last_name)
    return person


def _write_address(parent: etree._Element, candidate: Candidate) -> None:
    """``QualifyingAddress``: a country with its locality, a locality, or nothing."""
    if candidate.country_code is None and candidate.locality is None:
        return
    address = sub(parent, ns.eml("QualifyingAddress"))
    container = address
    if candidate.country_code is not None:
        container = sub(address, ns.xal("Country"))
        sub(container, ns.xal("CountryNameCode"), candidate.country_code)
    if candidate.locality is not None:
        locality = sub(container, ns.xal("Locality"))
        sub(locality, ns.xal("LocalityName"), candidate.locality)
