"""The plain-text report of a computed result (``result.txt``).

The report is meant to be read next to the process-verbaal P 22-2 by the central polling
station, by journalists and by auditors, so it shows every number the result rests on, exactly:

1. the election, the files read with their integrity hashes, and where the number of seats
   came from;
2. votes and seats per list; the quota (kiesdeler, P 5) and preference threshold (P 15) as
   mixed fractions;
3. the calculation: the full seats (P 6) with each list's remainder, a table with one row per
   residual seat and the value of every competing list (P 7, P 8), then the absolute majority
   (P 9), list exhaustion (P 10) and the lots drawn (P 14);
4. the elected candidates per list in the order of election, with how they were elected;
5. the consistency findings of the counts, notes, and the files written with their hashes.

When a lot is needed, the report says so at the top and gives the exact ``--lot`` options.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from eml.hash import format_digest
from osv.service.formats.text_table import plain_table
from osv.service.result.coverage import NO_DEFINITION, UNCHECKED, Coverage
from osv.service.result.eml_out import WrittenFile
from osv.service.result.formatting import (
    finding_line,
    lot_instructions,
    lot_text,
    mixed,
)
from osv.service.result.model import ElectedPerson, ElectionResult, ListOutcome
from osv.service.result.sources import SourceFile
from results.tally.findings import Finding

__all__ = [
    "DRAFT",
    "DRAFT_INCOMPLETE",
    "EXCLUSION_REASONS",
    "ResultContext",
    "coverage_heading",
    "coverage_lines",
    "person_label",
    "result_text",
]

#: The heading of a draft, in the language of the paper (it may be printed and shown).
DRAFT = "CONCEPT"
#: The heading of a draft computed from counts that are incomplete or could not be checked.
DRAFT_INCOMPLETE = "CONCEPT – onvolledig"

#: Why a list could not compete for a residual seat, in words.
EXCLUSION_REASONS = {
    "below_threshold": "too few votes to compete for a residual seat (P 8(2) or P 7(2))",
    "exhausted": "no candidates left to take a seat (P 10)",
    "no_votes": "no votes",
    "has_lr_seat": "already has a largest-remainder seat (P 8(1))",
    "has_uha_seat": "already has a residual seat by highest averages (P 8(3))",
}

_METHODS = {
    "largest_remainders": "largest remainder",
    "unique_highest_averages": "highest average, 1 per list",
    "highest_averages": "highest average",
}


@dataclass(frozen=True)
class ResultContext:
    """What a report says besides the result: the files and where the seats came from.

    :param files_read: every file the result was computed from, with its hash.
    :param seats_from: where the number of seats came from, in words.
    :param notes: sentences about files not used, names unknown, files not written.
    :param written: the EML files written, with their hashes.
    :param coverage: whether the counts cover every unit the election definition names.
    :param draft: ``True`` for ``--draft``: a draft, never an EML file or a PDF.
    """

    files_read: tuple[SourceFile, ...]
    seats_from: str
    notes: tuple[str, ...] = ()
    written: tuple[WrittenFile, ...] = ()
    coverage: Coverage = UNCHECKED
    draft: bool = False


def coverage_heading(context: ResultContext) -> list[str]:
    """The lines at the very top of a report about a draft and about the counts' coverage."""
    lines: list[str] = []
    coverage = context.coverage
    if context.draft:
        incomplete = not coverage.checked or not coverage.complete
        lines += [
            DRAFT_INCOMPLETE if incomplete else DRAFT,
            "This is a draft (--draft): no EML file and no process-verbaal were written.",
        ]
        if coverage.checked and not coverage.complete:
            lines.append(f"The counts are incomplete: {coverage.summary()}:")
            lines += [f"  {sentence}" for sentence in coverage.sentences()]
        lines.append("")
    return lines + coverage_lines(coverage)


def coverage_lines(coverage: Coverage) -> list[str]:
    """Whether the counts cover what the definition names: loud when it could not be checked."""
    if not coverage.checked:
        return [*textwrap.wrap(coverage.why or NO_DEFINITION, width=98), ""]
    if coverage.complete:
        return [*(f"Complete: {sentence}." for sentence in coverage.confirmations()), ""]
    return []


def person_label(person: ElectedPerson, names_known: bool) -> str:
    """A person as the report names them: ``"R.A.N. Reuvers (Rob), Beneden-Leeuwen"``."""
    if not names_known:
        return f"candidate {person.candidate_number} (name unknown: no 230b)"
    place = person.locality or person.country_code
    return f"{person.name.full}, {place}" if place else person.name.full


