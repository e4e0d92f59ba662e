"""Restoring a backup: checked before, the replaced database kept aside, logged after.

:func:`restore_backup` (``osv db restore BACKUP``, SQLite) does it in one go:

1. the backup is checked: its schema version must be this OSV's, its audit log's chain and the
   content hashes of its counted data must hold (:func:`osv.store.backup.check_backup`);
2. no server may be using the database (:mod:`osv.store.presence`): stop ``osv serve`` first;
3. the database must not hold events the backup lacks (events after the backup's head, or a
   log that went another way): those would be lost, so this needs ``force``;
4. the database is copied aside, whole, as ``<file>.replaced-<UTC time>`` next to it;
5. the backup's pages are copied into the database (SQLite's backup API, so a write-ahead log
   of the old database cannot survive into the new one);
6. a ``database.restored`` event is appended: the first event after the restored head, naming
   the backup (name, SHA-256), the restored head, what was replaced (kept aside as, its head and
   number of events) and whether ``force`` was needed; then the whole log is verified again.

For PostgreSQL, ``pg_restore`` does step 5 into a new, empty database (the old one stays as it
is: that is keeping it aside), and :func:`record_pg_restore` (``osv db restore DUMP
--after-pg-restore``) does the checks of steps 1 and 2 on the restored database and step 6.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from osv.store import AuditEvent, Database
from osv.store.audit import LogReport
from osv.store.backup import BackupCheck, backup_sqlite, check_backup, file_sha256
from osv.store.errors import BackupError, StoreError
from osv.store.presence import exclusive
from osv.store.records import utc_now

__all__ = ["RestoreOutcome", "record_pg_restore", "restore_backup"]


@dataclass(frozen=True)
class RestoreOutcome:
    """What a restore did.

    :param backup: the backup file and what its check found.
    :param aside: where the replaced database was kept (``None``: there was none).
    :param replaced_events: how many audit events the replaced database had.
    :param log: the verification of the restored database's log after the restore event.
    """

    backup: BackupCheck | None
    aside: Path | None
    replaced_events: int
    log: LogReport


def _sqlite_path(database: Database) -> Path:
    url = database.engine.url
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        raise BackupError(
            "osv db restore copies SQLite database files. For PostgreSQL restore the pg_dump "
            "file with pg_restore into a new, empty database (the old one stays as it is), "
            "point OSV_DATABASE_URL at it and run 'osv db restore DUMP --after-pg-restore' "
            "(docs/audit.md, 'Backup and restore')."
        )
    return Path(url.database).expanduser()


def _current(path: Path) -> list[tuple[int, str, str]] | None:
    """The audit events (id, hash, name) of the database file at ``path``, oldest first, or
    ``None`` when there is no OSV database there."""
    if not path.exists() or path.stat().st_size == 0:
        return None
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            rows = db.execute("SELECT id, hash, event FROM audit_events ORDER BY id").fetchall()
        finally:
            db.close()
    except sqlite3.Error:
        return None  # not an OSV database (or damaged): nothing to lose by replacing it
    return [(int(i), str(h), str(e)) for i, h, e in rows]


def _lost(current: list[tuple[int, str, str]], check: BackupCheck) -> str | None:
    """What restoring ``check``'s backup over a database with events ``current`` would lose,
    or ``None``. Backups made after it (``database.backup``) record no data and do not count."""
    chain = check.chain
    if chain.last_id is not None and (chain.last_id, chain.last_hash) not in {
        (i, h) for i, h, _ in current
    }:
        return "an audit log that does not contain the backup's last event"
    after = [e for i, _, e in current if (chain.last_id is None or i > chain.last_id)]
    later = [e for e in after if e != "database.backup"]
    if later:
        return f"{len(later)} audit events after the backup's last event"
    return None


def restore_backup(
    database: Database, backup: Path, *, actor: str, force: bool = False
) -> RestoreOutcome:
    """Replace the SQLite ``database`` by the backup file ``backup`` (see the module).

    :raises BackupError: the backup fails its check, a server uses the database, or (without
        ``force``) the database has events the backup lacks; nothing is changed then.
    """
    path = _sqlite_path(database)
    if not backup.is_file():
        raise BackupError(f"{backup} is not a file.")
    check = check_backup(backup)
    head = database.head_revision()
    if check.revision != head:
        raise BackupError(
            f"The backup {backup.name} has schema version {check.revision}, this OSV needs "
            f"{head}; restore it with the OSV that made it, or upgrade a copy first."
        )
    if check.problem is not None:
        raise BackupError(f"The backup {backup.name} failed its check: {check.problem}.")
    with exclusive(database):
        return _restore(database, path, backup, check, actor=actor, force=force)


def _restore(
    database: Database, path: Path, backup: Path, check: BackupCheck, *, actor: str, force: bool
) -> RestoreOutcome:
    chain = check.chain
    current = _current(path)
    lost = _lost(current, check) if current is not None else None
    if lost is not None and not force:
        raise BackupError(
            f"The database has {lost}; restoring would lose them. Give --force to restore "
            "anyway (the database is kept aside first)."
        )
    replaced_events = len(current) if current is not None else 0
    database.engine.dispose()
    aside = None
    if current is not None:
        aside = path.with_name(f"{path.name}.replaced-{utc_now():%Y%m%dT%H%M%S%fZ}")
        backup_sqlite(database, aside)
        database.engine.dispose()
    _copy_pages(backup, path)
    database.engine.dispose()
    _log_restore(
        database,
        actor,
        backup=backup.name,
        backup_sha256=check.sha256,
        restored_events=chain.count,
        restored_head=chain.last_hash,
        replaced=aside.name if aside else None,
        replaced_events=replaced_events,
        replaced_head=current[-1][1] if current else None,
        forced=force,
    )
    with database.unit_of_work() as uow:
        log = uow.audit.verify()
    return RestoreOutcome(check, aside, replaced_events, log)


def _copy_pages(backup: Path, path: Path) -> None:
    """Copy the database in ``backup`` over the one at ``path`` (SQLite's backup API)."""
    try:
        source = sqlite3.connect(f"file:{backup.resolve()}?mode=ro", uri=True)
        try:
            target = sqlite3.connect(path)
            try:
                source.backup(target)
                target.execute("PRAGMA journal_mode = WAL")
            finally:
                target.close()
        finally:
            source.close()
    except sqlite3.Error as error:
        raise BackupError(f"Restoring {backup} into {path} failed: {error}.") from error


def record_pg_restore(database: Database, dump: Path, *, actor: str) -> RestoreOutcome:
    """Check a PostgreSQL database just restored from ``dump`` with ``pg_restore``, and log
    the restore as its first event after the restored head.

    :raises BackupError: not PostgreSQL, a server uses it, its schema is not this OSV's, or its
        audit log (chain, content) does not hold.
    """
    if database.engine.dialect.name != "postgresql":
        raise BackupError("--after-pg-restore is for a PostgreSQL database restored by pg_restore.")
    if not dump.is_file():
        raise BackupError(f"{dump} is not a file.")
    with exclusive(database):
        return _record_pg_restore(database, dump, actor=actor)


def _record_pg_restore(database: Database, dump: Path, *, actor: str) -> RestoreOutcome:
    revision, head = database.current_revision(), database.head_revision()
    if revision != head:
        raise BackupError(
            f"The restored database has schema version {revision}, this OSV needs {head}."
        )
    with database.unit_of_work() as uow:
        before = uow.audit.verify()
    problem = before.problem
    if problem is not None:
        raise BackupError(f"The restored database failed its check: {problem}.")
    try:
        digest = file_sha256(dump)
    except OSError as error:
        raise StoreError(f"{dump} cannot be read: {error}.") from None
    _log_restore(
        database,
        actor,
        backup=dump.name,
        backup_sha256=digest,
        restored_events=before.chain.count,
        restored_head=before.chain.last_hash,
        replaced=None,
        replaced_events=0,
        replaced_head=None,
        forced=False,
        via="pg_restore",
    )
    with database.unit_of_work() as uow:
        log = uow.audit.verify()
    return RestoreOutcome(None, None, 0, log)


def _log_restore(
    database: Database,
    actor: str,
    *,
    via: str = "osv db restore",
    **data: str | int | bool | None,
) -> None:
    """Append ``database.restored`` with ``data``: the first event after the restored head."""
    with database.unit_of_work() as uow:
        uow.audit.append(
            AuditEvent(event="database.restored", actor=actor, data={**data, "with": via})
        )
        uow.commit()
