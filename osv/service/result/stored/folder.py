"""The database source of the result engine: a stored election as the folder it reads.

A stage is the work of one principal polling station (``HSB<n>``, district ``n`` of an election
with several districts: Tweede Kamer, PS2) or of the central polling station (``CSB``) of an
election stored in the database. Its computation is the one of ``osv result`` (docs/result.md),
which works on a folder of EML files: :func:`working_folder` writes that folder from the store —
the election definition (110a) and candidate lists (230b) as stored, written again by
:func:`eml.write_eml`, and the stage's uploaded count files byte for byte.

The store keeps the definition and the lists, not the files they came from, so their headers
are written anew: ``IssueDate`` and ``kr:CreationDateTime`` (which the official schemas
require) are the moment the file was imported, as its import record has it. The same stored
data therefore always give the same bytes, and the hashes in a stage's report stay the same
from one computation to the next.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import tempfile
from collections.abc import Iterator
from pathlib import Path

from eml import write_eml
from eml.documents import Authority, Eml110a, Eml230b, EmlHeader
from osv.errors import InvariantError
from osv.model import ElectionDefinition
from osv.service.result.stored.common import CSB, eml_moment
from osv.service.result.stored.totals import entered_counts
from osv.store import UnitOfWork
from osv.store.records import ImportedFile

__all__ = ["working_folder"]


@contextlib.contextmanager
def working_folder(
    uow: UnitOfWork, eid: str, committee: str, extra: tuple[str, bytes] | None = None
) -> Iterator[Path]:
    """A temporary folder with the stage's files as ``osv result`` reads them.

    Both have the election definition (110a), which names the units the stage must have a
    count of: an HSB the municipalities of its kieskring, the CSB every kieskring or
    municipality (``osv result`` refuses to compute without all of them). The CSB's folder also
    has every stored 230b. Then the uploaded counts, and the municipalities' totals typed in
    twice and definitive (:func:`osv.service.result.stored.totals.entered_counts`). ``extra`` is a
    file being uploaded, checked with the others before it is stored. The folder is removed
    afterwards.
    """
    with tempfile.TemporaryDirectory(prefix="osv-stage-") as name:
        folder = Path(name) / "in"
        folder.mkdir()
        definition = uow.elections.get(eid)
        if definition is None:
            raise InvariantError("the election of a stage is not stored")
        domain = definition.identifier.domain
        authority = Authority(id=CSB, name=domain.name if domain else None)
        imported = {f.message_type: f for f in uow.files.for_election(eid)}
        defined = _header(authority, imported.get("110a"), definition)
        (folder / f"Verkiezingsdefinitie_{eid}.eml.xml").write_bytes(
            write_eml(Eml110a(header=defined, election=definition))
        )
        if committee == CSB:
            sources = uow.candidate_lists.sources(eid)
            contests = [
                contest
                for stored in uow.elections.contests(eid)
                if (contest := uow.candidate_lists.get(eid, stored.contest_id)) is not None
            ]
            for contest in contests:
                suffix = "" if len(contests) == 1 else f"_kieskring_{contest.id}"
                header = _header(
                    authority, sources.get(contest.id) or imported.get("110a"), definition
                )
                (folder / f"Kandidatenlijsten_{eid}{suffix}.eml.xml").write_bytes(
                    write_eml(
                        Eml230b(
                            header=header, identifier=definition.identifier, contests=(contest,)
                        )
                    )
                )
        for stored_file in uow.stages.files(eid, committee, "input"):
            (folder / stored_file.file_name).write_bytes(stored_file.content)
        for name, data in entered_counts(uow, eid, committee):
            (folder / name).write_bytes(data)
        if extra is not None:
            (folder / extra[0]).write_bytes(extra[1])
        yield folder


def _header(
    authority: Authority, record: ImportedFile | None, definition: ElectionDefinition
) -> EmlHeader:
    """The header of a stored 110a or 230b written again: dated when its file was imported.

    Without an import record (data stored by other means) the date is the election's nomination
    date, or its election date, at midnight: fixed, so the bytes stay the same.
    """
    if record is not None:
        moment = eml_moment(record.imported_at)
    else:
        identifier = definition.identifier
        day = identifier.nomination_date or identifier.election_date
        moment = dt.datetime.combine(day, dt.time())
    return EmlHeader(
        managing_authority=authority, issue_date=moment.date(), creation_date_time=moment
    )
