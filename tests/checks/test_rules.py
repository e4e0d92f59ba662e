"""Every data-entry rule: a case that triggers it and one that does not.

Each test starts from a consistent form of the model the rule applies to (tests/checks/entries.py:
no findings at all) and changes the boxes the rule is about, as a typist's mistake or a wrong
paper form would. The expected findings are written out: code, the boxes marked, the list.
"""

from __future__ import annotations

import pytest

from osv.model.entry import CountEntry, EntryModel
from results.checks import CHECK_RULES, EntryFinding, check_entry
from tests.checks.entries import (
    STATION_MODELS,
    TOTAL_MODELS,
    change,
    consistent,
    consistent_data,
)

CSO1 = EntryModel.CSO_FIRST_SESSION
CSON = EntryModel.CSO_NEXT_SESSION
DSO1 = EntryModel.DSO_FIRST_SESSION
GSB = EntryModel.GSB_TOTALS


def codes(entry: CountEntry) -> list[str]:
    return list(check_entry(entry).codes)


@pytest.mark.parametrize("model", list(EntryModel))
@pytest.mark.parametrize("difference", [0, 3, -4])
def test_a_consistent_form_has_no_findings(model: EntryModel, difference: int) -> None:
    assert codes(consistent(model, difference=difference)) == []


# --- F.1xx: the questions of a first session ---------------------------------------------------


def test_a_question_block_never_saved_is_unanswered() -> None:
    """Issue 15, defect 2: without its ``dso`` block a decentral first session had no F.121
    (and without ``cso`` a central one no F.111), so 20 stations became definitive without the
    answers. A block that was never saved is the block with nothing ticked."""
    dso = change(consistent(DSO1), "dso", None)
    assert check_entry(dso).items == (
        EntryFinding("F.121", ("dso.corrigendum_present", "dso.checks_and_corrections_present")),
    )
    cso = change(consistent(CSO1), "cso", None)
    assert check_entry(cso).items == (
        EntryFinding(
            "F.111",
            (
                "cso.difference_ballots_voters_fully_explained",
                "cso.difference_ballots_per_list",
            ),
        ),
    )


def test_f101_one_b1_1_question_answered_and_the_other_not() -> None:
    entry = change(consistent(CSO1), "cso.ballots_recounted_extra_investigation", {})
    assert check_entry(entry).items == (
        EntryFinding(
            "F.101",
            ("cso.extra_investigation_other_reason", "cso.ballots_recounted_extra_investigation"),
        ),
    )
    both_empty = change(entry, "cso.extra_investigation_other_reason", {})
    assert codes(both_empty) == []


def test_f102_yes_and_no_both_ticked_in_b1_1() -> None:
    entry = change(
        consistent(CSO1), "cso.extra_investigation_other_reason", {"yes": True, "no": True}
    )
    assert check_entry(entry).items == (
        EntryFinding("F.102", ("cso.extra_investigation_other_reason",)),
    )


def test_f111_and_f112_b1_2() -> None:
    entry = change(consistent(CSO1), "cso.difference_ballots_per_list", {})
    assert check_entry(entry).items == (
        EntryFinding("F.111", ("cso.difference_ballots_per_list",)),
    )
    both = change(consistent(CSO1), "cso.difference_ballots_per_list", {"yes": True, "no": True})
    assert codes(both) == ["F.112"]


def test_the_cso_questions_apply_to_the_first_session_only() -> None:
    assert codes(consistent(CSON)) == []
    assert all(CHECK_RULES[c].models == (CSO1,) for c in ("F.101", "F.102", "F.111", "F.112"))


def _dso(**answers: object) -> CountEntry:
    data = consistent_data(DSO1)
    data["dso"] = {
        "corrigendum_present": "OneDocument",
        "checks_and_corrections_present": "PagePresent",
        "reason_own_initiative": {"other_error": True},
        "corrected_results_own_initiative": {"no": True},
    } | answers
    return CountEntry.model_validate(data)


def test_a_consistent_dso_form_with_the_checks_page() -> None:
    assert codes(_dso()) == []


def test_f121_about_the_pv_not_answered() -> None:
    assert codes(_dso(corrigendum_present=None)) == ["F.121"]


def test_f122_corrigendum_without_the_checks_page() -> None:
    entry = _dso(
        corrigendum_present="TwoDocuments",
        checks_and_corrections_present="PageMissing",
        reason_own_initiative={},
        corrected_results_own_initiative={},
    )
    assert codes(entry) == ["F.122"]


def test_f131_checks_page_incomplete() -> None:
    [finding] = check_entry(
        _dso(reason_own_initiative={}, corrected_results_own_initiative={})
    ).items
    assert finding == EntryFinding(
        "F.131", ("dso.reason_own_initiative", "dso.corrected_results_own_initiative")
    )


def test_f132_not_corrected_but_a_corrigendum() -> None:
    assert codes(_dso(corrigendum_present="TwoDocuments")) == ["F.132"]


