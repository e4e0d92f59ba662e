"""The JSON report of a computed result (``result.json``), documented in docs/result.md.

The same facts as the text report, for programs: exact values are given twice, as a fraction
``"num/den"`` (to compute with) and as the mixed fraction a person reads (``"726 3/17"``); list
and candidate numbers are integers; the calculation steps are the allocation's trace in the
form of docs/allocation.md.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from eml.hash import format_digest
from osv.service.result.formatting import lot_instructions, lot_option, mixed
from osv.service.result.model import ElectedPerson, ElectionResult
from osv.service.result.reports import ResultContext, coverage_heading
from osv.service.result.sources import SourceFile
from results.allocation.types import LotOutcome, LotRequired
from results.tally.findings import Finding

__all__ = [
    "REPORT_FORMAT",
    "coverage_json",
    "exact",
    "finding_json",
    "result_json",
    "source_json",
]

#: The version of the JSON shape; raised when a field changes meaning or disappears.
REPORT_FORMAT = 1


def exact(value: Fraction | None) -> dict[str, str] | None:
    """An exact value as ``{"fraction": "12345/17", "mixed": "726 3/17"}``."""
    if value is None:
        return None
    return {"fraction": f"{value.numerator}/{value.denominator}", "mixed": mixed(value)}


def source_json(source: SourceFile) -> dict[str, Any]:
    """A file read: name, EML type and SHA-256 (as printed: 16 groups of 4)."""
    return {
        "file": source.name,
        "type": source.message_type,
        "sha256": format_digest(source.digest),
        "schema_validated": source.validated,
    }


def coverage_json(context: ResultContext) -> dict[str, Any]:
    """Whether the counts cover every unit the definition names (docs/result.md)."""
    coverage = context.coverage
    return {
        "checked": coverage.checked,
        "complete": coverage.complete if coverage.checked else None,
        "missing": coverage.sentences(),
        "heading": coverage_heading(context)[0] if coverage_heading(context) else None,
    }


def finding_json(finding: Finding) -> dict[str, Any]:
    """A consistency finding of the counts."""
    return {
        "code": finding.code,
        "severity": finding.severity,
        "unit": finding.unit,
        "message": finding.message,
        "quantities": dict(finding.quantities),
        "list": finding.list_number,
        "candidate": finding.candidate,
    }


def _person(order: int, person: ElectedPerson, names_known: bool) -> dict[str, Any]:
    name = person.name
    return {
        "order": order,
        "candidate": person.candidate_number,
        "name": name.full if names_known else None,
        "name_parts": (
            {
                "initials": name.initials,
                "first_name": name.first_name,
                "prefix": name.prefix,
                "last_name": name.last_name,
            }
            if names_known
            else None
        ),
        "locality": person.locality,
        "country_code": person.country_code,
        "gender": person.gender,
        "votes": person.votes,
        "by": person.by,
        "ranking": 1 if person.by == "preference" else 2,
        "district": person.district,
        "short_code": person.short_code,
    }


def _lot(lot: LotOutcome) -> dict[str, Any]:
    return {
        "kind": lot.kind.value,
        "chosen": lot.chosen,
        "list": lot.list_number,
        "option": lot_option(lot.kind, lot.chosen, lot.list_number),
    }


def _lots_required(needed: LotRequired, used: tuple[LotOutcome, ...]) -> dict[str, Any]:
    candidate = needed.list_number if needed.kind.value == "candidate_preference" else None
    return {
        "kind": needed.kind.value,
        "article": needed.article,
        "options": list(needed.options),
        "seats": needed.seats,
        "list": needed.list_number,
        "seat_number": needed.seat_number,
        "tied_value": exact(needed.tied_value),
        "description": needed.description,
        "give_as": [lot_option(needed.kind, option, candidate) for option in needed.options],
        "instructions": lot_instructions(needed, used),
    }


def result_json(result: ElectionResult, context: ResultContext) -> dict[str, Any]:
    """The documented JSON form of ``result`` (docs/result.md, "result.json")."""
    identifier = result.identifier
    return {
        "format": REPORT_FORMAT,
        "election": {
            "id": identifier.id,
            "name": identifier.name,
            "category": identifier.category.value,
            "subcategory": identifier.subcategory.value if identifier.subcategory else None,
            "date": identifier.election_date.isoformat(),
            "seats": result.seats,
            "seats_from": context.seats_from,
        },
        "status": result.status,
        "draft": context.draft,
        "completeness": coverage_json(context),
        "files_read": [source_json(source) for source in context.files_read],
        "total_votes": result.total_votes,
        "quota": exact(result.quota),
        "preference_threshold": exact(result.preference_threshold),
        "lists": [
            {
                "number": outcome.number,
                "name": outcome.name,
                "votes": outcome.votes,
                "full_seats": outcome.full_seats,
                "seats": outcome.seats,
                "elected": [
                    _person(order, person, result.names_known)
                    for order, person in enumerate(outcome.elected, start=1)
                ],
                "ranking": list(outcome.ranking),
            }
            for outcome in result.lists
        ],
        "names_known": result.names_known,
        "unassigned": result.unassigned,
        "lots_used": [_lot(lot) for lot in result.lots_used],
        "lots_required": (
            _lots_required(result.lots_required, result.lots_used)
            if result.lots_required is not None
            else None
        ),
        "deceased": [{"list": lst, "candidate": c} for lst, c in result.deceased],
        "steps": list(result.steps),
        "warnings": list(result.warnings),
        "unresolved": list(result.unresolved),
        "findings": [finding_json(finding) for finding in result.findings],
        "notes": list(context.notes),
        "files_written": [
            {
                "file": written.path.name,
                "type": written.message_type,
                "sha256": format_digest(written.digest),
                "schema_validated": written.validated,
            }
            for written in context.written
        ],
    }
