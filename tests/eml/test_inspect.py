"""The JSON contract of ``eml.inspect`` on real files, and the text summary."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from pathlib import Path

import pytest
from lxml import etree

from eml import ns
from eml.hash import format_digest
from eml.inspect import inspect, summary_text
from eml.read import read_eml
from tests.eml.count_files import count_file, unit, vote_group
from tests.eml.sample_files import valid_files

AMELAND = "data/GR2022/Telling_GR2022_Ameland.eml.xml"
TK2025 = "data/TK2025/Telling_TK2025_gemeente_West_Maas_en_Waal.eml.xml"
REAL_COUNTS = [path for path in valid_files("510b") if path.startswith("data/")]


def _inspect(path: Path) -> dict[str, object]:
    summary = inspect(read_eml(path))
    json.dumps(summary)  # the contract is JSON
    return summary


def _dict(value: object) -> dict[str, object]:
    assert isinstance(value, dict)
    return value


def test_ameland_totals(shared: Path) -> None:
    """eml-nl.md §6.4: Cast = 3054 (eligible voters), TotalCounted = 2159, D = 2175."""
    summary = _inspect(shared / AMELAND)
    assert summary["type"] == "510b"
    assert summary["election"] == "GR2022_Ameland"
    assert summary["reporting_units"] == 6
    totals = _dict(summary["totals"])
    assert totals["cast"] == 3054
    assert totals["counted"] == 2159
    assert totals["rejected"] == {"ongeldig": 3, "blanco": 13}
    assert _dict(totals["uncounted"])["toegelaten kiezers"] == 2175
    first = _dict(_dict(totals["lists"])["1"])
    assert first["votes"] == 787
    assert _dict(first["candidates"])["1"] == 359


def test_tk2025_count(shared: Path) -> None:
    summary = _inspect(shared / TK2025)
    assert (summary["type"], summary["election"]) == ("510b", "TK2025")
    assert summary["contest"] == {"id": "6", "name": "Nijmegen"}
    assert summary["reporting_units"] == 11
    totals = _dict(summary["totals"])
    assert (totals["cast"], totals["counted"]) == (16290, 13627)
    assert _dict(totals["uncounted"])["geldige kiezerspassen"] == 40


def _file_totals(path: Path) -> dict[str, object]:
    """TotalVotes read straight from the XML with lxml, independent of OSV's reader."""
    tree = etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True))
    (total,) = tree.iter(ns.eml("TotalVotes"))
    lists: dict[str, dict[str, object]] = {}
    candidates: dict[str, int] = {}
    for selection in total.iterchildren(ns.eml("Selection")):
        votes = int(selection.findtext(ns.eml("ValidVotes")) or "")
        affiliation = selection.find(ns.eml("AffiliationIdentifier"))
        if affiliation is not None:
            candidates = {}
            lists[affiliation.get("Id") or ""] = {
                "name": affiliation.findtext(ns.eml("RegisteredName")),
                "votes": votes,
                "candidates": candidates,
            }
        else:
            identifier = selection.find(f"{ns.eml('Candidate')}/{ns.eml('CandidateIdentifier')}")
            assert identifier is not None
            candidates[identifier.get("Id") or ""] = votes

    def by_reason(tag: str) -> dict[str, int]:
        return {e.get("ReasonCode") or "": int(e.text or "") for e in total.iterchildren(tag)}

    return {
        "cast": int(total.findtext(ns.eml("Cast")) or ""),
        "counted": int(total.findtext(ns.eml("TotalCounted")) or ""),
        "rejected": by_reason(ns.eml("RejectedVotes")),
        "uncounted": by_reason(ns.eml("UncountedVotes")),
        "lists": lists,
    }


@pytest.mark.parametrize("relative", REAL_COUNTS)
def test_totals_are_the_files_total_votes(shared: Path, relative: str) -> None:
    assert _inspect(shared / relative)["totals"] == _file_totals(shared / relative)


def test_the_hash_is_printed_in_groups(shared: Path) -> None:
    path = shared / AMELAND
    summary = _inspect(path)
    assert summary["sha256"] == format_digest(hashlib.sha256(path.read_bytes()).digest())
    assert summary["bytes"] == path.stat().st_size


def test_several_contests_give_per_contest_totals() -> None:
    contests = "".join(
        f'<Contest><ContestIdentifier Id="{number}"/><TotalVotes>{vote_group()}</TotalVotes>'
        f"{unit()}{unit('0668::SB2')}</Contest>"
        for number in (1, 2)
    )
    summary = inspect(read_eml(count_file(contests=contests)))
    assert "totals" not in summary
    assert summary["reporting_units"] == 4
    per_contest = _dict(summary["contests"])
    assert sorted(per_contest) == ["1", "2"]
    assert _dict(per_contest["1"])["reporting_units"] == 2
    assert _dict(_dict(per_contest["2"])["totals"])["cast"] == 100


