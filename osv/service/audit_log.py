"""Use cases around the audit log's integrity: verify its hash chain, make a checked backup.

:func:`verify_audit_log` walks the whole log once (see :mod:`osv.store.chain`).
:func:`backup_database` copies an SQLite database while OSV runs, checks the copy (schema
version equal to this OSV's, audit chain intact) and records a ``database.backup`` event with
the copy's SHA-256 in the source database, so the log says which backups were made.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from osv.store import AuditEvent, Database, UnitOfWork
from osv.store.backup import BackupCheck, backup_sqlite, check_backup
from osv.store.chain import ChainReport
from osv.store.errors import BackupError
from osv.store.records import utc_now

__all__ = ["backup_database", "backup_into_folder", "verify_audit_log"]


def verify_audit_log(uow_factory: Callable[[], UnitOfWork]) -> ChainReport:
    """Whether the audit log's hash chain is intact, and if not, the first broken event."""
    with uow_factory() as uow:
        return uow.audit.verify_chain()


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
    if check.chain.broken is not None:
        raise BackupError(f"The backup {target} failed its check: {check.chain.broken.reason}.")
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
    """:func:`backup_database` into ``folder``, as ``osv-backup-<UTC time>.sqlite3``.

    :raises BackupError: as :func:`backup_database` (also when a backup of the same second
        exists).
    """
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise BackupError(f"The folder {folder} cannot be created: {error}.") from None
    name = f"osv-backup-{utc_now():%Y%m%dT%H%M%SZ}.sqlite3"
    return backup_database(database, folder / name, actor=actor)
