"""A municipality's totals typed in twice at the CSB instead of uploading its 510b (over HTTP).

The coordinator CSB opens the demo municipality for entry; typist CSB 1 types its totals from
the paper, typist CSB 2 mistypes one box, the coordinator keeps the first entry, typist 2 types
again, the entry becomes definitive and the result is computed from it exactly as from the
uploaded 510b (same votes per list, same seats).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from osv.model.entry import CountEntry, EntryModel
from osv.service.demo import build_demo
from osv.service.entry import counts_entry
from osv.service.result.stored import compute, stage_view, totals_overview, upload_count
from osv.service.users import create_user
from tests.ui.helpers import COMMITTEE, EID, PASSWORD, Installation, client, hidden, install
from tests.ui.stage_counts import demo_count
from tests.ui.stage_uploads import hash_groups
from ui.forms import value_at

PAGE = f"/uitslag/{EID}/CSB"


@pytest.fixture
def installed(tmp_path_factory: pytest.TempPathFactory, xsd_dir: Path) -> Iterator[Installation]:
    installation = install(tmp_path_factory.mktemp("totals"), session=False, xsd_dir=xsd_dir)
    create_user(installation.factory, "typist_csb_2", PASSWORD, "typist_csb", "test")
    yield installation
    installation.factory.close()


def _paper() -> CountEntry:
    total = build_demo().count.contests[0].total
    assert total is not None
    entry = counts_entry(total, EntryModel.GSB_TOTALS)
    return entry.model_copy(update={"eligible_voters": 2 * (entry.voters.poll_card_count or 0)})


def _type(client: TestClient, entry: CountEntry) -> Any:
    """Claim the municipality on /totalen and submit the whole form as ``entry`` says."""
    listed = client.get("/totalen").text
    session_id = re.search(r'action="/totalen/(\d+)/' + COMMITTEE + '/starten"', listed)
    assert session_id is not None, "the municipality is not offered to this typist"
    url = f"/totalen/{session_id.group(1)}/{COMMITTEE}"
    assert client.post(f"{url}/starten", data={"csrf": hidden(listed, "csrf")}).status_code == 303
    form = client.get(url).text
    paths = re.findall(r'class="getal" inputmode="numeric" autocomplete="off" maxlength="11"', form)
    names = re.findall(r'<input id="v\d+" name="([^"]+)"', form)
    assert len(names) == len(paths) > 10
    data = {name: str(value_at(entry, name) or "") for name in names}
    data |= {"csrf": hidden(form, "csrf"), "versie": hidden(form, "versie")}
    return client.post(url, data=data)


def _state(installed: Installation) -> str:
    _, rows = totals_overview(installed.factory, EID, "CSB")
    return rows[0].state


def test_totals_typed_twice_count_like_the_uploaded_510b(installed: Installation) -> None:
    coordinator = client(installed, "coordinator_csb")
    page = coordinator.get(PAGE).text
    opened = coordinator.post(
        f"{PAGE}/invoer", data={"csrf": hidden(page, "csrf"), "gemeente": COMMITTEE}
    )
    assert opened.status_code == 303

    first, second = client(installed, "typist_csb"), client(installed, "typist_csb_2")
    assert first.get("/").headers["location"] == "/totalen"
    paper = _paper()
    assert _type(first, paper).status_code == 303
    assert _state(installed) == "FirstEntryFinalised"
    assert f"/{COMMITTEE}/starten" not in first.get("/totalen").text  # not their own second

    wrong = paper.model_copy(
        update={"votes": paper.votes.model_copy(update={"blank_votes_count": 1})}
    )
    shown = _type(second, wrong)
    assert shown.status_code == 200  # findings or differences: confirm against the paper
    assert 'id="gecontroleerd"' in shown.text
    confirm = dict(re.findall(r'name="([^"]+)" [^>]*value="([^"]*)"', shown.text))
    url = re.search(r'<form method="post" action="(/totalen/\d+/\d+)"', shown.text)
    assert url is not None
    assert second.post(url.group(1), data={**confirm, "gecontroleerd": "1"}).status_code == 303
    assert _state(installed) == "EntriesDifferent"

    page = coordinator.get(PAGE).text
    decided = coordinator.post(
        f"{PAGE}/invoer/{COMMITTEE}/besluit",
        data={
            "csrf": hidden(page, "csrf"),
            "versie": hidden(page, "versie"),
            "besluit": "keep_first",
        },
    )
    assert decided.status_code == 303
    assert _state(installed) == "FirstEntryFinalised"
    assert _type(second, paper).status_code == 303
    assert _state(installed) == "Definitive"

    page = coordinator.get(PAGE).text
    assert "Definitief" in page
    assert (
        coordinator.post(f"{PAGE}/berekenen", data={"csrf": hidden(page, "csrf")}).status_code
        == 303
    )
    typed = stage_view(installed.factory, EID, "CSB").report
    assert typed is not None
    assert typed["status"] == "complete"

    # The same municipality uploaded instead, in a fresh stage: the same votes and seats.
    other = install(installed.settings.home / "upload", session=False)
    try:
        upload_count(
            other.factory,
            EID,
            "CSB",
            "Telling.eml.xml",
            demo_count(),
            "test",
            typed=hash_groups(demo_count()),
        )
        uploaded = compute(other.factory, EID, "CSB", "test")
    finally:
        other.factory.close()
    votes_and_seats = [(lst["number"], lst["votes"], lst["seats"]) for lst in uploaded["lists"]]
    assert [
        (lst["number"], lst["votes"], lst["seats"]) for lst in typed["lists"]
    ] == votes_and_seats


def test_an_uploaded_municipality_cannot_also_be_typed(installed: Installation) -> None:
    coordinator = client(installed, "coordinator_csb")
    upload_count(
        installed.factory,
        EID,
        "CSB",
        "Telling.eml.xml",
        demo_count(),
        "test",
        typed=hash_groups(demo_count()),
    )
    page = coordinator.get(PAGE).text
    assert 'id="invoer-openen"' not in page
    refused = coordinator.post(
        f"{PAGE}/invoer", data={"csrf": hidden(page, "csrf"), "gemeente": COMMITTEE}
    )
    assert refused.status_code == 400
    assert "is geüpload" in refused.text
    assert totals_overview(installed.factory, EID, "CSB") == (None, [])


def test_a_municipality_open_for_entry_cannot_also_be_uploaded(installed: Installation) -> None:
    coordinator = client(installed, "coordinator_csb")
    page = coordinator.get(PAGE).text
    coordinator.post(f"{PAGE}/invoer", data={"csrf": hidden(page, "csrf"), "gemeente": COMMITTEE})
    refused = coordinator.post(
        f"{PAGE}/tellingen",
        data={"csrf": hidden(page, "csrf")},
        files=[("bestanden", ("Telling.eml.xml", demo_count(), "application/xml"))],
    )
    assert refused.status_code == 400
    assert "staan open voor invoer" in refused.text
    assert stage_view(installed.factory, EID, "CSB").inputs == ()


def test_the_csb_totals_are_not_open_to_the_municipality_s_typists_and_coordinator(
    installed: Installation,
) -> None:
    """The CSB's entry session is typed on /totalen by typists CSB only: a typist GSB does not
    see it and cannot claim it by its address; a coordinator GSB cannot decide on it."""
    coordinator = client(installed, "coordinator_csb")
    page = coordinator.get(PAGE).text
    coordinator.post(f"{PAGE}/invoer", data={"csrf": hidden(page, "csrf"), "gemeente": COMMITTEE})
    session_id, _ = totals_overview(installed.factory, EID, "CSB")
    assert session_id is not None

    gsb_typist = client(installed, "typist_gsb")
    listed = gsb_typist.get("/invoer").text
    assert f"/invoer/{session_id}/" not in listed
    claimed = gsb_typist.post(
        f"/invoer/{session_id}/{COMMITTEE}/starten", data={"csrf": hidden(listed, "csrf")}
    )
    assert claimed.status_code == 400
    assert _state(installed) == "Empty"

    gsb_coordinator = client(installed, "coordinator_gsb")
    assert f"/zittingen/{session_id}" not in gsb_coordinator.get("/zittingen").text
    assert gsb_coordinator.get(f"/zittingen/{session_id}/bron/{COMMITTEE}").status_code == 404


def test_a_csb_of_one_district_adds_no_municipality(installed: Installation) -> None:
    """The 110a of a single-district election lists its municipalities: the CSB page has no
    form to add one, and adding one by its address is refused with nothing stored."""
    coordinator = client(installed, "coordinator_csb")
    page = coordinator.get(PAGE).text
    assert 'id="gemeente-toevoegen"' not in page
    refused = coordinator.post(
        f"{PAGE}/gemeenten", data={"csrf": hidden(page, "csrf"), "code": "0479", "naam": "X"}
    )
    assert refused.status_code == 400
    assert "voegt geen gemeenten toe" in refused.text
    with installed.factory() as uow:
        assert uow.stages.choices(EID, "CSB", "gemeente") == []
