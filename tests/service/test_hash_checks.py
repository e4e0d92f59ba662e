"""The integrity-hash check on import: hash file, typed groups, explicit skip, or refusal.

The hash ties an EML file to its paper report (eml-nl.md §8). These tests use the Kiesraad's
Juinen sample with its hash file, and an operator (:class:`Typist`) who reads the paper.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import pytest

from eml.hash import HashFileEntry, c14n_digest, write_hash_file
from eml.safe import Limits
from osv.service import queries
from osv.service.errors import HashMismatchError, HashNotCheckedError
from osv.service.importing import HashCheck, ImportOutcome, import_files
from osv.store import Database, UnitOfWork
from tests.service.helpers import Typist, never_asked


@pytest.fixture
def juinen(shared: Path) -> Path:
    """The Kiesraad's Juinen sample election (GR2025_Juinen) with its hash file."""
    return shared / "eml-nl" / "samples" / "juinen"


@pytest.fixture
def definition(juinen: Path) -> Path:
    """Juinen's election definition (110a)."""
    return juinen / "eml110a_verkiezingsdefinitie-juinen.eml.xml"


def _import(
    uow_factory: Callable[[], UnitOfWork], check: HashCheck, *paths: Path
) -> list[ImportOutcome]:
    return import_files(
        uow_factory, list(paths), schemas=None, limits=Limits(), hash_check=check, actor="carol"
    )


def _hash_file(folder: Path, entries: list[tuple[str, bytes]], upper: bool = False) -> Path:
    """A hash file in the Kiesraad's format (with byte-order mark), hashes upper-case if asked."""
    text = write_hash_file([HashFileEntry(name, digest) for name, digest in entries])
    if upper:
        text = "\n".join(
            line if line.startswith("eml_hash") else line.upper() for line in text.split("\n")
        )
    path = folder / "Hashcodes.txt"
    path.write_text("\ufeff" + text, encoding="utf-8")
    return path


def test_a_hash_file_entry_that_matches_is_accepted_without_asking(
    uow_factory: Callable[[], UnitOfWork], juinen: Path, definition: Path
) -> None:
    """The Kiesraad's hash file is matched by file name; nobody has to type anything."""
    check = HashCheck(hash_file=juinen / "Hashcodes-Juinen.txt", confirm=never_asked)
    [outcome] = _import(uow_factory, check, definition)
    assert (outcome.hash_check, outcome.digest_matched) == ("hash-file", "raw")


def test_a_hash_file_entry_that_differs_refuses_the_file(
    uow_factory: Callable[[], UnitOfWork], database: Database, definition: Path, tmp_path: Path
) -> None:
    """A different hash means a different file: refused, without falling back to asking."""
    hash_file = _hash_file(tmp_path, [(definition.name, hashlib.sha256(b"other").digest())])
    before = database.row_counts()
    with pytest.raises(HashMismatchError, match="not the file the hash was made for"):
        _import(uow_factory, HashCheck(hash_file=hash_file, confirm=never_asked), definition)
    assert database.row_counts() == before


def test_a_file_missing_from_the_hash_file_is_checked_by_the_operator(
    uow_factory: Callable[[], UnitOfWork], juinen: Path, definition: Path, tmp_path: Path
) -> None:
    """Files the hash file does not list fall back to typed groups."""
    hash_file = _hash_file(tmp_path, [("another.eml.xml", bytes(32))])
    typist = Typist(definition)
    [outcome] = _import(uow_factory, HashCheck(hash_file=hash_file, confirm=typist), definition)
    assert outcome.hash_check == "typed-groups"
    assert len(typist.asked) == 1


def test_the_right_typed_groups_accept_the_file(
    uow_factory: Callable[[], UnitOfWork], definition: Path
) -> None:
    """The operator sees the hash with two groups hidden and types them from the paper."""
    typist = Typist(definition)
    [outcome] = _import(uow_factory, HashCheck(confirm=typist), definition)
    assert (outcome.hash_check, outcome.digest_matched) == ("typed-groups", "raw")
    [(name, shown)] = typist.asked
    assert name == definition.name
    assert shown.count("····") == 2
    assert shown.startswith("fae2") or shown.startswith("····")


