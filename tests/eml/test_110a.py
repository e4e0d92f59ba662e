"""Reading election definitions (EML 110a): real files, the Kiesraad's invalid samples, variants.

The invalid samples of the Kiesraad (rust-eml-nl and Abacus test files) each break one rule; the
reader must refuse each one *for that rule*, so every test asserts a distinctive part of the
message and the exception class, not merely that something went wrong.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from eml.documents import Eml110a, MessageType
from eml.errors import EmlContentError, EmlError, EmlSchemaError, EmlSyntaxError
from eml.read import read_eml
from eml.xsd import SchemaSet
from osv.model import CommitteeCategory, ElectionCategory, ElectionSubcategory, RegionCategory
from osv.model.rules import expected_preference_threshold
from tests.eml.sample_files import invalid_samples, valid_files

SAMPLES = "eml-nl/samples"
TEST_DEFINITION = f"{SAMPLES}/kiesraad-tests/election_definition/eml110a_test.eml.xml"
TK_DEFINITION = (
    f"{SAMPLES}/abacus-tests/eml110a_invalid_election_limited_elections_supported.eml.xml"
)

#: Each invalid sample, with the exception class and a distinctive part of the reason.
INVALID: dict[str, tuple[type[EmlError], str]] = {
    "eml110a_invalid_election_category_and_sub_category_mismatch.eml.xml": (
        EmlContentError,
        "kr:ElectionSubcategory does not belong to ElectionCategory GR: expected one of GR1, "
        "GR2, found AB2",
    ),
    # A TK definition: OSV supports TK, but this one names an ElectionDomain (and puts the CSB
    # in a GEMEENTE region); the domain is the first fault.
    "eml110a_invalid_election_limited_elections_supported.eml.xml": (
        EmlContentError,
        "a TK election is national and has no kr:ElectionDomain: expected none, found 'Test'",
    ),
    "eml110a_invalid_election_missing_election_domain.eml.xml": (
        EmlContentError,
        "has no kr:ElectionDomain: a GR election is held in a municipality",
    ),
    "eml110a_invalid_election_date_format.eml.xml": (
        EmlContentError,
        "ElectionDate is '2022-16', not a date",
    ),
    "eml110a_invalid_election_date_nomination_format.eml.xml": (
        EmlContentError,
        "NominationDate is '2022-31', not a date",
    ),
    "eml110a_invalid_election_mismatch_preference_threshold.eml.xml": (
        EmlContentError,
        "kr:PreferenceThreshold does not fit GR with 45 seats (19 or more, Kieswet P 15): "
        "expected 25, found 50",
    ),
    "eml110a_invalid_election_mismatch_preference_threshold_small_election.eml.xml": (
        EmlContentError,
        "kr:PreferenceThreshold does not fit GR with 9 seats (fewer than 19, "
        "Kieswet P 15): "
        "expected 50, found 25",
    ),
    "eml110a_invalid_election_missing_election_tree.eml.xml": (
        EmlContentError,
        "has no kr:ElectionTree",
    ),
    "eml110a_invalid_election_missing_nomination_date.eml.xml": (
        EmlContentError,
        "has no kr:NominationDate",
    ),
    "eml110a_invalid_election_missing_number_of_seats.eml.xml": (
        EmlContentError,
        "has no kr:NumberOfSeats",
    ),
    "eml110a_invalid_election_missing_preference_threshold.eml.xml": (
        EmlContentError,
        "has no kr:PreferenceThreshold: expected 25",
    ),
    "eml110a_invalid_election_missing_region.eml.xml": (
        EmlContentError,
        "the kr:ElectionTree has no region with the centraal stembureau: expected a GEMEENTE "
        "region with a kr:Committee CSB, found none",
    ),
    "eml110a_invalid_election_missing_subcategory.eml.xml": (
        EmlContentError,
        "has no kr:ElectionSubcategory: expected one of GR1, GR2 for category GR, found none",
    ),
    "eml110a_invalid_election_number_of_seats.eml.xml": (
        EmlContentError,
        "kr:ElectionSubcategory does not fit 9 seats: expected GR1, found GR2",
    ),
    "eml110a_invalid_election_number_of_seats_out_of_range.eml.xml": (
        EmlContentError,
        "kr:NumberOfSeats is outside the lawful range for GR: expected 9 to 45, found 250",
    ),
    # Another TK definition (the library that wrote it supported only GR): it lacks the
    # subcategory, which is the first fault OSV finds.
    "eml110a_invalid_election_only_municipal_supported.eml.xml": (
        EmlContentError,
        "has no kr:ElectionSubcategory: expected TK for category TK, found none",
    ),
    "eml110a_invalid_election_subcategory.eml.xml": (
        EmlContentError,
        "kr:ElectionSubcategory does not fit 45 seats: expected GR2, found GR1",
    ),
    "eml110a_invalid_election_voting_method.eml.xml": (
        EmlContentError,
        "VotingMethod must be SPV (one preferential vote per voter): expected SPV, found 'EPV'",
    ),
    "eml110a_invalid_xml.eml.xml": (EmlSyntaxError, "is not well-formed XML"),
}


def read_definition(data: Path | bytes, source: str = "test.eml.xml") -> Eml110a:
    """Read ``data`` as a 110a and return the document."""
    document = read_eml(
        data, source=source, expect=frozenset({MessageType.ELECTION_DEFINITION})
    ).document
    assert isinstance(document, Eml110a)
    return document


def refusal(data: bytes) -> EmlError:
    """The error with which reading ``data`` as a 110a is refused."""
    with pytest.raises(EmlError) as caught:
        read_definition(data)
    return caught.value


@pytest.mark.parametrize("relative", valid_files("110a"))
def test_every_valid_definition_is_read_with_a_threshold_and_a_csb(
    shared: Path, relative: str
) -> None:
    """All real and sample definitions are accepted; the threshold follows from the seats."""
    election = read_definition(shared / relative).election
    assert election.preference_threshold == expected_preference_threshold(
        election.identifier.category, election.number_of_seats
    )
    assert election.regions_with(CommitteeCategory.CSB)


@pytest.mark.parametrize("relative", valid_files("110a"))
def test_every_valid_definition_is_also_valid_against_the_schema(
    shared: Path, schemas: SchemaSet, relative: str
) -> None:
    """With schemas the same files are read and reported as validated."""
    result = read_eml(shared / relative, schemas=schemas)
    assert result.validated


def test_the_gelderland_definition_is_read_in_full(shared: Path) -> None:
    """PS2023 Gelderland: a PS2 election with two kieskringen, the CSB in kieskring Arnhem."""
    path = shared / SAMPLES / "abacus-tests/Verkiezingsdefinitie_PS2023_Gelderland.eml.xml"
    document = read_definition(path)
    election = document.election
    identifier = election.identifier
    assert identifier.id == "PS2023_Gelderland"
    assert identifier.category is ElectionCategory.PS
    assert identifier.subcategory is ElectionSubcategory.PS2
    assert identifier.domain is not None
    assert identifier.domain.id is None
    assert identifier.domain.name == "Gelderland"
    assert str(identifier.nomination_date) == "2023-01-30"
    assert (election.contest_id, election.voting_method, election.max_votes) == (
        "alle",
        "SPV",
        None,
    )
    assert (election.number_of_seats, election.preference_threshold) == (55, 25)
    assert [(d.number, d.name) for d in election.districts] == [(1, "Arnhem"), (2, "Nijmegen")]
    arnhem = election.tree[1]
    assert arnhem.superior_number == 6
    assert arnhem.superior_category is RegionCategory.PROVINCIE
    assert [c.category.value for c in arnhem.committees] == ["CSB", "HSB"]
    assert arnhem.committees[1].accept_central_submissions is True
    assert document.header.issue_date is not None
    assert str(document.header.issue_date) == "2023-02-07"


def test_the_juinen_definition_keeps_region_number_zero_and_the_parties(shared: Path) -> None:
    """Juinen's tree has ``RegionNumber="000"``: a number (0), not text, and not absent."""
    election = read_definition(
        shared / SAMPLES / "juinen/eml110a_verkiezingsdefinitie-juinen.eml.xml"
    ).election
    assert election.tree[0].number == 0
    assert election.tree[0].category is RegionCategory.GEMEENTE
    assert election.identifier.domain is not None
    assert election.identifier.domain.id == "0042"


