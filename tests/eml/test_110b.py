"""Reading polling stations (EML 110b): real and sample files, invalid numbers, tolerated quirks.

The Kiesraad's 110b test files put a ``kr:NominationDate`` in the identifier and leave
``VotingMethod`` empty. The schema forbids both; the reader tolerates them (the content is clear)
and reading *with* schemas refuses them. Both behaviours are pinned here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from eml.documents import Authority, Eml110a, Eml110b, MessageType
from eml.errors import EmlContentError, EmlError, EmlSchemaError
from eml.read import read_eml
from eml.read.eml110b import mismatch_with_definition
from eml.xsd import SchemaSet
from osv.model import ElectionCategory, Location, PollingStationType
from tests.eml.sample_files import invalid_samples, valid_files

SAMPLES = "eml-nl/samples"
STATIONS = f"{SAMPLES}/kiesraad-tests/polling_stations"
ONE_STATION = f"{STATIONS}/eml110b_1_station.eml.xml"
JUINEN_110A = f"{SAMPLES}/juinen/eml110a_verkiezingsdefinitie-juinen.eml.xml"
JUINEN_110B = f"{SAMPLES}/juinen/eml110b_stembureaulijst-juinen.eml.xml"
TEST_110A = f"{SAMPLES}/abacus-tests/eml110a_test.eml.xml"

INVALID: dict[str, tuple[type[EmlError], str]] = {
    "eml110b_invalid_number_of_voters.eml.xml": (
        EmlContentError,
        "MaxVotes is 'test', which is not a whole number",
    ),
    "eml110b_invalid_polling_station_number_of_voters.xml": (
        EmlContentError,
        "the number of voters of polling station 1 is 'geen', which is not a whole number",
    ),
}


def read_stations(data: Path | bytes, source: str = "test.eml.xml") -> Eml110b:
    """Read ``data`` as a 110b and return the document."""
    document = read_eml(
        data, source=source, expect=frozenset({MessageType.POLLING_STATIONS})
    ).document
    assert isinstance(document, Eml110b)
    return document


def read_definition(path: Path) -> Eml110a:
    document = read_eml(path).document
    assert isinstance(document, Eml110a)
    return document


@pytest.mark.parametrize("relative", valid_files("110b"))
def test_every_valid_polling_station_file_is_read_with_unique_numbers(
    shared: Path, relative: str
) -> None:
    """All sample 110b files are accepted; their station numbers are distinct."""
    stations = read_stations(shared / relative).polling_stations
    numbers = [station.number for station in stations]
    assert len(numbers) == len(set(numbers))


def test_one_station_is_read_in_full(shared: Path) -> None:
    """Number, name, postal code and number of voters, and the municipality as reporting unit."""
    document = read_stations(shared / ONE_STATION)
    assert document.reporting_unit == Authority(id="0000", name="Test")
    assert document.header.managing_authority == Authority(id="0000", name="Test")
    assert document.contest_id == "geen"
    assert document.voting_method is None  # empty in the Kiesraad's test file
    assert document.max_votes == 612694
    (station,) = document.polling_stations
    assert station.number == 1
    assert station.name == "Stadhuis"
    assert station.postal_code == "1011 PN"
    assert station.number_of_voters == 1273
    assert station.channel == "polling"
    assert station.type is None
    assert station.locations == ()


def test_a_file_without_polling_places_is_read_as_zero_stations(shared: Path) -> None:
    """``eml110b_empty_polling_station`` has a contest but no PollingPlace: nothing to import."""
    document = read_stations(shared / STATIONS / "eml110b_empty_polling_station.eml.xml")
    assert document.polling_stations == ()
    assert document.identifier.id == "EP2024"


def test_juinen_lists_three_stations_in_file_order(shared: Path) -> None:
    """Juinen's 110b: three stations, numbered 1 to 3, ``SPV`` and 3,353 voters in all."""
    document = read_stations(shared / JUINEN_110B)
    assert [s.name for s in document.polling_stations] == [
        "Studio The Rules",
        "De Mattenklopper",
        "De Positivozaal",
    ]
    assert document.voting_method == "SPV"
    assert document.max_votes == 3353


