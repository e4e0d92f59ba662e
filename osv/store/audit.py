"""The append-only, hash-chained audit log (process.md §7): every action, with actor and time.

Events are only ever added. The repository has no method to change or remove one, and the
database refuses UPDATE and DELETE on the table with triggers (see the initial migration), so
a mistake in later code cannot rewrite history either. Each event also stores a hash over
itself and the previous event's hash (:mod:`osv.store.chain`), so that someone with direct
access to the database cannot change or remove an event without :meth:`verify_chain` noticing.

Appends are serialised so the chain never forks: SQLite lets one transaction write at a time
anyway; on PostgreSQL :meth:`append` first locks the table against other appends (readers are
not blocked) until its transaction ends. The id is taken before the hash is computed, because
the hash covers it. The content hashes an event records are computed after that lock too, so
they include every change committed by the transactions that appended before it.
"""

from __future__ import annotations

import re
from collections.abc import Generator, Iterator
from contextlib import closing
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import Row, func, select, text

from osv.errors import InvariantError
from osv.store.chain import GENESIS, ChainReport, link, normalise_data, verify_chain
from osv.store.content import ContentReport, recorded_content, verify_content
from osv.store.records import AuditEvent
from osv.store.repository import Repository, as_utc
from osv.store.rows import AuditEventRow

__all__ = ["AuditRepository", "HeadCheck", "LogReport", "normalise_head"]

#: Rows fetched at a time when the whole log is walked.
_BATCH = 1000


def normalise_head(text: str) -> str | None:
    """A hash as noted on paper (groups of 4, any case) as 64 lowercase hex; ``None`` when it
    is not one."""
    compact = re.sub(r"[\s.:-]", "", text).lower()
    return compact if re.fullmatch(r"[0-9a-f]{64}", compact) else None


@dataclass(frozen=True)
class HeadCheck:
    """Whether an event carries a hash noted down earlier (the head of the log then).

    :param hash: the noted hash.
    :param event_id: the event that carries it, ``None`` when none does (events were removed
        after it, or the log was replaced).
    :param position: how many events come before it.
    """

    hash: str
    event_id: int | None
    position: int | None

    @property
    def found(self) -> bool:
        """Whether the noted head is in the log."""
        return self.event_id is not None


@dataclass(frozen=True)
class LogReport:
    """The verification of the whole audit log: chain, content hashes and a noted head.

    :param chain: the hash chain (:func:`osv.store.chain.verify_chain`).
    :param content: the stored objects against the hashes the log recorded
        (:mod:`osv.store.content`); ``None`` when the chain is broken (then the recorded hashes
        cannot be trusted).
    :param head: the noted head, when one was given.
    """

    chain: ChainReport
    content: ContentReport | None
    head: HeadCheck | None = None

    @property
    def ok(self) -> bool:
        """Chain intact, every object as recorded, and the noted head (if any) present."""
        return (
            self.chain.intact
            and self.content is not None
            and self.content.intact
            and (self.head is None or self.head.found)
        )

    @property
    def problem(self) -> str | None:
        """The first thing that does not hold, in one line (chain, content, head), or
        ``None``."""
        if self.chain.broken is not None:
            return self.chain.broken.reason
        if self.content is not None and self.content.findings:
            return self.content.findings[0].reason
        if self.head is not None and not self.head.found:
            return f"no audit event has hash {self.head.hash}"
        return None

    def to_json(self) -> dict[str, Any]:
        """The report as plain JSON values: the chain's keys, then ``content``, ``head``
        and ``ok`` (``osv audit verify --json``, docs/audit.md)."""
        content = self.content
        document = self.chain.to_json()
        document["content"] = (
            None
            if content is None
            else {
                "intact": content.intact,
                "objects": content.objects,
                "differences": len(content.findings),
                "findings": [f.to_json() for f in content.findings[:100]],
            }
        )
        if self.head is not None:
            document["head"] = {
                "hash": self.head.hash,
                "found": self.head.found,
                "event_id": self.head.event_id,
                "position": self.head.position,
            }
        document["ok"] = self.ok
        return document


class AuditRepository(Repository):
    """The audit log."""

    def append(self, event: AuditEvent) -> AuditEvent:
        """Add ``event`` to the log, chained to the last event; return it with id and hash.

        The objects of counted data changed in this transaction since the previous event
        (:mod:`osv.store.content`) are recorded with their hashes in ``data["content"]``.

        :raises ValueError: when ``event.data`` is not JSON.
        """
        normalise_data(event.data)  # refuse what is not JSON before taking the lock
        self._lock_for_append()
        # After the lock: on PostgreSQL every earlier append's transaction has committed, so
        # an object two transactions change (a stage's files) is hashed with both changes.
        content = self.changes.take()
        if content:
            event = replace(event, data={**event.data, "content": content})
        data = normalise_data(event.data)
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
                yield _record(row)
        finally:
            rows.close()  # a server-side cursor on PostgreSQL, when the walk stops early

    def verify_chain(self) -> ChainReport:
        """Walk the whole log once and report whether its hash chain is intact."""
        with closing(self.stream()) as events:
            return verify_chain(events)

    def head(self) -> tuple[str, int | None, int]:
        """The last event's hash (:data:`~osv.store.chain.GENESIS` for an empty log), its id
        and the number of events, as stored (not verified)."""
        last = self.session.execute(
            select(AuditEventRow.hash, AuditEventRow.id).order_by(AuditEventRow.id.desc()).limit(1)
        ).first()
        count = self.session.scalar(select(func.count()).select_from(AuditEventRow)) or 0
        if last is None:
            return GENESIS, None, 0
        return last[0], last[1], int(count)

    def verify(self, *, head: str | None = None) -> LogReport:
        """Walk the whole log once: its chain, the hashes of the counted data it recorded
        against the stored rows (when the chain holds), and whether an event carries ``head``.
        """
        recorded: dict[str, tuple[str | None, int]] = {}
        carrier: list[tuple[int, int]] = []

        def watched(events: Iterator[AuditEvent]) -> Iterator[AuditEvent]:
            for position, event in enumerate(events):
                if event.id is None:
                    raise InvariantError("an audit event read from the database has no id")
                for key, value in recorded_content(event.data).items():
                    recorded[key] = (value, event.id)
                if head is not None and event.hash == head:
                    carrier.append((event.id, position))
                yield event

        with closing(self.stream()) as events:
            chain = verify_chain(watched(events))
        content = verify_content(self.session, recorded) if chain.intact else None
        check = None
        if head is not None:
            event_id, position = carrier[0] if carrier else (None, None)
            check = HeadCheck(head, event_id, position)
        return LogReport(chain, content, check)


def _record(row: AuditEventRow | Row[Any]) -> AuditEvent:
    """The event of a stored row (an ORM row or a plain row of ``audit_events``)."""
    return AuditEvent(
        id=row.id,
        at=as_utc(row.at),
        actor=row.actor,
        event=row.event,
        election=row.election,
        data=row.data,
        hash=row.hash,
    )
