"""The principal polling station (HSB): adding up the municipalities of one district.

In elections with several districts (kieskringen: the Tweede Kamer, provinces with several
districts) each district's HSB receives the count of every municipality in it (EML 510b), checks
them, adds them up and hands the district's count (510c) to the central polling station (Kieswet
O 3; process.md §1, §6). Elections with one district have no separate HSB stage: their central
polling station adds up the municipalities itself (Kieswet O 3(4)).

:func:`run_hsb` reads the folder's 510b files as streams, keeping only each municipality's
total, refuses two files of one municipality or files of different districts, and writes
``Telling_<EID>_kieskring_<Name>.eml.xml`` with authority ``HSB<n>``, one reporting unit per
municipality (Id = its CBS code, with its name) and the sum as ``TotalVotes``; beside it the
HSB's report, model O 3, with the 510c's hash (:mod:`osv.service.result.hsb_report`; the
kieskring's candidate lists, a 230b in the folder, name the candidates on it).
:func:`add_up` is the same reading and adding up without writing anything.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from eml import Eml110a, Eml230b, Eml510, SchemaSet, read_eml
from eml.documents import Authority, CountingMethod, MessageType
from eml.safe import Limits
from osv.errors import InvariantError
from osv.model import Contest, ElectionDefinition, ReportingUnitVotes
from osv.service.result.counts import Progress, read_count_source
from osv.service.result.coverage import UNCHECKED, Coverage, IncompleteCountsError, coverage_of
from osv.service.result.eml_out import WrittenFile, district_count, district_count_name
from osv.service.result.eml_out import write_document as write_eml_file
from osv.service.result.files import (
    DESCRIPTIONS,
    ElectionFiles,
    ResultInputError,
    find_election_files,
)
from osv.service.result.sources import CountSource

__all__ = ["DistrictCount", "HsbOutcome", "add_up", "run_hsb"]


@dataclass(frozen=True)
class HsbOutcome:
    """What an HSB run read and wrote.

    :param counts: the municipal counts read, with their hashes and findings.
    :param district: the district's number (contest Id) and name.
    :param written: the 510c written, with its hash.
    :param notes: files in the folder that were not used, deviations accepted.
    :param coverage: whether the counts cover every municipality of the kieskring (unchecked
        without a 110a in the folder; the report then says so first).
    :param report: model O 3 written beside the 510c.
    """

    counts: CountSource
    district: tuple[str, str | None]
    written: WrittenFile
    notes: tuple[str, ...]
    coverage: Coverage = UNCHECKED
    report: Path | None = None


@dataclass(frozen=True)
class DistrictCount:
    """The district's count made from a folder's municipal counts, not yet written.

    :param document: the 510c; :param contest: the kieskring's candidate lists, when the
        folder has its 230b.
    """

    counts: CountSource
    document: Eml510
    notes: tuple[str, ...]
    coverage: Coverage
    contest: Contest | None = None


def run_hsb(
    folder: Path,
    out: Path,
    *,
    schemas: SchemaSet | None = None,
    limits: Limits | None = None,
    created: dt.datetime,
    audit_head: str | None = None,
    progress: Progress | None = None,
) -> HsbOutcome:
    """Add up the municipal counts (510b) in ``folder`` and write the district's 510c to ``out``,
    with model O 3 beside it.

    :param created: the moment the count is fixed (``kr:CreationDateTime``, no time zone).
    :param audit_head: the audit log's last hash, printed on model O 3 when the run is made
        from OSV's database (the HSB's page).
    :param progress: told after every count file read (a terminal's progress bar).
    :raises IncompleteCountsError: when the folder's election definition (110a) names a
        municipality of the kieskring that has no count, or a count is of another unit.
    :raises ResultInputError: when the folder has no 510b, the election has one district,
        two files count one municipality, or the files count different districts.
    """
    from osv.service.result.hsb_report import write_report

    made = add_up(folder, schemas=schemas, limits=limits, created=created, progress=progress)
    document = made.document
    contest_id, name = document.contests[0].contest_id, document.contests[0].contest_name
    written = write_eml_file(
        document, out, district_count_name(document.identifier, name or contest_id), schemas
    )
    report = write_report(out, document, made.counts, made.contest, written, audit_head=audit_head)
    return HsbOutcome(
        counts=made.counts,
        district=(contest_id, name),
        written=written,
        notes=made.notes,
        coverage=made.coverage,
        report=report,
    )


def add_up(
    folder: Path,
    *,
    schemas: SchemaSet | None = None,
    limits: Limits | None = None,
    created: dt.datetime,
    progress: Progress | None = None,
) -> DistrictCount:
    """Read and add up the municipal counts (510b) in ``folder``: the district's 510c, unwritten.

    :raises IncompleteCountsError: as :func:`run_hsb`.
    :raises ResultInputError: as :func:`run_hsb`.
    """
    files = find_election_files(folder, limits=limits)
    identifier = files.identifier
    municipal = files.of(MessageType.COUNT_MUNICIPALITY)
    if not municipal:
        raise ResultInputError(
            f"the folder {folder} holds no municipal counts (510b) of {identifier.id}; "
            "the HSB adds up the 510b files of its district"
        )
    notes = _notes(files)
    definition = _definition(files, schemas, limits, notes)
    counts = read_count_source(
        identifier,
        municipal,
        multi_district=True,
        schemas=schemas,
        limits=limits,
        progress=progress,
    )
    contest_id = _one_district(counts)
    coverage = coverage_of(files, definition, counts, hsb=True, schemas=schemas, limits=limits)
    if not coverage.complete:
        raise IncompleteCountsError(identifier.id, coverage)
    total = counts.district(contest_id)
    if total is None:
        raise InvariantError("the district counted has no total")
    name = counts.contest_name(contest_id)
    document = district_count(
        identifier,
        Authority(id=f"HSB{contest_id}", name=name),
        contest_id,
        name,
        total,
        tuple(
            ReportingUnitVotes(id=part.id, name=part.name, votes=part.votes)
            for part in counts.parts
        ),
        created,
    )
    if counts.counting_method is not None:
        document = document.model_copy(
            update={"counting_method": CountingMethod(counts.counting_method)}
        )
    contest = _candidate_lists(files, contest_id, schemas, limits, notes)
    return DistrictCount(
        counts=counts, document=document, notes=tuple(notes), coverage=coverage, contest=contest
    )


def _notes(files: ElectionFiles) -> list[str]:
    """The folder's notes, and one per file the HSB does not use."""
    notes = list(files.notes)
    used = (
        MessageType.COUNT_MUNICIPALITY,
        MessageType.ELECTION_DEFINITION,
        MessageType.POLLING_STATIONS,
        MessageType.CANDIDATE_LISTS,
    )
    notes += [
        f"{found.name} ({DESCRIPTIONS[found.message_type]}, {found.message_type.value}) is not "
        "used by the HSB"
        for found in files.files
        if found.message_type not in used
    ]
    return notes


def _one_district(counts: CountSource) -> str:
    """The one district the municipal counts count.

    :raises ResultInputError: when they count an election with one district (no HSB stage)
        or several districts.
    """
    identifier = counts.identifier
    contests = counts.contest_ids
    if any(not contest_id.isdigit() for contest_id in contests):
        raise ResultInputError(
            f"the municipal counts of {identifier.id} count contest {', '.join(contests)}, not a "
            "district: an election with one district has no HSB stage (Kieswet O 3(4)); its "
            "central polling station adds up the municipalities: use --stage csb"
        )
    if len(contests) > 1:
        raise ResultInputError(_districts_differ(counts))
    return contests[0]


def _candidate_lists(
    files: ElectionFiles,
    contest_id: str,
    schemas: SchemaSet | None,
    limits: Limits | None,
    notes: list[str],
) -> Contest | None:
    """The kieskring's candidate lists from the folder's 230b files, to name the candidates on
    model O 3 (a 230b of another kieskring is noted as not used)."""
    for found in files.of(MessageType.CANDIDATE_LISTS):
        read = read_eml(found.path, source=found.name, schemas=schemas, limits=limits)
        notes += [f"{found.name}: {note}" for note in read.notes]
        if isinstance(read.document, Eml230b):
            for contest in read.document.contests:
                if contest.id == contest_id:
                    return contest
        notes.append(
            f"{found.name} (candidate lists, 230b) is not used: it holds no lists of "
            f"kieskring {contest_id}"
        )
    return None


def _definition(
    files: ElectionFiles, schemas: SchemaSet | None, limits: Limits | None, notes: list[str]
) -> ElectionDefinition | None:
    """The folder's election definition (110a), which names the kieskring's municipalities."""
    found = files.single(MessageType.ELECTION_DEFINITION)
    if found is None:
        return None
    read = read_eml(found.path, source=found.name, schemas=schemas, limits=limits)
    notes += [f"{found.name}: {note}" for note in read.notes]
    if not isinstance(read.document, Eml110a):  # the scan classified it by the same Id
        raise ResultInputError(f"{found.name} is not an election definition (110a)")
    return read.document.election


def _districts_differ(counts: CountSource) -> str:
    """The refusal of counts of several districts: the files of the minority districts."""
    by_district: dict[str, list[str]] = {}
    for part in counts.parts:
        by_district.setdefault(part.contest_id, []).append(part.source)
    ordered = sorted(by_district.items(), key=lambda pair: (-len(pair[1]), pair[0]))
    main, main_files = ordered[0]
    others = "; ".join(
        f"{', '.join(names[:5])}{f' and {len(names) - 5} more' if len(names) > 5 else ''} "
        f"count{'s' if len(names) == 1 else ''} district {district}"
        for district, names in ordered[1:]
    )
    return (
        f"the municipal counts are of {len(by_district)} different districts: "
        f"{len(main_files)} of district {main}, but {others}; an HSB adds up the "
        "municipalities of one district"
    )
