"""Use cases around the audit log's integrity: verify it, name its head, make a checked backup.

:func:`verify_audit_log` walks the whole log once: the hash chain (:mod:`osv.store.chain`), the
content hashes of the counted data against the stored rows (:mod:`osv.store.content`) and,
when given, whether an event carries a head noted down earlier (a truncated log has none).
:func:`audit_head` is the anchor to print on paper: the last event's hash, for the
process-verbaal and the minutes. :func:`backup_database` copies an SQLite database while OSV
runs, checks the copy (schema version equal to this OSV's, audit log intact) and records a
``database.backup`` event with the copy's SHA-256 and head in the source database, so the log
says which backups were made.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from osv.service.retention import BACKUPS_KEPT, clean_backups
from osv.service.unit_of_work import UowFactory
from osv.store import AuditEvent, Database
from osv.store.audit import LogReport
from osv.store.backup import BackupCheck, backup_sqlite, check_backup
from osv.store.errors import BackupError
from osv.store.records import utc_now

__all__ = [
    "AuditHead",
    "audit_head",
    "backup_database",
    "backup_for_download",
    "backup_into_folder",
    "verify_audit_log",
]


@dataclass(frozen=True)
class AuditHead:
    """The newest event of the audit log: the anchor to write down.

    Any later log must contain an event with this hash (``osv audit verify --head HASH``),
    so a log cut back to before it, or replaced, shows.

    :param hash: the event's hash, 64 lowercase hex (64 zeros for an empty log).
    :param event_id: its id (``None`` for an empty log).
    :param events: how many events the log holds.
    """

    hash: str
    event_id: int | None
    events: int

    @property
    def groups(self) -> str:
        """The hash in 16 groups of 4, as printed on paper."""
        return " ".join(self.hash[i : i + 4] for i in range(0, len(self.hash), 4))


def audit_head(uow_factory: UowFactory) -> AuditHead:
    """The audit log's current head (as stored; :func:`verify_audit_log` checks it)."""
    with uow_factory() as uow:
        hash_, event_id, events = uow.audit.head()
    return AuditHead(hash_, event_id, events)


def verify_audit_log(uow_factory: UowFactory, *, head: str | None = None) -> LogReport:
    """Whether the audit log holds: its chain, the counted data it recorded and the noted
    ``head`` (64 lowercase hex, see :func:`osv.store.audit.normalise_head`)."""
    with uow_factory() as uow:
        return uow.audit.verify(head=head)


def backup_database(database: Database, target: Path, *, actor: str) -> BackupCheck:
    """Back the SQLite ``database`` up into the new file ``target``; check it; log it.

    :raises BackupError: for PostgreSQL (the message gives the ``pg_dump`` command), an
        existing ``target``, or a copy that fails the check (the copy is then left for study).
    """
    backup_sqlite(database, target)
    check = check_backup(target)
    head = database.head_revision()
    if check.revision != head:
        raise BackupError(
            f"The backup {target} has schema version {check.revision}, expected {head}."
        )
    if check.problem is not None:
        raise BackupError(f"The backup {target} failed its check: {check.problem}.")
    with database.unit_of_work() as uow:
        uow.audit.append(
            AuditEvent(
                event="database.backup",
                actor=actor,
                data={
                    "file": target.name,
                    "size": check.size,
                    "sha256": check.sha256,
                    "revision": check.revision,
                    "audit_events": check.chain.count,
                    "audit_last_hash": check.chain.last_hash,
                },
            )
        )
        uow.commit()
    return check


def backup_into_folder(database: Database, folder: Path, *, actor: str) -> BackupCheck:
    """:func:`backup_database` into ``folder``, as ``osv-backup-<UTC time>.sqlite3`` (with
    ``-2``, ``-3``, ... for more of the same second).

    :raises BackupError: as :func:`backup_database`.
    """
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise BackupError(f"The folder {folder} cannot be created: {error}.") from None
    stem = f"osv-backup-{utc_now():%Y%m%dT%H%M%SZ}"
    target = folder / f"{stem}.sqlite3"
    number = 1
    while target.exists():  # a second backup within the same second
        number += 1
        target = folder / f"{stem}-{number}.sqlite3"
    return backup_database(database, target, actor=actor)


def backup_for_download(
    database: Database, folder: Path, *, actor: str, keep: int = BACKUPS_KEPT
) -> BackupCheck:
    """The web interface's backup: a new one in ``folder`` (then only the newest ``keep``
    are kept, :func:`osv.service.retention.clean_backups`), or the last one again when
    nothing was logged since it was made (so clicking twice makes one copy).

    :raises BackupError: as :func:`backup_database`.
    """
    with database.unit_of_work() as uow:
        newest = uow.audit.events(limit=1)
    last = newest[-1] if newest else None
    if last is not None and last.event == "database.backup":
        previous = folder / str(last.data.get("file", ""))
        if previous.name.startswith("osv-backup-") and previous.is_file():
            check = check_backup(previous)
            if check.sha256 == last.data.get("sha256") and check.problem is None:
                return check
    check = backup_into_folder(database, folder, actor=actor)
    clean_backups(folder, keep=keep)
    return check
