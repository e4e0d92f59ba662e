"""Model O 3, the principal polling station's report, read back.

The small case is the real TK2025 count of West Maas en Waal (kieskring 6, Nijmegen) with a
twin municipality (0999 Testgemeente), added up by ``osv result --stage hsb`` with the
kieskring's real 230b: the O 3 is written beside the 510c and carries that file's hash on
every page; it names each municipality with its 510b's hash, the kieskring's totals per list and
candidate, and the HSB's findings with how they were dealt with. The large case is a kieskring of
40 municipalities and 30 lists of 80 candidates with names in the Teletex repertoire.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from eml import Eml230b, Eml510, SchemaSet, read_eml
from osv.model import (
    Candidate,
    CandidateList,
    CandidateVotes,
    Contest,
    ElectionCategory,
    ElectionIdentifier,
    ListVotes,
    PersonName,
    RejectedReason,
    UncountedReason,
    VoteCounts,
)
from osv.pv.common import candidate_label
from osv.pv.layout import dutch_number, format_hash
from osv.pv.o3 import DistrictReport, MunicipalCount, render_o3
from osv.service.result.coverage import IncompleteCountsError
from osv.service.result.hsb import run_hsb
from results.tally import sum_counts
from tests.pv.reading import footers, headers, pages
from tests.pv.test_models import numbered

_CREATED = dt.datetime(2025, 11, 5, 10, 0)
_COUNT = "Telling_TK2025_gemeente_West_Maas_en_Waal.eml.xml"
_LISTS = "Kandidatenlijsten_TK2025_Nijmegen.eml.xml"


def _kieskring(
    shared: Path, folder: Path, *, alter: Callable[[str], str] = lambda text: text
) -> Path:
    """West Maas en Waal's TK2025 count, a twin posing as 0999 Testgemeente (its text changed
    by ``alter``) and kieskring 6's candidate lists."""
    folder.mkdir(parents=True)
    source = shared / "data" / "TK2025"
    shutil.copy(source / _COUNT, folder / _COUNT)
    shutil.copy(source / _LISTS, folder / _LISTS)
    text = (source / _COUNT).read_text(encoding="utf-8")
    twin = text.replace('Id="0668">West Maas en Waal', 'Id="0999">Testgemeente')
    twin = alter(twin.replace('Id="0668::', 'Id="0999::'))
    (folder / "Telling_TK2025_gemeente_Testgemeente.eml.xml").write_text(twin, encoding="utf-8")
    return folder


def test_the_hsb_writes_o3_beside_the_510c_with_its_hash_on_every_page(
    shared: Path, tmp_path: Path, schemas: SchemaSet
) -> None:
    folder = _kieskring(shared, tmp_path / "in")
    outcome = run_hsb(folder, tmp_path / "out", schemas=schemas, created=_CREATED)
    assert outcome.report == tmp_path / "out" / "Model_O3_TK2025_kieskring_Nijmegen.pdf"
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "Model_O3_TK2025_kieskring_Nijmegen.pdf",
        "Telling_TK2025_kieskring_Nijmegen.eml.xml",
    ]
    pdf = outcome.report.read_bytes()
    text = pages(pdf)
    whole = " ".join(" ".join(text).split())
    digest = hashlib.sha256(outcome.written.path.read_bytes()).digest()
    assert digest == outcome.written.digest
    assert numbered(text)
    for footer in footers(pdf):
        assert format_hash(digest) in footer
        assert "Datum: 05-11-2025 10:00:00." in footer
        assert "Model O 3" in footer
    assert "Kieskring 6 Nijmegen Hoofdstembureau" in " ".join(text[0].split())
    assert (
        "Proces-verbaal van het hoofdstembureau voor de verkiezing van de leden van de Tweede "
        "Kamer der Staten-Generaal" in whole
    )
    # Deel 1: each municipality with its 510b's file name and hash
    for source in outcome.counts.files:
        assert source.name[:20] in whole
        assert format_hash(source.digest) in whole
    assert "0668 West Maas en Waal" in whole
    assert "0999 Testgemeente" in whole
    assert "geen bevindingen gedaan" in whole
    # Deel 2: the kieskring's totals are the 510c's, every candidate named with his votes
    count = read_eml(outcome.written.path).document
    assert isinstance(count, Eml510)
    total = count.contests[0].total
    assert total is not None
    lists = read_eml(folder / _LISTS).document
    assert isinstance(lists, Eml230b)
    contest = lists.contests[0]
    for lst in total.lists:
        assert f"Totaal lijst {lst.number} (stemcijfer) {dutch_number(lst.votes)}" in whole
        candidates = contest.list(lst.number)
        assert candidates is not None
        for votes in lst.candidates:
            assert votes.number is not None
            label = candidate_label(candidates.candidate(votes.number))
            assert f"{votes.number} {label} {dutch_number(votes.votes)}" in whole
    # Bijlage 1: each municipality's H, and the kieskring's as the last row
    h = total.total_counted + sum(total.rejected.values())
    assert f"Kieskring 6 {dutch_number(total.uncounted[UncountedReason.ADMITTED_VOTERS])}" in whole
    assert dutch_number(h) in whole
    assert headers(pdf)[0] == "Hoofdstembureau kieskring 6 Nijmegen"
    parts = [h.removesuffix(" Hoofdstembureau kieskring 6 Nijmegen") for h in headers(pdf)[1:]]
    assert parts[0] == "Deel 1 - Verslag van de zitting"
    assert parts[-1] == "Bijlage 1 - Telresultaten per gemeente"
    assert "Deel 2 - Telresultaten van de kieskring" in parts
    assert "Deel 3 - Ondertekening" in parts