def test_limburg_marks_its_kieskringen_with_roman_numerals(shared: Path) -> None:
    """The optional ``RomanNumerals`` attribute is kept where given and absent elsewhere."""
    election = read_definition(
        shared / SAMPLES / "abacus-tests/Verkiezingsdefinitie_PS2023_Limburg.eml.xml"
    ).election
    assert [region.roman_numerals for region in election.tree[:3]] == [None, True, True]


@pytest.mark.parametrize("relative", invalid_samples("110a"), ids=lambda r: r.split("/")[-1])
def test_every_invalid_sample_is_refused_for_its_own_reason(shared: Path, relative: str) -> None:
    """Each invalid 110a is refused with the exception class and reason it was made for."""
    name = relative.split("/")[-1]
    expected_class, reason = INVALID[name]
    error = refusal((shared / relative).read_bytes())
    assert type(error) is expected_class
    assert reason in str(error)
    assert str(error).startswith("test.eml.xml")  # the dispatcher names the file


def test_no_invalid_sample_is_left_without_an_expected_reason() -> None:
    """Every invalid 110a sample has an entry above (a new sample cannot slip through)."""
    names = {relative.split("/")[-1] for relative in invalid_samples("110a")}
    assert names <= set(INVALID)


def test_refusals_give_the_line_of_the_offending_element(shared: Path) -> None:
    """The threshold message points at the line of ``kr:PreferenceThreshold`` (23)."""
    path = (
        shared
        / SAMPLES
        / "kiesraad-tests/election_definition"
        / "eml110a_invalid_election_mismatch_preference_threshold.eml.xml"
    )
    error = refusal(path.read_bytes())
    assert error.line == 23
    assert str(error).startswith("test.eml.xml, line 23: ")


