"""Content hashes: the SHA-256 of the counted data, so the audit chain covers the data too.

The hash chain (:mod:`osv.store.chain`) proves that the log is one line; it says nothing about
the rows the log describes. So every event that creates or changes counted data carries, in its
``data``, ``"content": {object key: SHA-256 or null}``: the hash of each object it changed, in
the canonical form below, as stored when the event was appended (``null``: the event removed
the object). :func:`verify_content` recomputes every object from the stored rows and compares
it with the last hash the log recorded for it. docs/audit.md gives the definition in full, with
a program that recomputes it without OSV.

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

import datetime as dt
import hashlib
import json
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Column, Select, Table, select
from sqlalchemy.orm import Session

from osv.store.chain import canonical_time
from osv.store.rows import Base

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

#: The columns of each table that an object's canonical form covers. Left out: surrogate keys
#: (``id`` and the ``…_id`` columns naming a parent row, which the object key and the nesting
#: say already) and the bookkeeping of optimistic locking (``entry_sources.version``,
#: ``updated_at``).
COLUMNS: Mapping[str, tuple[str, ...]] = {
    "imported_files": (
        "message_type",
        "sha256",
        "file_name",
        "size",
        "imported_at",
        "imported_by",
        "hash_check",
        "digest_matched",
    ),
    "elections": (
        "eid",
        "name",
        "category",
        "subcategory",
        "domain_id",
        "domain_name",
        "election_date",
        "nomination_date",
        "contest_id",
        "voting_method",
        "max_votes",
        "number_of_seats",
        "preference_threshold",
        "tree",
        "registered_parties",
        "created_at",
    ),
    "districts": ("contest_id", "name", "region_number", "contest_name"),
    "candidate_lists": (
        "contest_id",
        "number",
        "name",
        "type",
        "belongs_to_set",
        "belongs_to_combination",
        "publication_language",
        "publish_gender",
    ),
    "candidates": (
        "number",
        "short_code",
        "initials",
        "first_name",
        "prefix",
        "last_name",
        "gender",
        "locality",
        "country_code",
    ),
    "polling_stations": (
        "municipality_code",
        "municipality_name",
        "number",
        "name",
        "postal_code",
        "type",
        "number_of_voters",
        "shared_location",
        "channel",
        "locations",
    ),
    "count_files": (
        "level",
        "authority_id",
        "authority_name",
        "transaction_id",
        "issue_date",
        "creation_date_time",
        "canonicalization",
        "schema_version",
        "counting_method",
        "phase",
        "identifier",
    ),
    "count_contests": ("position", "contest_id", "contest_name"),
    "count_units": (
        "position",
        "reporting_unit_id",
        "name",
        "type",
        "shared_location",
        "cast_votes",
        "total_counted",
        "rejected_invalid",
        "rejected_blank",
        "uncounted",
        "initial_cast",
        "initial_total_counted",
        "initial_rejected_invalid",
        "initial_rejected_blank",
        "initial_uncounted",
        "investigations",
    ),
    "list_votes": ("number", "name", "votes", "initial_votes"),
    "candidate_votes": ("position", "number", "short_code", "votes", "initial_votes"),
    "results": (
        "authority_id",
        "authority_name",
        "transaction_id",
        "issue_date",
        "creation_date_time",
        "canonicalization",
        "schema_version",
        "identifier",
    ),
    "result_contests": ("position", "contest_id", "contest_name"),
    "result_lists": ("position", "number", "name", "votes"),
    "result_candidates": (
        "position",
        "number",
        "short_code",
        "initials",
        "first_name",
        "prefix",
        "last_name",
        "gender",
        "locality",
        "country_code",
        "ranking",
        "votes",
    ),
    "entry_sessions": (
        "committee",
        "number",
        "counting_method",
        "status",
        "started_at",
        "started_by",
        "completed_at",
        "completed_by",
    ),
    "entry_sources": ("key", "name", "model", "state", "data"),
    "warning_notes": ("code", "list_number", "explanation", "handled", "noted_by", "noted_at"),
    "investigations": (
        "committee",
        "polling_station",
        "reason",
        "requested_by",
        "requested_at",
        "concluded_in",
        "corrected_results",
    ),
    "stage_files": (
        "committee",
        "role",
        "message_type",
        "part",
        "file_name",
        "sha256",
        "content",
        "stored_at",
        "stored_by",
    ),
    "stage_choices": ("committee", "kind", "position", "value", "stored_at", "stored_by"),
    "candidacy_submissions": (
        "token",
        "lists_content",
        "lists_sha256",
        "setup_content",
        "setup_sha256",
        "stored_at",
        "stored_by",
        "decisions",
    ),
    "candidacy_outputs": ("file_name", "sha256", "content", "stored_at", "stored_by"),
}


@dataclass(frozen=True)
class Part:
    """A child table in an object's canonical form: its rows name their parent row in
    ``link``."""

    table: str
    link: str


#: The child tables nested under the rows of each table (``link``: the column naming the
#: parent row's ``id``).
PARTS: Mapping[str, tuple[Part, ...]] = {
    "elections": (Part("districts", "election_id"),),
    "candidate_lists": (Part("candidates", "list_id"),),
    "count_files": (Part("count_contests", "count_file_id"),),
    "count_contests": (Part("count_units", "count_contest_id"),),
    "count_units": (Part("list_votes", "unit_id"),),
    "list_votes": (Part("candidate_votes", "list_votes_id"),),
    "results": (Part("result_contests", "result_id"),),
    "result_contests": (Part("result_lists", "result_contest_id"),),
    "result_lists": (Part("result_candidates", "result_list_id"),),
    "entry_sources": (Part("warning_notes", "source_id"),),
    "candidacy_submissions": (Part("candidacy_outputs", "submission_id"),),
}

#: The tables whose rows are read from an imported file (``source_file_id``), in this order in
#: the canonical form of an ``eml`` object.
SOURCE_TABLES = ("candidate_lists", "polling_stations", "count_files", "results")

#: The double-entry states whose ``entry`` is a draft still being typed (saved unlogged).
DRAFT_STATES = frozenset(
    {
        "FirstEntryInProgress",
        "SecondEntryInProgress",
        "FirstEntryCorrection",
        "SecondEntryCorrection",
    }
)


def _table(name: str) -> Table:
    return Base.metadata.tables[name]


def _value(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return canonical_time(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bytes | bytearray | memoryview):
        return hashlib.sha256(bytes(value)).hexdigest()
    return value


def _canonical_text(document: Mapping[str, Any]) -> bytes:
    return json.dumps(
        document, sort_keys=True, separators=(",", ":"), ensure_ascii=True, allow_nan=False
    ).encode("utf-8")


class _Reader:
    """Reads the rows of objects, nested as :data:`PARTS` says."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def rows(
        self, table: str, where: Sequence[Any], joins: Sequence[tuple[str, str]] = ()
    ) -> list[dict[str, Any]]:
        """The rows of ``table`` matching ``where``, in id order, with their children nested.

        :param joins: from ``table`` outwards, the tables ``where`` also names, each with the
            column of the table before it that names its row (``(parent, link)``).
        """
        return [document for _, _, document in self._rows(table, where, list(joins), None)]

    def _rows(
        self,
        table: str,
        where: Sequence[Any],
        joins: list[tuple[str, str]],
        link: str | None,
    ) -> list[tuple[int, Any, dict[str, Any]]]:
        t = _table(table)
        names = COLUMNS[table]
        columns: list[Column[Any]] = [t.c.id, t.c[link] if link else t.c.id]
        columns += [t.c[name] for name in names]
        query: Select[Any] = select(*columns)
        child = t
        for parent, column in joins:
            parent_table = _table(parent)
            query = query.join(parent_table, child.c[column] == parent_table.c.id)
            child = parent_table
        for condition in where:
            query = query.where(condition)
        found = [
            (row[0], row[1], {n: _value(v) for n, v in zip(names, row[2:], strict=True)})
            for row in self.session.execute(query.order_by(t.c.id))
        ]
        documents = {key: document for key, _, document in found}
        for part in PARTS.get(table, ()):
            for document in documents.values():
                document[part.table] = []
            if not documents:
                continue
            for _, parent_key, child_document in self._rows(
                part.table, where, [(table, part.link), *joins], part.link
            ):
                documents[parent_key][part.table].append(child_document)
        return found


