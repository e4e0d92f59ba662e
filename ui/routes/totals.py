"""The typist CSB's pages: a municipality's totals typed in at the HSB or CSB, twice.

The coordinator of the stage opens a municipality for entry (``ui/routes/stages.py``); each
typist CSB sees here what they can type (the first entry, or the second entry of a municipality
someone else typed first), types the whole paper totals form on one page (Z, A–D, E.x, E–H, I,
J and the candidates' votes, in paper order) and finalises. The rules are the municipalities'
double entry (:mod:`osv.service.entry`): the second typist differs from the first, findings are
shown and must be confirmed against the paper, differences go to the coordinator.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from osv.errors import InvariantError
from osv.model.entry import CountEntry
from osv.service.entry import EntryRefusedError, claim, finalise, overview, save, view
from osv.service.entry.common import SourceView
from osv.service.entry.read import session_info, sessions, typist_of
from osv.service.result.stored import district_of, first_entry_files
from results.checks import CHECK_RULES
from ui.auth import CSB_TYPISTS, Principal, allow
from ui.forms import FormError, Page, apply_page, field_labels, pages_of, value_at
from ui.routes.common import redirect, ui
from ui.routes.entry import typist_action

__all__ = ["box_labels", "router"]

router = APIRouter()
Typist = Annotated[Principal, Depends(allow(*CSB_TYPISTS))]


@router.get("/totalen")
def municipalities(request: Request, who: Typist, klaar: str = "") -> Response:
    """The municipalities of the open HSB/CSB entry sessions this typist can type now."""
    state = ui(request)
    found = []
    for info in sessions(state.factory, stages=True):
        if info.session.status != "in_progress":
            continue
        files = first_entry_files(state.factory, info.session.election, info.session.committee)
        rows = [
            (row, action, row.key in files and row.typists[:1] == (files[row.key].by,))
            for row in overview(state.factory, info.id)
            if (action := typist_action(row.state, row.typists, who.name))
        ]
        found.append((info, rows))
    return state.render(request, "stages/totals_list.html", sessions=found, done=klaar)


def _stage_session(request: Request, session_id: int) -> None:
    if session_info(ui(request).factory, session_id, stages=True) is None:
        raise EntryRefusedError(
            f"there is no HSB or CSB entry session {session_id}",
            "unknown_session",
            session=session_id,
        )


@router.post("/totalen/{session_id}/{key}/starten")
def start(request: Request, who: Typist, session_id: int, key: str) -> Response:
    """Claim the first or second entry of a municipality's totals (or continue one's own)."""
    _stage_session(request, session_id)
    factory = ui(request).factory
    if typist_of(view(factory, session_id, key)) != who.name:
        claim(factory, session_id, key, who.actor)
    return redirect(f"/totalen/{session_id}/{key}")


def _mine(request: Request, who: Principal, session_id: int, key: str) -> SourceView:
    _stage_session(request, session_id)
    current = view(ui(request).factory, session_id, key)
    if typist_of(current) != who.name or current.entry is None:
        raise EntryRefusedError(
            f"{who.name} is not typing the totals of {key} now",
            "not_typing_totals",
            municipality=key,
        )
    return current


def _paper_pages(request: Request, session_id: int, entry: CountEntry) -> list[Page]:
    """The pages of the paper totals form (without the last, "controleren")."""
    state = ui(request)
    info = session_info(state.factory, session_id, stages=True)
    if info is None:
        raise InvariantError("the session of a totals form is not found")
    eid = info.session.election
    district = district_of(info.session.committee)  # an HSB's lists are its district's

    def ours(contest_id: str) -> bool:
        return district is None or contest_id == district

    ballot = state.ballot(eid)
    names = {s.number: s.name for s in ballot.lists if ours(s.contest_id)}
    candidates: dict[int, list[str]] = {}
    for c in ballot.candidates:
        if ours(c.contest_id):
            candidates.setdefault(c.list_number, []).append(c.full_name)
    return pages_of(entry, info.category, names, candidates)[:-1]


def box_labels(request: Request, session_id: int, entry: CountEntry) -> dict[str, str]:
    """The Dutch label of every box of a municipality's totals form, by JSON path."""
    return field_labels(_paper_pages(request, session_id, entry))


def _form_page(request: Request, session_id: int, current: SourceView) -> Page:
    """Every box of the totals form on one page, in paper order."""
    if current.entry is None:
        raise InvariantError("a totals form is shown without its entry")
    pages = _paper_pages(request, session_id, current.entry)
    return Page("totalen", "Totalen", tuple(f for p in pages for f in p.fields))


def _show(
    request: Request,
    current: SourceView,
    page: Page,
    *,
    values: dict[str, object] | None = None,
    problems: dict[str, str] | None = None,
    message: str = "",
    status: int = 200,
) -> Response:
    if current.entry is None:
        raise InvariantError("a totals form is shown without its entry")
    typed = any(value_at(current.entry, f.path) is not None for f in page.fields)
    findings = list(current.findings.items) if current.findings and typed else []
    return ui(request).render(
        request,
        "stages/totals_form.html",
        status,
        source=current,
        page=page,
        values=values or {f.path: value_at(current.entry, f.path) for f in page.fields},
        findings=findings,
        rules=CHECK_RULES,
        errors={p for f in findings if f.severity == "error" for p in f.fields},
        # differences only once typed: before, marks would hint at the first entry's boxes
        differences=(set(current.differences) if typed else set()) | set(current.cleared),
        problems=problems or {},
        message=message,
    )


@router.get("/totalen/{session_id}/{key}")
def form(request: Request, who: Typist, session_id: int, key: str) -> Response:
    """The totals form of a municipality this typist is typing."""
    current = _mine(request, who, session_id, key)
    return _show(request, current, _form_page(request, session_id, current))


@router.post("/totalen/{session_id}/{key}")
async def submit(request: Request, who: Typist, session_id: int, key: str) -> Response:
    """Save the form; finalise it unless there are findings not yet checked against the paper."""
    current = _mine(request, who, session_id, key)
    page = _form_page(request, session_id, current)
    posted = {k: v for k, v in (await request.form()).items() if isinstance(v, str)}
    if current.entry is None:
        raise InvariantError("a totals form is saved without its entry")
    try:
        entry = apply_page(current.entry, page, posted)
    except FormError as error:
        return _show(
            request,
            current,
            page,
            values=dict(posted),
            problems=error.problems,
            message="Niet opgeslagen: verbeter de gemarkeerde vakken.",
            status=422,
        )
    factory = ui(request).factory
    saved = save(factory, session_id, key, who.actor, entry, int(posted.get("versie", "0") or 0))
    notable = bool(saved.findings and saved.findings.items) or bool(saved.differences)
    if notable and "gecontroleerd" not in posted:
        return _show(
            request,
            saved,
            page,
            message="Controleer de gemarkeerde vakken met het papier; vink dan aan dat je "
            "invoer hetzelfde is als op papier.",
        )
    finalise(factory, session_id, key, who.actor, saved.version)
    return redirect(f"/totalen?klaar={key}")
