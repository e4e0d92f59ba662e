"""A computed result's status, warnings and unresolved cases in Dutch.

The JSON report of a computation (docs/result.md) names its status (``complete``,
``lots_required``, ``no_votes``, ``unresolved``), its warnings and its unresolved cases by stable
English codes. The HSB/CSB page shows them with these Dutch sentences; an unknown code is shown
as "onbekende melding" with the code, never as an English sentence.
"""

from __future__ import annotations

from collections.abc import Iterable

from results.allocation.allocation import NOT_ALL_SEATS_ASSIGNED, P9_AND_P10

__all__ = ["STATUS_LABELS", "UNRESOLVED", "WARNINGS", "result_notes", "status_label"]

#: The status of the last computation, as a phrase after "De laatste berekening is ...".
STATUS_LABELS = {
    "complete": "volledig",
    "lots_required": "niet volledig: er moet geloot worden",
    "no_votes": "niet volledig: er zijn geen geldige stemmen",
    "unresolved": "niet volledig: de wet geeft voor dit geval geen antwoord; neem contact op "
    "met de Kiesraad",
}

#: The allocation's warnings (``warnings`` of the report), by code.
WARNINGS = {
    P9_AND_P10: "De lijst met de volstrekte meerderheid kreeg een zetel (artikel P 9) en er "
    "zijn ook zetels vrijgekomen omdat lijsten te weinig kandidaten hebben (artikel P 10). De "
    "wet regelt niet hoe die twee samengaan: neem contact op met de Kiesraad.",
    NOT_ALL_SEATS_ASSIGNED: "Niet alle zetels zijn toegewezen: elke lijst die nog een zetel kon "
    "krijgen, heeft geen kandidaten meer (artikel P 10).",
    "p13_2_highest_averages": "Binnen een lijstengroep zijn zetels verdeeld volgens de grootste "
    "gemiddelden (artikel P 13, tweede lid).",
    "p16_order_of_equal_preference_votes": "Kandidaten met evenveel voorkeurstemmen zijn door "
    "loting op volgorde gezet (artikel P 16).",
    "p16_2_seat_moved": "Een zetel is naar de lijst van een andere kieskring gegaan, omdat een "
    "kandidaat daar met voorkeurstemmen is gekozen (artikel P 16, tweede lid).",
    "p16_2_person_on_one_list": "Artikel P 16, tweede lid, is ook toegepast op een kandidaat die "
    "op één lijst van de groep staat.",
    "p18_seat_without_candidate": "Een lijst houdt een zetel die geen van haar kandidaten kan "
    "innemen (artikel P 18).",
}

#: The cases the law gives no answer for (``unresolved`` of the report, ``code: text``).
UNRESOLVED = {
    "p16_2_no_seat_to_take": "Een kandidaat heeft volgens artikel P 16, tweede lid, een zetel "
    "nodig, maar de groep kreeg na de volle zetels geen zetel meer.",
    "p16_2_last_seat_tied": "De laatste zetel volgens artikel P 12 of P 13 ging tegelijk naar "
    "lijsten van meer kieskringen; de wet zegt niet welke vervalt.",
    "p16_2_last_seat_taken": "De laatste zetel volgens artikel P 12 of P 13 is al bezet door een "
    "kandidaat die met voorkeurstemmen is gekozen.",
    "p18_seat_without_candidate": "Een lijst houdt zetels die geen van haar kandidaten kan "
    "innemen (allen elders gekozen of overleden); de wet geeft geen antwoord.",
}


def status_label(status: str | None) -> str:
    """The last computation's status in Dutch."""
    if status is None:
        return "nog niet berekend"
    return STATUS_LABELS.get(status, f"onbekende status ({status})")


def _code(item: str) -> str:
    return item.partition(":")[0].strip()


def result_notes(warnings: Iterable[str], unresolved: Iterable[str] = ()) -> list[str]:
    """The warnings and unresolved cases of a report as Dutch sentences, each once."""
    notes = [WARNINGS.get(w, f"Onbekende melding ({w}).") for w in warnings]
    notes += [UNRESOLVED.get(_code(u), f"Onbekende melding ({_code(u)}).") for u in unresolved]
    return list(dict.fromkeys(notes))
