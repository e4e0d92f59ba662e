"""Hostile and broken EML 510 input: each is refused with the right error naming file and problem.

The inputs are built as bytes here (from :mod:`tests.eml.count_files`, or by editing a real file's
bytes), one failure mode per test case, so the message of each refusal can be read in the test.
"""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from eml.errors import (
    EmlContentError,
    EmlError,
    EmlSyntaxError,
    EmlTypeError,
    EmlUnsafeError,
)
from eml.read import read_eml
from eml.read.eml510 import CountItem, iter_count
from eml.safe import Limits
from tests.eml.count_files import TAIL, count_file, selections, unit, vote_group

SOURCE = "Telling_test.eml.xml"


def _refused(data: bytes, kind: type[EmlError], limits: Limits | None = None) -> str:
    with pytest.raises(kind) as caught:
        read_eml(data, source=SOURCE, limits=limits)
    message = str(caught.value)
    assert message.startswith(SOURCE), message
    return message


def _unit_with(body: str | None = None, tail: str = TAIL, **kwargs: str) -> bytes:
    return count_file(units=[unit(group=vote_group(body, tail), **kwargs)])


# -- counts -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("-3", "is '-3'; a count must be a whole number from 0 to 999,999,999"),
        ("1000000000", "is '1000000000'; a count must be a whole number from 0 to 999,999,999"),
        ("12a", "is '12a', which is not a whole number"),
        ("", "is '', which is not a whole number"),
        ("1.5", "is '1.5', which is not a whole number"),
        ("٣", "is '٣', which is not a whole number"),  # an Arabic-Indic digit
    ],
)
def test_impossible_candidate_votes(value: str, shown: str) -> None:
    message = _refused(_unit_with(selections(candidate_4=value)), EmlContentError)
    assert f"ValidVotes of candidate 4 on list 2 in reporting unit 0668::SB1 {shown}" in message


def test_a_count_of_a_million_digits_is_refused_and_shortened() -> None:
    message = _refused(_unit_with(selections(candidate_4="9" * 100_000)), EmlContentError)
    assert "(100000 characters)" in message
    assert len(message) < 300


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("<Cast>100</Cast>", "<Cast>-1</Cast>", "Cast in reporting unit 0668::SB1 is '-1'"),
        (
            '"blanco">2<',
            '"blanco">x<',
            "RejectedVotes 'blanco' in reporting unit 0668::SB1 is 'x'",
        ),
        (
            '"toegelaten kiezers">93<',
            '"toegelaten kiezers">1e3<',
            "UncountedVotes 'toegelaten kiezers' in reporting unit 0668::SB1 is '1e3'",
        ),
    ],
)
def test_impossible_totals(old: str, new: str, expected: str) -> None:
    assert expected in _refused(_unit_with(tail=TAIL.replace(old, new)), EmlContentError)


def test_impossible_list_votes_in_the_total() -> None:
    body = selections().replace("<ValidVotes>40</ValidVotes>", "<ValidVotes>-40</ValidVotes>")
    message = _refused(count_file(total=vote_group(body)), EmlContentError)
    assert "ValidVotes of list 1 in TotalVotes of contest geen is '-40'" in message


# -- numbers and identities -----------------------------------------------------------------


def test_list_numbers_that_do_not_increase() -> None:
    message = _refused(_unit_with(selections(list_numbers=(2, 1))), EmlContentError)
    assert (
        "list numbers in reporting unit 0668::SB1 must increase: expected more than 2, found 1"
        in message
    )


def test_list_numbers_that_repeat() -> None:
    message = _refused(_unit_with(selections(list_numbers=(1, 1))), EmlContentError)
    assert "expected more than 1, found 1" in message


def test_candidate_numbers_that_do_not_increase() -> None:
    body = selections().replace('CandidateIdentifier Id="3"', 'CandidateIdentifier Id="1"')
    message = _refused(_unit_with(body), EmlContentError)
    assert (
        "candidate numbers on list 2 in reporting unit 0668::SB1 must increase: "
        "expected more than 2, found 1" in message
    )


@pytest.mark.parametrize("bad_id", ["0", "-1", "a", ""])
def test_list_number_that_is_not_a_positive_number(bad_id: str) -> None:
    message = _refused(_unit_with(selections(list_numbers=(1, bad_id))), EmlContentError)
    assert f"a list in reporting unit 0668::SB1 has Id {bad_id!r}" in message


def test_candidate_before_any_list() -> None:
    body = (
        '<Selection><Candidate><CandidateIdentifier Id="1"/></Candidate>'
        "<ValidVotes>1</ValidVotes></Selection>"
    )
    message = _refused(_unit_with(body + selections()), EmlContentError)
    assert "reporting unit 0668::SB1 has a candidate selection before any list" in message


