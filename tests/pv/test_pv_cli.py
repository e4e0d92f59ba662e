"""``osv pv``: the forms per polling station and the refusals, through the command line."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from typer.testing import CliRunner

from eml import Eml510, read_eml
from eml.documents import CountingMethod, Phase
from eml.write import write_eml
from osv.cli.app import app
from osv.pv.layout import format_hash

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def _osv(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(app, ["pv", *args], catch_exceptions=False)


@pytest.fixture
def wmw(shared: Path) -> Path:
    return shared / "data" / "GR2022_WestMaasenWaal"


def test_n10_2_writes_one_form_per_chosen_station(wmw: Path, tmp_path: Path) -> None:
    count = wmw / "Telling_GR2022_WestMaasenWaal.eml.xml"
    lists = wmw / "Kandidatenlijsten_GR2022_WestMaasenWaal.eml.xml"
    result = _osv(
        "n10-2",
        str(count),
        "--candidates",
        str(lists),
        "--station",
        "2",
        "--station",
        "113",
        "--out",
        str(tmp_path),
    )
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == [
        "Model_N10-2_GR2022_WestMaasenWaal_SB113.pdf",
        "Model_N10-2_GR2022_WestMaasenWaal_SB2.pdf",
    ]
    first = PdfReader(io.BytesIO((tmp_path / names[0]).read_bytes())).pages[0].extract_text()
    assert "Stembureau 113" in first


def test_filled_bijlage_1_needs_no_candidate_lists(wmw: Path, tmp_path: Path) -> None:
    count = wmw / "Telling_GR2022_WestMaasenWaal.eml.xml"
    result = _osv(
        "na31-2-bijlage1", str(count), "--filled", "--station", "1", "--out", str(tmp_path)
    )
    assert result.exit_code == 0, result.output
    text = "\n".join(
        p.extract_text()
        for p in PdfReader(tmp_path / "Model_Na31-2_Bijlage1_GR2022_WestMaasenWaal_SB1.pdf").pages
    )
    assert "Totaal lijst 8" in text


@pytest.mark.parametrize("model", ["na14-2", "p2a"])
def test_a_first_session_count_is_refused_for_the_later_session_models(
    wmw: Path, tmp_path: Path, model: str
) -> None:
    result = _osv(model, str(wmw / "Telling_GR2022_WestMaasenWaal.eml.xml"), "--out", str(tmp_path))
    assert result.exit_code == 2
    assert "is not" in result.output
    assert "corrigendum" in result.output
    assert list(tmp_path.iterdir()) == []


def test_an_unknown_station_is_refused(wmw: Path, tmp_path: Path) -> None:
    count = wmw / "Telling_GR2022_WestMaasenWaal.eml.xml"
    lists = wmw / "Kandidatenlijsten_GR2022_WestMaasenWaal.eml.xml"
    result = _osv(
        "n10-2",
        str(count),
        "--candidates",
        str(lists),
        "--station",
        "99",
        "--out",
        str(tmp_path / "x"),
    )
    assert result.exit_code == 2
    assert "has no polling station 99" in result.output
    assert not (tmp_path / "x").exists()


# --- the decentral count's models, and each method's refusal of the other's -------------------


def _with_method(wmw: Path, tmp_path: Path, method: CountingMethod, *, later: bool = False) -> Path:
    """The West Maas en Waal 510b stating ``method`` (and, ``later``, as a corrigendum in which
    station 7's first candidate of list 1 had 3 votes less)."""
    document = read_eml(wmw / "Telling_GR2022_WestMaasenWaal.eml.xml").document
    assert isinstance(document, Eml510)
    update: dict[str, object] = {"counting_method": method}
    if later:
        update["phase"] = Phase.CORRIGENDUM
        contest = document.contests[0]
        units = list(contest.reporting_units)
        seven = units[6]
        first = seven.votes.lists[0]
        one = first.candidates[0]
        lists = (
            first.model_copy(
                update={
                    "candidates": (
                        one.model_copy(update={"votes": one.votes + 3, "initial_votes": one.votes}),
                        *first.candidates[1:],
                    )
                }
            ),
            *seven.votes.lists[1:],
        )
        units[6] = seven.model_copy(
            update={"votes": seven.votes.model_copy(update={"lists": lists})}
        )
        update["contests"] = (contest.model_copy(update={"reporting_units": tuple(units)}),)
    path = tmp_path / f"Telling_{method.name}{'_later' if later else ''}.eml.xml"
    path.write_bytes(write_eml(document.model_copy(update=update)))
    return path


def _pdf_text(path: Path) -> str:
    return " ".join("\n".join(p.extract_text() for p in PdfReader(path).pages).split())


def test_n10_1_writes_a_form_with_every_candidate_per_chosen_station(
    wmw: Path, tmp_path: Path
) -> None:
    lists = wmw / "Kandidatenlijsten_GR2022_WestMaasenWaal.eml.xml"
    stations = _with_method(wmw, tmp_path, CountingMethod.DECENTRAL)
    result = _osv(
        "n10-1", str(stations), "--candidates", str(lists), "--station", "5", "--out", str(tmp_path)
    )
    assert result.exit_code == 0, result.output
    text = _pdf_text(tmp_path / "Model_N10-1_GR2022_WestMaasenWaal_SB5.pdf")
    assert "Stembureau 5" in text
    assert "Controles en correcties" in text
    assert "2.4 Stemmen per lijst en per kandidaat" in text


def test_na31_1_is_written_with_the_hash_of_its_510b(wmw: Path, tmp_path: Path) -> None:
    count = _with_method(wmw, tmp_path, CountingMethod.DECENTRAL)
    out = tmp_path / "Na31-1.pdf"
    result = _osv("na31-1", str(count), "--out", str(out))
    assert result.exit_code == 0, result.output
    assert f"{out}: model Na 31-1 of {count.name}" in result.output
    assert format_hash(hashlib.sha256(count.read_bytes()).digest()) in _pdf_text(out)


@pytest.mark.parametrize(
    ("args", "method", "expected"),
    [
        (("na31-2",), CountingMethod.DECENTRAL, "use model Na 31-1 (osv pv na31-1)"),
        (("na31-1",), CountingMethod.CENTRAL, "use model Na 31-2 (osv pv na31-2)"),
        (("na31-2-bijlage1", "--filled"), CountingMethod.DECENTRAL, "use model N 10-1"),
        (("n10-2", "--candidates", "LISTS"), CountingMethod.DECENTRAL, "use model N 10-1"),
        (("n10-1", "--candidates", "LISTS"), CountingMethod.CENTRAL, "use model N 10-2"),
        (("na14-1", "--version", "2"), CountingMethod.CENTRAL, "use model Na 14-2"),
    ],
)
def test_a_model_of_the_other_counting_method_is_refused_in_one_sentence(
    wmw: Path, tmp_path: Path, args: tuple[str, ...], method: CountingMethod, expected: str
) -> None:
    count = _with_method(wmw, tmp_path, method)
    lists = str(wmw / "Kandidatenlijsten_GR2022_WestMaasenWaal.eml.xml")
    out = tmp_path / "out"
    command = [a if a != "LISTS" else lists for a in args]
    result = _osv(command[0], str(count), *command[1:], "--out", str(out))
    assert result.exit_code == 2
    message = result.output.strip()
    assert message.count("\n") == 0
    assert message.startswith("osv: error: ")
    assert f"is a {'decentral' if method is CountingMethod.DECENTRAL else 'central'} count" in (
        message
    )
    assert expected in message
    assert not out.exists()


def test_a_decentral_corrigendum_is_refused_for_na14_2_and_gives_na14_1(
    wmw: Path, tmp_path: Path
) -> None:
    count = _with_method(wmw, tmp_path, CountingMethod.DECENTRAL, later=True)
    refused = _osv("na14-2", str(count), "--out", str(tmp_path / "x"))
    assert refused.exit_code == 2
    assert "use model Na 14-1 (osv pv na14-1 --version 2)" in refused.output
    result = _osv("na14-1", str(count), "--version", "2", "--out", str(tmp_path / "y"))
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "y").iterdir()) == [
        "Model_Na14-1_GR2022_WestMaasenWaal_SB7.pdf"
    ]
    text = _pdf_text(tmp_path / "y" / "Model_Na14-1_GR2022_WestMaasenWaal_SB7.pdf")
    assert format_hash(hashlib.sha256(count.read_bytes()).digest()) in text
    assert "(niet vastgelegd; vul in)" in text  # the reason is not in the file


