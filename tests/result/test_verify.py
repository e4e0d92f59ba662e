"""``osv verify`` on the real published files, and on published files that were tampered with.

Every municipality of the GR2022 folder must verify exactly: its published count (510b)
recomputed with OSV gives the seats, the order of election and the ranking flags of its
published result (520). The number of seats is not in the folder (there is no 110a), so each test
counts the elected candidates in the 520 and passes that as ``--seats``. West Maas en Waal also
has its candidate lists (230b), so there the names are compared too.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eml import Eml520, read_eml
from tests.result.conftest import GR2022, Run, municipality


def elected_in(folder: Path) -> int:
    """The number of elected candidates in the folder's published result (520)."""
    path = next(folder.glob("Resultaat_*.eml.xml"))
    document = read_eml(path).document
    assert isinstance(document, Eml520)
    return sum(len(lst.candidates) for c in document.contests for lst in c.lists)


@pytest.mark.parametrize("name", GR2022)
def test_each_gr2022_municipality_verifies_exactly(
    name: str, shared: Path, tmp_path: Path, osv: Run
) -> None:
    """Votes, seats, order of election and ranking flags all match; names are not compared
    (there is no 230b) and the report says so; the hashes of the files are shown."""
    folder = municipality(shared, tmp_path, name)
    seats = elected_in(folder)
    result = osv("verify", folder, "--seats", str(seats))
    assert result.exit_code == 0, result.output
    assert f"VERIFIED: GR2022_{name}:" in result.stdout
    assert "names not compared" in result.stdout
    assert "✓ Votes per list" in result.stdout
    assert "✓ Seats per list" in result.stdout
    assert "✓ Elected candidates" in result.stdout
    assert "SHA-256 " in result.stdout
    assert "✗" not in result.stdout


def test_west_maas_en_waal_verifies_with_names(west_maas_en_waal: Path, osv: Run) -> None:
    """With the 230b the names of all 17 elected are compared, and match."""
    seats = elected_in(west_maas_en_waal)
    assert seats == 17
    result = osv("verify", west_maas_en_waal, "--seats", str(seats))
    assert result.exit_code == 0, result.output
    assert "VERIFIED: GR2022_WestMaasenWaal: votes per list, seats per list, elected" in (
        result.stdout
    )
    assert "names not compared" not in result.stdout
    assert "R.A.N. Reuvers (Rob), ranking 1" in result.stdout
    assert "Kandidatenlijsten_GR2022_WestMaasenWaal.eml.xml" in result.stdout
    assert "66e0 ef10 d184 d092" in result.stdout  # the 230b's hash, as published


def _tamper(folder: Path, old: str, new: str) -> None:
    path = next(folder.glob("Resultaat_*.eml.xml"))
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_a_changed_name_fails_naming_the_list_and_candidate(
    west_maas_en_waal: Path, osv: Run
) -> None:
    """The second elected of list 1 is R.O.G.M. Orlemans; a 520 that names someone else fails."""
    _tamper(west_maas_en_waal, ">Orlemans<", ">Orlemand<")
    result = osv("verify", west_maas_en_waal, "--seats", "17")
    assert result.exit_code == 1, result.output
    verdict = result.stdout.strip().splitlines()[-1]
    assert verdict.startswith("NOT VERIFIED: 1 difference(s)")
    assert "list 1 FD Partij Beneden-Leeuwen, elected 2nd" in verdict
    assert "published R.O.G.M. Orlemand (Ronald), ranking 2" in verdict
    assert "recomputed R.O.G.M. Orlemans (Ronald), ranking 2" in verdict
    assert "✗ Elected candidates: 1 of 17 comparisons differ" in result.stdout
    assert "✓ Seats per list" in result.stdout


def test_a_moved_seat_fails_naming_the_lists_and_candidate(
    west_maas_en_waal: Path, osv: Run
) -> None:
    """Move list 8's only electee (T. Hensen) to list 1 as its 4th: seats of lists 1 and 8
    differ, and list 1's 4th and list 8's 1st electee are named."""
    path = next(west_maas_en_waal.glob("Resultaat_*.eml.xml"))
    text = path.read_text(encoding="utf-8")
    start = text.rindex("<Selection><Candidate>")
    hensen = text[start : text.index("</Selection>", start) + len("</Selection>")]
    assert "Hensen" in hensen
    text = text.replace(hensen, "")
    moved = hensen.replace('<CandidateIdentifier Id="1">', '<CandidateIdentifier Id="4">')
    list_2 = text.index('<Selection><AffiliationIdentifier Id="2">')
    path.write_text(text[:list_2] + moved + text[list_2:], encoding="utf-8")

    result = osv("verify", west_maas_en_waal, "--seats", "17")
    assert result.exit_code == 1, result.output
    out = result.stdout
    assert "✗ Seats per list: 2 of 9 comparisons differ" in out
    assert (
        "list 1 FD Partij Beneden-Leeuwen, elected 4th: "
        "published T. Hensen (Theo), ranking 2, recomputed (none)"
    ) in out
    assert (
        "list 8 F.D. Boven-Leeuwen, elected 1st: "
        "published (none), recomputed T. Hensen (Theo), ranking 2"
    ) in out
    assert "seats of list 1 FD Partij Beneden-Leeuwen: published 4, recomputed 3" in out


