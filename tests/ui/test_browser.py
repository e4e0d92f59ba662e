"""The municipal flow in a real browser, once per counting method: Playwright for Python driving
Debian's Chromium.

The coordinator starts the first session, choosing the counting method (CSO or DSO) and
confirming it. Two typists type polling station 1 with the keyboard only (tests/ui/keyboard.py
asserts the focus at every step); the second types one box differently and sees W.001; the
coordinator returns that box to the second typist, whose correction opens on its page (W.002).
Station 4's paper has many blank votes (W.201); the coordinator explains the warning, seeing
its numbers. The other stations are typed through the service. The coordinator finishes the
session (confirmed) and downloads the zip: a 510b valid against the official schemas and the
process-verbaal of the method only (Na 31-2 or Na 31-1). Then the central polling station's
request to investigate station 7 is recorded, a later session started (the method kept), the
recount typed twice with the keyboard, the session finished, and its zip holds the corrigendum
510b and the method's corrigenda (Na 14-2 and its Bijlage 1, or Na 14-1) and P 2a. Every page
is checked with axe-core (from the PyPI package axe-playwright-python); screenshots are saved
under ``test-output/screenshots``, prefixed with the method.

Skipped, with the reason, when ``/usr/bin/chromium`` is absent, except in CI (``.ci/run``
installs it), where that fails.
"""

from __future__ import annotations

import io
import socket
import threading
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from osv.model.entry import CountEntry, EntryModel
from osv.service.entry import Actor, claim, finalise, view
from osv.service.entry.read import sessions
from tests.checks.entries import change
from tests.conftest import unavailable
from tests.ui.helpers import PASSWORD, Installation, explain_warnings, install, paper
from tests.ui.keyboard import login as keys_login
from tests.ui.keyboard import type_entry
from ui.messages import METHOD_LABELS

CHROMIUM = Path("/usr/bin/chromium")
#: How long a browser step may wait for the page (ms): the tests wait on conditions (an
#: element, a navigation), and on a loaded 2-core machine a page of a few hundred stations can
#: take seconds, so the bound is generous; a test that works never waits this long.
WAIT_MS = 60_000
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
        unavailable(
            "Debian's Chromium (/usr/bin/chromium) is not installed (apt-get install chromium)"
        )


@pytest.fixture
def server(tmp_path: Path, xsd_dir: Path) -> Iterator[tuple[str, Installation]]:
    """The demo installation, its first session started as a central count, served over HTTP
    and configured with the official schemas (as ``make run`` is), so every EML file the flows
    read or write is validated."""
    yield from serve(install(tmp_path, xsd_dir=xsd_dir))


def serve(installed: Installation) -> Iterator[tuple[str, Installation]]:
    """Serve ``installed`` on a free port of 127.0.0.1 until the test is done."""
    import uvicorn

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = uvicorn.Config(installed.app, host="127.0.0.1", port=port, log_level="warning")
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + WAIT_MS / 1000
    while not running.started and time.monotonic() < deadline:
        time.sleep(0.05)
    if not running.started:
        raise RuntimeError(f"the test server did not start within {WAIT_MS // 1000} s")
    yield f"http://127.0.0.1:{port}", installed
    running.should_exit = True
    thread.join(5)
    installed.factory.close()


