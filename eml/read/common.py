"""Helpers shared by the readers: typed values with messages that locate the problem.

A :class:`Reader` knows the file it reads, so every problem becomes one sentence naming the
file, the line and the element: "Telling.eml.xml, line 12: ValidVotes of list 3 is '-5'; a count
must be a whole number from 0 to 999,999,999".
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import TypeVar

from lxml import etree

from eml import ns
from eml.documents import Authority, EmlHeader
from eml.errors import EmlContentError
from eml.safe import line_of, local_name
from osv.model import (
    MAX_COUNT,
    ElectionCategory,
    ElectionDomain,
    ElectionIdentifier,
    ElectionSubcategory,
)

__all__ = ["Reader", "read_header", "read_identifier"]

E = TypeVar("E", bound=StrEnum)


class Reader:
    """Typed access to elements of one file; every failure names the file and the line.

    :attr:`notes` collects the deviations the reader accepted: forms the law does not prescribe
    that the Kiesraad's own files write differently from what OSV would expect (docs/eml.md,
    "What OSV refuses and what it notes"). They are shown, never silently dropped.
    """

    def __init__(self, source: str) -> None:
        self.source = source
        self.notes: list[str] = []

    def note(self, element: etree._Element | None, text: str) -> None:
        """Record an accepted deviation at ``element`` (with its line when known)."""
        line = line_of(element)
        self.notes.append(f"line {line}: {text}" if line else text)

    def error(self, element: etree._Element | None, problem: str) -> EmlContentError:
        """An error about ``element`` (its line is added when known)."""
        return EmlContentError(problem, self.source, line_of(element))

    def child(self, parent: etree._Element, tag: str) -> etree._Element:
        """The first child ``tag`` (Clark name) of ``parent``; raise when it is missing."""
        found = parent.find(tag)
        if found is None:
            raise self.error(parent, f"{local_name(parent)} has no {_local(tag)} element")
        return found

    def optional(self, parent: etree._Element, tag: str) -> etree._Element | None:
        """The first child ``tag`` of ``parent``, or ``None``."""
        return parent.find(tag)

    def text(self, element: etree._Element, *, what: str | None = None) -> str:
        """The element's text, stripped; raise when it is empty."""
        value = (element.text or "").strip()
        if not value:
            raise self.error(element, f"{what or local_name(element)} is empty")
        return value

    def optional_text(self, element: etree._Element | None) -> str | None:
        """The element's stripped text, or ``None`` when the element is absent or empty."""
        if element is None:
            return None
        value = (element.text or "").strip()
        return value or None

    def integer(
        self,
        element: etree._Element,
        *,
        what: str | None = None,
        minimum: int = 0,
        maximum: int = MAX_COUNT,
        value: str | None = None,
    ) -> int:
        """A whole number from ``minimum`` to ``maximum`` (text of ``element`` or ``value``)."""
        raw = (element.text or "") if value is None else value
        raw = raw.strip()
        label = what or local_name(element)
        if not raw or not (raw.isascii() and raw.lstrip("+-").isdigit()):
            raise self.error(element, f"{label} is {raw!r}, which is not a whole number")
        number = int(raw)
        if number < minimum or number > maximum:
            raise self.error(
                element,
                f"{label} is {raw}; it must be a whole number from {minimum:,} to {maximum:,}",
            )
        return number

    def count(self, element: etree._Element, what: str) -> int:
        """A count (votes, voters, ballots): a whole number from 0 to 999,999,999."""
        return self.integer(element, what=what)

    def date(self, element: etree._Element, what: str | None = None) -> dt.date:
        """An ``xs:date`` (YYYY-MM-DD)."""
        raw = self.text(element, what=what)
        try:
            return dt.date.fromisoformat(raw)
        except ValueError:
            label = what or local_name(element)
            raise self.error(element, f"{label} is {raw!r}, not a date (YYYY-MM-DD)") from None

    def datetime(self, element: etree._Element) -> dt.datetime:
        """An ``xs:dateTime`` as the Kiesraad writes it (no time zone, optional fraction)."""
        raw = self.text(element)
        try:
            return dt.datetime.fromisoformat(raw)
        except ValueError:
            raise self.error(
                element, f"{local_name(element)} is {raw!r}, not a date and time"
            ) from None

    def boolean(self, element: etree._Element, raw: str | None = None) -> bool:
        """An ``xs:boolean`` (``true``/``false``/``1``/``0``)."""
        value = ((element.text or "") if raw is None else raw).strip()
        if value in ("true", "1"):
            return True
        if value in ("false", "0"):
            return False
        raise self.error(element, f"{local_name(element)} is {value!r}, not true or false")

    def enum(self, element: etree._Element, kind: type[E], raw: str | None = None) -> E:
        """A value of the enumeration ``kind``; the message lists what is allowed."""
        value = ((element.text or "") if raw is None else raw).strip()
        try:
            return kind(value)
        except ValueError:
            allowed = ", ".join(member.value for member in kind)
            raise self.error(
                element, f"{local_name(element)} is {value!r}; expected one of: {allowed}"
            ) from None


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


