"""Benchmark: reading the largest EML 510 count file, compared with a bare lxml parse.

Finds the largest 510 file under ``../shared/data`` (or ``--file``) and measures, on the same
bytes in the same run:

* ``lxml iterparse``: a bare ``lxml.etree.iterparse`` over the bytes, consuming every
  start/end event and keeping the tree as lxml does by default (the baseline, ratio 1.00);
* ``OSV read_eml``: the whole document as model objects (hash, safety checks, streaming walk,
  vote-group parser, pydantic models);
* ``OSV read_eml + XSD``: the same, validated against the official schema in the same pass
  (only when the schema folder is found);
* ``OSV iter_count``: the stream, dropping each item (what an aggregation over many files costs).

Time is the best of ``--repeat`` runs in this process, the variants taking turns. Memory is
measured in a fresh subprocess per variant: the peak resident set size during the one operation
minus the size before it (``/proc/self/status``, peak reset first; ``ru_maxrss`` elsewhere),
and the peak of Python allocations (``tracemalloc``). tracemalloc does not see libxml2's own
memory, so the baseline's Python heap is tiny and that ratio only shows what the model objects
cost; the RSS ratio is the one to compare. Numbers are printed as absolute values and as ratios
to the baseline; no assertion is made on them anywhere.

Usage: ``.venv/bin/python benchmarks/eml_parse.py [--repeat 5] [--file F] [--json]``
"""

from __future__ import annotations

import argparse
import io
import json
import os
import re
import resource
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

from lxml import etree

_REPO = Path(__file__).resolve().parent.parent
if str(_REPO) not in sys.path:
    sys.path.insert(0, str(_REPO))

from eml.read import read_eml  # noqa: E402
from eml.read.eml510 import iter_count  # noqa: E402
from eml.xsd import SchemaSet  # noqa: E402

_ROOT_ID = re.compile(rb"<(?:\w+:)?EML\b[^>]*?\sId=[\"'](510[a-d])[\"']")


def shared_folder() -> Path:
    """``OSV_SHARED_DIR``, or ``shared`` next to the checkout."""
    return Path(os.environ.get("OSV_SHARED_DIR", _REPO.parent / "shared"))


def largest_count_file(folder: Path) -> Path:
    """The largest file under ``folder`` whose root is an EML 510a–d."""
    counts = [
        path
        for path in folder.rglob("*.xml")
        if path.is_file() and _ROOT_ID.search(path.read_bytes()[:4096])
    ]
    if not counts:
        raise SystemExit(f"no EML 510 file under {folder}")
    return max(counts, key=lambda path: path.stat().st_size)


def _bare(data: bytes) -> int:
    events = 0
    for _event in etree.iterparse(io.BytesIO(data), events=("start", "end")):
        events += 1
    return events


def _variants(schemas: SchemaSet | None) -> dict[str, Callable[[bytes], object]]:
    variants: dict[str, Callable[[bytes], object]] = {
        "lxml iterparse": _bare,
        "OSV read_eml": read_eml,
    }
    if schemas is not None:
        variants["OSV read_eml + XSD"] = lambda data: read_eml(data, schemas=schemas)
    variants["OSV iter_count"] = lambda data: sum(1 for _ in iter_count(data))
    return variants


def _schemas() -> SchemaSet | None:
    folder = shared_folder() / "eml-nl" / "xsd"
    return SchemaSet(folder) if folder.is_dir() else None


def best_times(
    variants: dict[str, Callable[[bytes], object]], data: bytes, repeat: int
) -> dict[str, float]:
    """The shortest of ``repeat`` wall-clock times per variant, in seconds.

    The variants take turns (one run of each per round), so a busy machine slows them alike and
    the ratios stay meaningful.
    """
    best = dict.fromkeys(variants, float("inf"))
    for _ in range(repeat):
        for name, function in variants.items():
            start = time.perf_counter()
            function(data)
            best[name] = min(best[name], time.perf_counter() - start)
    return best


def _status_kib(field: str) -> int | None:
    """A ``Vm…`` line of ``/proc/self/status`` in KiB (Linux), or ``None``."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(f"{field}:"):
                return int(line.split()[1])
    except OSError:
        pass
    return None


def _reset_peak() -> bool:
    """Reset the peak resident set size (Linux 4.0+: ``/proc/self/clear_refs``)."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return False
    return True


