"""Reading count files (510b, 510c, 510d) into a :class:`CountSource`, one unit at a time.

A district can have dozens of municipalities and a municipality hundreds of polling stations;
the files are read as streams (:func:`eml.read.eml510.iter_count`) and only a running sum is
kept per file, so memory is bounded by one committee's total, not by the number of units.
For each file:

* every reporting unit is checked on its own (``results.tally.checks.check_counts``) and added
  to the file's running sum;
* the stated total (``TotalVotes``) is checked on its own and against the sum of the units
  (``check_sum``): a difference is a finding, never corrected;
* the file becomes one :class:`~osv.service.result.sources.CountPart`: the committee's stated
  total, and the recomputed sum beside it.

Parts are then grouped by contest (``geen``, or a district number) and added up. Two files of
the same committee, or files that count different contests where one is expected, are refused:
adding them would count votes twice or mix elections.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from eml import SchemaSet
from eml.documents import MessageType
from eml.read.eml510 import CountStream, iter_count
from eml.safe import Limits
from osv.errors import InvariantError
from osv.model import ElectionIdentifier, ListVotes, ReportingUnitVotes, VoteCounts
from osv.service.result.files import FoundFile, ResultInputError
from osv.service.result.sources import CountLevel, CountPart, CountSource, SourceFile
from results.tally.findings import Finding

if TYPE_CHECKING:
    from results.tally.tally import Tally

__all__ = [
    "PARALLEL_FROM_BYTES",
    "FileCount",
    "Progress",
    "read_count_file",
    "read_count_source",
    "without_candidates",
]


@dataclass
class FileCount:
    """What one count file gave: its parts (one, or a 510d's units) and what was found.

    :param parts: one part per committee: the file itself (510b, 510c), or the reporting units
        of a 510d, whose own total is then :attr:`stated`.
    :param stated: the file's ``TotalVotes`` (``None`` when the file has none).
    :param contest_id: the file's contest.
    :param contest_name: the contest's name, when the file gives one.
    :param source: the file read, with its hash.
    :param findings: the consistency findings of the file.
    """

    parts: list[CountPart]
    stated: VoteCounts | None
    contest_id: str
    contest_name: str | None
    source: SourceFile
    counting_method: str | None = None
    findings: list[Finding] = field(default_factory=list)


def read_count_file(
    found: FoundFile, *, schemas: SchemaSet | None = None, limits: Limits | None = None
) -> FileCount:
    """Read one count file as a stream, check it, and sum its reporting units.

    For a 510b or 510c the file is one part: Id = its authority (CBS code, or ``HSB<n>``).
    For a 510d the reporting units are the parts (they are kept: at most one per district or
    municipality).

    :raises ResultInputError: when the file has more than one contest.
    :raises EmlError: when the file cannot be read (naming it).
    """
    from results.tally.checks import check_counts, check_sum

    stream = iter_count(found.path, source=found.name, schemas=schemas, limits=limits)
    read = _stream_units(stream, found, keep_units=found.message_type is MessageType.COUNT_TOTAL)
    stated, recomputed, findings = read.stated, read.recomputed, read.findings
    authority = found.authority.id if found.authority is not None else found.name
    if stated is not None:
        findings += check_counts(stated, f"{authority} (total)", total=True)
        if recomputed is not None:
            findings += check_sum(stated, [recomputed], authority)
            if recomputed == stated:
                # The same numbers: keep one object (memory grows with the number of files).
                recomputed = stated
    source = SourceFile(
        name=found.name,
        message_type=found.message_type.value,
        digest=stream.digest,
        validated=stream.validated,
    )
    counting_method = stream.counting_method.value if stream.counting_method else None
    total = stated if stated is not None else recomputed
    if total is None:  # a contest has a total or units
        raise InvariantError("a contest has neither total nor units (refused when read)")
    return FileCount(
        parts=_parts_of(found, read, authority, total, recomputed),
        stated=stated,
        contest_id=read.contest[0],
        contest_name=read.contest[1],
        source=source,
        counting_method=counting_method,
        findings=findings,
    )


@dataclass
class _Streamed:
    """One pass over a count file: its contest, stated total, units' sum and Ids, findings."""

    contest: tuple[str, str | None]
    stated: VoteCounts | None
    recomputed: VoteCounts | None
    seen: dict[str, None]
    kept: list[ReportingUnitVotes]
    findings: list[Finding]


def _stream_units(stream: CountStream, found: FoundFile, *, keep_units: bool) -> _Streamed:
    """Read the stream once, adding up its reporting units and checking each.

    :raises ResultInputError: when the file has more than one contest.
    """
    from results.tally.checks import check_counts, duplicate_unit
    from results.tally.tally import Tally, by_short_code, keyed_by_short_code

    running = Tally()
    units = 0
    stated: VoteCounts | None = None
    contest: tuple[str, str | None] | None = None
    findings: list[Finding] = []
    kept: list[ReportingUnitVotes] = []
    seen: dict[str, None] = {}  # the units' Ids, in file order
    by_code = False
    for item in stream:
        if contest is None:
            contest = (item.contest_id, item.contest_name)
        elif item.contest_id != contest[0]:
            raise ResultInputError(
                f"{found.name} counts more than one contest ({contest[0]} and "
                f"{item.contest_id}); a {found.message_type.value} file counts one"
            )
        if isinstance(item.votes, ReportingUnitVotes):
            if item.votes.id in seen:
                findings.append(duplicate_unit(item.votes.id, found.name))
            seen[item.votes.id] = None
            findings += check_counts(item.votes.votes, item.votes.id)
            # A total keyed by ShortCode (the Kiesraad's TK 510d) is added up by ShortCode.
            running.add(by_short_code(item.votes.votes) if by_code else item.votes.votes)
            units += 1
            if keep_units:
                kept.append(item.votes)
        else:
            stated = item.votes
            by_code = keyed_by_short_code(stated)
    if contest is None:  # the stream refuses a file without contests
        raise InvariantError("a count file was read without a contest (the reader refuses those)")
    recomputed = running.total if units else None
    return _Streamed(contest, stated, recomputed, seen, kept, findings)


def _parts_of(
    found: FoundFile,
    read: _Streamed,
    authority: str,
    total: VoteCounts,
    recomputed: VoteCounts | None,
) -> list[CountPart]:
    """The parts a count file gives: a 510d's reporting units, or the file's committee."""
    contest = read.contest
    if found.message_type is MessageType.COUNT_TOTAL:
        return [
            CountPart(
                id=unit.id,
                name=unit.name,
                contest_id=_district_of(unit.id) or contest[0],
                votes=unit.votes,
                recomputed=None,
                source=found.name,
            )
            for unit in read.kept
        ]
    return [
        CountPart(
            id=authority,
            name=_part_name(found, contest[1]),
            contest_id=contest[0],
            votes=total,
            recomputed=recomputed,
            source=found.name,
            units=tuple(read.seen),
        )
    ]


def _part_name(found: FoundFile, contest_name: str | None) -> str | None:
    if found.message_type is MessageType.COUNT_DISTRICT and contest_name:
        return contest_name
    return found.authority.name if found.authority is not None else None


def _district_of(unit_id: str) -> str | None:
    """The district number of a 510d reporting unit ``HSB<n>``, or ``None``."""
    if unit_id.startswith("HSB") and unit_id[3:].isdigit():
        return str(int(unit_id[3:]))
    return None


#: Count files of more than this many bytes together are read by worker processes, one per
#: core, and their tallies added up here (docs/performance.md): below it, starting the workers
#: costs more than it saves.
PARALLEL_FROM_BYTES = 32 * 1024 * 1024

#: Reports reading progress: (files read, files in all, bytes read, bytes in all).
Progress = Callable[[int, int, int, int], None]


def read_count_source(
    identifier: ElectionIdentifier,
    files: Sequence[FoundFile],
    *,
    multi_district: bool,
    schemas: SchemaSet | None = None,
    limits: Limits | None = None,
    keep_parts: bool = True,
    progress: Progress | None = None,
) -> CountSource:
    """Read the count files of one level and add them up per contest.

    Large sets are read by worker processes (:data:`PARALLEL_FROM_BYTES`); the files' results
    are added up here as they arrive, in file order.

    :param identifier: the election (for the result).
    :param files: count files of one level: 510b per municipality, 510c per district, or one
        510d.
    :param multi_district: ``True`` for an election with several districts (TK, PS2): then
        each district is a contest of its own and the election total holds list votes only
        (candidate numbers differ between districts).
    :param keep_parts: ``False`` keeps of each municipality of an election with several
        districts only its list totals (its candidates are in its district's sum), so memory
        does not grow with the number of files; for the CSB, not for ``osv verify`` (which
        compares each file's total with its parts) or an HSB (which writes them).
    :param progress: told after every file (a terminal's progress bar).
    :raises ResultInputError: for mixed levels, two files of one committee, or contests that do
        not fit the election.
    """
    from results.tally.tally import sum_counts

    level = _one_level(files)
    slim = not keep_parts and multi_district and level == "510b"
    added = _add_up(files, schemas, limits, progress, slim=slim)
    parts, findings, sources = added.parts, added.findings, added.sources
    contest_names, methods = added.contest_names, added.methods
    _refuse_duplicates(parts)
    if level != "510d":  # one part per file: in the order of districts and CBS codes
        parts.sort(key=lambda part: (_contest_order(part.contest_id), part.id))
    districts = _districts(identifier, level, added, multi_district=multi_district)
    if multi_district:
        total = sum_counts([without_candidates(votes) for _, votes in districts])
    else:
        total = districts[0][1]
    if level == "510d":  # a 510d's units are the districts, named
        contest_names.update({p.contest_id: p.name for p in parts if p.name})
    return CountSource(
        identifier=identifier,
        level=level,
        files=tuple(sorted(sources, key=lambda s: s.name)),
        parts=tuple(parts),
        districts=tuple(districts),
        total=total,
        findings=tuple(sorted(findings, key=lambda f: (f.code, f.unit))),
        counting_method=methods.pop() if len(methods) == 1 else None,
        contest_names=tuple(sorted(contest_names.items())),
    )


def _one_level(files: Sequence[FoundFile]) -> CountLevel:
    """The level of the count files, which must all have the same one (and one 510d at most).

    :raises ResultInputError: for mixed levels, or several total counts.
    """
    levels = sorted({found.message_type.value for found in files})
    if len(levels) != 1:
        raise ResultInputError(
            f"the counts are at different levels ({', '.join(levels)}): "
            + ", ".join(f"{f.name} ({f.message_type.value})" for f in files[:10])
            + "; give the counts of one level only"
        )
    level: CountLevel = _level(files[0].message_type)
    if level == "510d" and len(files) > 1:
        names = ", ".join(found.name for found in files)
        raise ResultInputError(f"there are {len(files)} total counts (510d): {names}; expected one")
    return level


@dataclass
class _AddedUp:
    """The count files of one level read and added up per contest, in file order."""

    parts: list[CountPart] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    sources: list[SourceFile] = field(default_factory=list)
    contest_names: dict[str, str] = field(default_factory=dict)
    methods: set[str | None] = field(default_factory=set)
    tallies: dict[str, Tally] = field(default_factory=dict)
    first: FileCount | None = None


def _add_up(
    files: Sequence[FoundFile],
    schemas: SchemaSet | None,
    limits: Limits | None,
    progress: Progress | None,
    *,
    slim: bool,
) -> _AddedUp:
    """Read every file (:func:`_read_all`) and add its parts to its contest's tally.

    :raises ResultInputError: when two files count one contest with different lists or
        candidates.
    """
    from results.tally.tally import Tally, structure_of

    added = _AddedUp()
    shapes: dict[str, tuple[object, str]] = {}
    for file_count in _read_all(files, schemas, limits, progress):
        added.first = added.first or file_count
        added.sources.append(file_count.source)
        added.findings += file_count.findings
        added.methods.add(file_count.counting_method)
        if file_count.contest_name:
            added.contest_names[file_count.contest_id] = file_count.contest_name
        for part in file_count.parts:
            shape = structure_of(part.votes)
            earlier = shapes.setdefault(part.contest_id, (shape, part.source))
            if earlier[0] != shape:
                raise ResultInputError(
                    f"{earlier[1]} and {part.source} both count contest {part.contest_id} but "
                    "with different lists or candidates; they cannot be of the same contest"
                )
            added.tallies.setdefault(part.contest_id, Tally()).add(part.votes)
            added.parts.append(_slim(part) if slim else part)
    return added


def _districts(
    identifier: ElectionIdentifier, level: CountLevel, added: _AddedUp, *, multi_district: bool
) -> list[tuple[str, VoteCounts]]:
    """One total per contest: a one-district 510d's stated total, else each contest's sum.

    :raises ResultInputError: when an election with one district has counts of several.
    """
    from results.tally.tally import sum_counts

    parts, tallies = added.parts, added.tallies
    if level == "510d" and not multi_district:
        first = added.first
        if first is None:  # one file was read
            raise InvariantError("no 510d file was read for a single district")
        total = first.stated if first.stated is not None else sum_counts([p.votes for p in parts])
        districts: list[tuple[str, VoteCounts]] = [(first.contest_id, total)]
    else:
        districts = [(key, tallies[key].total) for key in sorted(tallies, key=_contest_order)]
    if not multi_district and len(districts) != 1:
        listed = ", ".join(f"{part.source} counts contest {part.contest_id}" for part in parts[:10])
        raise ResultInputError(
            f"{identifier.id} has one district, but the counts are of "
            f"{len(districts)} different contests: {listed}"
        )
    return districts


def _slim(part: CountPart) -> CountPart:
    """A municipality's part with its list totals only (its candidates are in the sum)."""
    return replace(part, votes=without_candidates(part.votes), recomputed=None)


def _read_all(
    files: Sequence[FoundFile],
    schemas: SchemaSet | None,
    limits: Limits | None,
    progress: Progress | None,
) -> Iterator[FileCount]:
    """Every file read, in file order: here, or by a worker process per core for large sets."""
    sizes = [_size(found) for found in files]
    total = sum(sizes)
    workers = min(os.cpu_count() or 1, len(files)) if total >= PARALLEL_FROM_BYTES else 1
    done = 0
    if workers > 1:
        folder = str(schemas.folder) if schemas is not None else None
        context = multiprocessing.get_context("forkserver")
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            tasks = [(found, folder, limits) for found in files]
            for index, file_count in enumerate(pool.map(_read_in_worker, tasks)):
                done += sizes[index]
                if progress is not None:
                    progress(index + 1, len(files), done, total)
                yield file_count
        return
    for index, found in enumerate(files):
        file_count = read_count_file(found, schemas=schemas, limits=limits)
        done += sizes[index]
        if progress is not None:
            progress(index + 1, len(files), done, total)
        yield file_count


def _size(found: FoundFile) -> int:
    try:
        return found.path.stat().st_size
    except OSError:
        return 0  # reading it will say what is wrong


#: The schemas of each folder, loaded once per worker process.
_WORKER_SCHEMAS: dict[str, SchemaSet] = {}


def _read_in_worker(task: tuple[FoundFile, str | None, Limits | None]) -> FileCount:
    """:func:`read_count_file` in a worker process (its arguments must pickle)."""
    found, folder, limits = task
    schemas = None
    if folder is not None:
        from eml.xsd import SchemaSet

        schemas = _WORKER_SCHEMAS.setdefault(folder, SchemaSet(Path(folder)))
    return read_count_file(found, schemas=schemas, limits=limits)


def _level(message_type: MessageType) -> CountLevel:
    if message_type is MessageType.COUNT_MUNICIPALITY:
        return "510b"
    if message_type is MessageType.COUNT_DISTRICT:
        return "510c"
    if message_type is MessageType.COUNT_TOTAL:
        return "510d"
    raise ResultInputError(
        f"EML {message_type.value} is not a count the result stages read (510b, 510c, 510d)"
    )


def _refuse_duplicates(parts: Sequence[CountPart]) -> None:
    seen: dict[str, CountPart] = {}
    for part in parts:
        earlier = seen.get(part.id)
        if earlier is not None:
            raise ResultInputError(
                f"{earlier.source} and {part.source} both count {part.name or part.id} "
                f"({part.id}); each committee's count may be given once"
            )
        seen[part.id] = part


def _contest_order(contest_id: str) -> tuple[int, str]:
    return (int(contest_id), "") if contest_id.isdigit() else (0, contest_id)


def without_candidates(votes: VoteCounts) -> VoteCounts:
    """``votes`` with the list totals only (for adding up districts whose candidates differ)."""
    return votes.model_copy(
        update={
            "lists": tuple(
                ListVotes(number=lst.number, name=lst.name, votes=lst.votes) for lst in votes.lists
            )
        }
    )
