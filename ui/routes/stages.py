"""The pages of the principal (HSB) and central (CSB) polling stations: upload the counts, see
their findings, register deceased candidates, compute the result, give the outcome of a lot,
and download the 510c and model O 3, or the 510d, 520 and model P 22-2 (or P 22-1).

Routes parse the form, call one service of :mod:`osv.service.result.stored` and show the
stage's page again with a Dutch message (:mod:`ui.routes.stage_page`; the texts are in
:mod:`ui.texts.stages`). A stage belongs to a level: only a coordinator HSB changes an HSB
stage, only a coordinator CSB the CSB's (403 otherwise); both, and observers, may look. Uploads
of count files are in :mod:`ui.routes.stage_uploads`.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import Response

from osv.service.entry import Actor
from osv.service.result.stored import (
    add_municipality,
    clear_lots,
    compute,
    decide_totals,
    open_totals,
    register_deceased,
    remove_count,
    remove_deceased,
    stage_documents,
    stages,
    supply_lot,
    totals_overview,
    zip_of,
)
from ui.messages import DECISION_LABELS
from ui.routes.common import ui
from ui.routes.stage_page import (
    Coordinator,
    Viewer,
    attempt,
    back,
    limits,
    require_level,
    stage_page,
)
from ui.texts.stages import computed_message, notice

__all__ = ["router"]

router = APIRouter()


@router.get("/uitslag")
def stage_list(request: Request, who: Viewer) -> Response:
    """The stages the user's level has (observers see all)."""
    levels = {"coordinator_hsb": ("HSB",), "coordinator_csb": ("CSB",)}.get(
        who.role, ("HSB", "CSB")
    )
    state = ui(request)
    return state.render(request, "stages/list.html", stages=stages(state.factory, levels))


@router.get("/uitslag/{eid}/{committee}")
def stage(request: Request, who: Viewer, eid: str, committee: str, melding: str = "") -> Response:
    """A stage: counts, findings, deceased candidates, lots, the result and its documents."""
    return stage_page(request, who, eid, committee, melding)


@router.post("/uitslag/{eid}/{committee}/tellingen/{file_id}/verwijderen")
def remove_file(
    request: Request, who: Coordinator, eid: str, committee: str, file_id: int
) -> Response:
    """Remove an uploaded count file."""
    require_level(who, committee)
    return attempt(
        request,
        who,
        eid,
        committee,
        lambda: remove_count(ui(request).factory, eid, committee, file_id, who.name),
        lambda _: back(eid, committee, notice("removed")),
    )


@router.post("/uitslag/{eid}/{committee}/overleden")
def deceased(
    request: Request,
    who: Coordinator,
    eid: str,
    committee: str,
    kandidaat: Annotated[str, Form()] = "",
) -> Response:
    """Register a deceased candidate (``kandidaat`` is ``LIST:CANDIDATE``)."""
    require_level(who, committee)
    list_text, _, candidate_text = kandidaat.partition(":")
    if not (list_text.isdigit() and candidate_text.isdigit()):
        return stage_page(request, who, eid, committee, notice("choose_candidate"), 400, error=True)
    return attempt(
        request,
        who,
        eid,
        committee,
        lambda: register_deceased(
            ui(request).factory, eid, committee, int(list_text), int(candidate_text), who.name
        ),
        lambda _: back(
            eid, committee, notice("deceased", candidate=candidate_text, list=list_text)
        ),
    )


@router.post("/uitslag/{eid}/{committee}/overleden/{choice_id}/verwijderen")
def undo_deceased(
    request: Request, who: Coordinator, eid: str, committee: str, choice_id: int
) -> Response:
    """Withdraw a registration of a deceased candidate."""
    require_level(who, committee)
    return attempt(
        request,
        who,
        eid,
        committee,
        lambda: remove_deceased(ui(request).factory, eid, committee, choice_id, who.name),
        lambda _: back(eid, committee, notice("withdrawn")),
    )


@router.post("/uitslag/{eid}/{committee}/berekenen")
def calculate(request: Request, who: Coordinator, eid: str, committee: str) -> Response:
    """Compute the result (or the HSB's district count)."""
    require_level(who, committee)
    state = ui(request)
    return attempt(
        request,
        who,
        eid,
        committee,
        lambda: compute(
            state.factory, eid, committee, who.name, schemas=state.schemas, limits=limits(request)
        ),
        lambda report: back(eid, committee, computed_message(report)),
    )


