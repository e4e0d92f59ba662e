"""Read queries for screens: overviews counted in the database."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from osv.store import (
    CandidateSummary,
    ElectionSummary,
    ListSummary,
    PollingStationSummary,
    UnitOfWork,
)
from tests.store.examples import EID, contest, count_file, definition, polling_stations, result


def _store_everything(uow_factory: Callable[[], UnitOfWork]) -> None:
    with uow_factory() as uow:
        uow.elections.add(definition())
        uow.candidate_lists.add(EID, contest())
        uow.polling_stations.add(EID, "9999", "Vlietdam", polling_stations())
        uow.counts.add(EID, count_file())
        uow.results.add(EID, result())
        uow.elections.add(definition("GR2026_Leeg"))
        uow.commit()


def test_election_summaries_count_what_is_stored(uow_factory: Callable[[], UnitOfWork]) -> None:
    """Each election is listed once with its numbers; an election without content shows 0."""
    _store_everything(uow_factory)
    with uow_factory() as uow:
        summaries = uow.queries.election_summaries()
    assert summaries == [
        ElectionSummary(
            eid="GR2026_Leeg",
            name="Gemeenteraad Vlietdam 2026",
            category="GR",
            subcategory="GR2",
            election_date=dt.date(2026, 3, 18),
            seats=23,
            districts=1,
            lists=0,
            candidates=0,
            polling_stations=0,
            count_files=0,
            results=0,
        ),
        ElectionSummary(
            eid=EID,
            name="Gemeenteraad Vlietdam 2026",
            category="GR",
            subcategory="GR2",
            election_date=dt.date(2026, 3, 18),
            seats=23,
            districts=1,
            lists=2,
            candidates=4,
            polling_stations=3,
            count_files=1,
            results=1,
        ),
    ]


def test_lists_come_with_their_number_of_candidates(
    uow_factory: Callable[[], UnitOfWork],
) -> None:
    """Lists by contest and number, a blank list name kept empty."""
    _store_everything(uow_factory)
    with uow_factory() as uow:
        assert uow.queries.lists(EID) == [
            ListSummary("geen", 1, "Partij voor Vlietdam", "op zichzelf staande lijst", 3),
            ListSummary("geen", 3, "", "lijstengroep", 1),
        ]
        assert uow.queries.lists("GR2026_Leeg") == []


def test_candidates_of_one_list_in_list_order(uow_factory: Callable[[], UnitOfWork]) -> None:
    """The candidates of list 1, with their name as on the ballot."""
    _store_everything(uow_factory)
    with uow_factory() as uow:
        candidates = uow.queries.candidates(EID, 1)
        everyone = uow.queries.candidates(EID)
    assert [c.number for c in candidates] == [1, 2, 4]
    assert candidates[1] == CandidateSummary(
        contest_id="geen",
        list_number=1,
        list_name="Partij voor Vlietdam",
        number=2,
        initials="J.P.",
        first_name="Jan-Pieter",
        prefix="van der",
        last_name="Vaart",
        gender="male",
        locality="'s-Gravenhage",
        country_code=None,
    )
    assert candidates[1].full_name == "J.P. van der Vaart (Jan-Pieter)"
    assert candidates[0].full_name == "D. Yeşilgöz (Dilan)"
    assert len(everyone) == 4


def test_polling_stations_by_municipality_and_number(
    uow_factory: Callable[[], UnitOfWork],
) -> None:
    """Stations as listed by the municipality."""
    _store_everything(uow_factory)
    with uow_factory() as uow:
        stations = uow.queries.polling_stations(EID)
    assert [s.number for s in stations] == [1, 2, 17]
    assert stations[0] == PollingStationSummary(
        "9999", "Vlietdam", 1, "Stadhuis", "9999 AA", "FixedLocation", 1234
    )
