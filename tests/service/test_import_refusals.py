"""Files that do not belong to the stored election are refused, and nothing is stored.

Every test counts the rows of every table before and after the refused import: a refusal must
leave the database exactly as it was, including the other files of the same import.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from eml.safe import Limits
from osv.model import ElectionSubcategory
from osv.service.errors import ImportRefused
from osv.service.importing import HashCheck, ImportOutcome, import_files
from osv.store import Database, UnitOfWork
from tests.service.helpers import write_definition

SKIP = HashCheck(skip=True)


def _import(uow_factory: Callable[[], UnitOfWork], *paths: Path) -> list[ImportOutcome]:
    return import_files(
        uow_factory, list(paths), schemas=None, limits=Limits(), hash_check=SKIP, actor="bob"
    )


@pytest.fixture
def abacus(shared: Path) -> Path:
    """The Abacus test samples (election GR2022_Test)."""
    return shared / "eml-nl" / "samples" / "abacus-tests"


def _copy_with(source: Path, folder: Path, old: str, new: str, name: str | None = None) -> Path:
    """A copy of ``source`` in ``folder`` with ``old`` replaced by ``new`` (exactly once)."""
    text = source.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} is not unique in {source.name}"
    path = folder / (name or source.name)
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


def _refused(
    uow_factory: Callable[[], UnitOfWork], database: Database, *paths: Path
) -> ImportRefused:
    """Import ``paths`` expecting a refusal; check that no row changed; return the error."""
    before = database.row_counts()
    with pytest.raises(ImportRefused) as caught:
        _import(uow_factory, *paths)
    assert database.row_counts() == before
    assert str(caught.value).endswith("nothing was imported.")
    return caught.value


def test_files_of_an_election_without_definition_are_refused(
    uow_factory: Callable[[], UnitOfWork], database: Database, shared: Path
) -> None:
    """West Maas en Waal's lists, count and result need its 110a, which is not stored."""
    folder = shared / "data" / "GR2022_WestMaasenWaal"
    for name in (
        "Kandidatenlijsten_GR2022_WestMaasenWaal.eml.xml",
        "Telling_GR2022_WestMaasenWaal.eml.xml",
        "Resultaat_GR2022_WestMaasenWaal.eml.xml",
    ):
        error = _refused(uow_factory, database, folder / name)
        assert "no election definition of GR2022_WestMaasenWaal is stored" in str(error)
        assert "import its election definition (110a) first" in str(error)


@pytest.mark.parametrize(
    ("sample", "reason"),
    [
        (
            "eml230b_invalid_incorrect_election.eml.xml",
            "no election definition of GR2024_Heemdamseburg is stored (stored: GR2022_Test)",
        ),
        (
            "eml230b_invalid_incorrect_election_date.eml.xml",
            "ElectionDate 2022-01-31, but the election definition has 2022-03-16",
        ),
        (
            "eml230b_invalid_incorrect_election_domain.eml.xml",
            "ElectionDomain 0001, but the election definition has 0000",
        ),
        (
            "eml230b_invalid_incorrect_election_type.eml.xml",
            "ElectionCategory TK, but the election definition has GR",
        ),
    ],
)
def test_candidate_lists_of_another_election_are_refused_for_the_right_reason(
    uow_factory: Callable[[], UnitOfWork],
    database: Database,
    abacus: Path,
    sample: str,
    reason: str,
) -> None:
    """The Kiesraad's four 'incorrect election' 230b files against eml110a_test."""
    _import(uow_factory, abacus / "eml110a_test.eml.xml")
    error = _refused(uow_factory, database, abacus / sample)
    assert reason in str(error)
    assert sample in str(error)


def test_a_refused_file_keeps_the_other_files_of_its_import_out_too(
    uow_factory: Callable[[], UnitOfWork], database: Database, abacus: Path
) -> None:
    """A good 110a is not stored when a 230b of the same import is refused."""
    _refused(
        uow_factory,
        database,
        abacus / "eml110a_test.eml.xml",
        abacus / "eml230b_invalid_incorrect_election_date.eml.xml",
    )
    with uow_factory() as uow:
        assert uow.elections.eids() == []


