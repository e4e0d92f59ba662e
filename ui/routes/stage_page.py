"""The page of one HSB or CSB stage, shared by the routes that change it.

:func:`stage_page` shows the stage (its counts, findings, entries, choices and documents) with a
message; :func:`refusal_page` shows it with a service's refusal in Dutch; :func:`attempt` runs
one service call of a route: on a refusal (:class:`~osv.errors.OSVError`) it shows the stage's
page with it, otherwise the route's response (usually :func:`back` to the page with a message).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, TypeVar

from fastapi import Depends, Request
from fastapi.responses import Response

from eml.hash import format_digest
from eml.safe import Limits
from osv.errors import OSVError
from osv.service.entry import SourceStatus
from osv.service.entry import view as stage_source
from osv.service.entry.read import DECISIONS_BY_STATE, comparison
from osv.service.result.stored import (
    CSB,
    StageRefusedError,
    first_entry_files,
    municipalities_of,
    stage_view,
    totals_overview,
)
from ui.auth import HSB_CSB_COORDINATORS, OBSERVERS, ForbiddenError, Principal, allow
from ui.forms import label_of
from ui.routes.common import redirect, ui
from ui.routes.totals import box_labels
from ui.texts.coverage import coverage_confirmation, coverage_sentences, coverage_summary
from ui.texts.stages import (
    decision_label,
    lot_label,
    lot_question,
    notice,
    stage_refusal,
    stage_title,
)

__all__ = [
    "Coordinator",
    "Viewer",
    "attempt",
    "back",
    "limits",
    "may_change",
    "refusal_page",
    "require_level",
    "stage_page",
]

Coordinator = Annotated[Principal, Depends(allow(*HSB_CSB_COORDINATORS))]
Viewer = Annotated[Principal, Depends(allow(*HSB_CSB_COORDINATORS, *OBSERVERS))]
T = TypeVar("T")


def may_change(who: Principal, committee: str) -> bool:
    """Whether ``who`` is the coordinator of this stage's level."""
    return who.role == ("coordinator_csb" if committee == CSB else "coordinator_hsb")


def require_level(who: Principal, committee: str) -> None:
    """Refuse (403) anyone but the coordinator of this stage's level."""
    if not may_change(who, committee):
        raise ForbiddenError


def limits(request: Request) -> Limits:
    """The limits of a file read for this installation."""
    return Limits(max_bytes=ui(request).settings.max_bytes)


def refusal_page(
    request: Request,
    who: Principal,
    eid: str,
    committee: str,
    refused: OSVError,
    status: int = 400,
    more: str = "",
) -> Response:
    """The stage's page with ``refused`` in Dutch (followed by ``more``) as an error."""
    return stage_page(
        request, who, eid, committee, stage_refusal(refused) + more, status, error=True
    )


def attempt(
    request: Request,
    who: Principal,
    eid: str,
    committee: str,
    action: Callable[[], T],
    respond: Callable[[T], Response],
    status: int = 400,
) -> Response:
    """Run ``action`` (one service call); on a refusal show the stage's page with it (status
    ``status``), otherwise ``respond`` to its outcome (:func:`back`, or a file)."""
    try:
        outcome = action()
    except OSVError as refused:
        return refusal_page(request, who, eid, committee, refused, status)
    return respond(outcome)


def back(eid: str, committee: str, message: str) -> Response:
    """Go back to the stage's page, showing ``message``."""
    return redirect(f"/uitslag/{eid}/{committee}?melding={message}")


def stage_page(
    request: Request,
    who: Principal,
    eid: str,
    committee: str,
    message: str = "",
    status: int = 200,
    *,
    error: bool = False,
) -> Response:
    """The stage's page: its counts, findings, entries, choices and documents, with ``message``."""
    state = ui(request)
    try:
        view = stage_view(
            state.factory, eid, committee, schemas=state.schemas, limits=limits(request)
        )
    except StageRefusedError as refused:
        return state.render(
            request,
            "error.html",
            404,
            title=notice("unknown_stage"),
            message=stage_refusal(refused),
        )
    uploaded = {f.part for f in view.inputs}
    coverage = view.coverage
    entries = _entries(request, eid, committee)
    return state.render(
        request,
        "stages/stage.html",
        status,
        view=view,
        complete=coverage is not None and coverage.complete,
        coverage_text=(
            ""
            if coverage is None
            else coverage_confirmation(coverage)
            if coverage.complete
            else coverage_summary(coverage)
        ),
        without_count=coverage_sentences(coverage) if coverage is not None else [],
        **entries,
        closed=[
            (code, name)
            for code, name in municipalities_of(state.factory, eid, committee)
            if code not in uploaded and code not in {row.key for row in entries["entries"]}
        ],
        title=stage_title(committee, view.election_name or eid),
        editable=may_change(who, committee),
        downloads=who.role in HSB_CSB_COORDINATORS,
        message=message,
        error=error,
        hashes={
            f.file_name: format_digest(bytes.fromhex(f.sha256)) for f in view.inputs + view.outputs
        },
        lot=lot_question(view.report),
        lot_label=lot_label,
    )


def _entries(request: Request, eid: str, committee: str) -> dict[str, Any]:
    """What the page shows of the municipalities' typed totals: the entry session, its rows,
    their versions, the coordinator's decisions, which first entries are a 510b, and the
    differences of two entries."""
    factory = ui(request).factory
    session_id, entries = totals_overview(factory, eid, committee)
    files = first_entry_files(factory, eid, committee)
    from_file = {
        row.key: files[row.key]
        for row in entries
        if row.key in files and row.typists[:1] == (files[row.key].by,)
    }
    return {
        "entry_session": session_id,
        "entries": entries,
        "versions": {
            row.key: stage_source(factory, session_id, row.key).version
            for row in entries
            if session_id is not None and DECISIONS_BY_STATE.get(row.state)
        },
        "decisions": {row.key: _decisions(row, row.key in from_file) for row in entries},
        "from_file": from_file,
        "differences": {
            row.key: _differences(request, session_id, row.key)
            for row in entries
            if session_id is not None and row.state == "EntriesDifferent"
        },
    }


def _decisions(row: SourceStatus, from_file: bool) -> list[tuple[str, str]]:
    """The decisions the coordinator may take on ``row``, with their Dutch labels."""
    return [
        (d, decision_label(d, from_file))
        for d in DECISIONS_BY_STATE.get(row.state, ())
        if not (d == "return_first" and from_file)
    ]


def _differences(request: Request, session_id: int, key: str) -> list[tuple[str, object, object]]:
    """The boxes where a municipality's two entries differ: label, first, second."""
    compared = comparison(ui(request).factory, session_id, key)
    current = stage_source(ui(request).factory, session_id, key)
    if current.entry is None or not compared.rows:
        return []
    labels = box_labels(request, session_id, current.entry)
    return [(label_of(labels, path), first, second) for path, first, second in compared.rows]
