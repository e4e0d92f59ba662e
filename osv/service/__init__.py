"""Use cases: what OSV does, from plain inputs to stored and audited outcomes.

A service takes plain inputs and a unit-of-work factory
(:data:`~osv.service.unit_of_work.UowFactory`), opens a unit of work, calls the pure packages
(``eml``, ``results`` and ``candidacy``), stores through the repositories and commits once.
Services never print; they return outcomes and raise :class:`~osv.service.errors.ServiceError`
for refusals. The map of
this package, with the direction of every dependency, is in docs/architecture.md ("The service
layer"); ``tests/test_architecture.py`` enforces it.

By capability (each subpackage's docstring is its index):

* :mod:`osv.service.candidacy`        candidacy: check, number and publish submitted lists
  (the command line's files, the decisions file, the web pages' stored submissions)
* :mod:`osv.service.entry`            double data entry: sessions, typing, the coordinator's
  decisions, the 510b of a finished municipality; :mod:`osv.service.entry.read` is the read side
* :mod:`osv.service.result`           the result stages (HSB, CSB, verify): one engine on a
  folder of EML files, with two sources: the command line's folder and the stored election
  (:mod:`osv.service.result.stored`, the web pages' stages)
* :mod:`osv.service.formats`          the CSV, JSON and text-table shapes (OSV4-3, ``osv checks``
  and ``osv allocate`` JSON, the plain text table)

The other use cases, one module each:

* :mod:`osv.service.importing`        importing EML files, all or nothing
* :mod:`osv.service.import_checks`    whether files fit the stored election
* :mod:`osv.service.hash_checks`      the integrity-hash check against paper or hash file
* :mod:`osv.service.upload_checks`    which uploaded files need their hash groups typed
* :mod:`osv.service.queries`          what ``osv show`` and screens display
* :mod:`osv.service.polling_stations` adding a polling station by hand
* :mod:`osv.service.users`            users, passwords, sign-in and sessions of the web interface
* :mod:`osv.service.login_throttle`   slowing down password guessing
* :mod:`osv.service.display_links`    read-only progress links for a projector
* :mod:`osv.service.audit_log`        the audit log's integrity: verify it, its head, a checked
  backup
* :mod:`osv.service.restore`          restoring a backup
* :mod:`osv.service.retention`        removing old uploads and web backups
* :mod:`osv.service.pv_files`         the processen-verbaal from EML files (``osv pv``)
* :mod:`osv.service.demo`             the generated demo election
* :mod:`osv.service.unit_of_work`     the one ``UowFactory`` type every service takes
* :mod:`osv.service.errors`           the refusals
* :mod:`osv.service.bootstrap`        wiring: opening the database
"""

from __future__ import annotations

from osv.service.errors import ImportRefused, ServiceError

__all__ = ["ImportRefused", "ServiceError"]
