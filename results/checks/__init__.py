"""The consistency checks of data entry: the rules of the paper forms, with the Kiesraad's codes.

A typist enters a paper form (:class:`osv.model.entry.CountEntry`). First
:func:`validate_entry` refuses what cannot be an entry of this election and form (hard limits,
:class:`EntryInputError`); then :func:`check_entry` evaluates every consistency rule of the form
and returns :class:`EntryFindings`: errors (F-codes) that keep the entry from becoming definitive
and warnings (W-codes) that need a look. The rules, their codes, where they apply and their
Dutch texts for typist and coordinator are in :data:`CHECK_RULES` (docs/checks.md).
"""

from __future__ import annotations

from results.checks.codes import CHECK_RULES, CheckRule, models_of
from results.checks.findings import EntryFinding, EntryFindings
from results.checks.rules import check_entry
from results.checks.validate import EntryInputError, EntryShape, validate_entry

__all__ = [
    "CHECK_RULES",
    "CheckRule",
    "EntryFinding",
    "EntryFindings",
    "EntryInputError",
    "EntryShape",
    "check_entry",
    "models_of",
    "validate_entry",
]
