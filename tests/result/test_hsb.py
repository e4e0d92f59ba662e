"""``osv result --stage hsb``: a principal polling station adds up its district.

The real TK2025 count of West Maas en Waal (district 6, Nijmegen) is the only municipal count of
a multi-district election here; a second municipality is made from it by changing its CBS code,
so the sum must be exactly twice the original.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from eml import Eml510, SchemaSet, read_eml
from osv.service.result.files import ResultInputError
from osv.service.result.hsb import run_hsb
from tests.result.conftest import Run, copy_files

_CREATED = dt.datetime(2025, 11, 5, 10, 0)
_NAME = "Telling_TK2025_gemeente_West_Maas_en_Waal.eml.xml"


@pytest.fixture
def district(shared: Path, tmp_path: Path) -> Path:
    """West Maas en Waal's TK2025 count, and a copy posing as municipality 0999 Testgemeente."""
    folder = copy_files([shared / "data" / "TK2025" / _NAME], tmp_path / "district")
    text = (folder / _NAME).read_text(encoding="utf-8")
    twin = text.replace('Id="0668">West Maas en Waal', 'Id="0999">Testgemeente')
    twin = twin.replace('Id="0668::', 'Id="0999::')
    (folder / "Telling_TK2025_gemeente_Testgemeente.eml.xml").write_text(twin, encoding="utf-8")
    return folder


def test_two_municipalities_add_up_to_a_valid_510c(
    district: Path, tmp_path: Path, schemas: SchemaSet
) -> None:
    out = tmp_path / "out"
    outcome = run_hsb(district, out, schemas=schemas, created=_CREATED)
    assert outcome.district == ("6", "Nijmegen")
    assert outcome.written.path.name == "Telling_TK2025_kieskring_Nijmegen.eml.xml"
    assert outcome.written.validated
    read = read_eml(outcome.written.path, schemas=schemas)
    document = read.document
    assert isinstance(document, Eml510)
    assert document.message_type.value == "510c"
    assert document.header.managing_authority is not None
    assert document.header.managing_authority.id == "HSB6"
    contest = document.contests[0]
    assert (contest.contest_id, contest.contest_name) == ("6", "Nijmegen")
    assert [(u.id, u.name) for u in contest.reporting_units] == [
        ("0668", "West Maas en Waal"),
        ("0999", "Testgemeente"),
    ]
    original = read_eml(district / _NAME).document
    assert isinstance(original, Eml510)
    single = original.contests[0].total
    assert single is not None
    assert contest.total is not None
    assert [lst.votes for lst in contest.total.lists] == [2 * lst.votes for lst in single.lists]
    assert contest.total.cast == 2 * single.cast
    assert contest.reporting_units[0].votes == single
    assert read.digest == outcome.written.digest


def test_the_command_prints_findings_and_the_hash(district: Path, tmp_path: Path, osv: Run) -> None:
    result = osv("result", "--stage", "hsb", district, "--out", tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert "District 6 Nijmegen of TK2025: 2 municipal count(s) added up" in result.stdout
    assert "Findings" in result.stdout
    assert "Written: " in result.stdout
    assert "Telling_TK2025_kieskring_Nijmegen.eml.xml" in result.stdout
    assert result.stdout.count("SHA-256 ") == 3


def test_the_same_municipality_twice_is_refused(district: Path, tmp_path: Path) -> None:
    (district / "Telling_TK2025_gemeente_Testgemeente.eml.xml").unlink()
    copy = district / "Telling_TK2025_gemeente_Kopie.eml.xml"
    copy.write_bytes((district / _NAME).read_bytes())
    with pytest.raises(ResultInputError, match="both count West Maas en Waal"):
        run_hsb(district, tmp_path / "out", created=_CREATED)


def test_municipalities_of_different_districts_are_refused(district: Path, tmp_path: Path) -> None:
    twin = district / "Telling_TK2025_gemeente_Testgemeente.eml.xml"
    text = twin.read_text(encoding="utf-8")
    twin.write_text(
        text.replace('<ContestIdentifier Id="6">', '<ContestIdentifier Id="7">'), encoding="utf-8"
    )
    with pytest.raises(ResultInputError, match="2 different districts"):
        run_hsb(district, tmp_path / "out", created=_CREATED)


def test_a_single_district_election_has_no_hsb_stage(
    west_maas_en_waal: Path, tmp_path: Path, osv: Run
) -> None:
    result = osv("result", "--stage", "hsb", west_maas_en_waal, "--out", tmp_path / "out")
    assert result.exit_code == 2
    assert "no HSB stage" in result.stderr
    assert "--stage csb" in result.stderr


def test_seat_options_are_refused_at_the_hsb(district: Path, tmp_path: Path, osv: Run) -> None:
    result = osv("result", "--stage", "hsb", district, "--seats", "150")
    assert result.exit_code == 2
    assert "--seats cannot be used with --stage hsb" in result.stderr
