"""Opening the database and keeping its schema at the version this OSV expects.

OSV runs on SQLite (one file, the default) or PostgreSQL. :func:`open_database` makes the
engine; for SQLite it creates the file's folder, switches foreign keys on, uses write-ahead
logging (readers do not block the writer) and waits up to :data:`BUSY_TIMEOUT_SECONDS` for a
lock. Every SQLite transaction starts with ``BEGIN IMMEDIATE``, so DDL in migrations is
transactional too and two writers queue instead of failing halfway.

The schema is versioned with Alembic; the migrations live in ``osv/store/migrations`` and are
found without an ``alembic.ini``. :meth:`Database.ensure_schema` is called before use:

* an empty database is brought to the current version at once;
* a database at an older version is refused: upgrading changes the user's data, so it is a
  deliberate step (``osv db upgrade``, after a backup);
* a database upgraded by a newer OSV is refused: this OSV does not know its tables.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy import Connection, Engine, create_engine, event, func, inspect, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import StaticPool

from osv.store.errors import (
    DatabaseUnavailableError,
    NotAnOsvDatabaseError,
    SchemaOutdatedError,
    SchemaTooNewError,
    StoreError,
    translate,
)
from osv.store.rows import Base
from osv.store.unit_of_work import READ_ONLY, UnitOfWork

__all__ = ["BUSY_TIMEOUT_SECONDS", "MIGRATIONS", "Database", "open_database"]

#: How long SQLite waits for another process's lock before giving up.
BUSY_TIMEOUT_SECONDS = 30

#: Connections kept open, and how many more may be opened at busy moments.
POOL_SIZE = 10
POOL_OVERFLOW = 40

#: The folder with OSV's Alembic migrations.
MIGRATIONS = Path(__file__).resolve().parent / "migrations"


class Database:
    """An opened database: the engine, its sessions, and schema management.

    Create it with :func:`open_database`; call :meth:`close` when done.
    """

    def __init__(self, engine: Engine, *, migrations: Path = MIGRATIONS) -> None:
        self.engine = engine
        self.migrations = migrations
        self._sessions = sessionmaker(bind=engine, expire_on_commit=False, autoflush=True)

    @property
    def safe_url(self) -> str:
        """The database URL with the password hidden."""
        return self.engine.url.render_as_string(hide_password=True)

    def session(self) -> Session:
        """A new session (one transaction at a time); prefer :meth:`unit_of_work`."""
        return self._sessions()

    def unit_of_work(self, *, audited: bool = True) -> UnitOfWork:
        """A new :class:`UnitOfWork` on this database.

        :param audited: refuse to commit counted data that no audit event recorded (always,
            except in tests of the repositories themselves).
        """
        return UnitOfWork(self._sessions, audited=audited)

    def close(self) -> None:
        """Close every pooled connection."""
        self.engine.dispose()

    # -- schema versions ------------------------------------------------------------------

    def _config(self, connection: Connection | None = None) -> Config:
        config = Config()
        config.set_main_option("script_location", str(self.migrations))
        url = self.engine.url.render_as_string(hide_password=False)
        config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
        config.attributes["connection"] = connection
        return config

    @contextmanager
    def _connection(self, doing: str) -> Iterator[Connection]:
        try:
            with self.engine.begin() as connection:
                yield connection
        except SQLAlchemyError as error:
            raise translate(error, doing) from error

    def head_revision(self) -> str:
        """The schema version this OSV is built for (the newest migration)."""
        head = ScriptDirectory.from_config(self._config()).get_current_head()
        if head is None:
            raise StoreError(f"No migrations were found in {self.migrations}.")
        return head

    def current_revision(self) -> str | None:
        """The schema version of the database, or ``None`` when it has none (empty database)."""
        with self._connection("read the schema version") as connection:
            return MigrationContext.configure(connection).get_current_revision()

    def upgrade(self, revision: str = "head") -> None:
        """Bring the schema to ``revision`` (default: this OSV's version), in one transaction."""
        self._run(partial(command.upgrade, revision=revision), f"upgrade to {revision}")

    def downgrade(self, revision: str) -> None:
        """Take the schema back to ``revision`` (``"base"``: no tables); this loses data."""
        self._run(partial(command.downgrade, revision=revision), f"downgrade to {revision}")

    def _run(self, step: Any, doing: str) -> None:
        with self._connection(f"{doing} the database schema") as connection:
            try:
                step(self._config(connection))
            except CommandError as error:
                raise StoreError(f"Could not {doing} the database schema: {error}.") from error

    def ensure_schema(self) -> None:
        """Make sure the schema is this OSV's: create it in an empty database, refuse otherwise.

        :raises SchemaOutdatedError: the database is older; the message names ``osv db upgrade``.
        :raises SchemaTooNewError: the database was upgraded by a newer OSV.
        :raises NotAnOsvDatabaseError: the database holds other tables and no version.
        """
        current = self.current_revision()
        head = self.head_revision()
        if current == head:
            return
        if current is None:
            with self._connection("inspect the database") as connection:
                tables = [
                    name
                    for name in inspect(connection).get_table_names()
                    if name != "alembic_version"
                ]
            if tables:
                found = ", ".join(sorted(tables)[:5])
                raise NotAnOsvDatabaseError(
                    f"The database {self.safe_url} holds tables ({found}) but no OSV schema "
                    "version; point OSV_DATABASE_URL at an empty or OSV database."
                )
            self.upgrade()
            return
        script = ScriptDirectory.from_config(self._config())
        known = {revision.revision for revision in script.walk_revisions()}
        if current in known:
            raise SchemaOutdatedError(
                f"The database {self.safe_url} has schema version {current}, older than this OSV's "
                f"{head}; make a backup, then run 'osv db upgrade'."
            )
        raise SchemaTooNewError(
            f"The database {self.safe_url} has schema version {current}, which this OSV does not "
            f"know (its newest is {head}); it was upgraded by a newer OSV, so use that one."
        )

    def row_counts(self) -> dict[str, int]:
        """The number of rows in each of OSV's tables (for checks and tests)."""
        with self._connection("count the rows") as connection:
            return {
                table.name: connection.scalar(select(func.count()).select_from(table)) or 0
                for table in Base.metadata.sorted_tables
            }


def _sqlite_setup(engine: Engine) -> None:
    """Foreign keys, WAL, a busy timeout, and real transactions (BEGIN IMMEDIATE) on SQLite.

    SQLite lets one transaction write at a time; the others wait in its busy handler, which
    sleeps and retries, so under load a waiting transaction can be overtaken again and again
    (the entry benchmark saw saves wait 8 s at p99 with 50 typists). Within this process the
    transactions therefore queue on a lock before ``BEGIN IMMEDIATE`` and are woken in turn;
    the busy handler is left for other processes. A unit of work opened for reading
    (:meth:`~osv.store.unit_of_work.UnitOfWork.reading`) takes no turn: it begins a deferred
    transaction that reads the last commit beside the writer, with ``PRAGMA query_only`` on.
    """
    turn = threading.RLock()

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy's "begin" event decide where transactions start (pysqlite's own
        # handling would run DDL outside a transaction).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute("PRAGMA foreign_keys = ON")
            cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_SECONDS * 1000}")
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = FULL")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        if connection.get_execution_options().get(READ_ONLY):
            # A reader takes no turn: in WAL mode it reads the last commit while one
            # transaction writes. query_only makes SQLite refuse any write in it.
            connection.info["osv_query_only"] = True
            connection.exec_driver_sql("PRAGMA query_only = ON")
            connection.exec_driver_sql("BEGIN")
            return
        turn.acquire()
        connection.info["osv_turn"] = True
        try:
            connection.exec_driver_sql("BEGIN IMMEDIATE")
        except BaseException:
            _release(connection)
            raise

    def _release(connection: Connection) -> None:
        if connection.info.pop("osv_query_only", False):
            # On the driver's connection, so that this runs after the transaction's end
            # without starting another one.
            dbapi = connection.connection.driver_connection
            if dbapi is not None:
                dbapi.rollback()
                dbapi.execute("PRAGMA query_only = OFF")
        if connection.info.pop("osv_turn", False):
            turn.release()

    event.listen(engine, "commit", _release)
    event.listen(engine, "rollback", _release)


