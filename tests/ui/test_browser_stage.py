"""The central polling station's flow in a real browser, to the 520.

The coordinator CSB of the demo election signs in, opens the CSB's page (which lists the
municipality as still without a count), uploads a municipal count (510b) in which two lists
tie for the last seat, types the two hidden groups of its hash
with the keyboard, registers a deceased candidate,
computes the result, is asked for a drawing of lots, records the outcome with the keyboard,
and downloads the 520, which is valid against the official schemas and does not name the
deceased candidate. Then the totals pages, and a municipality's 510b imported as the first
entry of its totals (hash groups typed with the keyboard) with the second entry typed with the
keyboard. Every new page is checked with axe-core; screenshots go to
``test-output/screenshots`` (``1x-…``). Skipped like ``test_browser.py`` without Chromium. The
application is configured with the official schemas (the ``server`` fixture), as ``make run``
is: every EML file it reads or writes is validated.
"""

from __future__ import annotations

from hashlib import sha256
from pathlib import Path
from typing import Any

from eml import Eml520, read_eml
from eml.hash import masked
from osv.service.result.stored import stage_view
from tests.ui.helpers import EID, Installation
from tests.ui.stage_counts import count_with_list_votes
from tests.ui.stage_uploads import hash_groups
from tests.ui.test_browser import ARGS, CHROMIUM, _axe, _chromium, _login, _shot, server

__all__ = ["_chromium", "server"]  # fixtures, used by name

TIE = {1: 2250, 2: 100, 3: 100, 4: 10, 5: 10, 6: 10, 7: 10, 8: 10}


def test_a_csb_flow_to_the_520_in_the_browser(
    server: tuple[str, Installation], schemas: Any, tmp_path: Path
) -> None:
    from playwright.sync_api import sync_playwright

    base, installed = server
    count = tmp_path / f"Telling_{EID}_gemeente_Vlietdam.eml.xml"
    count.write_bytes(count_with_list_votes(TIE))
    violations: dict[str, list[str]] = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        page = _login(browser, base, "coordinator_csb")
        page.wait_for_url("**/uitslag")
        _shot(page, "11-uitslag-overzicht")
        violations["uitslag-overzicht"] = _axe(page)

        page.click(f'a[href="/uitslag/{EID}/CSB"]')
        page.wait_for_selector("#bestanden")
        # Before any count: the municipality the 110a names is listed as without one.
        assert page.locator("#zonder-telling li").all_inner_texts() == [
            "Gemeente 9997 Vlietdam: geen telling."
        ]
        violations["csb-leeg"] = _axe(page)
        page.set_input_files("#bestanden", str(count))
        page.click("#uploaden")
        # The file is checked, not yet stored: its hash is shown with two groups hidden, to be
        # typed from the paper Na 31-2 (read here from the file's own hash).
        page.wait_for_selector("#hashcontrole")
        assert page.locator("#hash-0").inner_text() == masked(sha256(count.read_bytes()).digest())
        _shot(page, "12-csb-hashcode-controleren")
        violations["csb-hashcode"] = _axe(page)
        first, second = hash_groups(count.read_bytes())
        assert page.evaluate("document.activeElement.id") == "groep1-0"
        page.keyboard.type(first)
        page.keyboard.press("Enter")  # to the second group
        assert page.evaluate("document.activeElement.id") == "groep2-0"
        page.keyboard.type(second)
        with page.expect_navigation():
            page.keyboard.press("Enter")  # the last box: check and store
        page.wait_for_selector("#tellingen >> text=" + count.name)
        assert page.locator("#volledig").inner_text() == (
            "Volledig: de gemeente die de verkiezingsdefinitie noemt, heeft een telling."
        )
        _shot(page, "12-csb-telling-geupload")
        violations["csb-telling"] = _axe(page)

        page.select_option("#kandidaat", "1:2")
        page.click("#overleden-registreren")
        page.wait_for_selector("#overleden >> text=Lijst 1, kandidaat 2")

        page.click("#berekenen")
        page.wait_for_selector("#loting")
        _shot(page, "13-csb-loting")
        violations["csb-loting"] = _axe(page)
        page.focus("#uitkomst-1")
        page.keyboard.press("Space")
        page.focus("#loting-vastleggen")
        with page.expect_navigation():
            page.keyboard.press("Enter")
        page.wait_for_selector("#zetels")
        _shot(page, "14-csb-uitslag")
        violations["csb-uitslag"] = _axe(page)

        with page.expect_download() as download:
            page.click(f'a[href="/uitslag/{EID}/CSB/bestand/Resultaat_{EID}.eml.xml"]')
        result = read_eml(Path(download.value.path()).read_bytes(), schemas=schemas)
        browser.close()
    assert result.validated
    assert isinstance(result.document, Eml520)
    report = stage_view(installed.factory, EID, "CSB").report
    assert report is not None
    assert report["status"] == "complete"
    assert len(report["lots_used"]) == 1
    first = next(lst for lst in report["lists"] if lst["number"] == 1)
    assert 2 not in [e["candidate"] for e in first["elected"]]
    assert violations == {name: [] for name in violations}