def test_candidate_without_id_or_short_code() -> None:
    body = selections().replace('<CandidateIdentifier Id="4"/>', "<CandidateIdentifier/>")
    message = _refused(_unit_with(body), EmlContentError)
    assert "neither a CandidateIdentifier Id nor a ShortCode" in message


def test_referendum_option() -> None:
    body = '<Selection><ReferendumOptionIdentifier Id="ja"/><ValidVotes>1</ValidVotes></Selection>'
    message = _refused(_unit_with(body), EmlContentError)
    assert "referendum counts are not supported" in message


def test_duplicate_reporting_units() -> None:
    message = _refused(count_file(units=[unit(), unit()]), EmlContentError)
    assert "reporting unit 0668::SB1 appears twice in contest geen" in message


def test_several_units_without_a_total() -> None:
    data = count_file(total=None, units=[unit(), unit("0668::SB2")])
    assert "several ReportingUnitVotes but no TotalVotes" in _refused(data, EmlContentError)


def test_reporting_unit_without_identifier() -> None:
    data = count_file(units=[f"<ReportingUnitVotes>{vote_group()}</ReportingUnitVotes>"])
    message = _refused(data, EmlContentError)
    assert "reporting unit 1 of contest geen has no ReportingUnitIdentifier" in message


# -- reason codes ------------------------------------------------------------------------------


def test_unknown_rejected_reason() -> None:
    tail = TAIL.replace('"blanco"', '"onleesbaar"')
    message = _refused(_unit_with(tail=tail), EmlContentError)
    assert "RejectedVotes in reporting unit 0668::SB1 has ReasonCode 'onleesbaar'" in message
    assert "expected one of: ongeldig, blanco" in message


def test_unknown_uncounted_reason() -> None:
    tail = TAIL.replace('"geldige stempassen"', '"gevonden stembiljetten"')
    message = _refused(_unit_with(tail=tail), EmlContentError)
    assert "has ReasonCode 'gevonden stembiljetten'" in message


def test_repeated_reason() -> None:
    tail = TAIL.replace('"ongeldig"', '"blanco"')
    message = _refused(_unit_with(tail=tail), EmlContentError)
    assert "more than one RejectedVotes with ReasonCode 'blanco'" in message


def test_missing_blank_votes() -> None:
    tail = TAIL.replace('<RejectedVotes ReasonCode="blanco">2</RejectedVotes>', "")
    message = _refused(_unit_with(tail=tail), EmlContentError)
    assert "reporting unit 0668::SB1 has no RejectedVotes with ReasonCode 'blanco'" in message


def test_unknown_investigation_reason() -> None:
    after = (
        '<kr:ReportingUnitInvestigations><kr:Investigation ReasonCode="geen idee">true'
        "</kr:Investigation></kr:ReportingUnitInvestigations>"
    )
    message = _refused(_unit_with(after=after), EmlContentError)
    assert "Investigation in reporting unit 0668::SB1 has ReasonCode 'geen idee'" in message


# -- structure --------------------------------------------------------------------------------


def test_missing_contests() -> None:
    data = count_file(contests="").replace(b"<Contests></Contests>", b"")
    assert "Count has no Election with Contests" in _refused(data, EmlContentError)


def test_empty_contests() -> None:
    assert "Contests has no Contest" in _refused(count_file(contests=""), EmlContentError)


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("<Contests>", "<Contests></Contests><Contests>", "more than one Contests"),
        ("</Election>", "</Election><Election/>", "Count has more than one Election"),
        ("</Count>", "</Count><Count/>", "more than one Count"),
        ("<Contests>", "<ElectionIdentifier/><Contests>", "more than one ElectionIdentifier"),
    ],
)
def test_repeated_containers(old: str, new: str, expected: str) -> None:
    data = count_file().replace(old.encode(), new.encode(), 1)
    assert expected in _refused(data, EmlContentError)


def test_votes_outside_a_contest_are_not_skipped() -> None:
    data = count_file(contests=f"<Contest><ContestIdentifier Id='geen'/>{unit()}</Contest>{unit()}")
    assert "ReportingUnitVotes is not expected inside Contests" in _refused(data, EmlContentError)


@pytest.mark.parametrize(
    ("what", "limits", "expected"),
    [
        ("units", Limits(max_reporting_units=2), "more than 2 reporting units, the limit"),
        ("lists", Limits(max_lists=1), "TotalVotes of contest geen has more than 1 lists"),
        ("candidates", Limits(max_candidates_per_list=3), "list 2 in TotalVotes of contest geen"),
    ],
)
def test_limits(what: str, limits: Limits, expected: str) -> None:
    data = count_file(units=[unit("0668::SB1"), unit("0668::SB2"), unit("0668::SB3")])
    assert expected in _refused(data, EmlContentError, limits)


# -- the file as a whole ------------------------------------------------------------------------


