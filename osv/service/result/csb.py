"""The central polling station (CSB): from the counts to the result, its 510d and its 520.

:func:`compute_result` reads nothing: it takes the files already read
(:class:`~osv.service.result.inputs.ElectionInputs`) and computes the result, for a
single-district election with :func:`~osv.service.result.single_district.compute_single_district`
and for one with several districts (Tweede Kamer, PS2) with
``osv.service.result.multi_district.compute_multi_district``. ``osv verify`` uses the same
function, so what it checks a published result against is exactly what OSV would publish.

:func:`run_csb` is the CSB's session: read the folder, compute, and write into the output
folder the total count (``Totaaltelling_<EID>.eml.xml``), the result
(``Resultaat_<EID>.eml.xml``) and the reports (``result.txt``, ``result.json``). A result that
needs a lot writes only the reports, which say which lot to draw and how to give its outcome;
a result without names (no 230b) writes the 510d and the reports, and says why the 520 is
missing. EML files are never replaced (their hash may be on a signed report).
"""

from __future__ import annotations

import datetime as dt
import importlib
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from eml import Eml510, Eml520, SchemaSet
from eml.documents import Authority
from eml.safe import Limits
from osv.errors import InvariantError
from osv.model import CommitteeCategory, ReportingUnitVotes, VoteCounts
from osv.service.result.counts import Progress
from osv.service.result.eml_out import (
    WrittenFile,
    result_document,
    result_name,
    total_count,
    total_count_name,
    write_document,
)
from osv.service.result.files import ResultInputError
from osv.service.result.inputs import ElectionInputs, read_inputs, resolve_seats
from osv.service.result.model import ElectionResult
from osv.service.result.report_json import result_json
from osv.service.result.reports import ResultContext, result_text
from osv.service.result.single_district import compute_single_district
from results.allocation.types import LotOutcome
from results.tally import sum_counts
from results.tally.tally import by_short_code

__all__ = ["REPORT_JSON", "REPORT_TEXT", "CsbOutcome", "compute_result", "run_csb"]

#: The names of the reports written next to the EML files.
REPORT_TEXT = "result.txt"
REPORT_JSON = "result.json"


@dataclass(frozen=True)
class CsbOutcome:
    """What a CSB run computed and wrote.

    :param result: the computed result (``status`` says whether it is complete).
    :param context: the files read, where the seats came from, notes, the EML files written.
    :param text: the text report (also written as ``result.txt``).
    :param reports: the report files written.
    """

    result: ElectionResult
    context: ResultContext
    text: str
    reports: tuple[Path, ...]


def compute_result(
    inputs: ElectionInputs,
    *,
    seats: int | None = None,
    lots: Sequence[LotOutcome] = (),
    deceased: Sequence[tuple[int, int]] = (),
) -> tuple[ElectionResult, str]:
    """Compute the result from the files read; return it and where the seats came from.

    :raises ResultInputError: when the seats are unknown or the files do not fit together.
    :raises AllocationError: when a lot outcome does not fit the tie it is given for.
    """
    count, seats_from = resolve_seats(inputs, seats)
    definition = inputs.definition
    if inputs.multi_district:
        compute = _multi_district()
        result = compute(
            definition=definition.election if definition is not None else None,
            seats=count,
            candidate_lists=inputs.candidate_lists,
            counts=inputs.counts,
            lots=tuple(lots),
            deceased=tuple(deceased),
        )
        return result, seats_from
    total = inputs.counts.district(inputs.counts.contest_ids[0])
    if total is None:
        raise InvariantError("the district counted has no total")
    contest = inputs.contest()
    if contest is not None and contest.id != inputs.counts.contest_ids[0]:
        raise ResultInputError(
            f"the candidate lists (230b) are of contest {contest.id}, the counts of contest "
            f"{inputs.counts.contest_ids[0]}; they do not belong together"
        )
    result = compute_single_district(
        inputs.files.identifier,
        count,
        total,
        contest,
        preference_threshold=(
            definition.election.preference_threshold if definition is not None else None
        ),
        lots=lots,
        deceased=deceased,
        findings=inputs.counts.findings,
    )
    return result, seats_from


_MultiDistrict = Callable[..., ElectionResult]


def _multi_district() -> _MultiDistrict:
    """``compute_multi_district`` of :mod:`osv.service.result.multi_district` (written apart)."""
    try:
        module = importlib.import_module("osv.service.result.multi_district")
    except ModuleNotFoundError:
        raise ResultInputError(
            "elections with several districts (Tweede Kamer, PS2) need the multi-district "
            "computation, which this build of OSV does not have yet"
        ) from None
    return cast(_MultiDistrict, module.compute_multi_district)


