"""Backup and restore as one procedure (docs/audit.md, "Backup and restore"), and retention.

SQLite: ``osv db backup FILE`` then ``osv db restore FILE``: the backup is checked (schema,
chain, content hashes), a database with events the backup lacks is only replaced with
``--force``, the replaced database is kept aside whole, and the restore is the first event
after the restored head. PostgreSQL: ``pg_dump``, ``pg_restore`` into a new database, then
``osv db restore DUMP --after-pg-restore`` for the same checks and the event. Old uploads and
the web page's backups are removed by the retention rule.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import time
import uuid
from pathlib import Path

import pytest
from sqlalchemy import create_engine
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from osv.service.audit_log import backup_database, backup_for_download, verify_audit_log
from osv.service.entry import Actor, request_investigation
from osv.service.restore import record_pg_restore, restore_backup
from osv.service.retention import clean_backups, clean_uploads
from osv.store import open_database
from osv.store.errors import BackupError
from osv.store.presence import DatabaseInUseError, serving
from tests.cli.test_cli import _runner
from tests.databases import postgres_url
from tests.security.conftest import Demo, behind_osvs_back, import_demo
from tests.ui.helpers import COMMITTEE, EID

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

COORDINATOR = Actor("coordinator_gsb", "coordinator")


def test_restore_refuses_to_lose_events_without_force_then_keeps_them_aside(
    sqlite_demo: Demo,
) -> None:
    demo = sqlite_demo
    backup = demo.home / "voor-onderzoek.sqlite3"
    check = backup_database(demo.database, backup, actor="test")
    request_investigation(demo.factory, EID, COMMITTEE, 3, "hertelling", COORDINATOR)
    with demo.factory() as uow:
        later = uow.audit.events()[-2:]  # the backup's own event and the investigation
    with pytest.raises(BackupError, match="1 audit events after the backup's last event"):
        restore_backup(demo.database, backup, actor="test")
    outcome = restore_backup(demo.database, backup, actor="beheerder", force=True)
    assert outcome.log.ok
    assert outcome.replaced_events == check.chain.count + 2
    # the replaced database, whole, aside
    assert outcome.aside is not None
    aside = sqlite3.connect(f"file:{outcome.aside}?mode=ro", uri=True)
    kept = [row[0] for row in aside.execute("SELECT hash FROM audit_events ORDER BY id")]
    aside.close()
    assert kept[-2:] == [e.hash for e in later]
    # the restored log: the backup's events, then the restore
    with demo.factory() as uow:
        events = uow.audit.events()
        assert uow.entries.investigations(EID, COMMITTEE) == []
    assert len(events) == check.chain.count + 1
    assert events[-2].hash == check.chain.last_hash
    restored = events[-1]
    assert restored.event == "database.restored"
    assert restored.actor == "beheerder"
    assert restored.data["restored_head"] == check.chain.last_hash
    assert restored.data["backup_sha256"] == check.sha256
    assert restored.data["replaced"] == outcome.aside.name
    assert restored.data["forced"] is True
    assert verify_audit_log(demo.factory).ok


def test_restoring_the_last_backup_needs_no_force(sqlite_demo: Demo, tmp_path: Path) -> None:
    """Only backups were made since: nothing is lost (their events record no data)."""
    demo = sqlite_demo
    first, second = tmp_path / "eerste.sqlite3", tmp_path / "tweede.sqlite3"
    backup_database(demo.database, first, actor="test")
    backup_database(demo.database, second, actor="test")
    assert restore_backup(demo.database, first, actor="test").log.ok
    fresh = open_database(f"sqlite:///{tmp_path / 'nieuw.sqlite3'}")
    try:
        outcome = restore_backup(fresh, second, actor="test")  # no database yet: nothing aside
        assert outcome.aside is None
        assert outcome.log.ok
    finally:
        fresh.close()


def test_a_tampered_backup_is_refused_and_nothing_changes(
    sqlite_demo: Demo, tmp_path: Path
) -> None:
    demo = sqlite_demo
    backup = tmp_path / "backup.sqlite3"
    backup_database(demo.database, backup, actor="test")
    copy = sqlite3.connect(backup)
    copy.execute("UPDATE count_units SET cast_votes = cast_votes + 1")  # nothing there: a no-op
    copy.execute("UPDATE entry_sessions SET completed_by = 'mallory'")
    copy.commit()
    copy.close()
    with demo.factory() as uow:
        before = len(uow.audit.events())
    with pytest.raises(BackupError, match=r"failed its check: session 1 of 9997"):
        restore_backup(demo.database, backup, actor="test", force=True)
    with demo.factory() as uow:
        assert len(uow.audit.events()) == before
    assert not list(demo.home.glob("*.replaced-*"))


def test_a_restore_waits_for_no_server(demo: Demo, tmp_path: Path) -> None:
    backup = tmp_path / "backup.sqlite3"
    if demo.database.engine.dialect.name != "sqlite":
        with serving(demo.database), pytest.raises(DatabaseInUseError):
            record_pg_restore(demo.database, Path(__file__), actor="test")
        return
    backup_database(demo.database, backup, actor="test")
    with serving(demo.database), pytest.raises(DatabaseInUseError):
        restore_backup(demo.database, backup, actor="test", force=True)


def test_the_command_line_procedure(demo: Demo, monkeypatch: pytest.MonkeyPatch) -> None:
    osv = _runner(monkeypatch, demo.home / "cli", demo.url)
    if demo.database.engine.dialect.name != "sqlite":
        refused = osv("db", "restore", str(Path(__file__)))
        assert refused.exit_code == 2
        assert "pg_restore" in refused.stderr
        return
    backup = demo.home / "backup.sqlite3"
    made = osv("db", "backup", str(backup))
    assert made.exit_code == 0
    head = made.stdout.split("audit head: ")[1].split()[0]
    request_investigation(demo.factory, EID, COMMITTEE, 3, "hertelling", COORDINATOR)
    refused = osv("db", "restore", str(backup))
    assert refused.exit_code == 2
    assert "--force" in refused.stderr
    done = osv("db", "restore", str(backup), "--force")
    assert done.exit_code == 0, done.output
    assert "kept aside:" in done.stdout
    assert osv("audit", "verify", "--head", head).exit_code == 0


def test_postgresql_pg_dump_pg_restore_then_the_same_checks(tmp_path: Path) -> None:
    """The documented PostgreSQL procedure, for real: pg_dump of a filled database, pg_restore
    into a new database, ``osv db restore DUMP --after-pg-restore`` checks it and logs it."""
    server = postgres_url()
    parsed = make_url(server)
    libpq = parsed.set(drivername="postgresql").render_as_string(hide_password=False)
    schema = f"test_{uuid.uuid4().hex[:12]}"
    target_db = f"osv_restore_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server, poolclass=NullPool, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
        connection.exec_driver_sql(f'CREATE DATABASE "{target_db}"')
    source_url = parsed.update_query_dict({"options": f"-csearch_path={schema}"})
    target_url = source_url.set(database=target_db)
    env = {**os.environ, "PGPASSWORD": parsed.password or ""}
    try:
        from osv.service.bootstrap import UnitOfWorkFactory

        source = open_database(source_url.render_as_string(hide_password=False))
        source.ensure_schema()
        import_demo(UnitOfWorkFactory(source), tmp_path / "demo")
        source.close()
        dump = tmp_path / "osv.dump"
        subprocess.run(
            ["pg_dump", "--format=custom", f"--schema={schema}", f"--file={dump}", libpq],
            check=True,
            env=env,
            capture_output=True,
        )
        target_libpq = make_url(libpq).set(database=target_db).render_as_string(False)
        subprocess.run(
            ["pg_restore", "--no-owner", f"--dbname={target_libpq}", str(dump)],
            check=True,
            env=env,
            capture_output=True,
        )
        restored = open_database(target_url.render_as_string(hide_password=False))
        try:
            outcome = record_pg_restore(restored, dump, actor="beheerder")
            assert outcome.log.ok
            with restored.unit_of_work() as uow:
                events = uow.audit.events()
            assert [e.event for e in events][-1] == "database.restored"
            assert events[-1].data["with"] == "pg_restore"
            assert events[-1].data["restored_events"] == len(events) - 1
            # a restored database changed behind OSV's back is refused
            behind_osvs_back(restored, "UPDATE candidates SET last_name = 'Mallory'")
            with pytest.raises(BackupError, match="failed its check"):
                record_pg_restore(restored, dump, actor="beheerder")
        finally:
            restored.close()
    finally:
        with admin.connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{target_db}" WITH (FORCE)')
            connection.exec_driver_sql(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
        admin.dispose()


def test_old_uploads_are_removed_and_fresh_ones_kept(tmp_path: Path) -> None:
    uploads = tmp_path / "uploads"
    old_import, new_import = uploads / "oud", uploads / "nieuw"
    old_stage = uploads / "uitslag" / "oud"
    for folder in (old_import, new_import, old_stage):
        folder.mkdir(parents=True)
        (folder / "x.xml").write_text("x")
    day_ago = time.time() - 25 * 3600
    for path in (old_import, old_stage):
        os.utime(path, (day_ago, day_ago))
    assert sorted(clean_uploads(uploads)) == sorted([old_import, old_stage])
    assert new_import.exists()
    assert (uploads / "uitslag").exists()


def test_the_web_page_keeps_the_newest_backups_and_copies_only_what_changed(
    sqlite_demo: Demo, tmp_path: Path
) -> None:
    demo = sqlite_demo
    folder = tmp_path / "backups"
    first = backup_for_download(demo.database, folder, actor="beheerder")
    again = backup_for_download(demo.database, folder, actor="beheerder")
    assert again.path == first.path  # nothing logged since: the same copy
    assert len(list(folder.iterdir())) == 1
    for number in range(12):
        (folder / f"osv-backup-20000101T0000{number:02d}Z.sqlite3").write_text("oud")
    request_investigation(demo.factory, EID, COMMITTEE, 5, "hertelling", COORDINATOR)
    newer = backup_for_download(demo.database, folder, actor="beheerder", keep=10)
    assert newer.path != first.path
    kept = sorted(folder.glob("osv-backup-*.sqlite3"))
    assert len(kept) == 10
    assert newer.path in kept
    assert first.path in kept
    assert clean_backups(folder, keep=10) == []
