"""The stage pages never publish an incomplete result (issue 14), over HTTP.

Each stage adds up the units the election definition (110a) names for it: an HSB every
municipality of its kieskring, the CSB of a Tweede Kamer election every kieskring, the CSB of
an election with one district every municipality. Before anything is computed the page lists,
in Dutch, each unit that has no count yet; asked to compute while one is missing, it refuses
with one sentence per missing unit, computes nothing, stores nothing and offers nothing to
download (no 510c, 510d, 520 or model P 22, no zip). Once every count is there it computes,
and the files it offers are valid against the official schemas, with which the application
is configured here (as ``make run`` configures it).

The elections: OSV's generated Tweede Kamer election (small scale: kieskring 1 has the
municipalities 0001 and 0021), whose HSB counts are made with ``osv result``'s own HSB stage,
and a provincial council of one kieskring with three municipalities
(:mod:`tests.ui.stage_province`).
"""

from __future__ import annotations

import datetime as dt
import html
import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from eml import read_eml
from eml.safe import Limits
from eml.xsd import SchemaSet
from osv.service import queries
from osv.service.bootstrap import UnitOfWorkFactory, unit_of_work_factory
from osv.service.entry import Actor
from osv.service.importing import HashCheck, import_files
from osv.service.login_throttle import LoginThrottle
from osv.service.result.hsb import run_hsb
from osv.service.result.stored import open_totals, stage_view
from osv.service.users import create_user, sign_in
from tests.demo_national import write_national
from tests.ui.helpers import PASSWORD, csrf, settings_at
from tests.ui.stage_counts import by_district, type_totals_twice
from tests.ui.stage_province import PROVINCE_ID, write_province
from tests.ui.stage_uploads import upload_counts
from ui.app import create_app
from ui.auth import SESSION_COOKIE

TK = "TK2026"
_CREATED = dt.datetime(2026, 10, 29, 12, 0)


@dataclass
class Installed:
    """An imported election served by the application, with a coordinator HSB and CSB."""

    factory: UnitOfWorkFactory
    hsb: TestClient
    csb: TestClient


def _install(home: Path, xsd_dir: Path, imported: list[Path]) -> Installed:
    settings = settings_at(home, xsd_dir)
    factory = unit_of_work_factory(settings)
    import_files(
        factory,
        imported,
        schemas=SchemaSet(xsd_dir),
        limits=Limits(),
        hash_check=HashCheck(skip=True),
        actor="test",
    )
    app = create_app(settings, factory=factory)
    clients = []
    for role in ("coordinator_hsb", "coordinator_csb"):
        create_user(factory, role, PASSWORD, role, "test")
        client = TestClient(app, follow_redirects=False)
        token = sign_in(factory, role, PASSWORD, LoginThrottle(), "t")[0]
        client.cookies.set(SESSION_COOKIE, token)
        clients.append(client)
    return Installed(factory, *clients)


@dataclass
class National:
    installed: Installed
    municipal: dict[str, list[Path]]  # the 510b files of each kieskring
    district: dict[str, Path]  # each kieskring's 510c, made by osv result's HSB stage


@pytest.fixture(scope="module")
def national(tmp_path_factory: pytest.TempPathFactory, xsd_dir: Path) -> Iterator[National]:
    home = tmp_path_factory.mktemp("complete-tk")
    schemas = SchemaSet(xsd_dir)
    paths = write_national(home / "tk", scale=0.06, max_candidates=8, schemas=schemas)
    definition = next(p for p in paths if p.name.startswith("Verkiezingsdefinitie"))
    municipal = by_district(paths)
    district = {}
    for number, counts in municipal.items():
        folder = home / f"hsb{number}"
        folder.mkdir()
        for path in [definition, *counts]:
            (folder / path.name).write_bytes(path.read_bytes())
        made = run_hsb(folder, home / "510c", schemas=schemas, created=_CREATED)
        district[number] = made.written.path
    installed = _install(home, xsd_dir, [p for p in paths if not p.name.startswith("Telling_")])
    yield National(installed, municipal, district)
    installed.factory.close()


