"""Reading a count entry from JSON, as ``osv checks`` takes it (docs/checks.md).

The JSON object is a :class:`~osv.model.entry.CountEntry` in its field names (``voters``,
``votes``, ``differences``, ``lists``, ``cso``, ``dso``, ``eligible_voters``), with two
conveniences for people who write such files by hand or from another tool:

* ``model`` may be left out: the caller's model (``--model``) is used; when given, it must be
  the same;
* ``election`` (optional) describes the election the entry belongs to, so that the hard limits
  about lists and candidates are checked too: ``{"category": "GR", "lists": [{"number": 1,
  "candidates": 12}, ...]}``.

Every problem is an :class:`EntryInputError` that names the box (its JSON path) and what was
expected, so the caller can exit with status 2 and nothing else happens.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import ValidationError

from osv.model import ElectionCategory
from osv.model.entry import CountEntry, EntryModel
from results.checks import EntryInputError, EntryShape, validate_entry

__all__ = ["parse_entry_json"]


def parse_entry_json(text: str, model: EntryModel) -> tuple[CountEntry, EntryShape | None]:
    """Read and validate one entry; return it and its election's shape (when given).

    :raises EntryInputError: for JSON that is not an entry of ``model``, or breaks a hard limit.
    """
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise EntryInputError([f"not JSON: {error.msg} at line {error.lineno}"]) from None
    if not isinstance(data, dict):
        raise EntryInputError(["the entry must be a JSON object"])
    shape = _shape(data.pop("election", None))
    given = data.setdefault("model", model.value)
    if given != model.value:
        raise EntryInputError([f"model: the file says {given!r}, the command says {model.value!r}"])
    try:
        entry = CountEntry.model_validate(data)
    except ValidationError as error:
        raise EntryInputError([_problem(problem) for problem in error.errors()]) from None
    validate_entry(entry, shape)
    return entry, shape


def _problem(problem: Any) -> str:
    path = ".".join(
        f"[{part}]" if isinstance(part, int) else str(part) for part in problem["loc"]
    ).replace(".[", "[")
    value = problem.get("input")
    shown = json.dumps(value) if isinstance(value, bool | int | str | None) else "…"
    return f"{path or 'entry'}: {problem['msg'].lower()} (found {shown})"


def _shape(election: Any) -> EntryShape | None:
    if election is None:
        return None
    try:
        category = ElectionCategory(election["category"])
        lists = tuple((int(item["number"]), int(item["candidates"])) for item in election["lists"])
    except (KeyError, TypeError, ValueError):
        raise EntryInputError(
            [
                'election: expected {"category": "GR", "lists": [{"number": 1, '
                '"candidates": 12}, ...]}'
            ]
        ) from None
    return EntryShape(category=category, lists=lists)
