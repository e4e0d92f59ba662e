"""The CSB coordinator's candidacy pages: upload, findings, repairs and lots, publication.

Through the web application with a signed-in coordinator_csb: the page shows the findings with
their articles, a lot is asked for (never drawn), a recorded repair changes the decision, and the
zip holds a schema-valid 230b without personal data and model I 4. A departure from the proposal
(with its reason) changes the published lists and appears on the page and in model I 4; one
without a reason is refused in Dutch and stores nothing. Reopened after publication, the page
is filled in with the stored decisions; sent again it gives the same 230b, and the stored
decisions given to ``osv candidacy export`` give it too.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import io
import json
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

import pytest
from fastapi.testclient import TestClient
from pypdf import PdfReader
from typer.testing import CliRunner

from eml import Eml230b, SchemaSet, read_eml
from eml.hash import format_digest
from osv.cli.app import app
from osv.service.candidacy import stored as candidacy_pages
from tests.cli.test_candidacy_cli import BLOCKED, ELECTION
from tests.pv.reading import pages
from tests.ui.helpers import Installation, csrf, install, token
from ui.auth import SESSION_COOKIE


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory, xsd_dir: Path) -> Iterator[Installation]:
    installation = install(tmp_path_factory.mktemp("candidacy"), session=False, xsd_dir=xsd_dir)
    yield installation
    installation.factory.close()


@pytest.fixture
def client(installed: Installation) -> Iterator[TestClient]:
    with TestClient(installed.app, follow_redirects=False) as made:
        made.cookies.set(SESSION_COOKIE, token(installed.factory, "coordinator_csb"))
        yield made


def _upload(client: TestClient, lists: str) -> str:
    form = client.get("/kandidaatstelling")
    assert form.status_code == 200
    response = client.post(
        "/kandidaatstelling",
        data={"csrf": csrf(form.text)},
        files={
            "lijsten": ("lijsten.csv", lists.encode(), "text/csv"),
            "verkiezing": ("verkiezing.json", json.dumps(ELECTION).encode(), "application/json"),
        },
    )
    assert response.status_code == 303, response.text
    return str(response.headers["location"])


def test_findings_lots_repair_and_publication(
    client: TestClient, schemas: SchemaSet, installed: Installation
) -> None:
    page_url = _upload(client, BLOCKED)
    with installed.factory() as uow:
        stored = uow.candidacy.get(page_url.rsplit("/", 1)[1])
    assert stored is not None
    assert stored.lists_content == BLOCKED.encode()
    assert stored.stored_by == "coordinator_csb"
    page = client.get(page_url)
    assert page.status_code == 200
    assert "K07" in page.text
    assert "H 9, I 2, I 6" in page.text
    assert "123456782" not in page.text
    assert "01-02-1980" not in page.text
    form_token = csrf(page.text)
    # Without the lot's outcome: the lot is named, nothing is published.
    asked = client.post(f"{page_url}/besluiten", data={"csrf": form_token})
    assert asked.status_code == 409
    assert "loting tussen Nieuw; blanco:4" in asked.text
    # The consent was repaired in time (finding 0) and the lot was drawn.
    done = client.post(
        f"{page_url}/besluiten",
        data={"csrf": form_token, "hersteld": "0", "loten": "blanco:4;Nieuw"},
    )
    assert done.status_code == 200, done.text
    archive = zipfile.ZipFile(io.BytesIO(client.get(f"{page_url}/publicatie.zip").content))
    names = sorted(archive.namelist())
    assert names == ["Kandidatenlijsten_GR2026_Juinen.eml.xml", "Model_I4_GR2026_Juinen.pdf"]
    data = archive.read(names[0])
    report = PdfReader(io.BytesIO(archive.read(names[1])))
    text = "\n".join(page.extract_text() for page in report.pages)
    repaired_part = text.split("Herstelde verzuimen")[1].split("Ongeldige lijsten")[0]
    assert "K07" in repaired_part
    schemas.validate(data, "230b", source=names[0])
    document = read_eml(data).document
    assert isinstance(document, Eml230b)
    assert [(lst.number, lst.name) for lst in document.contests[0].lists] == [
        (1, "Partij A"),
        (2, "Partij B"),
        (3, ""),
        (4, "Nieuw"),
    ]
    assert b"123456782" not in data
    assert b"1980" not in data
    with installed.factory() as uow:
        kept = uow.candidacy.outputs(page_url.rsplit("/", 1)[1])
    assert [output.file_name for output in kept] == names
    assert kept[0].content == data
    # Uploads and publication are in the database, not in a folder under OSV_HOME.
    assert not (installed.settings.home / "kandidaatstelling").exists()


def test_an_unreadable_upload_is_refused_with_the_row(
    client: TestClient, installed: Installation
) -> None:
    with installed.factory() as uow:
        before = uow.candidacy.count()
    form = client.get("/kandidaatstelling")
    response = client.post(
        "/kandidaatstelling",
        data={"csrf": csrf(form.text)},
        files={
            "lijsten": ("lijsten.csv", BLOCKED.replace("Berg,v", "Berg,q").encode(), "text/csv"),
            "verkiezing": ("verkiezing.json", json.dumps(ELECTION).encode(), "application/json"),
        },
    )
    assert response.status_code == 400
    assert "Het bestand met de lijsten klopt niet; er is niets opgeslagen." in response.text
    assert "Rij 2, kolom geslacht: vul m, v of x in, of laat het vak leeg." in response.text
    assert "Technische melding" not in response.text
    assert "&#39;q&#39;" not in response.text
    with installed.factory() as uow:
        assert uow.candidacy.count() == before


def test_an_unknown_upload_is_not_found(client: TestClient) -> None:
    assert client.get("/kandidaatstelling/" + "x" * 22).status_code == 404
    assert client.get("/kandidaatstelling/" + "x" * 22 + "/publicatie.zip").status_code == 404


_REASON = "De instemmingsverklaring is op 2 februari om 16.30 uur ingeleverd (ontvangstbewijs 17)."


def _published_events(installed: Installation, submission: str) -> list[dict[str, object]]:
    with installed.factory() as uow:
        return [
            event.data
            for event in uow.audit.events()
            if event.event == "candidacy.published" and event.data["submission"] == submission
        ]


def test_the_findings_page_offers_a_labelled_departure_per_finding(client: TestClient) -> None:
    page = client.get(_upload(client, BLOCKED))
    assert page.status_code == 200
    assert "<summary>Afwijken van het voorstel</summary>" in page.text
    assert '<label for="afwijking-0">' in page.text
    assert '<label for="reden-0">Reden (verplicht bij afwijken)</label>' in page.text
    assert '<option value="not_applicable">' in page.text


def test_a_departure_keeps_a_candidate_whose_consent_was_handed_in_in_time(
    client: TestClient, installed: Installation
) -> None:
    """Finding 0 is K07 (no consent) for the only candidate of list 2 (Partij A): proposed,
    the candidate is struck and the list is left empty, so invalid. The CSB finds the consent
    was handed in in time: Partij A is published with its candidate, and the published page,
    model I 4 and the stored decisions give the reason; the audit event counts the departure
    and names its code, never the reason or the candidate."""
    page_url = _upload(client, BLOCKED)
    submission = page_url.rsplit("/", 1)[1]
    form_token = csrf(client.get(page_url).text)
    done = client.post(
        f"{page_url}/besluiten",
        data={
            "csrf": form_token,
            "loten": "blanco:4;Nieuw",
            "afwijking-0": "not_applicable",
            "reden-0": _REASON,
        },
    )
    assert done.status_code == 200, done.text
    assert "Afwijkingen van het voorstel" in done.text
    assert "bevinding K07, kandidaat 1" in done.text
    assert _REASON in done.text
    archive = zipfile.ZipFile(io.BytesIO(client.get(f"{page_url}/publicatie.zip").content))
    document = read_eml(archive.read("Kandidatenlijsten_GR2026_Juinen.eml.xml")).document
    assert isinstance(document, Eml230b)
    published = {lst.name: lst for lst in document.contests[0].lists}
    assert [c.name.last_name for c in published["Partij A"].candidates] == ["Visser"]
    report = PdfReader(io.BytesIO(archive.read("Model_I4_GR2026_Juinen.pdf")))
    text = " ".join(" ".join(page.extract_text() for page in report.pages).split())
    departures = text.split("Afwijkingen van het voorstel")[1]
    assert "bevinding K07 (art. H 9, I 2, I 6), kandidaat 1" in departures
    assert _REASON in departures
    assert "kandidaat 1 G. Visser is geschrapt" not in text
    with installed.factory() as uow:
        stored = uow.candidacy.get(submission)
    assert stored is not None
    assert stored.decisions is not None
    assert stored.decisions["departures"] == [
        {
            "code": "K07",
            "list": "2",
            "district": None,
            "position": 1,
            "instead": "not_applicable",
            "reason": _REASON,
        }
    ]
    [event] = _published_events(installed, submission)
    assert event["departures"] == 1
    assert event["departure_codes"] == ["K07"]
    assert "Visser" not in json.dumps(event)
    assert "ontvangstbewijs" not in json.dumps(event)


def test_a_departure_without_a_reason_is_refused_in_dutch_and_nothing_is_stored(
    client: TestClient, installed: Installation
) -> None:
    page_url = _upload(client, BLOCKED)
    submission = page_url.rsplit("/", 1)[1]
    form_token = csrf(client.get(page_url).text)
    refused = client.post(
        f"{page_url}/besluiten",
        data={"csrf": form_token, "loten": "blanco:4;Nieuw", "afwijking-0": "not_applicable"},
    )
    assert refused.status_code == 400
    assert (
        "Geef een reden op voor het afwijken van het voorstel (bevinding K07, lijst 2, "
        "kandidaat 1). Er is niets opgeslagen." in refused.text
    )
    message = re.search(r'<p class="melding" role="status">([^<]*)</p>', refused.text)
    assert message is not None
    assert "Visser" not in message.group(1)
    # The choice stays on the page, so the coordinator only has to add the reason.
    assert '<option value="not_applicable" selected>' in refused.text
    with installed.factory() as uow:
        assert uow.candidacy.outputs(submission) == []
        stored = uow.candidacy.get(submission)
    assert stored is not None
    assert stored.decisions is None
    assert _published_events(installed, submission) == []


#: Two consents missing: finding 0 is K07 for Partij B's candidate (list 1), finding 1 is K07
#: for Partij A's (list 2).
TWO_CONSENTS = BLOCKED.replace("01-02-1980,123456782,ja", "01-02-1980,123456782,nee")


def _filled_in(page: str) -> dict[str, object]:
    """What the findings form sends as it stands: ticked repairs, lot lines, departures."""
    form: dict[str, object] = {
        "csrf": csrf(page),
        "hersteld": re.findall(r'name="hersteld" value="(\d+)"[^>]*checked', page),
    }
    lots = re.search(r'<textarea id="loten" name="loten" rows="3">([^<]*)</textarea>', page)
    assert lots is not None
    form["loten"] = html.unescape(lots.group(1))
    for index, options in re.findall(
        r'<select id="afwijking-(\d+)"[^>]*>(.*?)</select>', page, re.S
    ):
        chosen = re.search(r'<option value="([^"]*)" selected>', options)
        form[f"afwijking-{index}"] = chosen.group(1) if chosen else ""
    for index, reason in re.findall(r'<textarea id="reden-(\d+)"[^>]*>([^<]*)</textarea>', page):
        form[f"reden-{index}"] = html.unescape(reason)
    return form


def _hashes(installed: Installation, submission: str) -> dict[str, str]:
    with installed.factory() as uow:
        return {o.file_name: o.sha256 for o in uow.candidacy.outputs(submission)}


_230B = "Kandidatenlijsten_GR2026_Juinen.eml.xml"


def _publish_repair_lot_and_departure(client: TestClient) -> tuple[str, str]:
    """Publish TWO_CONSENTS with finding 0 repaired, the lot drawn and a departure from
    finding 1 (its consent was handed in in time); the page's address and the token."""
    page_url = _upload(client, TWO_CONSENTS)
    first = client.get(page_url)
    assert "Eerder gepubliceerd" not in first.text
    assert _filled_in(first.text)["hersteld"] == []
    done = client.post(
        f"{page_url}/besluiten",
        data={
            "csrf": csrf(first.text),
            "hersteld": "0",
            "loten": "blanco:4;Nieuw",
            "afwijking-1": "not_applicable",
            "reden-1": _REASON,
        },
    )
    assert done.status_code == 200, done.text
    return page_url, page_url.rsplit("/", 1)[1]