@pytest.mark.parametrize("relative", invalid_samples("110b"), ids=lambda r: r.split("/")[-1])
def test_every_invalid_sample_is_refused_for_its_own_reason(shared: Path, relative: str) -> None:
    """A number of voters that is no whole number is refused, naming the element."""
    expected_class, reason = INVALID[relative.split("/")[-1]]
    with pytest.raises(EmlError) as caught:
        read_stations((shared / relative).read_bytes())
    assert type(caught.value) is expected_class
    assert reason in str(caught.value)


def test_no_invalid_sample_is_left_without_an_expected_reason() -> None:
    """Every invalid 110b sample has an expected reason above."""
    names = {relative.split("/")[-1] for relative in invalid_samples("110b")}
    assert names <= set(INVALID)


@pytest.mark.parametrize(("text", "shown"), [("drie", "'drie'"), ("-", "'-'"), ("1.5", "'1.5'")])
def test_a_number_of_voters_in_words_or_signs_is_refused(
    shared: Path, text: str, shown: str
) -> None:
    """Only digits count as a number of voters: not 'drie', not '-', not a fraction."""
    data = (shared / ONE_STATION).read_bytes().replace(b">1273<", f">{text}<".encode())
    with pytest.raises(EmlContentError) as caught:
        read_stations(data)
    assert f"the number of voters of polling station 1 is {shown}" in str(caught.value)


def test_two_stations_with_one_number_are_refused(shared: Path) -> None:
    """Polling station numbers identify counts later; a duplicate would merge two stations."""
    data = (shared / JUINEN_110B).read_bytes().replace(b'Id="2">2<', b'Id="1">2<')
    with pytest.raises(EmlContentError) as caught:
        read_stations(data)
    message = str(caught.value)
    assert message.startswith("test.eml.xml, line 39: ")  # the second PollingPlace
    assert "polling station number 1 is used twice (the first is on line 26)" in message
    assert "expected every polling station to have its own number" in message


def test_the_kiesraad_quirks_are_tolerated_without_schema_and_refused_with_it(
    shared: Path, schemas: SchemaSet
) -> None:
    """NominationDate in the identifier and an empty VotingMethod: read, but not schema-valid."""
    nomination = shared / STATIONS / "eml110b_test.eml.xml"
    assert read_stations(nomination).identifier.nomination_date is not None
    with pytest.raises(EmlSchemaError, match="NominationDate"):
        read_eml(nomination, schemas=schemas)
    empty_method = shared / ONE_STATION
    assert read_stations(empty_method).voting_method is None
    with pytest.raises(EmlSchemaError, match="VotingMethod"):
        read_eml(empty_method, schemas=schemas)


LOCATION_FILE = b"""<?xml version="1.0" encoding="UTF-8"?>
<EML xmlns="urn:oasis:names:tc:evs:schema:eml" xmlns:kr="http://www.kiesraad.nl/extensions"
     xmlns:sb="http://www.kiesraad.nl/sb-extensions"
     xmlns:xal="urn:oasis:names:tc:ciq:xsdschema:xAL:2.0" Id="110b" SchemaVersion="5">
  <TransactionId>1</TransactionId>
  <ManagingAuthority><AuthorityIdentifier Id="0042">Juinen</AuthorityIdentifier>
    <AuthorityAddress/></ManagingAuthority>
  <kr:CreationDateTime>2025-08-29T00:00:00</kr:CreationDateTime>
  <ElectionEvent><EventIdentifier/><Election>
    <ElectionIdentifier Id="GR2025_Juinen"><ElectionCategory>GR</ElectionCategory>
      <kr:ElectionDomain Id="0042">Juinen</kr:ElectionDomain>
      <kr:ElectionDate>2025-08-29</kr:ElectionDate></ElectionIdentifier>
    <Contest>
      <ContestIdentifier Id="geen"/>
      <ReportingUnit><ReportingUnitIdentifier Id="0042">Juinen</ReportingUnitIdentifier>
        </ReportingUnit>
      <VotingMethod>SPV</VotingMethod><MaxVotes>900</MaxVotes>
      <sb:MunicipalityContactDetails>verkiezingen@juinen.nl</sb:MunicipalityContactDetails>
      <sb:MunicipalityElectionSite>https://www.juinen.nl/stemmen</sb:MunicipalityElectionSite>
      <PollingPlace Channel="postal"><PhysicalLocation>
        <Address>
          <Locality><xal:LocalityName>Gemeentehuis</xal:LocalityName></Locality>
          <sb:Location>
            <sb:BAGId>0042010000000001</sb:BAGId>
            <sb:StreetName>Hoofdstraat</sb:StreetName><sb:Number>12</sb:Number>
            <sb:Letter>a</sb:Letter><sb:NumberAddition>bis</sb:NumberAddition>
            <sb:PostalCode>1234 AB</sb:PostalCode><sb:City>Juinen</sb:City>
            <sb:Latitude>52.0001</sb:Latitude><sb:Longitude>4.0001</sb:Longitude>
            <sb:Accessibility><sb:Accessible>true</sb:Accessible></sb:Accessibility>
          </sb:Location>
        </Address>
        <PollingStation Id="7">900</PollingStation>
        <kr:ReportingUnitType>Special</kr:ReportingUnitType>
        <kr:SharedLocation>false</kr:SharedLocation>
      </PhysicalLocation></PollingPlace>
    </Contest></Election></ElectionEvent>
</EML>
"""


