"""The registry of codes of counts: every code a count check or a tally can report, defined once.

Two families, each an enum whose members are the codes as printed (``F.201``, ``S.105``) and
carry their severity, article, Dutch title and Dutch explanation (:class:`CodeInfo`):

* :class:`CountCode` (:mod:`results.codes.counts`): the Kiesraad's F.xxx and W.xxx codes of the
  consistency rules of counts. Data entry (:mod:`results.checks`) evaluates them on a typed paper
  form; the tally (:mod:`results.tally`) evaluates the ones EML can carry on counts read from a
  file. F.201 is one code with one meaning and one title in both.
* :class:`SumCode` (:mod:`results.codes.sums`): OSV's S.xxx codes of a total against its parts.

The third family, the findings of the examination of candidate lists (K01 to K28), is
:class:`candidacy.findings.Code`, built the same way. The web pages, the papers, ``osv checks
--list`` and docs/checks.md and docs/consistency.md read titles and severities from here
(tests keep the docs tables equal to the registry).
"""

from __future__ import annotations

from results.codes.base import CodeInfo, RegisteredCode, Severity
from results.codes.counts import COUNT_CODES, CountCode
from results.codes.sums import SUM_CODES, SumCode

__all__ = [
    "COUNT_CODES",
    "SUM_CODES",
    "CodeInfo",
    "CountCode",
    "RegisteredCode",
    "Severity",
    "SumCode",
    "finding_code",
]


def finding_code(code: str) -> CountCode | SumCode:
    """The registered code printed as ``code`` (``"F.201"`` → :attr:`CountCode.F201`).

    :raises ValueError: for a code no family has.
    """
    for family in (CountCode, SumCode):
        if code in family._value2member_map_:
            return family(code)
    raise ValueError(f"{code!r} is not a code of counts")
