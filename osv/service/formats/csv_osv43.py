"""The "OSV4-3" CSV layout of a municipality's count: one column per polling station.

Municipalities know this table from the Kiesraad's OSV2020 (report OSV4-3) and from its
``eml2csv`` tool, and open it in a spreadsheet. It is made from the municipality's count (EML
510b) and the candidate lists (EML 230b) of the same election and district. The layout, as
derived from the files the Kiesraad publishes (docs/csv.md has an example):

* a heading of four rows (``Verkiezing``, ``Datum``, ``Gebied``, ``Nummer``) and an empty row;
* a row of column titles: ``Lijstnummer``, ``Aanduiding``, ``Volgnummer``, ``Naam kandidaat``,
  ``Totaal`` and the name of each polling station, followed by a row with each station's number
  (``Gebiednummer``) and one with its postal code (``Postcode``);
* 16 rows with the numbers of the count (:data:`COUNT_ROWS`), label in the second column;
* per list, in the order of the candidate lists: a row with its number, name and votes, then a
  row per candidate with its number on the list, name (``van Dreumel, C.G.H.M.``) and votes.

Cells are separated by ``;``; every non-empty cell is quoted (``"``, doubled inside), an empty
cell is nothing at all. Rows end with a line feed, the last one without; the text is UTF-8 with
a byte-order mark (so Excel reads the accents). The numbers are written exactly as counted:
this module adds nothing up except the ballots found (valid + blank + invalid), as the layout
has a row for them that the count file does not.

This module is pure: it formats model objects and imports no database, web or XML code.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from osv.model import (
    CandidateList,
    Contest,
    PersonName,
    RejectedReason,
    UncountedReason,
    VoteCounts,
)
from osv.service.errors import ServiceError

__all__ = [
    "COUNT_ROWS",
    "CountsMismatchError",
    "Heading",
    "OSV43Table",
    "Station",
    "area_name",
    "candidate_name",
    "default_file_name",
    "station_of",
]

_SEPARATOR = ";"
_NEWLINE = "\n"
_ENCODING = "utf-8-sig"  # UTF-8 with a byte-order mark

#: Public bodies of the Caribbean Netherlands: their area is an "Openbaar lichaam", not a
#: "Gemeente" (Kieswet article Ya 1).
_PUBLIC_BODIES = frozenset({"Bonaire", "Saba", "Sint Eustatius"})

_STATION_PREFIX = re.compile(r"^(?:(?:Stembureau|Briefstembureau) )+")
_STATION_NUMBER_PREFIX = re.compile(r"^[0-9]+::SB")
_POSTAL_CODE = re.compile(r" \(postcode: ([0-9]{4} [A-Za-z]{2})\)")

Value = int | None
Getter = Callable[[VoteCounts], Value]


class CountsMismatchError(ServiceError):
    """The count and the candidate lists do not fit together; nothing was written."""


def _uncounted(reason: UncountedReason) -> Getter:
    return lambda votes: votes.uncounted.get(reason)


def _rejected(reason: RejectedReason) -> Getter:
    return lambda votes: votes.rejected.get(reason)


def _ballots_found(votes: VoteCounts) -> Value:
    """Ballots found in the ballot box (H): valid (E) + blank (F) + invalid (G)."""
    blank = votes.rejected.get(RejectedReason.BLANK)
    invalid = votes.rejected.get(RejectedReason.INVALID)
    if blank is None or invalid is None:
        return None
    return votes.total_counted + blank + invalid


#: The rows with the numbers of the count, in the layout's order: label and where the number
#: comes from. A number that a count file does not give is an empty cell.
COUNT_ROWS: tuple[tuple[str, Getter], ...] = (
    ("opgeroepenen", lambda votes: votes.cast),
    ("geldige stempas", _uncounted(UncountedReason.POLL_CARDS)),
    ("geldig volmachtbewijs", _uncounted(UncountedReason.PROXY_CERTIFICATES)),
    ("geldige kiezerspas", _uncounted(UncountedReason.VOTER_CARDS)),
    ("toegelaten kiezers", _uncounted(UncountedReason.ADMITTED_VOTERS)),
    ("geldige stembiljetten", lambda votes: votes.total_counted),
    ("blanco stembiljetten", _rejected(RejectedReason.BLANK)),
    ("ongeldige stembiljetten", _rejected(RejectedReason.INVALID)),
    ("aangetroffen stembiljetten", _ballots_found),
    ("meer stembiljetten dan toegelaten kiezers", _uncounted(UncountedReason.MORE_BALLOTS)),
    ("minder stembiljetten dan toegelaten kiezers", _uncounted(UncountedReason.FEWER_BALLOTS)),
    ("kiezers met stembiljet hebben niet gestemd", _uncounted(UncountedReason.BALLOTS_TAKEN)),
    ("er zijn te weinig stembiljetten uitgereikt", _uncounted(UncountedReason.TOO_FEW_ISSUED)),
    ("er zijn te veel stembiljetten uitgereikt", _uncounted(UncountedReason.TOO_MANY_ISSUED)),
    ("geen verklaring", _uncounted(UncountedReason.NO_EXPLANATION)),
    ("andere verklaring", _uncounted(UncountedReason.OTHER_EXPLANATION)),
)


@dataclass(frozen=True)
class Heading:
    """The four rows above the table.

    :param election: the election's name (``Gemeenteraad West Maas en Waal 2022``).
    :param date: the election date as ``YYYY-MM-DD``.
    :param area: the municipality, with its kind (:func:`area_name`).
    :param number: the municipality's CBS code (``0668``).
    """

    election: str
    date: str
    area: str
    number: str


@dataclass(frozen=True)
class Station:
    """A polling station's column heading: name, number and postal code (:func:`station_of`)."""

    name: str
    number: str
    postal_code: str


