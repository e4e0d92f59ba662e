"""Opening the database and keeping its schema at this OSV's version.

An empty database is set up on first use; an older one is refused with the command that
upgrades it; a newer one is refused. Older and newer versions are simulated with a copy of the
migrations folder that has one extra migration, as a future OSV release would.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text
from sqlalchemy.exc import DBAPIError

from osv.store import (
    AuditEvent,
    Database,
    NotAnOsvDatabaseError,
    SchemaOutdatedError,
    SchemaTooNewError,
    StoreError,
    open_database,
)
from osv.store.database import MIGRATIONS
from osv.store.rows import Base

_NEXT_MIGRATION = '''"""A migration of a future OSV."""

import sqlalchemy as sa
from alembic import op

revision = "9999"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("elections") as batch:
        batch.add_column(sa.Column("future", sa.String(), nullable=True))


def downgrade():
    with op.batch_alter_table("elections") as batch:
        batch.drop_column("future")
'''


@pytest.fixture
def future_migrations(tmp_path: Path) -> Path:
    """OSV's migrations plus a revision 9999, as the next release might ship them."""
    folder = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS, folder, ignore=shutil.ignore_patterns("__pycache__"))
    (folder / "versions" / "9999_future.py").write_text(_NEXT_MIGRATION, encoding="utf-8")
    return folder


def _tables(database: Database) -> set[str]:
    with database.engine.connect() as connection:
        return set(inspect(connection).get_table_names()) - {"alembic_version"}


def test_an_empty_database_gets_the_schema_on_first_use(database_url: str) -> None:
    """ensure_schema() on an empty database creates every table at the current version."""
    database = open_database(database_url)
    try:
        assert database.current_revision() is None
        database.ensure_schema()
        assert database.current_revision() == database.head_revision() == "0010"
        assert _tables(database) == set(Base.metadata.tables)
        database.ensure_schema()  # a second call changes nothing
        assert database.current_revision() == "0010"
    finally:
        database.close()


def test_an_outdated_database_is_refused_with_the_upgrade_command(
    database_url: str, future_migrations: Path
) -> None:
    """A database of an older OSV is not upgraded silently: the user backs up and upgrades."""
    older_osv = open_database(database_url)
    older_osv.ensure_schema()
    older_osv.close()
    newer_osv = open_database(database_url, migrations=future_migrations)
    try:
        with pytest.raises(SchemaOutdatedError, match="run 'osv db upgrade'") as caught:
            newer_osv.ensure_schema()
        assert "backup" in str(caught.value)
        assert "0010" in str(caught.value)
        newer_osv.upgrade()
        newer_osv.ensure_schema()
        assert newer_osv.current_revision() == "9999"
    finally:
        newer_osv.close()


def test_a_database_of_a_newer_osv_is_refused(database_url: str, future_migrations: Path) -> None:
    """This OSV does not know the tables of a newer one, so it does not touch them."""
    newer_osv = open_database(database_url, migrations=future_migrations)
    newer_osv.ensure_schema()
    newer_osv.close()
    database = open_database(database_url)
    try:
        with pytest.raises(SchemaTooNewError, match="newer OSV"):
            database.ensure_schema()
    finally:
        database.close()


def test_a_database_with_other_tables_is_not_taken_over(database_url: str) -> None:
    """A database holding tables but no OSV version is probably the wrong one."""
    database = open_database(database_url)
    try:
        with database.engine.begin() as connection:
            connection.execute(text("CREATE TABLE customers (id INTEGER PRIMARY KEY)"))
        with pytest.raises(NotAnOsvDatabaseError, match="customers"):
            database.ensure_schema()
    finally:
        database.close()


def test_upgrade_then_downgrade_to_base_leaves_no_tables(database: Database) -> None:
    """The initial migration can be undone completely (including the audit triggers)."""
    database.downgrade("base")
    assert database.current_revision() is None
    assert _tables(database) == set()
    database.upgrade()
    assert database.current_revision() == "0010"
    assert _tables(database) == set(Base.metadata.tables)


def test_the_migrations_match_the_row_classes(database: Database) -> None:
    """Alembic finds no difference between the migrated schema and ``osv/store/rows/``.

    When this fails, a row class was changed without a migration (or the other way round).
    """
    with database.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert differences == []


def test_the_audit_log_refuses_changes_and_deletions(database: Database) -> None:
    """Triggers keep the audit log append-only even against code that bypasses the store."""
    with database.unit_of_work() as uow:
        uow.audit.append(AuditEvent(event="test.created", actor="tester"))
        uow.commit()
    for statement in ("UPDATE audit_events SET actor = 'mallory'", "DELETE FROM audit_events"):
        with pytest.raises(DBAPIError, match="append-only"), database.engine.begin() as c:
            c.execute(text(statement))
    with database.unit_of_work() as uow:
        [event] = uow.audit.events()
        assert event.actor == "tester"


def test_sqlite_gets_its_folder_foreign_keys_and_write_ahead_log(tmp_path: Path) -> None:
    """The SQLite file's folder is created; foreign keys are enforced; WAL is on."""
    path = tmp_path / "new" / "folder" / "osv.sqlite3"
    database = open_database(f"sqlite:///{path}")
    try:
        database.ensure_schema()
        assert path.is_file()
        with database.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() == 30_000
    finally:
        database.close()


def test_an_in_memory_sqlite_database_keeps_its_tables_between_units_of_work() -> None:
    """``sqlite://`` is one shared in-memory database, handy for trials."""
    database = open_database("sqlite://")
    try:
        database.ensure_schema()
        with database.unit_of_work() as uow:
            assert uow.elections.eids() == []
    finally:
        database.close()


def test_an_unreachable_server_is_reported_as_unavailable() -> None:
    """A PostgreSQL server that does not answer gives a StoreError, not a driver traceback."""
    database = open_database("postgresql+psycopg://osv:secret@127.0.0.1:1/osv")
    try:
        with pytest.raises(StoreError, match="cannot be opened") as caught:
            database.current_revision()
        assert "secret" not in str(caught.value)
    finally:
        database.close()


def test_an_invalid_url_is_refused() -> None:
    """A URL SQLAlchemy cannot parse is refused at once."""
    with pytest.raises(StoreError, match="not valid"):
        open_database("not a url")
