"""The thirteen points of the outside review (issue 16), each reproduced as the reviewer did it.

Each test makes the attack or the careless act the review describes and asserts what must hold
now; every one of them failed on the code before this change (docs/audit.md, docs/ui.md). The
deeper tests of each area are in the other modules of this folder.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from eml.hash import HashFileEntry, write_hash_file
from osv.config import Settings
from osv.service import users as users_service
from osv.service.bootstrap import UnitOfWorkFactory, unit_of_work_factory
from osv.service.demo import write_demo
from osv.service.login_throttle import LoginThrottle
from osv.service.users import SignInRefusedError, create_user, sign_in
from osv.store.rows import EntrySourceRow, WebSessionRow
from tests.cli.test_cli import _runner
from tests.security.conftest import Demo, behind_osvs_back
from tests.ui.helpers import EID, PASSWORD, Installation, install, token
from ui.app import create_app
from ui.auth import SESSION_COOKIE

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def _csrf(html: str) -> str:
    found = re.search(r'name="csrf" value="([^"]*)"', html)
    assert found is not None
    return found.group(1)


def _signed_in(installed: Installation, name: str) -> TestClient:
    client = TestClient(installed.app, follow_redirects=False, raise_server_exceptions=False)
    client.cookies.set(SESSION_COOKIE, token(installed.factory, name))
    return client


@pytest.fixture
def installed(tmp_path: Path) -> Iterator[Installation]:
    found = install(tmp_path)
    yield found
    found.factory.close()


@pytest.fixture
def empty(tmp_path: Path) -> Iterator[tuple[TestClient, UnitOfWorkFactory, Settings]]:
    """No election yet, one administrator signed in."""
    settings = Settings(
        home=tmp_path,
        database_url=f"sqlite:///{tmp_path / 'osv.sqlite3'}",
        xsd_dir=None,
        max_bytes=50_000_000,
    )
    factory = unit_of_work_factory(settings)
    create_user(factory, "admin", PASSWORD, "administrator", "test")
    client = TestClient(create_app(settings, factory=factory), follow_redirects=False)
    client.cookies.set(SESSION_COOKIE, token(factory, "admin"))
    yield client, factory, settings
    client.close()
    factory.close()


def _events(factory: UnitOfWorkFactory) -> int:
    with factory() as uow:
        return len(uow.audit.events())


# --- 1 -------------------------------------------------------------------------------------


def test_1_a_burst_of_wrong_passwords_reaches_the_check_at_most_five_times(
    installed: Installation, monkeypatch: pytest.MonkeyPatch
) -> None:
    """30 wrong passwords for one user, sent at once from one address: at most the allowed 5
    reach the (slow) password check; the others are throttled before it."""
    checked = []
    real = users_service._HASHER

    class Counting:
        def verify(self, stored: str, password: str) -> bool:
            checked.append(password)
            time.sleep(0.05)  # the slow hash: every attempt is in flight at once
            return real.verify(stored, password)

    create_user(installed.factory, "beheerder-x", PASSWORD, "administrator", "test")
    monkeypatch.setattr(users_service, "_HASHER", Counting())
    throttle = LoginThrottle()
    start = threading.Barrier(30)
    outcomes: list[str] = []

    def attempt() -> None:
        start.wait()
        try:
            sign_in(installed.factory, "beheerder-x", "geen-goed-wachtwoord!", throttle, "10.0.0.7")
        except SignInRefusedError as refused:
            outcomes.append("throttled" if refused.wait else "wrong")

    threads = [threading.Thread(target=attempt) for _ in range(30)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(checked) <= throttle.free == 5
    assert outcomes.count("wrong") == len(checked)
    assert outcomes.count("throttled") == 30 - len(checked)


# --- 2 -------------------------------------------------------------------------------------


def test_2_votes_changed_in_the_database_make_audit_verify_fail(
    demo: Demo, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Five votes of a finished station changed in ``entry_sources.data``, and a vote of a
    stored 510b import in ``list_votes``: ``osv audit verify`` says which, exit 1."""
    osv = _runner(monkeypatch, demo.home / "cli", demo.url)
    assert osv("audit", "verify").exit_code == 0
    with Session(demo.database.engine) as session:
        row = session.scalars(select(EntrySourceRow).where(EntrySourceRow.key == "1")).one()
        data = json.loads(json.dumps(row.data))
        data["entry"]["lists"][0]["candidate_votes"][0] += 5
        data["entry"]["lists"][0]["page_total"] += 5
        data["entry"]["votes"]["list_totals"][0]["total"] += 5
        row.data = data
        session.commit()
    result = osv("audit", "verify")
    assert result.exit_code == 1
    assert "content differs: entry of polling station 1, session 1" in result.stdout


# --- 3 -------------------------------------------------------------------------------------


