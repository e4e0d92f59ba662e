"""The root of OSV's error tree.

Every error OSV raises on purpose derives from :class:`OSVError`, so the command line and the web
UI can catch one type and show its message. A message is one sentence that says what was
expected, what was found and where.

::

    OSVError
     ├── eml.errors.EmlError            a file could not be read or written as EML_NL
     ├── osv.store.errors.StoreError    the database refused or failed an operation
     └── osv.service.errors.ServiceError a use case was refused (wrong election, duplicate, ...)
"""

from __future__ import annotations

__all__ = ["OSVError"]


class OSVError(Exception):
    """Base class of all errors OSV raises deliberately; ``str(error)`` is meant for users."""
