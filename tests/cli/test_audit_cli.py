"""``osv audit verify`` and ``osv db backup``: exit statuses, one-line reasons, JSON, backups.

``osv audit verify`` exits 0 when the audit log's hash chain is intact, 1 when it is broken
(naming the event), 2 when the database cannot be used. ``osv db backup FILE`` copies an SQLite
database into a new file, checks the copy and logs it; for PostgreSQL it gives the pg_dump
command and exits 2.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from sqlalchemy import text

from osv.store import AuditEvent, open_database
from tests.cli.test_cli import _runner

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


@pytest.fixture
def osv(tmp_path: Path, database_url: str, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Run ``osv`` against a database of the test's own with three logged events."""
    database = open_database(database_url)
    database.ensure_schema()
    with database.unit_of_work() as uow:
        for number in range(3):
            uow.audit.append(AuditEvent(event="test.event", actor="tester", data={"n": number}))
        uow.commit()
    database.close()
    return _runner(monkeypatch, tmp_path / "home", database_url)


def _tamper(url: str, statement: str) -> None:
    database = open_database(url)
    try:
        with database.engine.begin() as connection:
            if connection.dialect.name == "postgresql":
                connection.execute(text("ALTER TABLE audit_events DISABLE TRIGGER USER"))
            else:
                connection.execute(text("DROP TRIGGER audit_events_no_update"))
                connection.execute(text("DROP TRIGGER audit_events_no_delete"))
            connection.execute(text(statement))
    finally:
        database.close()


def test_an_intact_log_exits_0_with_the_count_and_last_hash(osv) -> None:  # type: ignore[no-untyped-def]
    result = osv("audit", "verify")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("audit log intact: 3 events, last hash ")
    report = json.loads(osv("audit", "verify", "--json").stdout)
    assert report["intact"] is True
    assert report["events"] == 3
    assert report["last_id"] == 3
    assert report["broken"] is None
    assert len(report["last_hash"]) == 64


def test_a_changed_event_exits_1_naming_it(osv, database_url: str) -> None:  # type: ignore[no-untyped-def]
    _tamper(database_url, "UPDATE audit_events SET data = '{\"n\": 7}' WHERE id = 2")
    result = osv("audit", "verify")
    assert result.exit_code == 1
    [line] = result.stdout.splitlines()
    assert line.startswith("audit log broken: audit event 2 has hash ")
    as_json = osv("audit", "verify", "--json")
    assert as_json.exit_code == 1
    report = json.loads(as_json.stdout)
    assert report["intact"] is False
    assert report["broken"]["event_id"] == 2


def test_a_removed_event_exits_1_naming_the_next(osv, database_url: str) -> None:  # type: ignore[no-untyped-def]
    _tamper(database_url, "DELETE FROM audit_events WHERE id = 1")
    result = osv("audit", "verify", "--json")
    assert result.exit_code == 1
    assert json.loads(result.stdout)["broken"]["event_id"] == 2


def test_a_database_problem_exits_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    old = open_database(url)
    old.upgrade("0006")
    old.close()
    result = _runner(monkeypatch, tmp_path / "home", url)("audit", "verify")
    assert result.exit_code == 2
    assert "osv db upgrade" in result.output


def test_a_backup_copies_checks_and_logs_the_database(  # type: ignore[no-untyped-def]
    osv, database_url: str, tmp_path: Path
) -> None:
    target = tmp_path / "backups" / "osv-backup.sqlite3"
    target.parent.mkdir()
    result = osv("db", "backup", str(target))
    if database_url.startswith("postgresql"):
        assert result.exit_code == 2
        assert "pg_dump --format=custom" in result.output
        assert "osv:osv@" not in result.output  # the password is never printed
        assert not target.exists()
        return
    assert result.exit_code == 0, result.output
    sha256 = hashlib.sha256(target.read_bytes()).hexdigest()
    assert f"sha256: {sha256}" in result.stdout
    assert str(target) in result.stdout
    source, copy = open_database(database_url), open_database(f"sqlite:///{target}")
    try:
        copy.ensure_schema()  # the copy opens as a database of this OSV
        source_rows, copy_rows = source.row_counts(), copy.row_counts()
        assert source_rows.pop("audit_events") == copy_rows.pop("audit_events") + 1
        assert source_rows == copy_rows
        with source.unit_of_work() as uow:
            [event] = uow.audit.events(event="database.backup")
            assert uow.audit.verify_chain().intact
        with copy.unit_of_work() as uow:
            assert uow.audit.verify_chain().count == 3
    finally:
        source.close()
        copy.close()
    assert event.data["sha256"] == sha256
    assert event.actor == "test-operator"
    before = target.read_bytes()  # opening the copy above switched it to WAL mode
    again = osv("db", "backup", str(target))
    assert again.exit_code == 2
    assert "never overwrites" in again.output
    assert target.read_bytes() == before
