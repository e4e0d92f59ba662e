"""Double data entry: sessions, sources (with their state and version), warning notes,
investigations.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28

Written out in full, like 0001; ``test_the_migrations_match_the_row_classes`` checks it.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def _moment(name: str, nullable: bool = False) -> sa.Column[Any]:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def _text(name: str, nullable: bool = False) -> sa.Column[Any]:
    return sa.Column(name, sa.String(), nullable=nullable)


def _integer(name: str, nullable: bool = False) -> sa.Column[Any]:
    return sa.Column(name, sa.Integer(), nullable=nullable)


def _fk(table: str, column: str, target: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column], [f"{target}.id"], name=op.f(f"fk_{table}_{column}_{target}"), ondelete="CASCADE"
    )


def _unique(table: str, *columns: str) -> sa.UniqueConstraint:
    return sa.UniqueConstraint(*columns, name=op.f(f"uq_{table}_{'_'.join(columns)}"))


def _pk(table: str) -> sa.PrimaryKeyConstraint:
    return sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{table}"))


def upgrade() -> None:
    op.create_table(
        "entry_sessions",
        _integer("id"),
        _integer("election_id"),
        _text("committee"),
        _integer("number"),
        _text("counting_method"),
        _text("status"),
        _moment("started_at"),
        _text("started_by"),
        _moment("completed_at", nullable=True),
        _text("completed_by", nullable=True),
        sa.CheckConstraint("number >= 1", name=op.f("ck_entry_sessions_number_positive")),
        sa.CheckConstraint(
            "status IN ('in_progress', 'completed')", name=op.f("ck_entry_sessions_status_known")
        ),
        _fk("entry_sessions", "election_id", "elections"),
        _pk("entry_sessions"),
        _unique("entry_sessions", "election_id", "committee", "number"),
    )
    op.create_table(
        "entry_sources",
        _integer("id"),
        _integer("session_id"),
        _text("key"),
        _text("name", nullable=True),
        _text("model"),
        _text("state"),
        sa.Column("data", sa.JSON(), nullable=False),
        _integer("version"),
        _moment("updated_at"),
        sa.CheckConstraint("version >= 1", name=op.f("ck_entry_sources_version_positive")),
        _fk("entry_sources", "session_id", "entry_sessions"),
        _pk("entry_sources"),
        _unique("entry_sources", "session_id", "key"),
    )
    op.create_table(
        "warning_notes",
        _integer("id"),
        _integer("source_id"),
        _text("code"),
        _integer("list_number"),
        _text("explanation", nullable=True),
        sa.Column("handled", sa.Boolean(), nullable=False),
        _text("noted_by"),
        _moment("noted_at"),
        _fk("warning_notes", "source_id", "entry_sources"),
        _pk("warning_notes"),
        _unique("warning_notes", "source_id", "code", "list_number"),
    )
    op.create_table(
        "investigations",
        _integer("id"),
        _integer("election_id"),
        _text("committee"),
        _integer("polling_station"),
        _text("reason"),
        _text("requested_by"),
        _moment("requested_at"),
        _integer("concluded_in", nullable=True),
        sa.Column("corrected_results", sa.Boolean(), nullable=True),
        _fk("investigations", "election_id", "elections"),
        _pk("investigations"),
        _unique("investigations", "election_id", "committee", "polling_station"),
    )


def downgrade() -> None:
    for table in ("investigations", "warning_notes", "entry_sources", "entry_sessions"):
        op.drop_table(table)
