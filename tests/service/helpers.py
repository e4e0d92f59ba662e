"""Helpers for the import tests: the operator at the keyboard, and missing election definitions.

The shared folder holds real count and result files of GR2022 elections whose election
definition (110a) was never published; :func:`write_definition` writes one with OSV's own
writer into the test's ``tmp_path``, so those real files can be imported after it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from pathlib import Path

from eml.documents import Eml110a, EmlHeader
from eml.hash import c14n_digest, format_digest, hidden_groups
from eml.write import write_eml
from osv.model import (
    Committee,
    CommitteeCategory,
    ElectionCategory,
    ElectionDefinition,
    ElectionDomain,
    ElectionIdentifier,
    ElectionSubcategory,
    Region,
    RegionCategory,
)

#: The operator's answer to the hash question.
Confirm = Callable[[Path, str], tuple[str, str]]

__all__ = ["Confirm", "Typist", "groups_of", "never_asked", "write_definition"]


def groups_of(digest: bytes) -> tuple[str, str]:
    """The two hidden groups of ``digest``, as the operator reads them from the paper."""
    groups = format_digest(digest).split(" ")
    first, second = hidden_groups(digest)
    return groups[first], groups[second]


class Typist:
    """An operator with the paper reports of some files, answering the hash question.

    The paper shows the raw SHA-256, or (``c14n=True``, as OSV2020 printed it) the digest of
    the canonical form. Asked about a masked hash that is not on the paper, the typist types
    what the paper shows at those positions, which does not match. Every question is recorded.
    """

    def __init__(self, *paths: Path, c14n: bool = False, wrong: bool = False) -> None:
        self.paper: dict[str, bytes] = {}
        for path in paths:
            data = path.read_bytes()
            digest = c14n_digest(data) if c14n else hashlib.sha256(data).digest()
            self.paper[path.name] = digest
        self.wrong = wrong
        self.asked: list[tuple[str, str]] = []

    def __call__(self, path: Path, masked_hash: str) -> tuple[str, str]:
        self.asked.append((path.name, masked_hash))
        digest = self.paper.get(path.name)
        if digest is None or self.wrong:
            return ("0000", "0000")
        # Read the paper at the positions hidden on screen.
        first, second = [i for i, group in enumerate(masked_hash.split(" ")) if "·" in group]
        groups = format_digest(digest).split(" ")
        return groups[first], groups[second]


def write_definition(
    folder: Path,
    eid: str,
    *,
    name: str,
    domain: tuple[str, str],
    seats: int,
    subcategory: ElectionSubcategory,
    election_date: dt.date = dt.date(2022, 3, 16),
) -> Path:
    """Write a GR election definition (110a) for ``eid`` into ``folder``; return its path."""
    threshold = 50 if seats < 19 else 25
    document = Eml110a(
        header=EmlHeader(
            issue_date=dt.date(2022, 1, 10), creation_date_time=dt.datetime(2022, 1, 10)
        ),
        election=ElectionDefinition(
            identifier=ElectionIdentifier(
                id=eid,
                name=name,
                category=ElectionCategory.GR,
                subcategory=subcategory,
                domain=ElectionDomain(id=domain[0], name=domain[1]),
                election_date=election_date,
                nomination_date=dt.date(2022, 1, 31),
            ),
            number_of_seats=seats,
            preference_threshold=threshold,
            tree=(
                Region(
                    number=int(domain[0]),
                    category=RegionCategory.GEMEENTE,
                    name=domain[1],
                    committees=(
                        Committee(category=CommitteeCategory.CSB),
                        Committee(category=CommitteeCategory.HSB),
                    ),
                ),
            ),
        ),
    )
    path = folder / f"Verkiezingsdefinitie_{eid}.eml.xml"
    path.write_bytes(write_eml(document))
    return path


def never_asked(path: Path, masked_hash: str) -> tuple[str, str]:
    """A confirm callback that fails the test when called."""
    raise AssertionError(f"the operator was asked about {path.name} ({masked_hash})")
