"""The central polling station's pages over HTTP (without a browser).

The coordinator CSB of the demo election uploads the municipality's count, sees its findings,
computes the result, registers a deceased candidate, answers a drawing of lots and downloads
the 510d, the 520 and model P 22-2; a count of another election is refused and stores nothing.
The expected outcomes are taken from the computation itself (``osv.service.result.stored``), never
typed in: the tests check that the pages show and do what the law and the files say.
"""

from __future__ import annotations

import hashlib
import html
import io
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from eml import Eml520, read_eml
from eml.xsd import SchemaSet
from osv.pv.layout import format_hash
from osv.service import queries
from osv.service.result.stored import stage_view
from results.codes import finding_code
from results.tally.rules import RULES
from tests.pv.reading import audit_heads, before_event, footers
from tests.ui.helpers import EID, Installation, client, csrf, install
from tests.ui.stage_counts import count_with_list_votes, demo_count, inconsistent_count
from tests.ui.stage_uploads import upload_counts

PAGE = f"/uitslag/{EID}/CSB"


@pytest.fixture
def installed(tmp_path_factory: pytest.TempPathFactory, xsd_dir: Path) -> Iterator[Installation]:
    installation = install(tmp_path_factory.mktemp("stage"), session=False, xsd_dir=xsd_dir)
    yield installation
    installation.factory.close()


def _csrf(client: TestClient) -> str:
    return csrf(client.get(PAGE).text)


def _upload(client: TestClient, name: str, data: bytes) -> Any:
    """Upload one count and type its two hidden hash groups (read from the file's hash)."""
    return upload_counts(client, PAGE, [(name, data)])


def _post(client: TestClient, action: str, **form: str) -> Any:
    return client.post(f"{PAGE}/{action}", data={"csrf": _csrf(client), **form})


def _report(installed: Installation) -> dict[str, Any]:
    report = stage_view(installed.factory, EID, "CSB").report
    assert report is not None
    return report


def _elected(report: dict[str, Any]) -> dict[int, list[int]]:
    return {lst["number"]: [e["candidate"] for e in lst["elected"]] for lst in report["lists"]}


def test_the_csb_uploads_computes_and_downloads_a_schema_valid_520(
    installed: Installation, schemas: SchemaSet
) -> None:
    coordinator = client(installed, "coordinator_csb")
    assert coordinator.get("/").headers["location"] == "/uitslag"
    assert f'href="{PAGE}"' in coordinator.get("/uitslag").text

    stored = _upload(coordinator, "Telling_GR2026_Vlietdam.eml.xml", demo_count())
    assert stored.status_code == 303
    page = coordinator.get(PAGE).text
    assert "Telling_GR2026_Vlietdam.eml.xml" in page
    assert 'id="geen-bevindingen"' in page  # the demo's totals agree with its stations

    assert _post(coordinator, "berekenen").status_code == 303
    report = _report(installed)
    assert report["status"] == "complete"
    page = html.unescape(coordinator.get(PAGE).text)
    for lst in report["lists"]:
        for elected in lst["elected"]:
            assert elected["name"] in page

    archive = coordinator.get(f"{PAGE}/documenten.zip")
    assert archive.status_code == 200
    assert archive.headers["content-disposition"].endswith(f'"OSV_{EID}_CSB_uitslag.zip"')
    names = zipfile.ZipFile(io.BytesIO(archive.content)).namelist()
    assert f"Totaaltelling_{EID}.eml.xml" in names
    assert f"Model_P22-2_{EID}.pdf" in names

    single = coordinator.get(f"{PAGE}/bestand/Resultaat_{EID}.eml.xml")
    assert single.status_code == 200
    read = read_eml(single.content, schemas=schemas)
    assert read.validated
    assert isinstance(read.document, Eml520)
    assert read.document.identifier.id == EID
    pdf = coordinator.get(f"{PAGE}/bestand/Model_P22-2_{EID}.pdf")
    assert pdf.content.startswith(b"%PDF")
    # Its pages carry the 520's hash and the audit log's head when the result was computed.
    result_hash = format_hash(hashlib.sha256(single.content).digest())
    assert all(result_hash in footer for footer in footers(pdf.content))
    head = before_event(installed.factory, "stage.computed")
    assert set(audit_heads(pdf.content)) == {head}
    total = coordinator.get(f"{PAGE}/bestand/Totaaltelling_{EID}.eml.xml")
    assert read_eml(total.content, schemas=schemas).validated