# --- TK: supported by OSV, unlike the library that wrote the two TK samples ------------------


def _tk_variant(shared: Path, *, domain: bool, staat: bool) -> bytes:
    data = (shared / TK_DEFINITION).read_bytes()
    if not domain:
        data = data.replace(b'<kr:ElectionDomain Id="0000">Test</kr:ElectionDomain>', b"")
    if staat:
        data = data.replace(
            b'RegionNumber="000" RegionCategory="GEMEENTE"', b'RegionCategory="STAAT"'
        )
    return data


def test_a_tk_definition_with_the_csb_outside_the_staat_region_is_read_with_a_note(
    shared: Path,
) -> None:
    """Once the domain is gone, the TK sample puts the CSB in a GEMEENTE region. Where the CSB
    sits is a form, not law (the Kiesraad's own TK2023 definition puts it in a kieskring): the
    definition is read and the deviation is a note that names the region."""
    result = read_eml(_tk_variant(shared, domain=False, staat=False), source="test.eml.xml")
    assert isinstance(result.document, Eml110a)
    assert result.document.election.identifier.category is ElectionCategory.TK
    assert len(result.notes) == 1
    assert "the centraal stembureau sits in the GEMEENTE region" in result.notes[0]
    assert "not in a STAAT region; accepted" in result.notes[0]


def test_a_correct_tk_definition_is_accepted(shared: Path) -> None:
    """Without domain and with the CSB in the STAAT region the TK definition is lawful."""
    election = read_definition(_tk_variant(shared, domain=False, staat=True)).election
    assert election.identifier.category is ElectionCategory.TK
    assert election.number_of_seats == 150
    assert election.tree[0].category is RegionCategory.STAAT


# --- rules not covered by a sample ------------------------------------------------------------


def _variant(shared: Path, *replacements: tuple[bytes, bytes]) -> bytes:
    data = (shared / TEST_DEFINITION).read_bytes()
    for old, new in replacements:
        assert old in data, old
        data = data.replace(old, new)
    return data


def test_a_nomination_date_after_the_election_is_refused(shared: Path) -> None:
    """Nomination day comes weeks before polling day; the reverse is a broken definition."""
    error = refusal(_variant(shared, (b"2022-01-31", b"2022-04-01")))
    assert "kr:NominationDate must come before kr:ElectionDate 2022-03-16: expected an earlier" in (
        str(error)
    )


def _small_water_board(shared: Path, threshold: bytes) -> bytes:
    """The AB test definition of the Kiesraad, cut down to 17 seats."""
    data = (shared / "eml-nl/samples/abacus-tests/eml110a_test_AB.eml.xml").read_bytes()
    for old, new in (
        (b"<kr:NumberOfSeats>45<", b"<kr:NumberOfSeats>17<"),
        (b">AB2<", b">AB1<"),
        (b"<kr:PreferenceThreshold>25<", b"<kr:PreferenceThreshold>" + threshold + b"<"),
    ):
        assert old in data, old
        data = data.replace(old, new)
    return data


def test_a_small_water_board_keeps_the_threshold_of_25_percent(shared: Path) -> None:
    """Kieswet P 15(2) halves the quota only for a gemeenteraad of fewer than 19 seats; an
    algemeen bestuur of 17 seats has a threshold of 25 %, and 50 % is refused."""
    definition = read_definition(_small_water_board(shared, b"25")).election
    assert definition.preference_threshold == 25
    error = refusal(_small_water_board(shared, b"50"))
    assert "does not fit AB with 17 seats (fewer than 19, Kieswet P 15): expected 25" in (
        str(error)
    )


def test_an_eerste_kamer_definition_is_refused_as_unsupported(shared: Path) -> None:
    """The Eerste Kamer is elected with weighted votes (Kieswet U): out of OSV's scope."""
    error = refusal(
        _variant(
            shared,
            (
                b"<ElectionCategory>GR</ElectionCategory>",
                b"<ElectionCategory>EK</ElectionCategory>",
            ),
            (b"GR2</kr:ElectionSubcategory>", b"EK</kr:ElectionSubcategory>"),
        )
    )
    assert "ElectionCategory EK is not supported: expected one of GR, PS, AB, TK" in str(error)


