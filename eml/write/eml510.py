"""Writing EML 510 count files (510a/b/c/d), in the schema's exact order (eml-nl.md §6.4).

A ``ReportingUnitVotes`` is written as ``ReportingUnitIdentifier``, ``kr:ReportingUnitType``,
``kr:SharedLocation``, the selections (each list, then its candidates, with
``kr:InitialValidVotes`` before ``ValidVotes``), ``kr:InitialCast``, ``Cast``,
``kr:InitialTotalCounted``, ``TotalCounted``, ``kr:InitialRejectedVotes`` and ``RejectedVotes``
(``ongeldig`` then ``blanco``), ``kr:InitialUncountedVotes`` and ``UncountedVotes`` (in the order
of :class:`~osv.model.UncountedReason`), and ``kr:ReportingUnitInvestigations`` last. A
``TotalVotes`` holds the same vote group without the reporting-unit parts.

Two ways to the same bytes:

* :func:`to_tree` builds the whole document as one lxml tree; serialised with
  :func:`eml.write.common.to_bytes` it is the reference output.
* :func:`write_to` and :func:`to_bytes` stream: the document without its reporting units (the
  *skeleton*) is serialised with a marker comment where each contest's units go, and the units
  are serialised one at a time into the gaps, so only one unit's tree exists at any moment. A
  unit serialised on its own repeats the root's namespace declarations on its first tag; those
  are exactly the root's declarations and are removed. Tests check both ways give equal bytes.

Output is deterministic: UTF-8 with an XML declaration, 4-space indentation, the Kiesraad's
prefixes; the header has no ``IssueDate`` (the 510 schema has none).
"""

from __future__ import annotations

from functools import cache
from io import BytesIO
from typing import BinaryIO, Final

from lxml import etree

from eml import ns
from eml.documents import Eml510, MessageType
from eml.write.common import new_root, sub, write_contest, write_header, write_identifier
from eml.write.common import to_bytes as serialise
from osv.model import RejectedReason, ReportingUnitVotes, UncountedReason, VoteCounts

__all__ = ["to_bytes", "to_tree", "write_to"]

_SPACE: Final = "    "
_UNIT_LEVEL: Final = 5  # EML > Count > Election > Contests > Contest > ReportingUnitVotes
_MARKER: Final = "osv: reporting units"
_MARKER_BYTES: Final = f"<!--{_MARKER}-->".encode()


def to_tree(document: Eml510) -> etree._Element:
    """The whole document as one lxml tree (the root ``EML`` element), not yet indented."""
    return _build(document, with_units=True)


def to_bytes(document: Eml510) -> bytes:
    """The EML bytes of ``document``: equal to ``serialise(to_tree(document))``."""
    out = BytesIO()
    write_to(document, out)
    return out.getvalue()


def write_to(document: Eml510, out: BinaryIO) -> None:
    """Write the EML bytes of ``document`` to ``out``, one reporting unit at a time."""
    pieces = serialise(_build(document, with_units=False)).split(_MARKER_BYTES)
    with_units = [contest for contest in document.contests if contest.reporting_units]
    if len(pieces) != len(with_units) + 1:
        raise AssertionError("the skeleton has one marker per contest with reporting units")
    out.write(pieces[0])
    between = b"\n" + (_SPACE * _UNIT_LEVEL).encode()
    holder = etree.SubElement(new_root(document.message_type), ns.eml("Contest"))
    for contest, piece in zip(with_units, pieces[1:], strict=True):
        for index, unit in enumerate(contest.reporting_units):
            if index:
                out.write(between)
            out.write(_unit_bytes(holder, unit))
        out.write(piece)


def _build(document: Eml510, *, with_units: bool) -> etree._Element:
    root = new_root(document.message_type)
    write_header(root, document.header, with_issue_date=False)
    count = sub(root, ns.eml("Count"))
    if document.counting_method is not None:
        sub(count, ns.kr("CountingMethod"), None, {"MethodCode": document.counting_method.value})
    sub(count, ns.eml("EventIdentifier"))
    if document.phase is not None:
        sub(count, ns.kr("Phase"), None, {"PhaseCode": document.phase.value})
    election = sub(count, ns.eml("Election"))
    write_identifier(election, document.identifier, with_nomination_date=False)
    contests = sub(election, ns.eml("Contests"))
    for contest in document.contests:
        if contest.total is None and len(contest.reporting_units) != 1:
            raise ValueError(
                f"contest {contest.contest_id} has no total and {len(contest.reporting_units)} "
                "reporting units; the 510 schema requires a TotalVotes, or exactly one "
                "ReportingUnitVotes without one"
            )
        element = write_contest(contests, contest.contest_id, contest.contest_name)
        if contest.total is not None:
            _vote_group(sub(element, ns.eml("TotalVotes")), contest.total)
        if with_units:
            for unit in contest.reporting_units:
                _unit(element, unit)
        elif contest.reporting_units:
            element.append(etree.Comment(_MARKER))
    return root


