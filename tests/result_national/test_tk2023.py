"""The Tweede Kamer on the real TK2023 election tree: what the Kiesraad publishes is read, an
incomplete count is never published, and the elected are in the Kiesraad's order.

Each test reproduces one defect of issue 14 that a new user found on the Kiesraad's TK2023 files
(the numbers in brackets); the set is built by :mod:`tests.result_national.tk2023` from the real
110a with generated lists and counts.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
from pathlib import Path

import pytest

from eml import Eml110a, Eml510, Eml520, read_eml
from osv.model import RegionCategory
from osv.service.result.coverage import IncompleteCountsError
from osv.service.result.csb import run_csb
from osv.service.result.files import ResultInputError
from osv.service.result.verify import verify
from tests.demo_national import REGIONAL_PARTY
from tests.result.conftest import Run
from tests.result_national.tk2023 import DEFINITION, TkSet, district_count, tk2023_set

_FIXED = dt.datetime(2023, 12, 3, 14, 0)


@pytest.fixture(scope="session")
def tk(shared: Path, tmp_path_factory: pytest.TempPathFactory) -> TkSet:
    run = os.environ.get("PYTEST_XDIST_TESTRUNUID")
    base = tmp_path_factory.getbasetemp()
    base = base.parent / f"tk2023-{run}" if run else base / "tk2023-solo"
    base.mkdir(parents=True, exist_ok=True)
    return tk2023_set(shared, base)


def _copy(folder: Path, to: Path) -> Path:
    shutil.copytree(folder, to)
    return to


# --- (1) the real election definition ----------------------------------------------------------


def test_the_real_tk2023_definition_is_read_with_the_csb_where_the_kiesraad_put_it(
    shared: Path,
) -> None:
    """(1) The Kiesraad puts "De Kiesraad" in kieskring 12 's-Gravenhage, beside its HSB: OSV
    reads the definition, with a note, and keeps the whole tree."""
    result = read_eml(shared / DEFINITION)
    definition = result.document
    assert isinstance(definition, Eml110a)
    election = definition.election
    assert election.identifier.id == "TK2023"
    assert [d.number for d in election.districts] == list(range(1, 21))
    municipalities = [r for r in election.tree if r.category is RegionCategory.GEMEENTE]
    assert len(municipalities) > 340
    assert any(r.number == 9010 and r.superior_number == 12 for r in municipalities)
    (note,) = result.notes
    assert "the centraal stembureau sits in the KIESKRING region 12 's-Gravenhage" in note


def test_the_real_tk2023_definition_is_imported(shared: Path, osv: Run) -> None:
    """(1) ``osv import`` stores it and prints the note."""
    imported = osv("import", shared / DEFINITION, "--no-hash-check")
    assert imported.exit_code == 0, imported.output
    assert "EML 110a of TK2023, imported" in imported.stdout
    assert "note: line 23: the centraal stembureau sits in the KIESKRING region 12" in (
        imported.stdout
    )
    shown = osv("show", "elections")
    assert "TK2023" in shown.stdout


# --- (2) a count file that states another date --------------------------------------------------


def _restate_date(path: Path, date: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert "<kr:ElectionDate>2023-11-22</kr:ElectionDate>" in text
    path.write_text(text.replace("2023-11-22", date, 1), encoding="utf-8")


def test_the_caribbean_count_a_day_early_is_accepted_with_a_note(tk: TkSet, tmp_path: Path) -> None:
    """(2) The Kiesraad's 510c of kieskring 20 Bonaire states 2023-11-21; the result is the same
    as with the date of the other files, and the report says what was accepted."""
    folder = _copy(tk.central, tmp_path / "in")
    bonaire = district_count(folder, "20")
    _restate_date(bonaire, "2023-11-21")
    outcome = run_csb(folder, tmp_path / "out", created=_FIXED)
    assert outcome.result.status == "complete"
    published = read_eml(tk.published / "Resultaat_TK2023.eml.xml").document
    assert isinstance(published, Eml520)
    assert {
        lst.number: [c.candidate.name for c in lst.candidates]
        for lst in published.contests[0].lists
    } == {lst.number: [p.name for p in lst.elected] for lst in outcome.result.lists if lst.seats}
    assert any(
        note.startswith(
            f"{bonaire.name} states election date 2023-11-21, the election "
            "definition Verkiezingsdefinitie_TK2023.eml.xml 2023-11-22 (1 day apart)"
        )
        for note in outcome.context.notes
    ), outcome.context.notes


def test_a_count_of_another_year_is_refused_naming_that_file_only(
    tk: TkSet, tmp_path: Path
) -> None:
    """(2) A date a year off is not a slip: refused, and the refusal names the one file that
    differs, not every file of the folder."""
    folder = _copy(tk.central, tmp_path / "in")
    bonaire = district_count(folder, "20")
    _restate_date(bonaire, "2022-11-22")
    with pytest.raises(ResultInputError) as refused:
        run_csb(folder, tmp_path / "out", created=_FIXED)
    message = str(refused.value)
    assert f"but {bonaire.name} states 2022-11-22, more than 7 days from 2023-11-22" in message
    others = [p.name for p in folder.iterdir() if p != bonaire]
    assert not any(name in message for name in others if not name.startswith("Verkiezings"))
    assert not (tmp_path / "out").exists()


# --- (3) never publish an incomplete result -----------------------------------------------------


def _without_arnhem_and_rotterdam(tk: TkSet, folder: Path) -> Path:
    _copy(tk.central, folder)
    for district in ("7", "13"):
        district_count(folder, district).unlink()
    return folder


def test_two_missing_kieskringen_stop_the_csb_with_a_line_each(
    tk: TkSet, tmp_path: Path, osv: Run
) -> None:
    """(3) With the 510c of kieskring 7 Arnhem and 13 Rotterdam absent the CSB writes nothing
    and names both (it used to write a schema-valid 520 with a wrong seat allocation)."""
    folder = _without_arnhem_and_rotterdam(tk, tmp_path / "in")
    out = tmp_path / "out"
    refused = osv("result", "--stage", "csb", folder, "--out", out)
    assert refused.exit_code == 2, refused.output
    lines = refused.stderr.splitlines()
    assert lines[0].startswith(
        "osv: error: the counts of TK2023 are incomplete: 2 of the 20 kieskringen have no count"
    )
    assert lines[1:] == ["kieskring 7 Arnhem: no count.", "kieskring 13 Rotterdam: no count."]
    assert not out.exists()


def test_a_draft_of_an_incomplete_count_writes_only_the_reports(
    tk: TkSet, tmp_path: Path, osv: Run
) -> None:
    """(3) ``--draft`` computes anyway; only result.txt and result.json, headed as a draft
    with the missing units; never an EML file or a PDF."""
    folder = _without_arnhem_and_rotterdam(tk, tmp_path / "in")
    out = tmp_path / "out"
    drafted = osv("result", "--stage", "csb", folder, "--out", out, "--draft")
    assert drafted.exit_code == 0, drafted.output
    assert sorted(p.name for p in out.iterdir()) == ["result.json", "result.txt"]
    text = (out / "result.txt").read_text(encoding="utf-8").splitlines()
    assert text[3] == "CONCEPT – onvolledig"
    assert "  kieskring 7 Arnhem: no count" in text
    report = json.loads((out / "result.json").read_text(encoding="utf-8"))
    assert report["draft"] is True
    assert report["files_written"] == []
    assert report["completeness"] == {
        "checked": True,
        "complete": False,
        "missing": ["kieskring 7 Arnhem: no count", "kieskring 13 Rotterdam: no count"],
        "heading": "CONCEPT – onvolledig",
    }


def test_verify_refuses_to_recompute_from_an_incomplete_folder(tk: TkSet, tmp_path: Path) -> None:
    """(3) ``osv verify`` would compare the published result with part of the election."""
    folder = _copy(tk.published, tmp_path / "in")
    for district in ("7", "13"):
        district_count(folder, district).unlink()
    with pytest.raises(IncompleteCountsError) as refused:
        verify(folder)
    assert refused.value.problems == (
        "kieskring 7 Arnhem: no count.",
        "kieskring 13 Rotterdam: no count.",
    )


def test_the_hsb_refuses_a_kieskring_with_a_municipality_missing(
    tk: TkSet, tmp_path: Path, osv: Run
) -> None:
    """(3) The HSB of kieskring 1 Groningen, with the 110a beside the 510b files, names the
    municipality whose count is missing and writes no 510c."""
    folder = tmp_path / "hsb1"
    folder.mkdir()
    shutil.copy(tk.definition, folder)
    paths = []
    for path in sorted(tk.municipal.glob("Telling_*.eml.xml")):
        document = read_eml(path).document
        assert isinstance(document, Eml510)
        if document.contests[0].contest_id == "1":
            paths.append(path)
    for path in paths[1:]:
        shutil.copy(path, folder / path.name)
    missing = read_eml(paths[0]).document
    assert isinstance(missing, Eml510)
    authority = missing.header.managing_authority
    assert authority is not None
    refused = osv("result", "--stage", "hsb", folder, "--out", tmp_path / "out")
    assert refused.exit_code == 2, refused.output
    assert (
        f"municipality {authority.id} {authority.name} (kieskring 1 Groningen): no count."
        in refused.stderr.splitlines()
    )
    assert not (tmp_path / "out").exists()


# --- (4) the order of the elected -----------------------------------------------------------


def test_the_elected_of_every_party_are_in_the_kiesraad_order(tk: TkSet) -> None:
    """(4) In the 520 each party's elected are: first those elected by preference votes (ranking
    1), most votes first; then the others (ranking 2) in the order their seats were assigned.
    Party 4 has a list of its own in every kieskring, so its elected come from several lists.
    The 520 and result.json give the same order."""
    report = json.loads((tk.csb / "result.json").read_text(encoding="utf-8"))
    result = read_eml(tk.published / "Resultaat_TK2023.eml.xml").document
    assert isinstance(result, Eml520)
    published = {lst.number: lst for lst in result.contests[0].lists}
    for party in report["lists"]:
        if not party["seats"]:
            continue
        elected = party["elected"]
        flags = [person["ranking"] for person in elected]
        assert flags == sorted(flags), party["number"]
        preferred = [person["votes"] for person in elected if person["by"] == "preference"]
        assert preferred == sorted(preferred, reverse=True), party["number"]
        listed = published[party["number"]].candidates
        assert [c.candidate.number for c in listed] == list(range(1, party["seats"] + 1))
        assert [c.candidate.name.last_name for c in listed] == [
            person["name_parts"]["last_name"] for person in elected
        ]
        assert [c.ranking for c in listed] == flags
    regional = next(p for p in report["lists"] if p["number"] == REGIONAL_PARTY)
    districts = [int(person["district"]) for person in regional["elected"]]
    assert len(set(districts)) > 2  # elected on several district lists
    assert districts != sorted(districts)  # not "per district list, lowest district first"


# --- (5) the 510d as input ------------------------------------------------------------------


def test_the_510d_keys_its_total_by_short_code_as_the_kiesraad_does(tk: TkSet) -> None:
    """(5) The total names each person once, by ShortCode; the units per kieskring (HSB<n>)
    name candidates by number and ShortCode."""
    document = read_eml(tk.published / "Totaaltelling_TK2023.eml.xml").document
    assert isinstance(document, Eml510)
    contest = document.contests[0]
    assert contest.contest_id == "alle"
    assert contest.total is not None
    candidates = [c for lst in contest.total.lists for c in lst.candidates]
    assert candidates
    assert all(c.number is None and c.short_code for c in candidates)
    assert [u.id for u in contest.reporting_units] == [f"HSB{d}" for d in range(1, 21)]
    unit = contest.reporting_units[0].votes.lists[0].candidates
    assert all(c.number is not None and c.short_code for c in unit)
    result = read_eml(tk.published / "Resultaat_TK2023.eml.xml").document
    assert isinstance(result, Eml520)
    codes = {c.short_code for lst in contest.total.lists for c in lst.candidates}
    elected = [e.candidate.short_code for lst in result.contests[0].lists for e in lst.candidates]
    assert set(elected) <= codes


def test_the_published_set_verifies_with_the_510d_and_no_false_finding(tk: TkSet) -> None:
    """(5) The 510d's total (by ShortCode) against its parts (by number and ShortCode): no
    S.201 (there were 26 false ones on the Kiesraad's 510d)."""
    verification = verify(tk.published)
    assert verification.verdict == "verified", [
        d for c in verification.checks for d in c.differences
    ]
    assert not [f for f in verification.findings if f.code == "S.201"]


def test_a_folder_with_only_the_510d_and_the_520_verifies(tk: TkSet, tmp_path: Path) -> None:
    """(5) The 510d alone as the counts (its units are the kieskringen): the same verdict."""
    folder = tmp_path / "only-510d"
    folder.mkdir()
    for path in tk.published.iterdir():
        if not path.name.startswith("Telling_"):
            shutil.copy(path, folder / path.name)
    verification = verify(folder)
    assert verification.verdict == "verified"
    assert not verification.findings


def test_a_swapped_pair_of_elected_is_found(tk: TkSet, tmp_path: Path) -> None:
    """(4) ``osv verify`` compares the order: two elected of a party swapped in the 520 differ."""
    folder = _copy(tk.published, tmp_path / "in")
    path = folder / "Resultaat_TK2023.eml.xml"
    document = read_eml(path).document
    assert isinstance(document, Eml520)
    contest = document.contests[0]
    first = next(lst for lst in contest.lists if len(lst.candidates) >= 2)
    a, b, *rest = first.candidates
    swapped = first.model_copy(
        update={
            "candidates": (
                b.model_copy(update={"candidate": b.candidate.model_copy(update={"number": 1})}),
                a.model_copy(update={"candidate": a.candidate.model_copy(update={"number": 2})}),
                *rest,
            )
        }
    )
    lists = tuple(swapped if lst is first else lst for lst in contest.lists)
    from eml import write_eml

    path.write_bytes(
        write_eml(
            document.model_copy(update={"contests": (contest.model_copy(update={"lists": lists}),)})
        )
    )
    verification = verify(folder)
    assert verification.verdict == "differs"
    elected = next(c for c in verification.checks if c.name == "elected")
    assert len(elected.differences) >= 2
