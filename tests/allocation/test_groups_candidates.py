"""Who takes the seats of a lijstengroep: Kieswet P 15 to P 19, worked out by hand.

Every example has a second party (a filler) so that the national quota, and with it the
preference threshold of 25 % (P 15(1)), are easy numbers.
"""

from __future__ import annotations

from fractions import Fraction

from results.allocation.groups import allocate_districts
from results.allocation.groups_trace import (
    DuplicateStep,
    ForfeitStep,
    ListOrderStep,
    PreferenceStep,
    UnfilledStep,
)
from results.allocation.groups_types import MultiDistrictAllocation, MultiDistrictInput
from results.allocation.types import LotKind, LotOutcome
from tests.allocation.group_builders import (
    complete,
    dlist,
    elected,
    election,
    filler,
    group,
    party,
    seats_per_list,
    single,
)

P, L = "preference", "list_order"


def drawn_input(districts: MultiDistrictInput, lots: tuple[LotOutcome, ...]) -> MultiDistrictInput:
    """The same election with these lots drawn."""
    return MultiDistrictInput(districts.seats, districts.category, districts.parties, lots)


def jansen_group() -> tuple[MultiDistrictInput, dict[int, int]]:
    """Jansen heads the lists of kieskring 1, 2 and 3 of group 1.

    ===========  ===========  ===========  ========
    kieskring 1  kieskring 2  kieskring 3
    ===========  ===========  ===========  ========
    Jansen 900   Jansen 700   Jansen 500   (2,100)
    Bakker 100   de Vries 200 Bakker 150   (250)
    Visser 50    Mulder 60    Peters 200
    Smit 50      Bos 40       Smit 50      (100)
    1,100        1,000        900          3,000
    ===========  ===========  ===========  ========

    With a filler of 2,000 votes and 10 seats: quota 5,000 / 10 = 500, threshold 125.
    """
    groep = group(
        1,
        dlist(1, ("Jansen", 900), ("Bakker", 100), ("Visser", 50), ("Smit", 50)),
        dlist(2, ("Jansen", 700), ("de Vries", 200), ("Mulder", 60), ("Bos", 40)),
        dlist(3, ("Jansen", 500), ("Bakker", 150), ("Peters", 200), ("Smit", 50)),
    )
    return election(10, groep, filler(2, 2000)), {1: 6, 2: 4}


def test_a_candidate_on_three_lists_is_elected_by_preference_once() -> None:
    """Group of 6 seats, group quota 3,000 / 6 = 500: full seats 2, 2, 1 (remainders 100, 0,
    400); the 6th seat to kieskring 3 (400). Seats 2, 2, 2.

    P 15(1), votes on all lists together, more than 125: Jansen 2,100, Bakker 250, then de Vries
    and Peters 200 each (they fit the 6 seats, so no lot). Smit (50 + 50 = 100) does not pass.
    P 16(1): Jansen counts as elected on kieskring 1 (900, his most votes); Bakker on
    kieskring 3 (150 > 100); de Vries on 2; Peters on 3 (now full).
    P 17: kieskring 1 has one seat left: Bakker is elected already, so Visser; kieskring 2:
    Jansen and de Vries are elected, so Mulder.
    """
    districts, seats = jansen_group()
    result = allocate_districts(districts, seats)

    assert result.status == "complete"
    assert result.quota == 500
    assert result.preference_threshold == 125
    assert seats_per_list(result, 1) == {1: 2, 2: 2, 3: 2}
    assert elected(result, 1) == {
        1: [("Jansen", P), ("Visser", L)],
        2: [("de Vries", P), ("Mulder", L)],
        3: [("Bakker", P), ("Peters", P)],
    }
    preference = [s for s in result.steps if isinstance(s, PreferenceStep) and s.party_number == 1]
    assert [(s.key, s.votes, s.list_id, s.list_votes, s.article) for s in preference] == [
        ("Jansen", 2100, 1, 900, "P 16(1)"),
        ("Bakker", 250, 3, 150, "P 16(1)"),
        ("de Vries", 200, 2, 200, "P 15(1)"),
        ("Peters", 200, 3, 200, "P 15(1)"),
    ]
    [jansen] = [p for p in party(result, 1).persons if p.key == "Jansen"]
    assert (jansen.number, jansen.votes) == (1, 2100)


