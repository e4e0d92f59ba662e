"""Every check of the examination (Kieswet I 1 to I 8): once triggered, once not.

Each case builds a list that differs from a valid one in exactly one respect and asserts the
code, the article and the consequence the CSB will act on; the "not triggered" case is the
nearest valid situation, so a check that fires too eagerly fails too.
"""

from __future__ import annotations

import datetime as dt

import pytest

from candidacy import (
    Code,
    Consequence,
    Finding,
    PartyRegistration,
    SubmittedList,
    check_lists,
    needs_support_and_deposit,
)
from osv.model import Gender, PersonName
from tests.candidacy.builders import GR17, NOMINATION_DAY, REGISTER, TK, candidate, submitted


def codes(findings: tuple[Finding, ...]) -> list[str]:
    return [f.code.value for f in findings]


def only(findings: tuple[Finding, ...], code: Code) -> list[Finding]:
    return [f for f in findings if f.code is code]


def test_a_complete_list_of_a_party_with_seats_has_no_findings() -> None:
    assert check_lists([submitted()], REGISTER, GR17) == ()


def test_no_districts_makes_the_list_invalid() -> None:
    [finding] = only(check_lists([submitted(districts=())], REGISTER, GR17), Code.NO_DISTRICTS)
    assert finding.consequence is Consequence.LIST_INVALID
    assert "H 2" in finding.article


def test_a_district_named_twice_is_a_warning_once() -> None:
    findings = check_lists([submitted(districts=("1", "1", "2"))], REGISTER, TK)
    [finding] = only(findings, Code.DUPLICATE_DISTRICT)
    assert (finding.district, finding.consequence) == ("1", Consequence.WARNING)
    assert not only(
        check_lists([submitted(districts=("1", "2"))], REGISTER, TK), Code.DUPLICATE_DISTRICT
    )


def test_a_list_without_candidates_is_invalid() -> None:
    [finding] = only(check_lists([submitted(n=0)], REGISTER, GR17), Code.NO_CANDIDATES)
    assert finding.consequence is Consequence.LIST_INVALID
    assert finding.article == "I 5"
    assert not only(check_lists([submitted(n=1)], REGISTER, GR17), Code.NO_CANDIDATES)


@pytest.mark.parametrize(
    ("party", "count", "struck"),
    [
        ("Partij A", 50, []),
        ("Partij A", 52, [51, 52]),
        ("Groot", 80, []),  # 16 seats last time: up to 80 (H 6)
        ("Groot", 81, [81]),
        ("Nieuw", 51, [51]),
    ],
)
def test_candidates_beyond_the_maximum_are_struck(
    party: str, count: int, struck: list[int]
) -> None:
    lst = submitted(n=count, party_name=party, support={"geen": 20}, deposit_paid=True)
    findings = only(check_lists([lst], REGISTER, GR17), Code.TOO_MANY_CANDIDATES)
    assert [f.position for f in findings] == struck
    assert all(
        f.consequence is Consequence.CANDIDATE_STRUCK and "H 6" in f.article for f in findings
    )


@pytest.mark.parametrize(
    ("changes", "missing"),
    [
        ({"locality": None}, "woonplaats"),
        ({"name": PersonName(initials="", last_name="Jansen")}, "voorletters"),
    ],
)
def test_missing_candidate_data_is_repairable_else_struck(
    changes: dict[str, object], missing: str
) -> None:
    lst = submitted(candidates=(candidate(1), candidate(2, **changes)))
    [finding] = only(check_lists([lst], REGISTER, GR17), Code.CANDIDATE_DATA_MISSING)
    assert finding.position == 2
    assert missing in finding.text_nl
    assert finding.consequence is Consequence.REPAIRABLE
    assert finding.final_consequence is Consequence.CANDIDATE_STRUCK


def test_a_candidate_abroad_with_a_country_code_needs_no_locality() -> None:
    from candidacy import Agent

    agent = Agent(name=PersonName(initials="C.", last_name="Gemachtigd"))
    abroad = candidate(1, locality=None, country_code="BE", agent=agent)
    lst = submitted(candidates=(abroad.model_copy(update={"residence_declaration": True}),))
    assert check_lists([lst], REGISTER, GR17) == ()