@router.post("/uitslag/{eid}/{committee}/loting")
def lot(
    request: Request,
    who: Coordinator,
    eid: str,
    committee: str,
    uitkomst: Annotated[str, Form()] = "",
) -> Response:
    """Record the outcome of the drawing of lots that was asked for, and compute again."""
    require_level(who, committee)
    state = ui(request)
    if not uitkomst:
        return stage_page(request, who, eid, committee, notice("choose_lot"), 400, error=True)
    return attempt(
        request,
        who,
        eid,
        committee,
        lambda: supply_lot(
            state.factory,
            eid,
            committee,
            uitkomst,
            who.name,
            schemas=state.schemas,
            limits=limits(request),
        ),
        lambda report: back(eid, committee, computed_message(report)),
    )


@router.post("/uitslag/{eid}/{committee}/loting/wissen")
def forget_lots(request: Request, who: Coordinator, eid: str, committee: str) -> Response:
    """Remove the lot outcomes given (and the computation that used them)."""
    require_level(who, committee)
    clear_lots(ui(request).factory, eid, committee, who.name)
    return back(eid, committee, notice("lots_cleared"))


@router.get("/uitslag/{eid}/{committee}/documenten.zip")
def documents(request: Request, who: Coordinator, eid: str, committee: str) -> Response:
    """Every file of the last computation as one zip."""
    return attempt(
        request,
        who,
        eid,
        committee,
        lambda: stage_documents(ui(request).factory, eid, committee),
        lambda found: _download(found[0], zip_of(found[1]), "application/zip"),
        404,
    )


@router.get("/uitslag/{eid}/{committee}/bestand/{name}")
def document(request: Request, who: Coordinator, eid: str, committee: str, name: str) -> Response:
    """One file of the last computation (510c, O 3, 510d, 520, P 22-x or a report)."""
    return attempt(
        request,
        who,
        eid,
        committee,
        lambda: dict(stage_documents(ui(request).factory, eid, committee)[1]).get(name),
        lambda data: (
            _download(name, data)
            if data is not None
            else stage_page(request, who, eid, committee, notice("no_such_file"), 404, error=True)
        ),
        404,
    )


def _download(name: str, data: bytes, media: str | None = None) -> Response:
    """The file ``name`` as a download, with ``media`` or the media type of its extension."""
    media = media or (
        "application/pdf"
        if name.endswith(".pdf")
        else "application/xml"
        if name.endswith(".xml")
        else "application/json"
        if name.endswith(".json")
        else "text/plain; charset=utf-8"
    )
    return Response(
        data, media_type=media, headers={"Content-Disposition": f'attachment; filename="{name}"'}
    )


@router.post("/uitslag/{eid}/{committee}/invoer")
def open_entry(
    request: Request,
    who: Coordinator,
    eid: str,
    committee: str,
    gemeente: Annotated[str, Form()] = "",
) -> Response:
    """Open a municipality's totals for double entry by the typists CSB."""
    require_level(who, committee)
    return attempt(
        request,
        who,
        eid,
        committee,
        lambda: open_totals(
            ui(request).factory, eid, committee, gemeente, Actor(who.name, "coordinator")
        ),
        lambda _: back(eid, committee, notice("opened", municipality=gemeente)),
    )


@router.post("/uitslag/{eid}/{committee}/gemeenten")
def add_entry_municipality(
    request: Request,
    who: Coordinator,
    eid: str,
    committee: str,
    code: Annotated[str, Form()] = "",
) -> Response:
    """Adding a municipality by hand, as older pages offered it: refused with the reason for
    this code (the stage's municipalities are those the election definition names)."""
    require_level(who, committee)
    return attempt(
        request,
        who,
        eid,
        committee,
        lambda: add_municipality(
            ui(request).factory, eid, committee, code, Actor(who.name, "coordinator")
        ),
        lambda _: stage_page(request, who, eid, committee),
    )


@router.post("/uitslag/{eid}/{committee}/invoer/{key}/besluit")
def decide_entry(
    request: Request,
    who: Coordinator,
    eid: str,
    committee: str,
    key: str,
    besluit: Annotated[str, Form()] = "",
    versie: Annotated[int, Form()] = 0,
) -> Response:
    """The coordinator's decision on a municipality's entries (differences, errors)."""
    require_level(who, committee)
    state = ui(request)
    session_id, _ = totals_overview(state.factory, eid, committee)
    if session_id is None:
        return stage_page(request, who, eid, committee, notice("no_entry_session"), 404, error=True)
    return attempt(
        request,
        who,
        eid,
        committee,
        lambda: decide_totals(
            state.factory, eid, committee, key, Actor(who.name, "coordinator"), besluit, versie
        ),
        lambda _: back(eid, committee, f"{DECISION_LABELS.get(besluit, besluit)}."),
    )
