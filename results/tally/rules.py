"""The consistency rules applied to counts read from EML, each with its stable code.

The codes and what they mean (severity, article, Dutch title) are the registry's
(:mod:`results.codes`); a rule here says when a code applies to a count read from EML.

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

from results.codes import CountCode, Severity, SumCode

__all__ = ["RULES", "Rule", "rule"]

_F, _S = CountCode, SumCode


@dataclass(frozen=True, kw_only=True)
class Rule:
    """One consistency rule of counts read from EML.

    :param code: the registered code (``F.201``, ``S.105``, ...); it gives the severity, the
        article and the Dutch title and explanation.
    :param condition: when the rule fires, in the letters of the paper models (A–J, Z).
    :param level: where it is evaluated: ``unit`` (every polling station, municipality or
        district on its own, and every stated total), ``total`` (stated totals only), ``sum``
        (a stated total against the sum of its parts).
    """

    code: CountCode | SumCode
    condition: str
    level: str

    @property
    def severity(self) -> Severity:
        """``error`` when the numbers cannot all be right; ``warning`` when they are possible
        but need a look."""
        return self.code.severity


#: The rules evaluated on counts read from EML, by code, in code order.
RULES: dict[str, Rule] = {
    rule.code: rule
    for rule in (
        Rule(code=_F.F201, condition="A + B + C ≠ D (admitted voters)", level="unit"),
        Rule(
            code=_F.F202,
            condition="E.1 + … + E.n ≠ E (votes on lists and on candidates)",
            level="unit",
        ),
        Rule(
            code=_F.F204, condition="E.1 + … + E.n > 0 and E = 0 (suppresses F.202)", level="unit"
        ),
        Rule(code=_F.F312, condition="D ≠ H − I + J, with H = E + F + G", level="unit"),
        Rule(
            code=_F.F402, condition="a list's E.x ≠ the sum of its candidates' votes", level="unit"
        ),
        Rule(code=_F.W204, condition="H = 0 (no votes at all)", level="unit"),
        Rule(code=_F.W205, condition="Z = 0 (no eligible voters stated)", level="total"),
        Rule(
            code=_F.W206, condition="Z < A (fewer eligible voters than poll cards)", level="total"
        ),
        Rule(
            code=_S.S101,
            condition="Z ≠ the sum of the parts' Z, where the parts state Z",
            level="sum",
        ),
        Rule(code=_S.S102, condition="E ≠ the sum of the parts' E", level="sum"),
        Rule(code=_S.S103, condition="F or G ≠ the sum of the parts' F or G", level="sum"),
        Rule(
            code=_S.S104,
            condition="A, B, C, D, I, J or an explanation ≠ the parts' sum",
            level="sum",
        ),
        Rule(code=_S.S105, condition="a list's E.x ≠ the sum of the parts' E.x", level="sum"),
        Rule(
            code=_S.S106,
            condition="a candidate's votes ≠ the sum of the parts' votes",
            level="sum",
        ),
        Rule(
            code=_S.S201,
            condition="the total and its parts have different lists or candidates",
            level="sum",
        ),
        Rule(code=_S.S202, condition="two parts with the same reporting-unit Id", level="sum"),
    )
}


def rule(code: str) -> Rule:
    """The rule with ``code``.

    :raises KeyError: for an unknown code.
    """
    return RULES[code]