def _half_of_delft(shared: Path, *, at_tag_end: bool) -> bytes:
    data = (shared / "data/GR2022/Telling_GR2022_Delft.eml.xml").read_bytes()
    half = len(data) // 2
    return data[: data.index(b">", half) + 1] if at_tag_end else data[:half]


def test_truncated_file(shared: Path) -> None:
    message = _refused(_half_of_delft(shared, at_tag_end=True), EmlSyntaxError)
    assert "is truncated" in message


def test_file_truncated_inside_a_tag(shared: Path) -> None:
    """Cut inside an end tag, libxml2 reports a tag mismatch; still a syntax error."""
    _refused(_half_of_delft(shared, at_tag_end=False), EmlSyntaxError)


def test_truncated_stream_raises_after_some_items(shared: Path) -> None:
    stream = iter_count(_half_of_delft(shared, at_tag_end=True), source=SOURCE)
    seen: list[CountItem] = []
    with pytest.raises(EmlSyntaxError, match="truncated"):
        seen.extend(stream)
    assert len(seen) > 10  # units before the cut were yielded; the caller must drop them


@pytest.mark.parametrize(
    "data",
    [
        b"<foo/>",
        b'<EML xmlns="urn:example:other" Id="510b"/>',
        b"<html><body>not EML</body></html>",
    ],
)
def test_wrong_root(data: bytes) -> None:
    assert "has root element" in _refused(data, EmlTypeError)


def test_unknown_eml_id() -> None:
    message = _refused(count_file(root_id="630"), EmlTypeError)
    assert "has EML Id '630', which OSV does not read" in message


_XXE = b"""<?xml version="1.0"?>
<!DOCTYPE EML [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<EML xmlns="urn:oasis:names:tc:evs:schema:eml" Id="510b"><TransactionId>&xxe;</TransactionId></EML>
"""
_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<EML xmlns="urn:oasis:names:tc:evs:schema:eml" Id="510b">&lol3;</EML>
"""
_EXTERNAL_DTD = b"""<?xml version="1.0"?>
<!DOCTYPE EML SYSTEM "http://example.org/eml.dtd">
<EML xmlns="urn:oasis:names:tc:evs:schema:eml" Id="510b"/>
"""


@pytest.mark.parametrize("data", [_XXE, _LAUGHS, _EXTERNAL_DTD], ids=["xxe", "laughs", "dtd"])
def test_document_type_declarations(data: bytes) -> None:
    assert "document type declaration" in _refused(data, EmlUnsafeError)


def test_entity_reference_without_declaration() -> None:
    data = count_file().replace(b"<TransactionId>1", b"<TransactionId>&xxe;")
    _refused(data, EmlError)


def test_declared_latin_1() -> None:
    data = count_file().replace(b'encoding="UTF-8"', b'encoding="ISO-8859-1"')
    assert "declares the encoding ISO-8859-1" in _refused(data, EmlSyntaxError)


def test_utf_16() -> None:
    data = count_file().decode().replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16")
    assert "UTF-16" in _refused(data, EmlSyntaxError)


def test_invalid_utf_8_bytes() -> None:
    data = count_file().replace(b"Gemeentehuis", b"Gemeente\xe9huis")
    assert "UTF-8" in _refused(data, EmlSyntaxError)


# -- any edit --------------------------------------------------------------------------------

_VALUES = ["", "-1", "0", "7", "x", "1000000000", " 7 ", "geen", "blanco", "true", "0668::SB1"]
_EDITS = st.lists(
    st.tuples(st.integers(1, 10_000), st.integers(0, 4), st.sampled_from(_VALUES)),
    min_size=1,
    max_size=4,
)


def _edit(data: bytes, edits: list[tuple[int, int, str]]) -> bytes:
    """Change texts and attributes, drop, repeat or move elements of a well-formed file."""
    root = etree.fromstring(data)
    elements = list(root.iter())[1:]
    for index, operation, value in edits:
        element = elements[index % len(elements)]
        parent = element.getparent()
        if operation == 0:
            element.text = value
        elif operation == 1:
            element.set("Id" if not element.attrib else next(iter(element.attrib)), value)
        elif parent is not None and operation == 2:
            parent.remove(element)
        elif parent is not None and operation == 3:
            element.addnext(copy.deepcopy(element))
        elif parent is not None:
            sibling = elements[(index * 7) % len(elements)]
            related = element in sibling.iterancestors() or sibling in element.iterancestors()
            if sibling is not element and not related and sibling.getparent() is not None:
                sibling.addnext(element)
    return etree.tostring(root)


@given(_EDITS)
def test_any_edit_is_read_or_refused_with_an_eml_error(edits: list[tuple[int, int, str]]) -> None:
    """Well-formed but arbitrary content never escapes as another exception type."""
    data = _edit(count_file(), edits)
    problem: EmlError | None = None
    try:
        read_eml(data, source=SOURCE)
    except EmlError as error:
        problem = error
    assert problem is None or str(problem).startswith(SOURCE)
