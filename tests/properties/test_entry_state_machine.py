"""Double data entry under any sequence of actions by any users (a Hypothesis state machine).

Hypothesis plays three typists and a coordinator on one polling station: claims, saves,
discards, finalisations and every coordinator decision, in any order, by anyone, with entries
that are correct, that differ from each other, or that have errors. An action that is not allowed
must be refused with :class:`EntryTransitionError` and change nothing. After every step the
invariants below must hold; docs/auditing.md lists them.
"""

from __future__ import annotations

import functools
import json

from hypothesis import event, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule

from osv.model.entry import CountEntry, EntryModel
from results.checks import check_entry
from results.entry import (
    Definitive,
    Empty,
    EntriesDifferent,
    EntryState,
    EntryTransitionError,
    FirstEntryCorrection,
    FirstEntryFinalised,
    FirstEntryHasErrors,
    SecondEntryCorrection,
    SecondEntryInProgress,
    state_name,
)
from results.entry.serialize import state_from_data, state_to_data
from tests.checks.entries import change, consistent

_GOOD = consistent(EntryModel.CSO_NEXT_SESSION)
_ENTRIES = [
    _GOOD,
    change(_GOOD, "lists[0].candidate_votes", [40, 300, 0]),  # differs, no errors
    change(_GOOD, "votes.blank_votes_count", 3),  # F.203
    change(_GOOD, "voters.poll_card_count", 1),  # F.201
]
#: mostly the correct entry, so that runs reach the definitive and correction states often
_TYPED = st.sampled_from([_GOOD, _GOOD, _GOOD, *_ENTRIES])
_TYPISTS = st.sampled_from(["anna", "bram", "anna", "bram", "cem"])
_COORDINATOR = "carla"


def _has_errors(entry: CountEntry) -> bool:
    return _errors_of(entry.model_dump_json())


@functools.cache
def _errors_of(entry_json: str) -> bool:
    return bool(check_entry(CountEntry.model_validate_json(entry_json)).errors)


class DoubleEntry(RuleBasedStateMachine):
    """One source, typed by anyone, decided by the coordinator."""

    def __init__(self) -> None:
        super().__init__()
        self.state: EntryState = Empty()
        #: every (typist, entry) that a typist has claimed or saved
        self.typed: set[tuple[str, str]] = set()

    def _try(self, action, record: tuple[str, CountEntry] | None = None) -> None:  # type: ignore[no-untyped-def]
        before = self.state
        try:
            self.state = action(before)
        except EntryTransitionError:
            assert self.state is before  # a refused action changes nothing
            return
        if isinstance(before, Definitive):
            # a definitive result stays until the coordinator resets it; no typist moves it
            assert record is None
            assert self.state == Empty()
        if record is not None:
            self.typed.add((record[0], record[1].model_dump_json()))

    @rule(user=_TYPISTS, entry=_TYPED)
    def claim_first(self, user: str, entry: CountEntry) -> None:
        self._try(lambda s: s.claim_first(user, entry), (user, entry))

    @rule(user=_TYPISTS, entry=_TYPED)
    def claim_second(self, user: str, entry: CountEntry) -> None:
        self._try(lambda s: s.claim_second(user, entry), (user, entry))

    @rule(user=_TYPISTS, entry=_TYPED)
    def save(self, user: str, entry: CountEntry) -> None:
        self._try(lambda s: s.save(user, entry), (user, entry))

    @rule(user=_TYPISTS)
    def discard(self, user: str) -> None:
        self._try(lambda s: s.discard(user))

    @rule(user=_TYPISTS)
    def finalise(self, user: str) -> None:
        self._try(lambda s: s.finalise(user))

    @rule(
        decision=st.sampled_from(
            [
                "resume_first",
                "discard_first",
                "keep_first",
                "keep_second",
                "discard_both",
                "return_first",
                "return_second",
                "reset",
            ]
        )
    )
    def coordinator(self, decision: str) -> None:
        self._try(lambda s: getattr(s, decision)(_COORDINATOR))

    @invariant()
    def record_the_state(self) -> None:
        """Statistics (--hypothesis-show-statistics): which states the runs reached."""
        event(state_name(self.state))

    @invariant()
    def the_state_is_stored_and_read_back_unchanged(self) -> None:
        """What the database stores (results.entry.serialize) reads back as the same state."""
        data = state_to_data(self.state)
        assert state_from_data(json.loads(json.dumps(data))) == self.state

    @invariant()
    def definitive_is_what_two_different_typists_typed_without_errors(self) -> None:
        state = self.state
        if isinstance(state, Definitive):
            assert state.first_user != state.second_user
            assert not _has_errors(state.entry)
            typed = state.entry.model_dump_json()
            assert (state.first_user, typed) in self.typed
            assert (state.second_user, typed) in self.typed

    @invariant()
    def the_second_entry_is_never_by_the_first_typist(self) -> None:
        state = self.state
        if isinstance(state, SecondEntryInProgress | EntriesDifferent):
            assert state.first_user != state.second_user
        if isinstance(state, SecondEntryInProgress):
            assert not _has_errors(state.first)
        if isinstance(state, FirstEntryCorrection | SecondEntryCorrection):
            assert state.user != state.kept_user
            assert not _has_errors(state.kept)

    @invariant()
    def errors_are_where_the_state_says(self) -> None:
        state = self.state
        if isinstance(state, FirstEntryFinalised):
            assert not _has_errors(state.entry)
        if isinstance(state, FirstEntryHasErrors):
            assert _has_errors(state.entry)


# Long runs (most random actions are refused), under the loaded profile's number of examples.
DoubleEntry.TestCase.settings = settings(settings.default, stateful_step_count=150)
TestDoubleEntry = DoubleEntry.TestCase
