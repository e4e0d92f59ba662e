"""The fast constructor of candidate votes gives exactly the validated object."""

from __future__ import annotations

import pickle

from hypothesis import given
from hypothesis import strategies as st

from osv.model import MAX_COUNT, CandidateVotes, ListVotes

NUMBERS = st.one_of(st.none(), st.integers(1, 10_000))
CODES = st.one_of(st.none(), st.from_regex(r"[A-Za-zÀ-ž]{1,13}[0-9]?", fullmatch=True))
COUNTS = st.integers(0, MAX_COUNT)


@given(NUMBERS, CODES, COUNTS, st.one_of(st.none(), COUNTS))
def test_from_checked_is_the_validated_object(
    number: int | None, code: str | None, votes: int, initial: int | None
) -> None:
    """For every value a reader can have checked, ``from_checked`` equals the object the
    validating constructor builds: equal, the same hash, dump, pickle and copy behaviour."""
    if number is None and code is None:
        return
    fast = CandidateVotes.from_checked(number, code, votes, initial)
    slow = CandidateVotes.model_validate(
        {"number": number, "short_code": code, "votes": votes, "initial_votes": initial}
    )
    assert fast == slow
    assert hash(fast) == hash(slow)
    assert fast.model_dump() == slow.model_dump()
    assert fast.model_fields_set == slow.model_fields_set
    assert pickle.loads(pickle.dumps(fast)) == slow
    assert fast.model_copy(update={"votes": 1}) == slow.model_copy(update={"votes": 1})
    assert fast.key == slow.key


@given(st.lists(st.tuples(NUMBERS, CODES, COUNTS, st.one_of(st.none(), COUNTS)), max_size=20))
def test_many_from_checked_is_from_checked_for_each(
    rows: list[tuple[int | None, str | None, int, int | None]],
) -> None:
    """``many_from_checked`` gives, in order, the objects ``from_checked`` gives one by one,
    which the property above equates with the validated objects."""
    rows = [row for row in rows if row[0] is not None or row[1] is not None]
    numbers, codes, votes, initials = (
        (list(column) for column in zip(*rows, strict=True)) if rows else ([], [], [], [])
    )
    many = CandidateVotes.many_from_checked(numbers, codes, votes, initials)
    one_by_one = tuple(CandidateVotes.from_checked(*row) for row in rows)
    assert many == one_by_one
    assert [c.model_fields_set for c in many] == [c.model_fields_set for c in one_by_one]
    assert [hash(c) for c in many] == [hash(c) for c in one_by_one]


@given(st.integers(1, 500), st.text(max_size=30), COUNTS, st.one_of(st.none(), COUNTS))
def test_list_votes_from_checked_values_is_the_validated_list(
    number: int, name: str, votes: int, initial: int | None
) -> None:
    """A list built without validation equals the validated list of the same values."""
    candidates = (CandidateVotes.from_checked(1, None, votes, None),)
    values = {
        "number": number,
        "name": name,
        "votes": votes,
        "initial_votes": initial,
        "candidates": candidates,
    }
    fast = ListVotes.from_checked_values(dict(values))
    slow = ListVotes.model_validate(values)
    assert fast == slow
    assert hash(fast) == hash(slow)
    assert fast.model_dump() == slow.model_dump()
    assert pickle.loads(pickle.dumps(fast)) == slow
