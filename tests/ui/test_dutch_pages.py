"""The pages speak Dutch: the main pages of every role, rendered through the real application,
show no English words.

Each page is fetched as its role with data in it (a session with a definitive station and one
being typed, a CSB with an inconsistent count and a computed result, a refused list file, an
unknown page). The visible text is what a user reads: the text between the tags plus the
texts of ``title``, ``aria-label``, ``placeholder``, ``alt`` and ``data-confirm`` attributes.
Left out deliberately: ``<code>`` (hash codes, audit event names and data, file formats), file
names, ``<script>``/``<style>`` and elements marked ``lang="en"``. The text is checked against a
short list of English giveaway words (:data:`ENGLISH`), matched as whole words; the list is kept
tight so that Dutch words and the demo's names never match. A new English heading, button, status
word or raw enum value on one of these pages fails here.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from osv.model.entry import YesNo
from osv.service.entry import Actor, claim, finalise
from tests.cli.test_candidacy_cli import BLOCKED, ELECTION
from tests.ui.helpers import EID, Installation, client, csrf, install, paper, typed_twice
from tests.ui.stage_counts import demo_count, inconsistent_count
from tests.ui.stage_uploads import upload_counts

#: Words that give English away; whole words, case-insensitive.
ENGLISH = (
    "the",
    "not",
    "error",
    "errors",
    "refused",
    "session",
    "file",
    "found",
    "expected",
    "warning",
    "warnings",
    "candidate",
    "candidates",
    "list",
    "lists",
    "true",
    "false",
    "none",
    "report",
    "input",
    "unknown",
    "complete",
    "required",
)
_GIVEAWAY = re.compile(rf"\b({'|'.join(ENGLISH)})\b", re.IGNORECASE)
_ATTRIBUTES = re.compile(r'\b(?:title|aria-label|placeholder|alt|data-confirm)="([^"]*)"')
_LEFT_OUT = re.compile(
    r"<(code|script|style)\b.*?</\1>|<(\w+)\b[^>]*\blang=\"en\"[^>]*>.*?</\2>", re.DOTALL
)
_FILE_NAME = re.compile(r"\S+\.(?:xml|csv|json|pdf|txt|zip)\b")


def visible_text(page: str) -> str:
    """What a user reads on ``page`` (see the module docstring for what is left out)."""
    page = _LEFT_OUT.sub(" ", page)
    attributes = " ".join(_ATTRIBUTES.findall(page))
    text = re.sub(r"<[^>]+>", " ", page)
    return _FILE_NAME.sub(" ", html.unescape(f"{text} {attributes}"))


def english_words(page: str) -> list[str]:
    """The giveaway words on ``page``, each with a little of its context."""
    text = " ".join(visible_text(page).split())
    return [text[max(0, m.start() - 40) : m.end() + 40] for m in _GIVEAWAY.finditer(text)]


def test_the_check_finds_english_and_ignores_what_it_should() -> None:
    assert english_words("<p>The file was refused</p>")
    assert english_words('<button aria-label="Remove the list">x</button>')
    assert not english_words('<p>Lijst 3 <code>the hash</code> <span lang="en">not</span></p>')
    assert not english_words("<p>Telling_the.eml.xml is opgeslagen.</p>")


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Installation]:
    installation = install(tmp_path_factory.mktemp("dutch"))
    sid = installation.session_id
    typed_twice(installation.factory, sid, 1)
    claim(installation.factory, sid, "2", Actor("typist_gsb", "typist"), paper(2))
    _type_differently(installation, 3)
    csb = client(installation, "coordinator_csb")
    assert upload_counts(csb, f"/uitslag/{EID}/CSB", [("Telling.eml.xml", inconsistent_count())])
    page = csb.get(f"/uitslag/{EID}/CSB").text
    csrf = re.search(r'name="csrf" value="([^"]*)"', page)
    assert csrf is not None
    csb.post(f"/uitslag/{EID}/CSB/berekenen", data={"csrf": csrf.group(1)})
    yield installation
    installation.factory.close()


def _type_differently(installation: Installation, station: int) -> None:
    """Station ``station`` typed twice, the second typist ticking "yes" on D/H explained."""
    factory, sid, key = installation.factory, installation.session_id, str(station)
    first, second = Actor("typist_gsb", "typist"), Actor("typist_gsb_2", "typist")
    entry = paper(station)
    ticked = entry.model_copy(
        update={
            "differences": entry.differences.model_copy(
                update={"difference_fully_explained": YesNo(yes=True)}
            )
        }
    )
    v = claim(factory, sid, key, first, entry)
    finalise(factory, sid, key, first, v.version)
    v = claim(factory, sid, key, second, ticked)
    finalise(factory, sid, key, second, v.version)


#: The main pages of each role (``{sid}`` is the municipality's session).
PAGES = {
    None: ["/inloggen", "/bestaat-niet"],
    "administrator": ["/beheer", "/beheer/stembureaus", "/beheer/gebruikers", "/beheer/logboek"],
    "coordinator_gsb": [
        "/zittingen",
        "/zittingen/{sid}",
        "/zittingen/{sid}/bron/1",
        "/zittingen/{sid}/bron/2",
        "/zittingen/{sid}/bron/3",
        "/onderzoeken",
        "/voortgang",
    ],
    "typist_gsb": ["/invoer", "/invoer/{sid}/2/pagina/kiezers-en-stemmen"],
    "coordinator_hsb": ["/uitslag"],
    "coordinator_csb": ["/uitslag", f"/uitslag/{EID}/CSB", "/kandidaatstelling"],
    "typist_csb": ["/totalen"],
    "observer": ["/voortgang", "/uitslag", f"/uitslag/{EID}/CSB"],
}


@pytest.mark.parametrize(
    ("role", "path"),
    [(role, path) for role, paths in PAGES.items() for path in paths],
    ids=lambda value: str(value),
)
def test_the_main_pages_show_no_english(
    installed: Installation, role: str | None, path: str
) -> None:
    browser = client(installed, role)
    response = browser.get(path.format(sid=installed.session_id))
    assert response.status_code in (200, 404), response.status_code
    assert response.headers["content-type"].startswith("text/html")
    assert english_words(response.text) == []


def test_a_refused_list_file_is_shown_in_dutch(installed: Installation) -> None:
    browser = client(installed, "coordinator_csb")
    page = browser.get("/kandidaatstelling").text
    csrf = re.search(r'name="csrf" value="([^"]*)"', page)
    assert csrf is not None
    lists = b"lijst,aanduiding,kieskringen,positie,voorletters,achternaam,instemming\n"
    lists += b"1,Partij A,geen,1,A.,Berg,misschien\n"
    setup = json.dumps(ELECTION).encode()
    refused = browser.post(
        "/kandidaatstelling",
        data={"csrf": csrf.group(1)},
        files={"lijsten": ("lijsten.csv", lists), "verkiezing": ("verkiezing.json", setup)},
    )
    assert refused.status_code == 400
    assert "Rij 2, kolom instemming: vul ja of nee in." in html.unescape(refused.text)
    assert "misschien" not in refused.text
    assert english_words(refused.text) == []


def test_the_pages_checked_show_their_data(installed: Installation) -> None:
    """The stage page above has findings and a computed result, the session a typed station."""
    csb = client(installed, "coordinator_csb").get(f"/uitslag/{EID}/CSB").text
    assert 'id="bevindingen"' in csb
    assert 'id="zetels"' in csb
    status = client(installed, "coordinator_gsb").get(f"/zittingen/{installed.session_id}")
    assert "Definitief" in status.text


def test_two_entries_are_compared_in_dutch(installed: Installation) -> None:
    page = client(installed, "coordinator_gsb").get(f"/zittingen/{installed.session_id}/bron/3")
    text = " ".join(visible_text(page.text).split())
    assert "Verschillende vakken" in text
    assert "Is het verschil volledig verklaard? niets aangevinkt ja Besluit" in text
    assert "'yes'" not in page.text


def test_the_candidacy_pages_show_no_english(installed: Installation) -> None:
    """The findings page, the page asking for a lot, and the published decisions."""
    browser = client(installed, "coordinator_csb")
    csrf = re.search(r'name="csrf" value="([^"]*)"', browser.get("/kandidaatstelling").text)
    assert csrf is not None
    uploaded = browser.post(
        "/kandidaatstelling",
        data={"csrf": csrf.group(1)},
        files={
            "lijsten": ("lijsten.csv", BLOCKED.encode()),
            "verkiezing": ("verkiezing.json", json.dumps(ELECTION).encode()),
        },
    )
    assert uploaded.status_code == 303
    findings = browser.get(uploaded.headers["location"])
    assert "K07" in findings.text
    assert english_words(findings.text) == []
    asked = browser.post(f"{uploaded.headers['location']}/besluiten", data={"csrf": csrf.group(1)})
    assert asked.status_code == 409
    assert english_words(asked.text) == []
    published = browser.post(
        f"{uploaded.headers['location']}/besluiten",
        data={"csrf": csrf.group(1), "hersteld": "0", "loten": "blanco:4;Nieuw"},
    )
    assert published.status_code == 200
    assert english_words(published.text) == []


def _csrf_of(client: TestClient, path: str) -> str:
    return csrf(client.get(path).text)


def test_refusals_hash_questions_and_the_display_link_show_no_english(
    installed: Installation,
) -> None:
    """A refused count, the page asking for an import's hidden hash groups, and the
    projector's page."""
    csb = client(installed, "coordinator_csb")
    page_url = f"/uitslag/{EID}/CSB"
    asked = csb.post(
        f"{page_url}/tellingen",
        data={"csrf": _csrf_of(csb, page_url)},
        files=[("bestanden", ("Tweede.eml.xml", demo_count(), "application/xml"))],
    )
    assert asked.status_code == 400  # the municipality's count is there already
    assert english_words(asked.text) == []
    admin = client(installed, "administrator")
    paths = sorted((installed.settings.home / "demo").glob("*.xml"))
    hash_page = admin.post(
        "/beheer/import",
        data={"csrf": _csrf_of(admin, "/beheer")},
        files=[("bestanden", (p.name, p.read_bytes(), "text/xml")) for p in paths[:1]],
    )
    assert hash_page.status_code == 200
    assert "verborgen groepen" in hash_page.text
    assert english_words(hash_page.text) == []
    coordinator = client(installed, "coordinator_gsb")
    made = coordinator.post("/voortgang/beamer", data={"csrf": _csrf_of(coordinator, "/voortgang")})
    link = made.headers["location"].split("link=")[1]
    assert english_words(coordinator.get(made.headers["location"]).text) == []
    shown = client(installed, None).get(f"/beamer/{link}")
    assert shown.status_code == 200
    assert english_words(shown.text) == []
