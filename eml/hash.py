"""The integrity hash that ties an EML file to its paper process-verbaal (eml-nl.md §8).

The hash is SHA-256 over the exact bytes of the file, printed as 64 lowercase hex characters in
16 groups of 4. When a file is imported, the user proves it is the file behind the paper report
by typing two groups that are hidden on screen; which two is derived from the digest itself, so
a reload shows the same gaps (one group among the first eight, one among the last seven).

Files written by the Kiesraad's previous software (OSV2020) were hashed after XML
canonicalisation (C14N 1.0 with comments); :func:`c14n_digest` computes that variant so such a
hash can be recognised too.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from eml.errors import EmlError
from eml.safe import Limits, parse_bytes

__all__ = [
    "GROUPS",
    "HashFileEntry",
    "c14n_digest",
    "digest_file",
    "format_digest",
    "groups_match",
    "hidden_groups",
    "masked",
    "parse_digest",
    "read_hash_file",
    "write_hash_file",
]

#: Number of 4-character groups in a displayed hash.
GROUPS = 16


def format_digest(digest: bytes) -> str:
    """The digest as printed on a process-verbaal: ``"9f86 d081 884c ..."`` (16 groups of 4)."""
    if len(digest) != 32:
        raise ValueError(f"a SHA-256 digest has 32 bytes, got {len(digest)}")
    text = digest.hex()
    return " ".join(text[i : i + 4] for i in range(0, 64, 4))


def parse_digest(text: str) -> bytes:
    """Read a hash as printed (any case, with or without spaces) back into 32 bytes."""
    compact = "".join(text.split()).lower()
    if len(compact) != 64 or any(c not in "0123456789abcdef" for c in compact):
        raise ValueError(f"not a SHA-256 hash of 64 hexadecimal characters: {text!r}")
    return bytes.fromhex(compact)


def digest_file(path: Path) -> bytes:
    """SHA-256 of the file's bytes."""
    hasher = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 16):
            hasher.update(chunk)
    return hasher.digest()


def hidden_groups(digest: bytes) -> tuple[int, int]:
    """The two group positions (0-based) to hide, derived deterministically from the digest.

    The first is in 0–7, the second in 9–15, as in the Kiesraad's Abacus. They are taken from
    SHA-256 of the digest (not from the digest itself), so they do not reveal hidden digits.
    """
    seed = hashlib.sha256(b"osv-hidden-groups:" + digest).digest()
    return seed[0] % 8, 9 + seed[1] % 7


def masked(digest: bytes, placeholder: str = "····") -> str:
    """The printed hash with the two :func:`hidden_groups` replaced by ``placeholder``."""
    groups = format_digest(digest).split(" ")
    for index in hidden_groups(digest):
        groups[index] = placeholder
    return " ".join(groups)


def groups_match(digest: bytes, typed: tuple[str, str]) -> bool:
    """Whether the two typed groups equal the hidden groups (case and spaces ignored)."""
    groups = format_digest(digest).split(" ")
    first, second = hidden_groups(digest)
    given = tuple("".join(part.split()).lower() for part in typed)
    return given == (groups[first], groups[second])


def c14n_digest(data: bytes, source: str = "EML data") -> bytes:
    """SHA-256 of the canonical form (C14N 1.0 with comments), as OSV2020 computed its hash."""
    root, _ = parse_bytes(data, source=source, limits=Limits(max_bytes=max(len(data), 1)))
    canonical = etree.tostring(root.getroottree(), method="c14n", with_comments=True)
    return hashlib.sha256(canonical).digest()


@dataclass(frozen=True)
class HashFileEntry:
    """One file in a Kiesraad hash file: its name and its digest."""

    filename: str
    digest: bytes


def read_hash_file(path: Path) -> tuple[HashFileEntry, ...]:
    """Read a Kiesraad hash file (``Hashcodes-*.txt``).

    The format, as published: an optional UTF-8 byte-order mark, then per file a line
    ``eml_hash <filename>`` followed by a line with the 16 groups; blank lines between files.
    """
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise EmlError(f"cannot be read as a hash file: {error}", str(path)) from error
    entries: list[HashFileEntry] = []
    lines = [line.strip() for line in text.splitlines()]
    index = 0
    while index < len(lines):
        line = lines[index]
        index += 1
        if not line:
            continue
        keyword, _, filename = line.partition(" ")
        if keyword != "eml_hash" or not filename.strip():
            raise EmlError(f"expected a line 'eml_hash <file name>', found {line!r}", str(path))
        if index >= len(lines):
            raise EmlError(f"has no hash after the line for {filename.strip()}", str(path))
        try:
            digest = parse_digest(lines[index])
        except ValueError as error:
            raise EmlError(str(error), str(path), index + 1) from None
        index += 1
        entries.append(HashFileEntry(filename.strip(), digest))
    return tuple(entries)


def write_hash_file(entries: list[HashFileEntry]) -> str:
    """Text of a hash file in the Kiesraad's format (without the byte-order mark)."""
    blocks = [f"eml_hash {entry.filename}\n{format_digest(entry.digest)}\n" for entry in entries]
    return "\n".join(blocks)
