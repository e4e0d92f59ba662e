"""The Dutch titles and sentences of the error pages (``error.html``) that are not a service's
refusal (those are :func:`ui.messages.dutch_error`'s)."""

from __future__ import annotations

__all__ = ["ERROR_PAGES", "HTTP_ERRORS"]

#: Title and sentence of each error page, by what went wrong.
ERROR_PAGES = {
    "login_required": ("Niet ingelogd", "Log eerst in."),
    "forbidden": ("Geen toegang", "Met jouw rol mag je deze pagina niet gebruiken."),
    "bad_form": (
        "Formulier verlopen",
        "Het formulier is verlopen of niet van deze site. Laad de pagina opnieuw en probeer het "
        "nog eens.",
    ),
    "bad_input": ("Niet aangenomen", ""),
    "invalid": (
        "Niet aangenomen",
        "Een vak ontbreekt of is niet goed ingevuld; er is niets opgeslagen. Laad de pagina "
        "opnieuw en probeer het nog eens.",
    ),
    "http": ("Niet gelukt", "Dit verzoek kan niet worden uitgevoerd."),
    "refused": ("Niet gelukt", ""),
}

#: Dutch titles and sentences of HTTP errors that are not refusals, by status.
HTTP_ERRORS = {
    404: ("Niet gevonden", "Deze pagina bestaat niet (meer)."),
    405: ("Niet toegestaan", "Deze pagina kan zo niet worden gebruikt."),
}
