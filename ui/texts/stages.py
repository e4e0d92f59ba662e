"""The Dutch texts of the HSB and CSB pages (``/uitslag``): refusals, lots, decisions, titles.

:mod:`ui.routes.stages` parses forms and calls :mod:`osv.service.result.stored`; what it shows
in Dutch is here: the sentence for each refusal code of the stage service (:data:`REFUSALS`,
:func:`stage_refusal`), the lot that is asked for (:func:`lot_question`), the outcome of a
computation (:func:`computed_message`), the coordinator's decisions when the first entry is a
municipality's 510b (:func:`decision_label`), and the page's title (:func:`stage_title`). The
titles of the consistency findings are the registry's (:mod:`results.codes`).
"""

from __future__ import annotations

from typing import Any

from osv.errors import OSVError
from osv.service.result.stored import StageRefusedError, district_of
from ui.messages import DECISION_LABELS, TECHNICAL, dutch_error, fill, without_server_folders
from ui.texts.coverage import coverage_sentences, coverage_summary

__all__ = [
    "LOT_KINDS",
    "NOTICES",
    "REFUSALS",
    "computed_message",
    "decision_label",
    "lot_label",
    "lot_question",
    "notice",
    "place",
    "stage_refusal",
    "stage_title",
]

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

#: What a lot decides, by the kind the computation asks for.
LOT_KINDS = {
    "residual_LR": "een restzetel, lijsten met een gelijk overschot",
    "residual_UHA": "een restzetel, lijsten met een gelijk gemiddelde",
    "residual_HA": "een restzetel, lijsten met een gelijk gemiddelde",
    "absolute_majority": "de zetel voor de volstrekte meerderheid",
    "group_LR": "een zetel binnen een lijstengroep",
    "candidate_preference": "kandidaten met evenveel voorkeurstemmen",
}


def stage_refusal(error: OSVError) -> str:
    """A refusal as Dutch sentences: by its code (followed by the service's English reason,
    labelled, where it has one), or :func:`ui.messages.dutch_error`."""
    if isinstance(error, StageRefusedError) and error.code in REFUSALS:
        details = dict(error.details)
        if error.code == "hash_mismatch":
            details["where"] = place(details["message_type"], details["part"], details["part_name"])
        if error.code == "counts_incomplete":
            details["summary"] = coverage_summary(details["coverage"])
            details["units"] = " ".join(coverage_sentences(details["coverage"]))
        text = fill(REFUSALS[error.code], details)
        reason = error.details.get("reason")
        return f"{text} {TECHNICAL} {without_server_folders(reason)}" if reason else text
    return dutch_error(error)


def place(message_type: str, part: str, part_name: str | None) -> str:
    """What a count file counts, in Dutch: "gemeente Vlietdam (9997)" or "kieskring 3"."""
    if message_type == "510c":
        return f"kieskring {part}"
    return f"gemeente {part_name} ({part})" if part_name else f"gemeente {part}"


def stage_title(committee: str, election: str) -> str:
    district = district_of(committee)
    if district is None:
        return f"Centraal stembureau – {election}"
    return f"Hoofdstembureau kieskring {district} – {election}"


def decision_label(decision: str, from_file: bool) -> str:
    """A decision in Dutch; when the first entry is the municipality's 510b, say so."""
    if from_file and decision == "keep_first":
        return "510b (eerste invoer) behouden, getypte invoer verwijderen"
    if from_file and decision == "keep_second":
        return "Getypte invoer behouden, 510b verwijderen (een andere invoerder typt opnieuw)"
    if from_file and decision == "return_second":
        return "510b behouden, verschillende velden van de getypte invoer laten corrigeren"
    return DECISION_LABELS[decision]


def lot_label(value: str) -> str:
    """A lot outcome in Dutch: ``residual_HA:2`` is "lijst 2", ``candidate_preference:5:2``
    is "kandidaat 5 van lijst 2"."""
    parts = value.split(":")
    if len(parts) == 3:
        return f"kandidaat {parts[1]} van lijst {parts[2]}"
    return f"lijst {parts[-1]}"


def lot_question(report: dict[str, Any] | None) -> dict[str, Any] | None:
    """The lot the last computation asks for, in Dutch: what is drawn and the options."""
    needed = (report or {}).get("lots_required")
    if not needed:
        return None
    kind = needed["kind"]
    seats = needed.get("seats") or 1
    labels = [lot_label(option) for option in needed["give_as"]]
    return {
        "what": f"{LOT_KINDS.get(kind, kind)} (artikel {needed.get('article')} Kieswet)",
        "article": needed.get("article"),
        "seats": seats,
        "options": list(zip(needed["give_as"], labels, strict=True)),
    }


def computed_message(report: dict[str, Any]) -> str:
    status = report.get("status")
    if status == "complete":
        return "De uitslag is berekend; de documenten staan klaar."
    if status == "lots_required":
        return "Er moet geloot worden; zie hieronder."
    if status == "no_votes":
        return "Er zijn geen geldige stemmen; er is geen uitslag."
    return "De uitslag is niet volledig."


#: The stage pages' own messages (not refusals of the service), by key; ``{…}`` is filled in.
NOTICES = {
    "choose_files": "Kies minstens één bestand.",
    "twice_in_upload": "{name} staat twee keer in deze upload; er is niets opgeslagen.",
    "others_not_kept": " De andere bestanden van deze upload zijn ook niet bewaard.",
    "upload_gone": "Deze upload bestaat niet (meer); upload de bestanden opnieuw.",
    "upload_gone_510b": "Deze upload bestaat niet (meer); upload de 510b opnieuw.",
    "other_stage": "Deze upload hoort bij een ander stembureau.",
    "stored_before": " Wel opgeslagen: {names}.",
    "stored": "Hashcode gecontroleerd en opgeslagen: {names}.",
    "first_entry_stored": "Hashcode gecontroleerd: {name} is de eerste invoer van gemeente "
    "{municipality}. Een invoerder CSB typt nu de tweede invoer van het papieren proces-verbaal.",
    "choose_municipality": "Kies een gemeente.",
    "choose_510b": "Kies de 510b van gemeente {municipality}.",
    "removed": "Telling verwijderd.",
    "choose_candidate": "Kies een kandidaat.",
    "deceased": "Kandidaat {candidate} van lijst {list} is als overleden geregistreerd. Bereken "
    "de uitslag opnieuw.",
    "withdrawn": "Registratie ingetrokken.",
    "choose_lot": "Kies de uitkomst van de loting.",
    "lots_cleared": "Uitkomsten van loting gewist.",
    "no_such_file": "Dit bestand bestaat niet.",
    "opened": "De totalen van gemeente {municipality} staan open voor invoer door twee invoerders.",
    "no_entry_session": "Er is geen invoer geopend.",
    "unknown_stage": "Onbekend stembureau",
}


def notice(key: str, **values: object) -> str:
    """The stage pages' message ``key`` with ``values`` filled in."""
    return fill(NOTICES[key], values)
