"""Tests cannot vanish in CI (issue 19): with ``CI`` set, what CI must provide and a test lacks
fails the run instead of skipping it (tests/conftest.py): the shared folder with the Kiesraad's
files, the browser, PostgreSQL. Locally the same tests skip, with the reason."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import check_shared, find_shared, unavailable
from tests.databases import postgres_url

_REPO = Path(__file__).resolve().parent.parent


def test_ci_fails_where_a_local_run_skips(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="Chromium is absent"):
        unavailable("Chromium is absent")

    monkeypatch.setenv("CI", "1")
    with pytest.raises(pytest.fail.Exception, match=r"Chromium is absent; CI .* must run"):
        unavailable("Chromium is absent")


def test_ci_without_postgresql_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OSV_TEST_DATABASE_URL", raising=False)
    monkeypatch.delenv("OSV_TEST_REQUIRE_POSTGRES", raising=False)
    monkeypatch.setenv("CI", "1")
    with pytest.raises(pytest.fail.Exception, match="OSV_TEST_DATABASE_URL"):
        postgres_url()

    monkeypatch.delenv("CI")
    with pytest.raises(pytest.skip.Exception, match="OSV_TEST_DATABASE_URL"):
        postgres_url()


def test_the_shared_folder_is_the_configured_one_or_next_to_the_checkout(tmp_path: Path) -> None:
    checkout = tmp_path / "checkout"
    (tmp_path / "shared" / "eml-nl" / "xsd").mkdir(parents=True)
    (tmp_path / "elsewhere").mkdir()

    assert find_shared({}, checkout) == tmp_path / "shared"
    assert find_shared({"OSV_SHARED_DIR": str(tmp_path / "elsewhere")}, checkout) is None
    assert find_shared({}, tmp_path / "elsewhere" / "checkout") is None


def test_ci_without_the_shared_folder_stops_before_collecting() -> None:
    check_shared(None, {})  # locally: the tests that need it skip one by one
    with pytest.raises(pytest.UsageError, match=r"shared folder .* absent"):
        check_shared(None, {"CI": "1"})


def test_a_ci_run_without_the_shared_folder_fails(tmp_path: Path) -> None:
    """The whole chain, in a pytest of its own: CI set, OSV_SHARED_DIR an empty folder."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST_", "OSV_"))}
    env.update(CI="1", OSV_SHARED_DIR=str(tmp_path))
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-p",
            "no:cacheprovider",
            "-p",
            "no:xdist",
            "tests/eml/test_510_roundtrip.py",
        ],
        capture_output=True,
        text=True,
        check=False,
        cwd=_REPO,
        env=env,
    )
    assert run.returncode == pytest.ExitCode.USAGE_ERROR
    assert "the shared folder with the Kiesraad's EML_NL schemas and files is absent" in (
        run.stdout + run.stderr
    )
