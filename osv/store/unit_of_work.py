"""The unit of work: one database transaction, with the repositories working inside it.

A service opens a unit of work, uses its repositories, and calls :meth:`UnitOfWork.commit`
once at the end. Leaving the ``with`` block without committing — because of an exception, or
because the service only read — rolls everything back, so an operation is stored completely or
not at all::

    with uow_factory() as uow:
        uow.elections.add(definition)
        uow.files.add(record)
        uow.commit()

SQLAlchemy's exceptions raised inside the block or by ``commit`` leave the block as
:class:`~osv.store.errors.StoreError` (see :func:`osv.store.errors.translate`).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from types import TracebackType

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from osv.store.audit import AuditRepository
from osv.store.candidacy import CandidacyRepository
from osv.store.candidates import CandidateListRepository
from osv.store.content import Tracker, describe
from osv.store.counts import CountRepository
from osv.store.elections import ElectionRepository
from osv.store.entries import EntryRepository
from osv.store.errors import StoreError, translate
from osv.store.files import FileRepository
from osv.store.polling import PollingStationRepository
from osv.store.queries import ReadQueries
from osv.store.results import ResultRepository
from osv.store.stages import StageRepository
from osv.store.users import UserRepository

__all__ = ["READ_ONLY", "UnitOfWork"]

#: The execution option that marks the connection of a unit of work opened for reading.
READ_ONLY = "osv_read_only"


class UnitOfWork:
    """A transaction with the repositories as attributes.

    :param session_factory: makes the session for each ``with`` block (one transaction each).
    :param audited: refuse to commit a change of counted data that no audit event recorded
        (:mod:`osv.store.content`); only the repositories' own tests turn this off.
    """

    elections: ElectionRepository
    candidate_lists: CandidateListRepository
    polling_stations: PollingStationRepository
    counts: CountRepository
    results: ResultRepository
    entries: EntryRepository
    files: FileRepository
    audit: AuditRepository
    users: UserRepository
    stages: StageRepository
    candidacy: CandidacyRepository
    queries: ReadQueries

    def __init__(self, session_factory: Callable[[], Session], *, audited: bool = True) -> None:
        self._session_factory = session_factory
        self._audited = audited
        self._session: Session | None = None
        self._reading = False

    def reading(self) -> UnitOfWork:
        """This unit of work, to be entered for reading only (``with factory().reading() as
        uow``): it cannot commit, and on SQLite it neither waits for nor holds up the
        transactions that write (a snapshot of the last commit, see
        :func:`osv.store.database._sqlite_setup`). A page that only shows data uses it, so
        typists' saves do not queue behind the pages others open."""
        self._reading = True
        return self

    @property
    def session(self) -> Session:
        """The session of the open block."""
        if self._session is None:
            raise StoreError("The unit of work is used outside its 'with' block.")
        return self._session

    def __enter__(self) -> UnitOfWork:
        if self._session is not None:
            raise StoreError("A unit of work cannot be entered twice at the same time.")
        session = self._session_factory()
        self._session = session
        if self._reading:
            # Begins the transaction read-only: SQLite in osv.store.database's "begin" hook,
            # PostgreSQL here.
            connection = session.connection(execution_options={READ_ONLY: True})
            if connection.dialect.name == "postgresql":
                connection.exec_driver_sql("SET TRANSACTION READ ONLY")
        self.elections = ElectionRepository(session)
        self.candidate_lists = CandidateListRepository(session)
        self.polling_stations = PollingStationRepository(session)
        self.counts = CountRepository(session)
        self.results = ResultRepository(session)
        self.entries = EntryRepository(session)
        self.files = FileRepository(session)
        self.stages = StageRepository(session)
        self.candidacy = CandidacyRepository(session)
        self.audit = AuditRepository(session)
        self.users = UserRepository(session)
        self.queries = ReadQueries(session)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        session, self._session = self.session, None
        self._reading = False
        Tracker(session).forget()
        try:
            session.rollback()  # a no-op after commit(); undoes everything otherwise
        except SQLAlchemyError as error:
            if exc is None:
                raise translate(error, "end the transaction") from error
        finally:
            session.close()
        if isinstance(exc, SQLAlchemyError):
            raise translate(exc, "complete the operation") from exc

    def commit(self) -> None:
        """Make everything done in this unit of work permanent, at once.

        :raises StoreError: when counted data changed without an audit event recording it
            (:mod:`osv.store.content`); everything is rolled back then.
        """
        if self._reading:
            raise StoreError("A unit of work opened for reading cannot store changes.")
        try:
            unrecorded = Tracker(self.session).unrecorded() if self._audited else []
        except SQLAlchemyError as error:
            raise translate(error, "store the changes") from error
        if unrecorded:
            self.rollback()
            raise StoreError(
                f"{describe(unrecorded[0])} was changed without an audit event recording it; "
                "nothing was stored."
            )
        Tracker(self.session).forget()
        try:
            self.session.commit()
        except SQLAlchemyError as error:
            with contextlib.suppress(SQLAlchemyError):  # the commit's error is the one to report
                self.session.rollback()
            raise translate(error, "store the changes") from error

    def rollback(self) -> None:
        """Undo everything done in this unit of work since it began (or was last committed)."""
        Tracker(self.session).forget()
        try:
            self.session.rollback()
        except SQLAlchemyError as error:
            raise translate(error, "undo the changes") from error
