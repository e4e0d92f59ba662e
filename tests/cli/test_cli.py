"""The ``osv`` command line, end to end: what an operator types and what comes back.

Commands run in-process through typer's test runner, with ``OSV_HOME`` and ``OSV_DATABASE_URL``
pointing at a database of the test's own (SQLite and PostgreSQL). Output is checked for the
facts a user relies on, and exit statuses for the contract: 0 for success, 2 for invalid input
or a refused operation, with a one-line message.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eml.hash import format_digest, hidden_groups
from osv.cli.app import app

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def _runner(monkeypatch: pytest.MonkeyPatch, home: Path, url: str):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("OSV_HOME", str(home))
    monkeypatch.setenv("OSV_DATABASE_URL", url)
    monkeypatch.setenv("OSV_ACTOR", "test-operator")
    monkeypatch.delenv("OSV_EML_XSD_DIR", raising=False)
    runner = CliRunner()

    def run(*args: str, input: str | None = None):  # type: ignore[no-untyped-def]
        return runner.invoke(app, list(args), input=input, catch_exceptions=False)

    return run


@pytest.fixture
def osv(tmp_path: Path, database_url: str, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Run ``osv`` against a database of the test's own, on SQLite and on PostgreSQL."""
    return _runner(monkeypatch, tmp_path / "home", database_url)


@pytest.fixture
def osv_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Run ``osv`` for commands that only read files (a SQLite database is never touched)."""
    return _runner(monkeypatch, tmp_path / "home", f"sqlite:///{tmp_path / 'unused.sqlite3'}")


@pytest.fixture
def demo(tmp_path: Path, osv_files) -> Path:  # type: ignore[no-untyped-def]
    """The demo election's files, written by ``osv demo --with-counts``."""
    folder = tmp_path / "demo"
    result = osv_files("demo", "--out", str(folder), "--with-counts")
    assert result.exit_code == 0, result.output
    return folder


def _files(folder: Path, *prefixes: str) -> list[str]:
    return [str(p) for prefix in prefixes for p in sorted(folder.glob(f"{prefix}_*.eml.xml"))]


def test_the_demo_election_is_imported_and_shown(osv, demo: Path) -> None:  # type: ignore[no-untyped-def]
    """``make run`` in miniature: write the demo, import it with its hash file, show it."""
    files = _files(demo, "Verkiezingsdefinitie", "Kandidatenlijsten", "Stembureaus", "Telling")
    result = osv("import", *files, "--hash-file", str(demo / "Hashcodes.txt"))
    assert result.exit_code == 0, result.output
    assert result.output.count(", imported") == 4
    assert "hash check: hash-file" in result.output

    elections = osv("show", "elections")
    assert elections.exit_code == 0
    row = next(line for line in elections.output.splitlines() if "GR2026_Vlietdam" in line)
    assert row.split()[-5:] == ["23", "8", "117", "20", "1"]  # seats, lists, candidates, ...

    lists = osv("show", "lists", "--json")
    assert [item["candidates"] for item in json.loads(lists.output)] == [
        30,
        22,
        17,
        12,
        14,
        9,
        6,
        7,
    ]

    candidates = osv("show", "candidates", "--list", "8")
    assert candidates.exit_code == 0
    assert len(candidates.output.strip().splitlines()) == 2 + 7

    stations = json.loads(osv("show", "polling-stations", "--json").output)
    assert len(stations) == 20
    assert {s["type"] for s in stations} == {"FixedLocation", "Mobile", "Special"}

    audit = json.loads(osv("show", "audit", "--json").output)
    assert [e["event"] for e in audit] == ["eml.imported"] * 4
    assert {e["actor"] for e in audit} == {"test-operator"}


def test_importing_the_same_files_again_changes_nothing(osv, demo: Path) -> None:  # type: ignore[no-untyped-def]
    files = _files(demo, "Verkiezingsdefinitie", "Kandidatenlijsten")
    hashes = ("--hash-file", str(demo / "Hashcodes.txt"))
    assert osv("import", *files, *hashes).exit_code == 0
    again = osv("import", *files, *hashes)
    assert again.exit_code == 0
    assert again.output.count("already imported, unchanged") == 2
    assert json.loads(osv("show", "lists", "--json").output).__len__() == 8


def test_an_import_without_a_hash_check_is_refused_and_stores_nothing(osv, demo: Path) -> None:  # type: ignore[no-untyped-def]
    """Without a hash file, a terminal or --no-hash-check, the 110a cannot be trusted."""
    result = osv("import", *_files(demo, "Verkiezingsdefinitie"))
    assert result.exit_code == 2
    assert result.stderr.startswith("osv: error: ")
    assert len(result.stderr.strip().splitlines()) == 1
    assert "hash" in result.stderr
    assert "No elections are stored yet" in osv("show", "elections").output


def test_skipping_the_hash_check_is_possible_but_recorded(osv, demo: Path) -> None:  # type: ignore[no-untyped-def]
    result = osv("import", *_files(demo, "Verkiezingsdefinitie"), "--no-hash-check")
    assert result.exit_code == 0, result.output
    assert "hash check: skipped" in result.output
    audit = json.loads(osv("show", "audit", "--json").output)
    assert audit[-1]["data"]["hash_check"] == "skipped"