def open_database(url: str, *, migrations: Path = MIGRATIONS) -> Database:
    """Open the database at ``url`` (an SQLAlchemy URL); nothing is created except a folder.

    :param url: ``sqlite:///path/to/osv.sqlite3``, ``sqlite://`` (in memory, for trials) or
        ``postgresql+psycopg://user:password@host/database``.
    :param migrations: the Alembic migrations folder (tests use a modified copy).
    :raises DatabaseUnavailableError: for a URL that cannot be used.
    """
    try:
        parsed = make_url(url)
    except ArgumentError as error:
        raise DatabaseUnavailableError(f"The database URL {url!r} is not valid: {error}.") from None
    # Up to 50 connections at once (10 kept open): a municipality's typists and coordinators
    # on election night, each request holding one for one short transaction.
    options: dict[str, Any] = {"pool_size": POOL_SIZE, "max_overflow": POOL_OVERFLOW}
    if parsed.get_backend_name() == "sqlite":
        path = parsed.database
        if path and path != ":memory:" and not path.startswith("file:"):
            try:
                Path(path).expanduser().parent.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise DatabaseUnavailableError(
                    f"The folder for the database {path} cannot be created: {error}."
                ) from None
        else:
            options = {"poolclass": StaticPool, "connect_args": {"check_same_thread": False}}
    else:
        options.update(pool_pre_ping=True)
    try:
        engine = create_engine(parsed, **options)
    except ImportError as error:
        if parsed.get_backend_name() == "postgresql":
            raise DatabaseUnavailableError(
                f"The database URL {parsed.render_as_string(hide_password=True)} needs "
                f"PostgreSQL's driver, which is not installed ({error}): install OSV with its "
                "PostgreSQL extra, pip install 'osv[postgresql]' (offline: install.sh "
                "--postgresql)."
            ) from None
        raise DatabaseUnavailableError(
            f"The database URL {parsed.render_as_string(hide_password=True)} cannot be used: "
            f"{error}."
        ) from None
    except ArgumentError as error:
        raise DatabaseUnavailableError(
            f"The database URL {parsed.render_as_string(hide_password=True)} cannot be used: "
            f"{error}."
        ) from None
    if engine.dialect.name == "sqlite":
        _sqlite_setup(engine)
    return Database(engine, migrations=migrations)
