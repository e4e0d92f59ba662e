"""Benchmark: 50 typists entering a 450-polling-station municipality at once, on SQLite and
PostgreSQL.

The demo election's lists (8 lists of up to 30 candidates) are stored with 450 polling stations
in a fresh database. 50 threads play 50 typists: each takes polling stations from a shared
queue and, as on election night, claims the first entry, saves it three times (a pause after
each page), finalises; once a station's first entry is finalised another typist does the
second entry the same way. Every save goes through the whole service: one transaction that
reads the source, validates the entry against the election (hard limits), applies the state
transition, stores it with the optimistic version check and, for claims and finalisations,
appends an audit event; every response carries the consistency findings of the entry.

Reported per database: saves per second over the whole run, and the p50 and p99 latency of a
save (with validation) while all 50 work without pause (a stress test: real typists type for
many seconds between saves), then the p50 of a save by one typist alone, each next to a
baseline measured in the same run on the same database: a bare ``UPDATE`` of one source row
with the same JSON, from one thread (the cost of storing a change without OSV). No assertion is
made on any number.

PostgreSQL is used when ``OSV_BENCH_DATABASE_URL`` (or ``OSV_TEST_DATABASE_URL``) names a
server; the benchmark makes a schema of its own there and drops it afterwards.

Usage: ``.venv/bin/python benchmarks/entry.py [--typists 50] [--stations 450] [--json]``
"""

from __future__ import annotations

import argparse
import json
import os
import queue
import statistics
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

_REPO = Path(__file__).resolve().parent.parent
if str(_REPO) not in sys.path:
    sys.path.insert(0, str(_REPO))

from sqlalchemy import create_engine, text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402
from sqlalchemy.pool import NullPool  # noqa: E402

from osv.model import PollingStation, PollingStationType  # noqa: E402
from osv.model.entry import CountEntry, EntryModel  # noqa: E402
from osv.service.demo import build_demo  # noqa: E402
from osv.service.entry import (  # noqa: E402
    Actor,
    claim,
    counts_entry,
    decide,
    finalise,
    save,
    start_session,
)
from osv.store import Database, UnitOfWork, open_database  # noqa: E402

EID = "GR2026_Vlietdam"
GSB = "9997"


