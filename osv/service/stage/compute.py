"""Deceased candidates, lot outcomes, computing the result, and the stage's documents.

The computation is ``osv result``'s own (:func:`osv.service.result.csb.run_csb` for the CSB,
:func:`osv.service.result.hsb.run_hsb` for an HSB), run on the folder
:func:`~osv.service.stage.common.working_folder` writes; nothing of the allocation is repeated
here. Its files — the 510d, the 520, model P 22-2 (or P 22-1) and the reports, or an HSB's 510c
and its model O 3 — are kept
in the store as the stage's ``output`` files and can be downloaded one by one or as one zip.
Each computation replaces the previous one's files and is written to the audit log with the
SHA-256 of every file, so a result that was printed and signed can always be traced.

Registering a deceased candidate (Kieswet P 19a) or uploading other counts makes the last
computation stale: its files and the lot outcomes given for it are removed. A lot outcome
(P 14) can only be given when the last computation asked for one, and only as one of the
options it named; the computation then runs again at once (the lots are replayed in order).
"""

from __future__ import annotations

import hashlib
import io
import json
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eml import SchemaSet
from eml.documents import MessageType
from eml.safe import Limits
from osv.errors import InvariantError, OSVError
from osv.model import Contest, ElectionDefinition
from osv.service.result.counts import read_count_source
from osv.service.result.coverage import Coverage, IncompleteCountsError, coverage_of
from osv.service.result.csb import REPORT_JSON, run_csb
from osv.service.result.files import find_election_files
from osv.service.result.hsb import run_hsb
from osv.service.result.inputs import read_inputs
from osv.service.result.options import parse_deceased, parse_lot
from osv.service.stage.common import (
    CSB,
    StageRefusedError,
    UowFactory,
    audit,
    district_of,
    is_multi_district,
    require_stage,
    working_folder,
)
from osv.service.stage.totals import entered_counts
from osv.store import UnitOfWork
from osv.store.records import utc_now
from osv.store.stages import StageChoice, StageFile
from results.tally.completeness import (
    check_completeness,
    expected_districts,
    expected_municipalities,
)
from results.tally.findings import Finding

__all__ = [
    "StageView",
    "clear_lots",
    "compute",
    "register_deceased",
    "remove_deceased",
    "stage_documents",
    "stage_view",
    "supply_lot",
    "zip_of",
]


@dataclass(frozen=True)
class StageView:
    """A stage as its page shows it.

    :param findings: the consistency findings of the uploaded counts (``osv result``'s checks).
    :param problem: why the uploaded counts cannot be read together, when they cannot.
    :param deceased: each registered deceased candidate with the list and the name.
    :param report: the last computation's JSON report (docs/result.md), or ``None``.
    :param candidate_lists: the contests' lists, to choose a deceased candidate from.
    :param coverage: which units the election definition names for the stage have a count
        (uploaded, or typed twice and definitive), and which do not yet: the result is only
        computed when every one has. ``None`` when the counts cannot be read together
        (``problem`` says why).
    """

    eid: str
    committee: str
    election_name: str | None
    multi_district: bool
    inputs: tuple[StageFile, ...]
    outputs: tuple[StageFile, ...]
    findings: tuple[Finding, ...]
    problem: str | None
    deceased: tuple[tuple[StageChoice, str], ...]
    lots: tuple[StageChoice, ...]
    report: dict[str, Any] | None
    candidate_lists: tuple[Contest, ...]
    coverage: Coverage | None = None

    @property
    def is_csb(self) -> bool:
        """Whether this is the central polling station (which allocates seats)."""
        return self.committee == CSB

    @property
    def status(self) -> str | None:
        """The last computation's status (``complete``, ``lots_required``, ...), or ``None``."""
        return str(self.report["status"]) if self.report else None


