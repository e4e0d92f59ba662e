"""The central polling station's candidacy pages: uploaded lists and their publication.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-29

``candidacy_submissions`` keeps the submitted lists (CSV or EML, with the candidates' personal
data) and the election file a CSB coordinator uploaded, byte for byte with their SHA-256;
``candidacy_outputs`` the files of the submission's publication (230b per district, model I 4).
Written out in full, like 0001–0004; ``test_the_migrations_match_the_row_classes`` checks it.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def _text(name: str, length: int | None = None) -> sa.Column[Any]:
    return sa.Column(name, sa.String(length), nullable=False)


def _stored() -> list[sa.Column[Any]]:
    return [sa.Column("stored_at", sa.DateTime(timezone=True), nullable=False), _text("stored_by")]


def upgrade() -> None:
    op.create_table(
        "candidacy_submissions",
        sa.Column("id", sa.Integer(), nullable=False),
        _text("token", 64),
        sa.Column("lists_content", sa.LargeBinary(), nullable=False),
        _text("lists_sha256", 64),
        sa.Column("setup_content", sa.LargeBinary(), nullable=False),
        _text("setup_sha256", 64),
        *_stored(),
        sa.CheckConstraint(
            "length(lists_sha256) = 64",
            name=op.f("ck_candidacy_submissions_lists_sha256_length"),
        ),
        sa.CheckConstraint(
            "length(setup_sha256) = 64",
            name=op.f("ck_candidacy_submissions_setup_sha256_length"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_candidacy_submissions")),
        sa.UniqueConstraint("token", name=op.f("uq_candidacy_submissions_token")),
    )
    op.create_table(
        "candidacy_outputs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("submission_id", sa.Integer(), nullable=False),
        _text("file_name"),
        _text("sha256", 64),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        *_stored(),
        sa.CheckConstraint("length(sha256) = 64", name=op.f("ck_candidacy_outputs_sha256_length")),
        sa.ForeignKeyConstraint(
            ["submission_id"],
            ["candidacy_submissions.id"],
            name=op.f("fk_candidacy_outputs_submission_id_candidacy_submissions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_candidacy_outputs")),
        sa.UniqueConstraint(
            "submission_id", "file_name", name=op.f("uq_candidacy_outputs_submission_id_file_name")
        ),
    )


def downgrade() -> None:
    op.drop_table("candidacy_outputs")
    op.drop_table("candidacy_submissions")
