"""Writing typed documents as EML_NL files.

:func:`write_eml` turns any document into bytes: deterministic, UTF-8, indented, with the
Kiesraad's prefixes, and (when schemas are given) validated before anything is returned, so
OSV never hands out a file that the official schema refuses.
"""

from __future__ import annotations

from eml.documents import Eml110a, Eml110b, Eml210, Eml230b, Eml510, Eml520, EmlDocument
from eml.write import eml110a, eml110b, eml210, eml230b, eml510, eml520
from eml.xsd import SchemaSet

__all__ = ["write_eml"]


def write_eml(document: EmlDocument, *, schemas: SchemaSet | None = None) -> bytes:
    """The EML_NL bytes of ``document``; validated against ``schemas`` when given."""
    match document:
        case Eml110a():
            data = eml110a.to_bytes(document)
        case Eml110b():
            data = eml110b.to_bytes(document)
        case Eml210():
            data = eml210.to_bytes(document)
        case Eml230b():
            data = eml230b.to_bytes(document)
        case Eml510():
            data = eml510.to_bytes(document)
        case Eml520():
            data = eml520.to_bytes(document)
    if schemas is not None:
        schemas.validate(data, document.message_type.value, source="OSV output")
    return data
