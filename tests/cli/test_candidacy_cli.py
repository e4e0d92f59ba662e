"""``osv candidacy``: check, number and export, with the documented exit statuses.

0 done, 1 (check) a finding invalidates a list or strikes a candidate unless repaired,
2 invalid input, 3 a lot must be drawn first (docs/candidacy.md).
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from pypdf import PdfReader
from typer.testing import CliRunner

from eml import Eml230b, SchemaSet, read_eml
from osv.cli.app import app

ELECTION = {
    "election": {
        "id": "GR2026_Juinen",
        "name": "Gemeenteraad Juinen 2026",
        "category": "GR",
        "subcategory": "GR1",
        "domain": {"id": "9999", "name": "Juinen"},
        "election_date": "2026-03-18",
        "nomination_date": "2026-02-02",
    },
    "seats": 17,
    "authority": {"id": "CSB", "name": "Juinen"},
    "parties": [
        {"name": "Partij A", "seats_last_time": 5, "votes_last_time": 4000},
        {"name": "Partij B", "seats_last_time": 3, "votes_last_time": 2500},
        {"name": "Nieuw"},
    ],
}
HEADER = (
    "lijst,aanduiding,kieskringen,waarborgsom,ondersteuningsverklaringen,positie,voorletters,"
    "roepnaam,voorvoegsel,achternaam,geslacht,woonplaats,landcode,geboortedatum,bsn,instemming,"
    "ingeleverd_op,inleveraar_kiezer,inleveraar_persoonlijk,inleveraar_id,kopie_id\n"
)
#: The CSB's record of the hand-in and the ID copy (K16-K18, K21): all in order.
RECORDED = ",02-02-2026 10:00,ja,ja,ja,ja"
CLEAN = HEADER + (
    f"1,Partij B,geen,nee,,1,A.B.,Anna,van der,Berg,v,Juinen,,01-02-1980,123456782,ja{RECORDED}\n"
    f"2,Partij A,geen,nee,,1,G.,,,Visser,m,Juinen,,03-04-1975,,ja{RECORDED}\n"
    f"3,Nieuw,geen,ja,20,1,E.F.,,,Smit,x,Juinen,,05-06-1990,,ja{RECORDED}\n"
    f"4,,geen,ja,25,1,H.,,,Bos,m,Juinen,,07-08-1991,,ja{RECORDED}\n"
)
BLOCKED = CLEAN.replace("Visser,m,Juinen,,03-04-1975,,ja", "Visser,m,Juinen,,03-04-1975,,nee")


@pytest.fixture
def run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.delenv("OSV_EML_XSD_DIR", raising=False)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "election.json").write_text(json.dumps(ELECTION), encoding="utf-8")

    def invoke(csv: str, *args: str):  # type: ignore[no-untyped-def]
        (tmp_path / "lists.csv").write_text(csv, encoding="utf-8")
        return CliRunner().invoke(
            app, [args[0], args[1], "lists.csv", "--election", "election.json", *args[2:]]
        )

    return invoke


def test_check_without_blocking_findings_exits_0(run) -> None:  # type: ignore[no-untyped-def]
    result = run(CLEAN, "candidacy", "check", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["findings"] == []
    assert data["blocking"] is False
    assert [lst["party_name"] for lst in data["lists"]] == ["Partij B", "Partij A", "Nieuw", ""]


def test_check_with_a_missing_consent_exits_1_and_names_it(run) -> None:  # type: ignore[no-untyped-def]
    result = run(BLOCKED, "candidacy", "check", "--json")
    assert result.exit_code == 1
    [finding] = json.loads(result.output)["findings"]
    assert finding["code"] == "K07"
    assert finding["if_not_repaired"] == "candidate_struck"
    assert (finding["list"], finding["position"]) == ("2", 1)
    assert "03-04-1975" not in result.output


def test_bad_csv_exits_2_with_row_and_column(run) -> None:  # type: ignore[no-untyped-def]
    result = run(CLEAN.replace("Berg,v", "Berg,q"), "candidacy", "check")
    assert result.exit_code == 2
    assert "row 2, column geslacht" in result.output


def test_number_asks_for_the_lot_then_uses_it(run) -> None:  # type: ignore[no-untyped-def]
    result = run(CLEAN, "candidacy", "number", "--json")
    assert result.exit_code == 3
    [lot] = json.loads(result.output)["lots_required"]
    assert lot == {"reason": "other_lists", "among": ["Nieuw", "blanco:4"], "first_number": 3}
    drawn = run(CLEAN, "candidacy", "number", "--json", "--lot", "blanco:4;Nieuw")
    assert drawn.exit_code == 0, drawn.output
    numbers = json.loads(drawn.output)["numbers"]
    assert [(n["number"], n["party_name"]) for n in numbers] == [
        (1, "Partij A"),
        (2, "Partij B"),
        (3, ""),
        (4, "Nieuw"),
    ]


def test_export_writes_a_valid_230b_and_the_i4_report(  # type: ignore[no-untyped-def]
    run, tmp_path: Path, schemas: SchemaSet
) -> None:
    result = run(BLOCKED, "candidacy", "export", "--out", "out", "--lot", "Nieuw;blanco:4")
    assert result.exit_code == 0, result.output
    eml = tmp_path / "out" / "Kandidatenlijsten_GR2026_Juinen.eml.xml"
    data = eml.read_bytes()
    schemas.validate(data, "230b", source=eml.name)
    document = read_eml(data).document
    assert isinstance(document, Eml230b)
    [contest] = document.contests
    # Partij A's only candidate was struck (no consent): the list is invalid and not numbered.
    assert [(lst.number, lst.name) for lst in contest.lists] == [
        (1, "Partij B"),
        (2, "Nieuw"),
        (3, ""),
    ]
    for secret in (b"1980", b"123456782", b"1975"):
        assert secret not in data
    pdf = (tmp_path / "out" / "Model_I4_GR2026_Juinen.pdf").read_bytes()
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "Model I 4" in text
    assert "kandidaat 1 G. Visser is geschrapt" in text
    assert "Lijst 2 (Partij A) is ongeldig." in text
    assert eml.name in text
    assert "123456782" not in text
    assert "1980" not in text


def test_a_broken_election_file_exits_2(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "election.json").write_text('{"seats": 0}', encoding="utf-8")
    result = run(CLEAN, "candidacy", "check")
    assert result.exit_code == 2
    assert "not a valid election file" in result.output


def test_check_reads_nomination_files_one_list_each(tmp_path: Path) -> None:
    """Two 210 files handed in with the same candidates: keys 1 and 2, and K09 on both."""
    from tests.eml.nomination_files import JUINEN

    (tmp_path / "election.json").write_text(json.dumps(ELECTION), encoding="utf-8")
    for name in ("a.eml.xml", "b.eml.xml"):
        (tmp_path / name).write_bytes(JUINEN)
    result = CliRunner().invoke(
        app,
        [
            "candidacy",
            "check",
            str(tmp_path / "a.eml.xml"),
            str(tmp_path / "b.eml.xml"),
            "--election",
            str(tmp_path / "election.json"),
            "--json",
        ],
    )
    assert result.exit_code == 1
    data = json.loads(result.output)
    assert [lst["list"] for lst in data["lists"]] == ["1", "2"]
    assert "K09" in {f["code"] for f in data["findings"]}
    assert "111222333" not in result.output
    assert "1984" not in result.output


@pytest.mark.parametrize(("requested_on", "late"), [("2025-12-22", False), ("2025-12-23", True)])
def test_check_reads_the_registration_date_against_nomination_day(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, requested_on: str, late: bool
) -> None:
    """K22: ``requested_on`` of a party and the election's ``nomination_date`` (N - 42)."""
    monkeypatch.delenv("OSV_EML_XSD_DIR", raising=False)
    monkeypatch.chdir(tmp_path)
    election = json.loads(json.dumps(ELECTION))
    election["parties"][1]["requested_on"] = requested_on
    (tmp_path / "election.json").write_text(json.dumps(election), encoding="utf-8")
    (tmp_path / "lists.csv").write_text(CLEAN, encoding="utf-8")
    result = CliRunner().invoke(
        app, ["candidacy", "check", "lists.csv", "--election", "election.json", "--json"]
    )
    codes = [f["code"] for f in json.loads(result.output)["findings"]]
    assert codes == (["K22"] if late else [])
    assert result.exit_code == (1 if late else 0)


