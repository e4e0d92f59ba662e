"""Consistent entries of every paper form, and a way to change one box of them.

:func:`consistent` builds an entry on which no error rule holds (and no warning, with the
default numbers): the numbers of the lists give E, F and G give H, the difference between D and
H is written as I or J with the right tick box, and every question is answered as a correct form
answers it. :func:`change` sets one box by its JSON path, as a typist would mistype it.
"""

from __future__ import annotations

from typing import Any

from osv.model.entry import CountEntry, EntryModel

STATION_MODELS = [m for m in EntryModel if not m.is_totals]
TOTAL_MODELS = [m for m in EntryModel if m.is_totals]


def consistent_data(
    model: EntryModel,
    *,
    candidates: dict[int, list[int]] | None = None,
    blank: int = 2,
    invalid: int = 1,
    difference: int = 0,
    proxies: int = 10,
    voter_cards: int | None = None,
    eligible: int = 2_000,
) -> dict[str, Any]:
    """The JSON data of a consistent entry; ``difference`` is H − D."""
    candidates = candidates or {1: [300, 40, 0], 2: [150, 10], 3: [20]}
    e = sum(sum(v) for v in candidates.values())
    h = e + blank + invalid
    d = h - difference
    data: dict[str, Any] = {
        "model": model.value,
        "voters": {
            "poll_card_count": d - proxies - (voter_cards or 0),
            "proxy_certificate_count": proxies,
            "voter_card_count": voter_cards,
            "total_admitted_voters_count": d,
        },
        "votes": {
            "list_totals": [{"number": n, "total": sum(v)} for n, v in sorted(candidates.items())],
            "total_votes_candidates_count": e,
            "blank_votes_count": blank,
            "invalid_votes_count": invalid,
            "total_votes_cast_count": h,
        },
        "differences": {
            "more_ballots_count": difference if difference > 0 else None,
            "fewer_ballots_count": -difference if difference < 0 else None,
        },
        "lists": [
            {"number": n, "candidate_votes": v, "page_total": sum(v)}
            for n, v in sorted(candidates.items())
        ],
    }
    if model.is_totals:
        data["eligible_voters"] = eligible
        data["differences"] = {
            "more_ballots_count": max(difference, 0),
            "fewer_ballots_count": max(-difference, 0),
        }
        return data
    data["differences"]["compare_d_h"] = {
        "admitted_voters_equal_votes_cast": difference == 0,
        "votes_cast_greater_than_admitted_voters": difference > 0,
        "votes_cast_smaller_than_admitted_voters": difference < 0,
    }
    data["differences"]["difference_fully_explained"] = (
        {"yes": True} if difference else {"yes": False, "no": False}
    )
    if model is EntryModel.CSO_FIRST_SESSION:
        data["cso"] = {
            "extra_investigation_other_reason": {"no": True},
            "ballots_recounted_extra_investigation": {"no": True},
            "difference_ballots_voters_fully_explained": {"yes": True},
            "difference_ballots_per_list": {"no": True},
        }
    if model is EntryModel.DSO_FIRST_SESSION:
        data["dso"] = {
            "corrigendum_present": "OneDocument",
            "checks_and_corrections_present": "PageMissing",
        }
    return data


def consistent(model: EntryModel, **options: Any) -> CountEntry:
    """A consistent entry of ``model`` (see :func:`consistent_data`)."""
    return CountEntry.model_validate(consistent_data(model, **options))


def change(entry: CountEntry | dict[str, Any], path: str, value: Any) -> CountEntry:
    """``entry`` with the box at ``path`` (``voters.poll_card_count``, ``lists[1].page_total``,
    ``lists[0].candidate_votes[2]``) set to ``value``."""
    data = entry.model_dump(mode="json") if isinstance(entry, CountEntry) else entry
    target: Any = data
    parts = _parts(path)
    for part in parts[:-1]:
        target = target[part]
    target[parts[-1]] = value
    return CountEntry.model_validate(data)


def _parts(path: str) -> list[str | int]:
    parts: list[str | int] = []
    for piece in path.split("."):
        name, *indexes = piece.replace("]", "").split("[")
        parts.append(name)
        parts += [int(index) for index in indexes]
    return parts
