"""Shared fixtures: where the Kiesraad's files are, and the hypothesis profiles.

The official schemas, sample files and real election data live in ``../shared`` next to the
checkout, or in ``OSV_SHARED_DIR`` when that is set (they are not ours and are never copied into
the repository). Tests that need them use the ``shared`` fixture, which skips with the reason
when the folder is absent.

Tests cannot vanish in CI: when the environment variable ``CI`` is set (``.ci/run`` sets it), what
CI must provide and a test lacks makes it fail instead of skip (:func:`unavailable`): the shared
folder (then the run stops before collecting, since tests parametrised over its files would
otherwise silently not exist), the browser (``tests/ui/test_browser.py``) and PostgreSQL
(``tests/databases.py``).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import NoReturn

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile("default", max_examples=60, deadline=None)
settings.register_profile(
    "audit",
    max_examples=2_000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

_REPO = Path(__file__).resolve().parent.parent


#: Why tests that read the Kiesraad's files cannot run.
SHARED_ABSENT = (
    "the shared folder with the Kiesraad's EML_NL schemas and files is absent "
    "(expected ../shared next to the checkout, or OSV_SHARED_DIR)"
)


def find_shared(environ: Mapping[str, str], repo: Path) -> Path | None:
    """The shared folder: ``OSV_SHARED_DIR`` when set (and only that), else ``../shared``;
    ``None`` when it has no schema folder."""
    configured = environ.get("OSV_SHARED_DIR")
    candidate = Path(configured) if configured else repo.parent / "shared"
    return candidate if (candidate / "eml-nl" / "xsd").is_dir() else None


SHARED = find_shared(os.environ, _REPO)


def in_ci(environ: Mapping[str, str] | None = None) -> bool:
    """Whether this run is CI's (``CI`` set and not empty), where nothing may be skipped."""
    return bool((os.environ if environ is None else environ).get("CI"))


def unavailable(reason: str) -> NoReturn:
    """A test cannot run for ``reason`` (something absent): skip it, but fail it in CI."""
    if in_ci():
        pytest.fail(f"{reason}; CI (the environment variable CI is set) must run this test")
    pytest.skip(reason)


def check_shared(shared: Path | None, environ: Mapping[str, str]) -> None:
    """Stop a CI run without the shared folder before collecting: the tests parametrised over
    its files would otherwise not exist, and the run would pass without them."""
    if shared is None and in_ci(environ):
        raise pytest.UsageError(
            f"{SHARED_ABSENT}; CI (the environment variable CI is set) must run the tests "
            "that read it"
        )


def pytest_configure(config: pytest.Config) -> None:
    check_shared(SHARED, os.environ)


@pytest.fixture(scope="session")
def shared() -> Path:
    """The ``shared`` folder with the Kiesraad's schemas, samples and real data."""
    if SHARED is None:
        unavailable(SHARED_ABSENT)
    return SHARED


@pytest.fixture(scope="session")
def xsd_dir(shared: Path) -> Path:
    """The official EML_NL schema folder."""
    return shared / "eml-nl" / "xsd"


@pytest.fixture(scope="session")
def schemas(xsd_dir: Path):  # type: ignore[no-untyped-def]
    """The official schemas, loaded once for the whole session."""
    from eml.xsd import SchemaSet

    return SchemaSet(xsd_dir)