def _login(browser: Any, base: str, name: str) -> Any:
    page = browser.new_page(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page.set_default_timeout(WAIT_MS)
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


def _press(page: Any, selector: str, key: str = "Enter", *, navigates: bool = True) -> None:
    """Press ``key`` on the element (a button, a link, a radio): keyboard activation."""
    if navigates:
        with page.expect_navigation():
            page.locator(selector).press(key)
    else:
        page.locator(selector).press(key)


def _many_blank(entry: CountEntry) -> CountEntry:
    """``entry`` with 4 % of its votes cast more blank (and as many more poll cards): W.201."""
    cast = entry.votes.total_votes_cast_count or 0
    extra = cast // 25
    for path, value in (
        ("votes.blank_votes_count", (entry.votes.blank_votes_count or 0) + extra),
        ("votes.total_votes_cast_count", cast + extra),
        ("voters.poll_card_count", (entry.voters.poll_card_count or 0) + extra),
        (
            "voters.total_admitted_voters_count",
            (entry.voters.total_admitted_voters_count or 0) + extra,
        ),
    ):
        entry = change(entry, path, value)
    return entry


def _recount(entry: CountEntry) -> CountEntry:
    """``entry`` with two votes moved from the first to the second candidate of list 2."""
    votes = list(entry.lists[1].candidate_votes)
    votes[0], votes[1] = (votes[0] or 0) - 2, (votes[1] or 0) + 2
    return change(entry, "lists[1].candidate_votes", votes)


def _typed(installed: Installation, sid: int, station: int, entry: CountEntry) -> None:
    """Station ``station`` typed twice through the service."""
    key = str(station)
    first, second = Actor("typist_gsb", "typist"), Actor("typist_gsb_2", "typist")
    v = claim(installed.factory, sid, key, first, entry)
    v = finalise(installed.factory, sid, key, first, v.version)
    v = claim(installed.factory, sid, key, second, entry)
    finalise(installed.factory, sid, key, second, v.version)


def _zip(page: Any) -> dict[str, bytes]:
    with page.expect_download() as download:
        page.locator("#download").press("Enter")
    archive = zipfile.ZipFile(io.BytesIO(Path(download.value.path()).read_bytes()))
    return {name: archive.read(name) for name in archive.namelist()}


#: Per counting method: the forms of the first and later session, and the models of the zips.
METHODS = {
    "CSO": (
        EntryModel.CSO_FIRST_SESSION,
        EntryModel.CSO_NEXT_SESSION,
        ["Model_Na31-2_GR2026_Vlietdam_gemeente_Vlietdam.pdf"],
        [
            "Model_Na14-2_Bijlage1_GR2026_Vlietdam_SB7.pdf",
            "Model_Na14-2_GR2026_Vlietdam_gemeente_9997_Vlietdam.pdf",
            "Model_P2a_GR2026_Vlietdam_gemeente_9997_Vlietdam_zitting_2.pdf",
        ],
    ),
    "DSO": (
        EntryModel.DSO_FIRST_SESSION,
        EntryModel.DSO_NEXT_SESSION,
        ["Model_Na31-1_GR2026_Vlietdam_gemeente_Vlietdam.pdf"],
        [
            "Model_Na14-1_GR2026_Vlietdam_SB7.pdf",
            "Model_P2a_GR2026_Vlietdam_gemeente_9997_Vlietdam_zitting_2.pdf",
        ],
    ),
}


@pytest.fixture
def empty_server(tmp_path: Path) -> Iterator[tuple[str, Installation]]:
    """The demo installation without a session, served."""
    yield from serve(install(tmp_path, session=False))


@pytest.mark.parametrize("method", list(METHODS))
def test_a_municipality_counts_in_the_browser(
    empty_server: tuple[str, Installation], schemas: Any, method: str
) -> None:
    from playwright.sync_api import sync_playwright

    from eml import read_eml

    base, installed = empty_server
    first_model, next_model, first_models, later_models = METHODS[method]
    entry = paper(1, first_model)
    wrong = change(entry, "voters.poll_card_count", (entry.voters.poll_card_count or 0) + 1)
    wrong = change(
        wrong,
        "voters.total_admitted_voters_count",
        (entry.voters.total_admitted_voters_count or 0) + 1,
    )
    violations: dict[str, list[str]] = {}

    def look(page: Any, name: str) -> None:
        _shot(page, f"{method}-{name}")
        violations[name] = _axe(page)

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        login = browser.new_page()
        login.goto(f"{base}/inloggen")
        look(login, "01-inloggen")

        # the coordinator starts the first session: the method chosen and confirmed
        carla = keys_login(browser, base, "coordinator_gsb", PASSWORD)
        carla.goto(f"{base}/zittingen")
        _press(carla, "#zitting-starten")
        look(carla, "02-zitting-starten")
        _press(carla, f"#methode-{method}", "Space", navigates=False)
        _press(carla, "#bevestigd", "Space", navigates=False)
        _press(carla, "#starten")
        sid = sessions(installed.factory)[0].id
        assert carla.url.endswith(f"/zittingen/{sid}")
        assert f"{METHOD_LABELS[method]}" in carla.locator("main").inner_text()

        # two typists type station 1 with the keyboard; the second differs in one box
        anna = keys_login(browser, base, "typist_gsb", PASSWORD)
        look(anna, "03-invoer-stembureau-kiezen")
        _press(anna, 'button[aria-label="Eerste invoer stembureau 1"]')
        look(anna, "04-invoerpagina")
        type_entry(anna, entry)
        assert view(installed.factory, sid, "1").state == "FirstEntryFinalised"
        bram = keys_login(browser, base, "typist_gsb_2", PASSWORD)
        _press(bram, 'button[aria-label="Tweede invoer stembureau 1"]')
        seen: list[str] = []

        def difference(page: Any, slug: str) -> None:
            if "W.001" in page.locator("main").inner_text():
                seen.append(slug)
                look(page, "05-tweede-invoer-W001")

        type_entry(bram, wrong, seen=difference)
        assert seen == ["kiezers-en-stemmen"]
        assert view(installed.factory, sid, "1").state == "EntriesDifferent"

        # the coordinator returns the differing boxes to the second typist
        carla.goto(f"{base}/zittingen/{sid}")
        look(carla, "06-statusoverzicht")
        carla.goto(f"{base}/zittingen/{sid}/bron/1")
        look(carla, "07-verschil-oplossen")
        _press(carla, "#b-return_second", "Space", navigates=False)
        _press(carla, "#besluiten")
        assert view(installed.factory, sid, "1").state == "SecondEntryCorrection"
        bram.goto(f"{base}/invoer")
        _press(bram, 'button[aria-label="Corrigeren stembureau 1"]')
        assert bram.url.endswith("/pagina/kiezers-en-stemmen")  # the page of the cleared box
        look(bram, "08-correctie-W002")
        type_entry(bram, entry, start="kiezers-en-stemmen")
        assert view(installed.factory, sid, "1").state == "Definitive"

        # station 4 has many blank votes: the coordinator explains W.201, seeing its numbers
        blank = _many_blank(paper(4, first_model))
        _typed(installed, sid, 4, blank)
        for station in [n for n in range(2, 21) if n != 4]:
            _typed(installed, sid, station, paper(station, first_model))
        carla.goto(f"{base}/zittingen/{sid}/bron/4")
        assert (
            f"F = {blank.votes.blank_votes_count} blanco stemmen van H = "
            in carla.locator("main").inner_text()
        )
        explanation = carla.locator('form.toelichting:has(input[value="W.201"]) input[name=uitleg]')
        explanation.focus()
        carla.keyboard.type("Protest tegen de verkiezing; klopt met het papier")
        with carla.expect_navigation():
            carla.keyboard.press("Enter")
        assert "Toelichting van coordinator_gsb: Protest" in carla.locator("main").inner_text()
        look(carla, "09-waarschuwing-toegelicht")
        explain_warnings(installed.factory, sid)

        # finishing asks for confirmation; the zip has the method's models only
        carla.goto(f"{base}/zittingen/{sid}")
        _press(carla, "#afronden")
        look(carla, "10-zitting-afronden")
        _press(carla, "#afronden")
        assert "zitting afgerond" in carla.locator("main").inner_text()
        files = _zip(carla)
        eml = next(name for name in files if name.startswith("Telling_"))
        assert read_eml(files[eml], schemas=schemas).validated
        assert sorted(n for n in files if n.startswith("Model_")) == first_models

        # a later session after the CSB's request to investigate station 7
        carla.goto(f"{base}/onderzoeken")
        carla.locator("#stembureau").focus()
        carla.keyboard.type("7")
        carla.keyboard.press("Tab")
        carla.keyboard.type("Onverklaard verschil: hertel lijst 2")
        with carla.expect_navigation():
            carla.keyboard.press("Enter")
        look(carla, "11-onderzoeken")
        carla.goto(f"{base}/zittingen")
        _press(carla, "#zitting-starten")
        assert f"{METHOD_LABELS[method]}, zoals in zitting 1" in carla.locator("main").inner_text()
        look(carla, "12-volgende-zitting-starten")
        _press(carla, "#starten")
        later = sessions(installed.factory)[-1].id
        assert view(installed.factory, later, "7").model is next_model
        recount = _recount(paper(7, next_model))
        anna.goto(f"{base}/invoer")
        _press(anna, 'button[aria-label="Eerste invoer stembureau 7"]')
        type_entry(anna, recount)
        bram.goto(f"{base}/invoer")
        _press(bram, 'button[aria-label="Tweede invoer stembureau 7"]')
        type_entry(bram, recount)
        assert view(installed.factory, later, "7").state == "Definitive"
        explain_warnings(installed.factory, later)
        carla.goto(f"{base}/zittingen/{later}")
        _press(carla, "#afronden")
        _press(carla, "#afronden")
        files = _zip(carla)
        look(carla, "13-volgende-zitting-afgerond")
        eml = next(name for name in files if name.startswith("Telling_"))
        assert b'PhaseCode="corrigendum"' in files[eml]
        assert read_eml(files[eml], schemas=schemas).validated
        assert sorted(n for n in files if n.startswith("Model_")) == later_models

        # the projector and the other pages
        carla.goto(f"{base}/voortgang")
        _press(carla, "text=Nieuwe weergavelink")
        link = carla.locator("a[href^='/beamer/']").first.get_attribute("href")
        projector = browser.new_page(viewport={"width": 1280, "height": 720})
        projector.goto(f"{base}{link}")
        look(projector, "14-beamer")
        admin = keys_login(browser, base, "administrator", PASSWORD)
        for path, name in (
            ("/beheer/stembureaus", "15-stembureaus"),
            ("/beheer/gebruikers", "16-gebruikers"),
        ):
            admin.goto(f"{base}{path}")
            look(admin, name)
        browser.close()
    assert violations == {name: [] for name in violations}
