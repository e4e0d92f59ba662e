"""The municipal flow in a real browser: Playwright for Python driving Debian's Chromium.

Two typists enter polling station 1 page by page with the keyboard and the mouse; the second
types one box differently and sees W.001; the coordinator returns that box to the second
typist, who corrects it (W.002); the other stations are typed through the service; the
coordinator finishes the session and downloads the zip, whose 510b is valid against the
official schemas. Pages are checked with axe-core (from the PyPI package axe-playwright-python)
and screenshots are saved under ``test-output/screenshots``.

Skipped, with the reason, when ``/usr/bin/chromium`` is absent, except in CI (``.ci/run``
installs it), where that fails.
"""

from __future__ import annotations

import io
import os
import socket
import threading
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from osv.model.entry import CountEntry
from osv.service.entry import Actor, note_warning, overview, view
from results.checks import check_entry
from tests.ui.helpers import PASSWORD, Installation, install, paper, typed_twice
from ui.forms import pages_of, value_at

CHROMIUM = Path("/usr/bin/chromium")
SHOTS = Path(__file__).resolve().parents[2] / "test-output" / "screenshots"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(autouse=True)
def _chromium() -> None:
    """Skip without Chromium locally; in CI (``CI`` set, ``.ci/run`` installs it) fail."""
    if not CHROMIUM.exists():
        reason = "Debian's Chromium (/usr/bin/chromium) is not installed (apt-get install chromium)"
        if os.environ.get("CI"):
            pytest.fail(f"{reason}; CI must run the browser tests")
        pytest.skip(reason)


@pytest.fixture
def server(tmp_path: Path, xsd_dir: Path) -> Iterator[tuple[str, Installation]]:
    """The demo installation served over HTTP, configured with the official schemas (as
    ``make run`` is), so every EML file the flows read or write is validated."""
    import uvicorn

    installed = install(tmp_path, xsd_dir=xsd_dir)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = uvicorn.Config(installed.app, host="127.0.0.1", port=port, log_level="warning")
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not running.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}", installed
    running.should_exit = True
    thread.join(5)
    installed.factory.close()


