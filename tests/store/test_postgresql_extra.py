"""PostgreSQL's driver is the extra ``osv[postgresql]``: SQLite needs no psycopg, and a
PostgreSQL URL without it is refused in one sentence that names the extra (issue 19)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from osv.store import DatabaseUnavailableError, open_database

#: Makes ``import psycopg`` fail in a fresh interpreter, as on an install without the extra.
_WITHOUT_PSYCOPG = "import sys\nsys.modules['psycopg'] = None\nsys.modules['psycopg2'] = None\n"


def test_a_postgresql_url_without_the_driver_names_the_extra(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "psycopg", None)

    with pytest.raises(DatabaseUnavailableError) as refused:
        open_database("postgresql+psycopg://osv:secret@127.0.0.1:5432/osv")

    message = str(refused.value)
    assert "PostgreSQL's driver, which is not installed" in message
    assert "pip install 'osv[postgresql]'" in message
    assert "secret" not in message


def test_the_command_line_refuses_it_in_one_line_with_exit_2(tmp_path: Path) -> None:
    code = _WITHOUT_PSYCOPG + "from osv.cli.app import main\nmain()\n"
    run = subprocess.run(
        [sys.executable, "-c", code, "db", "status"],
        capture_output=True,
        text=True,
        check=False,
        env={
            "PATH": "/usr/bin:/bin",
            "OSV_HOME": str(tmp_path),
            "OSV_DATABASE_URL": "postgresql+psycopg://osv@127.0.0.1:5432/osv",
        },
    )
    assert run.returncode == 2
    assert run.stderr.startswith("osv: error: The database URL postgresql+psycopg://")
    assert "osv[postgresql]" in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1


def test_the_sqlite_default_imports_the_demo_without_psycopg(tmp_path: Path) -> None:
    code = _WITHOUT_PSYCOPG + "from osv.cli.app import main\nmain()\n"
    env = {"PATH": "/usr/bin:/bin", "OSV_HOME": str(tmp_path / "home")}

    def osv(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-c", code, *args],
            capture_output=True,
            text=True,
            check=False,
            env=env,
            cwd=tmp_path,
        )

    assert osv("demo", "--out", "demo").returncode == 0
    files = sorted(str(path) for path in (tmp_path / "demo").glob("*.eml.xml"))
    imported = osv("import", *files, "--hash-file", str(tmp_path / "demo" / "Hashcodes.txt"))
    assert imported.returncode == 0, imported.stderr
    shown = osv("show", "elections")
    assert shown.returncode == 0
    assert "GR2026_Vlietdam" in shown.stdout
    assert (tmp_path / "home" / "osv.sqlite3").is_file()
