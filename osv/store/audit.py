"""The append-only audit log (process.md §7): every action, with actor, time and details.

Events are only ever added. The repository has no method to change or remove one, and the
database refuses UPDATE and DELETE on the table with triggers (see the initial migration), so
a mistake in later code cannot rewrite history either.
"""

from __future__ import annotations

from sqlalchemy import select

from osv.store.records import AuditEvent
from osv.store.repository import Repository, as_utc
from osv.store.rows import AuditEventRow

__all__ = ["AuditRepository"]


class AuditRepository(Repository):
    """The audit log."""

    def append(self, event: AuditEvent) -> None:
        """Add ``event`` to the log (its ``id`` is assigned by the database)."""
        self.session.add(
            AuditEventRow(
                at=event.at,
                actor=event.actor,
                event=event.event,
                election=event.election,
                data=dict(event.data),
            )
        )
        self.session.flush()

    def events(
        self, *, election: str | None = None, event: str | None = None, limit: int | None = None
    ) -> list[AuditEvent]:
        """Events in the order they were logged, optionally of one election or event name.

        :param limit: only the last ``limit`` events (still oldest first).
        """
        query = select(AuditEventRow)
        if election is not None:
            query = query.where(AuditEventRow.election == election)
        if event is not None:
            query = query.where(AuditEventRow.event == event)
        query = query.order_by(AuditEventRow.id.desc())
        if limit is not None:
            query = query.limit(limit)
        rows = list(self.session.scalars(query))
        rows.reverse()
        return [
            AuditEvent(
                id=row.id,
                at=as_utc(row.at),
                actor=row.actor,
                event=row.event,
                election=row.election,
                data=row.data,
            )
            for row in rows
        ]
