"""The stages of the principal and central polling stations (HSB, CSB) in the web interface.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-29

``stage_files`` keeps the count files a stage's coordinator uploaded and the files its last
computation wrote, byte for byte; ``stage_choices`` the deceased candidates and lot outcomes
registered for the computation. Written out in full, like 0001–0003;
``test_the_migrations_match_the_row_classes`` checks it.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def _moment(name: str) -> sa.Column[Any]:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=False)


def _text(name: str, length: int | None = None) -> sa.Column[Any]:
    return sa.Column(name, sa.String(length), nullable=False)


def _election(table: str) -> list[Any]:
    return [
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("election_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["election_id"],
            ["elections.id"],
            name=op.f(f"fk_{table}_election_id_elections"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{table}")),
    ]


def upgrade() -> None:
    op.create_table(
        "stage_files",
        *_election("stage_files"),
        _text("committee"),
        _text("role", 6),
        _text("message_type"),
        _text("part"),
        _text("file_name"),
        _text("sha256", 64),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        _moment("stored_at"),
        _text("stored_by"),
        sa.CheckConstraint("role IN ('input', 'output')", name=op.f("ck_stage_files_role_known")),
        sa.CheckConstraint("length(sha256) = 64", name=op.f("ck_stage_files_sha256_length")),
        sa.UniqueConstraint(
            "election_id",
            "committee",
            "role",
            "file_name",
            name=op.f("uq_stage_files_election_id_committee_role_file_name"),
        ),
    )
    op.create_table(
        "stage_choices",
        *_election("stage_choices"),
        _text("committee"),
        _text("kind", 8),
        sa.Column("position", sa.Integer(), nullable=False),
        _text("value"),
        _moment("stored_at"),
        _text("stored_by"),
        sa.CheckConstraint("kind IN ('deceased', 'lot')", name=op.f("ck_stage_choices_kind_known")),
        sa.UniqueConstraint(
            "election_id",
            "committee",
            "kind",
            "position",
            name=op.f("uq_stage_choices_election_id_committee_kind_position"),
        ),
    )


def downgrade() -> None:
    op.drop_table("stage_choices")
    op.drop_table("stage_files")