def test_a_different_definition_of_a_stored_election_is_refused(
    uow_factory: Callable[[], UnitOfWork], database: Database, abacus: Path, tmp_path: Path
) -> None:
    """An election definition is stored once; a changed one does not replace it."""
    original = abacus / "eml110a_test.eml.xml"
    _import(uow_factory, original)
    changed = _copy_with(
        original, tmp_path, "<kr:NumberOfSeats>45", "<kr:NumberOfSeats>43", "changed.eml.xml"
    )
    error = _refused(uow_factory, database, changed)
    assert "a different election definition of GR2022_Test is already stored" in str(error)
    assert "from eml110a_test.eml.xml" in str(error)


def test_two_different_definitions_in_one_import_are_refused(
    uow_factory: Callable[[], UnitOfWork], database: Database, abacus: Path, tmp_path: Path
) -> None:
    """Which of two definitions would be right cannot be decided, so neither is stored."""
    original = abacus / "eml110a_test.eml.xml"
    changed = _copy_with(
        original, tmp_path, "<kr:NumberOfSeats>45", "<kr:NumberOfSeats>43", "changed.eml.xml"
    )
    error = _refused(uow_factory, database, original, changed)
    assert "two different election definitions of GR2022_Test" in str(error)


def test_candidate_lists_of_a_stored_contest_from_another_file_are_refused(
    uow_factory: Callable[[], UnitOfWork], database: Database, abacus: Path, tmp_path: Path
) -> None:
    """The lists of a contest come from one file; a changed file does not add to them."""
    lists = abacus / "eml230b_test.eml.xml"
    _import(uow_factory, abacus / "eml110a_test.eml.xml", lists)
    with uow_factory() as uow:
        stored = uow.candidate_lists.get("GR2022_Test", "geen")
    assert stored is not None
    first = stored.lists[0].candidates[0].name.last_name
    changed = tmp_path / "changed.eml.xml"
    changed.write_text(
        lists.read_text(encoding="utf-8").replace(first, first + "-Smit", 1), encoding="utf-8"
    )
    error = _refused(uow_factory, database, changed)
    assert "the candidate lists of contest geen of GR2022_Test are already stored" in str(error)
    assert "from eml230b_test.eml.xml" in str(error)


def test_candidate_lists_for_a_contest_the_election_does_not_have_are_refused(
    uow_factory: Callable[[], UnitOfWork], database: Database, abacus: Path, tmp_path: Path
) -> None:
    """A municipal election has one contest, ``geen``; lists for kieskring 3 do not fit it."""
    _import(uow_factory, abacus / "eml110a_test.eml.xml")
    wrong = _copy_with(
        abacus / "eml230b_test.eml.xml",
        tmp_path,
        '<ContestIdentifier Id="geen"',
        '<ContestIdentifier Id="3"',
    )
    error = _refused(uow_factory, database, wrong)
    assert "the candidate lists are for contest '3'" in str(error)
    assert "a single contest, 'geen'" in str(error)


def test_polling_stations_of_a_stored_municipality_from_another_file_are_refused(
    uow_factory: Callable[[], UnitOfWork], database: Database, abacus: Path, shared: Path
) -> None:
    """A municipality's stations come from one file (two different 110b of 0000 here)."""
    stations = shared / "eml-nl/samples/kiesraad-tests/polling_stations/eml110b_test.eml.xml"
    _import(uow_factory, abacus / "eml110a_test.eml.xml", stations)
    error = _refused(uow_factory, database, abacus / "eml110b_test.eml.xml")
    assert "the polling stations of municipality 0000 for GR2022_Test are already" in str(error)


def test_polling_stations_of_another_election_are_refused(
    uow_factory: Callable[[], UnitOfWork], database: Database, abacus: Path
) -> None:
    """The sample 110b for EP2024 does not belong to GR2022_Test."""
    _import(uow_factory, abacus / "eml110a_test.eml.xml")
    error = _refused(uow_factory, database, abacus / "eml110b_not_matching_election_id.eml.xml")
    assert "no election definition of EP2024 is stored" in str(error)