def stage_view(
    uow_factory: UowFactory,
    eid: str,
    committee: str,
    *,
    schemas: SchemaSet | None = None,
    limits: Limits | None = None,
) -> StageView:
    """The stage's files, the findings of its counts, its choices and its last result.

    :raises StageRefusedError: for an unknown election or stage.
    """
    with uow_factory() as uow:
        require_stage(uow, eid, committee)
        definition = uow.elections.get(eid)
        if definition is None:
            raise InvariantError("the election of a stage is not stored")
        inputs = tuple(uow.stages.files(eid, committee, "input"))
        outputs = tuple(uow.stages.files(eid, committee, "output"))
        contests = tuple(
            contest
            for stored in uow.elections.contests(eid)
            if (contest := uow.candidate_lists.get(eid, stored.contest_id)) is not None
        )
        findings: tuple[Finding, ...] = ()
        problem = None
        coverage: Coverage | None = _nothing_counted(definition, committee)
        if inputs or entered_counts(uow, eid, committee):
            with working_folder(uow, eid, committee) as folder:
                try:
                    findings, coverage = _read_counts(
                        folder, definition, committee, schemas, limits
                    )
                except OSVError as error:
                    problem, coverage = str(error), None
        deceased = tuple(
            (choice, _candidate_name(contests, choice.value))
            for choice in uow.stages.choices(eid, committee, "deceased")
        )
        lots = tuple(uow.stages.choices(eid, committee, "lot"))
        multi = is_multi_district(uow, eid)
    report = next((json.loads(f.content) for f in outputs if f.file_name == REPORT_JSON), None)
    return StageView(
        eid=eid,
        committee=committee,
        election_name=definition.identifier.name,
        multi_district=multi,
        inputs=inputs,
        outputs=outputs,
        findings=findings,
        problem=problem,
        deceased=deceased,
        lots=lots,
        report=report,
        candidate_lists=contests,
        coverage=coverage,
    )


def register_deceased(
    uow_factory: UowFactory, eid: str, committee: str, list_number: int, candidate: int, actor: str
) -> None:
    """Register candidate ``candidate`` of list ``list_number`` as deceased (Kieswet P 19a).

    The votes still count for the list; the candidate cannot take a seat. In an election with
    several districts the candidate is named by the number on the list of the lowest district
    where the party stands (docs/result.md).

    :raises StageRefusedError: at an HSB (which allocates no seats), for a candidate the stored
        lists do not have, or one registered already.
    """
    value = f"{list_number}:{candidate}"
    parse_deceased([value])
    with uow_factory() as uow:
        require_stage(uow, eid, committee)
        if committee != CSB:
            raise StageRefusedError(
                "a principal polling station allocates no seats; deceased candidates are "
                "registered at the central polling station",
                "not_at_hsb",
            )
        contests = [
            contest
            for stored in uow.elections.contests(eid)
            if (contest := uow.candidate_lists.get(eid, stored.contest_id)) is not None
        ]
        if not _candidate_name(contests, value):
            raise StageRefusedError(
                f"list {list_number} has no candidate {candidate} in {eid}",
                "unknown_candidate",
                list=list_number,
                candidate=candidate,
            )
        if any(c.value == value for c in uow.stages.choices(eid, committee, "deceased")):
            raise StageRefusedError(
                f"candidate {candidate} of list {list_number} is registered as deceased already",
                "already_deceased",
                list=list_number,
                candidate=candidate,
            )
        uow.stages.add_choice(eid, committee, "deceased", value, at=utc_now(), by=actor)
        _stale(uow, eid, committee)
        audit(uow, actor, "stage.deceased_registered", eid, committee=committee, candidate=value)
        uow.commit()


def remove_deceased(
    uow_factory: UowFactory, eid: str, committee: str, choice_id: int, actor: str
) -> None:
    """Withdraw a registration of a deceased candidate (it was a mistake).

    :raises StageRefusedError: when the stage has no such registration.
    """
    with uow_factory() as uow:
        require_stage(uow, eid, committee)
        removed = uow.stages.remove_choice(eid, committee, choice_id)
        if removed is None or removed.kind != "deceased":
            raise StageRefusedError(f"{committee} has no registration {choice_id}", "unknown")
        _stale(uow, eid, committee)
        audit(
            uow, actor, "stage.deceased_removed", eid, committee=committee, candidate=removed.value
        )
        uow.commit()


def compute(
    uow_factory: UowFactory,
    eid: str,
    committee: str,
    actor: str,
    *,
    schemas: SchemaSet | None = None,
    limits: Limits | None = None,
) -> dict[str, Any]:
    """Compute the stage's result from its counts and choices; keep the files it writes.

    :return: the JSON report (docs/result.md); its ``status`` says whether a lot is needed.
    :raises StageRefusedError: when there are no counts, when a unit the election definition
        names for the stage has no count (``counts_incomplete``, with the ``coverage``: nothing
        is computed or stored), or when ``osv result`` refuses them.
    """
    with uow_factory() as uow:
        report = _compute(uow, eid, committee, actor, schemas, limits)
        uow.commit()
        return report


