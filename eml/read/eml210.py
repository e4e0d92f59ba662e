"""Reading a party's nomination (EML 210, Kandidaatstelling), eml-nl.md §1 and candidacy.md §3.

A party's software writes one file per list handed in on nomination day::

    Nomination/
        ElectionIdentifier                      with kr:NominationDate
        ContestIdentifier Id (geen, alle or a kieskring number) / ContestName
        Affiliation/                            the list: no number yet
            AffiliationIdentifier/RegisteredName (empty: blanco lijst)
            Type, kr:ListData (PublishGender, PublicationLanguage, BelongsToSet,
                               kr:Contests/kr:Contest Id*: the kieskringen it is handed in for)
            Candidate+                          see eml.read.candidate.read_nominated_candidate
        Nominate/Proposer{2,}/                  the submitter (inleveraar) and deputies
            Name/xnl:PersonName, Contact/MailingAddress, JobTitle, Id?, kr:LivingAddress?

Refused: an election category without candidate lists (referendums) or one OSV does not support,
a subcategory of another category, a domain missing (or present for a national election), no
nomination date or one not before the election date, no candidates or more than the limits allow,
candidate numbers that do not increase, fewer than two proposers (or more than the limit), a
proposer role outside the four of the schema. Personal data is read (the centraal stembureau
checks it) and must never be published: see :class:`osv.model.NominatedCandidate`.

Whether the nomination belongs to the election definition is answered by
:func:`mismatch_with_definition`, as for the 230b.
"""

from __future__ import annotations

from lxml import etree

from eml import ns
from eml.documents import Eml210
from eml.read.candidate import (
    read_candidates,
    read_living_address,
    read_mailing_address,
    read_nominated_candidate,
    read_person_name,
)
from eml.read.common import Reader, read_header, read_identifier
from eml.read.definition_checks import SUBCATEGORIES, SUPPORTED_CATEGORIES, check_domain
from eml.read.eml230b import compared_identifier_fields, read_list_data
from eml.safe import Limits
from osv.model import (
    ContestRef,
    ElectionDefinition,
    ElectionIdentifier,
    ListType,
    NominatedList,
    Proposer,
    ProposerRole,
)

__all__ = ["from_root", "mismatch_with_definition"]

#: Proposers the schema requires: the submitter and at least one deputy (Kieswet H 5).
MIN_PROPOSERS = 2


def from_root(reader: Reader, root: etree._Element, limits: Limits) -> Eml210:
    """The nomination in the parsed 210 ``root``.

    :raises EmlContentError: see the module docstring for what is refused.
    """
    header = read_header(reader, root)
    if header.issue_date is None or header.creation_date_time is None:
        missing = "IssueDate" if header.issue_date is None else "kr:CreationDateTime"
        raise reader.error(
            root,
            f"the nomination has no {missing}: expected the moment the list was made, found none",
        )
    nomination = reader.child(root, ns.eml("Nomination"))
    identifier_element = reader.child(nomination, ns.eml("ElectionIdentifier"))
    identifier = read_identifier(reader, identifier_element)
    _check_identifier(reader, identifier_element, identifier)
    contest = reader.child(nomination, ns.eml("ContestIdentifier"))
    contest_id = (contest.get("Id") or "").strip()
    if not contest_id:
        raise reader.error(
            contest,
            "ContestIdentifier has no Id: expected geen, alle or a kieskring number, found none",
        )
    affiliation = reader.child(nomination, ns.eml("Affiliation"))
    nominate = reader.child(nomination, ns.eml("Nominate"))
    return Eml210(
        header=header,
        identifier=identifier,
        contest_id=contest_id,
        contest_name=reader.optional_text(contest.find(ns.eml("ContestName"))),
        candidate_list=_read_list(reader, affiliation, limits),
        proposers=_read_proposers(reader, nominate, limits),
    )


def mismatch_with_definition(nomination: Eml210, definition: ElectionDefinition) -> str | None:
    """Why the nomination is not for the election ``definition``, or ``None``.

    Compared as for the candidate lists (:func:`eml.read.eml230b.mismatch_with_definition`):
    election Id, category, subcategory, domain, election date and nomination date.
    """
    fields = compared_identifier_fields(nomination.identifier, definition.identifier)
    for what, found, expected in fields:
        if found is not None and found != expected:
            return (
                f"the nomination has {what} {found}, but the election definition has "
                f"{expected if expected is not None else 'none'}"
            )
    return None


