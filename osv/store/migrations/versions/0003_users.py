"""Users and sign-ins of the web interface: accounts with their role, server-side sessions.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28

Written out in full, like 0001 and 0002; ``test_the_migrations_match_the_row_classes`` checks it.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def _moment(name: str) -> sa.Column[Any]:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=False)


def _text(name: str) -> sa.Column[Any]:
    return sa.Column(name, sa.String(), nullable=False)


def _flag(name: str) -> sa.Column[Any]:
    return sa.Column(name, sa.Boolean(), nullable=False)


def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), nullable=False),
        _text("name"),
        _text("password_hash"),
        _text("role"),
        _flag("active"),
        _moment("created_at"),
        _text("created_by"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
        sa.UniqueConstraint("name", name=op.f("uq_users_name")),
    )
    op.create_table(
        "web_sessions",
        sa.Column("id", sa.Integer(), nullable=False),
        _text("token_hash"),
        sa.Column("user_id", sa.Integer(), nullable=False),
        _text("kind"),
        _text("csrf_token"),
        _moment("created_at"),
        _moment("last_seen_at"),
        _flag("revoked"),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_web_sessions_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_web_sessions")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_web_sessions_token_hash")),
    )


def downgrade() -> None:
    op.drop_table("web_sessions")
    op.drop_table("users")
