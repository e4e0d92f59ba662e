"""The explanation of the shortcuts in a real browser (Playwright driving Debian's Chromium).

A new typist opens their first entry page: the explanation is a modal dialog with the focus
in it and no axe-core violations; Escape closes it with the focus on the first box, without
confirming; "?" opens it again, Enter on "Begrepen, starten" closes it (focus on the first box)
and stores the confirmation without a reload; on the next page "?" in a number box opens it
instead of typing "?". Screenshot ``test-output/screenshots/20-uitleg-sneltoetsen.png``.
Skipped like ``test_browser.py`` without Chromium.
"""

from __future__ import annotations

import time
from typing import Any

from osv.service.users import create_user
from tests.ui.helpers import PASSWORD, Installation
from tests.ui.test_browser import ARGS, CHROMIUM, _axe, _chromium, _login, _shot, server

__all__ = ["_chromium", "server"]  # the fixtures, used by name

NEW = "typist_gsb_nieuw"
DIALOG = "#uitleg-sneltoetsen"


def _modal(page: Any) -> bool:
    return bool(page.locator(DIALOG).evaluate("d => d.matches(':modal')"))


def _focused(page: Any) -> str:
    return str(page.evaluate("() => document.activeElement.id"))


def _first_box(page: Any) -> str:
    return str(
        page.locator("form[data-enter-next] input:not([type=hidden])").first.get_attribute("id")
    )


def _confirmed(installed: Installation) -> bool:
    with installed.factory() as uow:
        user = uow.users.get(NEW)
        assert user is not None
        return user.shortcuts_confirmed_at is not None


def test_the_explanation_of_the_shortcuts_in_the_browser(
    server: tuple[str, Installation],
) -> None:
    from playwright.sync_api import sync_playwright

    base, installed = server
    create_user(installed.factory, NEW, PASSWORD, "typist_gsb", "test")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        page = _login(browser, base, NEW)
        page.get_by_role("button", name="Eerste invoer stembureau 1", exact=True).click()
        page.wait_for_url("**/pagina/extra-onderzoek")

        # shown by itself, modal, focus on its button, accessible
        assert _modal(page)
        assert _focused(page) == "uitleg-begrepen"
        dialog = page.get_by_role("dialog", name="Zo werkt het invoeren")
        assert dialog.is_visible()
        _shot(page, "20-uitleg-sneltoetsen")
        assert _axe(page) == []

        # Escape closes it, focus on the first box; not confirmed by that
        page.keyboard.press("Escape")
        assert not page.locator(DIALOG).evaluate("d => d.open")
        assert _focused(page) == _first_box(page)
        assert not _confirmed(installed)

        # "?" opens it again; Enter on "Begrepen, starten" closes it and confirms it
        page.keyboard.press("?")
        assert _modal(page)
        assert _focused(page) == "uitleg-begrepen"
        page.keyboard.press("Enter")
        assert not page.locator(DIALOG).evaluate("d => d.open")
        assert _focused(page) == _first_box(page)
        assert page.url.endswith("/pagina/extra-onderzoek")  # no reload: typed boxes stay
        deadline = time.monotonic() + 5
        while not _confirmed(installed) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert _confirmed(installed)

        # confirmed: the next page does not open it; "?" in a number box opens it, untyped
        page.goto(page.url.replace("extra-onderzoek", "kiezers-en-stemmen"))
        assert not page.locator(DIALOG).evaluate("d => d.open")
        box = page.locator("input.getal").first
        box.focus()
        box.type("12")
        page.keyboard.press("?")
        assert _modal(page)
        assert box.input_value() == "12"
        page.keyboard.press("Escape")
        assert _focused(page) == box.get_attribute("id")  # back to the box the typist was in

        # the link opens it too
        page.get_by_role("link", name="Uitleg sneltoetsen").click()
        assert _modal(page)
        browser.close()
