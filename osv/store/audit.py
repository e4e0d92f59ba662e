"""The append-only, hash-chained audit log (process.md §7): every action, with actor and time.

Events are only ever added. The repository has no method to change or remove one, and the
database refuses UPDATE and DELETE on the table with triggers (see the initial migration), so
a mistake in later code cannot rewrite history either. Each event also stores a hash over
itself and the previous event's hash (:mod:`osv.store.chain`), so that someone with direct
access to the database cannot change or remove an event without :meth:`verify_chain` noticing.

Appends are serialised so the chain never forks: SQLite lets one transaction write at a time
anyway; on PostgreSQL :meth:`append` first locks the table against other appends (readers are
not blocked) until its transaction ends. The id is taken before the hash is computed, because
the hash covers it.
"""

from __future__ import annotations

from collections.abc import Generator
from contextlib import closing
from dataclasses import replace

from sqlalchemy import func, select, text

from osv.store.chain import GENESIS, ChainReport, link, normalise_data, verify_chain
from osv.store.records import AuditEvent
from osv.store.repository import Repository, as_utc
from osv.store.rows import AuditEventRow

__all__ = ["AuditRepository"]

#: Rows fetched at a time when the whole log is walked.
_BATCH = 1000


class AuditRepository(Repository):
    """The audit log."""

    def append(self, event: AuditEvent) -> AuditEvent:
        """Add ``event`` to the log, chained to the last event; return it with id and hash.

        :raises ValueError: when ``event.data`` is not JSON.
        """
        data = normalise_data(event.data)
        self._lock_for_append()
        previous = self.session.scalar(
            select(AuditEventRow.hash).order_by(AuditEventRow.id.desc()).limit(1)
        )
        stored = replace(event, id=self._next_id(), at=as_utc(event.at), data=data)
        stored = replace(stored, hash=link(previous or GENESIS, stored))
        self.session.add(
            AuditEventRow(
                id=stored.id,
                at=stored.at,
                actor=stored.actor,
                event=stored.event,
                election=stored.election,
                data=data,
                hash=stored.hash,
            )
        )
        self.session.flush()
        return stored

    def _lock_for_append(self) -> None:
        if self.session.get_bind().dialect.name == "postgresql":
            # Conflicts with itself and with INSERT, not with SELECT; held until commit.
            self.session.execute(text("LOCK TABLE audit_events IN SHARE ROW EXCLUSIVE MODE"))

    def _next_id(self) -> int:
        if self.session.get_bind().dialect.name == "postgresql":
            sequence = "nextval(pg_get_serial_sequence('audit_events', 'id'))"
            return int(self.session.execute(text(f"SELECT {sequence}")).scalar_one())
        last = self.session.scalar(select(func.max(AuditEventRow.id)))
        return (last or 0) + 1

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
        return [_record(row) for row in rows]

    def stream(self) -> Generator[AuditEvent]:
        """Every event, oldest first, fetched in batches (for walking a long log).

        Reads plain rows rather than ORM objects: the audit-log page walks the whole log.
        """
        table = AuditEventRow.__table__
        query = select(table).order_by(table.c.id).execution_options(yield_per=_BATCH)
        rows = self.session.execute(query)
        try:
            for row in rows:
                yield AuditEvent(
                    id=row.id,
                    at=as_utc(row.at),
                    actor=row.actor,
                    event=row.event,
                    election=row.election,
                    data=row.data,
                    hash=row.hash,
                )
        finally:
            rows.close()  # a server-side cursor on PostgreSQL, when the walk stops early

    def verify_chain(self) -> ChainReport:
        """Walk the whole log once and report whether its hash chain is intact."""
        with closing(self.stream()) as events:
            return verify_chain(events)


def _record(row: AuditEventRow) -> AuditEvent:
    return AuditEvent(
        id=row.id,
        at=as_utc(row.at),
        actor=row.actor,
        event=row.event,
        election=row.election,
        data=row.data,
        hash=row.hash,
    )
