"""Election results (EML 520): the lists that won seats and the elected candidates.

A result is stored as it was given, contest by contest, list by list, candidate by candidate in
file order. In a 520 a candidate's number is the order of election within the list (not the
position on the list), so candidates are kept with their full name as the file gives it.
"""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import select

from eml.documents import Eml520
from osv.model import (
    ContestResult,
    ElectedCandidate,
    ElectionIdentifier,
    ListResult,
)
from osv.store.columns import candidate_of, candidate_values, header_of, header_values
from osv.store.records import ImportedFile
from osv.store.repository import Repository
from osv.store.rows import (
    ImportedFileRow,
    ResultCandidateRow,
    ResultContestRow,
    ResultListRow,
    ResultRow,
)

__all__ = ["ResultRepository"]


class ResultRepository(Repository):
    """The results (520) of each election."""

    def add(self, eid: str, document: Eml520, *, source_sha256: str | None = None) -> None:
        """Store the result ``document`` for election ``eid``."""
        election = self._require_election(eid)
        result = ResultRow(
            election_id=election,
            source_file_id=self._source_key(election, source_sha256),
            **header_values(document.header),
            identifier=document.identifier.model_dump(mode="json"),
        )
        self.session.add(result)
        self.session.flush()
        for contest_position, contest in enumerate(document.contests):
            contest_row = ResultContestRow(
                result_id=result.id,
                position=contest_position,
                contest_id=contest.contest_id,
                contest_name=contest.contest_name,
            )
            self.session.add(contest_row)
            self.session.flush()
            list_keys = self._insert_returning_keys(
                ResultListRow,
                [
                    {
                        "result_contest_id": contest_row.id,
                        "position": position,
                        "number": lst.number,
                        "name": lst.name,
                        "votes": lst.votes,
                    }
                    for position, lst in enumerate(contest.lists)
                ],
            )
            self._bulk_insert(
                ResultCandidateRow,
                [
                    {
                        "result_list_id": list_key,
                        "position": position,
                        **candidate_values(elected.candidate),
                        "ranking": elected.ranking,
                        "votes": elected.votes,
                    }
                    for list_key, lst in zip(list_keys, contest.lists, strict=True)
                    for position, elected in enumerate(lst.candidates)
                ],
            )

    def get(self, eid: str) -> Eml520 | None:
        """The latest result stored for ``eid``, or ``None``."""
        election = self._election_key(eid)
        if election is None:
            return None
        row = self.session.scalar(
            select(ResultRow)
            .where(ResultRow.election_id == election)
            .order_by(ResultRow.id.desc())
            .limit(1)
        )
        return self._document(row) if row is not None else None

    def get_by_source(self, eid: str, sha256: str) -> Eml520 | None:
        """The result stored from the imported file ``sha256``, or ``None``."""
        election = self._election_key(eid)
        if election is None:
            return None
        row = self.session.scalar(
            select(ResultRow)
            .join(ImportedFileRow, ResultRow.source_file_id == ImportedFileRow.id)
            .where(ResultRow.election_id == election, ImportedFileRow.sha256 == sha256)
        )
        return self._document(row) if row is not None else None

    def sources(self, eid: str) -> list[ImportedFile | None]:
        """The files the stored results of ``eid`` came from, oldest first."""
        election = self._election_key(eid)
        if election is None:
            return []
        keys = self.session.scalars(
            select(ResultRow.source_file_id)
            .where(ResultRow.election_id == election)
            .order_by(ResultRow.id)
        )
        return [self._source(key, eid) for key in keys]

    def _document(self, row: ResultRow) -> Eml520:
        contests = self.session.scalars(
            select(ResultContestRow)
            .where(ResultContestRow.result_id == row.id)
            .order_by(ResultContestRow.position)
        ).all()
        return Eml520(
            header=header_of(row),
            identifier=ElectionIdentifier.model_validate(row.identifier),
            contests=tuple(self._contest(contest) for contest in contests),
        )

    def _contest(self, contest: ResultContestRow) -> ContestResult:
        lists = self.session.scalars(
            select(ResultListRow)
            .where(ResultListRow.result_contest_id == contest.id)
            .order_by(ResultListRow.position)
        ).all()
        elected: dict[int, list[ElectedCandidate]] = defaultdict(list)
        for row in self.session.scalars(
            select(ResultCandidateRow)
            .where(ResultCandidateRow.result_list_id.in_([lst.id for lst in lists]))
            .order_by(ResultCandidateRow.result_list_id, ResultCandidateRow.position)
        ):
            elected[row.result_list_id].append(_elected(row))
        return ContestResult(
            contest_id=contest.contest_id,
            contest_name=contest.contest_name,
            lists=tuple(
                ListResult(
                    number=lst.number,
                    name=lst.name,
                    votes=lst.votes,
                    candidates=tuple(elected.get(lst.id, ())),
                )
                for lst in lists
            ),
        )


def _elected(row: ResultCandidateRow) -> ElectedCandidate:
    return ElectedCandidate(
        candidate=candidate_of(row),
        ranking=row.ranking,
        votes=row.votes,
    )
