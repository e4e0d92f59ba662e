"""Count files (EML 510a-d) and results (EML 520), contest by contest, in file order."""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    ForeignKey,
    Index,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from osv.store.rows.base import (
    AFTER_MIXIN,
    Base,
    BigId,
    EmlHeaderColumns,
    Json,
    PersonColumns,
    not_negative,
)

__all__ = [
    "CandidateVotesRow",
    "CountContestRow",
    "CountFileRow",
    "CountUnitRow",
    "ListVotesRow",
    "ResultCandidateRow",
    "ResultContestRow",
    "ResultListRow",
    "ResultRow",
]


class CountFileRow(EmlHeaderColumns, Base):
    """A count file (EML 510a-d): its level, managing authority and header."""

    __tablename__ = "count_files"
    __table_args__ = (Index(None, "election_id", "level", "authority_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    election_id: Mapped[int] = mapped_column(ForeignKey("elections.id", ondelete="CASCADE"))
    source_file_id: Mapped[int | None] = mapped_column(ForeignKey("imported_files.id"))
    level: Mapped[str] = mapped_column(String(4))
    counting_method: Mapped[str | None] = mapped_column(sort_order=AFTER_MIXIN)
    phase: Mapped[str | None] = mapped_column(sort_order=AFTER_MIXIN)
    identifier: Mapped[Json] = mapped_column(sort_order=AFTER_MIXIN)


class CountContestRow(Base):
    """One contest of a count file, in file order."""

    __tablename__ = "count_contests"
    __table_args__ = (UniqueConstraint("count_file_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    count_file_id: Mapped[int] = mapped_column(ForeignKey("count_files.id", ondelete="CASCADE"))
    position: Mapped[int]
    contest_id: Mapped[str]
    contest_name: Mapped[str | None]


class CountUnitRow(Base):
    """The numbers of one reporting unit, or of the total (``reporting_unit_id`` NULL).

    ``position`` 0 is the total; reporting units follow from 1 in file order. ``rejected_*`` are
    NULL when the file lacks that reason code; ``uncounted`` maps UncountedVotes reason codes to
    integers; ``investigations`` lists ``{"reason": ..., "value": ...}`` objects.
    """

    __tablename__ = "count_units"
    __table_args__ = (
        UniqueConstraint("count_contest_id", "position"),
        *not_negative(
            "cast_votes",
            "total_counted",
            "rejected_invalid",
            "rejected_blank",
            "initial_cast",
            "initial_total_counted",
            "initial_rejected_invalid",
            "initial_rejected_blank",
        ),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    count_contest_id: Mapped[int] = mapped_column(
        ForeignKey("count_contests.id", ondelete="CASCADE")
    )
    position: Mapped[int]
    reporting_unit_id: Mapped[str | None]
    name: Mapped[str | None]
    type: Mapped[str | None]
    shared_location: Mapped[bool | None]
    cast_votes: Mapped[int]
    total_counted: Mapped[int]
    rejected_invalid: Mapped[int | None]
    rejected_blank: Mapped[int | None]
    uncounted: Mapped[Json]
    initial_cast: Mapped[int | None]
    initial_total_counted: Mapped[int | None]
    initial_rejected_invalid: Mapped[int | None]
    initial_rejected_blank: Mapped[int | None]
    initial_uncounted: Mapped[Json]
    investigations: Mapped[list[Json]]


class ListVotesRow(Base):
    """Votes on one list (E.x) in one reporting unit or total."""

    __tablename__ = "list_votes"
    __table_args__ = (
        UniqueConstraint("unit_id", "number"),
        CheckConstraint("number >= 1", name="number_positive"),
        *not_negative("votes", "initial_votes"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    unit_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("count_units.id", ondelete="CASCADE")
    )
    number: Mapped[int]
    name: Mapped[str]
    votes: Mapped[int]
    initial_votes: Mapped[int | None]


class CandidateVotesRow(Base):
    """Votes on one candidate of a list, identified by number and/or short code."""

    __tablename__ = "candidate_votes"
    __table_args__ = (
        UniqueConstraint("list_votes_id", "position"),
        CheckConstraint("number IS NOT NULL OR short_code IS NOT NULL", name="identified"),
        *not_negative("votes", "initial_votes"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    list_votes_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("list_votes.id", ondelete="CASCADE")
    )
    position: Mapped[int]
    number: Mapped[int | None]
    short_code: Mapped[str | None]
    votes: Mapped[int]
    initial_votes: Mapped[int | None]


class ResultRow(EmlHeaderColumns, Base):
    """A result file (EML 520) with its header."""

    __tablename__ = "results"

    id: Mapped[int] = mapped_column(primary_key=True)
    election_id: Mapped[int] = mapped_column(ForeignKey("elections.id", ondelete="CASCADE"))
    source_file_id: Mapped[int | None] = mapped_column(ForeignKey("imported_files.id"))
    identifier: Mapped[Json] = mapped_column(sort_order=AFTER_MIXIN)


class ResultContestRow(Base):
    """One contest of a result, in file order."""

    __tablename__ = "result_contests"
    __table_args__ = (UniqueConstraint("result_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    result_id: Mapped[int] = mapped_column(ForeignKey("results.id", ondelete="CASCADE"))
    position: Mapped[int]
    contest_id: Mapped[str]
    contest_name: Mapped[str | None]


class ResultListRow(Base):
    """A list in a result, in file order."""

    __tablename__ = "result_lists"
    __table_args__ = (
        UniqueConstraint("result_contest_id", "position"),
        *not_negative("votes"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    result_contest_id: Mapped[int] = mapped_column(
        ForeignKey("result_contests.id", ondelete="CASCADE")
    )
    position: Mapped[int]
    number: Mapped[int]
    name: Mapped[str]
    votes: Mapped[int | None]


class ResultCandidateRow(PersonColumns, Base):
    """An elected candidate; ``number`` is the order of election within the list (EML 520)."""

    __tablename__ = "result_candidates"
    __table_args__ = (
        UniqueConstraint("result_list_id", "position"),
        CheckConstraint("ranking IS NULL OR ranking IN (1, 2)", name="ranking_known"),
        *not_negative("votes"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    result_list_id: Mapped[int] = mapped_column(ForeignKey("result_lists.id", ondelete="CASCADE"))
    position: Mapped[int]
    number: Mapped[int]
    ranking: Mapped[int | None] = mapped_column(sort_order=AFTER_MIXIN)
    votes: Mapped[int | None] = mapped_column(sort_order=AFTER_MIXIN)
