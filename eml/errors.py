"""Errors raised while reading, validating or writing EML_NL files.

::

    OSVError
     └── EmlError                 base: ``str(error)`` is one sentence naming the file
          ├── EmlTooLargeError    the file is larger than the configured limit
          ├── EmlSyntaxError      not well-formed XML, truncated, or not UTF-8
          ├── EmlUnsafeError      a DOCTYPE, entity declaration or other hostile construct
          ├── EmlTypeError        wrong root element, unknown or unexpected EML Id
          ├── EmlSchemaError      not valid against the official XSD
          └── EmlContentError     valid XML that breaks a rule of EML_NL or of the election
                                  (numbers that do not increase, impossible counts, mismatch)

Every error carries the file (``source``) and, where known, the line. lxml's exceptions never
leave the ``eml`` package: ``eml.safe`` translates them.
"""

from __future__ import annotations

from osv.errors import OSVError

__all__ = [
    "EmlContentError",
    "EmlError",
    "EmlSchemaError",
    "EmlSyntaxError",
    "EmlTooLargeError",
    "EmlTypeError",
    "EmlUnsafeError",
]


class EmlError(OSVError):
    """A file could not be read or written as EML_NL.

    :param problem: what is wrong, as a sentence fragment without the file name.
    :param source: the file name (or another label for in-memory data).
    :param line: the line in the file where the problem was found, when known.
    """

    def __init__(self, problem: str, source: str | None = None, line: int | None = None) -> None:
        self.problem = problem
        self.source = source
        self.line = line
        super().__init__(self._message())

    def _message(self) -> str:
        where = self.source or "EML data"
        if self.line:
            where = f"{where}, line {self.line}"
        return f"{where}: {self.problem}"

    def __reduce__(self) -> tuple[type[EmlError], tuple[str, str | None, int | None]]:
        """Pickled with its parts, so an error raised in a worker process reads the same."""
        return (type(self), (self.problem, self.source, self.line))

    def located(self, source: str) -> EmlError:
        """Return this error with ``source`` filled in (used when the reader learns the name)."""
        if self.source is None:
            self.source = source
            self.args = (self._message(),)
        return self


class EmlTooLargeError(EmlError):
    """The file is larger than the configured size limit."""


class EmlSyntaxError(EmlError):
    """The bytes are not well-formed XML in UTF-8 (truncated, broken markup, wrong encoding)."""


class EmlUnsafeError(EmlError):
    """The file contains a construct EML never uses and attackers do (DOCTYPE, entities)."""


class EmlTypeError(EmlError):
    """The file is not the EML message expected: wrong root element or unknown ``Id``."""


class EmlSchemaError(EmlError):
    """The file is not valid against the official EML_NL schema."""


class EmlContentError(EmlError):
    """The file is valid XML but breaks a rule of EML_NL or of the election."""