def _page(client: TestClient, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return html.unescape(response.text)


def _csrf(client: TestClient, url: str) -> str:
    return csrf(client.get(url).text)


def _without_count(page: str) -> list[str]:
    """The units the page lists as still without a count (before computing)."""
    listed = re.search(r'<ul id="zonder-telling">(.*?)</ul>', page, re.S)
    return re.findall(r"<li>(.*?)</li>", listed.group(1)) if listed else []


def _computed_events(factory: UnitOfWorkFactory) -> int:
    events = queries.audit_events(factory, None, limit=10_000)
    return sum(event.event == "stage.computed" for event in events)


def _refused_with_nothing_offered(
    installed: Installed, client: TestClient, eid: str, committee: str, sentences: list[str]
) -> str:
    """Ask to compute; assert the Dutch refusal names ``sentences`` and nothing was made."""
    url = f"/uitslag/{eid}/{committee}"
    before = _computed_events(installed.factory)
    refused = client.post(f"{url}/berekenen", data={"csrf": _csrf(client, url)})
    assert refused.status_code == 400
    text = html.unescape(refused.text)
    message = re.search(r'<p class="melding fout" role="alert" id="melding">(.*?)</p>', text)
    assert message is not None
    assert message.group(1).startswith("Er is niets berekend: ")
    for sentence in sentences:
        assert sentence in message.group(1)
    assert "Er is niets opgeslagen en er is niets te downloaden" in message.group(1)
    assert "Technische melding" not in message.group(1)
    assert stage_view(installed.factory, eid, committee).outputs == ()
    assert _computed_events(installed.factory) == before
    page = _page(client, url)
    assert "documenten.zip" not in page
    assert f"{url}/bestand/" not in page
    assert client.get(f"{url}/documenten.zip").status_code == 404
    return message.group(1)


def _offered_files(client: TestClient, url: str, schemas: SchemaSet) -> list[str]:
    """The EML files in the stage's zip, each valid against the official schemas."""
    download = client.get(f"{url}/documenten.zip")
    assert download.status_code == 200
    types = []
    with zipfile.ZipFile(io.BytesIO(download.content)) as archive:
        for name in archive.namelist():
            if name.endswith(".xml"):
                read = read_eml(archive.read(name), source=name, schemas=schemas)
                assert read.validated
                types.append(read.document.message_type.value)
    return sorted(types)


def test_an_hsb_makes_no_district_count_until_every_municipality_has_its_count(
    national: National, schemas: SchemaSet
) -> None:
    installed, client, url = national.installed, national.installed.hsb, f"/uitslag/{TK}/HSB1"
    first, second = (
        f"Gemeente {code} Gemeente {int(code)} (kieskring 1 Kieskring 1): geen telling."
        for code in ("0001", "0021")
    )
    page = _page(client, url)
    assert "Nog niet volledig: 2 van de 2 gemeenten hebben nog geen telling." in page
    assert _without_count(page) == [first, second]

    one, other = sorted(national.municipal["1"])
    assert upload_counts(client, url, [(one.name, one.read_bytes())]).status_code == 303
    page = _page(client, url)
    assert "Nog niet volledig: 1 van de 2 gemeenten heeft nog geen telling." in page
    assert _without_count(page) == [second]

    message = _refused_with_nothing_offered(installed, client, TK, "HSB1", [second])
    assert first not in message

    assert upload_counts(client, url, [(other.name, other.read_bytes())]).status_code == 303
    page = _page(client, url)
    assert "Volledig: alle 2 gemeenten die de verkiezingsdefinitie noemt, hebben een telling." in (
        page
    )
    assert _without_count(page) == []
    assert client.post(f"{url}/berekenen", data={"csrf": _csrf(client, url)}).status_code == 303
    assert _offered_files(client, url, schemas) == ["510c"]


def test_a_tweede_kamer_csb_computes_nothing_until_every_kieskring_has_its_count(
    national: National, schemas: SchemaSet
) -> None:
    installed, client, url = national.installed, national.installed.csb, f"/uitslag/{TK}/CSB"
    page = _page(client, url)
    assert "Nog niet volledig: 20 van de 20 kieskringen hebben nog geen telling." in page
    assert len(_without_count(page)) == 20

    missing = {"7": "Kieskring 7 Kieskring 7", "12": "Kieskring 12 Kieskring 12"}
    present = [path for number, path in national.district.items() if number not in missing]
    stored = upload_counts(client, url, [(path.name, path.read_bytes()) for path in present])
    assert stored.status_code == 303
    page = _page(client, url)
    assert "Nog niet volledig: 2 van de 20 kieskringen hebben nog geen telling." in page
    assert _without_count(page) == [f"{name}: geen telling." for name in missing.values()]

    message = _refused_with_nothing_offered(
        installed, client, TK, "CSB", [f"{name}: geen telling." for name in missing.values()]
    )
    assert message.startswith(
        "Er is niets berekend: 2 van de 20 kieskringen hebben nog geen telling. "
        "Kieskring 7 Kieskring 7: geen telling. Kieskring 12 Kieskring 12: geen telling. "
    )

    rest = [national.district[number] for number in missing]
    assert upload_counts(client, url, [(p.name, p.read_bytes()) for p in rest]).status_code == 303
    assert "Volledig: alle 20 kieskringen" in _page(client, url)
    assert client.post(f"{url}/berekenen", data={"csrf": _csrf(client, url)}).status_code == 303
    report = stage_view(installed.factory, TK, "CSB").report
    assert report is not None
    assert report["status"] == "complete"
    assert _offered_files(client, url, schemas) == ["510d", "520"]


def test_a_provincial_csb_computes_nothing_until_every_municipality_has_its_count(
    tmp_path: Path, xsd_dir: Path, schemas: SchemaSet
) -> None:
    imported, counts = write_province(tmp_path / "ps", schemas)
    installed = _install(tmp_path, xsd_dir, imported)
    client, url = installed.csb, f"/uitslag/{PROVINCE_ID}/CSB"
    try:
        uploaded = [counts["9901"], counts["9903"]]
        stored = upload_counts(client, url, [(p.name, p.read_bytes()) for p in uploaded])
        assert stored.status_code == 303
        # Open for entry, but not typed yet: the municipality has no count.
        open_totals(
            installed.factory, PROVINCE_ID, "CSB", "9902", Actor("coordinator_csb", "coordinator")
        )
        page = _page(client, url)
        assert "Nog niet volledig: 1 van de 3 gemeenten heeft nog geen telling." in page
        assert _without_count(page) == ["Gemeente 9902 Beekdorp: geen telling."]

        _refused_with_nothing_offered(
            installed, client, PROVINCE_ID, "CSB", ["Gemeente 9902 Beekdorp: geen telling."]
        )

        type_totals_twice(installed.factory, PROVINCE_ID, "CSB", counts["9902"])
        assert "Volledig: alle 3 gemeenten" in _page(client, url)
        computed = client.post(f"{url}/berekenen", data={"csrf": _csrf(client, url)})
        assert computed.status_code == 303
        assert _offered_files(client, url, schemas) == ["510d", "520"]
    finally:
        installed.factory.close()
