"""A generated Tweede Kamer election at national scale, as EML files, for tests and benchmarks.

No complete Tweede Kamer set is published in ``../shared/data``, so OSV makes its own, with the
shape of a real one (``scale=1``): 150 seats, 20 districts (kieskringen), 342 municipalities
spread over them, about 10,000 polling stations, 30 parties. Most parties file one set of
identical lists in every district (up to 80 candidates); party 3 is a *lijstengroep* with one
list for districts 1–10 and another for 11–20 (the first ten persons, or half the list when
shorter, on both, in the same order; then different persons); party 30 stands in district 1
only. The postal votes from abroad are counted by municipality 9010 in district 12, as the
Kiesraad's files have them. Votes are drawn from a fixed seed, so the same arguments give the
same bytes.

Party 4 is a lijstengroep as BBB and FvD filed in 2023: a list of its own in every district,
the first five persons on all of them, the others different per district.

Written: ``Verkiezingsdefinitie_TK2026.eml.xml`` (110a), ``Kandidatenlijsten_TK2026_<n>.eml.xml``
(230b per district) and ``Telling_TK2026_gemeente_<code>.eml.xml`` (510b per municipality), each
written and flushed before the next is built, so memory holds one municipality at a time.
``scale`` (0 < scale ≤ 1) shrinks the number of municipalities and polling stations.

``definition`` takes a real election definition instead (the Kiesraad's TK2023 110a in
``../shared/data/TK2023``): its election identifier, its kieskringen with their names and its
municipalities with their CBS codes and names, each in its own kieskring; the 110a is copied
byte for byte and every other file is generated for it, so tests run on the real tree.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from eml.documents import (
    Authority,
    Eml110a,
    Eml230b,
    Eml510,
    EmlHeader,
    MessageType,
)
from eml.read import read_eml
from eml.write import write_eml
from eml.xsd import SchemaSet
from osv.model import (
    Candidate,
    CandidateList,
    CandidateVotes,
    Committee,
    CommitteeCategory,
    Contest,
    ContestCount,
    ElectionCategory,
    ElectionDefinition,
    ElectionIdentifier,
    ElectionSubcategory,
    Gender,
    ListType,
    ListVotes,
    PersonName,
    Region,
    RegionCategory,
    ReportingUnitVotes,
    VoteCounts,
)
from osv.service.demo import split_total, station_counts
from results.tally import sum_counts

__all__ = [
    "ABROAD_CODE",
    "ABROAD_DISTRICT",
    "GROUP_PARTY",
    "LOCAL_PARTY",
    "NATIONAL_ELECTION_ID",
    "REGIONAL_PARTY",
    "write_national",
]

NATIONAL_ELECTION_ID = "TK2026"
DISTRICTS = 20
MUNICIPALITIES = 342
STATIONS = 10_000
PARTIES = 30
GROUP_PARTY = 3
#: A lijstengroep with a different list in every district (the first five persons shared).
REGIONAL_PARTY = 4
REGIONAL_SHARED = 5
LOCAL_PARTY = 30
#: The briefstembureaus for voters abroad count as municipality 9010 in district 12.
ABROAD_CODE = "9010"
ABROAD_DISTRICT = 12

_IDENTIFIER = ElectionIdentifier(
    id=NATIONAL_ELECTION_ID,
    name="Tweede Kamer der Staten-Generaal 2026",
    category=ElectionCategory.TK,
    subcategory=ElectionSubcategory.TK,
    election_date=dt.date(2026, 10, 28),
)
_CREATED = dt.datetime(2026, 10, 29, 12, 0, 0)
_LAST = (
    "Jansen",
    "de Vries",
    "Bakker",
    "Visser",
    "Smit",
    "Meijer",
    "Bos",
    "Mulder",
    "de Groot",
    "Peters",
    "Hendriks",
    "van Dijk",
    "Dekker",
    "Brouwer",
    "de Wit",
    "Dijkstra",
    "Yılmaz",
    "Öztürk",
    "Müller",
    "Çelik",
)
_FIRST = (
    "Anna",
    "Bram",
    "Chantal",
    "Daan",
    "Eva",
    "Femke",
    "Gijs",
    "Hanna",
    "Ilse",
    "Joost",
    "Karim",
    "Lotte",
    "Mehmet",
    "Noor",
    "Olaf",
    "Priya",
    "Quinten",
    "Rosa",
    "Sem",
    "Zoë",
)


def _header(authority: Authority | None) -> EmlHeader:
    return EmlHeader(
        managing_authority=authority, creation_date_time=_CREATED, canonicalization=True
    )


def _candidate(rng: random.Random, number: int) -> Candidate:
    first = rng.choice(_FIRST)
    last = rng.choice(_LAST)
    prefix, _, rest = last.partition(" ") if last[0].islower() else ("", "", last)
    return Candidate(
        number=number,
        name=PersonName(
            initials=f"{first[0]}.{rng.choice('ABCDEFGHJKLMNPRSTW')}.",
            first_name=first,
            prefix=prefix or None,
            last_name=rest,
        ),
        gender=rng.choice((Gender.MALE, Gender.FEMALE)),
        locality=f"Plaats {rng.randint(1, 400)}",
    )


def _lists(
    seed: int, most: int, districts: tuple[int, ...], names: dict[int, str]
) -> dict[int, tuple[CandidateList, ...]]:
    """The lists of every district (at most ``most`` candidates each)."""
    rng = random.Random(seed)
    per_party: dict[int, dict[int, tuple[Candidate, ...]]] = {}
    half = len(districts) // 2
    for party in range(1, PARTIES + 1):
        size = min(most, 80 if party <= 4 else rng.choice((10, 20, 30, 50)))
        common = tuple(_candidate(rng, n) for n in range(1, size + 1))
        if party == GROUP_PARTY:
            shared = min(10, size // 2)
            other = common[:shared] + tuple(_candidate(rng, n) for n in range(shared + 1, size + 1))
            per_party[party] = {d: common if i < half else other for i, d in enumerate(districts)}
        elif party == REGIONAL_PARTY:
            shared = min(REGIONAL_SHARED, size)
            per_party[party] = {
                d: common[:shared] + tuple(_candidate(rng, n) for n in range(shared + 1, size + 1))
                for d in districts
            }
        else:
            per_party[party] = dict.fromkeys(districts, common)
    found: dict[int, tuple[CandidateList, ...]] = {}
    for district in districts:
        lists = []
        for party, variants in per_party.items():
            if party == LOCAL_PARTY and district != districts[0]:
                continue
            kind = (
                ListType.GROUP
                if party in (GROUP_PARTY, REGIONAL_PARTY)
                else ListType.STANDALONE
                if party == LOCAL_PARTY
                else ListType.IDENTICAL_SET
            )
            lists.append(
                CandidateList(
                    number=party,
                    name=names.get(party, f"Partij {party}"),
                    type=kind,
                    belongs_to_set=1 if kind is ListType.IDENTICAL_SET else None,
                    publish_gender=True,
                    candidates=variants[district],
                )
            )
        found[district] = tuple(lists)
    return found


def _committees(scale: float) -> list[tuple[str, str, int, int]]:
    """(CBS code, name, district, polling stations) of every municipality, and 9010 abroad."""
    municipalities = max(DISTRICTS, round(MUNICIPALITIES * scale))
    stations_each = max(1, round(STATIONS * scale / municipalities))
    committees = [
        (f"{index + 1:04d}", f"Gemeente {index + 1}", index % DISTRICTS + 1, stations_each)
        for index in range(municipalities)
    ]
    # The postal votes from abroad: the briefstembureaus count like a municipality, code 9010,
    # in the district of 's-Gravenhage (shared process.md, NBSB).
    committees.append((ABROAD_CODE, "Briefstembureaus buitenland", ABROAD_DISTRICT, 3))
    return committees


def _definition(committees: list[tuple[str, str, int, int]]) -> Eml110a:
    """The 110a: the STAAT, its kieskringen with their HSB, and every municipality in its
    kieskring (as the Kiesraad's TK2023 definition has them)."""
    csb = Committee(category=CommitteeCategory.CSB, name="Kiesraad")
    hsb = Committee(category=CommitteeCategory.HSB)
    tree = [Region(category=RegionCategory.STAAT, name="Nederland", committees=(csb,))]
    tree += [
        Region(
            number=d,
            category=RegionCategory.KIESKRING,
            name=f"Kieskring {d}",
            superior_category=RegionCategory.STAAT,
            committees=(hsb,),
        )
        for d in range(1, DISTRICTS + 1)
    ]
    tree += [
        Region(
            number=int(code),
            category=RegionCategory.GEMEENTE,
            name=name,
            superior_number=district,
            superior_category=RegionCategory.KIESKRING,
        )
        for code, name, district, _ in committees
    ]
    return Eml110a(
        header=_header(Authority(id="CSB", name="Kiesraad")),
        election=ElectionDefinition(
            identifier=_IDENTIFIER.model_copy(update={"nomination_date": dt.date(2026, 9, 14)}),
            contest_id="alle",
            number_of_seats=150,
            preference_threshold=25,
            tree=tuple(tree),
        ),
    )


def _station(
    rng: random.Random, lists: tuple[CandidateList, ...], weights: dict[int, float]
) -> VoteCounts:
    voters = rng.randint(600, 1400)
    blank, invalid = rng.randint(0, 5), rng.randint(0, 6)
    valid = voters - blank - invalid
    shares = split_total(rng, valid, [weights[lst.number] for lst in lists])
    list_votes = []
    for lst, total in zip(lists, shares, strict=True):
        per = split_total(
            rng,
            total,
            [(20.0 if c.number == 1 else 1.0) / (1 + c.number * 0.05) for c in lst.candidates],
        )
        list_votes.append(
            ListVotes(
                number=lst.number,
                name=lst.name,
                votes=total,
                candidates=tuple(
                    CandidateVotes(number=c.number, votes=v)
                    for c, v in zip(lst.candidates, per, strict=True)
                ),
            )
        )
    return station_counts(
        list_votes,
        eligible=voters + rng.randint(100, 900),
        admitted=voters,
        proxies=voters // 20,
        blank=blank,
        invalid=invalid,
    )


def write_national(
    folder: Path,
    *,
    scale: float = 1.0,
    max_candidates: int = 80,
    seed: int = 2026,
    schemas: SchemaSet | None = None,
    definition: Path | None = None,
) -> list[Path]:
    """Write the election's files into ``folder``; return their paths (110a, 230b, 510b).

    :param scale: the share of the municipalities and polling stations (at least one
        municipality per district; with a real ``definition`` every municipality it names).
    :param max_candidates: at most this many candidates per list (tests use fewer).
    :param definition: a real election definition (110a) to generate the files for.
    """
    if not 0 < scale <= 1:
        raise ValueError(f"scale must be above 0 and at most 1, found {scale}")
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    if definition is None:
        identifier = _IDENTIFIER
        committees = _committees(scale)
        districts = {d: f"Kieskring {d}" for d in range(1, DISTRICTS + 1)}
        parties: dict[int, str] = {}
        path = folder / f"Verkiezingsdefinitie_{NATIONAL_ELECTION_ID}.eml.xml"
        path.write_bytes(write_eml(_definition(committees), schemas=schemas))
    else:
        identifier, committees, districts, parties = _from_definition(definition, scale)
        path = folder / definition.name
        path.write_bytes(definition.read_bytes())
    paths.append(path)
    count_identifier = identifier.model_copy(update={"nomination_date": None})
    lists = _lists(seed, max_candidates, tuple(districts), parties)
    for district, district_lists in lists.items():
        document = Eml230b(
            header=_header(Authority(id="CSB", name="Kiesraad")).model_copy(
                update={"issue_date": identifier.election_date - dt.timedelta(days=40)}
            ),
            identifier=identifier,
            contests=(Contest(id=str(district), name=districts[district], lists=district_lists),),
        )
        path = folder / f"Kandidatenlijsten_{identifier.id}_{district}.eml.xml"
        path.write_bytes(write_eml(document, schemas=schemas))
        paths.append(path)
    rng = random.Random(seed + 1)
    weights = {party: rng.uniform(0.2, 3.0) / (1 + party * 0.12) for party in range(1, PARTIES + 1)}
    abroad = random.Random(seed + 2)
    for position, (code, name, district, stations) in enumerate(committees):
        units = tuple(
            ReportingUnitVotes(
                id=f"{code}::SB{n}",
                name=f"Stembureau {n} (postcode: {1000 + position:04d} AB)",
                votes=_station(abroad if code == ABROAD_CODE else rng, lists[district], weights),
            )
            for n in range(1, stations + 1)
        )
        count = Eml510(
            message_type=MessageType.COUNT_MUNICIPALITY,
            header=_header(Authority(id=code, name=name)),
            identifier=count_identifier,
            contests=(
                ContestCount(
                    contest_id=str(district),
                    contest_name=districts[district],
                    total=sum_counts(unit.votes for unit in units),
                    reporting_units=units,
                ),
            ),
        )
        path = folder / f"Telling_{identifier.id}_gemeente_{code}.eml.xml"
        path.write_bytes(write_eml(count, schemas=schemas))
        paths.append(path)
    return paths


def _from_definition(
    path: Path, scale: float
) -> tuple[ElectionIdentifier, list[tuple[str, str, int, int]], dict[int, str], dict[int, str]]:
    """The identifier, municipalities, kieskringen and party names of a real 110a."""
    document = read_eml(path).document
    if not isinstance(document, Eml110a):
        raise ValueError(f"{path} is not an election definition (110a)")
    election = document.election
    districts = {d.number: d.name for d in election.districts}
    stations = max(1, round(STATIONS * scale / MUNICIPALITIES))
    committees = [
        (f"{region.number:04d}", region.name, region.superior_number, stations)
        for region in election.tree
        if region.category is RegionCategory.GEMEENTE
        and region.number is not None
        and region.superior_number in districts
    ]
    parties = {
        number: party.appellation
        for number, party in enumerate(election.registered_parties, start=1)
    }
    return election.identifier, committees, districts, parties