def test_location_type_and_shared_location_are_read(schemas: SchemaSet) -> None:
    """``sb:Location`` fields OSV keeps, station type, channel and shared-location flag.

    Fields OSV does not keep (BAG id, coordinates) are skipped without error.
    """
    result = read_eml(LOCATION_FILE, schemas=schemas)
    assert result.validated
    document = result.document
    assert isinstance(document, Eml110b)
    assert document.contact_details == "verkiezingen@juinen.nl"
    assert document.election_site == "https://www.juinen.nl/stemmen"
    (station,) = document.polling_stations
    assert (station.number, station.number_of_voters, station.channel) == (7, 900, "postal")
    assert station.type is PollingStationType.SPECIAL
    assert station.shared_location is False
    assert station.locations == (
        Location(
            street_name="Hoofdstraat",
            house_number=12,
            house_letter="a",
            house_number_addition="bis",
            postal_code="1234 AB",
            city="Juinen",
            accessible=True,
        ),
    )


# --- does a 110b belong to an election definition? ---------------------------------------------


def test_a_110b_for_another_election_does_not_match_the_definition(shared: Path) -> None:
    """The EP2024 sample against the GR2022_Test definition: the election Id differs."""
    polling = read_stations(
        shared / SAMPLES / "abacus-tests/eml110b_not_matching_election_id.eml.xml"
    )
    definition = read_definition(shared / TEST_110A).election
    assert mismatch_with_definition(polling, definition) == (
        "the polling stations are for election EP2024, but the election definition is for "
        "GR2022_Test"
    )


@pytest.mark.parametrize(
    ("polling", "definition"),
    [
        (f"{SAMPLES}/abacus-tests/eml110b_test.eml.xml", TEST_110A),
        (JUINEN_110B, JUINEN_110A),
    ],
)
def test_a_110b_of_the_same_election_matches(shared: Path, polling: str, definition: str) -> None:
    """The matching pairs of samples give no reason."""
    assert (
        mismatch_with_definition(
            read_stations(shared / polling), read_definition(shared / definition).election
        )
        is None
    )


def test_a_110b_of_another_municipality_does_not_match_a_municipal_election(
    shared: Path,
) -> None:
    """For a GR the municipality sending the stations must be the election's domain."""
    polling = read_stations(shared / JUINEN_110B)
    other = polling.model_copy(update={"reporting_unit": Authority(id="0668", name="Elders")})
    reason = mismatch_with_definition(other, read_definition(shared / JUINEN_110A).election)
    assert reason == (
        "the polling stations are of municipality 0668, but the election is for municipality "
        "0042 (Juinen)"
    )


def test_a_110b_of_another_category_does_not_match(shared: Path) -> None:
    """Same Id but another category (an inconsistent file) is named as a category mismatch."""
    polling = read_stations(shared / JUINEN_110B)
    identifier = polling.identifier.model_copy(update={"category": ElectionCategory.PS})
    reason = mismatch_with_definition(
        polling.model_copy(update={"identifier": identifier}),
        read_definition(shared / JUINEN_110A).election,
    )
    assert reason == (
        "the polling stations are for a PS election, but the election definition is for a GR "
        "election"
    )
