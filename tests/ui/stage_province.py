"""A provincial council election with one kieskring (PS1) of three municipalities, as EML files.

The central polling station of an election with one district adds up the municipalities
itself (Kieswet O 3(4)); a municipal council has only one, so the demo election cannot show a
CSB that misses one of several. This one can: the province of Testland, 39 seats, whose
election definition (110a) names the municipalities 9901 Aadorp, 9902 Beekdorp and 9903
Cedorp. The lists are the demo election's; each municipality's count (510b) is the demo's
count under that municipality's code and name, so every file is consistent with the others.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from eml import write_eml
from eml.documents import Authority, Eml110a, Eml230b, Eml510, EmlHeader
from eml.xsd import SchemaSet
from osv.model import (
    Committee,
    CommitteeCategory,
    ElectionCategory,
    ElectionDefinition,
    ElectionDomain,
    ElectionIdentifier,
    ElectionSubcategory,
    Region,
    RegionCategory,
)
from osv.service.demo import build_demo

__all__ = ["MUNICIPALITIES", "PROVINCE_ID", "write_province"]

PROVINCE_ID = "PS2027_Testland"
#: The municipalities of the province: CBS code and name.
MUNICIPALITIES = (("9901", "Aadorp"), ("9902", "Beekdorp"), ("9903", "Cedorp"))
_IDENTIFIER = ElectionIdentifier(
    id=PROVINCE_ID,
    name="Provinciale Staten Testland 2027",
    category=ElectionCategory.PS,
    subcategory=ElectionSubcategory.PS1,
    domain=ElectionDomain(id="29", name="Testland"),
    election_date=dt.date(2027, 3, 17),
    nomination_date=dt.date(2027, 2, 1),
)
_CREATED = dt.datetime(2027, 3, 18, 1, 0, 0)


def _header(authority: Authority) -> EmlHeader:
    return EmlHeader(
        managing_authority=authority,
        issue_date=_CREATED.date(),
        creation_date_time=_CREATED,
        canonicalization=True,
    )


def _definition() -> Eml110a:
    central = Authority(id="CSB", name="Testland")
    tree = (
        Region(
            number=29,
            category=RegionCategory.PROVINCIE,
            name="Testland",
            committees=(Committee(category=CommitteeCategory.CSB),),
        ),
        Region(
            number=1,
            category=RegionCategory.KIESKRING,
            name="Testland",
            superior_number=29,
            superior_category=RegionCategory.PROVINCIE,
            committees=(Committee(category=CommitteeCategory.HSB),),
        ),
        *(
            Region(
                number=int(code),
                category=RegionCategory.GEMEENTE,
                name=name,
                superior_number=1,
                superior_category=RegionCategory.KIESKRING,
            )
            for code, name in MUNICIPALITIES
        ),
    )
    return Eml110a(
        header=_header(central),
        election=ElectionDefinition(
            identifier=_IDENTIFIER,
            contest_id="geen",
            number_of_seats=39,
            preference_threshold=25,
            tree=tree,
        ),
    )


def _count(code: str, name: str) -> Eml510:
    """The demo's 510b as the count of municipality ``code``."""
    count = build_demo().count
    contest = count.contests[0]
    units = tuple(
        unit.model_copy(update={"id": f"{code}::{unit.id.partition('::')[2]}"})
        for unit in contest.reporting_units
    )
    return count.model_copy(
        update={
            "header": _header(Authority(id=code, name=name)),
            "identifier": _IDENTIFIER.model_copy(update={"nomination_date": None}),
            "contests": (contest.model_copy(update={"reporting_units": units}),),
        }
    )


def write_province(
    folder: Path, schemas: SchemaSet | None = None
) -> tuple[list[Path], dict[str, Path]]:
    """Write the election's 110a and 230b, and each municipality's 510b, into ``folder``.

    :return: the 110a and 230b to import, and the 510b files by CBS code.
    """
    folder.mkdir(parents=True, exist_ok=True)
    definition = folder / f"Verkiezingsdefinitie_{PROVINCE_ID}.eml.xml"
    definition.write_bytes(write_eml(_definition(), schemas=schemas))
    lists = folder / f"Kandidatenlijsten_{PROVINCE_ID}.eml.xml"
    demo_lists = build_demo().candidate_lists
    lists.write_bytes(
        write_eml(
            Eml230b(
                header=_header(Authority(id="CSB", name="Testland")),
                identifier=_IDENTIFIER,
                contests=demo_lists.contests,
            ),
            schemas=schemas,
        )
    )
    counts = {}
    for code, name in MUNICIPALITIES:
        path = folder / f"Telling_{PROVINCE_ID}_gemeente_{name}.eml.xml"
        path.write_bytes(write_eml(_count(code, name), schemas=schemas))
        counts[code] = path
    return [definition, lists], counts
