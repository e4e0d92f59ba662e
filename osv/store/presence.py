"""Whether a server (``osv serve``) uses a database: held while it runs, asked by a restore.

A running web server marks the database as in use for as long as its process lives
(:func:`serving`); a restore refuses while any server does (:func:`in_use`), because the server
would go on writing into the database being replaced. The mark goes when the process ends, also
when it is killed:

* **SQLite**: a shared ``flock`` on ``<database file>.serve-lock`` next to the database (the
  kernel drops it with the process); a restore holds an exclusive one (:func:`exclusive`).
* **PostgreSQL**: a session-level shared advisory lock, on a connection of its own, keyed by the
  database's schema (the server drops it with the connection); a restore tries the exclusive
  lock.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from sqlalchemy import Connection, text
from sqlalchemy.exc import SQLAlchemyError

from osv.store.database import Database
from osv.store.errors import StoreError, translate

__all__ = ["DatabaseInUseError", "exclusive", "in_use", "lock_file", "serving"]


def lock_file(database: Database) -> Path | None:
    """The lock file of an SQLite database file (``None`` for PostgreSQL or in memory)."""
    url = database.engine.url
    if url.get_backend_name() != "sqlite":
        return None
    path = url.database
    if not path or path == ":memory:" or path.startswith("file:"):
        return None
    return Path(path).expanduser().with_name(Path(path).name + ".serve-lock")


def _key(connection: Connection) -> int:
    schema = connection.execute(text("SELECT current_schema()")).scalar_one()
    digest = hashlib.sha256(f"osv serve {schema}".encode()).digest()
    return int.from_bytes(digest[:8], "big", signed=True)


@contextlib.contextmanager
def serving(database: Database) -> Iterator[None]:
    """Mark ``database`` as used by this process's server until the block ends."""
    path = lock_file(database)
    if path is not None:
        handle: IO[bytes] = path.open("ab")
        try:
            fcntl.flock(handle, fcntl.LOCK_SH)
            yield
        finally:
            handle.close()
        return
    if database.engine.dialect.name != "postgresql":
        yield
        return
    try:
        connection = database.engine.connect()
    except SQLAlchemyError as error:
        raise translate(error, "mark the database as served") from error
    try:
        connection.execute(text("SELECT pg_advisory_lock_shared(:key)"), {"key": _key(connection)})
        connection.commit()
        yield
    finally:
        connection.invalidate()  # closes the session itself (not back to the pool): no lock
        connection.close()


class DatabaseInUseError(StoreError):
    """A server (``osv serve``) uses the database."""


@contextlib.contextmanager
def exclusive(database: Database) -> Iterator[None]:
    """Hold ``database`` against servers for the block: none is using it now, and one that
    starts meanwhile waits until the block ends.

    :raises DatabaseInUseError: when a server uses the database now.
    """
    refusal = DatabaseInUseError(
        "A server (osv serve) is using the database; stop it first, so that nothing is written "
        "into the database while it is being replaced."
    )
    path = lock_file(database)
    if path is not None:
        with path.open("ab") as handle:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise refusal from None
            yield
        return
    if database.engine.dialect.name != "postgresql":
        yield
        return
    try:
        connection = database.engine.connect()
        key = _key(connection)
        free = connection.execute(text("SELECT pg_try_advisory_lock(:key)"), {"key": key})
        held = bool(free.scalar_one())
        connection.commit()
    except SQLAlchemyError as error:
        raise translate(error, "see whether a server uses the database") from error
    try:
        if not held:
            raise refusal
        yield
    finally:
        connection.invalidate()  # closes the session itself (not back to the pool): no lock
        connection.close()


def in_use(database: Database) -> bool:
    """Whether a server (another process) marks ``database`` as used now."""
    try:
        with exclusive(database):
            return False
    except DatabaseInUseError:
        return True
