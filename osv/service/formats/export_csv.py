"""Export a municipality's count as the "OSV4-3" CSV table (``osv export csv``).

The use case reads the candidate lists (EML 230b) whole, then streams the count (EML 510b) one
polling station at a time into :class:`~osv.service.formats.csv_osv43.OSV43Table`, and returns the
bytes of the table; the caller decides where they go (:func:`save_csv` writes them to a file,
whole or not at all). Nothing is stored in the database, and every check is made before a byte
is written, so a refusal leaves no file behind.

Refused, each with one sentence: a count that is not a municipality's (510a, 510c, 510d) or
has several contests; candidate lists of another election, or of another district than the
count's (a TK 510b of West Maas en Waal counts district 6 Nijmegen, so the Haarlem 230b does not
fit); a polling station whose lists or candidates differ from the candidate lists.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from eml.documents import Eml230b, MessageType
from eml.read import read_eml
from eml.read.eml510 import CountStream, iter_count
from eml.safe import Limits
from eml.xsd import SchemaSet
from osv.errors import InvariantError
from osv.model import Contest, ReportingUnitVotes
from osv.service.errors import ServiceError
from osv.service.formats.csv_osv43 import (
    CountsMismatchError,
    Heading,
    OSV43Table,
    area_name,
    default_file_name,
    station_of,
)

__all__ = ["CountsMismatchError", "CsvExport", "CsvWriteError", "export_counts_csv", "save_csv"]

_NOTHING_WRITTEN = "nothing was written"


class CsvWriteError(ServiceError):
    """The table could not be written to the file asked for; no partial file is left."""


@dataclass(frozen=True)
class CsvExport:
    """The table and what it holds.

    :param content: the bytes of the CSV file.
    :param file_name: the name the Kiesraad's eml2csv gives it (``osv4-3_telling_…csv``).
    :param election: the election's Id (``GR2022_WestMaasenWaal``).
    :param municipality: the municipality's name as in the count's header.
    :param polling_stations: the number of polling-station columns.
    :param lists: the number of lists.
    :param candidates: the number of candidates, over all lists.
    """

    content: bytes
    file_name: str
    election: str
    municipality: str
    polling_stations: int
    lists: int
    candidates: int


def _candidate_lists(path: Path, schemas: SchemaSet | None, limits: Limits | None) -> Eml230b:
    document = read_eml(
        path, schemas=schemas, limits=limits, expect=frozenset({MessageType.CANDIDATE_LISTS})
    ).document
    if not isinstance(document, Eml230b):
        raise InvariantError("the candidate lists file read as a 230b is not one")
    return document


def export_counts_csv(
    counts: Path,
    candidates: Path,
    *,
    schemas: SchemaSet | None = None,
    limits: Limits | None = None,
) -> CsvExport:
    """The OSV4-3 table of the count ``counts`` (510b) with the candidate lists ``candidates``.

    :param counts: a municipality's count, EML 510b.
    :param candidates: the candidate lists (230b) of the same election; for an election with
        districts, those of the count's district (or a 230b that includes it).
    :param schemas: validate both files against the official schemas as well.
    :param limits: size and content limits of the files.
    :raises EmlError: when a file cannot be read as the EML it should be.
    :raises CountsMismatchError: when the files do not belong together, naming both.
    """
    stream = iter_count(counts, schemas=schemas, limits=limits)
    if stream.message_type is not MessageType.COUNT_MUNICIPALITY:
        raise CountsMismatchError(
            f"{counts}: is an EML {stream.message_type.value} file, but the OSV4-3 table is made "
            f"from a municipality's count (510b); {_NOTHING_WRITTEN}"
        )
    lists_document = _candidate_lists(candidates, schemas, limits)
    election = stream.identifier
    if election.id != lists_document.identifier.id:
        raise CountsMismatchError(
            f"{candidates}: holds the candidate lists of election {lists_document.identifier.id}, "
            f"but the count {counts.name} is of election {election.id}; {_NOTHING_WRITTEN}"
        )
    header = stream.header
    authority = header.managing_authority if header is not None else None
    if authority is None or not authority.name:
        raise CountsMismatchError(
            f"{counts}: names no municipality (ManagingAuthority with a name), which the "
            f"table's heading needs; {_NOTHING_WRITTEN}"
        )
    heading = Heading(
        election=election.name or "",
        date=election.election_date.isoformat(),
        area=area_name(authority.name),
        number=authority.id,
    )
    table = _fill(stream, lists_document, heading, counts, candidates)
    contest = table.contest
    return CsvExport(
        content=table.render(),
        file_name=default_file_name(election.id, authority.name),
        election=election.id,
        municipality=authority.name,
        polling_stations=len(table.stations),
        lists=len(contest.lists),
        candidates=sum(len(candidate_list.candidates) for candidate_list in contest.lists),
    )


def _fill(
    stream: CountStream,
    lists_document: Eml230b,
    heading: Heading,
    counts: Path,
    candidates: Path,
) -> OSV43Table:
    """The table filled from the count's stream, one polling station at a time.

    :raises CountsMismatchError: when the count and the lists do not fit, naming both files.
    """
    table: OSV43Table | None = None
    first_unit: ReportingUnitVotes | None = None
    for item in stream:
        if table is None:
            contest = _contest(lists_document, item.contest_id)
            if contest is None:
                raise CountsMismatchError(
                    f"{candidates}: holds the candidate lists of "
                    f"{_contests_text(lists_document)}, but the count {counts.name} is of "
                    f"{_district_text(item.contest_id, item.contest_name)}; give the "
                    f"candidate lists (230b) of that district; {_NOTHING_WRITTEN}"
                )
            table = OSV43Table(heading, contest)
        elif item.contest_id != table.contest.id:
            raise CountsMismatchError(
                f"{counts}: has more than one contest ({table.contest.id} and "
                f"{item.contest_id}); a municipality's count has one; {_NOTHING_WRITTEN}"
            )
        try:
            if isinstance(item.votes, ReportingUnitVotes):
                unit = item.votes
                where = f"reporting unit {unit.id}"
                table.add_station(station_of(unit.id, unit.name), unit.votes, where)
                if first_unit is None:
                    first_unit = unit
            else:
                table.set_total(item.votes, "the total (TotalVotes)")
        except CountsMismatchError as error:
            raise CountsMismatchError(
                f"{counts}: {error} ({candidates.name}); {_NOTHING_WRITTEN}"
            ) from None
    if table is None:  # the stream refuses a count without contests
        raise InvariantError("a count was read without a contest (the reader refuses those)")
    if not table.has_total:
        # The stream accepts a contest without TotalVotes only when it has a single reporting
        # unit, whose numbers are then the total.
        if first_unit is None:
            raise InvariantError("a contest has no total and no reporting unit (refused when read)")
        table.set_total(first_unit.votes, f"reporting unit {first_unit.id}")
    return table


def _contest(document: Eml230b, contest_id: str) -> Contest | None:
    """The 230b's contest with ``contest_id``."""
    for contest in document.contests:
        if contest.id == contest_id:
            return contest
    return None


