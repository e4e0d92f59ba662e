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
    """Base class of all errors OSV raises deliberately; ``str(error)`` is meant for users.

    :attr:`problems` and :attr:`headline` serve errors that are a list of problems (one sentence
    each, such as every missing count): when the headline is not the whole message, the command
    line prints it after ``osv: error:`` and then each problem on a line of its own;
    ``str(error)`` has them all in one.
    """

    #: One sentence per problem, where the error is a list of them.
    problems: tuple[str, ...] = ()

    @property
    def headline(self) -> str:
        """The error's first sentence (the whole message unless a subclass says otherwise)."""
        return str(self)
