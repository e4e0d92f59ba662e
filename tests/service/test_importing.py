"""Importing EML files: an election is built up from its files, all of them or none.

These tests import the Kiesraad's sample files and real published files from the ``shared``
folder into a database of their own (SQLite and PostgreSQL) and check what is stored, what the
operator is told and what the audit log records.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from eml.errors import EmlTypeError
from eml.safe import Limits
from eml.xsd import SchemaSet
from osv.model import ElectionSubcategory
from osv.service import queries
from osv.service.demo import DEMO_ELECTION_ID, write_demo
from osv.service.errors import ImportRefused
from osv.service.importing import HashCheck, ImportOutcome, import_files
from osv.store import Database, UnitOfWork
from tests.eml.nomination_files import JUINEN
from tests.service.helpers import Typist, never_asked, write_definition

ACTOR = "alice"


def _import(
    uow_factory: Callable[[], UnitOfWork],
    *paths: Path,
    check: HashCheck,
    schemas: SchemaSet | None = None,
) -> list[ImportOutcome]:
    return import_files(
        uow_factory, list(paths), schemas=schemas, limits=Limits(), hash_check=check, actor=ACTOR
    )


@pytest.fixture
def abacus(shared: Path) -> Path:
    """The Abacus test samples (election GR2022_Test)."""
    return shared / "eml-nl" / "samples" / "abacus-tests"


@pytest.fixture
def juinen(shared: Path) -> Path:
    """The Kiesraad's Juinen sample election (GR2025_Juinen) with its hash file."""
    return shared / "eml-nl" / "samples" / "juinen"


def test_an_election_is_built_from_its_definition_lists_and_polling_stations(
    uow_factory: Callable[[], UnitOfWork], abacus: Path, shared: Path, schemas: SchemaSet
) -> None:
    """Files given in any order are imported 110a, 230b, 110b, and each hash is typed."""
    definition = abacus / "eml110a_test.eml.xml"
    lists = abacus / "eml230b_test.eml.xml"
    stations = shared / "eml-nl/samples/kiesraad-tests/polling_stations/eml110b_test.eml.xml"
    typist = Typist(definition, lists)
    outcomes = _import(uow_factory, stations, lists, definition, check=HashCheck(confirm=typist))
    assert [(o.path, o.message_type, o.status, o.hash_check) for o in outcomes] == [
        (definition, "110a", "imported", "typed-groups"),
        (lists, "230b", "imported", "typed-groups"),
        (stations, "110b", "imported", "not-required"),
    ]
    assert {o.election for o in outcomes} == {"GR2022_Test"}
    assert outcomes[1].digest_matched == "raw"
    assert [name for name, _ in typist.asked] == [definition.name, lists.name]
    [summary] = queries.elections(uow_factory)
    assert (summary.eid, summary.seats, summary.districts) == ("GR2022_Test", 45, 1)
    assert summary.lists == len(queries.lists(uow_factory, None))
    assert summary.candidates == len(queries.candidates(uow_factory, None, None)) > 0
    assert summary.polling_stations == len(queries.polling_stations(uow_factory, None)) == 420


def test_juinen_is_imported_with_the_kiesraads_hash_file(
    uow_factory: Callable[[], UnitOfWork], juinen: Path, schemas: SchemaSet
) -> None:
    """The hash file covers 110a and 230b; the 110b needs no check; nobody is asked."""
    files = sorted(juinen.glob("*.eml.xml"))
    check = HashCheck(hash_file=juinen / "Hashcodes-Juinen.txt", confirm=never_asked)
    outcomes = _import(uow_factory, *files, check=check, schemas=schemas)
    assert [(o.message_type, o.hash_check, o.digest_matched) for o in outcomes] == [
        ("110a", "hash-file", "raw"),
        ("230b", "hash-file", "raw"),
        ("110b", "not-required", None),
    ]
    assert outcomes[0].digest.hex().startswith("fae212ff")
    assert "election definition" in outcomes[0].summary


