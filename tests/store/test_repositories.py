"""Repositories store model objects so that what is read back equals what was stored.

Each aggregate is stored through its repository in one unit of work and read back in another;
equality of the frozen model objects proves that no field, order or non-ASCII character was
lost on the way through the tables, on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from osv.store import (
    ElectionContest,
    ImportedFile,
    IntegrityViolationError,
    StoreError,
    UnitOfWork,
    repository,
)
from tests.store.examples import (
    EID,
    contest,
    count_file,
    definition,
    district_definition,
    polling_stations,
    result,
    short_code_count,
)

SHA = "ab" * 32


def _with_election(uow_factory: Callable[[], UnitOfWork], *, source: bool = False) -> None:
    with uow_factory() as uow:
        uow.elections.add(definition())
        if source:
            uow.files.add(
                ImportedFile(
                    election=EID,
                    message_type="510b",
                    sha256=SHA,
                    file_name="Telling_GR2026_Vlietdam.eml.xml",
                    size=12345,
                    imported_by="tester",
                    hash_check="typed-groups",
                    digest_matched="c14n",
                )
            )
        uow.commit()


def test_an_election_definition_is_read_back_equal(uow_factory: Callable[[], UnitOfWork]) -> None:
    """The identifier, seats, threshold, tree and registered parties all survive."""
    _with_election(uow_factory)
    with uow_factory() as uow:
        assert uow.elections.get(EID) == definition()
        assert uow.elections.get("GR2026_Elders") is None
        assert uow.elections.eids() == [EID]


def test_a_single_district_election_has_one_contest_geen(
    uow_factory: Callable[[], UnitOfWork],
) -> None:
    """GR, AB and PS1 file their lists under contest ``geen``."""
    _with_election(uow_factory)
    with uow_factory() as uow:
        assert uow.elections.contests(EID) == [ElectionContest("geen", "Vlietdam")]


def test_a_multi_district_election_has_a_contest_per_kieskring(
    uow_factory: Callable[[], UnitOfWork],
) -> None:
    """PS2 (contest ``alle``) has one contest per KIESKRING region, by region number."""
    ps2 = district_definition()
    with uow_factory() as uow:
        uow.elections.add(ps2)
        uow.commit()
    with uow_factory() as uow:
        assert uow.elections.get(ps2.identifier.id) == ps2
        assert uow.elections.contests(ps2.identifier.id) == [
            ElectionContest("1", "Middelstad", 1),
            ElectionContest("2", "Oosthaven", 2),
        ]


def test_candidate_lists_with_non_ascii_names_are_read_back_equal(
    uow_factory: Callable[[], UnitOfWork],
) -> None:
    """Lists and candidates keep order, optional fields and names like Yeşilgöz."""
    _with_election(uow_factory)
    with uow_factory() as uow:
        uow.candidate_lists.add(EID, contest())
        uow.commit()
    with uow_factory() as uow:
        assert uow.candidate_lists.get(EID, "geen") == contest()
        assert uow.candidate_lists.sources(EID) == {"geen": None}


def test_candidate_lists_of_each_district_are_kept_apart(
    uow_factory: Callable[[], UnitOfWork],
) -> None:
    """List 1 of kieskring 1 and list 1 of kieskring 2 are different lists."""
    ps2 = district_definition()
    eid = ps2.identifier.id
    with uow_factory() as uow:
        uow.elections.add(ps2)
        uow.candidate_lists.add(eid, contest("1"))
        uow.candidate_lists.add(eid, contest("2"))
        uow.commit()
    with uow_factory() as uow:
        assert uow.candidate_lists.get(eid, "1") == contest("1")
        assert uow.candidate_lists.get(eid, "2") == contest("2")
        assert uow.candidate_lists.get(eid, "3") is None


def test_candidate_lists_for_a_contest_the_election_lacks_are_refused(
    uow_factory: Callable[[], UnitOfWork],
) -> None:
    """A GR has no contest ``7``; storing lists for it fails and stores nothing."""
    _with_election(uow_factory)
    with pytest.raises(StoreError, match="has no contest '7'"), uow_factory() as uow:
        uow.candidate_lists.add(EID, contest("7"))


def test_polling_stations_are_read_back_equal(uow_factory: Callable[[], UnitOfWork]) -> None:
    """Stations keep their type, voters, channel and locations."""
    _with_election(uow_factory)
    with uow_factory() as uow:
        uow.polling_stations.add(EID, "9999", "Vlietdam", polling_stations())
        uow.commit()
    with uow_factory() as uow:
        assert uow.polling_stations.get(EID, "9999") == polling_stations()
        assert uow.polling_stations.get(EID, "0001") == ()
        assert uow.polling_stations.sources(EID) == {"9999": None}


def test_a_count_file_is_read_back_equal(uow_factory: Callable[[], UnitOfWork]) -> None:
    """Total, units, list and candidate votes, rejected, uncounted, corrigendum values,
    investigations and the header all survive."""
    _with_election(uow_factory, source=True)
    document = count_file(stations=4)
    with uow_factory() as uow:
        uow.counts.add(EID, document, source_sha256=SHA)
        uow.commit()
    with uow_factory() as uow:
        assert uow.counts.get(EID, SHA) == document
        assert uow.counts.all(EID) == [document]
        [source] = uow.counts.sources(EID)[("510b", "9999")]
        assert source is not None
        assert source.file_name == "Telling_GR2026_Vlietdam.eml.xml"
        assert source.digest_matched == "c14n"
        assert source.imported_at.tzinfo is not None


def test_candidate_votes_identified_by_short_code_only_are_kept(
    uow_factory: Callable[[], UnitOfWork],
) -> None:
    """Above district level a candidate may have a short code and no number."""
    _with_election(uow_factory)
    with uow_factory() as uow:
        uow.counts.add(EID, short_code_count())
        uow.commit()
    with uow_factory() as uow:
        assert uow.counts.all(EID) == [short_code_count()]


def test_a_result_is_read_back_equal(uow_factory: Callable[[], UnitOfWork]) -> None:
    """Elected candidates keep their order, ranking, votes and full name."""
    _with_election(uow_factory)
    with uow_factory() as uow:
        assert uow.results.get(EID) is None
        uow.results.add(EID, result())
        uow.commit()
    with uow_factory() as uow:
        assert uow.results.get(EID) == result()
        assert uow.results.sources(EID) == [None]


def test_imported_files_are_found_by_digest(uow_factory: Callable[[], UnitOfWork]) -> None:
    """A file record is found by election and SHA-256; its moment comes back in UTC."""
    _with_election(uow_factory, source=True)
    with uow_factory() as uow:
        record = uow.files.get(EID, SHA)
        assert record is not None
        assert record.hash_check == "typed-groups"
        assert record.imported_at.utcoffset() == dt.timedelta(0)
        assert uow.files.get(EID, "cd" * 32) is None
        assert uow.files.for_election(EID) == [record]


def test_content_cannot_point_at_a_file_that_is_not_recorded(
    uow_factory: Callable[[], UnitOfWork],
) -> None:
    """Every stored count names the record of the file it came from, or none at all."""
    _with_election(uow_factory)
    with pytest.raises(StoreError, match="No imported file"), uow_factory() as uow:
        uow.counts.add(EID, count_file(), source_sha256=SHA)


def test_storing_for_an_unknown_election_is_refused(
    uow_factory: Callable[[], UnitOfWork],
) -> None:
    """Everything belongs to a stored election."""
    with pytest.raises(StoreError, match="No election GR2026_Vlietdam"), uow_factory() as uow:
        uow.polling_stations.add(EID, "9999", "Vlietdam", polling_stations())


@pytest.mark.parametrize(
    "duplicate",
    ["election", "list", "polling station", "file"],
)
def test_the_database_refuses_duplicates(
    uow_factory: Callable[[], UnitOfWork], duplicate: str
) -> None:
    """Unique constraints refuse a second election, list, station or file record."""
    _with_election(uow_factory, source=True)
    with uow_factory() as uow:
        uow.candidate_lists.add(EID, contest())
        uow.polling_stations.add(EID, "9999", "Vlietdam", polling_stations())
        uow.commit()
    with pytest.raises(IntegrityViolationError), uow_factory() as uow:
        _store_again(uow, duplicate)


def _store_again(uow: UnitOfWork, what: str) -> None:
    match what:
        case "election":
            uow.elections.add(definition())
        case "list":
            uow.candidate_lists.add(EID, contest())
        case "polling station":
            uow.polling_stations.add(EID, "9999", "Vlietdam", polling_stations()[:1])
        case _:
            record = uow.files.get(EID, SHA)
            assert record is not None
            uow.files.add(record)


@pytest.mark.parametrize("copy_threshold", [1, 1_000_000], ids=["copy", "executemany"])
def test_a_bulk_insert_that_breaks_a_constraint_is_refused(
    uow_factory: Callable[[], UnitOfWork],
    monkeypatch: pytest.MonkeyPatch,
    copy_threshold: int,
) -> None:
    """Bulk inserts (COPY on PostgreSQL, executemany elsewhere) fail as IntegrityViolationError.

    Two stations with the same number in one batch break the unique constraint.
    """
    monkeypatch.setattr(repository, "COPY_THRESHOLD", copy_threshold)
    _with_election(uow_factory)
    station = polling_stations()[0]
    with pytest.raises(IntegrityViolationError), uow_factory() as uow:
        uow.polling_stations.add(EID, "9999", "Vlietdam", (station, station))
    with uow_factory() as uow:
        assert uow.polling_stations.get(EID, "9999") == ()


def test_bulk_inserted_json_and_booleans_are_read_back_equal(
    uow_factory: Callable[[], UnitOfWork], monkeypatch: pytest.MonkeyPatch
) -> None:
    """COPY writes JSON columns and booleans as faithfully as executemany does."""
    monkeypatch.setattr(repository, "COPY_THRESHOLD", 1)
    _with_election(uow_factory)
    with uow_factory() as uow:
        uow.polling_stations.add(EID, "9999", "Vlietdam", polling_stations())
        uow.candidate_lists.add(EID, contest())
        uow.commit()
    with uow_factory() as uow:
        assert uow.polling_stations.get(EID, "9999") == polling_stations()
        assert uow.candidate_lists.get(EID, "geen") == contest()
