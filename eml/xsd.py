"""Validation against the official EML_NL schemas (the Kiesraad's "strict" XSDs).

The schemas are not part of OSV: they are published by the Kiesraad (github.com/kiesraad/EML_NL,
folder ``xsd/``). Point OSV at a copy of that folder with ``--xsd-dir`` or ``OSV_EML_XSD_DIR``;
every include resolves inside the folder, so no network is needed. Schemas are loaded once per
message type, on first use.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any, cast

from lxml import etree

from eml.errors import EmlError, EmlSchemaError

__all__ = ["ENTRY_SCHEMAS", "SchemaSet"]

#: The entry XSD for each message type (eml-nl.md §1).
ENTRY_SCHEMAS: dict[str, str] = {
    "110a": "110a-electionevent-kiesraad-strict.xsd",
    "110b": "110b-electionevent-kiesraad-strict.xsd",
    "210": "210-nomination-kiesraad-strict.xsd",
    "230b": "230-candidatelist-kiesraad-strict.xsd",
    "230c": "230-candidatelist-kiesraad-strict.xsd",
    "510a": "510-count-kiesraad-strict.xsd",
    "510b": "510-count-kiesraad-strict.xsd",
    "510c": "510-count-kiesraad-strict.xsd",
    "510d": "510-count-kiesraad-strict.xsd",
    "520": "520-result-kiesraad-strict.xsd",
}


class SchemaSet:
    """The official schemas in one folder, loaded lazily and shared between threads.

    :param folder: the ``xsd`` folder of the Kiesraad's EML_NL repository.
    :raises EmlError: when the folder does not hold the entry schemas.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        missing = sorted(
            {name for name in ENTRY_SCHEMAS.values() if not (self.folder / name).is_file()}
        )
        if missing:
            raise EmlError(
                f"is not an EML_NL schema folder: {', '.join(missing)} missing",
                str(self.folder),
            )
        self._schemas: dict[str, etree.XMLSchema] = {}
        self._lock = threading.Lock()

    def for_type(self, message_type: str) -> etree.XMLSchema | None:
        """The schema for ``message_type`` (e.g. ``"510b"``), or ``None`` for an unknown type."""
        name = ENTRY_SCHEMAS.get(message_type)
        if name is None:
            return None
        with self._lock:
            schema = self._schemas.get(name)
            if schema is None:
                parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
                path = self.folder / name
                try:
                    schema = etree.XMLSchema(etree.parse(str(path), parser=parser))
                except (etree.XMLSchemaParseError, etree.XMLSyntaxError, OSError) as error:
                    raise EmlError(f"cannot be loaded as a schema: {error}", str(path)) from None
                self._schemas[name] = schema
            return schema

    def validate(self, data: bytes, message_type: str, source: str = "EML data") -> None:
        """Validate ``data`` against the schema of ``message_type``; raise on the first error."""
        from eml.safe import Limits, parse_bytes

        schema = self.for_type(message_type)
        if schema is None:
            raise EmlSchemaError(f"has no schema for message type {message_type}", source)
        root, _ = parse_bytes(data, source=source, limits=Limits(max_bytes=max(len(data), 1)))
        if not schema.validate(root):
            entry = cast(Any, schema.error_log).last_error
            raise EmlSchemaError(
                f"is not valid against the EML_NL schema: {entry.message}", source, entry.line
            )
