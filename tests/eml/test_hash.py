"""The integrity hash: SHA-256 of the exact bytes, 16 groups of 4, two hidden groups.

Reference: eml-nl.md §8, and the Kiesraad's hash file for the Juinen training election.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eml.errors import EmlError
from eml.hash import (
    HashFileEntry,
    c14n_digest,
    digest_file,
    format_digest,
    groups_match,
    hidden_groups,
    masked,
    parse_digest,
    read_hash_file,
    write_hash_file,
)

digests = st.binary(min_size=32, max_size=32)


def test_the_reference_value_of_the_bytes_test() -> None:
    assert format_digest(hashlib.sha256(b"test").digest()) == (
        "9f86 d081 884c 7d65 9a2f eaa0 c55a d015 a3bf 4f1b 2b0b 822c d15d 6c15 b0f0 0a08"
    )


def test_the_juinen_files_match_the_kiesraad_hash_file(shared: Path) -> None:
    """The published hash file is UTF-8 with a byte-order mark; each hash is of the raw bytes."""
    folder = shared / "eml-nl" / "samples" / "juinen"
    entries = read_hash_file(folder / "Hashcodes-Juinen.txt")
    assert [entry.filename for entry in entries] == [
        "eml110a_verkiezingsdefinitie-juinen.eml.xml",
        "eml230b_kandidatenlijsten-juinen.eml.xml",
    ]
    for entry in entries:
        assert entry.digest == digest_file(folder / entry.filename)


@given(digests)
def test_one_hidden_group_is_among_the_first_eight_and_one_among_the_last_seven(
    digest: bytes,
) -> None:
    first, second = hidden_groups(digest)
    assert 0 <= first <= 7
    assert 9 <= second <= 15
    assert hidden_groups(digest) == (first, second)  # a reload shows the same gaps


@given(digests)
def test_the_masked_hash_hides_exactly_the_two_groups(digest: bytes) -> None:
    shown = masked(digest).split(" ")
    full = format_digest(digest).split(" ")
    hidden = hidden_groups(digest)
    assert len(shown) == 16
    for index, group in enumerate(shown):
        assert (group == "····") == (index in hidden)
        if index not in hidden:
            assert group == full[index]


@given(digests)
def test_typed_groups_match_regardless_of_case_and_spaces(digest: bytes) -> None:
    groups = format_digest(digest).split(" ")
    first, second = hidden_groups(digest)
    assert groups_match(digest, (f" {groups[first].upper()} ", groups[second]))
    assert not groups_match(digest, (groups[second], groups[first])) or (
        groups[first] == groups[second]
    )


def test_wrong_groups_do_not_match() -> None:
    digest = hashlib.sha256(b"test").digest()
    assert not groups_match(digest, ("0000", "0000"))


@given(digests)
def test_a_printed_hash_reads_back(digest: bytes) -> None:
    assert parse_digest(format_digest(digest)) == digest
    assert parse_digest(format_digest(digest).upper().replace(" ", "")) == digest


@pytest.mark.parametrize("text", ["", "9f86", "zz" * 32, "9f86 d081" * 9])
def test_text_that_is_not_a_hash_is_refused(text: str) -> None:
    with pytest.raises(ValueError, match="not a SHA-256 hash"):
        parse_digest(text)


def test_a_written_hash_file_reads_back(tmp_path: Path) -> None:
    entries = [
        HashFileEntry("a.eml.xml", hashlib.sha256(b"a").digest()),
        HashFileEntry("b.eml.xml", hashlib.sha256(b"b").digest()),
    ]
    path = tmp_path / "Hashcodes.txt"
    path.write_text(write_hash_file(entries), encoding="utf-8")
    assert list(read_hash_file(path)) == entries


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("hash a.eml.xml\n9f86\n", "expected a line 'eml_hash <file name>'"),
        ("eml_hash a.eml.xml\n", "has no hash after the line for a.eml.xml"),
        ("eml_hash a.eml.xml\n9f86 d081\n", "not a SHA-256 hash"),
    ],
)
def test_a_broken_hash_file_is_refused_with_the_reason(
    tmp_path: Path, text: str, reason: str
) -> None:
    path = tmp_path / "Hashcodes.txt"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(EmlError, match=reason):
        read_hash_file(path)


def test_the_canonical_hash_of_osv2020_ignores_formatting_but_not_content() -> None:
    """C14N (with comments) normalises attribute quotes and empty elements, so two spellings
    of one document share the canonical hash while their raw hashes differ."""
    one = b'<EML Id="510b"><A></A></EML>'
    two = b"<EML  Id='510b'><A/></EML>"
    other = b'<EML Id="510c"><A/></EML>'
    assert hashlib.sha256(one).digest() != hashlib.sha256(two).digest()
    assert c14n_digest(one) == c14n_digest(two)
    assert c14n_digest(one) != c14n_digest(other)


def test_real_osv2020_files_are_already_canonical(shared: Path) -> None:
    """The published files were written in canonical form: both hashes agree on them."""
    path = shared / "data" / "GR2022" / "Telling_GR2022_Ameland.eml.xml"
    data = path.read_bytes()
    assert c14n_digest(data) == hashlib.sha256(data).digest()