def test_a_gr_definition_with_the_csb_outside_the_municipality_is_read_with_a_note(
    shared: Path,
) -> None:
    """For a municipal council the CSB is expected in the GEMEENTE region; elsewhere it is
    accepted and noted (docs/eml.md: a form the law does not prescribe)."""
    data = _variant(shared, (b'RegionCategory="GEMEENTE"', b'RegionCategory="KIESKRING"'))
    result = read_eml(data, source="test.eml.xml")
    assert isinstance(result.document, Eml110a)
    assert any(
        "the centraal stembureau sits in the KIESKRING region" in note
        and "not in a GEMEENTE region; accepted" in note
        for note in result.notes
    )


def test_a_definition_without_any_csb_is_refused(shared: Path) -> None:
    """A tree that names no centraal stembureau at all names nobody to determine the result."""
    error = refusal(_variant(shared, (b'CommitteeCategory="CSB"', b'CommitteeCategory="HSB"')))
    assert "the kr:ElectionTree has no region with the centraal stembureau" in str(error)


def test_a_ps1_subcategory_with_two_kieskringen_is_refused(shared: Path) -> None:
    """PS1 means one kieskring (eml-nl.md §5); Gelderland has two, so it must be PS2."""
    path = shared / SAMPLES / "abacus-tests/Verkiezingsdefinitie_PS2023_Gelderland.eml.xml"
    data = path.read_bytes().replace(b">PS2<", b">PS1<")
    error = refusal(data)
    assert (
        "kr:ElectionSubcategory does not fit 2 kieskringen in the election tree: expected PS2, "
        "found PS1" in str(error)
    )


def test_max_votes_that_is_not_a_number_is_refused(shared: Path) -> None:
    """``MaxVotes`` is empty in real files (read as None); text that is no number is refused."""
    error = refusal(_variant(shared, (b"<MaxVotes></MaxVotes>", b"<MaxVotes>veel</MaxVotes>")))
    assert "MaxVotes is 'veel', which is not a whole number" in str(error)


# --- formatting: producers differ, the content does not ---------------------------------------


def _one_line(data: bytes) -> bytes:
    return re.sub(rb">\s+<", b"><", data)


def _other_prefixes(data: bytes) -> bytes:
    """Default namespace → prefix ``e``, ``kr`` → ``k``: the same document by namespace URI."""
    data = data.replace(b'xmlns="urn:', b'xmlns:e="urn:')
    data = re.sub(rb"<(/?)(?![\w]+:)([A-Z])", rb"<\1e:\2", data)
    return data.replace(b"kr:", b"k:").replace(b"xmlns:kr=", b"xmlns:k=")


@pytest.mark.parametrize(
    "transform",
    [
        pytest.param(lambda d: d.split(b"?>", 1)[1].lstrip(), id="no declaration"),
        pytest.param(lambda d: b"\xef\xbb\xbf" + d, id="byte-order mark"),
        pytest.param(lambda d: d.replace(b"    ", b"\t"), id="tabs"),
        pytest.param(_one_line, id="one line"),
        pytest.param(lambda d: d.replace(b"\n", b"\r\n"), id="CRLF"),
        pytest.param(_other_prefixes, id="other prefixes"),
    ],
)
def test_formatting_differences_give_the_same_definition(shared: Path, transform: object) -> None:
    """Declaration, BOM, indentation, line ends and prefixes do not change what is read."""
    data = (shared / TEST_DEFINITION).read_bytes()
    changed = transform(data)  # type: ignore[operator]
    assert changed != data
    assert read_definition(changed) == read_definition(data)


def test_a_file_of_another_type_is_refused_when_a_definition_is_expected(shared: Path) -> None:
    """Asked for a 110a, a 230b is refused by type before its content is looked at."""
    path = shared / SAMPLES / "kiesraad-tests/candidate_list/eml230b_test.eml.xml"
    with pytest.raises(EmlError, match="is an EML 230b file, but 110a was expected"):
        read_definition(path)


def test_schema_validation_refuses_what_the_schema_forbids(
    shared: Path, schemas: SchemaSet
) -> None:
    """A wrong voting method is already refused by the schema when schemas are given."""
    path = (
        shared
        / SAMPLES
        / "kiesraad-tests/election_definition/eml110a_invalid_election_voting_method.eml.xml"
    )
    with pytest.raises(EmlSchemaError, match="VotingMethod"):
        read_eml(path, schemas=schemas)


def test_an_unknown_region_category_is_refused_naming_the_attribute(shared: Path) -> None:
    """``RegionCategory`` must be one of the kr:RegionCategoryType values."""
    error = refusal(_variant(shared, (b'RegionCategory="GEMEENTE"', b'RegionCategory="DORP"')))
    assert "attribute RegionCategory is 'DORP'; expected one of: DEELGEMEENTE, GEMEENTE" in str(
        error
    )
