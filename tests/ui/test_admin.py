"""The administrator's pages over HTTP: importing EML with the typed hash groups, the 110b,
adding a polling station by hand, users (create, change role, block), the audit log."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from eml.hash import format_digest, hidden_groups
from osv.service import queries
from osv.service.bootstrap import UnitOfWorkFactory, unit_of_work_factory
from osv.service.demo import write_demo
from osv.service.entry import Actor, start_session
from osv.service.users import create_user, users
from tests.ui.helpers import EID, PASSWORD, csrf, install, settings_at, token
from ui.app import create_app
from ui.auth import SESSION_COOKIE


@pytest.fixture
def empty(tmp_path: Path) -> Iterator[tuple[TestClient, UnitOfWorkFactory, Path]]:
    """An installation without elections, with one administrator signed in."""
    settings = settings_at(tmp_path)
    factory = unit_of_work_factory(settings)
    create_user(factory, "admin", PASSWORD, "administrator", "test")
    app = create_app(settings, factory=factory)
    client = TestClient(app, follow_redirects=False)
    client.cookies.set(SESSION_COOKIE, token(factory, "admin"))
    yield client, factory, tmp_path
    client.close()
    factory.close()


def _upload(client: TestClient, paths: list[Path]) -> str:
    form_token = csrf(client.get("/beheer").text)
    response = client.post(
        "/beheer/import",
        data={"csrf": form_token},
        files=[("bestanden", (p.name, p.read_bytes(), "text/xml")) for p in paths],
    )
    assert response.status_code in (200, 400), response.text[:500]
    return response.text


def _groups(path: Path) -> tuple[str, str]:
    digest = hashlib.sha256(path.read_bytes()).digest()
    groups = format_digest(digest).split(" ")
    first, second = hidden_groups(digest)
    return groups[first], groups[second]


def _confirm(client: TestClient, page: str, typed: dict[str, tuple[str, str]]) -> str:
    upload = re.search(r'name="upload" value="([^"]*)"', page)
    assert upload is not None
    data = {"csrf": csrf(page), "upload": upload.group(1)}
    for name, (first, second) in typed.items():
        data[f"groep1:{name}"] = first
        data[f"groep2:{name}"] = second
    return client.post("/beheer/import/bevestigen", data=data).text


def test_import_with_the_hash_groups_from_paper(
    empty: tuple[TestClient, UnitOfWorkFactory, Path],
) -> None:
    client, factory, home = empty
    paths = write_demo(home / "demo")
    definition = next(p for p in paths if p.name.startswith("Verkiezingsdefinitie"))
    lists = next(p for p in paths if p.name.startswith("Kandidatenlijsten"))
    stations = next(p for p in paths if p.name.startswith("Stembureaus"))

    page = _upload(client, [definition, lists])
    assert page.count("Eerste verborgen groep") == 2  # both files ask for their groups
    right = {definition.name: _groups(definition), lists.name: _groups(lists)}
    wrong = {**right, lists.name: (right[lists.name][1], right[lists.name][0])}
    if wrong == right:  # the two hidden groups happen to be equal: change one character
        first = right[lists.name][0]
        wrong[lists.name] = ("0000" if first != "0000" else "1111", right[lists.name][1])
    refused = _confirm(client, page, wrong)
    assert "Gelukt" not in refused
    assert "De getypte hashcode-groepen komen niet overeen met het bestand" in refused
    assert queries.elections(factory) == []  # one wrong file: nothing is stored

    page = _upload(client, [definition, lists])
    done = _confirm(client, page, right)
    assert "Gelukt" in done
    (election,) = queries.elections(factory)
    assert election.eid == EID
    assert election.lists == 8

    # a 110b has no hash on paper: it is imported at once
    done = _upload(client, [stations])
    assert "Gelukt" in done
    assert len(queries.polling_stations(factory, EID)) == 20

    log = client.get("/beheer/logboek").text
    assert log.count("eml.imported") >= 3


def test_adding_a_polling_station_by_hand(tmp_path: Path) -> None:
    installed = install(tmp_path, session=False)
    client = TestClient(installed.app, follow_redirects=False)
    client.cookies.set(SESSION_COOKIE, token(installed.factory, "administrator"))
    form_token = csrf(client.get("/beheer/stembureaus").text)
    form = {
        "csrf": form_token,
        "verkiezing": EID,
        "gemeente": "9997",
        "nummer": "21",
        "naam": "Gymzaal Zuid",
        "straat": "Zuidweg",
        "huisnummer": "4",
        "postcode": "2811ab",
        "plaats": "Vlietdam",
        "soort": "Mobile",
        "kiesgerechtigden": "1200",
    }
    wrong = client.post(
        "/beheer/stembureaus", data={**form, "postcode": "28A1 AB", "nummer": "nul"}
    )
    assert wrong.status_code == 400
    assert "vier cijfers en twee letters" in wrong.text
    assert "getal van 1 tot en met 99999" in wrong.text
    assert len(queries.polling_stations(installed.factory, EID)) == 20  # nothing stored

    added = client.post("/beheer/stembureaus", data=form)
    assert added.status_code == 303, added.text
    stored = {s.number: s for s in queries.polling_stations(installed.factory, EID)}
    assert stored[21].name == "Gymzaal Zuid"
    assert stored[21].postal_code == "2811 AB"
    assert stored[21].municipality_name == "Vlietdam"
    assert "Gymzaal Zuid" in client.get(added.headers["location"]).text

    again = client.post("/beheer/stembureaus", data=form)
    assert again.status_code == 400
    assert "al een stembureau met dit nummer" in again.text

    # the new station gets a source in the session, and after the start none can be added
    session = start_session(
        installed.factory,
        EID,
        "9997",
        Actor("coordinator_gsb", "coordinator"),
        counting_method="CSO",
    )
    late = client.post("/beheer/stembureaus", data={**form, "nummer": "22"})
    assert late.status_code == 400
    assert "zitting van deze gemeente is al begonnen" in late.text
    from osv.service.entry import overview

    assert "21" in {row.key for row in overview(installed.factory, session.id)}
    assert "polling_station.added" in client.get("/beheer/logboek").text
    installed.factory.close()


def _sign_in(app: object, name: str, password: str) -> int:
    with TestClient(app, follow_redirects=False) as client:  # type: ignore[arg-type]
        page = client.get("/inloggen").text
        response = client.post(
            "/inloggen", data={"naam": name, "wachtwoord": password, "csrf": csrf(page)}
        )
        return response.status_code


def test_users_created_given_another_role_and_blocked(tmp_path: Path) -> None:
    installed = install(tmp_path, session=False, extra_typist=False)
    client = TestClient(installed.app, follow_redirects=False)
    client.cookies.set(SESSION_COOKIE, token(installed.factory, "administrator"))
    form_token = csrf(client.get("/beheer/gebruikers").text)

    short = client.post(
        "/beheer/gebruikers",
        data={"csrf": form_token, "naam": "dirk", "wachtwoord": "kort", "rol": "typist_gsb"},
    )
    assert short.status_code == 400
    assert "dirk" not in {u.name for u in users(installed.factory)}

    made = client.post(
        "/beheer/gebruikers",
        data={"csrf": form_token, "naam": "dirk", "wachtwoord": PASSWORD, "rol": "typist_gsb"},
    )
    assert made.status_code == 303
    assert _sign_in(installed.app, "dirk", PASSWORD) == 303

    changed = client.post(
        "/beheer/gebruikers/dirk/rol", data={"csrf": form_token, "rol": "coordinator_gsb"}
    )
    assert changed.status_code == 303
    dirk = {u.name: u for u in users(installed.factory)}["dirk"]
    assert dirk.role == "coordinator_gsb"
    with TestClient(installed.app, follow_redirects=False) as as_dirk:
        as_dirk.cookies.set(SESSION_COOKIE, token(installed.factory, "dirk"))
        assert as_dirk.get("/zittingen").status_code == 200  # the new role's page
        assert as_dirk.get("/invoer").status_code == 403  # not the old one

    blocked = client.post(
        "/beheer/gebruikers/dirk/actief", data={"csrf": form_token, "actief": "0"}
    )
    assert blocked.status_code == 303
    assert _sign_in(installed.app, "dirk", PASSWORD) == 401  # a blocked user cannot sign in

    log = client.get("/beheer/logboek").text
    for event in ("user.created", "user.role_changed", "user.deactivated", "user.sign_in_failed"):
        assert event in log, event
    only = client.get("/beheer/logboek?gebeurtenis=role_changed").text
    assert "user.role_changed" in only
    assert "user.created" not in only
    installed.factory.close()


def test_the_audit_log_page_shows_the_state_of_the_hash_chain(
    empty: tuple[TestClient, UnitOfWorkFactory, Path],
) -> None:
    """Intact with the count and the whole last hash in groups of 4 (to write down); broken
    with the event's number."""
    from sqlalchemy import text

    client, factory, _ = empty
    create_user(factory, "dirk", PASSWORD, "typist_gsb", "admin")
    with factory() as uow:
        report = uow.audit.verify_chain()
    page = client.get("/beheer/logboek").text
    assert report.intact
    assert f"Keten van hashes: intact ({report.count} gebeurtenissen)" in page
    groups = " ".join(report.last_hash[i : i + 4] for i in range(0, 64, 4))
    assert f'<code id="laatste-hash">{groups}</code>' in page
    with factory.database.engine.begin() as connection:
        connection.execute(text("DROP TRIGGER audit_events_no_update"))
        connection.execute(text("UPDATE audit_events SET actor = 'mallory' WHERE id = 1"))
    page = client.get("/beheer/logboek").text
    assert "<strong>verbroken</strong> bij gebeurtenis 1:" in page


def test_the_administrator_downloads_a_checked_backup(
    empty: tuple[TestClient, UnitOfWorkFactory, Path],
) -> None:
    """The backup is kept under $OSV_HOME/backups, downloaded, and logged with its SHA-256."""
    client, factory, home = empty
    form_token = csrf(client.get("/beheer/logboek").text)
    response = client.post("/beheer/reservekopie", data={"csrf": form_token})
    assert response.status_code == 200
    [kept] = (home / "backups").glob("osv-backup-*.sqlite3")
    assert response.content == kept.read_bytes()
    assert kept.name in response.headers["content-disposition"]
    [event] = queries.audit_events(factory, None, limit=10)[-1:]
    assert event.event == "database.backup"
    assert event.actor == "admin"
    assert event.data["sha256"] == hashlib.sha256(response.content).hexdigest()