def test_3_a_hash_file_does_not_replace_the_check_against_paper(
    empty: tuple[TestClient, UnitOfWorkFactory, Settings], tmp_path: Path
) -> None:
    """An edited 110a and 230b with a Hashcodes.txt computed from the edited files: the web
    import still asks for the groups from the paper and stores nothing without them."""
    client, factory, _ = empty
    paths = write_demo(tmp_path / "demo")
    definition = next(p for p in paths if p.name.startswith("Verkiezingsdefinitie"))
    lists = next(p for p in paths if p.name.startswith("Kandidatenlijsten"))
    for path in (definition, lists):
        path.write_bytes(path.read_bytes().replace(b"Vlietdam", b"Vlietdan", 1))
    forged = tmp_path / "Hashcodes.txt"
    forged.write_text(
        write_hash_file(
            [HashFileEntry(p.name, hashlib.sha256(p.read_bytes()).digest()) for p in paths[:3]]
        ),
        encoding="utf-8",
    )
    csrf = _csrf(client.get("/beheer").text)
    response = client.post(
        "/beheer/import",
        data={"csrf": csrf},
        files=[
            *(("bestanden", (p.name, p.read_bytes(), "text/xml")) for p in (definition, lists)),
            ("hashbestand", (forged.name, forged.read_bytes(), "text/plain")),
        ],
    )
    assert response.status_code == 200
    assert "Hashcode controleren" in response.text
    assert response.text.count('name="groep1:') == 2
    with factory() as uow:
        assert uow.elections.eids() == []