def run_csb(
    folder: Path,
    out: Path,
    *,
    seats: int | None = None,
    lots: Sequence[LotOutcome] = (),
    deceased: Sequence[tuple[int, int]] = (),
    schemas: SchemaSet | None = None,
    limits: Limits | None = None,
    created: dt.datetime,
    draft: bool = False,
    audit_head: str | None = None,
    progress: Progress | None = None,
) -> CsbOutcome:
    """Read ``folder``, compute the result and write the CSB's files into ``out``.

    :param created: the moment the result is fixed (``kr:CreationDateTime``, no time zone).
    :param draft: compute even when counts are missing, and write only the reports, headed
        as a draft (never an EML file or a process-verbaal).
    :param audit_head: the audit log's last hash, printed on the process-verbaal when the run
        is made from OSV's database (a stage's page).
    :param progress: told after every count file read (a terminal's progress bar).
    :raises IncompleteCountsError: when a unit the election definition names has no count
        (and ``draft`` is not set); nothing is written.
    :raises ResultInputError: for unusable input, or when an EML file to be written exists.
    """
    inputs = read_inputs(
        folder,
        schemas=schemas,
        limits=limits,
        complete=not draft,
        keep_parts=False,
        progress=progress,
    )
    if not draft:
        inputs.require_complete()
    result, seats_from = compute_result(inputs, seats=seats, lots=lots, deceased=deceased)
    notes = list(inputs.notes)
    notes += _unused_notes(inputs)
    written: list[WrittenFile] = []
    if draft:
        notes.append("no EML file and no process-verbaal were written: this is a draft (--draft)")
    elif result.status == "complete":
        written = _write_eml(inputs, result, out, created, schemas, notes)
    elif result.status == "lots_required":
        notes.append("no EML file was written: the result needs a drawing of lots first")
    else:
        notes.append(f"no EML file was written: the result is not complete ({result.status})")
    context = ResultContext(
        files_read=inputs.sources,
        seats_from=seats_from,
        notes=tuple(notes),
        written=tuple(written),
        coverage=inputs.coverage,
        draft=draft,
    )
    text = result_text(result, context)
    reports = _write_reports(out, text, result_json(result, context))
    reports += _write_pv(out, result, inputs, written, created, audit_head)
    return CsbOutcome(result=result, context=context, text=text, reports=reports)


def _write_eml(
    inputs: ElectionInputs,
    result: ElectionResult,
    out: Path,
    created: dt.datetime,
    schemas: SchemaSet | None,
    notes: list[str],
) -> list[WrittenFile]:
    """Write a complete result's 510d and (names known) 520 into ``out``; say why one is not.

    :raises ResultInputError: when a file to be written exists (nothing is written then).
    """
    authority = _csb_authority(inputs)
    contest_id = "alle" if inputs.multi_district else inputs.counts.contest_ids[0]
    documents: list[tuple[Eml510 | Eml520, str]] = [
        (
            total_count(
                inputs.files.identifier,
                authority,
                contest_id,
                *_total_and_units(inputs, result),
                created,
                inputs.counts.counting_method,
            ),
            total_count_name(inputs.files.identifier),
        )
    ]
    if result.names_known:
        documents.append(
            (
                result_document(result, authority, contest_id, created),
                result_name(inputs.files.identifier),
            )
        )
    else:
        notes.append(
            "no result file (520) was written: it names the elected candidates, and without "
            "the candidate lists (230b) their names are unknown; add the 230b and run again"
        )
    for _, name in documents:
        if (out / name).exists():
            raise ResultInputError(
                f"{out / name} already exists; a written EML file is never replaced (its "
                "hash may be on a signed report): move it away or choose another --out"
            )
    return [write_document(doc, out, name, schemas) for doc, name in documents]


