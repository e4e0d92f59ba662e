"""Hard limits: an entry that cannot be a form of this election is refused, naming the box.

Nothing of a refused entry is checked or stored; the error lists every problem at once, so the
sender can fix them in one go.
"""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from osv.model import ElectionCategory
from osv.model.entry import CountEntry, EntryModel
from results.checks import EntryInputError, EntryShape, validate_entry
from tests.checks.entries import change, consistent, consistent_data

CSO1 = EntryModel.CSO_FIRST_SESSION
GR = EntryShape(ElectionCategory.GR, ((1, 3), (2, 2), (3, 1)))
TK = EntryShape(ElectionCategory.TK, ((1, 3), (2, 2), (3, 1)))


def _refused(entry: CountEntry, shape: EntryShape | None = GR, **options: object) -> str:
    with pytest.raises(EntryInputError) as caught:
        validate_entry(entry, shape, **options)  # type: ignore[arg-type]
    return str(caught.value)


def test_a_fitting_entry_passes() -> None:
    validate_entry(consistent(CSO1), GR)
    validate_entry(consistent(CSO1, voter_cards=3), TK)


@pytest.mark.parametrize("value", [-1, 1_000_000_000, 1.5, "12", True])
def test_numbers_outside_the_range_or_not_integers_are_refused(value: object) -> None:
    data = consistent_data(CSO1)
    data["votes"]["blank_votes_count"] = value
    with pytest.raises(ValidationError):
        CountEntry.model_validate(data)


def test_a_missing_list_is_named() -> None:
    data = consistent_data(CSO1, candidates={1: [1, 2, 3], 2: [4, 5]})
    message = _refused(CountEntry.model_validate(data))
    assert "votes.list_totals: expected lists 1, 2, 3, found 1, 2 (missing 3)" in message
    assert "lists: expected lists 1, 2, 3, found 1, 2 (missing 3)" in message


def test_a_list_not_in_the_election_is_named() -> None:
    data = consistent_data(CSO1, candidates={1: [1, 2, 3], 2: [4, 5], 3: [1], 7: [0]})
    assert "not in the election 7" in _refused(CountEntry.model_validate(data))


def test_lists_out_of_order_are_refused() -> None:
    entry = consistent(CSO1)
    data = entry.model_dump(mode="json")
    data["votes"]["list_totals"].reverse()
    message = _refused(CountEntry.model_validate(data), None)
    assert "votes.list_totals: list numbers must increase, found 3, 2, 1" in message


def test_a_candidate_page_with_the_wrong_number_of_candidates() -> None:
    entry = change(consistent(CSO1), "lists[1].candidate_votes", [150, 10, 0])
    assert "lists[1]: list 2 has 2 candidates, the entry has 3 candidate boxes" in _refused(entry)


def test_voter_cards_are_refused_for_a_municipal_council() -> None:
    entry = consistent(CSO1, voter_cards=3)
    assert "voters.voter_card_count" in _refused(entry)


def test_eligible_voters_on_a_polling_station_form_are_refused() -> None:
    entry = change(consistent(CSO1), "eligible_voters", 1000)
    assert "eligible_voters: Z is not on a polling station's form" in _refused(entry)


def test_tick_boxes_on_committee_totals_are_refused() -> None:
    data = consistent_data(EntryModel.GSB_TOTALS)
    data["differences"]["compare_d_h"] = {"admitted_voters_equal_votes_cast": True}
    assert "committee totals have no D/H tick boxes" in _refused(CountEntry.model_validate(data))


def test_questions_of_another_form_are_refused() -> None:
    data = consistent_data(EntryModel.CSO_NEXT_SESSION)
    data["cso"] = consistent_data(CSO1)["cso"]
    assert "cso: the questions B1-1 and B1-2" in _refused(CountEntry.model_validate(data))


def test_answers_on_a_missing_checks_page_are_refused() -> None:
    data = consistent_data(EntryModel.DSO_FIRST_SESSION)
    data["dso"]["corrected_results_own_initiative"] = {"no": True}
    assert "while the page is marked missing" in _refused(CountEntry.model_validate(data))


def test_the_form_must_be_the_one_the_source_expects() -> None:
    message = _refused(consistent(CSO1), GR, expected=EntryModel.DSO_FIRST_SESSION)
    assert "the form is CSOFirstSession, but this source expects DSOFirstSession" in message


def test_every_problem_is_listed() -> None:
    entry = change(consistent(CSO1, voter_cards=1), "eligible_voters", 5)
    with pytest.raises(EntryInputError) as caught:
        validate_entry(entry, GR)
    assert len(caught.value.problems) == 2
