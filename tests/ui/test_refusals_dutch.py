"""Real refusals over HTTP are shown in Dutch: a password too short, finishing a session with
stations still open, an investigation without a reason, changing one's own role, a 110a with
wrong hash groups and a malformed XML upload. For the last two the Dutch lead comes first and
the English text follows, labelled as the technical message."""

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
from osv.service.users import create_user, users
from tests.ui.helpers import EID, PASSWORD, Installation, client, csrf, install, settings_at, token
from ui.app import create_app
from ui.auth import SESSION_COOKIE
from ui.messages import TECHNICAL


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Installation]:
    installation = install(tmp_path_factory.mktemp("refusals"))
    yield installation
    installation.factory.close()


def _message(html: str) -> str:
    """The text of the page's message (the first ``melding`` paragraph)."""
    found = re.search(r'<p class="melding[^"]*"[^>]*>(.*?)</p>', html, re.S)
    assert found is not None, html[:2000]
    return found.group(1)


def test_a_password_too_short_is_refused_in_dutch(installed: Installation) -> None:
    admin = client(installed, "administrator")
    form_token = csrf(admin.get("/beheer/gebruikers").text)
    refused = admin.post(
        "/beheer/gebruikers",
        data={"csrf": form_token, "naam": "nieuw", "wachtwoord": "kort", "rol": "typist_gsb"},
    )
    assert refused.status_code == 400
    message = _message(refused.text)
    assert message == "Een wachtwoord moet minstens 13 tekens hebben; dit heeft er 4."
    assert "characters" not in refused.text
    assert "nieuw" not in {u.name for u in users(installed.factory)}


def test_changing_ones_own_role_is_refused_in_dutch(installed: Installation) -> None:
    admin = client(installed, "administrator")
    form_token = csrf(admin.get("/beheer/gebruikers").text)
    refused = admin.post(
        "/beheer/gebruikers/administrator/rol", data={"csrf": form_token, "rol": "observer"}
    )
    assert refused.status_code == 400
    assert _message(refused.text) == "Je kunt je eigen rol niet wijzigen."
    assert "your own role" not in refused.text


def test_finishing_a_session_with_open_stations_is_refused_in_dutch(
    installed: Installation,
) -> None:
    carla = client(installed, "coordinator_gsb")
    form_token = csrf(carla.get(f"/zittingen/{installed.session_id}").text)
    refused = carla.post(
        f"/zittingen/{installed.session_id}/afronden", data={"csrf": form_token, "bevestigd": "1"}
    )
    assert refused.status_code == 400
    message = _message(refused.text)
    assert message == (
        "Zitting 1 van 9997 kan nog niet worden afgerond. Nog niet definitief: stembureaus "
        + ", ".join(str(n) for n in range(1, 20))
        + " en 20 (nog niet ingevoerd)."
    )
    assert "cannot be finished" not in refused.text
    assert " is Empty" not in refused.text


def test_an_investigation_without_a_reason_is_refused_in_dutch(installed: Installation) -> None:
    carla = client(installed, "coordinator_gsb")
    form_token = csrf(carla.get("/onderzoeken").text)
    refused = carla.post(
        "/onderzoeken",
        data={"csrf": form_token, "gemeente": f"{EID}|9997", "stembureau": "3", "aanleiding": "  "},
    )
    assert refused.status_code == 400
    assert _message(refused.text) == "Vul de aanleiding van het onderzoek in."
    assert "give the reason" not in refused.text


def _groups(path: Path) -> tuple[str, str]:
    digest = hashlib.sha256(path.read_bytes()).digest()
    groups = format_digest(digest).split(" ")
    first, second = hidden_groups(digest)
    return groups[first], groups[second]


@pytest.fixture
def empty(tmp_path: Path) -> Iterator[tuple[TestClient, UnitOfWorkFactory]]:
    """An installation without elections, with one administrator signed in."""
    settings = settings_at(tmp_path)
    factory = unit_of_work_factory(settings)
    create_user(factory, "admin", PASSWORD, "administrator", "test")
    client = TestClient(create_app(settings, factory=factory), follow_redirects=False)
    client.cookies.set(SESSION_COOKIE, token(factory, "admin"))
    yield client, factory
    client.close()
    factory.close()


def test_a_110a_with_wrong_hash_groups_is_refused_in_dutch(
    empty: tuple[TestClient, UnitOfWorkFactory], tmp_path: Path
) -> None:
    admin, factory = empty
    definition = next(
        p for p in write_demo(tmp_path / "demo") if p.name.startswith("Verkiezingsdefinitie")
    )
    form_token = csrf(admin.get("/beheer").text)
    page = admin.post(
        "/beheer/import",
        data={"csrf": form_token},
        files=[("bestanden", (definition.name, definition.read_bytes(), "text/xml"))],
    ).text
    upload = re.search(r'name="upload" value="([^"]*)"', page)
    assert upload is not None
    first, second = _groups(definition)
    wrong = ("0000" if first != "0000" else "1111", second)
    refused = admin.post(
        "/beheer/import/bevestigen",
        data={
            "csrf": csrf(page),
            "upload": upload.group(1),
            f"groep1:{definition.name}": wrong[0],
            f"groep2:{definition.name}": wrong[1],
        },
    )
    assert refused.status_code == 400
    message = _message(refused.text)
    lead = "De getypte hashcode-groepen komen niet overeen met het bestand; er is niets opgeslagen."
    assert message.startswith(lead)
    assert message.index(lead) < message.index(TECHNICAL) < message.index(definition.name)
    assert "uploads" not in message  # the file's name, not the server's folder
    assert queries.elections(factory) == []


def test_a_malformed_xml_upload_is_refused_in_dutch(
    empty: tuple[TestClient, UnitOfWorkFactory],
) -> None:
    admin, factory = empty
    form_token = csrf(admin.get("/beheer").text)
    refused = admin.post(
        "/beheer/import",
        data={"csrf": form_token},
        files=[("bestanden", ("kapot.eml.xml", b"<EML><Election>", "text/xml"))],
    )
    assert refused.status_code == 400
    message = _message(refused.text)
    assert message.startswith("Het bestand is geen bruikbaar EML-bestand; er is niets opgeslagen.")
    assert TECHNICAL in message
    assert queries.elections(factory) == []