def result_text(result: ElectionResult, context: ResultContext) -> str:
    """The whole plain-text report of ``result``."""
    identifier = result.identifier
    title = f"Result of {identifier.name or identifier.id} ({identifier.id})"
    lines = [title, "=" * len(title), ""]
    lines += coverage_heading(context)
    if result.status == "lots_required" and result.lots_required is not None:
        lines += ["NOT FINISHED: a drawing of lots is needed.", ""]
        lines += lot_instructions(result.lots_required, result.lots_used)
        lines += ["", "No EML file was written; below is everything computed so far.", ""]
    elif result.status != "complete":
        lines += [f"NOT FINISHED: status {result.status}.", *result.unresolved, ""]
    lines += _files_section(context)
    subcategory = f" ({identifier.subcategory.value})" if identifier.subcategory else ""
    lines += [
        f"Election:        {identifier.category.value}{subcategory}, "
        f"{identifier.election_date.isoformat()}",
        f"Seats:           {result.seats} (from {context.seats_from})",
        f"Valid votes:     {result.total_votes:,} (the sum of the lists' votes)",
    ]
    if result.quota is not None:
        lines.append(f"Quota (P 5):     {mixed(result.quota)} (kiesdeler: votes / seats)")
    if result.preference_threshold is not None and result.quota:
        percent = result.preference_threshold * 100 / result.quota
        lines.append(
            f"Preference threshold (P 15): {mixed(result.preference_threshold)} "
            f"({mixed(percent)} % of the quota)"
        )
    lines += ["", *_seats_section(result), ""]
    lines += _calculation_section(result)
    lines += _elected_section(result)
    lines += _findings_section(result.findings)
    if result.warnings:
        lines += ["Warnings", "--------", *result.warnings, ""]
    if context.notes:
        lines += ["Notes", "-----"]
        for note in context.notes:
            lines += textwrap.wrap(note, width=98, initial_indent="- ", subsequent_indent="  ")
        lines.append("")
    if context.written:
        lines += ["Files written", "-------------"]
        for written in context.written:
            check = "valid against the official schema" if written.validated else "not validated"
            lines.append(f"{written.message_type:4}  {written.path.name}  ({check})")
            lines.append(f"      SHA-256 {format_digest(written.digest)}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _files_section(context: ResultContext) -> list[str]:
    lines = ["Files read", "----------"]
    for source in context.files_read:
        lines.append(f"{source.message_type:4}  {source.name}")
        lines.append(f"      SHA-256 {format_digest(source.digest)}")
    return [*lines, ""]


def _seats_section(result: ElectionResult) -> list[str]:
    rows: list[list[object]] = [
        [
            outcome.number,
            outcome.name,
            f"{outcome.votes:,}",
            outcome.full_seats,
            outcome.seats - outcome.full_seats,
            outcome.seats,
        ]
        for outcome in result.lists
    ]
    full = sum(outcome.full_seats for outcome in result.lists)
    seats = sum(outcome.seats for outcome in result.lists)
    rows.append(["", "Total", f"{result.total_votes:,}", full, seats - full, seats])
    headers = ["List", "Name", "Votes", "Full seats", "Other seats", "Seats"]
    lines = ["Votes and seats", "---------------"]
    lines += plain_table(headers, rows, numeric=(0, 2, 3, 4, 5))
    lines.append("(Other seats: residual seats, and changes by P 9 and P 10.)")
    if result.unassigned:
        lines.append(f"{result.unassigned} seat(s) could not be assigned: every list is exhausted.")
    return lines


def _steps(result: ElectionResult, kind: str) -> list[dict[str, Any]]:
    return [step for step in result.steps if step.get("step") == kind]


def _calculation_section(result: ElectionResult) -> list[str]:
    lines = ["Calculation", "-----------"]
    full = _steps(result, "full_seats")
    if full:
        lines.append("Full seats (P 6): votes divided by the quota, rounded down.")
        rows = [
            [s["list_number"], f"{s['votes']:,}", s["full_seats"], mixed(s["remainder"])]
            for s in full
        ]
        lines += plain_table(["List", "Votes", "Full seats", "Remainder"], rows, numeric=(0, 1, 2))
        lines.append("")
    lines += _residual_table(_steps(result, "residual_seat"))
    for step in _steps(result, "absolute_majority"):
        lot = f", chosen by lot ({_lot_text_of(step['lot'])})" if step.get("lot") else ""
        lines.append(
            f"Absolute majority (P 9): list {step['list_number']} has more than half of the "
            f"votes but not more than half of the seats; it gets one seat more, taken from list "
            f"{step['taken_from']}{lot}."
        )
    for step in _steps(result, "exhaustion"):
        lines.append(
            f"List exhaustion (P 10): list {step['list_number']} has {step['available']} "
            f"candidate(s) who can take a seat; {step['seats_removed']} seat(s) go to other lists."
        )
    for step in _steps(result, "unassigned"):
        lines.append(f"Unassigned (P 10): {step['seats']} seat(s) could not be given to any list.")
    if not _steps(result, "absolute_majority"):
        lines.append("Absolute majority (P 9): did not apply.")
    if not _steps(result, "exhaustion"):
        lines.append("List exhaustion (P 10): did not apply.")
    if result.lots_used:
        lines.append("Lots drawn (P 14), in order:")
        lines += [f"    {lot_text(lot)}" for lot in result.lots_used]
    else:
        lines.append("Lots drawn (P 14): none.")
    if result.deceased:
        listed = ", ".join(f"list {lst} candidate {c}" for lst, c in result.deceased)
        lines.append(f"Deceased candidates (P 19a), their votes count for the list: {listed}.")
    known = {"quota", "full_seats", "residual_seat", "absolute_majority", "exhaustion"}
    known |= {"unassigned", "candidate"}
    for step in result.steps:
        if step.get("step") not in known:
            details = ", ".join(f"{k} {v}" for k, v in step.items() if k != "step")
            lines.append(f"{step.get('step')}: {details}")
    return [*lines, ""]


def _lot_text_of(lot: dict[str, Any]) -> str:
    """A lot outcome from the trace (plain form) in words."""
    where = f" of list {lot['list_number']}" if lot.get("list_number") is not None else ""
    return f"{lot['kind']}: {lot['chosen']}{where} drawn"


def _residual_table(steps: Sequence[dict[str, Any]]) -> list[str]:
    """One row per residual seat: the method, every competing list's value, who got it."""
    if not steps:
        return ["Residual seats (P 7, P 8): none; the full seats fill every seat.", ""]
    lists: set[int] = set()
    for step in steps:
        lists.update(int(key) for key in step["values"])
    columns = sorted(lists)
    rows: list[list[object]] = []
    excluded: dict[tuple[int, str], list[int]] = {}
    for step in steps:
        values = {int(k): v for k, v in step["values"].items()}
        for number, reason in _excluded(step):
            excluded.setdefault((number, reason), []).append(step["seat_number"])
        winners = ", ".join(str(w) for w in step["winners"])
        extra = " (by lot)" if step.get("lot") else ""
        extra += " (P 10 reassignment)" if step.get("reassignment") else ""
        rows.append(
            [
                step["seat_number"],
                _METHODS.get(step["method"], step["method"]),
                step.get("article", ""),
                *(mixed(values[c]) if c in values else "-" for c in columns),
                f"list {winners}{extra}",
            ]
        )
    headers = ["Seat", "Method", "Article", *(f"List {c}" for c in columns), "Given to"]
    numeric = tuple(range(3, 3 + len(columns)))
    lines = ["Residual seats: the value of each competing list (- = not competing)."]
    lines += plain_table(headers, rows, numeric=(0, *numeric))
    for (number, reason), seats in sorted(excluded.items()):
        lines.append(
            f"  list {number} did not compete for seat(s) {_ranges(seats)}: "
            f"{EXCLUSION_REASONS.get(reason, reason)}"
        )
    return [*lines, ""]


def _excluded(step: dict[str, Any]) -> list[tuple[int, str]]:
    raw = step.get("excluded") or {}
    if isinstance(raw, dict):
        return [(int(k), str(v)) for k, v in raw.items()]
    return [(int(k), str(v)) for k, v in raw]


def _ranges(numbers: Sequence[int]) -> str:
    ordered = sorted(set(numbers))
    parts: list[str] = []
    start = previous = ordered[0]
    for number in [*ordered[1:], None]:
        if number is not None and number == previous + 1:
            previous = number
            continue
        parts.append(str(start) if start == previous else f"{start}-{previous}")
        if number is not None:
            start = previous = number
    return ", ".join(parts)


def _elected_section(result: ElectionResult) -> list[str]:
    lines = ["Elected candidates, per list in the order of election", "-" * 52]
    if not result.names_known:
        lines.append("(Names unknown: the candidate lists (230b) were not given.)")
    for outcome in result.lists:
        if outcome.seats == 0 and not outcome.elected:
            continue
        lines.append(f"List {outcome.number} {outcome.name}: {_seat_count(outcome)}")
        rows = [
            [
                order,
                person_label(person, result.names_known),
                person.candidate_number,
                f"{person.votes:,}",
                "preference (P 15)" if person.by == "preference" else "list order (P 17)",
                1 if person.by == "preference" else 2,
            ]
            for order, person in enumerate(outcome.elected, start=1)
        ]
        headers = ["Order", "Name", "On list", "Votes", "Elected by", "Ranking"]
        lines += [f"    {line}" for line in plain_table(headers, rows, numeric=(0, 2, 3, 5))]
        lines += _ranking_lines(outcome.ranking)
        lines.append("")
    return lines


def _ranking_lines(ranking: tuple[int, ...]) -> list[str]:
    if not ranking:
        return []
    if list(ranking) == list(range(1, len(ranking) + 1)):
        return [f"    Ranking for succession (P 19): list order, candidates 1 to {len(ranking)}"]
    text = "Ranking for succession (P 19): " + ", ".join(str(n) for n in ranking)
    return textwrap.wrap(text, width=96, initial_indent="    ", subsequent_indent="        ")


def _seat_count(outcome: ListOutcome) -> str:
    return f"{outcome.seats} seat" if outcome.seats == 1 else f"{outcome.seats} seats"


def _findings_section(found: Sequence[Finding]) -> list[str]:
    lines = ["Consistency of the counts", "-------------------------"]
    if not found:
        lines.append("No inconsistencies found in the counts.")
    else:
        lines.append(
            f"{len(found)} finding(s); the numbers are used as the committees stated them, "
            "never corrected:"
        )
        lines += [f"- {finding_line(f)}" for f in found]
    return [*lines, ""]
