"""Building counts for the tally tests: consistent ones, and ones broken in one place."""

from __future__ import annotations

from osv.model import CandidateVotes, ListVotes, RejectedReason, UncountedReason, VoteCounts

A = UncountedReason.POLL_CARDS
B = UncountedReason.PROXY_CERTIFICATES
C = UncountedReason.VOTER_CARDS
D = UncountedReason.ADMITTED_VOTERS
I = UncountedReason.MORE_BALLOTS  # noqa: E741 - the letter on the paper model
J = UncountedReason.FEWER_BALLOTS


def count(
    candidates: dict[int, list[int]],
    *,
    blank: int = 0,
    invalid: int = 0,
    more: int = 0,
    fewer: int = 0,
    proxies: int = 0,
    eligible: int = 1000,
) -> VoteCounts:
    """A consistent count: lists from candidate votes, E, H = E + F + G, D = H − I + J = A + B."""
    lists = tuple(
        ListVotes(
            number=number,
            votes=sum(votes),
            candidates=tuple(
                CandidateVotes(number=position, votes=v) for position, v in enumerate(votes, 1)
            ),
        )
        for number, votes in sorted(candidates.items())
    )
    valid = sum(lst.votes for lst in lists)
    admitted = valid + blank + invalid - more + fewer
    return VoteCounts(
        lists=lists,
        cast=eligible,
        total_counted=valid,
        rejected={RejectedReason.INVALID: invalid, RejectedReason.BLANK: blank},
        uncounted={A: admitted - proxies, B: proxies, C: 0, D: admitted, I: more, J: fewer},
    )


def with_list(counts: VoteCounts, number: int, **changes: object) -> VoteCounts:
    """``votes`` with list ``number`` changed (``votes=``, ``candidates=``)."""
    lists = tuple(
        lst.model_copy(update=changes) if lst.number == number else lst for lst in counts.lists
    )
    return counts.model_copy(update={"lists": lists})


def with_uncounted(votes: VoteCounts, **changes: int) -> VoteCounts:
    """``votes`` with some uncounted boxes changed, by letter (``A=``, ``D=``, ``I=``...)."""
    letters = {"A": A, "B": B, "C": C, "D": D, "I": I, "J": J}
    uncounted = dict(votes.uncounted)
    for letter, value in changes.items():
        uncounted[letters[letter]] = value
    return votes.model_copy(update={"uncounted": uncounted})
