"""Double data entry in the database: sessions, sources with their state, warning notes,
investigations.

A source's state is stored as data (``results.entry.serialize``) with a ``version`` that grows
with every change. :meth:`EntryRepository.update_source` writes only if the version is still the
one the caller read (``UPDATE … WHERE version = :read``); otherwise another user saved first and
:class:`EntryConflictError` is raised, so no update is ever lost silently.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select, update

from osv.errors import InvariantError
from osv.store.content import (
    entry_key,
    entry_key_of,
    investigation_key,
    session_key,
    session_key_of,
)
from osv.store.errors import StoreError
from osv.store.records import utc_now
from osv.store.repository import Repository, as_utc
from osv.store.rows import (
    ElectionRow,
    EntrySessionRow,
    EntrySourceRow,
    InvestigationRow,
    WarningNoteRow,
)

__all__ = [
    "EntryConflictError",
    "EntryRepository",
    "EntrySession",
    "EntrySource",
    "Investigation",
    "WarningNote",
]


class EntryConflictError(StoreError):
    """The source was changed by someone else since it was read; reload and try again."""


@dataclass(frozen=True)
class EntrySession:
    """A session of a committee in which counts are typed."""

    id: int
    election: str
    committee: str
    number: int
    counting_method: str
    status: str
    started_at: dt.datetime
    started_by: str
    completed_at: dt.datetime | None = None
    completed_by: str | None = None


@dataclass(frozen=True)
class EntrySource:
    """A source of a session with its double-entry state (as data) and version."""

    id: int
    session_id: int
    key: str
    name: str | None
    model: str
    state: str
    data: dict[str, Any]
    version: int
    updated_at: dt.datetime


@dataclass(frozen=True)
class WarningNote:
    """A coordinator's explanation of a warning, or its "handled" mark."""

    source_id: int
    code: str
    list_number: int
    explanation: str | None
    handled: bool
    noted_by: str
    noted_at: dt.datetime


@dataclass(frozen=True)
class Investigation:
    """An investigation of a polling station, requested by the CSB."""

    committee: str
    polling_station: int
    reason: str
    requested_by: str
    requested_at: dt.datetime
    concluded_in: int | None = None
    corrected_results: bool | None = None


