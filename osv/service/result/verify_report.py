"""The report of ``osv verify``: readable text, or JSON (documented in docs/result.md).

The text report is built to be pasted into an article or an audit note as it is:

* a heading with the election, the files used with their integrity hashes (so a reader can
  check they hold the same files), and where the number of seats came from;
* per check a line with ✓ (matches), ✗ (differs) or – (not compared, with the reason), and
  the numbers side by side: published | recomputed;
* the consistency findings of the counts, with the reminder that they describe the counts and do
  not by themselves make the verification fail;
* one verdict line.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from typing import Any

from eml.hash import format_digest
from osv.service.formats.text_table import plain_table
from osv.service.result.formatting import finding_line, lot_instructions, lot_option
from osv.service.result.report_json import REPORT_FORMAT, finding_json, source_json
from osv.service.result.reports import coverage_lines
from osv.service.result.verify import Verification, lot_description
from osv.service.result.verify_checks import Comparison, VerifyCheck

__all__ = ["FINDINGS_NOTE", "verdict_text", "verification_json", "verification_text"]

#: Why the findings are reported but do not decide the verdict.
FINDINGS_NOTE = (
    "these describe the published counts, not the result; they are reported for the reader "
    "and do not by themselves make the verification fail"
)

_MARK = {"match": "✓", "differs": "✗", "not_compared": "–"}
#: With more published totals than this, the votes table shows only the rows that differ.
_FULL_TABLE_SOURCES = 3


def _value(value: str | int | None) -> str:
    if value is None:
        return "(none)"
    return f"{value:,}" if isinstance(value, int) else value


def verdict_text(verification: Verification) -> str:
    """The one-line verdict: what was compared and whether it matches."""
    identifier = verification.result.identifier.id
    verdict = verification.verdict
    if verdict == "differs":
        differences = [d for check in verification.checks for d in check.differences]
        first = "; ".join(_difference(d) for d in differences[:3])
        more = f"; and {len(differences) - 3} more" if len(differences) > 3 else ""
        return (
            f"NOT VERIFIED: {len(differences)} difference(s) between the published files of "
            f"{identifier} and the recomputation: {first}{more}."
        )
    if verdict == "lots_required":
        return (
            f"NOT DECIDED: recomputing {identifier} needs the outcome of a drawing of lots; "
            "give it with --lot as the report above says (from the CSB's report, P 22)."
        )
    if verdict == "not_computed":
        return (
            f"NOT DECIDED: the result of {identifier} could not be recomputed "
            f"({verification.result.status})."
        )
    compared = [check for check in verification.checks if check.status == "match"]
    what = ", ".join(check.title.lower() for check in compared)
    names = "" if verification.names_compared else " (names not compared: no 230b)"
    missing = [check.title.lower() for check in verification.checks if not check.compared]
    gap = f"; not compared: {', '.join(missing)}" if missing else ""
    return (
        f"VERIFIED: {identifier}: {what}{names} match the recomputation{gap}{_lots(verification)}."
    )


def _lots(verification: Verification) -> str:
    """What the verdict owes to a drawing of lots, when the recomputation needed one."""
    matching = verification.matching
    if not matching:
        return ""
    if len(matching) == 1:
        drawn = "; ".join(lot_description(lot) for lot in matching[0].lots)
        return (
            f", with lot outcome {drawn} (one of {len(verification.alternatives)} lawful "
            "outcomes; confirm it from the CSB's process-verbaal, P 22)"
        )
    return (
        f", as {len(matching)} of its {len(verification.alternatives)} lawful lot outcomes "
        "do (the folder cannot tell which was drawn; see the notes)"
    )


def _difference(item: Comparison) -> str:
    return (
        f"{item.subject}: published {_value(item.published)}, recomputed {_value(item.recomputed)}"
    )


def verification_text(verification: Verification) -> str:
    """The whole readable report."""
    identifier = verification.result.identifier
    title = f"Verification of {identifier.name or identifier.id} ({identifier.id})"
    lines = [title, "=" * len(title), "", *coverage_lines(verification.coverage)]
    lines += ["Files used", "----------"]
    for source in verification.files:
        lines.append(f"{source.message_type:4}  {source.name}")
        lines.append(f"      SHA-256 {format_digest(source.digest)}")
    lines += ["", f"Seats: {verification.result.seats} (from {verification.seats_from})", ""]
    result = verification.result
    if result.status == "lots_required" and result.lots_required is not None:
        lines += lot_instructions(result.lots_required, result.lots_used)
        lines.append("")
    for check in verification.checks:
        lines += _check_lines(check)
    lines += ["Consistency findings of the counts", "-" * 34]
    lines += textwrap.wrap(f"({FINDINGS_NOTE})", width=98)
    if verification.findings:
        lines += [f"- {finding_line(f)}" for f in verification.findings]
    else:
        lines.append("No inconsistencies found.")
    lines.append("")
    if verification.notes:
        lines += ["Notes", "-----"]
        for note in verification.notes:
            lines += textwrap.wrap(note, width=98, initial_indent="- ", subsequent_indent="  ")
        lines.append("")
    differences = [d for check in verification.checks for d in check.differences]
    if differences:
        lines += [f"Differences ({len(differences)})", "-" * 15]
        lines += [f"- {_difference(d)} (in {d.source})" for d in differences]
        lines.append("")
    lines.append(verdict_text(verification))
    return "\n".join(lines) + "\n"


def _check_lines(check: VerifyCheck) -> list[str]:
    differ = len(check.differences)
    summary = {
        "match": f"all {len(check.items)} comparisons match",
        "differs": f"{differ} of {len(check.items)} comparisons differ",
        "not_compared": "not compared",
    }[check.status]
    lines = [f"{_MARK[check.status]} {check.title}: {summary}"]
    for note in check.notes:
        lines += textwrap.wrap(f"({note})", width=98, initial_indent="  ", subsequent_indent="   ")
    if check.items:
        lines += [f"  {line}" for line in _table(check)]
    return [*lines, ""]


def _table(check: VerifyCheck) -> list[str]:
    items: Sequence[Comparison] = check.items
    sources = {item.source for item in items}
    if check.name == "votes" and len(sources) > _FULL_TABLE_SOURCES:
        items = check.differences
        if not items:
            return [f"(every list in the {len(sources)} published totals matches)"]
    if check.name == "elected":
        return _elected_table(items)
    rows = []
    for item in items:
        source = item.source if len(sources) > 1 else ""
        row = [item.subject, _value(item.published), _value(item.recomputed), _mark(item)]
        rows.append([*row, source] if len(sources) > 1 else row)
    headers = ["", "Published", "Recomputed", ""]
    if len(sources) > 1:
        headers.append("Where")
    else:
        rows_source = next(iter(sources))
        return [f"published in {rows_source}:", *plain_table(headers, rows, numeric=(1, 2))]
    return plain_table(headers, rows, numeric=(1, 2))


def _elected_table(items: Sequence[Comparison]) -> list[str]:
    """Per list, one row per elected candidate in the order of election."""
    lines: list[str] = []
    by_list: dict[int | None, list[Comparison]] = {}
    for item in items:
        by_list.setdefault(item.list_number, []).append(item)
    for group in by_list.values():
        lines.append(group[0].subject.rsplit(", elected", 1)[0])
        rows = [
            [
                position,
                _value(item.published),
                _value(item.recomputed),
                _mark(item),
                item.detail or "",
            ]
            for position, item in enumerate(group, start=1)
        ]
        headers = ["#", "Published (520)", "Recomputed", "", "Recomputed candidate"]
        lines += [f"  {line}" for line in plain_table(headers, rows, numeric=(0,))]
    return lines


def _mark(item: Comparison) -> str:
    return "✓" if item.matches else "✗"


def _item_json(item: Comparison) -> dict[str, Any]:
    return {
        "subject": item.subject,
        "list": item.list_number,
        "candidate": item.candidate,
        "published": item.published,
        "recomputed": item.recomputed,
        "matches": item.matches,
        "source": item.source,
        "detail": item.detail,
    }


def verification_json(verification: Verification) -> dict[str, Any]:
    """The comparison as JSON (docs/result.md, "osv verify --json")."""
    result = verification.result
    identifier = result.identifier
    lots = None
    if result.lots_required is not None:
        lots = lot_instructions(result.lots_required, result.lots_used)
    return {
        "format": REPORT_FORMAT,
        "election": {
            "id": identifier.id,
            "name": identifier.name,
            "category": identifier.category.value,
            "subcategory": identifier.subcategory.value if identifier.subcategory else None,
            "date": identifier.election_date.isoformat(),
        },
        "seats": {"number": result.seats, "from": verification.seats_from},
        "files": [source_json(source) for source in verification.files],
        "verdict": verification.verdict,
        "verdict_text": verdict_text(verification),
        "names_compared": verification.names_compared,
        "checks": [
            {
                "check": check.name,
                "title": check.title,
                "status": check.status,
                "notes": list(check.notes),
                "items": [_item_json(item) for item in check.items],
            }
            for check in verification.checks
        ],
        "recomputed_status": result.status,
        "lots_required": lots,
        "completeness": {
            "checked": verification.coverage.checked,
            "complete": verification.coverage.complete if verification.coverage.checked else None,
            "missing": verification.coverage.sentences(),
        },
        "lot_alternatives": [
            {
                "lots": [lot_option(lot.kind, lot.chosen, lot.list_number) for lot in a.lots],
                "matches": a.matches,
                "differences": a.differences,
            }
            for a in verification.alternatives
        ],
        "findings": [finding_json(finding) for finding in verification.findings],
        "findings_note": FINDINGS_NOTE,
        "notes": list(verification.notes),
    }
