"""The consistency findings of counts in Dutch, for the web pages.

The sentences live in :mod:`results.tally.sentences`, where the paper models (model O 3 of the
principal polling station) take them too; this module keeps the names the pages import. The
title of a code is the registry's (:mod:`results.codes`), as everywhere.
"""

from __future__ import annotations

from results.codes import finding_code
from results.tally.sentences import (
    QUANTITY_LABELS,
    SENTENCES,
    finding_sentence,
    number,
    quantity_label,
    unit_label,
)

__all__ = [
    "QUANTITY_LABELS",
    "SENTENCES",
    "finding_sentence",
    "finding_title",
    "number",
    "quantity_label",
    "unit_label",
]


def finding_title(code: str) -> str:
    """The Dutch title of a code of counts, from the registry (``""`` for a code it lacks)."""
    try:
        return finding_code(code).title_nl
    except ValueError:
        return ""
