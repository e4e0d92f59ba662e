"""Publication as EML 230b: schema-valid, no personal data, real files re-exported equal.

The real 230b files in ``shared/data`` are read with ``eml.read``, taken through the candidacy
path (published lists -> accepted lists with their numbers -> published contests -> 230b) and
compared with the original: the documents are equal, and the canonical XML (C14N, blank
indentation removed) is byte-equal too.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from candidacy import (
    Numbered,
    SubmittedList,
    lists_from_230b,
    number_lists,
    numbering_key,
    published_contests,
    to_230b,
)
from eml import Eml230b, EmlHeader, SchemaSet, read_eml, write_eml
from eml.documents import Authority
from osv.model import ElectionCategory, ElectionIdentifier
from tests.candidacy.builders import REGISTER, candidate, submitted
from tests.candidacy.strategies import submitted_lists

REAL = ("data/GR2022_WestMaasenWaal", "data/TK2025")

IDENTIFIER = ElectionIdentifier(
    id="GR2026_Juinen",
    category=ElectionCategory.GR,
    election_date=dt.date(2026, 3, 18),
    nomination_date=dt.date(2026, 2, 2),
    domain={"id": "9999", "name": "Juinen"},
)
HEADER = EmlHeader(
    managing_authority=Authority(id="CSB", name="Centraal stembureau Juinen"),
    issue_date=dt.date(2026, 2, 6),
    creation_date_time=dt.datetime(2026, 2, 6, 16, 0),
)


def real_files(shared: Path) -> list[Path]:
    return sorted(p for folder in REAL for p in (shared / folder).glob("Kandidatenlijsten_*.xml"))


def canonical(data: bytes) -> bytes:
    parser = etree.XMLParser(remove_blank_text=True)
    root = etree.fromstring(data, parser)
    return etree.tostring(root, method="c14n")


def test_every_real_230b_is_re_exported_equal(shared: Path, schemas: SchemaSet) -> None:
    files = real_files(shared)
    assert len(files) == 3
    for path in files:
        original = read_eml(path).document
        assert isinstance(original, Eml230b)
        lists, numbered = lists_from_230b(original)
        names = {c.id: c.name for c in original.contests if c.name}
        contests = published_contests(lists, numbered, names)
        assert len(contests) == len(original.contests) == 1
        document = to_230b(original.identifier, original.header, contests[0])
        data = write_eml(
            document.model_copy(update={"list_date": original.list_date}), schemas=schemas
        )
        assert read_eml(data).document == original, path.name
        assert canonical(data) == canonical(path.read_bytes()), path.name


def test_the_published_230b_holds_no_personal_data(schemas: SchemaSet) -> None:
    from candidacy import Agent
    from osv.model import PersonName

    agent = Agent(name=PersonName(initials="Q.", last_name="Zaakwaarnemer"), locality="Geheimstad")
    people = (
        candidate(1),
        candidate(2, country_code="BE", locality="Gent", agent=agent),
        candidate(3),
    )
    lists = [submitted("a", candidates=people), submitted("b", party_name="Partij B")]
    numbered = number_lists(lists, REGISTER)
    assert isinstance(numbered, Numbered)
    [contest] = published_contests(lists, numbered)
    data = write_eml(to_230b(IDENTIFIER, HEADER, contest), schemas=schemas)
    assert b"Jansen1" in data  # the published name is there
    for person in people:
        assert person.bsn is not None
        assert person.date_of_birth is not None
        for secret in (
            person.bsn,
            person.date_of_birth.isoformat(),
            person.date_of_birth.strftime("%d-%m-%Y"),
        ):
            assert secret.encode() not in data
    assert b"Zaakwaarnemer" not in data
    assert b"Geheimstad" not in data


def test_gender_is_published_only_when_the_list_opts_in() -> None:
    lists = [submitted("a", publish_gender=False)]
    numbered = Numbered(numbers={numbering_key(lists[0]): 1})
    [contest] = published_contests(lists, numbered)
    assert all(c.gender is None for c in contest.lists[0].candidates)


def test_two_lists_with_one_number_in_a_district_are_refused() -> None:
    lists = [submitted("a"), submitted("b", party_name="Partij B")]
    with pytest.raises(ValueError, match="two lists numbered 1"):
        published_contests(lists, Numbered(numbers={"Partij A": 1, "Partij B": 1}))


@given(submitted_lists(private=False), st.randoms(use_true_random=False))
def test_230b_export_then_import_round_trips(lists: list[SubmittedList], random: object) -> None:
    """Property: accepted lists published as 230b files (one per district) and read back give
    the same lists, numbers, names, candidates and published attributes; nothing is lost or
    invented between the CSB's decision and the files every later stage imports."""
    import random as _random

    assert isinstance(random, _random.Random)
    keys = [numbering_key(lst) for lst in lists]
    numbers = list(range(1, len(keys) + 1))
    random.shuffle(numbers)
    numbered = Numbered(numbers=dict(zip(keys, numbers, strict=True)))
    seen: list[tuple[str, int, SubmittedList]] = []
    for contest in published_contests(lists, numbered):
        data = write_eml(to_230b(IDENTIFIER, HEADER, contest))
        back, back_numbers = lists_from_230b(read_eml(data).document)  # type: ignore[arg-type]
        seen += [(contest.id, back_numbers.number(lst), lst) for lst in back]
    expected = []
    for lst in lists:
        for district in lst.districts:
            gender = {} if lst.publish_gender else {"gender": None}
            published = lst.model_copy(
                update={
                    "key": f"{district}-{numbered.number(lst)}",
                    "districts": (district,),
                    "candidates": tuple(c.model_copy(update=gender) for c in lst.candidates),
                }
            )
            expected.append((district, numbered.number(lst), published))
    assert sorted(seen, key=lambda r: (int(r[0]), r[1])) == sorted(
        expected, key=lambda r: (int(r[0]), r[1])
    )


def test_list_types_are_derived_for_several_districts() -> None:
    """One H 1 for several districts is a set of identical lists; one party's different lists
    form a lijstengroep; a single list in one contest stands on its own (H 11)."""
    from osv.model import ListType

    same = submitted("s", party_name="Partij A", districts=("1", "2"))
    group_1 = submitted("g1", party_name="Partij B", districts=("1",))
    group_2 = submitted("g2", party_name="Partij B", districts=("2",), n=2)
    alone = submitted("a", party_name="", districts=("2",))
    lists = [same, group_1, group_2, alone]
    numbered = number_lists(lists, REGISTER)
    assert isinstance(numbered, Numbered)
    contests = {c.id: c for c in published_contests([*lists], numbered)}
    assert sorted(contests) == ["1", "2"]
    kinds = {
        (district, lst.name): (lst.type, lst.belongs_to_set)
        for district, contest in contests.items()
        for lst in contest.lists
    }
    assert kinds[("1", "Partij A")] == (ListType.IDENTICAL_SET, 1)
    assert kinds[("2", "Partij A")] == (ListType.IDENTICAL_SET, 1)
    assert kinds[("1", "Partij B")] == (ListType.GROUP, None)
    assert kinds[("2", "Partij B")] == (ListType.GROUP, None)
    assert kinds[("2", "")] == (ListType.STANDALONE, None)
    # Partij B has one number in both districts.
    numbers = {d: {lst.name: lst.number for lst in c.lists} for d, c in contests.items()}
    assert numbers["1"]["Partij B"] == numbers["2"]["Partij B"] == 2