def test_f133_corrected_but_no_corrigendum() -> None:
    assert codes(_dso(corrected_results_own_initiative={"yes": True})) == ["F.133"]
    assert (
        codes(
            _dso(corrected_results_own_initiative={"yes": True}, corrigendum_present="TwoDocuments")
        )
        == []
    )


def test_f134_both_ticked_on_corrected() -> None:
    assert codes(_dso(corrected_results_own_initiative={"yes": True, "no": True})) == ["F.134"]


def test_f135_csb_request_in_a_first_session() -> None:
    assert codes(_dso(corrected_results_csb_request={"no": True})) == ["F.135"]


def test_f311_unexplained_difference_not_investigated() -> None:
    data = consistent_data(DSO1, difference=2)
    data["differences"]["difference_fully_explained"] = {"no": True}
    assert codes(CountEntry.model_validate(data)) == ["F.311"]
    data["dso"] = {
        "corrigendum_present": "OneDocument",
        "checks_and_corrections_present": "PagePresent",
        "reason_own_initiative": {"unexplained_difference": True},
        "corrected_results_own_initiative": {"no": True},
    }
    assert codes(CountEntry.model_validate(data)) == []


# --- F.2xx: voters and votes ------------------------------------------------------------------


@pytest.mark.parametrize("model", list(EntryModel))
def test_f201_a_plus_b_is_not_d(model: EntryModel) -> None:
    entry = change(consistent(model), "voters.poll_card_count", 1)
    assert (
        EntryFinding(
            "F.201",
            (
                "voters.poll_card_count",
                "voters.proxy_certificate_count",
                "voters.total_admitted_voters_count",
            ),
        )
        in check_entry(entry).items
    )


def test_f201_counts_voter_cards_and_marks_them() -> None:
    entry = consistent(CSO1, voter_cards=5)
    assert codes(entry) == []
    wrong = change(entry, "voters.voter_card_count", 6)
    [f201] = [f for f in check_entry(wrong).items if f.code == "F.201"]
    assert "voters.voter_card_count" in f201.fields


@pytest.mark.parametrize("model", [CSON, GSB])
def test_f202_lists_do_not_add_up_to_e(model: EntryModel) -> None:
    entry = change(consistent(model), "votes.list_totals[0].total", 341)
    found = codes(entry)
    assert "F.202" in found
    assert "F.403" in found


def test_f203_e_f_g_do_not_add_up_to_h() -> None:
    entry = change(consistent(CSON), "votes.blank_votes_count", 3)
    assert "F.203" in codes(entry)


def test_f204_e_empty_suppresses_f202_and_f203() -> None:
    entry = change(consistent(CSON), "votes.total_votes_candidates_count", None)
    found = codes(entry)
    assert "F.204" in found
    assert "F.202" not in found
    assert "F.203" not in found


# --- F.3xx: differences between D and H --------------------------------------------------------


def _ticks(equal: bool = False, more: bool = False, fewer: bool = False) -> dict[str, bool]:
    return {
        "admitted_voters_equal_votes_cast": equal,
        "votes_cast_greater_than_admitted_voters": more,
        "votes_cast_smaller_than_admitted_voters": fewer,
    }


def test_f301_equal_ticked_but_different() -> None:
    entry = change(consistent(CSON, difference=3), "differences.compare_d_h", _ticks(equal=True))
    assert codes(entry) == ["F.301"]


def test_f302_more_ticked_but_not_more() -> None:
    entry = change(consistent(CSON), "differences.compare_d_h", _ticks(more=True))
    assert codes(entry) == ["F.302"]


def test_f303_fewer_ticked_but_not_fewer() -> None:
    entry = change(consistent(CSON, difference=2), "differences.compare_d_h", _ticks(fewer=True))
    assert codes(entry) == ["F.303"]


def test_f304_not_exactly_one_tick() -> None:
    assert codes(change(consistent(CSON), "differences.compare_d_h", _ticks())) == ["F.304"]
    two = change(consistent(CSON), "differences.compare_d_h", _ticks(equal=True, more=True))
    assert codes(two) == ["F.302", "F.304"]


def test_f305_equal_but_i_or_j_filled() -> None:
    entry = change(consistent(CSON), "differences.fewer_ballots_count", 1)
    assert check_entry(entry).items == (
        EntryFinding("F.305", ("differences.fewer_ballots_count",)),
    )
    assert codes(change(consistent(CSON), "differences.fewer_ballots_count", 0)) == []


def test_f306_and_f307_more_votes_than_voters() -> None:
    entry = consistent(CSON, difference=3)
    assert codes(change(entry, "differences.more_ballots_count", 2)) == ["F.306"]
    assert codes(change(entry, "differences.fewer_ballots_count", 1)) == ["F.307"]


def test_f308_and_f309_fewer_votes_than_voters() -> None:
    entry = consistent(CSON, difference=-4)
    assert codes(change(entry, "differences.fewer_ballots_count", 5)) == ["F.308"]
    assert codes(change(entry, "differences.more_ballots_count", 1)) == ["F.309"]


