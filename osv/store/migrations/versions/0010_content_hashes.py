"""The audit chain covers the data: content hashes of what was stored before; sign-in clients.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-01

From this revision on, every event that creates or changes counted data records the SHA-256 of
that data (``data["content"]``, :mod:`osv.store.content`, docs/audit.md). The hash chain itself
is unchanged (an event's canonical form is the same), so logs written before verify as before.
What was stored before this revision was recorded by no event, so the migration appends one
event, ``audit.content_recorded`` by ``system``, chained after the last, that records the hash
of every object stored now; from then on ``osv audit verify`` compares them. A database without
counted data gets no event.

The canonical form is read with :mod:`osv.store.content` as it is at this revision (its
:data:`~osv.store.content.COLUMNS` name only columns that exist here); a later change of that
form needs a migration of its own that records the hashes again, and then this one must keep
a copy of the form it used.

``web_sessions.client`` (nullable): the address a sign-in came from, so a user can tell their
sessions apart on "Mijn account" and end the others (docs/ui.md, "Security").
"""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from alembic import op
from sqlalchemy.orm import Session

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

_events = sa.table(
    "audit_events",
    sa.column("id", sa.BigInteger()),
    sa.column("at", sa.DateTime(timezone=True)),
    sa.column("actor", sa.String()),
    sa.column("event", sa.String()),
    sa.column("election", sa.String()),
    sa.column("data", sa.JSON()),
    sa.column("hash", sa.String(64)),
)


def _record_content() -> None:
    from osv.store.chain import GENESIS, link
    from osv.store.content import content_hash, current_objects
    from osv.store.records import AuditEvent

    connection = op.get_bind()
    with Session(bind=connection) as session:
        content = {key: content_hash(session, key) for key in current_objects(session)}
    if not content:
        return
    previous = connection.execute(
        sa.select(_events.c.hash).order_by(_events.c.id.desc()).limit(1)
    ).scalar()
    if connection.dialect.name == "postgresql":
        next_id = connection.execute(
            sa.text("SELECT nextval(pg_get_serial_sequence('audit_events', 'id'))")
        ).scalar_one()
    else:
        next_id = (connection.execute(sa.select(sa.func.max(_events.c.id))).scalar() or 0) + 1
    event = AuditEvent(
        id=int(next_id),
        at=dt.datetime.now(dt.UTC),
        actor="system",
        event="audit.content_recorded",
        data={"reason": "migration 0010: stored before content hashes", "content": content},
    )
    connection.execute(
        _events.insert().values(
            id=event.id,
            at=event.at,
            actor=event.actor,
            event=event.event,
            election=None,
            data=dict(event.data),
            hash=link(previous or GENESIS, event),
        )
    )


def upgrade() -> None:
    with op.batch_alter_table("web_sessions") as batch:
        batch.add_column(sa.Column("client", sa.String(), nullable=True))
    _record_content()


def downgrade() -> None:
    with op.batch_alter_table("web_sessions") as batch:
        batch.drop_column("client")
