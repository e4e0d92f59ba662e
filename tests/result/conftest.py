"""Fixtures for the result stages: the real published files, and a command-line runner."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from osv.cli.app import app

#: The municipalities of the GR2022 folder of real published files.
GR2022 = (
    "Aalten",
    "Ameland",
    "Delft",
    "Schiermonnikoog",
    "Texel",
    "Vlieland",
    "Zandvoort",
    "Zwolle",
)

Run = Callable[..., Result]


@pytest.fixture
def osv(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Run:
    """Run ``osv`` in-process in a folder of the test's own, without configured schemas."""
    monkeypatch.setenv("OSV_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("OSV_EML_XSD_DIR", raising=False)
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()

    def run(*args: str) -> Result:
        return runner.invoke(app, [str(arg) for arg in args], catch_exceptions=False)

    return run


def copy_files(sources: list[Path], folder: Path) -> Path:
    """Copy ``sources`` into ``folder`` (created); return the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    for source in sources:
        shutil.copyfile(source, folder / source.name)
    return folder


@pytest.fixture
def west_maas_en_waal(shared: Path, tmp_path: Path) -> Path:
    """A copy of the GR2022 West Maas en Waal files: 230b, 510b and the published 520."""
    source = shared / "data" / "GR2022_WestMaasenWaal"
    return copy_files(sorted(source.glob("*.eml.xml")), tmp_path / "wmw")


def municipality(shared: Path, tmp_path: Path, name: str) -> Path:
    """A folder with one GR2022 municipality's published 510b and 520."""
    source = shared / "data" / "GR2022"
    return copy_files(sorted(source.glob(f"*_GR2022_{name}.eml.xml")), tmp_path / name)
