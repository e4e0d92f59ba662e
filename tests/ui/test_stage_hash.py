"""The integrity hash of an uploaded count, checked against the paper at the CSB (over HTTP).

Uploading a 510b takes two steps: the file is checked and kept pending, and the page shows its
hash with two groups hidden; only when the coordinator types those groups from the paper
Na 31-2 is it stored and counted (process.md §2, eml-nl.md §8). The groups are read from the
file's real SHA-256 (:func:`hash_groups`), never written down.
"""

from __future__ import annotations

import hashlib
import html
import re
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from eml.hash import format_digest, hidden_groups, masked
from osv.service import queries
from osv.service.result.stored import stage_view
from tests.ui.helpers import EID, Installation, install, token
from tests.ui.stage_counts import demo_count, inconsistent_count
from tests.ui.stage_uploads import confirm_counts, hash_groups, upload_counts
from ui.auth import SESSION_COOKIE

PAGE = f"/uitslag/{EID}/CSB"
NAME = "Telling_GR2026_Vlietdam.eml.xml"


@pytest.fixture
def installed(tmp_path_factory: pytest.TempPathFactory, xsd_dir: Path) -> Iterator[Installation]:
    installation = install(tmp_path_factory.mktemp("stagehash"), session=False, xsd_dir=xsd_dir)
    yield installation
    installation.factory.close()


@pytest.fixture
def coordinator(installed: Installation) -> TestClient:
    client = TestClient(installed.app, follow_redirects=False)
    client.cookies.set(SESSION_COOKIE, token(installed.factory, "coordinator_csb"))
    return client


def _ask(client: TestClient, files: list[tuple[str, bytes]]) -> str:
    """The first step: upload, and return the page that asks for the hash groups."""
    page = client.get(PAGE).text
    csrf = re.search(r'name="csrf" value="([^"]*)"', page)
    assert csrf is not None
    asked = client.post(
        f"{PAGE}/tellingen",
        data={"csrf": csrf.group(1)},
        files=[("bestanden", (name, data, "application/xml")) for name, data in files],
    )
    assert asked.status_code == 200, asked.text[:500]
    return asked.text


def _pending(installed: Installation) -> list[Path]:
    folder = installed.settings.home / "uploads" / "uitslag"
    return list(folder.iterdir()) if folder.is_dir() else []


def _state(installed: Installation) -> tuple[int, int]:
    """Stored count files and audit events: what a refusal must leave unchanged."""
    return (
        len(stage_view(installed.factory, EID, "CSB").inputs),
        len(queries.audit_events(installed.factory, None, limit=10_000)),
    )


def test_the_page_asks_for_the_two_hidden_groups_and_counts_nothing_yet(
    installed: Installation, coordinator: TestClient
) -> None:
    data = demo_count()
    digest = hashlib.sha256(data).digest()
    before = _state(installed)

    page = html.unescape(_ask(coordinator, [(NAME, data)]))

    assert "Hashcode controleren" in page
    assert masked(digest) in page
    assert format_digest(digest) not in page  # the hidden groups are not on the screen
    first, second = hidden_groups(digest)
    assert f'<label for="groep1-0">Groep {first + 1} van {NAME}</label>' in page
    assert f'<label for="groep2-0">Groep {second + 1} van {NAME}</label>' in page
    assert "Gemeente Vlietdam (9997)" in page  # the municipality and the file name per row
    assert _state(installed) == before  # checked, not stored, not counted
    assert len(_pending(installed)) == 1


def test_with_the_right_groups_the_count_is_stored_and_shown_with_its_hash(
    installed: Installation, coordinator: TestClient
) -> None:
    data = demo_count()
    files, events = _state(installed)

    stored = upload_counts(coordinator, PAGE, [(NAME, data)])

    assert stored.status_code == 303
    assert "Hashcode gecontroleerd" in urllib.parse.unquote(stored.headers["location"])
    assert _state(installed) == (files + 1, events + 1)
    page = coordinator.get(PAGE).text
    assert NAME in page
    assert format_digest(hashlib.sha256(data).digest()) in page
    event = queries.audit_events(installed.factory, None, limit=10_000)[-1]
    assert event.event == "stage.count_uploaded"
    assert event.data["hash_check"] == "typed-groups"
    assert event.data["sha256"] == hashlib.sha256(data).hexdigest()
    assert (event.data["file"], event.data["municipality"]) == (NAME, "9997")
    assert _pending(installed) == []


@pytest.mark.parametrize("typed", ["wrong", "of another file"])
def test_groups_that_are_not_the_file_s_are_refused_in_dutch_and_nothing_is_counted(
    installed: Installation, coordinator: TestClient, typed: str
) -> None:
    data = demo_count()
    first, second = hash_groups(data)
    groups = {
        "wrong": (second, first) if first != second else ("0000", "0000"),
        "of another file": hash_groups(inconsistent_count()),
    }[typed]
    assert groups != (first, second)
    before = _state(installed)

    refused = upload_counts(coordinator, PAGE, [(NAME, data)], typed=[groups])

    assert refused.status_code == 400
    text = html.unescape(refused.text)
    assert "zijn niet gelijk aan de verborgen groepen" in text
    assert f"{NAME} (gemeente Vlietdam (9997))" in text
    assert "Er is niets van dit bestand opgeslagen" in text
    assert _state(installed) == before  # no file, no audit event (as the administrator's import)
    assert _pending(installed) == []  # upload again to try once more


def test_a_pending_upload_is_checked_again_when_its_groups_are_typed(
    installed: Installation, coordinator: TestClient
) -> None:
    data = demo_count()
    first_page = _ask(coordinator, [(NAME, data)])
    second_page = _ask(coordinator, [("Kopie.eml.xml", data)])
    assert confirm_counts(coordinator, PAGE, first_page, [hash_groups(data)]).status_code == 303

    refused = confirm_counts(coordinator, PAGE, second_page, [hash_groups(data)])

    assert refused.status_code == 400
    assert "is al geüpload" in html.unescape(refused.text)
    assert len(stage_view(installed.factory, EID, "CSB").inputs) == 1


def test_an_unknown_or_tampered_upload_is_refused(
    installed: Installation, coordinator: TestClient
) -> None:
    page = _ask(coordinator, [(NAME, demo_count())])
    for upload in ("../../osv", "onbekend-maar-lang-genoeg"):
        forged = page.replace(re.findall(r'name="upload" value="([^"]*)"', page)[0], upload)
        refused = confirm_counts(coordinator, PAGE, forged, [hash_groups(demo_count())])
        assert refused.status_code == 400
        assert "Deze upload bestaat niet" in html.unescape(refused.text)
    assert stage_view(installed.factory, EID, "CSB").inputs == ()
