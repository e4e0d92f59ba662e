"""The store: OSV's database, behind repositories and a unit of work.

Only this package talks to the database (SQLAlchemy 2, SQLite or PostgreSQL). Services open a
:class:`UnitOfWork`, use its repositories, which take and return ``osv.model`` objects, and
commit once; leaving without a commit stores nothing.

* :mod:`osv.store.database`      opening the database; schema versions (Alembic migrations)
* :mod:`osv.store.unit_of_work`  the transaction with its repositories
* :mod:`osv.store.elections`, :mod:`~osv.store.candidates`, :mod:`~osv.store.polling`,
  :mod:`~osv.store.counts`, :mod:`~osv.store.results`, :mod:`~osv.store.files`,
  :mod:`~osv.store.entries`, :mod:`~osv.store.audit`, :mod:`~osv.store.users`,
  :mod:`~osv.store.stages`, :mod:`~osv.store.candidacy`  one repository
  per aggregate
* :mod:`osv.store.queries`       read queries for screens
* :mod:`osv.store.rows`          the tables (row classes never leave the package);
  :mod:`osv.store.columns` copies the columns several tables share (EML header, candidate)
* :mod:`osv.store.errors`        :class:`StoreError` and its named conditions
"""

from __future__ import annotations

from osv.store.database import Database, open_database
from osv.store.elections import ElectionContest, contests_of
from osv.store.entries import (
    EntryConflictError,
    EntrySession,
    EntrySource,
    Investigation,
    WarningNote,
)
from osv.store.errors import (
    DatabaseLockedError,
    DatabaseUnavailableError,
    DiskFullError,
    IntegrityViolationError,
    NotAnOsvDatabaseError,
    SchemaError,
    SchemaOutdatedError,
    SchemaTooNewError,
    StoreError,
)
from osv.store.queries import (
    CandidateSummary,
    ElectionSummary,
    ListSummary,
    PollingStationSummary,
)
from osv.store.records import AuditEvent, DigestKind, HashCheckMethod, ImportedFile
from osv.store.unit_of_work import UnitOfWork
from osv.store.users import User, WebSession

__all__ = [
    "AuditEvent",
    "CandidateSummary",
    "Database",
    "DatabaseLockedError",
    "DatabaseUnavailableError",
    "DigestKind",
    "DiskFullError",
    "ElectionContest",
    "ElectionSummary",
    "EntryConflictError",
    "EntrySession",
    "EntrySource",
    "HashCheckMethod",
    "ImportedFile",
    "IntegrityViolationError",
    "Investigation",
    "ListSummary",
    "NotAnOsvDatabaseError",
    "PollingStationSummary",
    "SchemaError",
    "SchemaOutdatedError",
    "SchemaTooNewError",
    "StoreError",
    "UnitOfWork",
    "User",
    "WarningNote",
    "WebSession",
    "contests_of",
    "open_database",
]
