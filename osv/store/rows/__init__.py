"""The tables, as typed SQLAlchemy row classes that never leave ``osv.store``.

The domain model (``osv.model``) stays plain pydantic; the repositories copy between these rows
and model objects. One election owns everything else:

::

    elections ─┬─ districts ── candidate_lists ── candidates
               ├─ polling_stations
               ├─ imported_files  (every EML file stored, with its SHA-256 and hash check)
               ├─ count_files ── count_contests ── count_units ── list_votes ── candidate_votes
               ├─ results ── result_contests ── result_lists ── result_candidates
               ├─ entry_sessions ── entry_sources ── warning_notes   (double data entry)
               └─ investigations   (requested by the CSB, concluded in a later session)
    audit_events  (append-only; names the election by its Id, so it outlives deletions)
    users ── web_sessions   (the web interface's accounts and their sign-ins)
    candidacy_submissions ── candidacy_outputs   (the CSB's candidacy pages: uploads, publication)

Counts are integers (never floats) and are checked to be non-negative by the database as a
second line of defence behind the model. Enumerations are stored as their EML text in plain
string columns (no database enum types), so migrations stay simple on SQLite and PostgreSQL.
Constraint names come from :data:`NAMING_CONVENTION`, so migrations can refer to them by name.

The classes live by part: :mod:`~osv.store.rows.elections` (the election, its lists and polling
stations, imported files), :mod:`~osv.store.rows.counts` (510 counts and 520 results),
:mod:`~osv.store.rows.entry` (audit log, double data entry), :mod:`~osv.store.rows.web`
(accounts, stage files and choices, candidacy submissions); :mod:`~osv.store.rows.base` has the
declarative base and the columns tables share (a candidate's identity, an EML header).

Changing a class here needs a new migration in ``osv/store/migrations/versions``; the test
``test_the_migrations_match_the_row_classes`` fails until there is one.
"""

from __future__ import annotations

from osv.store.rows.base import NAMING_CONVENTION, Base
from osv.store.rows.counts import (
    CandidateVotesRow,
    CountContestRow,
    CountFileRow,
    CountUnitRow,
    ListVotesRow,
    ResultCandidateRow,
    ResultContestRow,
    ResultListRow,
    ResultRow,
)
from osv.store.rows.elections import (
    CandidateListRow,
    CandidateRow,
    DistrictRow,
    ElectionRow,
    ImportedFileRow,
    PollingStationRow,
)
from osv.store.rows.entry import (
    AuditEventRow,
    EntrySessionRow,
    EntrySourceRow,
    InvestigationRow,
    WarningNoteRow,
)
from osv.store.rows.web import (
    CandidacyOutputRow,
    CandidacySubmissionRow,
    StageChoiceRow,
    StageFileRow,
    UserRow,
    WebSessionRow,
)

__all__ = [
    "NAMING_CONVENTION",
    "AuditEventRow",
    "Base",
    "CandidacyOutputRow",
    "CandidacySubmissionRow",
    "CandidateListRow",
    "CandidateRow",
    "CandidateVotesRow",
    "CountContestRow",
    "CountFileRow",
    "CountUnitRow",
    "DistrictRow",
    "ElectionRow",
    "EntrySessionRow",
    "EntrySourceRow",
    "ImportedFileRow",
    "InvestigationRow",
    "ListVotesRow",
    "PollingStationRow",
    "ResultCandidateRow",
    "ResultContestRow",
    "ResultListRow",
    "ResultRow",
    "StageChoiceRow",
    "StageFileRow",
    "UserRow",
    "WarningNoteRow",
    "WebSessionRow",
]
