"""Clarity on election night (issue 15, defect 7), over HTTP.

Each test is one point a new official ran into: a correction that opened on page 1 and kept its
mark after retyping; W.001 that did not say which box; an error of the second entry described
as an error on the paper; decisions that read alike, one preselected on a definitive station
without confirmation; unfinished entries counted as errors; a warning without its numbers.
The keyboard points (focus after a save, Enter between questions) are in
tests/ui/test_browser_keys.py.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from osv.model.entry import CountEntry
from osv.service.entry import Actor, claim, decide, finalise, save, view
from osv.service.entry.read import session_progress
from tests.checks.entries import change
from tests.ui.helpers import Installation, client, hidden, install, paper, typed_twice
from tests.ui.test_form_pages import form_data
from ui.forms import pages_of
from ui.messages import DECISION_LABELS

ANNA, BRAM = Actor("typist_gsb", "typist"), Actor("typist_gsb_2", "typist")
CARLA = Actor("coordinator_gsb", "coordinator")


@pytest.fixture
def installed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Installation]:
    installation = install(tmp_path_factory.mktemp("clarity"))
    yield installation
    installation.factory.close()


def _list_page(entry: CountEntry, number: int) -> int:
    return next(i for i, page in enumerate(entry.lists) if page.number == number)


def _mistyped(entry: CountEntry) -> tuple[CountEntry, str]:
    """``entry`` with the second candidate of list 3 one vote higher (F.402 on that page), and
    the path of that box."""
    index = _list_page(entry, 3)
    votes = list(entry.lists[index].candidate_votes)
    votes[1] = (votes[1] or 0) + 1
    return change(entry, f"lists[{index}].candidate_votes", votes), (
        f"lists[{index}].candidate_votes[1]"
    )


def _entries_different(installed: Installation) -> tuple[CountEntry, str]:
    """Station 1: the first entry as the paper says, the second with one box mistyped."""
    sid, entry = installed.session_id, paper(1)
    wrong, path = _mistyped(entry)
    v = claim(installed.factory, sid, "1", ANNA, entry)
    finalise(installed.factory, sid, "1", ANNA, v.version)
    v = claim(installed.factory, sid, "1", BRAM, wrong)
    finalise(installed.factory, sid, "1", BRAM, v.version)
    assert view(installed.factory, sid, "1").state == "EntriesDifferent"
    return entry, path


def test_a_correction_opens_on_the_page_of_the_cleared_box_and_its_mark_clears_once_retyped(
    installed: Installation,
) -> None:
    entry, _ = _entries_different(installed)
    sid = installed.session_id
    current = view(installed.factory, sid, "1")
    decide(installed.factory, sid, "1", CARLA, "return_second", current.version)
    bram = client(installed, "typist_gsb_2")
    started = bram.post(
        f"/invoer/{sid}/1/starten", data={"csrf": hidden(bram.get("/invoer").text, "csrf")}
    )
    assert started.status_code == 303
    assert started.headers["location"].endswith("/pagina/lijst-3")  # not page 1
    page = bram.get(started.headers["location"]).text
    assert "W.002" in page
    form = next(p for p in pages_of(entry, "GR", {}, {}) if p.slug == "lijst-3")
    saved = bram.post(
        started.headers["location"],
        data={
            "csrf": hidden(page, "csrf"),
            "versie": hidden(page, "versie"),
            **form_data(entry, form),
        },
    )
    assert saved.status_code == 303, "a retyped box needs no confirmation"
    again = bram.get(started.headers["location"]).text
    assert "W.002" not in again
    assert 'class="gewist"' not in again


def test_w001_and_an_error_on_the_same_box_are_both_shown_naming_the_box(
    installed: Installation,
) -> None:
    sid, entry = installed.session_id, paper(1)
    v = claim(installed.factory, sid, "1", ANNA, entry)
    finalise(installed.factory, sid, "1", ANNA, v.version)
    wrong, path = _mistyped(entry)
    bram = client(installed, "typist_gsb_2")
    bram.post(f"/invoer/{sid}/1/starten", data={"csrf": hidden(bram.get("/invoer").text, "csrf")})
    form = next(p for p in pages_of(wrong, "GR", {}, {}) if p.slug == "lijst-3")
    page = bram.get(f"/invoer/{sid}/1/pagina/lijst-3").text
    shown = bram.post(
        f"/invoer/{sid}/1/pagina/lijst-3",
        data={
            "csrf": hidden(page, "csrf"),
            "versie": hidden(page, "versie"),
            **form_data(wrong, form),
        },
    ).text
    findings = shown.split('aria-label="Bevindingen"', 1)[1].split("</ul>", 1)[0]
    assert "F.402" in findings
    w001 = findings.split("W.001", 1)[1].split("</li>", 1)[0]
    assert "Lijst 3 – kandidaat 2:" in w001  # names the box
    row = shown.split(f'name="{path}"', 1)[0].rsplit("<tr", 1)[1]
    assert "fout" in row
    assert "verschil" in row  # the row shows the difference as well as the error


def test_an_error_of_the_second_entry_only_says_the_entries_differ(
    installed: Installation,
) -> None:
    _entries_different(installed)
    carla = client(installed, "coordinator_gsb")
    page = carla.get(f"/zittingen/{installed.session_id}/bron/1").text
    f402 = page.split("<strong>F.402</strong>", 1)[1].split("</li>", 1)[0]
    assert "alleen in de tweede invoer" in f402
    assert "Het papieren proces-verbaal bevat een fout" not in f402


def test_decisions_cannot_be_confused_none_is_preselected_and_alles_opnieuw_is_confirmed(
    installed: Installation,
) -> None:
    labels = [label.lower() for label in DECISION_LABELS.values()]
    assert len(set(labels)) == len(labels)
    for one in labels:  # "beide invoeren verwijderen" was inside "alles opnieuw (beide …)"
        assert not any(one != other and one in other for other in labels), one
    assert {label.split(":")[0] for label in labels} >= {
        "geen van beide invoeren is juist",
        "alles opnieuw",
    }
    sid = installed.session_id
    typed_twice(installed.factory, sid, 2)
    carla = client(installed, "coordinator_gsb")
    page = carla.get(f"/zittingen/{sid}/bron/2").text
    assert "checked" not in page.split("Alles opnieuw", 1)[0].split("<h2>Besluit", 1)[-1]
    form = {"csrf": hidden(page, "csrf"), "versie": hidden(page, "versie"), "besluit": "reset"}
    asked = carla.post(f"/zittingen/{sid}/bron/2/besluit", data=form)
    assert asked.status_code == 200
    assert "ook de definitieve telling" in asked.text
    assert view(installed.factory, sid, "2").state == "Definitive"  # nothing happened yet
    done = carla.post(f"/zittingen/{sid}/bron/2/besluit", data={**form, "bevestigd": "1"})
    assert done.status_code == 303
    assert view(installed.factory, sid, "2").state == "Empty"


def test_unfinished_entries_count_as_unfinished_not_as_errors(installed: Installation) -> None:
    sid = installed.session_id
    first = pages_of(paper(3), "GR", {}, {})[1]
    v = claim(installed.factory, sid, "3", ANNA)
    half = change(v.entry, "voters.poll_card_count", 500)  # one box typed, the rest to come
    assert v.entry is not None
    v = save(installed.factory, sid, "3", ANNA, half, v.version)
    assert v.findings is not None
    assert v.findings.errors  # an entry half typed has errors: it is not finished
    assert first.slug == "kiezers-en-stemmen"
    progress = session_progress(installed.factory, sid)
    assert progress.with_errors == 0
    assert progress.unfinished == 1
    carla = client(installed, "coordinator_gsb")
    status = carla.get(f"/zittingen/{sid}").text
    assert "0 met fouten" in status
    assert "1 in bewerking" in status
    made = carla.post("/voortgang/beamer", data={"csrf": hidden(status, "csrf")})
    link = made.headers["location"].split("link=", 1)[1]
    projector = TestClient(installed.app).get(f"/beamer/{link}").text
    assert "<tr><td>Met fouten</td><td>0</td></tr>" in projector
    assert "<tr><td>In bewerking</td><td>1</td></tr>" in projector


def test_the_coordinator_sees_the_numbers_behind_a_warning(installed: Installation) -> None:
    sid, entry = installed.session_id, paper(4)
    h = entry.votes.total_votes_cast_count or 0
    extra = h // 25
    entry = change(entry, "votes.blank_votes_count", (entry.votes.blank_votes_count or 0) + extra)
    entry = change(entry, "votes.total_votes_cast_count", h + extra)
    entry = change(entry, "voters.poll_card_count", (entry.voters.poll_card_count or 0) + extra)
    entry = change(
        entry,
        "voters.total_admitted_voters_count",
        (entry.voters.total_admitted_voters_count or 0) + extra,
    )
    v = claim(installed.factory, sid, "4", ANNA, entry)
    finalise(installed.factory, sid, "4", ANNA, v.version)
    v = claim(installed.factory, sid, "4", BRAM, entry)
    finalise(installed.factory, sid, "4", BRAM, v.version)
    blank, cast = entry.votes.blank_votes_count or 0, entry.votes.total_votes_cast_count or 0
    carla = client(installed, "coordinator_gsb")
    page = " ".join(carla.get(f"/zittingen/{sid}/bron/4").text.split())
    tenths = (1000 * blank + cast // 2) // cast
    number = f"{cast:,}".replace(",", ".")
    assert (
        f"F = {blank} blanco stemmen van H = {number} uitgebrachte stemmen "
        f"({tenths // 10},{tenths % 10} %)"
    ) in page
