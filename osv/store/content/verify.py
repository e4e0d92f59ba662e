"""Verification: the stored objects compared with the hashes the audit log recorded last."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from osv.store.content.documents import content_hash, current_objects
from osv.store.content.keys import (
    describe,
)

__all__ = ["ContentFinding", "ContentReport", "recorded_content", "verify_content"]


@dataclass(frozen=True)
class ContentFinding:
    """An object whose stored data differ from what the audit log recorded last.

    :param key: the object.
    :param event_id: the event that recorded it last (``None``: no event did).
    :param recorded: the hash recorded there (``None``: the event recorded its removal).
    :param found: the hash of the object as stored now (``None``: not stored).
    """

    key: str
    event_id: int | None
    recorded: str | None
    found: str | None

    @property
    def problem(self) -> str:
        """``changed``, ``missing`` (recorded, not stored), ``removed`` (stored, recorded as
        removed) or ``unrecorded`` (stored, no event recorded it)."""
        if self.event_id is None:
            return "unrecorded"
        if self.found is None:
            return "missing"
        if self.recorded is None:
            return "removed"
        return "changed"

    @property
    def reason(self) -> str:
        """One line naming the object and the event."""
        what = describe(self.key)
        match self.problem:
            case "unrecorded":
                return f"{what}: stored, but no audit event recorded it"
            case "missing":
                return f"{what}: recorded by event {self.event_id}, but no longer stored"
            case "removed":
                return f"{what}: stored, but event {self.event_id} recorded its removal"
        return f"{what}: stored data do not match event {self.event_id}"

    def to_json(self) -> dict[str, Any]:
        """The finding as plain JSON values."""
        return {
            "object": self.key,
            "event_id": self.event_id,
            "recorded": self.recorded,
            "found": self.found,
            "problem": self.problem,
            "reason": self.reason,
        }


@dataclass(frozen=True)
class ContentReport:
    """The outcome of comparing the stored objects with the hashes the log recorded.

    :param objects: how many objects are stored or recorded.
    :param findings: the objects that differ, the one recorded earliest first (never recorded
        ones last).
    """

    objects: int
    findings: tuple[ContentFinding, ...] = ()

    @property
    def intact(self) -> bool:
        """Whether every object is stored as the log recorded it last."""
        return not self.findings


def recorded_content(data: Mapping[str, Any]) -> dict[str, str | None]:
    """The object hashes an event's ``data`` records (empty when it records none)."""
    content = data.get("content")
    if not isinstance(content, dict):
        return {}
    return {str(key): value if isinstance(value, str) else None for key, value in content.items()}


def verify_content(
    session: Session, recorded: Mapping[str, tuple[str | None, int]]
) -> ContentReport:
    """Recompute every stored object and compare it with the last hash the log recorded.

    :param recorded: per object key, the last recorded hash and the id of its event.
    """
    findings: list[ContentFinding] = []
    stored = set()
    for key in current_objects(session):
        stored.add(key)
        found = content_hash(session, key)
        hash_, event = recorded.get(key, (None, None))
        if event is None or hash_ != found:
            findings.append(ContentFinding(key, event, hash_, found))
    for key, (hash_, event) in recorded.items():
        if key not in stored and hash_ is not None:
            findings.append(ContentFinding(key, event, hash_, None))
    findings.sort(key=lambda f: (f.event_id is None, f.event_id or 0, f.key))
    return ContentReport(len(stored | set(recorded)), tuple(findings))
