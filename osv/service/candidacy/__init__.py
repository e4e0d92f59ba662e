"""Candidacy use cases (Kieswet chapters G, H, I): check, number and publish submitted lists.

The pure rules live in the top-level :mod:`candidacy` package; these modules read the central
polling station's working data, call those rules and write or store the outcome.

* :mod:`osv.service.candidacy.files`      the command line's working files: the election file,
  the submitted lists, the ``check``/``number`` JSON shapes, ``publish`` (230b per district) and
  the I 4 report
* :mod:`osv.service.candidacy.decisions`  the decisions file (repairs, lots, departures, the
  files' time), shared by the command line and the web pages so a publication can be remade
* :mod:`osv.service.candidacy.stored`     the web pages' use cases on the database: keep an
  upload, load it with its last publication and decisions, decide and publish, download
"""

from __future__ import annotations

__all__: list[str] = []
