"""A municipality's session through the web interface (over HTTP, without a browser).

Two typists type polling station 1 page by page; the second mistypes one box and sees W.001
there; the coordinator returns only that box to the second typist (W.002), who corrects it; the
other 19 stations are typed through the service; the coordinator explains the warnings, finishes
the session and downloads the zip, whose 510b is valid against the official schemas.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from osv.model.entry import CountEntry
from osv.service.entry import Actor, note_warning, overview, view
from osv.service.entry.read import session_info
from results.checks import check_entry
from tests.ui.helpers import Installation, client, hidden, install, paper, typed_twice
from ui.forms import pages_of, value_at


@pytest.fixture
def installed(tmp_path_factory: pytest.TempPathFactory, xsd_dir: Path) -> Iterator[Installation]:
    installation = install(tmp_path_factory.mktemp("flow"), xsd_dir=xsd_dir)
    yield installation
    installation.factory.close()


def _form(entry: CountEntry, fields: Any) -> dict[str, str]:
    data: dict[str, str] = {}
    for field in fields:
        value = value_at(entry, field.path)
        if field.kind == "number":
            data[field.path] = "" if value is None else str(value)
        elif field.kind == "check" and value:
            data[field.path] = "1"
        elif field.kind == "yesno" and value:
            for tick in ("yes", "no"):
                if value[tick]:
                    data[f"{field.path}.{tick}"] = "1"
    return data


def type_station(client: TestClient, session_id: int, key: str, entry: CountEntry) -> str:
    """Start, type every page as ``entry`` says from the page the start opens (the first, or
    for a correction the page of the first cleared box), confirm findings; return the last
    page."""
    base = f"/invoer/{session_id}/{key}"
    start = client.post(
        f"{base}/starten", data={"csrf": hidden(client.get("/invoer").text, "csrf")}
    )
    assert start.status_code == 303, start.text
    location = start.headers["location"]
    pages = pages_of(entry, "GR", {}, {})
    opened = next(i for i, page in enumerate(pages) if location.endswith(f"/pagina/{page.slug}"))
    for page in pages[opened:-1]:
        assert location.endswith(f"/pagina/{page.slug}"), location
        html = client.get(location).text
        data = {
            "csrf": hidden(html, "csrf"),
            "versie": hidden(html, "versie"),
            **_form(entry, page.fields),
        }
        response = client.post(location, data=data)
        if response.status_code == 200:  # findings on the page: check and confirm
            data["versie"] = hidden(response.text, "versie")
            data["gecontroleerd"] = "1"
            response = client.post(location, data=data)
        assert response.status_code == 303, response.text[:2000]
        location = response.headers["location"]
    return client.get(location).text


def test_two_typists_a_difference_resolved_and_the_zip(
    installed: Installation, schemas: Any
) -> None:
    sid = installed.session_id
    anna, bram = client(installed, "typist_gsb"), client(installed, "typist_gsb_2")
    carla = client(installed, "coordinator_gsb")
    entry = paper(1)
    last = type_station(anna, sid, "1", entry)
    done = anna.post(
        f"/invoer/{sid}/1/afronden",
        data={"csrf": hidden(last, "csrf"), "versie": hidden(last, "versie")},
    )
    assert done.status_code == 303
    assert view(installed.factory, sid, "1").state == "FirstEntryFinalised"

    # the first typist may not type the second entry
    refused = anna.post(f"/invoer/{sid}/1/starten", data={"csrf": hidden(last, "csrf")})
    assert refused.status_code == 409
    assert "iemand anders" in refused.text

    wrong = entry.model_copy(
        update={
            "voters": entry.voters.model_copy(
                update={"poll_card_count": (entry.voters.poll_card_count or 0) + 1}
            )
        }
    )
    base = f"/invoer/{sid}/1"
    bram.post(f"{base}/starten", data={"csrf": hidden(bram.get("/invoer").text, "csrf")})
    page = bram.get(f"{base}/pagina/extra-onderzoek").text
    pages = pages_of(wrong, "GR", {}, {})
    bram.post(
        f"{base}/pagina/extra-onderzoek",
        data={
            "csrf": hidden(page, "csrf"),
            "versie": hidden(page, "versie"),
            **_form(wrong, pages[0].fields),
        },
    )
    page = bram.get(f"{base}/pagina/kiezers-en-stemmen").text
    # before typing a page the second typist sees no marks: nothing hints at the first entry
    assert "W.001" not in page
    assert 'class="verschil' not in page
    shown = bram.post(
        f"{base}/pagina/kiezers-en-stemmen",
        data={
            "csrf": hidden(page, "csrf"),
            "versie": hidden(page, "versie"),
            **_form(wrong, pages[1].fields),
        },
    )
    assert shown.status_code == 200
    assert "W.001" in shown.text  # the difference with the first entry is marked
    last = type_station(bram, sid, "1", wrong)
    bram.post(
        f"{base}/afronden", data={"csrf": hidden(last, "csrf"), "versie": hidden(last, "versie")}
    )
    assert view(installed.factory, sid, "1").state == "EntriesDifferent"

    detail = carla.get(f"/zittingen/{sid}/bron/1").text
    assert "A. Geldige stempassen" in detail  # the paper's label, not the field path
    assert "voters.poll_card_count" not in detail
    decided = carla.post(
        f"/zittingen/{sid}/bron/1/besluit",
        data={
            "csrf": hidden(detail, "csrf"),
            "versie": hidden(detail, "versie"),
            "besluit": "return_second",
        },
    )
    assert decided.status_code == 303
    assert view(installed.factory, sid, "1").state == "SecondEntryCorrection"

    last = type_station(bram, sid, "1", entry)
    assert "W.002" not in last
    bram.post(
        f"{base}/afronden", data={"csrf": hidden(last, "csrf"), "versie": hidden(last, "versie")}
    )
    assert view(installed.factory, sid, "1").state == "Definitive"

    for station in range(2, 21):
        typed_twice(installed.factory, sid, station)
    coordinator = Actor("coordinator_gsb", "coordinator")
    for row in overview(installed.factory, sid):
        current = view(installed.factory, sid, row.key)
        assert current.entry is not None
        for warning in check_entry(current.entry).warnings:
            note_warning(
                installed.factory,
                sid,
                row.key,
                coordinator,
                warning.code,
                list_number=warning.list_number,
                explanation="gecontroleerd",
            )
    status = carla.get(f"/zittingen/{sid}").text
    assert "20 van 20 stembureaus definitief" in status
    finished = carla.post(
        f"/zittingen/{sid}/afronden", data={"csrf": hidden(status, "csrf"), "bevestigd": "1"}
    )
    assert finished.status_code == 303, finished.text
    info = session_info(installed.factory, sid)
    assert info is not None
    assert info.session.status == "completed"

    download = carla.get(f"/zittingen/{sid}/documenten.zip")
    assert download.status_code == 200
    assert (
        "OSV_GR2026_Vlietdam_gemeente_9997_zitting_1.zip" in download.headers["content-disposition"]
    )
    names = zipfile.ZipFile(io.BytesIO(download.content)).namelist()
    eml = next(n for n in names if n.startswith("Telling_"))
    assert any(n.endswith(".csv") for n in names)
    from eml import read_eml

    data = zipfile.ZipFile(io.BytesIO(download.content)).read(eml)
    assert read_eml(data, schemas=schemas).validated
