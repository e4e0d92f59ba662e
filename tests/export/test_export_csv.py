"""``osv export csv``: the published OSV4-3 tables reproduced byte for byte, and refusals.

The Kiesraad published the OSV4-3 tables of West Maas en Waal's counts for GR2022 and TK2025
next to the EML files they were made from (``shared/data``, never copied into the repository).
OSV must make the same bytes from the same files: BOM, quoting, separators, line ends, names.
Files that do not belong together are refused with one line and exit status 2, and nothing is
written.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from eml import read_eml, write_eml
from eml.documents import Eml510, MessageType
from osv.cli.app import app
from osv.service.formats.export_csv import CountsMismatchError, export_counts_csv
from tests.conftest import unavailable

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

GR = "GR2022_WestMaasenWaal"
GR_COUNTS = f"{GR}/Telling_GR2022_WestMaasenWaal.eml.xml"
GR_LISTS = f"{GR}/Kandidatenlijsten_GR2022_WestMaasenWaal.eml.xml"
GR_CSV = f"{GR}/osv4-3_telling_gr2022_westmaasenwaal.csv"
TK_COUNTS = "TK2025/Telling_TK2025_gemeente_West_Maas_en_Waal.eml.xml"
TK_NIJMEGEN = "TK2025/Kandidatenlijsten_TK2025_Nijmegen.eml.xml"
TK_HAARLEM = "TK2025/Kandidatenlijsten_TK2025_Haarlem.eml.xml"
TK_CSV = "TK2025/osv4-3_telling_tk2025_gemeente_westmaasenwaal.csv"

#: (count, candidate lists, published table, the name eml2csv gives the table)
PUBLISHED = {
    "GR2022": (GR_COUNTS, GR_LISTS, GR_CSV, "osv4-3_telling_gr2022_gemeente_westmaasenwaal.csv"),
    "TK2025": (TK_COUNTS, TK_NIJMEGEN, TK_CSV, "osv4-3_telling_tk2025_gemeente_westmaasenwaal.csv"),
}


@pytest.fixture(scope="module")
def data(shared: Path):  # type: ignore[no-untyped-def]
    """A function giving the path of a published file, skipping the test when it is absent."""

    def path(name: str) -> Path:
        found = shared / "data" / name
        if not found.is_file():
            unavailable(f"the published file shared/data/{name} is absent")
        return found

    return path


@pytest.fixture
def osv(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Run ``osv`` in an empty working folder of the test's own, without schemas."""
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    monkeypatch.setenv("OSV_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("OSV_EML_XSD_DIR", raising=False)
    runner = CliRunner()

    def run(*args: str | Path):  # type: ignore[no-untyped-def]
        return runner.invoke(app, [str(arg) for arg in args], catch_exceptions=False)

    return run


def assert_same_bytes(ours: bytes, published: bytes) -> None:
    """Equal bytes, or a failure that shows the first line that differs."""
    if ours == published:
        return
    our_lines, published_lines = ours.split(b"\n"), published.split(b"\n")
    for number, (mine, theirs) in enumerate(zip(our_lines, published_lines, strict=False), 1):
        if mine != theirs:
            pytest.fail(f"line {number} differs:\n  ours:      {mine!r}\n  published: {theirs!r}")
    pytest.fail(
        f"the first lines are equal, but ours has {len(our_lines)} lines and the published "
        f"file {len(published_lines)} (a line end after the last row?)"
    )


def assert_one_line_error(result, *fragments: str) -> None:  # type: ignore[no-untyped-def]
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith("osv: error: ")
    assert len(result.stderr.strip().splitlines()) == 1
    for fragment in fragments:
        assert fragment in result.stderr


@pytest.mark.parametrize("election", sorted(PUBLISHED))
def test_the_published_table_is_reproduced_byte_for_byte(data, schemas, election: str) -> None:  # type: ignore[no-untyped-def]
    """From the published 510b and 230b (validated against the official schemas)."""
    counts, lists, published, file_name = PUBLISHED[election]
    export = export_counts_csv(data(counts), data(lists), schemas=schemas)
    assert_same_bytes(export.content, data(published).read_bytes())
    assert export.file_name == file_name
    assert export.municipality == "West Maas en Waal"


def test_the_tables_hold_every_station_list_and_candidate(data) -> None:  # type: ignore[no-untyped-def]
    gr = export_counts_csv(data(GR_COUNTS), data(GR_LISTS))
    assert (gr.election, gr.polling_stations, gr.lists) == (GR, 21, 8)
    tk = export_counts_csv(data(TK_COUNTS), data(TK_NIJMEGEN))
    assert (tk.election, tk.polling_stations, tk.lists, tk.candidates) == ("TK2025", 11, 24, 1085)


def test_the_command_writes_the_table_under_eml2csvs_name_in_the_current_folder(osv, data) -> None:  # type: ignore[no-untyped-def]
    result = osv("export", "csv", data(TK_COUNTS), data(TK_NIJMEGEN))
    assert result.exit_code == 0, result.output
    name = "osv4-3_telling_tk2025_gemeente_westmaasenwaal.csv"
    assert [path.name for path in Path.cwd().iterdir()] == [name]
    assert_same_bytes((Path.cwd() / name).read_bytes(), data(TK_CSV).read_bytes())
    assert result.stdout == (
        f"Written: {name} (11 polling stations, 24 lists, 1085 candidates of TK2025, "
        "West Maas en Waal)\n"
    )


def test_out_dash_writes_the_table_to_standard_output_and_no_file(osv, data) -> None:  # type: ignore[no-untyped-def]
    result = osv("export", "csv", data(GR_COUNTS), data(GR_LISTS), "--out", "-")
    assert result.exit_code == 0, result.stderr
    assert_same_bytes(result.stdout_bytes, data(GR_CSV).read_bytes())
    assert list(Path.cwd().iterdir()) == []


def test_out_names_a_file_or_a_folder_and_an_existing_file_is_replaced(
    osv, data, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "telling.csv"
    target.write_text("an older export")
    assert osv("export", "csv", data(GR_COUNTS), data(GR_LISTS), "--out", target).exit_code == 0
    assert_same_bytes(target.read_bytes(), data(GR_CSV).read_bytes())
    folder = tmp_path / "exports"
    folder.mkdir()
    assert osv("export", "csv", data(GR_COUNTS), data(GR_LISTS), "--out", folder).exit_code == 0
    written = folder / "osv4-3_telling_gr2022_gemeente_westmaasenwaal.csv"
    assert [path.name for path in folder.iterdir()] == [written.name]
    assert_same_bytes(written.read_bytes(), data(GR_CSV).read_bytes())


def test_the_candidate_lists_of_another_district_are_refused(osv, data, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """West Maas en Waal is in district 6 Nijmegen; the Haarlem lists would mislabel every row."""
    target = tmp_path / "out.csv"
    result = osv("export", "csv", data(TK_COUNTS), data(TK_HAARLEM), "--out", target)
    assert_one_line_error(
        result,
        "Kandidatenlijsten_TK2025_Haarlem.eml.xml",
        "district 10 (Haarlem)",
        "is of district 6 (Nijmegen)",
        "nothing was written",
    )
    assert not target.exists()
    assert list(Path.cwd().iterdir()) == []


def test_the_candidate_lists_of_another_election_are_refused(osv, data) -> None:  # type: ignore[no-untyped-def]
    result = osv("export", "csv", data(TK_COUNTS), data(GR_LISTS))
    assert_one_line_error(
        result, "candidate lists of election GR2022_WestMaasenWaal", "is of election TK2025"
    )
    assert list(Path.cwd().iterdir()) == []


def test_files_given_the_wrong_way_round_are_refused(osv, data) -> None:  # type: ignore[no-untyped-def]
    result = osv("export", "csv", data(GR_LISTS), data(GR_COUNTS))
    assert_one_line_error(result, "is an EML 230b file, but a count")
    assert list(Path.cwd().iterdir()) == []


def _gr_count(data) -> Eml510:  # type: ignore[no-untyped-def]
    document = read_eml(data(GR_COUNTS)).document
    assert isinstance(document, Eml510)
    return document


def _with_contest(document: Eml510, **changes: object) -> Eml510:
    contest = document.contests[0].model_copy(update=changes)
    return document.model_copy(update={"contests": (contest,)})


def test_a_polling_station_missing_a_candidate_is_refused(osv, data, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The reference tool would shift that candidate's later numbers one column to the left."""
    document = _gr_count(data)
    units = list(document.contests[0].reporting_units)
    third = units[2]
    first_list = third.votes.lists[0]
    shortened = first_list.model_copy(
        update={"candidates": tuple(c for c in first_list.candidates if c.number != 5)}
    )
    votes = third.votes.model_copy(update={"lists": (shortened, *third.votes.lists[1:])})
    units[2] = third.model_copy(update={"votes": votes})
    counts = tmp_path / "Telling_missing_candidate.eml.xml"
    counts.write_bytes(write_eml(_with_contest(document, reporting_units=tuple(units))))

    result = osv("export", "csv", counts, data(GR_LISTS))
    assert_one_line_error(
        result,
        "Telling_missing_candidate.eml.xml: reporting unit 0668::SB3 has no votes for "
        "candidate 5 (Hoefnagel, J.H.M.) of list 1 (FD Partij Beneden-Leeuwen)",
        "nothing was written",
    )
    assert list(Path.cwd().iterdir()) == []


def test_a_polling_station_missing_a_list_is_refused(data, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    document = _gr_count(data)
    units = list(document.contests[0].reporting_units)
    last = units[-1]
    units[-1] = last.model_copy(
        update={"votes": last.votes.model_copy(update={"lists": last.votes.lists[:-1]})}
    )
    counts = tmp_path / "Telling_missing_list.eml.xml"
    counts.write_bytes(write_eml(_with_contest(document, reporting_units=tuple(units))))
    with pytest.raises(
        CountsMismatchError,
        match=r"reporting unit 0668::SB121 has no votes for list 8 \(.+\) of the candidate lists",
    ):
        export_counts_csv(counts, data(GR_LISTS))


def test_a_count_of_one_station_without_a_total_has_the_station_as_total(
    data, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    document = _gr_count(data)
    units = document.contests[0].reporting_units
    counts = tmp_path / "Telling_one_station.eml.xml"
    counts.write_bytes(write_eml(_with_contest(document, total=None, reporting_units=units[:1])))
    rows = export_counts_csv(counts, data(GR_LISTS)).content.decode("utf-8-sig").split("\n")
    assert rows[5].split(";")[4:] == ['"Totaal"', '"Dorpshuis De Hucht"']
    numbers = [row.split(";")[4:] for row in rows[8:]]
    published_rows = data(GR_CSV).read_bytes().count(b"\n") + 1
    assert len(numbers) == published_rows - 8  # every count, list and candidate row
    assert all(len(cells) == 2 and cells[0] == cells[1] for cells in numbers)
    assert numbers[0] == ['"1415"', '"1415"']  # opgeroepenen of SB1


def test_a_count_of_another_level_than_a_municipality_is_refused(data, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    document = _gr_count(data).model_copy(update={"message_type": MessageType.COUNT_DISTRICT})
    counts = tmp_path / "Telling_district.eml.xml"
    counts.write_bytes(write_eml(document))
    with pytest.raises(CountsMismatchError, match=r"is an EML 510c file, but the OSV4-3 table"):
        export_counts_csv(counts, data(GR_LISTS))


def test_a_folder_that_does_not_exist_is_refused_before_writing(osv, data, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "missing" / "out.csv"
    result = osv("export", "csv", data(GR_COUNTS), data(GR_LISTS), "--out", target)
    assert_one_line_error(result, "folder", "does not exist")
    assert not target.parent.exists()


def test_usage_errors_are_one_line(osv) -> None:  # type: ignore[no-untyped-def]
    assert_one_line_error(osv("export", "csv", "Telling.eml.xml"), "Missing argument 'CANDIDATES'")