def test_a_second_count_of_the_same_authority_is_refused(
    uow_factory: Callable[[], UnitOfWork], database: Database, shared: Path, tmp_path: Path
) -> None:
    """One 510b per municipality: a different count of West Maas en Waal must be a corrigendum."""
    definition = write_definition(
        tmp_path,
        "GR2022_WestMaasenWaal",
        name="Gemeenteraad West Maas en Waal 2022",
        domain=("0668", "West Maas en Waal"),
        seats=17,
        subcategory=ElectionSubcategory.GR1,
    )
    count = shared / "data" / "GR2022_WestMaasenWaal" / "Telling_GR2022_WestMaasenWaal.eml.xml"
    _import(uow_factory, definition, count)
    changed = tmp_path / "Telling_gewijzigd.eml.xml"
    changed.write_bytes(count.read_bytes().replace(b"<TransactionId>1<", b"<TransactionId>2<", 1))
    error = _refused(uow_factory, database, changed)
    assert "a count (510b) of authority 0668 for GR2022_WestMaasenWaal is already" in str(error)
    assert "corrigendum" in str(error)


def _west_maas_en_waal_definition(tmp_path: Path, election_date: dt.date) -> Path:
    return write_definition(
        tmp_path,
        "GR2022_WestMaasenWaal",
        name="Gemeenteraad West Maas en Waal 2022",
        domain=("0668", "West Maas en Waal"),
        seats=17,
        subcategory=ElectionSubcategory.GR1,
        election_date=election_date,
    )


def test_a_count_that_disagrees_with_the_definition_is_refused(
    uow_factory: Callable[[], UnitOfWork], database: Database, shared: Path, tmp_path: Path
) -> None:
    """A count for the same election Id but a date a month away is not this election's count
    (the tolerance for dates of one election is a week, osv.model.rules)."""
    _import(uow_factory, _west_maas_en_waal_definition(tmp_path, dt.date(2022, 4, 16)))
    count = shared / "data" / "GR2022_WestMaasenWaal" / "Telling_GR2022_WestMaasenWaal.eml.xml"
    error = _refused(uow_factory, database, count)
    assert "the count (510b) has election date 2022-03-16, but the election definition has " in (
        str(error)
    )


def test_a_count_a_day_off_the_definition_is_imported_with_a_note(
    uow_factory: Callable[[], UnitOfWork], shared: Path, tmp_path: Path
) -> None:
    """The Kiesraad's own files of one election can state dates a day apart (the Caribbean
    kieskring's 510c of TK2023 says 2023-11-21, the rest 2023-11-22): such a file is imported,
    and the import says so."""
    _import(uow_factory, _west_maas_en_waal_definition(tmp_path, dt.date(2022, 3, 17)))
    count = shared / "data" / "GR2022_WestMaasenWaal" / "Telling_GR2022_WestMaasenWaal.eml.xml"
    (outcome,) = _import(uow_factory, count)
    assert outcome.status == "imported"
    assert outcome.notes == (
        "Telling_GR2022_WestMaasenWaal.eml.xml (510b) states election date 2022-03-16, the "
        "election definition 2022-03-17 (1 day apart); accepted: files of one election "
        "identifier may differ by up to a week (the Kiesraad's 510c of the Caribbean kieskring "
        "of TK2023 states the day before the election)",
    )
    with uow_factory() as uow:
        event = uow.audit.events(event="eml.imported", limit=1)[0]
    assert event.data["notes"] == list(outcome.notes)


def test_a_file_that_cannot_be_read_is_refused(
    uow_factory: Callable[[], UnitOfWork], database: Database, tmp_path: Path
) -> None:
    """A missing file is named in the refusal."""
    error = _refused(uow_factory, database, tmp_path / "missing.eml.xml")
    assert "missing.eml.xml: cannot be read" in str(error)
