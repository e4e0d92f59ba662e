"""``osv result --stage csb``: the central polling station's result, files and reports.

The real West Maas en Waal files (230b + 510b) must give back the published result: the 520 OSV
writes reads back equal, list by list and person by person, to the Kiesraad's
``Resultaat_GR2022_WestMaasenWaal.eml.xml``, and both written files are valid against the
official schemas. Small made-up elections (tests/result/builders.py) exercise the lot, the
deceased candidate and the refusals.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from eml import Eml510, Eml520, SchemaSet, read_eml
from osv.service.result.csb import run_csb
from osv.service.result.files import ResultInputError
from tests.result.builders import ELECTION_ID, TIE, write_election
from tests.result.conftest import Run, copy_files

_CREATED = dt.datetime(2022, 3, 18, 11, 7, 6, 451000)


def _input(west_maas_en_waal: Path, tmp_path: Path) -> Path:
    """The 230b and 510b of West Maas en Waal, without the published result."""
    files = [p for p in west_maas_en_waal.iterdir() if not p.name.startswith("Resultaat_")]
    return copy_files(files, tmp_path / "input")


def test_west_maas_en_waal_gives_the_published_result(
    west_maas_en_waal: Path, tmp_path: Path, schemas: SchemaSet
) -> None:
    """The 520 equals the published one in every list, candidate, name, address and ranking."""
    out = tmp_path / "out"
    outcome = run_csb(
        _input(west_maas_en_waal, tmp_path), out, seats=17, schemas=schemas, created=_CREATED
    )
    assert outcome.result.status == "complete"
    names = sorted(path.name for path in out.iterdir())
    assert names == [
        "Model_P22-2_GR2022_WestMaasenWaal.pdf",
        "Resultaat_GR2022_WestMaasenWaal.eml.xml",
        "Totaaltelling_GR2022_WestMaasenWaal.eml.xml",
        "result.json",
        "result.txt",
    ]
    ours = read_eml(out / names[1], schemas=schemas)
    published = read_eml(west_maas_en_waal / names[1])
    assert ours.validated
    assert isinstance(ours.document, Eml520)
    assert isinstance(published.document, Eml520)
    assert ours.document.contests == published.document.contests
    assert ours.document.identifier == published.document.identifier
    assert ours.document.header.managing_authority == published.document.header.managing_authority
    total = read_eml(out / names[2], schemas=schemas)
    assert total.validated
    assert isinstance(total.document, Eml510)
    contest = total.document.contests[0]
    assert contest.contest_id == "geen"
    assert [(u.id, u.name) for u in contest.reporting_units] == [("0668", "West Maas en Waal")]
    assert contest.total is not None
    assert sum(lst.votes for lst in contest.total.lists) == 9350


def test_the_reports_show_the_calculation(
    west_maas_en_waal: Path, tmp_path: Path, schemas: SchemaSet
) -> None:
    out = tmp_path / "out"
    run_csb(_input(west_maas_en_waal, tmp_path), out, seats=17, schemas=schemas, created=_CREATED)
    text = (out / "result.txt").read_text(encoding="utf-8")
    assert "Quota (P 5):     550" in text
    assert "Preference threshold (P 15): 275 (50 % of the quota)" in text
    assert (
        "   1  largest remainder  P 8(1)      243     245     272      57     391     422" in text
    )
    assert "R.A.N. Reuvers (Rob), Beneden-Leeuwen" in text
    assert "Absolute majority (P 9): did not apply." in text
    assert "Lots drawn (P 14): none." in text
    assert (
        "Totaaltelling_GR2022_WestMaasenWaal.eml.xml  (valid against the official schema)" in text
    )
    data = json.loads((out / "result.json").read_text(encoding="utf-8"))
    assert data["status"] == "complete"
    assert data["quota"] == {"fraction": "550/1", "mixed": "550"}
    assert [lst["seats"] for lst in data["lists"]] == [3, 2, 3, 2, 2, 2, 2, 1]
    first = data["lists"][0]["elected"][0]
    assert (first["name"], first["ranking"], first["votes"]) == ("R.A.N. Reuvers (Rob)", 1, 581)
    assert {f["type"] for f in data["files_written"]} == {"510d", "520"}
    assert data["steps"][0]["step"] == "quota"


def test_the_command_writes_into_out_and_exits_0(
    west_maas_en_waal: Path, tmp_path: Path, osv: Run
) -> None:
    folder = _input(west_maas_en_waal, tmp_path)
    result = osv("result", "--stage", "csb", folder, "--seats", "17", "--out", tmp_path / "o")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "o" / "Resultaat_GR2022_WestMaasenWaal.eml.xml").is_file()
    assert "Files written" in result.stdout


def test_a_written_eml_file_is_never_replaced(
    west_maas_en_waal: Path, tmp_path: Path, osv: Run
) -> None:
    folder = _input(west_maas_en_waal, tmp_path)
    args = ("result", "--stage", "csb", folder, "--seats", "17", "--out", tmp_path / "o")
    assert osv(*args).exit_code == 0
    again = osv(*args)
    assert again.exit_code == 2
    assert "already exists" in again.stderr
    assert len(again.stderr.strip().splitlines()) == 1


def test_without_230b_there_is_no_520_and_the_report_says_why(
    tmp_path: Path, schemas: SchemaSet
) -> None:
    folder = write_election(tmp_path / "in", {1: [300, 20], 2: [100, 50]}, with_lists=False)
    outcome = run_csb(folder, tmp_path / "out", seats=3, schemas=schemas, created=_CREATED)
    assert outcome.result.status == "complete"
    assert not outcome.result.names_known
    written = sorted(path.name for path in (tmp_path / "out").iterdir())
    assert written == [f"Totaaltelling_{ELECTION_ID}.eml.xml", "result.json", "result.txt"]
    assert "no result file (520) was written" in outcome.text
    assert "candidate 1 (name unknown: no 230b)" in outcome.text


def test_a_tie_stops_with_exit_3_and_says_which_lot(tmp_path: Path, osv: Run) -> None:
    """Lists 1 and 2 have equal remainders for the one residual seat (list 3 is below 3/4 of
    the quota): nothing but the reports is written, and the exact --lot options are given."""
    folder = write_election(tmp_path / "in", TIE)
    out = tmp_path / "out"
    result = osv("result", "--stage", "csb", folder, "--seats", "3", "--out", out)
    assert result.exit_code == 3, result.output
    assert sorted(p.name for p in out.iterdir()) == ["result.json", "result.txt"]
    assert "--lot residual_LR:1    (if list 1 is drawn)" in result.stdout
    assert "--lot residual_LR:2    (if list 2 is drawn)" in result.stdout
    assert "a drawing of lots is needed" in result.stderr
    data = json.loads((out / "result.json").read_text(encoding="utf-8"))
    assert data["status"] == "lots_required"
    assert data["lots_required"]["give_as"] == ["residual_LR:1", "residual_LR:2"]

    done = osv(
        "result", "--stage", "csb", folder, "--seats", "3", "--out", out, "--lot", "residual_LR:2"
    )
    assert done.exit_code == 0, done.output
    assert "residual_LR: list 2 drawn (--lot residual_LR:2)" in done.stdout
    document = read_eml(out / f"Resultaat_{ELECTION_ID}.eml.xml").document
    assert isinstance(document, Eml520)
    assert [(lst.number, len(lst.candidates)) for lst in document.contests[0].lists] == [
        (1, 1),
        (2, 2),
    ]


def test_a_deceased_candidate_cannot_take_a_seat(tmp_path: Path, schemas: SchemaSet) -> None:
    """Candidate 1 of list 1 is registered deceased (P 19a): his votes count for the list, the
    seat goes to candidate 2, elected in list order (ranking 2)."""
    folder = write_election(tmp_path / "in", {1: [300, 20, 10], 2: [100, 50]})
    outcome = run_csb(
        folder, tmp_path / "out", seats=3, deceased=[(1, 1)], schemas=schemas, created=_CREATED
    )
    first = outcome.result.lists[0]
    assert first.votes == 330
    assert [(p.candidate_number, p.by) for p in first.elected] == [
        (2, "list_order"),
        (3, "list_order"),
    ]
    assert "Deceased candidates (P 19a)" in outcome.text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--deceased", "1:9"), "list 1 has no candidate 9"),
        (("--deceased", "1"), "expected LIST:CANDIDATE"),
        (("--lot", "residual_LR"), "expected KIND:CHOICE"),
        (("--lot", "residual_XX:1"), "unknown kind"),
        (("--lot", "residual_LR:0"), "whole number from 1"),
        (("--lot", "residual_LR:3"), "lot"),
        (("--seats", "0"), "--seats"),
        (("--seats", "three"), "--seats"),
        (("--frobnicate",), "No such option: --frobnicate"),
    ],
)
def test_bad_options_give_one_line_and_exit_2(
    tmp_path: Path, osv: Run, args: tuple[str, ...], message: str
) -> None:
    folder = write_election(tmp_path / "in", TIE)
    base = ("result", "--stage", "csb", folder, "--out", tmp_path / "out")
    seats = () if "--seats" in args else ("--seats", "3")
    result = osv(*base, *seats, *args)
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith("osv: error: ")
    assert len(result.stderr.strip().splitlines()) == 1
    assert message in result.stderr


def test_counts_and_lists_of_different_lists_are_refused(tmp_path: Path) -> None:
    folder = write_election(tmp_path / "in", {1: [10], 2: [10]})
    other = write_election(tmp_path / "other", {1: [10]})
    (folder / f"Kandidatenlijsten_{ELECTION_ID}.eml.xml").write_bytes(
        (other / f"Kandidatenlijsten_{ELECTION_ID}.eml.xml").read_bytes()
    )
    with pytest.raises(ResultInputError, match="votes for list 2"):
        run_csb(folder, tmp_path / "out", seats=3, created=_CREATED)


def test_seats_must_agree_with_the_110a(tmp_path: Path, osv: Run) -> None:
    """The demo election has a 110a with 23 seats: --seats 22 is refused, no --seats is fine."""
    demo = tmp_path / "demo"
    assert osv("demo", "--out", demo, "--with-counts").exit_code == 0
    wrong = osv("result", "--stage", "csb", demo, "--seats", "22", "--out", tmp_path / "o")
    assert wrong.exit_code == 2
    assert "fixes 23 seats" in wrong.stderr
    right = osv("result", "--stage", "csb", demo, "--out", tmp_path / "o")
    assert right.exit_code == 0, right.output
    assert "Seats:           23 (from the election definition" in right.stdout
    assert (
        "Complete: every one of the 20 polling stations of municipality 9997 Vlietdam "
        "(Stembureaus_GR2026_Vlietdam.eml.xml) has its count." in right.stdout
    )
