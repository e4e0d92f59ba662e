"""Database failures become StoreErrors that name the condition and say what to do."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import exc

from osv.store import (
    DatabaseLockedError,
    DatabaseUnavailableError,
    DiskFullError,
    IntegrityViolationError,
    StoreError,
    open_database,
)
from osv.store import database as database_module
from osv.store.errors import translate
from tests.store.examples import definition


class _PgError(Exception):
    """Stands in for a psycopg error, which carries an SQLSTATE code."""

    def __init__(self, message: str, sqlstate: str) -> None:
        super().__init__(message)
        self.sqlstate = sqlstate


def _operational(orig: Exception) -> exc.OperationalError:
    return exc.OperationalError("INSERT ...", {}, orig)


@pytest.mark.parametrize(
    ("error", "expected", "words"),
    [
        (
            _operational(sqlite3.OperationalError("database is locked")),
            DatabaseLockedError,
            "locked",
        ),
        (
            _operational(sqlite3.OperationalError("database or disk is full")),
            DiskFullError,
            "free some space",
        ),
        (_operational(_PgError("could not write", "53100")), DiskFullError, "disk"),
        (_operational(_PgError("deadlock detected", "40P01")), DatabaseLockedError, "try again"),
        (
            _operational(sqlite3.OperationalError("unable to open database file")),
            DatabaseUnavailableError,
            "cannot be opened",
        ),
        (
            exc.IntegrityError(
                "INSERT ...", {}, sqlite3.IntegrityError("UNIQUE constraint failed")
            ),
            IntegrityViolationError,
            "UNIQUE constraint failed",
        ),
        (_operational(sqlite3.OperationalError("something odd")), StoreError, "something odd"),
    ],
)
def test_driver_errors_are_translated_into_named_conditions(
    error: exc.SQLAlchemyError, expected: type[StoreError], words: str
) -> None:
    """Each recognised condition gets its own class and a message a user can act on."""
    translated = translate(error, "store the files")
    assert type(translated) is expected
    assert words in str(translated)
    assert "store the files" in str(translated) or expected is IntegrityViolationError


def test_a_database_locked_by_another_process_is_reported_as_locked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """While one process writes, another gets DatabaseLockedError once the wait is over."""
    monkeypatch.setattr(database_module, "BUSY_TIMEOUT_SECONDS", 0)
    url = f"sqlite:///{tmp_path / 'osv.sqlite3'}"
    first, second = open_database(url), open_database(url)
    try:
        first.ensure_schema()
        with first.unit_of_work() as writer:
            writer.elections.add(definition())
            with pytest.raises(DatabaseLockedError, match="locked"), second.unit_of_work() as uow:
                uow.elections.eids()
            writer.commit()
        with second.unit_of_work() as uow:
            assert uow.elections.eids() == [definition().identifier.id]
    finally:
        first.close()
        second.close()
