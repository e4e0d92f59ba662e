"""Every real published file under ``../shared/data``, through the path it belongs to.

This is the regression suite on what the Kiesraad and the municipalities publish. Nothing here
names a file: the files are found when the tests are collected, grouped by folder and election
(``ElectionIdentifier Id``), and each group goes through what OSV does with such files:

* **read**: every file is read (validated against the official schemas) and summarised;
* **import**: an election with its definition (110a) is imported with its candidate lists
  (230b) and polling stations (110b), and the store holds what the files say;
* **result at its level**: the published result (520) is recomputed from the published counts
  and must be equal, elected candidates in order, ranking flags and (with the 230b) names
  (``osv verify``), and OSV's own 510d and 520 must equal the published ones where published;
  a published district count (510c) must equal OSV's HSB on the municipalities' counts; a
  municipal count of an election with several districts is added up by OSV's HSB.

A file dropped into ``../shared/data`` (say the Kiesraad's whole TK2023 set: 110a, 20 × 230b,
20 × 510c, 510d, 520) is picked up by the next run without a change here.
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest

from eml import Eml110a, Eml230b, Eml510, Eml520, SchemaSet, read_eml
from eml.documents import MessageType
from eml.inspect import inspect
from eml.safe import Limits
from osv.service.hash_checks import HashCheck
from osv.service.importing import import_files
from osv.service.result.counts import read_count_file
from osv.service.result.csb import run_csb
from osv.service.result.files import FoundFile, peek_file
from osv.service.result.hsb import run_hsb
from osv.service.result.verify import verify
from osv.store import open_database
from tests.conftest import SHARED, unavailable

_CREATED = dt.datetime(2026, 1, 1, 12, 0)
#: Large enough for the Kiesraad's biggest count files (a TK 510c is about 3.3 MB).
_LIMITS = Limits(max_bytes=200 * 1024 * 1024)


@dataclass(frozen=True)
class Group:
    """The files of one election in one folder of ``../shared/data``."""

    name: str
    files: tuple[FoundFile, ...]

    def of(self, *types: MessageType) -> list[FoundFile]:
        return [found for found in self.files if found.message_type in types]

    def copy(self, folder: Path, *types: MessageType) -> Path:
        """The group's files (of ``types``, or all) in a folder of their own."""
        folder.mkdir(parents=True, exist_ok=True)
        for found in self.of(*types) if types else self.files:
            shutil.copyfile(found.path, folder / found.name)
        return folder

    def __str__(self) -> str:
        return self.name


def _real_files() -> list[Path]:
    if SHARED is None:
        return []
    return sorted((SHARED / "data").rglob("*.xml"))


def _groups() -> list[Group]:
    if SHARED is None:
        return []
    grouped: dict[tuple[Path, str], list[FoundFile]] = {}
    for path in _real_files():
        found = peek_file(path, _LIMITS)
        grouped.setdefault((path.parent, found.identifier.id), []).append(found)
    data = SHARED / "data"
    return [
        Group(f"{folder.relative_to(data)}/{election}", tuple(files))
        for (folder, election), files in sorted(grouped.items())
    ]


FILES = _real_files()
GROUPS = _groups()
_NOT_FOUND = "the shared folder with the Kiesraad's files is absent (expected ../shared)"


def _ids(paths: list[Path]) -> list[str]:
    assert SHARED is not None or not paths
    return [str(path.relative_to(SHARED / "data")) for path in paths] if SHARED else []


def _with(*types: MessageType, without: tuple[MessageType, ...] = ()) -> list[Group]:
    """The groups that have files of every one of ``types`` and none of ``without``."""
    return [
        group
        for group in GROUPS
        if all(group.of(kind) for kind in types) and not any(group.of(k) for k in without)
    ]


def test_the_real_files_are_found() -> None:
    """Without them this suite tests nothing (CI has them; see the README)."""
    if SHARED is None:
        unavailable(_NOT_FOUND)
    assert len(FILES) >= 23
    assert {found.message_type for group in GROUPS for found in group.files} >= {
        MessageType.ELECTION_DEFINITION,
        MessageType.CANDIDATE_LISTS,
        MessageType.COUNT_MUNICIPALITY,
        MessageType.RESULT,
    }


@pytest.mark.parametrize("path", FILES, ids=_ids(FILES))
def test_every_real_file_is_read_and_summarised(path: Path, schemas: SchemaSet) -> None:
    """Read with the official schemas: valid, and summarised as what its EML Id says."""
    result = read_eml(path, schemas=schemas, limits=_LIMITS)
    assert result.validated
    summary = inspect(result)
    assert summary["type"] == result.document.message_type.value
    assert str(summary["sha256"]).replace(" ", "") == result.digest.hex()


_DEFINED = _with(MessageType.ELECTION_DEFINITION)


