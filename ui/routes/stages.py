"""The pages of the principal (HSB) and central (CSB) polling stations: upload the counts, see
their findings, register deceased candidates, compute the result, give the outcome of a lot,
and download the 510c and model O 3, or the 510d, 520 and model P 22-2 (or P 22-1).

Routes parse the form, call one service of :mod:`osv.service.result.stored` and show the stage's
page again with a Dutch message. A stage belongs to a level: only a coordinator HSB changes an HSB
stage, only a coordinator CSB the CSB's (403 otherwise); both, and observers, may look.
"""

from __future__ import annotations

import re
import secrets
import shutil
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import Response
from starlette.datastructures import FormData, UploadFile

from eml.hash import format_digest, hidden_groups
from eml.safe import Limits
from osv.errors import OSVError
from osv.service.entry import Actor
from osv.service.entry import view as stage_source
from osv.service.entry.read import DECISIONS_BY_STATE, comparison
from osv.service.result.stored import (
    CSB,
    CheckedCount,
    StageRefusedError,
    add_municipality,
    check_count,
    check_first_entry,
    clear_lots,
    compute,
    decide_totals,
    district_of,
    first_entry_files,
    import_first_entry,
    municipalities_of,
    open_totals,
    register_deceased,
    remove_count,
    remove_deceased,
    stage_documents,
    stage_view,
    stages,
    supply_lot,
    totals_overview,
    upload_count,
    zip_of,
)
from ui.auth import HSB_CSB_COORDINATORS, OBSERVERS, ForbiddenError, Principal, allow
from ui.forms import label_of
from ui.messages import (
    DECISION_LABELS,
    TECHNICAL,
    coverage_confirmation,
    coverage_sentences,
    coverage_summary,
    dutch_error,
    fill,
    without_server_folders,
)
from ui.routes.common import redirect, ui
from ui.routes.totals import box_labels

__all__ = ["router"]

router = APIRouter()
Coordinator = Annotated[Principal, Depends(allow(*HSB_CSB_COORDINATORS))]
Viewer = Annotated[Principal, Depends(allow(*HSB_CSB_COORDINATORS, *OBSERVERS))]
#: The file in a pending upload's folder that names its election and stage.
_STAGE = "stembureau.txt"
#: The word in that file that marks a pending 510b to become a municipality's first entry.
_FIRST_ENTRY = "eerste-invoer"

