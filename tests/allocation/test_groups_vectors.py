"""The candidate vectors of the Kiesraad's Abacus with 19 seats or more, run through the
district part as standalone lists: for a list on its own, P 15 to P 19 must give what the
single-list rules give (seat-allocation.md §17, ``vectors/seat-allocation.json``)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from osv.model import ElectionCategory
from results.allocation.groups import allocate_districts
from results.allocation.groups_types import MultiDistrictInput
from tests.allocation.group_builders import dlist, single


def candidate_vectors(shared: Path) -> list[dict[str, Any]]:
    cases = json.loads((shared / "docs" / "vectors" / "seat-allocation.json").read_text())
    return [c for c in cases if "candidate_votes" in c and c["seats"] >= 19]


def test_the_abacus_candidate_vectors_with_19_seats_or_more(shared: Path) -> None:
    vectors = candidate_vectors(shared)
    assert len(vectors) == 2
    for case in vectors:
        parties = tuple(
            single(
                number,
                dlist(number, *((f"{number}-{i}", v) for i, v in enumerate(votes, start=1))),
            )
            for number, votes in enumerate(case["candidate_votes"], start=1)
        )
        districts = MultiDistrictInput(case["seats"], ElectionCategory.PS, parties)
        seats = dict(enumerate(case["expected_seats"], start=1))
        result = allocate_districts(districts, seats)

        assert result.status == "complete", case["name"]
        for index, party in enumerate(result.parties):
            [only] = party.lists
            by_preference = [e.position for e in only.elected if e.by == "preference"]
            in_list_order = [e.position for e in only.elected if e.by == "list_order"]
            assert by_preference == case["expected_preferential"][index], case["name"]
            assert in_list_order == case["expected_other"][index], case["name"]
            expected = case["expected_ranking"][index]
            if expected is not None:
                assert list(only.ranking) == expected, case["name"]
            elif not only.elected:
                assert list(only.ranking) == list(range(1, len(only.ranking) + 1))
