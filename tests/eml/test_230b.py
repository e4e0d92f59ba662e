"""Reading candidate lists (EML 230b): real lists, invalid samples, numbering, personal data.

Four invalid samples (``eml230b_invalid_incorrect_election*``) are valid files that belong to
another election than ``eml110a_test``. The reader accepts them; :func:`mismatch_with_definition`
names the difference, which the import service turns into a refusal.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from eml.documents import Authority, Eml110a, Eml230b, MessageType
from eml.errors import EmlContentError, EmlError, EmlTypeError
from eml.read import read_eml
from eml.read.eml230b import mismatch_with_definition
from eml.safe import Limits
from osv.model import Gender, ListType, PersonName
from tests.eml.sample_files import invalid_samples, valid_files

SAMPLES = "eml-nl/samples"
LISTS = f"{SAMPLES}/kiesraad-tests/candidate_list"
TEST_230B = f"{LISTS}/eml230b_test.eml.xml"
TEST_110A = f"{SAMPLES}/abacus-tests/eml110a_test.eml.xml"
HAARLEM = "data/TK2025/Kandidatenlijsten_TK2025_Haarlem.eml.xml"

#: Samples the reader itself refuses, with the exception class and the reason.
REFUSED: dict[str, tuple[type[EmlError], str]] = {
    "eml230b_invalid_document_type.eml.xml": (
        EmlTypeError,
        "is an EML 110a file, but 230b was expected",
    ),
    "eml230b_invalid_empty_affiliates.eml.xml": (
        EmlContentError,
        "contest geen has no lists: expected at least one Affiliation, found none",
    ),
    "eml230b_invalid_empty_candidates.eml.xml": (
        EmlContentError,
        "list 3 in contest geen has no candidates: expected at least one Candidate, found none",
    ),
    "eml230b_invalid_missing_authority.eml.xml": (
        EmlContentError,
        "the candidate lists have no ManagingAuthority: expected the authority that published "
        "them (the centraal stembureau), found none",
    ),
    "eml230b_invalid_missing_election_domain.eml.xml": (
        EmlContentError,
        "ElectionIdentifier has no kr:ElectionDomain: a GR election is held in a municipality",
    ),
}

#: Samples that are valid on their own but belong to another election than eml110a_test.
MISMATCHED: dict[str, str] = {
    "eml230b_invalid_incorrect_election.eml.xml": (
        "the candidate lists have election Id GR2024_Heemdamseburg, but the election "
        "definition has GR2022_Test"
    ),
    "eml230b_invalid_incorrect_election_date.eml.xml": (
        "the candidate lists have kr:ElectionDate 2022-01-31, but the election definition has "
        "2022-03-16"
    ),
    "eml230b_invalid_incorrect_election_domain.eml.xml": (
        "the candidate lists have kr:ElectionDomain 0001, but the election definition has 0000"
    ),
    "eml230b_invalid_incorrect_election_type.eml.xml": (
        "the candidate lists have ElectionCategory TK, but the election definition has GR"
    ),
}


def read_lists(
    data: Path | bytes, source: str = "test.eml.xml", limits: Limits | None = None
) -> Eml230b:
    """Read ``data`` as a 230b and return the document."""
    document = read_eml(
        data, source=source, limits=limits, expect=frozenset({MessageType.CANDIDATE_LISTS})
    ).document
    assert isinstance(document, Eml230b)
    return document


def refusal(data: bytes, limits: Limits | None = None) -> EmlError:
    with pytest.raises(EmlError) as caught:
        read_lists(data, limits=limits)
    return caught.value


@pytest.mark.parametrize("relative", valid_files("230b"))
def test_every_valid_candidate_list_file_is_read(shared: Path, relative: str) -> None:
    """All real and sample 230b files are accepted, each list with candidates in order."""
    document = read_lists(shared / relative)
    for contest in document.contests:
        for candidate_list in contest.lists:
            numbers = [candidate.number for candidate in candidate_list.candidates]
            assert numbers == sorted(set(numbers))


def test_the_test_lists_are_read_in_full(shared: Path) -> None:
    """Authority, identifier, list data, names with and without prefix, gender, addresses."""
    document = read_lists(shared / TEST_230B)
    assert document.header.managing_authority == Authority(id="0000", name="Test")
    assert document.identifier.id == "GR2022_Test"
    (contest,) = document.contests
    assert contest.id == "geen"
    assert [lst.number for lst in contest.lists] == [1, 2, 3]
    first = contest.lists[0]
    assert first.name == "Partijdige Partij"
    assert first.type is ListType.STANDALONE
    assert first.publication_language == "nl"
    assert first.publish_gender is True
    annemieke, krisje = first.candidates[:2]
    assert annemieke.name == PersonName(
        initials="A.B.C.", first_name="Annemieke", last_name="Oorschot"
    )
    assert (annemieke.country_code, annemieke.locality) == ("NL", "Heemdamseburg")
    assert annemieke.gender is Gender.FEMALE
    assert krisje.name.prefix == "de"
    assert (krisje.country_code, krisje.locality) == (None, "Heemdamseburgsebuurt")


def test_candidates_without_address_are_read_without_locality(shared: Path) -> None:
    """``QualifyingAddress`` is optional in a 230b."""
    document = read_lists(shared / LISTS / "eml230b_test_without_addresses.eml.xml")
    candidates = [c for lst in document.contests[0].lists for c in lst.candidates]
    assert all(c.locality is None and c.country_code is None for c in candidates)


def test_a_tk_kieskring_file_keeps_non_ascii_names_sets_and_candidates_abroad(
    shared: Path,
) -> None:
    """TK2025 Haarlem: kieskring 10, 23 lists, "Stöteler", lists in sets, addresses abroad."""
    document = read_lists(shared / HAARLEM)
    (contest,) = document.contests
    assert (contest.id, contest.name, len(contest.lists)) == ("10", "Haarlem", 23)
    assert document.identifier.domain is None
    pvv = contest.lists[0]
    assert pvv.type is ListType.IDENTICAL_SET
    assert pvv.belongs_to_set == 1
    assert pvv.candidates[1].name.last_name == "Stöteler"
    abroad = [c for lst in contest.lists for c in lst.candidates if c.country_code is not None]
    assert {c.country_code for c in abroad} == {"BE", "DE", "PT", "FR", "CW", "CL"}
    assert all(c.locality for c in abroad)


@pytest.mark.parametrize("relative", invalid_samples("230b"), ids=lambda r: r.split("/")[-1])
def test_every_invalid_sample_is_refused_or_mismatched_for_its_own_reason(
    shared: Path, relative: str
) -> None:
    """Broken files are refused by the reader; files of another election by the comparison."""
    name = relative.split("/")[-1]
    data = (shared / relative).read_bytes()
    if name in REFUSED:
        expected_class, reason = REFUSED[name]
        error = refusal(data)
        assert type(error) is expected_class
        assert reason in str(error)
    else:
        definition = read_eml(shared / TEST_110A).document
        assert isinstance(definition, Eml110a)
        assert mismatch_with_definition(read_lists(data), definition.election) == MISMATCHED[name]


def test_no_invalid_sample_is_left_without_an_expected_reason() -> None:
    """Every invalid 230b sample is listed above, as refused or as mismatched."""
    names = {relative.split("/")[-1] for relative in invalid_samples("230b")}
    assert names <= set(REFUSED) | set(MISMATCHED)


@pytest.mark.parametrize(
    ("lists", "definition"),
    [
        (TEST_230B, TEST_110A),
        (f"{SAMPLES}/abacus-tests/eml230b_test.eml.xml", TEST_110A),
        (
            f"{SAMPLES}/juinen/eml230b_kandidatenlijsten-juinen.eml.xml",
            f"{SAMPLES}/juinen/eml110a_verkiezingsdefinitie-juinen.eml.xml",
        ),
    ],
)
def test_lists_of_the_same_election_match_its_definition(
    shared: Path, lists: str, definition: str
) -> None:
    """The matching pairs of samples give no reason."""
    document = read_eml(shared / definition).document
    assert isinstance(document, Eml110a)
    assert mismatch_with_definition(read_lists(shared / lists), document.election) is None


def test_a_different_nomination_date_is_a_mismatch(shared: Path) -> None:
    """The nomination date is compared too (it fixes which lists could be handed in)."""
    data = (shared / TEST_230B).read_bytes().replace(b"2022-01-31", b"2022-02-01")
    definition = read_eml(shared / TEST_110A).document
    assert isinstance(definition, Eml110a)
    assert mismatch_with_definition(read_lists(data), definition.election) == (
        "the candidate lists have kr:NominationDate 2022-02-01, but the election definition "
        "has 2022-01-31"
    )


# --- numbering and limits ---------------------------------------------------------------------


def test_candidate_numbers_that_do_not_increase_are_refused(shared: Path) -> None:
    """Candidate 2 written as 1 again: the list position must strictly increase."""
    second = b'<CandidateIdentifier Id="2"/>'
    data = (shared / TEST_230B).read_bytes().replace(second, b'<CandidateIdentifier Id="1"/>', 1)
    error = refusal(data)
    assert isinstance(error, EmlContentError)
    assert (
        "candidate numbers on list 1 in contest geen must increase: expected more than 1, "
        "found 1" in str(error)
    )


def test_list_numbers_that_do_not_increase_are_refused(shared: Path) -> None:
    """List 3 numbered 2: list numbers in a contest must strictly increase."""
    third = b'<AffiliationIdentifier Id="3">'
    data = (shared / TEST_230B).read_bytes().replace(third, b'<AffiliationIdentifier Id="2">')
    error = refusal(data)
    assert "list numbers in contest geen must increase: expected more than 2, found 2" in str(error)


def test_more_lists_than_the_limit_are_refused(shared: Path) -> None:
    """Limits protect against hostile files; three lists against a limit of two."""
    error = refusal((shared / TEST_230B).read_bytes(), Limits(max_lists=2))
    assert "contest geen has too many lists: expected at most 2, found 3" in str(error)


def test_more_candidates_than_the_limit_are_refused(shared: Path) -> None:
    """A list longer than the candidate limit is refused, naming list and numbers."""
    error = refusal((shared / TEST_230B).read_bytes(), Limits(max_candidates_per_list=3))
    assert "list 1 in contest geen has too many candidates: expected at most 3, found " in str(
        error
    )


# --- short codes and personal data ------------------------------------------------------------


def test_a_short_code_is_read_from_the_attribute_or_the_element(shared: Path) -> None:
    """``ShortCode`` may be an attribute or a child of ``CandidateIdentifier``."""
    attribute = b'<CandidateIdentifier Id="1" ShortCode="OorschotA"/>'
    element = b'<CandidateIdentifier Id="2"><ShortCode>BlikkertK</ShortCode></CandidateIdentifier>'
    data = (
        (shared / TEST_230B)
        .read_bytes()
        .replace(b'<CandidateIdentifier Id="1"/>', attribute, 1)
        .replace(b'<CandidateIdentifier Id="2"/>', element, 1)
    )
    first = read_lists(data).contests[0].lists[0]
    assert [c.short_code for c in first.candidates[:3]] == ["OorschotA", "BlikkertK", None]


PERSONAL = (
    b"<Gender>female</Gender>",
    b"<DateOfBirth>1970-05-17</DateOfBirth><Gender>female</Gender>",
)
CONTACT = (
    b"</QualifyingAddress>\n          </Candidate>",
    b"</QualifyingAddress><Contact><MailingAddress><xal:Locality><xal:LocalityName>Geheimstraat 9"
    b"</xal:LocalityName></xal:Locality></MailingAddress></Contact>"
    b"<kr:NationalIdentificationNumber>123456782</kr:NationalIdentificationNumber>\n"
    b"          </Candidate>",
)


def test_personal_data_beyond_the_published_list_is_never_read(shared: Path) -> None:
    """Date of birth, contact address and BSN in a 230b are skipped and kept nowhere."""
    data = (shared / TEST_230B).read_bytes()
    data = data.replace(*PERSONAL, 1).replace(*CONTACT, 1)
    assert b"<DateOfBirth>" in data
    assert b"123456782" in data
    document = read_lists(data)
    dumped = document.model_dump_json()
    for secret in ("1970-05-17", "123456782", "Geheimstraat"):
        assert secret not in dumped
    assert document.contests[0].lists[0].candidates[0].gender is Gender.FEMALE


def test_gender_unknown_is_read_as_no_gender_and_other_from_the_annex(shared: Path) -> None:
    """EML ``Gender`` knows male/female/unknown; ``kr:GenderAnnex`` adds other."""
    data = (
        (shared / TEST_230B)
        .read_bytes()
        .replace(b"<Gender>female</Gender>", b"<Gender>unknown</Gender>", 1)
        .replace(b"<Gender>female</Gender>", b"<kr:GenderAnnex>other</kr:GenderAnnex>", 1)
    )
    first, second = read_lists(data).contests[0].lists[0].candidates[:2]
    assert first.gender is None
    assert second.gender is Gender.OTHER


def test_a_candidate_without_initials_is_refused(shared: Path) -> None:
    """Initials are part of the name on the ballot; a name without them is incomplete."""
    initials = b'<xnl:NameLine NameType="Initials">A.B.C.</xnl:NameLine>'
    data = (shared / TEST_230B).read_bytes().replace(initials, b"")
    error = refusal(data)
    assert "the name of candidate 1 on list 1 in contest geen has no initials" in str(error)
