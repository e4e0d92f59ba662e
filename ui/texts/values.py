"""The value of one typed box in Dutch, as the coordinator compares two entries.

:func:`results.entry.compare.fields_of` gives every box of an entry by path: numbers, empty
boxes (``None``), the choices of a decentral count (``TwoDocuments``, ``PagePresent``, ...) and
the groups of tick boxes that are one question (``{"yes": true, "no": false}``). The comparison
page shows them as on paper: "ja", "nee", "D = H", "(leeg)", never a raw English value.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

__all__ = ["TICKS", "entry_value"]

#: The choices of the decentral count's first page (``ui.forms``), in Dutch.
_CHOICES = {
    "TwoDocuments": "ja, twee documenten",
    "OneDocument": "nee, alleen het proces-verbaal",
    "PagePresent": "ja",
    "PageMissing": "nee",
}

#: The tick boxes of the groups that are one question, by key, in Dutch.
TICKS = {
    "yes": "ja",
    "no": "nee",
    "admitted_voters_equal_votes_cast": "D = H",
    "votes_cast_greater_than_admitted_voters": "H > D",
    "votes_cast_smaller_than_admitted_voters": "H < D",
    "unexplained_difference": "onverklaard verschil",
    "other_error": "andere fout",
}


def entry_value(value: Any) -> str:
    """A typed box's value in Dutch: a number as typed, ``(leeg)``, ``ja``/``nee``, a choice, or
    the ticked boxes of a group (``niets aangevinkt`` when none is)."""
    if value is None:
        return "(leeg)"
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, Mapping):
        ticked = [TICKS.get(str(key), str(key)) for key, on in value.items() if on is True]
        return " en ".join(ticked) if ticked else "niets aangevinkt"
    if isinstance(value, str):
        return _CHOICES.get(value, value)
    return str(value)
