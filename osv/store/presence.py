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
def _held(database: Database, *, shared: bool) -> Iterator[bool]:
    """Hold the database's server lock for the block: shared (a server; waits for an exclusive
    holder) or exclusive (a restore; does not wait). Yields whether it is held."""
    path = lock_file(database)
    if path is not None:
        with path.open("ab") as handle:
            try:
                fcntl.flock(handle, fcntl.LOCK_SH if shared else fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                yield False
                return
            yield True
        return
    if database.engine.dialect.name != "postgresql":
        yield True
        return
    function = "pg_advisory_lock_shared" if shared else "pg_try_advisory_lock"
    try:
        connection = database.engine.connect()
        result = connection.execute(text(f"SELECT {function}(:key)"), {"key": _key(connection)})
        held = shared or bool(result.scalar_one())
        connection.commit()
    except SQLAlchemyError as error:
        raise translate(error, "see whether a server uses the database") from error
    try:
        yield held
    finally:
        connection.invalidate()  # closes the session itself (not back to the pool): no lock
        connection.close()


@contextlib.contextmanager
def serving(database: Database) -> Iterator[None]:
    """Mark ``database`` as used by this process's server until the block ends."""
    with _held(database, shared=True):
        yield


class DatabaseInUseError(StoreError):
    """A server (``osv serve``) uses the database."""


@contextlib.contextmanager
def exclusive(database: Database) -> Iterator[None]:
    """Hold ``database`` against servers for the block: none is using it now, and one that
    starts meanwhile waits until the block ends.

    :raises DatabaseInUseError: when a server uses the database now.
    """
    with _held(database, shared=False) as held:
        if not held:
            raise DatabaseInUseError(
                "A server (osv serve) is using the database; stop it first, so that nothing is "
                "written into the database while it is being replaced."
            )
        yield


def in_use(database: Database) -> bool:
    """Whether a server (another process) marks ``database`` as used now."""
    try:
        with exclusive(database):
            return False
    except DatabaseInUseError:
        return True
