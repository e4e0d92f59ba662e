"""Double data entry: the states of one source, typed twice by two typists, and comparing them.

:mod:`results.entry.states` is the state machine (counts-and-checks.md §4.1): immutable states,
actions as methods, a named :class:`EntryTransitionError` for what is not possible;
:mod:`results.entry.compare` compares two entries field by field and clears fields for a
correction. Storage, authorisation and the audit log are the service's (``osv.service.entry``).
"""

from __future__ import annotations

from results.entry.compare import clear_fields, differing_fields, fields_of
from results.entry.states import (
    Definitive,
    Empty,
    EntriesDifferent,
    EntryState,
    EntryTransitionError,
    FirstEntryCorrection,
    FirstEntryFinalised,
    FirstEntryHasErrors,
    FirstEntryInProgress,
    SecondEntryCorrection,
    SecondEntryInProgress,
    state_name,
)

__all__ = [
    "Definitive",
    "Empty",
    "EntriesDifferent",
    "EntryState",
    "EntryTransitionError",
    "FirstEntryCorrection",
    "FirstEntryFinalised",
    "FirstEntryHasErrors",
    "FirstEntryInProgress",
    "SecondEntryCorrection",
    "SecondEntryInProgress",
    "clear_fields",
    "differing_fields",
    "fields_of",
    "state_name",
]
