"""Typing a paper form in the browser with the keyboard only, as a typist does on election night.

Each page of the form is typed box by box and question by question: a number is typed, a tick
box is toggled with Space, a yes/no question is Space on "ja" or Tab and Space on "nee", an
option of a question is chosen with Space and the arrow keys; Enter goes to the next box or
question, and Enter on the last one saves the page. When the page comes back with findings,
the focus must be on the first marked box; the typist checks it against the paper and saves
unchanged (Ctrl+Enter), after which the focus must be on the tick box "Ik heb mijn invoer
gecontroleerd", ticked with Space and saved with Enter. On the last page "Invoer afronden" must
have the focus, and Enter finalises. Every step asserts where the focus is, so a wrong focus
fails the test at the step it happens.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from osv.model.entry import CountEntry
from ui.forms import Field, Page, pages_of, value_at

__all__ = ["focused_path", "login", "type_entry"]


def login(browser: Any, base: str, name: str, password: str) -> Any:
    """A new page of ``browser``, signed in as ``name`` by typing."""
    page = browser.new_page(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page.set_default_timeout(60_000)  # waits on conditions; generous for a loaded machine
    page.goto(f"{base}/inloggen")
    page.locator("#naam").focus()
    page.keyboard.type(name)
    page.keyboard.press("Tab")
    page.keyboard.type(password)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    return page


def focused_path(page: Any) -> str:
    """The ``name`` (box path) or id of the element that has the focus."""
    return str(
        page.evaluate("() => document.activeElement.name || document.activeElement.id || ''")
    )


def _in_row(page: Any, field: Field) -> bool:
    """Whether the focus is in the row of ``field`` (its box, or a tick or option of it)."""
    return bool(
        page.evaluate(
            """path => {
                const row = document.activeElement.closest("tr");
                return !!row && !!row.querySelector(`[name="${path}"], [name^="${path}."]`);
            }""",
            field.path,
        )
    )


def _answer(page: Any, field: Field, value: Any) -> None:
    """Type ``value`` into ``field``, whose row has the focus."""
    keys = page.keyboard
    if field.kind == "number":
        keys.press("Control+a")
        if value is None:
            keys.press("Backspace")
        else:
            keys.type(str(value))
    elif field.kind == "check":
        if page.evaluate("() => document.activeElement.checked") != bool(value):
            keys.press("Space")
    elif field.kind == "yesno":
        wanted = value or {}
        for tick in ("yes", "no"):
            assert focused_path(page) == f"{field.path}.{tick}", focused_path(page)
            if page.evaluate("() => document.activeElement.checked") != bool(wanted.get(tick)):
                keys.press("Space")
            if tick == "yes":
                keys.press("Tab")
    else:
        options = [choice for choice, _ in field.choices]
        box = page.locator(f'[name="{field.path}"]')
        checked = [i for i in range(box.count()) if box.nth(i).is_checked()]
        at = checked[0] if checked else -1
        if value is not None:
            if at < 0:
                keys.press("Space")  # the focus is on the first option: choose it
                at = 0
            wanted = options.index(value)
            for _ in range(abs(wanted - at)):
                keys.press("ArrowRight" if wanted > at else "ArrowLeft")


def _type_page(page: Any, form: Page, entry: CountEntry) -> None:
    """Type every box and question of ``form`` and save it with Enter on the last one."""
    for index, field in enumerate(form.fields):
        assert _in_row(page, field), f"{form.slug}: focus on {focused_path(page)}, not {field.path}"
        _answer(page, field, value_at(entry, field.path))
        if index < len(form.fields) - 1:
            page.keyboard.press("Enter")
        elif page.locator("#gecontroleerd").count():
            # the page showed findings (a box to retype): Enter goes on to the tick box, and
            # Enter there saves
            page.keyboard.press("Enter")
            assert focused_path(page) == "gecontroleerd", focused_path(page)
            with page.expect_navigation():
                page.keyboard.press("Enter")
        else:
            with page.expect_navigation():
                page.keyboard.press("Enter")


def _confirm(
    page: Any, form: Page, marks: list[str], seen: Callable[[Any, str], None] | None
) -> None:
    """The page came back with findings: the focus is on the first marked box; save unchanged,
    then the focus is on the tick box: tick it and save."""
    if seen is not None:
        seen(page, form.slug)
    marks.append(form.slug)
    if focused_path(page) != "gecontroleerd":  # saved unchanged already: only the tick is left
        marked = page.locator("tr.fout, tr.waarschuwing, tr.verschil, tr.gewist")
        first = marked.first.locator("input").first.get_attribute("name")
        assert focused_path(page) == first, (form.slug, focused_path(page), first)
        with page.expect_navigation():
            page.keyboard.press("Control+Enter")
    assert focused_path(page) == "gecontroleerd", (form.slug, focused_path(page))
    page.keyboard.press("Space")
    with page.expect_navigation():
        page.keyboard.press("Enter")


def type_entry(
    page: Any,
    entry: CountEntry,
    *,
    category: str = "GR",
    start: str | None = None,
    seen: Callable[[Any, str], None] | None = None,
) -> list[str]:
    """Type ``entry`` on the open form from the page ``start`` (default: the page open now) to
    the end, and finalise with Enter on "Invoer afronden". Returns the slugs of the pages that
    came back with findings to confirm; ``seen(page, slug)`` is called on each of them first
    (to take a screenshot)."""
    forms = pages_of(entry, category, {}, {})
    slugs = [form.slug for form in forms]
    current = page.url.rsplit("/pagina/", 1)[1]
    assert start is None or current == start, (current, start)
    marks: list[str] = []
    for form in forms[slugs.index(current) : -1]:
        assert page.url.endswith(f"/pagina/{form.slug}"), (page.url, form.slug)
        _type_page(page, form, entry)
        if page.url.endswith(f"/pagina/{form.slug}"):
            _confirm(page, form, marks, seen)
    assert page.url.endswith("/pagina/controleren"), page.url
    assert focused_path(page) == "afronden", focused_path(page)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    return marks
