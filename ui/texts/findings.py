"""The consistency findings of counts in Dutch, for the web pages.

The sentences live in :mod:`results.tally.sentences`, where the paper models (model O 3 of the
principal polling station) take them too; this module keeps the names the pages import.
"""

from __future__ import annotations

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
    "number",
    "quantity_label",
    "unit_label",
]
