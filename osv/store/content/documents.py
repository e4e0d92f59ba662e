"""The canonical documents of the objects as stored now, their hashes, and which objects exist."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from sqlalchemy import Column, Select, Table, select
from sqlalchemy.orm import Session

from osv.store.chain import canonical_time
from osv.store.content.form import COLUMNS, DRAFT_STATES, PARTS, SOURCE_TABLES
from osv.store.content.keys import (
    candidacy_key,
    eml_key,
    entry_key,
    investigation_key,
    key_parts,
    session_key,
    stage_key,
    station_key,
)
from osv.store.rows import Base

__all__ = [
    "canonical_content",
    "content_hash",
    "current_objects",
    "definition_key",
    "election_eid",
    "entry_key_of",
    "session_key_of",
]


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
