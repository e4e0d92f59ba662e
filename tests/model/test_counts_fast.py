"""The fast constructor of candidate votes gives exactly the validated object."""

from __future__ import annotations

import pickle

from hypothesis import given
from hypothesis import strategies as st

from osv.model import MAX_COUNT, CandidateVotes

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