def _databases(stations: int) -> Iterator[tuple[str, Database]]:
    """A fresh SQLite database, then (when configured) a PostgreSQL schema of its own."""
    with tempfile.TemporaryDirectory() as folder:
        database = open_database(f"sqlite:///{Path(folder) / 'bench.sqlite3'}")
        yield "SQLite", _prepared(database, stations)
        database.close()
    server = os.environ.get("OSV_BENCH_DATABASE_URL") or os.environ.get("OSV_TEST_DATABASE_URL")
    if not server:
        print(
            "PostgreSQL: skipped (set OSV_BENCH_DATABASE_URL or OSV_TEST_DATABASE_URL)",
            file=sys.stderr,
        )
        return
    schema = f"bench_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server, poolclass=NullPool)
    with admin.begin() as connection:
        connection.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
    try:
        url = make_url(server).update_query_dict({"options": f"-csearch_path={schema}"})
        database = open_database(url.render_as_string(hide_password=False))
        yield "PostgreSQL", _prepared(database, stations)
        database.close()
    finally:
        with admin.begin() as connection:
            connection.exec_driver_sql(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


def _prepared(database: Database, stations: int) -> Database:
    database.ensure_schema()
    demo = build_demo()
    # The election is stored directly (not imported), so no audit event records it.
    with database.unit_of_work(audited=False) as uow:
        uow.elections.add(demo.definition.election)
        uow.candidate_lists.add(EID, demo.candidate_lists.contests[0])
        uow.polling_stations.add(
            EID,
            GSB,
            "Vlietdam",
            [
                PollingStation(
                    number=n,
                    name=f"Stembureau {n}",
                    type=PollingStationType.FIXED,
                    number_of_voters=1500,
                )
                for n in range(1, stations + 1)
            ],
        )
        uow.commit()
    return database


def _paper() -> CountEntry:
    """One polling station's filled-in form (the demo's first station), typed by everyone."""
    votes = build_demo().count.contests[0].reporting_units[0].votes
    return counts_entry(votes, EntryModel.CSO_FIRST_SESSION)


def _run(database: Database, typists: int, stations: int) -> dict[str, Any]:
    factory: Callable[[], UnitOfWork] = database.unit_of_work
    coordinator = Actor("coordinator", "coordinator")
    session = start_session(factory, EID, GSB, coordinator, counting_method="CSO")
    paper = _paper()
    work: queue.Queue[tuple[str, int]] = queue.Queue()
    for n in range(1, stations + 1):
        work.put(("first", n))
    latencies: list[float] = []
    lock = threading.Lock()
    errors: list[str] = []
    done = threading.Event()
    remaining = [stations]  # stations still to be made definitive

    # Second entries go to the next typist's own queue: a typist never asks for the second entry
    # of a station they typed first (refused, and a tight retry loop would starve the others).
    seconds: list[queue.Queue[tuple[str, int]]] = [queue.Queue() for _ in range(typists)]

    def typist(index: int) -> None:
        name = f"typist{index}"
        actor = Actor(name, "typist")
        while not done.is_set():
            try:
                phase, station = seconds[index].get_nowait()
            except queue.Empty:
                try:
                    phase, station = work.get(timeout=0.05)
                except queue.Empty:
                    continue
            key = str(station)
            own: list[float] = []
            failed = False
            try:
                view = claim(factory, session.id, key, actor, paper)
                for _ in range(3):
                    start = time.perf_counter()
                    view = save(factory, session.id, key, actor, paper, view.version)
                    own.append(time.perf_counter() - start)
                finalise(factory, session.id, key, actor, view.version)
            except Exception as error:  # reported, and the run goes on without this station
                errors.append(f"{name} {key}: {type(error).__name__}: {error}")
                failed = True
            else:
                if phase == "first":
                    seconds[(index + 1) % typists].put(("second", station))
            with lock:
                latencies.extend(own)
                if phase == "second" or failed:
                    remaining[0] -= 1
                if remaining[0] <= 0:
                    done.set()

    threads = [threading.Thread(target=typist, args=(i,)) for i in range(typists)]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - start
    latencies.sort()
    baseline = _baseline(database, session.id, paper)
    alone = _alone(factory, session.id, paper)
    return {
        "saves": len(latencies),
        "seconds": round(elapsed, 2),
        "saves_per_second": round(len(latencies) / elapsed, 1),
        "p50_ms": round(1000 * statistics.median(latencies), 2),
        "p99_ms": round(1000 * latencies[int(0.99 * (len(latencies) - 1))], 2),
        "baseline_update_p50_ms": round(1000 * baseline, 3),
        "p50_over_baseline": round(statistics.median(latencies) / baseline, 1),
        "alone_save_p50_ms": round(1000 * alone, 2),
        "alone_over_baseline": round(alone / baseline, 1),
        "errors": errors[:5],
    }


def _alone(factory: Callable[[], UnitOfWork], session_id: int, paper: CountEntry) -> float:
    """Median time of a save by one typist while nobody else works (a definitive station is
    reset and typed again, so the same service path runs without waiting for others)."""
    actor = Actor("alone", "typist")
    coordinator = Actor("coordinator", "coordinator")
    view = decide(factory, session_id, "1", coordinator, "reset", _version(factory, session_id))
    view = claim(factory, session_id, "1", actor, paper)
    times = []
    for _ in range(100):
        start = time.perf_counter()
        view = save(factory, session_id, "1", actor, paper, view.version)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _version(factory: Callable[[], UnitOfWork], session_id: int) -> int:
    from osv.service.entry import view

    return view(factory, session_id, "1").version


def _baseline(database: Database, session_id: int, paper: CountEntry) -> float:
    """Median time of a bare UPDATE of one source row with an entry's JSON, one thread."""
    data = json.dumps(
        {"state": "FirstEntryInProgress", "first_user": "x", "entry": paper.model_dump(mode="json")}
    )
    times = []
    with database.engine.connect() as connection:
        for version in range(200):
            start = time.perf_counter()
            with connection.begin():
                connection.execute(
                    text(
                        "UPDATE entry_sources SET data = :data, version = :v "
                        "WHERE session_id = :s AND key = '1'"
                    ),
                    {"data": data, "v": version + 100, "s": session_id},
                )
            times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--typists", type=int, default=50)
    parser.add_argument("--stations", type=int, default=450)
    parser.add_argument("--json", action="store_true")
    options = parser.parse_args()
    report = {}
    for name, database in _databases(options.stations):
        report[name] = _run(database, options.typists, options.stations)
        if not options.json:
            r = report[name]
            print(
                f"{name}: {options.typists} typists, {options.stations} polling stations, "
                f"{r['saves']} saves in {r['seconds']} s: {r['saves_per_second']} saves/s; "
                f"save p50 {r['p50_ms']} ms, p99 {r['p99_ms']} ms; bare UPDATE p50 "
                f"{r['baseline_update_p50_ms']} ms (save p50 = {r['p50_over_baseline']}x); "
                f"one typist alone: save p50 {r['alone_save_p50_ms']} ms "
                f"({r['alone_over_baseline']}x the bare UPDATE)"
                + (f"; errors: {r['errors']}" if r["errors"] else "")
            )
    if options.json:
        print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
