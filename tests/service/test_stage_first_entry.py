"""A municipality's 510b as the first entry of its totals at the CSB; a typist types the second.

The demo election is imported; the coordinator imports the demo municipality's 510b (typing
the two hidden groups of its hash, read from the file's real SHA-256), a typist types the
totals from the paper (:func:`_paper`: the municipality's total as written on its Na 31-2).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import pytest

from eml import read_eml, write_eml
from eml.documents import Authority, Eml510
from eml.safe import Limits
from osv.model.entry import CountEntry, EntryModel
from osv.service.demo import build_demo, write_demo
from osv.service.entry import Actor, claim, counts_entry, decide, finalise, view
from osv.service.importing import HashCheck, import_files
from osv.service.result.stored import (
    StageRefusedError,
    check_first_entry,
    compute,
    decide_totals,
    first_entry_files,
    import_first_entry,
    open_totals,
    stage_documents,
    totals_overview,
    upload_count,
)
from osv.store import UnitOfWork
from results.entry import EntryTransitionError
from tests.service.helpers import groups_of
from tests.ui.stage_counts import inconsistent_count

EID = "GR2026_Vlietdam"
CODE = "9997"
NAME = "Telling_GR2026_Vlietdam_gemeente_Vlietdam.eml.xml"
COORDINATOR = Actor("coordinator_csb", "coordinator")
TYPIST, TYPIST_2 = Actor("typist_csb", "typist"), Actor("typist_csb_2", "typist")

Factory = Callable[[], UnitOfWork]


@pytest.fixture
def demo(uow_factory: Factory, tmp_path: Path) -> Factory:
    paths = write_demo(tmp_path / "demo")
    import_files(
        uow_factory,
        [p for p in paths if p.suffix == ".xml" and not p.name.startswith("Telling")],
        schemas=None,
        limits=Limits(),
        hash_check=HashCheck(hash_file=next(p for p in paths if p.name == "Hashcodes.txt")),
        actor="test",
    )
    return uow_factory


def _count() -> bytes:
    return write_eml(build_demo().count)


def _groups(data: bytes) -> tuple[str, str]:
    return groups_of(hashlib.sha256(data).digest())


def _paper() -> CountEntry:
    """The municipality's totals as the typist reads them from the paper Na 31-2."""
    total = build_demo().count.contests[0].total
    assert total is not None
    return counts_entry(total, EntryModel.GSB_TOTALS)


def _import(factory: Factory, data: bytes | None = None) -> None:
    data = data if data is not None else _count()
    import_first_entry(factory, EID, "CSB", NAME, data, COORDINATOR, typed=_groups(data))


def _type(factory: Factory, typist: Actor, entry: CountEntry) -> str:
    session_id, _ = totals_overview(factory, EID, "CSB")
    assert session_id is not None
    claimed = claim(factory, session_id, CODE, typist, entry)
    return finalise(factory, session_id, CODE, typist, claimed.version).state


def _rows(factory: Factory) -> tuple[int, int, int, int]:
    """Entry sessions, sources, stage files and audit events stored."""
    with factory() as uow:
        sessions = uow.entries.sessions(EID, "CSB")
        sources = sum(len(uow.entries.sources(s.id)) for s in sessions)
        files = len(uow.stages.files(EID, "CSB", "input"))
        return len(sessions), sources, files, len(uow.audit.events())


def test_the_file_becomes_the_first_entry_made_by_the_coordinator(demo: Factory) -> None:
    data = _count()
    checked = check_first_entry(demo, EID, "CSB", NAME, data)
    assert (checked.part, checked.message_type) == (CODE, "510b")
    before = _rows(demo)

    shown = import_first_entry(demo, EID, "CSB", NAME, data, COORDINATOR, typed=_groups(data))

    assert (shown.key, shown.state, shown.typists) == (
        CODE,
        "FirstEntryFinalised",
        (COORDINATOR.name,),
    )
    assert shown.entry == _paper()  # box for box what the paper says
    assert _rows(demo) == (before[0] + 1, before[1] + 1, before[2], before[3] + 1)
    with demo() as uow:
        event = uow.audit.events(event="stage.first_entry_imported")[-1]
    sha256 = hashlib.sha256(data).hexdigest()
    assert event.actor == COORDINATOR.name
    assert event.data["first_entry"] == f"uit bestand {NAME}, sha256 {sha256}"
    assert (event.data["municipality"], event.data["hash_check"]) == (CODE, "typed-groups")
    assert first_entry_files(demo, EID, "CSB")[CODE].note == event.data["first_entry"]


def test_equal_second_entry_is_definitive_and_counts_like_the_upload(demo: Factory) -> None:
    _import(demo)
    assert _type(demo, TYPIST, _paper()) == "Definitive"

    report = compute(demo, EID, "CSB", "coordinator_csb")

    total = build_demo().count.contests[0].total
    assert total is not None
    assert report["status"] == "complete"
    assert {lst["number"]: lst["votes"] for lst in report["lists"]} == {
        lst.number: lst.votes for lst in total.lists
    }


def test_the_importing_coordinator_cannot_type_the_second_entry(demo: Factory) -> None:
    _import(demo)
    session_id, _ = totals_overview(demo, EID, "CSB")
    assert session_id is not None
    with pytest.raises(EntryTransitionError) as refused:
        claim(demo, session_id, CODE, Actor(COORDINATOR.name, "typist"), _paper())
    assert refused.value.code == "same_typist"
    with pytest.raises(Exception, match="only a typist"):
        claim(demo, session_id, CODE, COORDINATOR, _paper())
    assert totals_overview(demo, EID, "CSB")[1][0].state == "FirstEntryFinalised"


