"""The remaining process-verbaal models, read back: the numbers, names and hash on them.

Small cases come from the real West Maas en Waal GR2022 files (its 510b, whose 8 lists and 17
polling stations are on the forms, and its 230b) and a generated Tweede Kamer election; the large
cases are the municipality of tests/pv/test_pv.py (450 polling stations, 30 lists of 50
candidates) and a larger generated national election. A large model must keep every row: each
station, list and candidate must be in the text, and every page must carry its footer.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.pdfbase import pdfmetrics

from eml import Eml230b, Eml510, Eml520, read_eml
from eml.documents import Phase
from osv.model import CandidateVotes, Contest, ListVotes, PollingStation
from osv.pv import (
    TELETEX,
    corrected_units,
    render_n10_2,
    render_na14_2,
    render_na14_2_bijlage1,
    render_na31_2,
    render_na31_2_bijlage1,
    render_teletex,
)
from osv.pv.common import candidate_label
from osv.pv.fonts import BOLD, MONO, REGULAR
from osv.pv.layout import format_hash
from osv.pv.p2a import InvestigatedStation, render_p2a
from osv.service.result.csb import run_csb
from tests.demo_national import write_national
from tests.pv.test_pv import _large

DIGEST = hashlib.sha256(b"the corrigendum").digest()
WMW = "0668 West Maas en Waal"


def pages(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def _row_after(text: str, name: str) -> list[str]:
    """The two numbers after ``name`` in its table row (Oorspronkelijk, Gecorrigeerd)."""
    return text.split(name, 1)[1].split()[:2]


def numbered(text: list[str]) -> bool:
    """Every page says "Pagina X van Y" with its own number and the total."""
    return all(f"Pagina {n} van {len(text)}" in page for n, page in enumerate(text, start=1))


@pytest.fixture(scope="module")
def wmw(shared: Path) -> tuple[Eml510, Contest]:
    folder = shared / "data" / "GR2022_WestMaasenWaal"
    count = read_eml(folder / "Telling_GR2022_WestMaasenWaal.eml.xml").document
    lists = read_eml(folder / "Kandidatenlijsten_GR2022_WestMaasenWaal.eml.xml").document
    assert isinstance(count, Eml510)
    assert isinstance(lists, Eml230b)
    return count, lists.contests[0]


# --- N 10-2 ---------------------------------------------------------------------------------


def test_n10_2_names_the_station_and_every_list_with_box_c_not_to_fill(wmw) -> None:  # type: ignore[no-untyped-def]
    count, contest = wmw
    unit = count.contests[0].reporting_units[0]
    station = PollingStation(number=1, name=unit.name or "")
    text = pages(
        render_n10_2(count.identifier, WMW, station, [(x.number, x.name) for x in contest.lists])
    )
    whole = "\n".join(text)
    assert numbered(text)
    assert "Stembureau 1" in text[0]
    assert "Dorpshuis De Hucht" in text[0]
    assert "Model N 10-2" in text[0]
    for lst in contest.lists:
        assert f"E.{lst.number}" in whole
        assert lst.name in whole
    assert "Niet invullen" in whole  # box C: a municipal election has no kiezerspassen
    assert "Bij een stembureau zijn dit er minimaal 3." in " ".join(whole.split())
    assert "Voorzitter en twee leden van het stembureau" in " ".join(whole.split())


def test_large_n10_2_keeps_all_30_lists(large_case) -> None:  # type: ignore[no-untyped-def]
    count, contest = large_case
    station = PollingStation(number=450, name="Stembureau Wijkcentrum 450")
    text = pages(
        render_n10_2(
            count.identifier, "0999 Grootstad", station, [(x.number, x.name) for x in contest.lists]
        )
    )
    whole = "\n".join(text)
    assert numbered(text)
    for n in range(1, 31):
        assert f"E.{n}" in whole
        assert f"Partij {n} Ĳsselmonde-Ţară" in whole


# --- Na 31-2 Bijlage 1 ----------------------------------------------------------------------


def test_blank_bijlage_1_lists_every_candidate_without_numbers(wmw) -> None:  # type: ignore[no-untyped-def]
    count, contest = wmw
    text = pages(render_na31_2_bijlage1(count.identifier, WMW, ("3", "Dorpshuis"), contest))
    whole = "\n".join(text)
    assert numbered(text)
    assert "Bijlage 1 - verslag telling stembureau 3" in text[0]
    for lst in contest.lists:
        assert f"Totaal lijst {lst.number}" in whole
        for candidate in lst.candidates:
            assert candidate.name.last_name in whole
    assert "☐ Ja ☐ Nee" in " ".join(whole.split())  # the questions unanswered


def test_filled_bijlage_1_has_the_stations_counts(wmw) -> None:  # type: ignore[no-untyped-def]
    count, contest = wmw
    unit = count.contests[0].reporting_units[4]
    votes = unit.votes
    flags = {i.reason: i.value for i in unit.investigations}
    text = pages(
        render_na31_2_bijlage1(count.identifier, WMW, ("5", unit.name or ""), contest, votes, flags)
    )
    whole = "".join(text).replace("\n", "")
    for lst in votes.lists:
        # the list total as digits in the boxes (E.n) and in the table
        assert f"Totaal lijst {lst.number}" in whole
        top = max(lst.candidates, key=lambda c: c.votes)
        person = contest.list(lst.number).candidate(top.number)  # type: ignore[union-attr]
        assert person is not None
        assert person.name.last_name in whole
    admitted = sorted(votes.uncounted.items())[0][1]
    assert str(admitted) in whole


def test_large_filled_bijlage_1_keeps_every_candidate(large_case) -> None:  # type: ignore[no-untyped-def]
    count, contest = large_case
    total = count.contests[0].total
    text = pages(
        render_na31_2_bijlage1(count.identifier, "0999 Grootstad", ("1", "x"), contest, total)
    )
    whole = "\n".join(text)
    assert numbered(text)
    for lst in total.lists:
        assert f"Łęski {lst.number}-50" in whole
        assert f"{lst.votes:,}".replace(",", ".") in whole


# --- Na 14-2, its Bijlage 1, P 2a ------------------------------------------------------------


def _corrigendum(count: Eml510, station: int, shift: int) -> Eml510:
    """``count`` with ``shift`` votes moved from candidate 1 to candidate 2 of list 1 at
    ``station`` (and in the total), the values before kept as initial values."""

    def moved(lists: tuple[ListVotes, ...]) -> tuple[ListVotes, ...]:
        first = lists[0]
        one, two, *rest = first.candidates
        candidates = (
            CandidateVotes(number=one.number, votes=one.votes - shift, initial_votes=one.votes),
            CandidateVotes(number=two.number, votes=two.votes + shift, initial_votes=two.votes),
            *rest,
        )
        return (first.model_copy(update={"candidates": candidates}), *lists[1:])

    contest = count.contests[0]
    units = list(contest.reporting_units)
    unit = units[station - 1]
    units[station - 1] = unit.model_copy(
        update={"votes": unit.votes.model_copy(update={"lists": moved(unit.votes.lists)})}
    )
    assert contest.total is not None
    total = contest.total.model_copy(update={"lists": moved(contest.total.lists)})
    return count.model_copy(
        update={
            "phase": Phase.CORRIGENDUM,
            "contests": (
                contest.model_copy(update={"total": total, "reporting_units": tuple(units)}),
            ),
        }
    )


def test_na14_2_shows_original_and_corrected_figures_with_the_hash(wmw) -> None:  # type: ignore[no-untyped-def]
    count, contest = wmw
    corrected = _corrigendum(count, 7, 5)
    assert [u.id for u in corrected_units(corrected)] == ["0668::SB7"]
    total = corrected.contests[0].total
    one = total.lists[0].candidates[0]  # type: ignore[union-attr]
    text = pages(render_na14_2(corrected, digest=DIGEST, contest=contest))
    whole = "\n".join(text)
    assert numbered(text)
    assert all(format_hash(DIGEST) in page for page in text)
    assert "Onderzochte stembureaus: 7" in whole
    assert "Oorspronkelijk" in whole
    assert "Gecorrigeerd" in whole
    row = _row_after(whole, candidate_label(contest.list(1).candidate(1)))
    assert row == [f"{one.initial_votes:,}".replace(",", "."), f"{one.votes:,}".replace(",", ".")]
    assert "Niet invullen" in whole


def test_na14_2_bijlage_1_has_the_reason_and_the_stations_figures(wmw) -> None:  # type: ignore[no-untyped-def]
    count, contest = wmw
    unit = corrected_units(_corrigendum(count, 7, 5))[0]
    before = unit.votes.lists[0].candidates[0].initial_votes
    text = pages(
        render_na14_2_bijlage1(
            count.identifier, WMW, unit, contest=contest, reason="Hertel lijst 1", corrected=True
        )
    )
    whole = "\n".join(text)
    assert numbered(text)
    assert "Bijlage 1 - Stembureau 7" in text[0]
    assert "Hertel lijst 1" in whole
    assert before is not None
    first = candidate_label(contest.list(1).candidate(1))
    assert _row_after(whole, first) == [str(before), str(before - 5)]


def test_large_na14_2_loses_no_list_or_candidate(large_case) -> None:  # type: ignore[no-untyped-def]
    count, contest = large_case
    text = pages(render_na14_2(count, digest=DIGEST, contest=contest))
    whole = "\n".join(text)
    assert numbered(text)
    for n in range(1, 31):
        assert f"Totaal lijst {n}" in whole
        assert f"Łęski {n}-50" in whole


def test_p2a_reports_each_investigation_and_its_outcome(wmw) -> None:  # type: ignore[no-untyped-def]
    count, _ = wmw
    stations = [
        InvestigatedStation(3, "Dorpshuis", "Onverklaard verschil: tel opnieuw", True),
        InvestigatedStation(5, "Sporthal", None, False),
    ]
    text = pages(render_p2a(count.identifier, WMW, stations, session=2))
    whole = "\n".join(text)
    assert numbered(text)
    assert "Stembureau 3 (Dorpshuis)" in whole
    assert "Onverklaard verschil: tel opnieuw" in whole
    assert "Er is een gecorrigeerde uitslag" in whole
    assert "Stembureau 5 (Sporthal)" in whole
    assert "De uitslag is ongewijzigd" in whole


def test_large_p2a_lists_450_investigated_stations() -> None:
    count, _ = _large()
    stations = [
        InvestigatedStation(n, f"Wijkcentrum {n}", f"reden {n}", n % 2 == 0) for n in range(1, 451)
    ]
    text = pages(render_p2a(count.identifier, "0999 Grootstad", stations))
    whole = "\n".join(text)
    assert numbered(text)
    for n in range(1, 451):
        assert f"Stembureau {n} (Wijkcentrum {n})" in whole
        assert f"reden {n}\n" in whole + "\n"


# --- P 22-1 ---------------------------------------------------------------------------------


def test_result_of_a_national_election_writes_p22_1_with_the_520s_hash(tmp_path: Path) -> None:
    """The large case: 150 seats, 20 districts, 30 parties with lists of 50 (the real TK2025
    files hold one municipality's count, too little for a result)."""
    write_national(tmp_path / "in", scale=0.02, max_candidates=50)
    outcome = run_csb(tmp_path / "in", tmp_path / "out", created=dt.datetime(2026, 11, 2, 10, 0))
    assert outcome.result.status == "complete"
    pdf = tmp_path / "out" / "Model_P22-1_TK2026.pdf"
    assert pdf in outcome.reports
    published = tmp_path / "out" / "Resultaat_TK2026.eml.xml"
    assert isinstance(read_eml(published).document, Eml520)
    digest = hashlib.sha256(published.read_bytes()).digest()
    text = pages(pdf.read_bytes())
    whole = "\n".join(text)
    assert numbered(text)
    assert all(format_hash(digest) in page for page in text)
    assert "Model P 22-1" in text[0]
    assert f"aantal zetels {outcome.result.seats}" in whole
    for lst in outcome.result.lists:
        assert lst.name in whole
        for person in lst.elected:
            assert person.name.last_name in whole


# --- Teletex --------------------------------------------------------------------------------


def test_teletex_page_prints_every_character_in_every_font() -> None:
    assert {"Ĳ", "ĳ", "ŉ", "Ł", "ő", "ş", "Ţ", "ß", "Ŋ"} <= set(TELETEX)
    assert all(unicodedata.name(c, "") for c in TELETEX)
    text = "\n".join(pages(render_teletex()))
    assert [c for c in TELETEX if c not in text] == []
    for font in (REGULAR, BOLD, MONO):
        face = pdfmetrics.getFont(font).face  # type: ignore[attr-defined]
        assert [c for c in TELETEX if ord(c) not in face.charToGlyph] == [], font


@pytest.fixture(scope="module")
def large_case() -> tuple[Eml510, Contest]:
    """The large municipality, with its total as a corrigendum of list 1's first two candidates
    and box C present (a GR election: "Niet invullen")."""
    count, contest = _large()
    return count, contest


def test_na31_2_box_c_is_not_to_be_filled_in_a_municipal_election(wmw) -> None:  # type: ignore[no-untyped-def]
    count, contest = wmw
    text = "\n".join(pages(render_na31_2(count, digest=DIGEST, contest=contest)))
    assert "Niet invullen" in text