def test_a_count_of_another_election_is_refused_and_nothing_is_stored(
    installed: Installation, shared: Path
) -> None:
    coordinator = client(installed, "coordinator_csb")
    other = shared / "data" / "GR2022_WestMaasenWaal" / "Telling_GR2022_WestMaasenWaal.eml.xml"
    events_before = len(queries.audit_events(installed.factory, None, limit=10_000))

    refused = _upload(coordinator, other.name, other.read_bytes())

    assert refused.status_code == 400
    text = html.unescape(refused.text)
    assert "GR2022_WestMaasenWaal" in text
    assert EID in text
    assert "er is niets opgeslagen" in text
    assert stage_view(installed.factory, EID, "CSB").inputs == ()
    assert len(queries.audit_events(installed.factory, None, limit=10_000)) == events_before


def test_the_findings_of_a_count_whose_total_does_not_add_up_are_shown(
    installed: Installation,
) -> None:
    coordinator = client(installed, "coordinator_csb")
    assert _upload(coordinator, "Telling.eml.xml", inconsistent_count()).status_code == 303

    findings = stage_view(installed.factory, EID, "CSB").findings
    assert findings, "a total 7 votes above its stations must be reported"
    page = coordinator.get(PAGE).text
    assert 'id="bevindingen"' in page
    for finding in findings:
        assert f"<td>{finding.code}</td>" in page
        assert finding_code(finding.code).title_nl in html.unescape(page)


def test_every_consistency_rule_of_counts_has_a_dutch_title() -> None:
    assert all(rule.code.title_nl.strip() for rule in RULES.values())


def test_a_deceased_candidate_is_not_elected_and_the_list_keeps_its_seats(
    installed: Installation,
) -> None:
    coordinator = client(installed, "coordinator_csb")
    _upload(coordinator, "Telling.eml.xml", demo_count())
    _post(coordinator, "berekenen")
    before = _report(installed)
    first = before["lists"][0]
    chosen = first["elected"][0]["candidate"]

    registered = _post(coordinator, "overleden", kandidaat=f"{first['number']}:{chosen}")
    assert registered.status_code == 303
    assert stage_view(installed.factory, EID, "CSB").outputs == ()  # the old result is stale
    _post(coordinator, "berekenen")
    after = _report(installed)

    assert chosen not in _elected(after)[first["number"]]
    assert len(_elected(after)[first["number"]]) == first["seats"]
    assert after["deceased"] == [{"list": first["number"], "candidate": chosen}]
    assert f"Model_P22-2_{EID}.pdf" in [
        f.file_name for f in stage_view(installed.factory, EID, "CSB").outputs
    ]


def test_a_lot_is_asked_for_and_the_drawn_list_gets_the_seat(installed: Installation) -> None:
    """Lists 2 and 3 have 100 votes each and one residual seat is left for them (D'Hondt,
    P 7): the software asks for a drawing of lots and gives the seat to the list drawn."""
    coordinator = client(installed, "coordinator_csb")
    votes = {1: 2250, 2: 100, 3: 100, 4: 10, 5: 10, 6: 10, 7: 10, 8: 10}
    _upload(coordinator, "Telling.eml.xml", count_with_list_votes(votes))
    _post(coordinator, "berekenen")
    asked = _report(installed)
    assert asked["status"] == "lots_required"
    page = coordinator.get(PAGE).text
    assert "Er moet geloot worden" in page
    options = re.findall(r'name="uitkomst" id="[^"]+" value="([^"]+)"', page)
    assert options == asked["lots_required"]["give_as"]
    assert stage_view(installed.factory, EID, "CSB").outputs[0].file_name != (
        f"Resultaat_{EID}.eml.xml"
    )  # no 520 before the lot is drawn

    drawn = options[-1]
    assert _post(coordinator, "loting", uitkomst=drawn).status_code == 303
    done = _report(installed)
    assert done["status"] == "complete"
    seats = {lst["number"]: lst["seats"] for lst in done["lists"]}
    winner = int(drawn.split(":")[1])
    loser = next(o for o in asked["lots_required"]["options"] if o != winner)
    assert seats[winner] == seats[loser] + 1
    assert [lot["option"] for lot in done["lots_used"]] == [drawn]

    again = _post(coordinator, "loting", uitkomst=drawn)
    assert again.status_code == 400  # no lot is asked for any more


def test_only_the_coordinator_csb_changes_the_csb_and_observers_only_look(
    installed: Installation,
) -> None:
    hsb = client(installed, "coordinator_hsb")
    refused = hsb.post(
        f"{PAGE}/tellingen",
        data={"csrf": _csrf(hsb)},
        files=[("bestanden", ("Telling.eml.xml", demo_count(), "application/xml"))],
    )
    assert refused.status_code == 403
    assert stage_view(installed.factory, EID, "CSB").inputs == ()
    observer = client(installed, "observer")
    page = observer.get(PAGE)
    assert page.status_code == 200
    assert 'type="file"' not in page.text
    assert "Alleen-lezen" in page.text
    assert observer.get(f"{PAGE}/documenten.zip").status_code == 403