@pytest.mark.parametrize(
    ("initials", "bad"), [("A.B.", False), ("Th.J.", False), ("AB", True), ("A B.", True)]
)
def test_initials_must_have_the_form_a_dot_b_dot(initials: str, bad: bool) -> None:
    lst = submitted(candidates=(candidate(1, name=PersonName(initials=initials, last_name="X")),))
    findings = only(check_lists([lst], REGISTER, GR17), Code.INITIALS_MALFORMED)
    assert bool(findings) is bad


def test_missing_consent_is_repairable_else_the_candidate_is_struck() -> None:
    lst = submitted(candidates=(candidate(1), candidate(2, consent=False)))
    [finding] = only(check_lists([lst], REGISTER, GR17), Code.CONSENT_MISSING)
    assert (finding.position, finding.article) == (2, "H 9, I 2, I 6")
    assert finding.final_consequence is Consequence.CANDIDATE_STRUCK


def test_the_same_candidate_twice_on_a_list_strikes_the_later_entry() -> None:
    lst = submitted(candidates=(candidate(1), candidate(2), candidate(1)))
    [finding] = only(check_lists([lst], REGISTER, GR17), Code.DUPLICATE_ON_LIST)
    assert finding.position == 3
    assert "plaats 1" in finding.text_nl


def test_namesakes_with_another_date_of_birth_are_different_people() -> None:
    twin = candidate(1).model_copy(update={"date_of_birth": candidate(5).date_of_birth})
    lst = submitted(candidates=(candidate(1), twin))
    assert not only(check_lists([lst], REGISTER, GR17), Code.DUPLICATE_ON_LIST)


def test_a_candidate_on_two_parties_lists_is_struck_on_both() -> None:
    a = submitted("a")
    b = submitted("b", party_name="Partij B", candidates=(candidate(7), candidate(2)))
    findings = only(check_lists([a, b], REGISTER, GR17), Code.DUPLICATE_ACROSS_LISTS)
    assert [(f.list_key, f.position) for f in findings] == [("a", 2), ("b", 2)]
    assert all(f.consequence is Consequence.CANDIDATE_STRUCK for f in findings)


def test_one_partys_lists_in_different_districts_may_share_a_candidate() -> None:
    a = submitted("a", districts=("1",))
    b = submitted("b", districts=("2",))
    assert not only(check_lists([a, b], REGISTER, TK), Code.DUPLICATE_ACROSS_LISTS)


def test_different_parties_may_not_share_a_candidate_even_in_other_districts() -> None:
    a = submitted("a", districts=("1",))
    b = submitted("b", party_name="Partij B", districts=("2",), candidates=(candidate(3),))
    findings = only(check_lists([a, b], REGISTER, TK), Code.DUPLICATE_ACROSS_LISTS)
    assert [(f.list_key, f.position) for f in findings] == [("a", 3), ("b", 1)]


def test_one_partys_two_lists_in_one_district_may_not_share_a_candidate() -> None:
    a = submitted("a", districts=("1", "2"))
    b = submitted("b", districts=("2",), candidates=(candidate(1),))
    findings = only(check_lists([a, b], REGISTER, TK), Code.DUPLICATE_ACROSS_LISTS)
    assert [(f.list_key, f.position) for f in findings] == [("a", 1), ("b", 1)]


def test_a_candidate_abroad_needs_an_agent() -> None:
    lst = submitted(candidates=(candidate(1, country_code="DE"),))
    [finding] = only(check_lists([lst], REGISTER, GR17), Code.AGENT_MISSING)
    assert finding.final_consequence is Consequence.CANDIDATE_STRUCK
    assert "H 10" in finding.article
    home = submitted(candidates=(candidate(1, country_code="NL"),))
    assert not only(check_lists([home], REGISTER, GR17), Code.AGENT_MISSING)


