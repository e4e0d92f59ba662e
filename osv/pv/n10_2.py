"""Model N 10-2: a polling station's report when the candidate votes are counted centrally.

A blank form, one per polling station, pre-filled with the election, the municipality, the
station's number, name and address and the lists (shared process-verbaal.md §4); the layout
is :func:`osv.pv.station_form.render_station_report`, the wording ``models/n10_2.toml``.
"""

from __future__ import annotations

from collections.abc import Sequence

from osv.model import ElectionIdentifier, PollingStation
from osv.pv.station_form import render_station_report, station_address
from osv.pv.texts import model_texts

__all__ = ["render_n10_2", "station_address"]


def render_n10_2(
    identifier: ElectionIdentifier,
    municipality: str,
    station: PollingStation,
    lists: Sequence[tuple[int, str]],
) -> bytes:
    """The blank PDF of model N 10-2 for ``station``.

    :param municipality: ``0668 West Maas en Waal`` (CBS code and name).
    :param lists: (number, name) of each list on the ballot.
    """
    return render_station_report(model_texts("n10_2"), identifier, municipality, station, lists)
