"""``osv pv``: the forms per polling station and the refusals, through the command line."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from typer.testing import CliRunner

from osv.cli.app import app

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def _osv(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(app, ["pv", *args], catch_exceptions=False)


@pytest.fixture
def wmw(shared: Path) -> Path:
    return shared / "data" / "GR2022_WestMaasenWaal"


def test_n10_2_writes_one_form_per_chosen_station(wmw: Path, tmp_path: Path) -> None:
    count = wmw / "Telling_GR2022_WestMaasenWaal.eml.xml"
    lists = wmw / "Kandidatenlijsten_GR2022_WestMaasenWaal.eml.xml"
    result = _osv(
        "n10-2",
        str(count),
        "--candidates",
        str(lists),
        "--station",
        "2",
        "--station",
        "113",
        "--out",
        str(tmp_path),
    )
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == [
        "Model_N10-2_GR2022_WestMaasenWaal_SB113.pdf",
        "Model_N10-2_GR2022_WestMaasenWaal_SB2.pdf",
    ]
    first = PdfReader(io.BytesIO((tmp_path / names[0]).read_bytes())).pages[0].extract_text()
    assert "Stembureau 113" in first


def test_filled_bijlage_1_needs_no_candidate_lists(wmw: Path, tmp_path: Path) -> None:
    count = wmw / "Telling_GR2022_WestMaasenWaal.eml.xml"
    result = _osv(
        "na31-2-bijlage1", str(count), "--filled", "--station", "1", "--out", str(tmp_path)
    )
    assert result.exit_code == 0, result.output
    text = "\n".join(
        p.extract_text()
        for p in PdfReader(tmp_path / "Model_Na31-2_Bijlage1_GR2022_WestMaasenWaal_SB1.pdf").pages
    )
    assert "Totaal lijst 8" in text


@pytest.mark.parametrize("model", ["na14-2", "p2a"])
def test_a_first_session_count_is_refused_for_the_later_session_models(
    wmw: Path, tmp_path: Path, model: str
) -> None:
    result = _osv(model, str(wmw / "Telling_GR2022_WestMaasenWaal.eml.xml"), "--out", str(tmp_path))
    assert result.exit_code == 2
    assert "is not" in result.output
    assert "corrigendum" in result.output
    assert list(tmp_path.iterdir()) == []


def test_an_unknown_station_is_refused(wmw: Path, tmp_path: Path) -> None:
    count = wmw / "Telling_GR2022_WestMaasenWaal.eml.xml"
    lists = wmw / "Kandidatenlijsten_GR2022_WestMaasenWaal.eml.xml"
    result = _osv(
        "n10-2",
        str(count),
        "--candidates",
        str(lists),
        "--station",
        "99",
        "--out",
        str(tmp_path / "x"),
    )
    assert result.exit_code == 2
    assert "has no polling station 99" in result.output
    assert not (tmp_path / "x").exists()
