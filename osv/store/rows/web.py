"""What the web interface keeps: accounts and sign-ins, the files and choices of an HSB or CSB
stage, the candidacy submissions and their publications."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON, CheckConstraint, ForeignKey, LargeBinary, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from osv.store.rows.base import Base, Json

__all__ = [
    "CandidacyOutputRow",
    "CandidacySubmissionRow",
    "StageChoiceRow",
    "StageFileRow",
    "UserRow",
    "WebSessionRow",
]


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