def test_na14_1_version_2_of_a_first_session_needs_the_investigated_stations(
    wmw: Path, tmp_path: Path
) -> None:
    count = _with_method(wmw, tmp_path, CountingMethod.DECENTRAL)
    refused = _osv("na14-1", str(count), "--version", "2", "--out", str(tmp_path / "x"))
    assert refused.exit_code == 2
    assert "name the investigated polling stations with --station" in refused.output
    result = _osv(
        "na14-1", str(count), "--version", "2", "--station", "4", "--out", str(tmp_path / "y")
    )
    assert result.exit_code == 0, result.output
    text = _pdf_text(tmp_path / "y" / "Model_Na14-1_GR2022_WestMaasenWaal_SB4.pdf")
    assert "☐ Ja: vul deel 2 in" in text


def test_na14_1_version_1_writes_a_blank_form_per_station(wmw: Path, tmp_path: Path) -> None:
    count = wmw / "Telling_GR2022_WestMaasenWaal.eml.xml"  # no counting method: either
    lists = wmw / "Kandidatenlijsten_GR2022_WestMaasenWaal.eml.xml"
    result = _osv(
        "na14-1",
        str(count),
        "--version",
        "1",
        "--candidates",
        str(lists),
        "--station",
        "2",
        "--out",
        str(tmp_path),
    )
    assert result.exit_code == 0, result.output
    text = _pdf_text(tmp_path / "Model_Na14-1_versie1_GR2022_WestMaasenWaal_SB2.pdf")
    assert "Model Na 14-1 (eerste zitting)" in text
    missing = _osv("na14-1", str(count), "--version", "1", "--out", str(tmp_path / "z"))
    assert missing.exit_code == 2
    assert "needs the candidate lists" in missing.output