#: Dutch sentences for the refusals of :mod:`osv.service.result.stored`, by their code.
REFUSALS = {
    "unknown_election": "Verkiezing {eid} is niet ingelezen.",
    "unknown_stage": "Deze verkiezing heeft dit stembureau niet.",
    "unreadable": "{name} is geen leesbaar EML-bestand; er is niets opgeslagen.",
    "not_a_count": "{name} is een {found}-bestand; hier horen tellingen ({expected}); er is "
    "niets opgeslagen.",
    "wrong_election": "{name} is een telling van verkiezing {found}, niet van {eid}; er is niets "
    "opgeslagen.",
    "wrong_district": "{name} telt kieskring {found}, niet kieskring {district}; er is niets "
    "opgeslagen.",
    "duplicate": "{name} is al geüpload (als {earlier}); er is niets opgeslagen.",
    "hash_mismatch": "De getypte groepen van de hashcode van {name} ({where}) zijn niet gelijk "
    "aan de verborgen groepen: het is misschien niet het bestand van het papieren "
    "proces-verbaal. Er is niets van dit bestand opgeslagen; vergelijk de hashcode op het papier "
    "en upload het opnieuw.",
    "does_not_fit": "{name} past niet bij de tellingen die er al zijn; er is niets opgeslagen.",
    "unknown_file": "Dit bestand bestaat niet (meer).",
    "not_at_hsb": "Een hoofdstembureau verdeelt geen zetels; overleden kandidaten registreert "
    "het centraal stembureau.",
    "unknown_candidate": "Lijst {list} heeft geen kandidaat {candidate}.",
    "already_deceased": "Kandidaat {candidate} van lijst {list} is al als overleden geregistreerd.",
    "no_lot_asked": "Er is nu geen loting met deze uitkomst gevraagd; bereken eerst de uitslag.",
    "no_counts": "Er zijn nog geen tellingen; upload ze eerst.",
    "not_computed": "De uitslag is nog niet berekend.",
    "compute_failed": "De uitslag kan niet worden berekend.",
    "counts_incomplete": "Er is niets berekend: {summary}. {units} Er is niets opgeslagen en er "
    "is niets te downloaden; bereken opnieuw zodra elke telling er is.",
    "unknown_municipality": "Dit stembureau telt geen gemeente {municipality} op.",
    "uploaded_already": "De telling van gemeente {municipality} is geüpload; verwijder die eerst "
    "om de totalen in te voeren.",
    "typed_already": "De totalen van gemeente {municipality} staan open voor invoer; haar "
    "telling kan niet ook worden geüpload; er is niets opgeslagen.",
    "open_already": "De totalen van gemeente {municipality} staan al open voor invoer; er is "
    "niets opgeslagen.",
    "other_municipality": "{name} is de telling van gemeente {found}, niet van gemeente "
    "{municipality}; er is niets opgeslagen.",
    "not_convertible": "De totalen in {name} passen niet op het invoerformulier van de totalen "
    "(lijsten, kandidaten of kiezerspassen die deze verkiezing niet heeft); er is niets "
    "opgeslagen.",
    "file_has_errors": "De totalen in {name} hebben fouten ({codes}); laat beide invoeren van "
    "het papier typen. Er is niets opgeslagen.",
    "file_entry": "De eerste invoer van gemeente {municipality} is haar 510b; die kan niet "
    "worden gecorrigeerd door te typen. Behoud de 510b, behoud de getypte invoer, of laat de "
    "getypte invoer corrigeren.",
    "no_entry": "De totalen van gemeente {municipality} staan niet open voor invoer.",
    "add_at_csb": "Het centraal stembureau voegt geen gemeenten toe: de verkiezingsdefinitie "
    "noemt ze, of het telt de tellingen van de hoofdstembureaus op; er is niets opgeslagen.",
    "malformed_code": "'{municipality}' is geen CBS-gemeentecode: die heeft vier cijfers, zoals "
    "0479; er is niets opgeslagen.",
    "municipality_present": "Gemeente {municipality} hoort al bij dit stembureau: de "
    "verkiezingsdefinitie noemt haar bij deze kieskring, of haar telling is geüpload of staat "
    "open voor invoer; er is niets opgeslagen.",
    "other_district": "De verkiezingsdefinitie noemt gemeente {municipality} {name} bij kieskring "
    "{district} {district_name}, niet bij deze kieskring: haar telling hoort bij het "
    "hoofdstembureau van die kieskring. Er is niets opgeslagen.",
    "not_in_definition": "De verkiezingsdefinitie (110a) noemt geen gemeente {municipality}: een "
    "telling van die gemeente telt niet mee in de uitslag van deze kieskring. De gemeenten van "
    "dit stembureau zijn die de verkiezingsdefinitie noemt; klopt die niet, neem dan contact "
    "op met het centraal stembureau. Er is niets opgeslagen.",
    "not_coordinator": "Alleen een coördinator kan dit doen.",
    "unknown": "Deze registratie bestaat niet (meer).",
    "refused": "Dit is geweigerd; er is niets opgeslagen.",
}

