"""Dutch texts for states, decisions and refusals shown by the interface.

A refusal reaches the user in Dutch in one of two ways (:func:`dutch_error`):

- **By code.** A service refusal the user can act on carries a stable ``code`` and the values
  its sentence names in ``details`` (:class:`~osv.service.errors.CodedRefusalError`:
  :class:`EntryRefusedError`, :class:`UserRefusedError`; also
  :class:`PollingStationRefusedError`, :class:`EntryTransitionError`, the candidacy's codes, and
  the stages' in ``ui/texts/stages.py``). The tables below give each code its Dutch sentence;
  ``tests/ui/test_refusal_texts.py`` fails when a code raised anywhere has none.
- **By class.** Errors whose text comes from deep code (an EML reader names elements and lines,
  a database driver its condition) get a Dutch lead sentence per error class, followed by the
  English text labelled "Technische melding (Engels)"; they are not translated sentence by
  sentence.
"""

from __future__ import annotations

import re
import string
from collections.abc import Mapping
from typing import Any

from candidacy import DepartureError, DepartureProblem, Instead
from candidacy.csv_format import CandidacyCsvError
from eml.errors import EmlError
from osv.errors import OSVError
from osv.service.candidacy.files import CandidacyInputError
from osv.service.entry import EntryRefusedError
from osv.service.errors import (
    HashMismatchError,
    HashNotCheckedError,
    ImportRefused,
    ServiceError,
)
from osv.service.errors import UnknownElectionError as UnknownElection
from osv.service.polling_stations import PollingStationRefusedError
from osv.service.users import SignInRefusedError, UserRefusedError
from osv.store import EntryConflictError
from osv.store.errors import (
    DatabaseLockedError,
    DatabaseUnavailableError,
    DiskFullError,
    IntegrityViolationError,
    SchemaError,
    StoreError,
)
from osv.store.repository import UnknownElectionError as UnknownStoredElection
from results.checks.validate import EntryInputError
from results.entry import EntryTransitionError

__all__ = [
    "CANDIDACY_CSV",
    "CANDIDACY_REFUSALS",
    "DECISION_LABELS",
    "ENTRY_REFUSALS",
    "INSTEAD_LABELS",
    "LEADS",
    "METHOD_LABELS",
    "STATE_LABELS",
    "STATION_REFUSALS",
    "TECHNICAL",
    "TRANSITIONS",
    "USER_REFUSALS",
    "dutch_error",
    "fill",
    "method_label",
    "state_label",
    "technical",
    "unfinished_sentence",
    "without_server_folders",
]

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

#: The coordinator's decisions in Dutch: each says which entry is right and what happens next,
#: so that no two read alike (issue 15: "Beide invoeren verwijderen" and "Alles opnieuw (beide
#: invoeren verwijderen)" were confused).
DECISION_LABELS = {
    "resume_first": "Eerste invoer teruggeven aan de invoerder, die verder gaat",
    "discard_first": "Eerste invoer weggooien: het stembureau wordt opnieuw ingevoerd",
    "keep_first": "De eerste invoer is juist: de tweede weggooien, iemand anders voert de "
    "tweede opnieuw in",
    "keep_second": "De tweede invoer is juist: die wordt de eerste, iemand anders voert de "
    "tweede opnieuw in",
    "return_first": "De tweede invoer is juist: alleen de verschillende vakken laat je door de "
    "eerste invoerder opnieuw invoeren",
    "return_second": "De eerste invoer is juist: alleen de verschillende vakken laat je door de "
    "tweede invoerder opnieuw invoeren",
    "discard_both": "Geen van beide invoeren is juist: beide weggooien, twee invoerders voeren "
    "het stembureau opnieuw in",
    "reset": "Alles opnieuw: alle invoer van dit stembureau wissen, ook een definitieve telling",
}

#: The counting methods (process.md §3) in Dutch, with the form the typists type.
METHOD_LABELS = {
    "CSO": "centrale stemopneming (CSO)",
    "DSO": "decentrale stemopneming (DSO)",
}