def test_f310_difference_explained_not_answered() -> None:
    entry = consistent(CSON, difference=-4)
    assert codes(change(entry, "differences.difference_fully_explained", {})) == ["F.310"]
    both = change(entry, "differences.difference_fully_explained", {"yes": True, "no": True})
    assert codes(both) == ["F.310"]
    assert codes(change(entry, "differences.difference_fully_explained", {"no": True})) == []


@pytest.mark.parametrize("model", TOTAL_MODELS)
def test_f312_d_is_not_h_minus_i_plus_j(model: EntryModel) -> None:
    entry = consistent(model, difference=5)
    assert codes(entry) == []
    assert codes(change(entry, "differences.more_ballots_count", 4)) == ["F.312"]


def test_station_rules_do_not_apply_to_totals_and_back() -> None:
    assert not set(CHECK_RULES["F.312"].models) & set(STATION_MODELS)
    for code in ("F.301", "F.305", "F.310", "W.201", "W.203"):
        assert not set(CHECK_RULES[code].models) & set(TOTAL_MODELS)


# --- F.4xx: candidate pages --------------------------------------------------------------------


def test_f401_page_total_empty_suppresses_f402_and_f403() -> None:
    entry = change(consistent(CSON), "lists[1].page_total", None)
    assert check_entry(entry).items == (EntryFinding("F.401", ("lists[1].page_total",), 2),)


def test_f401_not_for_a_list_without_votes() -> None:
    entry = consistent(CSON, candidates={1: [100], 2: [0, 0]})
    assert codes(change(entry, "lists[1].page_total", None)) == []


def test_f402_candidates_do_not_add_up_to_the_page_total() -> None:
    entry = change(consistent(CSON), "lists[0].candidate_votes[1]", 41)
    assert check_entry(entry).items == (
        EntryFinding("F.402", ("lists[0]", "lists[0].page_total"), 1),
    )


def test_f403_page_total_is_not_e_x() -> None:
    entry = change(consistent(CSON), "lists[2].page_total", 21)
    found = check_entry(entry).items
    assert EntryFinding("F.403", ("votes.list_totals[2].total", "lists[2].page_total"), 3) in found
    assert [f.code for f in found] == ["F.402", "F.403"]


# --- warnings ----------------------------------------------------------------------------------


def test_w201_blank_votes_from_three_percent() -> None:
    """E = 520. F = 17: 100 × 17 = 1,700 ≥ 3 × 537 = 1,611 warns; F = 16: 1,600 < 3 × 536."""
    assert "W.201" in codes(consistent(CSON, blank=17, invalid=0))
    assert "W.201" not in codes(consistent(CSON, blank=16, invalid=0))


def test_w202_invalid_votes_from_three_percent() -> None:
    assert "W.202" in codes(consistent(CSON, invalid=17, blank=0))
    assert "W.202" not in codes(consistent(CSON, invalid=16, blank=0))


def test_w203_large_difference() -> None:
    """H = 523: 2 % is 10.46, so a difference of 11 warns (and 15 always), 10 does not."""
    assert codes(consistent(CSON, difference=11)) == ["W.203"]
    assert codes(consistent(CSON, difference=-10)) == []


def test_w204_no_votes() -> None:
    entry = consistent(CSON, candidates={1: [0]}, blank=0, invalid=0, proxies=0)
    assert codes(entry) == ["W.204"]


def test_w205_suppresses_w206() -> None:
    assert codes(consistent(GSB, eligible=0)) == ["W.205"]
    assert codes(consistent(GSB, eligible=100)) == ["W.206"]
    assert codes(consistent(GSB, eligible=513)) == []  # A = 523 − 10 proxies
    assert codes(consistent(GSB, eligible=512)) == ["W.206"]


def test_findings_are_sorted_by_code_then_list() -> None:
    entry = change(consistent(CSON), "lists[2].page_total", 21)
    entry = change(entry, "lists[0].page_total", 339)
    found = check_entry(entry).items
    keys = [(f.code, f.list_number) for f in found]
    assert keys == sorted(keys, key=lambda k: (k[0], k[1] or 0))
    assert keys[0] == ("F.402", 1)


def test_every_rule_has_dutch_texts_and_a_condition() -> None:
    for rule in CHECK_RULES.values():
        assert rule.title
        assert rule.typist
        assert rule.coordinator
        assert rule.rule
    assert len(CHECK_RULES) == 38  # 30 F-codes and 8 W-codes, as in the docs


def test_docs_list_every_rule_with_its_severity_and_forms() -> None:
    """docs/checks.md's table has exactly the implemented rules."""
    import re
    from pathlib import Path

    doc = (Path(__file__).resolve().parents[2] / "docs" / "checks.md").read_text()
    rows = re.findall(r"^\| ([FW]\.\d{3}) \| (error|warning) \|", doc, re.MULTILINE)
    assert rows == [(code, rule.severity) for code, rule in CHECK_RULES.items()]
