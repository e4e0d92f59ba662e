"""A municipality's 510b as the first entry of its totals at the CSB, the second typed (HTTP).

The coordinator CSB uploads the demo municipality's 510b with "510b als eerste invoer" and
types the two hidden groups of its hash (read from the file's real SHA-256); a typist CSB
types the totals from the paper. Equal: definitive, and the result equals the one of the
uploaded 510b. One box different (Z): "Invoer verschilt" with that box, the coordinator keeps
the typed value, and the 510d has it. The coordinator cannot type; refused imports store
nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from eml import read_eml, write_eml
from eml.documents import Eml510
from osv.model.entry import CountEntry, EntryModel
from osv.service.demo import build_demo
from osv.service.entry import counts_entry
from osv.service.result.stored import (
    compute,
    stage_documents,
    stage_view,
    totals_overview,
    upload_count,
)
from osv.service.users import create_user
from tests.ui.helpers import COMMITTEE, EID, PASSWORD, Installation, client, hidden, install
from tests.ui.stage_counts import demo_count
from tests.ui.stage_uploads import hash_groups
from ui.forms import value_at

PAGE = f"/uitslag/{EID}/CSB"
FILE = "Telling_GR2026_Vlietdam_gemeente_Vlietdam.eml.xml"


@pytest.fixture
def installed(tmp_path_factory: pytest.TempPathFactory, xsd_dir: Path) -> Iterator[Installation]:
    installation = install(tmp_path_factory.mktemp("first"), session=False, xsd_dir=xsd_dir)
    create_user(installation.factory, "typist_csb_2", PASSWORD, "typist_csb", "test")
    yield installation
    installation.factory.close()


def _paper() -> CountEntry:
    """The municipality's totals as printed on its paper Na 31-2 (the same as its 510b)."""
    total = build_demo().count.contests[0].total
    assert total is not None
    return counts_entry(total, EntryModel.GSB_TOTALS)


def _ask(coordinator: TestClient, data: bytes, municipality: str = COMMITTEE) -> Any:
    """Step 1: upload the 510b as first entry of ``municipality``."""
    page = coordinator.get(PAGE).text
    return coordinator.post(
        f"{PAGE}/eerste-invoer",
        data={"csrf": hidden(page, "csrf"), "gemeente": municipality},
        files=[("bestand", (FILE, data, "application/xml"))],
    )


def _import(coordinator: TestClient, data: bytes, typed: tuple[str, str] | None = None) -> Any:
    """Both steps: upload, then type the hidden hash groups (the right ones by default)."""
    asked = _ask(coordinator, data)
    assert asked.status_code == 200, asked.text
    assert "Hashcode controleren" in asked.text
    first, second = typed or hash_groups(data)
    return coordinator.post(
        f"{PAGE}/eerste-invoer/bevestigen",
        data={
            "csrf": hidden(asked.text, "csrf"),
            "upload": hidden(asked.text, "upload"),
            "groep1:0": first,
            "groep2:0": second,
        },
    )


def _box(value: object) -> str:
    """A box as typed: a number (also 0) or nothing."""
    return "" if value is None else str(value)


def _type(client: TestClient, entry: CountEntry) -> Any:
    """Claim the municipality on /totalen and submit the whole form as ``entry`` says; confirm
    against the paper when the page asks."""
    listed = client.get("/totalen").text
    session_id = re.search(r'action="/totalen/(\d+)/' + COMMITTEE + '/starten"', listed)
    assert session_id is not None, "the municipality is not offered to this typist"
    url = f"/totalen/{session_id.group(1)}/{COMMITTEE}"
    assert client.post(f"{url}/starten", data={"csrf": hidden(listed, "csrf")}).status_code == 303
    form = client.get(url).text
    # the untyped form shows no marks: nothing hints at the boxes the file filled
    assert 'class="verschil"' not in form
    assert 'id="gecontroleerd"' not in form
    names = re.findall(r'<input id="v\d+" name="([^"]+)"', form)
    data = {name: _box(value_at(entry, name)) for name in names}
    data |= {"csrf": hidden(form, "csrf"), "versie": hidden(form, "versie")}
    shown = client.post(url, data=data)
    if shown.status_code != 200:
        return shown
    marked = re.findall(r'<tr class="verschil">.*?name="([^"]+)"', shown.text, re.S)
    confirm = {**data, "versie": hidden(shown.text, "versie"), "gecontroleerd": "1"}
    done = client.post(url, data=confirm)
    done.marked = marked  # type: ignore[attr-defined]
    return done


