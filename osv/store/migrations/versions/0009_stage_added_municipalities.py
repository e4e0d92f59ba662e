"""Municipalities an HSB coordinator added for typed totals: a third kind of stage choice.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-29

A Tweede Kamer election definition (110a) lists no municipalities, so an HSB knows its
district's municipalities only from the paper. ``stage_choices.kind`` may now also be
``gemeente`` (``value`` ``CODE:NAME``): a municipality the HSB coordinator added so its totals
can be typed twice (docs/ui.md, "HSB and CSB"). Only the check constraint changes; SQLite
rebuilds the table (batch mode) with the new constraint.
"""

from __future__ import annotations

from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

_NAME = "kind_known"


def upgrade() -> None:
    with op.batch_alter_table("stage_choices", recreate="always") as batch:
        batch.drop_constraint(op.f(f"ck_stage_choices_{_NAME}"), type_="check")
        batch.create_check_constraint(
            op.f(f"ck_stage_choices_{_NAME}"), "kind IN ('deceased', 'lot', 'gemeente')"
        )


def downgrade() -> None:
    op.execute("DELETE FROM stage_choices WHERE kind = 'gemeente'")
    with op.batch_alter_table("stage_choices", recreate="always") as batch:
        batch.drop_constraint(op.f(f"ck_stage_choices_{_NAME}"), type_="check")
        batch.create_check_constraint(
            op.f(f"ck_stage_choices_{_NAME}"), "kind IN ('deceased', 'lot')"
        )
