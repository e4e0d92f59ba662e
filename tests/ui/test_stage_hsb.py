"""A principal polling station (HSB) of a Tweede Kamer election over HTTP.

OSV's generated national election (``tests.demo_national``, small scale) is imported; the
coordinator HSB of district 1 uploads the district's municipal counts (510b) at once, typing
each file's two hidden hash groups (a mistyped one is refused), a count of district 2 is
refused with nothing stored, and the district count (510c) is made and is valid
against the official schemas, with the sum of the municipalities as its total.

The 110a names every municipality in its kieskring, as the Kiesraad's does: in a fresh
installation the municipalities HSB 1 can have typed are exactly the two the 110a names in
kieskring 1; adding one by hand (as older pages offered) is refused in Dutch with nothing
stored, saying why: a malformed code, a municipality the 110a names here already, one it names
in kieskring 2, one it does not name at all. Two typists CSB type the totals of one of the two
from the paper, the other is uploaded, and the 510c made with them equals (total and
reporting units) the one made from both uploaded 510b files.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from eml import Eml510, read_eml
from eml.safe import Limits
from eml.xsd import SchemaSet
from osv.model.entry import CountEntry, EntryModel
from osv.pv.layout import format_hash
from osv.service.bootstrap import UnitOfWorkFactory, unit_of_work_factory
from osv.service.entry import counts_entry
from osv.service.importing import HashCheck, import_files
from osv.service.login_throttle import LoginThrottle
from osv.service.result.hsb import run_hsb
from osv.service.result.stored import municipalities_of, stage_view, totals_overview, upload_count
from osv.service.users import create_user, sign_in
from tests.demo_national import write_national
from tests.pv.reading import audit_heads, before_event, footers
from tests.ui.helpers import PASSWORD, hidden, settings_at
from tests.ui.stage_counts import by_district
from tests.ui.stage_uploads import confirm_counts, hash_groups, upload_counts
from ui.app import create_app
from ui.auth import SESSION_COOKIE
from ui.forms import value_at

EID = "TK2026"
PAGE = f"/uitslag/{EID}/HSB1"


National = tuple[TestClient, UnitOfWorkFactory, dict[str, list[Path]]]


@pytest.fixture(scope="module")
def national(tmp_path_factory: pytest.TempPathFactory, xsd_dir: Path) -> Iterator[National]:
    yield from _national(tmp_path_factory, xsd_dir)


@pytest.fixture(scope="module")
def national_typed(tmp_path_factory: pytest.TempPathFactory, xsd_dir: Path) -> Iterator[National]:
    """Another installation of the same election, with two typists CSB."""
    yield from _national(tmp_path_factory, xsd_dir, typists=("typist_csb", "typist_csb_2"))


def _national(
    tmp_path_factory: pytest.TempPathFactory, xsd_dir: Path, typists: tuple[str, ...] = ()
) -> Iterator[National]:
    """The election written and imported against the official schemas, and the web
    application configured with them (as ``make run`` is)."""
    home = tmp_path_factory.mktemp("hsb")
    settings = settings_at(home, xsd_dir)
    factory = unit_of_work_factory(settings)
    schemas = SchemaSet(xsd_dir)
    paths = write_national(home / "tk", scale=0.06, max_candidates=8, schemas=schemas)
    import_files(
        factory,
        [p for p in paths if not p.name.startswith("Telling_")],
        schemas=schemas,
        limits=Limits(),
        hash_check=HashCheck(skip=True),
        actor="test",
    )
    counts = by_district(paths)
    create_user(factory, "hsb", PASSWORD, "coordinator_hsb", "test")
    for typist in typists:
        create_user(factory, typist, PASSWORD, "typist_csb", "test")
    client = TestClient(create_app(settings, factory=factory), follow_redirects=False)
    client.cookies.set(SESSION_COOKIE, sign_in(factory, "hsb", PASSWORD, LoginThrottle(), "t")[0])
    yield client, factory, counts
    client.close()
    factory.close()


def _csrf(client: TestClient) -> str:
    return hidden(client.get(PAGE).text, "csrf")


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


def _typist(client: TestClient, factory: UnitOfWorkFactory, name: str) -> TestClient:
    typist = TestClient(client.app, follow_redirects=False)
    typist.cookies.set(SESSION_COOKIE, sign_in(factory, name, PASSWORD, LoginThrottle(), "t")[0])
    return typist


def _type(client: TestClient, key: str, entry: CountEntry) -> Any:
    """Claim municipality ``key`` on /totalen and submit the whole form as ``entry`` says;
    confirm against the paper when the form asks."""
    listed = client.get("/totalen").text
    session_id = re.search(r'action="/totalen/(\d+)/' + key + '/starten"', listed)
    assert session_id is not None, "the municipality is not offered to this typist"
    url = f"/totalen/{session_id.group(1)}/{key}"
    assert client.post(f"{url}/starten", data={"csrf": hidden(listed, "csrf")}).status_code == 303
    form = client.get(url).text
    names = re.findall(r'<input id="v\d+" name="([^"]+)"', form)
    assert len(names) > 10
    data = {name: str(value_at(entry, name) or "") for name in names}
    data |= {"csrf": hidden(form, "csrf"), "versie": hidden(form, "versie")}
    sent = client.post(url, data=data)
    if sent.status_code == 200 and 'id="gecontroleerd"' in sent.text:
        confirm = dict(re.findall(r'name="([^"]+)" [^>]*value="([^"]*)"', sent.text))
        sent = client.post(url, data={**confirm, "gecontroleerd": "1"})
    return sent


def _added(factory: UnitOfWorkFactory) -> tuple[int, int]:
    """Municipalities stored as added by hand at HSB 1, and audit events: what a refusal
    must leave as it was."""
    with factory() as uow:
        return len(uow.stages.choices(EID, "HSB1", "gemeente")), len(uow.audit.events())


def test_a_municipality_the_110a_names_is_typed_twice_into_the_district_count(
    national_typed: National, tmp_path: Path, schemas: SchemaSet
) -> None:
    client, factory, counts = national_typed
    typed_file, *uploaded = counts["1"]
    municipal = read_eml(typed_file).document
    assert isinstance(municipal, Eml510)
    authority = municipal.header.managing_authority
    assert authority is not None
    code = authority.id
    # The municipalities to type are those the 110a names in kieskring 1, and only those.
    assert municipalities_of(factory, EID, "HSB1") == [
        ("0001", "Gemeente 1"),
        ("0021", "Gemeente 21"),
    ]
    assert code in dict(municipalities_of(factory, EID, "HSB1"))
    for path in uploaded:
        data = path.read_bytes()
        upload_count(factory, EID, "HSB1", path.name, data, "test", typed=hash_groups(data))

    page = html.unescape(client.get(PAGE).text)
    assert 'action="/uitslag/TK2026/HSB1/gemeenten"' not in page  # nothing to add by hand
    assert "De gemeenten van dit stembureau zijn die de verkiezingsdefinitie (110a) noemt" in page
    assert re.search(rf'<option value="{code}">{code} Gemeente {int(code)}</option>', page)

    # Adding a municipality by hand (as older pages offered) is refused, saying why.
    before = _added(factory)
    other = read_eml(uploaded[0]).document
    assert isinstance(other, Eml510)
    assert other.header.managing_authority is not None
    elsewhere = read_eml(counts["2"][0]).document
    assert isinstance(elsewhere, Eml510)
    assert elsewhere.header.managing_authority is not None
    for wrong, sentence in [
        ("479", "'479' is geen CBS-gemeentecode"),
        ("04a9", "'04a9' is geen CBS-gemeentecode"),
        ("", "'' is geen CBS-gemeentecode"),
        (code, f"Gemeente {code} hoort al bij dit stembureau"),
        (other.header.managing_authority.id, "hoort al bij dit stembureau"),
        (
            elsewhere.header.managing_authority.id,
            f"De verkiezingsdefinitie noemt gemeente {elsewhere.header.managing_authority.id} "
            f"{elsewhere.header.managing_authority.name} bij kieskring 2 Kieskring 2, niet bij "
            "deze kieskring",
        ),
        (
            "0479",
            "De verkiezingsdefinitie (110a) noemt geen gemeente 0479: een telling van die "
            "gemeente telt niet mee in de uitslag van deze kieskring.",
        ),
    ]:
        refused = client.post(f"{PAGE}/gemeenten", data={"csrf": _csrf(client), "code": wrong})
        assert refused.status_code == 400
        assert sentence in html.unescape(refused.text), wrong
        assert "is niets opgeslagen" in html.unescape(refused.text)
    assert _added(factory) == before
    assert municipalities_of(factory, EID, "HSB1") == [
        ("0001", "Gemeente 1"),
        ("0021", "Gemeente 21"),
    ]

    opened = client.post(f"{PAGE}/invoer", data={"csrf": _csrf(client), "gemeente": code})
    assert opened.status_code == 303
    total = municipal.contests[0].total
    assert total is not None
    paper = counts_entry(total, EntryModel.GSB_TOTALS)
    if paper.eligible_voters is None:
        paper = paper.model_copy(update={"eligible_voters": total.eligible_voters})
    for typist in ("typist_csb", "typist_csb_2"):
        assert _type(_typist(client, factory, typist), code, paper).status_code == 303
    _, rows = totals_overview(factory, EID, "HSB1")
    assert [(r.key, r.state) for r in rows] == [(code, "Definitive")]

    assert client.post(f"{PAGE}/berekenen", data={"csrf": _csrf(client)}).status_code == 303
    (district_count,) = [
        f for f in stage_view(factory, EID, "HSB1").outputs if f.message_type == "510c"
    ]
    read = read_eml(
        client.get(f"{PAGE}/bestand/{district_count.file_name}").content, schemas=schemas
    )
    assert read.validated
    typed = read.document
    assert isinstance(typed, Eml510)

    folder = tmp_path / "510b"
    folder.mkdir()
    for path in counts["1"]:
        (folder / path.name).write_bytes(path.read_bytes())
    run_hsb(folder, tmp_path / "uit", created=dt.datetime(2026, 11, 29, 12, 0))
    (made,) = (tmp_path / "uit").glob("Telling_*.eml.xml")
    from_files = read_eml(made).document
    assert isinstance(from_files, Eml510)
    assert typed.contests[0].total == from_files.contests[0].total
    # The typed municipality is a reporting unit of the 510c like the uploaded ones, with the
    # code and name the 110a gives and the same votes.
    assert typed.contests[0].reporting_units == from_files.contests[0].reporting_units


@pytest.fixture(scope="module")
def national_o3(tmp_path_factory: pytest.TempPathFactory, xsd_dir: Path) -> Iterator[National]:
    """A third installation of the election, for the HSB's report and the CSB's upload."""
    yield from _national(tmp_path_factory, xsd_dir)


def test_the_hsb_page_offers_o3_whose_hash_groups_the_csb_types_to_store_the_510c(
    national_o3: National,
) -> None:
    """Issue 17: the HSB's computation keeps model O 3 beside the 510c, with the 510c's hash
    and the audit log's head on every page; the page offers it as the process-verbaal. The CSB
    uploads that 510c and types the two hidden groups from the printed O 3: stored. Groups
    typed from another kieskring's paper are refused and nothing is stored."""
    client, factory, counts = national_o3
    for path in counts["1"]:
        data = path.read_bytes()
        upload_count(factory, EID, "HSB1", path.name, data, "test", typed=hash_groups(data))
    assert client.post(f"{PAGE}/berekenen", data={"csrf": _csrf(client)}).status_code == 303
    outputs = {f.message_type: f for f in stage_view(factory, EID, "HSB1").outputs}
    assert set(outputs) >= {"510c", "O 3"}
    page = html.unescape(client.get(PAGE).text)
    report_name = outputs["O 3"].file_name
    assert report_name == "Model_O3_TK2026_kieskring_Kieskring_1.pdf"
    assert f">{report_name}</a></td><td>proces-verbaal (model O 3)</td>" in page
    assert "met het proces-verbaal van het hoofdstembureau (model O 3)" in page
    district = client.get(f"{PAGE}/bestand/{outputs['510c'].file_name}").content
    report = client.get(f"{PAGE}/bestand/{report_name}")
    assert report.headers["content-type"] == "application/pdf"
    printed = {footer.split("proces-verbaal: ", 1)[1][:79] for footer in footers(report.content)}
    assert printed == {format_hash(hashlib.sha256(district).digest())}
    assert set(audit_heads(report.content)) == {before_event(factory, "stage.computed")}

    create_user(factory, "csb", PASSWORD, "coordinator_csb", "test")
    csb = TestClient(client.app, follow_redirects=False)
    csb.cookies.set(SESSION_COOKIE, sign_in(factory, "csb", PASSWORD, LoginThrottle(), "t")[0])
    csb_page = f"/uitslag/{EID}/CSB"
    asked = csb.post(
        f"{csb_page}/tellingen",
        data={"csrf": hidden(csb.get(csb_page).text, "csrf")},
        files=[("bestanden", (outputs["510c"].file_name, district, "application/xml"))],
    )
    assert asked.status_code == 200
    assert "O 3 van de kieskring" in asked.text
    masked = re.search(r'<code id="hash-0">([^<]+)</code>', asked.text)
    assert masked is not None
    groups = next(iter(printed)).split()
    masked_at = [i for i, group in enumerate(masked.group(1).split()) if set(group) == {"·"}]
    assert len(masked_at) == 2
    wrong = [groups[(i + 1) % 16] for i in masked_at]
    refused = confirm_counts(csb, csb_page, asked.text, [tuple(wrong)])  # type: ignore[list-item]
    assert refused.status_code == 400
    assert stage_view(factory, EID, "CSB").inputs == ()
    stored = upload_counts(
        csb,
        csb_page,
        [(outputs["510c"].file_name, district)],
        typed=[(groups[masked_at[0]], groups[masked_at[1]])],
    )
    assert stored.status_code == 303
    assert [f.sha256 for f in stage_view(factory, EID, "CSB").inputs] == [
        hashlib.sha256(district).hexdigest()
    ]
