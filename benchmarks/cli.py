"""Benchmark: the command line's start and ``osv eml inspect`` on the largest count files, as
whole processes, each against a bare process doing the least the same job needs.

Measured in the same run, each the best (lowest) of ``--repeat`` runs of a fresh process:

* ``osv --help`` and ``osv --version`` against ``python -c "import lxml.etree"`` (a Python
  process that loads the XML library and nothing else);
* ``osv eml inspect --json --no-schema FILE`` on the two largest 510 count files under
  ``../shared/data`` (or ``--file``), against a process that runs a bare
  ``lxml.etree.iterparse`` over the same file, clearing each element (the least any reader
  must do);
* ``osv import`` of Delft's 510b (3.4 MiB, 66 polling stations) into a fresh SQLite database
  that holds its election, against the same bare ``iterparse`` process;
* ``osv eml inspect --json --xsd-dir DIR FILE`` (when the official schemas are found) against a
  process that parses the file into a tree and validates it with lxml's own ``XMLSchema``.

Both wall time and CPU time (user + system of the process and its children, from
``resource.getrusage``) are reported, with OSV's ratios to the baseline; on a shared, loaded
machine the CPU ratio is the steadier figure. No assertion is made on any number.

Usage: ``.venv/bin/python benchmarks/cli.py [--repeat 5] [--file F]... [--json]``
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
_BIN = Path(sys.executable).parent
_OSV = str(_BIN / "osv")
_SHARED = _REPO.parent / "shared"

_BARE_IMPORT = "import lxml.etree"
_BARE_PARSE = (
    "import sys\nfrom lxml import etree\n"
    "for _, element in etree.iterparse(sys.argv[1], events=('end',)):\n"
    "    element.clear()\n"
)
_BARE_VALIDATE = (
    "import sys\nfrom lxml import etree\n"
    "schema = etree.XMLSchema(etree.parse(sys.argv[1]))\n"
    "schema.assertValid(etree.parse(sys.argv[2]))\n"
)


def _run(command: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """Run ``command`` once; its (wall seconds, CPU seconds of it and its children)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, cwd=_REPO, env=env)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def _row(
    figure: str, osv: list[str], baseline_name: str, baseline: list[str], repeat: int
) -> dict[str, Any]:
    # Alternate so that a change in the machine's load hits both alike.
    osv_runs: list[tuple[float, float]] = []
    base_runs: list[tuple[float, float]] = []
    for _ in range(repeat):
        base_runs.append(_run(baseline))
        osv_runs.append(_run(osv))
    return _report(figure, baseline_name, osv_runs, base_runs)


def _report(
    figure: str,
    baseline: str,
    osv_runs: list[tuple[float, float]],
    base_runs: list[tuple[float, float]],
) -> dict[str, Any]:
    """One row: the best wall and CPU time of OSV's runs and of the baseline's, and ratios."""
    osv_wall, osv_cpu = min(w for w, _ in osv_runs), min(c for _, c in osv_runs)
    base_wall, base_cpu = min(w for w, _ in base_runs), min(c for _, c in base_runs)
    return {
        "figure": figure,
        "baseline": baseline,
        "osv_wall_s": round(osv_wall, 3),
        "osv_cpu_s": round(osv_cpu, 3),
        "baseline_wall_s": round(base_wall, 3),
        "baseline_cpu_s": round(base_cpu, 3),
        "wall_ratio": round(osv_wall / base_wall, 2),
        "cpu_ratio": round(osv_cpu / base_cpu, 2),
    }


_DELFT_DEFINITION = """
import sys
from pathlib import Path
sys.path.insert(0, sys.argv[2])
from osv.model import ElectionSubcategory
from tests.service.helpers import write_definition
print(write_definition(Path(sys.argv[1]), "GR2022_Delft", name="Gemeenteraad Delft 2022",
      domain=("0503", "Delft"), seats=39, subcategory=ElectionSubcategory.GR2))
"""


