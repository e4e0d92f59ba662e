"""The EML files a result stage writes: 510c (HSB), 510d and 520 (CSB), named as published.

The documents follow the Kiesraad's own files (checked against the published
``Resultaat_GR2022_*.eml.xml``): the header names the committee (``HSB<n>`` with the district,
``CSB`` with the municipality, province or water board), carries ``kr:CreationDateTime`` and the
``ds:CanonicalizationMethod`` marker the Kiesraad's software writes, and the content is:

* 510c (``Telling_<EID>_kieskring_<Name>.eml.xml``): the district's contest, its
  ``TotalVotes`` and one ``ReportingUnitVotes`` per municipality (Id = CBS code);
* 510d (``Totaaltelling_<EID>.eml.xml``): contest ``geen`` (``alle`` with several districts),
  the total, and one reporting unit per municipality, or per district (``HSB<n>``);
* 520 (``Resultaat_<EID>.eml.xml``): per list with seats an affiliation selection, then its
  elected candidates in the order of election. A candidate's ``CandidateIdentifier Id`` is that
  order (1, 2, …), not the position on the list; ``Ranking`` is 1 for a seat won by preference
  votes and 2 otherwise (eml-nl.md §6.6, seat-allocation.md §12.5).

Files are written once, validated against the official schema when one is configured, and
their SHA-256 is computed over the exact bytes written.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from eml import Eml510, Eml520, EmlHeader, SchemaSet, write_eml
from eml.documents import Authority, CountingMethod, MessageType
from osv.model import (
    Candidate,
    ContestCount,
    ContestResult,
    ElectedCandidate,
    ElectionIdentifier,
    Gender,
    ListResult,
    ReportingUnitVotes,
    VoteCounts,
)
from osv.service.result.files import ResultInputError
from osv.service.result.model import ElectionResult

__all__ = [
    "WrittenFile",
    "district_count",
    "district_count_name",
    "file_safe",
    "result_document",
    "result_name",
    "total_count",
    "total_count_name",
    "write_document",
]


@dataclass(frozen=True)
class WrittenFile:
    """A file written by a result stage, with its integrity hash and whether it was validated."""

    path: Path
    message_type: str
    digest: bytes
    validated: bool


def file_safe(name: str) -> str:
    """A name as the Kiesraad puts it in file names: spaces become ``_``, path characters go."""
    text = re.sub(r"\s+", "_", name.strip())
    return re.sub(r"[^\w.-]", "", text)


def district_count_name(identifier: ElectionIdentifier, district_name: str) -> str:
    """``Telling_<EID>_kieskring_<Name>.eml.xml`` (eml-nl.md §3)."""
    return f"Telling_{identifier.id}_kieskring_{file_safe(district_name)}.eml.xml"


def total_count_name(identifier: ElectionIdentifier) -> str:
    """``Totaaltelling_<EID>.eml.xml``."""
    return f"Totaaltelling_{identifier.id}.eml.xml"


def result_name(identifier: ElectionIdentifier) -> str:
    """``Resultaat_<EID>.eml.xml``."""
    return f"Resultaat_{identifier.id}.eml.xml"


def _header(authority: Authority, created: dt.datetime) -> EmlHeader:
    return EmlHeader(
        transaction_id="1",
        managing_authority=authority,
        creation_date_time=created,
        canonicalization=True,
    )


def _for_output(identifier: ElectionIdentifier) -> ElectionIdentifier:
    """The identifier as count and result files carry it: without the nomination date."""
    return identifier.model_copy(update={"nomination_date": None})


def district_count(
    identifier: ElectionIdentifier,
    authority: Authority,
    contest_id: str,
    contest_name: str | None,
    total: VoteCounts,
    municipalities: tuple[ReportingUnitVotes, ...],
    created: dt.datetime,
) -> Eml510:
    """The HSB's 510c: the district's total and one reporting unit per municipality."""
    return Eml510(
        message_type=MessageType.COUNT_DISTRICT,
        header=_header(authority, created),
        identifier=_for_output(identifier),
        contests=(
            ContestCount(
                contest_id=contest_id,
                contest_name=contest_name,
                total=total,
                reporting_units=municipalities,
            ),
        ),
    )


def total_count(
    identifier: ElectionIdentifier,
    authority: Authority,
    contest_id: str,
    total: VoteCounts,
    units: tuple[ReportingUnitVotes, ...],
    created: dt.datetime,
    counting_method: str | None = None,
) -> Eml510:
    """The CSB's 510d: the election's total and one reporting unit per municipality or district."""
    return Eml510(
        message_type=MessageType.COUNT_TOTAL,
        header=_header(authority, created),
        counting_method=CountingMethod(counting_method) if counting_method else None,
        identifier=_for_output(identifier),
        contests=(ContestCount(contest_id=contest_id, total=total, reporting_units=units),),
    )


def result_document(
    result: ElectionResult, authority: Authority, contest_id: str, created: dt.datetime
) -> Eml520:
    """The CSB's 520: elected lists and candidates in the order of election.

    :raises ResultInputError: when the result is not complete, or the names of the elected
        are unknown (no candidate lists were given).
    """
    if result.status != "complete":
        raise ResultInputError(
            f"the result of {result.identifier.id} is not complete ({result.status}); "
            "a 520 can only be written for a complete result"
        )
    if not result.names_known:
        raise ResultInputError(
            f"the names of the elected candidates of {result.identifier.id} are unknown "
            "(no candidate lists, 230b); a 520 needs them"
        )
    lists = []
    for outcome in result.lists:
        if outcome.seats == 0:
            continue
        lists.append(
            ListResult(
                number=outcome.number,
                name=outcome.name,
                candidates=tuple(
                    ElectedCandidate(
                        candidate=Candidate(
                            number=order,
                            short_code=person.short_code,
                            name=person.name,
                            gender=Gender(person.gender) if person.gender else None,
                            locality=person.locality,
                            country_code=person.country_code,
                        ),
                        ranking=1 if person.by == "preference" else 2,
                    )
                    for order, person in enumerate(outcome.elected, start=1)
                ),
            )
        )
    return Eml520(
        header=_header(authority, created),
        identifier=_for_output(result.identifier),
        contests=(ContestResult(contest_id=contest_id, lists=tuple(lists)),),
    )


def write_document(
    document: Eml510 | Eml520, folder: Path, name: str, schemas: SchemaSet | None
) -> WrittenFile:
    """Write ``document`` as ``folder/name``, validated when ``schemas`` are given.

    The bytes are produced (and validated) before the file is opened, so a document the schema
    refuses is never written. An existing file is never replaced: its hash may already be
    printed on a signed report (eml-nl.md §8).

    :raises ResultInputError: when the file exists or the folder cannot be written.
    """
    data = write_eml(document, schemas=schemas)
    path = folder / name
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with path.open("xb") as handle:
            handle.write(data)
    except FileExistsError:
        raise ResultInputError(
            f"{path} already exists; a written EML file is never replaced (its hash may be on a "
            "signed report): move it away or choose another --out folder"
        ) from None
    except OSError as error:
        raise ResultInputError(f"{path} cannot be written ({error.strerror or error})") from None
    return WrittenFile(
        path=path,
        message_type=document.message_type.value,
        digest=hashlib.sha256(data).digest(),
        validated=schemas is not None,
    )