def test_the_hsbs_findings_are_on_o3_with_how_they_were_dealt_with(
    shared: Path, tmp_path: Path
) -> None:
    """A twin whose stated total of list 1 is one vote more than its candidates' votes: the
    finding is printed in Dutch with its handling; the numbers are added up as stated."""

    def one_more_for_list_1(text: str) -> str:
        first = text.index("<ValidVotes>", text.index("<TotalVotes>")) + len("<ValidVotes>")
        end = text.index("</ValidVotes>", first)
        return f"{text[:first]}{int(text[first:end]) + 1}{text[end:]}"

    folder = _kieskring(shared, tmp_path / "in", alter=one_more_for_list_1)
    outcome = run_hsb(folder, tmp_path / "out", created=_CREATED)
    assert outcome.counts.findings
    assert outcome.report is not None
    whole = " ".join(" ".join(pages(outcome.report.read_bytes())).split())
    assert "Bevindingen en hoe het hoofdstembureau ze heeft afgehandeld" in whole
    assert "geen bevindingen gedaan" not in whole
    assert "Gemeente 0999" in whole
    assert whole.count("Opgenomen in dit proces-verbaal.") == len(outcome.counts.findings)


def test_no_o3_is_written_for_an_incomplete_kieskring(shared: Path, tmp_path: Path) -> None:
    """The HSB refuses a kieskring whose 110a names a municipality without a count: no 510c,
    and so no O 3 (its hash would belong to nothing)."""
    folder = _kieskring(shared, tmp_path / "in")
    definition = shared / "data" / "TK2023" / "Verkiezingsdefinitie_TK2023.eml.xml"
    text = definition.read_text(encoding="utf-8").replace("TK2023", "TK2025")
    text = text.replace("2023-11-22", "2025-10-29")
    (folder / "Verkiezingsdefinitie_TK2025.eml.xml").write_text(text, encoding="utf-8")
    with pytest.raises(IncompleteCountsError):
        run_hsb(folder, tmp_path / "out", created=_CREATED)
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


# --- the large case --------------------------------------------------------------------------

_TELETEX_LAST = "Ŋöŕđ-Ĳsselstein"


