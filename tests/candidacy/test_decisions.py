"""The CSB's decisions: unrepaired omissions take their consequence, repaired ones do not."""

from __future__ import annotations

import pytest

from candidacy import ListDecision, apply_decisions, check_lists, propose_decisions
from tests.candidacy.builders import GR17, REGISTER, TK, candidate, submitted


def test_an_unrepaired_missing_consent_strikes_the_candidate() -> None:
    lst = submitted(candidates=(candidate(1), candidate(2, consent=False), candidate(3)))
    findings = check_lists([lst], REGISTER, GR17)
    [decision] = propose_decisions([lst], findings)
    assert decision.struck == (2,)
    assert "K07" in decision.reasons[0]
    [accepted] = apply_decisions([lst], [decision])
    assert [c.name.last_name for c in accepted.candidates] == ["Jansen1", "Jansen3"]


def test_a_repaired_omission_changes_nothing() -> None:
    lst = submitted(candidates=(candidate(1), candidate(2, consent=False)))
    findings = check_lists([lst], REGISTER, GR17)
    [decision] = propose_decisions([lst], findings, repaired=findings)
    assert decision == ListDecision(list_key=lst.key)
    assert apply_decisions([lst], [decision]) == (lst,)


def test_support_short_in_one_district_drops_only_that_district() -> None:
    lst = submitted(
        party_name="Nieuw", districts=("1", "2"), support={"1": 30, "2": 3}, deposit_paid=True
    )
    [decision] = propose_decisions([lst], check_lists([lst], REGISTER, TK))
    assert decision.invalid_districts == ("2",)
    [accepted] = apply_decisions([lst], [decision])
    assert accepted.districts == ("1",)


def test_a_list_whose_candidates_are_all_struck_is_invalid() -> None:
    lst = submitted(candidates=(candidate(1, consent=False),))
    [decision] = propose_decisions([lst], check_lists([lst], REGISTER, GR17))
    assert decision.invalid
    assert apply_decisions([lst], [decision]) == ()


def test_a_list_without_districts_or_deposit_is_invalid_as_a_whole() -> None:
    no_districts = submitted("a", districts=())
    no_deposit = submitted(
        "b", party_name="Nieuw", support={"geen": 20}, candidates=(candidate(9),)
    )
    lists = [no_districts, no_deposit]
    decisions = propose_decisions(lists, check_lists(lists, REGISTER, GR17))
    assert [d.invalid for d in decisions] == [True, True]
    assert [r[:3] for r in decisions[1].reasons] == ["K12"]
    assert apply_decisions(lists, decisions) == ()


def test_a_struck_name_leaves_a_blank_list() -> None:
    lst = submitted(party_name="Onbekend", support={"geen": 20}, deposit_paid=True)
    [decision] = propose_decisions([lst], check_lists([lst], REGISTER, GR17))
    assert decision.name_struck
    [accepted] = apply_decisions([lst], [decision])
    assert accepted.party_name == ""


def test_a_decision_about_an_unknown_list_or_position_is_refused() -> None:
    lst = submitted()
    with pytest.raises(ValueError, match="not handed in"):
        apply_decisions([lst], [ListDecision(list_key="zz")])
    with pytest.raises(ValueError, match="strikes position 9"):
        apply_decisions([lst], [ListDecision(list_key=lst.key, struck=(9,))])


def test_an_unidentified_submitter_makes_the_list_invalid_unless_repaired() -> None:
    lst = submitted(submitter_id_checked=False)
    findings = check_lists([lst], REGISTER, GR17)
    [decision] = propose_decisions([lst], findings)
    assert decision.invalid
    assert "K18" in decision.reasons[0]
    assert apply_decisions([lst], [decision]) == ()
    [repaired] = propose_decisions([lst], findings, repaired=findings)
    assert not repaired.invalid


def test_facts_not_recorded_are_warnings_that_decide_nothing() -> None:
    lst = submitted(
        received_at=None,
        submitter_voter=None,
        submitter_id_checked=None,
        candidates=(candidate(1, date_of_birth=None, id_copy=None),),
    )
    findings = check_lists([lst], REGISTER, GR17)
    assert {f.code.value for f in findings} == {"K16", "K17", "K18", "K19", "K21"}
    [decision] = propose_decisions([lst], findings)
    assert decision == ListDecision(list_key=lst.key)
