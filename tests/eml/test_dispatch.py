"""The dispatcher recognises what a file is before any reader looks at its content."""

from __future__ import annotations

from pathlib import Path

import pytest

from eml import read_eml
from eml.errors import EmlError, EmlTypeError

EML_NS = b'xmlns="urn:oasis:names:tc:evs:schema:eml"'


def test_a_file_whose_content_contradicts_its_id_is_refused_for_that(shared: Path) -> None:
    """The Kiesraad's sample with root Id 110a around candidate lists (a 230b payload)."""
    path = shared / "eml-nl/samples/abacus-tests/eml230b_invalid_document_type.eml.xml"
    with pytest.raises(
        EmlTypeError, match=r"says it is EML 110a .* holds CandidateList, the content of EML 230b"
    ):
        read_eml(path)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"<foo/>", "has root element foo; an EML_NL file has root element EML"),
        (b'<EML xmlns="urn:oasis:x" Id="510b"/>', "has root element {urn:oasis:x}EML"),
        (b"<EML " + EML_NS + b' Id="630"/>', "has EML Id '630', which OSV does not read"),
        (b"<EML " + EML_NS + b"/>", "has EML Id '', which OSV does not read"),
        (b"<EML " + EML_NS + b' Id="520"><CandidateList/></EML>', "holds CandidateList"),
    ],
)
def test_wrong_roots_and_unknown_ids_are_refused_by_name(data: bytes, reason: str) -> None:
    with pytest.raises(EmlTypeError) as caught:
        read_eml(data, source="upload.eml.xml")
    assert str(caught.value).startswith("upload.eml.xml")
    assert reason in str(caught.value)


def test_a_namespace_that_is_not_a_uri_is_refused() -> None:
    """A count's parser reports only the elements it reads (eml.read.count_stream.EVENT_TAGS);
    matching them, libxml2 refuses a namespace name that is not a URI before any element."""
    with pytest.raises(EmlError) as caught:
        read_eml(b'<EML xmlns="urn:oasis}x" Id="510b"/>', source="upload.eml.xml")
    assert str(caught.value).startswith("upload.eml.xml, line 1: ")
    assert "'urn:oasis}x' is not a valid URI" in str(caught.value)
