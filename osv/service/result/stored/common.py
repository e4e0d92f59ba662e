"""What the HSB and CSB stage use cases share: naming a stage, refusals, the audit event.

A stage is the work of one principal polling station (``HSB<n>``, district ``n`` of an election
with several districts: Tweede Kamer, PS2) or of the central polling station (``CSB``) of an
election stored in the database. Its computation is the one of ``osv result`` (docs/result.md);
:mod:`osv.service.result.stored.folder` gives it the stored election as that folder.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from osv.service.errors import ServiceError
from osv.store import AuditEvent, UnitOfWork

__all__ = [
    "CSB",
    "StageRefusedError",
    "audit",
    "district_of",
    "eml_moment",
    "is_multi_district",
    "require_stage",
]

#: The committee name of the central polling station's stage.
CSB = "CSB"


class StageRefusedError(ServiceError):
    """An action on an HSB or CSB stage was refused; nothing was stored.

    :param code: a stable key the web interface translates (``wrong_election``, ...).
    :param details: the values the sentence names, for the translation.
    """

    def __init__(self, message: str, code: str = "refused", **details: Any) -> None:
        super().__init__(message)
        self.code = code
        self.details = details


def district_of(committee: str) -> str | None:
    """The district number of an HSB stage (``HSB3`` → ``3``); ``None`` for the CSB."""
    if committee.startswith("HSB") and committee[3:].isdigit():
        return committee[3:]
    return None


def is_multi_district(uow: UnitOfWork, eid: str) -> bool:
    """Whether the election has several districts (an HSB stage per district)."""
    return len(uow.elections.contests(eid)) > 1


def require_stage(uow: UnitOfWork, eid: str, committee: str) -> None:
    """Refuse an unknown election, or a stage the election does not have.

    Elections with one district have no HSB stage (Kieswet O 3(4): the HSB's report is part of
    the CSB's); those with several have one HSB per district.
    """
    if uow.elections.get(eid) is None:
        raise StageRefusedError(f"no election {eid} is stored", "unknown_election", eid=eid)
    if committee == CSB:
        return
    district = district_of(committee)
    contests = {c.contest_id for c in uow.elections.contests(eid)}
    if district is None or len(contests) < 2 or district not in contests:
        raise StageRefusedError(
            f"{eid} has no principal polling station {committee}", "unknown_stage", eid=eid
        )


def audit(uow: UnitOfWork, actor: str, event: str, eid: str, **data: Any) -> None:
    """Append an event to the audit log, in the action's transaction."""
    uow.audit.append(AuditEvent(event=event, actor=actor, election=eid, data=data))


def eml_moment(at: dt.datetime) -> dt.datetime:
    """A stored moment as ``kr:CreationDateTime`` carries it: UTC without a time zone, to the
    second (as the stage's computation dates its files)."""
    return at.astimezone(dt.UTC).replace(tzinfo=None, microsecond=0)
