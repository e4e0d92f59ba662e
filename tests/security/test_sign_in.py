"""Signing in under attack, passwords, and sessions (docs/ui.md, "Security").

The throttle counts an attempt before the password is checked, per user name with growing
delays and per address only as a ceiling; user names are limited before anything is looked up
or logged; passwords that are easy to guess are refused; a user sees their sessions, ends the
others and changes their own password; a session ends after its absolute lifetime.
"""

from __future__ import annotations

import datetime as dt
import re
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import update
from sqlalchemy.orm import Session

from osv.config import ConfigError, Settings
from osv.service import users as users_service
from osv.service.login_throttle import LoginThrottle
from osv.service.users import (
    MIN_PASSWORD_LENGTH,
    SignInRefusedError,
    UserRefusedError,
    change_own_password,
    create_user,
    end_own_session,
    ensure_first_administrator,
    own_sessions,
    password_problem,
    session_of,
    sign_in,
    user_name_problem,
)
from osv.store.rows import WebSessionRow
from tests.ui.helpers import PASSWORD, Installation, install, token
from ui.auth import SESSION_COOKIE


@pytest.fixture
def installed(tmp_path: Path) -> Iterator[Installation]:
    found = install(tmp_path, session=False)
    yield found
    found.factory.close()


class _Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The passwords that reached the (slowed) Argon2 check."""
    checked: list[str] = []
    real = users_service._HASHER

    class Counting:
        def verify(self, stored: str, password: str) -> bool:
            checked.append(password)
            time.sleep(0.05)
            return real.verify(stored, password)

        def hash(self, password: str) -> str:
            return real.hash(password)

    monkeypatch.setattr(users_service, "_HASHER", Counting())
    return checked


def test_thirty_attempts_at_once_over_http_reach_the_check_five_times(
    installed: Installation, counted: list[str]
) -> None:
    """The review's burst, over HTTP: 30 clients post a wrong password for one user at once."""
    clients = [TestClient(installed.app, follow_redirects=False) for _ in range(30)]
    forms = []
    for client in clients:
        page = client.get("/inloggen").text
        found = re.search(r'name="csrf" value="([^"]*)"', page)
        assert found is not None
        forms.append({"naam": "observer", "wachtwoord": "niet-het-goede-1", "csrf": found[1]})
    start = threading.Barrier(30)
    statuses: list[tuple[int, str]] = []

    def attempt(client: TestClient, form: dict[str, str]) -> None:
        start.wait()
        response = client.post("/inloggen", data=form)
        statuses.append((response.status_code, response.text))

    threads = [
        threading.Thread(target=attempt, args=pair) for pair in zip(clients, forms, strict=True)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for client in clients:
        client.close()
    assert len(counted) <= 5
    assert all(status == 401 for status, _ in statuses)
    throttled = [text for _, text in statuses if "Te veel mislukte pogingen" in text]
    assert len(throttled) == 30 - len(counted)


def test_delays_grow_per_name_and_are_forgotten() -> None:
    clock = _Clock()
    throttle = LoginThrottle(clock=clock)
    for _ in range(5):
        assert throttle.admit("anna", "10.0.0.1") == 0
    waits = []
    for _ in range(4):
        wait = throttle.admit("anna", "10.0.0.2")  # another address does not help
        waits.append(wait)
        clock.now += wait
        assert throttle.admit("anna", "10.0.0.2") == 0  # counted: a failure
    assert waits == [2.0, 4.0, 8.0, 16.0]
    for _ in range(12):
        clock.now += throttle.admit("anna", "10.0.0.2")
        throttle.admit("anna", "10.0.0.2")
    assert throttle.admit("anna", "10.0.0.2") == throttle.longest == 300.0
    clock.now += throttle.forget + 1
    assert throttle.admit("anna", "10.0.0.2") == 0


def test_an_address_is_only_held_back_after_a_generous_ceiling() -> None:
    clock = _Clock()
    throttle = LoginThrottle(clock=clock)
    for number in range(throttle.address_free):
        assert throttle.admit(f"naam{number}", "192.168.1.1") == 0
    assert throttle.admit("iemand-anders", "192.168.1.1") > 0
    assert throttle.admit("iemand-anders", "192.168.1.2") == 0


def test_a_right_password_takes_the_attempt_back(installed: Installation) -> None:
    throttle = LoginThrottle()
    for _ in range(4):
        with pytest.raises(SignInRefusedError):
            sign_in(installed.factory, "observer", "niet-het-goede-1", throttle, "10.0.0.9")
    sign_in(installed.factory, "observer", PASSWORD, throttle, "10.0.0.9")
    for _ in range(5):  # the name's count starts again
        with pytest.raises(SignInRefusedError, match="wrong"):
            sign_in(installed.factory, "observer", "niet-het-goede-1", throttle, "10.0.0.9")


@pytest.mark.parametrize(
    "name",
    ["", "n" * 65, "mal\x00lory", "ma\u202elory", "met spatie", "tab\tje", "\u2066links"],
)
def test_impossible_user_names_are_never_looked_up_nor_logged_as_given(
    installed: Installation, counted: list[str], name: str
) -> None:
    assert user_name_problem(name) is not None
    with pytest.raises(SignInRefusedError):
        sign_in(installed.factory, name, PASSWORD, LoginThrottle(), "10.0.0.3")
    assert counted == []  # no password check at all
    with installed.factory() as uow:
        last = uow.audit.events()[-1]
    assert last.event == "user.sign_in_failed"
    assert last.actor == "?"
    assert name not in str(last.data) or name == ""
    assert last.data["reason"].startswith("user name refused")


def test_user_names_that_are_fine(installed: Installation) -> None:
    for name in ("beheerder", "j.de-vries", "Zoë", "n" * 64):
        assert user_name_problem(name) is None
    create_user(installed.factory, "Zoë", "een-sterk-wachtwoord-9", "observer", "test")


@pytest.mark.parametrize(
    ("password", "name", "code"),
    [
        ("a" * 12, "anna", "password_too_short"),
        ("a" * 13, "anna", "password_one_character"),
        (" " * 13, "anna", "password_one_character"),
        ("1234567890123", "anna", "password_common"),
        ("WACHTWOORD123", "anna", "password_common"),
        ("qwertyuiop123", "anna", "password_common"),
        ("observer", "observer", "password_too_short"),
        ("observer-observer", "observer", "password_has_name"),
        ("mijn-Beheerder-wachtwoord", "beheerder", "password_has_name"),
        ("x" * 1025, "anna", "password_too_long"),
    ],
)
def test_guessable_passwords_are_refused(password: str, name: str, code: str) -> None:
    problem = password_problem(password, name)
    assert problem is not None
    assert problem.code == code


def test_the_common_passwords_shipped_are_all_long_enough_to_matter() -> None:
    listed = users_service._common_passwords()
    assert len(listed) >= 300
    assert all(len(p) >= MIN_PASSWORD_LENGTH for p in listed)
    assert password_problem("een-lang-genoeg-wachtwoord", "anna") is None


def test_the_first_administrators_password_passes_the_rules(tmp_path: Path) -> None:
    from osv.service.bootstrap import unit_of_work_factory

    settings = Settings(tmp_path, f"sqlite:///{tmp_path / 'osv.sqlite3'}", None, 1000)
    with unit_of_work_factory(settings) as factory:
        password = ensure_first_administrator(factory)
        assert password is not None
        assert password_problem(password, "beheerder") is None


def test_changing_the_own_password_needs_the_old_one_and_ends_the_others(
    installed: Installation,
) -> None:
    first, second = token(installed.factory, "observer"), token(installed.factory, "observer")
    here = session_of(installed.factory, second, dt.timedelta(minutes=30))
    assert here is not None
    throttle = LoginThrottle()
    with pytest.raises(SignInRefusedError, match="old password"):
        change_own_password(
            installed.factory, "observer", "fout", "nieuw-en-sterk-2026", throttle=throttle,
            client="t", keep=here.id,
        )  # fmt: skip
    with pytest.raises(UserRefusedError) as weak:
        change_own_password(
            installed.factory, "observer", PASSWORD, "observer-2026-x", throttle=throttle,
            client="t", keep=here.id,
        )  # fmt: skip
    assert weak.value.code == "password_has_name"
    change_own_password(
        installed.factory, "observer", PASSWORD, "nieuw-en-sterk-2026", throttle=throttle,
        client="t", keep=here.id,
    )  # fmt: skip
    assert session_of(installed.factory, first, dt.timedelta(minutes=30)) is None
    assert session_of(installed.factory, second, dt.timedelta(minutes=30)) is not None
    with installed.factory() as uow:
        last = uow.audit.events()[-1]
    assert (last.event, last.actor, last.data["by"]) == (
        "user.password_changed",
        "observer",
        "self",
    )


def test_guessing_the_old_password_from_a_session_is_throttled(installed: Installation) -> None:
    throttle = LoginThrottle()
    for _ in range(5):
        with pytest.raises(SignInRefusedError, match="old password"):
            change_own_password(
                installed.factory, "observer", "fout-oud", "nieuw-en-sterk-2026",
                throttle=throttle, client="t",
            )  # fmt: skip
    with pytest.raises(SignInRefusedError, match="wait"):
        change_own_password(
            installed.factory, "observer", PASSWORD, "nieuw-en-sterk-2026",
            throttle=throttle, client="t",
        )  # fmt: skip


def test_a_user_sees_their_sessions_and_ends_only_their_own(installed: Installation) -> None:
    sign_in(installed.factory, "observer", PASSWORD, LoginThrottle(), "10.1.1.1")
    sign_in(installed.factory, "observer", PASSWORD, LoginThrottle(), "10.2.2.2")
    sign_in(installed.factory, "typist_gsb", PASSWORD, LoginThrottle(), "10.3.3.3")
    mine = own_sessions(installed.factory, "observer")
    assert sorted(s.client for s in mine) == ["10.1.1.1", "10.2.2.2"]
    theirs = own_sessions(installed.factory, "typist_gsb")
    with pytest.raises(UserRefusedError) as refused:
        end_own_session(installed.factory, "observer", theirs[0].id)
    assert refused.value.code == "unknown_session"
    end_own_session(installed.factory, "observer", mine[0].id)
    assert [s.id for s in own_sessions(installed.factory, "observer")] == [mine[1].id]


def test_the_account_page_lists_the_sessions_with_their_address(
    installed: Installation,
) -> None:
    sign_in(installed.factory, "observer", PASSWORD, LoginThrottle(), "10.4.4.4")
    with TestClient(installed.app, follow_redirects=False) as client:
        client.cookies.set(SESSION_COOKIE, token(installed.factory, "observer"))
        page = client.get("/account").text
    assert "10.4.4.4" in page
    assert "deze sessie" in page
    assert "Alle andere sessies beëindigen" in page


def test_a_busy_session_ends_after_its_lifetime(installed: Installation) -> None:
    secret = token(installed.factory, "observer")
    lifetime, timeout = dt.timedelta(hours=12), dt.timedelta(minutes=30)
    assert session_of(installed.factory, secret, timeout, lifetime) is not None
    with Session(installed.factory.database.engine) as session:
        session.execute(
            update(WebSessionRow).values(
                created_at=dt.datetime.now(dt.UTC) - dt.timedelta(hours=11, minutes=59)
            )
        )
        session.commit()
    assert session_of(installed.factory, secret, timeout, lifetime) is not None
    assert session_of(installed.factory, secret, timeout, dt.timedelta(hours=11)) is None
    assert session_of(installed.factory, secret, timeout, lifetime) is None  # revoked


def test_the_lifetime_is_configured_in_hours() -> None:
    env = {"OSV_HOME": "/x"}
    assert Settings.from_env(env).session_lifetime == dt.timedelta(hours=12)
    assert Settings.from_env({**env, "OSV_SESSION_HOURS": "8"}).session_lifetime == dt.timedelta(
        hours=8
    )
    for wrong in ("0", "-1", "twaalf", "1000"):
        with pytest.raises(ConfigError, match="OSV_SESSION_HOURS"):
            Settings.from_env({**env, "OSV_SESSION_HOURS": wrong})
