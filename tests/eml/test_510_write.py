"""Writing EML 510: schema order, formatting, determinism, and the streamed bytes."""

from __future__ import annotations

import datetime as dt
from io import BytesIO

import pytest
from lxml import etree

from eml import ns
from eml.documents import Authority, CountingMethod, Eml510, EmlHeader, MessageType, Phase
from eml.write import write_eml
from eml.write.common import to_bytes as serialise
from eml.write.eml510 import to_bytes, to_tree, write_to
from eml.xsd import SchemaSet
from osv.model import (
    CandidateVotes,
    ContestCount,
    ElectionCategory,
    ElectionIdentifier,
    Investigation,
    InvestigationReason,
    ListVotes,
    PollingStationType,
    RejectedReason,
    ReportingUnitVotes,
    UncountedReason,
    VoteCounts,
)

_VOTES = VoteCounts(
    lists=(
        ListVotes(
            number=2,
            name="Partij & Co",
            votes=50,
            initial_votes=49,
            candidates=(
                CandidateVotes(number=1, short_code="BakkerA", votes=30, initial_votes=29),
                CandidateVotes(short_code="JansenB2", votes=20),
            ),
        ),
    ),
    cast=1000,
    total_counted=50,
    rejected={RejectedReason.BLANK: 2, RejectedReason.INVALID: 1},
    uncounted={
        UncountedReason.OTHER_EXPLANATION: 0,
        UncountedReason.ADMITTED_VOTERS: 53,
        UncountedReason.POLL_CARDS: 53,
    },
    initial_cast=999,
    initial_total_counted=49,
    initial_rejected={RejectedReason.BLANK: 3, RejectedReason.INVALID: 0},
    initial_uncounted={UncountedReason.ADMITTED_VOTERS: 52},
)

_UNIT = ReportingUnitVotes(
    id="0668::SB1",
    name="Stembureau Gemeentehuis",
    type=PollingStationType.SPECIAL,
    shared_location=False,
    votes=_VOTES,
    investigations=(
        Investigation(reason=InvestigationReason.UNEXPLAINED_DIFFERENCE, value=True),
        Investigation(reason=InvestigationReason.RESULT_CORRECTED, value=False),
    ),
)

DOCUMENT = Eml510(
    message_type=MessageType.COUNT_MUNICIPALITY,
    header=EmlHeader(
        managing_authority=Authority(id="0668", name="West Maas en Waal"),
        creation_date_time=dt.datetime(2022, 3, 17, 1, 32, 49, 834_000),
        canonicalization=True,
    ),
    counting_method=CountingMethod.DECENTRAL,
    phase=Phase.CORRIGENDUM,
    identifier=ElectionIdentifier(
        id="GR2022_WestMaasenWaal",
        category=ElectionCategory.GR,
        election_date=dt.date(2022, 3, 16),
    ),
    contests=(
        ContestCount(
            contest_id="geen",
            total=_VOTES,
            reporting_units=(_UNIT, _UNIT.model_copy(update={"id": "0668::SB2"})),
        ),
    ),
)


def _local(element: etree._Element) -> str:
    prefix = "kr:" if etree.QName(element).namespace == ns.KR else ""
    return prefix + etree.QName(element).localname


def _unit_element() -> etree._Element:
    root = etree.fromstring(to_bytes(DOCUMENT))
    found = root.find(f".//{ns.eml('ReportingUnitVotes')}")
    assert found is not None
    return found


def test_reporting_unit_children_are_in_schema_order() -> None:
    children = [_local(child) for child in _unit_element()]
    assert children == [
        "ReportingUnitIdentifier",
        "kr:ReportingUnitType",
        "kr:SharedLocation",
        "Selection",
        "Selection",
        "Selection",
        "kr:InitialCast",
        "Cast",
        "kr:InitialTotalCounted",
        "TotalCounted",
        "kr:InitialRejectedVotes",
        "kr:InitialRejectedVotes",
        "RejectedVotes",
        "RejectedVotes",
        "kr:InitialUncountedVotes",
        "UncountedVotes",
        "UncountedVotes",
        "UncountedVotes",
        "kr:ReportingUnitInvestigations",
    ]


