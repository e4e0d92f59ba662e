"""Model P 22-1: the central polling station's report for an election with several districts.

The Tweede Kamer (the Kiesraad is its central polling station) and provinces with more than
one district. Rendered from the :class:`~osv.service.result.model.ElectionResult` of the
multi-district allocation, whose lists are the parties (a lijstengroep or a set of identical
lists counts as one list, Kieswet P 1) and the SHA-256 of the 520, printed on every page. The
calculation is shown as in P 22-2 (shared process-verbaal.md §10): votes per list, quota (P 5),
full seats (P 6), residual seats (P 7, P 8), P 9, P 10, lots, the distribution, the candidates
elected by preference (P 15) and in list order (P 17) with the ranking (P 19), and the elected
in alphabetical order. The votes per candidate per district stay in the 510d and the O 3s.
"""

from __future__ import annotations

import datetime as dt

from osv.pv.p22_2 import render_result_model
from osv.service.result.model import ElectionResult

__all__ = ["render_p22_1"]


def render_p22_1(
    result: ElectionResult,
    *,
    digest: bytes | None,
    created: dt.datetime | None,
    committee: str | None = None,
    audit_head: str | None = None,
) -> bytes:
    """The PDF of model P 22-1 for ``result``.

    :param digest: SHA-256 of the 520 (``None`` for a draft).
    :param created: the 520's creation moment.
    :param committee: the header (default ``Centraal stembureau <election>``).
    :param audit_head: the audit log's last hash, for a report made from OSV's database.
    """
    return render_result_model(
        "p22_1",
        result,
        digest=digest,
        created=created,
        committee=committee,
        audit_head=audit_head,
    )
