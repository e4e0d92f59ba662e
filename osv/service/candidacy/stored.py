"""The central polling station's candidacy pages: submissions kept in the database.

A CSB coordinator uploads the submitted lists (CSV, one row per candidate; or EML 230b/210)
and the election file (docs/candidacy.md). :func:`store_submission` reads both first — input
that cannot be used is refused in one sentence and stores nothing — then keeps them byte for
byte, with their SHA-256, under a random token. :func:`decide_and_publish` decides, numbers
(or says which lot to draw) and keeps the publication — the 230b per district and model I 4,
with the decisions recorded for it (repairs, lots, departures from the proposal with their
reasons, so the files can be reproduced) — in the same transaction as its audit event;
:func:`publication_files` gives it back for the download.

The lists hold candidates' personal data (dates of birth, BSN, addresses). They stay in the
database; the audit events name the submission by its token and the files by their SHA-256,
and give counts and finding codes, never a candidate's data or a departure's reason (the CSB's
own text, which may name a candidate).
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from candidacy import (
    Departure,
    Finding,
    FindingName,
    Instead,
    LotsRequired,
    SubmittedList,
    check_lists,
)
from candidacy.departures import MAX_REASON
from eml.xsd import SchemaSet
from osv.service.audit_log import audit_head
from osv.service.candidacy.decisions import (
    Decisions,
    decisions_json,
    read_decisions,
)
from osv.service.candidacy.files import (
    CandidacyInputError,
    CandidacySetup,
    Publication,
    compose,
    parse_lists,
    parse_setup,
    report_pdf,
    sha256_hex,
)
from osv.service.unit_of_work import UowFactory
from osv.store import AuditEvent, UnitOfWork
from osv.store.candidacy import CandidacyOutput, CandidacySubmission
from osv.store.records import utc_now

__all__ = [
    "Published",
    "Submission",
    "decide_and_publish",
    "load_submission",
    "publication_files",
    "store_submission",
]

_LISTS_SOURCE = "de lijsten"
_SETUP_SOURCE = "het verkiezingsbestand"


@dataclass(frozen=True)
class Published:
    """A submission's last publication: its files (name, SHA-256 as 64 hex characters), when
    and by whom it was kept, and the decisions recorded for it."""

    files: tuple[tuple[str, str], ...]
    stored_at: dt.datetime
    stored_by: str
    decisions: Decisions


@dataclass(frozen=True)
class Submission:
    """A stored submission, read: its token, election file and lists, and its last
    publication (``None`` before it is published)."""

    token: str
    setup: CandidacySetup
    lists: tuple[SubmittedList, ...]
    stored_at: dt.datetime
    stored_by: str
    published: Published | None = None


def _read(setup_data: bytes, lists_data: bytes) -> tuple[CandidacySetup, tuple[SubmittedList, ...]]:
    setup = parse_setup(setup_data, _SETUP_SOURCE)
    return setup, parse_lists(lists_data, _LISTS_SOURCE, setup=setup)


def _audit(uow: UnitOfWork, actor: str, event: str, setup: CandidacySetup, **data: Any) -> None:
    uow.audit.append(AuditEvent(event=event, actor=actor, election=setup.election.id, data=data))


def store_submission(
    uow_factory: UowFactory, lists_data: bytes, setup_data: bytes, actor: str
) -> str:
    """Check and keep an upload of submitted lists and an election file; return its token.

    :raises OSVError: when either cannot be read (:class:`CandidacyInputError`, or
        :class:`~candidacy.csv_format.CandidacyCsvError` naming the row and column), in one
        sentence; nothing is stored then.
    """
    setup, lists = _read(setup_data, lists_data)
    token = secrets.token_urlsafe(16)
    submission = CandidacySubmission(
        token=token,
        lists_content=lists_data,
        lists_sha256=sha256_hex(lists_data),
        setup_content=setup_data,
        setup_sha256=sha256_hex(setup_data),
        stored_at=utc_now(),
        stored_by=actor,
    )
    with uow_factory() as uow:
        uow.candidacy.add(submission)
        _audit(
            uow,
            actor,
            "candidacy.uploaded",
            setup,
            submission=token,
            lists_sha256=submission.lists_sha256,
            setup_sha256=submission.setup_sha256,
            lists=len(lists),
            candidates=sum(len(lst.candidates) for lst in lists),
        )
        uow.commit()
    return token


def load_submission(uow_factory: UowFactory, token: str) -> Submission | None:
    """The submission ``token``, read; ``None`` when there is none."""
    with uow_factory() as uow:
        stored = uow.candidacy.get(token)
        outputs = uow.candidacy.outputs(token) if stored is not None else []
    if stored is None:
        return None
    setup, lists = _read(stored.setup_content, stored.lists_content)
    published = None
    if outputs:
        published = Published(
            files=tuple((output.file_name, output.sha256) for output in outputs),
            stored_at=max(output.stored_at for output in outputs),
            stored_by=outputs[0].stored_by,
            decisions=read_decisions(stored.decisions or {}, "the stored decisions"),
        )
    return Submission(
        token=token,
        setup=setup,
        lists=lists,
        stored_at=stored.stored_at,
        stored_by=stored.stored_by,
        published=published,
    )


def _departures_at(
    findings: Sequence[Finding], choices: Mapping[int, tuple[str, str]]
) -> tuple[Departure, ...]:
    """The departures chosen on the findings page: per finding index, the decision and reason."""
    departures = []
    for index, (instead, reason) in sorted(choices.items()):
        if not 0 <= index < len(findings):
            raise CandidacyInputError(f"there is no finding {index}")
        if instead not in {i.value for i in Instead}:
            raise CandidacyInputError(f"{instead!r} is not a decision the CSB can take")
        finding = findings[index]
        if len(reason) > MAX_REASON:
            raise CandidacyInputError(
                f"the reason for departing from finding {finding.code.value} on list "
                f"{finding.list_key} is longer than {MAX_REASON} characters"
            )
        departures.append(
            Departure(
                code=finding.code,
                list_key=finding.list_key,
                district=finding.district,
                position=finding.position,
                instead=Instead(instead),
                reason=reason,
            )
        )
    return tuple(departures)


def _same_decisions(recorded: Decisions, published: Published | None) -> dt.datetime | None:
    """The time written into the earlier publication when it recorded the same decisions:
    publishing them again gives the same files."""
    if published is None or published.decisions.created is None:
        return None
    earlier = published.decisions
    same = (earlier.repaired, earlier.lots, earlier.departures) == (
        recorded.repaired,
        recorded.lots,
        recorded.departures,
    )
    return earlier.created if same else None


def _printed_head(uow_factory: UowFactory, token: str) -> str | None:
    """The audit head the last publication of ``token`` printed on its I 4: publishing the same
    decisions again prints it again, so the files stay the same (docs/audit.md)."""
    with uow_factory() as uow:
        events = uow.audit.events(event="candidacy.published")
    printed = [e.data.get("audit_head") for e in events if e.data.get("submission") == token]
    return printed[-1] if printed and isinstance(printed[-1], str) else None


def _decided(
    findings: Sequence[Finding],
    repaired: Collection[int],
    lots: tuple[str, ...],
    departed: tuple[Departure, ...],
) -> Decisions:
    """The decisions as recorded: the repaired findings named, the lots, the departures."""
    fixed = [finding for index, finding in enumerate(findings) if index in repaired]
    return Decisions(
        repaired=tuple(
            FindingName(code=f.code, list_key=f.list_key, district=f.district, position=f.position)
            for f in fixed
        ),
        lots=lots,
        departures=departed,
    )


def _keep(
    uow_factory: UowFactory,
    submission: Submission,
    actor: str,
    publication: Publication,
    files: list[tuple[str, bytes]],
    lots: tuple[str, ...],
    departed: tuple[Departure, ...],
    created: dt.datetime,
    head: str,
) -> None:
    """Store the publication's files and decisions in place of the earlier ones, audited, in
    one transaction."""
    setup = submission.setup
    at = utc_now()
    outputs = [
        CandidacyOutput(
            file_name=name, sha256=sha256_hex(data), content=data, stored_at=at, stored_by=actor
        )
        for name, data in files
    ]
    recorded = decisions_json(publication.repaired, lots, departed, created)
    with uow_factory() as uow:
        earlier = uow.candidacy.outputs(submission.token)
        uow.candidacy.replace_outputs(submission.token, outputs, recorded)
        _audit(
            uow,
            actor,
            "candidacy.published",
            setup,
            submission=submission.token,
            repaired=len(publication.repaired),
            lots=len(lots),
            departures=len(departed),
            departure_codes=[d.code.value for d in departed],
            accepted=len(publication.accepted),
            files=[{"name": o.file_name, "sha256": o.sha256} for o in outputs],
            replaced=[{"name": o.file_name, "sha256": o.sha256} for o in earlier],
            audit_head=head,
        )
        uow.commit()


def decide_and_publish(
    uow_factory: UowFactory,
    submission: Submission,
    actor: str,
    *,
    repaired: Collection[int] = (),
    lots: Sequence[str] = (),
    departures: Mapping[int, tuple[str, str]] | None = None,
    created: dt.datetime | None = None,
    schemas: SchemaSet | None = None,
) -> Publication | LotsRequired:
    """Decide with the recorded repairs, number and keep the publication of ``submission``.

    The 230b files and model I 4 replace an earlier publication of the submission, in one
    transaction with the audit event (which names the files it replaced). Publishing the same
    decisions again writes the earlier publication's time into the files, so they come out
    the same, byte for byte. When a lot must be drawn first, nothing is stored and the lots
    are returned.

    :param repaired: indexes (in the sorted findings) of the omissions repaired in time.
    :param lots: lot outcomes, ``key;key;...`` each.
    :param departures: where the CSB departs from the proposal: per index (in the sorted
        findings) the decision (an :class:`~candidacy.Instead` value) and the reason.
    :param created: the time written into the files; by default the earlier publication's
        when the decisions are the same, else now.
    :raises CandidacyInputError: when no list is valid, a lot outcome is malformed or a
        departure names no finding or decision.
    :raises DepartureError: when a departure is not possible (no reason, not lawful, no change);
        nothing is stored then.
    """
    lists, setup = submission.lists, submission.setup
    lots = tuple(line.strip() for line in lots if line.strip())
    findings = check_lists(lists, setup.register_by_name(), setup.rules())
    departed = _departures_at(findings, departures or {})
    decided = _decided(findings, repaired, lots, departed)
    same = _same_decisions(decided, submission.published)
    created = created or same or dt.datetime.now().replace(microsecond=0)
    composed = compose(
        lists,
        setup,
        lots=lots,
        created=created,
        schemas=schemas,
        repaired=repaired,
        departures=departed,
    )
    if isinstance(composed, LotsRequired):
        return composed
    publication, written = composed
    head = (same and _printed_head(uow_factory, submission.token)) or audit_head(uow_factory).hash
    files = [*written, report_pdf(lists, setup, publication, created, audit_head=head)]
    _keep(uow_factory, submission, actor, publication, files, lots, departed, created, head)
    return publication


def publication_files(uow_factory: UowFactory, token: str) -> list[tuple[str, bytes]]:
    """The files of the submission's publication (name, bytes), by name; none before it."""
    with uow_factory() as uow:
        return [(output.file_name, output.content) for output in uow.candidacy.outputs(token)]