#: Dutch titles of the consistency rules of counts (``results.tally.rules``).
FINDING_TITLES = {
    "F.201": "A + B + C is niet gelijk aan D (toegelaten kiezers)",
    "F.202": "E.1 + … + E.n is niet gelijk aan E (stemmen op lijsten en op kandidaten)",
    "F.204": "Stemmen op lijsten, maar E is 0",
    "F.312": "D is niet gelijk aan H − I + J",
    "F.402": "Het totaal van een lijst (E.x) is niet gelijk aan de som van zijn kandidaten",
    "W.204": "H is 0 (geen stemmen)",
    "W.205": "Z is 0 (geen kiesgerechtigden opgegeven)",
    "W.206": "Z is kleiner dan A (minder kiesgerechtigden dan stempassen)",
    "S.101": "Z is niet gelijk aan de som van de onderdelen",
    "S.102": "E is niet gelijk aan de som van de onderdelen",
    "S.103": "F of G is niet gelijk aan de som van de onderdelen",
    "S.104": "A, B, C, D, I, J of een verklaring is niet gelijk aan de som van de onderdelen",
    "S.105": "Het totaal van een lijst is niet gelijk aan de som van de onderdelen",
    "S.106": "De stemmen van een kandidaat zijn niet gelijk aan de som van de onderdelen",
    "S.201": "Het totaal en de onderdelen hebben verschillende lijsten of kandidaten",
    "S.202": "Twee onderdelen met hetzelfde nummer",
}

_LOT_KINDS = {
    "residual_LR": "een restzetel, lijsten met een gelijk overschot",
    "residual_UHA": "een restzetel, lijsten met een gelijk gemiddelde",
    "residual_HA": "een restzetel, lijsten met een gelijk gemiddelde",
    "absolute_majority": "de zetel voor de volstrekte meerderheid",
    "group_LR": "een zetel binnen een lijstengroep",
    "candidate_preference": "kandidaten met evenveel voorkeurstemmen",
}


def _dutch(error: OSVError) -> str:
    """A refusal as Dutch sentences: by its code (followed by the service's English reason,
    labelled, where it has one), or :func:`ui.messages.dutch_error`."""
    if isinstance(error, StageRefusedError) and error.code in REFUSALS:
        details = dict(error.details)
        if error.code == "hash_mismatch":
            details["where"] = _place(
                details["message_type"], details["part"], details["part_name"]
            )
        if error.code == "counts_incomplete":
            details["summary"] = coverage_summary(details["coverage"])
            details["units"] = " ".join(coverage_sentences(details["coverage"]))
        text = fill(REFUSALS[error.code], details)
        reason = error.details.get("reason")
        return f"{text} {TECHNICAL} {without_server_folders(reason)}" if reason else text
    return dutch_error(error)


def _place(message_type: str, part: str, part_name: str | None) -> str:
    """What a count file counts, in Dutch: "gemeente Vlietdam (9997)" or "kieskring 3"."""
    if message_type == "510c":
        return f"kieskring {part}"
    return f"gemeente {part_name} ({part})" if part_name else f"gemeente {part}"


def _may_change(who: Principal, committee: str) -> bool:
    """Whether ``who`` is the coordinator of this stage's level."""
    return who.role == ("coordinator_csb" if committee == CSB else "coordinator_hsb")


def _require_level(who: Principal, committee: str) -> None:
    if not _may_change(who, committee):
        raise ForbiddenError


def _limits(request: Request) -> Limits:
    return Limits(max_bytes=ui(request).settings.max_bytes)


