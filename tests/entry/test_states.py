"""Double data entry: each transition of counts-and-checks.md §4.1, and what is refused.

The entries are consistent forms (tests/checks/entries.py); a "difference" is one box typed
differently by the second typist; an entry "with errors" has A + B ≠ D (F.201).
"""

from __future__ import annotations

import pytest

from osv.model.entry import CountEntry, EntryModel
from results.entry import (
    Definitive,
    Empty,
    EntriesDifferent,
    EntryTransitionError,
    FirstEntryCorrection,
    FirstEntryFinalised,
    FirstEntryHasErrors,
    FirstEntryInProgress,
    SecondEntryCorrection,
    SecondEntryInProgress,
    clear_fields,
    differing_fields,
)
from tests.checks.entries import change, consistent

MODEL = EntryModel.CSO_NEXT_SESSION
GOOD = consistent(MODEL)
TYPO = change(GOOD, "votes.blank_votes_count", 3)  # F.203: a typo in F
ERRORS = change(GOOD, "voters.poll_card_count", 1)  # F.201
SWAPPED = change(GOOD, "lists[0].candidate_votes", [40, 300, 0])  # differs, still no errors


def _finalised() -> FirstEntryFinalised:
    state = Empty().claim_first("anna", GOOD).finalise("anna")
    assert isinstance(state, FirstEntryFinalised)
    return state


def test_two_equal_entries_by_two_typists_become_definitive() -> None:
    state = _finalised().claim_second("bram", GOOD).finalise("bram")
    assert state == Definitive("anna", "bram", GOOD)


def test_the_second_entry_is_never_by_the_first_typist() -> None:
    with pytest.raises(EntryTransitionError) as caught:
        _finalised().claim_second("anna", GOOD)
    assert caught.value.code == "same_typist"
    assert "anna typed the first entry" in str(caught.value)


def test_only_the_typist_of_an_entry_may_save_discard_or_finalise_it() -> None:
    state = Empty().claim_first("anna", GOOD)
    for action in (
        lambda: state.save("bram", GOOD),
        lambda: state.discard("bram"),
        lambda: state.finalise("bram"),
    ):
        with pytest.raises(EntryTransitionError) as caught:
            action()
        assert caught.value.code == "not_your_entry"


def test_a_typist_can_pause_and_resume() -> None:
    partial = change(GOOD, "votes.total_votes_cast_count", None)
    state = Empty().claim_first("anna", partial)
    state = state.save("anna", GOOD)
    assert state == FirstEntryInProgress("anna", GOOD)


def test_discarding_an_entry_in_progress() -> None:
    assert Empty().claim_first("anna", GOOD).discard("anna") == Empty()
    second = _finalised().claim_second("bram", GOOD)
    assert second.discard("bram") == _finalised()


def test_a_first_entry_with_errors_waits_for_the_coordinator() -> None:
    state = Empty().claim_first("anna", ERRORS).finalise("anna")
    assert state == FirstEntryHasErrors("anna", ERRORS)
    assert state.resume_first("carla") == FirstEntryInProgress("anna", ERRORS)
    assert state.discard_first("carla") == Empty()
    with pytest.raises(EntryTransitionError):
        state.claim_second("bram", ERRORS)


def test_different_entries_mark_every_differing_field() -> None:
    second = _finalised().claim_second("bram", TYPO)
    assert isinstance(second, SecondEntryInProgress)
    assert second.differences == ("votes.blank_votes_count",)
    state = second.finalise("bram")
    assert isinstance(state, EntriesDifferent)
    assert state.differences == ("votes.blank_votes_count",)


def _finalised_as(user: str, entry: CountEntry) -> FirstEntryFinalised:
    state = Empty().claim_first(user, entry).finalise(user)
    assert isinstance(state, FirstEntryFinalised)
    return state


def _different() -> EntriesDifferent:
    state = _finalised().claim_second("bram", TYPO).finalise("bram")
    assert isinstance(state, EntriesDifferent)
    return state


def test_coordinator_keeps_the_first_entry() -> None:
    assert _different().keep_first("carla") == FirstEntryFinalised("anna", GOOD)


def test_coordinator_keeps_the_second_entry_which_becomes_the_first() -> None:
    state = _different().keep_second("carla")
    assert state == FirstEntryHasErrors("bram", TYPO)  # TYPO has F.203: back to the coordinator


def test_coordinator_keeps_a_second_entry_without_errors() -> None:
    """The kept second entry is now the first: a new second entry by someone else is needed."""
    state = (
        _finalised_as("anna", SWAPPED)
        .claim_second("bram", GOOD)
        .finalise("bram")
        .keep_second("carla")
    )
    assert state == FirstEntryFinalised("bram", GOOD)
    with pytest.raises(EntryTransitionError):
        state.claim_second("bram", GOOD)


