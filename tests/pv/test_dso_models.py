"""The models of a decentral count (DSO), read back: N 10-1, Na 31-1, Na 14-1 versions 1 and 2.

Small cases come from the real West Maas en Waal GR2022 files (its 510b, marked as a decentral
count, with the municipality's own investigations of stations 3 and 6; its 230b); the large
cases are the municipality of tests/pv/test_pv.py (450 polling stations, 30 lists of 50
candidates). Every page must carry its footer and number; a large model must keep every
station, list and candidate; a report of a count file carries its hash on every page.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from eml import Eml230b, Eml510, read_eml
from eml.documents import CountingMethod
from osv.model import Contest, Investigation, InvestigationReason, PollingStation, RejectedReason
from osv.pv import (
    corrected_units,
    render_n10_1,
    render_na14_1_v1,
    render_na14_1_v2,
    render_na31_1,
)
from osv.pv.common import candidate_label
from osv.pv.layout import format_hash
from tests.pv.test_models import WMW, _corrigendum, _row_after, numbered, pages
from tests.pv.test_pv import _large

DIGEST = hashlib.sha256(b"the decentral count").digest()


def decentral(count: Eml510, investigated: dict[int, tuple[bool, bool, bool]]) -> Eml510:
    """``count`` as a decentral count whose stations ``investigated`` carry the flags
    (unexplained difference, other error, result corrected)."""
    reasons = (
        InvestigationReason.UNEXPLAINED_DIFFERENCE,
        InvestigationReason.OTHER_ERROR,
        InvestigationReason.RESULT_CORRECTED,
    )
    contest = count.contests[0]
    units = tuple(
        unit.model_copy(
            update={
                "investigations": tuple(
                    Investigation(reason=reason, value=value)
                    for reason, value in zip(
                        reasons, investigated.get(index, (False,) * 3), strict=True
                    )
                )
            }
        )
        for index, unit in enumerate(contest.reporting_units, start=1)
    )
    return count.model_copy(
        update={
            "counting_method": CountingMethod.DECENTRAL,
            "contests": (contest.model_copy(update={"reporting_units": units}),),
        }
    )


@pytest.fixture(scope="module")
def wmw(shared: Path) -> tuple[Eml510, Contest]:
    folder = shared / "data" / "GR2022_WestMaasenWaal"
    count = read_eml(folder / "Telling_GR2022_WestMaasenWaal.eml.xml").document
    lists = read_eml(folder / "Kandidatenlijsten_GR2022_WestMaasenWaal.eml.xml").document
    assert isinstance(count, Eml510)
    assert isinstance(lists, Eml230b)
    return decentral(count, {3: (True, False, True), 6: (False, True, False)}), lists.contests[0]


# --- N 10-1 ---------------------------------------------------------------------------------


def test_n10_1_names_the_station_every_candidate_and_has_the_checks_page(wmw) -> None:  # type: ignore[no-untyped-def]
    count, contest = wmw
    station = PollingStation(number=3, name="Dorpshuis De Kiem")
    text = pages(render_n10_1(count.identifier, WMW, station, contest))
    whole = " ".join("\n".join(text).split())
    assert numbered(text)
    assert all("Model N 10-1 decentrale stemopneming" in " ".join(p.split()) for p in text)
    assert "Stembureau 3" in text[0]
    assert "Verslag en telresultaten per lijst en kandidaat – Model N 10-1" in whole
    assert "Controles en correcties" in text[1]
    assert "Op eigen initiatief van het gemeentelijk stembureau" in whole
    assert "Op verzoek van het centraal stembureau" in whole
    assert "2.4 Stemmen per lijst en per kandidaat" in whole
    for lst in contest.lists:
        assert f"E.{lst.number}" in whole
        assert f"Totaal lijst {lst.number} (neem dit totaal over in rubriek 2.2" in whole
        for person in lst.candidates:
            assert candidate_label(person) in whole
    assert "Niet invullen" in whole  # box C in a municipal election
    assert "Bij een stembureau zijn dit er minimaal 3." in whole
    assert "Voorzitter en twee leden van het stembureau" in whole


def test_large_n10_1_keeps_every_list_and_candidate() -> None:
    count, contest = _large()
    station = PollingStation(number=450, name="Wijkcentrum 450")
    text = pages(render_n10_1(count.identifier, "0999 Grootstad", station, contest))
    whole = "\n".join(text)
    assert numbered(text)
    for n in range(1, 31):
        assert f"E.{n}" in whole
        assert f"Łęski {n}-1," in whole
        assert f"Łęski {n}-50" in whole


# --- Na 31-1 --------------------------------------------------------------------------------


def test_na31_1_has_the_totals_the_stations_checks_every_candidate_and_the_hash(wmw) -> None:  # type: ignore[no-untyped-def]
    count, contest = wmw
    total = count.contests[0].total
    text = pages(render_na31_1(count, digest=DIGEST, contest=contest))
    whole = " ".join("\n".join(text).split())
    assert numbered(text)
    assert all(format_hash(DIGEST) in page for page in text)
    assert all("Model Na 31-1 decentrale stemopneming" in " ".join(p.split()) for p in text)
    assert "Controles in opdracht van het centraal stembureau" in text[1]
    assert "decentrale stemopneming" in text[0]
    # station 3 investigated for an unexplained difference and corrected; 6 for another error
    rows = whole.split("1.2 Getelde stembureaus", 1)[1]
    assert "☒ ja ☐ ☒ ja" in rows.split("Stembureau Dorpshuis De Schuur", 1)[1][:80]
    assert "☐ ☒ ja ☐" in rows.split("Stembureau MFA De Rosmolen", 1)[1][:80]
    assert total is not None
    for lst in total.lists:
        assert f"Totaal lijst {lst.number} {lst.votes:,}".replace(",", ".") in whole
    first = contest.list(1).candidate(1)
    assert f"1 {candidate_label(first)} {total.lists[0].candidates[0].votes}" in whole
    assert "Deel 3 - Ondertekening" in text[-1]


def test_na31_1_refuses_a_central_count(wmw) -> None:  # type: ignore[no-untyped-def]
    count, contest = wmw
    central = count.model_copy(update={"counting_method": CountingMethod.CENTRAL})
    with pytest.raises(ValueError, match="Na 31-2"):
        render_na31_1(central, digest=DIGEST, contest=contest)


def test_large_na31_1_loses_no_station_list_or_candidate() -> None:
    count, contest = _large()
    text = pages(render_na31_1(decentral(count, {}), digest=DIGEST, contest=contest))
    whole = "\n".join(text)
    assert numbered(text)
    assert all(format_hash(DIGEST) in page for page in text)
    for station in range(1, 451):
        assert f"Wijkcentrum {station} " in whole
    for n in range(1, 31):
        assert f"Totaal lijst {n}" in whole
        assert f"Łęski {n}-50" in whole


# --- Na 14-1 --------------------------------------------------------------------------------


def test_na14_1_version_1_is_a_blank_corrigendum_with_every_candidate(wmw) -> None:  # type: ignore[no-untyped-def]
    count, contest = wmw
    station = PollingStation(number=3, name="Dorpshuis De Kiem")
    text = pages(render_na14_1_v1(count.identifier, WMW, station, contest))
    whole = " ".join("\n".join(text).split())
    assert numbered(text)
    assert "Model Na 14-1 (eerste zitting)" in whole
    assert "Deel 1 - Onderzoek naar telresultaten" in whole
    assert "1.3 Lijsten met verschillen" in whole
    assert "Vul alleen de gegevens in die anders zijn" in whole
    for lst in contest.lists:
        for person in lst.candidates:
            assert candidate_label(person) in whole
    assert format_hash(DIGEST) not in whole


def test_na14_1_version_2_has_the_reason_and_the_figures_before_and_after(wmw) -> None:  # type: ignore[no-untyped-def]
    count, contest = wmw
    corrected = _corrigendum(count, 7, 5)
    (unit,) = corrected_units(corrected)
    before = unit.votes.lists[0].candidates[0].initial_votes
    text = pages(
        render_na14_1_v2(
            count.identifier,
            WMW,
            unit,
            contest=contest,
            reason="Onverklaard verschil: hertel lijst 1",
            corrected=True,
            digest=DIGEST,
            created=count.header.creation_date_time,
        )
    )
    whole = "\n".join(text)
    assert numbered(text)
    assert all(format_hash(DIGEST) in page for page in text)
    assert "Model Na 14-1 (nieuwe zitting)" in " ".join(whole.split())
    assert "Onverklaard verschil: hertel lijst 1" in whole
    assert "☒ Ja: zie deel 2" in whole
    assert before is not None
    first = candidate_label(contest.list(1).candidate(1))
    assert _row_after(whole, first) == [str(before), str(before - 5)]
    assert "Oorspronkelijk Gecorrigeerd" in " ".join(whole.split())


def test_na14_1_version_2_before_the_recount_leaves_the_corrected_column_empty(wmw) -> None:  # type: ignore[no-untyped-def]
    count, contest = wmw
    unit = count.contests[0].reporting_units[3]
    text = pages(
        render_na14_1_v2(count.identifier, WMW, unit, contest=contest, reason="Hertel alles")
    )
    whole = " ".join("\n".join(text).split())
    assert "☐ Nee" in whole
    assert "☐ Ja: vul deel 2 in" in whole
    # the figures so far are pre-filled under "Oorspronkelijk"; the next row follows at once
    blank = unit.votes.rejected[RejectedReason.BLANK]
    assert f"F Blanco stemmen {blank} G Ongeldige stemmen" in whole
    assert "Datum:" not in whole  # no count file: no hash


def test_na14_1_version_2_without_new_results_has_no_figures(wmw) -> None:  # type: ignore[no-untyped-def]
    count, contest = wmw
    unit = count.contests[0].reporting_units[3]
    text = pages(
        render_na14_1_v2(count.identifier, WMW, unit, contest=contest, reason="r", corrected=False)
    )
    whole = " ".join("\n".join(text).split())
    assert "☒ Nee" in whole
    assert "Gecorrigeerde telresultaten" not in whole
