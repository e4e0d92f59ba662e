"""The typist's pages: pick a polling station, type its paper form page by page, finalise.

Each page posts its boxes with the version the typist started from; the route turns the form
into an entry (:func:`ui.forms.apply_page`) and calls :func:`osv.service.entry.save`. A page
with findings (errors, warnings, differences with the first entry, cleared boxes) is shown again
until the typist ticks that the screen matches the paper (counts-and-checks.md §4.3).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import Response

from osv.errors import InvariantError
from osv.model.entry import CountEntry
from osv.service.entry import (
    EntryRefusedError,
    SourceView,
    claim,
    discard,
    finalise,
    overview,
    save,
    view,
)
from osv.service.entry.read import SessionInfo, session_info, sessions, typist_of
from results.checks import CHECK_RULES, EntryFinding
from results.codes import CountCode
from ui.auth import GSB_TYPISTS, Principal, allow
from ui.forms import (
    FormError,
    Page,
    apply_page,
    field_labels,
    findings_on,
    marks,
    pages_of,
    value_at,
)
from ui.routes.common import redirect, ui

__all__ = ["router", "still_cleared", "typist_action"]

router = APIRouter()
Typist = Annotated[Principal, Depends(allow(*GSB_TYPISTS))]


@router.get("/invoer")
def stations(request: Request, who: Typist, klaar: str = "") -> Response:
    """The polling stations of the open sessions that this typist can type."""
    state = ui(request)
    open_sessions = []
    for info in sessions(state.factory):
        if info.session.status != "in_progress":
            continue
        rows = []
        for row in overview(state.factory, info.id):
            action = typist_action(row.state, row.typists, who.name)
            if action:
                rows.append((row, action))
        open_sessions.append((info, rows))
    return state.render(request, "entry/stations.html", sessions=open_sessions, done=klaar)


def typist_action(state: str, typists: tuple[str, ...], me: str) -> str:
    """What a typist may do with an entry in ``state`` (the link text), or ``""`` for nothing."""
    if state == "Empty":
        return "Eerste invoer"
    if state == "FirstEntryFinalised" and typists[:1] != (me,):
        return "Tweede invoer"
    if state in ("FirstEntryInProgress", "SecondEntryInProgress") and typists[-1:] == (me,):
        return "Verder met invoer"
    if state in ("FirstEntryCorrection", "SecondEntryCorrection") and typists[:1] == (me,):
        return "Corrigeren"
    return ""


@router.post("/invoer/{session_id}/{key}/starten")
def start(request: Request, who: Typist, session_id: int, key: str) -> Response:
    """Claim the first or second entry of a station (or continue one's own)."""
    factory = ui(request).factory
    _municipal(request, session_id)
    current = view(factory, session_id, key)
    if typist_of(current) != who.name:
        claim(factory, session_id, key, who.actor)
    current = view(factory, session_id, key)
    pages = _pages(request, session_id, current)
    if current.entry is None:
        raise InvariantError("an entry is shown without its counts")
    cleared = still_cleared(current.entry, current.cleared)
    # a correction opens on the page of the first box to type again
    target = next((p for p in pages if marks(p, cleared)), pages[0])
    return redirect(f"/invoer/{session_id}/{key}/pagina/{target.slug}")


def still_cleared(entry: CountEntry, cleared: tuple[str, ...]) -> list[str]:
    """The boxes cleared for a correction (W.002) that are still empty: once a box is typed
    again its mark is gone."""
    return [path for path in cleared if not _filled(value_at(entry, path))]


def _municipal(request: Request, session_id: int) -> SessionInfo:
    """The municipality's session; refuse one that is not (an HSB/CSB's is typed on /totalen).

    Read once per request (kept on the request's state)."""
    cached = getattr(request.state, "session_info", None)
    if isinstance(cached, SessionInfo) and cached.session.id == session_id:
        return cached
    info = session_info(ui(request).factory, session_id)
    if info is None:
        raise EntryRefusedError(
            f"there is no municipal session {session_id}", "unknown_session", session=session_id
        )
    request.state.session_info = info
    return info


def _mine(request: Request, who: Principal, session_id: int, key: str) -> SourceView:
    _municipal(request, session_id)
    current = view(ui(request).factory, session_id, key)
    if typist_of(current) != who.name or current.entry is None:
        raise EntryRefusedError(
            f"{who.name} is not typing polling station {key} now", "not_typing", station=key
        )
    return current


def _pages(request: Request, session_id: int, current: SourceView) -> list[Page]:
    info = _municipal(request, session_id)
    if current.entry is None:
        raise InvariantError("the pages of an entry are made without its counts")
    ballot = ui(request).ballot(info.session.election)
    names = {s.number: s.name for s in ballot.lists}
    candidates: dict[int, list[str]] = {}
    for c in ballot.candidates:
        candidates.setdefault(c.list_number, []).append(c.full_name)
    return pages_of(current.entry, info.category, names, candidates)


def _page(pages: list[Page], slug: str) -> tuple[int, Page]:
    for index, page in enumerate(pages):
        if page.slug == slug:
            return index, page
    raise HTTPException(404, f"no page {slug}")


def _entry_marks(order: list[str], differences: set[str], cleared: set[str]) -> list[EntryFinding]:
    """W.001 (differs from the first entry) and W.002 (cleared by the coordinator), in the
    page's order of boxes."""
    extra: list[EntryFinding] = []
    if differences:
        extra.append(EntryFinding(CountCode.W001, tuple(p for p in order if p in differences)))
    if cleared:
        extra.append(EntryFinding(CountCode.W002, tuple(p for p in order if p in cleared)))
    return extra


def _show(
    request: Request,
    who: Principal,
    current: SourceView,
    pages: list[Page],
    index: int,
    *,
    entry: CountEntry | None = None,
    values: dict[str, str] | None = None,
    problems: dict[str, str] | None = None,
    message: str = "",
    status: int = 200,
    confirm: bool = False,
) -> Response:
    page = pages[index]
    entry = entry or current.entry
    if entry is None:
        raise InvariantError("an entry page is shown without its counts")
    found = list(current.findings.items) if current.findings else []
    filled = {p.slug for p in pages if any(_filled(value_at(entry, f.path)) for f in p.fields)}
    shown = findings_on(page, found) if page.slug in filled or not page.fields else []
    # Differences with the first entry are marked only on a page this typist has typed:
    # marks on an untyped page would hint at which boxes the first entry filled.
    differences = marks(page, current.differences) if page.slug in filled else set()
    cleared = marks(page, still_cleared(entry, current.cleared))
    order = [field.path for field in page.fields]
    shown_all = shown + _entry_marks(order, differences, cleared)
    errors = marks(page, [p for f in shown if f.severity == "error" for p in f.fields])
    warnings = marks(page, [p for f in shown if f.severity == "warning" for p in f.fields])
    flagged = {p.slug for p in pages if p.slug in filled and findings_on(p, found)}
    marked = errors | warnings | differences | cleared
    labels = field_labels([page])
    # after a save the focus goes to the first marked box; to the tick box when only the
    # confirmation is left (the page was saved again unchanged)
    focus = "gecontroleerd" if confirm else next((p for p in order if p in marked), "")
    return ui(request).render(
        request,
        "entry/page.html",
        status,
        source=current,
        pages=pages,
        index=index,
        page=page,
        values=values or {f.path: value_at(entry, f.path) for f in page.fields},
        findings=[(f, _boxes(page, f, labels)) for f in shown_all],
        focus=focus,
        rules=CHECK_RULES,
        errors=errors,
        warnings=warnings,
        differences=differences,
        cleared=cleared,
        flagged=flagged,
        problems=problems or {},
        message=message,
        second=current.state == "SecondEntryInProgress",
    )


#: A finding naming more boxes than this on a page is not spelled out box by box.
_NAMED_BOXES = 6


def _boxes(page: Page, finding: EntryFinding, labels: dict[str, str]) -> str:
    """The boxes of ``page`` that ``finding`` marks, by their labels on the paper."""
    paths = [field.path for field in page.fields if field.path in marks(page, finding.fields)]
    if not paths or (
        len(paths) > _NAMED_BOXES and finding.code not in (CountCode.W001, CountCode.W002)
    ):
        return ""
    return "; ".join(labels.get(path, path) for path in paths)


def _filled(value: object) -> bool:
    """Whether a box or question was filled in (a page with none is not visited yet)."""
    if isinstance(value, dict):
        return any(value.values())
    return value is not None and value is not False


@router.get("/invoer/{session_id}/{key}/pagina/{slug}")
def page(request: Request, who: Typist, session_id: int, key: str, slug: str) -> Response:
    """One page of the form, with its findings."""
    current = _mine(request, who, session_id, key)
    pages = _pages(request, session_id, current)
    index, _ = _page(pages, slug)
    return _show(request, who, current, pages, index)


@router.post("/invoer/{session_id}/{key}/pagina/{slug}")
async def save_page(
    request: Request, who: Typist, session_id: int, key: str, slug: str
) -> Response:
    """Save one page; go on to the next unless there is something to check."""
    current = _mine(request, who, session_id, key)
    pages = _pages(request, session_id, current)
    index, this = _page(pages, slug)
    form = {k: v for k, v in (await request.form()).items() if isinstance(v, str)}
    if current.entry is None:
        raise InvariantError("an entry page is saved without its counts")
    try:
        entry = apply_page(current.entry, this, form)
    except FormError as error:
        return _show(
            request,
            who,
            current,
            pages,
            index,
            values=form,
            problems=error.problems,
            message="Niet opgeslagen: verbeter de gemarkeerde vakken.",
            status=422,
        )
    version = int(form.get("versie", "0") or 0)
    saved = save(ui(request).factory, session_id, key, who.actor, entry, version)
    found = findings_on(this, saved.findings.items if saved.findings else [])
    cleared = still_cleared(entry, saved.cleared)
    notable = found or marks(this, saved.differences) or marks(this, cleared)
    if notable and "gecontroleerd" not in form and entry != current.entry:
        return _show(
            request,
            who,
            saved,
            pages,
            index,
            message="Controleer de gemarkeerde vakken met het papier.",
        )
    if notable and "gecontroleerd" not in form:
        return _show(
            request,
            who,
            saved,
            pages,
            index,
            message="Vink aan dat je invoer hetzelfde is als op papier, of verbeter haar.",
            confirm=True,
        )
    target = pages[min(index + 1, len(pages) - 1)].slug
    return redirect(f"/invoer/{session_id}/{key}/pagina/{target}")


@router.post("/invoer/{session_id}/{key}/afronden")
def finish(
    request: Request, who: Typist, session_id: int, key: str, versie: Annotated[int, Form()]
) -> Response:
    """Finalise the entry."""
    _mine(request, who, session_id, key)
    finalise(ui(request).factory, session_id, key, who.actor, versie)
    return redirect(f"/invoer?klaar={key}")


@router.post("/invoer/{session_id}/{key}/verwerpen")
def drop(
    request: Request, who: Typist, session_id: int, key: str, versie: Annotated[int, Form()]
) -> Response:
    """Discard the typist's own entry in progress."""
    _mine(request, who, session_id, key)
    discard(ui(request).factory, session_id, key, who.actor, versie)
    return redirect("/invoer")