# --- object keys ---------------------------------------------------------------------------


def eml_key(eid: str, sha256: str) -> str:
    """The key of the imported file ``sha256`` of election ``eid``."""
    return f"eml/{eid}/{sha256}"


def entry_key(eid: str, committee: str, session: int, source: str) -> str:
    """The key of source ``source`` in session ``session`` of ``committee``."""
    return f"entry/{eid}/{committee}/{session}/{source}"


def session_key(eid: str, committee: str, session: int) -> str:
    """The key of session ``session`` of ``committee``."""
    return f"session/{eid}/{committee}/{session}"


def investigation_key(eid: str, committee: str, station: int) -> str:
    """The key of the investigation of polling station ``station`` of ``committee``."""
    return f"investigation/{eid}/{committee}/{station}"


def station_key(eid: str, municipality: str, number: int) -> str:
    """The key of a polling station added by hand."""
    return f"station/{eid}/{municipality}/{number}"


def stage_key(eid: str, committee: str, what: str) -> str:
    """The key of a stage's ``input`` or ``output`` files, or its ``choices``."""
    return f"stage/{eid}/{committee}/{what}"


def candidacy_key(token: str) -> str:
    """The key of a candidacy submission."""
    return f"candidacy/{token}"


#: How many parts each kind of key has after its kind (the last may hold ``/``).
_KEY_PARTS = {
    "eml": 2,
    "entry": 4,
    "session": 3,
    "investigation": 3,
    "station": 3,
    "stage": 3,
    "candidacy": 1,
    "unsourced": 3,
}