def test_the_ranking_keeps_every_person_on_every_list_p19() -> None:
    """P 19 per list: first those elected by preference on it (seat order), then the others
    above the threshold not elected by preference (none here), then list order. Jansen, elected
    on kieskring 1, keeps a place on the rankings of 2 and 3 (P 19(4): P 18 does not apply to
    the ranking), after those elected by preference there.

    kieskring 1: Jansen 1, Bakker 2, Visser 3, Smit 4 -> 1, 2, 3, 4 (unchanged);
    kieskring 2: de Vries 2 first, then 1, 3, 4 -> 2, 1, 3, 4;
    kieskring 3: Bakker 2 and Peters 3 first, then 1, 4 -> 2, 3, 1, 4.
    """
    districts, seats = jansen_group()
    result = allocate_districts(districts, seats)
    rankings = {item.list_id: item.ranking for item in party(result, 1).lists}
    changed = {item.list_id: item.ranking_changed for item in party(result, 1).lists}
    assert rankings == {1: (1, 2, 3, 4), 2: (2, 1, 3, 4), 3: (2, 3, 1, 4)}
    assert changed == {1: False, 2: True, 3: True}


def threefold_group() -> tuple[MultiDistrictInput, dict[int, int]]:
    """Nobody passes the threshold: filler 27,000, 15 seats, quota 2,000, threshold 500.

    ===========  ===========  ================
    kieskring 1  kieskring 2  kieskring 3 and 4
    ===========  ===========  ================
    A 150        A 120        A 130             (A: 400 in all)
    B 140        C 110        C 170             (C: 280)
    D 330        F 400        H 450
    E 380        G 370        J 250
    1,000        1,000        1,000
    ===========  ===========  ================
    """
    groep = group(
        1,
        dlist(1, ("A", 150), ("B", 140), ("D", 330), ("E", 380)),
        dlist(2, ("A", 120), ("C", 110), ("F", 400), ("G", 370)),
        dlist((3, 4), ("A", 130), ("C", 170), ("H", 450), ("J", 250)),
    )
    return election(15, groep, filler(2, 27000)), {1: 3, 2: 12}


def test_a_candidate_elected_in_list_order_on_three_lists_counts_once_p18() -> None:
    """Group of 3 seats, group quota 1,000: one full seat per list, no remainders.

    P 17, round 1: every list elects its first candidate, A, three times.
    P 18(1): A counts as elected on kieskring 1 (150 > 130 > 120).
    P 18(2), round 2: kieskring 2 and 3 elect their next candidate not yet elected: C on both.
    P 18(1) again: C on kieskring 3 (170 > 110).
    Round 3: kieskring 2 elects its next candidate not yet elected: F. Every seat is taken
    (P 18(3)). The set of identical lists for kieskring 3 and 4 counts as one list.
    """
    districts, seats = threefold_group()
    result = allocate_districts(districts, seats)

    assert result.status == "complete"
    assert elected(result, 1) == {1: [("A", L)], 2: [("F", L)], 3: [("C", L)]}
    duplicates = [s for s in result.steps if isinstance(s, DuplicateStep)]
    assert [(s.round, s.key, s.lists, s.list_id) for s in duplicates] == [
        (1, "A", ((1, 150), (2, 120), (3, 130)), 1),
        (2, "C", ((2, 110), (3, 170)), 3),
    ]
    rounds = [
        (s.round, s.list_id, s.key, s.article)
        for s in result.steps
        if isinstance(s, ListOrderStep) and s.party_number == 1
    ]
    assert rounds == [
        (1, 1, "A", "P 17"),
        (1, 2, "A", "P 17"),
        (1, 3, "A", "P 17"),
        (2, 2, "C", "P 18(2)"),
        (2, 3, "C", "P 18(2)"),
        (3, 2, "F", "P 18(2)"),
    ]
    assert [item.districts for item in party(result, 1).lists] == [(1,), (2,), (3, 4)]


def test_equal_votes_on_two_lists_go_to_the_lowest_kieskring_p18() -> None:
    """As before, but A has 130 on kieskring 2 and 3 and 120 on kieskring 1: "Voor zover
    aantallen gelijk zijn, geldt hij als gekozen op de lijst, ingeleverd voor de kieskring met
    het laagste nummer" (P 18(1)): kieskring 2. Then kieskring 1 elects B, kieskring 3 C."""
    groep = group(
        1,
        dlist(1, ("A", 120), ("B", 160), ("D", 340), ("E", 380)),
        dlist(2, ("A", 130), ("C", 100), ("F", 400), ("G", 370)),
        dlist(3, ("A", 130), ("C", 170), ("H", 450), ("J", 250)),
    )
    result = allocate_districts(election(15, groep, filler(2, 27000)), {1: 3, 2: 12})
    assert elected(result, 1) == {1: [("B", L)], 2: [("A", L)], 3: [("C", L)]}


