"""Model Na 31-2: a municipality's report of its central count, with its totals.

Rendered from the municipality's count file (EML 510b) and the SHA-256 of that file, printed
on every page; with the candidate lists (230b) the candidates are named. The report is the one
Na 31-1 shares (:mod:`osv.pv.municipal`): Deel 1 lists the polling stations counted with the
investigations of a central count (admitted voters counted again, investigated for another
reason than an unexplained difference, ballots (partly) recounted); Deel 2 the totals in letter
boxes (Z, A–D, E–H), the differences (I and J), the check protocol and the votes per list and
per candidate; Deel 3 the signatures.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from eml import Eml510
from osv.model import Contest, InvestigationReason, ReportingUnitVotes
from osv.pv.common import station_number
from osv.pv.municipal import render_municipal_report
from osv.pv.texts import model_texts

__all__ = ["render_na31_2"]


def render_na31_2(
    count: Eml510,
    *,
    digest: bytes | None,
    contest: Contest | None = None,
    audit_head: str | None = None,
) -> bytes:
    """The PDF of model Na 31-2 for a municipality's count (510b).

    :param digest: SHA-256 of the 510b's bytes (``None`` for a draft).
    :param contest: the candidate lists, to name the candidates.
    :param audit_head: the audit log's last hash, for a report made from OSV's database.
    :raises ValueError: the 510b has no total.
    """
    return render_municipal_report(
        model_texts("na31_2"),
        count,
        digest=digest,
        contest=contest,
        audit_head=audit_head,
        station_row=_station_row,
    )


def _station_row(unit: ReportingUnitVotes, text: Mapping[str, Any]) -> list[object]:
    flags = {investigation.reason: investigation.value for investigation in unit.investigations}

    def tick(reason: InvestigationReason) -> str:
        return str(text["yes"] if flags.get(reason) else text["no"])

    return [
        station_number(unit.id),
        unit.name or "",
        tick(InvestigationReason.ADMITTED_VOTERS_RECOUNTED),
        tick(InvestigationReason.OTHER_REASON),
        tick(InvestigationReason.BALLOTS_PARTLY_RECOUNTED),
    ]
