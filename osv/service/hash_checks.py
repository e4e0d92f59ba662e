"""The integrity-hash check of an imported file (eml-nl.md §8).

The paper process-verbaal is the legal record; the EML file is tied to it by the SHA-256 printed
on every page. Before a file is stored its hash is checked, in this order of preference:

1. against a Kiesraad hash file given by the operator, matched by file name: the hash there
   must equal the file's; a different hash refuses the file (it is not the file the hash was
   made for) rather than falling back to asking;
2. by the operator: the hash is shown with two groups hidden (:func:`eml.hash.masked`) and the
   operator types those two groups from the paper; wrong groups refuse the file;
3. skipped, when the operator says so explicitly (the skip is recorded in the audit log);
4. otherwise the file is refused, with a sentence saying how to provide the check.

Files of the Kiesraad's previous software (OSV2020) that declare ``ds:CanonicalizationMethod``
were hashed after C14N canonicalisation; for those the C14N digest is accepted too (asked
second, after the raw hash), and which one matched is recorded. Election definitions (110a),
candidate lists (230b) and the counts 510b/c/d are checked; polling stations (110b) and results
(520) have no paper hash to check against.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from eml.documents import MessageType
from eml.hash import HashFileEntry, c14n_digest, format_digest, groups_match, masked
from osv.service.errors import HashMismatchError, HashNotCheckedError
from osv.store import DigestKind, HashCheckMethod

__all__ = ["CHECKED_TYPES", "HashCheck", "HashOutcome", "check_hash", "hash_file_index"]

#: The message types whose integrity hash must be checked on import.
CHECKED_TYPES = frozenset(
    {
        MessageType.ELECTION_DEFINITION,
        MessageType.CANDIDATE_LISTS,
        MessageType.COUNT_MUNICIPALITY,
        MessageType.COUNT_DISTRICT,
        MessageType.COUNT_TOTAL,
    }
)


@dataclass(frozen=True)
class HashCheck:
    """How the operator lets OSV check the integrity hashes of the files of one import.

    :param hash_file: a Kiesraad hash file (:func:`eml.hash.read_hash_file`); its entries are
        matched to the imported files by file name.
    :param confirm: asked for each file the hash file does not cover: shown the file and its
        masked hash (:func:`eml.hash.masked`), returns the two hidden groups typed by the
        operator.
    :param skip: the operator explicitly skips the check (recorded in the audit log).
    """

    hash_file: Path | None = None
    confirm: Callable[[Path, str], tuple[str, str]] | None = None
    skip: bool = False


@dataclass(frozen=True)
class HashOutcome:
    """How a file's hash was checked, and which digest matched (when one was compared)."""

    method: HashCheckMethod
    digest: DigestKind | None = None


def hash_file_index(entries: Sequence[HashFileEntry]) -> dict[str, tuple[bytes, ...]]:
    """The digests of a hash file by file name (a name may appear more than once)."""
    index: dict[str, tuple[bytes, ...]] = {}
    for entry in entries:
        index[entry.filename] = (*index.get(entry.filename, ()), entry.digest)
    return index


def check_hash(
    path: Path,
    message_type: MessageType,
    raw_digest: bytes,
    data: bytes,
    canonicalization: bool,
    check: HashCheck,
    hash_file: Mapping[str, tuple[bytes, ...]],
) -> HashOutcome:
    """Check the integrity hash of one file, or refuse it.

    :param raw_digest: SHA-256 of the file's exact bytes ``data``.
    :param canonicalization: whether the file declares ``ds:CanonicalizationMethod``.
    :param hash_file: :func:`hash_file_index` of the operator's hash file (empty without one).
    :raises HashMismatchError: the hash file or the typed groups disagree with the file.
    :raises HashNotCheckedError: the check is required and no way to do it was given.
    """
    if message_type not in CHECKED_TYPES:
        return HashOutcome("not-required")

    def candidates() -> Iterator[tuple[DigestKind, bytes]]:
        yield "raw", raw_digest
        if canonicalization:  # computed only when the raw digest did not match
            yield "c14n", c14n_digest(data, source=str(path))

    listed = hash_file.get(path.name)
    if listed:
        for kind, digest in candidates():
            if digest in listed:
                return HashOutcome("hash-file", kind)
        raise HashMismatchError(
            path,
            f"the hash file {check.hash_file.name if check.hash_file else ''} gives "
            f"{format_digest(listed[0])} for this file, but the file's SHA-256 is "
            f"{format_digest(raw_digest)}, so it is not the file the hash was made for",
        )
    if check.confirm is not None:
        for kind, digest in candidates():
            typed = check.confirm(path, masked(digest))
            if groups_match(digest, typed):
                return HashOutcome("typed-groups", kind)
        raise HashMismatchError(
            path,
            "the typed groups differ from the hidden groups of the file's hash, so it may not "
            "be the file of the paper report; compare the hash on the paper and try again",
        )
    if check.skip:
        return HashOutcome("skipped")
    raise HashNotCheckedError(
        path,
        f"the integrity hash of this EML {message_type.value} file must be checked against the "
        "paper report: give the Kiesraad's hash file, type the two hidden groups of the hash "
        "when asked, or skip the check explicitly (which is recorded in the audit log)",
    )
