"""The initial schema: elections, lists, polling stations, counts, results, files, audit log.

Revision ID: 0001
Revises:
Create Date: 2025-11-28

Written out in full (not generated at run time) so that it never changes once released; the
test ``test_the_migrations_match_the_row_classes`` checks it against ``osv/store/rows.py``.
The audit log is made append-only by triggers that refuse UPDATE and DELETE (and, on
PostgreSQL, TRUNCATE).
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

#: A 64-bit surrogate key on PostgreSQL; SQLite's rowid alias (``INTEGER PRIMARY KEY``).
BIG_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")

_APPEND_ONLY = "audit events are append-only"


def _id(big: bool = False) -> sa.Column[Any]:
    return sa.Column("id", BIG_ID if big else sa.Integer(), nullable=False)


def _text(name: str, nullable: bool = True, length: int | None = None) -> sa.Column[Any]:
    return sa.Column(name, sa.String(length), nullable=nullable)


def _integer(name: str, nullable: bool = True) -> sa.Column[Any]:
    return sa.Column(name, sa.Integer(), nullable=nullable)


def _pk(table: str) -> sa.PrimaryKeyConstraint:
    return sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{table}"))


def _unique(table: str, *columns: str) -> sa.UniqueConstraint:
    return sa.UniqueConstraint(*columns, name=op.f(f"uq_{table}_{'_'.join(columns)}"))


def _fk(table: str, column: str, target: str, cascade: bool = True) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column],
        [f"{target}.id"],
        name=op.f(f"fk_{table}_{column}_{target}"),
        ondelete="CASCADE" if cascade else None,
    )


def _check(table: str, name: str, condition: str) -> sa.CheckConstraint:
    return sa.CheckConstraint(condition, name=op.f(f"ck_{table}_{name}"))


def _not_negative(table: str, *columns: str) -> list[sa.CheckConstraint]:
    return [_check(table, f"{column}_not_negative", f"{column} >= 0") for column in columns]


def _number_positive(table: str) -> sa.CheckConstraint:
    return _check(table, "number_positive", "number >= 1")


def _header_columns() -> list[sa.Column[Any]]:
    """The EML header of a count or result file."""
    return [
        _text("authority_id"),
        _text("authority_name"),
        _text("transaction_id", nullable=False),
        sa.Column("issue_date", sa.Date(), nullable=True),
        sa.Column("creation_date_time", sa.DateTime(), nullable=True),
        sa.Column("canonicalization", sa.Boolean(), nullable=False),
        _text("schema_version"),
    ]


def _person_columns() -> list[sa.Column[Any]]:
    """A candidate's number, short code, name, gender and qualifying address."""
    return [
        _integer("number", nullable=False),
        _text("short_code"),
        _text("initials", nullable=False),
        _text("first_name"),
        _text("prefix"),
        _text("last_name", nullable=False),
        _text("gender", length=6),
        _text("locality"),
        _text("country_code"),
    ]


