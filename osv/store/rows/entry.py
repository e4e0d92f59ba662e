"""The audit log and double data entry: sessions, typed sources, warning notes, investigations."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from osv.store.rows.base import Base, BigId, Json

__all__ = [
    "AuditEventRow",
    "EntrySessionRow",
    "EntrySourceRow",
    "InvestigationRow",
    "WarningNoteRow",
]


class AuditEventRow(Base):
    """One entry of the append-only audit log (process.md §7): who did what, when.

    ``election`` is the ElectionIdentifier Id as text, not a foreign key: the log must keep its
    entries whatever happens to the election. Triggers refuse UPDATE and DELETE. ``hash`` chains
    each event to the one before (:mod:`osv.store.chain`).
    """

    __tablename__ = "audit_events"
    __table_args__ = (
        Index(None, "election"),
        CheckConstraint("length(hash) = 64", name="hash_length"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    at: Mapped[dt.datetime]
    actor: Mapped[str]
    event: Mapped[str]
    election: Mapped[str | None]
    data: Mapped[Json]
    hash: Mapped[str] = mapped_column(String(64))


class EntrySessionRow(Base):
    """A session of a committee (a municipality's GSB, or the CSB/HSB) in which counts are typed.

    ``committee`` is the CBS code of the municipality, or ``CSB``/``HSB<n>``; ``number`` counts
    the committee's sessions from 1 (the first session; later ones for investigations).
    """

    __tablename__ = "entry_sessions"
    __table_args__ = (
        UniqueConstraint("election_id", "committee", "number"),
        CheckConstraint("number >= 1", name="number_positive"),
        CheckConstraint("status IN ('in_progress', 'completed')", name="status_known"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    election_id: Mapped[int] = mapped_column(ForeignKey("elections.id", ondelete="CASCADE"))
    committee: Mapped[str]
    number: Mapped[int]
    counting_method: Mapped[str]
    status: Mapped[str]
    started_at: Mapped[dt.datetime]
    started_by: Mapped[str]
    completed_at: Mapped[dt.datetime | None]
    completed_by: Mapped[str | None]


class EntrySourceRow(Base):
    """One source typed twice in a session: a polling station, or a committee's totals.

    ``data`` is the double-entry state (``results.entry.serialize``); ``state`` repeats its name
    for filtering. ``version`` grows by one with every change: a save names the version it read,
    and is refused when another save came first (optimistic locking, no lost update).
    """

    __tablename__ = "entry_sources"
    __table_args__ = (
        UniqueConstraint("session_id", "key"),
        CheckConstraint("version >= 1", name="version_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("entry_sessions.id", ondelete="CASCADE"))
    key: Mapped[str]
    name: Mapped[str | None]
    model: Mapped[str]
    state: Mapped[str]
    data: Mapped[Json]
    version: Mapped[int]
    updated_at: Mapped[dt.datetime]


class WarningNoteRow(Base):
    """A coordinator's explanation of a warning of a definitive entry, or its "handled" mark.

    ``list_number`` is 0 for warnings about the whole form.
    """

    __tablename__ = "warning_notes"
    __table_args__ = (UniqueConstraint("source_id", "code", "list_number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("entry_sources.id", ondelete="CASCADE"))
    code: Mapped[str]
    list_number: Mapped[int]
    explanation: Mapped[str | None]
    handled: Mapped[bool]
    noted_by: Mapped[str]
    noted_at: Mapped[dt.datetime]


class InvestigationRow(Base):
    """An investigation of a polling station's count, requested by the central polling station.

    It is concluded in a later session of the municipality, with or without new results
    (``corrected_results``); ``concluded_in`` is that session's number.
    """

    __tablename__ = "investigations"
    __table_args__ = (UniqueConstraint("election_id", "committee", "polling_station"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    election_id: Mapped[int] = mapped_column(ForeignKey("elections.id", ondelete="CASCADE"))
    committee: Mapped[str]
    polling_station: Mapped[int]
    reason: Mapped[str]
    requested_by: Mapped[str]
    requested_at: Mapped[dt.datetime]
    concluded_in: Mapped[int | None]
    corrected_results: Mapped[bool | None]
