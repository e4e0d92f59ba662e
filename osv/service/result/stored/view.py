"""A stage as its page shows it: files, the findings of its counts, choices, last result.

The findings and the coverage are read from the same folder the computation reads
(:func:`~osv.service.result.stored.folder.working_folder`), by the engine's own readers, so the
page shows what ``osv result`` would find.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eml import SchemaSet
from eml.documents import MessageType
from eml.safe import Limits
from osv.errors import InvariantError, OSVError
from osv.model import Contest, ElectionDefinition
from osv.service.result.counts import read_count_source
from osv.service.result.coverage import Coverage, coverage_of
from osv.service.result.csb import REPORT_JSON
from osv.service.result.files import find_election_files
from osv.service.result.inputs import read_inputs
from osv.service.result.stored.common import CSB, district_of, is_multi_district, require_stage
from osv.service.result.stored.folder import working_folder
from osv.service.result.stored.totals import entered_counts
from osv.service.unit_of_work import UowFactory
from osv.store.stages import StageChoice, StageFile
from results.tally.completeness import (
    check_completeness,
    expected_districts,
    expected_municipalities,
)
from results.tally.findings import Finding

__all__ = ["StageView", "candidate_name", "stage_view"]


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
            (choice, candidate_name(contests, choice.value))
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


def candidate_name(contests: tuple[Contest, ...] | list[Contest], value: str) -> str:
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
