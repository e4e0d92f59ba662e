"""The 53 test vectors of docs/vectors/seat-allocation.json, from the Kiesraad's Abacus tests and
its P 22-2 example inputs.

Seat-level vectors run :func:`allocate` on the list votes (all on each list's first candidate,
50 candidates per list unless the vector says otherwise, deceased candidates marked) and answer
the lots it asks for with ``lots_drawn_list_numbers`` in order; every one of them must be
asked for, and the seats must be ``expected_seats``.

Candidate-level vectors give the quota and the seats per list and check P 15, P 17 and P 19
for each list (``expected_ranking`` ``null`` is not asserted). Where the given quota is the
one the votes give (``V / S``), the whole allocation is run too and must give the same seats
and candidates. One vector, ``cand_lt19_equal_to_threshold``, is a unit case of P 15 with a
quota of 100 chosen by hand (its votes give 40): it is checked at candidate level only.
"""

from __future__ import annotations

import dataclasses
import json
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest

from osv.model import ElectionCategory
from osv.model.rules import expected_preference_threshold
from results.allocation import AllocationInput, ListCandidates, allocate
from results.allocation.candidates import PreferenceThreshold, list_candidates
from results.allocation.lots import LotBook
from tests.allocation.builders import complete, election, list_input, seats_of
from tests.conftest import SHARED

VECTORS = Path("docs") / "vectors" / "seat-allocation.json"

#: Vectors whose quota is set by hand rather than computed from their votes.
HAND_SET_QUOTA = {"cand_lt19_equal_to_threshold"}


def _names() -> list[str]:
    """The vector names, read at collection (the tests themselves read through ``shared``)."""
    if SHARED is None or not (SHARED / VECTORS).is_file():
        return ["(shared folder absent)"]
    return [vector["name"] for vector in json.loads((SHARED / VECTORS).read_text())]


NAMES = _names()
SEAT_LEVEL = [name for name in NAMES if not name.startswith("cand_")]
CANDIDATE_LEVEL = [name for name in NAMES if name.startswith("cand_")]


@pytest.fixture(scope="module")
def vectors(shared: Path) -> dict[str, dict[str, Any]]:
    """The vectors by name."""
    data = json.loads((shared / VECTORS).read_text())
    return {vector["name"]: vector for vector in data}


def _input(vector: dict[str, Any]) -> AllocationInput:
    deceased = {int(k): v for k, v in (vector.get("deceased_candidates") or {}).items()}
    return election(
        vector["seats"],
        vector["votes"],
        candidates=vector.get("candidates_per_list"),
        candidate_votes=vector.get("candidate_votes"),
        deceased=deceased,
    )


def test_the_vector_file_has_53_vectors_with_distinct_names(
    vectors: dict[str, dict[str, Any]],
) -> None:
    """Every vector is run below; none hides behind a duplicate name."""
    assert len(vectors) == 53
    assert len(SEAT_LEVEL) + len(CANDIDATE_LEVEL) == 53


@pytest.mark.parametrize("name", SEAT_LEVEL or ["(none)"])
def test_a_seat_level_vector_gives_the_expected_seats(
    name: str, vectors: dict[str, dict[str, Any]]
) -> None:
    """The seats of the vector, with exactly the lots it lists, drawn in the order asked."""
    vector = vectors[name]
    allocation_input = _input(vector)
    drawn = vector.get("lots_drawn_list_numbers") or []
    result = complete(allocation_input, drawn)
    expected_status = "no_votes" if sum(vector["votes"]) == 0 else "complete"
    assert result.status == expected_status
    assert seats_of(result) == vector["expected_seats"]
    assert len(result.lots_used) == len(drawn)
    replayed = allocate(dataclasses.replace(allocation_input, lots=result.lots_used))
    assert replayed == result, "replaying the same lots must give the same result"


@pytest.mark.parametrize("name", CANDIDATE_LEVEL or ["(none)"])
def test_a_candidate_level_vector_elects_and_ranks_the_expected_candidates(
    name: str, vectors: dict[str, dict[str, Any]]
) -> None:
    """P 15, P 17 and P 19 per list with the vector's quota and seats; then, unless the quota
    is set by hand, the whole allocation gives the same seats, quota and candidates."""
    vector = vectors[name]
    seats = vector["seats"]
    quota = Fraction(*vector["quota"])
    percent = expected_preference_threshold(ElectionCategory.GR, seats)
    threshold = PreferenceThreshold(quota, percent)
    deceased = {int(k): v for k, v in (vector.get("deceased_candidates") or {}).items()}
    for index, votes in enumerate(vector["candidate_votes"]):
        number = index + 1
        result = list_candidates(
            list_input(number, votes, deceased.get(number, ())),
            vector["expected_seats"][index],
            threshold,
            seats,
            LotBook(()),
            [],
        )
        _check_candidates(vector, index, result)
    if name in HAND_SET_QUOTA:
        assert quota != Fraction(sum(vector["votes"]), seats)
        return
    assert quota == Fraction(sum(vector["votes"]), seats)
    allocation = allocate(_input(vector))
    assert allocation.status == "complete"
    assert allocation.quota == quota
    assert seats_of(allocation) == vector["expected_seats"]
    for index, result in enumerate(allocation.candidates):
        _check_candidates(vector, index, result)


def _check_candidates(vector: dict[str, Any], index: int, result: ListCandidates) -> None:
    preference = [e.number for e in result.elected if e.by == "preference"]
    other = [e.number for e in result.elected if e.by == "list_order"]
    where = f"{vector['name']}, list {index + 1}"
    assert preference == vector["expected_preferential"][index], where
    assert other == vector["expected_other"][index], where
    expected_ranking = vector["expected_ranking"][index]
    if expected_ranking is not None:
        assert list(result.ranking) == expected_ranking, where
