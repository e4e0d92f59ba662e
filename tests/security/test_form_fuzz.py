"""Property: every form of every role refuses odd input in Dutch, never with a 500, and a
refusal stores nothing.

The installation has the demo election with a GSB session under way (a definitive station, one
a typist is typing, one waiting for its second entry), the CSB with the municipality's totals
open for entry (a typist CSB typing them), a candidacy submission and a projector link. Each
role's forms are found by following its pages (:mod:`tests.security.forms`); a POST route no
page of this state shows gets its fields from the route (its declared form parameters and the
fields its code reads, :data:`READ_BY_CODE`), so **every POST route** is posted to by **every
role its access rule allows** (``tests/ui/test_authorisation.py``), and nobody for the sign-in.

For each (role, route), Hypothesis generates the values: the page's own value, nothing, digits
that are not 0–9 (``²``, ``١٢``, ``１２``), negative and 20-digit numbers, 20,000 characters,
NUL, a right-to-left override, markup, SQL, file names ``.`` and ``..``, arbitrary text and
bytes; sometimes a wrong CSRF token, sometimes an odd value in the address. The property:

* the answer is never a server error (status 500 or above);
* when it is a refusal (400 and up), the database, the pending uploads and the backups are
  exactly as before, except the audit event a failed sign-in or password check records.

Named in docs/ui.md ("Every form refuses odd input"); the number of examples per (role, route)
is a third of the Hypothesis profile's (20 by default, 666 under ``make audit``).
"""

from __future__ import annotations

import hashlib
import secrets
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from fastapi import FastAPI
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from starlette.routing import Match

from osv.config import Settings
from osv.service.bootstrap import unit_of_work_factory
from osv.service.candidacy.stored import store_submission
from osv.service.display_links import create_display_link
from osv.service.entry import Actor, claim, finalise
from osv.service.result.stored.totals import open_totals
from tests.security.forms import Field, Form, crawl
from tests.service.test_candidacy_pages import LISTS, SETUP
from tests.ui.helpers import COMMITTEE, EID, ROLES, install, paper, token, typed_twice
from tests.ui.test_authorisation import ANONYMOUS, EXPECTED
from ui.app import create_app
from ui.auth import PUBLIC, SESSION_COOKIE, api_routes
from ui.routes.stations import _FIELDS as STATION_FIELDS

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

#: Fields the route's code reads from the form itself (not declared as parameters), by route.
READ_BY_CODE: dict[str, dict[str, str]] = {
    "/beheer/import": {"bestanden": "file"},
    "/beheer/import/bevestigen": {"upload": "text", "groep1:x.xml": "text", "groep2:x.xml": "text"},
    "/beheer/stembureaus": dict.fromkeys(STATION_FIELDS, "text"),
    "/kandidaatstelling": {"lijsten": "file", "verkiezing": "file"},
    "/kandidaatstelling/{token}/besluiten": {
        "hersteld": "text",
        "loten": "textarea",
        "afwijking-0": "text",
        "reden-0": "text",
    },
    "/uitslag/{eid}/{committee}/tellingen": {"bestanden": "file"},
    "/uitslag/{eid}/{committee}/tellingen/bevestigen": {
        "upload": "text",
        "groep1:0": "text",
        "groep2:0": "text",
    },
    "/uitslag/{eid}/{committee}/eerste-invoer": {"gemeente": "text", "bestand": "file"},
    "/uitslag/{eid}/{committee}/eerste-invoer/bevestigen": {
        "upload": "text",
        "groep1:0": "text",
        "groep2:0": "text",
    },
    "/invoer/{session_id}/{key}/pagina/{slug}": {"versie": "text", "gecontroleerd": "text"},
    "/totalen/{session_id}/{key}": {"versie": "text", "gecontroleerd": "text"},
}

ODD = (
    "",
    "²",
    "١٢",
    "１２",
    "-1",
    "0",
    "1e3",
    " 7 ",
    "99999999999999999999",
    "1.000",
    "x" * 20_000,
    "Buurt\x00huis",
    "ma\u202elory",
    "\u2066links",
    "../..",
    "<script>alert(1)</script>",
    "'; DROP TABLE users; --",
    "\t\r\n",
    "🙂",
    "9997",
    "CSB",
    "keep_first",
    "1:1",
    "GR2026_Vlietdam|9997",
)
FILE_NAMES = (".", "..", "../x.xml", "a/b.xml", "x\x00.xml", "x" * 300 + ".xml", "telling.xml")


@dataclass
class Target:
    """A POST route for one role: a concrete address and the form's fields."""

    role: str
    route: str
    url: str
    fields: dict[str, Field]
    crawled: bool = False


@dataclass
class Template:
    """The prepared installation (copied per test) and what was found in it."""

    home: Path
    targets: dict[tuple[str, str], Target]


def _post_routes(app: FastAPI) -> list[APIRoute]:
    return sorted((r for r in api_routes(app.routes) if "POST" in r.methods), key=lambda r: r.path)


