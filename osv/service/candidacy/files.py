"""Candidacy use cases for the command line: check, number and publish submitted lists.

The central polling station's working files are a CSV of the submitted lists (one row per
candidate, :mod:`candidacy.csv_format`; a published 230b is accepted too) and an election file
in JSON (docs/candidacy.md, "Election file"): the election's identity, its seats, the
register of party names with the previous election's seats and votes, and the lot outcomes.
These functions read them, call the pure :mod:`candidacy` code and shape the outcome as the
stable JSON the command line prints. Nothing is stored.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from candidacy import (
    Consequence,
    Departure,
    ElectionRules,
    Finding,
    ListDecision,
    LotOutcome,
    LotsRequired,
    Numbered,
    PartyRegistration,
    SubmittedList,
    apply_decisions,
    check_lists,
    decide,
    default_rules,
    list_from_210,
    lists_from_230b,
    number_lists,
    numbering_key,
    published_contests,
    read_lists,
    to_230b,
)
from eml import Eml210, Eml230b, EmlHeader, read_eml, write_eml
from eml.documents import Authority
from eml.hash import format_digest
from eml.xsd import SchemaSet
from osv.model import ElectionIdentifier
from osv.service.errors import ServiceError

__all__ = [
    "CandidacyInputError",
    "CandidacySetup",
    "Publication",
    "accepted_lists",
    "check_json",
    "compose",
    "findings_block",
    "load_lists",
    "load_setup",
    "lots_json",
    "numbering_json",
    "parse_lists",
    "parse_setup",
    "publish",
    "report_pdf",
    "sha256_hex",
    "write_report",
]

#: Consequences that change a list when they happen (unrepaired).
_INVALIDATING = frozenset(
    {Consequence.LIST_INVALID, Consequence.CANDIDATE_STRUCK, Consequence.NAME_STRUCK}
)


class CandidacyInputError(ServiceError):
    """An election file or list file cannot be used; the message says why and where.

    :param code: a stable key for the refusals a coordinator acts on (``no_valid_list``,
        ``lot_twice``, ``duplicate_key``), which the web interface translates; ``None`` for a
        file that cannot be read (the web interface shows a Dutch lead and the English text).
    """

    def __init__(self, message: str, code: str | None = None) -> None:
        super().__init__(message)
        self.code = code


class CandidacySetup(BaseModel):
    """The election file (JSON): identity, seats, register of party names, lot outcomes."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    election: ElectionIdentifier
    seats: int = Field(ge=1)
    authority: Authority | None = None
    districts: dict[str, str] = Field(default_factory=dict)
    parties: tuple[PartyRegistration, ...] = ()
    lots: tuple[tuple[str, ...], ...] = ()

    def register_by_name(self) -> dict[str, PartyRegistration]:
        """The register keyed by party name."""
        return {party.name: party for party in self.parties}

    def rules(self) -> ElectionRules:
        """The figures of chapter H for this election, with its nomination date (K16, K22) and
        the end of the term (K19) when the election file gives them."""
        try:
            return default_rules(
                self.election.category,
                self.seats,
                election_date=self.election.election_date,
                nomination_date=self.election.nomination_date,
            )
        except ValueError as error:
            raise CandidacyInputError(str(error)) from None

    def lot_outcomes(self, extra: Sequence[str] = ()) -> tuple[LotOutcome, ...]:
        """The lot outcomes of the file plus ``extra`` ("key;key;..." each)."""
        orders = [*self.lots, *(tuple(k.strip() for k in e.split(";")) for e in extra)]
        try:
            return tuple(LotOutcome(order=order) for order in orders)
        except ValidationError:
            raise CandidacyInputError(
                "a lot outcome names a list more than once", "lot_twice"
            ) from None


def load_setup(path: Path) -> CandidacySetup:
    """The election file at ``path``.

    :raises CandidacyInputError: when it cannot be read or is not JSON in the documented shape.
    """
    try:
        data = path.read_bytes()
    except OSError as error:
        raise CandidacyInputError(f"{path}: cannot be read ({error.strerror})") from None
    return parse_setup(data, str(path))


def parse_setup(data: bytes, source: str) -> CandidacySetup:
    """The election file in ``data`` (``source`` names it in messages)."""
    try:
        return CandidacySetup.model_validate_json(data)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise CandidacyInputError(
            f"{source}: not a valid election file: {where}: {first['msg']}"
        ) from None