def test_3_the_command_line_records_a_check_against_a_file_with_its_hash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``osv import --hash-file`` stays, and says it was a file, not paper: the event holds the
    hash file's own SHA-256, and ``osv show audit`` and the command's output say which."""
    osv = _runner(monkeypatch, tmp_path / "home", f"sqlite:///{tmp_path / 'osv.sqlite3'}")
    paths = write_demo(tmp_path / "demo")
    hash_file = tmp_path / "demo" / "Hashcodes.txt"
    imported = osv(
        "import", *[str(p) for p in paths if p.suffix == ".xml"], "--hash-file", str(hash_file)
    )
    assert imported.exit_code == 0, imported.output
    assert "checked against a hash file, not against paper" in imported.stdout
    shown = osv("show", "audit")
    assert "checked_against=file" in shown.stdout
    assert f"hash_file_sha256={hashlib.sha256(hash_file.read_bytes()).hexdigest()}" in (
        shown.stdout
    )


# --- 4 -------------------------------------------------------------------------------------


def test_4_removing_the_last_event_shows_against_the_noted_head(
    demo: Demo, monkeypatch: pytest.MonkeyPatch
) -> None:
    osv = _runner(monkeypatch, demo.home / "cli", demo.url)
    with demo.factory() as uow:
        head = uow.audit.events()[-1].hash
    assert head is not None
    behind_osvs_back(
        demo.database, "DELETE FROM audit_events WHERE id = (SELECT max(id) FROM audit_events)"
    )
    assert json.loads(osv("audit", "verify", "--json").stdout)["intact"]  # the chain can't tell
    result = osv("audit", "verify", "--head", head)
    assert result.exit_code == 1
    assert "head missing" in result.stdout


def test_4_the_audit_page_shows_the_whole_head(installed: Installation) -> None:
    client = _signed_in(installed, "administrator")
    with installed.factory() as uow:
        head = uow.audit.events()[-1].hash
    assert head is not None
    page = client.get("/beheer/logboek").text
    assert " ".join(head[i : i + 4] for i in range(0, 64, 4)) in page


# --- 5 -------------------------------------------------------------------------------------


def test_5_a_huge_user_name_does_not_flood_the_log(installed: Installation) -> None:
    """Eleven sign-ins with a 900 KB user name add next to nothing to the log."""
    with installed.factory() as uow:
        before = sum(len(json.dumps(e.data)) + len(e.actor) for e in uow.audit.events())
    with TestClient(installed.app, follow_redirects=False) as client:
        csrf = _csrf(client.get("/inloggen").text)
        for _ in range(11):
            response = client.post(
                "/inloggen", data={"naam": "x" * 900_000, "wachtwoord": "w", "csrf": csrf}
            )
            assert response.status_code in (400, 401)
    with installed.factory() as uow:
        events = uow.audit.events()
        after = sum(len(json.dumps(e.data)) + len(e.actor) for e in events)
    assert after - before < 11 * 300
    assert max(len(e.actor) for e in events) <= 64


# --- 6 -------------------------------------------------------------------------------------


def test_6_failures_from_one_address_do_not_lock_out_others_there(
    installed: Installation,
) -> None:
    """Five wrong passwords for one user from an address (NAT, a proxy) leave the correct
    password of every other user at that address working."""
    throttle = LoginThrottle()
    for _ in range(5):
        with pytest.raises(SignInRefusedError):
            sign_in(installed.factory, "typist_gsb", "geen-goed-wachtwoord!", throttle, "10.0.0.1")
    for name in ("typist_gsb_2", "coordinator_gsb", "administrator"):
        sign_in(installed.factory, name, PASSWORD, throttle, "10.0.0.1")


# --- 7 -------------------------------------------------------------------------------------


def test_7_osv_serve_takes_tls_and_warns_without_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import uvicorn

    ran: list[dict[str, Any]] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **options: ran.append(options))
    osv = _runner(monkeypatch, tmp_path / "home", f"sqlite:///{tmp_path / 'osv.sqlite3'}")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    cert.write_text("certificate"), key.write_text("key")
    served = osv("serve", "--host", "0.0.0.0", "--tls-cert", str(cert), "--tls-key", str(key))
    assert served.exit_code == 0, served.output
    assert ran[-1]["ssl_certfile"] == str(cert)
    assert "warning" not in served.stderr
    plain = osv("serve", "--host", "0.0.0.0")
    assert plain.exit_code == 0
    assert "serving without TLS on 0.0.0.0" in plain.stderr
    assert ran[-1]["proxy_headers"] is False


# --- 8 -------------------------------------------------------------------------------------


_STATION = {
    "verkiezing": EID,
    "gemeente": "9997",
    "gemeentenaam": "Vlietdam",
    "nummer": "21",
    "naam": "Buurthuis",
    "straat": "Dorpsstraat",
    "huisnummer": "1",
    "postcode": "2811 AB",
    "plaats": "Vlietdam",
    "soort": "FixedLocation",
    "kiesgerechtigden": "100",
}


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("nummer", "²"),
        ("huisnummer", "²"),
        ("kiesgerechtigden", "²"),
        ("kiesgerechtigden", "1000000000000"),
        ("nummer", "٢٢"),  # Arabic-Indic 22: int() takes it
        ("straat", "s" * 100_000),
        ("naam", "Buurt\x00huis"),
    ],
)
def test_8_odd_input_in_a_polling_station_is_refused_in_dutch(
    tmp_path: Path, field: str, value: str
) -> None:
    installed = install(tmp_path, session=False)
    client = _signed_in(installed, "administrator")
    csrf = _csrf(client.get("/beheer/stembureaus").text)
    response = client.post("/beheer/stembureaus", data={**_STATION, field: value, "csrf": csrf})
    assert response.status_code == 400
    assert "Niet" in response.text
    with installed.factory() as uow:
        assert [s.number for s in uow.polling_stations.get(EID, "9997")] == list(range(1, 21))
    installed.factory.close()


def test_8_the_polling_station_form_itself_works(tmp_path: Path) -> None:
    """The form the odd values below are put into is stored as it is (a control)."""
    installed = install(tmp_path, session=False)
    client = _signed_in(installed, "administrator")
    csrf = _csrf(client.get("/beheer/stembureaus").text)
    assert client.post("/beheer/stembureaus", data={**_STATION, "csrf": csrf}).status_code == 303
    with installed.factory() as uow:
        assert [s.number for s in uow.polling_stations.get(EID, "9997")][-1] == 21
    installed.factory.close()


@pytest.mark.parametrize("name", ["Mal\x00lory", "ma\u202elory"])
def test_8_odd_user_names_are_refused_in_dutch(installed: Installation, name: str) -> None:
    client = _signed_in(installed, "administrator")
    csrf = _csrf(client.get("/beheer/gebruikers").text)
    response = client.post(
        "/beheer/gebruikers",
        data={
            "naam": name,
            "wachtwoord": "een-heel-ander-wachtwoord",
            "rol": "observer",
            "csrf": csrf,
        },
    )
    assert response.status_code == 400
    assert not any(u.name == name for u in users_service.users(installed.factory))


@pytest.mark.parametrize("name", [".", "..", "../telling.eml.xml"])
def test_8_an_import_file_named_dot_is_refused_without_leaving_a_folder(
    empty: tuple[TestClient, UnitOfWorkFactory, Settings], tmp_path: Path, name: str
) -> None:
    client, _, settings = empty
    path = next(p for p in write_demo(tmp_path / "demo") if p.name.startswith("Verkiezings"))
    csrf = _csrf(client.get("/beheer").text)
    response = client.post(
        "/beheer/import",
        data={"csrf": csrf},
        files=[("bestanden", (name, path.read_bytes(), "text/xml"))],
    )
    assert response.status_code == 400
    uploads = settings.home / "uploads"
    assert not uploads.exists() or list(uploads.iterdir()) == []


def test_8_a_refusal_shows_no_folder_of_the_server() -> None:
    from osv.service.result.files import ResultInputError
    from ui.messages import dutch_error

    shown = dutch_error(ResultInputError("the folder /tmp/tmpq1w2e3/CSB holds no counts of X"))
    assert "/tmp" not in shown
    assert "(een map op de server)" in shown


# --- 9 -------------------------------------------------------------------------------------


def test_9_a_polling_station_of_another_municipality_is_refused(tmp_path: Path) -> None:
    installed = install(tmp_path, session=False)
    client = _signed_in(installed, "administrator")
    csrf = _csrf(client.get("/beheer/stembureaus").text)
    response = client.post(
        "/beheer/stembureaus", data={**_STATION, "gemeente": "9998", "csrf": csrf}
    )
    assert response.status_code == 400
    with installed.factory() as uow:
        assert uow.polling_stations.get(EID, "9998") == ()
    installed.factory.close()


# --- 10 ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "password", ["a" * 13, " " * 13, "1234567890123", "observer-nieuw", "Wachtwoord123"]
)
def test_10_weak_passwords_are_refused(installed: Installation, password: str) -> None:
    from osv.service.users import UserRefusedError, set_password

    with pytest.raises(UserRefusedError):
        set_password(installed.factory, "observer", password, "test")


def test_10_users_change_their_own_password_with_the_old_one(installed: Installation) -> None:
    client = _signed_in(installed, "observer")
    page = client.get("/account")
    assert page.status_code == 200
    new = "een-heel-nieuw-geheim-2026"
    wrong = client.post(
        "/account/wachtwoord",
        data={
            "oud": "niet-het-oude-wachtwoord",
            "nieuw": new,
            "herhaald": new,
            "csrf": _csrf(page.text),
        },
    )
    assert wrong.status_code == 400
    done = client.post(
        "/account/wachtwoord",
        data={"oud": PASSWORD, "nieuw": new, "herhaald": new, "csrf": _csrf(page.text)},
    )
    assert done.status_code == 303
    sign_in(installed.factory, "observer", new, LoginThrottle(), "test")


# --- 11 ------------------------------------------------------------------------------------


def test_11_signed_in_pages_carry_the_security_headers(installed: Installation) -> None:
    response = _signed_in(installed, "coordinator_gsb").get("/zittingen")
    assert response.status_code == 200
    headers = response.headers
    assert "script-src 'self'" in headers["content-security-policy"]
    assert "frame-ancestors 'none'" in headers["content-security-policy"]
    assert headers["x-frame-options"] == "DENY"
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "no-referrer"
    assert headers["cache-control"] == "no-store"


# --- 12 ------------------------------------------------------------------------------------


def test_12_a_session_ends_after_its_lifetime_and_others_can_be_ended(
    installed: Installation,
) -> None:
    first = _signed_in(installed, "typist_gsb")
    second = _signed_in(installed, "typist_gsb")
    assert first.get("/invoer").status_code == 200
    page = second.get("/account")
    assert page.status_code == 200
    ended = second.post("/account/sessies/andere-beeindigen", data={"csrf": _csrf(page.text)})
    assert ended.status_code == 303
    assert first.get("/invoer").status_code == 303  # to the sign-in page
    # a session in use all day still ends 12 hours after the sign-in
    third = _signed_in(installed, "typist_gsb")
    with Session(installed.factory.database.engine) as session:
        session.execute(
            update(WebSessionRow).values(
                created_at=dt.datetime.now(dt.UTC) - dt.timedelta(hours=12, minutes=1)
            )
        )
        session.commit()
    assert third.get("/invoer").status_code == 303


# --- 13 ------------------------------------------------------------------------------------


def test_13_a_backup_is_restored_checked_logged_and_the_old_one_kept(
    sqlite_demo: Demo, monkeypatch: pytest.MonkeyPatch
) -> None:
    demo = sqlite_demo
    osv = _runner(monkeypatch, demo.home / "cli", demo.url)
    backup = demo.home / "backup.sqlite3"
    assert osv("db", "backup", str(backup)).exit_code == 0
    with demo.factory() as uow:
        backed_up = uow.audit.events()[-1]  # the database.backup event (not in the copy)
    restored = osv("db", "restore", str(backup), "--force")
    assert restored.exit_code == 0, restored.output
    with demo.factory() as uow:
        events = uow.audit.events()
    assert events[-1].event == "database.restored"
    assert events[-1].id == backed_up.id  # the first event after the restored head
    assert list(demo.home.glob("*.replaced-*"))


def test_13_old_uploads_are_cleaned_up(tmp_path: Path) -> None:
    from osv.service.retention import clean_uploads

    old = tmp_path / "uploads" / "abandoned"
    old.mkdir(parents=True)
    (old / "file.xml").write_text("x")
    day_ago = time.time() - 25 * 3600
    os.utime(old, (day_ago, day_ago))
    assert clean_uploads(tmp_path / "uploads") == [old]
    assert not old.exists()
