"""Checks K22 to K28 (docs/candidacy.md C01, C02, C08, C20, C22, C24): once triggered, once not."""

from __future__ import annotations

import datetime as dt

import pytest

from candidacy import (
    Code,
    Consequence,
    Finding,
    PartyRegistration,
    SupportDeclaration,
    check_lists,
    check_registration,
    needs_support_and_deposit,
    read_lists,
    write_lists,
)
from tests.candidacy.builders import GR17, REGISTER, candidate, submitted

N = dt.date(2026, 2, 2)
RULES = GR17.model_copy(update={"nomination_date": N})


def only(findings: tuple[Finding, ...], code: Code) -> list[Finding]:
    return [f for f in findings if f.code is code]


# K22 (C01): registration request received by N - 42 days.


@pytest.mark.parametrize(("days_before", "late"), [(42, False), (43, False), (41, True)])
def test_a_registration_received_after_n_minus_42_strikes_the_name(
    days_before: int, late: bool
) -> None:
    register = {
        **REGISTER,
        "Partij A": REGISTER["Partij A"].model_copy(
            update={"requested_on": N - dt.timedelta(days=days_before)}
        ),
    }
    found = only(check_lists([submitted()], register, RULES), Code.NAME_REGISTERED_LATE)
    assert bool(found) is late
    if late:
        assert found[0].consequence is Consequence.NAME_STRUCK
        assert found[0].article.startswith("G 1-G 3")


def test_without_nomination_day_or_request_date_the_deadline_is_not_checked() -> None:
    register = {
        **REGISTER,
        "Partij A": REGISTER["Partij A"].model_copy(update={"requested_on": N}),
    }
    without_day = GR17.model_copy(update={"nomination_date": None})
    assert not only(check_lists([submitted()], register, without_day), Code.NAME_REGISTERED_LATE)
    assert not only(check_lists([submitted()], REGISTER, RULES), Code.NAME_REGISTERED_LATE)


def test_a_late_registration_request_is_refused() -> None:
    late = PartyRegistration(name="Vers", requested_on=N - dt.timedelta(days=10))
    on_time = PartyRegistration(name="Vers", requested_on=N - dt.timedelta(days=42))
    assert [f.code for f in check_registration(late, REGISTER, RULES)] == [
        Code.NAME_REGISTERED_LATE
    ]
    assert check_registration(on_time, REGISTER, RULES) == ()


# K23 (C02): identical after normalisation, or longer than the maximum.


@pytest.mark.parametrize(("length", "too_long"), [(35, False), (36, True)])
def test_a_name_longer_than_35_characters_is_refused(length: int, too_long: bool) -> None:
    name = "P" * length
    found = check_registration(PartyRegistration(name=name), REGISTER, RULES)
    assert bool(only(found, Code.NAME_NOT_DISTINCT)) is too_long
    register = {**REGISTER, name: PartyRegistration(name=name)}
    listed = check_lists([submitted(party_name=name)], register, RULES)
    assert bool(only(listed, Code.NAME_NOT_DISTINCT)) is too_long


@pytest.mark.parametrize("variant", ["partij a", "PARTIJ  A", "Pártij A"])
def test_a_request_identical_after_normalisation_is_refused(variant: str) -> None:
    [finding] = only(
        check_registration(PartyRegistration(name=variant), REGISTER, RULES),
        Code.NAME_NOT_DISTINCT,
    )
    assert finding.consequence is Consequence.NAME_STRUCK
    assert "Partij A" in finding.text_nl


def test_a_distinct_request_is_not_refused() -> None:
    found = check_registration(PartyRegistration(name="Partij Anders"), REGISTER, RULES)
    assert not only(found, Code.NAME_NOT_DISTINCT)