def load_lists(
    paths: Sequence[Path], setup: CandidacySetup | None = None
) -> tuple[SubmittedList, ...]:
    """The submitted lists in ``paths``, in order: CSV files, 230b files or nomination files
    (EML 210, one list each, keyed by its place on the command line: 1, 2, ...).

    :raises CandidacyInputError: when a file cannot be read, is another EML message, or two
        files hand in lists with the same key.
    """
    lists: list[SubmittedList] = []
    for index, path in enumerate(paths, start=1):
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CandidacyInputError(f"{path}: cannot be read ({error.strerror})") from None
        lists += parse_lists(data, str(path), key=str(index), setup=setup)
    keys = [lst.key for lst in lists]
    for key in keys:
        if keys.count(key) > 1:
            raise CandidacyInputError(
                f"two lists have the key {key}: give each list its own key", "duplicate_key"
            )
    return tuple(lists)


def parse_lists(
    data: bytes, source: str, *, key: str = "1", setup: CandidacySetup | None = None
) -> tuple[SubmittedList, ...]:
    """The lists in ``data``: a CSV (UTF-8), an EML 230b, or an EML 210 (one list, ``key``).

    ``setup`` gives the districts for a 210 handed in for every district (``alle``).
    """
    if data.lstrip().startswith(b"<"):
        document = read_eml(data, source=source).document
        if isinstance(document, Eml230b):
            return tuple(lists_from_230b(document)[0])
        if isinstance(document, Eml210):
            districts = tuple(setup.districts) if setup is not None else ()
            try:
                return (list_from_210(document, key, all_districts=districts),)
            except ValueError as error:
                raise CandidacyInputError(f"{source}: {error}") from None
        raise CandidacyInputError(
            f"{source}: expected a CSV of lists, an EML 210 or an EML 230b, found EML "
            f"{document.message_type.value}"
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise CandidacyInputError(f"{source}: the CSV is not UTF-8") from None
    return read_lists(text)


def _finding_json(finding: Finding) -> dict[str, Any]:
    return {
        "code": finding.code.value,
        "article": finding.article,
        "consequence": finding.consequence.value,
        "if_not_repaired": finding.if_not_repaired.value if finding.if_not_repaired else None,
        "list": finding.list_key,
        "district": finding.district,
        "position": finding.position,
        "text_nl": finding.text_nl,
        "text_en": finding.text_en,
    }


def findings_block(findings: Sequence[Finding]) -> bool:
    """Whether any finding, unrepaired, invalidates a list or strikes a candidate or name."""
    return any(f.final_consequence in _INVALIDATING for f in findings)


def check_json(lists: Sequence[SubmittedList], findings: Sequence[Finding]) -> dict[str, Any]:
    """The stable JSON of ``osv candidacy check`` (docs/candidacy.md)."""
    return {
        "lists": [
            {
                "list": lst.key,
                "party_name": lst.party_name,
                "districts": list(lst.districts),
                "candidates": len(lst.candidates),
            }
            for lst in lists
        ],
        "findings": [_finding_json(f) for f in findings],
        "blocking": findings_block(findings),
    }


def lots_json(required: LotsRequired) -> dict[str, Any]:
    """The JSON of the lots that must be drawn before the lists can be numbered."""
    return {
        "status": "lots_required",
        "lots_required": [
            {"reason": lot.reason.value, "among": list(lot.among), "first_number": lot.first_number}
            for lot in required.lots
        ],
    }


def numbering_json(lists: Sequence[SubmittedList], numbered: Numbered) -> dict[str, Any]:
    """The JSON of the numbering: per number the party name and the lists under it."""
    rows: dict[int, dict[str, Any]] = {}
    for lst in lists:
        number = numbered.number(lst)
        row = rows.setdefault(
            number,
            {
                "number": number,
                "key": numbering_key(lst),
                "party_name": lst.party_name,
                "lists": [],
                "districts": [],
            },
        )
        row["lists"].append(lst.key)
        row["districts"] += [d for d in lst.districts if d not in row["districts"]]
    return {"status": "numbered", "numbers": [rows[n] for n in sorted(rows)]}


@dataclass(frozen=True)
class Publication:
    """What ``publish`` produced: the files written (230b per district) and their hashes."""

    files: tuple[tuple[Path, str], ...]
    accepted: tuple[SubmittedList, ...]
    decisions: tuple[ListDecision, ...]
    findings: tuple[Finding, ...]
    numbered: Numbered
    repaired: tuple[Finding, ...] = ()


def accepted_lists(
    lists: Sequence[SubmittedList],
    setup: CandidacySetup,
    repaired: Collection[int] = (),
    departures: Sequence[Departure] = (),
) -> tuple[tuple[Finding, ...], tuple[ListDecision, ...], tuple[SubmittedList, ...]]:
    """Findings, the decisions (the proposal with the CSB's departures) and the accepted lists.

    :param repaired: indexes (in the sorted findings) of the omissions repaired in time.
    :param departures: where the CSB departs from the proposal.
    :raises DepartureError: when a departure is not possible.
    """
    findings = check_lists(lists, setup.register_by_name(), setup.rules())
    fixed = [finding for index, finding in enumerate(findings) if index in repaired]
    decisions = decide(lists, findings, fixed, departures)
    return findings, decisions, apply_decisions(lists, decisions)


def compose(
    lists: Sequence[SubmittedList],
    setup: CandidacySetup,
    *,
    lots: Sequence[str] = (),
    created: dt.datetime,
    schemas: SchemaSet | None = None,
    repaired: Collection[int] = (),
    departures: Sequence[Departure] = (),
) -> tuple[Publication, tuple[tuple[str, bytes], ...]] | LotsRequired:
    """Decide, number and write the 230b of each district in memory: the publication (its
    ``files`` are bare names) and the files' names and bytes.

    The lists are taken as they stand after the repair period: each omission still found
    takes its consequence. Returns which lots are needed when the numbering needs one.

    :raises CandidacyInputError: when no list is accepted.
    :raises DepartureError: when a departure is not possible.
    """
    findings, decisions, accepted = accepted_lists(lists, setup, repaired, departures)
    if not accepted:
        raise CandidacyInputError("no list is valid: there is nothing to publish", "no_valid_list")
    numbered = number_lists(accepted, setup.register_by_name(), setup.lot_outcomes(lots))
    if isinstance(numbered, LotsRequired):
        return numbered
    contests = published_contests(accepted, numbered, setup.districts)
    header = EmlHeader(
        managing_authority=setup.authority or Authority(id="CSB"),
        issue_date=created.date(),
        creation_date_time=created.replace(microsecond=0),
        canonicalization=True,
    )
    written: list[tuple[str, bytes]] = []
    for contest in contests:
        data = write_eml(to_230b(setup.election, header, contest), schemas=schemas)
        suffix = "" if contest.id == "geen" else f"_{contest.id}"
        written.append((f"Kandidatenlijsten_{setup.election.id}{suffix}.eml.xml", data))
    publication = Publication(
        files=tuple(
            (Path(name), format_digest(hashlib.sha256(data).digest())) for name, data in written
        ),
        accepted=accepted,
        decisions=decisions,
        findings=findings,
        numbered=numbered,
        repaired=tuple(f for index, f in enumerate(findings) if index in repaired),
    )
    return publication, tuple(written)


def sha256_hex(data: bytes) -> str:
    """The SHA-256 of ``data`` as 64 lowercase hex characters (as the store keeps it)."""
    return hashlib.sha256(data).hexdigest()


def publish(
    lists: Sequence[SubmittedList],
    setup: CandidacySetup,
    out: Path,
    *,
    lots: Sequence[str] = (),
    created: dt.datetime,
    schemas: SchemaSet | None = None,
    repaired: Collection[int] = (),
    departures: Sequence[Departure] = (),
) -> Publication | LotsRequired:
    """Decide, number and write the 230b of each district into ``out`` (see :func:`compose`).

    Returns which lots are needed when the numbering needs one; nothing is written then.

    :raises CandidacyInputError: when no list is accepted.
    """
    composed = compose(
        lists,
        setup,
        lots=lots,
        created=created,
        schemas=schemas,
        repaired=repaired,
        departures=departures,
    )
    if isinstance(composed, LotsRequired):
        return composed
    publication, written = composed
    out.mkdir(parents=True, exist_ok=True)
    for name, data in written:
        (out / name).write_bytes(data)
    return replace(
        publication, files=tuple((out / path.name, digest) for path, digest in publication.files)
    )


def report_pdf(
    lists: Sequence[SubmittedList],
    setup: CandidacySetup,
    publication: Publication,
    created: dt.datetime,
    *,
    audit_head: str | None = None,
) -> tuple[str, bytes]:
    """Model I 4 (the report of the CSB's session): its file name and bytes (with the audit
    log's last hash when made from OSV's database: the candidacy pages)."""
    from osv.pv.i4 import CandidacySession, render_i4

    authority = setup.authority
    committee = f"Centraal stembureau {authority.name or authority.id}" if authority else "CSB"
    session = CandidacySession(
        identifier=setup.election,
        committee=committee,
        submitted=tuple(lists),
        findings=publication.findings,
        repaired=publication.repaired,
        decisions=publication.decisions,
        accepted=publication.accepted,
        numbered=publication.numbered,
        files=tuple((path.name, digest) for path, digest in publication.files),
        created=created,
        audit_head=audit_head,
    )
    return f"Model_I4_{setup.election.id}.pdf", render_i4(session)


def write_report(
    lists: Sequence[SubmittedList],
    setup: CandidacySetup,
    publication: Publication,
    out: Path,
    created: dt.datetime,
) -> Path:
    """Write model I 4 (the report of the CSB's session) beside the 230b files; return its path."""
    name, data = report_pdf(lists, setup, publication, created)
    report = out / name
    report.write_bytes(data)
    return report