def _child(variant: str, path: Path, mode: str) -> None:
    """Run one variant once in this (fresh) process and print its memory use as JSON.

    ``rss``: the peak resident set size during the operation minus the size just before it.
    The peak is reset first where Linux allows it, so earlier peaks (imports) do not hide it;
    elsewhere ``ru_maxrss`` is used, which can only show growth above earlier peaks.
    """
    data = path.read_bytes()
    function = _variants(_schemas())[variant]
    schemas = _schemas()
    if schemas is not None:
        schemas.for_type("510b")  # loaded before measuring, as a service would have it
    if mode == "rss":
        before = _status_kib("VmRSS")
        if before is not None and _reset_peak():
            result = function(data)
            peak = _status_kib("VmHWM") or 0
        else:
            before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            result = function(data)
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        del result
        print(json.dumps({"rss_kib": max(peak - before, 0)}))
    else:
        tracemalloc.start()
        result = function(data)
        _, heap_peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        del result
        print(json.dumps({"heap_bytes": heap_peak}))


def _measure_in_child(variant: str, path: Path, mode: str) -> int:
    command = [sys.executable, __file__, "--child", variant, "--mode", mode, "--file", str(path)]
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    values: dict[str, int] = json.loads(output)
    return next(iter(values.values()))


def run(path: Path, repeat: int) -> dict[str, object]:
    """All measurements for ``path``, as JSON-ready data."""
    data = path.read_bytes()
    schemas = _schemas()
    if schemas is not None:
        schemas.for_type("510b")
    variants = _variants(schemas)
    seconds = best_times(variants, data, repeat)
    rows: list[dict[str, object]] = []
    for name in variants:
        rows.append(
            {
                "variant": name,
                "seconds": seconds[name],
                "peak_rss_kib": _measure_in_child(name, path, "rss"),
                "python_heap_peak_bytes": _measure_in_child(name, path, "heap"),
            }
        )
    base = rows[0]
    for row in rows:
        for key in ("seconds", "peak_rss_kib", "python_heap_peak_bytes"):
            reference = base[key]
            value = row[key]
            assert isinstance(reference, (int, float))
            assert isinstance(value, (int, float))
            row[f"{key}_ratio"] = value / reference if reference else None
    return {
        "file": path.name,
        "bytes": len(data),
        "repeat": repeat,
        "python": sys.version.split()[0],
        "lxml": ".".join(map(str, etree.LXML_VERSION)),
        "rows": rows,
    }


def _ratio(value: object) -> str:
    return f"{value:6.2f}" if isinstance(value, float) else "     -"


def print_table(report: dict[str, object]) -> None:
    """The report as a small text table."""
    print(f"{report['file']}: {report['bytes']:,} bytes; best of {report['repeat']} runs")
    print(
        f"{'variant':<20} {'time':>9} {'ratio':>6} {'peak RSS':>11} {'ratio':>6} "
        f"{'Python heap':>12} {'ratio':>6}"
    )
    rows = report["rows"]
    assert isinstance(rows, list)
    for row in rows:
        print(
            f"{row['variant']:<20} {row['seconds']:8.3f}s {_ratio(row['seconds_ratio'])} "
            f"{row['peak_rss_kib'] / 1024:7.1f} MiB {_ratio(row['peak_rss_kib_ratio'])} "
            f"{row['python_heap_peak_bytes'] / 2**20:8.1f} MiB "
            f"{_ratio(row['python_heap_peak_bytes_ratio'])}"
        )


def main(argv: list[str] | None = None) -> None:
    """Parse the arguments, measure and print."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--file", type=Path, help="a 510 file (default: the largest one)")
    parser.add_argument("--repeat", type=int, default=5, help="runs per time measurement")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--mode", default="rss", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    path = args.file or largest_count_file(shared_folder() / "data")
    if args.child:
        _child(args.child, path, args.mode)
        return
    report = run(path, args.repeat)
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print_table(report)


if __name__ == "__main__":
    main()