def _template_of(app: FastAPI, path: str) -> str | None:
    scope = {"type": "http", "path": path, "method": "POST"}
    for route in _post_routes(app):
        if route.matches(scope)[0] is Match.FULL:
            return route.path
    return None


def _prepare(home: Path) -> Template:
    installed = install(home)
    factory, session_id = installed.factory, installed.session_id
    typed_twice(factory, session_id, 1)
    claim(factory, session_id, "2", Actor("typist_gsb", "typist"), paper(2))
    second = Actor("typist_gsb_2", "typist")
    view = claim(factory, session_id, "3", second, paper(3))
    finalise(factory, session_id, "3", second, view.version)
    create_display_link(factory, "coordinator_gsb")
    open_totals(factory, EID, "CSB", COMMITTEE, Actor("coordinator_csb", "coordinator"))
    with factory() as uow:
        csb_session = uow.entries.sessions(EID, "CSB")[-1].id
    typist_csb = Actor("typist_csb", "typist")
    claim(factory, csb_session, COMMITTEE, typist_csb)
    submission = store_submission(factory, LISTS, SETUP, "coordinator_csb")
    app = installed.app
    values = {
        "/invoer/": {"session_id": str(session_id), "key": "2"},
        "/zittingen/": {"session_id": str(session_id), "key": "1"},
        "/totalen/": {"session_id": str(csb_session), "key": COMMITTEE},
        "/uitslag/": {"eid": EID, "committee": "CSB", "key": COMMITTEE},
        "/kandidaatstelling/": {"token": submission},
    }
    common = {
        "file_id": "1",
        "choice_id": "1",
        "link_id": "1",
        "name": "observer",
        "session_id": "1",
        "slug": "kiezers-en-stemmen",
    }
    targets: dict[tuple[str, str], Target] = {}
    starts = {
        "typist_gsb": [f"/invoer/{session_id}/2/pagina/kiezers-en-stemmen"],
        "typist_csb": [f"/totalen/{csb_session}/{COMMITTEE}"],
        "coordinator_csb": [f"/kandidaatstelling/{submission}"],
    }
    for role in ROLES:
        with TestClient(app, follow_redirects=False) as client:
            client.cookies.set(SESSION_COOKIE, token(factory, role))
            forms: list[Form] = []
            for start in ["/", *starts.get(role, [])]:
                forms += crawl(client, start)
        for form in forms:
            route = _template_of(app, form.action)
            if route is not None and route != "/uitloggen":
                found = Target(role, route, form.action, form.fields, crawled=True)
                targets.setdefault((role, route), found)
    for route in _post_routes(app):
        allowed = EXPECTED[("POST", route.path)]
        roles = [ANONYMOUS] if PUBLIC in allowed else list(allowed)
        for role in roles:
            if (role, route.path) in targets or route.path == "/uitloggen":
                continue
            found = dict(common)
            for prefix, more in values.items():
                if route.path.startswith(prefix):
                    found.update(more)
            fields = {f.name: Field(f.name, "text") for f in route.dependant.body_params} | {
                name: Field(name, kind) for name, kind in READ_BY_CODE.get(route.path, {}).items()
            }
            fields["csrf"] = Field("csrf", "hidden")
            targets[(role, route.path)] = Target(
                role, route.path, route.path.format(**found), fields
            )
    factory.close()
    return Template(home, targets)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Template:
    return _prepare(tmp_path_factory.mktemp("fuzz-template"))


def _cases() -> list[tuple[str, str]]:
    """(role, route) of every POST route and every role allowed to post to it."""
    from tests.ui.test_authorisation import ROUTES

    cases = []
    for method, path in ROUTES:
        if method != "POST" or path == "/uitloggen":
            continue
        allowed = EXPECTED[(method, path)]
        for role in [ANONYMOUS] if PUBLIC in allowed else allowed:
            cases.append((role, path))
    return cases


@dataclass
class Copy:
    """A copy of the prepared installation for one (role, route)."""

    app: FastAPI
    settings: Settings
    client: TestClient


@pytest.fixture
def copy(template: Template, tmp_path: Path) -> Iterator[Copy]:
    home = tmp_path / "home"
    source = sqlite3.connect(template.home / "osv.sqlite3")
    home.mkdir()
    target = sqlite3.connect(home / "osv.sqlite3")
    source.backup(target)
    source.close()
    target.close()
    settings = Settings(home, f"sqlite:///{home / 'osv.sqlite3'}", None, 5_000_000)
    factory = unit_of_work_factory(settings)
    app = create_app(settings, factory=factory)
    client = TestClient(app, follow_redirects=False, raise_server_exceptions=False)
    yield Copy(app, settings, client)
    client.close()
    factory.close()


#: Audit events a refusal may add: a failed sign-in or check of the old password is logged.
_LOGGED_ON_REFUSAL = ("user.sign_in_failed", "user.password_change_failed")