def supply_lot(
    uow_factory: UowFactory,
    eid: str,
    committee: str,
    outcome: str,
    actor: str,
    *,
    schemas: SchemaSet | None = None,
    limits: Limits | None = None,
) -> dict[str, Any]:
    """Give the outcome of the drawing of lots the last computation asked for, and compute again.

    :param outcome: one of the ``give_as`` options of the report's ``lots_required``
        (``residual_HA:3``: list 3 was drawn).
    :raises StageRefusedError: when no lot was asked for, or ``outcome`` is not one of its options.
    """
    lot = parse_lot(outcome)
    with uow_factory() as uow:
        require_stage(uow, eid, committee)
        asked = _last_report(uow, eid, committee)
        needed = (asked or {}).get("lots_required") or {}
        if outcome not in needed.get("give_as", ()):
            raise StageRefusedError(
                f"no drawing of lots with the outcome {outcome} is asked for by the last "
                "computation; compute the result first",
                "no_lot_asked",
                outcome=outcome,
            )
        uow.stages.add_choice(eid, committee, "lot", outcome, at=utc_now(), by=actor)
        audit(
            uow,
            actor,
            "stage.lot_supplied",
            eid,
            committee=committee,
            outcome=outcome,
            kind=lot.kind.value,
            article=needed.get("article"),
        )
        report = _compute(uow, eid, committee, actor, schemas, limits)
        uow.commit()
        return report


def clear_lots(uow_factory: UowFactory, eid: str, committee: str, actor: str) -> None:
    """Remove every lot outcome given (a wrong one was typed) and the computation's files."""
    with uow_factory() as uow:
        require_stage(uow, eid, committee)
        removed = uow.stages.clear_lots(eid, committee)
        uow.stages.clear_outputs(eid, committee)
        audit(uow, actor, "stage.lots_cleared", eid, committee=committee, removed=removed)
        uow.commit()


def stage_documents(
    uow_factory: UowFactory, eid: str, committee: str
) -> tuple[str, list[tuple[str, bytes]]]:
    """The last computation's files, and the name of the zip that holds them.

    :raises StageRefusedError: when nothing was computed yet.
    """
    with uow_factory() as uow:
        require_stage(uow, eid, committee)
        files = [(f.file_name, f.content) for f in uow.stages.files(eid, committee, "output")]
    if not files:
        raise StageRefusedError(f"{committee} of {eid} has no computed result yet", "not_computed")
    return f"OSV_{eid}_{committee}_uitslag.zip", files


def zip_of(files: list[tuple[str, bytes]]) -> bytes:
    """``files`` as one zip archive (deflated, in the order given)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files:
            archive.writestr(name, data)
    return buffer.getvalue()


def _compute(
    uow: UnitOfWork,
    eid: str,
    committee: str,
    actor: str,
    schemas: SchemaSet | None,
    limits: Limits | None,
) -> dict[str, Any]:
    require_stage(uow, eid, committee)
    if not uow.stages.files(eid, committee, "input") and not entered_counts(uow, eid, committee):
        raise StageRefusedError(
            f"{committee} of {eid} has no counts yet; upload them first", "no_counts"
        )
    lots = [parse_lot(c.value) for c in uow.stages.choices(eid, committee, "lot")]
    deceased = parse_deceased([c.value for c in uow.stages.choices(eid, committee, "deceased")])
    created = utc_now().replace(tzinfo=None, microsecond=0)
    head = uow.audit.head()[0]  # printed on the stage's process-verbaal (docs/audit.md)
    with working_folder(uow, eid, committee) as folder, tempfile.TemporaryDirectory() as name:
        out = Path(name)
        try:
            if committee == CSB:
                run_csb(
                    folder,
                    out,
                    lots=lots,
                    deceased=deceased,
                    schemas=schemas,
                    limits=limits,
                    created=created,
                    audit_head=head,
                )
                report: dict[str, Any] = json.loads((out / REPORT_JSON).read_text("utf-8"))
            else:
                hsb = run_hsb(
                    folder, out, schemas=schemas, limits=limits, created=created, audit_head=head
                )
                report = _hsb_report(
                    hsb.written.path.name, hsb.written.digest.hex(), hsb.counts.findings
                )
                (out / REPORT_JSON).write_text(json.dumps(report, indent=2), "utf-8")
        except IncompleteCountsError as error:
            raise StageRefusedError(
                f"the result of {committee} is not computed: {error}",
                "counts_incomplete",
                coverage=error.coverage,
            ) from None
        except OSVError as error:
            raise StageRefusedError(
                f"the result of {committee} cannot be computed: {error}",
                "compute_failed",
                reason=str(error),
            ) from None
        uow.stages.clear_outputs(eid, committee)
        now = utc_now()
        written = []
        for path in sorted(out.iterdir(), key=_output_order):
            data = path.read_bytes()
            sha256 = _sha256(data)
            uow.stages.add_file(
                eid,
                committee,
                "output",
                message_type=_kind_of(path.name),
                part=_kind_of(path.name),
                file_name=path.name,
                sha256=sha256,
                content=data,
                stored_at=now,
                stored_by=actor,
            )
            written.append({"file": path.name, "sha256": sha256})
    audit(
        uow,
        actor,
        "stage.computed",
        eid,
        committee=committee,
        status=report.get("status"),
        lots=[c.value for c in uow.stages.choices(eid, committee, "lot")],
        deceased=[f"{a}:{b}" for a, b in deceased],
        files=written,
    )
    return report


def _hsb_report(name: str, digest: str, findings: tuple[Finding, ...]) -> dict[str, Any]:
    """The small JSON report of an HSB's computation (it has no seats to report)."""
    return {
        "status": "complete",
        "files_written": [{"file": name, "type": "510c", "sha256": digest}],
        "findings": [
            {"code": f.code, "severity": f.severity, "unit": f.unit, "message": f.message}
            for f in findings
        ],
    }


