"""A demo installation for the web tests: the demo election imported into SQLite, one user
per role, the municipality's first session started."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from fastapi import FastAPI
from fastapi.testclient import TestClient

from eml.safe import Limits
from eml.xsd import SchemaSet
from osv.config import Settings
from osv.model.entry import CountEntry, EntryModel
from osv.service.bootstrap import UnitOfWorkFactory, unit_of_work_factory
from osv.service.demo import build_demo, write_demo
from osv.service.entry import (
    Actor,
    claim,
    counts_entry,
    finalise,
    note_warning,
    overview,
    start_session,
    view,
)
from osv.service.entry.read import warning_notes
from osv.service.importing import HashCheck, import_files
from osv.service.login_throttle import LoginThrottle
from osv.service.users import create_user, sign_in
from osv.store.records import utc_now
from results.checks import check_entry
from ui.app import create_app
from ui.auth import SESSION_COOKIE

__all__ = [
    "COMMITTEE",
    "EID",
    "PASSWORD",
    "ROLES",
    "Installation",
    "client",
    "csrf",
    "explain_warnings",
    "hidden",
    "install",
    "paper",
    "settings_at",
    "token",
    "typed_twice",
]

EID = "GR2026_Vlietdam"
COMMITTEE = "9997"
PASSWORD = "een-lang-genoeg-wachtwoord"
#: One user per role, named after the role.
ROLES = (
    "administrator",
    "coordinator_gsb",
    "coordinator_hsb",
    "coordinator_csb",
    "typist_gsb",
    "typist_csb",
    "observer",
)


@dataclass
class Installation:
    app: FastAPI
    factory: UnitOfWorkFactory
    session_id: int
    settings: Settings


def settings_at(home: Path, xsd_dir: Path | None = None) -> Settings:
    """The settings of a test installation in ``home``: its SQLite database there, files up to
    50 MB, validated against the official schemas in ``xsd_dir`` when given."""
    return Settings(
        home=home,
        database_url=f"sqlite:///{home / 'osv.sqlite3'}",
        xsd_dir=xsd_dir,
        max_bytes=50_000_000,
    )


def install(
    home: Path,
    *,
    session: bool = True,
    extra_typist: bool = True,
    shortcuts_confirmed: bool = True,
    xsd_dir: Path | None = None,
    method: Literal["CSO", "DSO"] = "CSO",
) -> Installation:
    """The demo election imported, users made, the first session started.

    With ``shortcuts_confirmed`` (the default) the users made here have already confirmed the
    entry pages' explanation of the shortcuts (set in the store, without an audit event), so
    tests of the entry flows type without dismissing it first; the onboarding's own tests
    (tests/ui/test_onboarding.py) install with ``False``. ``method`` is the counting method of
    the first session.

    With ``xsd_dir`` (the official schemas, the ``xsd_dir`` fixture) the demo is written and
    imported against them and the application is configured with them, as ``make run`` is
    (``OSV_EML_XSD_DIR``): every EML file it reads or writes is validated.
    """
    settings = settings_at(home, xsd_dir)
    factory = unit_of_work_factory(settings)
    schemas = SchemaSet(xsd_dir) if xsd_dir is not None else None
    paths = write_demo(home / "demo", schemas=schemas)
    import_files(
        factory,
        [p for p in paths if p.suffix == ".xml"],
        schemas=schemas,
        limits=Limits(),
        hash_check=HashCheck(hash_file=next(p for p in paths if p.name == "Hashcodes.txt")),
        actor="test",
    )
    for role in ROLES:
        create_user(factory, role, PASSWORD, role, "test")
    if extra_typist:
        create_user(factory, "typist_gsb_2", PASSWORD, "typist_gsb", "test")
    if shortcuts_confirmed:
        with factory() as uow:
            for user in uow.users.all():
                uow.users.confirm_shortcuts(user.name, utc_now())
            uow.commit()
    session_id = 0
    if session:
        session_id = start_session(
            factory,
            EID,
            COMMITTEE,
            Actor("coordinator_gsb", "coordinator"),
            counting_method=method,
        ).id
    app = create_app(settings, factory=factory)
    return Installation(app, factory, session_id, settings)


def token(factory: UnitOfWorkFactory, name: str) -> str:
    """A signed-in session token of ``name``."""
    return sign_in(factory, name, PASSWORD, LoginThrottle(), "test")[0]


def client(installed: Installation, name: str | None, *, server_errors: bool = True) -> TestClient:
    """A test client signed in as ``name`` (not signed in when ``None``) that does not follow
    redirects; without ``server_errors`` a server error is an HTTP 500 answer instead of an
    exception."""
    signed_in = TestClient(
        installed.app, follow_redirects=False, raise_server_exceptions=server_errors
    )
    if name is not None:
        signed_in.cookies.set(SESSION_COOKIE, token(installed.factory, name))
    return signed_in


def hidden(html: str, name: str) -> str:
    """The value of the hidden input ``name`` of a page (``csrf``, ``versie``)."""
    found = re.search(rf'name="{name}" value="([^"]*)"', html)
    assert found is not None, name
    return found.group(1)


def csrf(html: str) -> str:
    """The form token (hidden input ``csrf``) of a page; never empty."""
    value = hidden(html, "csrf")
    assert value, "empty csrf token"
    return value


def explain_warnings(factory: UnitOfWorkFactory, session_id: int) -> None:
    """Every warning of every typed station of a session marked handled by the coordinator
    (those already noted are left as they are)."""
    coordinator = Actor("coordinator_gsb", "coordinator")
    for row in overview(factory, session_id):
        current = view(factory, session_id, row.key)
        if current.entry is None:
            continue
        noted = {(n.code, n.list_number) for n in warning_notes(factory, session_id, row.key)}
        for warning in check_entry(current.entry).warnings:
            if (warning.code, warning.list_number or 0) not in noted:
                note_warning(
                    factory,
                    session_id,
                    row.key,
                    coordinator,
                    warning.code,
                    list_number=warning.list_number,
                    handled=True,
                )


def paper(station: int, model: EntryModel = EntryModel.CSO_FIRST_SESSION) -> CountEntry:
    """The demo's count of polling station ``station`` as a correctly filled-in form of
    ``model`` (by default a Na 31-2 Bijlage 1)."""
    unit = build_demo().count.contests[0].reporting_units[station - 1]
    return counts_entry(unit.votes, model)


def typed_twice(factory: UnitOfWorkFactory, session_id: int, station: int) -> None:
    """Station ``station`` typed by two typists through the service on the form its session
    expects, definitive."""
    key = str(station)
    entry = paper(station, view(factory, session_id, key).model)
    first, second = Actor("typist_gsb", "typist"), Actor("typist_gsb_2", "typist")
    v = claim(factory, session_id, key, first, entry)
    v = finalise(factory, session_id, key, first, v.version)
    v = claim(factory, session_id, key, second, entry)
    finalise(factory, session_id, key, second, v.version)