def _page(
    request: Request,
    who: Principal,
    eid: str,
    committee: str,
    message: str = "",
    status: int = 200,
    *,
    error: bool = False,
) -> Response:
    state = ui(request)
    try:
        view = stage_view(
            state.factory, eid, committee, schemas=state.schemas, limits=_limits(request)
        )
    except StageRefusedError as refused:
        return state.render(
            request, "error.html", 404, title="Onbekend stembureau", message=_dutch(refused)
        )
    session_id, entries = totals_overview(state.factory, eid, committee)
    versions = {
        row.key: stage_source(state.factory, session_id, row.key).version
        for row in entries
        if session_id is not None and DECISIONS_BY_STATE.get(row.state)
    }
    uploaded = {f.part for f in view.inputs}
    opened = {row.key for row in entries}
    files = first_entry_files(state.factory, eid, committee)
    from_file = {
        row.key: files[row.key]
        for row in entries
        if row.key in files and row.typists[:1] == (files[row.key].by,)
    }
    coverage = view.coverage
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
        entry_session=session_id,
        entries=entries,
        versions=versions,
        decisions={
            row.key: [
                (d, _decision_label(d, row.key in from_file))
                for d in DECISIONS_BY_STATE.get(row.state, ())
                if not (d == "return_first" and row.key in from_file)
            ]
            for row in entries
        },
        from_file=from_file,
        differences={
            row.key: _differences(request, session_id, row.key)
            for row in entries
            if session_id is not None and row.state == "EntriesDifferent"
        },
        closed=[
            (code, name)
            for code, name in municipalities_of(state.factory, eid, committee)
            if code not in uploaded and code not in opened
        ],
        title=_title(committee, view.election_name or eid),
        editable=_may_change(who, committee),
        downloads=who.role in HSB_CSB_COORDINATORS,
        message=message,
        error=error,
        hashes={
            f.file_name: format_digest(bytes.fromhex(f.sha256)) for f in view.inputs + view.outputs
        },
        lot=_lot_question(view.report),
        lot_label=_lot_label,
        finding_titles=FINDING_TITLES,
    )


def _decision_label(decision: str, from_file: bool) -> str:
    """A decision in Dutch; when the first entry is the municipality's 510b, say so."""
    if from_file and decision == "keep_first":
        return "510b (eerste invoer) behouden, getypte invoer verwijderen"
    if from_file and decision == "keep_second":
        return "Getypte invoer behouden, 510b verwijderen (een andere invoerder typt opnieuw)"
    if from_file and decision == "return_second":
        return "510b behouden, verschillende velden van de getypte invoer laten corrigeren"
    return DECISION_LABELS[decision]


def _differences(request: Request, session_id: int, key: str) -> list[tuple[str, object, object]]:
    """The boxes where a municipality's two entries differ: label, first, second."""
    compared = comparison(ui(request).factory, session_id, key)
    current = stage_source(ui(request).factory, session_id, key)
    if current.entry is None or not compared.rows:
        return []
    labels = box_labels(request, session_id, current.entry)
    return [(label_of(labels, path), first, second) for path, first, second in compared.rows]


def _title(committee: str, election: str) -> str:
    district = district_of(committee)
    if district is None:
        return f"Centraal stembureau – {election}"
    return f"Hoofdstembureau kieskring {district} – {election}"


def _lot_label(value: str) -> str:
    """A lot outcome in Dutch: ``residual_HA:2`` is "lijst 2", ``candidate_preference:5:2``
    is "kandidaat 5 van lijst 2"."""
    parts = value.split(":")
    if len(parts) == 3:
        return f"kandidaat {parts[1]} van lijst {parts[2]}"
    return f"lijst {parts[-1]}"


def _lot_question(report: dict[str, Any] | None) -> dict[str, Any] | None:
    """The lot the last computation asks for, in Dutch: what is drawn and the options."""
    needed = (report or {}).get("lots_required")
    if not needed:
        return None
    kind = needed["kind"]
    seats = needed.get("seats") or 1
    labels = [_lot_label(option) for option in needed["give_as"]]
    return {
        "what": f"{_LOT_KINDS.get(kind, kind)} (artikel {needed.get('article')} Kieswet)",
        "article": needed.get("article"),
        "seats": seats,
        "options": list(zip(needed["give_as"], labels, strict=True)),
    }


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
    return _page(request, who, eid, committee, melding)


@router.post("/uitslag/{eid}/{committee}/tellingen")
async def upload(request: Request, who: Coordinator, eid: str, committee: str) -> Response:
    """Check one or more count files and keep them pending; ask for their hidden hash groups."""
    form = await request.form()
    try:
        _require_level(who, committee)
        return await _check_uploads(request, who, eid, committee, form)
    finally:
        await form.close()


