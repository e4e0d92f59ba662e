"""The ranking of a district list for succession: Kieswet P 19.

When an elected member leaves, the seat goes to the next candidate in this ranking of the list
the member was elected on (chapter W). In a lijstengroep a person may stand on several lists;
the ranking is drawn up per list and keeps every person on every list where they stand, because
the de-duplication of P 18 does not apply to it (P 19(4)).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence, Set
from fractions import Fraction

from results.allocation.groups_types import DistrictElected, DistrictList, GroupPerson

__all__ = ["rank_list"]


def rank_list(
    district_list: DistrictList,
    elected: Sequence[DistrictElected],
    persons: Mapping[str, GroupPerson],
    by_preference: Set[int],
    threshold: Fraction,
    *,
    ranked: bool,
) -> tuple[int, ...]:
    """The positions of the list's living candidates in the order of succession (P 19).

    P 19, in the English text of the law as of 2025: "(1) [...] the candidates to whom a seat
    has been allocated pursuant to Article P 15 are at the top, in the order in which the seats
    were allocated. (2) Next, in the order of the number of votes cast, the candidates on the
    list who, on the combined lists on which they appear, received a number of votes greater
    than 25% of the electoral quota [...] but who were not declared elected pursuant to Article
    P 15 [...]. If the numbers are equal, the order of the list is decisive. (3) Finally, the
    other candidates on the list are ranked, in the order of the list. (4) Article P 18 does not
    apply to the ranking. (5) Except for elections where the number of seats to be allocated is
    less than nineteen, the ranking will not be applied to lists on which no candidates have been
    declared elected and which are not part of a group of lists to which one or more seats have
    been allocated."

    Read as: (1) those whose P 15 seat is on this list (after P 16), in seat order; (2) by their
    votes on all lists together; a person elected by preference on another list of the group
    falls under (3). Deceased candidates are left out (P 19a). Every election with several
    kieskringen has 19 seats or more.

    :param elected: the persons elected on this list, in the order their seats were given.
    :param persons: the party's persons by key.
    :param by_preference: the numbers of the party's persons elected by preference, on any list.
    :param threshold: the preference threshold (P 15(1)).
    :param ranked: whether P 19 applies (P 19(5)); if not, the list order stands.
    """
    living = [candidate for candidate in district_list.candidates if not candidate.deceased]
    if not ranked:
        return tuple(candidate.position for candidate in living)
    first = [person.position for person in elected if person.by == "preference"]
    second = [
        candidate.position
        for candidate in sorted(
            living, key=lambda candidate: (-persons[candidate.key].votes, candidate.position)
        )
        if persons[candidate.key].votes > threshold
        and persons[candidate.key].number not in by_preference
    ]
    placed = set(first) | set(second)
    rest = [candidate.position for candidate in living if candidate.position not in placed]
    return tuple(first + second + rest)