def test_a_preference_candidate_takes_a_seat_on_another_list_when_theirs_is_full_p16_1() -> None:
    """Filler 7,000, 10 seats: quota 1,000, threshold 250.

    Kieskring 1: P1 1,200, P2 700, R 350, P4 50 (2,300). Kieskring 2: R 300, S1 200, S2 200
    (700). Group of 3 seats: quota 1,000, full seats 2 and 0, remainders 300 and 700: the third
    seat to kieskring 2. Seats 2, 1.

    Preference (more than 250): P1 1,200, P2 700, R 650 (350 + 300). P1 and P2 fill kieskring 1.
    R got most votes on kieskring 1, but "mits aan die lijst voldoende zetels zijn
    toegewezen" (P 16(1)): it has none left, so R takes the seat of kieskring 2.
    """
    groep = group(
        1,
        dlist(1, ("P1", 1200), ("P2", 700), ("R", 350), ("P4", 50)),
        dlist(2, ("R", 300), ("S1", 200), ("S2", 200)),
    )
    result = allocate_districts(election(10, groep, filler(2, 7000)), {1: 3, 2: 7})

    assert elected(result, 1) == {1: [("P1", P), ("P2", P)], 2: [("R", P)]}
    [step] = [s for s in result.steps if isinstance(s, PreferenceStep) and s.key == "R"]
    assert (step.placement, step.list_id, step.article) == ("other_list", 2, "P 16(1)")


def test_no_list_of_the_candidate_has_a_seat_so_the_last_group_seat_moves_p16_2() -> None:
    """Filler 7,000, 10 seats: quota 1,000, threshold 250.

    Kieskring 1: P1 2,000, P2 400, P3 200 (2,600); kieskring 2: Q1 390, Q2 10 (400). Group of 3
    seats: full seats 2 and 0, remainders 600 and 400: the third seat to kieskring 1 (3, 0).

    Preference: P1 2,000 and P2 400 on kieskring 1; Q1 390 stands only on kieskring 2, which has
    no seat. P 16(2): Q1 gets a seat there anyway, and the seat last given under P 12 (the
    remainder seat of kieskring 1) lapses. Seats 2, 1.
    """
    groep = group(
        1,
        dlist(1, ("P1", 2000), ("P2", 400), ("P3", 200)),
        dlist(2, ("Q1", 390), ("Q2", 10)),
    )
    result = allocate_districts(election(10, groep, filler(2, 7000)), {1: 3, 2: 7})

    assert result.status == "complete"
    assert party(result, 1).group is not None
    assert [i.seats for i in party(result, 1).group.lists] == [3, 0]  # type: ignore[union-attr]
    assert seats_per_list(result, 1) == {1: 2, 2: 1}
    assert elected(result, 1) == {1: [("P1", P), ("P2", P)], 2: [("Q1", P)]}
    assert [s for s in result.steps if isinstance(s, ForfeitStep)] == [ForfeitStep(1, 1, 2, 1)]
    assert "p16_2_seat_moved" in result.warnings


def test_when_the_seat_to_move_is_taken_the_result_is_unresolved() -> None:
    """Filler 6,000, 10 seats: quota 1,000, threshold 250. Group of 4 seats, group quota 1,000.

    Kieskring 1: P1 1,900, P2 500, P3 300 (2,700: 2 full seats, remainder 700); kieskring 2:
    Q1 260, Q2 40 (300: 0, remainder 300); kieskring 3: ten candidates of 100 (1,000: 1, no
    remainder). The fourth seat goes to kieskring 1 (700). Seats 3, 0, 1.

    Preference: P1, P2, P3 fill kieskring 1; Q1 (260) stands only on kieskring 2, which has no
    seat. P 16(2) would take back the seat last given under P 12, the remainder seat of
    kieskring 1, but P3 holds it. The law does not say which seat lapses then: ``unresolved``.
    """
    groep = group(
        1,
        dlist(1, ("P1", 1900), ("P2", 500), ("P3", 300)),
        dlist(2, ("Q1", 260), ("Q2", 40)),
        dlist(3, *((f"r{i}", 100) for i in range(10))),
    )
    result = allocate_districts(election(10, groep, filler(2, 6000)), {1: 4, 2: 6})
    assert result.status == "unresolved"
    assert result.unresolved[0].startswith("p16_2_last_seat_taken")


