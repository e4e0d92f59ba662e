"""Benchmark: a Tweede Kamer election from 510b files to the 520, time and peak memory.

The national election of :mod:`tests.demo_national` is generated at two scales (by default
the full one: 342 municipalities, about 10,000 polling stations, 30 parties with lists of up to 80
candidates; and half of it) into a temporary folder. For each scale, in the same run, a fresh
child process measures (so peak memory is that process's own):

* ``bare parse``: ``lxml.etree.iterparse`` over every 510b file, clearing each element when it
  ends: the cheapest way to read the same bytes, the baseline;
* ``osv result --stage csb``: reading and checking every 510b, adding up, the allocation and the
  candidates, writing the 510d, 520 and the reports.

Reported: wall time and peak RSS of each, and OSV's ratios to the bare parse. Bounded memory
shows as a peak that does not grow with the number of files (half against full scale). No
assertion is made on any number.

Usage: ``.venv/bin/python benchmarks/result.py [--scale 1.0] [--json]``
(``--scale 0.1`` for a quick run; the files of the full scale take about 3 GB on disk.)
"""

from __future__ import annotations

import argparse
import json
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
import resource, sys, time
from pathlib import Path
from lxml import etree
start = time.perf_counter()
for path in sorted(Path(sys.argv[1]).glob("Telling_*.eml.xml")):
    for _, element in etree.iterparse(str(path), events=("end",)):
        element.clear()
print(time.perf_counter() - start, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""

_OSV = """
import resource, sys, time, datetime as dt
from pathlib import Path
from osv.service.result.csb import run_csb
start = time.perf_counter()
outcome = run_csb(Path(sys.argv[1]), Path(sys.argv[2]), created=dt.datetime(2026, 11, 2))
assert outcome.result.status == "complete", outcome.result.status
print(time.perf_counter() - start, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def _child(code: str, *args: str) -> tuple[float, float]:
    """Run ``code`` in a fresh interpreter; return its (seconds, peak RSS in MiB)."""
    done = subprocess.run(
        [sys.executable, "-c", code, *args],
        check=True,
        capture_output=True,
        text=True,
        cwd=_REPO,
    )
    seconds, kib = done.stdout.split()
    return float(seconds), int(kib) / 1024


def measure(scale: float) -> dict[str, Any]:
    """Generate the election at ``scale`` and measure both readers on it."""
    with tempfile.TemporaryDirectory() as folder:
        files = Path(folder) / "in"
        start = time.perf_counter()
        paths = write_national(files, scale=scale)
        generated = time.perf_counter() - start
        counts = [p for p in paths if p.name.startswith("Telling_")]
        size = sum(p.stat().st_size for p in counts)
        bare_s, bare_mib = _child(_BARE, str(files))
        osv_s, osv_mib = _child(_OSV, str(files), str(Path(folder) / "out"))
    return {
        "scale": scale,
        "municipalities": len(counts),
        "count_bytes": size,
        "generated_s": round(generated, 1),
        "bare_parse_s": round(bare_s, 2),
        "bare_parse_peak_mib": round(bare_mib, 1),
        "osv_csb_s": round(osv_s, 2),
        "osv_csb_peak_mib": round(osv_mib, 1),
        "time_ratio": round(osv_s / bare_s, 1),
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
            f"{row['memory_ratio']}x memory)"
        )


if __name__ == "__main__":
    main()
