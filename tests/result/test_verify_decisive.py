"""``osv verify`` is robust on every real file and decides what a drawing of lots left open.

Issue 14, defects (6) and (7), on small elections of the fictitious Testdorp that have the shape
of the real cases: GR2022 Deventer published a list without a name (verify crashed on it with a
``KeyError``), and in GR2022 Hulst two candidates of list 3 tied at 167 preference votes for the
list's last seat (P 15(1)), so verify could only say "give it with --lot".
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from eml import write_eml
from osv.service.result.csb import run_csb
from results.allocation.types import LotKind, LotOutcome
from tests.result.builders import ELECTION_ID, count_document, lists_document, write_election
from tests.result.conftest import Run

_CREATED = dt.datetime(2022, 3, 18, 10, 0)

#: 9 seats, quota 2,900 / 9 = 322 2/9, threshold 50 % (a council below 19 seats): 161 1/9.
#: List 3 gets 2 seats; candidate 1 (400) and then candidates 2 and 3 (167 each) pass the
#: threshold, so its second seat is decided by lot between 2 and 3 (P 15(1)).
HULST_LIKE = {1: [1150, 0, 0, 0], 2: [700, 100, 0], 3: [400, 167, 167, 0], 4: [216]}


def _published(folder: Path, out: Path, *, with_lists: bool) -> Path:
    """The files as published: the 510b, the 520 and (optionally) the 230b."""
    published = folder.parent / "published"
    published.mkdir()
    for path in folder.iterdir():
        if with_lists or not path.name.startswith("Kandidatenlijsten_"):
            (published / path.name).write_bytes(path.read_bytes())
    name = f"Resultaat_{ELECTION_ID}.eml.xml"
    (published / name).write_bytes((out / name).read_bytes())
    return published


def test_a_list_without_a_name_and_without_seats_is_verified(tmp_path: Path, osv: Run) -> None:
    """(6) A list published without a name (a blanco lijst) and without seats has no place in
    the 520; verify reports it as a list without a name instead of crashing."""
    votes = {1: [600, 100, 0, 0, 0, 0], 2: [500, 80, 0, 0, 0, 0], 3: [20]}
    folder = tmp_path / "in"
    folder.mkdir()
    count = count_document(votes)
    lists = lists_document(votes)

    def unnamed(document, key):  # type: ignore[no-untyped-def]
        return document.model_copy(
            update={
                key: tuple(
                    contest.model_copy(
                        update={
                            attribute: tuple(
                                lst.model_copy(update={"name": ""}) if lst.number == 3 else lst
                                for lst in getattr(contest, attribute)
                            )
                        }
                    )
                    for contest in getattr(document, key)
                    for attribute in ["lists"]
                )
            }
        )

    lists = unnamed(lists, "contests")
    total = count.contests[0].total
    assert total is not None
    count = count.model_copy(
        update={
            "contests": (
                count.contests[0].model_copy(
                    update={
                        "total": total.model_copy(
                            update={
                                "lists": tuple(
                                    lst.model_copy(update={"name": ""}) if lst.number == 3 else lst
                                    for lst in total.lists
                                )
                            }
                        )
                    }
                ),
            )
        }
    )
    (folder / f"Telling_{ELECTION_ID}.eml.xml").write_bytes(write_eml(count))
    (folder / f"Kandidatenlijsten_{ELECTION_ID}.eml.xml").write_bytes(write_eml(lists))
    out = tmp_path / "out"
    run_csb(folder, out, seats=9, created=_CREATED)
    published = _published(folder, out, with_lists=False)
    checked = osv("verify", published, "--seats", "9", "--json")
    assert checked.exit_code == 0, checked.output
    report = json.loads(checked.stdout)
    assert report["verdict"] == "verified"
    seats = next(c for c in report["checks"] if c["check"] == "seats")
    assert {
        key: value
        for key, value in next(i for i in seats["items"] if i["list"] == 3).items()
        if key in ("subject", "published", "recomputed")
    } == {"subject": "seats of list 3", "published": 0, "recomputed": 0}


def test_a_tie_for_the_last_seat_of_a_list_is_decided_from_the_names(
    tmp_path: Path, osv: Run
) -> None:
    """(7) With the 230b, the 520's names say which of the two tied candidates was drawn:
    verify recomputes both lawful outcomes and names the one the published result equals."""
    folder = write_election(tmp_path / "in", HULST_LIKE)
    out = tmp_path / "out"
    drawn = LotOutcome(LotKind.CANDIDATE_PREFERENCE, 3, 3)
    run_csb(folder, out, seats=9, lots=[drawn], created=_CREATED)
    published = _published(folder, out, with_lists=True)
    checked = osv("verify", published, "--seats", "9")
    assert checked.exit_code == 0, checked.output
    text = " ".join(checked.stdout.split())
    assert (
        "of its 2 lawful outcomes the published result equals the one with lot outcome: "
        "candidate 3 of list 3 (candidate_preference) — confirm this outcome from the CSB's "
        "process-verbaal (P 22)" in text
    )
    assert f"VERIFIED: {ELECTION_ID}" in checked.stdout
    as_json = json.loads(osv("verify", published, "--seats", "9", "--json").stdout)
    assert as_json["lot_alternatives"] == [
        {"lots": ["candidate_preference:2:3"], "matches": False, "differences": 1},
        {"lots": ["candidate_preference:3:3"], "matches": True, "differences": 0},
    ]


def test_without_the_230b_a_tie_between_candidates_cannot_be_told_apart(
    tmp_path: Path, osv: Run
) -> None:
    """(7) Without the 230b the 520's names cannot be matched to candidate numbers: both lawful
    outcomes give the same order and ranking flags. Verified, saying that the folder cannot
    tell them apart and that the 230b would."""
    folder = write_election(tmp_path / "in", HULST_LIKE)
    out = tmp_path / "out"
    run_csb(
        folder,
        out,
        seats=9,
        lots=[LotOutcome(LotKind.CANDIDATE_PREFERENCE, 2, 3)],
        created=_CREATED,
    )
    published = _published(folder, out, with_lists=False)
    checked = osv("verify", published, "--seats", "9")
    assert checked.exit_code == 0, checked.output
    text = " ".join(checked.stdout.split())
    assert (
        "the published result equals 2 of its 2 lawful outcomes, which this folder cannot tell "
        "apart; the candidate lists (230b), which match the 520's names to candidate numbers, "
        "would decide which" in text
    )
    assert "VERIFIED" in checked.stdout
