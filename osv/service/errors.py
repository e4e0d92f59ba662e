"""Errors of the use cases: what was refused, in one sentence, and what to do about it.

::

    OSVError
     └── ServiceError                  a use case was refused; nothing was changed
          ├── CodedRefusalError        a refusal with a stable ``code`` and ``details`` (entry,
          │                            users), which the web interface translates
          ├── ImportRefused            files cannot be imported (wrong election, duplicate, ...)
          │    ├── HashMismatchError   the integrity hash differs from the hash file or paper
          │    └── HashNotCheckedError no way to check the integrity hash was given
          ├── UnknownElectionError     no election with the given Id is stored
          ├── UnknownListError         the election has no candidate list with that number
          └── ElectionNotChosenError   none or several elections are stored, and none was named

An import raises these (or an :class:`~eml.errors.EmlError` for a file that cannot be read, or a
:class:`~osv.store.errors.StoreError` when the database fails) before anything is stored or
instead of storing: a refused import leaves the database as it was.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from osv.errors import OSVError

__all__ = [
    "CodedRefusalError",
    "ElectionNotChosenError",
    "HashMismatchError",
    "HashNotCheckedError",
    "ImportRefused",
    "ServiceError",
    "UnknownElectionError",
    "UnknownListError",
]


class ServiceError(OSVError):
    """A use case was refused; nothing was changed."""


class CodedRefusalError(ServiceError):
    """A refusal the user can act on, with a stable code for translations.

    The message is the English sentence of the command line and the log; the web interface
    shows a Dutch sentence chosen by ``code`` and filled in from ``details``
    (``ui/messages.py``). A code names the reason, not the place: two raise sites with the same
    reason share it.

    :param message: the English sentence.
    :param code: a stable key (``no_reason``, ``password_too_short``, ...).
    :param details: the values the sentence names (numbers, names), as keyword arguments.
    """

    def __init__(self, message: str, code: str, **details: Any) -> None:
        super().__init__(message)
        self.code = code
        self.details = details


class ImportRefused(ServiceError):  # noqa: N818 (the name the command line and docs use)
    """Files cannot be imported; nothing of the import was stored.

    :param path: the file that caused the refusal.
    :param problem: what is wrong, as a sentence fragment without the file name.
    """

    def __init__(self, path: Path, problem: str) -> None:
        self.path = path
        self.problem = problem
        super().__init__(f"{path}: {problem}; nothing was imported.")


class HashMismatchError(ImportRefused):
    """The file's integrity hash differs from the hash file or from the typed groups."""


class HashNotCheckedError(ImportRefused):
    """The file's integrity hash must be checked, and no way to check it was given."""


class UnknownElectionError(ServiceError):
    """No election with the given Id is stored."""


class UnknownListError(ServiceError):
    """The election has no candidate list with the given number."""


class ElectionNotChosenError(ServiceError):
    """No election was named, and there is not exactly one stored."""
