"""The process-verbaal (PV) models as PDF, with reportlab.

:mod:`osv.pv.layout` is the page layout the models share (A4, header, footer with "Pagina X van
Y" and the EML hash, letter boxes, tables that split across pages, signature blocks);
:mod:`osv.pv.fonts` the embedded DejaVu fonts; each model has a module (:mod:`osv.pv.p22_2`,
:mod:`osv.pv.na31_2`, :mod:`osv.pv.i4`) and its wording in ``osv/pv/models/<model>.toml``.
Models render prepared data and never query the store (style.md).
"""

from __future__ import annotations

from osv.pv.i4 import CandidacySession, render_i4
from osv.pv.na31_2 import render_na31_2
from osv.pv.p22_2 import render_p22_2

__all__ = ["CandidacySession", "render_i4", "render_na31_2", "render_p22_2"]