class _AnHourLater(dt.datetime):
    @classmethod
    def now(cls, tz: dt.tzinfo | None = None) -> _AnHourLater:  # type: ignore[override]
        return cls.fromtimestamp(dt.datetime.now(tz).timestamp() + 3600, tz)


def test_a_published_submission_reopens_with_its_decisions_and_publishes_the_same_again(
    client: TestClient, installed: Installation, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reopened, the findings page shows the publication (when, by whom, the hashes) and is
    filled in with its repair, lot and departure; sent again unchanged it gives the same 230b
    and model I 4 (the files carry the time of the first publication) and a second audit
    event that names the files it replaced."""
    page_url, submission = _publish_repair_lot_and_departure(client)
    published = _hashes(installed, submission)
    again = client.get(page_url)
    assert again.status_code == 200
    assert "Eerder gepubliceerd" in again.text
    assert "door coordinator_csb" in again.text
    assert format_digest(bytes.fromhex(published[_230B])) in again.text
    assert "Opnieuw publiceren vervangt de eerdere publicatie" in again.text
    assert "passen niet meer bij de bevindingen" not in again.text
    form = _filled_in(again.text)
    assert form["hersteld"] == ["0"]
    assert form["loten"] == "blanco:4;Nieuw"
    assert form["afwijking-0"] == ""
    assert form["afwijking-1"] == "not_applicable"
    assert form["reden-1"] == _REASON
    assert form["reden-0"] == ""
    # An hour later (so the same bytes are not the same second's luck).
    monkeypatch.setattr(candidacy_pages, "dt", SimpleNamespace(datetime=_AnHourLater))
    republished = client.post(f"{page_url}/besluiten", data=form)
    assert republished.status_code == 200, republished.text
    assert _hashes(installed, submission)[_230B] == published[_230B]
    first, second = _published_events(installed, submission)
    assert first["replaced"] == []
    assert second["replaced"] == first["files"]
    assert second["files"] == first["files"]
    assert "ontvangstbewijs" not in json.dumps(second)


def test_stored_decisions_that_fit_no_finding_are_named_on_the_page(
    client: TestClient, installed: Installation
) -> None:
    """A recorded repair and departure that name no finding now (as after a change of the
    checks) are not dropped silently: the page names them in Dutch, with the reason."""
    page_url, submission = _publish_repair_lot_and_departure(client)
    # changed behind the services' back, as a change of the checks would leave them
    with installed.factory.database.unit_of_work(audited=False) as uow:
        stored = uow.candidacy.get(submission)
        assert stored is not None
        assert stored.decisions is not None
        decisions = dict(stored.decisions)
        decisions["repaired"] = [
            *decisions["repaired"],
            {"code": "K05", "list": "9", "district": None, "position": 3},
        ]
        decisions["departures"] = [
            {**decisions["departures"][0], "list": "9", "reason": "Verouderde reden."}
        ]
        uow.candidacy.replace_outputs(submission, uow.candidacy.outputs(submission), decisions)
        uow.commit()
    page = client.get(page_url)
    assert page.status_code == 200
    assert "passen niet meer bij de bevindingen en zijn daarom niet ingevuld" in page.text
    assert "Hersteld verzuim K05, lijst 9, kandidaat 3." in page.text
    assert (
        "Afwijking bij K07, lijst 9, kandidaat 1: De bevinding is niet van toepassing "
        "(geen gevolg). Reden: Verouderde reden." in page.text
    )
    form = _filled_in(page.text)
    assert form["hersteld"] == ["0"]
    assert form["afwijking-1"] == ""


def test_the_pages_decisions_given_to_the_command_line_give_the_same_230b(
    client: TestClient, installed: Installation, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The decisions the pages stored, as a decisions file for ``osv candidacy export`` with
    the same lists and election file, reproduce the published 230b byte for byte, and model I 4
    page for page but for the audit log's head, which only the page's (made from the database)
    prints (issue 17)."""
    _, submission = _publish_repair_lot_and_departure(client)
    with installed.factory() as uow:
        stored = uow.candidacy.get(submission)
        published = {o.file_name: o.content for o in uow.candidacy.outputs(submission)}
    assert stored is not None
    assert stored.decisions is not None
    monkeypatch.delenv("OSV_EML_XSD_DIR", raising=False)
    monkeypatch.chdir(tmp_path)
    Path("lists.csv").write_bytes(stored.lists_content)
    Path("election.json").write_bytes(stored.setup_content)
    Path("decisions.json").write_text(json.dumps(stored.decisions), encoding="utf-8")
    args = ["candidacy", "export", "lists.csv", "--election", "election.json", "--out", "out"]
    result = CliRunner().invoke(app, [*args, "--decisions", "decisions.json"])
    assert result.exit_code == 0, result.output
    exported = (tmp_path / "out" / _230B).read_bytes()
    assert exported == published[_230B]
    report = "Model_I4_GR2026_Juinen.pdf"
    # The same report, but made from files: the page's also prints the audit log's head.
    from_files = pages((tmp_path / "out" / report).read_bytes())
    from_database = pages(published[report])
    head = "Laatste hash logboek OSV: "
    assert all(head not in page for page in from_files)
    assert all(head in page for page in from_database)
    assert [p.split(head)[0] for p in from_database] == from_files
    digest = format_digest(hashlib.sha256(exported).digest())
    assert f"{_230B}: {digest}" in result.output