_DEPARTURE = {
    "code": "K07",
    "list": "2",
    "position": 1,
    "instead": "not_applicable",
    "reason": "De instemmingsverklaring is op tijd ingeleverd (ontvangstbewijs 17).",
}


def test_export_follows_the_departures_in_a_decisions_file(  # type: ignore[no-untyped-def]
    run, tmp_path: Path
) -> None:
    """The same departure as on the web pages: Partij A's candidate is kept, with the reason."""
    (tmp_path / "decisions.json").write_text(
        json.dumps({"departures": [_DEPARTURE]}), encoding="utf-8"
    )
    result = run(
        BLOCKED,
        "candidacy",
        "export",
        "--out",
        "out",
        "--lot",
        "Nieuw;blanco:4",
        "--departures",
        "decisions.json",
    )
    assert result.exit_code == 0, result.output
    document = read_eml(
        (tmp_path / "out" / "Kandidatenlijsten_GR2026_Juinen.eml.xml").read_bytes()
    ).document
    assert isinstance(document, Eml230b)
    assert "Partij A" in [lst.name for lst in document.contests[0].lists]
    pdf = (tmp_path / "out" / "Model_I4_GR2026_Juinen.pdf").read_bytes()
    text = " ".join(
        " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages).split()
    )
    assert _DEPARTURE["reason"] in text
    assert "kandidaat 1 G. Visser is geschrapt" not in text
    numbered = run(
        BLOCKED,
        "candidacy",
        "number",
        "--json",
        "--lot",
        "blanco:4;Nieuw",
        "--departures",
        "decisions.json",
    )
    assert numbered.exit_code == 0, numbered.output
    names = [n["party_name"] for n in json.loads(numbered.output)["numbers"]]
    assert "Partij A" in names


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"reason": " "}, "finding K07 on list 2, position 1: a reason is required"),
        ({"position": 2}, "finding K07 on list 2, position 2: there is no such finding"),
        ({"instead": "list_invalid"}, "expected one of not_applicable, candidate_struck"),
        ({"instead": "maybe"}, "departure 1: instead: Input should be"),
    ],
)
def test_an_impossible_departure_exits_2_and_writes_nothing(  # type: ignore[no-untyped-def]
    run, tmp_path: Path, change: dict[str, object], message: str
) -> None:
    (tmp_path / "decisions.json").write_text(
        json.dumps({"departures": [{**_DEPARTURE, **change}]}), encoding="utf-8"
    )
    result = run(
        BLOCKED,
        "candidacy",
        "export",
        "--out",
        "out",
        "--lot",
        "Nieuw;blanco:4",
        "--departures",
        "decisions.json",
    )
    assert result.exit_code == 2
    assert message in result.output
    assert "ontvangstbewijs" not in result.output
    assert not (tmp_path / "out").exists()


