"""Benchmark: a Tweede Kamer election from 510b files to the 520, time and peak memory.

The national election of :mod:`tests.demo_national` is generated at two scales (by default
the full one: 342 municipalities, about 10,000 polling stations, 30 parties with lists of up to 80
candidates; and half of it) into a temporary folder. For each scale, in the same run, a fresh
child process measures (with the workers it starts):

* ``bare parse``: ``lxml.etree.iterparse`` over every 510b file, clearing each element when it
  ends: the cheapest way to read the same bytes, the baseline;
* ``osv result --stage csb``: reading and checking every 510b, adding up, the allocation and the
  candidates, writing the 510d, 520 and the reports.

Reported: wall time, CPU time (the process and its workers) and peak memory (the sum of the
resident sets of the process and its workers, sampled) of each, and OSV's ratios to the bare
parse. Bounded memory
shows as a peak that does not grow with the number of files (half against full scale). No
assertion is made on any number.

Usage: ``.venv/bin/python benchmarks/result.py [--scale 1.0] [--json]``
(``--scale 0.1`` for a quick run; the files of the full scale take about 3 GB on disk.)
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

_REPO = Path(__file__).resolve().parent.parent
if str(_REPO) not in sys.path:
    sys.path.insert(0, str(_REPO))

from tests.demo_national import write_national  # noqa: E402

_BARE = """
import sys
from pathlib import Path
from lxml import etree
for path in sorted(Path(sys.argv[1]).glob("Telling_*.eml.xml")):
    for _, element in etree.iterparse(str(path), events=("end",)):
        element.clear()
"""

_OSV = """
import sys, datetime as dt
from pathlib import Path
from osv.service.result.csb import run_csb
outcome = run_csb(Path(sys.argv[1]), Path(sys.argv[2]), created=dt.datetime(2026, 11, 2))
if outcome.result.status != "complete":
    raise SystemExit(outcome.result.status)
"""


def _tree(pid: int) -> list[int]:
    """``pid`` and every process below it (read from ``/proc``)."""
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        try:
            for task in Path(f"/proc/{current}/task").iterdir():
                todo.extend(int(c) for c in (task / "children").read_text().split())
        except OSError:
            continue
    return found


def _sample(pid: int) -> tuple[int, int]:
    """The resident set (KiB) and the CPU time so far (clock ticks) of process ``pid``."""
    rss = ticks = 0
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                rss = int(line.split()[1])
                break
        fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
        ticks = int(fields[11]) + int(fields[12])  # utime + stime
    except (OSError, IndexError, ValueError):
        pass
    return rss, ticks


def _child(code: str, *args: str) -> tuple[float, float, float]:
    """Run ``code`` in a fresh interpreter; return its (wall seconds, CPU seconds, peak MiB).

    The process and every process below it (the reader's workers, and the forkserver that
    starts them) are sampled every 20 ms: the peak memory is the highest sum of their resident
    sets; the CPU time is the sum of each one's last sampled CPU time, or the operating
    system's account of the child and the children it waited for, whichever is larger (a
    worker's last 20 ms may be missed by the samples; a forkserver's workers are not waited
    for by the child, so the system's account misses them)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-c", code, *args], stdout=subprocess.DEVNULL, cwd=_REPO
    )
    peak = 0
    cpu_ticks: dict[int, int] = {}
    while process.poll() is None:
        total = 0
        for pid in _tree(process.pid):
            rss, ticks = _sample(pid)
            total += rss
            cpu_ticks[pid] = max(cpu_ticks.get(pid, 0), ticks)
        peak = max(peak, total)
        time.sleep(0.02)
    wall = time.perf_counter() - start
    if process.returncode:
        raise SystemExit(f"the child process failed with exit status {process.returncode}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    accounted = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    sampled = sum(cpu_ticks.values()) / os.sysconf("SC_CLK_TCK")
    return wall, max(accounted, sampled), peak / 1024


def measure(scale: float) -> dict[str, Any]:
    """Generate the election at ``scale`` and measure both readers on it."""
    with tempfile.TemporaryDirectory() as folder:
        files = Path(folder) / "in"
        start = time.perf_counter()
        paths = write_national(files, scale=scale)
        generated = time.perf_counter() - start
        counts = [p for p in paths if p.name.startswith("Telling_")]
        size = sum(p.stat().st_size for p in counts)
        bare_s, bare_cpu, bare_mib = _child(_BARE, str(files))
        osv_s, osv_cpu, osv_mib = _child(_OSV, str(files), str(Path(folder) / "out"))
    return {
        "scale": scale,
        "municipalities": len(counts),
        "count_bytes": size,
        "generated_s": round(generated, 1),
        "bare_parse_s": round(bare_s, 2),
        "bare_parse_cpu_s": round(bare_cpu, 2),
        "bare_parse_peak_mib": round(bare_mib, 1),
        "osv_csb_s": round(osv_s, 2),
        "osv_csb_cpu_s": round(osv_cpu, 2),
        "osv_csb_peak_mib": round(osv_mib, 1),
        "time_ratio": round(osv_s / bare_s, 2),
        "cpu_ratio": round(osv_cpu / bare_cpu, 2),
        "memory_ratio": round(osv_mib / bare_mib, 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="the larger scale (0 to 1)")
    parser.add_argument("--json", action="store_true")
    options = parser.parse_args()
    report = [measure(options.scale / 2), measure(options.scale)]
    if options.json:
        print(json.dumps(report, indent=2))
        return
    for row in report:
        print(
            f"scale {row['scale']}: {row['municipalities']} municipalities, "
            f"{row['count_bytes'] / 2**20:.0f} MiB of 510b; bare iterparse {row['bare_parse_s']} s "
            f"/ {row['bare_parse_peak_mib']} MiB peak; osv result --stage csb {row['osv_csb_s']} s "
            f"/ {row['osv_csb_peak_mib']} MiB peak ({row['time_ratio']}x time, "
            f"{row['cpu_ratio']}x CPU, {row['memory_ratio']}x memory)"
        )


if __name__ == "__main__":
    main()
