"""``osv serve`` on a network: TLS, behind a reverse proxy, and a database marked as in use.

These tests start the real server (``osv serve`` in a process of its own, uvicorn, loopback
only) and talk to it over sockets: over TLS with a certificate made for the test (Debian's
``openssl``), and plain with forwarded headers as a reverse proxy sends them. While the server
runs, ``osv db restore`` is refused: the server holds the database.
"""

from __future__ import annotations

import http.client
import os
import shutil
import socket
import ssl
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from osv.config import Settings
from osv.service import queries
from osv.service.bootstrap import unit_of_work_factory
from osv.service.users import create_user
from tests.conftest import unavailable
from tests.ui.helpers import PASSWORD

OSV = str(Path(sys.executable).with_name("osv"))


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _environment(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("OSV_")}
    env["OSV_HOME"] = str(home)
    env["OSV_DATABASE_URL"] = f"sqlite:///{home / 'osv.sqlite3'}"
    return env


@pytest.fixture
def home(tmp_path: Path) -> Path:
    """An installation with one observer, made before the server starts."""
    settings = Settings(tmp_path, f"sqlite:///{tmp_path / 'osv.sqlite3'}", None, 1 << 20)
    with unit_of_work_factory(settings) as factory:
        create_user(factory, "waarnemer", PASSWORD, "observer", "test")
    return tmp_path


def _serve(home: Path, port: int, *options: str) -> subprocess.Popen[str]:
    server = subprocess.Popen(
        [OSV, "serve", "--host", "127.0.0.1", "--port", str(port), *options],
        env=_environment(home),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise AssertionError(f"osv serve ended: {server.communicate()}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return server
        except OSError:
            time.sleep(0.1)
    server.kill()
    raise AssertionError("osv serve did not start listening")


@pytest.fixture
def certificate(tmp_path: Path) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1 and its key."""
    if shutil.which("openssl") is None:
        unavailable("openssl (Debian package openssl) is needed to make a test certificate")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/CN=127.0.0.1",
            "-addext",
            "subjectAltName=IP:127.0.0.1",
            "-keyout",
            str(key),
            "-out",
            str(cert),
        ],
        check=True,
        capture_output=True,
    )
    return cert, key


def _stop(server: subprocess.Popen[str]) -> None:
    if server.poll() is None:
        server.terminate()
    server.communicate(timeout=30)


@pytest.fixture
def stopped() -> Iterator[list[subprocess.Popen[str]]]:
    servers: list[subprocess.Popen[str]] = []
    yield servers
    for server in servers:
        _stop(server)


def test_osv_serve_speaks_tls_with_secure_cookies(
    home: Path, certificate: tuple[Path, Path], stopped: list[subprocess.Popen[str]]
) -> None:
    cert, key = certificate
    port = _free_port()
    server = _serve(home, port, "--tls-cert", str(cert), "--tls-key", str(key))
    stopped.append(server)
    context = ssl.create_default_context(cafile=str(cert))
    connection = http.client.HTTPSConnection("127.0.0.1", port, context=context, timeout=10)
    connection.request("GET", "/inloggen")
    response = connection.getresponse()
    response.read()
    assert response.status == 200
    cookie = response.getheader("set-cookie") or ""
    assert "osv_login_csrf=" in cookie
    assert "Secure" in cookie
    assert "HttpOnly" in cookie
    assert response.getheader("x-frame-options") == "DENY"
    connection.close()
    with pytest.raises((http.client.HTTPException, ConnectionError, OSError)):
        _plain_get(port)


def _plain_get(port: int) -> None:
    """A request without TLS (the TLS port does not answer it)."""
    plain = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    plain.request("GET", "/inloggen")
    plain.getresponse().read()


def _sign_in(port: int, headers: dict[str, str]) -> str:
    """Sign in as the observer over plain HTTP with ``headers``; the login cookie's flags."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request("GET", "/inloggen", headers=headers)
    page = connection.getresponse()
    body = page.read().decode()
    cookie = page.getheader("set-cookie") or ""
    csrf = cookie.split("osv_login_csrf=", 1)[1].split(";", 1)[0]
    assert f'value="{csrf}"' in body
    form = f"naam=waarnemer&wachtwoord={PASSWORD}&csrf={csrf}"
    connection.request(
        "POST",
        "/inloggen",
        body=form,
        headers={
            **headers,
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": f"osv_login_csrf={csrf}",
        },
    )
    signed_in = connection.getresponse()
    signed_in.read()
    assert signed_in.status == 303
    connection.close()
    return signed_in.getheader("set-cookie") or ""


def _clients(home: Path) -> list[str]:
    settings = Settings(home, f"sqlite:///{home / 'osv.sqlite3'}", None, 1 << 20)
    with unit_of_work_factory(settings) as factory:
        return [
            str(e.data.get("client"))
            for e in queries.audit_events(factory)
            if e.event == "user.signed_in"
        ]


def test_behind_a_proxy_the_forwarded_client_and_https_are_trusted_from_it_only(
    home: Path, stopped: list[subprocess.Popen[str]]
) -> None:
    forwarded = {"X-Forwarded-For": "203.0.113.9", "X-Forwarded-Proto": "https"}
    port = _free_port()
    stopped.append(_serve(home, port, "--proxy-headers", "--forwarded-allow-ips", "127.0.0.1"))
    cookie = _sign_in(port, forwarded)
    assert "Secure" in cookie  # the proxy said the browser used https
    assert _clients(home)[-1] == "203.0.113.9"
    _stop(stopped.pop())
    # without --proxy-headers (uvicorn's default would trust them from 127.0.0.1): ignored
    port = _free_port()
    stopped.append(_serve(home, port))
    cookie = _sign_in(port, forwarded)
    assert "Secure" not in cookie
    assert _clients(home)[-1] == "127.0.0.1"


def test_a_restore_is_refused_while_a_server_uses_the_database(
    home: Path, stopped: list[subprocess.Popen[str]]
) -> None:
    env = _environment(home)
    backup = home / "backup.sqlite3"
    subprocess.run([OSV, "db", "backup", str(backup)], env=env, check=True, capture_output=True)
    port = _free_port()
    stopped.append(_serve(home, port))
    refused = subprocess.run(
        [OSV, "db", "restore", str(backup), "--force"], env=env, capture_output=True, text=True
    )
    assert refused.returncode == 2
    assert "A server (osv serve) is using the database" in refused.stderr
    _stop(stopped.pop())
    done = subprocess.run(
        [OSV, "db", "restore", str(backup), "--force"], env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
