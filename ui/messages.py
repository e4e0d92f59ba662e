"""Dutch texts for states, decisions and refusals shown by the interface."""

from __future__ import annotations

from candidacy import DepartureError, DepartureProblem, Instead
from osv.errors import OSVError
from osv.service.entry import EntryRefusedError
from osv.service.polling_stations import PollingStationRefusedError
from osv.service.users import SignInRefusedError, UserRefusedError
from osv.store import EntryConflictError
from results.entry import EntryTransitionError

__all__ = ["DECISION_LABELS", "INSTEAD_LABELS", "STATE_LABELS", "dutch_error", "state_label"]

STATE_LABELS = {
    "Empty": "Nog niet ingevoerd",
    "FirstEntryInProgress": "Eerste invoer bezig",
    "FirstEntryHasErrors": "Eerste invoer heeft fouten",
    "FirstEntryFinalised": "Wacht op tweede invoer",
    "SecondEntryInProgress": "Tweede invoer bezig",
    "EntriesDifferent": "Invoer verschilt",
    "FirstEntryCorrection": "Eerste invoer wordt gecorrigeerd",
    "SecondEntryCorrection": "Tweede invoer wordt gecorrigeerd",
    "Definitive": "Definitief",
}

DECISION_LABELS = {
    "resume_first": "Eerste invoer terug naar de invoerder",
    "discard_first": "Eerste invoer verwijderen",
    "keep_first": "Eerste invoer behouden, tweede verwijderen",
    "keep_second": "Tweede invoer behouden, eerste verwijderen",
    "return_first": "Tweede behouden, verschillende velden van de eerste laten corrigeren",
    "return_second": "Eerste behouden, verschillende velden van de tweede laten corrigeren",
    "discard_both": "Beide invoeren verwijderen",
    "reset": "Alles opnieuw (beide invoeren verwijderen)",
}

#: What the CSB may decide instead of the proposal (the candidacy findings page).
INSTEAD_LABELS = {
    Instead.NOT_APPLICABLE.value: "De bevinding is niet van toepassing (geen gevolg)",
    Instead.LIST_INVALID.value: "De lijst is ongeldig (art. I 5)",
    Instead.CANDIDATE_STRUCK.value: "De kandidaat wordt geschrapt (art. I 6)",
    Instead.NAME_STRUCK.value: "De aanduiding wordt geschrapt (art. I 7)",
}

_TRANSITIONS = {
    "not_your_entry": "Deze invoer wordt door iemand anders gedaan.",
    "same_typist": "Je hebt de eerste invoer van dit stembureau gedaan. De tweede invoer moet "
    "iemand anders doen.",
    "wrong_state": "Dat kan niet in de huidige status van dit stembureau.",
    "has_errors": "Dat kan niet: de behouden invoer heeft fouten.",
    "wrong_model": "Deze invoer hoort bij een ander formulier.",
}

_STATIONS = {
    "duplicate": "Deze gemeente heeft al een stembureau met dit nummer.",
    "session_started": "De zitting van deze gemeente is al begonnen; er kunnen geen "
    "stembureaus meer bij.",
    "unknown_election": "Deze verkiezing is niet ingelezen.",
}


_DEPARTURES = {
    DepartureProblem.NO_REASON: "Geef een reden op voor het afwijken van het voorstel",
    DepartureProblem.UNKNOWN_FINDING: "Deze bevinding bestaat niet",
    DepartureProblem.TWICE: "Van een bevinding kan maar één keer worden afgeweken",
    DepartureProblem.NOT_LAWFUL: "Dat besluit is bij deze bevinding niet mogelijk",
    DepartureProblem.NO_CHANGE: "Het gekozen besluit is gelijk aan het voorstel; kies een "
    "ander besluit of wijk niet af",
}


def _departure_error(error: DepartureError) -> str:
    """The refusal of a departure in Dutch; it names the finding, never the reason's text."""
    departure = error.departure
    where = f"bevinding {departure.code.value}, lijst {departure.list_key}"
    if departure.district is not None:
        where += f", kieskring {departure.district}"
    if departure.position is not None:
        where += f", kandidaat {departure.position}"
    return f"{_DEPARTURES[error.problem]} ({where}). Er is niets opgeslagen."


def state_label(state: str) -> str:
    """The Dutch name of a double-entry state."""
    return STATE_LABELS.get(state, state)


def dutch_error(error: OSVError) -> str:
    """A refusal as a Dutch sentence (the service's own sentence where there is no text)."""
    if isinstance(error, DepartureError):
        return _departure_error(error)
    if isinstance(error, EntryConflictError):
        return (
            "Dit stembureau is intussen door iemand anders gewijzigd. Laad de pagina opnieuw en "
            "voer je wijziging nog een keer in."
        )
    if isinstance(error, EntryTransitionError):
        return _TRANSITIONS.get(error.code, str(error))
    if isinstance(error, SignInRefusedError):
        if error.wait:
            return f"Te veel mislukte pogingen. Wacht {error.wait:.0f} seconden."
        return "Gebruikersnaam of wachtwoord is onjuist."
    if isinstance(error, PollingStationRefusedError):
        return _STATIONS.get(error.code, str(error))
    if isinstance(error, EntryRefusedError | UserRefusedError):
        return f"Geweigerd: {error}."
    return f"Niet gelukt: {error}"
