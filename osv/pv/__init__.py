"""The process-verbaal (PV) models as PDF, with reportlab.

:mod:`osv.pv.layout` is the page layout the models share (A4, header, footer with "Pagina X van
Y" and the EML hash, letter boxes, tables that split across pages, signature blocks);
:mod:`osv.pv.fonts` the embedded DejaVu fonts; :mod:`osv.pv.common` the count boxes and votes
tables of the municipality's models, :mod:`osv.pv.corrections` the original/corrected columns
of the corrigenda, :mod:`osv.pv.station_form` the polling stations' own reports. Each model
has a module (:mod:`osv.pv.n10_1`, :mod:`osv.pv.n10_2`, :mod:`osv.pv.na31_1`,
:mod:`osv.pv.na31_2`, :mod:`osv.pv.na31_2_bijlage1`, :mod:`osv.pv.na14_1`,
:mod:`osv.pv.na14_2`, :mod:`osv.pv.p2a`, :mod:`osv.pv.p22_1`, :mod:`osv.pv.p22_2`,
:mod:`osv.pv.i4`) and its wording in ``osv/pv/models/<model>.toml``. A model belongs to one
counting method (N 10-1, Na 31-1, Na 14-1 decentral; N 10-2, Na 31-2 and its Bijlage 1, Na 14-2
and its Bijlage 1 central; P 2a both);
:mod:`osv.pv.teletex` prints the character set names may use. Models render prepared data and
never query the store (style.md). (Model P 2a is imported from :mod:`osv.pv.p2a`: its name
sorts differently for ruff and for the export-list test.)
"""

from __future__ import annotations

from osv.pv.i4 import CandidacySession, render_i4
from osv.pv.n10_1 import render_n10_1
from osv.pv.n10_2 import render_n10_2
from osv.pv.na14_1 import render_na14_1_v1, render_na14_1_v2
from osv.pv.na14_2 import corrected_units, render_na14_2, render_na14_2_bijlage1
from osv.pv.na31_1 import render_na31_1
from osv.pv.na31_2 import render_na31_2
from osv.pv.na31_2_bijlage1 import render_na31_2_bijlage1
from osv.pv.p22_1 import render_p22_1
from osv.pv.p22_2 import render_p22_2
from osv.pv.teletex import TELETEX, render_teletex

__all__ = [
    "TELETEX",
    "CandidacySession",
    "corrected_units",
    "render_i4",
    "render_n10_1",
    "render_n10_2",
    "render_na14_1_v1",
    "render_na14_1_v2",
    "render_na14_2",
    "render_na14_2_bijlage1",
    "render_na31_1",
    "render_na31_2",
    "render_na31_2_bijlage1",
    "render_p22_1",
    "render_p22_2",
    "render_teletex",
]
