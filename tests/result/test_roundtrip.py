"""What the CSB publishes, ``osv verify`` verifies: including the 510d and a drawn lot."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from eml import SchemaSet
from osv.service.result.csb import run_csb
from osv.service.result.verify import verify
from results.allocation.types import LotKind, LotOutcome
from tests.result.builders import ELECTION_ID, TIE, write_election
from tests.result.conftest import Run

_CREATED = dt.datetime(2022, 3, 18, 12, 0)


def _publish(source: Path, out: Path, target: Path) -> Path:
    """The CSB's input and its EML output together, as they would be published."""
    target.mkdir()
    for path in [*source.glob("*.eml.xml"), *out.glob("*.eml.xml")]:
        shutil.copyfile(path, target / path.name)
    return target


def test_the_csb_output_of_west_maas_en_waal_verifies_with_its_510d(
    west_maas_en_waal: Path, tmp_path: Path, schemas: SchemaSet
) -> None:
    (west_maas_en_waal / "Resultaat_GR2022_WestMaasenWaal.eml.xml").unlink()
    out = tmp_path / "out"
    run_csb(west_maas_en_waal, out, seats=17, schemas=schemas, created=_CREATED)
    published = _publish(west_maas_en_waal, out, tmp_path / "published")
    verification = verify(published, seats=17, schemas=schemas)
    assert verification.verdict == "verified"
    votes = verification.checks[0]
    sources = {item.source for item in votes.items}
    assert any("Totaaltelling_GR2022_WestMaasenWaal.eml.xml" in s for s in sources)
    assert {f.message_type for f in verification.files} == {"230b", "510b", "510d", "520"}


def test_a_result_decided_by_lot_verifies_and_names_the_lot_outcome(
    tmp_path: Path, osv: Run
) -> None:
    """Issue 14 (7): a published result that needed a lot is one of the lawful outcomes; verify
    recomputes them all, says which one the 520 equals, and exits 0. With a --lot outcome given
    it checks that one only: the other outcome differs (exit 1)."""
    folder = write_election(tmp_path / "in", TIE)
    out = tmp_path / "out"
    run_csb(folder, out, seats=3, lots=[LotOutcome(LotKind.RESIDUAL_LR, 2)], created=_CREATED)
    published = _publish(folder, out, tmp_path / "published")
    without = osv("verify", published, "--seats", "3")
    assert without.exit_code == 0, without.output
    assert (
        "of its 2 lawful outcomes the published result equals the one with lot outcome: "
        "list 2 (residual_LR)" in " ".join(without.stdout.split())
    )
    assert f"VERIFIED: {ELECTION_ID}" in without.stdout
    assert "with lot outcome list 2 (residual_LR) (one of 2 lawful outcomes" in without.stdout
    wrong = osv("verify", published, "--seats", "3", "--lot", "residual_LR:1")
    assert wrong.exit_code == 1
    right = osv("verify", published, "--seats", "3", "--lot", "residual_LR:2")
    assert right.exit_code == 0, right.output
    assert f"VERIFIED: {ELECTION_ID}" in right.stdout
    assert "lawful outcomes" not in right.stdout


def test_a_result_equal_to_no_lawful_lot_outcome_is_not_verified(tmp_path: Path, osv: Run) -> None:
    """A 520 that gives the tied residual seat to list 3 (not one of the tied lists 1 and 2)
    equals none of the lawful outcomes: exit 1."""
    folder = write_election(tmp_path / "in", TIE)
    out = tmp_path / "out"
    run_csb(folder, out, seats=3, lots=[LotOutcome(LotKind.RESIDUAL_LR, 2)], created=_CREATED)
    published = _publish(folder, out, tmp_path / "published")
    path = published / f"Resultaat_{ELECTION_ID}.eml.xml"
    text = path.read_text(encoding="utf-8")
    assert '<AffiliationIdentifier Id="2">' in text
    path.write_text(
        text.replace('<AffiliationIdentifier Id="2">', '<AffiliationIdentifier Id="3">'),
        encoding="utf-8",
    )
    checked = osv("verify", published, "--seats", "3")
    assert checked.exit_code == 1, checked.output
    assert "none of its 2 lawful outcomes equals the published result" in " ".join(
        checked.stdout.split()
    )
    assert "NOT VERIFIED" in checked.stdout