def test_json_gives_the_comparison(west_maas_en_waal: Path, osv: Run) -> None:
    """``--json`` prints the documented shape: verdict, files with hashes, checks and items."""
    result = osv("verify", west_maas_en_waal, "--seats", "17", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["verdict"] == "verified"
    assert data["names_compared"] is True
    assert [check["check"] for check in data["checks"]] == ["votes", "seats", "elected"]
    assert all(check["status"] == "match" for check in data["checks"])
    elected = data["checks"][2]["items"]
    assert len(elected) == 17
    assert elected[0] == {
        "subject": "list 1 FD Partij Beneden-Leeuwen, elected 1st",
        "list": 1,
        "candidate": 1,
        "published": "R.A.N. Reuvers (Rob), ranking 1",
        "recomputed": "R.A.N. Reuvers (Rob), ranking 1",
        "matches": True,
        "source": "Resultaat_GR2022_WestMaasenWaal.eml.xml (list 1, candidate Id 1)",
        "detail": "no. 1 on the list, 581 votes, preference votes",
    }
    assert {f["file"] for f in data["files"]} == {
        "Kandidatenlijsten_GR2022_WestMaasenWaal.eml.xml",
        "Resultaat_GR2022_WestMaasenWaal.eml.xml",
        "Telling_GR2022_WestMaasenWaal.eml.xml",
    }
    seats = data["checks"][1]["items"]
    assert (seats[0]["published"], seats[0]["recomputed"]) == (3, 3)


def test_json_reports_a_difference(west_maas_en_waal: Path, osv: Run) -> None:
    _tamper(west_maas_en_waal, ">Orlemans<", ">X<")
    result = osv("verify", west_maas_en_waal, "--seats", "17", "--json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["verdict"] == "differs"
    differing = [i for c in data["checks"] for i in c["items"] if not i["matches"]]
    assert [(i["list"], i["candidate"]) for i in differing] == [(1, 2)]


def test_without_seats_or_110a_the_input_is_refused(shared: Path, tmp_path: Path, osv: Run) -> None:
    folder = municipality(shared, tmp_path, "Vlieland")
    result = osv("verify", folder)
    assert result.exit_code == 2
    assert result.stderr.startswith("osv: error: ")
    assert len(result.stderr.strip().splitlines()) == 1
    assert "--seats" in result.stderr


def test_a_wrong_number_of_seats_differs(shared: Path, tmp_path: Path, osv: Run) -> None:
    """With one seat too many the seats no longer match: exit status 1, not 0."""
    folder = municipality(shared, tmp_path, "Vlieland")
    result = osv("verify", folder, "--seats", str(elected_in(folder) + 1))
    assert result.exit_code == 1
    assert "NOT VERIFIED" in result.stdout


def test_a_folder_of_several_elections_is_refused(shared: Path, osv: Run) -> None:
    result = osv("verify", shared / "data" / "GR2022", "--seats", "9")
    assert result.exit_code == 2
    assert "8 different elections" in result.stderr
    assert "Telling_GR2022_Ameland.eml.xml" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_a_changed_count_fails_the_votes(west_maas_en_waal: Path, osv: Run) -> None:
    """A 510b whose total for list 2 is one more than its polling stations add up to: the votes
    check fails (and the count finding is reported, without deciding the verdict itself)."""
    path = west_maas_en_waal / "Telling_GR2022_WestMaasenWaal.eml.xml"
    text = path.read_text(encoding="utf-8")
    old = "<RegisteredName>VVD</RegisteredName></AffiliationIdentifier>"
    old += "<ValidVotes>1345</ValidVotes>"
    assert old in text
    path.write_text(text.replace(old, old.replace("1345", "1346"), 1), encoding="utf-8")
    result = osv("verify", west_maas_en_waal, "--seats", "17")
    assert result.exit_code == 1, result.output
    assert "votes of list 2 VVD: published 1,346, recomputed 1,345" in result.stdout
    assert "- S.105 error at 0668: list 2: the total states 1,346" in result.stdout


def test_electees_out_of_order_fail(west_maas_en_waal: Path, osv: Run) -> None:
    """Swap list 1's 2nd and 3rd electee in the 520 (each keeps its Id): the order of election
    no longer matches, and the report shows the Id that is out of place."""
    path = next(west_maas_en_waal.glob("Resultaat_*.eml.xml"))
    text = path.read_text(encoding="utf-8")
    second = text.index('<Selection><Candidate><CandidateIdentifier Id="2">')
    third = text.index('<Selection><Candidate><CandidateIdentifier Id="3">')
    end = text.index("</Selection>", third) + len("</Selection>")
    swapped = text[:second] + text[third:end] + text[second:third] + text[end:]
    path.write_text(swapped, encoding="utf-8")
    result = osv("verify", west_maas_en_waal, "--seats", "17")
    assert result.exit_code == 1, result.output
    assert (
        "list 1 FD Partij Beneden-Leeuwen, elected 2nd: published C.G.H.M. van Dreumel (Cees), "
        "Id 3, ranking 2, recomputed R.O.G.M. Orlemans (Ronald), ranking 2"
    ) in result.stdout


def test_count_findings_are_reported_without_failing_the_verification(
    shared: Path, tmp_path: Path, osv: Run
) -> None:
    """Zandvoort's published count has two F.201 and two F.312 (docs/consistency.md): they are
    listed with their numbers, and the result, computed from the totals as stated, verifies."""
    folder = municipality(shared, tmp_path, "Zandvoort")
    result = osv("verify", folder, "--seats", str(elected_in(folder)))
    assert result.exit_code == 0, result.output
    assert "- F.201 error at 0473::SB12:" in result.stdout
    assert "(A 831, B 93, C 0, D 923)" in result.stdout
    assert "- F.312 error at 0473::SB7:" in result.stdout
    assert result.stdout.count("- F.") == 4
    data = json.loads(osv("verify", folder, "--seats", "17", "--json").stdout)
    assert sorted(f["code"] for f in data["findings"]) == ["F.201", "F.201", "F.312", "F.312"]