def read_header(reader: Reader, root: etree._Element) -> EmlHeader:
    """The header elements of any EML message (eml-nl.md §4)."""
    transaction = reader.optional_text(root.find(ns.eml("TransactionId"))) or "1"
    authority: Authority | None = None
    created_by: Authority | None = None
    authority_element = root.find(ns.eml("ManagingAuthority"))
    if authority_element is not None:
        identifier = reader.child(authority_element, ns.eml("AuthorityIdentifier"))
        authority_id = (identifier.get("Id") or "").strip()
        if not authority_id:
            raise reader.error(identifier, "AuthorityIdentifier has no Id")
        authority = Authority(id=authority_id, name=reader.optional_text(identifier))
        created_element = authority_element.find(ns.kr("CreatedByAuthority"))
        if created_element is not None:
            created_id = (created_element.get("Id") or "").strip()
            if not created_id:
                raise reader.error(created_element, "kr:CreatedByAuthority has no Id")
            created_by = Authority(id=created_id, name=reader.optional_text(created_element))
    issue = root.find(ns.eml("IssueDate"))
    created = root.find(ns.kr("CreationDateTime"))
    schema = root.find(ns.kr("Schema"))
    return EmlHeader(
        transaction_id=transaction,
        managing_authority=authority,
        created_by=created_by,
        issue_date=reader.date(issue) if issue is not None else None,
        creation_date_time=reader.datetime(created) if created is not None else None,
        canonicalization=root.find(ns.ds("CanonicalizationMethod")) is not None,
        schema_version=schema.get("Version") if schema is not None else None,
    )


def read_identifier(reader: Reader, element: etree._Element) -> ElectionIdentifier:
    """An ``ElectionIdentifier`` with category, subcategory, domain and dates."""
    election_id = (element.get("Id") or "").strip()
    if not election_id:
        raise reader.error(element, "ElectionIdentifier has no Id")
    category = reader.enum(reader.child(element, ns.eml("ElectionCategory")), ElectionCategory)
    subcategory_element = element.find(ns.kr("ElectionSubcategory"))
    domain_element = element.find(ns.kr("ElectionDomain"))
    domain = None
    if domain_element is not None:
        domain = ElectionDomain(
            id=(domain_element.get("Id") or "").strip() or None,
            name=(domain_element.text or "").strip(),
        )
    nomination = element.find(ns.kr("NominationDate"))
    try:
        return ElectionIdentifier(
            id=election_id,
            name=reader.optional_text(element.find(ns.eml("ElectionName"))),
            category=category,
            subcategory=(
                reader.enum(subcategory_element, ElectionSubcategory)
                if subcategory_element is not None
                else None
            ),
            domain=domain,
            election_date=reader.date(reader.child(element, ns.kr("ElectionDate")), "ElectionDate"),
            nomination_date=(
                reader.date(nomination, "NominationDate") if nomination is not None else None
            ),
        )
    except ValueError as error:  # pydantic: the Id does not match the Kiesraad's pattern
        if "pattern" in str(error):
            raise reader.error(
                element,
                f"ElectionIdentifier Id {election_id!r} is not an election identifier "
                "such as GR2022_Ameland or TK2025",
            ) from None
        raise
