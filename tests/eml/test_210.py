"""Reading and writing a party's nomination (EML 210): hand-written lists, schema, refusals.

No 210 sample is published, so the files are written by hand (:mod:`tests.eml.nomination_files`)
after the 210 schema and the Kiesraad's documentation. Each refusal breaks one thing in an
otherwise valid file and expects one sentence naming the file, the line and the problem.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given

from eml import Eml210, read_eml, read_nomination, write_eml
from eml.documents import Authority, Eml110a, MessageType
from eml.errors import EmlContentError, EmlError, EmlSchemaError, EmlTypeError, EmlUnsafeError
from eml.inspect import inspect, summary_text
from eml.read.eml210 import mismatch_with_definition
from eml.safe import Limits
from eml.write import eml210
from eml.xsd import SchemaSet
from osv.model import (
    AgentRole,
    ContestRef,
    Gender,
    ListType,
    LivingAddress,
    MailingAddress,
    PersonName,
    ProposerRole,
)
from tests.eml.nomination_files import JUINEN, TK_SET
from tests.strategies.nominations import nomination_documents

SOURCE = "nominatie.eml.xml"
JUINEN_110A = "eml-nl/samples/juinen/eml110a_verkiezingsdefinitie-juinen.eml.xml"
TEST_230B = "eml-nl/samples/kiesraad-tests/candidate_list/eml230b_test.eml.xml"
SECRETS = ("111222333", "1984-07-12", "XX-05-1976", "Kerkpad", "Molenweg", "Meir 50")


def nomination(data: bytes, limits: Limits | None = None) -> Eml210:
    """The nomination in ``data``, read by the typed entry point ``eml.read_nomination``."""
    document, result = read_nomination(data, source=SOURCE, limits=limits)
    assert result.document is document
    assert (result.source, result.size) == (SOURCE, len(data))
    return document


def refusal(data: bytes, limits: Limits | None = None) -> EmlError:
    with pytest.raises(EmlError) as caught:
        nomination(data, limits)
    return caught.value


# --- hand-written nominations -----------------------------------------------------------------


def test_a_municipal_nomination_is_read_in_full() -> None:
    """Juinen: header, identifier, list data, Teletex names, personal data, proposers."""
    document = nomination(JUINEN)
    assert document.header.managing_authority is not None
    assert document.header.managing_authority.id == "0042"
    assert document.header.created_by == Authority(id="0042", name="Lokaal Belang Juinen")
    assert document.header.issue_date == dt.date(2026, 2, 2)
    assert document.identifier.id == "GR2026_Juinen"
    assert document.identifier.nomination_date == dt.date(2026, 2, 2)
    assert (document.contest_id, document.contest_name) == ("geen", "Juinen")
    nominated = document.candidate_list
    assert nominated.name == "Lokaal Belang Juinen"
    assert nominated.type is ListType.STANDALONE
    assert (nominated.publish_gender, nominated.publication_language) == (True, "nl")
    assert nominated.contests == ()
    assert len(nominated.candidates) == 2
    first = nominated.candidates[0]
    assert first.name == PersonName(initials="Ş.Ő.", first_name="Şebnem", last_name="Yılmaz-Wójcik")
    assert first.gender is Gender.FEMALE
    assert (first.locality, first.country_code) == ("Juinen", None)
    assert first.date_of_birth == dt.date(1984, 7, 12)
    assert first.national_id == "111222333"
    assert first.mailing_address == MailingAddress(
        street="Kerkpad 3", postal_code="1234 AC", locality="Juinen"
    )
    assert first.agent is None
    submitter, deputy = document.proposers
    assert submitter.role is ProposerRole.SUBMITTER
    assert submitter.name.prefix == "van 't"
    assert submitter.living_address == LivingAddress(locality="Juinen")
    assert (deputy.role, deputy.id, deputy.name.last_name) == (
        ProposerRole.DEPUTY_SUBMITTER,
        "1",
        "Dĳkstra",
    )


def test_a_candidate_living_abroad_keeps_country_address_and_representative() -> None:
    """Candidate 2 lives in Antwerpen (BE); her representative (H 10) lives in Juinen."""
    candidate = nomination(JUINEN).candidate_list.candidates[1]
    assert (candidate.locality, candidate.country_code) == ("Antwerpen", "BE")
    assert candidate.gender is Gender.OTHER
    assert candidate.date_of_birth is None
    assert candidate.date_of_birth_annex == "XX-05-1976"
    assert candidate.mailing_address == MailingAddress(
        street="Meir 50", postal_code="2000", locality="Antwerpen", country_code="BE"
    )
    agent = candidate.agent
    assert agent is not None
    assert agent.role is AgentRole.H10
    assert agent.name == PersonName(initials="J.", last_name="Bakker")
    assert agent.living_address == LivingAddress(locality="Juinen")
    assert agent.mailing_address is not None
    assert agent.mailing_address.street == "Molenweg 7"


def test_a_national_list_names_its_kieskringen() -> None:
    """TK: no managing authority, contest ``alle`` with an empty name, two kieskringen."""
    document = nomination(TK_SET)
    assert document.header.managing_authority is None
    assert document.header.schema_version == "1.3"
    assert (document.contest_id, document.contest_name) == ("alle", None)
    nominated = document.candidate_list
    assert nominated.name == "Partij voor Ĳsselmonde"
    assert nominated.type is ListType.IDENTICAL_SET
    assert (nominated.belongs_to_set, nominated.publication_language) == (1, "fy")
    assert nominated.publish_gender is False
    assert nominated.contests == (
        ContestRef(id="2", name="Leeuwarden"),
        ContestRef(id="10", name="Haarlem"),
    )


def test_the_published_part_of_a_candidate_has_no_personal_data() -> None:
    """``published()`` keeps name, gender and residence; never BSN, birth date or addresses."""
    for candidate in nomination(JUINEN).candidate_list.candidates:
        public = candidate.published()
        dumped = public.model_dump_json()
        assert public.name == candidate.name
        assert (public.locality, public.country_code) == (
            candidate.locality,
            candidate.country_code,
        )
        for secret in SECRETS:
            assert secret not in dumped


@pytest.mark.parametrize("data", [JUINEN, TK_SET], ids=["juinen", "tk"])
def test_hand_written_nominations_are_valid_and_survive_writing(
    schemas: SchemaSet, data: bytes
) -> None:
    """The examples pass the strict 210 schema; written by OSV they read back equal and valid."""
    result = read_eml(data, source=SOURCE, schemas=schemas)
    assert result.validated
    written = write_eml(result.document, schemas=schemas)
    assert read_eml(written).document == result.document
    assert write_eml(result.document) == written


@given(nomination_documents())
def test_any_nomination_survives_writing_and_reading(schemas: SchemaSet, document: Eml210) -> None:
    """write → read == original for generated 210 documents; the output is schema-valid.

    Generated nominations cover every category with lists, candidates abroad with and without a
    representative, partly unknown dates of birth, Teletex names and blank lists.
    """
    data = eml210.to_bytes(document)
    schemas.validate(data, "210")
    assert read_eml(data).document == document


# --- inspect ----------------------------------------------------------------------------------


def test_inspect_summarises_a_nomination_without_personal_data() -> None:
    """The JSON shows the list and counts personal data, never the values."""
    result = read_eml(JUINEN, source=SOURCE)
    summary = inspect(result)
    text = json.dumps(summary, ensure_ascii=False)
    assert summary["type"] == "210"
    assert summary["election"] == "GR2026_Juinen"
    assert summary["contest"] == {"id": "geen", "name": "Juinen"}
    listed = summary["list"]
    assert isinstance(listed, dict)
    assert listed["name"] == "Lokaal Belang Juinen"
    assert listed["candidates"][1] == {
        "number": 2,
        "last_name": "Vries",
        "locality": "Antwerpen",
        "country_code": "BE",
    }
    assert summary["personal_data"] == {
        "date_of_birth": 2,
        "national_id": 1,
        "mailing_address": 2,
        "agent": 1,
    }
    assert summary["proposers"] == [
        {"role": "inleveraar", "last_name": "Hoff"},
        {"role": "plaatsvervanger van de inleveraar", "last_name": "Dĳkstra"},
    ]
    for secret in SECRETS:
        assert secret not in text
    lines = summary_text(result)
    assert "EML 210: nomination (Kandidaatstelling)" in lines
    assert "2 candidates, 1 living abroad; 2 proposers" in lines


# --- the election it belongs to ---------------------------------------------------------------


def _juinen_definition(shared: Path) -> Eml110a:
    document = read_eml(shared / JUINEN_110A).document
    assert isinstance(document, Eml110a)
    return document


def test_a_nomination_for_the_defined_election_matches(shared: Path) -> None:
    """The Juinen nomination rewritten for GR2025_Juinen fits the Juinen definition."""
    data = (
        JUINEN.replace(b"GR2026_Juinen", b"GR2025_Juinen")
        .replace(b"2026-03-18", b"2025-08-29")
        .replace(b"<kr:NominationDate>2026-02-02", b"<kr:NominationDate>2025-07-10")
    )
    definition = _juinen_definition(shared).election
    assert mismatch_with_definition(nomination(data), definition) is None


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (
            JUINEN,
            "the nomination has election Id GR2026_Juinen, but the election definition has "
            "GR2025_Juinen",
        ),
        (TK_SET, "the nomination has election Id TK2025, but the election definition has"),
        (
            JUINEN.replace(b"GR2026_Juinen", b"GR2025_Juinen"),
            "the nomination has kr:ElectionDate 2026-03-18, but the election definition has "
            "2025-08-29",
        ),
    ],
    ids=["other-year", "other-election-type", "other-date"],
)
def test_a_nomination_of_another_election_is_named_as_such(
    shared: Path, data: bytes, reason: str
) -> None:
    definition = _juinen_definition(shared).election
    mismatch = mismatch_with_definition(nomination(data), definition)
    assert mismatch is not None
    assert mismatch.startswith(reason)


# --- refusals ---------------------------------------------------------------------------------

_FIRST_CANDIDATE_ID = b'<CandidateIdentifier Id="1"/>'
_DEPUTY = JUINEN[
    JUINEN.index(b"      <Proposer>", JUINEN.index(b"</Proposer>")) : JUINEN.index(b"</Nominate>")
]
_AGENT_LIVING = (
    b"""<kr:LivingAddress>
            <kr:LocalityName>Juinen</kr:LocalityName>
          </kr:LivingAddress>
        </Agent>""",
    b"</Agent>",
)

#: One fault each: (what is replaced, by what, the error class, the reason in the message).
REFUSALS: dict[str, tuple[bytes, bytes, type[EmlError], str]] = {
    "root-id-of-another-message": (
        b'Id="210"',
        b'Id="230b"',
        EmlTypeError,
        "is an EML 230b file, but 210 was expected",
    ),
    "unknown-root-id": (
        b'Id="210"',
        b'Id="211"',
        EmlTypeError,
        "has EML Id '211', which OSV does not read",
    ),
    "root-in-another-namespace": (
        b'xmlns="urn:oasis:names:tc:evs:schema:eml"',
        b'xmlns="urn:example:eml"',
        EmlTypeError,
        "has root element {urn:example:eml}EML; an EML_NL file has root element EML",
    ),
    "no-issue-date": (
        b"<IssueDate>2026-02-02</IssueDate>",
        b"",
        EmlContentError,
        "the nomination has no IssueDate",
    ),
    "referendum": (
        b"<ElectionCategory>GR</ElectionCategory>\n      <kr:ElectionSubcategory>GR2",
        b"<ElectionCategory>LR</ElectionCategory>\n      <kr:ElectionSubcategory>LR",
        EmlContentError,
        "ElectionCategory LR has no nominations OSV can read",
    ),
    "subcategory-of-another-category": (
        b"<kr:ElectionSubcategory>GR2",
        b"<kr:ElectionSubcategory>PS2",
        EmlContentError,
        "kr:ElectionSubcategory does not belong to ElectionCategory GR: expected GR1, GR2, "
        "found PS2",
    ),
    "municipal-without-domain": (
        b'<kr:ElectionDomain Id="0042">Juinen</kr:ElectionDomain>',
        b"",
        EmlContentError,
        "ElectionIdentifier has no kr:ElectionDomain: a GR election is held in a municipality",
    ),
    "no-nomination-date": (
        b"<kr:NominationDate>2026-02-02</kr:NominationDate>",
        b"",
        EmlContentError,
        "ElectionIdentifier has no kr:NominationDate",
    ),
    "nomination-after-election": (
        b"<kr:NominationDate>2026-02-02",
        b"<kr:NominationDate>2026-03-19",
        EmlContentError,
        "kr:NominationDate must come before kr:ElectionDate 2026-03-18",
    ),
    "no-contest-id": (
        b'<ContestIdentifier Id="geen">',
        b"<ContestIdentifier>",
        EmlContentError,
        "ContestIdentifier has no Id",
    ),
    "no-list-data": (
        b'<kr:ListData PublicationLanguage="nl" PublishGender="true"/>',
        b"",
        EmlContentError,
        "the nominated list has no kr:ListData",
    ),
    "unknown-list-type": (
        b"<Type>op zichzelf staande lijst</Type>",
        b"<Type>lijstencombinatie</Type>",
        EmlContentError,
        "Type is 'lijstencombinatie'; expected one of: lijstengroep",
    ),
    "no-candidates": (
        JUINEN[JUINEN.index(b"      <Candidate>") : JUINEN.index(b"    </Affiliation>")],
        b"",
        EmlContentError,
        "the nominated list has no candidates: expected at least one Candidate, found none",
    ),
    "candidate-numbers-not-increasing": (
        b'<CandidateIdentifier Id="2"/>',
        _FIRST_CANDIDATE_ID,
        EmlContentError,
        "candidate numbers on the nominated list must increase: expected more than 1, found 1",
    ),
    "candidate-without-residence": (
        JUINEN[JUINEN.index(b"<QualifyingAddress>") : JUINEN.index(b"</QualifyingAddress>") + 20],
        b"",
        EmlContentError,
        "candidate 1 on the nominated list has no place of residence",
    ),
    "candidate-without-initials": (
        b'<xnl:NameLine NameType="Initials">\xc5\x9e.\xc5\x90.</xnl:NameLine>',
        b"",
        EmlContentError,
        "the name of candidate 1 on the nominated list has no initials",
    ),
    "short-code": (
        _FIRST_CANDIDATE_ID,
        b'<CandidateIdentifier Id="1" ShortCode="YilmazS"/>',
        EmlContentError,
        "candidate 1 on the nominated list has a ShortCode",
    ),
    "impossible-date-of-birth": (
        b"<DateOfBirth>1984-07-12</DateOfBirth>",
        b"<DateOfBirth>1984-13-12</DateOfBirth>",
        EmlContentError,
        "DateOfBirth of candidate 1 on the nominated list is '1984-13-12', not a date",
    ),
    "malformed-date-of-birth-annex": (
        b"XX-05-1976",
        b"05-1976",
        EmlContentError,
        "kr:DateOfBirthAnnex of candidate 2 on the nominated list must look like XX-05-1976",
    ),
    "two-dates-of-birth": (
        b"<kr:NationalIdentificationNumber>",
        b"<kr:DateOfBirthAnnex>XX-XX-1984</kr:DateOfBirthAnnex><kr:NationalIdentificationNumber>",
        EmlContentError,
        "candidate 1 on the nominated list has both DateOfBirth and kr:DateOfBirthAnnex",
    ),
    "unknown-gender": (
        b"<Gender>female</Gender>",
        b"<Gender>v</Gender>",
        EmlContentError,
        "Gender is 'v'; expected one of: male, female, other",
    ),
    "representative-without-living-address": (
        *_AGENT_LIVING,
        EmlContentError,
        "the representative of candidate 2 on the nominated list has no kr:LivingAddress",
    ),
    "representative-role-unknown": (
        b'<Agent Role="H10">',
        b'<Agent Role="H11">',
        EmlContentError,
        "Agent is 'H11'; expected one of: H10, H10a",
    ),
    "mailing-address-without-place": (
        b"<xal:LocalityName>Antwerpen</xal:LocalityName>\n                <xal:PostalCode>",
        b"<xal:PostalCode>",
        EmlContentError,
        "the mailing address of candidate 2 on the nominated list has no xal:Locality with an "
        "xal:LocalityName",
    ),
    "no-nominate": (
        JUINEN[JUINEN.index(b"    <Nominate>") : JUINEN.index(b"</Nominate>") + 11],
        b"",
        EmlContentError,
        "Nomination has no Nominate element",
    ),
    "one-proposer-only": (
        _DEPUTY,
        b"",
        EmlContentError,
        "Nominate must name the submitter and at least one deputy: expected at least 2 "
        "Proposer elements, found 1",
    ),
    "proposer-role-unknown": (
        b"<JobTitle>inleveraar</JobTitle>",
        b"<JobTitle>lijsttrekker</JobTitle>",
        EmlContentError,
        "JobTitle is 'lijsttrekker'; expected one of: inleveraar",
    ),
    "proposer-without-contact": (
        _DEPUTY[_DEPUTY.index(b"<Contact>") : _DEPUTY.index(b"</Contact>") + 10],
        b"",
        EmlContentError,
        "proposer 2 has no Contact: expected a mailing address, found none",
    ),
    "doctype": (
        b"<?xml version='1.0' encoding='UTF-8'?>\n",
        b'<?xml version="1.0"?><!DOCTYPE EML [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
        EmlUnsafeError,
        "contains a document type declaration (DOCTYPE)",
    ),
}


@pytest.mark.parametrize("fault", sorted(REFUSALS))
def test_a_broken_nomination_is_refused_in_one_sentence_naming_file_and_problem(
    fault: str,
) -> None:
    """Each fault is refused with its own class and reason, prefixed by the file name."""
    old, new, expected_class, reason = REFUSALS[fault]
    assert JUINEN.count(old) >= 1, "the fault must change the file"
    error = refusal(JUINEN.replace(old, new, 1))
    message = str(error)
    assert type(error) is expected_class
    assert message.startswith(SOURCE)
    assert reason in message
    assert "\n" not in message
    if expected_class is EmlContentError:
        assert message.startswith(f"{SOURCE}, line ")


def test_a_nomination_with_more_candidates_than_the_limit_is_refused() -> None:
    error = refusal(JUINEN, Limits(max_candidates_per_list=1))
    assert "the nominated list has too many candidates: expected at most 1, found 2" in str(error)


def test_a_nomination_with_more_proposers_than_the_limit_is_refused() -> None:
    """Hostile files cannot make the reader build unbounded lists of people."""
    deputies = _DEPUTY * 3
    error = refusal(JUINEN.replace(_DEPUTY, deputies), Limits(max_candidates_per_list=3))
    assert "Nominate has too many proposers: expected at most 3, found 4" in str(error)


def test_a_list_for_more_kieskringen_than_the_limit_is_refused() -> None:
    error = refusal(TK_SET, Limits(max_lists=1))
    assert (
        "kr:Contests of the nominated list has too many contests: expected at most 1, found 2"
        in (str(error))
    )


def test_a_candidate_list_file_is_not_a_nomination(shared: Path) -> None:
    """A 230b handed in where a 210 is expected is refused by its type."""
    with pytest.raises(EmlTypeError, match="is an EML 230b file, but 210 was expected"):
        nomination((shared / TEST_230B).read_bytes())


def test_a_nomination_is_not_imported_as_election_data(shared: Path) -> None:
    """``read_eml`` refuses a 210 where only the published election files are expected."""
    with pytest.raises(EmlTypeError, match="is an EML 210 file, but 110a, 230b was expected"):
        read_eml(
            JUINEN,
            source=SOURCE,
            expect=frozenset({MessageType.ELECTION_DEFINITION, MessageType.CANDIDATE_LISTS}),
        )


def test_a_list_number_is_refused_by_the_schema(schemas: SchemaSet) -> None:
    """A nomination has no list number yet (I 9-I 11): the 210 schema prohibits the Id.

    Without schemas the reader ignores it (nothing is read from it); with schemas the file is
    refused, naming the attribute.
    """
    data = JUINEN.replace(b"<AffiliationIdentifier>", b'<AffiliationIdentifier Id="3">')
    assert nomination(data) == nomination(JUINEN)
    with pytest.raises(EmlSchemaError, match="attribute 'Id': The attribute 'Id' is not allowed"):
        read_eml(data, source=SOURCE, schemas=schemas)