def test_of_two_identical_registrations_the_later_one_is_struck() -> None:
    register = {
        **REGISTER,
        "Partij A": REGISTER["Partij A"].model_copy(update={"requested_on": dt.date(2025, 1, 1)}),
        "PARTIJ A": PartyRegistration(name="PARTIJ A", requested_on=dt.date(2025, 6, 1)),
    }
    lists = [submitted("1"), submitted("2", party_name="PARTIJ A")]
    found = only(check_lists(lists, register, RULES), Code.NAME_NOT_DISTINCT)
    assert [(f.list_key, f.consequence) for f in found] == [("2", Consequence.NAME_STRUCK)]


def test_two_identical_registrations_without_dates_are_a_warning_on_both() -> None:
    register = {**REGISTER, "PARTIJ A": PartyRegistration(name="PARTIJ A")}
    lists = [submitted("1"), submitted("2", party_name="PARTIJ A")]
    found = only(check_lists(lists, register, RULES), Code.NAME_NOT_DISTINCT)
    assert [(f.list_key, f.consequence) for f in found] == [
        ("1", Consequence.WARNING),
        ("2", Consequence.WARNING),
    ]


# K24 (C02): the nearest registered names, a warning only.


def test_a_similar_request_lists_the_nearest_names_as_a_warning() -> None:
    [finding] = only(
        check_registration(PartyRegistration(name="Partij C"), REGISTER, RULES),
        Code.NAME_SIMILAR,
    )
    assert finding.consequence is Consequence.WARNING
    assert "Partij A, Partij B" in finding.text_nl


def test_a_dissimilar_request_gets_no_similarity_warning() -> None:
    found = check_registration(PartyRegistration(name="Vrije Burgers"), REGISTER, RULES)
    assert found == ()


# K25 (C08): a name that differs only by case, accents or spacing is corrected ex officio.


def test_a_name_differing_only_in_case_is_corrected_not_struck() -> None:
    found = check_lists([submitted(party_name="partij  a")], REGISTER, RULES)
    [finding] = only(found, Code.NAME_CORRECTED)
    assert finding.article == "I 8"
    assert "Partij A" in finding.text_nl
    assert not only(found, Code.NAME_NOT_REGISTERED)
    # the corrected name is the registered one: a party with seats needs no deposit
    assert not needs_support_and_deposit(submitted(party_name="partij  a"), REGISTER)


def test_an_exact_name_is_not_corrected_and_an_unknown_one_is_struck() -> None:
    assert not only(check_lists([submitted()], REGISTER, RULES), Code.NAME_CORRECTED)
    found = check_lists([submitted(party_name="Partij Z")], REGISTER, RULES)
    assert not only(found, Code.NAME_CORRECTED)
    assert only(found, Code.NAME_NOT_REGISTERED)


# K26 (C20): somebody who may repair omissions.


@pytest.mark.parametrize(("named", "fires"), [(False, True), (True, False), (None, False)])
def test_a_list_naming_nobody_to_repair_omissions_is_repairable(
    named: bool | None, fires: bool
) -> None:
    found = only(
        check_lists([submitted(repair_contact_named=named)], REGISTER, RULES),
        Code.NO_REPAIR_CONTACT,
    )
    assert bool(found) is fires
    if fires:
        assert found[0].consequence is Consequence.REPAIRABLE
        assert found[0].article == "H 5, I 2"


# K27 (C22): support declarations, and K11 counting only the valid ones.


def declarations(n: int, prefix: str = "v", **changes: object) -> tuple[SupportDeclaration, ...]:
    return tuple(
        SupportDeclaration(district="geen", signer=f"{prefix}{i}").model_copy(update=changes)
        for i in range(n)
    )


def test_twenty_valid_declarations_suffice_for_a_council_of_17() -> None:
    found = check_lists(
        [
            submitted(
                "1", party_name="Nieuw", deposit_paid=True, support_declarations=declarations(20)
            )
        ],
        REGISTER,
        RULES,
    )
    assert not only(found, Code.SUPPORT_DECLARATION_INVALID)
    assert not only(found, Code.SUPPORT_SHORT)