def test_the_totals_pages_in_the_browser(server: tuple[str, Installation]) -> None:
    """The coordinator opens the municipality for entry; a typist CSB finds it, types its
    totals with the keyboard (Enter to the next box) and finalises. axe-core on both pages."""
    from playwright.sync_api import sync_playwright

    from osv.model.entry import EntryModel
    from osv.service.demo import build_demo
    from osv.service.entry import counts_entry
    from osv.service.result.stored import totals_overview
    from ui.forms import value_at

    base, installed = server
    total = build_demo().count.contests[0].total
    assert total is not None
    paper = counts_entry(total, EntryModel.GSB_TOTALS)
    paper = paper.model_copy(update={"eligible_voters": 2 * (paper.voters.poll_card_count or 0)})
    violations: dict[str, list[str]] = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        coordinator = _login(browser, base, "coordinator_csb")
        coordinator.goto(f"{base}/uitslag/{EID}/CSB")
        coordinator.click("#invoer-openen")
        coordinator.wait_for_selector("#invoer")
        _shot(coordinator, "15-csb-invoer-open")
        violations["csb-invoer"] = _axe(coordinator)

        typist = _login(browser, base, "typist_csb")
        typist.wait_for_url("**/totalen")
        violations["totalen-lijst"] = _axe(typist)
        typist.get_by_role("button", name="Eerste invoer gemeente 9997").click()
        typist.wait_for_selector("#afronden")
        violations["totalen-formulier"] = _axe(typist)
        boxes = typist.locator("input.getal")
        boxes.first.focus()
        for i in range(boxes.count()):
            box = boxes.nth(i)
            assert box.evaluate("e => e === document.activeElement")
            value = value_at(paper, str(box.get_attribute("name")))
            typist.keyboard.type("" if value is None else str(value))
            if i < boxes.count() - 1:
                typist.keyboard.press("Enter")
        _shot(typist, "16-totalen-formulier")
        with typist.expect_navigation():
            typist.keyboard.press("Enter")
        typist.wait_for_url("**/totalen?klaar=9997")
        browser.close()
    _, rows = totals_overview(installed.factory, EID, "CSB")
    assert rows[0].state == "FirstEntryFinalised"
    assert violations == {name: [] for name in violations}


def test_a_510b_as_first_entry_in_the_browser(
    server: tuple[str, Installation], tmp_path: Path
) -> None:
    """The coordinator uploads the municipality's 510b with "510b als eerste invoer" and types
    the two hidden hash groups with the keyboard; a typist CSB sees the municipality waiting
    for the second entry and types it with the keyboard: definitive. axe-core on every page."""
    from playwright.sync_api import sync_playwright

    from osv.model.entry import EntryModel
    from osv.service.demo import build_demo
    from osv.service.entry import counts_entry
    from osv.service.result.stored import totals_overview
    from tests.ui.stage_counts import demo_count
    from ui.forms import value_at

    base, installed = server
    count = tmp_path / f"Telling_{EID}_gemeente_Vlietdam.eml.xml"
    count.write_bytes(demo_count())
    total = build_demo().count.contests[0].total
    assert total is not None
    paper = counts_entry(total, EntryModel.GSB_TOTALS)
    violations: dict[str, list[str]] = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        coordinator = _login(browser, base, "coordinator_csb")
        coordinator.goto(f"{base}/uitslag/{EID}/CSB")
        coordinator.wait_for_selector("#eerste-invoer")
        violations["csb-eerste-invoer"] = _axe(coordinator)
        coordinator.set_input_files("#eerste-invoer-9997", str(count))
        coordinator.focus("#eerste-invoer-knop-9997")
        with coordinator.expect_navigation():
            coordinator.keyboard.press("Enter")
        coordinator.wait_for_selector("#hashcontrole")
        _shot(coordinator, "17-csb-eerste-invoer-hashcode")
        violations["csb-eerste-invoer-hashcode"] = _axe(coordinator)
        first, second = hash_groups(count.read_bytes())
        assert coordinator.evaluate("document.activeElement.id") == "groep1-0"
        coordinator.keyboard.type(first)
        coordinator.keyboard.press("Enter")
        coordinator.keyboard.type(second)
        with coordinator.expect_navigation():
            coordinator.keyboard.press("Enter")
        coordinator.wait_for_selector("#invoer >> text=Wacht op tweede invoer")
        _shot(coordinator, "18-csb-eerste-invoer-opgeslagen")
        violations["csb-eerste-invoer-opgeslagen"] = _axe(coordinator)

        typist = _login(browser, base, "typist_csb")
        typist.wait_for_url("**/totalen")
        typist.wait_for_selector("text=De eerste invoer is de 510b van de gemeente")
        violations["totalen-tweede-invoer"] = _axe(typist)
        typist.get_by_role("button", name="Tweede invoer gemeente 9997").click()
        typist.wait_for_selector("#afronden")
        boxes = typist.locator("input.getal")
        boxes.first.focus()
        for i in range(boxes.count()):
            value = value_at(paper, str(boxes.nth(i).get_attribute("name")))
            typist.keyboard.type("" if value is None else str(value))
            if i < boxes.count() - 1:
                typist.keyboard.press("Enter")
        _shot(typist, "19-totalen-tweede-invoer")
        # The second entry's form has the "checked against the paper" box after the last box;
        # Ctrl+Enter saves from anywhere.
        with typist.expect_navigation():
            typist.keyboard.press("Control+Enter")
        typist.wait_for_url("**/totalen?klaar=9997")
        browser.close()
    _, rows = totals_overview(installed.factory, EID, "CSB")
    assert rows[0].state == "Definitive"
    assert violations == {name: [] for name in violations}
