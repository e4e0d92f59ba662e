"""Model N 10-1: a polling station's report when it counts the candidate votes itself (DSO).

A blank form, one per polling station, pre-filled with the election, the municipality, the
station's number, name and address, the lists and their candidates (shared
process-verbaal.md §5): as N 10-2, plus the votes per list and per candidate (rubriek 2.4) and
the page "Controles en correcties" the municipal polling station fills in when it has checked
the station's counts. The layout is :func:`osv.pv.station_form.render_station_report`, the
wording ``models/n10_1.toml``. The typists of a decentral count type this form
(``DSOFirstSession``).
"""

from __future__ import annotations

from osv.model import Contest, ElectionIdentifier, PollingStation
from osv.pv.station_form import render_station_report
from osv.pv.texts import model_texts

__all__ = ["render_n10_1"]


def render_n10_1(
    identifier: ElectionIdentifier,
    municipality: str,
    station: PollingStation,
    contest: Contest,
) -> bytes:
    """The blank PDF of model N 10-1 for ``station``.

    :param municipality: ``0668 West Maas en Waal`` (CBS code and name).
    :param contest: the candidate lists (230b): every list with its candidates.
    """
    lists = [(lst.number, lst.name) for lst in contest.lists]
    return render_station_report(
        model_texts("n10_1"), identifier, municipality, station, lists, contest
    )
