"""The tables, as typed SQLAlchemy row classes that never leave ``osv.store``.

The domain model (``osv.model``) stays plain pydantic; the repositories copy between these rows
and model objects. One election owns everything else:

::

    elections ─┬─ districts ── candidate_lists ── candidates
               ├─ polling_stations
               ├─ imported_files  (every EML file stored, with its SHA-256 and hash check)
               ├─ count_files ── count_contests ── count_units ── list_votes ── candidate_votes
               ├─ results ── result_contests ── result_lists ── result_candidates
               ├─ entry_sessions ── entry_sources ── warning_notes   (double data entry)
               └─ investigations   (requested by the CSB, concluded in a later session)
    audit_events  (append-only; names the election by its Id, so it outlives deletions)
    users ── web_sessions   (the web interface's accounts and their sign-ins)
    candidacy_submissions ── candidacy_outputs   (the CSB's candidacy pages: uploads, publication)

Counts are integers (never floats) and are checked to be non-negative by the database as a
second line of defence behind the model. Enumerations are stored as their EML text in plain
string columns (no database enum types), so migrations stay simple on SQLite and PostgreSQL.
Constraint names come from :data:`NAMING_CONVENTION`, so migrations can refer to them by name.

Changing a class here needs a new migration in ``osv/store/migrations/versions``; the test
``test_the_migrations_match_the_row_classes`` fails until there is one.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

__all__ = [
    "NAMING_CONVENTION",
    "AuditEventRow",
    "Base",
    "CandidacyOutputRow",
    "CandidacySubmissionRow",
    "CandidateListRow",
    "CandidateRow",
    "CandidateVotesRow",
    "CountContestRow",
    "CountFileRow",
    "CountUnitRow",
    "DistrictRow",
    "ElectionRow",
    "EntrySessionRow",
    "EntrySourceRow",
    "ImportedFileRow",
    "InvestigationRow",
    "ListVotesRow",
    "PollingStationRow",
    "ResultCandidateRow",
    "ResultContestRow",
    "ResultListRow",
    "ResultRow",
    "StageChoiceRow",
    "StageFileRow",
    "UserRow",
    "WarningNoteRow",
    "WebSessionRow",
]

#: Deterministic constraint names, the same on SQLite and PostgreSQL.
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_N_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

#: A surrogate key that is a 64-bit integer on PostgreSQL and SQLite's rowid on SQLite (which
#: only auto-increments a column declared exactly ``INTEGER PRIMARY KEY``).
BigId = BigInteger().with_variant(Integer(), "sqlite")

Json = dict[str, Any]


class Base(DeclarativeBase):
    """Declarative base with the naming convention."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {  # noqa: RUF012 (SQLAlchemy reads this class attribute)
        dt.datetime: DateTime(timezone=True),
        Json: JSON(),
        list[Json]: JSON(),
    }


def _not_negative(*columns: str) -> list[CheckConstraint]:
    return [CheckConstraint(f"{column} >= 0", name=f"{column}_not_negative") for column in columns]


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
        *_not_negative("size"),
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


