"""The examination of the submitted lists (Kieswet art. I 1 to I 8), as findings.

:func:`check_lists` takes every list handed in for one election, the register of party names
and the figures of the election (:class:`~candidacy.rules.ElectionRules`) and returns the
findings, sorted; :func:`check_registration` examines a request to register a party name
(chapter G). It decides nothing: the central polling station records its decisions
(:mod:`candidacy.decisions`) after the repair period. The parts:
:mod:`~candidacy.checks.lists` (each list), :mod:`~candidacy.checks.candidates` (each
candidate), :mod:`~candidacy.checks.names` (party names, chapter G),
:mod:`~candidacy.checks.common` (what they share). Articles link to
https://wetten.overheid.nl/BWBR0004627/2026-01-01 (Kieswet).
"""

from __future__ import annotations

from candidacy.checks.common import needs_support_and_deposit
from candidacy.checks.lists import check_lists
from candidacy.checks.names import check_registration

__all__ = ["check_lists", "check_registration", "needs_support_and_deposit"]
