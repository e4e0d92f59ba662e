"""The explanation of the shortcuts on the entry pages, over HTTP (without a browser).

A new typist's first entry page shows the explanation open; once they confirm it (a form post
with the CSRF token) it stays closed for them, but the link "Uitleg sneltoetsen" remains and
opens it again; another typist still gets it; only typists may confirm it.
tests/ui/test_browser_onboarding.py covers the dialog's keyboard use in a browser.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from osv.service.entry import Actor
from osv.service.result.stored import open_totals
from tests.ui.helpers import COMMITTEE, EID, Installation, client, csrf, install
from ui.routes.shortcuts import back_to

_DIALOG = re.compile(r'<dialog id="uitleg-sneltoetsen"[^>]*>')
_LINK = '<a href="?uitleg=1" data-uitleg>Uitleg sneltoetsen</a>'


@pytest.fixture
def installed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Installation]:
    installation = install(tmp_path_factory.mktemp("onboarding"), shortcuts_confirmed=False)
    yield installation
    installation.factory.close()


def _open(html: str) -> bool:
    """Whether the page holds the explanation, and whether it is open."""
    dialog = _DIALOG.search(html)
    assert dialog is not None, "the page has no explanation of the shortcuts"
    return bool(re.search(r"\sopen>$", dialog.group(0)))


def _first_page(client: TestClient, session_id: int, station: str) -> str:
    """Start the entry of ``station``; the URL of its first page."""
    started = client.post(
        f"/invoer/{session_id}/{station}/starten", data={"csrf": csrf(client.get("/invoer").text)}
    )
    assert started.status_code == 303, started.text
    return str(started.headers["location"])


def _events(installed: Installation) -> list[str]:
    with installed.factory() as uow:
        return [e.actor for e in uow.audit.events() if e.event == "user.shortcuts_confirmed"]


def test_a_new_typist_gets_the_explanation_until_they_confirm_it(installed: Installation) -> None:
    anna = client(installed, "typist_gsb")
    url = _first_page(anna, installed.session_id, "1")
    html = anna.get(url).text
    assert _open(html)
    assert '<h2 id="uitleg-titel">Zo werkt het invoeren</h2>' in html
    assert "Begrepen, starten" in html
    assert _LINK in html

    confirmed = anna.post(
        "/sneltoetsen/begrepen", data={"csrf": csrf(html), "terug": f"{url}?uitleg=1"}
    )
    assert confirmed.status_code == 303
    assert confirmed.headers["location"] == url  # back to the page, without "?uitleg"

    html = anna.get(url).text
    assert not _open(html)
    assert _LINK in html  # it can still be opened at any time
    assert _open(anna.get(f"{url}?uitleg=1").text)
    # confirming again changes nothing and logs nothing more
    assert anna.post("/sneltoetsen/begrepen", data={"csrf": csrf(html)}).status_code == 303
    assert _events(installed) == ["typist_gsb"]

    bram = client(installed, "typist_gsb_2")
    assert _open(bram.get(_first_page(bram, installed.session_id, "2")).text)


def test_a_typist_csb_gets_it_on_the_totals_form(installed: Installation) -> None:
    open_totals(installed.factory, EID, "CSB", COMMITTEE, Actor("coordinator_csb", "coordinator"))
    typist = client(installed, "typist_csb")
    listed = typist.get("/totalen").text
    started = re.search(rf'action="(/totalen/\d+/{COMMITTEE})/starten"', listed)
    assert started is not None
    url = started.group(1)
    assert typist.post(f"{url}/starten", data={"csrf": csrf(listed)}).status_code == 303
    html = typist.get(url).text
    assert _open(html)
    typist.post("/sneltoetsen/begrepen", data={"csrf": csrf(html), "terug": url})
    html = typist.get(url).text
    assert not _open(html)
    assert _LINK in html


@pytest.mark.parametrize(
    ("role", "home"),
    [
        ("observer", "/voortgang"),
        ("coordinator_gsb", "/zittingen"),
        ("coordinator_csb", "/uitslag"),
    ],
)
def test_only_typists_may_confirm_it(installed: Installation, role: str, home: str) -> None:
    """Refused by the route's rule (403), even with the session's own CSRF token."""
    browser = client(installed, role)
    token = csrf(browser.get(home).text)
    refused = browser.post("/sneltoetsen/begrepen", data={"csrf": token, "terug": "/invoer/1/1"})
    assert refused.status_code == 403
    assert _events(installed) == []


def test_confirming_needs_the_csrf_token(installed: Installation) -> None:
    anna = client(installed, "typist_gsb")
    assert anna.post("/sneltoetsen/begrepen", data={"terug": "/invoer"}).status_code == 400
    assert _events(installed) == []


@pytest.mark.parametrize(
    ("asked", "goes_to"),
    [
        ("/invoer/1/1/pagina/kiezers-en-stemmen?uitleg=1", "/invoer/1/1/pagina/kiezers-en-stemmen"),
        ("/totalen/3/9997#uitleg-sneltoetsen", "/totalen/3/9997"),
        ("https://example.org/invoer/1", "/"),
        ("//example.org/invoer/1", "/"),
        ("/invoer//example.org", "/"),
        ("/beheer/gebruikers", "/"),
    ],
)
def test_the_return_address_stays_on_the_entry_pages(asked: str, goes_to: str) -> None:
    assert back_to(asked) == goes_to