def key_parts(key: str) -> tuple[str, list[str]]:
    """The kind of object ``key`` and its parts (``ValueError`` for a key no object has)."""
    kind, _, rest = key.partition("/")
    count = _KEY_PARTS.get(kind)
    parts = rest.split("/", count - 1) if count else []
    if count is None or len(parts) != count:
        raise ValueError(f"{key!r} is not the key of an object of counted data")
    return kind, parts


def describe(key: str) -> str:
    """The object of ``key`` in words, for messages (English)."""
    try:
        kind, parts = key_parts(key)
    except ValueError:
        return key
    match kind:
        case "eml":
            return f"imported file with SHA-256 {parts[1][:16]}… of {parts[0]}"
        case "entry":
            eid, committee, session, source = parts
            what = (
                f"polling station {source}"
                if committee.isdigit()
                else f"the totals of municipality {source}"
            )
            return f"entry of {what}, session {session} ({committee}, {eid})"
        case "session":
            return f"session {parts[2]} of {parts[1]} ({parts[0]})"
        case "investigation":
            return f"investigation of polling station {parts[2]} of {parts[1]} ({parts[0]})"
        case "station":
            return (
                f"polling station {parts[2]} of municipality {parts[1]}, added by hand ({parts[0]})"
            )
        case "stage":
            what = "registered choices" if parts[2] == "choices" else f"{parts[2]} files"
            return f"the {what} of {parts[1]} ({parts[0]})"
        case "candidacy":
            return f"candidacy submission {parts[0][:8]}…"
    return f"row {parts[2]} of {parts[1]} ({parts[0]}), not read from a file"


# --- canonical documents -------------------------------------------------------------------


def _election_is(eid: str) -> Any:
    return _table("elections").c.eid == eid


_IN_ELECTION = ("elections", "election_id")


def _document(session: Session, key: str) -> dict[str, Any] | None:
    """The canonical form of the object ``key``, or ``None`` when it is not stored."""
    try:
        kind, parts = key_parts(key)
        found = _documents(session, _Reader(session), kind, parts)
    except ValueError:
        return None  # a key no object can have (a tampered log)
    if found is None:
        return None
    return {"object": key, **found}


def _documents(
    session: Session, reader: _Reader, kind: str, parts: list[str]
) -> dict[str, Any] | None:
    match kind:
        case "eml":
            return _eml(session, reader, parts[0], parts[1])
        case "entry":
            eid, committee, number, source = parts
            return _entry(reader, eid, committee, int(number), source)
        case "session":
            return _session(session, reader, parts[0], parts[1], int(parts[2]))
        case "investigation":
            t = _table("investigations")
            where = [_election_is(parts[0]), t.c.committee == parts[1]]
            where.append(t.c.polling_station == int(parts[2]))
            return _only("investigations", reader.rows("investigations", where, [_IN_ELECTION]))
        case "station":
            t = _table("polling_stations")
            where = [_election_is(parts[0]), t.c.municipality_code == parts[1]]
            where += [t.c.number == int(parts[2]), t.c.source_file_id.is_(None)]
            return _only("polling_stations", reader.rows("polling_stations", where, [_IN_ELECTION]))
        case "stage":
            return _stage(reader, parts[0], parts[1], parts[2])
        case "candidacy":
            t = _table("candidacy_submissions")
            rows = reader.rows("candidacy_submissions", [t.c.token == parts[0]])
            return _only("candidacy_submissions", rows)
    if parts[1] not in COLUMNS:
        return None
    t = _table(parts[1])
    where = [_election_is(parts[0]), t.c.id == int(parts[2])]
    if parts[1] != "elections":
        where.append(t.c.source_file_id.is_(None))
    return _only(parts[1], reader.rows(parts[1], where, [_IN_ELECTION]))


