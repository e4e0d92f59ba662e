"""Candidate lists and candidates of one contest (EML 230b), stored and read back.

The lists of a contest are stored together, from one file, and are not changed afterwards (a
changed list would be a new decision of the centraal stembureau, not a new import). Candidates
are bulk-inserted: a TK contest has some 1,500.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select

from osv.model import Candidate, CandidateList, Contest, ListType
from osv.store.columns import candidate_of, candidate_values
from osv.store.content import definition_key
from osv.store.errors import StoreError
from osv.store.records import ImportedFile
from osv.store.repository import Repository
from osv.store.rows import CandidateListRow, CandidateRow, DistrictRow

__all__ = ["CandidateListRepository"]


class CandidateListRepository(Repository):
    """The candidate lists of the contests of each election."""

    def add(self, eid: str, contest: Contest, *, source_sha256: str | None = None) -> None:
        """Store the lists of ``contest`` for election ``eid``.

        :param source_sha256: the imported file the lists come from (stored before).
        :raises StoreError: when the election does not have this contest.
        :raises IntegrityViolationError: (at flush) when a list of the contest is stored.
        """
        election = self._require_election(eid)
        source = self._source_key(election, source_sha256)
        district = self.session.scalar(
            select(DistrictRow).where(
                DistrictRow.election_id == election, DistrictRow.contest_id == contest.id
            )
        )
        if district is None:
            raise StoreError(f"Election {eid} has no contest {contest.id!r}; nothing was stored.")
        if district.contest_name != contest.name:
            self.changes.touch(definition_key(self.session, election))
        district.contest_name = contest.name
        list_ids = self._insert_returning_keys(
            CandidateListRow,
            [_list_values(election, contest.id, source, lst) for lst in contest.lists],
        )
        rows: list[dict[str, Any]] = [
            _candidate_values(list_id, candidate)
            for list_id, lst in zip(list_ids, contest.lists, strict=True)
            for candidate in lst.candidates
        ]
        self._bulk_insert(CandidateRow, rows)

    def get(self, eid: str, contest_id: str) -> Contest | None:
        """The stored lists of one contest, or ``None`` when none are stored."""
        election = self._election_key(eid)
        if election is None:
            return None
        district = self.session.scalar(
            select(DistrictRow).where(
                DistrictRow.election_id == election, DistrictRow.contest_id == contest_id
            )
        )
        lists = self.session.scalars(
            select(CandidateListRow)
            .where(
                CandidateListRow.election_id == election,
                CandidateListRow.contest_id == contest_id,
            )
            .order_by(CandidateListRow.number)
        ).all()
        if district is None or not lists:
            return None
        candidates: dict[int, list[Candidate]] = {row.id: [] for row in lists}
        for row in self.session.scalars(
            select(CandidateRow)
            .where(CandidateRow.list_id.in_(candidates))
            .order_by(CandidateRow.list_id, CandidateRow.number)
        ):
            candidates[row.list_id].append(candidate_of(row))
        return Contest(
            id=contest_id,
            name=district.contest_name,
            lists=tuple(_list(row, candidates[row.id]) for row in lists),
        )

    def list_sizes(self, eid: str, contest_id: str) -> tuple[tuple[int, int], ...]:
        """Per list of a contest, in number order: its number and how many candidates it has.

        What a data-entry form needs, in one query (empty when no lists are stored).
        """
        election = self._election_key(eid)
        if election is None:
            return ()
        rows = self.session.execute(
            select(CandidateListRow.number, func.count(CandidateRow.id))
            .join(CandidateRow, CandidateRow.list_id == CandidateListRow.id, isouter=True)
            .where(
                CandidateListRow.election_id == election,
                CandidateListRow.contest_id == contest_id,
            )
            .group_by(CandidateListRow.number)
            .order_by(CandidateListRow.number)
        )
        return tuple((number, count) for number, count in rows)

    def sources(self, eid: str) -> dict[str, ImportedFile | None]:
        """For each contest of ``eid`` with stored lists: the file they came from (if any)."""
        election = self._election_key(eid)
        if election is None:
            return {}
        found = self.session.execute(
            select(CandidateListRow.contest_id, CandidateListRow.source_file_id)
            .where(CandidateListRow.election_id == election)
            .distinct()
        ).all()
        return {contest: self._source(file_key, eid) for contest, file_key in found}


def _list_values(
    election: int, contest_id: str, source: int | None, lst: CandidateList
) -> dict[str, Any]:
    return {
        "election_id": election,
        "contest_id": contest_id,
        "source_file_id": source,
        "number": lst.number,
        "name": lst.name,
        "type": lst.type.value if lst.type else None,
        "belongs_to_set": lst.belongs_to_set,
        "belongs_to_combination": lst.belongs_to_combination,
        "publication_language": lst.publication_language,
        "publish_gender": lst.publish_gender,
    }


def _candidate_values(list_id: int, candidate: Candidate) -> dict[str, Any]:
    return {
        "list_id": list_id,
        **candidate_values(candidate),
    }


def _list(row: CandidateListRow, candidates: list[Candidate]) -> CandidateList:
    return CandidateList(
        number=row.number,
        name=row.name,
        type=ListType(row.type) if row.type else None,
        belongs_to_set=row.belongs_to_set,
        belongs_to_combination=row.belongs_to_combination,
        publication_language=row.publication_language,
        publish_gender=row.publish_gender,
        candidates=tuple(candidates),
    )