def test_reason_codes_in_enum_order() -> None:
    unit = _unit_element()
    rejected = [e.get("ReasonCode") for e in unit.iter(ns.eml("RejectedVotes"))]
    uncounted = [e.get("ReasonCode") for e in unit.iter(ns.eml("UncountedVotes"))]
    assert rejected == ["ongeldig", "blanco"]
    assert uncounted == ["geldige stempassen", "toegelaten kiezers", "andere verklaring"]


def test_selections_list_then_candidates_with_initial_before_valid() -> None:
    first, second, third = _unit_element().iterchildren(ns.eml("Selection"))
    assert [_local(e) for e in first] == [
        "AffiliationIdentifier",
        "kr:InitialValidVotes",
        "ValidVotes",
    ]
    assert [_local(e) for e in second] == ["Candidate", "kr:InitialValidVotes", "ValidVotes"]
    identifier = second.find(f"{ns.eml('Candidate')}/{ns.eml('CandidateIdentifier')}")
    assert identifier is not None
    # As the Kiesraad's TK2023 510d has them: Id and ShortCode as attributes.
    assert identifier.get("Id") == "1"
    assert identifier.get("ShortCode") == "BakkerA"
    assert identifier.find(ns.eml("ShortCode")) is None
    short_only = third.find(f"{ns.eml('Candidate')}/{ns.eml('CandidateIdentifier')}")
    assert short_only is not None
    assert short_only.get("Id") is None


def test_count_element_order_and_header() -> None:
    root = etree.fromstring(to_bytes(DOCUMENT))
    assert [_local(e) for e in root] == [
        "TransactionId",
        "ManagingAuthority",
        "kr:CreationDateTime",
        "CanonicalizationMethod",
        "Count",
    ]
    count = root[-1]
    assert [_local(e) for e in count] == [
        "kr:CountingMethod",
        "EventIdentifier",
        "kr:Phase",
        "Election",
    ]
    assert count[1].text is None
    assert len(count[1]) == 0


def test_formatting_declaration_indentation_and_newline() -> None:
    data = to_bytes(DOCUMENT)
    assert data.startswith(b"<?xml version='1.0' encoding='UTF-8'?>\n<EML ")
    assert b"\n    <TransactionId>1</TransactionId>\n" in data
    assert b"\n                    <ReportingUnitVotes>\n" in data
    assert data.endswith(b"</EML>\n")
    assert b"Partij &amp; Co" in data


def test_output_is_deterministic() -> None:
    assert to_bytes(DOCUMENT) == to_bytes(DOCUMENT.model_copy(deep=True))


def test_streamed_bytes_equal_the_whole_tree() -> None:
    assert to_bytes(DOCUMENT) == serialise(to_tree(DOCUMENT))


def test_write_to_a_file_object() -> None:
    out = BytesIO()
    write_to(DOCUMENT, out)
    assert out.getvalue() == to_bytes(DOCUMENT)


def test_output_validates(schemas: SchemaSet) -> None:
    write_eml(DOCUMENT, schemas=schemas)


def test_contest_without_total_needs_exactly_one_unit() -> None:
    contest = DOCUMENT.contests[0].model_copy(update={"total": None})
    with pytest.raises(ValueError, match="has no total and 2 reporting units"):
        to_bytes(DOCUMENT.model_copy(update={"contests": (contest,)}))


def test_both_rejected_reasons_are_required() -> None:
    votes = _VOTES.model_copy(update={"rejected": {RejectedReason.BLANK: 1}})
    contest = ContestCount(contest_id="geen", total=votes)
    with pytest.raises(ValueError, match="no RejectedVotes ongeldig"):
        to_bytes(DOCUMENT.model_copy(update={"contests": (contest,)}))