async def _check_uploads(
    request: Request, who: Principal, eid: str, committee: str, form: FormData
) -> Response:
    state = ui(request)
    files = [f for f in form.getlist("bestanden") if isinstance(f, UploadFile) and f.filename]
    if not files:
        return _page(request, who, eid, committee, "Kies minstens één bestand.", 400, error=True)
    token = secrets.token_urlsafe(16)
    folder = _pending(request) / token
    folder.mkdir(parents=True)
    (folder / _STAGE).write_text(f"{eid}\n{committee}\n", encoding="utf-8")
    checked: list[CheckedCount] = []
    try:
        for index, upload_file in enumerate(files):
            data = await upload_file.read()
            count = check_count(
                state.factory,
                eid,
                committee,
                upload_file.filename or "telling.xml",
                data,
                schemas=state.schemas,
                limits=_limits(request),
            )
            if any(c.file_name == count.file_name for c in checked):
                shutil.rmtree(folder, ignore_errors=True)
                return _page(
                    request,
                    who,
                    eid,
                    committee,
                    f"{count.file_name} staat twee keer in deze upload; er is niets opgeslagen.",
                    400,
                    error=True,
                )
            kept = folder / str(index)
            kept.mkdir()
            (kept / count.file_name).write_bytes(data)
            checked.append(count)
    except OSVError as refused:
        shutil.rmtree(folder, ignore_errors=True)
        others = (
            " De andere bestanden van deze upload zijn ook niet bewaard." if len(files) > 1 else ""
        )
        return _page(request, who, eid, committee, _dutch(refused) + others, 400, error=True)
    return _hash_page(request, eid, committee, token, checked, first_entry=False)


def _pending_folder(request: Request, token: str, marks: list[str]) -> Path | str:
    """The folder of the pending upload ``token`` whose note reads ``marks`` (election, stage,
    and for a first entry its word and municipality); otherwise why not, in Dutch."""
    folder = _pending(request) / token
    if not re.fullmatch(r"[A-Za-z0-9_-]{10,}", token) or not folder.is_dir():
        return "Deze upload bestaat niet (meer); upload de bestanden opnieuw."
    stage_file = folder / _STAGE
    if not stage_file.is_file() or stage_file.read_text(encoding="utf-8").split()[:3] != marks[:3]:
        return "Deze upload hoort bij een ander stembureau."
    return folder


def _hash_page(
    request: Request,
    eid: str,
    committee: str,
    token: str,
    checked: list[CheckedCount],
    *,
    first_entry: bool,
) -> Response:
    """Ask for the two hidden hash groups of each checked file of the pending upload ``token``."""
    step = "eerste-invoer" if first_entry else "tellingen"
    return ui(request).render(
        request,
        "stages/hash.html",
        eid=eid,
        committee=committee,
        title=_title(committee, eid),
        token=token,
        confirm_url=f"/uitslag/{eid}/{committee}/{step}/bevestigen",
        first_entry=first_entry,
        rows=[
            (
                index,
                count,
                _place(count.message_type, count.part, count.part_name),
                _hidden_numbers(count),
            )
            for index, count in enumerate(checked)
        ],
    )


def _hidden_numbers(count: CheckedCount) -> tuple[int, int]:
    """The 1-based numbers of the two hidden groups, as the user counts them on paper."""
    first, second = hidden_groups(bytes.fromhex(count.sha256))
    return first + 1, second + 1


def _pending(request: Request) -> Path:
    """Where checked uploads wait for their hash groups (like the administrator's import)."""
    return ui(request).settings.home / "uploads" / "uitslag"