#: What the CSB may decide instead of the proposal (the candidacy findings page).
INSTEAD_LABELS = {
    Instead.NOT_APPLICABLE.value: "De bevinding is niet van toepassing (geen gevolg)",
    Instead.LIST_INVALID.value: "De lijst is ongeldig (art. I 5)",
    Instead.CANDIDATE_STRUCK.value: "De kandidaat wordt geschrapt (art. I 6)",
    Instead.NAME_STRUCK.value: "De aanduiding wordt geschrapt (art. I 7)",
}

TRANSITIONS = {
    "not_your_entry": "Deze invoer wordt door iemand anders gedaan.",
    "same_typist": "Je hebt de eerste invoer van dit stembureau gedaan. De tweede invoer moet "
    "iemand anders doen.",
    "wrong_state": "Dat kan niet in de huidige status van dit stembureau.",
    "has_errors": "Dat kan niet: de behouden invoer heeft fouten.",
    "wrong_model": "Deze invoer hoort bij een ander formulier.",
}

STATION_REFUSALS = {
    "duplicate": "Deze gemeente heeft al een stembureau met dit nummer.",
    "session_started": "De zitting van deze gemeente is al begonnen; er kunnen geen "
    "stembureaus meer bij.",
    "unknown_election": "Deze verkiezing is niet ingelezen.",
    "outside_domain": "Deze gemeente hoort niet bij het gebied van deze verkiezing; een "
    "stembureau van een andere gemeente kan hier niet bij.",
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


#: The roles of :func:`osv.service.entry.common.require`, in Dutch.
_ENTRY_ROLES = {"typist": "invoerder", "coordinator": "coördinator"}

#: Dutch sentences for :class:`EntryRefusedError`, by code (``{…}`` from its details).
ENTRY_REFUSALS = {
    "wrong_role": "Dit mag alleen een {role}.",
    "unknown_session": "Deze zitting bestaat niet.",
    "session_finished": "Zitting {number} van {committee} is afgerond; er kan niets meer worden "
    "ingevoerd of gewijzigd.",
    "unknown_source": "Zitting {number} van {committee} heeft geen stembureau {station}.",
    "unknown_election": "Verkiezing {eid} is niet ingelezen.",
    "no_candidate_lists": "Van verkiezing {eid} zijn geen kandidatenlijsten voor {committee} "
    "ingelezen; lees eerst de 230b in.",
    "previous_not_finished": "Zitting {number} van {committee} is nog niet afgerond.",
    "no_polling_stations": "Van {committee} zijn geen stembureaus ingelezen voor verkiezing "
    "{eid}; lees eerst de 110b in.",
    "no_open_investigations": "{committee} heeft geen openstaande onderzoeken; een volgende "
    "zitting heeft dan niets om in te voeren.",
    "finished_already": "Zitting {number} van {committee} is al afgerond.",
    "other_method": "{committee} telt decentraal: de stembureaus gebruiken model N 10-1; er is "
    "geen Na 31-2 Bijlage 1.",
    "no_counting_method": "Kies de telmethode van {committee} (centrale of decentrale "
    "stemopneming); die geldt daarna voor elke zitting.",
    "method_fixed": "{committee} telt met {method} sinds zitting 1; een volgende zitting kan "
    "niet van telmethode wisselen.",
    "cannot_finish": "Zitting {number} van {committee} kan nog niet worden afgerond. {problems}",
    "first_session": "In de eerste zitting zijn er geen onderzoeken om af te ronden.",
    "entry_started": "Stembureau {station} heeft al invoer; zet het eerst terug (alles opnieuw) "
    "om het onderzoek zonder nieuwe uitslag af te ronden.",
    "no_reason": "Vul de aanleiding van het onderzoek in.",
    "unknown_polling_station": "Gemeente {committee} heeft geen stembureau {station}.",
    "investigated_already": "Stembureau {station} van gemeente {committee} wordt al onderzocht.",
    "unknown_decision": "Deze beslissing bestaat niet.",
    "no_explanation": "Geef een toelichting, of geef aan dat je de waarschuwing hebt bekeken.",
    "not_definitive": "Stembureau {station} is nog niet definitief; een waarschuwing licht je "
    "toe als de invoer definitief is.",
    "unknown_warning": "Stembureau {station} heeft geen waarschuwing {warning}.",
    "no_sessions": "{committee} heeft geen zittingen voor verkiezing {eid}.",
    "count_not_finished": "Zitting {number} van {committee} is nog niet afgerond; het "
    "telbestand wordt alleen van afgeronde zittingen gemaakt.",
    "no_contest_lists": "Van kieskring {contest} zijn geen kandidatenlijsten ingelezen.",
    "not_typing": "Je bent stembureau {station} nu niet aan het invoeren.",
    "not_typing_totals": "Je bent de totalen van gemeente {municipality} nu niet aan het invoeren.",
}

#: Dutch sentences for :class:`UserRefusedError`, by code.
USER_REFUSALS = {
    "password_too_short": "Een wachtwoord moet minstens {minimum} tekens hebben; dit heeft er "
    "{length}.",
    "password_too_long": "Een wachtwoord heeft hoogstens {maximum} tekens.",
    "password_has_name": "Een wachtwoord mag de gebruikersnaam niet zijn of bevatten.",
    "password_one_character": "Een wachtwoord mag niet één teken herhaald zijn.",
    "password_common": "Dit wachtwoord is een van de meest gebruikte en dus makkelijk te raden; "
    "kies een ander.",
    "unknown_session": "Deze sessie bestaat niet (meer).",
    "bad_name": "Een gebruikersnaam heeft 1 tot 64 tekens, zonder spaties of stuurtekens.",
    "unknown_role": "Deze rol bestaat niet.",
    "name_taken": "Er is al een gebruiker met de naam {name}.",
    "unknown_user": "Er is geen gebruiker met de naam {name}.",
    "deactivate_self": "Je kunt jezelf niet blokkeren.",
    "own_role": "Je kunt je eigen rol niet wijzigen.",
    "unknown_display_link": "Deze weergavelink bestaat niet (meer).",
}

#: Dutch sentences for the coded :class:`CandidacyInputError` refusals.
CANDIDACY_REFUSALS = {
    "no_valid_list": "Geen enkele lijst is geldig; er is niets om te publiceren.",
    "lot_twice": "Een uitkomst van een loting noemt een lijst meer dan eens.",
    "duplicate_key": "Twee lijsten hebben dezelfde sleutel; geef elke lijst een eigen sleutel.",
}

#: Dutch sentences for :class:`CandidacyCsvError`, by code, after the lead of its class; they
#: name the row and column, never a cell's value.
CANDIDACY_CSV = {
    "missing_column": "Het bestand heeft geen kolom {column}. Verplichte kolommen: {required}.",
    "unknown_column": "Het bestand heeft een onbekende kolom {column}.",
    "too_many_rows": "Het bestand heeft meer dan {maximum} rijen.",
    "extra_cells": "Rij {row} heeft meer vakken dan de kopregel.",
    "no_rows": "Het bestand heeft geen rijen; er hoort één rij per kandidaat in te staan.",
    "no_list_key": "Rij {row}, kolom {column}: vul de sleutel van de lijst in.",
    "list_differs": "Rij {row}, kolom {column}: lijst {list} heeft hier een andere waarde dan in "
    "rij {first_row}; deze kolom is op elke rij van een lijst gelijk.",
    "bad_position": "Rij {row}, kolom {column}: verwacht is {expected}, de volgende positie op "
    "lijst {list}.",
    "empty_value": "Rij {row}, kolom {column}: dit vak mag niet leeg zijn.",
    "yes_no": "Rij {row}, kolom {column}: vul ja of nee in.",
    "bad_time": "Rij {row}, kolom {column}: vul een tijdstip in als dd-mm-jjjj uu:mm.",
    "bad_support": "Rij {row}, kolom {column}: vul een aantal in, of per kieskring "
    "kieskring=aantal, gescheiden door puntkomma's.",
    "bad_list_type": "Rij {row}, kolom {column}: vul een van deze waarden in: {options}.",
    "bad_set": "Rij {row}, kolom {column}: vul een positief geheel getal in.",
    "bad_gender": "Rij {row}, kolom {column}: vul m, v of x in, of laat het vak leeg.",
    "bad_date": "Rij {row}, kolom {column}: vul een datum in als dd-mm-jjjj (de waarde wordt "
    "niet getoond: het zijn persoonsgegevens).",
    "bad_bsn": "Rij {row}, kolom {column}: een BSN heeft 8 of 9 cijfers (de waarde wordt niet "
    "getoond: het zijn persoonsgegevens).",
    "invalid_candidate": "Rij {row}: de gegevens van deze kandidaat kloppen niet.",
}

#: Dutch lead sentences for errors whose (English) text comes from deep code, most specific
#: class first; the text follows as :data:`TECHNICAL`.
LEADS: tuple[tuple[type[OSVError], str], ...] = (
    (
        HashMismatchError,
        "De getypte hashcode-groepen komen niet overeen met het bestand; er is niets "
        "opgeslagen. Vergelijk de hashcode op het papieren proces-verbaal en probeer het opnieuw.",
    ),
    (
        HashNotCheckedError,
        "De hashcode van het bestand is niet gecontroleerd; er is niets opgeslagen. Typ de "
        "verborgen groepen van de hashcode over van het papier.",
    ),
    (ImportRefused, "Het bestand is geweigerd; er is niets opgeslagen."),
    (EmlError, "Het bestand is geen bruikbaar EML-bestand; er is niets opgeslagen."),
    (CandidacyCsvError, "Het bestand met de lijsten klopt niet; er is niets opgeslagen."),
    (
        CandidacyInputError,
        "De lijsten of het verkiezingsbestand zijn geweigerd; er is niets opgeslagen.",
    ),
    (
        DatabaseLockedError,
        "De database is even bezet; er is niets opgeslagen. Wacht een paar seconden en probeer "
        "het opnieuw.",
    ),
    (
        DiskFullError,
        "De schijf van de database is vol; er is niets opgeslagen. Vraag de beheerder om ruimte "
        "vrij te maken en probeer het daarna opnieuw.",
    ),
    (
        DatabaseUnavailableError,
        "De database is niet bereikbaar; er is niets opgeslagen. Vraag de beheerder om de "
        "database te controleren en probeer het daarna opnieuw.",
    ),
    (
        SchemaError,
        "De database past niet bij deze versie van OSV. Vraag de beheerder om de database bij "
        "te werken.",
    ),
    (
        IntegrityViolationError,
        "De database weigert deze wijziging, omdat de opgeslagen gegevens dan niet meer kloppen; "
        "er is niets opgeslagen.",
    ),
    (UnknownStoredElection, "Deze verkiezing is niet ingelezen."),
    (
        EntryInputError,
        "De invoer past niet bij het formulier van deze verkiezing; er is niets opgeslagen.",
    ),
    (
        StoreError,
        "De database gaf een fout; er is niets opgeslagen. Probeer het opnieuw of vraag de "
        "beheerder.",
    ),
    (UnknownElection, "Deze verkiezing is niet ingelezen."),
    (ServiceError, "Dit is geweigerd; er is niets gewijzigd."),
    (OSVError, "Dit is niet gelukt."),
)

#: The label of the English text of an error, shown after its Dutch lead.
TECHNICAL = "Technische melding (Engels):"


def state_label(state: str) -> str:
    """The Dutch name of a double-entry state."""
    return STATE_LABELS.get(state, state)


def method_label(method: str | None) -> str:
    """The Dutch name of a counting method (``CSO``, ``DSO``); "nog niet gekozen" for none."""
    return METHOD_LABELS.get(method or "", "nog niet gekozen")


def fill(template: str, details: Mapping[str, Any]) -> str:
    """``template`` with the values of ``details`` it names (a value it names that ``details``
    lacks is left as ``…``, so a wrong detail never turns a refusal into a crash)."""
    names = {name for _, name, _, _ in string.Formatter().parse(template) if name}
    return template.format(**{name: details.get(name, "…") for name in names})


def technical(error: OSVError) -> str:
    """The Dutch lead of an error's class and its English text, labelled as such (a refused
    import names its file without the server's folder; no folder of the server is shown)."""
    lead = next(text for kind, text in LEADS if isinstance(error, kind))
    text = f"{error.path.name}: {error.problem}" if isinstance(error, ImportRefused) else error
    return f"{lead} {TECHNICAL} {without_server_folders(str(text))}"


#: An absolute path of the server (two parts or more), as deep code names folders and files.
_SERVER_PATH = re.compile(r"(?<![\w.:/])/(?:[^\s/'\"]+/)+[^\s/'\",;:()]*")


def without_server_folders(text: str) -> str:
    """``text`` with the server's folders left out: a file keeps its name, a folder (such as
    the temporary folder of an upload) becomes "(een map op de server)"."""

    def shown(found: re.Match[str]) -> str:
        last = found.group(0).rstrip("/").rsplit("/", 1)[-1]
        if re.fullmatch(r"[\w.-]+\.(xml|txt|csv|pdf|json|zip|sqlite3)", last):
            return last
        return "(een map op de server)"

    return _SERVER_PATH.sub(shown, text)


def unfinished_sentence(committee: str, problems: Any) -> str:
    """The sources that keep a session from being finished, in Dutch sentences: those not
    definitive grouped by state, then those with warnings nobody explained."""
    stage = committee == "CSB" or committee.startswith("HSB")
    one, many = ("gemeente", "gemeenten") if stage else ("stembureau", "stembureaus")
    by_state: dict[str, list[str]] = {}
    warned = []
    for problem in problems:
        if problem.state is not None:
            by_state.setdefault(problem.state, []).append(problem.station)
        else:
            warned.append(f"{one} {problem.station} ({', '.join(problem.warnings)})")
    sentences = []
    if by_state:
        groups = []
        for state, stations in by_state.items():
            named = (
                f"{one} {stations[0]}"
                if len(stations) == 1
                else f"{many} {', '.join(stations[:-1])} en {stations[-1]}"
            )
            groups.append(f"{named} ({state_label(state).lower()})")
        sentences.append(f"Nog niet definitief: {'; '.join(groups)}.")
    if warned:
        sentences.append(f"Waarschuwingen zonder toelichting: {'; '.join(warned)}.")
    return " ".join(sentences)


def _entry(error: EntryRefusedError) -> str:
    details = dict(error.details)
    if error.code == "wrong_role":
        details["role"] = _ENTRY_ROLES.get(str(details.get("role")), details.get("role"))
    if error.code == "cannot_finish":
        details["problems"] = unfinished_sentence(str(details["committee"]), details["problems"])
    if error.code == "method_fixed":
        details["method"] = METHOD_LABELS.get(str(details.get("method")), details.get("method"))
    template = ENTRY_REFUSALS.get(error.code)
    return fill(template, details) if template is not None else technical(error)


def _candidacy_csv(error: CandidacyCsvError) -> str:
    """The lead of a refused list file and its coded Dutch sentence (a reason from the
    validation of a candidate follows, labelled, as technical detail)."""
    template = CANDIDACY_CSV.get(error.code)
    if template is None:
        return technical(error)
    lead = dict(LEADS)[CandidacyCsvError]
    text = f"{lead} {fill(template, error.details)}"
    reason = error.details.get("reason")
    return f"{text} {TECHNICAL} {reason}" if reason else text


def dutch_error(error: OSVError) -> str:
    """A refusal as a Dutch sentence: by its code, or a Dutch lead with the English text."""
    if isinstance(error, DepartureError):
        return _departure_error(error)
    if isinstance(error, EntryConflictError):
        return (
            "Dit stembureau is intussen door iemand anders gewijzigd. Laad de pagina opnieuw en "
            "voer je wijziging nog een keer in."
        )
    if isinstance(error, EntryTransitionError) and error.code in TRANSITIONS:
        return TRANSITIONS[error.code]
    if isinstance(error, SignInRefusedError):
        if error.wait:
            return f"Te veel mislukte pogingen. Wacht {error.wait:.0f} seconden."
        if error.old_password:
            return "Het huidige wachtwoord is onjuist; er is niets gewijzigd."
        return "Gebruikersnaam of wachtwoord is onjuist."
    if isinstance(error, PollingStationRefusedError) and error.code in STATION_REFUSALS:
        return STATION_REFUSALS[error.code]
    if isinstance(error, EntryRefusedError):
        return _entry(error)
    if isinstance(error, UserRefusedError) and error.code in USER_REFUSALS:
        return fill(USER_REFUSALS[error.code], error.details)
    if isinstance(error, CandidacyCsvError):
        return _candidacy_csv(error)
    if isinstance(error, CandidacyInputError) and error.code in CANDIDACY_REFUSALS:
        return CANDIDACY_REFUSALS[str(error.code)]
    return technical(error)
