"""Importing EML files: all of them or none, each checked before anything is stored.

:func:`import_files` is the use case behind ``osv import``. It works in three steps:

1. **Read** every file (size limit, safe parsing, the official schema when given) and put them
   in the order an election is built: election definition (110a), candidate lists (230b),
   polling stations (110b), counts (510), result (520), whatever order they were given in.
2. **Check** them: each must belong to the stored election (or to a definition in the same
   import) and must not replace something stored from another file
   (:mod:`osv.service.import_checks`); then the integrity hash of each new 110a, 230b and
   510b/c/d is checked against a hash file or the paper (:mod:`osv.service.hash_checks`).
3. **Store** them in one transaction, with an ``eml.imported`` audit event per file, and commit
   once. A refusal raises before this step or rolls it back: nothing is ever half-imported.
   The event says what the hash was checked against (``checked_against``): ``paper`` (two
   groups typed from the paper report), ``file`` (a hash file, whose own name and SHA-256 are
   recorded: whoever can change the EML files on a USB stick can change that file too, so only
   the command line accepts one), ``nothing`` (skipped) or ``null`` (no paper hash: 110b, 520).

A file whose SHA-256 is already stored for its election is not stored again; its outcome says
``already-imported`` and an ``eml.already_imported`` audit event notes the attempt.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from eml.documents import (
    Eml110a,
    Eml110b,
    Eml210,
    Eml230b,
    Eml510,
    Eml520,
    EmlDocument,
    MessageType,
)
from eml.hash import read_hash_file
from eml.read import read_eml
from eml.safe import Limits
from eml.xsd import SchemaSet
from osv.service.errors import ImportRefused
from osv.service.hash_checks import HashCheck, HashOutcome, check_hash, hash_file_index
from osv.service.import_checks import PendingFile, date_note, plan
from osv.service.unit_of_work import UowFactory
from osv.store import AuditEvent, ImportedFile, UnitOfWork, contests_of

__all__ = ["CHECKED_AGAINST", "HashCheck", "ImportOutcome", "import_files"]

#: The order in which an election is built up; files are imported in this order.
_ORDER = {
    MessageType.ELECTION_DEFINITION: 0,
    MessageType.CANDIDATE_LISTS: 1,
    MessageType.POLLING_STATIONS: 2,
    MessageType.COUNT_POLLING_STATION: 3,
    MessageType.COUNT_MUNICIPALITY: 3,
    MessageType.COUNT_DISTRICT: 3,
    MessageType.COUNT_TOTAL: 3,
    MessageType.RESULT: 4,
}


@dataclass(frozen=True)
class ImportOutcome:
    """What happened to one file of an import.

    :param path: the file as given.
    :param message_type: ``110a``, ``230b``, ``110b``, ``510b``, ...
    :param election: the ElectionIdentifier Id.
    :param digest: SHA-256 of the file's bytes.
    :param status: ``imported``, or ``already-imported`` when the same file was stored before.
    :param summary: one line saying what the file holds, for the operator.
    :param hash_check: how its integrity hash was checked: ``hash-file``, ``typed-groups``,
        ``skipped`` or ``not-required``.
    :param digest_matched: ``raw`` or ``c14n`` (OSV2020's canonical form) when a hash was
        compared; ``None`` otherwise.
    :param notes: deviations from the expected form that were accepted (docs/eml.md, "What
        OSV refuses and what it notes"), for the operator; also in the audit event.
    """

    path: Path
    message_type: str
    election: str
    digest: bytes
    status: Literal["imported", "already-imported"]
    summary: str
    hash_check: str
    digest_matched: str | None = None
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Read:
    """A file as read: the pending file, its bytes and its digest."""

    pending: PendingFile
    data: bytes
    digest: bytes
    size: int
    validated: bool
    position: int
    notes: tuple[str, ...] = ()

    @property
    def message_type(self) -> MessageType:
        return self.pending.document.message_type


def _read(path: Path, position: int, schemas: SchemaSet | None, limits: Limits) -> _Read:
    """Read ``path`` once (at most one byte over the limit), then parse those same bytes."""
    try:
        with path.open("rb") as handle:
            data = handle.read(limits.max_bytes + 1)
    except OSError as error:
        raise ImportRefused(path, f"cannot be read ({error.strerror or error})") from None
    result = read_eml(
        data, source=str(path), schemas=schemas, limits=limits, expect=frozenset(_ORDER)
    )
    return _Read(
        pending=PendingFile(path, result.document, result.digest.hex()),
        data=data,
        digest=result.digest,
        size=result.size,
        validated=result.validated,
        position=position,
        notes=result.notes,
    )


def import_files(
    uow_factory: UowFactory,
    paths: Sequence[Path],
    *,
    schemas: SchemaSet | None,
    limits: Limits,
    hash_check: HashCheck,
    actor: str,
    progress: Callable[[int, int, int, int], None] | None = None,
) -> list[ImportOutcome]:
    """Import EML files into the store, all of them or none.

    :param uow_factory: makes the units of work (see :mod:`osv.service.bootstrap`).
    :param paths: the files, in any order.
    :param schemas: validate each file against the official EML_NL schemas as well.
    :param limits: size and content limits for reading.
    :param hash_check: how the operator lets OSV check integrity hashes.
    :param actor: who imports, for the audit log.
    :param progress: told after every file read: (files read, files, bytes read, bytes).
    :returns: one outcome per given path, in import order (110a, 230b, 110b, 510, 520).
    :raises EmlError: a file cannot be read as EML_NL.
    :raises ImportRefused: a file does not fit the stored election, or its hash check failed.
    :raises StoreError: the database failed; nothing was stored.
    """
    read = []
    total = sum(_size(Path(path)) for path in paths)
    for i, path in enumerate(paths):
        read.append(_read(Path(path), i, schemas, limits))
        if progress is not None:
            progress(i + 1, len(paths), sum(item.size for item in read), total)
    read.sort(key=lambda item: (_ORDER[item.message_type], item.position))
    unique = _first_of_each_digest(read)
    pending = [item.pending for item in unique]

    with uow_factory() as uow:  # read only: refuse before asking the operator anything
        stored_before = plan(uow, pending)
    hashes, source = _check_hashes(unique, stored_before, hash_check)

    outcomes: dict[str, ImportOutcome] = {}
    with uow_factory() as uow:
        decisions = plan(uow, pending)  # again: the store may have changed in the meantime
        for item, existing in zip(unique, decisions, strict=True):
            checked = hashes.get(item.pending.sha256)
            if existing is not None:
                outcomes[item.pending.sha256] = _note_repeat(uow, item, existing, actor)
            elif checked is not None:
                outcomes[item.pending.sha256] = _store(uow, item, checked, actor, source)
            else:
                # Stored when checked, gone now: never store a file whose hash was not checked.
                raise ImportRefused(
                    item.pending.path,
                    "the database changed during the import (the file was stored before and "
                    "is gone now); run the import again",
                )
        uow.commit()
    return [_outcome_for(item, outcomes[item.pending.sha256], unique) for item in read]


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0  # reading it will say what is wrong


def _first_of_each_digest(files: list[_Read]) -> list[_Read]:
    """The files without repeats of the same bytes for the same election."""
    seen: set[tuple[str, str]] = set()
    unique = []
    for item in files:
        key = (item.pending.election, item.pending.sha256)
        if key not in seen:
            seen.add(key)
            unique.append(item)
    return unique


def _outcome_for(item: _Read, outcome: ImportOutcome, unique: list[_Read]) -> ImportOutcome:
    """The outcome of ``item``; a repeat within the import points at the first copy."""
    if any(other is item for other in unique):
        return outcome
    return ImportOutcome(
        path=item.pending.path,
        message_type=outcome.message_type,
        election=outcome.election,
        digest=outcome.digest,
        status="already-imported",
        summary=f"the same file as {outcome.path} in this import",
        hash_check=outcome.hash_check,
        digest_matched=outcome.digest_matched,
    )


@dataclass(frozen=True)
class _HashFile:
    """The hash file an import was checked against: its name and its own SHA-256."""

    name: str
    sha256: str

    @classmethod
    def of(cls, path: Path | None) -> _HashFile | None:
        if path is None:
            return None
        try:
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError as error:
            raise ImportRefused(path, f"cannot be read ({error.strerror or error})") from None
        return cls(path.name, digest)


#: What a hash check compared the file with, as the audit event records it.
CHECKED_AGAINST = {
    "typed-groups": "paper",
    "hash-file": "file",
    "skipped": "nothing",
    "not-required": None,
}


def _check_hashes(
    unique: list[_Read], stored_before: list[ImportedFile | None], hash_check: HashCheck
) -> tuple[dict[str, HashOutcome], _HashFile | None]:
    """Check the hash of every file not stored yet (asking the operator when that is the way),
    by SHA-256; and the hash file used, if any."""
    entries = read_hash_file(hash_check.hash_file) if hash_check.hash_file else ()
    hash_file = hash_file_index(entries)
    source = _HashFile.of(hash_check.hash_file)
    hashes = {
        item.pending.sha256: check_hash(
            item.pending.path,
            item.message_type,
            item.digest,
            item.data,
            item.pending.document.header.canonicalization,
            hash_check,
            hash_file,
        )
        for item, existing in zip(unique, stored_before, strict=True)
        if existing is None
    }
    return hashes, source


def _store(
    uow: UnitOfWork, item: _Read, checked: HashOutcome, actor: str, source: _HashFile | None
) -> ImportOutcome:
    """Store one new file with its record and audit event."""
    pending = item.pending
    record = ImportedFile(
        election=pending.election,
        message_type=item.message_type.value,
        sha256=pending.sha256,
        file_name=pending.path.name,
        size=item.size,
        imported_by=actor,
        hash_check=checked.method,
        digest_matched=checked.digest,
    )
    document = pending.document
    if isinstance(document, Eml110a):
        uow.elections.add(document.election)
        uow.files.add(record)
    else:
        uow.files.add(record)
        _store_content(uow, pending.election, document, pending.sha256)
    summary, counts = _describe(document)
    notes = item.notes
    date = date_note(uow, pending)
    if date is not None:
        notes += (date,)
    data = _event_data(item, record, source, counts, notes)
    uow.audit.append(
        AuditEvent(event="eml.imported", actor=actor, election=pending.election, data=data)
    )
    return ImportOutcome(
        path=pending.path,
        message_type=record.message_type,
        election=pending.election,
        digest=item.digest,
        status="imported",
        summary=summary,
        hash_check=checked.method,
        digest_matched=checked.digest,
        notes=notes,
    )


def _store_content(uow: UnitOfWork, eid: str, document: EmlDocument, sha256: str) -> None:
    match document:
        case Eml230b():
            for contest in document.contests:
                uow.candidate_lists.add(eid, contest, source_sha256=sha256)
        case Eml110b():
            unit = document.reporting_unit
            uow.polling_stations.add(
                eid, unit.id, unit.name, document.polling_stations, source_sha256=sha256
            )
        case Eml510():
            uow.counts.add(eid, document, source_sha256=sha256)
        case Eml520():
            uow.results.add(eid, document, source_sha256=sha256)


def _note_repeat(uow: UnitOfWork, item: _Read, existing: ImportedFile, actor: str) -> ImportOutcome:
    """Leave a file stored before as it is, and note the attempt in the audit log."""
    uow.audit.append(
        AuditEvent(
            event="eml.already_imported",
            actor=actor,
            election=existing.election,
            data={
                "file": item.pending.path.name,
                "path": str(item.pending.path),
                "message_type": existing.message_type,
                "sha256": existing.sha256,
                "first_imported_at": existing.imported_at.isoformat(),
                "first_imported_by": existing.imported_by,
            },
        )
    )
    return ImportOutcome(
        path=item.pending.path,
        message_type=existing.message_type,
        election=existing.election,
        digest=item.digest,
        status="already-imported",
        summary=(
            f"already imported on {existing.imported_at:%Y-%m-%d %H:%M} UTC by "
            f"{existing.imported_by} as {existing.file_name}; nothing changed"
        ),
        hash_check=existing.hash_check,
        digest_matched=existing.digest_matched,
    )


def _event_data(
    item: _Read,
    record: ImportedFile,
    source: _HashFile | None,
    counts: dict[str, Any],
    notes: tuple[str, ...],
) -> dict[str, Any]:
    """What the ``eml.imported`` audit event records of a stored file."""
    return {
        "file": record.file_name,
        "path": str(item.pending.path),
        "message_type": record.message_type,
        "sha256": record.sha256,
        "size": record.size,
        "schema_validated": item.validated,
        "hash_check": record.hash_check,
        "checked_against": CHECKED_AGAINST[record.hash_check],
        **(
            {"hash_file": source.name, "hash_file_sha256": source.sha256}
            if record.hash_check == "hash-file" and source is not None
            else {}
        ),
        "digest_matched": record.digest_matched,
        "counts": counts,
        **({"notes": list(notes)} if notes else {}),
    }


def _describe(document: EmlDocument) -> tuple[str, dict[str, Any]]:
    """A one-line summary of a document and the numbers behind it (for the audit log)."""
    match document:
        case Eml110a():
            return _describe_definition(document)
        case Eml230b():
            lists = sum(len(contest.lists) for contest in document.contests)
            candidates = sum(
                len(lst.candidates) for contest in document.contests for lst in contest.lists
            )
            ids = ", ".join(contest.id for contest in document.contests)
            return (
                f"candidate lists of contest {ids}: {_plural(lists, 'list')}, "
                f"{_plural(candidates, 'candidate')}",
                {"contests": len(document.contests), "lists": lists, "candidates": candidates},
            )
        case Eml110b():
            stations = document.polling_stations
            voters = sum(station.number_of_voters or 0 for station in stations)
            unit = document.reporting_unit
            return (
                f"polling stations of {unit.name or unit.id} ({unit.id}): "
                f"{_plural(len(stations), 'polling station')}, {voters} voters",
                {"polling_stations": len(stations), "voters": voters},
            )
        case Eml510():
            units = sum(len(contest.reporting_units) for contest in document.contests)
            authority = document.header.managing_authority
            who = f"{authority.name or authority.id} ({authority.id})" if authority else "?"
            return (
                f"count ({document.message_type.value}) of {who}: "
                f"{_plural(units, 'reporting unit')}",
                {"contests": len(document.contests), "reporting_units": units},
            )
        case Eml210():  # refused by _read (expect): a nomination belongs to candidacy
            candidate_list = document.candidate_list
            return (
                f"nomination of {candidate_list.name or '(blank list)'}: "
                f"{_plural(len(candidate_list.candidates), 'candidate')}",
                {"candidates": len(candidate_list.candidates)},
            )
        case _:
            elected = sum(
                len(lst.candidates) for contest in document.contests for lst in contest.lists
            )
            lists = sum(
                1 for contest in document.contests for lst in contest.lists if lst.candidates
            )
            return (
                f"result: {_plural(elected, 'elected candidate')} on {_plural(lists, 'list')}",
                {"elected": elected, "lists_with_seats": lists},
            )


def _describe_definition(document: Eml110a) -> tuple[str, dict[str, Any]]:
    """:func:`_describe` for an election definition (110a)."""
    definition = document.election
    contests = len(contests_of(definition))
    counts: dict[str, Any] = {
        "seats": definition.number_of_seats,
        "contests": contests,
        "registered_parties": len(definition.registered_parties),
    }
    name = definition.identifier.name or definition.identifier.id
    parties = len(definition.registered_parties)
    return (
        f"election definition of {name}: {definition.number_of_seats} seats, "
        f"{_plural(contests, 'contest')}, "
        f"{_plural(parties, 'registered party', 'registered parties')}",
        counts,
    )


def _plural(number: int, singular: str, plural: str | None = None) -> str:
    return f"{number} {singular if number == 1 else plural or singular + 's'}"
