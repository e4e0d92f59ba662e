"""The CSV, JSON and text-table shapes OSV reads and writes, apart from the use cases using them.

These shapes are contracts with other tools and people (docs/csv.md, docs/checks.md,
docs/allocation.md): their modules import no database, web or command-line code and no other
part of :mod:`osv.service` than its errors (``tests/test_architecture.py`` checks it).

* :mod:`osv.service.formats.csv_osv43`        the "OSV4-3" CSV table of a municipality's count
  (pure layout of model objects)
* :mod:`osv.service.formats.export_csv`       ``osv export csv``: a 510b and its 230b read and
  streamed into that table, saved whole or not at all
* :mod:`osv.service.formats.entry_json`       a count entry read from JSON (``osv checks``)
* :mod:`osv.service.formats.text_table`       the plain aligned text table of terminal output and
  text reports (``osv show``, ``result.txt``, ``osv verify``)
* :mod:`osv.service.formats.allocation_json`  ``osv allocate``'s input and output JSON, and
  :func:`~osv.service.formats.allocation_json.plain` (result values as JSON) for the result
  engine's steps
"""

from __future__ import annotations

__all__: list[str] = []
