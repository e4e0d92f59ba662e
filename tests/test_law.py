"""The law OSV cites (docs/law.md): every link to the Kieswet names the version in force, all the
same date; every ``[to verify]`` mark in the code is listed in docs/law.md, and nothing else is.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CODE = ("osv", "eml", "results", "candidacy", "ui")
SUFFIXES = {".py", ".toml", ".html", ".txt", ".md"}
LAW_DOC = ROOT / "docs" / "law.md"

KIESWET = re.compile(r"wetten\.overheid\.nl/BWBR0004627(?P<rest>[^\s)>\]`'\";,]*)")
DATED = re.compile(r"/(?P<date>\d{4}-\d{2}-\d{2})(?:/?#\S*)?")
MARK = "[to verify"
ROW = re.compile(r"^\| `(?P<file>[^`]+)` \| (?P<words>[^|]+?) \| [^|]+\|$")


def _files(*tops: str) -> list[Path]:
    found: list[Path] = []
    for top in tops:
        path = ROOT / top
        if path.is_file():
            found.append(path)
        else:
            found += [p for p in path.rglob("*") if p.suffix in SUFFIXES and p.is_file()]
    return sorted(found)


def test_every_link_to_the_kieswet_names_one_version() -> None:
    undated: list[str] = []
    dates: Counter[str] = Counter()
    for path in _files(*CODE, "docs", "README.md"):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for link in KIESWET.finditer(line):
                dated = DATED.fullmatch(link.group("rest").rstrip("."))
                if dated is None:
                    undated.append(f"{path.relative_to(ROOT)}:{number}: {link.group(0)}")
                else:
                    dates[dated.group("date")] += 1
    assert undated == []
    assert list(dates) == ["2026-01-01"], dates
    assert dates["2026-01-01"] >= 15  # the allocation's modules, candidacy, the docs


def _marks_in_code() -> list[tuple[str, str]]:
    return [
        (path.relative_to(ROOT).as_posix(), line)
        for path in _files(*CODE)
        for line in path.read_text(encoding="utf-8").splitlines()
        if MARK in line
    ]


def _listed() -> list[tuple[str, str]]:
    text = LAW_DOC.read_text(encoding="utf-8")
    section = text.split("## Marks to verify in the code", 1)[1]
    rows = [ROW.match(line) for line in section.splitlines() if line.startswith("| `")]
    assert all(rows), "a row of the table in docs/law.md is not `file` | words | needs |"
    return [(row.group("file"), row.group("words")) for row in rows if row]


def test_docs_list_every_mark_to_verify_in_the_code_once() -> None:
    marks, listed = _marks_in_code(), _listed()
    unlisted = [
        f"{file}: {line.strip()}"
        for file, line in marks
        if sum(1 for f, words in listed if f == file and words in line) != 1
    ]
    stale = [
        f"{file}: {words}"
        for file, words in listed
        if sum(1 for f, line in marks if f == file and words in line) != 1
    ]
    assert unlisted == [], "marks in the code without exactly one row in docs/law.md"
    assert stale == [], "rows in docs/law.md that find no mark (or several) in the code"
    assert len(marks) == len(listed) >= 12