def _state(installed: Installation) -> str:
    _, rows = totals_overview(installed.factory, EID, "CSB")
    return rows[0].state


def _rows(installed: Installation) -> tuple[int, int, int, int]:
    """Entry sessions, sources, stage files and audit events stored."""
    with installed.factory() as uow:
        sessions = uow.entries.sessions(EID, "CSB")
        sources = sum(len(uow.entries.sources(s.id)) for s in sessions)
        files = len(uow.stages.files(EID, "CSB", "input"))
        return len(sessions), sources, files, len(uow.audit.events())


def _uploaded_result(installed: Installation) -> list[tuple[int, int, int]]:
    """Votes and seats per list with the 510b uploaded directly, in a fresh installation."""
    other = install(installed.settings.home / "upload", session=False)
    try:
        upload_count(
            other.factory, EID, "CSB", FILE, demo_count(), "test", typed=hash_groups(demo_count())
        )
        report = compute(other.factory, EID, "CSB", "test")
    finally:
        other.factory.close()
    return [(lst["number"], lst["votes"], lst["seats"]) for lst in report["lists"]]


def test_the_file_as_first_entry_and_the_same_paper_count_like_the_upload(
    installed: Installation,
) -> None:
    coordinator = client(installed, "coordinator_csb")
    page = coordinator.get(PAGE).text
    assert f'id="eerste-invoer-{COMMITTEE}"' in page
    assert f'<label for="eerste-invoer-{COMMITTEE}">510b van gemeente {COMMITTEE}' in page

    asked = _ask(coordinator, demo_count())
    assert asked.status_code == 200
    assert "eerste invoer" in asked.text
    assert f'action="{PAGE}/eerste-invoer/bevestigen"' in asked.text
    assert _rows(installed)[:2] == (0, 0)  # checked, nothing stored yet

    stored = _import(coordinator, demo_count())
    assert stored.status_code == 303
    assert _state(installed) == "FirstEntryFinalised"
    page = coordinator.get(PAGE).text
    assert "Wacht op tweede invoer" in page
    assert f"uit bestand {FILE}, sha256 " in page
    assert f'id="eerste-invoer-{COMMITTEE}"' not in page  # no longer offered

    typist = client(installed, "typist_csb")
    listed = typist.get("/totalen").text
    assert "Wacht op tweede invoer" in listed
    assert "De eerste invoer is de 510b van de gemeente" in listed
    assert _type(typist, _paper()).status_code == 303
    assert _state(installed) == "Definitive"

    page = coordinator.get(PAGE).text
    calculated = coordinator.post(f"{PAGE}/berekenen", data={"csrf": hidden(page, "csrf")})
    assert calculated.status_code == 303
    report = stage_view(installed.factory, EID, "CSB").report
    assert report is not None
    assert report["status"] == "complete"
    assert [
        (lst["number"], lst["votes"], lst["seats"]) for lst in report["lists"]
    ] == _uploaded_result(installed)