@pytest.mark.parametrize("group", _DEFINED, ids=[str(g) for g in _DEFINED])
def test_every_real_election_is_imported_with_its_lists(
    group: Group, tmp_path: Path, schemas: SchemaSet
) -> None:
    """The definition, candidate lists and polling stations are stored as the files say."""
    paths = [
        found.path
        for found in group.of(
            MessageType.ELECTION_DEFINITION,
            MessageType.CANDIDATE_LISTS,
            MessageType.POLLING_STATIONS,
        )
    ]
    database = open_database(f"sqlite:///{tmp_path / 'osv.sqlite3'}")
    database.ensure_schema()
    try:
        outcomes = import_files(
            database.unit_of_work,
            paths,
            schemas=schemas,
            limits=_LIMITS,
            hash_check=HashCheck(skip=True),
            actor="test",
        )
        assert [o.status for o in outcomes] == ["imported"] * len(paths)
        (definition,) = group.of(MessageType.ELECTION_DEFINITION)
        document = read_eml(definition.path, limits=_LIMITS).document
        assert isinstance(document, Eml110a)
        with database.unit_of_work() as uow:
            stored = uow.elections.get(document.election.identifier.id)
            assert stored == document.election
            for found in group.of(MessageType.CANDIDATE_LISTS):
                lists = read_eml(found.path, limits=_LIMITS).document
                assert isinstance(lists, Eml230b)
                for contest in lists.contests:
                    assert uow.candidate_lists.get(stored.identifier.id, contest.id) == contest
    finally:
        database.close()


_COUNTED = [
    g
    for g in _with(MessageType.RESULT)
    if g.of(MessageType.COUNT_MUNICIPALITY, MessageType.COUNT_DISTRICT, MessageType.COUNT_TOTAL)
]


def _seats(group: Group) -> int | None:
    """``--seats`` where there is no 110a: the number of elected in the published 520."""
    if group.of(MessageType.ELECTION_DEFINITION):
        return None
    (found,) = group.of(MessageType.RESULT)
    document = read_eml(found.path, limits=_LIMITS).document
    assert isinstance(document, Eml520)
    return sum(len(lst.candidates) for contest in document.contests for lst in contest.lists)


@pytest.mark.parametrize("group", _COUNTED, ids=[str(g) for g in _COUNTED])
def test_every_published_result_is_recomputed_exactly(
    group: Group, tmp_path: Path, schemas: SchemaSet
) -> None:
    """``osv verify``: votes, seats, the elected in their order with their ranking flags (and
    names where the 230b is published) equal the recomputation; no identifier mismatch (S.201)
    between published totals and their parts."""
    folder = group.copy(tmp_path / "in")
    verification = verify(folder, seats=_seats(group), schemas=schemas, limits=_LIMITS)
    differences = [d for check in verification.checks for d in check.differences]
    assert verification.verdict == "verified", differences[:5]
    assert not [f for f in verification.findings if f.code == "S.201"]


@pytest.mark.parametrize("group", _COUNTED, ids=[str(g) for g in _COUNTED])
def test_osv_writes_the_published_total_count_and_result(
    group: Group, tmp_path: Path, schemas: SchemaSet
) -> None:
    """OSV's CSB on the published counts writes a 520 equal to the published one (lists,
    elected in order, ranking, names) and a 510d whose numbers equal the published 510d's."""
    folder = group.copy(
        tmp_path / "in",
        MessageType.ELECTION_DEFINITION,
        MessageType.CANDIDATE_LISTS,
        MessageType.POLLING_STATIONS,
        *_lowest(group),
    )
    out = tmp_path / "out"
    outcome = run_csb(folder, out, seats=_seats(group), schemas=schemas, created=_CREATED)
    assert outcome.result.status == "complete"
    (published_result,) = group.of(MessageType.RESULT)
    if outcome.result.names_known:
        ours = read_eml(next(out.glob("Resultaat_*.eml.xml"))).document
        theirs = read_eml(published_result.path, limits=_LIMITS).document
        assert isinstance(ours, Eml520)
        assert isinstance(theirs, Eml520)
        assert _elected(ours) == _elected(theirs)
    for found in group.of(MessageType.COUNT_TOTAL):
        if found.message_type in _lowest(group):
            continue
        ours_total = read_eml(next(out.glob("Totaaltelling_*.eml.xml"))).document
        theirs_total = read_eml(found.path, limits=_LIMITS).document
        assert isinstance(ours_total, Eml510)
        assert isinstance(theirs_total, Eml510)
        assert _numbers(ours_total) == _numbers(theirs_total)


def _lowest(group: Group) -> tuple[MessageType, ...]:
    for level in (
        MessageType.COUNT_MUNICIPALITY,
        MessageType.COUNT_DISTRICT,
        MessageType.COUNT_TOTAL,
    ):
        if group.of(level):
            return (level,)
    return ()