def _votes(seed: int, lists: int, candidates: int) -> VoteCounts:
    per_list = tuple(
        ListVotes(
            number=n,
            votes=sum((seed * 7 + n * 13 + c) % 97 for c in range(1, candidates + 1)),
            candidates=tuple(
                CandidateVotes(number=c, votes=(seed * 7 + n * 13 + c) % 97)
                for c in range(1, candidates + 1)
            ),
        )
        for n in range(1, lists + 1)
    )
    valid = sum(lst.votes for lst in per_list)
    return VoteCounts(
        lists=per_list,
        cast=valid + 5000,
        total_counted=valid,
        rejected={RejectedReason.BLANK: seed % 11, RejectedReason.INVALID: seed % 7},
        uncounted={
            UncountedReason.POLL_CARDS: valid + seed % 11 + seed % 7 - 3,
            UncountedReason.PROXY_CERTIFICATES: 3,
            UncountedReason.VOTER_CARDS: 0,
            UncountedReason.ADMITTED_VOTERS: valid + seed % 11 + seed % 7,
        },
    )


def large_report(digest: bytes | None = b"\x17" * 32) -> DistrictReport:
    """Kieskring 19 of 40 municipalities (Teletex names), 30 lists of 80 candidates."""
    identifier = ElectionIdentifier(
        id="TK2026",
        name="Tweede Kamer der Staten-Generaal 2026",
        category=ElectionCategory.TK,
        election_date=dt.date(2026, 10, 28),
    )
    municipalities = tuple(
        MunicipalCount(
            code=f"{m:04d}",
            name=f"Şğıŀő-{m} aan de Ŧŷne",
            file=f"Telling_TK2026_gemeente_{m:04d}.eml.xml",
            digest=hashlib.sha256(f"gemeente {m}".encode()).digest(),
            votes=_votes(m, 30, 80),
        )
        for m in range(1, 41)
    )
    contest = Contest(
        id="19",
        lists=tuple(
            CandidateList(
                number=n,
                name=f"Partij {n} Ĳsselmonde-Ţară",
                candidates=tuple(
                    Candidate(
                        number=c,
                        name=PersonName(
                            initials="Ł.Ő.",
                            first_name="Ŀudmiła",
                            last_name=f"{_TELETEX_LAST} {n}-{c}",
                        ),
                    )
                    for c in range(1, 81)
                ),
            )
            for n in range(1, 31)
        ),
    )
    return DistrictReport(
        identifier=identifier,
        number="19",
        name="Middelburg",
        total=sum_counts([m.votes for m in municipalities]),
        municipalities=municipalities,
        findings=tuple(f"Gemeente {m:04d}: bevinding nummer {m}." for m in range(1, 6)),
        contest=contest,
        digest=digest,
        created=dt.datetime(2026, 10, 30, 14, 5, 0),
    )


@pytest.fixture(scope="module")
def large() -> tuple[DistrictReport, bytes]:
    report = large_report()
    return report, render_o3(report)


def test_large_o3_loses_no_municipality_list_or_candidate(large) -> None:  # type: ignore[no-untyped-def]
    report, pdf = large
    text = pages(pdf)
    whole = " ".join(" ".join(text).split())
    assert numbered(text)
    assert all(format_hash(b"\x17" * 32) in footer for footer in footers(pdf))
    for m in report.municipalities:
        assert f"{m.code} {m.name}" in whole
        assert format_hash(m.digest) in whole
    for n in range(1, 31):
        assert f"Lijst {n} Partij {n} Ĳsselmonde-Ţară" in whole
        assert f"Totaal lijst {n} (stemcijfer)" in whole
        for c in (1, 40, 80):
            assert f"{_TELETEX_LAST} {n}-{c}, Ł.Ő. (Ŀudmiła)" in whole
    for m in range(1, 6):
        assert f"bevinding nummer {m}." in whole
    assert f"Kieskring 19 {dutch_number(report.total.total_counted)}" not in whole  # D first
    d = report.total.uncounted[UncountedReason.ADMITTED_VOTERS]
    assert f"Kieskring 19 {dutch_number(d)} {dutch_number(report.total.total_counted)}" in whole


def test_a_draft_o3_says_it_has_no_510c_and_carries_no_hash() -> None:
    text = pages(render_o3(large_report(digest=None)))
    assert "Concept: bij dit proces-verbaal hoort nog geen telbestand" in " ".join(text[0].split())
    assert not any("Digitale vingerafdruk van EML-telbestand" in page for page in text)