@router.post("/uitslag/{eid}/{committee}/tellingen/bevestigen")
async def confirm(request: Request, who: Coordinator, eid: str, committee: str) -> Response:
    """Store the pending count files whose typed hash groups match, in the order uploaded.

    Each file is its own transaction; at the first refusal (wrong groups, or a file that no
    longer fits) the files before it stay, the rest is not stored, and the pending upload is
    removed either way (as the administrator's import does).
    """
    _require_level(who, committee)
    form = await request.form()
    folder = _pending_folder(request, str(form.get("upload", "")), [eid, committee])
    if isinstance(folder, str):
        return _page(request, who, eid, committee, folder, 400, error=True)
    state = ui(request)
    stored: list[str] = []
    try:
        kept = sorted(
            (int(sub.name), path)
            for sub in folder.iterdir()
            if sub.is_dir() and sub.name.isdigit()
            for path in sub.iterdir()
        )
        for index, path in kept:
            typed = (str(form.get(f"groep1:{index}", "")), str(form.get(f"groep2:{index}", "")))
            try:
                upload_count(
                    state.factory,
                    eid,
                    committee,
                    path.name,
                    path.read_bytes(),
                    who.name,
                    typed=typed,
                    schemas=state.schemas,
                    limits=_limits(request),
                )
            except OSVError as refused:
                done = f" Wel opgeslagen: {', '.join(stored)}." if stored else ""
                return _page(request, who, eid, committee, _dutch(refused) + done, 400, error=True)
            stored.append(path.name)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return redirect(
        f"/uitslag/{eid}/{committee}?melding=Hashcode gecontroleerd en opgeslagen: "
        f"{', '.join(stored)}."
    )


@router.post("/uitslag/{eid}/{committee}/tellingen/{file_id}/verwijderen")
def remove_file(
    request: Request, who: Coordinator, eid: str, committee: str, file_id: int
) -> Response:
    """Remove an uploaded count file."""
    _require_level(who, committee)
    try:
        remove_count(ui(request).factory, eid, committee, file_id, who.name)
    except OSVError as refused:
        return _page(request, who, eid, committee, _dutch(refused), 400, error=True)
    return redirect(f"/uitslag/{eid}/{committee}?melding=Telling verwijderd.")


@router.post("/uitslag/{eid}/{committee}/overleden")
def deceased(
    request: Request,
    who: Coordinator,
    eid: str,
    committee: str,
    kandidaat: Annotated[str, Form()] = "",
) -> Response:
    """Register a deceased candidate (``kandidaat`` is ``LIST:CANDIDATE``)."""
    _require_level(who, committee)
    list_text, _, candidate_text = kandidaat.partition(":")
    if not (list_text.isdigit() and candidate_text.isdigit()):
        return _page(request, who, eid, committee, "Kies een kandidaat.", 400, error=True)
    try:
        register_deceased(
            ui(request).factory, eid, committee, int(list_text), int(candidate_text), who.name
        )
    except OSVError as refused:
        return _page(request, who, eid, committee, _dutch(refused), 400, error=True)
    return redirect(
        f"/uitslag/{eid}/{committee}?melding=Kandidaat {candidate_text} van lijst {list_text} "
        "is als overleden geregistreerd. Bereken de uitslag opnieuw."
    )


@router.post("/uitslag/{eid}/{committee}/overleden/{choice_id}/verwijderen")
def undo_deceased(
    request: Request, who: Coordinator, eid: str, committee: str, choice_id: int
) -> Response:
    """Withdraw a registration of a deceased candidate."""
    _require_level(who, committee)
    try:
        remove_deceased(ui(request).factory, eid, committee, choice_id, who.name)
    except OSVError as refused:
        return _page(request, who, eid, committee, _dutch(refused), 400, error=True)
    return redirect(f"/uitslag/{eid}/{committee}?melding=Registratie ingetrokken.")


@router.post("/uitslag/{eid}/{committee}/berekenen")
def calculate(request: Request, who: Coordinator, eid: str, committee: str) -> Response:
    """Compute the result (or the HSB's district count)."""
    _require_level(who, committee)
    state = ui(request)
    try:
        report = compute(
            state.factory, eid, committee, who.name, schemas=state.schemas, limits=_limits(request)
        )
    except OSVError as refused:
        return _page(request, who, eid, committee, _dutch(refused), 400, error=True)
    return redirect(f"/uitslag/{eid}/{committee}?melding={_computed(report)}")


