"""The root of OSV's error tree.

Every error OSV raises on purpose derives from :class:`OSVError`, so the command line and the web
UI can catch one type and show its message. A message is one sentence that says what was
expected, what was found and where.

::

    OSVError
     ├── eml.errors.EmlError            a file could not be read or written as EML_NL
     ├── osv.store.errors.StoreError    the database refused or failed an operation
     └── osv.service.errors.ServiceError a use case was refused (wrong election, duplicate, ...)

:class:`InvariantError` is apart from that tree: a bug in OSV, where production code would
otherwise ``assert`` (ruff's S101 forbids that outside the tests; ``python -O`` would drop it).
"""

from __future__ import annotations

__all__ = ["InvariantError", "OSVError"]


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


class InvariantError(RuntimeError):
    """A condition OSV's own code guarantees does not hold: a bug in OSV, never bad input.

    Raised where the code relies on something an earlier step ensured (a file's contests were
    checked to exist, an election was found a moment ago in the same transaction). It is
    deliberately not an :class:`OSVError`: it is not shown as a refusal of the user's input, it
    propagates like any unexpected error (a traceback, an HTTP 500), and the transaction in
    progress is rolled back. Its message names what was expected and where.
    """