def _elected(document: Eml520) -> dict[int, list[tuple[str, str, int | None]]]:
    """Per list: each elected candidate's name, ShortCode (when written) and ranking, in order."""
    return {
        lst.number: [
            (e.candidate.name.full, e.candidate.locality or "", e.ranking) for e in lst.candidates
        ]
        for contest in document.contests
        for lst in contest.lists
    }


def _numbers(document: Eml510) -> dict[str, object]:
    """The numbers of a 510d: the total's and every unit's votes per list, the total's
    candidate votes per list as a multiset (ShortCodes are keys, not numbers), and each unit's
    candidate votes by number."""
    contest = document.contests[0]
    total = contest.total
    assert total is not None
    return {
        "total": (total.cast, total.total_counted, sorted(total.rejected.items())),
        "lists": {lst.number: lst.votes for lst in total.lists},
        "candidates": {
            lst.number: sorted(Counter(c.votes for c in lst.candidates).items())
            for lst in total.lists
        },
        "units": {
            unit.id: {
                lst.number: (lst.votes, {c.number: c.votes for c in lst.candidates})
                for lst in unit.votes.lists
            }
            for unit in contest.reporting_units
        },
    }


_COUNTS = [
    (group, found)
    for group in GROUPS
    for found in group.of(
        MessageType.COUNT_MUNICIPALITY, MessageType.COUNT_DISTRICT, MessageType.COUNT_TOTAL
    )
]


@pytest.mark.parametrize(("group", "found"), _COUNTS, ids=[f"{g}/{f.name}" for g, f in _COUNTS])
def test_every_published_count_is_its_parts_added_up(
    group: Group, found: FoundFile, tmp_path: Path, schemas: SchemaSet
) -> None:
    """A count's stated total (TotalVotes) is exactly the sum of its reporting units: no error
    of the S codes (a vote quantity that does not add up, lists, candidates or units that do
    not match; S.101 on eligible voters is a warning and may occur); a 510d's total,
    keyed by ShortCode, against its kieskringen added up by ShortCode. Where a district count
    (510c) is published beside its municipalities' counts, OSV's HSB adds those up to the same
    numbers, municipality by municipality."""
    counted = read_count_file(found, schemas=schemas, limits=_LIMITS)
    errors = [f for f in counted.findings if f.code.startswith("S.") and f.severity == "error"]
    assert not errors, errors[:5]
    if found.message_type is not MessageType.COUNT_DISTRICT:
        return
    published = read_eml(found.path, limits=_LIMITS).document
    assert isinstance(published, Eml510)
    district = published.contests[0].contest_id
    municipal = [m for m in group.of(MessageType.COUNT_MUNICIPALITY) if _contest(m) == district]
    if not municipal:
        return  # the municipalities' counts are not published beside it
    hsb = group.copy(tmp_path / "hsb", MessageType.ELECTION_DEFINITION)
    for m in municipal:
        shutil.copyfile(m.path, hsb / m.name)
    outcome = run_hsb(hsb, tmp_path / "out", schemas=schemas, created=_CREATED)
    ours = read_eml(outcome.written.path).document
    assert isinstance(ours, Eml510)
    assert ours.contests[0].total == published.contests[0].total
    assert {u.id: u.votes for u in ours.contests[0].reporting_units} == {
        u.id: u.votes for u in published.contests[0].reporting_units
    }


def _contest(found: FoundFile) -> str:
    document = read_eml(found.path, limits=_LIMITS).document
    assert isinstance(document, Eml510)
    return document.contests[0].contest_id


_MUNICIPAL_ONLY = [
    g
    for g in _with(MessageType.COUNT_MUNICIPALITY, without=(MessageType.COUNT_DISTRICT,))
    if any(
        found.identifier.category.value == "TK" or found.identifier.subcategory == "PS2"
        for found in g.files
    )
]


@pytest.mark.parametrize("group", _MUNICIPAL_ONLY, ids=[str(g) for g in _MUNICIPAL_ONLY])
def test_every_municipal_count_of_a_kieskring_is_added_up_by_the_hsb(
    group: Group, tmp_path: Path, schemas: SchemaSet
) -> None:
    """A municipal count (510b) of an election with several kieskringen goes to its HSB: the
    district count OSV writes holds the municipality's stated total, unchanged."""
    for municipal in group.of(MessageType.COUNT_MUNICIPALITY):
        document = read_eml(municipal.path, limits=_LIMITS).document
        assert isinstance(document, Eml510)
        folder = tmp_path / municipal.name
        folder.mkdir()
        shutil.copyfile(municipal.path, folder / municipal.name)
        outcome = run_hsb(
            folder, tmp_path / f"out-{municipal.name}", schemas=schemas, created=_CREATED
        )
        assert not outcome.coverage.checked  # no 110a of that election beside it: said loudly
        written = read_eml(outcome.written.path).document
        assert isinstance(written, Eml510)
        (unit,) = written.contests[0].reporting_units
        assert unit.votes == document.contests[0].total
