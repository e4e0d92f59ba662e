"""The central polling station's recorded decisions: repairs, lots and departures.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-29

``candidacy_submissions.decisions`` (JSON, empty before the first publication) keeps what the
CSB recorded for the submission's last publication — the omissions it found repaired, the lot
outcomes and where it departed from the proposal, with the reason — so the published files can
be reproduced from the stored lists. Written out in full, like 0001–0005;
``test_the_migrations_match_the_row_classes`` checks it.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("candidacy_submissions") as batch:
        batch.add_column(sa.Column("decisions", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("candidacy_submissions") as batch:
        batch.drop_column("decisions")
