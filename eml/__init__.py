"""EML_NL: the Kiesraad's XML formats, read and written safely and exactly.

* :func:`read_eml` reads any supported message (110a, 110b, 210, 230b, 510a–d, 520) into a typed
  document (:mod:`eml.documents`), with the SHA-256 of the exact bytes; count files are read as a
  stream (:func:`eml.read.eml510.iter_count`) so memory stays bounded.
* :func:`read_nomination` reads a party's nomination (EML 210) as a typed :class:`Eml210`.
* :func:`write_eml` writes a document as deterministic bytes, validated when schemas are given.
* :class:`SchemaSet` validates against the official XSDs; :mod:`eml.hash` computes and checks the
  integrity hash printed on the paper reports; :mod:`eml.inspect` summarises a file.

Everything arriving from outside goes through :mod:`eml.safe` (size limit, UTF-8 only, no
DOCTYPE, no entities, no network). Every failure is an :class:`~eml.errors.EmlError` whose
message is one sentence naming the file and the problem. This package imports no database or web
code.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from eml.documents import (
        Eml110a,
        Eml110b,
        Eml210,
        Eml230b,
        Eml510,
        Eml520,
        EmlDocument,
        EmlHeader,
        MessageType,
    )
    from eml.errors import (
        EmlError,
    )
    from eml.read import (
        ReadResult,
        read_eml,
        read_nomination,
    )
    from eml.safe import (
        Limits,
    )
    from eml.write import (
        write_eml,
    )
    from eml.xsd import (
        SchemaSet,
    )

__all__ = [
    "Eml110a",
    "Eml110b",
    "Eml210",
    "Eml230b",
    "Eml510",
    "Eml520",
    "EmlDocument",
    "EmlError",
    "EmlHeader",
    "Limits",
    "MessageType",
    "ReadResult",
    "SchemaSet",
    "read_eml",
    "read_nomination",
    "write_eml",
]

#: Where each exported name lives: importing ``eml`` (or a light module such as
#: ``eml.hash``) loads no document model until one is asked for, so the command line starts
#: fast.
_LAZY = {
    "Eml110a": "eml.documents",
    "Eml110b": "eml.documents",
    "Eml210": "eml.documents",
    "Eml230b": "eml.documents",
    "Eml510": "eml.documents",
    "Eml520": "eml.documents",
    "EmlDocument": "eml.documents",
    "EmlHeader": "eml.documents",
    "MessageType": "eml.documents",
    "EmlError": "eml.errors",
    "ReadResult": "eml.read",
    "read_eml": "eml.read",
    "read_nomination": "eml.read",
    "Limits": "eml.safe",
    "write_eml": "eml.write",
    "SchemaSet": "eml.xsd",
}


def __getattr__(name: str) -> Any:
    """Import an exported name's module on first use (PEP 562)."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value
