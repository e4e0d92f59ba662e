"""The counting method is the session's, chosen once and confirmed, and shown on every page.

Issue 15, defect 5: after a decentral first session "Zitting starten" with the form's default
started a central second session, and nothing on the status page said which method ran. Now
the first session needs an explicit choice (no option is preselected) and a confirmation;
every later session inherits the method, and asking for another one is refused in Dutch;
starting and finishing a session ask for confirmation first; every page of a coordinator and
a typist GSB names the method.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from osv.service.entry import (
    Actor,
    finish_session,
    request_investigation,
    view,
)
from osv.service.entry.read import sessions
from tests.ui.helpers import (
    COMMITTEE,
    EID,
    Installation,
    client,
    explain_warnings,
    hidden,
    install,
    typed_twice,
)

COORDINATOR = Actor("coordinator_gsb", "coordinator")
GEMEENTE = f"{EID}|{COMMITTEE}"


@pytest.fixture
def installed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Installation]:
    installation = install(tmp_path_factory.mktemp("method"), session=False)
    yield installation
    installation.factory.close()


def test_the_first_session_asks_for_the_method_and_a_confirmation(
    installed: Installation,
) -> None:
    carla = client(installed, "coordinator_gsb")
    page = carla.get("/zittingen/starten", params={"gemeente": GEMEENTE})
    assert page.status_code == 200
    assert 'name="methode"' in page.text
    assert "checked" not in page.text  # no method is preselected
    csrf = hidden(page.text, "csrf")
    unchosen = carla.post("/zittingen", data={"csrf": csrf, "gemeente": GEMEENTE})
    assert unchosen.status_code == 400
    assert "Kies de telmethode." in unchosen.text
    unconfirmed = carla.post(
        "/zittingen", data={"csrf": csrf, "gemeente": GEMEENTE, "methode": "DSO"}
    )
    assert unconfirmed.status_code == 400
    assert 'id="methode-DSO" name="methode" value="DSO" required checked' in unconfirmed.text
    assert sessions(installed.factory) == []  # nothing started without the confirmation
    started = carla.post(
        "/zittingen",
        data={"csrf": csrf, "gemeente": GEMEENTE, "methode": "DSO", "bevestigd": "1"},
    )
    assert started.status_code == 303, started.text
    (info,) = sessions(installed.factory)
    assert info.session.counting_method == "DSO"
    status = carla.get(started.headers["location"]).text
    assert "Telmethode: <strong>decentrale stemopneming (DSO)</strong>" in status


def test_a_later_session_keeps_the_method_of_the_first(installed: Installation) -> None:
    carla = client(installed, "coordinator_gsb")
    csrf = hidden(carla.get("/zittingen").text, "csrf")
    carla.post(
        "/zittingen",
        data={"csrf": csrf, "gemeente": GEMEENTE, "methode": "DSO", "bevestigd": "1"},
    )
    (first,) = sessions(installed.factory)
    for station in range(1, 21):
        typed_twice(installed.factory, first.id, station)
    explain_warnings(installed.factory, first.id)
    finish_session(installed.factory, first.id, COORDINATOR)
    request_investigation(installed.factory, EID, COMMITTEE, 6, "hertelling", COORDINATOR)

    page = carla.get("/zittingen/starten", params={"gemeente": GEMEENTE}).text
    assert 'name="methode"' not in page  # nothing to choose any more
    assert "decentrale stemopneming (DSO)</strong>, zoals in zitting 1" in page
    assert "stembureau 6" in page
    switched = carla.post(
        "/zittingen",
        data={"csrf": csrf, "gemeente": GEMEENTE, "methode": "CSO", "bevestigd": "1"},
    )
    assert switched.status_code == 400
    assert "kan niet van telmethode wisselen" in switched.text
    assert len(sessions(installed.factory)) == 1
    started = carla.post("/zittingen", data={"csrf": csrf, "gemeente": GEMEENTE, "bevestigd": "1"})
    assert started.status_code == 303, started.text
    later = sessions(installed.factory)[-1]
    assert later.session.counting_method == "DSO"
    assert view(installed.factory, later.id, "6").model.value == "DSONextSession"


def test_every_page_of_a_coordinator_and_typist_names_the_method(
    installed: Installation,
) -> None:
    carla = client(installed, "coordinator_gsb")
    assert 'class="telmethode"' not in carla.get("/zittingen").text  # nothing chosen yet
    csrf = hidden(carla.get("/zittingen").text, "csrf")
    carla.post(
        "/zittingen",
        data={"csrf": csrf, "gemeente": GEMEENTE, "methode": "CSO", "bevestigd": "1"},
    )
    (info,) = sessions(installed.factory)
    anna = client(installed, "typist_gsb")
    anna.post(
        f"/invoer/{info.id}/1/starten", data={"csrf": hidden(anna.get("/invoer").text, "csrf")}
    )
    shown = "Telmethode Vlietdam (9997): <strong>centrale stemopneming (CSO)</strong>"
    for signed_in, path in (
        (carla, "/zittingen"),
        (carla, f"/zittingen/{info.id}"),
        (carla, f"/zittingen/{info.id}/bron/1"),
        (carla, f"/zittingen/{info.id}/afronden"),
        (carla, "/onderzoeken"),
        (carla, "/voortgang"),
        (anna, "/invoer"),
        (anna, f"/invoer/{info.id}/1/pagina/extra-onderzoek"),
        (anna, f"/invoer/{info.id}/1/pagina/controleren"),
    ):
        page = signed_in.get(path)
        assert page.status_code == 200, path
        assert shown in page.text, path


def test_finishing_a_session_asks_for_a_confirmation(installed: Installation) -> None:
    carla = client(installed, "coordinator_gsb")
    csrf = hidden(carla.get("/zittingen").text, "csrf")
    carla.post(
        "/zittingen",
        data={"csrf": csrf, "gemeente": GEMEENTE, "methode": "CSO", "bevestigd": "1"},
    )
    (info,) = sessions(installed.factory)
    not_yet = carla.get(f"/zittingen/{info.id}/afronden").text
    assert "kan nog niet worden afgerond" in not_yet
    assert 'name="bevestigd"' not in not_yet
    for station in range(1, 21):
        typed_twice(installed.factory, info.id, station)
    explain_warnings(installed.factory, info.id)
    asked = carla.post(f"/zittingen/{info.id}/afronden", data={"csrf": csrf})
    assert asked.status_code == 200
    assert "Ja, zitting 1 afronden" in asked.text
    assert sessions(installed.factory)[0].session.status != "completed"
    done = carla.post(f"/zittingen/{info.id}/afronden", data={"csrf": csrf, "bevestigd": "1"})
    assert done.status_code == 303
    assert sessions(installed.factory)[0].session.status == "completed"
