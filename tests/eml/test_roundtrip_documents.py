"""Writing 110a, 110b, 230b and 520 documents: round trips, schema validity, determinism.

Two promises are tested here, on every real and sample file and on generated documents:

* reading what OSV wrote gives the document that was written (write → read == original), so
  nothing is lost or invented between import and export;
* every file OSV writes is valid against the official schema, so other software accepts it.

For the real published candidate lists (``shared/data``) the promise is stronger: written back
on one line, the canonical form (C14N 1.0 with comments, which the Kiesraad's previous software
hashed) is byte-identical to the original's, so nothing at all is lost; indented, it differs only
by the whitespace between elements.

The one deliberate difference: OSV does not write a ``kr:NominationDate`` in a 110b, because the
110b schema does not allow it (the Kiesraad's test files have one). Files whose source is itself
not schema-valid (the Kiesraad's 110b test files with an empty ``VotingMethod``) are still
round-tripped, but their output cannot be valid either.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from lxml import etree

from eml.documents import Eml110a, Eml110b, Eml230b, Eml520, EmlDocument
from eml.errors import EmlSchemaError
from eml.hash import digest_file, read_hash_file
from eml.read import read_eml
from eml.safe import parse_bytes
from eml.write import eml110a, eml110b, eml230b, eml520, write_eml
from eml.xsd import SchemaSet
from tests.eml.sample_files import valid_files
from tests.strategies.elections import (
    candidate_list_documents,
    election_definitions,
    polling_station_documents,
    result_documents,
)

TYPES = ("110a", "110b", "230b", "520")
FILES = [(kind, relative) for kind in TYPES for relative in valid_files(kind)]
JUINEN = "eml-nl/samples/juinen"
REAL_LISTS = [relative for relative in valid_files("230b") if relative.startswith("data/")]


def read(data: bytes | Path) -> EmlDocument:
    """The document in ``data`` (read without schemas: the tests validate separately)."""
    return read_eml(data, source="OSV output").document


def as_written(document: EmlDocument) -> EmlDocument:
    """``document`` as OSV writes it: a 110b identifier loses the NominationDate."""
    if isinstance(document, Eml110b) and document.identifier.nomination_date is not None:
        identifier = document.identifier.model_copy(update={"nomination_date": None})
        return document.model_copy(update={"identifier": identifier})
    return document


def source_is_valid(path: Path, kind: str, schemas: SchemaSet) -> bool:
    try:
        schemas.validate(path.read_bytes(), kind, source=path.name)
    except EmlSchemaError:
        return False
    return True


@pytest.mark.parametrize(("kind", "relative"), FILES, ids=[r for _, r in FILES])
def test_every_file_reads_back_equal_after_writing(
    shared: Path, schemas: SchemaSet, kind: str, relative: str
) -> None:
    """read → write → read gives the same document; the output is schema-valid if the source is."""
    path = shared / relative
    original = read(path)
    data = write_eml(original)
    assert read(data) == as_written(original)
    if source_is_valid(path, kind, schemas):
        schemas.validate(data, kind, source=f"{relative} written by OSV")
    else:
        assert kind == "110b"  # only the Kiesraad's 110b test files are schema-invalid


def c14n(data: bytes, *, strip_indentation: bool = False) -> bytes:
    """C14N 1.0 with comments of ``data``; optionally without whitespace-only text between tags."""
    root, _ = parse_bytes(data, source="c14n")
    if strip_indentation:
        for element in root.iter():
            if element.text is not None and not element.text.strip() and len(element):
                element.text = None
            if element.tail is not None and not element.tail.strip():
                element.tail = None
    return etree.tostring(root, method="c14n", with_comments=True)


@pytest.mark.parametrize("relative", REAL_LISTS)
def test_real_candidate_lists_written_back_are_canonically_identical(
    shared: Path, relative: str
) -> None:
    """GR2022 West Maas en Waal, TK2025 Haarlem and Nijmegen: read, write, compare C14N.

    Semantically equal (read back equal), and on one line the C14N bytes (and so the C14N hash
    of the Kiesraad's previous software) are those of the published file.
    """
    original = (shared / relative).read_bytes()
    document = read(original)
    assert isinstance(document, Eml230b)
    one_line = eml230b.to_bytes(document, indent=False)
    assert read(one_line) == document
    assert c14n(one_line) == c14n(original)
    indented = eml230b.to_bytes(document)
    assert c14n(indented) != c14n(original)
    assert c14n(indented, strip_indentation=True) == c14n(original)


def test_the_real_candidate_lists_are_all_found(shared: Path) -> None:
    """The canonical comparison above covers the three published 230b files."""
    assert len(REAL_LISTS) == 3


@pytest.mark.parametrize(("kind", "relative"), FILES, ids=[r for _, r in FILES])
def test_writing_twice_gives_the_same_bytes(shared: Path, kind: str, relative: str) -> None:
    """The bytes depend on the document only, so a file's integrity hash is reproducible."""
    document = read(shared / relative)
    assert write_eml(document) == write_eml(document)


def test_output_has_the_kiesraad_prefixes_and_an_xml_declaration(shared: Path) -> None:
    """UTF-8 declaration, default EML namespace and ``kr:``, 4-space indentation."""
    data = write_eml(read(shared / JUINEN / "eml110a_verkiezingsdefinitie-juinen.eml.xml"))
    assert data.startswith(b"<?xml version='1.0' encoding='UTF-8'?>\n<EML ")
    assert b'xmlns="urn:oasis:names:tc:evs:schema:eml"' in data
    assert b"\n    <kr:CreationDateTime>2025-08-29T00:00:00.000</kr:CreationDateTime>\n" in data


def test_writing_with_schemas_validates_before_returning(shared: Path, schemas: SchemaSet) -> None:
    """``write_eml(..., schemas=...)`` refuses a document the schema does not accept."""
    document = read(
        shared / "eml-nl/samples/kiesraad-tests/polling_stations/eml110b_1_station.eml.xml"
    )
    with pytest.raises(EmlSchemaError, match="VotingMethod"):
        write_eml(document, schemas=schemas)


@pytest.mark.parametrize(
    "name",
    ["eml110a_verkiezingsdefinitie-juinen.eml.xml", "eml230b_kandidatenlijsten-juinen.eml.xml"],
)
def test_the_juinen_files_match_the_kiesraad_hash_file(shared: Path, name: str) -> None:
    """SHA-256 of the exact bytes, as read, equals the hash the Kiesraad published (§8)."""
    entries = {
        entry.filename: entry.digest
        for entry in read_hash_file(shared / JUINEN / "Hashcodes-Juinen.txt")
    }
    path = shared / JUINEN / name
    result = read_eml(path)
    assert result.digest == entries[name]
    assert digest_file(path) == entries[name]


# --- properties over generated documents ------------------------------------------------------


@given(election_definitions())
def test_any_election_definition_survives_writing_and_reading(
    schemas: SchemaSet, document: Eml110a
) -> None:
    """write → read == original for generated 110a documents; the output is schema-valid."""
    data = eml110a.to_bytes(document)
    schemas.validate(data, "110a")
    assert read(data) == document


@given(polling_station_documents())
def test_any_polling_station_document_survives_writing_and_reading(
    schemas: SchemaSet, document: Eml110b
) -> None:
    """write → read == original for generated 110b documents; the output is schema-valid."""
    data = eml110b.to_bytes(document)
    schemas.validate(data, "110b")
    assert read(data) == document


@given(candidate_list_documents())
def test_any_candidate_list_document_survives_writing_and_reading(
    schemas: SchemaSet, document: Eml230b
) -> None:
    """write → read == original for generated 230b documents; the output is schema-valid."""
    data = eml230b.to_bytes(document)
    schemas.validate(data, "230b")
    assert read(data) == document


@given(result_documents())
def test_any_result_document_survives_writing_and_reading(
    schemas: SchemaSet, document: Eml520
) -> None:
    """write → read == original for generated 520 documents; the output is schema-valid."""
    data = eml520.to_bytes(document)
    schemas.validate(data, "520")
    assert read(data) == document
