"""Double-entry states as plain JSON data, and back: for storage, the audit log and the web UI.

The data of a state is ``{"state": "<name>", ...}`` with the users and entries of that state
(entries in their JSON form). :func:`state_from_data` (state_to_data(s)) == s for every state.
"""

from __future__ import annotations

from typing import Any

from osv.model.entry import CountEntry
from results.entry.states import (
    Definitive,
    Empty,
    EntriesDifferent,
    EntryState,
    FirstEntryCorrection,
    FirstEntryFinalised,
    FirstEntryHasErrors,
    FirstEntryInProgress,
    SecondEntryCorrection,
    SecondEntryInProgress,
    state_name,
)

__all__ = ["state_from_data", "state_to_data"]


def _entry(entry: CountEntry) -> dict[str, Any]:
    return entry.model_dump(mode="json")


def state_to_data(state: EntryState) -> dict[str, Any]:
    """The state as JSON-compatible data."""
    data: dict[str, Any] = {"state": state_name(state)}
    match state:
        case Empty():
            pass
        case FirstEntryInProgress() | FirstEntryHasErrors() | FirstEntryFinalised():
            data |= {"first_user": state.first_user, "entry": _entry(state.entry)}
        case SecondEntryInProgress():
            data |= {
                "first_user": state.first_user,
                "first": _entry(state.first),
                "second_user": state.second_user,
                "entry": _entry(state.entry),
            }
        case EntriesDifferent():
            data |= {
                "first_user": state.first_user,
                "first": _entry(state.first),
                "second_user": state.second_user,
                "second": _entry(state.second),
            }
        case FirstEntryCorrection() | SecondEntryCorrection():
            data |= {
                "kept_user": state.kept_user,
                "kept": _entry(state.kept),
                "user": state.user,
                "entry": _entry(state.entry),
                "cleared": list(state.cleared),
            }
        case Definitive():
            data |= {
                "first_user": state.first_user,
                "second_user": state.second_user,
                "entry": _entry(state.entry),
            }
    return data


def state_from_data(data: dict[str, Any]) -> EntryState:
    """The state stored as ``data`` by :func:`state_to_data`.

    :raises ValueError: for data that is not a stored state.
    """
    name = data.get("state")

    def entry(key: str) -> CountEntry:
        return CountEntry.model_validate(data[key])

    match name:
        case "Empty":
            return Empty()
        case "FirstEntryInProgress":
            return FirstEntryInProgress(data["first_user"], entry("entry"))
        case "FirstEntryHasErrors":
            return FirstEntryHasErrors(data["first_user"], entry("entry"))
        case "FirstEntryFinalised":
            return FirstEntryFinalised(data["first_user"], entry("entry"))
        case "SecondEntryInProgress":
            return SecondEntryInProgress(
                data["first_user"], entry("first"), data["second_user"], entry("entry")
            )
        case "EntriesDifferent":
            return EntriesDifferent(
                data["first_user"], entry("first"), data["second_user"], entry("second")
            )
        case "FirstEntryCorrection" | "SecondEntryCorrection":
            kind = FirstEntryCorrection if name == "FirstEntryCorrection" else SecondEntryCorrection
            return kind(
                data["kept_user"],
                entry("kept"),
                data["user"],
                entry("entry"),
                tuple(data["cleared"]),
            )
        case "Definitive":
            return Definitive(data["first_user"], data["second_user"], entry("entry"))
    raise ValueError(f"not a stored entry state: {name!r}")
