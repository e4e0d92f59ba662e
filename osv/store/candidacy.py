"""The central polling station's candidacy submissions: uploaded lists and their publication.

A submission is named by its ``token`` (random, unguessable; the web interface's addresses use
it). It keeps the submitted lists and the election file as uploaded, byte for byte with their
SHA-256, and its last publication: the files (230b per district, model I 4) and the decisions
the CSB recorded for it (repairs, lots, departures from the proposal, as JSON). The lists hold
candidates' personal data; they never leave the database except to the service that reads them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, func, select

from osv.store.content import candidacy_key
from osv.store.repository import Repository, as_utc
from osv.store.rows import CandidacyOutputRow, CandidacySubmissionRow

__all__ = ["CandidacyOutput", "CandidacyRepository", "CandidacySubmission"]


@dataclass(frozen=True)
class CandidacySubmission:
    """The uploaded lists and election file of a submission."""

    token: str
    lists_content: bytes
    lists_sha256: str
    setup_content: bytes
    setup_sha256: str
    stored_at: dt.datetime
    stored_by: str
    #: the decisions recorded for the last publication; ``None`` before it.
    decisions: dict[str, Any] | None = None


@dataclass(frozen=True)
class CandidacyOutput:
    """A file of a submission's publication."""

    file_name: str
    sha256: str
    content: bytes
    stored_at: dt.datetime
    stored_by: str


class CandidacyRepository(Repository):
    """Candidacy submissions and their publications."""

    def add(self, submission: CandidacySubmission) -> None:
        """Keep a submission.

        :raises IntegrityViolationError: (at flush) when its token is taken.
        """
        self.session.add(
            CandidacySubmissionRow(
                token=submission.token,
                lists_content=submission.lists_content,
                lists_sha256=submission.lists_sha256,
                setup_content=submission.setup_content,
                setup_sha256=submission.setup_sha256,
                stored_at=submission.stored_at,
                stored_by=submission.stored_by,
            )
        )
        self.session.flush()
        self.changes.touch(candidacy_key(submission.token))

    def get(self, token: str) -> CandidacySubmission | None:
        """The submission ``token``, or ``None`` when there is none."""
        row = self._row(token)
        if row is None:
            return None
        return CandidacySubmission(
            token=row.token,
            lists_content=row.lists_content,
            lists_sha256=row.lists_sha256,
            setup_content=row.setup_content,
            setup_sha256=row.setup_sha256,
            stored_at=as_utc(row.stored_at),
            stored_by=row.stored_by,
            decisions=row.decisions,
        )

    def count(self) -> int:
        """How many submissions are kept."""
        return self.session.scalar(select(func.count()).select_from(CandidacySubmissionRow)) or 0

    def replace_outputs(
        self,
        token: str,
        outputs: Sequence[CandidacyOutput],
        decisions: dict[str, Any] | None = None,
    ) -> None:
        """Make ``outputs`` (and the ``decisions`` they follow from) the submission's
        publication, replacing an earlier one.

        :raises KeyError: when there is no submission ``token``.
        """
        row = self._row(token)
        if row is None:
            raise KeyError(token)
        row.decisions = decisions
        self.session.execute(
            delete(CandidacyOutputRow).where(CandidacyOutputRow.submission_id == row.id)
        )
        for output in outputs:
            self.session.add(
                CandidacyOutputRow(
                    submission_id=row.id,
                    file_name=output.file_name,
                    sha256=output.sha256,
                    content=output.content,
                    stored_at=output.stored_at,
                    stored_by=output.stored_by,
                )
            )
        self.session.flush()
        self.changes.touch(candidacy_key(token))

    def outputs(self, token: str) -> list[CandidacyOutput]:
        """The files of the submission's publication, by name (none before it is published)."""
        rows = self.session.scalars(
            select(CandidacyOutputRow)
            .join(CandidacySubmissionRow)
            .where(CandidacySubmissionRow.token == token)
            .order_by(CandidacyOutputRow.file_name)
        )
        return [
            CandidacyOutput(
                file_name=row.file_name,
                sha256=row.sha256,
                content=row.content,
                stored_at=as_utc(row.stored_at),
                stored_by=row.stored_by,
            )
            for row in rows
        ]

    def _row(self, token: str) -> CandidacySubmissionRow | None:
        return self.session.scalar(
            select(CandidacySubmissionRow).where(CandidacySubmissionRow.token == token)
        )