# --- O 3 ------------------------------------------------------------------------------------


def test_o3_is_a_draft_without_the_510c_and_carries_its_hash_with_it(
    shared: Path, tmp_path: Path
) -> None:
    """``osv pv o3 DIR`` reads the folder ``osv result --stage hsb`` reads: without the 510c it
    writes a draft (no hash); with the 510c that stage wrote there, the O 3 carries its hash;
    a 510c whose numbers are not the sum of the folder's 510b files is refused, nothing
    written."""
    from tests.pv.test_o3 import _kieskring

    folder = _kieskring(shared, tmp_path / "in")
    draft = _osv("o3", str(folder), "--out", str(tmp_path / "draft.pdf"))
    assert draft.exit_code == 0, draft.output
    assert "(draft: no 510c)" in draft.output
    text = _pdf_text(tmp_path / "draft.pdf")
    assert "Concept: bij dit proces-verbaal hoort nog geen telbestand" in " ".join(text.split())
    assert "Digitale vingerafdruk van EML-telbestand" not in text

    made = CliRunner().invoke(app, ["result", str(folder), "--stage", "hsb", "--out", str(folder)])
    assert made.exit_code == 0, made.output
    assert "(model O 3, with the hash of the 510c)" in made.output
    district = folder / "Telling_TK2025_kieskring_Nijmegen.eml.xml"
    again = _osv("o3", str(folder), "--out", str(tmp_path / "o3.pdf"))
    assert again.exit_code == 0, again.output
    assert "(draft: no 510c)" not in again.output
    digest = hashlib.sha256(district.read_bytes()).digest()
    assert format_hash(digest) in _pdf_text(tmp_path / "o3.pdf")

    data = district.read_bytes()
    first = data.index(b"<ValidVotes>") + len(b"<ValidVotes>")
    end = data.index(b"</ValidVotes>", first)
    district.write_bytes(data[:first] + str(int(data[first:end]) + 1).encode() + data[end:])
    refused = _osv("o3", str(folder), "--out", str(tmp_path / "tampered.pdf"))
    assert refused.exit_code == 2
    assert "is not the count of the municipal counts (510b)" in refused.output
    assert not (tmp_path / "tampered.pdf").exists()


def test_o3_is_refused_for_an_election_with_one_district(wmw: Path, tmp_path: Path) -> None:
    refused = _osv("o3", str(wmw), "--out", str(tmp_path / "o3.pdf"))
    assert refused.exit_code == 2
    assert "has no HSB stage" in refused.output
    assert not (tmp_path / "o3.pdf").exists()
