"""Reading EML 510 count files: real files, the Kiesraad's samples and small built variants."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from eml.documents import CountingMethod, Eml510, MessageType, Phase
from eml.errors import EmlSchemaError, EmlTypeError
from eml.read import ReadResult, open_stream, read_eml, root_element
from eml.read.common import Reader
from eml.read.eml510 import CountItem, from_events, iter_count
from eml.xsd import SchemaSet
from osv.model import (
    CandidateVotes,
    Investigation,
    InvestigationReason,
    PollingStationType,
    RejectedReason,
    ReportingUnitVotes,
    UncountedReason,
    VoteCounts,
)
from tests.eml.count_files import TAIL, count_file, unit, vote_group

AMELAND = "data/GR2022/Telling_GR2022_Ameland.eml.xml"
DELFT = "data/GR2022/Telling_GR2022_Delft.eml.xml"
TK2025 = "data/TK2025/Telling_TK2025_gemeente_West_Maas_en_Waal.eml.xml"
SAMPLES = "eml-nl/samples/kiesraad-tests"
INVESTIGATIONS = f"{SAMPLES}/eml510b_with_investigations.eml.xml"


def _count(result: ReadResult) -> Eml510:
    assert isinstance(result.document, Eml510)
    return result.document


def test_ameland_has_header_identifier_and_six_polling_stations(shared: Path) -> None:
    document = _count(read_eml(shared / AMELAND))
    assert document.message_type is MessageType.COUNT_MUNICIPALITY
    assert document.header.managing_authority is not None
    assert document.header.managing_authority.id == "0060"
    assert document.header.canonicalization
    assert document.identifier.id == "GR2022_Ameland"
    (contest,) = document.contests
    assert contest.contest_id == "geen"
    assert contest.contest_name is None
    assert len(contest.reporting_units) == 6


def test_ameland_total_matches_the_numbers_in_eml_nl_md(shared: Path) -> None:
    """eml-nl.md §6.4: TotalCounted = 2159, Cast = 3054, D = 2175, F = 13, G = 3."""
    total = _count(read_eml(shared / AMELAND)).contests[0].total
    assert total is not None
    assert (total.cast, total.total_counted) == (3054, 2159)
    assert total.rejected == {RejectedReason.INVALID: 3, RejectedReason.BLANK: 13}
    assert total.uncounted[UncountedReason.ADMITTED_VOTERS] == 2175
    assert len(total.uncounted) == 11  # OSV2020 writes 11 of the 14 codes
    assert total.lists[0].number == 1
    assert total.lists[0].name == "AmelandEén"
    assert total.lists[0].votes == 787


def test_ameland_first_polling_station(shared: Path) -> None:
    first = _count(read_eml(shared / AMELAND)).contests[0].reporting_units[0]
    assert first.id == "0060::SB1"
    assert first.name == "Stembureau Ballum (postcode: 9162 EA)"
    assert first.votes.lists[0].votes == 93
    assert first.votes.lists[0].candidates[0] == CandidateVotes(number=1, votes=47)


def test_tk2025_contest_is_the_district_with_its_name_and_box_c(shared: Path) -> None:
    document = _count(read_eml(shared / TK2025))
    (contest,) = document.contests
    assert (contest.contest_id, contest.contest_name) == ("6", "Nijmegen")
    assert len(contest.reporting_units) == 11
    assert contest.total is not None
    assert contest.total.uncounted[UncountedReason.VOTER_CARDS] == 40  # C, kiezerspassen


def test_510d_sample_is_a_total_count(shared: Path) -> None:
    document = _count(read_eml(shared / SAMPLES / "deserialize_eml510d_test.eml.xml"))
    assert document.message_type is MessageType.COUNT_TOTAL
    assert document.contests[0].reporting_units[0].id == "9999"


def test_investigations_before_the_selections_are_read(shared: Path) -> None:
    """The sample puts kr:ReportingUnitInvestigations first; the reader tolerates that."""
    (unit_votes,) = _count(read_eml(shared / INVESTIGATIONS)).contests[0].reporting_units
    assert unit_votes.id == "HSB1::1234"
    assert unit_votes.investigations == (
        Investigation(reason=InvestigationReason.ADMITTED_VOTERS_RECOUNTED, value=True),
        Investigation(reason=InvestigationReason.OTHER_REASON, value=False),
        Investigation(reason=InvestigationReason.BALLOTS_PARTLY_RECOUNTED, value=False),
    )
    assert unit_votes.votes.lists[0].votes == 100


def test_investigations_before_the_selections_are_refused_by_the_schema(
    shared: Path, schemas: SchemaSet
) -> None:
    with pytest.raises(EmlSchemaError, match="ReportingUnitInvestigations"):
        read_eml(shared / INVESTIGATIONS, schemas=schemas)


def test_investigations_after_the_selections_read_the_same(
    shared: Path, schemas: SchemaSet
) -> None:
    """Moved to the schema's place (last), the investigations give the same reporting unit."""
    data = (shared / INVESTIGATIONS).read_bytes()
    start = data.index(b"<kr:ReportingUnitInvestigations>")
    end = data.index(b"</kr:ReportingUnitInvestigations>") + len(
        b"</kr:ReportingUnitInvestigations>"
    )
    block = data[start:end]
    moved = data[:start] + data[end:]
    close = moved.index(b"</ReportingUnitVotes>")
    moved = moved[:close] + block + moved[close:]
    first = _count(read_eml(shared / INVESTIGATIONS)).contests[0].reporting_units
    assert _count(read_eml(moved, schemas=schemas)).contests[0].reporting_units == first


