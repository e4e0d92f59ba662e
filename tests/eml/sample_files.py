"""Finding the Kiesraad's EML files in the ``shared`` folder, for parametrised tests.

Tests are parametrised at collection time, before fixtures exist, so the file lists are built
from :data:`tests.conftest.SHARED` (``None`` when the folder is absent: then every list is empty
and pytest skips the tests). Each test still receives the folder through the ``shared`` fixture
and resolves the relative path there.

A valid file is classified by its root ``Id`` (what it is); an invalid sample by its name prefix
(what it pretends to be: ``eml230b_invalid_document_type`` is a 230b test with a 110a root).
"""

from __future__ import annotations

import re
from pathlib import Path

from tests.conftest import SHARED

__all__ = ["invalid_samples", "message_type_of", "valid_files"]

_ROOTS = ("data", "eml-nl/samples")
_ROOT_ID = re.compile(rb"<(?:\w+:)?EML\b[^>]*?\sId=[\"']([0-9a-z]+)[\"']")


def _all_files() -> list[Path]:
    if SHARED is None:
        return []
    files: list[Path] = []
    for root in _ROOTS:
        files.extend(path for path in (SHARED / root).rglob("*.xml") if path.is_file())
    return sorted(files)


def message_type_of(path: Path) -> str | None:
    """The root ``Id`` of an EML file (``"110a"``, ``"510b"``, ...), read from its first bytes."""
    match = _ROOT_ID.search(path.read_bytes()[:4096])
    return match.group(1).decode("ascii") if match else None


def valid_files(message_type: str) -> list[str]:
    """Relative paths (to ``shared``) of the files of ``message_type`` not named invalid."""
    return [
        _relative(path)
        for path in _all_files()
        if "invalid" not in path.name and message_type_of(path) == message_type
    ]


def invalid_samples(message_type: str) -> list[str]:
    """Relative paths of the samples named ``eml<message_type>_invalid_*``."""
    prefix = f"eml{message_type}_invalid"
    return [_relative(path) for path in _all_files() if path.name.startswith(prefix)]


def _relative(path: Path) -> str:
    assert SHARED is not None
    return path.relative_to(SHARED).as_posix()
