"""Onboarding of typists: when a user confirmed the explanation of the keyboard shortcuts.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-29

``users.shortcuts_confirmed_at`` (nullable): the entry pages (``/invoer``, ``/totalen``) show a
typist the explanation of the shortcuts and the way of working until they confirm it once
(docs/ui.md, "Onboarding"). Users existing before this migration have not confirmed it. Written
out in full, like 0001–0007; ``test_the_migrations_match_the_row_classes`` checks it.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.add_column(
            sa.Column("shortcuts_confirmed_at", sa.DateTime(timezone=True), nullable=True)
        )


def downgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.drop_column("shortcuts_confirmed_at")
