"""Backups of a SQLite database while it is written to, and the check of the copy."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from osv.store import AuditEvent, open_database
from osv.store.backup import backup_sqlite, check_backup
from osv.store.errors import BackupError


def test_a_backup_taken_during_writes_is_a_consistent_snapshot(tmp_path: Path) -> None:
    """A writer keeps appending while the backup runs; the copy holds an intact prefix."""
    database = open_database(f"sqlite:///{tmp_path / 'osv.sqlite3'}")
    database.ensure_schema()
    stop = threading.Event()

    def write() -> None:
        number = 0
        while not stop.is_set() or number < 50:
            with database.unit_of_work() as uow:
                uow.audit.append(AuditEvent(event="test.write", actor="w", data={"n": number}))
                uow.commit()
            number += 1

    writer = threading.Thread(target=write)
    writer.start()
    try:
        targets = [tmp_path / f"backup{n}.sqlite3" for n in range(3)]
        for target in targets:
            backup_sqlite(database, target)
    finally:
        stop.set()
        writer.join()
    try:
        with database.unit_of_work() as uow:
            total = uow.audit.verify_chain().count
        for target in targets:
            check = check_backup(target)
            assert check.revision == database.head_revision()
            assert check.chain.intact
            assert 0 <= check.chain.count <= total
            assert not Path(f"{target}-wal").exists()  # complete on its own
    finally:
        database.close()


def test_a_backup_never_overwrites_a_file(tmp_path: Path) -> None:
    database = open_database(f"sqlite:///{tmp_path / 'osv.sqlite3'}")
    database.ensure_schema()
    target = tmp_path / "exists.sqlite3"
    target.write_bytes(b"keep me")
    try:
        with pytest.raises(BackupError, match="never overwrites"):
            backup_sqlite(database, target)
    finally:
        database.close()
    assert target.read_bytes() == b"keep me"
