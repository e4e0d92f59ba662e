"""The result stages: one engine, two sources.

The principal polling station (HSB) adds up its district, the central polling station (CSB)
computes the result, and anyone can verify a published result. The engine does this on a folder
of EML files; it has two sources, which both end in such a folder, so the command line and the
web pages compute with the same code and write the same bytes:

* files: the folder given to ``osv result``, ``osv verify`` and ``osv pv`` (the command line),
  found and recognised by :mod:`osv.service.result.files`;
* database: an election stored by ``osv import`` and its stages' uploads and typed totals, which
  :mod:`osv.service.result.stored.folder` writes as that folder for the web pages; the stage's
  use cases around it are :mod:`osv.service.result.stored`.

The engine:

* :mod:`osv.service.result.inputs`          everything a CSB or a verifier reads from a folder
* :mod:`osv.service.result.counts`          count files (510b/c/d) read into a count source
* :mod:`osv.service.result.sources`         the count source: totals per committee and district
* :mod:`osv.service.result.coverage`        whether the counts cover every unit (never publish
  an incomplete result)
* :mod:`osv.service.result.hsb`             the HSB: add up the municipalities of a district
* :mod:`osv.service.result.hsb_report`      model O 3 beside the district count
* :mod:`osv.service.result.csb`             the CSB: compute the result, write 510d and 520
* :mod:`osv.service.result.single_district` the seats of a one-district election
* :mod:`osv.service.result.multi_district`  the seats of the Tweede Kamer and PS2
* :mod:`osv.service.result.model`           the result as reports and writers see it
* :mod:`osv.service.result.eml_out`         the EML files a stage writes, named as published
* :mod:`osv.service.result.options`         the operator's options (lots, deceased) as text
* :mod:`osv.service.result.reports`         ``result.txt``
* :mod:`osv.service.result.report_json`     ``result.json``
* :mod:`osv.service.result.formatting`      small pieces of report text (the text table is
  :mod:`osv.service.formats.text_table`, shared with the command line)
* :mod:`osv.service.result.verify`          ``osv verify``: recompute a published result, compare
* :mod:`osv.service.result.verify_checks`   its checks: votes, seats, elected, item by item
* :mod:`osv.service.result.verify_report`   its report, as text or JSON
"""

from __future__ import annotations

__all__: list[str] = []
