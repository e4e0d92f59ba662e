"""A big city's count file is stored and read back without losing a vote.

Delft's 510b of 2022 has 66 polling stations and about 40,000 candidate-vote numbers; storing
such a file is one import on both databases (how long it takes: ``benchmarks/cli.py``).
"""

from __future__ import annotations

from collections.abc import Callable

from osv.store import UnitOfWork
from tests.store.examples import EID, count_file, definition


def test_a_city_sized_count_file_is_stored_and_read_back_equal(
    uow_factory: Callable[[], UnitOfWork],
) -> None:
    """66 stations and a total × 12 lists × 50 candidates = 40,200 candidate votes."""
    document = count_file(stations=66, candidates=50, lists=tuple(range(1, 13)))
    rows = sum(
        len(lv.candidates)
        for contest in document.contests
        for unit in (contest.total, *(u.votes for u in contest.reporting_units))
        if unit is not None
        for lv in unit.lists
    )
    assert rows == 40_200
    with uow_factory() as uow:
        uow.elections.add(definition())
        uow.commit()
    with uow_factory() as uow:  # how long importing such a file takes: benchmarks/cli.py
        uow.counts.add(EID, document)
        uow.commit()
    with uow_factory() as uow:
        [back] = uow.counts.all(EID)
    assert back == document
