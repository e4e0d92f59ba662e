"""The parser's first line of defence (eml/safe.py): size, encoding, declarations, hashing."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import pytest

from eml.errors import EmlError, EmlSyntaxError, EmlTooLargeError, EmlUnsafeError
from eml.safe import Limits, ParseStream, parse_bytes

SMALL = b'<EML xmlns="urn:oasis:names:tc:evs:schema:eml" Id="110a"><x>1</x></EML>'


def test_the_digest_is_of_exactly_the_bytes_parsed(tmp_path: Path) -> None:
    path = tmp_path / "file.eml.xml"
    path.write_bytes(SMALL)
    for source in (path, SMALL, io.BytesIO(SMALL)):
        _, stream = parse_bytes(source)
        assert stream.digest == hashlib.sha256(SMALL).digest()
        assert stream.size == len(SMALL)
        assert stream.root_id == "110a"


def test_a_file_over_the_limit_is_refused_before_parsing(tmp_path: Path) -> None:
    path = tmp_path / "big.eml.xml"
    path.write_bytes(SMALL)
    limits = Limits(max_bytes=len(SMALL) - 1)
    with pytest.raises(EmlTooLargeError, match=r"is 71 bytes, more than the limit of 70 bytes"):
        parse_bytes(path, limits=limits)
    with pytest.raises(EmlTooLargeError):
        parse_bytes(SMALL, limits=limits)


def test_a_stream_over_the_limit_is_refused_while_reading() -> None:
    """A pipe has no size up front: the limit is enforced on the bytes as they arrive."""
    body = b"<x>" + b"1" * 200_000 + b"</x>"
    data = b'<EML Id="510b">' + body + b"</EML>"
    with pytest.raises(EmlTooLargeError, match="more than the limit of 100,000 bytes"):
        parse_bytes(io.BytesIO(data), limits=Limits(max_bytes=100_000))


def test_a_file_exactly_at_the_limit_is_accepted() -> None:
    parse_bytes(SMALL, limits=Limits(max_bytes=len(SMALL)))


def test_a_utf8_byte_order_mark_is_accepted() -> None:
    root, _ = parse_bytes(b"\xef\xbb\xbf" + SMALL)
    assert root.get("Id") == "110a"


@pytest.mark.parametrize(
    "data",
    [
        SMALL.decode().encode("utf-16"),
        SMALL.decode().encode("utf-16-le"),
        SMALL.decode().encode("utf-32"),
    ],
)
def test_other_unicode_encodings_are_refused(data: bytes) -> None:
    with pytest.raises(EmlSyntaxError, match="must be UTF-8"):
        parse_bytes(data, source="wide.xml")


def test_a_doctype_after_a_long_comment_is_still_found() -> None:
    data = b"<!--" + b"x" * 200_000 + b'--><!DOCTYPE EML [<!ENTITY a "b">]>' + SMALL
    with pytest.raises(EmlUnsafeError, match="DOCTYPE"):
        parse_bytes(data)


def test_a_prolog_without_a_root_in_its_first_megabyte_is_refused() -> None:
    data = b"<!--" + b"x" * (2 * 1024 * 1024) + b"-->" + SMALL
    with pytest.raises(EmlSyntaxError, match="no root element in its first megabyte"):
        parse_bytes(data)


def test_a_file_that_ends_inside_the_prolog_is_refused() -> None:
    with pytest.raises(EmlSyntaxError, match="ends inside an unterminated comment"):
        parse_bytes(b"<!-- never closed")


def test_a_missing_file_is_reported_by_name(tmp_path: Path) -> None:
    missing = tmp_path / "missing.eml.xml"
    with pytest.raises(EmlError, match=r"missing\.eml\.xml: cannot be read"):
        list(ParseStream(missing))