def test_contest_without_total_uses_its_single_unit() -> None:
    summary = inspect(read_eml(count_file(total=None)))
    totals = _dict(summary["totals"])
    assert totals["counted"] == 90
    assert _dict(_dict(totals["lists"])["2"])["candidates"] == {"1": 20, "2": 10, "3": 10, "4": 10}


def test_short_codes_are_candidate_keys() -> None:
    body = (
        '<Selection><AffiliationIdentifier Id="1"><RegisteredName>X</RegisteredName>'
        "</AffiliationIdentifier><ValidVotes>9</ValidVotes></Selection>"
        "<Selection><Candidate><CandidateIdentifier><ShortCode>BakkerA</ShortCode>"
        "</CandidateIdentifier></Candidate><ValidVotes>9</ValidVotes></Selection>"
    )
    summary = inspect(read_eml(count_file(total=vote_group(body))))
    lists = _dict(_dict(summary["totals"])["lists"])
    assert _dict(lists["1"])["candidates"] == {"BakkerA": 9}


# -- the other message types ------------------------------------------------------------------


def test_candidate_lists(shared: Path) -> None:
    path = "data/GR2022_WestMaasenWaal/Kandidatenlijsten_GR2022_WestMaasenWaal.eml.xml"
    summary = _inspect(shared / path)
    assert (summary["type"], summary["election"]) == ("230b", "GR2022_WestMaasenWaal")
    lists = _dict(summary["lists"])
    assert len(lists) == 8
    first = _dict(lists["1"])
    assert first["name"] == "FD Partij Beneden-Leeuwen"
    candidates = first["candidates"]
    assert isinstance(candidates, list)
    assert candidates[0] == {"number": 1, "last_name": "Reuvers"}


def test_tk_candidate_lists_of_one_district(shared: Path) -> None:
    summary = _inspect(shared / "data/TK2025/Kandidatenlijsten_TK2025_Nijmegen.eml.xml")
    assert summary["type"] == "230b"
    assert len(_dict(summary["lists"])) == 24


def test_result(shared: Path) -> None:
    """eml-nl.md §6.6: Ameland elected 11, ranking 1 three times and 2 eight times."""
    summary = _inspect(shared / "data/GR2022/Resultaat_GR2022_Ameland.eml.xml")
    assert (summary["type"], summary["election"]) == ("520", "GR2022_Ameland")
    elected = _dict(summary["elected"])
    people = [person for per_list in elected.values() for person in _list(per_list)]
    assert len(people) == 11
    assert Counter(person["ranking"] for person in people) == {1: 3, 2: 8}
    assert _list(elected["1"])[0] == {"key": "1", "ranking": 1, "last_name": "Faber"}


def _list(value: object) -> list[dict[str, object]]:
    assert isinstance(value, list)
    return value


def test_election_definition(shared: Path) -> None:
    path = "eml-nl/samples/kiesraad-tests/election_definition/eml110a_test.eml.xml"
    summary = _inspect(shared / path)
    assert summary["type"] == "110a"
    assert summary["election"] == "GR2022_Test"
    assert (summary["seats"], summary["preference_threshold"]) == (45, 25)
    assert (summary["category"], summary["subcategory"]) == ("GR", "GR2")


def test_polling_stations(shared: Path) -> None:
    path = "eml-nl/samples/kiesraad-tests/polling_stations/eml110b_1_station.eml.xml"
    summary = _inspect(shared / path)
    assert summary["type"] == "110b"
    assert summary["polling_stations"] == 1


# -- text -----------------------------------------------------------------------------------


def test_summary_text_of_a_count(shared: Path) -> None:
    path = shared / AMELAND
    text = summary_text(read_eml(path))
    assert text.startswith("EML 510b: count of a municipality (Telling)\n")
    assert "GR2022_Ameland" in text
    assert "Authority: 0060 Ameland" in text
    assert "cast 3,054; valid votes 2,159; blank 13; invalid 3" in text
    assert "list 1 AmelandEén: 787" in text
    assert format_digest(hashlib.sha256(path.read_bytes()).digest()) in text


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("data/GR2022/Resultaat_GR2022_Ameland.eml.xml", "4 seat(s): Faber, Metz"),
        ("data/TK2025/Kandidatenlijsten_TK2025_Haarlem.eml.xml", "Contest 10: 23 lists"),
        ("eml-nl/samples/kiesraad-tests/election_definition/eml110a_test.eml.xml", "Seats: 45"),
    ],
)
def test_summary_text_of_other_types(shared: Path, path: str, expected: str) -> None:
    assert expected in summary_text(read_eml(shared / path))
