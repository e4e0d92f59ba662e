"""The process-verbaal PDFs, read back: the numbers, names and hash that must be on them.

Model P 22-2 is rendered from the real West Maas en Waal GR2022 files (230b + 510b) as
``osv result`` computes them; model Na 31-2 from the real 510b. The large case is a municipality
of 450 polling stations and 30 lists of 50 candidates (45 seats): every polling station, list
total and elected person must be in the text, and no table may overflow its page.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from eml import Eml510, read_eml
from eml.documents import Authority, EmlHeader, MessageType
from osv.model import (
    Candidate,
    CandidateList,
    CandidateVotes,
    Contest,
    ContestCount,
    ElectionCategory,
    ElectionIdentifier,
    ListVotes,
    PersonName,
    RejectedReason,
    ReportingUnitVotes,
    UncountedReason,
    VoteCounts,
)
from osv.pv import render_na31_2, render_p22_2
from osv.pv.layout import format_hash
from osv.service.result.csb import compute_result
from osv.service.result.inputs import read_inputs
from osv.service.result.single_district import compute_single_district

DIGEST = hashlib.sha256(b"the 520").digest()
CREATED = dt.datetime(2022, 3, 18, 11, 7, 6)


def pages(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


@pytest.fixture(scope="module")
def wmw(shared: Path, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    folder = tmp_path_factory.mktemp("wmw")
    for path in (shared / "data" / "GR2022_WestMaasenWaal").glob("*.eml.xml"):
        if not path.name.startswith("Resultaat_"):
            shutil.copy(path, folder / path.name)
    inputs = read_inputs(folder)
    result, _ = compute_result(inputs, seats=17)
    return folder, inputs, result


def test_p22_2_shows_the_calculation_names_and_hash(wmw) -> None:  # type: ignore[no-untyped-def]
    _, inputs, result = wmw
    total = inputs.counts.district("geen")
    text = pages(render_p22_2(result, digest=DIGEST, created=CREATED, candidate_votes=total))
    whole = "\n".join(text)
    for number, page in enumerate(text, start=1):
        assert f"Pagina {number} van {len(text)}" in page
        assert format_hash(DIGEST) in page
        assert "Datum: 18-03-2022 11:07:06" in page
    assert "Model P 22-2" in text[0]
    assert "kiesdeler 550" in whole
    assert "Geldige stemmen op kandidaten 9.350" in whole
    for outcome in result.lists:
        assert outcome.name in whole
    assert "Reuvers, R.A.N. (Rob)" in whole
    assert "Artikel P 9 (absolute meerderheid) is niet toegepast." in whole
    assert "Er is niet geloot." in whole
    elected = [p for o in result.lists for p in o.elected]
    assert len(elected) == 17
    for person in elected:
        assert person.name.last_name.split()[-1] in whole


def test_na31_2_shows_the_totals_stations_candidates_and_hash(wmw) -> None:  # type: ignore[no-untyped-def]
    folder, inputs, _ = wmw
    path = folder / "Telling_GR2022_WestMaasenWaal.eml.xml"
    count = read_eml(path).document
    assert isinstance(count, Eml510)
    digest = hashlib.sha256(path.read_bytes()).digest()
    text = pages(render_na31_2(count, digest=digest, contest=inputs.contest()))
    whole = "\n".join(text)
    assert all(format_hash(digest) in page for page in text)
    assert "Gemeente 0668 West Maas en Waal" in text[1]
    for unit in count.contests[0].reporting_units:
        assert unit.id.split("::SB")[1] in whole
    assert "van Dreumel, C.G.H.M. (Cees)" in whole
    assert "Totaal lijst 1" in whole
    assert "1.893" in whole  # list 1's total


def _large() -> tuple[Eml510, Contest]:
    identifier = ElectionIdentifier(
        id="GR2026_Groot",
        name="Gemeenteraad Grootstad 2026",
        category=ElectionCategory.GR,
        election_date=dt.date(2026, 3, 18),
    )
    lists = tuple(
        CandidateList(
            number=n,
            name=f"Partij {n} Ĳsselmonde-Ţară",
            candidates=tuple(
                Candidate(number=c, name=PersonName(initials="Ş.Ő.", last_name=f"Łęski {n}-{c}"))
                for c in range(1, 51)
            ),
        )
        for n in range(1, 31)
    )
    totals = tuple(
        ListVotes(
            number=n,
            votes=sum(1000 + n * 37 + c for c in range(1, 51)),
            candidates=tuple(
                CandidateVotes(number=c, votes=1000 + n * 37 + c) for c in range(1, 51)
            ),
        )
        for n in range(1, 31)
    )
    valid = sum(lst.votes for lst in totals)
    total = VoteCounts(
        lists=totals,
        cast=valid * 2,
        total_counted=valid,
        rejected={RejectedReason.INVALID: 10, RejectedReason.BLANK: 20},
        uncounted={
            UncountedReason.ADMITTED_VOTERS: valid + 30,
            UncountedReason.POLL_CARDS: valid + 30,
        },
    )
    units = tuple(
        ReportingUnitVotes(
            id=f"0999::SB{s}",
            name=f"Stembureau Wijkcentrum {s} (postcode: 9999 AA)",
            votes=VoteCounts(cast=0, total_counted=0, rejected={}),
        )
        for s in range(1, 451)
    )
    count = Eml510(
        message_type=MessageType.COUNT_MUNICIPALITY,
        header=EmlHeader(
            managing_authority=Authority(id="0999", name="Grootstad"), creation_date_time=CREATED
        ),
        identifier=identifier,
        contests=(ContestCount(contest_id="geen", total=total, reporting_units=units),),
    )
    return count, Contest(id="geen", lists=lists)


@pytest.fixture(scope="module")
def large() -> tuple[Eml510, Contest]:
    return _large()


def test_large_na31_2_loses_no_row(large) -> None:  # type: ignore[no-untyped-def]
    count, contest = large
    text = pages(render_na31_2(count, digest=DIGEST, contest=contest))
    whole = "\n".join(text)
    assert len(text) > 30
    for station in range(1, 451):
        assert f"Wijkcentrum {station} " in whole
    for n in range(1, 31):
        assert f"Totaal lijst {n}" in whole
        assert f"Łęski {n}-50" in whole
    assert text[-1].startswith("Deel 2") or f"Pagina {len(text)} van {len(text)}" in text[-1]


def test_large_p22_2_names_every_elected(large) -> None:  # type: ignore[no-untyped-def]
    count, contest = large
    total = count.contests[0].total
    assert total is not None
    result = compute_single_district(count.identifier, 45, total, contest)
    assert result.status == "complete"
    text = pages(render_p22_2(result, digest=DIGEST, created=CREATED, candidate_votes=total))
    whole = "\n".join(text)
    for outcome in result.lists:
        for person in outcome.elected:
            assert f"Łęski {outcome.number}-{person.candidate_number}" in whole
    assert sum(o.seats for o in result.lists) == 45