def test_a_different_number_goes_to_the_coordinator_who_keeps_the_typed_value(
    demo: Factory,
) -> None:
    """The paper says Z = 32,208, the file 32,207: the entries differ in Z only; the
    coordinator keeps the typed entry, a second typist confirms it, and the 510d has it."""
    _import(demo)
    paper = _paper()
    assert paper.eligible_voters == 32_207
    typed = paper.model_copy(update={"eligible_voters": 32_208})
    assert _type(demo, TYPIST, typed) == "EntriesDifferent"
    session_id, _ = totals_overview(demo, EID, "CSB")
    assert session_id is not None
    different = view(demo, session_id, CODE)
    assert different.differences == ("eligible_voters",)

    with pytest.raises(StageRefusedError) as refused:
        decide_totals(demo, EID, "CSB", CODE, COORDINATOR, "return_first", different.version)
    assert refused.value.code == "file_entry"

    kept = decide_totals(demo, EID, "CSB", CODE, COORDINATOR, "keep_second", different.version)
    assert (kept.state, kept.typists) == ("FirstEntryFinalised", (TYPIST.name,))
    assert _type(demo, TYPIST_2, typed) == "Definitive"

    assert compute(demo, EID, "CSB", "coordinator_csb")["status"] == "complete"
    _, files = stage_documents(demo, EID, "CSB")
    total_count = next(data for name, data in files if name.startswith("Totaaltelling"))
    document = read_eml(total_count).document
    assert isinstance(document, Eml510)
    total = document.contests[0].total
    assert total is not None
    assert total.cast == 32_208


@pytest.mark.parametrize("mistake", ["hash", "municipality", "election"])
def test_a_refused_import_stores_nothing(demo: Factory, mistake: str) -> None:
    data = _count()
    typed = _groups(data)
    count = build_demo().count
    if mistake == "hash":
        typed = _groups(data + b" ")
        code = "hash_mismatch"
    elif mistake == "municipality":
        header = count.header.model_copy(
            update={"managing_authority": Authority(id="0999", name="Elders")}
        )
        data = write_eml(count.model_copy(update={"header": header}))
        typed, code = _groups(data), "unknown_municipality"
    else:
        identifier = count.identifier.model_copy(update={"id": "GR2026_Elders"})
        data = write_eml(count.model_copy(update={"identifier": identifier}))
        typed, code = _groups(data), "wrong_election"
    before = _rows(demo)

    with pytest.raises(StageRefusedError) as refused:
        import_first_entry(demo, EID, "CSB", NAME, data, COORDINATOR, typed=typed)

    assert refused.value.code == code
    assert _rows(demo) == before
    assert totals_overview(demo, EID, "CSB") == (None, [])


def test_an_uploaded_municipality_is_refused(demo: Factory) -> None:
    data = _count()
    upload_count(demo, EID, "CSB", "Telling.eml.xml", data, "coordinator_csb", typed=_groups(data))
    before = _rows(demo)
    with pytest.raises(StageRefusedError) as refused:
        _import(demo)
    assert refused.value.code == "uploaded_already"
    assert _rows(demo) == before


def test_a_municipality_open_for_entry_is_refused(demo: Factory) -> None:
    open_totals(demo, EID, "CSB", CODE, COORDINATOR)
    before = _rows(demo)
    with pytest.raises(StageRefusedError) as refused:
        _import(demo)
    assert refused.value.code == "open_already"
    assert _rows(demo) == before


def test_after_an_import_the_file_can_neither_be_uploaded_nor_imported_again(
    demo: Factory,
) -> None:
    _import(demo)
    data = _count()
    with pytest.raises(StageRefusedError) as refused:
        upload_count(demo, EID, "CSB", NAME, data, "coordinator_csb", typed=_groups(data))
    assert refused.value.code == "typed_already"
    with pytest.raises(StageRefusedError) as again:
        _import(demo)
    assert again.value.code == "open_already"
    session_id, _ = totals_overview(demo, EID, "CSB")
    assert session_id is not None
    with demo() as uow:
        source = uow.entries.get_source(session_id, CODE)
        assert source is not None
    decide(demo, session_id, CODE, COORDINATOR, "reset", source.version)
    assert totals_overview(demo, EID, "CSB")[1][0].state == "Empty"


def test_a_file_of_another_municipality_than_chosen_or_with_errors_is_refused(
    demo: Factory,
) -> None:
    """The coordinator chose municipality 1234 but uploads 9997's file; a 510b whose total does
    not add up (list 1 raised by 7) cannot be a first entry: type both entries instead."""
    data = _count()
    before = _rows(demo)
    with pytest.raises(StageRefusedError) as other:
        import_first_entry(
            demo, EID, "CSB", NAME, data, COORDINATOR, typed=_groups(data), municipality="1234"
        )
    assert other.value.code == "other_municipality"
    wrong = inconsistent_count()
    with pytest.raises(StageRefusedError) as errors:
        check_first_entry(demo, EID, "CSB", NAME, wrong)
    assert errors.value.code == "file_has_errors"
    with pytest.raises(StageRefusedError) as again:
        import_first_entry(demo, EID, "CSB", NAME, wrong, COORDINATOR, typed=_groups(wrong))
    assert again.value.code == "file_has_errors"
    assert _rows(demo) == before
