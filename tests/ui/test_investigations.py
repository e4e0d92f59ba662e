"""Investigations and a later session through the web interface.

The first session is typed and finished through the service; the coordinator then records the
central polling station's requests for two polling stations (a wrong request is refused with a
Dutch message and stores nothing), starts the later session, concludes one investigation
without new results, and the other station's corrected count is typed twice. The session
finishes and the investigations page shows both outcomes.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from osv.model.entry import EntryModel
from osv.service.demo import build_demo
from osv.service.entry import (
    Actor,
    claim,
    counts_entry,
    finalise,
    finish_session,
    note_warning,
    overview,
    view,
)
from osv.service.entry.read import investigations, sessions
from osv.service.unit_of_work import UowFactory
from results.checks import check_entry
from tests.ui.helpers import EID, Installation, csrf, install, token, typed_twice
from ui.auth import SESSION_COOKIE

COORDINATOR = Actor("coordinator_gsb", "coordinator")


@pytest.fixture
def installed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Installation]:
    installation = install(tmp_path_factory.mktemp("investigations"))
    yield installation
    installation.factory.close()


def _explain_all(factory: UowFactory, session_id: int) -> None:
    for row in overview(factory, session_id):
        current = view(factory, session_id, row.key)
        if current.entry is None:
            continue
        for warning in check_entry(current.entry).warnings:
            note_warning(
                factory,
                session_id,
                row.key,
                COORDINATOR,
                warning.code,
                list_number=warning.list_number,
                handled=True,
            )


def test_investigations_and_a_later_session(installed: Installation) -> None:
    factory, first = installed.factory, installed.session_id
    for station in range(1, 21):
        typed_twice(factory, first, station)
    _explain_all(factory, first)
    finish_session(factory, first, COORDINATOR)

    carla = TestClient(installed.app, follow_redirects=False)
    carla.cookies.set(SESSION_COOKIE, token(factory, "coordinator_gsb"))
    page = carla.get("/onderzoeken")
    assert page.status_code == 200
    form_token = csrf(page.text)
    gemeente = f"{EID}|9997"

    unknown = carla.post(
        "/onderzoeken",
        data={"csrf": form_token, "gemeente": gemeente, "stembureau": "99", "aanleiding": "x"},
    )
    assert unknown.status_code == 400
    assert "heeft geen stembureau 99" in unknown.text
    no_reason = carla.post(
        "/onderzoeken", data={"csrf": form_token, "gemeente": gemeente, "stembureau": "3"}
    )
    assert no_reason.status_code == 400
    assert "aanleiding" in no_reason.text
    assert investigations(factory) == []

    for station in ("3", "5"):
        done = carla.post(
            "/onderzoeken",
            data={
                "csrf": form_token,
                "gemeente": gemeente,
                "stembureau": station,
                "aanleiding": "Onverklaard verschil tussen D en H",
            },
        )
        assert done.status_code == 303, done.text
    twice = carla.post(
        "/onderzoeken",
        data={
            "csrf": form_token,
            "gemeente": gemeente,
            "stembureau": "3",
            "aanleiding": "nogmaals",
        },
    )
    assert "wordt al onderzocht" in twice.text
    assert len(investigations(factory)) == 2

    started = carla.post(
        "/zittingen", data={"csrf": form_token, "gemeente": gemeente, "bevestigd": "1"}
    )
    assert started.status_code == 303, started.text
    later = sessions(factory)[-1]
    assert later.session.number == 2
    assert [row.key for row in overview(factory, later.id)] == ["3", "5"]

    station_5 = carla.get(f"/zittingen/{later.id}/bron/5").text
    assert "Afronden zonder nieuwe uitslag" in station_5
    concluded = carla.post(
        f"/zittingen/{later.id}/bron/5/zonder-nieuwe-uitslag", data={"csrf": form_token}
    )
    assert concluded.status_code == 303

    votes = build_demo().count.contests[0].reporting_units[2].votes
    corrected = counts_entry(votes, EntryModel.CSO_NEXT_SESSION)
    anna, bram = Actor("typist_gsb", "typist"), Actor("typist_gsb_2", "typist")
    v = claim(factory, later.id, "3", anna, corrected)
    v = finalise(factory, later.id, "3", anna, v.version)
    v = claim(factory, later.id, "3", bram, corrected)
    finalise(factory, later.id, "3", bram, v.version)
    _explain_all(factory, later.id)

    finished = carla.post(
        f"/zittingen/{later.id}/afronden", data={"csrf": form_token, "bevestigd": "1"}
    )
    assert finished.status_code == 303, finished.text
    outcomes = carla.get("/onderzoeken").text
    assert "Afgerond met nieuwe uitslag (zitting 2)" in outcomes
    assert "Afgerond zonder nieuwe uitslag (zitting 2)" in outcomes
