"""Adding counts up the election tree and checking them: polling station → municipality (510b)
→ district (510c) → total (510d).

:mod:`results.tally.tally` adds counts up (a running sum, bounded in memory);
:mod:`results.tally.checks` checks every count against itself and every stated total against
the sum of its parts, with the stable codes of :mod:`results.tally.rules` (docs/consistency.md).
"""

from __future__ import annotations

from results.tally.checks import (
    check_contest,
    check_counts,
    check_sum,
    duplicate_unit,
    votes_cast,
)
from results.tally.findings import Finding, Severity
from results.tally.rules import RULES, Rule, rule
from results.tally.tally import Tally, same_structure, structure_of, sum_counts

__all__ = [
    "RULES",
    "Finding",
    "Rule",
    "Severity",
    "Tally",
    "check_contest",
    "check_counts",
    "check_sum",
    "duplicate_unit",
    "rule",
    "same_structure",
    "structure_of",
    "sum_counts",
    "votes_cast",
]
