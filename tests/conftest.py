"""Shared fixtures: where the Kiesraad's files are, and the hypothesis profiles.

The official schemas, sample files and real election data live in ``../shared`` next to the
checkout (they are not ours and are never copied into the repository). Tests that need them use
the ``shared`` fixture, which skips with the reason when the folder is absent.
"""

from __future__ import annotations

import os
from pathlib import Path

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


def _find_shared() -> Path | None:
    configured = os.environ.get("OSV_SHARED_DIR")
    candidates = [Path(configured)] if configured else []
    candidates.append(_REPO.parent / "shared")
    for candidate in candidates:
        if (candidate / "eml-nl" / "xsd").is_dir():
            return candidate
    return None


SHARED = _find_shared()


@pytest.fixture(scope="session")
def shared() -> Path:
    """The ``shared`` folder with the Kiesraad's schemas, samples and real data."""
    if SHARED is None:
        pytest.skip(
            "the shared folder with the Kiesraad's EML_NL schemas and files is absent "
            "(expected ../shared next to the checkout, or OSV_SHARED_DIR)"
        )
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
