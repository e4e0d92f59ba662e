"""Helpers shared by the writers: the EML root, header, election identifier and serialisation.

Output is deterministic: the same document always gives the same bytes (4-space indentation,
UTF-8 with an XML declaration, the Kiesraad's namespace prefixes), so a file's hash is stable.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, cast

from lxml import etree

from eml import ns
from eml.documents import EmlHeader, MessageType
from osv.model import ElectionIdentifier

__all__ = [
    "format_datetime",
    "new_root",
    "sub",
    "to_bytes",
    "write_contest",
    "write_header",
    "write_identifier",
]


def new_root(
    message_type: MessageType | str, extra_ns: dict[str, str] | None = None
) -> etree._Element:
    """An empty ``<EML Id="…" SchemaVersion="5">`` root with OSV's namespace prefixes."""
    nsmap: dict[str | None, str] = dict(ns.NSMAP)
    if extra_ns:
        nsmap.update(extra_ns)
    root = etree.Element(ns.eml("EML"), nsmap=cast(Any, nsmap))  # lxml-stubs omit None keys
    root.set("Id", str(message_type))
    root.set("SchemaVersion", "5")
    return root


def sub(
    parent: etree._Element,
    tag: str,
    text: str | int | None = None,
    attributes: dict[str, str] | None = None,
) -> etree._Element:
    """Append a child ``tag`` (Clark name) with optional text and attributes."""
    element = etree.SubElement(parent, tag)
    if attributes:
        for key, value in attributes.items():
            element.set(key, value)
    if text is not None:
        element.text = str(text)
    return element


def format_datetime(value: dt.datetime) -> str:
    """``kr:CreationDateTime`` as the Kiesraad writes it: milliseconds, no time zone."""
    spec = "milliseconds" if value.microsecond % 1000 == 0 else "microseconds"
    return value.isoformat(timespec=spec)


def write_header(root: etree._Element, header: EmlHeader, *, with_issue_date: bool) -> None:
    """The header elements in the order the schemas require (eml-nl.md §4)."""
    sub(root, ns.eml("TransactionId"), header.transaction_id)
    if header.managing_authority is not None:
        authority = sub(root, ns.eml("ManagingAuthority"))
        sub(
            authority,
            ns.eml("AuthorityIdentifier"),
            header.managing_authority.name,
            {"Id": header.managing_authority.id},
        )
        sub(authority, ns.eml("AuthorityAddress"))
        created_by = header.created_by
        if created_by is not None:
            sub(authority, ns.kr("CreatedByAuthority"), created_by.name, {"Id": created_by.id})
    if with_issue_date and header.issue_date is not None:
        sub(root, ns.eml("IssueDate"), header.issue_date.isoformat())
    if header.schema_version is not None:
        sub(root, ns.kr("Schema"), attributes={"Version": header.schema_version})
    if header.creation_date_time is not None:
        sub(root, ns.kr("CreationDateTime"), format_datetime(header.creation_date_time))
    if header.canonicalization:
        sub(root, ns.ds("CanonicalizationMethod"), attributes={"Algorithm": ns.C14N_WITH_COMMENTS})


def write_identifier(
    parent: etree._Element, identifier: ElectionIdentifier, *, with_nomination_date: bool
) -> etree._Element:
    """An ``ElectionIdentifier`` element (nomination date only where the schema allows it)."""
    element = sub(parent, ns.eml("ElectionIdentifier"), attributes={"Id": identifier.id})
    if identifier.name is not None:
        sub(element, ns.eml("ElectionName"), identifier.name)
    sub(element, ns.eml("ElectionCategory"), identifier.category.value)
    if identifier.subcategory is not None:
        sub(element, ns.kr("ElectionSubcategory"), identifier.subcategory.value)
    if identifier.domain is not None:
        attributes = {"Id": identifier.domain.id} if identifier.domain.id is not None else None
        sub(element, ns.kr("ElectionDomain"), identifier.domain.name, attributes)
    sub(element, ns.kr("ElectionDate"), identifier.election_date.isoformat())
    if with_nomination_date and identifier.nomination_date is not None:
        sub(element, ns.kr("NominationDate"), identifier.nomination_date.isoformat())
    return element


def write_contest(parent: etree._Element, contest_id: str, name: str | None) -> etree._Element:
    """A ``Contest`` with its ``ContestIdentifier`` (and ``ContestName`` when given)."""
    contest = sub(parent, ns.eml("Contest"))
    identifier = sub(contest, ns.eml("ContestIdentifier"), attributes={"Id": contest_id})
    if name is not None:
        sub(identifier, ns.eml("ContestName"), name)
    return contest


def to_bytes(root: etree._Element, *, indent: bool = True) -> bytes:
    """Serialise: UTF-8 with declaration, indented with 4 spaces, final newline.

    ``indent=False`` writes everything on one line, without whitespace between elements, as
    the Kiesraad's software does: then the C14N form equals that of the Kiesraad's file.
    """
    if not indent:
        return etree.tostring(root.getroottree(), xml_declaration=True, encoding="UTF-8")
    etree.indent(root, space="    ")
    return etree.tostring(
        root.getroottree(), xml_declaration=True, encoding="UTF-8", pretty_print=True
    )