def _only(table: str, rows: list[dict[str, Any]]) -> dict[str, Any] | None:
    return {table: rows} if rows else None


def _eml(session: Session, reader: _Reader, eid: str, sha256: str) -> dict[str, Any] | None:
    files = _table("imported_files")
    found = session.execute(
        select(files.c.id, files.c.election_id, files.c.message_type)
        .join(_table("elections"), files.c.election_id == _table("elections").c.id)
        .where(_election_is(eid), files.c.sha256 == sha256)
    ).first()
    if found is None:
        return None
    file_id, election_id, message_type = found
    document: dict[str, Any] = {
        "imported_files": reader.rows("imported_files", [files.c.id == file_id])
    }
    if message_type == "110a":
        elections = _table("elections")
        document["elections"] = reader.rows("elections", [elections.c.id == election_id])
    for table in SOURCE_TABLES:
        document[table] = reader.rows(table, [_table(table).c.source_file_id == file_id])
    return document


def _in_session(eid: str, committee: str, number: int) -> list[Any]:
    sessions = _table("entry_sessions")
    return [_election_is(eid), sessions.c.committee == committee, sessions.c.number == number]


_IN_SESSION = [("entry_sessions", "session_id"), ("elections", "election_id")]


def _entry(
    reader: _Reader, eid: str, committee: str, number: int, source: str
) -> dict[str, Any] | None:
    where = [*_in_session(eid, committee, number), _table("entry_sources").c.key == source]
    rows = reader.rows("entry_sources", where, _IN_SESSION)
    for row in rows:
        data = row["data"]
        if isinstance(data, dict) and data.get("state") in DRAFT_STATES:
            row["data"] = {k: v for k, v in data.items() if k != "entry"}
    return _only("entry_sources", rows)


def _session(
    session: Session, reader: _Reader, eid: str, committee: str, number: int
) -> dict[str, Any] | None:
    rows = reader.rows("entry_sessions", _in_session(eid, committee, number), [_IN_ELECTION])
    if not rows:
        return None
    document: dict[str, Any] = {"entry_sessions": rows}
    if rows[0]["status"] == "completed":
        sources = _table("entry_sources")
        keys = session.scalars(
            select(sources.c.key)
            .join(_table("entry_sessions"), sources.c.session_id == _table("entry_sessions").c.id)
            .join(
                _table("elections"),
                _table("entry_sessions").c.election_id == _table("elections").c.id,
            )
            .where(*_in_session(eid, committee, number))
            .order_by(sources.c.id)
        )
        document["sources"] = [
            {"key": key, "sha256": content_hash(session, entry_key(eid, committee, number, key))}
            for key in keys
        ]
    return document


def _stage(reader: _Reader, eid: str, committee: str, what: str) -> dict[str, Any] | None:
    if what == "choices":
        choices = _table("stage_choices")
        rows = reader.rows(
            "stage_choices", [_election_is(eid), choices.c.committee == committee], [_IN_ELECTION]
        )
        return _only("stage_choices", rows)
    files = _table("stage_files")
    where = [_election_is(eid), files.c.committee == committee, files.c.role == what]
    return _only("stage_files", reader.rows("stage_files", where, [_IN_ELECTION]))


def canonical_content(session: Session, key: str) -> bytes | None:
    """The canonical text of object ``key`` as stored now (``None``: not stored)."""
    document = _document(session, key)
    return None if document is None else _canonical_text(document)


def content_hash(session: Session, key: str) -> str | None:
    """The SHA-256 of object ``key``'s canonical form as stored now (``None``: not stored)."""
    text = canonical_content(session, key)
    return None if text is None else hashlib.sha256(text).hexdigest()


# --- which objects are stored ---------------------------------------------------------------