def upgrade() -> None:
    op.create_table(
        "elections",
        _id(),
        _text("eid", nullable=False, length=100),
        _text("name"),
        _text("category", nullable=False, length=2),
        _text("subcategory", length=3),
        _text("domain_id"),
        _text("domain_name"),
        sa.Column("election_date", sa.Date(), nullable=False),
        sa.Column("nomination_date", sa.Date(), nullable=True),
        _text("contest_id", nullable=False),
        _text("voting_method", nullable=False),
        _integer("max_votes"),
        _integer("number_of_seats", nullable=False),
        _integer("preference_threshold", nullable=False),
        sa.Column("tree", sa.JSON(), nullable=False),
        sa.Column("registered_parties", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        _check("elections", "seats_positive", "number_of_seats >= 1"),
        _check(
            "elections",
            "threshold_percent",
            "preference_threshold >= 0 AND preference_threshold <= 100",
        ),
        _pk("elections"),
        _unique("elections", "eid"),
    )
    op.create_table(
        "districts",
        _id(),
        _integer("election_id", nullable=False),
        _text("contest_id", nullable=False),
        _text("name"),
        _integer("region_number"),
        _text("contest_name"),
        _fk("districts", "election_id", "elections"),
        _pk("districts"),
        _unique("districts", "election_id", "contest_id"),
    )
    op.create_table(
        "imported_files",
        _id(),
        _integer("election_id", nullable=False),
        _text("message_type", nullable=False, length=4),
        _text("sha256", nullable=False, length=64),
        _text("file_name", nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        _text("imported_by", nullable=False),
        _text("hash_check", nullable=False, length=12),
        _text("digest_matched", length=4),
        _check(
            "imported_files",
            "digest_known",
            "digest_matched IS NULL OR digest_matched IN ('raw', 'c14n')",
        ),
        _check(
            "imported_files",
            "hash_check_known",
            "hash_check IN ('hash-file', 'typed-groups', 'skipped', 'not-required')",
        ),
        _check("imported_files", "sha256_length", "length(sha256) = 64"),
        *_not_negative("imported_files", "size"),
        _fk("imported_files", "election_id", "elections"),
        _pk("imported_files"),
        _unique("imported_files", "election_id", "sha256"),
    )
    op.create_table(
        "candidate_lists",
        _id(),
        _integer("election_id", nullable=False),
        _text("contest_id", nullable=False),
        _integer("source_file_id"),
        _integer("number", nullable=False),
        _text("name", nullable=False),
        _text("type"),
        _integer("belongs_to_set"),
        _text("belongs_to_combination"),
        _text("publication_language", length=2),
        sa.Column("publish_gender", sa.Boolean(), nullable=True),
        _number_positive("candidate_lists"),
        sa.ForeignKeyConstraint(
            ["election_id", "contest_id"],
            ["districts.election_id", "districts.contest_id"],
            name=op.f("fk_candidate_lists_election_id_contest_id_districts"),
            ondelete="CASCADE",
        ),
        _fk("candidate_lists", "election_id", "elections"),
        _fk("candidate_lists", "source_file_id", "imported_files", cascade=False),
        _pk("candidate_lists"),
        _unique("candidate_lists", "election_id", "contest_id", "number"),
    )
    op.create_table(
        "candidates",
        _id(),
        _integer("list_id", nullable=False),
        *_person_columns(),
        _number_positive("candidates"),
        _fk("candidates", "list_id", "candidate_lists"),
        _pk("candidates"),
        _unique("candidates", "list_id", "number"),
    )
    op.create_table(
        "polling_stations",
        _id(),
        _integer("election_id", nullable=False),
        _integer("source_file_id"),
        _text("municipality_code", nullable=False),
        _text("municipality_name"),
        _integer("number", nullable=False),
        _text("name", nullable=False),
        _text("postal_code"),
        _text("type"),
        _integer("number_of_voters"),
        sa.Column("shared_location", sa.Boolean(), nullable=True),
        _text("channel", nullable=False),
        sa.Column("locations", sa.JSON(), nullable=False),
        _number_positive("polling_stations"),
        *_not_negative("polling_stations", "number_of_voters"),
        _fk("polling_stations", "election_id", "elections"),
        _fk("polling_stations", "source_file_id", "imported_files", cascade=False),
        _pk("polling_stations"),
        _unique("polling_stations", "election_id", "municipality_code", "number"),
    )
    _create_count_tables()
    _create_result_tables()
    _create_audit_log()


def _create_count_tables() -> None:
    op.create_table(
        "count_files",
        _id(),
        _integer("election_id", nullable=False),
        _integer("source_file_id"),
        _text("level", nullable=False, length=4),
        *_header_columns(),
        _text("counting_method"),
        _text("phase"),
        sa.Column("identifier", sa.JSON(), nullable=False),
        _fk("count_files", "election_id", "elections"),
        _fk("count_files", "source_file_id", "imported_files", cascade=False),
        _pk("count_files"),
    )
    op.create_index(
        op.f("ix_count_files_election_id_level_authority_id"),
        "count_files",
        ["election_id", "level", "authority_id"],
    )
    op.create_table(
        "count_contests",
        _id(),
        _integer("count_file_id", nullable=False),
        _integer("position", nullable=False),
        _text("contest_id", nullable=False),
        _text("contest_name"),
        _fk("count_contests", "count_file_id", "count_files"),
        _pk("count_contests"),
        _unique("count_contests", "count_file_id", "position"),
    )
    numbers = ("cast_votes", "total_counted", "rejected_invalid", "rejected_blank")
    op.create_table(
        "count_units",
        _id(big=True),
        _integer("count_contest_id", nullable=False),
        _integer("position", nullable=False),
        _text("reporting_unit_id"),
        _text("name"),
        _text("type"),
        sa.Column("shared_location", sa.Boolean(), nullable=True),
        _integer("cast_votes", nullable=False),
        _integer("total_counted", nullable=False),
        _integer("rejected_invalid"),
        _integer("rejected_blank"),
        sa.Column("uncounted", sa.JSON(), nullable=False),
        _integer("initial_cast"),
        _integer("initial_total_counted"),
        _integer("initial_rejected_invalid"),
        _integer("initial_rejected_blank"),
        sa.Column("initial_uncounted", sa.JSON(), nullable=False),
        sa.Column("investigations", sa.JSON(), nullable=False),
        *_not_negative("count_units", *numbers),
        *_not_negative(
            "count_units",
            "initial_cast",
            "initial_total_counted",
            "initial_rejected_invalid",
            "initial_rejected_blank",
        ),
        _fk("count_units", "count_contest_id", "count_contests"),
        _pk("count_units"),
        _unique("count_units", "count_contest_id", "position"),
    )
    op.create_table(
        "list_votes",
        _id(big=True),
        sa.Column("unit_id", sa.BigInteger(), nullable=False),
        _integer("number", nullable=False),
        _text("name", nullable=False),
        _integer("votes", nullable=False),
        _integer("initial_votes"),
        _number_positive("list_votes"),
        *_not_negative("list_votes", "votes", "initial_votes"),
        _fk("list_votes", "unit_id", "count_units"),
        _pk("list_votes"),
        _unique("list_votes", "unit_id", "number"),
    )
    op.create_table(
        "candidate_votes",
        _id(big=True),
        sa.Column("list_votes_id", sa.BigInteger(), nullable=False),
        _integer("position", nullable=False),
        _integer("number"),
        _text("short_code"),
        _integer("votes", nullable=False),
        _integer("initial_votes"),
        _check("candidate_votes", "identified", "number IS NOT NULL OR short_code IS NOT NULL"),
        *_not_negative("candidate_votes", "votes", "initial_votes"),
        _fk("candidate_votes", "list_votes_id", "list_votes"),
        _pk("candidate_votes"),
        _unique("candidate_votes", "list_votes_id", "position"),
    )


def _create_result_tables() -> None:
    op.create_table(
        "results",
        _id(),
        _integer("election_id", nullable=False),
        _integer("source_file_id"),
        *_header_columns(),
        sa.Column("identifier", sa.JSON(), nullable=False),
        _fk("results", "election_id", "elections"),
        _fk("results", "source_file_id", "imported_files", cascade=False),
        _pk("results"),
    )
    op.create_table(
        "result_contests",
        _id(),
        _integer("result_id", nullable=False),
        _integer("position", nullable=False),
        _text("contest_id", nullable=False),
        _text("contest_name"),
        _fk("result_contests", "result_id", "results"),
        _pk("result_contests"),
        _unique("result_contests", "result_id", "position"),
    )
    op.create_table(
        "result_lists",
        _id(),
        _integer("result_contest_id", nullable=False),
        _integer("position", nullable=False),
        _integer("number", nullable=False),
        _text("name", nullable=False),
        _integer("votes"),
        *_not_negative("result_lists", "votes"),
        _fk("result_lists", "result_contest_id", "result_contests"),
        _pk("result_lists"),
        _unique("result_lists", "result_contest_id", "position"),
    )
    op.create_table(
        "result_candidates",
        _id(),
        _integer("result_list_id", nullable=False),
        _integer("position", nullable=False),
        *_person_columns(),
        _integer("ranking"),
        _integer("votes"),
        _check("result_candidates", "ranking_known", "ranking IS NULL OR ranking IN (1, 2)"),
        *_not_negative("result_candidates", "votes"),
        _fk("result_candidates", "result_list_id", "result_lists"),
        _pk("result_candidates"),
        _unique("result_candidates", "result_list_id", "position"),
    )


def _create_audit_log() -> None:
    op.create_table(
        "audit_events",
        _id(big=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        _text("actor", nullable=False),
        _text("event", nullable=False),
        _text("election"),
        sa.Column("data", sa.JSON(), nullable=False),
        _pk("audit_events"),
    )
    op.create_index(op.f("ix_audit_events_election"), "audit_events", ["election"])
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ "
            f"BEGIN RAISE EXCEPTION '{_APPEND_ONLY}' "
            "USING ERRCODE = 'integrity_constraint_violation'; END $$"
        )
        op.execute(
            "CREATE TRIGGER audit_events_no_change BEFORE UPDATE OR DELETE ON audit_events "
            "FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()"
        )
        op.execute(
            "CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events "
            "FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only()"
        )
    else:
        for action in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER audit_events_no_{action.lower()} BEFORE {action} ON audit_events "
                f"BEGIN SELECT RAISE(ABORT, '{_APPEND_ONLY}'); END"
            )


def downgrade() -> None:
    op.drop_index(op.f("ix_audit_events_election"), table_name="audit_events")
    op.drop_table("audit_events")  # its triggers go with it
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION audit_events_append_only()")
    for table in (
        "result_candidates",
        "result_lists",
        "result_contests",
        "results",
        "candidate_votes",
        "list_votes",
        "count_units",
        "count_contests",
    ):
        op.drop_table(table)
    op.drop_index(op.f("ix_count_files_election_id_level_authority_id"), table_name="count_files")
    for table in (
        "count_files",
        "polling_stations",
        "candidates",
        "candidate_lists",
        "imported_files",
        "districts",
        "elections",
    ):
        op.drop_table(table)
