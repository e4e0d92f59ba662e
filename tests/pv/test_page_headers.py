"""Each page's header names the part of the report the page is in (shared process-verbaal.md §2).

Issue 17: the header of Na 31-2 said "Deel 2 - Telresultaten van de gemeente" on every page,
those of Deel 1 and Deel 3 included (Na 31-1, P 2a and P 22-2 had the same fault with their
own fixed part). A level-1 heading begins a part; a page's header shows the part in force at
its top. The title page has no part.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from eml import Eml230b, Eml510, read_eml
from osv.pv import render_na31_1, render_na31_2
from osv.pv.p2a import InvestigatedStation, render_p2a
from tests.pv.reading import headers, pages
from tests.pv.test_dso_models import decentral

DIGEST = hashlib.sha256(b"a count").digest()
COMMITTEE = "Gemeente 0668 West Maas en Waal"


@pytest.fixture(scope="module")
def count(shared: Path) -> tuple[Eml510, Eml230b]:
    folder = shared / "data" / "GR2022_WestMaasenWaal"
    document = read_eml(folder / "Telling_GR2022_WestMaasenWaal.eml.xml").document
    lists = read_eml(folder / "Kandidatenlijsten_GR2022_WestMaasenWaal.eml.xml").document
    assert isinstance(document, Eml510)
    assert isinstance(lists, Eml230b)
    return document, lists


def _parts(pdf: bytes) -> list[str]:
    """Each page's header without the committee (right): the part (left)."""
    return [header.removesuffix(COMMITTEE).strip() for header in headers(pdf)]


def _expected(pdf: bytes, parts: list[str]) -> list[str]:
    """The part each page is in: the last of ``parts`` whose heading opens a page so far."""
    expected, current = [], ""
    for text in pages(pdf):
        first = text.strip().split("\n", 1)[0].strip()
        current = next((part for part in parts if first == part), current)
        expected.append(current)
    return expected


NA31_PARTS = [
    "Deel 1 - Verslag van de zitting",
    "Deel 2 - Telresultaten van de gemeente",
    "Deel 3 - Ondertekening",
]


def test_na31_2_headers_name_deel_1_2_and_3_on_their_own_pages(count) -> None:  # type: ignore[no-untyped-def]
    document, lists = count
    pdf = render_na31_2(document, digest=DIGEST, contest=lists.contests[0])
    parts = _parts(pdf)
    assert parts[0] == ""  # the title page
    assert parts[1] == "Deel 1 - Verslag van de zitting"
    assert parts[-1] == "Deel 3 - Ondertekening"
    assert "Deel 2 - Telresultaten van de gemeente" in parts
    assert parts == _expected(pdf, NA31_PARTS)


def test_na31_1_headers_follow_its_parts_and_the_checks_page(count) -> None:  # type: ignore[no-untyped-def]
    document, lists = count
    pdf = render_na31_1(decentral(document, {}), digest=DIGEST, contest=lists.contests[0])
    checks = "Controles in opdracht van het centraal stembureau"
    parts = _parts(pdf)
    assert parts[:3] == ["", checks, "Deel 1 - Verslag van de zitting"]
    assert parts[-1] == "Deel 3 - Ondertekening"
    assert parts == _expected(pdf, [checks, *NA31_PARTS])


def test_p2a_headers_name_deel_1_and_deel_2(count) -> None:  # type: ignore[no-untyped-def]
    document, _ = count
    stations = [InvestigatedStation(n, f"Wijkcentrum {n}", f"reden {n}", True) for n in range(40)]
    pdf = render_p2a(document.identifier, "0668 West Maas en Waal", stations, session=2)
    parts = _parts(pdf)
    assert parts[0] == ""
    assert set(parts[1:-1]) == {"Deel 1 - Verslag van de zitting"}
    assert parts[-1] == "Deel 2 - Ondertekening"