def test_coordinator_discards_both() -> None:
    assert _different().discard_both("carla") == Empty()


def test_only_the_differing_fields_go_back_to_the_second_typist() -> None:
    state = _different().return_second("carla")
    assert isinstance(state, SecondEntryCorrection)
    assert state.cleared == ("votes.blank_votes_count",)
    assert state.entry.votes.blank_votes_count is None
    assert state.entry.votes.invalid_votes_count == TYPO.votes.invalid_votes_count
    with pytest.raises(EntryTransitionError):
        state.save("anna", GOOD)
    done = state.save("bram", GOOD).finalise("bram")
    assert done == Definitive("anna", "bram", GOOD)


def test_a_correction_that_differs_again_goes_back_to_the_coordinator() -> None:
    state = _different().return_second("carla").save("bram", TYPO).finalise("bram")
    assert state == EntriesDifferent("anna", GOOD, "bram", TYPO)


def test_returning_the_first_entry_needs_a_second_without_errors() -> None:
    with pytest.raises(EntryTransitionError) as caught:
        _different().return_first("carla")  # the second entry (TYPO) has F.203
    assert caught.value.code == "has_errors"
    state = (
        _finalised_as("anna", SWAPPED)
        .claim_second("bram", GOOD)
        .finalise("bram")
        .return_first("carla")
    )
    assert isinstance(state, FirstEntryCorrection)
    assert state.user == "anna"
    assert state.save("anna", GOOD).finalise("anna") == Definitive("anna", "bram", GOOD)


def test_reset_empties_every_state_but_empty() -> None:
    assert Definitive("anna", "bram", GOOD).reset("carla") == Empty()
    assert _different().reset("carla") == Empty()
    with pytest.raises(EntryTransitionError):
        Empty().reset("carla")


def test_actions_of_other_states_are_refused_with_the_state_named() -> None:
    with pytest.raises(EntryTransitionError) as caught:
        Definitive("anna", "bram", GOOD).save("anna", GOOD)
    assert str(caught.value) == "cannot save: the entry is Definitive"


def test_an_entry_of_another_form_is_refused() -> None:
    other = consistent(EntryModel.GSB_TOTALS)
    with pytest.raises(EntryTransitionError) as caught:
        Empty().claim_first("anna", GOOD).save("anna", other)
    assert caught.value.code == "wrong_model"


def test_comparing_and_clearing_fields() -> None:
    other = change(GOOD, "lists[0].candidate_votes[1]", 41)
    other = change(other, "differences.difference_fully_explained", {"yes": True})
    assert differing_fields(GOOD, other) == (
        "differences.difference_fully_explained",
        "lists[0].candidate_votes[1]",
    )
    cleared = clear_fields(other, differing_fields(GOOD, other))
    assert cleared.lists[0].candidate_votes[1] is None
    assert cleared.differences.difference_fully_explained is not None
    assert cleared.differences.difference_fully_explained.is_empty


def test_a_correction_finalised_unfinished_cannot_be_kept_as_finalised() -> None:
    """Found by the state machine: anna is sent back her differing fields, finalises without
    re-entering them (they are empty, so her entry now has F.402), and the entries differ again.
    Keeping her entry must not make an entry with errors "finalised"."""
    different = _finalised().claim_second("bram", SWAPPED).finalise("bram")
    correction = different.return_first("carla")
    again = correction.finalise("anna")
    assert isinstance(again, EntriesDifferent)
    assert again.keep_first("carla") == FirstEntryHasErrors("anna", correction.entry)


def test_a_question_block_left_out_of_one_entry_is_returned_box_by_box() -> None:
    """The first typist never saved the decentral count's first page (no ``dso`` block), the
    second answered it: the entries differ in its questions, and returning them to the first
    typist clears exactly those questions of the whole form."""
    answered = consistent(EntryModel.DSO_FIRST_SESSION)
    left_out = change(answered, "dso", None)
    state = Empty().claim_first("anna", left_out).finalise("anna")
    assert isinstance(state, FirstEntryHasErrors)  # F.121: the questions are unanswered
    different = EntriesDifferent("anna", left_out, "bram", answered)
    assert different.differences == (
        "dso.corrigendum_present",
        "dso.checks_and_corrections_present",
    )
    returned = different.return_first("carla")
    assert isinstance(returned, FirstEntryCorrection)
    assert returned.entry.dso is not None
    assert returned.entry.dso.corrigendum_present is None
    assert clear_fields(left_out, different.differences).whole() == returned.entry.whole()