def _read_counts(
    folder: Path,
    definition: ElectionDefinition,
    committee: str,
    schemas: SchemaSet | None,
    limits: Limits | None,
) -> tuple[tuple[Finding, ...], Coverage]:
    """The findings of the stage's counts, and how they cover the units the definition names,
    read from the working folder as the computation reads it."""
    if committee == CSB:
        inputs = read_inputs(folder, schemas=schemas, limits=limits)
        return tuple(inputs.counts.findings), inputs.coverage
    files = find_election_files(folder, limits=limits)
    source = read_count_source(
        files.identifier,
        files.of(MessageType.COUNT_MUNICIPALITY),
        multi_district=True,
        schemas=schemas,
        limits=limits,
    )
    coverage = coverage_of(files, definition, source, hsb=True, schemas=schemas, limits=limits)
    return tuple(source.findings), coverage


def _nothing_counted(definition: ElectionDefinition, committee: str) -> Coverage:
    """The coverage of a stage without counts: every unit it adds up lacks one.

    An HSB adds up the municipalities of its kieskring, the CSB of an election with several
    kieskringen the kieskringen (from the HSBs' 510c files), otherwise the municipalities.
    """
    district = district_of(committee)
    if district is not None:
        expected = expected_municipalities(definition, int(district))
        what = f"municipalities of kieskring {district}"
    elif len(definition.districts) > 1:
        expected, what = expected_districts(definition), "kieskringen"
    else:
        expected, what = expected_municipalities(definition), "municipalities of the election"
    return Coverage(checked=True, checks=(check_completeness(expected, (), what),))


def _last_report(uow: UnitOfWork, eid: str, committee: str) -> dict[str, Any] | None:
    for stored in uow.stages.files(eid, committee, "output"):
        if stored.file_name == REPORT_JSON:
            data: dict[str, Any] = json.loads(stored.content)
            return data
    return None


def _stale(uow: UnitOfWork, eid: str, committee: str) -> None:
    uow.stages.clear_outputs(eid, committee)
    uow.stages.clear_lots(eid, committee)


def _candidate_name(contests: tuple[Contest, ...] | list[Contest], value: str) -> str:
    """``LIST:CANDIDATE`` as "list 2 Name, candidate 5 Name" ("" when there is no such one)."""
    list_number, _, number = value.partition(":")
    for contest in contests:
        for candidate_list in contest.lists:
            if str(candidate_list.number) != list_number:
                continue
            for candidate in candidate_list.candidates:
                if str(candidate.number) == number:
                    return f"{candidate_list.name}: {candidate.name.full}"
    return ""


def _kind_of(name: str) -> str:
    """What an output file is, by the name ``osv result`` gives it."""
    if name.startswith("Totaaltelling_"):
        return "510d"
    if name.startswith("Resultaat_"):
        return "520"
    if name.startswith("Telling_"):
        return "510c"
    if name.startswith("Model_O3_"):
        return "O 3"
    if name.startswith("Model_P22-1_"):
        return "P 22-1"
    if name.endswith(".pdf"):
        return "P 22-2"
    return "report"


def _output_order(path: Path) -> tuple[int, str]:
    order = {"510c": 0, "O 3": 1, "510d": 2, "520": 3, "P 22-1": 4, "P 22-2": 4, "report": 5}
    return order[_kind_of(path.name)], path.name


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