def test_support_declarations_short_per_district_then_the_list_is_invalid_there() -> None:
    lst = submitted(
        party_name="Nieuw", districts=("1", "20"), support={"1": 29, "20": 10}, deposit_paid=True
    )
    [finding] = only(check_lists([lst], REGISTER, TK), Code.SUPPORT_SHORT)
    assert finding.district == "1"
    assert "29" in finding.text_en
    assert "30" in finding.text_en
    assert finding.final_consequence is Consequence.LIST_INVALID
    enough = lst.model_copy(update={"support": {"1": 30, "20": 10}})
    assert check_lists([enough], REGISTER, TK) == ()


@pytest.mark.parametrize(
    ("seats", "required"), [(9, 10), (11, 10), (13, 20), (19, 20), (21, 30), (45, 30)]
)
def test_municipal_support_depends_on_the_council_size(seats: int, required: int) -> None:
    from candidacy import default_rules
    from osv.model import ElectionCategory

    rules = default_rules(ElectionCategory.GR, seats)
    short = submitted(party_name="Nieuw", support={"geen": required - 1}, deposit_paid=True)
    assert codes(check_lists([short], REGISTER, rules)) == ["K11"]
    enough = short.model_copy(update={"support": {"geen": required}})
    assert check_lists([enough], REGISTER, rules) == ()


def test_a_missing_deposit_makes_the_list_of_a_new_party_invalid() -> None:
    lst = submitted(party_name="Nieuw", support={"geen": 20})
    [finding] = only(check_lists([lst], REGISTER, GR17), Code.DEPOSIT_MISSING)
    assert finding.consequence is Consequence.LIST_INVALID
    assert "225" in finding.text_nl
    assert not only(check_lists([submitted()], REGISTER, GR17), Code.DEPOSIT_MISSING)


def test_blank_lists_and_unregistered_names_need_support_and_deposit() -> None:
    assert needs_support_and_deposit(submitted(party_name=""), REGISTER)
    assert needs_support_and_deposit(submitted(party_name="Onbekend"), REGISTER)
    assert needs_support_and_deposit(submitted(party_name="Nieuw"), REGISTER)
    assert not needs_support_and_deposit(submitted(), REGISTER)


def test_an_unregistered_party_name_is_struck() -> None:
    lst = submitted(party_name="Onbekend", support={"geen": 20}, deposit_paid=True)
    [finding] = only(check_lists([lst], REGISTER, GR17), Code.NAME_NOT_REGISTERED)
    assert finding.consequence is Consequence.NAME_STRUCK
    assert "I 7" in finding.article


def test_a_party_name_without_authorisation_is_repairable_else_struck() -> None:
    [finding] = only(
        check_lists([submitted(name_authorised=False)], REGISTER, GR17), Code.NAME_NOT_AUTHORISED
    )
    assert finding.consequence is Consequence.REPAIRABLE
    assert finding.final_consequence is Consequence.NAME_STRUCK


def test_a_small_minority_without_gender_is_a_warning() -> None:
    people = [candidate(i) for i in range(1, 11)]
    people[3] = people[3].model_copy(update={"gender": None})
    [finding] = only(
        check_lists([submitted(candidates=tuple(people))], REGISTER, GR17),
        Code.INCONSISTENT_MINORITY,
    )
    assert finding.consequence is Consequence.WARNING
    assert "9 van 10" in finding.text_nl
    half = [
        c.model_copy(update={"gender": None if i % 2 else Gender.MALE})
        for i, c in enumerate(people)
    ]
    assert not only(
        check_lists([submitted(candidates=tuple(half))], REGISTER, GR17), Code.INCONSISTENT_MINORITY
    )


def test_findings_never_carry_birth_dates_or_bsn() -> None:
    lst = submitted(
        party_name="Onbekend",
        candidates=(
            candidate(1, consent=False, locality=None),
            candidate(1),
            candidate(2, country_code="US"),
            candidate(3, date_of_birth=dt.date(2015, 6, 1), id_copy=False, outside_area=True),
        ),
        received_at=dt.datetime(2026, 2, 2, 17, 1),
        submitter_voter=False,
        submitter_id_checked=False,
    )
    other = submitted("b", party_name="Partij B", candidates=(candidate(2),), received_at=None)
    findings = check_lists([lst, other], REGISTER, GR17)
    new_codes = {f"K{n}" for n in range(16, 22)}
    assert new_codes <= set(codes(findings))
    text = repr(findings) + "".join(f.text_nl + f.text_en for f in findings)
    for person in (*lst.candidates, *other.candidates):
        assert person.bsn is not None
        assert person.date_of_birth is not None
        assert person.bsn not in text
        assert person.date_of_birth.isoformat() not in text
        assert person.date_of_birth.strftime("%d-%m-%Y") not in text


