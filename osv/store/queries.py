"""Read queries for screens and the command line: flat rows, counted in the database.

Screens want overviews ("how many lists, how many candidates"), not whole aggregates, so these
queries go straight to the tables and return small frozen dataclasses, as a read model next to
the repositories. They never change anything.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from osv.store.rows import (
    CandidateListRow,
    CandidateRow,
    CountFileRow,
    DistrictRow,
    ElectionRow,
    PollingStationRow,
    ResultRow,
)

__all__ = [
    "CandidateSummary",
    "ElectionSummary",
    "ListSummary",
    "PollingStationSummary",
    "ReadQueries",
]


@dataclass(frozen=True)
class ElectionSummary:
    """One stored election with the numbers of what is stored for it."""

    eid: str
    name: str | None
    category: str
    subcategory: str | None
    election_date: dt.date
    seats: int
    districts: int
    lists: int
    candidates: int
    polling_stations: int
    count_files: int
    results: int


@dataclass(frozen=True)
class ListSummary:
    """A candidate list with its number of candidates."""

    contest_id: str
    number: int
    name: str
    type: str | None
    candidates: int


@dataclass(frozen=True)
class CandidateSummary:
    """A candidate on a list, with the name parts and the name as on the ballot."""

    contest_id: str
    list_number: int
    list_name: str
    number: int
    initials: str
    first_name: str | None
    prefix: str | None
    last_name: str
    gender: str | None
    locality: str | None
    country_code: str | None

    @property
    def full_name(self) -> str:
        """The name as on the ballot: ``"H. van der Vaart (Hans)"``."""
        text = " ".join(part for part in (self.initials, self.prefix, self.last_name) if part)
        return f"{text} ({self.first_name})" if self.first_name else text


@dataclass(frozen=True)
class PollingStationSummary:
    """A polling station as listed in the municipality's 110b."""

    municipality_code: str
    municipality_name: str | None
    number: int
    name: str
    postal_code: str | None
    type: str | None
    number_of_voters: int | None


class ReadQueries:
    """The read queries, over the session of a unit of work."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def _counts(self, query: Select[int, int]) -> dict[int, int]:
        return {row[0]: row[1] for row in self.session.execute(query)}

    def election_heading(self, eid: str) -> tuple[str | None, str] | None:
        """The name and category of election ``eid``, or ``None``: one indexed row, for pages
        that need no more of the election than its heading."""
        row = self.session.execute(
            select(ElectionRow.name, ElectionRow.category).where(ElectionRow.eid == eid)
        ).one_or_none()
        return (row[0], row[1]) if row is not None else None

    def election_summaries(self) -> list[ElectionSummary]:
        """All stored elections, by Id, with their numbers of districts, lists and so on."""
        districts = self._counts(
            select(DistrictRow.election_id, func.count()).group_by(DistrictRow.election_id)
        )
        lists = self._counts(
            select(CandidateListRow.election_id, func.count()).group_by(
                CandidateListRow.election_id
            )
        )
        candidates = self._counts(
            select(CandidateListRow.election_id, func.count(CandidateRow.id))
            .join(CandidateRow, CandidateRow.list_id == CandidateListRow.id)
            .group_by(CandidateListRow.election_id)
        )
        stations = self._counts(
            select(PollingStationRow.election_id, func.count()).group_by(
                PollingStationRow.election_id
            )
        )
        count_files = self._counts(
            select(CountFileRow.election_id, func.count()).group_by(CountFileRow.election_id)
        )
        results = self._counts(
            select(ResultRow.election_id, func.count()).group_by(ResultRow.election_id)
        )
        return [
            ElectionSummary(
                eid=row.eid,
                name=row.name,
                category=row.category,
                subcategory=row.subcategory,
                election_date=row.election_date,
                seats=row.number_of_seats,
                districts=districts.get(row.id, 0),
                lists=lists.get(row.id, 0),
                candidates=candidates.get(row.id, 0),
                polling_stations=stations.get(row.id, 0),
                count_files=count_files.get(row.id, 0),
                results=results.get(row.id, 0),
            )
            for row in self.session.scalars(select(ElectionRow).order_by(ElectionRow.eid))
        ]

    def ballot_version(self, eid: str) -> tuple[int, int]:
        """The number and the highest row id of ``eid``'s candidates: changes when any is added.

        Lists and candidates are only ever added (never replaced or removed), so this pair
        tells a cache of them whether it is still current, at the cost of one small query.
        """
        query = (
            select(func.count(CandidateRow.id), func.coalesce(func.max(CandidateRow.id), 0))
            .join(CandidateListRow, CandidateRow.list_id == CandidateListRow.id)
            .join(ElectionRow, CandidateListRow.election_id == ElectionRow.id)
            .where(ElectionRow.eid == eid)
        )
        count, highest = self.session.execute(query).one()
        return int(count), int(highest)

    def lists(self, eid: str) -> list[ListSummary]:
        """The candidate lists of ``eid`` by contest and number, with their candidate counts."""
        query = (
            select(
                CandidateListRow.contest_id,
                CandidateListRow.number,
                CandidateListRow.name,
                CandidateListRow.type,
                func.count(CandidateRow.id),
            )
            .join(ElectionRow, CandidateListRow.election_id == ElectionRow.id)
            .outerjoin(CandidateRow, CandidateRow.list_id == CandidateListRow.id)
            .where(ElectionRow.eid == eid)
            .group_by(CandidateListRow.id)
            .order_by(CandidateListRow.contest_id, CandidateListRow.number)
        )
        return [ListSummary(*row) for row in self.session.execute(query)]

    def candidates(self, eid: str, list_number: int | None = None) -> list[CandidateSummary]:
        """The candidates of ``eid`` (of list ``list_number`` only, when given), in list order."""
        query = (
            select(
                CandidateListRow.contest_id,
                CandidateListRow.number,
                CandidateListRow.name,
                CandidateRow.number,
                CandidateRow.initials,
                CandidateRow.first_name,
                CandidateRow.prefix,
                CandidateRow.last_name,
                CandidateRow.gender,
                CandidateRow.locality,
                CandidateRow.country_code,
            )
            .join(CandidateListRow, CandidateRow.list_id == CandidateListRow.id)
            .join(ElectionRow, CandidateListRow.election_id == ElectionRow.id)
            .where(ElectionRow.eid == eid)
            .order_by(CandidateListRow.contest_id, CandidateListRow.number, CandidateRow.number)
        )
        if list_number is not None:
            query = query.where(CandidateListRow.number == list_number)
        return [CandidateSummary(*row) for row in self.session.execute(query)]

    def polling_stations(self, eid: str) -> list[PollingStationSummary]:
        """The polling stations of ``eid`` by municipality and number."""
        query = (
            select(
                PollingStationRow.municipality_code,
                PollingStationRow.municipality_name,
                PollingStationRow.number,
                PollingStationRow.name,
                PollingStationRow.postal_code,
                PollingStationRow.type,
                PollingStationRow.number_of_voters,
            )
            .join(ElectionRow, PollingStationRow.election_id == ElectionRow.id)
            .where(ElectionRow.eid == eid)
            .order_by(PollingStationRow.municipality_code, PollingStationRow.number)
        )
        return [PollingStationSummary(*row) for row in self.session.execute(query)]