def _snapshot(home: Path) -> str:
    """Everything a request could store: every table (not the sign-in sessions, nor the
    events of failed password checks), pending uploads and backups."""
    digest = hashlib.sha256()
    db = sqlite3.connect(f"file:{home / 'osv.sqlite3'}?mode=ro", uri=True)
    try:
        tables = [
            r[0]
            for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        ]
        for table in tables:
            if table == "web_sessions":
                continue
            query = f"SELECT * FROM {table}"
            if table == "audit_events":
                marks = ", ".join(f"'{e}'" for e in _LOGGED_ON_REFUSAL)
                query += f" WHERE event NOT IN ({marks})"
            for row in db.execute(query + " ORDER BY rowid"):
                digest.update(repr((table, row)).encode())
    finally:
        db.close()
    for folder in ("uploads", "backups"):
        for path in sorted((home / folder).rglob("*")):
            if path != home / "uploads" / "uitslag":  # where HSB/CSB uploads wait, made once
                digest.update(str(path.relative_to(home)).encode())
    return digest.hexdigest()


def _session(copy: Copy, role: str) -> str:
    """A fresh sign-in of ``role`` (made directly: no password hash per example); its CSRF."""
    if role == ANONYMOUS:
        page = copy.client.get("/inloggen")
        return page.cookies.get("osv_login_csrf") or copy.client.cookies.get("osv_login_csrf", "")
    secret, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
    factory = copy.app.state.osv.factory
    with factory() as uow:
        user = uow.users.get(role)
        assert user is not None
        uow.users.add_session(user, hashlib.sha256(secret.encode()).hexdigest(), "login", csrf)
        uow.commit()
    copy.client.cookies.set(SESSION_COOKIE, secret)
    return csrf


def _value(field: Field) -> st.SearchStrategy[Any]:
    texts = st.one_of(
        st.sampled_from(ODD),
        st.just(field.value),
        st.text(max_size=30),
        st.integers(min_value=-(10**20), max_value=10**20).map(str),
    )
    if field.choices:
        texts = st.one_of(st.sampled_from(field.choices), texts)
    if field.kind == "file":
        return st.tuples(
            st.one_of(st.sampled_from(FILE_NAMES), st.text(min_size=1, max_size=20)),
            st.one_of(
                st.sampled_from([b"", b"<x/>", b"\x00\xff", b'<?xml version="1.0"?><EML/>']),
                st.binary(max_size=64),
            ),
        )
    return texts


@st.composite
def _posts(draw: st.DrawFn, target: Target) -> dict[str, Any]:
    """The form to post: a value per field (some left out), maybe an odd address or token."""
    values: dict[str, Any] = {}
    files: list[tuple[str, tuple[str, bytes, str]]] = []
    for name, field in target.fields.items():
        if name == "csrf" or draw(st.integers(0, 9)) == 0:
            continue
        value = draw(_value(field))
        if field.kind == "file":
            files.append((name, (value[0], value[1], "text/xml")))
        else:
            values[name] = value
    url = target.url
    if draw(st.integers(0, 7)) == 0:
        parts = url.strip("/").split("/")
        spot = draw(st.integers(0, len(parts) - 1))
        parts[spot] = quote(draw(st.sampled_from(ODD)) or "-", safe="")
        url = "/" + "/".join(parts)
    return {
        "url": url,
        "data": values,
        "files": files,
        "wrong_csrf": draw(st.integers(0, 9)) == 0,
    }


_EXAMPLES = max(10, settings().max_examples // 3)


@pytest.mark.parametrize(("role", "route"), _cases())
def test_every_form_refuses_odd_input_without_a_server_error_and_stores_nothing(
    template: Template, copy: Copy, role: str, route: str
) -> None:
    target = template.targets[(role, route)]

    @settings(
        max_examples=_EXAMPLES,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(post=_posts(target))
    def posted(post: dict[str, Any]) -> None:
        csrf = _session(copy, role)
        data = {**post["data"], "csrf": "vervalst" if post["wrong_csrf"] else csrf}
        before = _snapshot(copy.settings.home)
        response = copy.client.post(post["url"], data=data, files=post["files"] or None)
        assert response.status_code < 500, (post["url"], response.text[-2000:])
        if response.status_code >= 400:
            assert _snapshot(copy.settings.home) == before, (post["url"], response.status_code)
            assert response.headers["content-type"].startswith("text/html")  # a page, not JSON

    posted()


def test_every_post_route_has_a_form_to_post(template: Template) -> None:
    """The cases cover every POST route of the application for every role allowed to it."""
    assert {(role, route) for role, route in _cases()} <= set(template.targets)


def test_most_forms_are_found_on_the_pages(template: Template) -> None:
    """Most forms come from following the pages as a user would, with their real fields."""
    crawled = {key for key, target in template.targets.items() if target.crawled}
    assert len(crawled) >= 35
    assert ("typist_gsb", "/invoer/{session_id}/{key}/pagina/{slug}") in crawled
    assert ("typist_csb", "/totalen/{session_id}/{key}") in crawled
    assert ("administrator", "/beheer/stembureaus") in crawled