class EntryRepository(Repository):
    """Sessions, sources, warning notes and investigations of double data entry."""

    # --- sessions --------------------------------------------------------------------------

    def add_session(
        self, eid: str, committee: str, number: int, counting_method: str, started_by: str
    ) -> EntrySession:
        """Store a new session (its number must be new for the committee)."""
        row = EntrySessionRow(
            election_id=self._require_election(eid),
            committee=committee,
            number=number,
            counting_method=counting_method,
            status="in_progress",
            started_at=utc_now(),
            started_by=started_by,
        )
        self.session.add(row)
        self.session.flush()
        self.changes.touch(session_key(eid, committee, number))
        return _session(row, eid)

    def sessions(self, eid: str, committee: str | None = None) -> list[EntrySession]:
        """The sessions of an election (of one committee), by committee and number."""
        query = (
            select(EntrySessionRow)
            .where(EntrySessionRow.election_id == self._require_election(eid))
            .order_by(EntrySessionRow.committee, EntrySessionRow.number)
        )
        if committee is not None:
            query = query.where(EntrySessionRow.committee == committee)
        return [_session(row, eid) for row in self.session.scalars(query)]

    def get_session(self, session_id: int) -> EntrySession | None:
        """The session with ``session_id``, or ``None``."""
        row = self.session.get(EntrySessionRow, session_id)
        if row is None:
            return None
        eid = self.session.scalar(select(ElectionRow.eid).where(ElectionRow.id == row.election_id))
        if eid is None:
            raise InvariantError("an entry's election is not stored")
        return _session(row, eid)

    def complete_session(self, session_id: int, completed_by: str) -> None:
        """Mark a session completed (only one still in progress)."""
        result = self.session.execute(
            update(EntrySessionRow)
            .where(EntrySessionRow.id == session_id, EntrySessionRow.status == "in_progress")
            .values(status="completed", completed_at=utc_now(), completed_by=completed_by)
        )
        if result.rowcount != 1:  # type: ignore[attr-defined]
            raise EntryConflictError(f"session {session_id} is not in progress")
        self.changes.touch(session_key_of(self.session, session_id))

    def reopen_session(self, session_id: int) -> None:
        """Set a completed session back in progress (a coordinator resets a definitive entry)."""
        self.session.execute(
            update(EntrySessionRow)
            .where(EntrySessionRow.id == session_id)
            .values(status="in_progress", completed_at=None, completed_by=None)
        )
        self.changes.touch(session_key_of(self.session, session_id))

    # --- sources ---------------------------------------------------------------------------

    def add_sources(
        self, session_id: int, sources: Sequence[tuple[str, str | None, str, dict[str, Any]]]
    ) -> None:
        """Store the sources of a session: (key, name, model, initial state data) each."""
        now = utc_now()
        self._bulk_insert(
            EntrySourceRow,
            [
                {
                    "session_id": session_id,
                    "key": key,
                    "name": name,
                    "model": model,
                    "state": data["state"],
                    "data": data,
                    "version": 1,
                    "updated_at": now,
                }
                for key, name, model, data in sources
            ],
        )
        session = session_key_of(self.session, session_id)
        if session is not None:
            _, eid, committee, number = session.split("/", 3)
            for key, *_ in sources:
                self.changes.touch(entry_key(eid, committee, int(number), key))

    def sources(self, session_id: int) -> list[EntrySource]:
        """The sources of a session, in the order they were added."""
        rows = self.session.scalars(
            select(EntrySourceRow)
            .where(EntrySourceRow.session_id == session_id)
            .order_by(EntrySourceRow.id)
        )
        return [_source(row) for row in rows]

    def get_source(self, session_id: int, key: str) -> EntrySource | None:
        """The source ``key`` of a session, or ``None``."""
        row = self.session.scalar(
            select(EntrySourceRow).where(
                EntrySourceRow.session_id == session_id, EntrySourceRow.key == key
            )
        )
        return _source(row) if row is not None else None

    def update_source(
        self, source_id: int, read_version: int, state: str, data: dict[str, Any]
    ) -> int:
        """Store a source's new state if nobody changed it since ``read_version``; return the
        new version.

        :raises EntryConflictError: when the stored version is no longer ``read_version``.
        """
        key = entry_key_of(self.session, source_id)
        if key is not None:  # a draft save leaves the hash as it was and needs no event
            self.changes.touch(key, before=self.changes.hash_now(key))
        result = self.session.execute(
            update(EntrySourceRow)
            .where(EntrySourceRow.id == source_id, EntrySourceRow.version == read_version)
            .values(state=state, data=data, version=read_version + 1, updated_at=utc_now())
        )
        if result.rowcount != 1:  # type: ignore[attr-defined]
            raise EntryConflictError(
                "this entry was changed by someone else in the meantime; "
                "reload it and make the change again"
            )
        return read_version + 1

    # --- warning notes ---------------------------------------------------------------------

    def set_note(self, note: WarningNote) -> None:
        """Store (or replace) the note of one warning of a source."""
        row = self.session.scalar(
            select(WarningNoteRow).where(
                WarningNoteRow.source_id == note.source_id,
                WarningNoteRow.code == note.code,
                WarningNoteRow.list_number == note.list_number,
            )
        )
        if row is None:
            row = WarningNoteRow(
                source_id=note.source_id, code=note.code, list_number=note.list_number
            )
            self.session.add(row)
        row.explanation = note.explanation
        row.handled = note.handled
        row.noted_by = note.noted_by
        row.noted_at = note.noted_at
        self.session.flush()
        self.changes.touch(entry_key_of(self.session, note.source_id))

    def notes(self, source_ids: Sequence[int]) -> list[WarningNote]:
        """The warning notes of some sources."""
        if not source_ids:
            return []
        rows = self.session.scalars(
            select(WarningNoteRow)
            .where(WarningNoteRow.source_id.in_(source_ids))
            .order_by(WarningNoteRow.source_id, WarningNoteRow.code, WarningNoteRow.list_number)
        )
        return [
            WarningNote(
                source_id=row.source_id,
                code=row.code,
                list_number=row.list_number,
                explanation=row.explanation,
                handled=row.handled,
                noted_by=row.noted_by,
                noted_at=as_utc(row.noted_at),
            )
            for row in rows
        ]

    # --- investigations --------------------------------------------------------------------

    def add_investigation(self, eid: str, investigation: Investigation) -> None:
        """Store a requested investigation (one per polling station)."""
        self.session.add(
            InvestigationRow(
                election_id=self._require_election(eid),
                committee=investigation.committee,
                polling_station=investigation.polling_station,
                reason=investigation.reason,
                requested_by=investigation.requested_by,
                requested_at=investigation.requested_at,
            )
        )
        self.session.flush()
        self.changes.touch(
            investigation_key(eid, investigation.committee, investigation.polling_station)
        )

    def investigations(self, eid: str, committee: str) -> list[Investigation]:
        """The investigations of a committee's polling stations, by polling station."""
        rows = self.session.scalars(
            select(InvestigationRow)
            .where(
                InvestigationRow.election_id == self._require_election(eid),
                InvestigationRow.committee == committee,
            )
            .order_by(InvestigationRow.polling_station)
        )
        return [
            Investigation(
                committee=row.committee,
                polling_station=row.polling_station,
                reason=row.reason,
                requested_by=row.requested_by,
                requested_at=as_utc(row.requested_at),
                concluded_in=row.concluded_in,
                corrected_results=row.corrected_results,
            )
            for row in rows
        ]

    def conclude_investigation(
        self, eid: str, committee: str, polling_station: int, session: int, corrected: bool
    ) -> None:
        """Record that an investigation was concluded in ``session``, with or without new
        results."""
        self.session.execute(
            update(InvestigationRow)
            .where(
                InvestigationRow.election_id == self._require_election(eid),
                InvestigationRow.committee == committee,
                InvestigationRow.polling_station == polling_station,
            )
            .values(concluded_in=session, corrected_results=corrected)
        )
        self.changes.touch(investigation_key(eid, committee, polling_station))


def _session(row: EntrySessionRow, eid: str) -> EntrySession:
    return EntrySession(
        id=row.id,
        election=eid,
        committee=row.committee,
        number=row.number,
        counting_method=row.counting_method,
        status=row.status,
        started_at=as_utc(row.started_at),
        started_by=row.started_by,
        completed_at=as_utc(row.completed_at) if row.completed_at else None,
        completed_by=row.completed_by,
    )


def _source(row: EntrySourceRow) -> EntrySource:
    return EntrySource(
        id=row.id,
        session_id=row.session_id,
        key=row.key,
        name=row.name,
        model=row.model,
        state=row.state,
        data=row.data,
        version=row.version,
        updated_at=as_utc(row.updated_at),
    )