def test_equal_preference_votes_for_the_last_seat_ask_for_a_lot() -> None:
    """Filler 8,160, 10 seats: quota 10,000 / 10 = 1,000, threshold 250.

    Kieskring 1: T 1,000, X 300, Y 100 (1,400); kieskring 2: Z 240, Y 200 (440). Group of 2
    seats: group quota 1,840 / 2 = 920; full seats 1 and 0, remainders 480 and 440: seats 2, 0.

    Preference: T 1,000 first; X (300 on kieskring 1) and Y (100 + 200 = 300 on both lists)
    are equal for the one seat left: "Indien aantallen gelijk zijn, beslist zo nodig het lot"
    (P 15(1)). The options are person numbers in order of first appearance: T 1, X 2, Y 3, Z 4.
    Drawn: Y. Y got most votes on kieskring 2, which has no seat; kieskring 1 has one (P 16(1)).
    """
    groep = group(
        1,
        dlist(1, ("T", 1000), ("X", 300), ("Y", 100)),
        dlist(2, ("Z", 240), ("Y", 200)),
    )
    districts = election(10, groep, filler(2, 8160))
    first = allocate_districts(districts, {1: 2, 2: 8})
    assert first.status == "lots_required"
    required = first.lots_required
    assert required is not None
    assert (required.kind, required.options, required.seats) == (
        LotKind.CANDIDATE_PREFERENCE,
        (2, 3),
        1,
    )
    assert (required.list_number, required.tied_value) == (1, Fraction(300))

    drawn = complete(districts, {1: 2, 2: 8}, max)
    assert drawn.lots_used == (LotOutcome(LotKind.CANDIDATE_PREFERENCE, 3, 1),)
    assert elected(drawn, 1) == {1: [("T", P), ("Y", P)], 2: []}
    assert allocate_districts(drawn_input(districts, drawn.lots_used), {1: 2, 2: 8}) == drawn


def test_a_list_of_a_group_with_seats_is_ranked_even_without_seats_p19_5() -> None:
    """The same election, X drawn. Y (300 on both lists together) passes the threshold but is
    not elected: on kieskring 1 (T and X elected by preference) Y stays third; the list of
    kieskring 2 has no seat, but its group has, so it is ranked too (P 19(5)): Y, at position 2,
    comes before Z (240, below the threshold)."""
    groep = group(
        1,
        dlist(1, ("T", 1000), ("X", 300), ("Y", 100)),
        dlist(2, ("Z", 240), ("Y", 200)),
    )
    result = complete(election(10, groep, filler(2, 8160)), {1: 2, 2: 8}, min)
    assert elected(result, 1) == {1: [("T", P), ("X", P)], 2: []}
    lists = party(result, 1).lists
    assert [(item.ranking, item.ranking_changed) for item in lists] == [
        ((1, 2, 3), False),
        ((2, 1), True),
    ]


def test_a_list_left_without_candidates_is_reported_not_filled_p18() -> None:
    """Kieskring 1: A 100, B 100, Z 1,800 (deceased: the votes count for the list, P 19a).
    Kieskring 2: A 150, B 150, C-I 200 each, J 300 (2,000). Filler 6,000, 10 seats: quota
    1,000, threshold 250. Group of 4 seats: 2 and 2.

    Preference: J 300 on kieskring 2 (A and B have exactly 250: not more). P 17: kieskring 1
    elects A and B, kieskring 2 A. P 18(1): A on kieskring 2 (150 > 100). Kieskring 1 has one
    seat left and no candidate who is alive and not elected: the law does not say what happens,
    so the result is ``unresolved`` and says why.
    """
    rest = [(name, 200) for name in "CDEFGHI"]
    groep = group(
        1,
        dlist(1, ("A", 100), ("B", 100), ("Z", 1800, True)),
        dlist(2, ("A", 150), ("B", 150), *rest, ("J", 300)),
    )
    result = allocate_districts(election(10, groep, filler(2, 6000)), {1: 4, 2: 6})

    assert result.status == "unresolved"
    assert result.unresolved[0].startswith("p18_seat_without_candidate")
    assert elected(result, 1) == {1: [("B", L)], 2: [("J", P), ("A", L)]}
    assert [item.unfilled for item in party(result, 1).lists] == [1, 0]
    assert [s for s in result.steps if isinstance(s, UnfilledStep)] == [UnfilledStep(1, 1, 1)]


