"""Benchmark: 50 typists on the web interface at once, over real HTTP, and the coordinator's
status overview of a 500-polling-station municipality.

A temporary OSV home gets the demo election with 500 polling stations (imported with its hash
file), 50 typist users and a coordinator, and the municipality's first session. ``osv serve``
is started on a free loopback port in a separate process. 50 threads, each with its own
connection (stdlib ``http.client``), play 50 typists: sign in, open ``/invoer``, then take
polling stations from a shared queue: start the entry, and for every page of the form fetch the
page and save it (the save is what is timed), then finalise. Once a station's first entry is
finalised, another typist types its second entry the same way, so the run ends with definitive
stations. Then the coordinator opens the status overview of all 500 stations a few times.

Two paces, each on a database of its own (``--pace``):

* ``stress``: no pause at all, every typist saves as fast as the server answers;
* ``real``: as on election night, a typist spends 5 to 10 s on a page (uniformly at random,
  ``--think``) between fetching it and saving it, and the typists start at random moments
  within the first such pause (so they do not save in step);
* ``both`` (the default): ``stress``, then ``real``.

Reported per pace, each next to a baseline measured in the same run on the same server: the
bare sign-in page (``GET /inloggen``, a template without database work) and a static file
(``GET /static/osv.css``), each fetched 200 times by one client while the server is idle:

* saves per second over the whole run,
* p50 and p99 latency of a page save under that load, and p50 of a save by one typist alone,
* the render time of the status overview (p50 of 5), and of the typist's list of stations
  (``/invoer``, which a browser opens after every finalised entry).

No number is asserted anywhere; tests never time anything.

Usage: ``.venv/bin/python benchmarks/ui.py [--pace both|stress|real] [--typists 50]
[--stations 500] [--typed N] [--think 5-10] [--json]`` (``--typed``: how many polling stations
are typed twice, by default 100 without pause and 50 at the real pace, about three minutes
each; the database always holds ``--stations``). PostgreSQL is used instead of SQLite when
``OSV_BENCH_DATABASE_URL`` names a server: the benchmark makes a schema of its own there for
each run and drops it afterwards.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import queue
import random
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

_REPO = Path(__file__).resolve().parent.parent
if str(_REPO) not in sys.path:
    sys.path.insert(0, str(_REPO))

from sqlalchemy import create_engine  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402
from sqlalchemy.pool import NullPool  # noqa: E402

from eml.safe import Limits  # noqa: E402
from osv.config import Settings  # noqa: E402
from osv.model.entry import CountEntry, EntryModel  # noqa: E402
from osv.service.bootstrap import unit_of_work_factory  # noqa: E402
from osv.service.demo import DEMO_ELECTION_ID, build_demo, write_demo  # noqa: E402
from osv.service.entry import Actor, counts_entry, start_session  # noqa: E402
from osv.service.importing import HashCheck, import_files  # noqa: E402
from osv.service.users import create_user  # noqa: E402
from ui.forms import pages_of, value_at  # noqa: E402

GSB = "9997"
PASSWORD = "benchmark-wachtwoord-lang"
#: The default number of stations typed twice, per pace (about three minutes each).
TYPED = {"stress": 100, "real": 50}


class Browser:
    """One user's connection to the server: cookies, CSRF token, timed requests."""

    def __init__(self, port: int) -> None:
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
        self.cookies: dict[str, str] = {}
        self.csrf = ""

    def request(
        self, method: str, path: str, form: dict[str, str] | None = None
    ) -> tuple[int, dict[str, str], str, float]:
        """Status, headers, body and seconds taken."""
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            start = time.perf_counter()
            self.connection.request(method, path, body=body, headers=headers)
            response = self.connection.getresponse()
        except (http.client.RemoteDisconnected, ConnectionError):
            # the server closed an idle keep-alive connection: reconnect, time the new request
            self.connection.close()
            start = time.perf_counter()
            self.connection.request(method, path, body=body, headers=headers)
            response = self.connection.getresponse()
        text = response.read().decode("utf-8", "replace")
        took = time.perf_counter() - start
        for name, value in response.getheaders():
            if name.lower() == "set-cookie":
                key, _, rest = value.partition("=")
                self.cookies[key] = rest.split(";", 1)[0]
        return response.status, {k.lower(): v for k, v in response.getheaders()}, text, took

    def sign_in(self, name: str) -> None:
        _, _, page, _ = self.request("GET", "/inloggen")
        status, _, body, _ = self.request(
            "POST",
            "/inloggen",
            {"naam": name, "wachtwoord": PASSWORD, "csrf": _hidden(page, "csrf")},
        )
        if status != 303:
            raise RuntimeError(f"sign-in of {name} failed ({status}): {body[:300]}")
        status, headers, home, _ = self.request("GET", "/")
        if status == 303:
            _, _, home, _ = self.request("GET", headers["location"])
        self.csrf = _hidden(home, "csrf")