def _write_pv(
    out: Path,
    result: ElectionResult,
    inputs: ElectionInputs,
    written: Sequence[WrittenFile],
    created: dt.datetime,
    audit_head: str | None,
) -> tuple[Path, ...]:
    """Model P 22-2 (one district) or P 22-1 (several) beside the 520, carrying its hash.

    Only with a 520: the report belongs to it (without one, ``osv pv p22-2`` or ``osv pv p22-1``
    renders a draft).
    """
    digest = next((w.digest for w in written if w.message_type == "520"), None)
    if digest is None:
        return ()
    from osv.pv import render_p22_1, render_p22_2

    if inputs.multi_district:
        path = out / f"Model_P22-1_{result.identifier.id}.pdf"
        path.write_bytes(
            render_p22_1(result, digest=digest, created=created, audit_head=audit_head)
        )
        return (path,)

    total = inputs.counts.district(inputs.counts.contest_ids[0])
    path = out / f"Model_P22-2_{result.identifier.id}.pdf"
    path.write_bytes(
        render_p22_2(
            result,
            digest=digest,
            created=created,
            candidate_votes=total,
            audit_head=audit_head,
        )
    )
    return (path,)


def _unused_notes(inputs: ElectionInputs) -> list[str]:
    notes = [
        f"{count.source.name} ({count.source.message_type}) was not used: the result is "
        f"computed from the {inputs.counts.level} files"
        for count in inputs.published_counts
    ]
    if inputs.published_result is not None:
        names = [s.name for s in inputs.read if s.message_type == "520"]
        notes.append(f"{', '.join(names)} (a published result, 520) was not used")
    if not inputs.candidate_lists:
        notes.append(
            "there are no candidate lists (230b): lists and candidates come from the counts, "
            "and the names of the elected are unknown"
        )
    return notes


def _csb_authority(inputs: ElectionInputs) -> Authority:
    """The CSB as the Kiesraad's files name it: ``CSB`` with the domain's name, or with the
    name the 110a gives its CSB committee ("De Kiesraad"), or as the other files name it."""
    identifier = inputs.files.identifier
    if identifier.domain is not None and identifier.domain.name:
        return Authority(id="CSB", name=identifier.domain.name)
    if inputs.definition is not None:
        for region in inputs.definition.election.regions_with(CommitteeCategory.CSB):
            for committee in region.committees:
                if committee.category is CommitteeCategory.CSB and committee.name:
                    return Authority(id="CSB", name=committee.name)
    for found in inputs.files.files:
        if found.authority is not None and found.authority.id == "CSB" and found.authority.name:
            return Authority(id="CSB", name=found.authority.name)
    return Authority(id="CSB", name=None)


def _total_and_units(
    inputs: ElectionInputs, result: ElectionResult
) -> tuple[VoteCounts, tuple[ReportingUnitVotes, ...]]:
    """The 510d's total and reporting units: municipalities (one district), or districts.

    With several districts the units are ``HSB<n>``, their candidates identified by number and
    ShortCode, and the total names each person once, by ShortCode, with the votes of all their
    lists: as the Kiesraad's 510d of TK2023 (eml-nl.md §6.4).
    """
    counts = inputs.counts
    if not inputs.multi_district:
        units = tuple(
            ReportingUnitVotes(id=part.id, name=part.name, votes=part.votes)
            for part in counts.parts
        )
        return counts.total, units
    names = {part.contest_id: part.name for part in counts.parts if counts.level != "510b"}
    if counts.level == "510d":
        names = {part.contest_id: part.name for part in counts.parts}
    districts = [
        (contest_id, _with_short_codes(votes, contest_id, result.short_codes))
        for contest_id, votes in counts.districts
    ]
    units = tuple(
        ReportingUnitVotes(
            id=f"HSB{contest_id}",
            name=names.get(contest_id) or counts.contest_name(contest_id),
            votes=votes,
        )
        for contest_id, votes in districts
    )
    total = sum_counts(by_short_code(votes) for _, votes in districts)
    return total, units


def _with_short_codes(
    votes: VoteCounts, district: str, codes: Mapping[tuple[str, int, int], str]
) -> VoteCounts:
    """A district's count with each candidate's ShortCode beside its number."""
    return votes.model_copy(
        update={
            "lists": tuple(
                lst.model_copy(
                    update={
                        "candidates": tuple(
                            c.model_copy(
                                update={"short_code": codes.get((district, lst.number, c.number))}
                            )
                            if c.number is not None
                            else c
                            for c in lst.candidates
                        )
                    }
                )
                for lst in votes.lists
            )
        }
    )


def _write_reports(out: Path, text: str, data: dict[str, Any]) -> tuple[Path, ...]:
    try:
        out.mkdir(parents=True, exist_ok=True)
        text_path = out / REPORT_TEXT
        json_path = out / REPORT_JSON
        text_path.write_text(text, encoding="utf-8")
        json_path.write_text(
            json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
    except OSError as error:
        raise ResultInputError(
            f"the reports cannot be written to {out} ({error.strerror or error})"
        ) from None
    return text_path, json_path
