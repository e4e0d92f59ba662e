"""``osv checks``: the findings of one entry as JSON, and the list of codes.

The contract (issue 6, docs/checks.md): ``osv checks FILE.json --model MODEL`` prints
``[{"code": ..., "severity": ..., "fields": [...]}]`` and exits 0 with or without findings, 2 on
invalid input; ``osv checks --list`` prints every implemented code with its severity and forms.
"""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from osv.cli.app import app
from osv.model.entry import EntryModel
from results.checks import CHECK_RULES
from tests.checks.entries import consistent_data

_runner = CliRunner()


def _run(*args: str, stdin: str | None = None):  # type: ignore[no-untyped-def]
    return _runner.invoke(app, list(args), input=stdin, catch_exceptions=False)


def _write(tmp_path: Path, data: object) -> str:
    path = tmp_path / "entry.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return str(path)


def test_findings_as_json_with_exit_0(tmp_path: Path) -> None:
    data = consistent_data(EntryModel.CSO_NEXT_SESSION)
    data["votes"]["blank_votes_count"] += 1
    del data["model"]
    result = _run("checks", _write(tmp_path, data), "--model", "CSONextSession")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == [
        {
            "code": "F.203",
            "severity": "error",
            "fields": [
                "votes.total_votes_candidates_count",
                "votes.blank_votes_count",
                "votes.invalid_votes_count",
                "votes.total_votes_cast_count",
            ],
        }
    ]


def test_no_findings_is_an_empty_list(tmp_path: Path) -> None:
    data = consistent_data(EntryModel.GSB_TOTALS)
    data["election"] = {
        "category": "GR",
        "lists": [
            {"number": 1, "candidates": 3},
            {"number": 2, "candidates": 2},
            {"number": 3, "candidates": 1},
        ],
    }
    result = _run("checks", _write(tmp_path, data), "--model", "GSBTotals")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == []


def test_per_list_findings_carry_the_list_number(tmp_path: Path) -> None:
    data = consistent_data(EntryModel.DSO_NEXT_SESSION)
    data["lists"][1]["page_total"] = None
    result = _run("checks", "-", "--model", "DSONextSession", stdin=json.dumps(data))
    assert json.loads(result.stdout) == [
        {
            "code": "F.401",
            "severity": "error",
            "fields": ["lists[1].page_total"],
            "context": {"list_number": 2},
        }
    ]


def test_invalid_input_exits_2_with_one_line(tmp_path: Path) -> None:
    data = consistent_data(EntryModel.CSO_NEXT_SESSION)
    data["votes"]["blank_votes_count"] = -3
    result = _run("checks", _write(tmp_path, data), "--model", "CSONextSession")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith(
        "osv: error: votes.blank_votes_count: input should be greater than or equal to 0"
    )
    assert len(result.stderr.strip().splitlines()) == 1


def test_a_model_that_differs_from_the_file_is_refused(tmp_path: Path) -> None:
    data = consistent_data(EntryModel.CSO_NEXT_SESSION)
    result = _run("checks", _write(tmp_path, data), "--model", "GSBTotals")
    assert result.exit_code == 2
    assert "the file says 'CSONextSession', the command says 'GSBTotals'" in result.stderr


def test_not_json_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "x.json"
    path.write_text("{", encoding="utf-8")
    result = _run("checks", str(path), "--model", "GSBTotals")
    assert result.exit_code == 2
    assert "not JSON" in result.stderr


def test_list_prints_every_code() -> None:
    result = _run("checks", "--list")
    assert result.exit_code == 0
    for code in CHECK_RULES:
        assert f"\n{code}  " in result.stdout
    data = json.loads(_run("checks", "--list", "--json").stdout)
    assert [item["code"] for item in data] == list(CHECK_RULES)
    f312 = next(item for item in data if item["code"] == "F.312")
    assert f312["models"] == ["GSBTotals", "HSBTotals"]
    assert f312["severity"] == "error"


def test_a_decentral_first_session_without_its_questions_has_f121(tmp_path: Path) -> None:
    """Issue 15, defect 2: ``osv checks`` printed ``[]`` for a DSOFirstSession entry without a
    ``dso`` block."""
    data = consistent_data(EntryModel.DSO_FIRST_SESSION)
    del data["dso"]
    result = _run("checks", _write(tmp_path, data), "--model", "DSOFirstSession")
    assert result.exit_code == 0, result.output
    assert [finding["code"] for finding in json.loads(result.stdout)] == ["F.121"]