def test_importing_the_same_files_again_changes_nothing(
    uow_factory: Callable[[], UnitOfWork], juinen: Path, database: Database
) -> None:
    """A second import of the same bytes stores no rows; the log notes the attempt."""
    files = sorted(juinen.glob("*.eml.xml"))
    check = HashCheck(hash_file=juinen / "Hashcodes-Juinen.txt")
    _import(uow_factory, *files, check=check)
    before = database.row_counts()
    again = _import(uow_factory, *files, check=HashCheck(confirm=never_asked))
    assert {o.status for o in again} == {"already-imported"}
    assert [o.hash_check for o in again] == ["hash-file", "hash-file", "not-required"]
    assert "nothing changed" in again[0].summary
    after = database.row_counts()
    assert after.pop("audit_events") == before.pop("audit_events") + 3
    assert after == before
    repeats = queries.audit_events(uow_factory, "GR2025_Juinen")[-3:]
    assert {event.event for event in repeats} == {"eml.already_imported"}


def test_the_same_file_twice_in_one_import_is_stored_once(
    uow_factory: Callable[[], UnitOfWork], juinen: Path, tmp_path: Path
) -> None:
    """A copy of a file under another name is recognised by its SHA-256."""
    original = juinen / "eml110a_verkiezingsdefinitie-juinen.eml.xml"
    copy = tmp_path / "copy.eml.xml"
    copy.write_bytes(original.read_bytes())
    outcomes = _import(uow_factory, original, copy, check=HashCheck(skip=True))
    assert [o.status for o in outcomes] == ["imported", "already-imported"]
    assert str(original) in outcomes[1].summary


def test_every_import_is_in_the_audit_log_with_actor_hash_and_check(
    uow_factory: Callable[[], UnitOfWork], juinen: Path
) -> None:
    """The log holds file name, type, full SHA-256, how the hash was checked and counts."""
    files = sorted(juinen.glob("*.eml.xml"))
    outcomes = _import(
        uow_factory, *files, check=HashCheck(hash_file=juinen / "Hashcodes-Juinen.txt")
    )
    events = queries.audit_events(uow_factory, "GR2025_Juinen")
    assert [event.event for event in events] == ["eml.imported"] * 3
    assert {event.actor for event in events} == {ACTOR}
    first = events[0].data
    assert first["file"] == "eml110a_verkiezingsdefinitie-juinen.eml.xml"
    assert first["message_type"] == "110a"
    assert first["sha256"] == outcomes[0].digest.hex()
    assert first["hash_check"] == "hash-file"
    assert first["digest_matched"] == "raw"
    assert events[1].data["counts"]["candidates"] > 0
    assert events[2].data["counts"]["polling_stations"] > 0


def test_a_real_municipal_election_is_imported_after_its_definition(
    uow_factory: Callable[[], UnitOfWork], shared: Path, tmp_path: Path, schemas: SchemaSet
) -> None:
    """West Maas en Waal 2022: OSV2020's lists, count and result, after a written 110a.

    OSV2020 wrote these files already in canonical form, so the raw hash and the C14N hash are
    the same and the first one shown matches.
    """
    folder = shared / "data" / "GR2022_WestMaasenWaal"
    definition = write_definition(
        tmp_path,
        "GR2022_WestMaasenWaal",
        name="Gemeenteraad West Maas en Waal 2022",
        domain=("0668", "West Maas en Waal"),
        seats=17,
        subcategory=ElectionSubcategory.GR1,
    )
    lists = folder / "Kandidatenlijsten_GR2022_WestMaasenWaal.eml.xml"
    count = folder / "Telling_GR2022_WestMaasenWaal.eml.xml"
    result = folder / "Resultaat_GR2022_WestMaasenWaal.eml.xml"
    typist = Typist(definition, lists, count)
    outcomes = _import(
        uow_factory,
        result,
        count,
        lists,
        definition,
        check=HashCheck(confirm=typist),
        schemas=schemas,
    )
    assert [(o.message_type, o.hash_check, o.digest_matched) for o in outcomes] == [
        ("110a", "typed-groups", "raw"),
        ("230b", "typed-groups", "raw"),
        ("510b", "typed-groups", "raw"),
        ("520", "not-required", None),
    ]
    assert [name for name, _ in typist.asked] == [definition.name, lists.name, count.name]
    assert "21 reporting units" in outcomes[2].summary
    assert "17 elected candidates" in outcomes[3].summary
    [summary] = queries.elections(uow_factory)
    assert (summary.lists, summary.count_files, summary.results) == (8, 1, 1)