@router.post("/uitslag/{eid}/{committee}/loting")
def lot(
    request: Request,
    who: Coordinator,
    eid: str,
    committee: str,
    uitkomst: Annotated[str, Form()] = "",
) -> Response:
    """Record the outcome of the drawing of lots that was asked for, and compute again."""
    _require_level(who, committee)
    state = ui(request)
    if not uitkomst:
        return _page(
            request, who, eid, committee, "Kies de uitkomst van de loting.", 400, error=True
        )
    try:
        report = supply_lot(
            state.factory,
            eid,
            committee,
            uitkomst,
            who.name,
            schemas=state.schemas,
            limits=_limits(request),
        )
    except OSVError as refused:
        return _page(request, who, eid, committee, _dutch(refused), 400, error=True)
    return redirect(f"/uitslag/{eid}/{committee}?melding={_computed(report)}")


@router.post("/uitslag/{eid}/{committee}/loting/wissen")
def forget_lots(request: Request, who: Coordinator, eid: str, committee: str) -> Response:
    """Remove the lot outcomes given (and the computation that used them)."""
    _require_level(who, committee)
    clear_lots(ui(request).factory, eid, committee, who.name)
    return redirect(f"/uitslag/{eid}/{committee}?melding=Uitkomsten van loting gewist.")


def _computed(report: dict[str, Any]) -> str:
    status = report.get("status")
    if status == "complete":
        return "De uitslag is berekend; de documenten staan klaar."
    if status == "lots_required":
        return "Er moet geloot worden; zie hieronder."
    if status == "no_votes":
        return "Er zijn geen geldige stemmen; er is geen uitslag."
    return "De uitslag is niet volledig."


