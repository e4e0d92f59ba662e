"""Which uploaded EML files need their integrity hash typed, and the hash to show for each.

The web interface imports in two steps: the files are uploaded and kept, the operator is shown
each checked file's hash with two groups hidden (:func:`eml.hash.masked`, deterministic for the
file), types the two groups from the paper report, and then :func:`osv.service.importing.
import_files` checks them and stores everything or nothing. Every 110a, 230b and 510 is asked
for: a hash file covers nothing here (only ``osv import --hash-file`` accepts one). Types
without a paper hash (110b, 520) need nothing typed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from eml.hash import masked
from eml.read import read_eml
from eml.safe import Limits
from osv.service.hash_checks import CHECKED_TYPES

__all__ = ["HashQuestion", "hash_questions"]


@dataclass(frozen=True)
class HashQuestion:
    """An uploaded file: its type, and its masked hash when the operator must type groups."""

    path: Path
    message_type: str
    masked_hash: str | None


def hash_questions(paths: Sequence[Path], limits: Limits) -> list[HashQuestion]:
    """For each file, its message type and (if it must be typed) its masked hash.

    :raises EmlError: a file cannot be read as EML.
    """
    questions = []
    for path in paths:
        read = read_eml(path, source=path.name, limits=limits)
        message_type = read.document.message_type
        needs = message_type in CHECKED_TYPES
        questions.append(
            HashQuestion(path, message_type.value, masked(read.digest) if needs else None)
        )
    return questions
