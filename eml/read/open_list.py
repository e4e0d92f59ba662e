"""The list of an EML 510 vote group whose candidate selections are being read
(:mod:`eml.read.vote_group`)."""

from __future__ import annotations

from itertools import repeat

from osv.model import CandidateVotes, ListVotes

__all__ = ["OpenList"]


class OpenList:
    """The list whose candidate selections are being read.

    The candidates are kept as parallel lists of checked values (number, short code, votes,
    and the few corrigendum values by position) and become model objects once, in
    :meth:`build`.
    """

    __slots__ = (
        "codes",
        "initial",
        "initials",
        "last_number",
        "name",
        "number",
        "numbers",
        "short_codes",
        "votes",
        "votes_of",
    )

    def __init__(self, number: int, name: str, votes: int, initial: int | None) -> None:
        self.number = number
        self.name = name
        self.votes = votes
        self.initial = initial
        self.numbers: list[int | None] = []
        self.codes: list[str | None] = []
        self.votes_of: list[int] = []
        self.initials: dict[int, int] = {}
        self.last_number = 0
        self.short_codes: set[str] = set()

    def append(
        self, number: int | None, short_code: str | None, votes: int, initial: int | None
    ) -> None:
        """Add a checked candidate."""
        if initial is not None:
            self.initials[len(self.numbers)] = initial
        self.numbers.append(number)
        self.codes.append(short_code)
        self.votes_of.append(votes)

    def build(self) -> ListVotes:
        """The list as a model object; every value was checked when it was read."""
        count = len(self.numbers)
        initials = self.initials
        candidates = CandidateVotes.many_from_checked(
            self.numbers,
            self.codes,
            self.votes_of,
            [initials.get(index) for index in range(count)] if initials else repeat(None, count),
        )
        return ListVotes.from_checked_values(
            {
                "number": self.number,
                "name": self.name,
                "votes": self.votes,
                "initial_votes": self.initial,
                "candidates": candidates,
            }
        )