@router.get("/uitslag/{eid}/{committee}/documenten.zip")
def documents(request: Request, who: Coordinator, eid: str, committee: str) -> Response:
    """Every file of the last computation as one zip."""
    try:
        name, files = stage_documents(ui(request).factory, eid, committee)
    except OSVError as refused:
        return _page(request, who, eid, committee, _dutch(refused), 404, error=True)
    return Response(
        zip_of(files),
        media_type="application/zip",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@router.get("/uitslag/{eid}/{committee}/bestand/{name}")
def document(request: Request, who: Coordinator, eid: str, committee: str, name: str) -> Response:
    """One file of the last computation (510c, O 3, 510d, 520, P 22-x or a report)."""
    try:
        _, files = stage_documents(ui(request).factory, eid, committee)
    except OSVError as refused:
        return _page(request, who, eid, committee, _dutch(refused), 404, error=True)
    data = dict(files).get(name)
    if data is None:
        return _page(request, who, eid, committee, "Dit bestand bestaat niet.", 404, error=True)
    media = (
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
    _require_level(who, committee)
    try:
        open_totals(ui(request).factory, eid, committee, gemeente, Actor(who.name, "coordinator"))
    except OSVError as refused:
        return _page(request, who, eid, committee, _dutch(refused), 400, error=True)
    return redirect(
        f"/uitslag/{eid}/{committee}?melding=De totalen van gemeente {gemeente} staan open voor "
        "invoer door twee invoerders."
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
    _require_level(who, committee)
    try:
        add_municipality(ui(request).factory, eid, committee, code, Actor(who.name, "coordinator"))
    except OSVError as refused:
        return _page(request, who, eid, committee, _dutch(refused), 400, error=True)


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
    _require_level(who, committee)
    state = ui(request)
    session_id, _ = totals_overview(state.factory, eid, committee)
    if session_id is None:
        return _page(request, who, eid, committee, "Er is geen invoer geopend.", 404, error=True)
    try:
        decide_totals(
            state.factory, eid, committee, key, Actor(who.name, "coordinator"), besluit, versie
        )
    except OSVError as refused:
        return _page(request, who, eid, committee, _dutch(refused), 400, error=True)
    return redirect(f"/uitslag/{eid}/{committee}?melding={DECISION_LABELS.get(besluit, besluit)}.")


@router.post("/uitslag/{eid}/{committee}/eerste-invoer")
async def first_entry(request: Request, who: Coordinator, eid: str, committee: str) -> Response:
    """Check a municipality's 510b to become the first entry of its totals; ask for the hidden
    groups of its hash (as an upload); nothing is stored yet."""
    form = await request.form()
    try:
        _require_level(who, committee)
        return await _check_first_entry(request, who, eid, committee, form)
    finally:
        await form.close()


async def _check_first_entry(
    request: Request, who: Principal, eid: str, committee: str, form: FormData
) -> Response:
    state = ui(request)
    code = str(form.get("gemeente", ""))
    upload_file = form.get("bestand")
    if not re.fullmatch(r"[0-9]{4}", code):
        return _page(request, who, eid, committee, "Kies een gemeente.", 400, error=True)
    if not isinstance(upload_file, UploadFile) or not upload_file.filename:
        return _page(
            request,
            who,
            eid,
            committee,
            f"Kies de 510b van gemeente {code}.",
            400,
            error=True,
        )
    data = await upload_file.read()
    try:
        count = check_first_entry(
            state.factory,
            eid,
            committee,
            upload_file.filename,
            data,
            municipality=code,
            schemas=state.schemas,
            limits=_limits(request),
        )
    except OSVError as refused:
        return _page(request, who, eid, committee, _dutch(refused), 400, error=True)
    token = secrets.token_urlsafe(16)
    folder = _pending(request) / token
    (folder / "0").mkdir(parents=True)
    (folder / _STAGE).write_text(f"{eid}\n{committee}\n{_FIRST_ENTRY}\n{code}\n", encoding="utf-8")
    (folder / "0" / count.file_name).write_bytes(data)
    return _hash_page(request, eid, committee, token, [count], first_entry=True)


@router.post("/uitslag/{eid}/{committee}/eerste-invoer/bevestigen")
async def confirm_first_entry(
    request: Request, who: Coordinator, eid: str, committee: str
) -> Response:
    """Store the pending 510b as the municipality's first entry when the typed hash groups
    match; the pending upload is removed whatever the outcome."""
    _require_level(who, committee)
    form = await request.form()
    folder = _pending_folder(request, str(form.get("upload", "")), [eid, committee, _FIRST_ENTRY])
    if isinstance(folder, str):
        return _page(request, who, eid, committee, folder, 400, error=True)
    state = ui(request)
    try:
        marks = (folder / _STAGE).read_text(encoding="utf-8").split()
        kept = list((folder / "0").iterdir()) if (folder / "0").is_dir() else []
        if len(marks) != 4 or len(kept) != 1:
            return _page(
                request,
                who,
                eid,
                committee,
                "Deze upload bestaat niet (meer); upload de 510b opnieuw.",
                400,
                error=True,
            )
        code, path = marks[3], kept[0]
        try:
            import_first_entry(
                state.factory,
                eid,
                committee,
                path.name,
                path.read_bytes(),
                Actor(who.name, "coordinator"),
                typed=(str(form.get("groep1:0", "")), str(form.get("groep2:0", ""))),
                municipality=code,
                schemas=state.schemas,
                limits=_limits(request),
            )
        except OSVError as refused:
            return _page(request, who, eid, committee, _dutch(refused), 400, error=True)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return redirect(
        f"/uitslag/{eid}/{committee}?melding=Hashcode gecontroleerd: {path.name} is de eerste "
        f"invoer van gemeente {code}. Een invoerder CSB typt nu de tweede invoer van het "
        "papieren proces-verbaal."
    )
