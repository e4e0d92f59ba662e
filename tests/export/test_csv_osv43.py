"""The OSV4-3 CSV layout on a small made-up count, cell by cell.

The published files (test_export_csv.py) prove the layout on real data; these tests spell it
out on a table small enough to read in full, and pin the rules the real files do not exercise:
quotes inside a name, a number the count does not give, a list or candidate that differs from
the candidate lists, station names in other forms, file names with accents.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from osv.model import (
    Candidate,
    CandidateList,
    CandidateVotes,
    Contest,
    ListVotes,
    PersonName,
    RejectedReason,
    UncountedReason,
    VoteCounts,
)
from osv.service.formats import csv_osv43
from osv.service.formats.csv_osv43 import (
    CountsMismatchError,
    Heading,
    OSV43Table,
    Station,
    area_name,
    candidate_name,
    default_file_name,
    station_of,
)

HEADING = Heading(
    election="Gemeenteraad Vlietdam 2026",
    date="2026-03-18",
    area="Gemeente Vlietdam",
    number="9999",
)

CONTEST = Contest(
    id="geen",
    lists=(
        CandidateList(
            number=1,
            name='Partij "Vooruit"',
            candidates=(
                Candidate(number=1, name=PersonName(initials="A.", last_name="Jansen")),
                Candidate(
                    number=2, name=PersonName(initials="B.C.", prefix="van der", last_name="Berg")
                ),
            ),
        ),
        CandidateList(
            number=2,
            name="",  # a list without a registered name (blanco lijst)
            candidates=(Candidate(number=1, name=PersonName(initials="D.", last_name="Smit")),),
        ),
    ),
)


def _votes(
    jansen: int, berg: int, smit: int, *, blank: int = 1, invalid: int = 0, full: bool = True
) -> VoteCounts:
    valid = jansen + berg + smit
    admitted = valid + blank + invalid
    uncounted = {
        UncountedReason.POLL_CARDS: admitted - 1,
        UncountedReason.PROXY_CERTIFICATES: 1,
        UncountedReason.ADMITTED_VOTERS: admitted,
    }
    if full:
        uncounted[UncountedReason.VOTER_CARDS] = 0
        explanations = (
            UncountedReason.MORE_BALLOTS,
            UncountedReason.FEWER_BALLOTS,
            UncountedReason.BALLOTS_TAKEN,
            UncountedReason.TOO_FEW_ISSUED,
            UncountedReason.TOO_MANY_ISSUED,
            UncountedReason.NO_EXPLANATION,
            UncountedReason.OTHER_EXPLANATION,
        )
        uncounted |= dict.fromkeys(explanations, 0)
    return VoteCounts(
        lists=(
            ListVotes(
                number=1,
                votes=jansen + berg,
                candidates=(
                    CandidateVotes(number=1, votes=jansen),
                    CandidateVotes(number=2, votes=berg),
                ),
            ),
            ListVotes(number=2, votes=smit, candidates=(CandidateVotes(number=1, votes=smit),)),
        ),
        cast=1000,
        total_counted=valid,
        rejected={RejectedReason.BLANK: blank, RejectedReason.INVALID: invalid},
        uncounted=uncounted,
    )


def _table() -> OSV43Table:
    table = OSV43Table(HEADING, CONTEST)
    table.set_total(_votes(12, 5, 3, blank=2, invalid=1), "the total")
    table.add_station(Station("Stadhuis", "1", "9999 AA"), _votes(10, 4, 1), "unit 1")
    table.add_station(Station("De Kerk", "2", ""), _votes(2, 1, 2, blank=1, invalid=1), "unit 2")
    return table


def test_a_small_table_is_laid_out_row_by_row() -> None:
    """Heading, empty row, titles, station numbers and postal codes, 16 count rows, lists.

    Every non-empty cell is quoted, quotes inside are doubled, empty cells are nothing; the
    ballots found are valid + blank + invalid (20 + 2 + 1 = 23 in total).
    """
    expected = "\n".join(
        [
            '"Verkiezing";;"Gemeenteraad Vlietdam 2026"',
            '"Datum";;"2026-03-18"',
            '"Gebied";;"Gemeente Vlietdam"',
            '"Nummer";;"9999"',
            "",
            '"Lijstnummer";"Aanduiding";"Volgnummer";"Naam kandidaat";"Totaal";'
            '"Stadhuis";"De Kerk"',
            '"Gebiednummer";;;;;"1";"2"',
            '"Postcode";;;;;"9999 AA";',
            ';"opgeroepenen";;;"1000";"1000";"1000"',
            ';"geldige stempas";;;"22";"15";"6"',
            ';"geldig volmachtbewijs";;;"1";"1";"1"',
            ';"geldige kiezerspas";;;"0";"0";"0"',
            ';"toegelaten kiezers";;;"23";"16";"7"',
            ';"geldige stembiljetten";;;"20";"15";"5"',
            ';"blanco stembiljetten";;;"2";"1";"1"',
            ';"ongeldige stembiljetten";;;"1";"0";"1"',
            ';"aangetroffen stembiljetten";;;"23";"16";"7"',
            ';"meer stembiljetten dan toegelaten kiezers";;;"0";"0";"0"',
            ';"minder stembiljetten dan toegelaten kiezers";;;"0";"0";"0"',
            ';"kiezers met stembiljet hebben niet gestemd";;;"0";"0";"0"',
            ';"er zijn te weinig stembiljetten uitgereikt";;;"0";"0";"0"',
            ';"er zijn te veel stembiljetten uitgereikt";;;"0";"0";"0"',
            ';"geen verklaring";;;"0";"0";"0"',
            ';"andere verklaring";;;"0";"0";"0"',
            '"1";"Partij ""Vooruit""";;;"17";"14";"3"',
            ';;"1";"Jansen, A.";"12";"10";"2"',
            ';;"2";"van der Berg, B.C.";"5";"4";"1"',
            '"2";;;;"3";"1";"2"',
            ';;"1";"Smit, D.";"3";"1";"2"',
        ]
    )
    content = _table().render()
    assert content.startswith(b"\xef\xbb\xbf")  # UTF-8 byte-order mark
    assert not content.endswith(b"\n")  # no line end after the last row
    assert content.decode("utf-8-sig") == expected


