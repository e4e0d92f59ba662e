"""The registry of codes (results.codes, candidacy.codes) is the one definition of every code.

Each family is an enum whose members carry severity (or consequence), article, Dutch title and
explanation; the tables of docs/checks.md, docs/consistency.md and docs/candidacy.md list the
same codes with the same values, and the pages, the command line and the rules read them from
the registry, so a code can no longer have two titles (issue 19: F.201 had three).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from candidacy.codes import CODES, Code, Consequence
from osv.cli.checks_commands import _models
from results.checks import CHECK_RULES
from results.codes import COUNT_CODES, SUM_CODES, CountCode, SumCode, finding_code
from results.tally import RULES
from ui.texts.findings import finding_title

DOCS = Path(__file__).resolve().parents[2] / "docs"


def _rows(name: str, pattern: str) -> list[list[str]]:
    """The cells of the table rows of docs/``name`` whose first cell matches ``pattern``."""
    rows = []
    for line in (DOCS / name).read_text(encoding="utf-8").splitlines():
        inner = line.strip().strip("|")
        cells = [cell.strip() for cell in re.split(r"(?<=\s)\|(?=\s)", inner)]
        if line.startswith("| ") and re.fullmatch(pattern, cells[0]):
            rows.append(cells)
    return rows


def checks_table() -> list[list[str]]:
    """docs/checks.md's table of the rules of data entry, as the registry has it."""
    return [
        [
            rule.code,
            rule.severity,
            _models(rule.models),
            rule.rule,
            rule.code.article,
            rule.code.title_nl,
        ]
        for rule in CHECK_RULES.values()
    ]


def test_the_docs_table_of_data_entry_is_the_registry() -> None:
    """Every row of docs/checks.md's table (code, severity, forms, rule, article, Dutch title)
    is the registry's, in code order; on a difference the expected table is printed."""
    expected = checks_table()
    assert _rows("checks.md", r"[FW]\.\d{3}") == expected, "\n".join(
        f"| {' | '.join(row)} |" for row in expected
    )


def test_the_docs_tables_of_counts_read_from_eml_are_the_registry() -> None:
    """docs/consistency.md lists every rule of counts read from EML with its registry's
    severity and Dutch title."""
    documented = {
        cells[0]: (cells[1], cells[-1]) for cells in _rows("consistency.md", r"[FWS]\.\d{3}")
    }
    assert documented == {code: (r.severity, r.code.title_nl) for code, r in RULES.items()}


def test_the_docs_table_of_candidacy_is_the_registry() -> None:
    """docs/candidacy.md lists every candidacy code with the registry's articles (its notes
    and sub-letters aside) and consequence (and what follows when not repaired)."""
    rows = _rows("candidacy.md", r"K\d\d")
    assert [cells[0] for cells in rows] == [code.value for code in Code]
    for cells in rows:
        code = Code(cells[0])
        article = re.sub(r"\s*\*\*\[to verify[^]]*\]\*\*", "", cells[2])
        article = re.sub(r"\s*\([^)]*\)", "", article).replace("–", "-")
        assert article == code.article, code
        consequence = cells[3].replace("party name", "name").replace("each excess ", "")
        assert consequence.startswith(_words(code.consequence)), code
        follows = CODES[code].if_not_repaired
        if follows is not None:
            assert f"→ {_words(follows)}" in consequence, code


def _words(consequence: Consequence) -> str:
    return consequence.value.replace("_", " ")


@pytest.mark.parametrize("family", [CountCode, SumCode, Code])
def test_every_member_has_its_texts(family: type[CountCode | SumCode | Code]) -> None:
    for code in family:
        assert code.title_nl.strip()
        assert code.explanation_nl.strip()
        assert code.article.strip()


def test_one_code_has_one_title_everywhere() -> None:
    """F.201 is one member: data entry, the tally, the stage pages and the command line read
    the same title (before, the stage page had its own table with other words)."""
    assert CHECK_RULES["F.201"].title == RULES["F.201"].code.title_nl == finding_title("F.201")
    assert RULES["F.201"].code is CHECK_RULES["F.201"].code is CountCode.F201
    assert finding_title("S.202") == SumCode.S202.title_nl
    assert finding_title("X.999") == ""
    assert set(COUNT_CODES) == set(CountCode)
    assert set(SUM_CODES) == set(SumCode)


def test_the_rules_use_the_registrys_severity() -> None:
    for code, rule in CHECK_RULES.items():
        assert rule.severity == COUNT_CODES[CountCode(code)].severity
    for code, tally_rule in RULES.items():
        assert tally_rule.severity == finding_code(code).severity


def test_a_member_is_its_code_as_printed() -> None:
    """A member compares, hashes, formats and serialises as the code string, so JSON and the
    pages are unchanged."""
    import json

    code: str = CountCode.F201
    assert code == "F.201"
    assert {"F.201": 1}[CountCode.F201] == 1
    assert f"{SumCode.S105}" == str(SumCode.S105) == "S.105"
    assert json.dumps([CountCode.W001]) == '["W.001"]'
    with pytest.raises(ValueError, match="not a code of counts"):
        finding_code("K01")


def test_a_finding_given_its_code_as_text_holds_the_member() -> None:
    """A finding made from a stored or JSON code ("F.201") holds the registry's member, so its
    severity and title are the registry's; an unknown code is refused."""
    from results.checks import EntryFinding
    from results.tally import Finding

    entry = EntryFinding("W.201", ("votes.blank_votes_count",))
    assert entry.code is CountCode.W201
    assert entry.severity == "warning"
    tally = Finding(code="S.105", severity="error", unit="0668", message="…")
    assert tally.code is SumCode.S105
    with pytest.raises(ValueError, match=r"F\.999"):
        EntryFinding("F.999", ())
