"""The rules in code and the rules in docs/consistency.md are the same, code for code."""

from __future__ import annotations

import re
from pathlib import Path

from results.tally import RULES, rule

_DOC = Path(__file__).resolve().parents[2] / "docs" / "consistency.md"


def _documented() -> dict[str, str]:
    rows = re.findall(r"^\| ([FWS]\.\d{3}) \| (error|warning) \|", _DOC.read_text(), re.MULTILINE)
    return dict(rows)


def test_every_rule_is_documented_with_its_severity() -> None:
    assert _documented() == {code: r.severity for code, r in RULES.items()}


def test_codes_are_looked_up_by_code() -> None:
    assert rule("F.312").level == "unit"
    assert rule("S.101").severity == "warning"
    assert all(r.code == code for code, r in RULES.items())