class CandidateRow(Base):
    """A candidate on a list; ``number`` is the position on the list."""

    __tablename__ = "candidates"
    __table_args__ = (
        UniqueConstraint("list_id", "number"),
        CheckConstraint("number >= 1", name="number_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    list_id: Mapped[int] = mapped_column(ForeignKey("candidate_lists.id", ondelete="CASCADE"))
    number: Mapped[int]
    short_code: Mapped[str | None]
    initials: Mapped[str]
    first_name: Mapped[str | None]
    prefix: Mapped[str | None]
    last_name: Mapped[str]
    gender: Mapped[str | None] = mapped_column(String(6))
    locality: Mapped[str | None]
    country_code: Mapped[str | None]


class PollingStationRow(Base):
    """A polling station of a municipality (EML 110b); ``municipality_code`` is the CBS code."""

    __tablename__ = "polling_stations"
    __table_args__ = (
        UniqueConstraint("election_id", "municipality_code", "number"),
        CheckConstraint("number >= 1", name="number_positive"),
        *_not_negative("number_of_voters"),
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


class CountFileRow(Base):
    """A count file (EML 510a-d): its level, managing authority and header."""

    __tablename__ = "count_files"
    __table_args__ = (Index(None, "election_id", "level", "authority_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    election_id: Mapped[int] = mapped_column(ForeignKey("elections.id", ondelete="CASCADE"))
    source_file_id: Mapped[int | None] = mapped_column(ForeignKey("imported_files.id"))
    level: Mapped[str] = mapped_column(String(4))
    authority_id: Mapped[str | None]
    authority_name: Mapped[str | None]
    transaction_id: Mapped[str]
    issue_date: Mapped[dt.date | None] = mapped_column(Date)
    creation_date_time: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=False))
    canonicalization: Mapped[bool]
    schema_version: Mapped[str | None]
    counting_method: Mapped[str | None]
    phase: Mapped[str | None]
    identifier: Mapped[Json]


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
        *_not_negative(
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
        *_not_negative("votes", "initial_votes"),
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
        *_not_negative("votes", "initial_votes"),
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


class ResultRow(Base):
    """A result file (EML 520) with its header."""

    __tablename__ = "results"

    id: Mapped[int] = mapped_column(primary_key=True)
    election_id: Mapped[int] = mapped_column(ForeignKey("elections.id", ondelete="CASCADE"))
    source_file_id: Mapped[int | None] = mapped_column(ForeignKey("imported_files.id"))
    authority_id: Mapped[str | None]
    authority_name: Mapped[str | None]
    transaction_id: Mapped[str]
    issue_date: Mapped[dt.date | None] = mapped_column(Date)
    creation_date_time: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=False))
    canonicalization: Mapped[bool]
    schema_version: Mapped[str | None]
    identifier: Mapped[Json]


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
        *_not_negative("votes"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    result_contest_id: Mapped[int] = mapped_column(
        ForeignKey("result_contests.id", ondelete="CASCADE")
    )
    position: Mapped[int]
    number: Mapped[int]
    name: Mapped[str]
    votes: Mapped[int | None]


class ResultCandidateRow(Base):
    """An elected candidate; ``number`` is the order of election within the list (EML 520)."""

    __tablename__ = "result_candidates"
    __table_args__ = (
        UniqueConstraint("result_list_id", "position"),
        CheckConstraint("ranking IS NULL OR ranking IN (1, 2)", name="ranking_known"),
        *_not_negative("votes"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    result_list_id: Mapped[int] = mapped_column(ForeignKey("result_lists.id", ondelete="CASCADE"))
    position: Mapped[int]
    number: Mapped[int]
    short_code: Mapped[str | None]
    initials: Mapped[str]
    first_name: Mapped[str | None]
    prefix: Mapped[str | None]
    last_name: Mapped[str]
    gender: Mapped[str | None] = mapped_column(String(6))
    locality: Mapped[str | None]
    country_code: Mapped[str | None]
    ranking: Mapped[int | None]
    votes: Mapped[int | None]


class AuditEventRow(Base):
    """One entry of the append-only audit log (process.md §7): who did what, when.

    ``election`` is the ElectionIdentifier Id as text, not a foreign key: the log must keep its
    entries whatever happens to the election. Triggers refuse UPDATE and DELETE. ``hash`` chains
    each event to the one before (:mod:`osv.store.chain`).
    """

    __tablename__ = "audit_events"
    __table_args__ = (
        Index(None, "election"),
        CheckConstraint("length(hash) = 64", name="hash_length"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    at: Mapped[dt.datetime]
    actor: Mapped[str]
    event: Mapped[str]
    election: Mapped[str | None]
    data: Mapped[Json]
    hash: Mapped[str] = mapped_column(String(64))


class EntrySessionRow(Base):
    """A session of a committee (a municipality's GSB, or the CSB/HSB) in which counts are typed.

    ``committee`` is the CBS code of the municipality, or ``CSB``/``HSB<n>``; ``number`` counts
    the committee's sessions from 1 (the first session; later ones for investigations).
    """

    __tablename__ = "entry_sessions"
    __table_args__ = (
        UniqueConstraint("election_id", "committee", "number"),
        CheckConstraint("number >= 1", name="number_positive"),
        CheckConstraint("status IN ('in_progress', 'completed')", name="status_known"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    election_id: Mapped[int] = mapped_column(ForeignKey("elections.id", ondelete="CASCADE"))
    committee: Mapped[str]
    number: Mapped[int]
    counting_method: Mapped[str]
    status: Mapped[str]
    started_at: Mapped[dt.datetime]
    started_by: Mapped[str]
    completed_at: Mapped[dt.datetime | None]
    completed_by: Mapped[str | None]


class EntrySourceRow(Base):
    """One source typed twice in a session: a polling station, or a committee's totals.

    ``data`` is the double-entry state (``results.entry.serialize``); ``state`` repeats its name
    for filtering. ``version`` grows by one with every change: a save names the version it read,
    and is refused when another save came first (optimistic locking, no lost update).
    """

    __tablename__ = "entry_sources"
    __table_args__ = (
        UniqueConstraint("session_id", "key"),
        CheckConstraint("version >= 1", name="version_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("entry_sessions.id", ondelete="CASCADE"))
    key: Mapped[str]
    name: Mapped[str | None]
    model: Mapped[str]
    state: Mapped[str]
    data: Mapped[Json]
    version: Mapped[int]
    updated_at: Mapped[dt.datetime]


class WarningNoteRow(Base):
    """A coordinator's explanation of a warning of a definitive entry, or its "handled" mark.

    ``list_number`` is 0 for warnings about the whole form.
    """

    __tablename__ = "warning_notes"
    __table_args__ = (UniqueConstraint("source_id", "code", "list_number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("entry_sources.id", ondelete="CASCADE"))
    code: Mapped[str]
    list_number: Mapped[int]
    explanation: Mapped[str | None]
    handled: Mapped[bool]
    noted_by: Mapped[str]
    noted_at: Mapped[dt.datetime]


class InvestigationRow(Base):
    """An investigation of a polling station's count, requested by the central polling station.

    It is concluded in a later session of the municipality, with or without new results
    (``corrected_results``); ``concluded_in`` is that session's number.
    """

    __tablename__ = "investigations"
    __table_args__ = (UniqueConstraint("election_id", "committee", "polling_station"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    election_id: Mapped[int] = mapped_column(ForeignKey("elections.id", ondelete="CASCADE"))
    committee: Mapped[str]
    polling_station: Mapped[int]
    reason: Mapped[str]
    requested_by: Mapped[str]
    requested_at: Mapped[dt.datetime]
    concluded_in: Mapped[int | None]
    corrected_results: Mapped[bool | None]


class UserRow(Base):
    """An account of the web interface: a name, an Argon2id password hash and one role.

    ``role`` is one of ``administrator``, ``coordinator_gsb``, ``coordinator_hsb``,
    ``coordinator_csb``, ``typist_gsb``, ``typist_csb``, ``observer`` (process.md §7).
    ``shortcuts_confirmed_at`` is when a typist confirmed the explanation of the entry pages'
    keyboard shortcuts (``None``: not yet, so the entry pages show it).
    """

    __tablename__ = "users"
    __table_args__ = (UniqueConstraint("name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    password_hash: Mapped[str]
    role: Mapped[str]
    active: Mapped[bool]
    created_at: Mapped[dt.datetime]
    created_by: Mapped[str]
    shortcuts_confirmed_at: Mapped[dt.datetime | None]


class WebSessionRow(Base):
    """A sign-in of the web interface, or a read-only display link for a projector.

    Only the SHA-256 of the secret token is stored, so a copy of the database does not let
    anyone sign in. ``kind`` is ``login`` (sliding timeout and an absolute lifetime from
    ``created_at``) or ``display`` (read-only progress, no timeout, revocable).
    """

    __tablename__ = "web_sessions"
    __table_args__ = (UniqueConstraint("token_hash"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str]
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    kind: Mapped[str]
    csrf_token: Mapped[str]
    created_at: Mapped[dt.datetime]
    last_seen_at: Mapped[dt.datetime]
    revoked: Mapped[bool]
    #: the address the sign-in came from (``None`` for display links and older sign-ins)
    client: Mapped[str | None]


class StageFileRow(Base):
    """A file of a principal (HSB) or central (CSB) polling station's stage, with its bytes.

    ``committee`` is ``CSB`` or ``HSB<n>``; ``role`` is ``input`` (a count file uploaded by the
    coordinator: 510b, or 510c at a multi-district CSB) or ``output`` (a file the last
    computation wrote: 510c, 510d, 520, the P 22-2 PDF, the reports). The bytes are kept exactly,
    so their SHA-256 is the one printed on the paper reports.
    """

    __tablename__ = "stage_files"
    __table_args__ = (
        UniqueConstraint("election_id", "committee", "role", "file_name"),
        CheckConstraint("role IN ('input', 'output')", name="role_known"),
        CheckConstraint("length(sha256) = 64", name="sha256_length"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    election_id: Mapped[int] = mapped_column(ForeignKey("elections.id", ondelete="CASCADE"))
    committee: Mapped[str]
    role: Mapped[str] = mapped_column(String(6))
    message_type: Mapped[str]
    part: Mapped[str]
    file_name: Mapped[str]
    sha256: Mapped[str] = mapped_column(String(64))
    content: Mapped[bytes] = mapped_column(LargeBinary)
    stored_at: Mapped[dt.datetime]
    stored_by: Mapped[str]


class StageChoiceRow(Base):
    """What a stage's coordinator registered for the computation, in order.

    ``kind`` is ``deceased`` (``value`` ``LIST:CANDIDATE``, Kieswet P 19a), ``lot`` (the
    outcome of a drawing of lots, P 14, as ``KIND:CHOICE[:LIST]``) or ``gemeente`` (a
    municipality an HSB coordinator added for typed totals, ``CODE:NAME``); ``position`` keeps
    the order the lots were asked for.
    """

    __tablename__ = "stage_choices"
    __table_args__ = (
        UniqueConstraint("election_id", "committee", "kind", "position"),
        CheckConstraint("kind IN ('deceased', 'lot', 'gemeente')", name="kind_known"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    election_id: Mapped[int] = mapped_column(ForeignKey("elections.id", ondelete="CASCADE"))
    committee: Mapped[str]
    kind: Mapped[str] = mapped_column(String(8))
    position: Mapped[int]
    value: Mapped[str]
    stored_at: Mapped[dt.datetime]
    stored_by: Mapped[str]


class CandidacySubmissionRow(Base):
    """The submitted lists and election file a CSB coordinator uploaded, byte for byte, and
    the decisions of its last publication.

    ``token`` names the submission in the web interface's addresses (a random, unguessable
    text). The lists hold candidates' personal data (dates of birth, BSN, addresses): they stay
    in the database and are never shown beyond the published name. No foreign key to
    ``elections``: the candidacy pages work before the election is stored.
    """

    __tablename__ = "candidacy_submissions"
    __table_args__ = (
        UniqueConstraint("token"),
        CheckConstraint("length(lists_sha256) = 64", name="lists_sha256_length"),
        CheckConstraint("length(setup_sha256) = 64", name="setup_sha256_length"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    token: Mapped[str] = mapped_column(String(64))
    lists_content: Mapped[bytes] = mapped_column(LargeBinary)
    lists_sha256: Mapped[str] = mapped_column(String(64))
    setup_content: Mapped[bytes] = mapped_column(LargeBinary)
    setup_sha256: Mapped[str] = mapped_column(String(64))
    stored_at: Mapped[dt.datetime]
    stored_by: Mapped[str]
    #: What the CSB recorded for its last publication, so the decisions can be reproduced: the
    #: repaired omissions, the lot outcomes and its departures from the proposal (with their
    #: reasons); ``None`` before the first publication.
    decisions: Mapped[Json | None] = mapped_column(JSON)


class CandidacyOutputRow(Base):
    """A file of a submission's publication: a 230b per district or model I 4 (PDF)."""

    __tablename__ = "candidacy_outputs"
    __table_args__ = (
        UniqueConstraint("submission_id", "file_name"),
        CheckConstraint("length(sha256) = 64", name="sha256_length"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    submission_id: Mapped[int] = mapped_column(
        ForeignKey("candidacy_submissions.id", ondelete="CASCADE")
    )
    file_name: Mapped[str]
    sha256: Mapped[str] = mapped_column(String(64))
    content: Mapped[bytes] = mapped_column(LargeBinary)
    stored_at: Mapped[dt.datetime]
    stored_by: Mapped[str]