def test_a_city_count_file_is_imported_whole(
    uow_factory: Callable[[], UnitOfWork], shared: Path, tmp_path: Path
) -> None:
    """Delft 2022: 66 polling stations, 3.6 MB: read, checked and stored whole (how long that
    takes is measured in benchmarks/, not asserted)."""
    definition = write_definition(
        tmp_path,
        "GR2022_Delft",
        name="Gemeenteraad Delft 2022",
        domain=("0503", "Delft"),
        seats=39,
        subcategory=ElectionSubcategory.GR2,
    )
    count = shared / "data" / "GR2022" / "Telling_GR2022_Delft.eml.xml"
    _import(uow_factory, definition, check=HashCheck(skip=True))
    [outcome] = _import(uow_factory, count, check=HashCheck(skip=True))  # benchmarks/cli.py
    assert outcome.status == "imported"
    assert "66 reporting units" in outcome.summary
    with uow_factory() as uow:
        [stored] = uow.counts.all("GR2022_Delft")
    units = stored.contests[0].reporting_units
    assert len(units) == 66
    candidate_votes = sum(len(lv.candidates) for unit in units for lv in unit.votes.lists)
    assert candidate_votes == 27_192


def test_the_demo_election_with_its_count_is_imported_with_its_hash_file(
    uow_factory: Callable[[], UnitOfWork], tmp_path: Path, schemas: SchemaSet
) -> None:
    """OSV's own files: 110a, 230b and 510b are checked against the demo's hash file."""
    paths = write_demo(tmp_path, with_counts=True, schemas=schemas)
    hash_file = next(path for path in paths if path.suffix == ".txt")
    files = [path for path in paths if path != hash_file]
    outcomes = _import(
        uow_factory, *files, check=HashCheck(hash_file=hash_file, confirm=never_asked)
    )
    assert [(o.message_type, o.hash_check) for o in outcomes] == [
        ("110a", "hash-file"),
        ("230b", "hash-file"),
        ("110b", "not-required"),
        ("510b", "hash-file"),
    ]
    assert {o.election for o in outcomes} == {DEMO_ELECTION_ID}


def test_a_change_by_another_process_while_the_operator_types_is_noticed(
    uow_factory: Callable[[], UnitOfWork], abacus: Path, tmp_path: Path
) -> None:
    """The checks run again inside the storing transaction.

    While the operator types the hash groups of a 110a, another process imports a different
    definition of the same election. The import must then be refused, not stored twice.
    """
    original = abacus / "eml110a_test.eml.xml"
    other = tmp_path / "other.eml.xml"
    other.write_bytes(original.read_bytes().replace(b"NumberOfSeats>45<", b"NumberOfSeats>43<"))
    typist = Typist(original)

    def type_while_another_imports(path: Path, shown: str) -> tuple[str, str]:
        _import(uow_factory, other, check=HashCheck(skip=True))
        return typist(path, shown)

    with pytest.raises(ImportRefused, match="a different election definition of GR2022_Test"):
        _import(uow_factory, original, check=HashCheck(confirm=type_while_another_imports))
    with uow_factory() as uow:
        stored = uow.elections.get("GR2022_Test")
    assert stored is not None
    assert stored.number_of_seats == 43


def test_a_nomination_is_refused_and_nothing_is_stored(
    uow_factory: Callable[[], UnitOfWork], tmp_path: Path
) -> None:
    """A party's 210 is candidacy input, not election data: ``osv import`` refuses it by type."""
    path = tmp_path / "Kandidaatstelling.eml.xml"
    path.write_bytes(JUINEN)
    with pytest.raises(
        EmlTypeError, match=r"is an EML 210 file, but 110a, 110b, 230b, .* expected"
    ):
        _import(uow_factory, path, check=HashCheck(confirm=never_asked))
    assert queries.elections(uow_factory) == []
