"""Uploading a count at an HSB or CSB: checked first, stored only with the paper's hash groups.

The demo election is imported; its municipality's 510b is uploaded at the CSB. The two hidden
groups of the hash are always read from the file's real SHA-256 (:func:`groups_of`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import pytest

from eml import write_eml
from eml.hash import format_digest, hidden_groups
from eml.safe import Limits
from osv.service import queries
from osv.service.demo import build_demo, write_demo
from osv.service.importing import HashCheck, import_files
from osv.service.result.stored import StageRefusedError, check_count, stage_view, upload_count
from osv.store import UnitOfWork
from tests.service.helpers import groups_of

EID = "GR2026_Vlietdam"
NAME = "Telling_GR2026_Vlietdam_gemeente_Vlietdam.eml.xml"


@pytest.fixture
def demo(uow_factory: Callable[[], UnitOfWork], tmp_path: Path) -> Callable[[], UnitOfWork]:
    paths = write_demo(tmp_path / "demo")
    import_files(
        uow_factory,
        [p for p in paths if p.suffix == ".xml" and not p.name.startswith("Telling")],
        schemas=None,
        limits=Limits(),
        hash_check=HashCheck(hash_file=next(p for p in paths if p.name == "Hashcodes.txt")),
        actor="test",
    )
    return uow_factory


def _count() -> bytes:
    return write_eml(build_demo().count)


def _events(factory: Callable[[], UnitOfWork]) -> list[str]:
    return [e.event for e in queries.audit_events(factory, None, limit=10_000)]


def test_checking_a_count_stores_nothing_and_hides_two_groups_of_its_hash(
    demo: Callable[[], UnitOfWork],
) -> None:
    data = _count()
    digest = hashlib.sha256(data).digest()
    events = _events(demo)

    checked = check_count(demo, EID, "CSB", NAME, data)

    assert (checked.file_name, checked.message_type, checked.part) == (NAME, "510b", "9997")
    assert checked.part_name == "Vlietdam"  # the municipality as the file names it
    assert checked.sha256 == digest.hex()
    shown, groups = checked.masked_hash.split(" "), format_digest(digest).split(" ")
    hidden = hidden_groups(digest)
    assert [i for i, g in enumerate(shown) if g != groups[i]] == list(hidden)
    assert stage_view(demo, EID, "CSB").inputs == ()
    assert _events(demo) == events


def test_a_count_is_stored_with_the_right_groups_and_the_check_is_audited(
    demo: Callable[[], UnitOfWork],
) -> None:
    data = _count()
    first, second = groups_of(hashlib.sha256(data).digest())

    # Case and surrounding spaces do not matter (eml-nl.md §8).
    stored = upload_count(
        demo, EID, "CSB", NAME, data, "coordinator", typed=(f" {first.upper()}", second)
    )

    assert stage_view(demo, EID, "CSB").inputs == (stored,)
    assert stored.sha256 == hashlib.sha256(data).hexdigest()
    [event] = [
        e
        for e in queries.audit_events(demo, None, limit=10_000)
        if e.event == "stage.count_uploaded"
    ]
    assert event.actor == "coordinator"
    assert event.data["file"] == NAME
    assert event.data["sha256"] == stored.sha256
    assert event.data["municipality"] == "9997"
    assert event.data["hash_check"] == "typed-groups"
    assert event.data["digest_matched"] == "raw"


def _another_digit(group: str) -> str:
    """``group`` with its first hexadecimal digit changed."""
    return f"{(int(group[0], 16) + 1) % 16:x}{group[1:]}"


def _another_files_groups(right: tuple[str, str]) -> tuple[str, str]:
    """The hidden groups of another count file of the demo (the same count under another
    transaction id), the first whose groups are not ``right`` (two files sharing both groups,
    one chance in 2**32, would make the next id be taken)."""
    count = build_demo().count
    for transaction in range(2, 100):
        header = count.header.model_copy(update={"transaction_id": str(transaction)})
        groups = groups_of(
            hashlib.sha256(write_eml(count.model_copy(update={"header": header}))).digest()
        )
        if groups != right:
            return groups
    raise AssertionError("98 files with the same hidden groups")


@pytest.mark.parametrize("typed", ["wrong", "another file's", "empty"])
def test_a_count_without_its_own_groups_is_refused_and_nothing_is_stored(
    demo: Callable[[], UnitOfWork], typed: str
) -> None:
    data = _count()
    right = groups_of(hashlib.sha256(data).digest())
    groups = {
        "wrong": (_another_digit(right[0]), right[1]),
        "another file's": _another_files_groups(right),
        "empty": ("", ""),
    }[typed]
    assert groups != right
    events = _events(demo)

    with pytest.raises(StageRefusedError) as refused:
        upload_count(demo, EID, "CSB", NAME, data, "coordinator", typed=groups)

    assert refused.value.code == "hash_mismatch"
    assert refused.value.details["part"] == "9997"
    assert stage_view(demo, EID, "CSB").inputs == ()
    assert _events(demo) == events
