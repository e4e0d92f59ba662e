"""Content hashes: the SHA-256 of the counted data, so the audit chain covers the data too.

The hash chain (:mod:`osv.store.chain`) proves that the log is one line; it says nothing about
the rows the log describes. So every event that creates or changes counted data carries, in its
``data``, ``"content": {object key: SHA-256 or null}``: the hash of each object it changed, in
the canonical form below, as stored when the event was appended (``null``: the event removed
the object). :func:`verify_content` recomputes every object from the stored rows and compares
it with the last hash the log recorded for it. docs/audit.md gives the definition in full, with
a program that recomputes it without OSV. The parts: :mod:`~osv.store.content.form` (the
canonical form), :mod:`~osv.store.content.keys` (object keys),
:mod:`~osv.store.content.documents` (documents and hashes), :mod:`~osv.store.content.tracker`
(recording), :mod:`~osv.store.content.verify` (verification).

**Objects** (their keys; ``/`` separates the parts)::

    eml/<election>/<sha256>                     an imported EML file and every row read from it
    entry/<election>/<committee>/<session>/<source>   a source of double data entry
    session/<election>/<committee>/<session>    a data-entry session
    investigation/<election>/<committee>/<station>    an investigation requested by the CSB
    station/<election>/<municipality>/<number>  a polling station added by hand
    stage/<election>/<committee>/input|output|choices  an HSB/CSB stage's files or choices
    candidacy/<token>                           a candidacy submission and its publication
    unsourced/<election>/<table>/<id>           rows of counted data that no file or event made

**Canonical form** of an object: a JSON object ``{"object": key, <table>: [rows], ...}``; each
row is a JSON object of the columns listed in :data:`COLUMNS` for its table, with its child
rows under the child table's name (:data:`PARTS`), rows in the order of their ``id``. Values:
numbers and text as they are, ``true``/``false``, ``null``, JSON columns as their JSON,
moments as ``YYYY-MM-DDTHH:MM:SS.ffffffZ`` (:func:`~osv.store.chain.canonical_time`), dates as
``YYYY-MM-DD``, binary columns as the SHA-256 (hex) of their bytes. An entry's ``data`` leaves
out the draft a typist is still typing (``entry`` in the states ``…InProgress`` and
``…Correction``), because page saves are not logged; a finished session adds its sources' keys
and hashes. The text is written as the chain's (sorted keys, no spaces, ASCII) and hashed.

**Recording**: a repository method that changes an object calls :meth:`Tracker.touch`; the next
audit event appended in the same transaction records the hashes of every object touched since
the previous one (:meth:`osv.store.audit.AuditRepository.append`), and the unit of work refuses
to commit a change of counted data that no event recorded (a draft save, whose hash does not
change, needs none).
"""

from __future__ import annotations

from osv.store.content.documents import (
    canonical_content,
    content_hash,
    current_objects,
    definition_key,
    election_eid,
    entry_key_of,
    session_key_of,
)
from osv.store.content.form import COLUMNS, DRAFT_STATES, PARTS, SOURCE_TABLES, Part
from osv.store.content.keys import (
    candidacy_key,
    describe,
    eml_key,
    entry_key,
    investigation_key,
    key_parts,
    session_key,
    stage_key,
    station_key,
)
from osv.store.content.tracker import Tracker
from osv.store.content.verify import ContentFinding, ContentReport, recorded_content, verify_content

__all__ = [
    "COLUMNS",
    "DRAFT_STATES",
    "PARTS",
    "SOURCE_TABLES",
    "ContentFinding",
    "ContentReport",
    "Part",
    "Tracker",
    "candidacy_key",
    "canonical_content",
    "content_hash",
    "current_objects",
    "definition_key",
    "describe",
    "election_eid",
    "eml_key",
    "entry_key",
    "entry_key_of",
    "investigation_key",
    "key_parts",
    "recorded_content",
    "session_key",
    "session_key_of",
    "stage_key",
    "station_key",
    "verify_content",
]
