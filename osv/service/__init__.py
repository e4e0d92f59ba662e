"""Use cases: what OSV does, from plain inputs to stored and audited outcomes.

A service takes plain inputs and a unit-of-work factory, opens a unit of work, calls the pure
packages (``eml``, later ``results`` and ``candidacy``), stores through the repositories and
commits once. Services never print; they return outcomes and raise
:class:`~osv.service.errors.ServiceError` for refusals.

* :mod:`osv.service.importing`      importing EML files, all or nothing
* :mod:`osv.service.import_checks`  whether files fit the stored election
* :mod:`osv.service.hash_checks`    the integrity-hash check against paper or hash file
* :mod:`osv.service.queries`        what ``osv show`` and screens display
* :mod:`osv.service.bootstrap`      wiring: opening the database
* :mod:`osv.service.demo`           the generated demo election
"""

from __future__ import annotations

from osv.service.errors import ImportRefused, ServiceError

__all__ = ["ImportRefused", "ServiceError"]
