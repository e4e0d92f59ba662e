"""Model O 3, the principal polling station's report, beside the district count it belongs to.

``osv result --stage hsb`` (and the HSB's web page, which runs the same stage) writes
``Model_O3_<EID>_kieskring_<Name>.pdf`` beside the 510c, carrying the 510c's SHA-256 and
creation moment: as the CSB run writes model P 22-x beside its 520, and only when the 510c is
written (an incomplete kieskring is refused before either). ``osv pv o3 DIR`` renders it from
the same folder: with the 510c found there (it must hold exactly the count of the folder's
municipal counts), or as a draft without a hash.
"""

from __future__ import annotations

from pathlib import Path

from eml import Eml510, SchemaSet, read_eml
from eml.documents import MessageType
from eml.safe import Limits
from osv.errors import InvariantError
from osv.model import Contest
from osv.pv.o3 import DistrictReport, MunicipalCount
from osv.service.result.eml_out import WrittenFile, file_safe
from osv.service.result.files import ResultInputError, find_election_files
from osv.service.result.sources import CountSource
from results.tally.sentences import finding_sentence

__all__ = ["district_report", "folder_report", "report_name", "write_report"]


def report_name(count: Eml510) -> str:
    """``Model_O3_<EID>_kieskring_<Name>.pdf``, named as the 510c is."""
    contest = count.contests[0]
    name = contest.contest_name or contest.contest_id
    return f"Model_O3_{count.identifier.id}_kieskring_{file_safe(name)}.pdf"


def district_report(
    count: Eml510,
    counts: CountSource,
    contest: Contest | None,
    *,
    digest: bytes | None,
    audit_head: str | None = None,
) -> DistrictReport:
    """The data of model O 3: the 510c ``count`` (its totals and municipalities), the municipal
    count files it was added up from (``counts``, with their hashes and findings), the
    kieskring's candidate lists (``contest``), the 510c's hash (``None`` for a draft) and the
    audit log's last hash (made from OSV's database)."""
    district = count.contests[0]
    if district.total is None:
        raise InvariantError("the district of a 510c has no total")
    sources = {part.id: part.source for part in counts.parts}
    digests = {source.name: source.digest for source in counts.files}
    municipalities = tuple(
        MunicipalCount(
            code=unit.id,
            name=unit.name or "",
            file=sources.get(unit.id, ""),
            digest=digests.get(sources.get(unit.id, ""), b""),
            votes=unit.votes,
        )
        for unit in district.reporting_units
    )
    return DistrictReport(
        identifier=count.identifier,
        number=district.contest_id,
        name=district.contest_name or "",
        total=district.total,
        municipalities=municipalities,
        findings=tuple(finding_sentence(finding) for finding in counts.findings),
        contest=contest,
        digest=digest,
        created=count.header.creation_date_time if digest is not None else None,
        audit_head=audit_head,
    )


def write_report(
    out: Path,
    count: Eml510,
    counts: CountSource,
    contest: Contest | None,
    written: WrittenFile,
    *,
    audit_head: str | None = None,
) -> Path:
    """Write model O 3 of the 510c ``written`` (``count``) into ``out``; return its path."""
    from osv.pv.o3 import render_o3

    report = district_report(count, counts, contest, digest=written.digest, audit_head=audit_head)
    path = out / report_name(count)
    path.write_bytes(render_o3(report))
    return path


def folder_report(
    folder: Path,
    *,
    schemas: SchemaSet | None = None,
    limits: Limits | None = None,
) -> tuple[str, bytes, bool]:
    """Model O 3 from the folder ``osv result --stage hsb`` reads: its file name, its bytes and
    whether it carries a 510c's hash (``False``: a draft, the folder has no 510c).

    :raises IncompleteCountsError: a municipality the 110a names has no count.
    :raises ResultInputError: as ``osv result --stage hsb``; or the folder's 510c is not the
        count of its municipal counts, or there are several 510c of the kieskring.
    """
    import datetime as dt
    import hashlib

    from osv.pv.o3 import render_o3
    from osv.service.result.hsb import add_up

    made = add_up(folder, schemas=schemas, limits=limits, created=dt.datetime.now())
    number = made.document.contests[0].contest_id
    found = [
        f
        for f in find_election_files(folder, limits=limits).of(MessageType.COUNT_DISTRICT)
        if f.authority is not None and f.authority.id == f"HSB{number}"
    ]
    if len(found) > 1:
        names = ", ".join(f.name for f in found)
        raise ResultInputError(
            f"the folder {folder} holds several district counts (510c) of kieskring {number}: "
            f"{names}; a report belongs to one"
        )
    if not found:
        report = district_report(made.document, made.counts, made.contest, digest=None)
        return report_name(made.document), render_o3(report), False
    data = found[0].path.read_bytes()
    document = read_eml(data, source=found[0].name, schemas=schemas, limits=limits).document
    if not isinstance(document, Eml510) or _differs(document, made.document):
        raise ResultInputError(
            f"{found[0].name} is not the count of the municipal counts (510b) in {folder}: its "
            "totals differ from their sum; a report carries the hash of the 510c it shows"
        )
    digest = hashlib.sha256(data).digest()
    report = district_report(document, made.counts, made.contest, digest=digest)
    return report_name(document), render_o3(report), True


def _differs(found: Eml510, made: Eml510) -> bool:
    """Whether a 510c holds other numbers than the one made from the 510b files."""
    a, b = found.contests[0], made.contests[0]
    return (
        a.contest_id != b.contest_id
        or a.total != b.total
        or [(u.id, u.votes) for u in a.reporting_units]
        != [(u.id, u.votes) for u in b.reporting_units]
    )
