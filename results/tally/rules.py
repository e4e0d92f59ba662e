"""The consistency rules applied to counts read from EML, each with its stable code.

The codes F.xxx and W.xxx are the Kiesraad's (as Abacus uses them, and as in the shared
counts-and-checks.md, section 5); they keep their meaning here so that a finding in OSV reads
the same as in the Kiesraad's instructions. A count read from EML carries fewer boxes than the
paper form (no tick boxes, no separate candidate-page total, H not stated), so only the rules
that can be evaluated on EML numbers apply; section 5 of docs/consistency.md says which and why.

The codes S.xxx are OSV's own: they compare a stated total with the sum of its parts (a
municipality's total with its polling stations, a district's with its municipalities, the
election's with its districts) and check that the parts fit together. Nothing in the paper
process has them because on paper the committee adds up itself; a file received from elsewhere
needs them.

Every code here is documented in docs/consistency.md (a test keeps the two equal); codes are
never reused for another meaning.
"""

from __future__ import annotations

from dataclasses import dataclass

from results.tally.findings import Severity

__all__ = ["RULES", "Rule", "rule"]


@dataclass(frozen=True)
class Rule:
    """One consistency rule.

    :param code: the stable code (``F.201``, ``S.105``, ...).
    :param severity: ``error`` when the numbers cannot all be right; ``warning`` when they are
        possible but need a look.
    :param condition: when the rule fires, in the letters of the paper models (A–J, Z).
    :param level: where it is evaluated: ``unit`` (every polling station, municipality or
        district on its own, and every stated total), ``total`` (stated totals only), ``sum``
        (a stated total against the sum of its parts).
    """

    code: str
    severity: Severity
    condition: str
    level: str


RULES: dict[str, Rule] = {
    rule.code: rule
    for rule in (
        Rule("F.201", "error", "A + B + C ≠ D (admitted voters)", "unit"),
        Rule("F.202", "error", "E.1 + … + E.n ≠ E (votes on lists and on candidates)", "unit"),
        Rule("F.204", "error", "E.1 + … + E.n > 0 and E = 0 (suppresses F.202)", "unit"),
        Rule("F.312", "error", "D ≠ H − I + J, with H = E + F + G", "unit"),
        Rule("F.402", "error", "a list's E.x ≠ the sum of its candidates' votes", "unit"),
        Rule("W.204", "warning", "H = 0 (no votes at all)", "unit"),
        Rule("W.205", "warning", "Z = 0 (no eligible voters stated)", "total"),
        Rule("W.206", "warning", "Z < A (fewer eligible voters than poll cards)", "total"),
        Rule("S.101", "warning", "Z ≠ the sum of the parts' Z, where the parts state Z", "sum"),
        Rule("S.102", "error", "E ≠ the sum of the parts' E", "sum"),
        Rule("S.103", "error", "F or G ≠ the sum of the parts' F or G", "sum"),
        Rule("S.104", "error", "A, B, C, D, I, J or an explanation ≠ the parts' sum", "sum"),
        Rule("S.105", "error", "a list's E.x ≠ the sum of the parts' E.x", "sum"),
        Rule("S.106", "error", "a candidate's votes ≠ the sum of the parts' votes", "sum"),
        Rule("S.201", "error", "the total and its parts have different lists or candidates", "sum"),
        Rule("S.202", "error", "two parts with the same reporting-unit Id", "sum"),
    )
}


def rule(code: str) -> Rule:
    """The rule with ``code``.

    :raises KeyError: for an unknown code.
    """
    return RULES[code]
