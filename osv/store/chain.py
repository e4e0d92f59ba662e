"""The hash chain of the audit log: how each event's hash is computed, and how to check them.

Every audit event stores a hash that covers the event and, through the previous event's hash,
every event before it::

    hash(n) = SHA-256( hash(n-1) as 64 lowercase hex ASCII characters
                       || canonical JSON of event n as UTF-8 bytes )

with ``hash(0) =`` :data:`GENESIS` (64 zeros) for the first event. The canonical JSON is an
object with exactly the keys ``actor``, ``at``, ``data``, ``election``, ``event`` and ``id``,
sorted, without spaces (``separators=(",", ":")``), non-ASCII characters escaped
(``ensure_ascii=True``), ``at`` in UTC as ``YYYY-MM-DDTHH:MM:SS.ffffffZ`` (always six
fractional digits). docs/audit.md shows how to recompute the chain without OSV.

Changing, removing or reordering an event breaks the chain at that event or the next one;
removing the *last* events cannot be seen from the log alone, which is why the newest hash is
shown to be noted down (on paper, or with a backup's audit event).

This module is pure (standard library only) so an auditor can read it on its own.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from osv.store.records import AuditEvent

__all__ = [
    "GENESIS",
    "BrokenLink",
    "ChainReport",
    "canonical",
    "canonical_time",
    "link",
    "normalise_data",
    "verify_chain",
]

#: The "previous hash" of the first event.
GENESIS = "0" * 64


def canonical_time(moment: dt.datetime) -> str:
    """``moment`` in UTC as ``YYYY-MM-DDTHH:MM:SS.ffffffZ`` (a naive moment is taken as UTC)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def normalise_data(data: Mapping[str, Any]) -> dict[str, Any]:
    """``data`` as it reads back from the database's JSON column (tuples become lists, ...).

    :raises ValueError: for data that is not JSON (NaN, infinity, other types).
    """
    try:
        text = json.dumps(dict(data), allow_nan=False, sort_keys=True)
    except (TypeError, ValueError) as error:
        raise ValueError(f"audit event data must be JSON: {error}") from None
    normalised: dict[str, Any] = json.loads(text)
    return normalised


def canonical(event: AuditEvent) -> bytes:
    """The canonical serialisation of ``event`` that its hash covers (``event.id`` must be set)."""
    if event.id is None:
        raise ValueError("an audit event gets its hash only with its id")
    document = {
        "actor": event.actor,
        "at": canonical_time(event.at),
        "data": dict(event.data),
        "election": event.election,
        "event": event.event,
        "id": event.id,
    }
    text = json.dumps(
        document, sort_keys=True, separators=(",", ":"), ensure_ascii=True, allow_nan=False
    )
    return text.encode("utf-8")


def link(previous: str, event: AuditEvent) -> str:
    """The hash of ``event`` following an event with hash ``previous`` (64 lowercase hex)."""
    return hashlib.sha256(previous.encode("ascii") + canonical(event)).hexdigest()


@dataclass(frozen=True)
class BrokenLink:
    """The first event whose stored hash is not the one the chain gives.

    :param event_id: the id of that event.
    :param expected: the hash recomputed from the previous event's hash and this event.
    :param found: the hash stored with the event (``None`` when it has none).
    :param position: how many events come before it (0 for the first).
    """

    event_id: int
    expected: str
    found: str | None
    position: int

    @property
    def reason(self) -> str:
        """One line naming the event, for the command line and the log page."""
        return (
            f"audit event {self.event_id} has hash {self.found or 'none'}, expected "
            f"{self.expected}: this event, or one before it, was changed, removed or reordered"
        )


@dataclass(frozen=True)
class ChainReport:
    """The outcome of walking the audit log.

    :param count: how many events were checked (up to and including a broken one).
    :param last_hash: the hash of the last event whose link holds (:data:`GENESIS` for an
        empty log); when the chain is intact, note it down: it fixes the whole log so far.
    :param last_id: the id of that event, ``None`` when there is none.
    :param broken: the first broken link, ``None`` when the chain is intact.
    """

    count: int
    last_hash: str
    last_id: int | None
    broken: BrokenLink | None = None

    @property
    def intact(self) -> bool:
        """Whether every event's hash follows from the one before."""
        return self.broken is None

    def to_json(self) -> dict[str, Any]:
        """The report as plain JSON values (for ``osv audit verify --json``)."""
        broken = self.broken
        return {
            "intact": self.intact,
            "events": self.count,
            "last_id": self.last_id,
            "last_hash": self.last_hash,
            "broken": None
            if broken is None
            else {
                "event_id": broken.event_id,
                "expected": broken.expected,
                "found": broken.found,
                "position": broken.position,
                "reason": broken.reason,
            },
        }


def verify_chain(events: Iterable[AuditEvent]) -> ChainReport:
    """Walk ``events`` (in id order, from the first) and report the first broken link.

    Reads each event once, so ``events`` may be a stream of any length.
    """
    previous = GENESIS
    count = 0
    last_id: int | None = None
    for event in events:
        if event.id is None:
            raise ValueError("only stored audit events (with an id) can be verified")
        expected = link(previous, event)
        count += 1
        if event.hash != expected:
            broken = BrokenLink(event.id, expected, event.hash, count - 1)
            return ChainReport(count, previous, last_id, broken)
        previous, last_id = expected, event.id
    return ChainReport(count, previous, last_id)
