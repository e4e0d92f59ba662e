"""Comparing two entries of the same paper form, field by field (counts-and-checks.md §4.2).

A *field* is one thing a typist fills in: a number box, a yes/no question (both ticks together),
the three D/H tick boxes together, the reasons for an own investigation together, or a choice
such as "corrigendum present". :func:`fields_of` flattens an entry into its fields by JSON path
(the paths the findings use: ``voters.poll_card_count``, ``lists[1].candidate_votes[4]``,
``cso.difference_ballots_per_list``); :func:`differing_fields` lists the paths where two entries
differ, in form order. Entries are equal exactly when that list is empty.

:func:`clear_fields` empties fields (a number box becomes ``None``, a question unticked): the
coordinator sends only the differing fields back to a typist, who re-enters just those.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from osv.model.entry import CountEntry

__all__ = ["clear_fields", "differing_fields", "fields_of"]

#: Objects that are one field as a whole (their keys are ticks of one question).
_GROUPS = frozenset(
    {
        "compare_d_h",
        "difference_fully_explained",
        "extra_investigation_other_reason",
        "ballots_recounted_extra_investigation",
        "difference_ballots_voters_fully_explained",
        "difference_ballots_per_list",
        "reason_own_initiative",
        "corrected_results_own_initiative",
        "corrected_results_csb_request",
    }
)


def fields_of(entry: CountEntry) -> dict[str, Any]:
    """Every field of ``entry`` by JSON path, in form order (list and candidate numbers too).

    A question block never saved is read as the block with nothing ticked
    (:meth:`~osv.model.entry.CountEntry.whole`), so it equals the same block saved empty.
    """
    found: dict[str, Any] = {}
    _flatten(entry.whole().model_dump(mode="json", exclude={"model"}), "", found)
    return found


def _flatten(value: Any, path: str, found: dict[str, Any]) -> None:
    name = path.rsplit(".", 1)[-1]
    if isinstance(value, dict) and name not in _GROUPS:
        for key, item in value.items():
            _flatten(item, f"{path}.{key}" if path else key, found)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _flatten(item, f"{path}[{index}]", found)
    else:
        found[path] = value


def differing_fields(first: CountEntry, second: CountEntry) -> tuple[str, ...]:
    """The paths of the fields where ``first`` and ``second`` differ, in form order.

    A field present in one entry only (a list page more or less) counts as differing.
    """
    ours, theirs = fields_of(first), fields_of(second)
    paths = list(ours) + [path for path in theirs if path not in ours]
    return tuple(path for path in paths if ours.get(path, _MISSING) != theirs.get(path, _MISSING))


_MISSING = object()


def clear_fields(entry: CountEntry, paths: Iterable[str]) -> CountEntry:
    """``entry`` with the fields at ``paths`` emptied (numbers ``None``, questions unticked).

    The list and candidate numbers identify a page and are never cleared. A question block the
    entry never saved is cleared in the whole form (:meth:`~osv.model.entry.CountEntry.whole`),
    as :func:`differing_fields` names its questions one by one.
    """
    data = entry.whole().model_dump(mode="json")
    for path in paths:
        parent, key = _locate(data, path)
        if key in ("number", "model"):
            continue
        current = parent[key]
        if isinstance(current, dict):
            parent[key] = dict.fromkeys(current, False)
        elif isinstance(current, bool):
            parent[key] = False
        else:
            parent[key] = None
    return CountEntry.model_validate(data)


def _locate(data: Any, path: str) -> tuple[Any, Any]:
    parts: list[str | int] = []
    for piece in path.split("."):
        name, *indexes = piece.replace("]", "").split("[")
        parts.append(name)
        parts += [int(index) for index in indexes]
    target = data
    for part in parts[:-1]:
        target = target[part]
    return target, parts[-1]
