"""The command line starts without loading what its commands need (issue 18, docs/performance.md).

``osv --help`` and ``osv --version`` should cost little more than starting Python: every
command imports its services, the EML reader, the database, the web framework or reportlab when
it runs, not when the ``osv`` program is loaded. This test keeps it so: it imports the command
line in a fresh interpreter and lists what was loaded. (How long that takes is measured in
``benchmarks/``, never asserted here.)
"""

from __future__ import annotations

import json
import subprocess
import sys

#: Packages the start of the command line must not load.
HEAVY = (
    "pydantic",
    "sqlalchemy",
    "alembic",
    "fastapi",
    "starlette",
    "uvicorn",
    "jinja2",
    "reportlab",
    "lxml",
    "argon2",
    "psycopg",
    "results",
    "candidacy",
    "ui",
)


def _loaded_by(code: str) -> list[str]:
    out = subprocess.run(
        [sys.executable, "-c", f"{code}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"],
        capture_output=True,
        text=True,
        check=True,
    )
    modules: list[str] = json.loads(out.stdout.splitlines()[-1])
    return modules


def test_loading_the_command_line_loads_no_heavy_package() -> None:
    modules = _loaded_by("import osv.cli.app")
    heavy = [m for m in modules if m.split(".")[0] in HEAVY]
    ours = [
        m
        for m in modules
        if m.startswith(("osv.service", "osv.store", "osv.pv", "eml.documents", "eml.read"))
        or (m.startswith("osv.model.") and m != "osv.model.forms")
    ]
    assert heavy == []
    assert ours == []


def test_the_version_is_printed_without_loading_a_command() -> None:
    out = subprocess.run(
        [sys.executable, "-c", "from osv.cli.app import main; main()", "--version"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert out.returncode == 0
    assert out.stdout.startswith("osv ")
