"""The principal (HSB) and central (CSB) polling stations' stages of a stored election.

What ``osv result`` does on a folder (docs/result.md), as use cases on the database for the web
interface: upload the municipalities' (or districts') count files, checked against the hash on
the paper report (:func:`check_count`, :func:`upload_count`), or have a municipality's totals
typed in twice (:func:`open_totals`, :mod:`.totals`), or import its 510b as the first entry of
its totals and have only the second typed (:func:`import_first_entry`, :mod:`.firstentry`); see
the consistency findings of the counts (:func:`stage_view`); register deceased candidates
(:func:`register_deceased`, Kieswet P 19a); compute the result (:func:`compute`); give the
outcome of a drawing of lots when it asks for one (:func:`supply_lot`, P 14); and download the
510c, or the 510d, 520 and model P 22-2 (:func:`stage_documents`). Every write is one
transaction; a refusal stores nothing and says why in one sentence (:class:`StageRefusedError`).

This is the result engine's database source: :mod:`.folder` writes the stored election as the
folder the engine reads, and :mod:`.compute` runs the engine's
:func:`~osv.service.result.csb.run_csb` or :func:`~osv.service.result.hsb.run_hsb` on it;
nothing of the computation is repeated here.

* :mod:`osv.service.result.stored.common`      naming a stage, its refusal, its audit event
* :mod:`osv.service.result.stored.folder`      the stored election as the engine's folder
* :mod:`osv.service.result.stored.uploads`     uploading count files, checked against their hash
* :mod:`osv.service.result.stored.totals`      a municipality's totals typed in twice
* :mod:`osv.service.result.stored.firstentry`  a 510b as the first entry of those totals
* :mod:`osv.service.result.stored.view`        the stage as its page shows it (findings, coverage)
* :mod:`osv.service.result.stored.compute`     deceased, lots, computing, the stage's documents
* :mod:`osv.service.result.stored.overview`    the stages there are
"""

from __future__ import annotations

from osv.service.result.stored.common import CSB, StageRefusedError, district_of
from osv.service.result.stored.compute import (
    clear_lots,
    compute,
    register_deceased,
    remove_deceased,
    stage_documents,
    supply_lot,
    zip_of,
)
from osv.service.result.stored.firstentry import (
    FirstEntryFile,
    check_first_entry,
    decide_totals,
    first_entry_files,
    import_first_entry,
    is_file_entry,
)
from osv.service.result.stored.overview import StageSummary, stages
from osv.service.result.stored.totals import (
    add_municipality,
    municipalities,
    municipalities_of,
    open_totals,
    totals_overview,
)
from osv.service.result.stored.uploads import CheckedCount, check_count, remove_count, upload_count
from osv.service.result.stored.view import StageView, stage_view

__all__ = [
    "CSB",
    "CheckedCount",
    "FirstEntryFile",
    "StageRefusedError",
    "StageSummary",
    "StageView",
    "add_municipality",
    "check_count",
    "check_first_entry",
    "clear_lots",
    "compute",
    "decide_totals",
    "district_of",
    "first_entry_files",
    "import_first_entry",
    "is_file_entry",
    "municipalities",
    "municipalities_of",
    "open_totals",
    "register_deceased",
    "remove_count",
    "remove_deceased",
    "stage_documents",
    "stage_view",
    "stages",
    "supply_lot",
    "totals_overview",
    "upload_count",
    "zip_of",
]
