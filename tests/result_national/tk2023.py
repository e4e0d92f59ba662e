"""Tweede Kamer test sets on the real election tree of TK2023.

The Kiesraad's real election definition of TK2023 (``../shared/data/TK2023``) is used as it is:
its 20 kieskringen, its municipalities with their CBS codes in their kieskring (9010, the
postal votes from abroad, in kieskring 12), the CSB in kieskring 12 's-Gravenhage. The lists and
counts are generated for it (:func:`tests.demo_national.write_national` with
``definition``): sets of identical lists, a lijstengroep with two lists (party 3), one with a
list of its own in every kieskring (party 4, as BBB and FvD filed in 2023) and a list in one
kieskring (party 30). One polling station per municipality keeps it quick.

The set is built once per test session and shared by the xdist workers (a lock file in the
session's common temporary folder), because it takes half a minute:

* ``municipal``: the 110a, 20 × 230b and a 510b per municipality;
* ``central``: the 110a, the 230b files and a 510c per kieskring, each made by OSV's HSB;
* ``published``: ``central`` plus the 510d and the 520 of OSV's CSB, as the Kiesraad publishes;
* ``csb``: what OSV's CSB wrote (510d, 520, P 22-1, result.txt and result.json).
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

from eml import Eml510, read_eml
from osv.service.result.csb import run_csb
from osv.service.result.hsb import run_hsb
from tests.demo_national import write_national

__all__ = ["DEFINITION", "TkSet", "build_tk2023", "district_count", "tk2023_set"]

#: The real definition, relative to ``../shared``.
DEFINITION = Path("data/TK2023/Verkiezingsdefinitie_TK2023.eml.xml")
_CREATED = dt.datetime(2023, 11, 27, 12, 0)
_FIXED = dt.datetime(2023, 12, 3, 14, 0)


@dataclass(frozen=True)
class TkSet:
    """The folders of the TK2023 test set (see the module docstring)."""

    municipal: Path
    central: Path
    published: Path
    csb: Path

    @property
    def definition(self) -> Path:
        """The real 110a, as copied into the set."""
        return self.central / DEFINITION.name


def district_count(folder: Path, district: str) -> Path:
    """The 510c of ``district`` (its number) in ``folder``."""
    for path in sorted(folder.glob("Telling_*_kieskring_*.eml.xml")):
        document = read_eml(path).document
        if isinstance(document, Eml510) and document.contests[0].contest_id == district:
            return path
    raise LookupError(f"no 510c of kieskring {district} in {folder}")


def build_tk2023(shared: Path, folder: Path) -> TkSet:
    """Generate the set into ``folder`` (which must not exist yet)."""
    municipal, central, published = folder / "municipal", folder / "central", folder / "published"
    write_national(municipal, scale=0.01, max_candidates=16, definition=shared / DEFINITION)
    central.mkdir(parents=True)
    for path in municipal.iterdir():
        if not path.name.startswith("Telling_"):
            shutil.copy(path, central / path.name)
    by_district: dict[str, list[Path]] = {}
    for path in sorted(municipal.glob("Telling_*.eml.xml")):
        document = read_eml(path).document
        assert isinstance(document, Eml510)
        by_district.setdefault(document.contests[0].contest_id, []).append(path)
    for district, paths in by_district.items():
        hsb = folder / "hsb" / district
        hsb.mkdir(parents=True)
        shutil.copy(municipal / DEFINITION.name, hsb)
        for path in paths:
            shutil.copy(path, hsb / path.name)
        run_hsb(hsb, central, created=_CREATED)
    shutil.copytree(central, published)
    out = folder / "csb"
    run_csb(central, out, created=_FIXED)
    for name in ("Totaaltelling_TK2023.eml.xml", "Resultaat_TK2023.eml.xml"):
        shutil.copy(out / name, published / name)
    return TkSet(municipal, central, published, out)


def tk2023_set(shared: Path, base: Path) -> TkSet:
    """The set under ``base`` (a folder all xdist workers share), built by the first to come.

    The others wait for the builder's ``done`` marker (at most ten minutes).
    """
    folder = base / "tk2023"
    done = base / "tk2023.done"
    failed = base / "tk2023.failed"
    lock = base / "tk2023.lock"
    try:
        descriptor = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
    except FileExistsError:
        deadline = time.monotonic() + 600
        while not done.exists():
            if failed.exists():
                raise RuntimeError(f"building {folder} failed: {failed.read_text()}") from None
            if time.monotonic() > deadline:
                raise TimeoutError(f"another worker did not finish building {folder}") from None
            time.sleep(0.5)
    else:
        os.close(descriptor)
        try:
            build_tk2023(shared, folder)
        except BaseException as error:
            failed.write_text(repr(error))
            raise
        done.touch()
    return TkSet(folder / "municipal", folder / "central", folder / "published", folder / "csb")