def area_name(municipality: str) -> str:
    """``Gemeente <name>``, or ``Openbaar lichaam <name>`` for Bonaire, Saba and Sint Eustatius."""
    kind = "Openbaar lichaam" if municipality in _PUBLIC_BODIES else "Gemeente"
    return f"{kind} {municipality}"


def station_of(unit_id: str, name: str | None) -> Station:
    """The column heading of a reporting unit of a 510b.

    The Kiesraad's software names a unit ``Stembureau <name> (postcode: 6626 AC)`` with the Id
    ``0668::SB1``; the heading is ``<name>``, number ``1`` and postal code ``6626 AC``. A name
    or Id in another form is kept as it is (an empty postal code when there is none).
    """
    text = name or ""
    found = _POSTAL_CODE.search(text)
    return Station(
        name=_POSTAL_CODE.sub("", _STATION_PREFIX.sub("", text)),
        number=_STATION_NUMBER_PREFIX.sub("", unit_id),
        postal_code=found.group(1) if found else "",
    )


def candidate_name(name: PersonName) -> str:
    """A candidate as the layout writes them: ``van Dreumel, C.G.H.M.`` (no first name)."""
    last = f"{name.prefix} {name.last_name}" if name.prefix else name.last_name
    return f"{last}, {name.initials}"


def default_file_name(election_id: str, municipality: str) -> str:
    """The file name the Kiesraad's eml2csv gives the table.

    ``osv4-3_telling_<election>_<gemeente|openbaar_lichaam>_<municipality>.csv``, where the
    election is the first six letters and digits of its Id (``gr2022``, ``tk2025``) and the
    municipality's name keeps only letters and digits, lower case, accents removed
    (``westmaasenwaal``, ``sudwestfryslan``).
    """
    kind = area_name(municipality).removesuffix(f" {municipality}")
    return (
        f"osv4-3_telling_{_plain(election_id)[:6]}_{kind.lower().replace(' ', '_')}_"
        f"{_plain(municipality)}.csv"
    )


