"""The coordinator explains a warning (W.201, blank votes ≥ 3 %) over HTTP; the session can be
finished only after every warning of a definitive count has an explanation or a "checked" mark
(counts-and-checks.md §4.3)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from osv.model.entry import CountEntry
from osv.service.entry import Actor, claim, finalise
from osv.service.entry.read import session_info
from results.checks import check_entry
from tests.ui.helpers import Installation, csrf, install, paper, token, typed_twice
from ui.auth import SESSION_COOKIE


@pytest.fixture
def installed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Installation]:
    installation = install(tmp_path_factory.mktemp("warnings"))
    yield installation
    installation.factory.close()


def _many_blank(station: int) -> CountEntry:
    """Station ``station``'s paper with extra blank votes (and as many more poll cards), so
    that the count is consistent but blank votes are at least 3 % of the votes cast."""
    entry = paper(station)
    cast = entry.votes.total_votes_cast_count or 0
    extra = cast // 25
    voters = entry.voters.model_copy(
        update={
            "poll_card_count": (entry.voters.poll_card_count or 0) + extra,
            "total_admitted_voters_count": (entry.voters.total_admitted_voters_count or 0) + extra,
        }
    )
    votes = entry.votes.model_copy(
        update={
            "blank_votes_count": (entry.votes.blank_votes_count or 0) + extra,
            "total_votes_cast_count": cast + extra,
        }
    )
    return entry.model_copy(update={"voters": voters, "votes": votes})


def test_a_warning_must_be_explained_before_the_session_finishes(
    installed: Installation,
) -> None:
    factory, sid = installed.factory, installed.session_id
    entry = _many_blank(4)
    assert [w.code for w in check_entry(entry).warnings] == ["W.201"]
    assert not check_entry(entry).errors
    anna, bram = Actor("typist_gsb", "typist"), Actor("typist_gsb_2", "typist")
    v = claim(factory, sid, "4", anna, entry)
    v = finalise(factory, sid, "4", anna, v.version)
    v = claim(factory, sid, "4", bram, entry)
    finalise(factory, sid, "4", bram, v.version)
    for station in [s for s in range(1, 21) if s != 4]:
        typed_twice(factory, sid, station)

    carla = TestClient(installed.app, follow_redirects=False)
    carla.cookies.set(SESSION_COOKIE, token(factory, "coordinator_gsb"))
    overview = carla.get(f"/zittingen/{sid}?met=waarschuwingen").text
    assert "1 stembureaus" in overview  # only station 4 has an open warning
    form_token = csrf(overview)
    refused = carla.post(f"/zittingen/{sid}/afronden", data={"csrf": form_token, "bevestigd": "1"})
    assert refused.status_code == 400
    assert "Waarschuwingen zonder toelichting: stembureau 4 (W.201)." in refused.text
    assert "without explanation" not in refused.text

    page = carla.get(f"/zittingen/{sid}/bron/4").text
    assert "W.201" in page
    empty = carla.post(
        f"/zittingen/{sid}/bron/4/waarschuwing", data={"csrf": form_token, "code": "W.201"}
    )
    assert empty.status_code == 400  # neither an explanation nor "checked"
    noted = carla.post(
        f"/zittingen/{sid}/bron/4/waarschuwing",
        data={
            "csrf": form_token,
            "code": "W.201",
            "uitleg": "Veel blanco stemmen, klopt met papier",
        },
    )
    assert noted.status_code == 303
    assert "Toelichting van coordinator_gsb: Veel blanco stemmen" in (
        carla.get(f"/zittingen/{sid}/bron/4").text
    )
    assert "0 stembureaus" in carla.get(f"/zittingen/{sid}?met=waarschuwingen").text

    finished = carla.post(f"/zittingen/{sid}/afronden", data={"csrf": form_token, "bevestigd": "1"})
    assert finished.status_code == 303, finished.text
    info = session_info(factory, sid)
    assert info is not None
    assert info.session.status == "completed"
