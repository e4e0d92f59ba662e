"""Everything a central polling station, or a verifier, reads from an election's folder.

:func:`read_inputs` reads the files :func:`~osv.service.result.files.find_election_files`
found, in the roles the result needs:

* the election definition (110a), optional: it gives the number of seats and the preference
  threshold; without it the operator gives ``--seats`` and the category comes from the files'
  ``ElectionIdentifier``;
* the candidate lists (230b): one for a single-district election, one per district otherwise;
  optional, but without them the names of the elected are unknown;
* the counts at the lowest level present (510b per municipality, else 510c per district, else
  one 510d), read as a stream and added up (:mod:`osv.service.result.counts`);
* the published totals above that level (a 510c or 510d) and a published result (520): the
  central polling station ignores them (they are what it is about to produce), ``osv verify``
  compares them with its own computation.

Counts above the lowest level must be covered by it (a 510c of a district without its
municipalities beside it is refused): silently leaving out a district would change the result.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from eml import Eml110a, Eml230b, Eml520, SchemaSet, read_eml
from eml.documents import MessageType
from eml.safe import Limits
from osv.model import Contest, ElectionCategory, ElectionSubcategory
from osv.service.result.counts import FileCount, Progress, read_count_file, read_count_source
from osv.service.result.coverage import (
    UNCHECKED,
    Coverage,
    IncompleteCountsError,
    coverage_from_headers,
    coverage_of,
)
from osv.service.result.files import (
    DESCRIPTIONS,
    ElectionFiles,
    FoundFile,
    ResultInputError,
    find_election_files,
)
from osv.service.result.sources import CountSource, SourceFile

__all__ = ["ElectionInputs", "is_multi_district", "read_inputs", "resolve_seats"]

D = TypeVar("D", Eml110a, Eml230b, Eml520)

_LEVELS = (MessageType.COUNT_MUNICIPALITY, MessageType.COUNT_DISTRICT, MessageType.COUNT_TOTAL)


@dataclass(frozen=True)
class ElectionInputs:
    """The files of one election, read.

    :param files: what was found in the folder.
    :param definition: the 110a, when present.
    :param candidate_lists: the 230b files (one per district for TK and PS2).
    :param counts: the counts at the lowest level present, added up.
    :param published_counts: count files above that level (510c, 510d), read and summed.
    :param published_result: the 520, when present.
    :param read: every non-count file read, with its hash, in name order.
    :param multi_district: whether the election has several districts (TK, PS2).
    :param notes: deviations the readers accepted (file name first), and the folder's notes.
    :param coverage: whether the counts cover every unit the definition names
        (:mod:`osv.service.result.coverage`); the stages refuse to publish when they do not.
    """

    files: ElectionFiles
    definition: Eml110a | None
    candidate_lists: tuple[Eml230b, ...]
    counts: CountSource
    published_counts: tuple[FileCount, ...]
    published_result: Eml520 | None
    read: tuple[SourceFile, ...]
    multi_district: bool
    notes: tuple[str, ...] = ()
    coverage: Coverage = UNCHECKED

    def require_complete(self) -> None:
        """Refuse to go on when a unit the definition names has no count.

        :raises IncompleteCountsError: one sentence per missing unit.
        """
        if not self.coverage.complete:
            raise IncompleteCountsError(self.files.identifier.id, self.coverage)

    @property
    def sources(self) -> tuple[SourceFile, ...]:
        """Every file read (definition, lists, counts, published files), in name order."""
        everything = [*self.read, *self.counts.files]
        everything += [count.source for count in self.published_counts]
        return tuple(sorted(everything, key=lambda source: source.name))

    def contest(self) -> Contest | None:
        """The candidate lists of a single-district election (the 230b's one contest)."""
        if not self.candidate_lists:
            return None
        return self.candidate_lists[0].contests[0]


def is_multi_district(files: ElectionFiles) -> bool:
    """Whether the election has several districts: the Tweede Kamer, or a PS2."""
    identifier = files.identifier
    return (
        identifier.category is ElectionCategory.TK
        or identifier.subcategory is ElectionSubcategory.PS2
    )


def read_inputs(
    folder: Path,
    *,
    schemas: SchemaSet | None = None,
    limits: Limits | None = None,
    complete: bool = False,
    keep_parts: bool = True,
    progress: Progress | None = None,
) -> ElectionInputs:
    """Find and read the files of one election in ``folder`` (see the module docstring).

    :param complete: refuse as soon as the count files' headers show that a unit the 110a
        names has no count, before their content is read (the stage would refuse anyway).
    :param keep_parts: see :func:`~osv.service.result.counts.read_count_source`.
    :param progress: told after every count file read.
    :raises IncompleteCountsError: with ``complete``, for a unit without a count.
    :raises ResultInputError: when files are missing, duplicated or do not fit together.
    :raises EmlError: when a file cannot be read (naming it).
    """
    files = find_election_files(folder, limits=limits)
    multi = is_multi_district(files)
    read: list[SourceFile] = []
    notes: list[str] = list(files.notes)
    definition, result, lists = _read_documents(files, schemas, limits, read, notes, multi)
    levels = _count_levels(folder, files, definition, complete=complete)
    counts = read_count_source(
        files.identifier,
        files.of(levels[0]),
        multi_district=multi,
        schemas=schemas,
        limits=limits,
        keep_parts=keep_parts,
        progress=progress,
    )
    published = _published_counts(files, levels[1:], schemas, limits)
    coverage = coverage_of(
        files,
        definition.election if definition is not None else None,
        counts,
        schemas=schemas,
        limits=limits,
    )
    if counts.level != "510b":
        notes += _unused_stations(files, counts.level)
    if coverage.complete:  # else the stage refuses with the missing units (require_complete)
        _check_covered(counts, published)
    return ElectionInputs(
        files=files,
        definition=definition,
        candidate_lists=tuple(lists),
        counts=counts,
        published_counts=published,
        published_result=result,
        read=tuple(sorted(read, key=lambda source: source.name)),
        multi_district=multi,
        notes=tuple(notes),
        coverage=coverage,
    )


def _read_documents(
    files: ElectionFiles,
    schemas: SchemaSet | None,
    limits: Limits | None,
    read: list[SourceFile],
    notes: list[str],
    multi: bool,
) -> tuple[Eml110a | None, Eml520 | None, list[Eml230b]]:
    """The election definition, the published result and the candidate lists, when there.

    :raises ResultInputError: when the candidate lists do not fit the election.
    """
    found_definition = files.single(MessageType.ELECTION_DEFINITION)
    definition = (
        _read(found_definition, Eml110a, schemas, limits, read, notes) if found_definition else None
    )
    found_result = files.single(MessageType.RESULT)
    result = _read(found_result, Eml520, schemas, limits, read, notes) if found_result else None
    lists = [
        _read(found, Eml230b, schemas, limits, read, notes)
        for found in files.of(MessageType.CANDIDATE_LISTS)
    ]
    _check_candidate_lists(files, lists, multi)
    return definition, result, lists


def _count_levels(
    folder: Path, files: ElectionFiles, definition: Eml110a | None, *, complete: bool
) -> list[MessageType]:
    """The levels of counts in the folder, lowest first: the first is added up, the others are
    compared with it.

    :raises ResultInputError: when the folder holds no counts.
    :raises IncompleteCountsError: with ``complete``, when the headers of the lowest level's
        files show a unit without a count.
    """
    levels = [level for level in _LEVELS if files.of(level)]
    if not levels:
        raise ResultInputError(
            f"the folder {folder} holds no counts of {files.identifier.id}: expected municipal "
            "counts (510b), district counts (510c) or a total count (510d)"
        )
    if complete and definition is not None:
        early = coverage_from_headers(definition.election, files.of(levels[0]))
        if early is not None and not early.complete:
            raise IncompleteCountsError(files.identifier.id, early)
    return levels


def _published_counts(
    files: ElectionFiles,
    levels: list[MessageType],
    schemas: SchemaSet | None,
    limits: Limits | None,
) -> tuple[FileCount, ...]:
    """The count files of the levels above the one added up, each read whole."""
    return tuple(
        read_count_file(found, schemas=schemas, limits=limits)
        for level in levels
        for found in files.of(level)
    )


def _unused_stations(files: ElectionFiles, level: str) -> list[str]:
    """A note per polling-station file (110b), which counts above the 510b do not use."""
    return [
        f"{found.name} (polling stations, 110b) is not used: the counts are "
        f"{level} files, not the municipalities' 510b"
        for found in files.of(MessageType.POLLING_STATIONS)
    ]


def resolve_seats(inputs: ElectionInputs, seats: int | None) -> tuple[int, str]:
    """The number of seats and where it came from (the 110a, or ``--seats``).

    :raises ResultInputError: when neither gives it, or they disagree.
    """
    definition = inputs.definition
    if definition is not None:
        defined = definition.election.number_of_seats
        if seats is not None and seats != defined:
            raise ResultInputError(
                f"--seats {seats} differs from the election definition (110a), which fixes "
                f"{defined} seats; leave out --seats or correct it"
            )
        name = inputs.files.of(MessageType.ELECTION_DEFINITION)[0].name
        return defined, f"the election definition {name}"
    if seats is None:
        raise ResultInputError(
            f"the folder has no election definition (110a) of {inputs.files.identifier.id}, so "
            "the number of seats is unknown: give it with --seats N"
        )
    if seats < 1:
        raise ResultInputError(f"--seats must be 1 or more, not {seats}")
    return seats, f"--seats {seats}; there is no election definition (110a)"


def _read(
    found: FoundFile,
    kind: type[D],
    schemas: SchemaSet | None,
    limits: Limits | None,
    read: list[SourceFile],
    notes: list[str],
) -> D:
    outcome = read_eml(found.path, source=found.name, schemas=schemas, limits=limits)
    notes += [f"{found.name}: {note}" for note in outcome.notes]
    document = outcome.document
    if not isinstance(document, kind):  # the scan classified it by the same Id
        raise AssertionError(f"{found.name} is not a {kind.__name__}")
    read.append(
        SourceFile(
            name=found.name,
            message_type=found.message_type.value,
            digest=outcome.digest,
            validated=outcome.validated,
        )
    )
    return document


def _check_candidate_lists(files: ElectionFiles, lists: list[Eml230b], multi: bool) -> None:
    names = [found.name for found in files.of(MessageType.CANDIDATE_LISTS)]
    if not multi and len(lists) > 1:
        raise ResultInputError(
            f"{files.identifier.id} has one district, but the folder holds {len(lists)} "
            f"candidate-list files (230b): {', '.join(names)}; expected one"
        )
    seen: dict[str, str] = {}
    for name, document in zip(names, lists, strict=True):
        if not multi and len(document.contests) != 1:
            raise ResultInputError(
                f"{name} has {len(document.contests)} contests; a single-district election's "
                "candidate lists have one"
            )
        for contest in document.contests:
            if contest.id in seen:
                raise ResultInputError(
                    f"{seen[contest.id]} and {name} both hold the candidate lists of contest "
                    f"{contest.id}; each contest's lists may be given once"
                )
            seen[contest.id] = name


def _check_covered(counts: CountSource, published: tuple[FileCount, ...]) -> None:
    """Refuse a higher-level count whose district the lowest-level counts do not cover."""
    counted = set(counts.contest_ids)
    for file_count in published:
        contests = {part.contest_id for part in file_count.parts if part.contest_id.isdigit()}
        if file_count.source.message_type == "510c":
            contests = {file_count.contest_id}
        missing = sorted(contests - counted)
        if missing:
            level = DESCRIPTIONS[MessageType(counts.level)]
            raise ResultInputError(
                f"{file_count.source.name} counts district {', '.join(missing)}, but the "
                f"folder has no {level} ({counts.level}) of that district beside it; give the "
                "counts of one level, or of every district at the lowest level"
            )