def _district_text(contest_id: str, name: str | None) -> str:
    if contest_id in ("geen", "alle"):
        return f"contest {contest_id}"
    return f"district {contest_id} ({name})" if name else f"district {contest_id}"


def _contests_text(document: Eml230b) -> str:
    return " and ".join(_district_text(contest.id, contest.name) for contest in document.contests)


def save_csv(content: bytes, path: Path) -> None:
    """Write ``content`` to ``path`` whole or not at all, replacing a file that is there.

    The bytes go to a temporary file in the same folder, which then takes the place of
    ``path`` in one step; a failure (disk full, no permission) leaves ``path`` as it was.

    :raises CsvWriteError: when the file cannot be written, naming it and the reason.
    """
    folder = path.parent
    if not folder.is_dir():
        raise CsvWriteError(f"{path}: cannot be written, folder {folder} does not exist")
    # Opened with mode "x": a new file, with the permissions the user's umask gives.
    temporary = folder / f".{path.name}.{os.getpid()}.tmp"
    written = False
    try:
        with temporary.open("xb") as file:
            file.write(content)
        os.replace(temporary, path)
        written = True
    except OSError as error:
        raise CsvWriteError(f"{path}: cannot be written ({error.strerror or error})") from None
    finally:
        if not written:
            temporary.unlink(missing_ok=True)
