"""The forms of the web interface as a user meets them: found by following the pages.

:func:`crawl` signs in as one role, follows every link on this site from the start page (no
downloads, no sign-out) and collects every ``<form method="post">`` with its fields: name,
kind (text, number, hidden, checkbox, radio, select, file, textarea) and the value the page
gives. The form fuzz test (``test_form_fuzz.py``) posts generated values to each of them.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

from fastapi.testclient import TestClient

__all__ = ["Field", "Form", "crawl"]

#: Pages not followed: downloads, the sign-out, and pages that only repeat others.
_SKIP = (".zip", ".pdf", ".xml", ".csv", "/bestand/", "/uitloggen", "/static/", "/beamer/")


@dataclass(frozen=True)
class Field:
    """A field of a form: its name, kind and the value (or the choices) the page gives."""

    name: str
    kind: str
    value: str = ""
    choices: tuple[str, ...] = ()


@dataclass
class Form:
    """A form posting to ``action`` (a path on this site)."""

    action: str
    fields: dict[str, Field] = field(default_factory=dict)


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.forms: list[Form] = []
        self._form: Form | None = None
        self._select: str | None = None
        self._options: list[str] = []
        self._textarea: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {k: v or "" for k, v in attrs}
        if tag == "a" and found.get("href", "").startswith("/"):
            self.links.append(found["href"])
        elif tag == "form" and found.get("method", "get").lower() == "post":
            self._form = Form(found.get("action", ""))
            self.forms.append(self._form)
        elif self._form is not None and tag == "input" and found.get("name"):
            kind = found.get("type", "text").lower()
            name = found["name"]
            if kind in ("checkbox", "radio"):
                earlier = self._form.fields.get(name)
                choices = (*(earlier.choices if earlier else ()), found.get("value", "on"))
                self._form.fields[name] = Field(name, kind, choices[0], choices)
            elif kind not in ("submit", "button", "reset"):
                self._form.fields[name] = Field(name, kind, found.get("value", ""))
        elif self._form is not None and tag == "select" and found.get("name"):
            self._select, self._options = found["name"], []
        elif self._select is not None and tag == "option":
            self._options.append(found.get("value", ""))
        elif self._form is not None and tag == "textarea" and found.get("name"):
            self._textarea = found["name"]
            self._form.fields[self._textarea] = Field(self._textarea, "textarea")

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._form = None
        elif tag == "select" and self._select is not None and self._form is not None:
            options = tuple(self._options)
            value = options[0] if options else ""
            self._form.fields[self._select] = Field(self._select, "select", value, options)
            self._select = None
        elif tag == "textarea":
            self._textarea = None


def crawl(client: TestClient, start: str = "/", limit: int = 120) -> list[Form]:
    """Every post form on the pages reachable from ``start`` (at most ``limit`` pages)."""
    seen: set[str] = set()
    queue = deque([start])
    forms: list[Form] = []
    while queue and len(seen) < limit:
        url = queue.popleft()
        path = urlsplit(url).path
        if url in seen or any(skip in path for skip in _SKIP):
            continue
        seen.add(url)
        response = client.get(url, follow_redirects=True)
        if response.status_code != 200 or "text/html" not in response.headers.get(
            "content-type", ""
        ):
            continue
        page = _Page()
        page.feed(response.text)
        here = str(response.url)
        for link in page.links:
            target = urljoin(here, link)
            parts = urlsplit(target)
            queue.append(parts.path + (f"?{parts.query}" if parts.query else ""))
        for form in page.forms:
            form.action = urlsplit(urljoin(here, form.action or path)).path
            forms.append(form)
    return forms