def test_a_number_the_count_does_not_give_is_an_empty_cell_in_its_own_column() -> None:
    """A station without the explanation codes keeps its column; only those cells are empty."""
    table = OSV43Table(HEADING, CONTEST)
    table.set_total(_votes(12, 5, 3), "the total")
    table.add_station(Station("Stadhuis", "1", ""), _votes(10, 4, 1, full=False), "unit 1")
    table.add_station(Station("De Kerk", "2", ""), _votes(2, 1, 2), "unit 2")
    lines = table.render().decode("utf-8-sig").split("\n")
    # key: the last non-empty of the first four cells (the label or the candidate's name)
    rows = {[c for c in line.split(";")[:4] if c][-1]: line.split(";")[4:] for line in lines[8:]}
    assert rows['"geldige kiezerspas"'] == ['"0"', "", '"0"']
    assert rows['"geen verklaring"'] == ['"0"', "", '"0"']
    assert rows['"toegelaten kiezers"'] == ['"21"', '"16"', '"6"']
    assert rows['"Jansen, A."'] == ['"12"', '"10"', '"2"']


def _without_candidate(votes: VoteCounts, list_number: int, candidate: int) -> VoteCounts:
    lists = tuple(
        lv.model_copy(
            update={"candidates": tuple(c for c in lv.candidates if c.number != candidate)}
        )
        if lv.number == list_number
        else lv
        for lv in votes.lists
    )
    return votes.model_copy(update={"lists": lists})


def test_a_station_without_a_candidate_of_the_lists_is_refused() -> None:
    """Leaving the cell empty or shifting the numbers would misstate the count: refuse."""
    table = OSV43Table(HEADING, CONTEST)
    with pytest.raises(CountsMismatchError) as raised:
        table.add_station(
            Station("Stadhuis", "1", ""), _without_candidate(_votes(10, 4, 1), 1, 2), "unit 1"
        )
    assert str(raised.value) == (
        'unit 1 has no votes for candidate 2 (van der Berg, B.C.) of list 1 (Partij "Vooruit") '
        "in the candidate lists of the election"
    )
    assert table.stations == ()