def _unit_bytes(holder: etree._Element, unit: ReportingUnitVotes) -> bytes:
    """One ``ReportingUnitVotes`` as it appears inside the document, without a trailing newline."""
    element = _unit(holder, unit)
    etree.indent(element, space=_SPACE, level=_UNIT_LEVEL)
    data = etree.tostring(element, encoding="UTF-8", xml_declaration=False, with_tail=False)
    holder.remove(element)
    start = b"<ReportingUnitVotes" + _root_declarations()
    if not data.startswith(start):
        raise AssertionError("a serialised unit starts with the root's namespace declarations")
    return b"<ReportingUnitVotes" + data[len(start) :]


@cache
def _root_declarations() -> bytes:
    """The namespace declarations lxml repeats on an element serialised on its own."""
    probe = etree.SubElement(new_root(MessageType.COUNT_MUNICIPALITY), ns.eml("X"))
    return etree.tostring(probe)[len(b"<X") : -len(b"/>")]


def _unit(parent: etree._Element, unit: ReportingUnitVotes) -> etree._Element:
    element = sub(parent, ns.eml("ReportingUnitVotes"))
    sub(element, ns.eml("ReportingUnitIdentifier"), unit.name, {"Id": unit.id})
    if unit.type is not None:
        sub(element, ns.kr("ReportingUnitType"), unit.type.value)
    if unit.shared_location is not None:
        sub(element, ns.kr("SharedLocation"), "true" if unit.shared_location else "false")
    _vote_group(element, unit.votes)
    if unit.investigations:
        investigations = sub(element, ns.kr("ReportingUnitInvestigations"))
        for investigation in unit.investigations:
            sub(
                investigations,
                ns.kr("Investigation"),
                "true" if investigation.value else "false",
                {"ReasonCode": investigation.reason.value},
            )
    return element


def _vote_group(parent: etree._Element, counts: VoteCounts) -> None:
    """Selections, Cast, TotalCounted, RejectedVotes and UncountedVotes, in schema order."""
    selection_tag, valid_tag, initial_tag = (
        ns.eml("Selection"),
        ns.eml("ValidVotes"),
        ns.kr("InitialValidVotes"),
    )
    for list_votes in counts.lists:
        selection = sub(parent, selection_tag)
        affiliation = sub(
            selection, ns.eml("AffiliationIdentifier"), None, {"Id": str(list_votes.number)}
        )
        sub(affiliation, ns.eml("RegisteredName"), list_votes.name)
        if list_votes.initial_votes is not None:
            sub(selection, initial_tag, list_votes.initial_votes)
        sub(selection, valid_tag, list_votes.votes)
        for candidate in list_votes.candidates:
            selection = sub(parent, selection_tag)
            # As the Kiesraad writes them (its TK2023 510d): ``Id`` and ``ShortCode`` attributes.
            attributes = {"Id": str(candidate.number)} if candidate.number is not None else {}
            if candidate.short_code is not None:
                attributes["ShortCode"] = candidate.short_code
            sub(
                sub(selection, ns.eml("Candidate")),
                ns.eml("CandidateIdentifier"),
                None,
                attributes or None,
            )
            if candidate.initial_votes is not None:
                sub(selection, initial_tag, candidate.initial_votes)
            sub(selection, valid_tag, candidate.votes)
    if counts.initial_cast is not None:
        sub(parent, ns.kr("InitialCast"), counts.initial_cast)
    sub(parent, ns.eml("Cast"), counts.cast)
    if counts.initial_total_counted is not None:
        sub(parent, ns.kr("InitialTotalCounted"), counts.initial_total_counted)
    sub(parent, ns.eml("TotalCounted"), counts.total_counted)
    missing = [reason.value for reason in RejectedReason if reason not in counts.rejected]
    if missing:
        raise ValueError(
            f"the counts have no RejectedVotes {', '.join(missing)}; both are required"
        )
    for tag, values in (
        (ns.kr("InitialRejectedVotes"), counts.initial_rejected),
        (ns.eml("RejectedVotes"), counts.rejected),
    ):
        for rejected in RejectedReason:
            if rejected in values:
                sub(parent, tag, values[rejected], {"ReasonCode": rejected.value})
    for tag, uncounted_values in (
        (ns.kr("InitialUncountedVotes"), counts.initial_uncounted),
        (ns.eml("UncountedVotes"), counts.uncounted),
    ):
        for uncounted in UncountedReason:
            if uncounted in uncounted_values:
                sub(parent, tag, uncounted_values[uncounted], {"ReasonCode": uncounted.value})
