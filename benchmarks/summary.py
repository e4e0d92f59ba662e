"""Every benchmark in one run, as one table: figure, OSV, baseline, ratio (docs/performance.md).

Runs each benchmark of this folder in a child process with ``--json`` and turns its report into
rows of one Markdown table, headed with the date, the machine (processor, cores, memory, load
at the start) and the versions of Python and the main libraries. Each ratio is OSV's figure over
a baseline measured in the same run, as each benchmark's docstring explains; on a shared,
loaded machine the CPU-time ratios are the steadier ones. No number is asserted anywhere.

The web benchmark (``ui.py``) runs on SQLite, and on PostgreSQL too when
``OSV_BENCH_DATABASE_URL`` names a server; the national count (``result.py``) at ``--scale``
(default 0.1: 35 municipalities; 1.0 is the whole country, about 3 GB of files).

Usage: ``.venv/bin/python benchmarks/summary.py [--scale 0.1] [--out FILE] [--only NAME]...``
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import subprocess
import sys
from collections.abc import Callable, Iterator
from importlib import metadata
from pathlib import Path
from typing import Any

_HERE = Path(__file__).resolve().parent
Row = tuple[str, str, str, str]


def _x(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}×"


def _cli(report: Any) -> Iterator[Row]:
    for row in report:
        yield (
            row["figure"],
            f"{row['osv_wall_s']} s ({row['osv_cpu_s']} s CPU)",
            f"{row['baseline']}: {row['baseline_wall_s']} s ({row['baseline_cpu_s']} s CPU)",
            f"{_x(row['wall_ratio'])} wall, {_x(row['cpu_ratio'])} CPU",
        )


def _eml_parse(report: Any) -> Iterator[Row]:
    rows = report["rows"]
    base = rows[0]
    for row in rows[1:]:
        yield (
            f"{row['variant']} in one process, {report['file']}",
            f"{row['seconds']:.3f} s, {row['peak_rss_kib'] / 1024:.0f} MiB peak",
            f"{base['variant']}: {base['seconds']:.3f} s, {base['peak_rss_kib'] / 1024:.0f} MiB",
            f"{_x(row['seconds_ratio'])} time, {_x(row['peak_rss_kib_ratio'])} memory",
        )


def _result(report: Any) -> Iterator[Row]:
    for row in report:
        yield (
            f"`osv result --stage csb`, {row['municipalities']} municipalities, "
            f"{row['count_bytes'] / 2**20:.0f} MiB of 510b",
            f"{row['osv_csb_s']} s ({row['osv_csb_cpu_s']} s CPU), "
            f"{row['osv_csb_peak_mib']} MiB peak",
            f"bare iterparse process: {row['bare_parse_s']} s ({row['bare_parse_cpu_s']} s CPU), "
            f"{row['bare_parse_peak_mib']} MiB",
            f"{_x(row['time_ratio'])} time, {_x(row['cpu_ratio'])} CPU, "
            f"{_x(row['memory_ratio'])} memory",
        )


def _ui(report: Any) -> Iterator[Row]:
    for run in report if isinstance(report, list) else [report]:
        where = f"{run['database']}, {run['typists']} typists, {run['pace']}"
        page = run["baseline_page_ms"]
        yield (
            f"page save, one typist alone ({run['database']})",
            f"{run['save_alone_p50_ms']} ms p50",
            f"sign-in page: {page} ms p50",
            _x(run["save_alone_p50_ms"] / page),
        )
        yield (
            f"page save under load ({where})",
            f"p50 {run['save_p50_ms']} ms, p99 {run['save_p99_ms']} ms; "
            f"{run['saves_per_second']} saves/s",
            f"sign-in page: {page} ms p50",
            f"p99 {_x(run['save_p99_ms'] / page)}",
        )


def _pv(report: Any) -> Iterator[Row]:
    for row in report:
        yield (
            f"{row['model']} ({row['pages']} pages)",
            f"{row['seconds']:.2f} s ({row['cpu_seconds']:.2f} s CPU)",
            f"plain reportlab document, same pages: {row['baseline_seconds']:.2f} s "
            f"({row['baseline_cpu_seconds']:.2f} s CPU)",
            f"{_x(row['ratio'])} wall, {_x(row['cpu_ratio'])} CPU",
        )


def _allocation(report: Any) -> Iterator[Row]:
    for row in report:
        yield (
            f"seat allocation, {row['election']} ({row['lists']} lists, {row['candidates']} "
            "candidates): seats only / with candidates",
            f"{row['osv_seat_part_seconds'] * 1000:.2f} ms / {row['osv_seconds'] * 1000:.2f} ms",
            f"{row['votelib']}: {row['votelib_seconds'] * 1000:.2f} ms",
            f"{_x(row['ratio_seat_part'])} / {_x(row['ratio_whole'])}",
        )


def _candidacy(report: Any) -> Iterator[Row]:
    timings = report["timings"]
    base = timings["baseline"]["seconds"]
    for label, row in timings.items():
        if label != "baseline":
            yield (
                f"candidacy: {label}, 30 lists × 80 candidates",
                f"{row['seconds'] * 1000:.1f} ms",
                f"one pass building plain dicts: {base * 1000:.2f} ms",
                _x(row["ratio"]),
            )


def _entry(report: Any) -> Iterator[Row]:
    for name, run in report.items():
        yield (
            f"entry service save, 50 typists ({name}, no HTTP)",
            f"p50 {run['p50_ms']} ms, p99 {run['p99_ms']} ms; {run['saves_per_second']} saves/s",
            f"bare UPDATE of the row: {run['baseline_update_p50_ms']} ms p50",
            f"p50 {_x(run['p50_over_baseline'])}",
        )


#: name → (script and its arguments, how its JSON report becomes rows)
BENCHMARKS: dict[str, tuple[list[str], Callable[[Any], Iterator[Row]]]] = {
    "cli": (["cli.py"], _cli),
    "eml_parse": (["eml_parse.py"], _eml_parse),
    "result": (["result.py"], _result),
    "ui": (["ui.py"], _ui),
    "entry": (["entry.py"], _entry),
    "pv": (["pv.py", "--repeat", "1"], _pv),
    "allocation": (["allocation.py"], _allocation),
    "candidacy": (["candidacy.py"], _candidacy),
}


def _machine() -> str:
    model = "unknown processor"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
        memory = Path("/proc/meminfo").read_text().split()[1]
        memory_text = f"{int(memory) / 2**20:.0f} GiB"
    except OSError:
        memory_text = "unknown memory"
    load = os.getloadavg()[0]
    cores = os.cpu_count()
    return f"{model}, {cores} cores, {memory_text}, load {load:.1f} at the start"


def _versions() -> str:
    names = ("lxml", "pydantic", "SQLAlchemy", "fastapi", "reportlab")
    found = []
    for name in names:
        try:
            found.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            continue
    return f"Python {platform.python_version()}, " + ", ".join(found)


def _run(name: str, scale: float) -> list[Row]:
    """The rows of one benchmark; the web benchmark once per database."""
    script, rows = BENCHMARKS[name]
    arguments = [sys.executable, str(_HERE / script[0]), *script[1:], "--json"]
    if name == "result":
        arguments += ["--scale", str(scale)]
    environments = [dict(os.environ)]
    if name == "ui":
        sqlite = {k: v for k, v in os.environ.items() if k != "OSV_BENCH_DATABASE_URL"}
        environments = [sqlite] + ([dict(os.environ)] if len(sqlite) < len(os.environ) else [])
    made: list[Row] = []
    for environment in environments:
        done = subprocess.run(
            arguments, check=True, capture_output=True, text=True, env=environment
        )
        made.extend(rows(json.loads(done.stdout)))
    return made


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=0.1, help="of the national count")
    parser.add_argument("--out", type=Path, help="also write the table to this file")
    parser.add_argument("--only", action="append", choices=sorted(BENCHMARKS))
    options = parser.parse_args()
    started = dt.datetime.now(dt.UTC)
    lines = [
        f"Measured {started:%Y-%m-%d %H:%M} UTC on {_machine()}; {_versions()}.",
        "",
        "| Figure | OSV | Baseline (same run) | Ratio |",
        "|---|---|---|---|",
    ]
    for name in options.only or BENCHMARKS:
        print(f"running {name} ...", file=sys.stderr, flush=True)
        for row in _run(name, options.scale):
            lines.append("| " + " | ".join(row) + " |")
    text = "\n".join(lines) + "\n"
    print(text)
    if options.out:
        options.out.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
