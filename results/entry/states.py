"""Double data entry as a state machine: every source is typed twice, by two different typists.

One source (a polling station's form, a municipality's totals) goes through the states of
counts-and-checks.md §4.1. Each state is an immutable value; each action is a method that returns
the next state or raises :class:`EntryTransitionError` saying why the action is not possible
here. Who may act is checked here, not by the caller: only the typist who claimed an entry may
save, discard or finalise it, and the second entry can never be claimed by the first typist
(the four-eyes principle). Coordinator actions take the coordinator's name for the record; that
the caller *is* a coordinator is the service's authorisation check.

::

    Empty ──claim_first──▶ FirstEntryInProgress ──finalise──▶ FirstEntryFinalised (no errors)
                                   │                     └──▶ FirstEntryHasErrors
                                   └─discard─▶ Empty          (coordinator: resume / discard)
    FirstEntryFinalised ──claim_second (another typist)──▶ SecondEntryInProgress
    SecondEntryInProgress ──finalise──▶ Definitive (equal) | EntriesDifferent
    EntriesDifferent ──coordinator──▶ keep first | keep second | discard both
                                     | return the differing fields to one typist
                                       (FirstEntryCorrection / SecondEntryCorrection)
    any state but Empty ──reset (coordinator)──▶ Empty

A result becomes :class:`Definitive` only when two entries by two different typists are equal
and have no errors.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from osv.errors import OSVError
from osv.model.entry import CountEntry
from results.checks import EntryFindings, check_entry
from results.entry.compare import clear_fields, differing_fields

__all__ = [
    "Definitive",
    "Empty",
    "EntriesDifferent",
    "EntryState",
    "EntryTransitionError",
    "FirstEntryCorrection",
    "FirstEntryFinalised",
    "FirstEntryHasErrors",
    "FirstEntryInProgress",
    "SecondEntryCorrection",
    "SecondEntryInProgress",
    "state_name",
]

Checker = Callable[[CountEntry], EntryFindings]


class EntryTransitionError(OSVError):
    """An action that is not possible in the current state, or not by this user.

    :param code: a stable reference for programs (``not_your_entry``, ``same_typist``,
        ``wrong_state``, ``has_errors``, ``wrong_model``).
    """

    def __init__(self, code: str, message: str) -> None:
        self.code = code
        super().__init__(message)


def _wrong(state: object, action: str) -> EntryTransitionError:
    return EntryTransitionError("wrong_state", f"cannot {action}: the entry is {state_name(state)}")


def _own(owner: str, user: str, what: str) -> None:
    if owner != user:
        raise EntryTransitionError(
            "not_your_entry", f"the {what} is being typed by {owner}, not by {user}"
        )


class _Base:
    """Actions that are not possible in a state raise :class:`EntryTransitionError`."""

    def claim_first(self, user: str, entry: CountEntry) -> EntryState:
        raise _wrong(self, "start a first entry")

    def claim_second(self, user: str, entry: CountEntry) -> EntryState:
        raise _wrong(self, "start a second entry")

    def save(self, user: str, entry: CountEntry) -> EntryState:
        raise _wrong(self, "save")

    def discard(self, user: str) -> EntryState:
        raise _wrong(self, "discard an entry in progress")

    def finalise(self, user: str, check: Checker = check_entry) -> EntryState:
        raise _wrong(self, "finalise")

    def resume_first(self, coordinator: str) -> EntryState:
        raise _wrong(self, "resume the first entry")

    def discard_first(self, coordinator: str) -> EntryState:
        raise _wrong(self, "discard the first entry")

    def keep_first(self, coordinator: str, check: Checker = check_entry) -> EntryState:
        raise _wrong(self, "keep the first entry")

    def keep_second(self, coordinator: str, check: Checker = check_entry) -> EntryState:
        raise _wrong(self, "keep the second entry")

    def discard_both(self, coordinator: str) -> EntryState:
        raise _wrong(self, "discard both entries")

    def return_second(self, coordinator: str, check: Checker = check_entry) -> EntryState:
        raise _wrong(self, "return the second entry for correction")

    def return_first(self, coordinator: str, check: Checker = check_entry) -> EntryState:
        raise _wrong(self, "return the first entry for correction")

    def reset(self, coordinator: str) -> EntryState:
        """Remove both entries (coordinator; audit-logged by the service)."""
        return Empty()


@dataclass(frozen=True)
class Empty(_Base):
    """Nothing typed yet."""

    def claim_first(self, user: str, entry: CountEntry) -> EntryState:
        return FirstEntryInProgress(user, entry)

    def reset(self, coordinator: str) -> EntryState:
        raise _wrong(self, "reset")


@dataclass(frozen=True)
class FirstEntryInProgress(_Base):
    """The first typist is typing (and may pause: the entry is saved as it is)."""

    first_user: str
    entry: CountEntry

    def save(self, user: str, entry: CountEntry) -> EntryState:
        _own(self.first_user, user, "first entry")
        _same_model(self.entry, entry)
        return FirstEntryInProgress(self.first_user, entry)

    def discard(self, user: str) -> EntryState:
        _own(self.first_user, user, "first entry")
        return Empty()

    def finalise(self, user: str, check: Checker = check_entry) -> EntryState:
        _own(self.first_user, user, "first entry")
        if check(self.entry).errors:
            return FirstEntryHasErrors(self.first_user, self.entry)
        return FirstEntryFinalised(self.first_user, self.entry)


@dataclass(frozen=True)
class FirstEntryHasErrors(_Base):
    """The first entry was finalised with errors; the coordinator decides."""

    first_user: str
    entry: CountEntry

    def resume_first(self, coordinator: str) -> EntryState:
        return FirstEntryInProgress(self.first_user, self.entry)

    def discard_first(self, coordinator: str) -> EntryState:
        return Empty()


@dataclass(frozen=True)
class FirstEntryFinalised(_Base):
    """The first entry is done and has no errors; waiting for a second typist."""

    first_user: str
    entry: CountEntry

    def claim_second(self, user: str, entry: CountEntry) -> EntryState:
        if user == self.first_user:
            raise EntryTransitionError(
                "same_typist",
                f"{user} typed the first entry; the second entry must be typed by someone else",
            )
        _same_model(self.entry, entry)
        return SecondEntryInProgress(self.first_user, self.entry, user, entry)


@dataclass(frozen=True)
class SecondEntryInProgress(_Base):
    """The second typist is typing; every field that differs from the first entry is marked."""

    first_user: str
    first: CountEntry
    second_user: str
    entry: CountEntry

    @property
    def differences(self) -> tuple[str, ...]:
        """The fields typed so far that differ from the first entry (W.001 each)."""
        return differing_fields(self.first, self.entry)

    def save(self, user: str, entry: CountEntry) -> EntryState:
        _own(self.second_user, user, "second entry")
        _same_model(self.first, entry)
        return SecondEntryInProgress(self.first_user, self.first, self.second_user, entry)

    def discard(self, user: str) -> EntryState:
        _own(self.second_user, user, "second entry")
        return FirstEntryFinalised(self.first_user, self.first)

    def finalise(self, user: str, check: Checker = check_entry) -> EntryState:
        _own(self.second_user, user, "second entry")
        return _compare(self.first_user, self.first, self.second_user, self.entry)


@dataclass(frozen=True)
class EntriesDifferent(_Base):
    """Two entries that differ; the coordinator looks at the paper and decides."""

    first_user: str
    first: CountEntry
    second_user: str
    second: CountEntry

    @property
    def differences(self) -> tuple[str, ...]:
        """The fields that differ."""
        return differing_fields(self.first, self.second)

    def keep_first(self, coordinator: str, check: Checker = check_entry) -> EntryState:
        # After a correction the first entry may be the corrected one, which can have errors.
        if check(self.first).errors:
            return FirstEntryHasErrors(self.first_user, self.first)
        return FirstEntryFinalised(self.first_user, self.first)

    def keep_second(self, coordinator: str, check: Checker = check_entry) -> EntryState:
        # The second entry becomes the first; a new second entry is needed, by anyone else.
        if check(self.second).errors:
            return FirstEntryHasErrors(self.second_user, self.second)
        return FirstEntryFinalised(self.second_user, self.second)

    def discard_both(self, coordinator: str) -> EntryState:
        return Empty()

    def return_second(self, coordinator: str, check: Checker = check_entry) -> EntryState:
        if check(self.first).errors:
            raise EntryTransitionError(
                "has_errors", "the first entry has errors; it cannot be kept as the reference"
            )
        cleared = self.differences
        return SecondEntryCorrection(
            self.first_user,
            self.first,
            self.second_user,
            clear_fields(self.second, cleared),
            cleared,
        )

    def return_first(self, coordinator: str, check: Checker = check_entry) -> EntryState:
        if check(self.second).errors:
            raise EntryTransitionError(
                "has_errors", "the second entry has errors; it cannot be kept as the reference"
            )
        cleared = self.differences
        return FirstEntryCorrection(
            self.second_user,
            self.second,
            self.first_user,
            clear_fields(self.first, cleared),
            cleared,
        )


@dataclass(frozen=True)
class _Correction(_Base):
    """One typist re-enters the cleared fields of their entry; the other entry is kept.

    :param kept_user: the typist of the kept entry.
    :param kept: the entry kept as the reference.
    :param user: the typist correcting their own entry.
    :param entry: their entry, with the differing fields cleared (W.002 each until re-entered).
    :param cleared: the paths of the cleared fields.
    """

    kept_user: str
    kept: CountEntry
    user: str
    entry: CountEntry
    cleared: tuple[str, ...]

    def save(self, user: str, entry: CountEntry) -> EntryState:
        _own(self.user, user, "correction")
        _same_model(self.kept, entry)
        kind = (
            FirstEntryCorrection
            if isinstance(self, FirstEntryCorrection)
            else SecondEntryCorrection
        )
        return kind(self.kept_user, self.kept, self.user, entry, self.cleared)

    def finalise(self, user: str, check: Checker = check_entry) -> EntryState:
        _own(self.user, user, "correction")
        if isinstance(self, FirstEntryCorrection):
            return _compare(self.user, self.entry, self.kept_user, self.kept)
        return _compare(self.kept_user, self.kept, self.user, self.entry)


@dataclass(frozen=True)
class FirstEntryCorrection(_Correction):
    """The first typist corrects the fields where their entry differed; the second is kept."""


@dataclass(frozen=True)
class SecondEntryCorrection(_Correction):
    """The second typist corrects the fields where their entry differed; the first is kept."""


@dataclass(frozen=True)
class Definitive(_Base):
    """Two equal entries by two different typists, without errors: the count of the source."""

    first_user: str
    second_user: str
    entry: CountEntry


EntryState = (
    Empty
    | FirstEntryInProgress
    | FirstEntryHasErrors
    | FirstEntryFinalised
    | SecondEntryInProgress
    | EntriesDifferent
    | FirstEntryCorrection
    | SecondEntryCorrection
    | Definitive
)


def _compare(
    first_user: str, first: CountEntry, second_user: str, second: CountEntry
) -> EntryState:
    if differing_fields(first, second):
        return EntriesDifferent(first_user, first, second_user, second)
    return Definitive(first_user, second_user, second)


def _same_model(reference: CountEntry, entry: CountEntry) -> None:
    if entry.model is not reference.model:
        raise EntryTransitionError(
            "wrong_model",
            f"this source is entered on the form {reference.model.value}, not {entry.model.value}",
        )


def state_name(state: object) -> str:
    """The state's name as in the docs (``FirstEntryInProgress``)."""
    return type(state).__name__