def _hidden(html: str, name: str) -> str:
    found = re.search(rf'name="{name}" value="([^"]*)"', html)
    if found is None:
        raise RuntimeError(f"no hidden field {name} in the page: {html[:300]}")
    return found.group(1)


def _form(entry: CountEntry, fields: object) -> dict[str, str]:
    data: dict[str, str] = {}
    for field in fields:  # type: ignore[attr-defined]
        value = value_at(entry, field.path)
        if field.kind == "number":
            data[field.path] = "" if value is None else str(value)
        elif field.kind == "check" and value:
            data[field.path] = "1"
        elif field.kind == "yesno" and value:
            for tick in ("yes", "no"):
                if value[tick]:
                    data[f"{field.path}.{tick}"] = "1"
    return data


def type_entry(
    browser: Browser,
    session_id: int,
    key: str,
    entry: CountEntry,
    think: tuple[float, float] | None = None,
) -> list[float]:
    """Start, fetch and save every page, finalise; return the seconds of each save.

    :param think: the shortest and longest time spent typing a page (between fetching and
        saving it); ``None``: no pause.
    """
    base = f"/invoer/{session_id}/{key}"
    status, headers, body, _ = browser.request("POST", f"{base}/starten", {"csrf": browser.csrf})
    if status != 303:
        raise RuntimeError(f"start of {key} refused ({status}): {body[:300]}")
    location = headers["location"]
    saves = []
    for page in pages_of(entry, "GR", {}, {})[:-1]:
        _, _, html, _ = browser.request("GET", location)
        if think is not None:
            time.sleep(random.uniform(*think))
        data = {
            "csrf": browser.csrf,
            "versie": _hidden(html, "versie"),
            "gecontroleerd": "1",
            **_form(entry, page.fields),
        }
        status, headers, body, took = browser.request("POST", location, data)
        if status != 303:
            raise RuntimeError(f"save of {location} refused ({status}): {body[:300]}")
        saves.append(took)
        location = headers["location"]
    _, _, html, _ = browser.request("GET", location)
    status, _, body, _ = browser.request(
        "POST", f"{base}/afronden", {"csrf": browser.csrf, "versie": _hidden(html, "versie")}
    )
    if status != 303:
        raise RuntimeError(f"finalising {key} refused ({status}): {body[:300]}")
    return saves


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _prepare(home: Path, database_url: str, stations: int, typists: int) -> int:
    settings = Settings(home=home, database_url=database_url, xsd_dir=None, max_bytes=50_000_000)
    with unit_of_work_factory(settings) as factory:
        paths = write_demo(home / "demo", stations=stations)
        import_files(
            factory,
            [p for p in paths if p.suffix == ".xml"],
            schemas=None,
            limits=Limits(max_bytes=50_000_000),
            hash_check=HashCheck(hash_file=next(p for p in paths if p.name == "Hashcodes.txt")),
            actor="benchmark",
        )
        for n in range(1, typists + 1):
            create_user(factory, f"invoerder{n}", PASSWORD, "typist_gsb", "benchmark")
        create_user(factory, "coordinator", PASSWORD, "coordinator_gsb", "benchmark")
        return start_session(
            factory,
            DEMO_ELECTION_ID,
            GSB,
            Actor("coordinator", "coordinator"),
            counting_method="CSO",
        ).id