def test_a_standalone_list_follows_the_single_list_rules() -> None:
    """A party with one list: P 15 in order of votes (equal votes that fit: list order), then
    P 17 in list order; the ranking puts the preference electees first (P 19(1)), then the
    other candidates above the threshold (P 19(2)), then list order (P 19(3)).

    Group 1 (standalone, kieskring 1): c1 100, c2 600, c3 300, c4 300, c5 0. Filler 8,700,
    10 seats: quota 1,000, threshold 250. Party seats 2. Preference: c2 600, then c3 and c4 300
    each for one seat left: a lot. Drawn: c4. Ranking: 2, 4, 3, 1, 5.
    """
    lone = dlist(1, ("c1", 100), ("c2", 600), ("c3", 300), ("c4", 300), ("c5", 0))
    districts = election(10, single(1, lone), filler(2, 8700))
    result = complete(districts, {1: 2, 2: 8}, max)
    assert result.lots_used == (LotOutcome(LotKind.CANDIDATE_PREFERENCE, 4, 1),)
    [only] = party(result, 1).lists
    assert [(e.position, e.by) for e in only.elected] == [(2, P), (4, P)]
    assert only.ranking == (2, 4, 3, 1, 5)


def test_a_list_without_seats_keeps_its_order_p19_5() -> None:
    """P 19(5): a list without elected candidates and not part of a group with seats is not
    ranked (19 seats or more), even if a candidate on it passes the threshold."""
    lone = dlist(1, ("c1", 10), ("c2", 400), ("c3", 0, True))
    result = allocate_districts(election(10, single(1, lone), filler(2, 9590)), {1: 0, 2: 10})
    [only] = party(result, 1).lists
    assert (only.ranking, only.elected) == ((1, 2), ())
    assert only.ranking_changed  # the deceased candidate is left out


def order_of_election(result: MultiDistrictAllocation, number: int) -> list[tuple[str, str]]:
    """The party's elected as (key, by) in its order of election (the order of the 520)."""
    found = [person for item in party(result, number).lists for person in item.elected]
    return [(person.key, person.by) for person in sorted(found, key=lambda p: p.order)]


def test_the_party_order_is_preference_by_votes_then_the_order_of_assignment() -> None:
    """The Kiesraad publishes a party's elected as in its 520 of TK2023: those elected by
    preference votes first, most votes first (P 15(1)), then the others in the order their
    seats were assigned (P 17, P 18) — not per district list.

    The threefold group of the test above (3 seats, nobody above the threshold): P 17 round 1
    elects A (list 1), round 2 C (list 3), round 3 F (list 2). Per district list it would read
    A, F, C; in the order of assignment it is A, C, F.
    """
    districts, seats = threefold_group()
    result = allocate_districts(districts, seats)
    assert order_of_election(result, 1) == [("A", L), ("C", L), ("F", L)]


def test_preference_elected_on_a_higher_kieskring_come_first_by_votes() -> None:
    """Filler 7,550, 10 seats: quota 1,000, threshold 250; the group has 3 seats.

    ===========  ===========
    kieskring 1  kieskring 2
    ===========  ===========
    A 900        D 200
    B 100        B 100         (B: 200 in all)
    C 100        E 1,050
    1,100        1,350
    ===========  ===========

    P 12/P 13: group quota 2,450 / 3 = 816 2/3: one full seat each, the third to kieskring 2
    (remainder 533 1/3 against 283 1/3). P 15: E (1,050) and A (900) pass the threshold, E
    first; P 17: the last seat of kieskring 2 goes to D. The order of election is E, A, D; per
    district list it would read A, E, D.
    """
    groep = group(
        1,
        dlist(1, ("A", 900), ("B", 100), ("C", 100)),
        dlist(2, ("D", 200), ("B", 100), ("E", 1050)),
    )
    result = allocate_districts(election(10, groep, filler(2, 7550)), {1: 3, 2: 7})
    assert result.status == "complete"
    assert elected(result, 1) == {1: [("A", P)], 2: [("E", P), ("D", L)]}
    assert order_of_election(result, 1) == [("E", P), ("A", P), ("D", L)]
