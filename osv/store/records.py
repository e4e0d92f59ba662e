"""Plain records the store reads and writes that are not part of the election model.

The domain model (``osv.model``) describes elections; these describe OSV's own bookkeeping:
which EML files were imported and how their integrity hash was checked, and the audit log.
They are frozen dataclasses without database code, so services can build and read them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

__all__ = ["AuditEvent", "DigestKind", "HashCheckMethod", "ImportedFile", "utc_now"]

#: How the integrity hash of an imported file was checked (eml-nl.md §8):
#: ``hash-file`` against a Kiesraad hash file, ``typed-groups`` by the operator typing the two
#: hidden groups from the paper, ``skipped`` explicitly by the operator, ``not-required`` for
#: message types without a paper hash (110b, 520).
HashCheckMethod = Literal["hash-file", "typed-groups", "skipped", "not-required"]

#: Which digest matched: SHA-256 of the raw bytes, or of the C14N-with-comments form that the
#: Kiesraad's older software (OSV2020) printed.
DigestKind = Literal["raw", "c14n"]


def utc_now() -> dt.datetime:
    """The current time in UTC, with time zone (the store keeps every moment in UTC)."""
    return dt.datetime.now(dt.UTC)


@dataclass(frozen=True)
class ImportedFile:
    """An EML file stored for an election.

    :param election: the ElectionIdentifier Id.
    :param message_type: ``110a``, ``230b``, ``510b``, ...
    :param sha256: the SHA-256 of the file's exact bytes, 64 lowercase hex characters.
    :param file_name: the file's name (without folder) as it was imported.
    :param size: the file's size in bytes.
    :param imported_by: the actor who imported it.
    :param hash_check: how the integrity hash was checked.
    :param digest_matched: which digest matched, when a hash was checked.
    :param imported_at: when, in UTC.
    """

    election: str
    message_type: str
    sha256: str
    file_name: str
    size: int
    imported_by: str
    hash_check: HashCheckMethod
    digest_matched: DigestKind | None = None
    imported_at: dt.datetime = field(default_factory=utc_now)


@dataclass(frozen=True)
class AuditEvent:
    """One entry of the append-only audit log.

    :param event: a dotted name, e.g. ``eml.imported``.
    :param actor: who did it (a user name, or ``system``).
    :param election: the ElectionIdentifier Id it concerns, or ``None``.
    :param data: JSON-serialisable details (file names, hashes, counts).
    :param at: when, in UTC.
    :param id: the log's sequence number, set by the store (``None`` before it is stored).
    :param hash: the event's link in the hash chain (:mod:`osv.store.chain`), set by the store.
    """

    event: str
    actor: str
    election: str | None = None
    data: Mapping[str, Any] = field(default_factory=dict)
    at: dt.datetime = field(default_factory=utc_now)
    id: int | None = None
    hash: str | None = None
