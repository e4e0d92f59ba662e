"""Keystrokes on election night, in a real browser (issue 15, defect 7).

A typist found that Enter moved between the options of one question instead of to the next
question; that after a save with a warning the cursor went back to box A (15 to 23 Enters to
reach "Ik heb mijn invoer gecontroleerd…"); that "Invoer afronden" needed 17 Tabs. Each test
types with the keyboard only and asserts where the focus is.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.checks.entries import change
from tests.ui.helpers import PASSWORD, Installation, install, paper
from tests.ui.keyboard import focused_path, login, type_entry
from tests.ui.test_browser import ARGS, CHROMIUM, _chromium, serve

__all__ = ["_chromium"]  # the fixture, used by name


@pytest.fixture
def cso(tmp_path: Path) -> Iterator[tuple[str, Installation]]:
    (tmp_path / "cso").mkdir()
    yield from serve(install(tmp_path / "cso"))


@pytest.fixture
def dso(tmp_path: Path) -> Iterator[tuple[str, Installation]]:
    (tmp_path / "dso").mkdir()
    yield from serve(install(tmp_path / "dso", method="DSO"))


def _start(browser: Any, base: str, name: str, action: str, station: int) -> Any:
    page = login(browser, base, name, PASSWORD)
    with page.expect_navigation():
        page.get_by_role("button", name=f"{action} stembureau {station}", exact=True).press("Enter")
    return page


def test_enter_on_a_question_goes_to_the_next_question(
    cso: tuple[str, Installation], dso: tuple[str, Installation]
) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        page = _start(browser, cso[0], "typist_gsb", "Eerste invoer", 1)
        assert page.url.endswith("/pagina/extra-onderzoek")
        assert focused_path(page) == "cso.extra_investigation_other_reason.yes"
        page.keyboard.press("Tab")  # within the question: from "ja" to "nee"
        assert focused_path(page) == "cso.extra_investigation_other_reason.no"
        page.keyboard.press("Enter")
        assert focused_path(page) == "cso.ballots_recounted_extra_investigation.yes"
        page.keyboard.press("Shift+Enter")
        assert focused_path(page) == "cso.extra_investigation_other_reason.yes"

        page = _start(browser, dso[0], "typist_gsb", "Eerste invoer", 1)
        assert page.url.endswith("/pagina/proces-verbaal")
        assert focused_path(page) == "dso.corrigendum_present"
        page.keyboard.press("Space")
        page.keyboard.press("ArrowRight")  # the second option of the same question
        assert page.locator("#v1-2").is_checked()
        page.keyboard.press("Enter")
        assert focused_path(page) == "dso.checks_and_corrections_present"
        browser.close()


def test_after_a_save_the_focus_is_on_the_first_marked_box_then_on_the_tick_box(
    cso: tuple[str, Installation],
) -> None:
    from playwright.sync_api import sync_playwright

    entry = paper(4)
    blank = (entry.votes.blank_votes_count or 0) + 100  # W.201, and F.203 (H not raised)
    entry = change(entry, "votes.blank_votes_count", blank)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        page = _start(browser, cso[0], "typist_gsb", "Eerste invoer", 4)
        confirmed = type_entry(page, entry)  # asserts the focus at every step
        assert "kiezers-en-stemmen" in confirmed
        browser.close()


def test_invoer_afronden_has_the_focus_when_reached(cso: tuple[str, Installation]) -> None:
    from playwright.sync_api import sync_playwright

    base, _ = cso
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        page = _start(browser, base, "typist_gsb", "Eerste invoer", 2)
        page.goto(page.url.replace("extra-onderzoek", "controleren"))
        assert focused_path(page) == "afronden"
        browser.close()
