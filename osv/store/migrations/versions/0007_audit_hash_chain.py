"""The audit log becomes a hash chain: every event stores a hash over itself and the one before.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-29

Adds ``audit_events.hash`` (64 lowercase hex characters, not null) and computes it for the
events already logged, oldest first, exactly as :mod:`osv.store.chain` does (docs/audit.md).
The append-only triggers refuse the UPDATE that fills the column, so the migration lifts the
UPDATE trigger for the backfill and puts it back in the same transaction (on PostgreSQL by
disabling and enabling it; on SQLite by dropping and creating it). SQLite cannot make a column
NOT NULL in place, so the table is copied (Alembic's batch mode), which drops its triggers:
both are created again afterwards, with the text of 0001.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

_APPEND_ONLY = "audit events are append-only"

#: The chain's starting value, as in ``osv.store.chain.GENESIS`` (copied: a migration never
#: changes once released, even when the code does).
_GENESIS = "0" * 64

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


def _link(previous: str, row: Any) -> str:
    at = row.at if row.at.tzinfo is not None else row.at.replace(tzinfo=dt.UTC)
    document = {
        "actor": row.actor,
        "at": at.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
        "data": row.data,
        "election": row.election,
        "event": row.event,
        "id": row.id,
    }
    text = json.dumps(
        document, sort_keys=True, separators=(",", ":"), ensure_ascii=True, allow_nan=False
    )
    return hashlib.sha256(previous.encode("ascii") + text.encode("utf-8")).hexdigest()


def _sqlite_triggers(*actions: str) -> None:
    for action in actions:
        op.execute(
            f"CREATE TRIGGER audit_events_no_{action.lower()} BEFORE {action} ON audit_events "
            f"BEGIN SELECT RAISE(ABORT, '{_APPEND_ONLY}'); END"
        )


def _backfill() -> None:
    connection = op.get_bind()
    rows = connection.execute(sa.select(_events).order_by(_events.c.id))
    previous = _GENESIS
    hashes = []
    for row in rows:
        previous = _link(previous, row)
        hashes.append({"key": row.id, "value": previous})
    if hashes:
        connection.execute(
            _events.update()
            .where(_events.c.id == sa.bindparam("key"))
            .values(hash=sa.bindparam("value")),
            hashes,
        )


def upgrade() -> None:
    postgresql = op.get_bind().dialect.name == "postgresql"
    op.add_column("audit_events", sa.Column("hash", sa.String(64), nullable=True))
    if postgresql:
        op.execute("ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_change")
        _backfill()
        op.execute("ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_change")
        op.alter_column("audit_events", "hash", existing_type=sa.String(64), nullable=False)
        op.create_check_constraint(
            op.f("ck_audit_events_hash_length"), "audit_events", "length(hash) = 64"
        )
        return
    op.execute("DROP TRIGGER audit_events_no_update")
    _backfill()
    op.execute("DROP TRIGGER audit_events_no_delete")
    with op.batch_alter_table("audit_events", recreate="always") as batch:
        batch.alter_column("hash", existing_type=sa.String(64), nullable=False)
        batch.create_check_constraint(op.f("ck_audit_events_hash_length"), "length(hash) = 64")
    _sqlite_triggers("UPDATE", "DELETE")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.drop_constraint(op.f("ck_audit_events_hash_length"), "audit_events", type_="check")
        op.drop_column("audit_events", "hash")
        return
    for action in ("update", "delete"):
        op.execute(f"DROP TRIGGER audit_events_no_{action}")
    with op.batch_alter_table("audit_events", recreate="always") as batch:
        batch.drop_constraint(op.f("ck_audit_events_hash_length"), type_="check")
        batch.drop_column("hash")
    _sqlite_triggers("UPDATE", "DELETE")
