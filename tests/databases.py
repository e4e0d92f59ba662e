"""Database fixtures: every database test runs on SQLite and on PostgreSQL.

``database_url`` is parametrised over both back ends:

* SQLite: a fresh file in the test's own ``tmp_path``;
* PostgreSQL: the server named by ``OSV_TEST_DATABASE_URL`` (for example
  ``postgresql+psycopg://osv:osv@127.0.0.1:5432/osv_test``), with a schema of its own per test
  (``CREATE SCHEMA test_<random>``, selected through the connection's ``search_path`` and
  dropped afterwards), so tests can run in parallel (``pytest -n auto``).

Without ``OSV_TEST_DATABASE_URL`` the PostgreSQL variants are skipped, unless
``OSV_TEST_REQUIRE_POSTGRES=1`` or ``CI`` is set (``.ci/run`` sets both): then they fail, so CI
cannot pass by skipping.
The conftest files of ``tests/store`` and ``tests/service`` import these fixtures.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from osv.store import Database, UnitOfWork, open_database
from tests.conftest import unavailable

__all__ = ["database", "database_url", "postgres_url", "uow_factory"]

BACKENDS = [
    pytest.param("sqlite", id="sqlite"),
    pytest.param("postgresql", id="postgresql", marks=pytest.mark.postgres),
]


def postgres_url() -> str:
    """The PostgreSQL server for tests; skips (or fails, when required) if none is given."""
    url = os.environ.get("OSV_TEST_DATABASE_URL")
    if not url:
        reason = (
            "PostgreSQL tests need OSV_TEST_DATABASE_URL, e.g. "
            "postgresql+psycopg://osv:osv@127.0.0.1:5432/osv_test"
        )
        if os.environ.get("OSV_TEST_REQUIRE_POSTGRES") == "1":
            pytest.fail(f"{reason} (OSV_TEST_REQUIRE_POSTGRES=1 forbids skipping them)")
        unavailable(reason)
    return url


@pytest.fixture(params=BACKENDS)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The URL of an empty database of its own, on SQLite or on PostgreSQL."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'osv.sqlite3'}"
        return
    server = postgres_url()
    schema = f"test_{uuid.uuid4().hex[:16]}"
    admin = create_engine(server, poolclass=NullPool)
    with admin.begin() as connection:
        connection.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
    try:
        url = make_url(server).update_query_dict({"options": f"-csearch_path={schema}"})
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.begin() as connection:
            connection.exec_driver_sql(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


@pytest.fixture
def database(database_url: str) -> Iterator[Database]:
    """An opened database with the current schema; closed after the test."""
    db = open_database(database_url)
    db.ensure_schema()
    try:
        yield db
    finally:
        db.close()


@pytest.fixture
def uow_factory(database: Database) -> Callable[[], UnitOfWork]:
    """Makes units of work on the test's database."""
    return database.unit_of_work