_REPAIR = {"code": "K07", "list": "2", "district": None, "position": 1}


def test_a_decisions_file_records_repairs_and_lots(  # type: ignore[no-untyped-def]
    run, tmp_path: Path
) -> None:
    """Partij A's consent (K07) was repaired in time and the lot drawn, both in the decisions
    file: Partij A keeps its candidate, the lot is not asked for, the time given is used."""
    (tmp_path / "decisions.json").write_text(
        json.dumps(
            {"repaired": [_REPAIR], "lots": ["blanco:4;Nieuw"], "created": "2026-02-03T20:15:00"}
        ),
        encoding="utf-8",
    )
    numbered = run(BLOCKED, "candidacy", "number", "--json", "--decisions", "decisions.json")
    assert numbered.exit_code == 0, numbered.output
    names = [n["party_name"] for n in json.loads(numbered.output)["numbers"]]
    assert names == ["Partij A", "Partij B", "", "Nieuw"]
    exported = run(BLOCKED, "candidacy", "export", "--out", "out", "--departures", "decisions.json")
    assert exported.exit_code == 0, exported.output
    data = (tmp_path / "out" / "Kandidatenlijsten_GR2026_Juinen.eml.xml").read_bytes()
    assert b"2026-02-03T20:15:00" in data
    document = read_eml(data).document
    assert isinstance(document, Eml230b)
    assert "Partij A" in [lst.name for lst in document.contests[0].lists]
    # The same lot on the command line as well is no contradiction.
    same = run(
        BLOCKED, "candidacy", "number", "--lot", "blanco:4; Nieuw", "--decisions", "decisions.json"
    )
    assert same.exit_code == 0, same.output


@pytest.mark.parametrize(
    ("decisions", "lot", "message"),
    [
        (
            {"lots": ["blanco:4;Nieuw"]},
            "Nieuw;blanco:4",
            "the lot outcomes of --lot (Nieuw;blanco:4) and of the decisions file "
            "(blanco:4;Nieuw) differ",
        ),
        (
            {"repaired": [{**_REPAIR, "position": 2}]},
            "blanco:4;Nieuw",
            "records finding K07 on list 2, position 2 as repaired, but there is no such "
            "repairable omission",
        ),
        (
            {"repaired": [{**_REPAIR, "code": "K99"}]},
            "blanco:4;Nieuw",
            "repaired finding 1: code: 'K99' is not a finding code",
        ),
        ({"repaired": [{"list": "2"}]}, "blanco:4;Nieuw", "repaired.0.code: Field required"),
    ],
)
def test_a_contradictory_or_unknown_decision_exits_2_and_writes_nothing(  # type: ignore[no-untyped-def]
    run, tmp_path: Path, decisions: dict[str, object], lot: str, message: str
) -> None:
    (tmp_path / "decisions.json").write_text(json.dumps(decisions), encoding="utf-8")
    result = run(
        BLOCKED,
        "candidacy",
        "export",
        "--out",
        "out",
        "--lot",
        lot,
        "--decisions",
        "decisions.json",
    )
    assert result.exit_code == 2
    assert message in " ".join(result.output.split())
    assert not (tmp_path / "out").exists()