def test_one_different_box_goes_to_the_coordinator_who_keeps_the_typed_value(
    installed: Installation,
) -> None:
    coordinator = client(installed, "coordinator_csb")
    assert _import(coordinator, demo_count()).status_code == 303
    paper = _paper()
    typed = paper.model_copy(update={"eligible_voters": (paper.eligible_voters or 0) + 1})

    done = _type(client(installed, "typist_csb"), typed)
    assert done.status_code == 303
    assert done.marked == ["eligible_voters"]  # the typist is shown the differing box
    assert _state(installed) == "EntriesDifferent"

    page = coordinator.get(PAGE).text
    assert "Invoer verschilt" in page
    table = re.search(
        rf'<table class="lijst" id="verschillen-{COMMITTEE}">(.*?)</table>', page, re.S
    )
    assert table is not None
    rows = re.findall(
        r'<tr class="verschil"><th scope="row">([^<]+)</th><td>(\d+)</td><td>(\d+)</td>',
        table.group(1),
    )
    assert rows == [("Z. Kiesgerechtigden", str(paper.eligible_voters), str(typed.eligible_voters))]
    options = re.findall(
        r'<option value="([a-z_]+)">',
        page.split(f'id="besluit-{COMMITTEE}"')[1].split("</select>")[0],
    )
    assert "return_first" not in options
    assert {"keep_first", "keep_second", "return_second", "discard_both"} <= set(options)

    refused = coordinator.post(
        f"{PAGE}/invoer/{COMMITTEE}/besluit",
        data={
            "csrf": hidden(page, "csrf"),
            "versie": hidden(page, "versie"),
            "besluit": "return_first",
        },
    )
    assert refused.status_code == 400
    assert "is haar 510b" in refused.text
    assert _state(installed) == "EntriesDifferent"

    kept = coordinator.post(
        f"{PAGE}/invoer/{COMMITTEE}/besluit",
        data={
            "csrf": hidden(page, "csrf"),
            "versie": hidden(page, "versie"),
            "besluit": "keep_second",
        },
    )
    assert kept.status_code == 303
    assert _state(installed) == "FirstEntryFinalised"
    assert f"/{COMMITTEE}/starten" not in client(installed, "typist_csb").get("/totalen").text
    assert _type(client(installed, "typist_csb_2"), typed).status_code == 303
    assert _state(installed) == "Definitive"

    page = coordinator.get(PAGE).text
    assert (
        coordinator.post(f"{PAGE}/berekenen", data={"csrf": hidden(page, "csrf")}).status_code
        == 303
    )
    _, files = stage_documents(installed.factory, EID, "CSB")
    document = read_eml(
        next(data for name, data in files if name.startswith("Totaaltelling"))
    ).document
    assert isinstance(document, Eml510)
    total = document.contests[0].total
    assert total is not None
    assert total.cast == typed.eligible_voters


def test_the_importing_coordinator_cannot_type_the_second_entry(installed: Installation) -> None:
    coordinator = client(installed, "coordinator_csb")
    assert _import(coordinator, demo_count()).status_code == 303
    session_id, _ = totals_overview(installed.factory, EID, "CSB")
    page = coordinator.get(PAGE).text
    assert coordinator.get("/totalen").status_code == 403
    claimed = coordinator.post(
        f"/totalen/{session_id}/{COMMITTEE}/starten", data={"csrf": hidden(page, "csrf")}
    )
    assert claimed.status_code == 403
    assert _state(installed) == "FirstEntryFinalised"


def _other_election() -> bytes:
    count = build_demo().count
    return write_eml(
        count.model_copy(
            update={"identifier": count.identifier.model_copy(update={"id": "GR2026_Elders"})}
        )
    )


@pytest.mark.parametrize(
    ("mistake", "message"),
    [
        ("hash", "zijn niet gelijk aan de verborgen groepen"),
        ("municipality", "is de telling van gemeente 9997, niet van gemeente 1234"),
        ("election", "is een telling van verkiezing GR2026_Elders, niet van GR2026_Vlietdam"),
    ],
)
def test_a_refused_import_stores_nothing(
    installed: Installation, mistake: str, message: str
) -> None:
    coordinator = client(installed, "coordinator_csb")
    before = _rows(installed)
    if mistake == "hash":
        refused = _import(coordinator, demo_count(), typed=hash_groups(demo_count() + b" "))
    elif mistake == "municipality":
        refused = _ask(coordinator, demo_count(), municipality="1234")
    else:
        refused = _ask(coordinator, _other_election())
    assert refused.status_code == 400
    assert message in refused.text
    assert "niets" in refused.text
    assert _rows(installed) == before
    assert totals_overview(installed.factory, EID, "CSB") == (None, [])
    assert not list((installed.settings.home / "uploads" / "uitslag").glob("*/0/*"))
