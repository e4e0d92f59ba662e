"""With the official schemas configured, every EML file the commands write is valid (issue 14).

``make run`` and every developer's shell set ``OSV_EML_XSD_DIR`` when ``../shared`` is next to
the checkout; the commands then validate what they read and write. Here the commands run in
that configuration, and each EML file they write is validated once more against the official
schemas by the test itself: ``osv demo``; ``osv result --stage hsb`` for every kieskring of a
generated Tweede Kamer election and ``--stage csb`` from the 20 district counts; ``osv result
--stage csb`` for a municipal council; ``osv candidacy export``. (The web pages' files are
validated in ``tests/ui``, a municipality's 510b and corrigendum in
``tests/service/test_entry_service.py``.)
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from eml import read_eml
from eml.xsd import SchemaSet
from osv.cli.app import app
from tests.cli.test_candidacy_cli import BLOCKED, ELECTION
from tests.demo_national import write_national
from tests.ui.stage_counts import by_district

Run = Callable[..., Result]


@pytest.fixture
def osv(tmp_path: Path, xsd_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Run:
    """``osv`` in-process, in a folder of the test's own, with the schemas configured."""
    monkeypatch.setenv("OSV_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("OSV_EML_XSD_DIR", str(xsd_dir))
    monkeypatch.chdir(tmp_path)

    def run(*args: str | Path) -> Result:
        result = CliRunner().invoke(app, [str(arg) for arg in args], catch_exceptions=False)
        assert result.exit_code == 0, result.output
        return result

    return run


def _validated(folder: Path, schemas: SchemaSet) -> list[str]:
    """The message types of the EML files in ``folder``, each validated against the schemas."""
    found = []
    for path in sorted(folder.glob("*.xml")):
        read = read_eml(path, schemas=schemas)
        assert read.validated, path.name
        found.append(read.document.message_type.value)
    return found


def test_osv_demo_writes_schema_valid_files(osv: Run, schemas: SchemaSet) -> None:
    osv("demo", "--out", "demo", "--with-counts")
    assert sorted(_validated(Path("demo"), schemas)) == ["110a", "110b", "230b", "510b"]


def test_osv_result_writes_schema_valid_files_at_every_hsb_and_the_csb(
    osv: Run, tmp_path: Path, schemas: SchemaSet
) -> None:
    paths = write_national(tmp_path / "tk", scale=0.06, max_candidates=8)
    definition = next(p for p in paths if p.name.startswith("Verkiezingsdefinitie"))
    central = tmp_path / "csb"
    central.mkdir()
    for path in paths:
        if not path.name.startswith("Telling"):
            shutil.copy(path, central)
    districts = by_district(paths)
    assert len(districts) == 20
    for district, counts in districts.items():
        folder = tmp_path / f"hsb{district}"
        folder.mkdir()
        for path in [definition, *counts]:
            shutil.copy(path, folder)
        osv("result", folder, "--stage", "hsb", "--out", central)
    assert _validated(central, schemas).count("510c") == 20

    osv("result", central, "--stage", "csb", "--out", tmp_path / "out")
    assert sorted(_validated(tmp_path / "out", schemas)) == ["510d", "520"]


def test_osv_result_writes_schema_valid_files_for_a_municipal_council(
    osv: Run, tmp_path: Path, schemas: SchemaSet
) -> None:
    osv("demo", "--out", "demo", "--with-counts")
    osv("result", "demo", "--stage", "csb", "--out", "out")
    assert sorted(_validated(tmp_path / "out", schemas)) == ["510d", "520"]


def test_osv_candidacy_export_writes_a_schema_valid_230b(
    osv: Run, tmp_path: Path, schemas: SchemaSet
) -> None:
    (tmp_path / "election.json").write_text(json.dumps(ELECTION), encoding="utf-8")
    (tmp_path / "lists.csv").write_text(BLOCKED, encoding="utf-8")
    osv(
        "candidacy",
        "export",
        "lists.csv",
        "--election",
        "election.json",
        "--out",
        "out",
        "--lot",
        "Nieuw;blanco:4",
    )
    assert _validated(tmp_path / "out", schemas) == ["230b"]