def current_objects(session: Session) -> Iterator[str]:
    """The key of every object stored now (each once)."""
    elections = _table("elections")
    eid = elections.c.eid

    def pairs(table: str, *columns: str, where: Sequence[Any] = ()) -> Iterator[tuple[Any, ...]]:
        t = _table(table)
        query = select(eid, *(t.c[c] for c in columns)).join(
            elections, t.c.election_id == elections.c.id
        )
        yield from (tuple(r) for r in session.execute(query.where(*where).order_by(t.c.id)))

    for election, sha256 in pairs("imported_files", "sha256"):
        yield eml_key(election, sha256)
    sessions, sources = _table("entry_sessions"), _table("entry_sources")
    for election, committee, number, key in session.execute(
        select(eid, sessions.c.committee, sessions.c.number, sources.c.key)
        .join(sessions, sources.c.session_id == sessions.c.id)
        .join(elections, sessions.c.election_id == elections.c.id)
        .order_by(sources.c.id)
    ):
        yield entry_key(election, committee, number, key)
    for election, committee, number in pairs("entry_sessions", "committee", "number"):
        yield session_key(election, committee, number)
    for election, committee, station in pairs("investigations", "committee", "polling_station"):
        yield investigation_key(election, committee, station)
    stations = _table("polling_stations")
    for election, code, number in pairs(
        "polling_stations",
        "municipality_code",
        "number",
        where=[stations.c.source_file_id.is_(None)],
    ):
        yield station_key(election, code, number)
    seen: set[str] = set()
    for election, committee, role in pairs("stage_files", "committee", "role"):
        seen.add(stage_key(election, committee, role))
    for election, committee in pairs("stage_choices", "committee"):
        seen.add(stage_key(election, committee, "choices"))
    yield from sorted(seen)
    submissions = _table("candidacy_submissions")
    for token in session.scalars(select(submissions.c.token).order_by(submissions.c.id)):
        yield candidacy_key(token)
    yield from _unsourced(session)


def _unsourced(session: Session) -> Iterator[str]:
    """Counted data that no imported file and no event made (never written by OSV)."""
    elections = _table("elections")
    for table in SOURCE_TABLES:
        if table == "polling_stations":
            continue  # added by hand: ``station`` objects
        t = _table(table)
        for election, key in session.execute(
            select(elections.c.eid, t.c.id)
            .join(elections, t.c.election_id == elections.c.id)
            .where(t.c.source_file_id.is_(None))
            .order_by(t.c.id)
        ):
            yield f"unsourced/{election}/{table}/{key}"
    files = _table("imported_files")
    defined = select(files.c.election_id).where(files.c.message_type == "110a")
    for election, key in session.execute(
        select(elections.c.eid, elections.c.id).where(elections.c.id.not_in(defined))
    ):
        yield f"unsourced/{election}/elections/{key}"


# --- keys of rows, for the repositories ----------------------------------------------------


def election_eid(session: Session, election_id: int) -> str:
    """The ElectionIdentifier Id of the ``elections`` row ``election_id``."""
    elections = _table("elections")
    return str(session.scalar(select(elections.c.eid).where(elections.c.id == election_id)))


def definition_key(session: Session, election_id: int) -> str | None:
    """The key of the election's definition file (110a), ``None`` when none is recorded."""
    files = _table("imported_files")
    sha256 = session.scalar(
        select(files.c.sha256).where(
            files.c.election_id == election_id, files.c.message_type == "110a"
        )
    )
    return None if sha256 is None else eml_key(election_eid(session, election_id), sha256)


def session_key_of(session: Session, session_id: int) -> str | None:
    """The key of the data-entry session with id ``session_id``."""
    sessions, elections = _table("entry_sessions"), _table("elections")
    found = session.execute(
        select(elections.c.eid, sessions.c.committee, sessions.c.number)
        .join(elections, sessions.c.election_id == elections.c.id)
        .where(sessions.c.id == session_id)
    ).first()
    return None if found is None else session_key(*found)


def entry_key_of(session: Session, source_id: int) -> str | None:
    """The key of the data-entry source with id ``source_id``."""
    sources, sessions, elections = (
        _table("entry_sources"),
        _table("entry_sessions"),
        _table("elections"),
    )
    found = session.execute(
        select(elections.c.eid, sessions.c.committee, sessions.c.number, sources.c.key)
        .join(sessions, sources.c.session_id == sessions.c.id)
        .join(elections, sessions.c.election_id == elections.c.id)
        .where(sources.c.id == source_id)
    ).first()
    return None if found is None else entry_key(*found)


# --- recording: which objects a transaction changed ----------------------------------------

_PENDING = "osv.content.pending"
#: ``touch`` without a hash to compare: the change must be recorded by an audit event.
_MUST_RECORD = ""