def test_wrong_typed_groups_refuse_the_file(
    uow_factory: Callable[[], UnitOfWork], database: Database, definition: Path
) -> None:
    """Groups that differ from the hash refuse the file; nothing is stored."""
    before = database.row_counts()
    with pytest.raises(HashMismatchError, match="typed groups differ"):
        _import(uow_factory, HashCheck(confirm=Typist(definition, wrong=True)), definition)
    assert database.row_counts() == before


def test_a_skipped_check_is_recorded_in_the_audit_log(
    uow_factory: Callable[[], UnitOfWork], definition: Path
) -> None:
    """Skipping is allowed only explicitly, and the log says so, with who skipped."""
    [outcome] = _import(uow_factory, HashCheck(skip=True), definition)
    assert outcome.hash_check == "skipped"
    [event] = queries.audit_events(uow_factory, "GR2025_Juinen")
    assert (event.actor, event.data["hash_check"]) == ("carol", "skipped")
    assert event.data["sha256"] == outcome.digest.hex()


def test_without_any_way_to_check_the_hash_the_file_is_refused(
    uow_factory: Callable[[], UnitOfWork], database: Database, definition: Path
) -> None:
    """The refusal tells the three ways to provide the check."""
    before = database.row_counts()
    with pytest.raises(HashNotCheckedError) as caught:
        _import(uow_factory, HashCheck(), definition)
    message = str(caught.value)
    assert "hash file" in message
    assert "type the two hidden groups" in message
    assert "skip the check explicitly" in message
    assert database.row_counts() == before


def test_polling_stations_need_no_hash_check(
    uow_factory: Callable[[], UnitOfWork], juinen: Path, definition: Path
) -> None:
    """A 110b has no paper report with a hash: nothing is asked for it."""
    stations = juinen / "eml110b_stembureaulijst-juinen.eml.xml"
    outcomes = _import(uow_factory, HashCheck(confirm=Typist(definition)), stations, definition)
    assert [o.hash_check for o in outcomes] == ["typed-groups", "not-required"]


def test_an_osv2020_hash_of_the_canonical_form_is_accepted_and_recorded(
    uow_factory: Callable[[], UnitOfWork], shared: Path
) -> None:
    """A file declaring C14N: the raw hash is asked first, then the canonical one.

    The operator's paper shows the C14N-with-comments hash (as OSV2020 printed it); the groups
    typed for the raw hash do not match, those for the C14N hash do, and "c14n" is recorded.
    """
    abacus = shared / "eml-nl" / "samples" / "abacus-tests"
    definition, lists = abacus / "eml110a_test.eml.xml", abacus / "eml230b_test.eml.xml"
    typist = Typist(lists, c14n=True)
    check = HashCheck(
        confirm=lambda path, shown: typist(path, shown) if path == lists else ("", ""),
        skip=False,
    )
    _import(uow_factory, HashCheck(skip=True), definition)
    [outcome] = _import(uow_factory, check, lists)
    assert (outcome.hash_check, outcome.digest_matched) == ("typed-groups", "c14n")
    assert len(typist.asked) == 2
    with uow_factory() as uow:
        record = uow.files.get("GR2022_Test", outcome.digest.hex())
    assert record is not None
    assert record.digest_matched == "c14n"


def test_a_hash_file_with_the_canonical_hash_in_capitals_is_accepted(
    uow_factory: Callable[[], UnitOfWork], shared: Path, tmp_path: Path
) -> None:
    """OSV2020 printed the C14N hash in upper-case hex; the hash file may copy it so."""
    abacus = shared / "eml-nl" / "samples" / "abacus-tests"
    definition, lists = abacus / "eml110a_test.eml.xml", abacus / "eml230b_test.eml.xml"
    hash_file = _hash_file(tmp_path, [(lists.name, c14n_digest(lists.read_bytes()))], upper=True)
    _import(uow_factory, HashCheck(skip=True), definition)
    [outcome] = _import(uow_factory, HashCheck(hash_file=hash_file, confirm=never_asked), lists)
    assert (outcome.hash_check, outcome.digest_matched) == ("hash-file", "c14n")