def test_two_lists_with_one_key_are_a_callers_mistake() -> None:
    with pytest.raises(ValueError, match="own key"):
        check_lists([submitted("x"), submitted("x")], REGISTER, GR17)


def test_registration_requires_a_name() -> None:
    with pytest.raises(ValueError, match="at least 1 character"):
        PartyRegistration(name="")
    with pytest.raises(ValueError, match="at least 1 character"):
        SubmittedList(key="")


def test_the_repr_of_a_candidate_hides_personal_data() -> None:
    """A candidate printed in a log or traceback shows no date of birth, BSN or agent."""
    from candidacy import Agent

    agent = Agent(name=PersonName(initials="Q.", last_name="Zaakwaarnemer"), locality="Geheimstad")
    person = candidate(4, agent=agent)
    text = repr(person) + str(person) + repr(submitted(candidates=(person,)))
    assert "Jansen4" in text
    for secret in ("1980", str(person.bsn), "Zaakwaarnemer", "Geheimstad"):
        assert secret not in text


@pytest.mark.parametrize(
    ("time", "late"),
    [
        (dt.time(8, 59), True),
        (dt.time(9, 0), False),
        (dt.time(17, 0), False),
        (dt.time(17, 0, 1), True),
        (dt.time(17, 1), True),
    ],
)
def test_a_list_handed_in_outside_nine_to_five_is_invalid(time: dt.time, late: bool) -> None:
    received = dt.datetime.combine(NOMINATION_DAY, time)
    findings = only(
        check_lists([submitted(received_at=received)], REGISTER, GR17), Code.RECEIVED_OUT_OF_TIME
    )
    assert bool(findings) is late
    if late:
        assert findings[0].consequence is Consequence.LIST_INVALID
        assert findings[0].article == "H 1, I 5"


def test_a_list_handed_in_on_another_day_is_invalid() -> None:
    received = dt.datetime(2026, 2, 3, 10, 0)
    [finding] = only(
        check_lists([submitted(received_at=received)], REGISTER, GR17), Code.RECEIVED_OUT_OF_TIME
    )
    assert finding.consequence is Consequence.LIST_INVALID
    # Without a known nomination day only the hours are checked.
    assert not only(
        check_lists([submitted(received_at=received)], REGISTER, TK), Code.RECEIVED_OUT_OF_TIME
    )


def test_an_unrecorded_time_of_receipt_is_a_warning() -> None:
    [finding] = only(
        check_lists([submitted(received_at=None)], REGISTER, GR17), Code.RECEIVED_OUT_OF_TIME
    )
    assert finding.consequence is Consequence.WARNING


@pytest.mark.parametrize(
    ("changes", "text"),
    [
        ({"submitter_voter": False}, "geen kiezer"),
        ({"submitter_in_person": False}, "niet persoonlijk"),
        ({"submitter_voter": False, "submitter_in_person": False}, "geen kiezer voor deze"),
    ],
)
def test_a_submitter_who_is_no_voter_or_absent_is_repairable_else_invalid(
    changes: dict[str, object], text: str
) -> None:
    [finding] = only(
        check_lists([submitted(**changes)], REGISTER, GR17), Code.SUBMITTER_NOT_VOTER_IN_PERSON
    )
    assert text in finding.text_nl
    assert finding.consequence is Consequence.REPAIRABLE
    assert finding.final_consequence is Consequence.LIST_INVALID
    assert "I 5" in finding.article
    assert not only(check_lists([submitted()], REGISTER, GR17), Code.SUBMITTER_NOT_VOTER_IN_PERSON)


