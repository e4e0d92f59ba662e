"""A Tweede Kamer election from 510b files to the 520, on generated data
(tests.demo_national).

150 seats, 20 districts, 30 parties: sets of identical lists in every district, one lijstengroep
(party 3: one list for districts 1–10, another for 11–20, sharing their first persons) and a
party in district 1 only (party 30). Small here (200 polling stations, lists of 8) so the test is
quick; benchmarks/result.py runs the full scale.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from eml import Eml510, Eml520, SchemaSet, read_eml
from eml.documents import MessageType
from osv.service.result.csb import run_csb
from osv.service.result.hsb import run_hsb
from osv.service.result.multi_district import person_key
from tests.demo_national import (
    ABROAD_CODE,
    ABROAD_DISTRICT,
    GROUP_PARTY,
    LOCAL_PARTY,
    write_national,
)
from tests.result.conftest import Run

_CREATED = dt.datetime(2026, 11, 2, 10, 0)


@pytest.fixture(scope="module")
def election(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("tk") / "in"
    write_national(folder, scale=0.02, max_candidates=8)
    return folder


@pytest.fixture(scope="module")
def result(election: Path, tmp_path_factory: pytest.TempPathFactory, schemas: SchemaSet):  # type: ignore[no-untyped-def]
    out = tmp_path_factory.mktemp("tk") / "out"
    return run_csb(election, out, schemas=schemas, created=_CREATED), out


def test_the_result_is_complete_with_valid_510d_and_520(result) -> None:  # type: ignore[no-untyped-def]
    outcome, out = result
    assert outcome.result.status == "complete"
    assert sum(lst.seats for lst in outcome.result.lists) == 150
    total = read_eml(out / "Totaaltelling_TK2026.eml.xml").document
    assert isinstance(total, Eml510)
    assert total.contests[0].contest_id == "alle"
    assert [u.id for u in total.contests[0].reporting_units] == [f"HSB{d}" for d in range(1, 21)]
    published = read_eml(out / "Resultaat_TK2026.eml.xml").document
    assert isinstance(published, Eml520)
    seats = {lst.number: lst.seats for lst in outcome.result.lists if lst.seats}
    assert {lst.number: len(lst.candidates) for lst in published.contests[0].lists} == seats


def test_every_party_gets_its_votes_from_all_districts(election: Path, result) -> None:  # type: ignore[no-untyped-def]
    """A party's votes are the sum of its candidates' votes over every municipality (P 2)."""
    outcome, _ = result
    votes: dict[int, int] = {}
    for path in sorted(election.glob("Telling_*.eml.xml")):
        document = read_eml(path).document
        assert isinstance(document, Eml510)
        total = document.contests[0].total
        assert total is not None
        for lst in total.lists:
            votes[lst.number] = votes.get(lst.number, 0) + lst.candidate_total
    assert {lst.number: lst.votes for lst in outcome.result.lists} == votes


def test_the_group_shares_persons_and_sums_their_votes(election: Path, result) -> None:  # type: ignore[no-untyped-def]
    """Party 3's two lists share their first persons: each is one person, elected once, with the
    votes of both lists (P 15, P 16)."""
    outcome, _ = result
    group = next(lst for lst in outcome.result.lists if lst.number == GROUP_PARTY)
    assert group.seats > 0
    keys = [(p.district, p.candidate_number) for p in group.elected]
    names = [(p.name.last_name, p.name.first_name, p.locality) for p in group.elected]
    assert len(set(names)) == len(names)  # nobody twice
    assert {district for district, _ in keys} <= {"1", "11"}
    first = group.elected[0]
    votes_1 = _candidate_votes(election, range(1, 11), first.candidate_number)
    votes_11 = _candidate_votes(election, range(11, 21), first.candidate_number)
    if first.candidate_number <= 4:  # shared by both lists (half of a list of 8)
        assert first.votes == votes_1 + votes_11
    local = next(lst for lst in outcome.result.lists if lst.number == LOCAL_PARTY)
    assert all(p.district == "1" for p in local.elected)


def _candidate_votes(election: Path, districts: range, number: int) -> int:
    total = 0
    for path in sorted(election.glob("Telling_*.eml.xml")):
        document = read_eml(path).document
        assert isinstance(document, Eml510)
        contest = document.contests[0]
        if int(contest.contest_id) not in districts or contest.total is None:
            continue
        lst = contest.total.list(GROUP_PARTY)
        if lst is not None:
            total += sum(c.votes for c in lst.candidates if c.number == number)
    return total


def test_district_counts_give_the_same_result(  # type: ignore[no-untyped-def]
    election: Path, result, tmp_path: Path, schemas: SchemaSet
) -> None:
    """HSB per district (510c), then the CSB from the 510c files: the same seats and persons."""
    outcome, _ = result
    central = tmp_path / "central"
    central.mkdir()
    for path in election.iterdir():
        if not path.name.startswith("Telling_"):
            shutil.copy(path, central / path.name)
    for district in range(1, 21):
        folder = tmp_path / f"d{district}"
        folder.mkdir()
        for path in election.glob("Telling_*.eml.xml"):
            document = read_eml(path).document
            assert isinstance(document, Eml510)
            if document.contests[0].contest_id == str(district):
                shutil.copy(path, folder / path.name)
        shutil.copy(election / "Verkiezingsdefinitie_TK2026.eml.xml", folder)
        run_hsb(folder, central, schemas=schemas, created=_CREATED)
    again = run_csb(central, tmp_path / "out", schemas=schemas, created=_CREATED)
    assert again.result.lists == outcome.result.lists
    district = read_eml(next(central.glob(f"Telling_TK2026_kieskring_*{ABROAD_DISTRICT}.eml.xml")))
    assert isinstance(district.document, Eml510)
    units = [u.id for u in district.document.contests[0].reporting_units]
    assert ABROAD_CODE in units  # the postal votes from abroad are in their district


def test_verify_accepts_the_result_and_refuses_a_tampered_one(  # type: ignore[no-untyped-def]
    election: Path, result, tmp_path: Path, osv: Run
) -> None:
    _, out = result
    folder = tmp_path / "published"
    shutil.copytree(election, folder)
    for name in ("Totaaltelling_TK2026.eml.xml", "Resultaat_TK2026.eml.xml"):
        shutil.copy(out / name, folder / name)
    checked = osv("verify", folder)
    assert checked.exit_code == 0, checked.output
    assert "VERIFIED: TK2026" in checked.stdout
    path = folder / "Resultaat_TK2026.eml.xml"
    text = path.read_text(encoding="utf-8")
    first = text.index(":LastName>") + len(":LastName>")
    path.write_text(text[:first] + "X" + text[first:], encoding="utf-8")
    tampered = osv("verify", folder)
    assert tampered.exit_code == 1
    assert "NOT VERIFIED" in tampered.stdout


def test_a_person_is_the_same_on_every_list_by_name_and_place(election: Path) -> None:
    lists = [read_eml(p).document for p in sorted(election.glob("Kandidatenlijsten_*.eml.xml"))]
    first = lists[0].contests[0].list(1)  # type: ignore[union-attr]
    last = lists[-1].contests[0].list(1)  # type: ignore[union-attr]
    assert first is not None
    assert last is not None
    assert [person_key(c) for c in first.candidates] == [person_key(c) for c in last.candidates]


def test_reading_in_worker_processes_gives_the_same_counts(
    election: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Large sets are read by a worker process per core (osv.service.result.counts); the
    counts, findings, files and their hashes are the same as read here, one by one, and the
    progress is told after every file."""
    from osv.service.result import counts as module
    from osv.service.result.files import find_election_files

    files = find_election_files(election)
    municipal = files.of(MessageType.COUNT_MUNICIPALITY)
    here = module.read_count_source(files.identifier, municipal, multi_district=True)
    monkeypatch.setattr(module, "PARALLEL_FROM_BYTES", 0)
    told: list[tuple[int, int, int, int]] = []
    workers = module.read_count_source(
        files.identifier,
        municipal,
        multi_district=True,
        progress=lambda *args: told.append(args),
    )
    assert workers == here
    assert [done for done, *_ in told] == list(range(1, len(municipal) + 1))
    assert told[-1][2] == told[-1][3] == sum(f.path.stat().st_size for f in municipal)


def test_the_csb_keeps_only_the_list_totals_of_each_municipality(election: Path) -> None:
    """A national count keeps per municipality only its list totals (its candidates are in its
    district's sum), so memory does not grow with the number of files; the districts' sums are
    those of the full counts."""
    from osv.service.result.inputs import read_inputs

    slim = read_inputs(election, keep_parts=False).counts
    full = read_inputs(election).counts
    assert slim.districts == full.districts
    assert all(not lst.candidates for part in slim.parts for lst in part.votes.lists)
    assert all(part.recomputed is None for part in slim.parts)
    assert [p.id for p in slim.parts] == [p.id for p in full.parts]