def test_a_station_without_a_list_or_with_an_unknown_one_is_refused() -> None:
    votes = _votes(10, 4, 1)
    only_first = votes.model_copy(update={"lists": votes.lists[:1]})
    with pytest.raises(CountsMismatchError, match=r"^unit 1 has no votes for list 2 of the "):
        OSV43Table(HEADING, CONTEST).add_station(Station("S", "1", ""), only_first, "unit 1")
    extra = votes.model_copy(
        update={"lists": (*votes.lists, ListVotes(number=3, votes=0, candidates=()))}
    )
    with pytest.raises(CountsMismatchError, match=r"^the total has votes for list 3, which is"):
        OSV43Table(HEADING, CONTEST).set_total(extra, "the total")


def test_a_candidate_not_on_the_list_is_refused() -> None:
    votes = _votes(10, 4, 1)
    smit = votes.lists[1]
    more = smit.model_copy(
        update={"candidates": (*smit.candidates, CandidateVotes(number=2, votes=0))}
    )
    extra = votes.model_copy(update={"lists": (votes.lists[0], more)})
    with pytest.raises(
        CountsMismatchError, match=r"^unit 2 has votes for candidate 2 of list 2, who is not"
    ):
        OSV43Table(HEADING, CONTEST).add_station(Station("S", "2", ""), extra, "unit 2")


@pytest.mark.parametrize(
    ("unit_id", "name", "expected"),
    [
        ("0668::SB1", "Stembureau De Hucht (postcode: 6626 AC)", ("De Hucht", "1", "6626 AC")),
        ("0668::SB112", "Stembureau Raadhuis (maandag) (postcode: 6658 AG)",
         ("Raadhuis (maandag)", "112", "6658 AG")),
        ("0363::SB801", "Briefstembureau Amsterdam (postcode: 1011 PN)",
         ("Amsterdam", "801", "1011 PN")),
        ("0363::SB5", "Stembureau Mobiel 1", ("Mobiel 1", "5", "")),
        ("0363::SB6", None, ("", "6", "")),
        ("0363", "Amsterdam", ("Amsterdam", "0363", "")),
    ],
)  # fmt: skip
def test_a_station_heading_is_its_name_number_and_postal_code(
    unit_id: str, name: str | None, expected: tuple[str, str, str]
) -> None:
    assert station_of(unit_id, name) == Station(*expected)


def test_names_of_candidates_and_areas() -> None:
    assert candidate_name(PersonName(initials="C.G.H.M.", prefix="van", last_name="Dreumel")) == (
        "van Dreumel, C.G.H.M."
    )
    assert candidate_name(PersonName(initials="G.", first_name="Geert", last_name="Wilders")) == (
        "Wilders, G."
    )
    assert area_name("West Maas en Waal") == "Gemeente West Maas en Waal"
    assert area_name("Bonaire") == "Openbaar lichaam Bonaire"


def test_the_default_file_name_follows_the_kiesraads_eml2csv() -> None:
    assert default_file_name("GR2022_WestMaasenWaal", "West Maas en Waal") == (
        "osv4-3_telling_gr2022_gemeente_westmaasenwaal.csv"
    )
    assert default_file_name("TK2025", "West Maas en Waal") == (
        "osv4-3_telling_tk2025_gemeente_westmaasenwaal.csv"
    )
    assert default_file_name("GR2026_SudwestFryslan", "Súdwest-Fryslân") == (
        "osv4-3_telling_gr2026_gemeente_sudwestfryslan.csv"
    )
    assert default_file_name("ER2023_Bonaire", "Bonaire") == (
        "osv4-3_telling_er2023_openbaar_lichaam_bonaire.csv"
    )


def test_the_layout_module_imports_no_database_web_or_xml_code() -> None:
    """The formatting is pure: only the standard library, the model and the service errors."""
    tree = ast.parse(Path(csv_osv43.__file__).read_text(encoding="utf-8"))
    imported = {
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
    } | {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module}
    allowed = {
        "__future__",
        "re",
        "unicodedata",
        "collections.abc",
        "dataclasses",
        "osv.model",
        "osv.service.errors",
    }
    assert imported <= allowed