def _check_identifier(
    reader: Reader, element: etree._Element, identifier: ElectionIdentifier
) -> None:
    """Category with candidate lists, matching subcategory and domain, dates in order."""
    category = identifier.category
    if category not in SUPPORTED_CATEGORIES:
        supported = ", ".join(member.value for member in SUPPORTED_CATEGORIES)
        raise reader.error(
            element,
            f"ElectionCategory {category.value} has no nominations OSV can read: expected an "
            f"election by list, one of {supported}",
        )
    subcategory = identifier.subcategory
    if subcategory is not None and subcategory not in SUBCATEGORIES[category]:
        allowed = ", ".join(member.value for member in SUBCATEGORIES[category])
        raise reader.error(
            element,
            f"kr:ElectionSubcategory does not belong to ElectionCategory {category.value}: "
            f"expected {allowed}, found {subcategory.value}",
        )
    check_domain(reader, element, identifier)
    if identifier.nomination_date is None:
        raise reader.error(
            element,
            "ElectionIdentifier has no kr:NominationDate: expected the day the list was handed "
            "in, found none",
        )
    if identifier.nomination_date >= identifier.election_date:
        raise reader.error(
            element,
            "kr:NominationDate must come before kr:ElectionDate "
            f"{identifier.election_date.isoformat()}: expected an earlier date, found "
            f"{identifier.nomination_date.isoformat()}",
        )


def _read_list(reader: Reader, element: etree._Element, limits: Limits) -> NominatedList:
    where = "the nominated list"
    identifier = reader.child(element, ns.eml("AffiliationIdentifier"))
    type_element = reader.child(element, ns.eml("Type"))
    list_data = element.find(ns.kr("ListData"))
    if list_data is None:
        raise reader.error(
            element,
            "the nominated list has no kr:ListData: expected one with PublishGender, found none",
        )
    data = read_list_data(reader, list_data, where)
    if data.publish_gender is None:
        raise reader.error(
            list_data,
            "kr:ListData of the nominated list has no PublishGender: expected true or false, "
            "found none",
        )
    candidates = read_candidates(
        reader, element, where=where, limits=limits, read_one=read_nominated_candidate
    )
    return NominatedList(
        name=(identifier.findtext(ns.eml("RegisteredName")) or "").strip(),
        type=reader.enum(type_element, ListType),
        publish_gender=data.publish_gender,
        publication_language=data.publication_language,
        belongs_to_set=data.belongs_to_set,
        belongs_to_combination=data.belongs_to_combination,
        contests=_read_contests(reader, list_data, limits),
        candidates=candidates,
    )


def _read_contests(
    reader: Reader, list_data: etree._Element, limits: Limits
) -> tuple[ContestRef, ...]:
    """``kr:Contests/kr:Contest``: the kieskringen the list is handed in for."""
    contests = list_data.find(ns.kr("Contests"))
    if contests is None:
        return ()
    elements = contests.findall(ns.kr("Contest"))
    if len(elements) > limits.max_lists:
        raise reader.error(
            contests,
            f"kr:Contests of the nominated list has too many contests: expected at most "
            f"{limits.max_lists:,}, found {len(elements):,}",
        )
    refs: list[ContestRef] = []
    for contest in elements:
        contest_id = (contest.get("Id") or "").strip()
        if not contest_id:
            raise reader.error(
                contest,
                "a kr:Contest of the nominated list has no Id: expected a kieskring number, "
                "found none",
            )
        refs.append(ContestRef(id=contest_id, name=reader.optional_text(contest)))
    return tuple(refs)


def _read_proposers(
    reader: Reader, nominate: etree._Element, limits: Limits
) -> tuple[Proposer, ...]:
    """``Nominate/Proposer``: the submitter and the deputies (at least two people).

    Their number is bounded like a list's candidates (:class:`~eml.safe.Limits`).
    """
    elements = nominate.findall(ns.eml("Proposer"))
    if len(elements) > limits.max_candidates_per_list:
        raise reader.error(
            nominate,
            f"Nominate has too many proposers: expected at most "
            f"{limits.max_candidates_per_list:,}, found {len(elements):,}",
        )
    if len(elements) < MIN_PROPOSERS:
        raise reader.error(
            nominate,
            "Nominate must name the submitter and at least one deputy: expected at least "
            f"{MIN_PROPOSERS} Proposer elements, found {len(elements)}",
        )
    proposers: list[Proposer] = []
    for index, element in enumerate(elements, start=1):
        label = f"proposer {index}"
        contact = element.find(ns.eml("Contact"))
        if contact is None:
            raise reader.error(
                element,
                f"{label} has no Contact: expected a mailing address, found none",
            )
        living = element.find(ns.kr("LivingAddress"))
        proposers.append(
            Proposer(
                name=read_person_name(reader, reader.child(element, ns.eml("Name")), label=label),
                mailing_address=read_mailing_address(reader, contact, label=label),
                role=reader.enum(reader.child(element, ns.eml("JobTitle")), ProposerRole),
                id=reader.optional_text(element.find(ns.eml("Id"))),
                living_address=(
                    read_living_address(reader, living, label=label) if living is not None else None
                ),
            )
        )
    return tuple(proposers)
