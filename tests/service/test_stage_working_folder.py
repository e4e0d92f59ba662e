"""The folder a stage computes from is valid against the official schemas (issue 14, defect 8).

The HSB and CSB stages compute with ``osv result`` on a folder written from the store
(:func:`osv.service.result.stored.folder.working_folder`): the election definition (110a) and the
candidate lists (230b) written again, the uploaded counts, and the municipalities' totals typed
in twice as 510b files. With the schemas configured (``OSV_EML_XSD_DIR``, set by ``make run``)
``osv result`` validates every one of them, so each must be valid: the 110a and 230b were
written without ``IssueDate`` and ``kr:CreationDateTime``, and the typed totals without
``kr:CreationDateTime``, and the schemas refused them. Here each file of the folders of a
Tweede Kamer HSB and CSB and of a municipality's CSB is read with the schemas, and the folder
is written the same, byte for byte, each time (its files' hashes are in the stage's reports).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import pytest

from eml import Eml510, read_eml
from eml.safe import Limits
from eml.xsd import SchemaSet
from osv.service.demo import write_demo
from osv.service.entry import Actor
from osv.service.importing import HashCheck, import_files
from osv.service.result.stored import open_totals, upload_count
from osv.service.result.stored.folder import working_folder
from osv.store import UnitOfWork
from tests.demo_national import write_national
from tests.service.helpers import groups_of
from tests.ui.stage_counts import by_district, type_totals_twice

Factory = Callable[[], UnitOfWork]
COORDINATOR = Actor("coordinator_hsb", "coordinator")


def _import(factory: Factory, paths: list[Path], schemas: SchemaSet) -> None:
    import_files(
        factory,
        [p for p in paths if p.suffix == ".xml" and not p.name.startswith("Telling")],
        schemas=schemas,
        limits=Limits(),
        hash_check=HashCheck(skip=True),
        actor="test",
    )


def _type_totals(factory: Factory, eid: str, committee: str, count: Path) -> None:
    """Open the municipality of the 510b ``count`` for entry and type its total twice."""
    document = read_eml(count).document
    assert isinstance(document, Eml510)
    assert document.header.managing_authority is not None
    open_totals(factory, eid, committee, document.header.managing_authority.id, COORDINATOR)
    type_totals_twice(factory, eid, committee, count)


def _folder(factory: Factory, eid: str, committee: str) -> dict[str, bytes]:
    with factory() as uow, working_folder(uow, eid, committee) as folder:
        return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def _valid(files: dict[str, bytes], schemas: SchemaSet) -> dict[str, str]:
    """Each file read against the official schemas: its name and message type."""
    found = {}
    for name, data in files.items():
        read = read_eml(data, source=name, schemas=schemas)
        assert read.validated, name
        found[name] = read.document.message_type.value
    return found


@pytest.fixture
def national(uow_factory: Factory, tmp_path: Path) -> tuple[Factory, list[Path]]:
    paths = write_national(tmp_path / "tk", scale=0.06, max_candidates=8)  # district 1: two
    return uow_factory, paths


def test_the_folders_of_a_tweede_kamer_hsb_and_csb_are_schema_valid(
    national: tuple[Factory, list[Path]], schemas: SchemaSet
) -> None:
    factory, paths = national
    _import(factory, paths, schemas)
    typed, uploaded = sorted(by_district(paths)["1"])
    data = uploaded.read_bytes()
    upload_count(
        factory,
        "TK2026",
        "HSB1",
        uploaded.name,
        data,
        "test",
        typed=groups_of(hashlib.sha256(data).digest()),
        schemas=schemas,
    )
    _type_totals(factory, "TK2026", "HSB1", typed)

    hsb = _folder(factory, "TK2026", "HSB1")
    assert sorted(_valid(hsb, schemas).values()) == ["110a", "510b", "510b"]
    csb = _folder(factory, "TK2026", "CSB")
    assert sorted(_valid(csb, schemas).values()) == ["110a"] + ["230b"] * 20
    assert _folder(factory, "TK2026", "HSB1") == hsb  # the same bytes every time
    assert _folder(factory, "TK2026", "CSB") == csb


def test_the_folder_of_a_municipal_councils_csb_is_schema_valid(
    uow_factory: Factory, tmp_path: Path, schemas: SchemaSet
) -> None:
    paths = write_demo(tmp_path / "demo", with_counts=True)
    _import(uow_factory, paths, schemas)
    _type_totals(
        uow_factory, "GR2026_Vlietdam", "CSB", next(p for p in paths if "Telling" in p.name)
    )

    csb = _folder(uow_factory, "GR2026_Vlietdam", "CSB")
    assert sorted(_valid(csb, schemas).values()) == ["110a", "230b", "510b"]
    assert _folder(uow_factory, "GR2026_Vlietdam", "CSB") == csb