def test_unit_type_shared_location_short_codes_and_ignored_candidate_details(
    schemas: SchemaSet,
) -> None:
    """Only the candidate's Id and ShortCode are kept; name, gender and address are ignored."""
    body = (
        '<Selection><AffiliationIdentifier Id="3"><RegisteredName>X</RegisteredName>'
        "</AffiliationIdentifier><ValidVotes>9</ValidVotes></Selection>"
        '<Selection><Candidate><CandidateIdentifier Id="1"><ShortCode>BakkerA</ShortCode>'
        "</CandidateIdentifier><CandidateFullName><xnl:PersonName "
        'xmlns:xnl="urn:oasis:names:tc:ciq:xsdschema:xNL:2.0"><xnl:LastName>Bakker</xnl:LastName>'
        "</xnl:PersonName></CandidateFullName><Gender>female</Gender></Candidate>"
        "<ValidVotes>5</ValidVotes></Selection>"
        "<Selection><Candidate><CandidateIdentifier><ShortCode>JansenB2</ShortCode>"
        "</CandidateIdentifier></Candidate><ValidVotes>4</ValidVotes></Selection>"
    )
    before = (
        "<kr:ReportingUnitType>Mobile</kr:ReportingUnitType>"
        "<kr:SharedLocation>true</kr:SharedLocation>"
    )
    data = count_file(units=[unit(group=vote_group(body), before=before)])
    (unit_votes,) = _count(read_eml(data, schemas=schemas)).contests[0].reporting_units
    assert unit_votes.type is PollingStationType.MOBILE
    assert unit_votes.shared_location is True
    assert unit_votes.votes.lists[0].candidates == (
        CandidateVotes(number=1, short_code="BakkerA", votes=5),
        CandidateVotes(short_code="JansenB2", votes=4),
    )
    assert unit_votes.votes.lists[0].candidates[1].key == "JansenB2"


def test_corrigendum_initial_values(schemas: SchemaSet) -> None:
    body = (
        '<Selection><AffiliationIdentifier Id="1"><RegisteredName>X</RegisteredName>'
        "</AffiliationIdentifier><kr:InitialValidVotes>8</kr:InitialValidVotes>"
        "<ValidVotes>9</ValidVotes></Selection>"
        '<Selection><Candidate><CandidateIdentifier Id="1"/></Candidate>'
        "<kr:InitialValidVotes>7</kr:InitialValidVotes><ValidVotes>9</ValidVotes></Selection>"
    )
    tail = (
        "<kr:InitialCast>99</kr:InitialCast><Cast>100</Cast>"
        "<kr:InitialTotalCounted>8</kr:InitialTotalCounted><TotalCounted>9</TotalCounted>"
        '<kr:InitialRejectedVotes ReasonCode="blanco">3</kr:InitialRejectedVotes>'
        '<RejectedVotes ReasonCode="ongeldig">0</RejectedVotes>'
        '<RejectedVotes ReasonCode="blanco">2</RejectedVotes>'
        '<kr:InitialUncountedVotes ReasonCode="toegelaten kiezers">10</kr:InitialUncountedVotes>'
        '<UncountedVotes ReasonCode="toegelaten kiezers">11</UncountedVotes>'
    )
    data = count_file(
        count_start='<EventIdentifier/><kr:Phase PhaseCode="corrigendum"/>',
        units=[unit(group=vote_group(body, tail))],
    )
    document = _count(read_eml(data, schemas=schemas))
    assert document.phase is Phase.CORRIGENDUM
    votes = document.contests[0].reporting_units[0].votes
    assert votes.lists[0].initial_votes == 8
    assert votes.lists[0].candidates[0].initial_votes == 7
    assert (votes.initial_cast, votes.initial_total_counted) == (99, 8)
    assert votes.initial_rejected == {RejectedReason.BLANK: 3}
    assert votes.initial_uncounted == {UncountedReason.ADMITTED_VOTERS: 10}


