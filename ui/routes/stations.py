"""The administrator's page to add a polling station by hand (besides uploading a 110b).

The route checks the form and names every wrong box in Dutch; the service
(:func:`osv.service.polling_stations.add_polling_station`) stores the station and its audit
event in one transaction, or refuses a taken number or a municipality whose session started.
"""

from __future__ import annotations

import re
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from osv.errors import OSVError
from osv.model import Location, PollingStation, PollingStationType
from osv.service import queries
from osv.service.polling_stations import add_polling_station
from ui.auth import ADMINISTRATORS, Principal, allow
from ui.messages import dutch_error
from ui.routes.common import redirect, ui

__all__ = ["router"]

router = APIRouter()
Admin = Annotated[Principal, Depends(allow(*ADMINISTRATORS))]

#: The kinds of polling station, in Dutch (``kr:ReportingUnitType``).
KINDS = {
    PollingStationType.FIXED.value: "Vaste locatie",
    PollingStationType.MOBILE.value: "Mobiel stembureau",
    PollingStationType.SPECIAL.value: "Bijzonder stembureau",
}
_POSTCODE = re.compile(r"^([1-9][0-9]{3}) ?([A-Za-z]{2})$")
#: The longest texts of the form (a station's name, a street, a place, a municipality).
_LENGTHS = {"naam": 200, "straat": 100, "plaats": 100, "gemeentenaam": 100}
#: The most eligible voters one polling station can have (the largest municipality has fewer
#: than a million; the bound keeps a typing error from reaching the database).
_MOST_VOTERS = 9_999_999


def _whole(text: str, low: int, high: int) -> int | None:
    """``text`` as a whole number from ``low`` to ``high`` in ASCII digits, or ``None``."""
    if not re.fullmatch(r"[0-9]{1,9}", text):
        return None
    value = int(text)
    return value if low <= value <= high else None


_FIELDS = (
    "verkiezing",
    "gemeente",
    "gemeentenaam",
    "nummer",
    "naam",
    "straat",
    "huisnummer",
    "postcode",
    "plaats",
    "soort",
    "kiesgerechtigden",
)


def _page(
    request: Request,
    *,
    values: dict[str, str] | None = None,
    problems: dict[str, str] | None = None,
    message: str = "",
    status: int = 200,
) -> Response:
    state = ui(request)
    elections = queries.elections(state.factory)
    stations = [
        (e.eid, s) for e in elections for s in queries.polling_stations(state.factory, e.eid)
    ]
    return state.render(
        request,
        "admin/stations.html",
        status,
        elections=elections,
        stations=stations,
        kinds=KINDS,
        values=values or {},
        problems=problems or {},
        message=message,
    )


@router.get("/beheer/stembureaus")
def station_list(request: Request, who: Admin, melding: str = "") -> Response:
    """The stored polling stations and the form to add one."""
    return _page(request, message=melding)


def _parse_station(form: dict[str, str]) -> tuple[PollingStation, dict[str, str]]:
    """The polling station of the form, and a Dutch sentence per wrong box (empty when none)."""
    problems: dict[str, str] = {}
    if not re.fullmatch(r"[0-9]{4}", form["gemeente"]):
        problems["gemeente"] = "De CBS-code van de gemeente bestaat uit vier cijfers."
    number = _whole(form["nummer"], 1, 99_999)
    if number is None:
        problems["nummer"] = "Het nummer van het stembureau is een getal van 1 tot en met 99999."
    if not form["naam"]:
        problems["naam"] = "Vul de naam van het stembureau in."
    for field, longest in _LENGTHS.items():
        if len(form[field]) > longest:
            problems[field] = f"Dit vak is te lang (ten hoogste {longest} tekens)."
    postcode = None
    if form["postcode"]:
        found = _POSTCODE.match(form["postcode"])
        if found is None:
            problems["postcode"] = (
                "Een postcode bestaat uit vier cijfers en twee letters, zoals 2811 AB."
            )
        else:
            postcode = f"{found.group(1)} {found.group(2).upper()}"
    house = None
    if form["huisnummer"]:
        house = _whole(form["huisnummer"], 1, 99_999)
        if house is None:
            problems["huisnummer"] = "Het huisnummer is een getal van 1 tot en met 99999."
    voters = None
    if form["kiesgerechtigden"]:
        voters = _whole(form["kiesgerechtigden"], 0, _MOST_VOTERS)
        if voters is None:
            problems["kiesgerechtigden"] = (
                f"Het aantal kiesgerechtigden is een getal van 0 tot en met {_MOST_VOTERS}."
            )
    if form["soort"] not in KINDS:
        problems["soort"] = "Kies de soort stembureau."
    if problems or number is None:
        return PollingStation(number=1, name="-"), problems
    location = Location(
        street_name=form["straat"] or None,
        house_number=house,
        postal_code=postcode,
        city=form["plaats"] or None,
    )
    return (
        PollingStation(
            number=number,
            name=form["naam"],
            postal_code=postcode,
            number_of_voters=voters,
            type=PollingStationType(form["soort"]),
            locations=(location,) if any(location.model_dump().values()) else (),
        ),
        {},
    )


@router.post("/beheer/stembureaus")
async def add(request: Request, who: Admin) -> Response:
    """Add a polling station to a municipality of an election."""
    posted = await request.form()
    form = {name: str(posted.get(name, "")).strip() for name in _FIELDS}
    station, problems = _parse_station(form)
    if problems:
        return _page(
            request,
            values=form,
            problems=problems,
            message="Niet toegevoegd: verbeter de gemarkeerde vakken.",
            status=400,
        )
    try:
        add_polling_station(
            ui(request).factory,
            form["verkiezing"],
            form["gemeente"],
            form["gemeentenaam"] or None,
            station,
            who.name,
        )
    except OSVError as error:
        return _page(request, values=form, message=dutch_error(error), status=400)
    return redirect(
        f"/beheer/stembureaus?melding=Stembureau {station.number} ({station.name}) toegevoegd."
    )
