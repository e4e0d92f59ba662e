"""Nomination files (EML 210) as submitted lists: mapped, checked, published without personal data.

The 210 files are the hand-written fixtures of ``tests/eml/nomination_files.py`` (no 210 sample
is published) and generated documents.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given

from candidacy import (
    Code,
    Numbered,
    check_lists,
    list_from_210,
    numbering_key,
    published_contests,
    to_230b,
)
from eml import Eml210, SchemaSet, read_eml, write_eml
from tests.candidacy.builders import GR17, REGISTER, TK
from tests.candidacy.test_publication import HEADER, IDENTIFIER
from tests.eml.nomination_files import JUINEN, TK_SET
from tests.strategies.nominations import nomination_documents


def nomination(data: bytes) -> Eml210:
    document = read_eml(data).document
    assert isinstance(document, Eml210)
    return document


def test_a_municipal_nomination_keeps_its_candidates_and_their_private_data() -> None:
    submitted = list_from_210(nomination(JUINEN), "1")
    assert submitted.party_name == "Lokaal Belang Juinen"
    assert submitted.districts == ("geen",)
    first = submitted.candidates[0]
    assert first.name.last_name == "Yılmaz-Wójcik"
    assert first.date_of_birth == dt.date(1984, 7, 12)
    assert first.bsn == "111222333"
    abroad = [c for c in submitted.candidates if c.abroad]
    assert abroad
    assert all(c.agent is not None for c in abroad)


def test_without_recorded_consents_every_candidate_is_an_omission() -> None:
    document = nomination(JUINEN)
    register = {
        **REGISTER,
        "Lokaal Belang Juinen": REGISTER["Partij A"].model_copy(
            update={"name": "Lokaal Belang Juinen"}
        ),
    }
    pending = list_from_210(document, "1", name_authorised=True)
    # A 210 carries no record of the hand-in, ID copies or declarations of residence (K16-K21).
    findings = [f for f in check_lists([pending], register, GR17) if f.code <= Code.AGENT_MISSING]
    assert {f.code for f in findings} == {Code.CONSENT_MISSING}
    assert len(findings) == len(pending.candidates)
    complete = list_from_210(document, "1", consents=True, name_authorised=True)
    assert not [
        f for f in check_lists([complete], register, GR17) if f.code <= Code.INCONSISTENT_MINORITY
    ]


def test_a_national_nomination_is_for_the_districts_it_names() -> None:
    submitted = list_from_210(nomination(TK_SET), "7")
    assert submitted.districts == ("2", "10")
    assert check_lists([submitted], REGISTER, TK) != ()


def test_a_list_for_every_district_needs_the_districts() -> None:
    document = nomination(TK_SET)
    everywhere = document.model_copy(
        update={"candidate_list": document.candidate_list.model_copy(update={"contests": ()})}
    )
    with pytest.raises(ValueError, match="alle"):
        list_from_210(everywhere, "1")
    assert list_from_210(everywhere, "1", all_districts=("1", "2")).districts == ("1", "2")


def test_the_230b_of_a_nomination_holds_no_personal_data(schemas: SchemaSet) -> None:
    submitted = list_from_210(nomination(JUINEN), "1")
    numbered = Numbered(numbers={numbering_key(submitted): 1})
    [contest] = published_contests([submitted], numbered)
    data = write_eml(to_230b(IDENTIFIER, HEADER, contest), schemas=schemas)
    assert "Yılmaz-Wójcik".encode() in data
    for secret in (b"111222333", b"1984-07-12", b"1234 AC", b"Kerkpad", b"XX-05-1976"):
        assert secret not in data


@given(nomination_documents())
def test_a_nominations_candidates_are_published_as_the_nomination_says(document: Eml210) -> None:
    """Property: mapping a 210 keeps every candidate in order with the published fields of
    :meth:`NominatedCandidate.published`, and its date of birth and BSN for the checks."""
    submitted = list_from_210(document, "1", all_districts=("1", "2"))
    nominated = document.candidate_list.candidates
    assert len(submitted.candidates) == len(nominated)
    for mine, theirs in zip(submitted.candidates, nominated, strict=True):
        public = theirs.published()
        assert (mine.name, mine.gender, mine.locality, mine.country_code) == (
            public.name,
            public.gender,
            public.locality,
            public.country_code,
        )
        assert (mine.date_of_birth, mine.bsn) == (theirs.date_of_birth, theirs.national_id)
