"""Writing a candidate as the 230b and 520 schemas want it (``CandidateStructureKR``).

Element order: ``CandidateIdentifier`` (``Id`` and optional ``ShortCode`` attribute),
``CandidateFullName/xnl:PersonName`` (``NameLine NameType="Initials"``, ``FirstName``,
``NamePrefix``, ``LastName``), the gender, then ``QualifyingAddress``. The short code is written
as an attribute: the 230 schema keys short codes on the attribute (``ShortCodeKey``).

Gender ``other`` exists only in ``kr:GenderAnnex`` (the EML core ``Gender`` knows male, female
and unknown), so it is written there; male and female are written as ``Gender`` as the
Kiesraad's software does.
"""

from __future__ import annotations

from lxml import etree

from eml import ns
from eml.write.common import sub
from osv.model import Candidate, Gender, PersonName

__all__ = ["write_candidate", "write_person_name"]


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
