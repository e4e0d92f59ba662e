"""Findings: inconsistencies in counts, reported with a stable code, never corrected.

Counts arrive from committees below (polling stations in a municipality's 510b, municipalities in
a district's 510c, districts in the total 510d). At every level their parts are checked against
their totals and against themselves. Each inconsistency becomes a :class:`Finding`: which
reporting unit, which rule (a stable code, documented in docs/consistency.md), the numbers that
disagree, and one sentence. Findings are data, not exceptions (style.md, convention 6): the
numbers stay exactly as the committee reported them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from results.codes import CountCode, Severity, SumCode, finding_code

__all__ = ["Finding", "Severity"]


@dataclass(frozen=True)
class Finding:
    """One inconsistency in a count.

    :param code: the stable code of the rule (e.g. ``"F.202"``, ``"S.101"``).
    :param severity: ``error`` when the numbers cannot all be right, ``warning`` when they are
        unusual and need a look.
    :param unit: where: a reporting unit Id (``0668::SB1``, ``0668``, ``HSB3``), or ``total``
        for a file's TotalVotes; prefixed with the file's authority where that helps.
    :param message: one sentence for people.
    :param quantities: the numbers that disagree, by name (e.g. ``{"stated": 812,
        "sum of reporting units": 811}``).
    :param list_number: the list concerned, when the rule is about one list.
    :param candidate: the candidate's key (number or short code), when about one candidate.
    :param subject: what the numbers are of, where the code alone does not say: the reason code
        of the F or G votes (S.103) or of the uncounted votes (S.104) as written in EML, or the
        list numbers or candidate keys that differ (S.201), comma-separated.
    """

    code: CountCode | SumCode
    severity: Severity
    unit: str
    message: str
    quantities: Mapping[str, int] = field(default_factory=dict)
    list_number: int | None = None
    candidate: str | None = None
    subject: str | None = None

    def __post_init__(self) -> None:
        # A code given as its string ("F.201", as stored or in JSON) becomes its member.
        object.__setattr__(self, "code", finding_code(self.code))