class Tracker:
    """The objects a transaction changed that no audit event has recorded yet.

    Kept in the session (``session.info``), so every repository of a unit of work shares it.
    """

    def __init__(self, session: Session) -> None:
        self.session = session

    @property
    def _pending(self) -> dict[str, str | None]:
        pending: dict[str, str | None] = self.session.info.setdefault(_PENDING, {})
        return pending

    def touch(self, key: str | None, *, before: str | None = _MUST_RECORD) -> None:
        """Note that object ``key`` changes in this transaction.

        :param before: its hash before the change, when the change may leave the hash as it
            was (a typist's draft); then no event is needed if it did.
        """
        if key is not None:
            self._pending.setdefault(key, before)

    def hash_now(self, key: str) -> str | None:
        """The object's hash as stored now (what ``before`` is given as)."""
        self.session.flush()
        return content_hash(self.session, key)

    def take(self) -> dict[str, str | None]:
        """The hashes of the touched objects as stored now, and forget them (recorded)."""
        pending = self.session.info.pop(_PENDING, {})
        if not pending:
            return {}
        self.session.flush()
        return {key: content_hash(self.session, key) for key in pending}

    def unrecorded(self) -> list[str]:
        """The touched objects whose change no event recorded (their hash changed)."""
        pending = self.session.info.get(_PENDING, {})
        if not pending:
            return []
        self.session.flush()
        return [
            key
            for key, before in pending.items()
            if before == _MUST_RECORD or content_hash(self.session, key) != before
        ]

    def forget(self) -> None:
        """Drop what was noted (the transaction ended)."""
        self.session.info.pop(_PENDING, None)


# --- verification ----------------------------------------------------------------------------


@dataclass(frozen=True)
class ContentFinding:
    """An object whose stored data differ from what the audit log recorded last.

    :param key: the object.
    :param event_id: the event that recorded it last (``None``: no event did).
    :param recorded: the hash recorded there (``None``: the event recorded its removal).
    :param found: the hash of the object as stored now (``None``: not stored).
    """

    key: str
    event_id: int | None
    recorded: str | None
    found: str | None

    @property
    def problem(self) -> str:
        """``changed``, ``missing`` (recorded, not stored), ``removed`` (stored, recorded as
        removed) or ``unrecorded`` (stored, no event recorded it)."""
        if self.event_id is None:
            return "unrecorded"
        if self.found is None:
            return "missing"
        if self.recorded is None:
            return "removed"
        return "changed"

    @property
    def reason(self) -> str:
        """One line naming the object and the event."""
        what = describe(self.key)
        match self.problem:
            case "unrecorded":
                return f"{what}: stored, but no audit event recorded it"
            case "missing":
                return f"{what}: recorded by event {self.event_id}, but no longer stored"
            case "removed":
                return f"{what}: stored, but event {self.event_id} recorded its removal"
        return f"{what}: stored data do not match event {self.event_id}"

    def to_json(self) -> dict[str, Any]:
        """The finding as plain JSON values."""
        return {
            "object": self.key,
            "event_id": self.event_id,
            "recorded": self.recorded,
            "found": self.found,
            "problem": self.problem,
            "reason": self.reason,
        }


@dataclass(frozen=True)
class ContentReport:
    """The outcome of comparing the stored objects with the hashes the log recorded.

    :param objects: how many objects are stored or recorded.
    :param findings: the objects that differ, the one recorded earliest first (never recorded
        ones last).
    """

    objects: int
    findings: tuple[ContentFinding, ...] = ()

    @property
    def intact(self) -> bool:
        """Whether every object is stored as the log recorded it last."""
        return not self.findings


def recorded_content(data: Mapping[str, Any]) -> dict[str, str | None]:
    """The object hashes an event's ``data`` records (empty when it records none)."""
    content = data.get("content")
    if not isinstance(content, dict):
        return {}
    return {str(key): value if isinstance(value, str) else None for key, value in content.items()}


def verify_content(
    session: Session, recorded: Mapping[str, tuple[str | None, int]]
) -> ContentReport:
    """Recompute every stored object and compare it with the last hash the log recorded.

    :param recorded: per object key, the last recorded hash and the id of its event.
    """
    findings: list[ContentFinding] = []
    stored = set()
    for key in current_objects(session):
        stored.add(key)
        found = content_hash(session, key)
        hash_, event = recorded.get(key, (None, None))
        if event is None or hash_ != found:
            findings.append(ContentFinding(key, event, hash_, found))
    for key, (hash_, event) in recorded.items():
        if key not in stored and hash_ is not None:
            findings.append(ContentFinding(key, event, hash_, None))
    findings.sort(key=lambda f: (f.event_id is None, f.event_id or 0, f.key))
    return ContentReport(len(stored | set(recorded)), tuple(findings))
