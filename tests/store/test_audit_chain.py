"""The audit log's hash chain: built on every append, filled in by migration 0007, and broken
by any change made behind OSV's back (which the tests make with raw SQL, triggers lifted).
"""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from osv.store import AuditEvent, Database, open_database
from osv.store.chain import GENESIS, ChainReport, link

_AT = dt.datetime(2026, 3, 18, 21, 0, 0, 123456, tzinfo=dt.UTC)


def _append(database: Database, *events: AuditEvent) -> list[AuditEvent]:
    with database.unit_of_work() as uow:
        stored = [uow.audit.append(event) for event in events]
        uow.commit()
    return stored


def _three(database: Database) -> list[AuditEvent]:
    return _append(
        database,
        AuditEvent(event="eml.imported", actor="beheerder", election="GR2026_Vlietdam", at=_AT),
        AuditEvent(event="user.created", actor="beheerder", data={"name": "anna", "n": [1, 2]}),
        AuditEvent(event="entry.finalised", actor="anna", data={"station": "SB1 ë"}),
    )


def _tamper(database: Database, *statements: str) -> ChainReport:
    """Run ``statements`` with the append-only triggers lifted, then verify the chain."""
    with database.engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(text("ALTER TABLE audit_events DISABLE TRIGGER USER"))
        else:
            connection.execute(text("DROP TRIGGER audit_events_no_update"))
            connection.execute(text("DROP TRIGGER audit_events_no_delete"))
        for statement in statements:
            connection.execute(text(statement))
    with database.unit_of_work() as uow:
        return uow.audit.verify_chain()


def test_every_append_links_the_event_to_the_one_before(database: Database) -> None:
    first, second, third = _three(database)
    assert first.hash == link(GENESIS, first)
    assert second.hash == link(first.hash or "", second)
    assert third.hash == link(second.hash or "", third)
    with database.unit_of_work() as uow:
        assert uow.audit.events() == [first, second, third]
        report = uow.audit.verify_chain()
    assert report.intact
    assert (report.count, report.last_id, report.last_hash) == (3, third.id, third.hash)


def test_an_empty_log_is_intact_and_ends_at_the_genesis_value(database: Database) -> None:
    with database.unit_of_work() as uow:
        report = uow.audit.verify_chain()
    assert report.intact
    assert report.count == 0
    assert report.last_hash == GENESIS


def test_a_changed_event_is_found_by_its_id(database: Database) -> None:
    _, second, _ = _three(database)
    report = _tamper(database, "UPDATE audit_events SET actor = 'mallory' WHERE id = 2")
    assert report.broken is not None
    assert (report.broken.event_id, report.broken.found) == (2, second.hash)
    assert report.broken.expected != second.hash
    assert report.broken.reason.startswith("audit event 2 has hash")


def test_a_removed_event_breaks_the_chain_at_the_next(database: Database) -> None:
    _three(database)
    report = _tamper(database, "DELETE FROM audit_events WHERE id = 2")
    assert report.broken is not None
    assert report.broken.event_id == 3
    assert report.count == 2
    assert report.last_id == 1


def test_reordered_events_are_found(database: Database) -> None:
    """Events 2 and 3 swap places, each keeping its own (correct) hash."""
    _three(database)
    report = _tamper(
        database,
        "UPDATE audit_events SET id = 99 WHERE id = 2",
        "UPDATE audit_events SET id = 2 WHERE id = 3",
        "UPDATE audit_events SET id = 3 WHERE id = 99",
    )
    assert report.broken is not None
    assert report.broken.event_id == 2


def test_a_rewritten_hash_is_found(database: Database) -> None:
    _three(database)
    report = _tamper(database, f"UPDATE audit_events SET hash = '{'f' * 64}' WHERE id = 1")
    assert report.broken is not None
    assert report.broken.event_id == 1


def test_migration_0007_chains_the_events_logged_before_it(database_url: str) -> None:
    """A database filled at revision 0006 gets its chain on upgrade; the triggers stay."""
    database = open_database(database_url)
    try:
        database.upgrade("0006")
        with database.engine.begin() as connection:
            for number in range(1, 6):
                connection.execute(
                    text(
                        "INSERT INTO audit_events (at, actor, event, election, data) "
                        "VALUES (:at, :actor, 'test.event', :election, :data)"
                    ),
                    {
                        "at": _AT + dt.timedelta(seconds=number),
                        "actor": f"user{number}",
                        "election": None if number % 2 else "GR2026_Vlietdam",
                        "data": '{"b": [1, 2], "a": "\\u00eb", "n": ' + str(number) + "}",
                    },
                )
        database.upgrade()
        with database.unit_of_work() as uow:
            events = uow.audit.events()
            report = uow.audit.verify_chain()
        assert report.intact
        assert report.count == 5
        assert events[0].hash == link(GENESIS, events[0])
        assert events[0].data == {"a": "ë", "b": [1, 2], "n": 1}
        for statement in ("UPDATE audit_events SET actor = 'x'", "DELETE FROM audit_events"):
            with pytest.raises(DBAPIError, match="append-only"), database.engine.begin() as c:
                c.execute(text(statement))
        _append(database, AuditEvent(event="after.upgrade", actor="beheerder"))
        with database.unit_of_work() as uow:
            assert uow.audit.verify_chain().count == 6
        database.downgrade("0006")
        database.upgrade()
        with database.unit_of_work() as uow:
            assert uow.audit.verify_chain().count == 6
    finally:
        database.close()


def test_concurrent_appends_make_one_line(database: Database) -> None:
    """Two threads append at the same time; the chain does not fork (one hash per link)."""
    per_thread = 30
    start = threading.Barrier(2)
    errors: list[BaseException] = []

    def work(name: str) -> None:
        try:
            start.wait()
            for number in range(per_thread):
                with database.unit_of_work() as uow:
                    uow.audit.append(AuditEvent(event="test.concurrent", actor=f"{name}{number}"))
                    uow.commit()
        except BaseException as error:  # reported by the main thread
            errors.append(error)

    threads = [threading.Thread(target=work, args=(name,)) for name in ("a", "b")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with database.unit_of_work() as uow:
        report = uow.audit.verify_chain()
        hashes = [event.hash for event in uow.audit.events()]
    assert report.intact
    assert report.count == 2 * per_thread
    assert len(set(hashes)) == len(hashes)
