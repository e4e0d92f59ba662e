"""Round trips of EML 510: every real count file, and generated documents of every kind.

Reading what OSV wrote must give the same document, and everything OSV writes must be valid
against the official schema. The streamed output must equal the reference tree's bytes.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given

from eml.documents import Eml510
from eml.read import read_eml
from eml.write import write_eml
from eml.write.common import to_bytes as serialise
from eml.write.eml510 import to_bytes, to_tree
from eml.xsd import SchemaSet
from tests.conftest import SHARED_ABSENT, unavailable
from tests.eml.sample_files import valid_files
from tests.strategies.counts import count_documents

COUNT_FILES = sorted(
    {path for kind in ("510a", "510b", "510c", "510d") for path in valid_files(kind)}
)


def test_the_real_files_are_found() -> None:
    """Guard against an empty parametrisation: ten real 510b files and the samples."""
    if not COUNT_FILES:
        unavailable(SHARED_ABSENT)
    assert sum(path.startswith("data/") for path in COUNT_FILES) == 10


@pytest.mark.parametrize("relative", COUNT_FILES)
def test_real_file_round_trip(shared: Path, schemas: SchemaSet, relative: str) -> None:
    original = read_eml(shared / relative).document
    assert isinstance(original, Eml510)
    data = write_eml(original, schemas=schemas)
    again = read_eml(data, schemas=schemas)
    assert again.validated
    assert again.document == original
    assert data == serialise(to_tree(original))


@given(count_documents())
def test_generated_document_round_trip(schemas: SchemaSet, document: Eml510) -> None:
    data = to_bytes(document)
    schemas.validate(data, document.message_type.value)
    assert read_eml(data).document == document
    assert data == serialise(to_tree(document))
