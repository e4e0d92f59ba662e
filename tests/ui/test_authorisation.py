"""Every route, every role: who may open what (deny by default).

The table :data:`EXPECTED` is the access policy, written out by hand. The tests are parametrised
over the application's own routes, so a route added without an entry here fails
(``test_every_route_has_a_rule_in_the_policy``), and every (route, role) pair is requested:

* nobody signed in: a page redirects to the sign-in page, a post is refused with 401;
* a role the route does not allow: 403;
* an allowed role: a page is not refused (200, a redirect, or 404/409 for the made-up ids);
  a post without the CSRF token is refused with 400, which shows it passed the role check and
  did nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tests.ui.helpers import ROLES, Installation, install, token
from ui.app import create_app
from ui.auth import (
    ADMINISTRATORS,
    ALL_ROLES,
    COORDINATORS,
    CSB_COORDINATORS,
    CSB_TYPISTS,
    GSB_COORDINATORS,
    GSB_TYPISTS,
    HSB_CSB_COORDINATORS,
    OBSERVERS,
    PUBLIC,
    SESSION_COOKIE,
    TYPISTS,
    api_routes,
    rule_of,
)

ANONYMOUS = "anonymous"

EXPECTED: dict[tuple[str, str], tuple[str, ...]] = {
    ("GET", "/inloggen"): (PUBLIC,),
    ("POST", "/inloggen"): (PUBLIC,),
    ("GET", "/beamer/{token}"): (PUBLIC,),
    ("GET", "/"): ALL_ROLES,
    ("POST", "/uitloggen"): ALL_ROLES,
    ("GET", "/invoer"): GSB_TYPISTS,
    ("POST", "/invoer/{session_id}/{key}/starten"): GSB_TYPISTS,
    ("GET", "/invoer/{session_id}/{key}/pagina/{slug}"): GSB_TYPISTS,
    ("POST", "/invoer/{session_id}/{key}/pagina/{slug}"): GSB_TYPISTS,
    ("POST", "/invoer/{session_id}/{key}/afronden"): GSB_TYPISTS,
    ("POST", "/invoer/{session_id}/{key}/verwerpen"): GSB_TYPISTS,
    ("GET", "/zittingen"): GSB_COORDINATORS,
    ("POST", "/zittingen"): GSB_COORDINATORS,
    ("GET", "/zittingen/starten"): GSB_COORDINATORS,
    ("GET", "/zittingen/{session_id}/afronden"): GSB_COORDINATORS,
    ("GET", "/zittingen/{session_id}"): GSB_COORDINATORS,
    ("GET", "/zittingen/{session_id}/bron/{key}"): GSB_COORDINATORS,
    ("POST", "/zittingen/{session_id}/bron/{key}/besluit"): GSB_COORDINATORS,
    ("POST", "/zittingen/{session_id}/bron/{key}/waarschuwing"): GSB_COORDINATORS,
    ("POST", "/zittingen/{session_id}/afronden"): GSB_COORDINATORS,
    ("GET", "/zittingen/{session_id}/documenten.zip"): GSB_COORDINATORS,
    ("POST", "/zittingen/{session_id}/bron/{key}/zonder-nieuwe-uitslag"): GSB_COORDINATORS,
    ("GET", "/onderzoeken"): GSB_COORDINATORS,
    ("POST", "/onderzoeken"): GSB_COORDINATORS,
    ("GET", "/voortgang"): (*OBSERVERS, *COORDINATORS),
    ("POST", "/voortgang/beamer"): COORDINATORS,
    ("POST", "/voortgang/beamer/{link_id}/intrekken"): COORDINATORS,
    ("GET", "/beheer"): ADMINISTRATORS,
    ("POST", "/beheer/import"): ADMINISTRATORS,
    ("POST", "/beheer/import/bevestigen"): ADMINISTRATORS,
    ("GET", "/beheer/gebruikers"): ADMINISTRATORS,
    ("POST", "/beheer/gebruikers"): ADMINISTRATORS,
    ("POST", "/beheer/gebruikers/{name}/actief"): ADMINISTRATORS,
    ("POST", "/beheer/gebruikers/{name}/wachtwoord"): ADMINISTRATORS,
    ("POST", "/beheer/gebruikers/{name}/rol"): ADMINISTRATORS,
    ("GET", "/beheer/logboek"): ADMINISTRATORS,
    ("POST", "/beheer/reservekopie"): ADMINISTRATORS,
    ("GET", "/uitslag"): (*HSB_CSB_COORDINATORS, *OBSERVERS),
    ("GET", "/uitslag/{eid}/{committee}"): (*HSB_CSB_COORDINATORS, *OBSERVERS),
    ("POST", "/uitslag/{eid}/{committee}/tellingen"): HSB_CSB_COORDINATORS,
    ("POST", "/uitslag/{eid}/{committee}/tellingen/bevestigen"): HSB_CSB_COORDINATORS,
    ("POST", "/uitslag/{eid}/{committee}/tellingen/{file_id}/verwijderen"): HSB_CSB_COORDINATORS,
    ("POST", "/uitslag/{eid}/{committee}/overleden"): HSB_CSB_COORDINATORS,
    ("POST", "/uitslag/{eid}/{committee}/overleden/{choice_id}/verwijderen"): HSB_CSB_COORDINATORS,
    ("POST", "/uitslag/{eid}/{committee}/berekenen"): HSB_CSB_COORDINATORS,
    ("POST", "/uitslag/{eid}/{committee}/loting"): HSB_CSB_COORDINATORS,
    ("POST", "/uitslag/{eid}/{committee}/loting/wissen"): HSB_CSB_COORDINATORS,
    ("GET", "/uitslag/{eid}/{committee}/documenten.zip"): HSB_CSB_COORDINATORS,
    ("GET", "/uitslag/{eid}/{committee}/bestand/{name}"): HSB_CSB_COORDINATORS,
    ("POST", "/uitslag/{eid}/{committee}/invoer"): HSB_CSB_COORDINATORS,
    ("POST", "/uitslag/{eid}/{committee}/gemeenten"): HSB_CSB_COORDINATORS,
    ("POST", "/uitslag/{eid}/{committee}/invoer/{key}/besluit"): HSB_CSB_COORDINATORS,
    ("POST", "/uitslag/{eid}/{committee}/eerste-invoer"): HSB_CSB_COORDINATORS,
    ("POST", "/uitslag/{eid}/{committee}/eerste-invoer/bevestigen"): HSB_CSB_COORDINATORS,
    ("GET", "/totalen"): CSB_TYPISTS,
    ("POST", "/totalen/{session_id}/{key}/starten"): CSB_TYPISTS,
    ("GET", "/totalen/{session_id}/{key}"): CSB_TYPISTS,
    ("POST", "/totalen/{session_id}/{key}"): CSB_TYPISTS,
    ("POST", "/sneltoetsen/begrepen"): TYPISTS,
    ("GET", "/kandidaatstelling"): CSB_COORDINATORS,
    ("POST", "/kandidaatstelling"): CSB_COORDINATORS,
    ("GET", "/kandidaatstelling/{token}"): CSB_COORDINATORS,
    ("POST", "/kandidaatstelling/{token}/besluiten"): CSB_COORDINATORS,
    ("GET", "/kandidaatstelling/{token}/publicatie.zip"): CSB_COORDINATORS,
    ("GET", "/beheer/stembureaus"): ADMINISTRATORS,
    ("POST", "/beheer/stembureaus"): ADMINISTRATORS,
    ("GET", "/account"): ALL_ROLES,
    ("POST", "/account/wachtwoord"): ALL_ROLES,
    ("POST", "/account/sessies/{session_id}/beeindigen"): ALL_ROLES,
    ("POST", "/account/sessies/andere-beeindigen"): ALL_ROLES,
}

_VALUES = {
    "session_id": "1",
    "key": "1",
    "slug": "kiezers-en-stemmen",
    "token": "onbekend",
    "link_id": "1",
    "name": "niemand",
    "eid": "GR2026_Vlietdam",
    "committee": "CSB",
    "file_id": "1",
    "choice_id": "1",
}


def _routes() -> list[tuple[str, str]]:
    """(method, path) of every route of the application, built on a throw-away database."""
    from osv.config import Settings
    from osv.service.bootstrap import unit_of_work_factory

    settings = Settings(
        home=Path("/nonexistent"), database_url="sqlite://", xsd_dir=None, max_bytes=1
    )
    with unit_of_work_factory(settings) as factory:
        app = create_app(settings, factory=factory)
    return sorted(
        (method, route.path) for route in api_routes(app.routes) for method in route.methods
    )


ROUTES = _routes()


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Installation]:
    installation = install(tmp_path_factory.mktemp("auth"))
    yield installation
    installation.factory.close()


@pytest.fixture(scope="module")
def clients(installed: Installation) -> Iterator[dict[str, TestClient]]:
    made = {}
    for role in (*ROLES, ANONYMOUS):
        client = TestClient(installed.app, follow_redirects=False)
        if role != ANONYMOUS:
            client.cookies.set(SESSION_COOKIE, token(installed.factory, role))
        made[role] = client
    yield made
    for client in made.values():
        client.close()


@pytest.mark.parametrize(("method", "path"), ROUTES)
def test_every_route_has_a_rule_in_the_policy(method: str, path: str) -> None:
    """A new route needs a line in :data:`EXPECTED`, and its code must say the same."""
    assert (method, path) in EXPECTED, f"{method} {path} is not in the access policy"


def test_the_code_declares_the_policy(installed: Installation) -> None:
    for route in api_routes(installed.app.routes):
        for method in route.methods:
            assert set(rule_of(route) or ()) == set(EXPECTED[(method, route.path)]), route.path


@pytest.mark.parametrize("role", [*ROLES, ANONYMOUS])
@pytest.mark.parametrize(("method", "path"), ROUTES)
def test_each_role_gets_what_the_policy_says(
    clients: dict[str, TestClient], method: str, path: str, role: str
) -> None:
    allowed = EXPECTED[(method, path)]
    url = path.format(**_VALUES)
    response = clients[role].request(method, url, data={} if method == "POST" else None)
    if PUBLIC in allowed:
        assert response.status_code in ((200, 404) if method == "GET" else (400,))
    elif role == ANONYMOUS:
        if method == "GET":
            assert response.status_code == 303
            assert response.headers["location"].startswith("/inloggen")
        else:
            assert response.status_code == 401
    elif role not in allowed:
        assert response.status_code == 403
    elif method == "GET":
        assert response.status_code in (200, 303, 400, 404, 409), response.text[:500]
    else:
        assert response.status_code == 400  # passed the role check, stopped by CSRF