def test_an_unrecorded_submitter_is_a_warning() -> None:
    [finding] = only(
        check_lists([submitted(submitter_in_person=None)], REGISTER, GR17),
        Code.SUBMITTER_NOT_VOTER_IN_PERSON,
    )
    assert finding.consequence is Consequence.WARNING


def test_a_submitter_without_valid_id_is_repairable_else_invalid() -> None:
    [finding] = only(
        check_lists([submitted(submitter_id_checked=False)], REGISTER, GR17),
        Code.SUBMITTER_NOT_IDENTIFIED,
    )
    assert finding.final_consequence is Consequence.LIST_INVALID
    [unrecorded] = only(
        check_lists([submitted(submitter_id_checked=None)], REGISTER, GR17),
        Code.SUBMITTER_NOT_IDENTIFIED,
    )
    assert unrecorded.consequence is Consequence.WARNING
    assert not only(check_lists([submitted()], REGISTER, GR17), Code.SUBMITTER_NOT_IDENTIFIED)


@pytest.mark.parametrize(("days_after", "struck"), [(0, False), (1, True), (-1, False)])
def test_a_candidate_who_is_not_18_by_the_last_day_of_the_term_is_struck(
    days_after: int, struck: bool
) -> None:
    assert GR17.term_end is not None
    last_day = GR17.term_end
    # Turns 18 on the last day of the term (days_after 0), the day after, or the day before.
    born = last_day.replace(year=last_day.year - 18) + dt.timedelta(days=days_after)
    lst = submitted(candidates=(candidate(1), candidate(2, date_of_birth=born)))
    findings = only(check_lists([lst], REGISTER, GR17), Code.UNDER_AGE)
    assert bool(findings) is struck
    if struck:
        assert findings[0].position == 2
        assert findings[0].consequence is Consequence.CANDIDATE_STRUCK
        assert "H 7" in findings[0].article


def test_the_term_of_a_municipal_council_ends_four_years_on() -> None:
    assert GR17.term_end == dt.date(2030, 3, 17)
    assert TK.term_end is None


def test_without_a_date_of_birth_the_age_is_a_warning() -> None:
    lst = submitted(candidates=(candidate(1), candidate(2, date_of_birth=None)))
    [finding] = only(check_lists([lst], REGISTER, GR17), Code.UNDER_AGE)
    assert finding.consequence is Consequence.WARNING
    assert "kandidaat 2" in finding.text_nl
    # Without the end of the term the age is not checked at all.
    assert not only(check_lists([lst], REGISTER, TK), Code.UNDER_AGE)


def test_a_candidate_outside_the_area_needs_a_declaration_of_residence() -> None:
    lst = submitted(candidates=(candidate(1, outside_area=True),))
    [finding] = only(check_lists([lst], REGISTER, GR17), Code.RESIDENCE_DECLARATION_MISSING)
    assert finding.consequence is Consequence.REPAIRABLE
    assert finding.final_consequence is Consequence.CANDIDATE_STRUCK
    assert "H 7" in finding.article
    declared = submitted(candidates=(candidate(1, outside_area=True, residence_declaration=True),))
    assert not only(check_lists([declared], REGISTER, GR17), Code.RESIDENCE_DECLARATION_MISSING)
    # The Tweede Kamer has no area to live in.
    assert not only(check_lists([lst], REGISTER, TK), Code.RESIDENCE_DECLARATION_MISSING)


def test_a_new_municipal_candidate_needs_an_id_copy() -> None:
    lst = submitted(candidates=(candidate(1, id_copy=False),))
    [finding] = only(check_lists([lst], REGISTER, GR17), Code.ID_COPY_MISSING)
    assert (finding.position, finding.consequence) == (1, Consequence.REPAIRABLE)
    member = submitted(candidates=(candidate(1, id_copy=False, already_member=True),))
    assert not only(check_lists([member], REGISTER, GR17), Code.ID_COPY_MISSING)
    assert not only(check_lists([lst], REGISTER, TK), Code.ID_COPY_MISSING)
    unrecorded = submitted(candidates=(candidate(1, id_copy=None),))
    [warning] = only(check_lists([unrecorded], REGISTER, GR17), Code.ID_COPY_MISSING)
    assert warning.consequence is Consequence.WARNING
