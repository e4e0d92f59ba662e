"""Backups of an SQLite database, made while OSV runs, and the check of the copy.

:func:`backup_sqlite` copies the database with SQLite's online backup API, which gives a
consistent snapshot even while other connections write. The copy is a new file (an existing
file is never overwritten) in rollback-journal mode, so it is complete on its own without
``-wal`` or ``-shm`` files. :func:`check_backup` then opens the copy read-only and checks that
its schema version is this OSV's and its audit log's hash chain is intact.

PostgreSQL is not copied by OSV: ``pg_dump`` makes a consistent dump of a running server and
is the tool for it; :func:`pg_dump_command` writes the command out.
"""

from __future__ import annotations

import contextlib
import hashlib
import shlex
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from alembic.runtime.migration import MigrationContext
from sqlalchemy import URL, create_engine
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session
from sqlalchemy.pool import NullPool

from osv.store.audit import AuditRepository, LogReport
from osv.store.chain import ChainReport
from osv.store.database import Database
from osv.store.errors import BackupError, translate

__all__ = ["BackupCheck", "backup_sqlite", "check_backup", "file_sha256", "pg_dump_command"]


@dataclass(frozen=True)
class BackupCheck:
    """What was found in a backup file.

    :param path: the file.
    :param size: its size in bytes.
    :param sha256: the SHA-256 of its bytes, 64 lowercase hex characters.
    :param revision: its schema version.
    :param log: the verification of its audit log (chain and content hashes).
    """

    path: Path
    size: int
    sha256: str
    revision: str | None
    log: LogReport

    @property
    def chain(self) -> ChainReport:
        """The verification of its audit log's hash chain."""
        return self.log.chain

    @property
    def problem(self) -> str | None:
        """Why its audit log does not hold (chain, then content), or ``None``."""
        return self.log.problem


def pg_dump_command(database: Database, target: Path) -> str:
    """The ``pg_dump`` command that backs up ``database`` (a PostgreSQL one) into ``target``.

    The password is left out: ``pg_dump`` reads it from ``PGPASSWORD`` or ``~/.pgpass``.
    """
    url = database.engine.url
    uri = URL.create(
        "postgresql",
        username=url.username,
        host=url.host,
        port=url.port,
        database=url.database,
        query=url.query,
    ).render_as_string(hide_password=False)
    return shlex.join(["pg_dump", "--format=custom", f"--file={target}", f"--dbname={uri}"])


def backup_sqlite(database: Database, target: Path) -> None:
    """Copy the SQLite ``database`` into the new file ``target`` (consistent while in use).

    :raises BackupError: for a PostgreSQL database (the message gives the ``pg_dump``
        command), when ``target`` exists, or when the copy cannot be written.
    """
    if database.engine.dialect.name != "sqlite":
        raise BackupError(
            "OSV does not copy a PostgreSQL database itself; make the backup with pg_dump "
            f"(password from PGPASSWORD or ~/.pgpass): {pg_dump_command(database, target)}"
        )
    try:
        target.open("xb").close()  # claims the name; refuses an existing file
    except FileExistsError:
        raise BackupError(f"{target} exists; a backup never overwrites a file.") from None
    except OSError as error:
        raise BackupError(f"{target} cannot be created: {error.strerror or error}.") from None
    try:
        with database.engine.connect() as connection:
            source = connection.connection.driver_connection
            if not isinstance(source, sqlite3.Connection):
                raise BackupError("The SQLite driver does not offer the online backup API.")
            copy = sqlite3.connect(target)
            try:
                source.backup(copy)
                copy.execute("PRAGMA journal_mode = DELETE")
            finally:
                copy.close()
    except (sqlite3.Error, SQLAlchemyError, OSError) as error:
        target.unlink(missing_ok=True)
        if isinstance(error, SQLAlchemyError):
            raise translate(error, "make a backup") from error
        raise BackupError(f"The backup into {target} failed: {error}.") from error
    except BaseException:
        target.unlink(missing_ok=True)
        raise


def file_sha256(path: Path) -> str:
    """The SHA-256 of the bytes of ``path``, as 64 lowercase hex characters."""
    digest = hashlib.sha256()
    with path.open("rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def check_backup(path: Path) -> BackupCheck:
    """Open the SQLite file ``path`` read-only; read its schema version; verify its audit log
    (the chain and the content hashes of its counted data).

    :raises BackupError: when the file cannot be read as an OSV database.
    """
    engine = create_engine(f"sqlite:///file:{path.resolve()}?mode=ro&uri=true", poolclass=NullPool)
    try:
        with engine.connect() as connection:
            revision = MigrationContext.configure(connection).get_current_revision()
            with Session(bind=connection) as session:
                log = AuditRepository(session).verify()
    except SQLAlchemyError as error:
        raise BackupError(f"The backup {path} cannot be read as an OSV database: {error}.") from (
            error
        )
    finally:
        with contextlib.suppress(SQLAlchemyError):
            engine.dispose()
    return BackupCheck(path, path.stat().st_size, file_sha256(path), revision, log)
