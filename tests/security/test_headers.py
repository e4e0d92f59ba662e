"""Security headers on every response, route by route, and pages that need no inline script.

Every route of the application (the same list as ``tests/ui/test_authorisation.py``) is
requested by a role it allows (anonymous for the public ones, and once by nobody): whatever the
answer (a page, a redirect, a refusal), it carries a Content-Security-Policy without inline
script or style and with ``frame-ancestors 'none'``, ``X-Frame-Options: DENY``,
``X-Content-Type-Options: nosniff``, ``Referrer-Policy: no-referrer`` and ``Cache-Control:
no-store``. The policy allows no inline script, so no template may hold one: the last tests
read every template and the script for inline scripts, event handlers, ``javascript:`` links
and inline styles.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tests.ui.helpers import Installation, install, token
from tests.ui.test_authorisation import _VALUES, ANONYMOUS, EXPECTED, ROUTES
from ui.auth import PUBLIC, SESSION_COOKIE

UI = Path(__file__).resolve().parents[2] / "ui"


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Installation]:
    installation = install(tmp_path_factory.mktemp("headers"))
    yield installation
    installation.factory.close()


@pytest.fixture(scope="module")
def clients(installed: Installation) -> Iterator[dict[str, TestClient]]:
    made: dict[str, TestClient] = {}
    roles = {role for allowed in EXPECTED.values() for role in allowed if role != PUBLIC}
    for role in (*sorted(roles), ANONYMOUS):
        client = TestClient(installed.app, follow_redirects=False)
        if role != ANONYMOUS:
            client.cookies.set(SESSION_COOKIE, token(installed.factory, role))
        made[role] = client
    yield made
    for client in made.values():
        client.close()


def _assert_headers(headers: Mapping[str, str], *, static: bool = False) -> None:
    policy = headers.get("content-security-policy", "")
    directives = dict(part.strip().partition(" ")[::2] for part in policy.split(";"))
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"
    assert directives["default-src"] == "'none'"
    assert "unsafe-inline" not in policy
    assert "unsafe-eval" not in policy
    assert headers.get("x-frame-options") == "DENY"
    assert headers.get("x-content-type-options") == "nosniff"
    assert headers.get("referrer-policy") == "no-referrer"
    if not static:
        assert headers.get("cache-control") == "no-store"


@pytest.mark.parametrize(("method", "path"), ROUTES)
def test_every_route_answers_with_the_security_headers(
    clients: dict[str, TestClient], method: str, path: str
) -> None:
    allowed = EXPECTED[(method, path)]
    role = ANONYMOUS if PUBLIC in allowed else allowed[0]
    url = path.format(**_VALUES)
    for who in {role, ANONYMOUS}:
        response = clients[who].request(method, url, data={} if method == "POST" else None)
        assert response.status_code < 500
        _assert_headers(response.headers)


def test_signed_in_pages_are_not_stored_and_static_files_carry_the_policy_too(
    clients: dict[str, TestClient],
) -> None:
    page = clients["typist_gsb"].get("/invoer")
    assert page.status_code == 200
    _assert_headers(page.headers)
    for asset in ("/static/osv.js", "/static/osv.css"):
        response = clients[ANONYMOUS].get(asset)
        assert response.status_code == 200
        _assert_headers(response.headers, static=True)
    unknown = clients["administrator"].get("/bestaat-niet")
    assert unknown.status_code == 404
    _assert_headers(unknown.headers)


_INLINE = [
    (re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE), "an inline <script>"),
    (re.compile(r"\son[a-z]+\s*=", re.IGNORECASE), "an event handler attribute (onclick=...)"),
    (re.compile(r"javascript:", re.IGNORECASE), "a javascript: link"),
    (re.compile(r"\sstyle\s*=", re.IGNORECASE), "an inline style attribute"),
    (re.compile(r"<style", re.IGNORECASE), "a <style> element"),
]


@pytest.mark.parametrize(
    "template",
    sorted(p.relative_to(UI / "templates").as_posix() for p in (UI / "templates").rglob("*.html")),
)
def test_no_template_needs_inline_script_or_style(template: str) -> None:
    """What the Content-Security-Policy would block: everything lives in ``ui/static``."""
    text = (UI / "templates" / template).read_text(encoding="utf-8")
    for pattern, what in _INLINE:
        found = pattern.search(text)
        assert found is None, f"{template} has {what}: {found.group(0) if found else ''}"


def test_the_script_adds_no_inline_code_either() -> None:
    """``osv.js`` writes no HTML (``innerHTML``), evaluates no text and sets no inline style
    attribute (CSSOM changes are allowed by the policy, ``style=`` attributes are not)."""
    script = (UI / "static" / "osv.js").read_text(encoding="utf-8")
    for forbidden in ("innerHTML", "outerHTML", "eval(", "new Function", 'setAttribute("style'):
        assert forbidden not in script