def test_a_signer_not_registered_in_the_district_makes_the_declaration_invalid() -> None:
    support = (
        *declarations(19),
        SupportDeclaration(district="geen", signer="x", registered_in_district=False),
    )
    lists = [submitted("1", party_name="Nieuw", deposit_paid=True, support_declarations=support)]
    found = check_lists(lists, REGISTER, RULES)
    [invalid] = only(found, Code.SUPPORT_DECLARATION_INVALID)
    assert invalid.district == "geen"
    assert "ondersteuningsverklaring 20" in invalid.text_nl
    [short] = only(found, Code.SUPPORT_SHORT)
    assert "19 geldige" in short.text_nl


def test_a_signer_supporting_two_lists_invalidates_the_later_declaration() -> None:
    first = submitted(
        "1", party_name="Nieuw", deposit_paid=True, support_declarations=declarations(20)
    )
    second = submitted(
        "2",
        party_name="",
        deposit_paid=True,
        support_declarations=declarations(20, "w") + declarations(1),
    )
    found = check_lists([first, second], REGISTER, RULES)
    invalid = only(found, Code.SUPPORT_DECLARATION_INVALID)
    assert [(f.list_key, f.consequence) for f in invalid] == [("2", Consequence.WARNING)]
    assert "lijst 1 (Nieuw)" in invalid[0].text_nl
    # the signer's identity never appears in a finding
    assert all("v0" not in f.text_nl and "v0" not in f.text_en for f in found)


# K28 (C24): identical lists in several districts form a set.


def test_identical_lists_of_one_party_in_several_districts_are_grouped() -> None:
    lists = [
        submitted("1", districts=("1",)),
        submitted("2", districts=("2",)),
        submitted("3", districts=("3",), candidates=tuple(candidate(i) for i in (2, 1, 3))),
    ]
    found = only(check_lists(lists, REGISTER, RULES), Code.IDENTICAL_LISTS)
    assert [f.list_key for f in found] == ["1", "2"]
    assert found[0].consequence is Consequence.WARNING
    assert found[0].article == "H 11"


def test_lists_with_other_candidates_or_of_another_party_are_not_a_set() -> None:
    lists = [
        submitted("1", districts=("1",)),
        submitted("2", districts=("2",), party_name="Partij B"),
    ]
    assert not only(check_lists(lists, REGISTER, RULES), Code.IDENTICAL_LISTS)


def test_new_findings_never_carry_birth_dates_or_bsn() -> None:
    lists = [
        submitted("1", repair_contact_named=False, districts=("1",)),
        submitted(
            "2",
            districts=("2",),
            party_name="partij a",
            support_declarations=declarations(1, registered_in_district=False),
        ),
    ]
    for finding in check_lists(lists, REGISTER, RULES):
        for c in lists[0].candidates:
            assert c.date_of_birth is not None
            assert c.bsn is not None
            for text in (finding.text_nl, finding.text_en):
                assert c.date_of_birth.isoformat() not in text
                assert c.bsn not in text


@pytest.mark.parametrize(("cell", "named"), [("ja", True), ("nee", False), ("", None)])
def test_the_csv_column_herstelpersoon_feeds_k26(cell: str, named: bool | None) -> None:
    csv = (
        "lijst,aanduiding,kieskringen,positie,voorletters,achternaam,instemming,herstelpersoon\n"
        f"1,Partij A,geen,1,A.,Berg,ja,{cell}\n"
    )
    [read] = read_lists(csv)
    assert read.repair_contact_named is named
    assert read_lists(write_lists([read])) == (read,)
    found = only(check_lists([read], REGISTER, RULES), Code.NO_REPAIR_CONTACT)
    assert bool(found) is (named is False)


def test_a_csv_without_the_column_still_imports_unrecorded() -> None:
    csv = "lijst,aanduiding,kieskringen,positie,voorletters,achternaam,instemming\n"
    [read] = read_lists(csv + "1,Partij A,geen,1,A.,Berg,ja\n")
    assert read.repair_contact_named is None
