"""The counts a result is computed from, added up to one total per committee and per district.

A central polling station (CSB) receives counts at one level of the election tree: the
municipalities' counts (EML 510b), the districts' counts (510c, from the principal polling
stations, HSB) or a total count (510d). Whatever the level, the computation needs the same
thing: per district (kieskring) the total of its votes per list and per candidate. A
:class:`CountSource` holds exactly that, with where each number came from:

* :attr:`CountSource.parts` the committees whose totals were read (a municipality from its
  510b, a district from its 510c, or the reporting units of a 510d), each with the total the
  committee stated and, when the file had reporting units, the sum of those units;
* :attr:`CountSource.districts` one total per contest: ``geen`` for a single-district election
  (municipal council, water board, province with one district), the district number for the
  Tweede Kamer and provinces with several districts;
* :attr:`CountSource.findings` the inconsistencies found in the counts (never corrected).

The totals are the ones the committees stated (their ``TotalVotes``): that is the figure on
their signed report, which the CSB adds up (Kieswet O 3, P 1). Where a stated total differs from
the sum of its reporting units, the finding says so and :attr:`CountPart.recomputed` keeps the
sum, so ``osv verify`` can show both side by side.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from osv.model import ElectionIdentifier, VoteCounts
from results.tally.findings import Finding

__all__ = ["CountLevel", "CountPart", "CountSource", "SourceFile"]

#: The count files a source can be read from: per municipality, per district, or the total.
CountLevel = Literal["510b", "510c", "510d"]


@dataclass(frozen=True)
class SourceFile:
    """A file that was read, with its integrity hash (SHA-256 of its exact bytes).

    :param name: the file name (no folder), as published.
    :param message_type: the EML ``Id``: ``110a``, ``230b``, ``510b``, ``510c``, ``510d``, ``520``.
    :param digest: the 32-byte SHA-256 of the file's bytes.
    :param validated: whether the file was validated against the official schema.
    """

    name: str
    message_type: str
    digest: bytes
    validated: bool = False


@dataclass(frozen=True)
class CountPart:
    """One committee's count as the CSB receives it.

    :param id: the reporting-unit Id the part has one level up: the CBS code of a
        municipality (``0668``), or ``HSB<n>`` for a district.
    :param name: the municipality's or district's name, when known.
    :param contest_id: the contest the part belongs to (``geen``, or a district number).
    :param votes: the total the committee stated (the file's ``TotalVotes``; the sum of its
        reporting units when the file has no total).
    :param recomputed: the sum of the file's reporting units, or ``None`` when the part has no
        units of its own (a reporting unit of a 510d).
    :param source: the file the part was read from.
    :param units: the Ids of the file's reporting units (a municipality's polling stations),
        in file order; empty for a reporting unit of a 510d.
    """

    id: str
    name: str | None
    contest_id: str
    votes: VoteCounts
    recomputed: VoteCounts | None
    source: str
    units: tuple[str, ...] = ()


@dataclass(frozen=True)
class CountSource:
    """The counts of one election, read and added up, ready for the seat allocation.

    :param identifier: the election (the ``ElectionIdentifier`` every file repeats).
    :param level: the kind of count file the numbers were read from.
    :param files: the count files read, in name order, with their hashes.
    :param parts: the committees' totals: municipalities (510b) or districts (510c) ordered by
        district and Id, or the reporting units of the 510d in file order.
    :param districts: per contest (``geen``, or each district number in increasing order) the
        sum of its parts' stated totals.
    :param total: the sum over all districts.
    :param findings: inconsistencies found in the counts, sorted by code and unit.
    :param counting_method: the counting method, when every file states the same one.
    :param contest_names: the contests' names as the files give them (``ContestName``, e.g.
        ``("6", "Nijmegen")``), where they do.
    """

    identifier: ElectionIdentifier
    level: CountLevel
    files: tuple[SourceFile, ...]
    parts: tuple[CountPart, ...]
    districts: tuple[tuple[str, VoteCounts], ...]
    total: VoteCounts
    findings: tuple[Finding, ...] = ()
    counting_method: str | None = None
    contest_names: tuple[tuple[str, str], ...] = ()

    @property
    def contest_ids(self) -> tuple[str, ...]:
        """The contests counted: ``("geen",)``, or the district numbers."""
        return tuple(contest_id for contest_id, _ in self.districts)

    def contest_name(self, contest_id: str) -> str | None:
        """The name of a contest (district), when a file gives it."""
        return dict(self.contest_names).get(contest_id)

    def district(self, contest_id: str) -> VoteCounts | None:
        """The total of one contest (``geen`` or a district number), or ``None`` if not counted."""
        for key, votes in self.districts:
            if key == contest_id:
                return votes
        return None
