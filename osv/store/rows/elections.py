"""The election and what is filed into it: districts, imported files, candidate lists and
candidates, polling stations."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    Date,
    ForeignKey,
    ForeignKeyConstraint,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from osv.store.rows.base import Base, Json, PersonColumns, not_negative

__all__ = [
    "CandidateListRow",
    "CandidateRow",
    "DistrictRow",
    "ElectionRow",
    "ImportedFileRow",
    "PollingStationRow",
]


class ElectionRow(Base):
    """An election definition (EML 110a); ``eid`` is the ElectionIdentifier Id."""

    __tablename__ = "elections"
    __table_args__ = (
        CheckConstraint("number_of_seats >= 1", name="seats_positive"),
        CheckConstraint(
            "preference_threshold >= 0 AND preference_threshold <= 100", name="threshold_percent"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    eid: Mapped[str] = mapped_column(String(100), unique=True)
    name: Mapped[str | None]
    category: Mapped[str] = mapped_column(String(2))
    subcategory: Mapped[str | None] = mapped_column(String(3))
    domain_id: Mapped[str | None]
    domain_name: Mapped[str | None]
    election_date: Mapped[dt.date] = mapped_column(Date)
    nomination_date: Mapped[dt.date | None] = mapped_column(Date)
    contest_id: Mapped[str]
    voting_method: Mapped[str]
    max_votes: Mapped[int | None]
    number_of_seats: Mapped[int]
    preference_threshold: Mapped[int]
    tree: Mapped[list[Json]]
    registered_parties: Mapped[list[Json]]
    created_at: Mapped[dt.datetime]


class DistrictRow(Base):
    """A contest of an election into which candidate lists are filed.

    For elections with several districts (contest ``alle`` in the 110a: TK, PS2) one row per
    kieskring region, ``contest_id`` its number; otherwise one row ``geen``. ``contest_name`` is
    the ContestName of the stored 230b, if it gave one.
    """

    __tablename__ = "districts"
    __table_args__ = (UniqueConstraint("election_id", "contest_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    election_id: Mapped[int] = mapped_column(ForeignKey("elections.id", ondelete="CASCADE"))
    contest_id: Mapped[str]
    name: Mapped[str | None]
    region_number: Mapped[int | None]
    contest_name: Mapped[str | None]


class ImportedFileRow(Base):
    """An EML file that was stored: its SHA-256, size, who imported it and how it was checked."""

    __tablename__ = "imported_files"
    __table_args__ = (
        UniqueConstraint("election_id", "sha256"),
        CheckConstraint(
            "hash_check IN ('hash-file', 'typed-groups', 'skipped', 'not-required')",
            name="hash_check_known",
        ),
        CheckConstraint(
            "digest_matched IS NULL OR digest_matched IN ('raw', 'c14n')", name="digest_known"
        ),
        CheckConstraint("length(sha256) = 64", name="sha256_length"),
        *not_negative("size"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    election_id: Mapped[int] = mapped_column(ForeignKey("elections.id", ondelete="CASCADE"))
    message_type: Mapped[str] = mapped_column(String(4))
    sha256: Mapped[str] = mapped_column(String(64))
    file_name: Mapped[str]
    size: Mapped[int] = mapped_column(BigInteger)
    imported_at: Mapped[dt.datetime]
    imported_by: Mapped[str]
    hash_check: Mapped[str] = mapped_column(String(12))
    digest_matched: Mapped[str | None] = mapped_column(String(4))


class CandidateListRow(Base):
    """A candidate list (lijst) of one contest (EML 230b ``Affiliation``)."""

    __tablename__ = "candidate_lists"
    __table_args__ = (
        UniqueConstraint("election_id", "contest_id", "number"),
        ForeignKeyConstraint(
            ["election_id", "contest_id"],
            ["districts.election_id", "districts.contest_id"],
            ondelete="CASCADE",
        ),
        CheckConstraint("number >= 1", name="number_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    election_id: Mapped[int] = mapped_column(ForeignKey("elections.id", ondelete="CASCADE"))
    contest_id: Mapped[str]
    source_file_id: Mapped[int | None] = mapped_column(ForeignKey("imported_files.id"))
    number: Mapped[int]
    name: Mapped[str]
    type: Mapped[str | None]
    belongs_to_set: Mapped[int | None]
    belongs_to_combination: Mapped[str | None]
    publication_language: Mapped[str | None] = mapped_column(String(2))
    publish_gender: Mapped[bool | None]


class CandidateRow(PersonColumns, Base):
    """A candidate on a list; ``number`` is the position on the list."""

    __tablename__ = "candidates"
    __table_args__ = (
        UniqueConstraint("list_id", "number"),
        CheckConstraint("number >= 1", name="number_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    list_id: Mapped[int] = mapped_column(ForeignKey("candidate_lists.id", ondelete="CASCADE"))
    number: Mapped[int]


class PollingStationRow(Base):
    """A polling station of a municipality (EML 110b); ``municipality_code`` is the CBS code."""

    __tablename__ = "polling_stations"
    __table_args__ = (
        UniqueConstraint("election_id", "municipality_code", "number"),
        CheckConstraint("number >= 1", name="number_positive"),
        *not_negative("number_of_voters"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    election_id: Mapped[int] = mapped_column(ForeignKey("elections.id", ondelete="CASCADE"))
    source_file_id: Mapped[int | None] = mapped_column(ForeignKey("imported_files.id"))
    municipality_code: Mapped[str]
    municipality_name: Mapped[str | None]
    number: Mapped[int]
    name: Mapped[str]
    postal_code: Mapped[str | None]
    type: Mapped[str | None]
    number_of_voters: Mapped[int | None]
    shared_location: Mapped[bool | None]
    channel: Mapped[str]
    locations: Mapped[list[Json]]
