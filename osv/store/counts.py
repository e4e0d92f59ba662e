"""Count files (EML 510a-d), stored as normalised rows and read back as equal documents.

A count file holds, per contest, a total and one set of numbers per reporting unit (a polling
station in a 510b, a municipality in a 510c, ...). Each set becomes one ``count_units`` row with
the cast, counted, rejected and uncounted numbers; its votes per list and per candidate become
``list_votes`` and ``candidate_votes`` rows. A city's 510b has some 40,000 candidate votes, so
rows are written with Core ``executemany`` (and ``RETURNING`` for the keys children need), not
as ORM objects. Reading a file back gives a document equal to the one stored.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import select

from eml.documents import CountingMethod, Eml510, MessageType, Phase
from osv.model import (
    CandidateVotes,
    ContestCount,
    ElectionIdentifier,
    Investigation,
    ListVotes,
    PollingStationType,
    RejectedReason,
    ReportingUnitVotes,
    UncountedReason,
    VoteCounts,
)
from osv.store.columns import header_of, header_values
from osv.store.records import ImportedFile
from osv.store.repository import Repository
from osv.store.rows import (
    CandidateVotesRow,
    CountContestRow,
    CountFileRow,
    CountUnitRow,
    ImportedFileRow,
    ListVotesRow,
)

__all__ = ["CountRepository"]

_INVALID, _BLANK = RejectedReason.INVALID, RejectedReason.BLANK


class CountRepository(Repository):
    """Count files of each election."""

    def add(self, eid: str, document: Eml510, *, source_sha256: str | None = None) -> None:
        """Store the count file ``document`` for election ``eid``."""
        election = self._require_election(eid)
        file_row = CountFileRow(
            election_id=election,
            source_file_id=self._source_key(election, source_sha256),
            level=document.message_type.value,
            **header_values(document.header),
            counting_method=document.counting_method.value if document.counting_method else None,
            phase=document.phase.value if document.phase else None,
            identifier=document.identifier.model_dump(mode="json"),
        )
        self.session.add(file_row)
        self.session.flush()
        for position, contest in enumerate(document.contests):
            contest_row = CountContestRow(
                count_file_id=file_row.id,
                position=position,
                contest_id=contest.contest_id,
                contest_name=contest.contest_name,
            )
            self.session.add(contest_row)
            self.session.flush()
            self._add_units(contest_row.id, contest)

    def _add_units(self, contest_key: int, contest: ContestCount) -> None:
        units: list[tuple[int, ReportingUnitVotes | None, VoteCounts]] = []
        if contest.total is not None:
            units.append((0, None, contest.total))
        units.extend(
            (position, unit, unit.votes)
            for position, unit in enumerate(contest.reporting_units, start=1)
        )
        unit_keys = self._insert_returning_keys(
            CountUnitRow, [_unit_values(contest_key, *unit) for unit in units]
        )
        lists = [
            (unit_key, list_votes)
            for unit_key, (_, _, votes) in zip(unit_keys, units, strict=True)
            for list_votes in votes.lists
        ]
        list_keys = self._insert_returning_keys(
            ListVotesRow,
            [
                {
                    "unit_id": unit_key,
                    "number": lv.number,
                    "name": lv.name,
                    "votes": lv.votes,
                    "initial_votes": lv.initial_votes,
                }
                for unit_key, lv in lists
            ],
        )
        self._bulk_insert(
            CandidateVotesRow,
            [
                {
                    "list_votes_id": list_key,
                    "position": position,
                    "number": cv.number,
                    "short_code": cv.short_code,
                    "votes": cv.votes,
                    "initial_votes": cv.initial_votes,
                }
                for list_key, (_, lv) in zip(list_keys, lists, strict=True)
                for position, cv in enumerate(lv.candidates)
            ],
        )

    def get(self, eid: str, sha256: str) -> Eml510 | None:
        """The count file stored from the imported file ``sha256``, or ``None``."""
        election = self._election_key(eid)
        if election is None:
            return None
        file_row = self.session.scalar(
            select(CountFileRow)
            .join(ImportedFileRow, CountFileRow.source_file_id == ImportedFileRow.id)
            .where(CountFileRow.election_id == election, ImportedFileRow.sha256 == sha256)
        )
        return self._document(file_row) if file_row is not None else None

    def all(self, eid: str) -> list[Eml510]:
        """Every count file stored for ``eid``, in the order they were stored."""
        election = self._election_key(eid)
        if election is None:
            return []
        rows = self.session.scalars(
            select(CountFileRow)
            .where(CountFileRow.election_id == election)
            .order_by(CountFileRow.id)
        ).all()
        return [self._document(row) for row in rows]

    def sources(self, eid: str) -> dict[tuple[str, str | None], list[ImportedFile | None]]:
        """Per (level, authority Id) of ``eid``: the files its stored counts came from."""
        election = self._election_key(eid)
        if election is None:
            return {}
        found: dict[tuple[str, str | None], list[ImportedFile | None]] = defaultdict(list)
        for level, authority, file_key in self.session.execute(
            select(CountFileRow.level, CountFileRow.authority_id, CountFileRow.source_file_id)
            .where(CountFileRow.election_id == election)
            .order_by(CountFileRow.id)
        ):
            found[(level, authority)].append(self._source(file_key, eid))
        return dict(found)

    def _document(self, row: CountFileRow) -> Eml510:
        contests = self.session.scalars(
            select(CountContestRow)
            .where(CountContestRow.count_file_id == row.id)
            .order_by(CountContestRow.position)
        ).all()
        return Eml510(
            message_type=MessageType(row.level),
            header=header_of(row),
            counting_method=CountingMethod(row.counting_method) if row.counting_method else None,
            phase=Phase(row.phase) if row.phase else None,
            identifier=ElectionIdentifier.model_validate(row.identifier),
            contests=tuple(self._contest(contest) for contest in contests),
        )

    def _contest(self, contest: CountContestRow) -> ContestCount:
        units = self.session.scalars(
            select(CountUnitRow)
            .where(CountUnitRow.count_contest_id == contest.id)
            .order_by(CountUnitRow.position)
        ).all()
        lists = self._lists(contest.id)
        total: VoteCounts | None = None
        reporting_units: list[ReportingUnitVotes] = []
        for unit in units:
            votes = _vote_counts(unit, lists.get(unit.id, []))
            if unit.reporting_unit_id is None:
                total = votes
            else:
                reporting_units.append(
                    ReportingUnitVotes(
                        id=unit.reporting_unit_id,
                        name=unit.name,
                        type=PollingStationType(unit.type) if unit.type else None,
                        shared_location=unit.shared_location,
                        votes=votes,
                        investigations=tuple(
                            Investigation.model_validate(item) for item in unit.investigations
                        ),
                    )
                )
        return ContestCount(
            contest_id=contest.contest_id,
            contest_name=contest.contest_name,
            total=total,
            reporting_units=tuple(reporting_units),
        )

    def _lists(self, contest_key: int) -> dict[int, list[ListVotes]]:
        """The list votes of every unit of a contest, with their candidates, by unit key."""
        candidates: dict[int, list[CandidateVotes]] = defaultdict(list)
        for list_key, number, short_code, votes, initial in self.session.execute(
            select(
                CandidateVotesRow.list_votes_id,
                CandidateVotesRow.number,
                CandidateVotesRow.short_code,
                CandidateVotesRow.votes,
                CandidateVotesRow.initial_votes,
            )
            .join(ListVotesRow, CandidateVotesRow.list_votes_id == ListVotesRow.id)
            .join(CountUnitRow, ListVotesRow.unit_id == CountUnitRow.id)
            .where(CountUnitRow.count_contest_id == contest_key)
            .order_by(CandidateVotesRow.list_votes_id, CandidateVotesRow.position)
        ):
            candidates[list_key].append(
                CandidateVotes(
                    number=number, short_code=short_code, votes=votes, initial_votes=initial
                )
            )
        lists: dict[int, list[ListVotes]] = defaultdict(list)
        for list_key, unit_key, number, name, votes, initial in self.session.execute(
            select(
                ListVotesRow.id,
                ListVotesRow.unit_id,
                ListVotesRow.number,
                ListVotesRow.name,
                ListVotesRow.votes,
                ListVotesRow.initial_votes,
            )
            .join(CountUnitRow, ListVotesRow.unit_id == CountUnitRow.id)
            .where(CountUnitRow.count_contest_id == contest_key)
            .order_by(ListVotesRow.unit_id, ListVotesRow.number)
        ):
            lists[unit_key].append(
                ListVotes(
                    number=number,
                    name=name,
                    votes=votes,
                    initial_votes=initial,
                    candidates=tuple(candidates.get(list_key, ())),
                )
            )
        return lists


def _unit_values(
    contest_key: int, position: int, unit: ReportingUnitVotes | None, votes: VoteCounts
) -> dict[str, Any]:
    return {
        "count_contest_id": contest_key,
        "position": position,
        "reporting_unit_id": unit.id if unit else None,
        "name": unit.name if unit else None,
        "type": unit.type.value if unit and unit.type else None,
        "shared_location": unit.shared_location if unit else None,
        "cast_votes": votes.cast,
        "total_counted": votes.total_counted,
        "rejected_invalid": votes.rejected.get(_INVALID),
        "rejected_blank": votes.rejected.get(_BLANK),
        "uncounted": {reason.value: count for reason, count in votes.uncounted.items()},
        "initial_cast": votes.initial_cast,
        "initial_total_counted": votes.initial_total_counted,
        "initial_rejected_invalid": votes.initial_rejected.get(_INVALID),
        "initial_rejected_blank": votes.initial_rejected.get(_BLANK),
        "initial_uncounted": {
            reason.value: count for reason, count in votes.initial_uncounted.items()
        },
        "investigations": [item.model_dump(mode="json") for item in unit.investigations]
        if unit
        else [],
    }


def _rejected(invalid: int | None, blank: int | None) -> dict[RejectedReason, int]:
    found = {_INVALID: invalid, _BLANK: blank}
    return {reason: count for reason, count in found.items() if count is not None}


def _vote_counts(unit: CountUnitRow, lists: list[ListVotes]) -> VoteCounts:
    return VoteCounts(
        lists=tuple(lists),
        cast=unit.cast_votes,
        total_counted=unit.total_counted,
        rejected=_rejected(unit.rejected_invalid, unit.rejected_blank),
        uncounted={UncountedReason(code): count for code, count in unit.uncounted.items()},
        initial_cast=unit.initial_cast,
        initial_total_counted=unit.initial_total_counted,
        initial_rejected=_rejected(unit.initial_rejected_invalid, unit.initial_rejected_blank),
        initial_uncounted={
            UncountedReason(code): count for code, count in unit.initial_uncounted.items()
        },
    )