def _login(browser: Any, base: str, name: str) -> Any:
    page = browser.new_page(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page.set_default_timeout(5000)
    page.goto(f"{base}/inloggen")
    page.fill("#naam", name)
    page.fill("#wachtwoord", PASSWORD)
    page.click("button[type=submit]")
    return page


def _shot(page: Any, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def _axe(page: Any) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [v["id"] for v in results.response["violations"]]


def _type(page: Any, entry: CountEntry, *, shot: str = "", keyboard: bool = False) -> None:
    """Fill in every page of the open form as ``entry`` says, confirming findings.

    With ``keyboard``, the voters-and-votes page is typed with the keyboard only: each Enter
    must move the focus to the next box, and Enter in the last box saves the page.
    """
    for form_page in pages_of(entry, "GR", {}, {})[:-1]:
        by_keys = keyboard and form_page.slug == "kiezers-en-stemmen"
        for i, field in enumerate(form_page.fields):
            value = value_at(entry, field.path)
            box = page.locator(f'[name="{field.path}"]')
            if by_keys:
                assert field.kind == "number"
                if i == 0:
                    box.focus()
                assert box.evaluate("e => e === document.activeElement"), field.path
                page.keyboard.type("" if value is None else str(value))
                if i == len(form_page.fields) - 1:
                    with page.expect_navigation():
                        page.keyboard.press("Enter")
                else:
                    page.keyboard.press("Enter")
            elif field.kind == "number":
                box.fill("" if value is None else str(value))
            elif field.kind == "check":
                box.set_checked(bool(value))
            elif field.kind == "yesno":
                for tick in ("yes", "no"):
                    page.locator(f'[name="{field.path}.{tick}"]').set_checked(
                        bool(value and value[tick])
                    )
        if not by_keys:
            page.click("#volgende")
        if (
            page.url.endswith(f"/pagina/{form_page.slug}")
            and page.locator("#gecontroleerd").count()
        ):
            if shot:
                _shot(page, shot)
                shot = ""
            page.check("#gecontroleerd")
            page.click("#volgende")
    page.wait_for_selector("#afronden")


def test_a_municipal_session_in_the_browser(server: tuple[str, Installation], schemas: Any) -> None:
    from playwright.sync_api import sync_playwright

    base, installed = server
    sid = installed.session_id
    entry = paper(1)
    wrong = entry.model_copy(
        update={
            "voters": entry.voters.model_copy(
                update={"poll_card_count": (entry.voters.poll_card_count or 0) + 1}
            )
        }
    )
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        login = browser.new_page()
        login.goto(f"{base}/inloggen")
        _shot(login, "01-inloggen")
        violations = {"inloggen": _axe(login)}

        anna = _login(browser, base, "typist_gsb")
        _shot(anna, "02-invoer-stembureau-kiezen")
        anna.get_by_role("button", name="Eerste invoer stembureau 1", exact=True).click()
        anna.wait_for_url("**/pagina/extra-onderzoek")
        violations["invoerpagina"] = _axe(anna)
        _type(anna, entry, keyboard=True)
        anna.click("#afronden")
        anna.wait_for_url("**/invoer?klaar=1")

        bram = _login(browser, base, "typist_gsb_2")
        bram.get_by_role("button", name="Tweede invoer stembureau 1", exact=True).click()
        _type(bram, wrong, shot="03-tweede-invoer-W001")
        bram.click("#afronden")
        assert view(installed.factory, sid, "1").state == "EntriesDifferent"

        carla = _login(browser, base, "coordinator_gsb")
        carla.goto(f"{base}/zittingen/{sid}")
        _shot(carla, "04-statusoverzicht")
        violations["statusoverzicht"] = _axe(carla)
        carla.click(f'a[href="/zittingen/{sid}/bron/1"]')
        _shot(carla, "05-verschil-oplossen")
        violations["verschil-oplossen"] = _axe(carla)
        carla.check("#b-return_second")
        carla.click("#besluiten")
        assert view(installed.factory, sid, "1").state == "SecondEntryCorrection"

        bram.goto(f"{base}/invoer")
        bram.get_by_role("button", name="Corrigeren stembureau 1", exact=True).click()
        _shot(bram, "06-correctie-W002")
        _type(bram, entry)
        bram.click("#afronden")
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
                    handled=True,
                )
        carla.goto(f"{base}/zittingen/{sid}")
        carla.click("#afronden")
        _shot(carla, "07-zitting-afgerond")
        with carla.expect_download() as download:
            carla.click("#download")
        archive = zipfile.ZipFile(io.BytesIO(Path(download.value.path()).read_bytes()))
        eml = next(n for n in archive.namelist() if n.startswith("Telling_"))
        from eml import read_eml

        assert read_eml(archive.read(eml), schemas=schemas).validated

        carla.goto(f"{base}/voortgang")
        carla.get_by_role("button", name="Nieuwe weergavelink").click()
        link = carla.locator("a[href^='/beamer/']").first.get_attribute("href")
        projector = browser.new_page(viewport={"width": 1280, "height": 720})
        projector.goto(f"{base}{link}")
        _shot(projector, "08-beamer")
        violations["beamer"] = _axe(projector)
        carla.goto(f"{base}/onderzoeken")
        _shot(carla, "09-onderzoeken")
        violations["onderzoeken"] = _axe(carla)
        admin = _login(browser, base, "administrator")
        for path, name in (
            ("/beheer/stembureaus", "10-stembureaus"),
            ("/beheer/gebruikers", "11-gebruikers"),
        ):
            admin.goto(f"{base}{path}")
            _shot(admin, name)
            violations[name] = _axe(admin)
        browser.close()
    assert violations == {name: [] for name in violations}