def _import_row(repeat: int) -> dict[str, Any] | None:
    """``osv import`` of Delft's 510b into a fresh SQLite database holding its election,
    against a bare iterparse process of the same file (each repeat a new database)."""
    count = _SHARED / "data" / "GR2022" / "Telling_GR2022_Delft.eml.xml"
    if not count.is_file():
        return None
    osv_runs: list[tuple[float, float]] = []
    base_runs: list[tuple[float, float]] = []
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as folder:
            env = {k: v for k, v in os.environ.items() if k != "OSV_EML_XSD_DIR"}
            env |= {"OSV_HOME": folder, "OSV_DATABASE_URL": f"sqlite:///{folder}/osv.sqlite3"}
            made = subprocess.run(
                [sys.executable, "-c", _DELFT_DEFINITION, folder, str(_REPO)],
                check=True,
                capture_output=True,
                text=True,
            )
            definition = made.stdout.strip()
            subprocess.run(
                [_OSV, "import", "--no-hash-check", definition],
                check=True,
                stdout=subprocess.DEVNULL,
                env=env,
            )
            base_runs.append(_run([sys.executable, "-c", _BARE_PARSE, str(count)]))
            osv_runs.append(_run([_OSV, "import", "--no-hash-check", str(count)], env))
    figure = f"osv import {count.name} ({count.stat().st_size / 2**20:.1f} MiB), SQLite"
    return _report(figure, "bare lxml iterparse process", osv_runs, base_runs)


def _largest_counts(count: int) -> list[Path]:
    data = _SHARED / "data"
    if not data.is_dir():
        return []
    files = [p for p in data.rglob("*.xml") if p.name.startswith("Telling_")]
    return sorted(files, key=lambda p: p.stat().st_size, reverse=True)[:count]


def measure(files: list[Path], repeat: int) -> list[dict[str, Any]]:
    """Every row of the benchmark."""
    python = sys.executable
    bare = [python, "-c", _BARE_IMPORT]
    rows = [
        _row("osv --help", [_OSV, "--help"], "python -c 'import lxml.etree'", bare, repeat),
        _row("osv --version", [_OSV, "--version"], "python -c 'import lxml.etree'", bare, repeat),
    ]
    xsd = os.environ.get("OSV_EML_XSD_DIR") or str(_SHARED / "eml-nl" / "xsd")
    strict = Path(xsd) / "510-count-kiesraad-strict.xsd"
    for path in files:
        size = f"{path.name} ({path.stat().st_size / 2**20:.1f} MiB)"
        plain = [_OSV, "eml", "inspect", "--json", "--no-schema", str(path)]
        rows.append(
            _row(
                f"osv eml inspect --json {size}",
                plain,
                "bare lxml iterparse process",
                [python, "-c", _BARE_PARSE, str(path)],
                repeat,
            )
        )
        if strict.is_file():
            rows.append(
                _row(
                    f"osv eml inspect --json, validated, {size}",
                    [_OSV, "eml", "inspect", "--json", "--xsd-dir", xsd, str(path)],
                    "lxml parse + XMLSchema process",
                    [python, "-c", _BARE_VALIDATE, str(strict), str(path)],
                    repeat,
                )
            )
    imported = _import_row(repeat)
    if imported is not None:
        rows.append(imported)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--file", type=Path, action="append", help="a 510 file (repeatable)")
    parser.add_argument("--json", action="store_true")
    options = parser.parse_args()
    rows = measure(options.file or _largest_counts(2), options.repeat)
    if options.json:
        print(json.dumps(rows, indent=2))
        return
    for row in rows:
        print(
            f"{row['figure']}: {row['osv_wall_s']} s wall / {row['osv_cpu_s']} s CPU; "
            f"{row['baseline']} {row['baseline_wall_s']} s / {row['baseline_cpu_s']} s "
            f"({row['wall_ratio']}x wall, {row['cpu_ratio']}x CPU)"
        )


if __name__ == "__main__":
    main()
