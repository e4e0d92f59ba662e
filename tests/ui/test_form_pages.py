"""Every page of every paper form saves over HTTP, empty and filled, without a server error.

A typist may save any page in any order: a page left empty, a page filled as the paper says,
the first page of a decentral count (N 10-1) whose questions were never saved before. Each
form model of a municipality's sessions is started the way a coordinator starts it (the first
session with its counting method; a later session after an investigation), and every page of
its form is posted empty and then filled; each answer is a page (200, findings to check, or
422, a box that is not a number) or a redirect (303), never a 500.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, Literal

import pytest

from osv.model.entry import CountEntry, EntryModel
from osv.service.entry import (
    Actor,
    finish_session,
    request_investigation,
    start_session,
    view,
)
from tests.ui.helpers import (
    COMMITTEE,
    EID,
    Installation,
    client,
    explain_warnings,
    hidden,
    install,
    paper,
    typed_twice,
)
from ui.forms import Page, pages_of, value_at

COORDINATOR = Actor("coordinator_gsb", "coordinator")


def form_data(entry: CountEntry, page: Page) -> dict[str, str]:
    """The boxes of ``page`` as a browser posts them when they hold ``entry``'s values."""
    data: dict[str, str] = {}
    for field in page.fields:
        value = value_at(entry, field.path)
        if field.kind == "number":
            data[field.path] = "" if value is None else str(value)
        elif field.kind == "check" and value:
            data[field.path] = "1"
        elif field.kind == "yesno" and value:
            for tick in ("yes", "no"):
                if value[tick]:
                    data[f"{field.path}.{tick}"] = "1"
        elif field.kind == "choice" and value:
            data[field.path] = str(value)
    return data


def _session_of(
    installed: Installation, method: Literal["CSO", "DSO"], later: bool
) -> tuple[int, str]:
    """The session whose form is typed, and the station to type."""
    if not later:
        return installed.session_id, "1"
    for station in range(1, 21):
        typed_twice(installed.factory, installed.session_id, station)
    explain_warnings(installed.factory, installed.session_id)
    finish_session(installed.factory, installed.session_id, COORDINATOR)
    request_investigation(installed.factory, EID, COMMITTEE, 3, "hertelling", COORDINATOR)
    return start_session(installed.factory, EID, COMMITTEE, COORDINATOR).id, "3"


MODELS = {
    EntryModel.CSO_FIRST_SESSION: ("CSO", False),
    EntryModel.DSO_FIRST_SESSION: ("DSO", False),
    EntryModel.CSO_NEXT_SESSION: ("CSO", True),
    EntryModel.DSO_NEXT_SESSION: ("DSO", True),
}


@pytest.fixture(params=list(MODELS), ids=lambda m: m.value)
def typing(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Installation, int, str, EntryModel]]:
    model: EntryModel = request.param
    method, later = MODELS[model]
    installed = install(tmp_path_factory.mktemp(model.value), method=method)  # type: ignore[arg-type]
    session_id, key = _session_of(installed, method, later)  # type: ignore[arg-type]
    yield installed, session_id, key, model
    installed.factory.close()


def test_every_page_saves_empty_and_filled_without_a_server_error(
    typing: tuple[Installation, int, str, EntryModel],
) -> None:
    installed, session_id, key, model = typing
    typist = client(installed, "typist_gsb", server_errors=False)
    base = f"/invoer/{session_id}/{key}"
    started = typist.post(
        f"{base}/starten", data={"csrf": hidden(typist.get("/invoer").text, "csrf")}
    )
    assert started.status_code == 303, started.text
    current = view(installed.factory, session_id, key)
    assert current.model is model
    assert current.entry is not None
    entry = paper(int(key), model)
    answers: dict[str, list[int]] = {}
    for page in pages_of(current.entry, "GR", {}, {})[:-1]:
        for name, data in (("leeg", {}), ("ingevuld", form_data(entry, page))):
            html = typist.get(f"{base}/pagina/{page.slug}").text
            response = typist.post(
                f"{base}/pagina/{page.slug}",
                data={"csrf": hidden(html, "csrf"), "versie": hidden(html, "versie"), **data},
            )
            answers.setdefault(f"{page.slug} {name}", []).append(response.status_code)
    assert {k: v for k, v in answers.items() if set(v) - {200, 303}} == {}
    last = typist.get(f"{base}/pagina/controleren")
    assert last.status_code == 200
    stored = view(installed.factory, session_id, key).entry
    assert stored is not None
    assert stored.model_dump(exclude={"model"}) == entry.model_dump(exclude={"model"})