def _wait_for(port: int, server: subprocess.Popen[bytes]) -> None:
    for _ in range(300):
        if server.poll() is not None:
            raise RuntimeError("osv serve stopped at start")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("osv serve did not start within 30 s")


def _timed(browser: Browser, path: str, times: int) -> list[float]:
    took = []
    for _ in range(times):
        status, _, _, seconds = browser.request("GET", path)
        if status != 200:
            raise RuntimeError(f"GET {path}: {status}")
        took.append(seconds)
    return took


def _p(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


@contextmanager
def _database(home: Path) -> Iterator[str]:
    """The URL of an empty database: SQLite in ``home``, or a PostgreSQL schema of its own on
    the server ``OSV_BENCH_DATABASE_URL`` (dropped afterwards)."""
    server = os.environ.get("OSV_BENCH_DATABASE_URL")
    if not server:
        yield f"sqlite:///{home / 'osv.sqlite3'}"
        return
    schema = f"bench_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server, poolclass=NullPool)
    with admin.begin() as connection:
        connection.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
    try:
        url = make_url(server).update_query_dict({"options": f"-csearch_path={schema}"})
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.begin() as connection:
            connection.exec_driver_sql(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
        admin.dispose()


def run(
    typists: int, stations: int, typed: int, think: tuple[float, float] | None = None
) -> dict[str, float | int | str]:
    """One run on a fresh database; ``think``: the time typing a page (``None``: no pause)."""
    demo = build_demo(stations=stations)
    units = demo.count.contests[0].reporting_units
    entries = {
        str(n): counts_entry(units[n - 1].votes, EntryModel.CSO_FIRST_SESSION)
        for n in range(1, typed + 1)
    }
    with tempfile.TemporaryDirectory() as folder, _database(Path(folder)) as url:
        home = Path(folder)
        session_id = _prepare(home, url, stations, typists)
        port = _free_port()
        env = {**os.environ, "OSV_HOME": str(home), "OSV_DATABASE_URL": url}
        osv = Path(sys.executable).with_name("osv")
        server = subprocess.Popen(
            [str(osv), "serve", "--port", str(port)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        try:
            _wait_for(port, server)
            idle = Browser(port)
            _timed(idle, "/inloggen", 20)  # warm up
            baseline_page = statistics.median(_timed(idle, "/inloggen", 200))
            baseline_static = statistics.median(_timed(idle, "/static/osv.css", 200))

            # one typist alone: the latency of a save without load
            alone = Browser(port)
            alone.sign_in("invoerder1")
            single = type_entry(alone, session_id, str(typed + 1), _extra(units, typed + 1))

            work: queue.Queue[tuple[str, int]] = queue.Queue()
            for key in entries:
                work.put((key, 0))
            saves: list[float] = []
            lock = threading.Lock()
            errors: list[str] = []
            remaining = [2 * typed]
            first_typist: dict[str, int] = {}

            def typist(me: int) -> None:
                browser = Browser(port)
                try:
                    if think is not None:  # the typists do not start in step
                        time.sleep(random.uniform(0, think[1]))
                    browser.sign_in(f"invoerder{me}")
                    browser.request("GET", "/invoer")
                    while True:
                        with lock:
                            if remaining[0] <= 0 or errors:
                                return
                        try:
                            key, phase = work.get(timeout=0.2)
                        except queue.Empty:
                            continue
                        if phase == 1 and first_typist[key] == me:
                            work.put((key, phase))
                            time.sleep(0.01)
                            continue
                        took = type_entry(browser, session_id, key, entries[key], think)
                        with lock:
                            saves.extend(took)
                            remaining[0] -= 1
                            if phase == 0:
                                first_typist[key] = me
                        if phase == 0:
                            work.put((key, 1))
                except Exception as error:
                    with lock:
                        errors.append(f"typist {me}: {error}")

            threads = [threading.Thread(target=typist, args=(n,)) for n in range(1, typists + 1)]
            start = time.perf_counter()
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            wall = time.perf_counter() - start
            if errors:
                raise RuntimeError("; ".join(errors[:3]))

            coordinator = Browser(port)
            coordinator.sign_in("coordinator")
            _timed(coordinator, f"/zittingen/{session_id}", 1)
            overview = statistics.median(_timed(coordinator, f"/zittingen/{session_id}", 5))
            stations_page = statistics.median(_timed(alone, "/invoer", 5))
        finally:
            server.terminate()
            server.wait(timeout=30)
    return {
        "database": "PostgreSQL" if url.startswith("postgresql") else "SQLite",
        "pace": "stress" if think is None else f"real ({think[0]:g}-{think[1]:g} s a page)",
        "typists": typists,
        "stations": stations,
        "entries": 2 * typed,
        "saves": len(saves),
        "seconds": round(wall, 2),
        "saves_per_second": round(len(saves) / wall, 1),
        "baseline_page_ms": round(baseline_page * 1000, 2),
        "baseline_static_ms": round(baseline_static * 1000, 2),
        "save_p50_ms": round(_p(saves, 0.5) * 1000, 1),
        "save_p99_ms": round(_p(saves, 0.99) * 1000, 1),
        "save_alone_p50_ms": round(statistics.median(single) * 1000, 1),
        "overview_ms": round(overview * 1000, 1),
        "typist_list_ms": round(stations_page * 1000, 1),
    }


def _extra(units: object, number: int) -> CountEntry:
    votes = units[number - 1].votes  # type: ignore[index]
    return counts_entry(votes, EntryModel.CSO_FIRST_SESSION)


def _seconds(text: str) -> tuple[float, float]:
    low, _, high = text.partition("-")
    return float(low), float(high or low)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pace", choices=("both", "stress", "real"), default="both")
    parser.add_argument("--typists", type=int, default=50)
    parser.add_argument("--stations", type=int, default=500)
    parser.add_argument("--typed", type=int, default=None)
    parser.add_argument("--think", type=_seconds, default=(5.0, 10.0), help="seconds, e.g. 5-10")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if args.typists < 2:
        parser.error("--typists must be at least 2 (the second entry needs another typist)")
    paces = ("stress", "real") if args.pace == "both" else (args.pace,)
    for pace in paces:
        typed = args.typed or TYPED[pace]
        if typed + 1 > args.stations:
            parser.error("--typed must be smaller than --stations")
    results = [
        run(
            args.typists,
            args.stations,
            args.typed or TYPED[pace],
            None if pace == "stress" else args.think,
        )
        for pace in paces
    ]
    if args.json:
        print(json.dumps(results if len(results) > 1 else results[0], indent=2))
        return
    for result in results:
        _print(result)


def _print(result: dict[str, float | int | str]) -> None:
    page = float(result["baseline_page_ms"])
    print(
        f"{result['database']}, {result['pace']}: {result['typists']} typists, "
        f"{result['stations']} polling stations, {result['entries']} entries typed, "
        f"{result['saves']} page saves in {result['seconds']} s"
    )
    print(
        f"  baseline (idle server): sign-in page p50 {page} ms, "
        f"static file p50 {result['baseline_static_ms']} ms"
    )
    print(f"  saves per second ({result['typists']} at once):  {result['saves_per_second']}")
    for label, key in (
        ("save p50 under load", "save_p50_ms"),
        ("save p99 under load", "save_p99_ms"),
        ("save p50, one typist alone", "save_alone_p50_ms"),
        (f"status overview, {result['stations']} stations", "overview_ms"),
        (f"typist's station list, {result['stations']}", "typist_list_ms"),
    ):
        value = float(result[key])
        print(f"  {label:34} {value:8.1f} ms  = {value / page:6.1f} x the sign-in page")


if __name__ == "__main__":
    main()
