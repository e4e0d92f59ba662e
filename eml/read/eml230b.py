"""Reading the candidate lists (EML 230b, Kandidatenlijsten), eml-nl.md §6.3.

After nomination day the centraal stembureau numbers the accepted lists and publishes them per
contest: the whole election (``geen``) or one kieskring (its number)::

    CandidateList/
        ListDate?
        Election/ElectionIdentifier
        Election/Contest*/
            ContestIdentifier Id (+ ContestName)
            Affiliation*/                               one list
                AffiliationIdentifier Id (list number) / RegisteredName (empty: blanco lijst)
                Type, kr:ListData (BelongsToSet, BelongsToCombination, PublicationLanguage,
                                   PublishGender)
                Candidate*                              see eml.read.candidate

Refused: a file without ``ManagingAuthority``, without contests, a contest without lists, a
list without candidates, list or candidate numbers that do not strictly increase, more lists or
candidates than the :class:`~eml.safe.Limits` allow, and (outside national elections) an
identifier without ``kr:ElectionDomain``. Personal data beyond name, gender and locality are
never read (:mod:`eml.read.candidate`).

Whether the lists belong to the election definition is a separate question, answered by
:func:`mismatch_with_definition` for the import service: the file is valid on its own.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from lxml import etree

from eml import ns
from eml.documents import Eml230b
from eml.read.candidate import read_candidate, read_candidates
from eml.read.common import Reader, read_header, read_identifier
from eml.safe import Limits
from osv.model import (
    NATIONAL_CATEGORIES,
    CandidateList,
    Contest,
    ElectionDefinition,
    ElectionIdentifier,
    ListType,
)
from osv.model.rules import election_dates_agree

__all__ = ["compared_identifier_fields", "from_root", "mismatch_with_definition", "read_list_data"]

_LANGUAGES = ("nl", "fy")
_BOOLEANS = {"true": True, "1": True, "false": False, "0": False}


def from_root(reader: Reader, root: etree._Element, limits: Limits) -> Eml230b:
    """The candidate lists in the parsed 230b ``root``.

    :raises EmlContentError: see the module docstring for what is refused.
    """
    header = read_header(reader, root)
    if header.managing_authority is None:
        raise reader.error(
            root,
            "the candidate lists have no ManagingAuthority: expected the authority that "
            "published them (the centraal stembureau), found none",
        )
    candidate_list = reader.child(root, ns.eml("CandidateList"))
    list_date_element = candidate_list.find(ns.eml("ListDate"))
    election = reader.child(candidate_list, ns.eml("Election"))
    identifier_element = reader.child(election, ns.eml("ElectionIdentifier"))
    identifier = read_identifier(reader, identifier_element)
    if identifier.category not in NATIONAL_CATEGORIES and identifier.domain is None:
        raise reader.error(
            identifier_element,
            f"ElectionIdentifier has no kr:ElectionDomain: a {identifier.category.value} "
            "election is held in a municipality, province or water board, expected its name, "
            "found none",
        )
    contest_elements = election.findall(ns.eml("Contest"))
    if not contest_elements:
        raise reader.error(
            election, "the candidate lists have no Contest: expected at least one, found none"
        )
    return Eml230b(
        header=header,
        identifier=identifier,
        list_date=(
            reader.date(list_date_element, "ListDate") if list_date_element is not None else None
        ),
        contests=tuple(_read_contest(reader, contest, limits) for contest in contest_elements),
    )


def mismatch_with_definition(
    candidate_lists: Eml230b, definition: ElectionDefinition
) -> str | None:
    """Why the candidate lists do not belong to the election ``definition``, or ``None``.

    Compared, in this order: election Id, category, subcategory, domain (by Id where both give
    one, otherwise by name), election date and nomination date. Subcategory, domain and
    nomination date are only compared where the 230b gives them (the schema makes them
    optional). Returns one sentence naming what differs.
    """
    ours, theirs = candidate_lists.identifier, definition.identifier
    for what, found, expected in compared_identifier_fields(ours, theirs):
        if found is not None and found != expected:
            return (
                f"the candidate lists have {what} {found}, but the election definition has "
                f"{expected if expected is not None else 'none'}"
            )
    return None


def compared_identifier_fields(
    ours: ElectionIdentifier, theirs: ElectionIdentifier
) -> list[tuple[str, str | None, str | None]]:
    """(what, value in the 230b, value in the 110a) for each compared field, in order."""
    domain_ours = domain_theirs = None
    if ours.domain is not None:
        by_id = bool(ours.domain.id and theirs.domain is not None and theirs.domain.id)
        domain_ours = ours.domain.id if by_id else ours.domain.name
        if theirs.domain is not None:
            domain_theirs = theirs.domain.id if by_id else theirs.domain.name
    return [
        ("election Id", ours.id, theirs.id),
        ("ElectionCategory", ours.category.value, theirs.category.value),
        ("kr:ElectionSubcategory", _text(ours.subcategory), _text(theirs.subcategory)),
        ("kr:ElectionDomain", domain_ours, domain_theirs),
        (
            "kr:ElectionDate",
            _date(ours.election_date, theirs.election_date),
            _text(theirs.election_date),
        ),
        ("kr:NominationDate", _text(ours.nomination_date), _text(theirs.nomination_date)),
    ]


def _date(ours: dt.date, theirs: dt.date) -> str:
    """The election date as compared: a date within the tolerance counts as the same
    (:func:`osv.model.rules.election_dates_agree`; the difference is a note, not a refusal)."""
    return (theirs if election_dates_agree(ours, theirs) else ours).isoformat()


def _text(value: object) -> str | None:
    return None if value is None else str(value)


def _read_contest(reader: Reader, element: etree._Element, limits: Limits) -> Contest:
    identifier = reader.child(element, ns.eml("ContestIdentifier"))
    contest_id = (identifier.get("Id") or "").strip()
    if not contest_id:
        raise reader.error(
            identifier,
            "ContestIdentifier has no Id: expected geen or a kieskring number, found none",
        )
    affiliations = element.findall(ns.eml("Affiliation"))
    if not affiliations:
        raise reader.error(
            element,
            f"contest {contest_id} has no lists: expected at least one Affiliation, found none",
        )
    if len(affiliations) > limits.max_lists:
        raise reader.error(
            element,
            f"contest {contest_id} has too many lists: expected at most {limits.max_lists:,}, "
            f"found {len(affiliations):,}",
        )
    lists: list[CandidateList] = []
    for affiliation in affiliations:
        candidate_list = _read_list(reader, affiliation, contest_id, limits)
        if lists and candidate_list.number <= lists[-1].number:
            raise reader.error(
                affiliation,
                f"list numbers in contest {contest_id} must increase: expected more than "
                f"{lists[-1].number}, found {candidate_list.number}",
            )
        lists.append(candidate_list)
    return Contest(
        id=contest_id,
        name=reader.optional_text(identifier.find(ns.eml("ContestName"))),
        lists=tuple(lists),
    )


def _read_list(
    reader: Reader, element: etree._Element, contest_id: str, limits: Limits
) -> CandidateList:
    identifier = reader.child(element, ns.eml("AffiliationIdentifier"))
    raw_number = (identifier.get("Id") or "").strip()
    if not raw_number:
        raise reader.error(
            identifier,
            f"an AffiliationIdentifier in contest {contest_id} has no Id: expected the list "
            "number, found none",
        )
    number = reader.integer(
        identifier, value=raw_number, minimum=1, what=f"a list number in contest {contest_id}"
    )
    where = f"list {number} in contest {contest_id}"
    type_element = element.find(ns.eml("Type"))
    list_data = element.find(ns.kr("ListData"))
    candidates = read_candidates(
        reader, element, where=where, limits=limits, read_one=read_candidate
    )
    data = read_list_data(reader, list_data, where)
    return CandidateList(
        number=number,
        name=(identifier.findtext(ns.eml("RegisteredName")) or "").strip(),
        type=reader.enum(type_element, ListType) if type_element is not None else None,
        belongs_to_set=data.belongs_to_set,
        belongs_to_combination=data.belongs_to_combination,
        publication_language=data.publication_language,
        publish_gender=data.publish_gender,
        candidates=candidates,
    )


class _ListData(NamedTuple):
    """The attributes of ``kr:ListData`` (each absent attribute is ``None``)."""

    belongs_to_set: int | None = None
    belongs_to_combination: str | None = None
    publication_language: str | None = None
    publish_gender: bool | None = None


def read_list_data(reader: Reader, element: etree._Element | None, where: str) -> _ListData:
    """The attributes of ``kr:ListData``: set, combination, language, whether to show gender."""
    if element is None:
        return _ListData()
    belongs_to_set = element.get("BelongsToSet")
    language = element.get("PublicationLanguage")
    if language is not None and language.strip() not in _LANGUAGES:
        raise reader.error(
            element,
            f"kr:ListData PublicationLanguage of {where} must be nl or fy, found {language!r}",
        )
    publish_gender = element.get("PublishGender")
    if publish_gender is not None and publish_gender.strip() not in _BOOLEANS:
        raise reader.error(
            element,
            f"kr:ListData PublishGender of {where} must be true or false, found {publish_gender!r}",
        )
    return _ListData(
        belongs_to_set=(
            reader.integer(
                element, value=belongs_to_set, minimum=1, what=f"BelongsToSet of {where}"
            )
            if belongs_to_set is not None
            else None
        ),
        belongs_to_combination=(element.get("BelongsToCombination") or "").strip() or None,
        publication_language=language.strip() if language is not None else None,
        publish_gender=(_BOOLEANS[publish_gender.strip()] if publish_gender is not None else None),
    )
