"""Model Na 31-1: a municipality's report of a decentral count (DSO), with its totals.

With decentral counting (decentrale stemopneming) every polling station counted the votes per
list and per candidate on its own report (N 10-1); the municipal polling station checks those
reports, types them twice and adds them up (shared process.md §3, process-verbaal.md §7).
Rendered from the municipality's count file (EML 510b) and the SHA-256 of that file, printed on
every page; with the candidate lists (230b) the candidates are named. After the title page the
page "Controles in opdracht van het centraal stembureau", filled in by hand when a later
session checked the counts; Deel 1 the polling stations counted with the municipality's own
investigations (an unexplained difference, another error, a corrected result), Deel 2 the
totals in letter boxes (Z, A–D, E.x–H), the differences (I, J), the check protocol (by hand)
and the votes per list and per candidate; Deel 3 the signatures.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from reportlab.platypus import Flowable

from eml.documents import CountingMethod, Eml510
from osv.model import Contest, InvestigationReason, ReportingUnitVotes
from osv.pv.common import station_number
from osv.pv.layout import heading, lines, paragraph
from osv.pv.municipal import render_municipal_report
from osv.pv.texts import model_texts

__all__ = ["render_na31_1"]


def render_na31_1(
    count: Eml510,
    *,
    digest: bytes | None,
    contest: Contest | None = None,
    audit_head: str | None = None,
) -> bytes:
    """The PDF of model Na 31-1 for a municipality's decentral count (510b).

    :param digest: SHA-256 of the 510b's bytes (``None`` for a draft).
    :param contest: the candidate lists, to name the candidates.
    :param audit_head: the audit log's last hash, for a report made from OSV's database.
    :raises ValueError: the 510b has no total, or says it is a central count.
    """
    if count.counting_method is CountingMethod.CENTRAL:
        raise ValueError("a central count's report is model Na 31-2, not Na 31-1")
    return render_municipal_report(
        model_texts("na31_1"),
        count,
        digest=digest,
        contest=contest,
        audit_head=audit_head,
        station_row=_station_row,
        inserted_page=_checks_page(model_texts("na31_1")),
    )


def _checks_page(text: Mapping[str, Any]) -> list[Flowable]:
    """The page "Controles in opdracht van het centraal stembureau", to fill in by hand."""
    return [
        heading(text["checks"]),
        paragraph(text["checks_text"]),
        heading(text["corrected"], 3),
        *[paragraph(choice) for choice in text["corrected_choices"]],
        heading(text["drawn_up"], 3),
        lines(1, text["when"]),
    ]


def _station_row(unit: ReportingUnitVotes, text: Mapping[str, Any]) -> list[object]:
    flags = {investigation.reason: investigation.value for investigation in unit.investigations}

    def tick(reason: InvestigationReason) -> str:
        return str(text["yes"] if flags.get(reason) else text["no"])

    return [
        station_number(unit.id),
        unit.name or "",
        tick(InvestigationReason.UNEXPLAINED_DIFFERENCE),
        tick(InvestigationReason.OTHER_ERROR),
        tick(InvestigationReason.RESULT_CORRECTED),
    ]
