"""The principal polling station (HSB): adding up the municipalities of one district.

In elections with several districts (kieskringen: the Tweede Kamer, provinces with several
districts) each district's HSB receives the count of every municipality in it (EML 510b), checks
them, adds them up and hands the district's count (510c) to the central polling station (Kieswet
O 3; process.md §1, §6). Elections with one district have no separate HSB stage: their central
polling station adds up the municipalities itself (Kieswet O 3(4)).

:func:`run_hsb` reads the folder's 510b files as streams, keeping only each municipality's
total, refuses two files of one municipality or files of different districts, and writes
``Telling_<EID>_kieskring_<Name>.eml.xml`` with authority ``HSB<n>``, one reporting unit per
municipality (Id = its CBS code, with its name) and the sum as ``TotalVotes``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from eml import SchemaSet
from eml.documents import Authority, CountingMethod, MessageType
from eml.safe import Limits
from osv.model import ReportingUnitVotes
from osv.service.result.counts import read_count_source
from osv.service.result.eml_out import WrittenFile, district_count, district_count_name
from osv.service.result.eml_out import write_document as write_eml_file
from osv.service.result.files import DESCRIPTIONS, ResultInputError, find_election_files
from osv.service.result.sources import CountSource

__all__ = ["HsbOutcome", "run_hsb"]


@dataclass(frozen=True)
class HsbOutcome:
    """What an HSB run read and wrote.

    :param counts: the municipal counts read, with their hashes and findings.
    :param district: the district's number (contest Id) and name.
    :param written: the 510c written, with its hash.
    :param notes: files in the folder that were not used.
    """

    counts: CountSource
    district: tuple[str, str | None]
    written: WrittenFile
    notes: tuple[str, ...]


def run_hsb(
    folder: Path,
    out: Path,
    *,
    schemas: SchemaSet | None = None,
    limits: Limits | None = None,
    created: dt.datetime,
) -> HsbOutcome:
    """Add up the municipal counts (510b) in ``folder`` and write the district's 510c to ``out``.

    :param created: the moment the count is fixed (``kr:CreationDateTime``, no time zone).
    :raises ResultInputError: when the folder has no 510b, the election has one district,
        two files count one municipality, or the files count different districts.
    """
    files = find_election_files(folder, limits=limits)
    identifier = files.identifier
    municipal = files.of(MessageType.COUNT_MUNICIPALITY)
    if not municipal:
        raise ResultInputError(
            f"the folder {folder} holds no municipal counts (510b) of {identifier.id}; "
            "the HSB adds up the 510b files of its district"
        )
    notes = list(files.notes)
    notes += [
        f"{found.name} ({DESCRIPTIONS[found.message_type]}, {found.message_type.value}) is not "
        "used by the HSB"
        for found in files.files
        if found.message_type is not MessageType.COUNT_MUNICIPALITY
    ]
    counts = read_count_source(
        identifier, municipal, multi_district=True, schemas=schemas, limits=limits
    )
    contests = counts.contest_ids
    if any(not contest_id.isdigit() for contest_id in contests):
        raise ResultInputError(
            f"the municipal counts of {identifier.id} count contest {', '.join(contests)}, not a "
            "district: an election with one district has no HSB stage (Kieswet O 3(4)); its "
            "central polling station adds up the municipalities: use --stage csb"
        )
    if len(contests) > 1:
        listed = ", ".join(f"{part.source} (district {part.contest_id})" for part in counts.parts)
        raise ResultInputError(
            f"the municipal counts are of {len(contests)} different districts: {listed}; "
            "an HSB adds up the municipalities of one district"
        )
    contest_id = contests[0]
    total = counts.district(contest_id)
    assert total is not None
    name = counts.contest_name(contest_id)
    document = district_count(
        identifier,
        Authority(id=f"HSB{contest_id}", name=name),
        contest_id,
        name,
        total,
        tuple(
            ReportingUnitVotes(id=part.id, name=part.name, votes=part.votes)
            for part in counts.parts
        ),
        created,
    )
    if counts.counting_method is not None:
        document = document.model_copy(
            update={"counting_method": CountingMethod(counts.counting_method)}
        )
    written = write_eml_file(
        document, out, district_count_name(identifier, name or contest_id), schemas
    )
    return HsbOutcome(
        counts=counts, district=(contest_id, name), written=written, notes=tuple(notes)
    )