def _plain(text: str) -> str:
    """``text`` without accents, lower case, letters and digits only."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if c.isascii() and c.isalnum()).lower()


class OSV43Table:
    """The table of one contest's count, built one polling station at a time.

    The rows (lists and candidates) are those of the candidate lists; every vote group given
    (the total and each polling station) must have exactly those lists and candidates, or it is
    refused: a missing or extra candidate would otherwise shift or drop numbers silently. Each
    column keeps only its numbers, so a caller reading the count as a stream holds no more.

    :param heading: the rows above the table.
    :param contest: the candidate lists of the count's contest (from the 230b).
    """

    def __init__(self, heading: Heading, contest: Contest) -> None:
        self.heading = heading
        self.contest = contest
        self._total: tuple[Value, ...] | None = None
        self._stations: list[Station] = []
        self._columns: list[tuple[Value, ...]] = []

    @property
    def stations(self) -> tuple[Station, ...]:
        """The polling stations added so far, in order."""
        return tuple(self._stations)

    def set_total(self, votes: VoteCounts, where: str) -> None:
        """Use ``votes`` (the count's ``TotalVotes``) for the ``Totaal`` column.

        :param where: names the vote group in an error (``"the total"``).
        :raises CountsMismatchError: when its lists or candidates differ from the 230b's.
        """
        self._total = self._column(votes, where)

    def add_station(self, station: Station, votes: VoteCounts, where: str) -> None:
        """Add a polling station's column, after those added before.

        :param where: names the reporting unit in an error (``"reporting unit 0668::SB3"``).
        :raises CountsMismatchError: when its lists or candidates differ from the 230b's.
        """
        self._columns.append(self._column(votes, where))
        self._stations.append(station)

    @property
    def has_total(self) -> bool:
        """Whether the ``Totaal`` column was given."""
        return self._total is not None

    def render(self) -> bytes:
        """The table as the bytes of a CSV file (layout in the module docstring)."""
        if self._total is None:
            raise ValueError("the Totaal column has not been given (set_total)")
        columns = [self._total, *self._columns]
        heading = self.heading
        rows: list[Sequence[str | int | None]] = [
            ["Verkiezing", None, heading.election],
            ["Datum", None, heading.date],
            ["Gebied", None, heading.area],
            ["Nummer", None, heading.number],
            [],
            [
                "Lijstnummer",
                "Aanduiding",
                "Volgnummer",
                "Naam kandidaat",
                "Totaal",
                *(station.name for station in self._stations),
            ],
            ["Gebiednummer", None, None, None, None, *(s.number for s in self._stations)],
            ["Postcode", None, None, None, None, *(s.postal_code for s in self._stations)],
        ]
        labels: list[tuple[int | str | None, ...]] = [
            (None, label, None, None) for label, _ in COUNT_ROWS
        ]
        for candidate_list in self.contest.lists:
            labels.append((candidate_list.number, candidate_list.name, None, None))
            for candidate in candidate_list.candidates:
                labels.append((None, None, candidate.number, candidate_name(candidate.name)))
        for index, label in enumerate(labels):
            rows.append([*label, *(column[index] for column in columns)])
        text = _NEWLINE.join(_SEPARATOR.join(_cell(value) for value in row) for row in rows)
        return text.encode(_ENCODING)

    def _column(self, votes: VoteCounts, where: str) -> tuple[Value, ...]:
        values: list[Value] = [get(votes) for _, get in COUNT_ROWS]
        known = {candidate_list.number for candidate_list in self.contest.lists}
        for list_votes in votes.lists:
            if list_votes.number not in known:
                raise CountsMismatchError(
                    f"{where} has votes for list {list_votes.number}, which is not among the "
                    f"candidate lists of {self._contest_label()}"
                )
        for candidate_list in self.contest.lists:
            found = votes.list(candidate_list.number)
            if found is None:
                raise CountsMismatchError(
                    f"{where} has no votes for list {_list_label(candidate_list)} of the "
                    f"candidate lists of {self._contest_label()}"
                )
            values.append(found.votes)
            by_number = {c.number: c.votes for c in found.candidates if c.number is not None}
            expected = {candidate.number for candidate in candidate_list.candidates}
            extra = [c.key for c in found.candidates if c.number not in expected]
            if extra:
                raise CountsMismatchError(
                    f"{where} has votes for candidate {extra[0]} of list "
                    f"{_list_label(candidate_list)}, who is not on that list in the candidate "
                    f"lists of {self._contest_label()}"
                )
            for candidate in candidate_list.candidates:
                if candidate.number not in by_number:
                    raise CountsMismatchError(
                        f"{where} has no votes for candidate {candidate.number} "
                        f"({candidate_name(candidate.name)}) of list "
                        f"{_list_label(candidate_list)} in the candidate lists of "
                        f"{self._contest_label()}"
                    )
                values.append(by_number[candidate.number])
        return tuple(values)

    def _contest_label(self) -> str:
        if self.contest.id == "geen":
            return "the election"
        name = f" ({self.contest.name})" if self.contest.name else ""
        return f"district {self.contest.id}{name}"


def _list_label(candidate_list: CandidateList) -> str:
    return (
        f"{candidate_list.number} ({candidate_list.name})"
        if candidate_list.name
        else (str(candidate_list.number))
    )


def _cell(value: str | int | None) -> str:
    """A quoted cell (``"`` doubled inside), or nothing at all for an empty one."""
    if value is None or value == "":
        return ""
    text = str(value).replace('"', '""')
    return f'"{text}"'
