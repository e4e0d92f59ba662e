"""Errors of the store: what the database refused or failed, in words a user can act on.

::

    OSVError
     └── StoreError                     base: the database refused or failed an operation
          ├── DatabaseUnavailableError  the database cannot be opened or reached
          ├── DatabaseLockedError       another process holds the database; try again later
          ├── DiskFullError             no space left for the database
          ├── IntegrityViolationError   a change would break a rule of the stored data
          │                             (a duplicate, a missing parent row, a negative count)
          ├── BackupError               a backup could not be made or its copy is not sound
          └── SchemaError               the database's schema does not fit this OSV
               ├── SchemaOutdatedError  older than this OSV: run ``osv db upgrade``
               ├── SchemaTooNewError    made by a newer OSV
               └── NotAnOsvDatabaseError  holds tables, but no OSV schema version

SQLAlchemy's exceptions never leave ``osv.store``: :func:`translate` turns each into one of these
(the unit of work and :class:`~osv.store.database.Database` call it), keeping the original as
``__cause__`` for the log. Nothing is stored when one of these is raised inside a unit of work.
"""

from __future__ import annotations

from sqlalchemy import exc

from osv.errors import OSVError

__all__ = [
    "BackupError",
    "DatabaseLockedError",
    "DatabaseUnavailableError",
    "DiskFullError",
    "IntegrityViolationError",
    "NotAnOsvDatabaseError",
    "SchemaError",
    "SchemaOutdatedError",
    "SchemaTooNewError",
    "StoreError",
    "translate",
]


class StoreError(OSVError):
    """The database refused or failed an operation; nothing of the operation was stored."""


class DatabaseUnavailableError(StoreError):
    """The database cannot be opened (missing folder rights, server down, wrong password)."""


class DatabaseLockedError(StoreError):
    """Another process holds a lock on the database for longer than the busy timeout."""


class DiskFullError(StoreError):
    """The disk (or the server's storage) holding the database is full."""


class IntegrityViolationError(StoreError):
    """A change would break a constraint: a duplicate, a missing parent or an impossible value."""


class BackupError(StoreError):
    """A backup could not be made (file exists, PostgreSQL) or its copy failed the check."""


class SchemaError(StoreError):
    """The database's schema version does not match the version this OSV was built for."""


class SchemaOutdatedError(SchemaError):
    """The database was made by an older OSV and must be upgraded before use."""


class SchemaTooNewError(SchemaError):
    """The database was upgraded by a newer OSV than this one."""


class NotAnOsvDatabaseError(SchemaError):
    """The database holds tables but no OSV schema version."""


# Fragments of driver messages that identify a condition. SQLite reports conditions only as
# text; PostgreSQL also gives an SQLSTATE code (checked first, see _sqlstate).
_LOCKED_TEXT = ("database is locked", "database table is locked", "database is busy")
_FULL_TEXT = ("database or disk is full", "no space left on device", "could not extend file")
_UNAVAILABLE_TEXT = (
    "unable to open database file",
    "connection refused",
    "could not connect",
    "password authentication failed",
    "does not exist",
    "connection failed",
)
_LOCKED_STATES = frozenset(
    {"55P03", "40P01", "40001"}
)  # lock not available, deadlock, serialization
#: SQLSTATEs: disk full, out of memory.
_FULL_STATES = frozenset({"53100", "53200"})


def _sqlstate(error: exc.DBAPIError) -> str | None:
    state = getattr(error.orig, "sqlstate", None) or getattr(error.orig, "pgcode", None)
    return state if isinstance(state, str) else None


def _first_line(error: BaseException) -> str:
    text = str(getattr(error, "orig", None) or error).strip()
    return text.splitlines()[0] if text else type(error).__name__


def translate(error: exc.SQLAlchemyError, doing: str = "use the database") -> StoreError:
    """The :class:`StoreError` that explains ``error``; ``doing`` completes "could not ...".

    :param error: any SQLAlchemy exception.
    :param doing: what OSV was doing, e.g. ``"store the imported files"``.
    :returns: a named condition where one is recognised, else a plain :class:`StoreError`.
    """
    detail = _first_line(error)
    lowered = detail.lower()
    state = _sqlstate(error) if isinstance(error, exc.DBAPIError) else None
    if isinstance(error, exc.IntegrityError):
        return IntegrityViolationError(
            f"The database refused to {doing} because the change breaks a rule of the stored "
            f"data ({detail}); nothing was stored."
        )
    if state in _LOCKED_STATES or any(text in lowered for text in _LOCKED_TEXT):
        return DatabaseLockedError(
            f"Could not {doing}: the database is locked by another process ({detail}); "
            "nothing was stored, try again when the other process has finished."
        )
    if state in _FULL_STATES or any(text in lowered for text in _FULL_TEXT):
        return DiskFullError(
            f"Could not {doing}: the disk holding the database is full ({detail}); "
            "nothing was stored, free some space and try again."
        )
    if isinstance(error, exc.OperationalError | exc.InterfaceError) and any(
        text in lowered for text in _UNAVAILABLE_TEXT
    ):
        return DatabaseUnavailableError(
            f"Could not {doing}: the database cannot be opened ({detail})."
        )
    return StoreError(f"Could not {doing}: the database reported {detail!r}; nothing was stored.")
