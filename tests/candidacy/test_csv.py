"""The CSV format of submitted lists (docs/candidacy.md): reading, errors, round trip."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given

from candidacy import CandidacyCsvError, SubmittedList, read_lists, write_lists
from osv.model import Gender
from tests.candidacy.strategies import submitted_lists

EXAMPLE = """\
lijst,aanduiding,kieskringen,waarborgsom,ondersteuningsverklaringen,positie,voorletters,roepnaam,voorvoegsel,achternaam,geslacht,woonplaats,landcode,geboortedatum,bsn,instemming
1,Partij A,geen,nee,,1,A.B.,Anna,van der,Berg,v,Juinen,,01-02-1980,123456782,ja
1,Partij A,geen,nee,,2,C.,,,Dijk,m,Juinen,,,,nee
2,,geen,ja,25,1,E.F.,,,Smit,x,Brussel,BE,,,ja
"""


def test_the_documented_example_reads_as_two_lists() -> None:
    first, blank = read_lists(EXAMPLE)
    assert (first.key, first.party_name, first.districts) == ("1", "Partij A", ("geen",))
    assert [c.name.full for c in first.candidates] == ["A.B. van der Berg (Anna)", "C. Dijk"]
    assert first.candidates[0].date_of_birth == dt.date(1980, 2, 1)
    assert first.candidates[0].gender is Gender.FEMALE
    assert [c.consent for c in first.candidates] == [True, False]
    assert blank.party_name == ""
    assert blank.deposit_paid
    assert blank.support == {"geen": 25}
    assert blank.candidates[0].country_code == "BE"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("Berg,v", "Berg,q"), "row 2, column geslacht: expected m, v, x or empty, found 'q'"),
        ((",2,C.", ",3,C."), "row 3, column positie: expected 2 (the next position on list 1)"),
        (("Partij A,geen,nee,,2", "Partij B,geen,nee,,2"), "row 3, column aanduiding: list 1"),
        (("Juinen,,,,nee", "Juinen,,,,misschien"), "row 3, column instemming: expected ja or nee"),
        (("2,,geen,ja,25", "2,,geen,ja,veel"), "row 4, column ondersteuningsverklaringen"),
        (("lijst,", "list,"), "the CSV has no column lijst"),
        ((",1,E.F.,,,Smit", ",1,,,,Smit"), "row 4, column voorletters: expected a value"),
    ],
)
def test_bad_input_names_the_row_and_column(change: tuple[str, str], message: str) -> None:
    with pytest.raises(CandidacyCsvError, match=message.replace("(", r"\(").replace(")", r"\)")):
        read_lists(EXAMPLE.replace(*change, 1))


@pytest.mark.parametrize(
    ("change", "column"),
    [(("01-02-1980", "31-02-1980"), "geboortedatum"), (("123456782", "12AB"), "bsn")],
)
def test_errors_in_personal_data_do_not_repeat_the_value(
    change: tuple[str, str], column: str
) -> None:
    with pytest.raises(CandidacyCsvError) as caught:
        read_lists(EXAMPLE.replace(*change))
    assert f"row 2, column {column}" in str(caught.value)
    assert change[1] not in str(caught.value)


def test_an_empty_file_is_refused() -> None:
    with pytest.raises(CandidacyCsvError, match="no rows"):
        read_lists(EXAMPLE.splitlines()[0] + "\n")


@given(submitted_lists(private=True))
def test_csv_export_then_import_round_trips(lists: list[SubmittedList]) -> None:
    """Property: writing submitted lists as CSV and reading them back gives the same lists,
    personal data and document facts included (the CSV is the CSB's working file)."""
    assert list(read_lists(write_lists(lists))) == lists


def test_a_file_without_the_records_of_the_hand_in_reads_them_as_not_recorded() -> None:
    first, _ = read_lists(EXAMPLE)
    assert (first.received_at, first.submitter_voter, first.submitter_id_checked) == (
        None,
        None,
        None,
    )
    candidate = first.candidates[0]
    assert (candidate.outside_area, candidate.residence_declaration) == (False, False)
    assert (candidate.already_member, candidate.id_copy) == (False, None)


RECORDED = """\
lijst,aanduiding,kieskringen,ingeleverd_op,inleveraar_kiezer,inleveraar_persoonlijk,inleveraar_id,positie,voorletters,achternaam,instemming,buiten_gebied,verklaring_vestiging,zittend_lid,kopie_id
1,Partij A,geen,02-02-2026 16:59,ja,ja,nee,1,A.B.,Berg,ja,ja,ja,nee,ja
1,Partij A,geen,02-02-2026 16:59,ja,ja,nee,2,C.,Dijk,ja,,,ja,
"""


def test_the_records_of_the_hand_in_and_the_documents_are_read() -> None:
    [lst] = read_lists(RECORDED)
    assert lst.received_at == dt.datetime(2026, 2, 2, 16, 59)
    assert (lst.submitter_voter, lst.submitter_in_person, lst.submitter_id_checked) == (
        True,
        True,
        False,
    )
    first, second = lst.candidates
    assert (first.outside_area, first.residence_declaration, first.id_copy) == (True, True, True)
    assert (second.already_member, second.id_copy) == (True, None)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("02-02-2026 16:59,ja,ja,nee,1", "2026-02-02,ja,ja,nee,1"), "row 2, column ingeleverd_op"),
        (("16:59,ja,ja,nee,2", "16:59,ja,wel,nee,2"), "row 3, column inleveraar_persoonlijk"),
        (("ja,ja,nee,ja\n", "ja,ja,nee,soms\n"), "row 2, column kopie_id"),
    ],
)
def test_bad_records_name_the_row_and_column(change: tuple[str, str], message: str) -> None:
    with pytest.raises(CandidacyCsvError, match=message):
        read_lists(RECORDED.replace(*change, 1))
