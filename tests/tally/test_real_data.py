"""The consistency checks on the Kiesraad's published counts: what they find, and nothing more.

Every published municipal count (510b) in ``../shared/data`` is read as ``osv result`` reads it.
Two GR2022 counts carry inconsistencies that the Kiesraad's software let through, and OSV
reports each of them with the numbers as published (they are not corrected):

* Zandvoort: polling station 7 has one more admitted voter than votes cast (F.312), polling
  station 12 has A + B = 924 against D = 923 (F.201); the municipality's total carries both;
* Zwolle: polling station 356 has one more admitted voter than votes cast (F.312), and the
  total's D = 57,464 against H − I + J = 57,458 − 3 + 8 = 57,463 (F.312).

Every other count is consistent, including TK2025 West Maas en Waal, whose polling stations state
no eligible voters (Cast 0) while the total does: not an S.101.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from eml.documents import MessageType
from osv.service.result.counts import read_count_file
from osv.service.result.files import find_election_files

_EXPECTED: dict[str, set[tuple[str, str, tuple[tuple[str, int], ...]]]] = {
    "Zandvoort": {
        ("F.312", "0473::SB7", (("D", 983), ("H", 982), ("I", 0), ("J", 0))),
        ("F.201", "0473::SB12", (("A", 831), ("B", 93), ("C", 0), ("D", 923))),
        ("F.201", "0473 (total)", (("A", 7001), ("B", 665), ("C", 0), ("D", 7665))),
        ("F.312", "0473 (total)", (("D", 7665), ("H", 7664), ("I", 0), ("J", 0))),
    },
    "Zwolle": {
        ("F.312", "0193::SB356", (("D", 883), ("H", 882), ("I", 0), ("J", 0))),
        ("F.312", "0193 (total)", (("D", 57464), ("H", 57458), ("I", 3), ("J", 8))),
    },
}

_CLEAN = ["Aalten", "Ameland", "Delft", "Schiermonnikoog", "Texel", "Vlieland"]


def _findings(folder: Path) -> set[tuple[str, str, tuple[tuple[str, int], ...]]]:
    files = find_election_files(folder)
    found = set()
    assert files.of(MessageType.COUNT_MUNICIPALITY), f"no 510b in {folder}"
    for count_file in files.of(MessageType.COUNT_MUNICIPALITY):
        for finding in read_count_file(count_file).findings:
            found.add((finding.code, finding.unit, tuple(finding.quantities.items())))
    return found


def _one(shared: Path, tmp_path: Path, name: str) -> Path:
    source = shared / "data" / "GR2022" / f"Telling_GR2022_{name}.eml.xml"
    folder = tmp_path / name
    folder.mkdir()
    (folder / source.name).symlink_to(source)
    return folder


@pytest.mark.parametrize("name", sorted(_EXPECTED))
def test_published_inconsistencies_are_found_exactly(
    shared: Path, tmp_path: Path, name: str
) -> None:
    assert _findings(_one(shared, tmp_path, name)) == _EXPECTED[name]


@pytest.mark.parametrize("name", _CLEAN)
def test_consistent_published_counts_have_no_findings(
    shared: Path, tmp_path: Path, name: str
) -> None:
    assert _findings(_one(shared, tmp_path, name)) == set()


@pytest.mark.parametrize("folder", ["GR2022_WestMaasenWaal", "TK2025"])
def test_other_published_counts_have_no_findings(shared: Path, folder: str) -> None:
    assert _findings(shared / "data" / folder) == set()