def test_the_first_page_of_a_decentral_count_saves(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """Defect 1 of issue 15: "Opslaan en volgende" on "Over het proces-verbaal" of a DSO first
    session answered HTTP 500 (``KeyError 'reason_own_initiative'``)."""
    installed = install(tmp_path_factory.mktemp("dso"), method="DSO")
    try:
        typist = client(installed, "typist_gsb", server_errors=False)
        sid = installed.session_id
        typist.post(
            f"/invoer/{sid}/1/starten", data={"csrf": hidden(typist.get("/invoer").text, "csrf")}
        )
        html = typist.get(f"/invoer/{sid}/1/pagina/proces-verbaal").text
        data: dict[str, Any] = {
            "csrf": hidden(html, "csrf"),
            "versie": hidden(html, "versie"),
            "dso.corrigendum_present": "OneDocument",
            "dso.checks_and_corrections_present": "PageMissing",
        }
        response = typist.post(f"/invoer/{sid}/1/pagina/proces-verbaal", data=data)
        assert response.status_code == 303, response.text[:500]
        assert response.headers["location"].endswith("/pagina/kiezers-en-stemmen")
        entry = view(installed.factory, sid, "1").entry
        assert entry is not None
        assert entry.dso is not None
        assert entry.dso.corrigendum_present == "OneDocument"
        assert entry.dso.checks_and_corrections_present == "PageMissing"
    finally:
        installed.factory.close()


def test_the_totals_form_saves_empty_and_filled_without_a_server_error(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """The committee totals form (GSBTotals, at the CSB) is one page: saved empty it shows its
    findings, saved as the paper says it is finalised; never a 500."""
    from osv.service.demo import build_demo
    from osv.service.entry import counts_entry

    installed = install(tmp_path_factory.mktemp("totals"), session=False)
    try:
        coordinator = client(installed, "coordinator_csb")
        page = f"/uitslag/{EID}/CSB"
        opened = coordinator.post(
            f"{page}/invoer",
            data={"csrf": hidden(coordinator.get(page).text, "csrf"), "gemeente": COMMITTEE},
        )
        assert opened.status_code == 303
        typist = client(installed, "typist_csb", server_errors=False)
        listed = typist.get("/totalen").text
        found = re.search(r'action="/totalen/(\d+)/' + COMMITTEE + '/starten"', listed)
        assert found is not None
        url = f"/totalen/{found.group(1)}/{COMMITTEE}"
        assert (
            typist.post(f"{url}/starten", data={"csrf": hidden(listed, "csrf")}).status_code == 303
        )
        total = build_demo().count.contests[0].total
        assert total is not None
        entry = counts_entry(total, EntryModel.GSB_TOTALS)
        entry = entry.model_copy(
            update={"eligible_voters": 2 * (entry.voters.poll_card_count or 0)}
        )
        html = typist.get(url).text
        empty = typist.post(
            url, data={"csrf": hidden(html, "csrf"), "versie": hidden(html, "versie")}
        )
        assert empty.status_code == 200, empty.text[:300]  # its findings, to check
        html = typist.get(url).text
        names = re.findall(r'<input id="v\d+" name="([^"]+)"', html)
        data = {name: str(value_at(entry, name) or "") for name in names}
        filled = typist.post(
            url, data={"csrf": hidden(html, "csrf"), "versie": hidden(html, "versie"), **data}
        )
        assert filled.status_code == 303, filled.text[:300]
    finally:
        installed.factory.close()
