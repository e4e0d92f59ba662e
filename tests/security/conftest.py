"""Fixtures for the security tests: a database on SQLite and PostgreSQL with the demo election
imported and the municipality's first session typed and finished through the services, and a way
to change rows behind OSV's back (as an attacker with database access would)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import text

from eml.safe import Limits
from osv.service.bootstrap import UnitOfWorkFactory
from osv.service.demo import write_demo
from osv.service.entry import Actor, finish_session, start_session
from osv.service.importing import HashCheck, import_files
from osv.store import Database, open_database
from tests.databases import database_url
from tests.ui.helpers import COMMITTEE, EID, typed_twice

__all__ = ["Demo", "behind_osvs_back", "database_url", "demo", "import_demo", "sqlite_demo"]

COORDINATOR = Actor("coordinator_gsb", "coordinator")


@dataclass
class Demo:
    """The demo election with its first session finished (20 stations typed twice)."""

    url: str
    database: Database
    factory: UnitOfWorkFactory
    session_id: int
    home: Path


def import_demo(factory: UnitOfWorkFactory, folder: Path) -> None:
    """The demo election's files written into ``folder`` and imported (with its hash file)."""
    paths = write_demo(folder)
    import_files(
        factory,
        [p for p in paths if p.suffix == ".xml"],
        schemas=None,
        limits=Limits(),
        hash_check=HashCheck(hash_file=folder / "Hashcodes.txt"),
        actor="test",
    )


def _demo(url: str, home: Path) -> Iterator[Demo]:
    database = open_database(url)
    database.ensure_schema()
    factory = UnitOfWorkFactory(database)
    import_demo(factory, home / "demo")
    session_id = start_session(factory, EID, COMMITTEE, COORDINATOR, counting_method="CSO").id
    for station in range(1, 21):
        typed_twice(factory, session_id, station)
    finish_session(factory, session_id, COORDINATOR)
    try:
        yield Demo(url, database, factory, session_id, home)
    finally:
        database.close()


@pytest.fixture
def demo(database_url: str, tmp_path: Path) -> Iterator[Demo]:
    """The demo election imported (hash file), every station typed twice, session finished;
    on SQLite and on PostgreSQL."""
    yield from _demo(database_url, tmp_path)


@pytest.fixture
def sqlite_demo(tmp_path: Path) -> Iterator[Demo]:
    """:func:`demo` on SQLite only: for what OSV does with SQLite files (backups, restore)."""
    yield from _demo(f"sqlite:///{tmp_path / 'osv.sqlite3'}", tmp_path)


def behind_osvs_back(database: Database, *statements: str, **values: object) -> None:
    """Run SQL statements directly, the audit log's triggers lifted (an attacker's view)."""
    with database.engine.begin() as connection:
        postgresql = connection.dialect.name == "postgresql"
        if postgresql:
            connection.execute(text("ALTER TABLE audit_events DISABLE TRIGGER USER"))
        else:
            connection.execute(text("DROP TRIGGER IF EXISTS audit_events_no_update"))
            connection.execute(text("DROP TRIGGER IF EXISTS audit_events_no_delete"))
        for statement in statements:
            connection.execute(text(statement), values)
        if postgresql:
            connection.execute(text("ALTER TABLE audit_events ENABLE TRIGGER USER"))
