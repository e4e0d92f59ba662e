"""Sign-in security: cookies, CSRF on the sign-in form, throttling, timeout, passwords."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from osv.service.login_throttle import LoginThrottle
from osv.service.users import SignInRefusedError, UserRefusedError, create_user, session_of, sign_in
from tests.ui.helpers import PASSWORD, Installation, install, token
from ui.auth import SESSION_COOKIE


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Installation]:
    installation = install(tmp_path_factory.mktemp("sec"), session=False)
    yield installation
    installation.factory.close()


def _login(client: TestClient, name: str, password: str) -> object:
    page = client.get("/inloggen")
    csrf = re.search(r'name="csrf" value="([^"]+)"', page.text)
    assert csrf is not None
    return client.post(
        "/inloggen", data={"naam": name, "wachtwoord": password, "csrf": csrf.group(1)}
    )


def test_signing_in_sets_an_http_only_strict_cookie(installed: Installation) -> None:
    with TestClient(installed.app, follow_redirects=False) as client:
        response = _login(client, "typist_gsb", PASSWORD)
        assert response.status_code == 303  # type: ignore[attr-defined]
        cookie = response.headers["set-cookie"]  # type: ignore[attr-defined]
        assert f"{SESSION_COOKIE}=" in cookie
        assert "HttpOnly" in cookie
        assert "SameSite=strict" in cookie
        assert "Secure" not in cookie
        assert client.get("/invoer").status_code == 200


def test_over_tls_the_cookie_is_secure(installed: Installation) -> None:
    with TestClient(installed.app, base_url="https://testserver", follow_redirects=False) as c:
        response = _login(c, "observer", PASSWORD)
        assert "Secure" in response.headers["set-cookie"]  # type: ignore[attr-defined]


def test_the_sign_in_form_needs_its_csrf_token(installed: Installation) -> None:
    with TestClient(installed.app, follow_redirects=False) as client:
        client.get("/inloggen")
        response = client.post(
            "/inloggen", data={"naam": "observer", "wachtwoord": PASSWORD, "csrf": "fout"}
        )
        assert response.status_code == 400


def test_a_wrong_password_says_the_same_as_an_unknown_user(installed: Installation) -> None:
    with TestClient(installed.app) as client:
        wrong = _login(client, "observer", "niet-het-goede-wachtwoord")
        unknown = _login(client, "niemand-bekend", "niet-het-goede-wachtwoord")
        assert wrong.status_code == unknown.status_code == 401  # type: ignore[attr-defined]
        assert "Gebruikersnaam of wachtwoord is onjuist" in wrong.text  # type: ignore[attr-defined]


def test_after_five_failures_a_name_must_wait(installed: Installation) -> None:
    now = [0.0]
    throttle = LoginThrottle(clock=lambda: now[0])
    for _ in range(5):
        with pytest.raises(SignInRefusedError, match="wrong"):
            sign_in(installed.factory, "observer", "niet-het-goede-wachtwoord", throttle, "a")
    with pytest.raises(SignInRefusedError, match="wait") as caught:
        sign_in(installed.factory, "observer", PASSWORD, throttle, "b")
    assert caught.value.wait == pytest.approx(2.0)
    now[0] = 2.5
    sign_in(installed.factory, "observer", PASSWORD, throttle, "b")


def test_a_session_ends_after_the_timeout_without_use(installed: Installation) -> None:
    secret = token(installed.factory, "observer")
    assert session_of(installed.factory, secret, dt.timedelta(minutes=30)) is not None
    assert session_of(installed.factory, secret, dt.timedelta(seconds=-1)) is None
    assert session_of(installed.factory, secret, dt.timedelta(minutes=30)) is None  # revoked


def test_passwords_have_a_minimum_length_and_are_argon2id(installed: Installation) -> None:
    with pytest.raises(UserRefusedError, match="13 characters"):
        create_user(installed.factory, "kort", "twaalf-teken", "observer", "test")
    user = create_user(installed.factory, "lang", "dertien-tekens", "observer", "test")
    assert user.password_hash.startswith("$argon2id$")


def test_a_display_link_works_without_sign_in_until_revoked(installed: Installation) -> None:
    with TestClient(installed.app, follow_redirects=False) as client:
        client.cookies.set(SESSION_COOKIE, token(installed.factory, "coordinator_gsb"))
        page = client.get("/voortgang")
        csrf = re.search(r'name="csrf" value="([^"]+)"', page.text)
        assert csrf is not None
        made = client.post("/voortgang/beamer", data={"csrf": csrf.group(1)})
        link = made.headers["location"].split("link=")[1]
    with TestClient(installed.app) as anonymous:
        shown = anonymous.get(f"/beamer/{link}")
        assert shown.status_code == 200
        assert 'data-ververs="15"' in shown.text  # osv.js reloads it
        assert anonymous.get("/voortgang", follow_redirects=False).status_code == 303


def test_the_first_start_makes_an_administrator(tmp_path: Path) -> None:
    from osv.config import Settings
    from ui.app import create_app

    settings = Settings(
        home=tmp_path,
        database_url=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        xsd_dir=None,
        max_bytes=1000,
    )
    app = create_app(settings)
    password = app.state.osv.first_password
    assert password
    assert len(password) >= 13
    factory = app.state.osv.factory
    sign_in(factory, "beheerder", password, LoginThrottle(), "test")
    assert create_app(settings, factory=factory).state.osv.first_password is None
    factory.close()
