"""Uploading count files at an HSB or CSB page over HTTP, in its two steps.

The page first checks the files and asks for the two hidden groups of each file's hash; the
groups are read from the file's real SHA-256 here (:func:`hash_groups`), never written down.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from typing import Any

from fastapi.testclient import TestClient

from eml.hash import format_digest, hidden_groups

__all__ = ["confirm_counts", "hash_groups", "upload_counts"]


def hash_groups(data: bytes) -> tuple[str, str]:
    """The two groups of the file's hash that the page hides, as printed on the paper."""
    digest = hashlib.sha256(data).digest()
    groups = format_digest(digest).split(" ")
    first, second = hidden_groups(digest)
    return groups[first], groups[second]


def _field(page: str, name: str) -> str:
    found = re.search(rf'name="{name}" value="([^"]*)"', page)
    assert found is not None, f"no {name} on the page"
    return found.group(1)


def confirm_counts(
    client: TestClient, page_url: str, hash_page: str, typed: Sequence[tuple[str, str]]
) -> Any:
    """Send the typed groups (one pair per file, in upload order) for the pending upload."""
    data = {"csrf": _field(hash_page, "csrf"), "upload": _field(hash_page, "upload")}
    for index, (first, second) in enumerate(typed):
        data[f"groep1:{index}"] = first
        data[f"groep2:{index}"] = second
    return client.post(f"{page_url}/tellingen/bevestigen", data=data)


def upload_counts(
    client: TestClient,
    page_url: str,
    files: Sequence[tuple[str, bytes]],
    typed: Sequence[tuple[str, str]] | None = None,
) -> Any:
    """Upload ``files`` and, when the page asks for hash groups, type them (the right ones
    unless ``typed`` is given); the response of the last step."""
    csrf = _field(client.get(page_url).text, "csrf")
    asked = client.post(
        f"{page_url}/tellingen",
        data={"csrf": csrf},
        files=[("bestanden", (name, data, "application/xml")) for name, data in files],
    )
    if asked.status_code != 200:
        return asked
    assert "Hashcode controleren" in asked.text
    groups = typed if typed is not None else [hash_groups(data) for _, data in files]
    return confirm_counts(client, page_url, asked.text, groups)
