"""A principal polling station (HSB) of a Tweede Kamer election over HTTP.

OSV's generated national election (``osv.service.demo_national``, small scale) is imported; the
coordinator HSB of district 1 uploads the district's municipal counts (510b) at once, typing
each file's two hidden hash groups (a mistyped one is refused), a count of district 2 is
refused with nothing stored, and the district count (510c) is made and is valid
against the official schemas, with the sum of the municipalities as its total.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from eml import Eml510, read_eml
from eml.safe import Limits
from eml.xsd import SchemaSet
from osv.config import Settings
from osv.service.bootstrap import UnitOfWorkFactory, unit_of_work_factory
from osv.service.demo_national import write_national
from osv.service.importing import HashCheck, import_files
from osv.service.stage import stage_view
from osv.service.users import LoginThrottle, create_user, sign_in
from tests.ui.helpers import PASSWORD
from tests.ui.stage_uploads import confirm_counts, hash_groups, upload_counts
from ui.app import create_app
from ui.auth import SESSION_COOKIE

EID = "TK2026"
PAGE = f"/uitslag/{EID}/HSB1"


@pytest.fixture(scope="module")
def national(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[TestClient, UnitOfWorkFactory, dict[str, list[Path]]]]:
    home = tmp_path_factory.mktemp("hsb")
    settings = Settings(
        home=home,
        database_url=f"sqlite:///{home / 'osv.sqlite3'}",
        xsd_dir=None,
        max_bytes=50_000_000,
    )
    factory = unit_of_work_factory(settings)
    paths = write_national(home / "tk", scale=0.06, max_candidates=8)  # district 1: two
    import_files(
        factory,
        [p for p in paths if not p.name.startswith("Telling_")],
        schemas=None,
        limits=Limits(),
        hash_check=HashCheck(skip=True),
        actor="test",
    )
    counts: dict[str, list[Path]] = {}
    for path in paths:
        if path.name.startswith("Telling_"):
            document = read_eml(path).document
            assert isinstance(document, Eml510)
            counts.setdefault(document.contests[0].contest_id, []).append(path)
    create_user(factory, "hsb", PASSWORD, "coordinator_hsb", "test")
    client = TestClient(create_app(settings, factory=factory), follow_redirects=False)
    client.cookies.set(SESSION_COOKIE, sign_in(factory, "hsb", PASSWORD, LoginThrottle(), "t")[0])
    yield client, factory, counts
    client.close()
    factory.close()


def _csrf(client: TestClient) -> str:
    found = re.search(r'name="csrf" value="([^"]*)"', client.get(PAGE).text)
    assert found is not None
    return found.group(1)


def test_the_hsb_of_district_1_makes_a_schema_valid_district_count(
    national: tuple[TestClient, UnitOfWorkFactory, dict[str, list[Path]]], schemas: SchemaSet
) -> None:
    client, factory, counts = national
    listed = client.get("/uitslag").text
    assert f'href="{PAGE}"' in listed
    assert f'href="/uitslag/{EID}/CSB"' not in listed  # the CSB is not this coordinator's

    other = counts["2"][0]
    refused = client.post(
        f"{PAGE}/tellingen",
        data={"csrf": _csrf(client)},
        files=[("bestanden", (other.name, other.read_bytes(), "application/xml"))],
    )
    assert refused.status_code == 400
    assert "niet kieskring 1" in refused.text
    assert stage_view(factory, EID, "HSB1").inputs == ()

    # Several files at once: each row names its municipality and file and asks for its own
    # two groups. The second file's groups are mistyped: the first is stored, the rest not.
    mine = [(path.name, path.read_bytes()) for path in counts["1"]]
    assert len(mine) >= 2
    asked = client.post(
        f"{PAGE}/tellingen",
        data={"csrf": _csrf(client)},
        files=[("bestanden", (name, data, "application/xml")) for name, data in mine],
    )
    assert asked.status_code == 200
    page = html.unescape(asked.text)
    for index, (name, data) in enumerate(mine):
        document = read_eml(data).document
        assert isinstance(document, Eml510)
        authority = document.header.managing_authority
        assert authority is not None
        assert f"Gemeente {authority.name} ({authority.id}): {name} (EML 510b)" in page
        assert f'<label for="groep1-{index}">' in page
        assert f'<label for="groep2-{index}">' in page
    typed = [hash_groups(data) for _, data in mine]
    # A pending upload belongs to its stage: confirming it at another HSB is refused.
    elsewhere = confirm_counts(client, f"/uitslag/{EID}/HSB2", asked.text, typed)
    assert elsewhere.status_code == 400
    assert "hoort bij een ander stembureau" in elsewhere.text
    assert stage_view(factory, EID, "HSB2").inputs == ()
    typed[1] = typed[0] if typed[0] != typed[1] else ("0000", "0000")
    refused = confirm_counts(client, PAGE, asked.text, typed)
    assert refused.status_code == 400
    assert f"Wel opgeslagen: {mine[0][0]}." in html.unescape(refused.text)
    assert [f.file_name for f in stage_view(factory, EID, "HSB1").inputs] == [mine[0][0]]

    stored = upload_counts(client, PAGE, mine[1:])
    assert stored.status_code == 303
    assert len(stage_view(factory, EID, "HSB1").inputs) == len(mine)
    assert client.post(f"{PAGE}/berekenen", data={"csrf": _csrf(client)}).status_code == 303
    page = client.get(PAGE).text
    assert "De telling van de kieskring is gemaakt" in page
    assert "Overleden kandidaten" not in page  # an HSB allocates no seats

    view = stage_view(factory, EID, "HSB1")
    (district_count,) = [f for f in view.outputs if f.message_type == "510c"]
    download = client.get(f"{PAGE}/bestand/{district_count.file_name}")
    read = read_eml(download.content, schemas=schemas)
    assert read.validated
    assert isinstance(read.document, Eml510)
    stated = 0
    for path in counts["1"]:
        municipal = read_eml(path).document
        assert isinstance(municipal, Eml510)
        assert municipal.contests[0].total is not None
        stated += sum(lst.votes for lst in municipal.contests[0].total.lists)
    total = read.document.contests[0].total
    assert total is not None
    assert sum(lst.votes for lst in total.lists) == stated