def test_candidate_lists_before_their_election_are_refused(osv, demo: Path) -> None:  # type: ignore[no-untyped-def]
    result = osv("import", *_files(demo, "Kandidatenlijsten"), "--no-hash-check")
    assert result.exit_code == 2
    assert "110a" in result.stderr
    assert "No elections are stored yet" in osv("show", "elections").output


def test_a_bad_file_among_good_ones_stores_none_of_them(osv, demo: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """All or nothing: a truncated count file makes the whole import fail."""
    good = _files(demo, "Verkiezingsdefinitie", "Kandidatenlijsten")
    count = Path(_files(demo, "Telling")[0])
    truncated = tmp_path / "Telling_truncated.eml.xml"
    truncated.write_bytes(count.read_bytes()[: count.stat().st_size // 2])
    result = osv("import", *good, str(truncated), "--no-hash-check")
    assert result.exit_code == 2
    assert "Telling_truncated.eml.xml" in result.stderr
    assert "truncated" in result.stderr
    assert "No elections are stored yet" in osv("show", "elections").output


def test_show_needs_an_election_when_none_is_stored(osv) -> None:  # type: ignore[no-untyped-def]
    result = osv("show", "lists")
    assert result.exit_code == 2
    assert result.stderr.startswith("osv: error: ")


def test_eml_inspect_json_follows_the_contract_on_a_real_count(osv_files, shared: Path) -> None:  # type: ignore[no-untyped-def]
    """The published Ameland count of GR2022: cast 3,054, valid votes 2,159 (eml-nl.md §6.4)."""
    path = shared / "data" / "GR2022" / "Telling_GR2022_Ameland.eml.xml"
    result = osv_files("eml", "inspect", str(path), "--json")
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output)
    assert summary["type"] == "510b"
    assert summary["election"] == "GR2022_Ameland"
    assert summary["reporting_units"] == 6
    totals = summary["totals"]
    assert (totals["cast"], totals["counted"]) == (3054, 2159)
    assert set(totals["rejected"]) == {"ongeldig", "blanco"}
    assert totals["lists"]["1"]["votes"] == 787
    assert totals["lists"]["1"]["candidates"]["1"] == 359
    assert sum(lst["votes"] for lst in totals["lists"].values()) == totals["counted"]


def test_eml_inspect_refuses_hostile_input_in_one_line(osv_files, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "evil.eml.xml"
    path.write_bytes(
        b'<?xml version="1.0"?><!DOCTYPE EML [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        b'<EML xmlns="urn:oasis:names:tc:evs:schema:eml" Id="110a">&x;</EML>'
    )
    result = osv_files("eml", "inspect", str(path), "--json")
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "evil.eml.xml" in lines[0]
    assert "DOCTYPE" in lines[0]


def test_eml_hash_prints_sha256_in_16_groups(osv_files, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The reference value of eml-nl.md §8: the bytes ``test``."""
    path = tmp_path / "test.txt"
    path.write_bytes(b"test")
    result = osv_files("eml", "hash", str(path))
    expected = "9f86 d081 884c 7d65 9a2f eaa0 c55a d015 a3bf 4f1b 2b0b 822c d15d 6c15 b0f0 0a08"
    assert result.output.strip() == expected


@pytest.mark.parametrize("correct", [True, False])
def test_eml_hash_check_asks_for_the_two_hidden_groups(
    osv_files, tmp_path: Path, correct: bool
) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "file.eml.xml"
    path.write_bytes(b"<EML/>")
    digest = hashlib.sha256(b"<EML/>").digest()
    groups = format_digest(digest).split(" ")
    first, second = hidden_groups(digest)
    typed = [groups[first].upper(), groups[second]] if correct else ["0000", groups[second]]
    result = osv_files("eml", "hash", str(path), "--check", input="\n".join(typed) + "\n")
    assert result.exit_code == (0 if correct else 2)
    assert groups[first] not in result.output.splitlines()[0].split(" ")[first]


def test_eml_validate_reports_each_file(osv_files, shared: Path, demo: Path) -> None:  # type: ignore[no-untyped-def]
    """The demo's files validate; the Kiesraad's 110b test file does not (NominationDate)."""
    xsd = str(shared / "eml-nl" / "xsd")
    good = osv_files(
        "eml", "validate", *_files(demo, "Verkiezingsdefinitie", "Telling"), "--xsd-dir", xsd
    )
    assert good.exit_code == 0, good.output
    assert good.output.count("valid    ") == 2
    bad_file = shared / "eml-nl" / "samples" / "abacus-tests" / "eml110b_test.eml.xml"
    bad = osv_files("eml", "validate", str(bad_file), "--xsd-dir", xsd)
    assert bad.exit_code == 2
    assert "NominationDate" in bad.output


def test_db_upgrade_and_status(osv) -> None:  # type: ignore[no-untyped-def]
    upgrade = osv("db", "upgrade")
    assert upgrade.exit_code == 0, upgrade.output
    status = osv("db", "status")
    lines = dict(line.split(":", 1) for line in status.output.strip().splitlines())
    assert lines["revision"].strip() == lines["needed"].strip()
    assert "osv:osv@" not in status.output  # the password is never printed


def test_the_console_script_is_installed() -> None:
    """``osv`` runs as a program and lists its commands."""
    result = subprocess.run(
        [str(Path(sys.executable).parent / "osv"), "--help"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0
    for command in ("import", "show", "eml", "db", "demo"):
        assert command in result.stdout
