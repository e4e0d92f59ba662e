"""Double data entry as use cases: sessions, typing, the coordinator's decisions, finishing.

Every function opens one unit of work, reads the source, applies one transition of
:mod:`results.entry.states` (which checks who may do what), stores the new state with an
optimistic version check (:class:`~osv.store.EntryConflictError` when someone else saved first),
appends an audit event, and commits: an action is stored completely or not at all. An entry is
validated against its election and form first (hard limits, :func:`results.checks.validate_entry`);
an invalid entry is refused with :class:`EntryInputError` and nothing is stored.

Roles: typists claim, save, discard and finalise their own entries; coordinators decide, explain
warnings, request investigations and finish sessions. The role comes with the :class:`Actor`
from the caller (the web UI's login, or the command line); the state machine checks the rest.

Sessions (counts-and-checks.md §1): the first session of a municipality has one source per
polling station (form CSOFirstSession or DSOFirstSession); a later session has one source per
polling station whose investigation the central polling station requested (CSONextSession or
DSONextSession). A session can be finished when every source is definitive (or, in a later
session, its investigation concluded without new results) and every warning of every definitive
entry has the coordinator's explanation or "handled" mark.

The write side (each function one transaction) and, apart from it, the read side:

* :mod:`osv.service.entry.session`      start, conclude and finish sessions; what is unfinished
* :mod:`osv.service.entry.typist`       claim, save, discard, finalise, view (the typist's actions)
* :mod:`osv.service.entry.coordinator`  decide, explain warnings, request investigations, overview
* :mod:`osv.service.entry.convert`      between a stored entry and the counts of the model
* :mod:`osv.service.entry.export`       a finished municipality's count as a 510b
* :mod:`osv.service.entry.documents`    the session's documents (report, annexes, count file)
* :mod:`osv.service.entry.common`       the actor, the refusal, the source view, shared lookups
* :mod:`osv.service.entry.read`         the read side: what the screens show (sessions,
  progress per state, the two entries side by side); changes nothing
"""

from __future__ import annotations

from osv.service.entry.common import Actor, EntryRefusedError, SourceView
from osv.service.entry.convert import counts_entry, entry_counts
from osv.service.entry.coordinator import (
    DECISIONS,
    SourceStatus,
    decide,
    note_warning,
    overview,
    request_investigation,
)
from osv.service.entry.documents import count_file_name, session_documents, station_annexes
from osv.service.entry.export import municipal_count
from osv.service.entry.session import (
    METHOD_NAMES,
    SessionTotals,
    UnfinishedSource,
    conclude_without_new_results,
    finish_session,
    start_session,
    unfinished,
)
from osv.service.entry.typist import claim, discard, finalise, save, view

__all__ = [
    "DECISIONS",
    "METHOD_NAMES",
    "Actor",
    "EntryRefusedError",
    "SessionTotals",
    "SourceStatus",
    "SourceView",
    "UnfinishedSource",
    "claim",
    "conclude_without_new_results",
    "count_file_name",
    "counts_entry",
    "decide",
    "discard",
    "entry_counts",
    "finalise",
    "finish_session",
    "municipal_count",
    "note_warning",
    "overview",
    "request_investigation",
    "save",
    "session_documents",
    "start_session",
    "station_annexes",
    "unfinished",
    "view",
]