def test_counting_method_and_counts_with_white_space_plus_and_leading_zeros() -> None:
    tail = TAIL.replace("<Cast>100</Cast>", "<Cast> +0100 </Cast>")
    data = count_file(
        count_start='<kr:CountingMethod MethodCode="centrale stemopneming"/><EventIdentifier/>',
        total=vote_group(tail=tail),
    )
    document = _count(read_eml(data))
    assert document.counting_method is CountingMethod.CENTRAL
    total = document.contests[0].total
    assert total is not None
    assert total.cast == 100


def test_contest_with_a_single_unit_and_no_total(schemas: SchemaSet) -> None:
    (contest,) = _count(read_eml(count_file(total=None), schemas=schemas)).contests
    assert contest.total is None
    assert [unit_votes.id for unit_votes in contest.reporting_units] == ["0668::SB1"]


def test_two_contests_are_read_in_order() -> None:
    contests = "".join(
        f'<Contest><ContestIdentifier Id="{number}"><ContestName>Kring {number}</ContestName>'
        f"</ContestIdentifier><TotalVotes>{vote_group()}</TotalVotes>{unit()}</Contest>"
        for number in (1, 2)
    )
    document = _count(read_eml(count_file(contests=contests)))
    assert [(c.contest_id, c.contest_name) for c in document.contests] == [
        ("1", "Kring 1"),
        ("2", "Kring 2"),
    ]
    assert all(len(c.reporting_units) == 1 for c in document.contests)


# -- the stream -------------------------------------------------------------------------------


def test_stream_knows_the_header_before_the_first_item(shared: Path) -> None:
    stream = iter_count(shared / TK2025)
    assert stream.identifier.id == "TK2025"
    assert stream.header is not None
    assert stream.message_type is MessageType.COUNT_MUNICIPALITY
    first = next(stream)
    assert (first.contest_id, first.contest_name, first.kind) == ("6", "Nijmegen", "total")
    assert isinstance(first.votes, VoteCounts)


def test_stream_items_equal_the_document_and_give_the_digest(shared: Path) -> None:
    path = shared / AMELAND
    stream = iter_count(path)
    with pytest.raises(RuntimeError, match="whole file"):
        _ = stream.digest
    items = list(stream)
    assert stream.digest == hashlib.sha256(path.read_bytes()).digest()
    assert stream.size == path.stat().st_size
    contest = _count(read_eml(path)).contests[0]
    assert items == [
        CountItem("geen", None, "total", contest.total),
        *(CountItem("geen", None, "unit", u) for u in contest.reporting_units),
    ]


def test_stream_aggregates_without_holding_units(shared: Path, schemas: SchemaSet) -> None:
    """Summing D over the units equals D of the total (true for this real file)."""
    stream = iter_count(shared / DELFT, schemas=schemas)
    total: VoteCounts | None = None
    admitted = 0
    for item in stream:
        if isinstance(item.votes, ReportingUnitVotes):
            admitted += item.votes.votes.uncounted[UncountedReason.ADMITTED_VOTERS]
        else:
            total = item.votes
    assert total is not None
    assert admitted == total.uncounted[UncountedReason.ADMITTED_VOTERS]
    assert stream.validated


def test_stream_refuses_other_message_types(shared: Path) -> None:
    with pytest.raises(EmlTypeError, match="is an EML 520 file, but a count"):
        iter_count(shared / "data/GR2022/Resultaat_GR2022_Ameland.eml.xml")


# -- memory -----------------------------------------------------------------------------------


def test_reading_delft_keeps_the_xml_tree_small(shared: Path) -> None:
    """After reading 3.6 MB (115,000 elements) only the header and empty containers remain."""
    stream = open_stream(shared / DELFT)
    events = iter(stream)
    root, message_type = root_element(events, stream)
    document = from_events(Reader(stream.source), message_type, root, events, stream.limits)
    assert len(document.contests[0].reporting_units) == 66
    remaining = sum(1 for _ in root.iter())
    assert remaining < 40, f"{remaining} elements remain in the tree"
