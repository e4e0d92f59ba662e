"""A generated demo election: the fictitious municipality of Vlietdam.

``make run`` and the tests need a complete, realistic municipal election that is nobody's real
data. :func:`build_demo` generates one deterministically from a seed: a municipal council
election (GR2, 23 seats) with 20 polling stations of different kinds and 8 lists of 6 to 30
candidates, whose names include prefixes, hyphenated and non-ASCII names and a candidate living
abroad. :func:`write_demo` writes it with OSV's own EML writers as the files a municipality
receives: the election definition (110a), the polling stations (110b), the candidate lists
(230b) and a Kiesraad-style hash file; with ``with_counts`` also a consistent municipal count
(510b) as a GSB would export it.

The same seed always gives the same bytes, so the integrity hashes are stable.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
from dataclasses import dataclass
from pathlib import Path

from eml.documents import (
    Authority,
    CountingMethod,
    Eml110a,
    Eml110b,
    Eml230b,
    Eml510,
    EmlHeader,
    MessageType,
    Phase,
)
from eml.hash import HashFileEntry, write_hash_file
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
    ElectionDomain,
    ElectionIdentifier,
    ElectionSubcategory,
    Gender,
    ListType,
    ListVotes,
    Location,
    PersonName,
    PollingStation,
    PollingStationType,
    Region,
    RegionCategory,
    RegisteredParty,
    RejectedReason,
    ReportingUnitVotes,
    UncountedReason,
    VoteCounts,
)
from results.tally import sum_counts

__all__ = ["DEMO_ELECTION_ID", "DemoElection", "build_demo", "write_demo"]

DEMO_ELECTION_ID = "GR2026_Vlietdam"
_MUNICIPALITY = Authority(id="9997", name="Vlietdam")
_CREATED = dt.datetime(2026, 2, 3, 10, 0, 0)
_IDENTIFIER = ElectionIdentifier(
    id=DEMO_ELECTION_ID,
    name="Gemeenteraad Vlietdam 2026",
    category=ElectionCategory.GR,
    subcategory=ElectionSubcategory.GR2,
    domain=ElectionDomain(id=_MUNICIPALITY.id, name="Vlietdam"),
    election_date=dt.date(2026, 3, 18),
    nomination_date=dt.date(2026, 2, 2),
)
_SEATS = 23

# (registered name, number of candidates)
_LISTS = (
    ("Vlietdam Vooruit", 30),
    ("Liberaal Vlietdam", 22),
    ("Christelijk Vlietdam", 17),
    ("Groen Vlietdam", 12),
    ("Sociaal Vlietdam", 14),
    ("Dorpsbelangen Oostwoud en Zandhoek", 9),
    ("Partij voor de Dieren en de Polder", 6),
    ("", 7),  # a list without a registered name (blanco lijst)
)

_FIRST = (
    ("Anna", "F"),
    ("Bram", "M"),
    ("Carla", "F"),
    ("Daan", "M"),
    ("Eline", "F"),
    ("Fatima", "F"),
    ("Gerrit", "M"),
    ("Hanneke", "F"),
    ("Ibrahim", "M"),
    ("Joke", "F"),
    ("Kees", "M"),
    ("Lotte", "F"),
    ("Mehmet", "M"),
    ("Noor", "F"),
    ("Otto", "M"),
    ("Priya", "F"),
    ("Ruud", "M"),
    ("Sanne", "F"),
    ("Thijs", "M"),
    ("Ümran", "F"),
    ("Vincent", "M"),
    ("Wies", "F"),
    ("Yusuf", "M"),
    ("Zoë", "F"),
    ("Séverine", "F"),
    ("Jiři", "M"),
    ("Alex", "X"),
)
_LAST = (
    ("", "Jansen"),
    ("de", "Vries"),
    ("van den", "Berg"),
    ("", "Bakker"),
    ("", "Visser"),
    ("", "Smit"),
    ("", "Meijer"),
    ("de", "Boer"),
    ("", "Mulder"),
    ("de", "Groot"),
    ("", "Bos"),
    ("", "Vos"),
    ("", "Peters"),
    ("", "Hendriks"),
    ("van", "Leeuwen"),
    ("", "Dekker"),
    ("", "Brouwer-Ünal"),
    ("", "Yılmaz"),
    ("", "Çelik"),
    ("", "Özdemir"),
    ("", "Müller"),
    ("", "Sánchez"),
    ("van der", "Linden"),
    ("", "Kramer"),
    ("ter", "Horst"),
    ("", "Nguyễn"),
    ("", "El Amrani"),
    ("", "Šimić"),
)
_PLACES = ("Vlietdam", "Vlietdam", "Vlietdam", "Oostwoud", "Zandhoek", "Vlietdam-Noord")
_STATIONS = (
    "Stadhuis",
    "Bibliotheek De Vliet",
    "Sporthal Oost",
    "Basisschool De Regenboog",
    "Wijkcentrum 't Anker",
    "Dorpshuis Oostwoud",
    "Kerk Zandhoek",
    "Zorgcentrum Vlietzicht",
    "Station Vlietdam",
    "Cultureel Centrum De Schakel",
    "Brandweerkazerne",
    "Voetbalclub VVV'26",
    "Buurthuis De Kroon",
    "Gymzaal Noord",
    "Muziekschool",
    "Scoutinggebouw",
    "Jachthaven",
    "Ziekenhuis Vlietland",
    "Mobiel stembureau",
    "Stembureau voor briefstemmen",
)


@dataclass(frozen=True)
class DemoElection:
    """The documents of the demo election."""

    definition: Eml110a
    polling_stations: Eml110b
    candidate_lists: Eml230b
    count: Eml510


def _header(with_authority: bool, *, canonical: bool = False) -> EmlHeader:
    return EmlHeader(
        transaction_id="1",
        managing_authority=_MUNICIPALITY if with_authority else None,
        issue_date=_CREATED.date(),
        creation_date_time=_CREATED,
        canonicalization=canonical,
    )


def _definition(lists: tuple[CandidateList, ...]) -> Eml110a:
    tree = (
        Region(
            number=int(_MUNICIPALITY.id),
            category=RegionCategory.GEMEENTE,
            name="Vlietdam",
            committees=(
                Committee(category=CommitteeCategory.CSB),
                Committee(category=CommitteeCategory.HSB),
            ),
        ),
    )
    parties = tuple(RegisteredParty(appellation=lst.name) for lst in lists if lst.name)
    return Eml110a(
        header=_header(False),
        election=ElectionDefinition(
            identifier=_IDENTIFIER,
            contest_id="geen",
            number_of_seats=_SEATS,
            preference_threshold=25,
            tree=tree,
            registered_parties=parties,
        ),
    )


def _candidate(rng: random.Random, number: int) -> Candidate:
    first, sex = rng.choice(_FIRST)
    prefix, last = rng.choice(_LAST)
    initials = (
        first[0] + "." + (rng.choice("ABCDEFGHJKLMNPRSTW") + "." if rng.random() < 0.4 else "")
    )
    gender = {"F": Gender.FEMALE, "M": Gender.MALE}.get(sex, Gender.OTHER)
    abroad = rng.random() < 0.02
    return Candidate(
        number=number,
        name=PersonName(initials=initials, first_name=first, prefix=prefix or None, last_name=last),
        gender=gender,
        locality="Antwerpen" if abroad else rng.choice(_PLACES),
        country_code="BE" if abroad else None,
    )


def _lists(rng: random.Random) -> tuple[CandidateList, ...]:
    return tuple(
        CandidateList(
            number=index,
            name=name,
            type=ListType.STANDALONE,
            publication_language="nl",
            publish_gender=True,
            candidates=tuple(_candidate(rng, n) for n in range(1, size + 1)),
        )
        for index, (name, size) in enumerate(_LISTS, start=1)
    )


def _stations(rng: random.Random, count: int) -> tuple[PollingStation, ...]:
    stations = []
    for number in range(1, count + 1):
        name = _STATIONS[(number - 1) % len(_STATIONS)]
        if number > len(_STATIONS):
            name = f"{name} {number}"
        kind = PollingStationType.FIXED
        if name.startswith("Mobiel"):
            kind = PollingStationType.MOBILE
        elif "brief" in name:
            kind = PollingStationType.SPECIAL
        postal = f"{2810 + number // 5} {'ABCDEFGHJK'[number % 10]}{'LMNPRSTVWX'[number % 7]}"
        stations.append(
            PollingStation(
                number=number,
                name=name,
                postal_code=postal,
                number_of_voters=rng.randint(900, 2300),
                type=kind,
                locations=(
                    Location(
                        street_name=f"{name.split()[0]}straat",
                        house_number=rng.randint(1, 120),
                        postal_code=postal,
                        city="Vlietdam",
                        accessible=rng.random() < 0.9,
                    ),
                ),
            )
        )
    return tuple(stations)


def _counts(
    rng: random.Random, station: PollingStation, lists: tuple[CandidateList, ...]
) -> VoteCounts:
    eligible = station.number_of_voters or 1000
    admitted = int(eligible * rng.uniform(0.45, 0.7))
    proxies = admitted // rng.randint(12, 25)
    blank = rng.randint(0, 6)
    invalid = rng.randint(0, 8)
    valid = admitted - blank - invalid
    weights = [rng.uniform(0.3, 3.0) / (1 + i * 0.15) for i in range(len(lists))]
    shares = split_total(rng, valid, weights)
    list_votes = []
    for lst, total in zip(lists, shares, strict=True):
        candidate_weights = [
            (8.0 if c.number == 1 else 1.0) * rng.uniform(0.2, 1.5) for c in lst.candidates
        ]
        per_candidate = split_total(rng, total, candidate_weights)
        list_votes.append(
            ListVotes(
                number=lst.number,
                name=lst.name,
                votes=total,
                candidates=tuple(
                    CandidateVotes(number=c.number, votes=v)
                    for c, v in zip(lst.candidates, per_candidate, strict=True)
                ),
            )
        )
    return station_counts(
        list_votes,
        eligible=eligible,
        admitted=admitted,
        proxies=proxies,
        blank=blank,
        invalid=invalid,
    )


def station_counts(
    list_votes: list[ListVotes],
    *,
    eligible: int,
    admitted: int,
    proxies: int,
    blank: int,
    invalid: int,
) -> VoteCounts:
    """A generated polling station's count whose numbers agree (D = H, A + B = D)."""
    return VoteCounts(
        lists=tuple(list_votes),
        cast=eligible,
        total_counted=admitted - blank - invalid,
        rejected={RejectedReason.INVALID: invalid, RejectedReason.BLANK: blank},
        uncounted={
            UncountedReason.POLL_CARDS: admitted - proxies,
            UncountedReason.PROXY_CERTIFICATES: proxies,
            UncountedReason.VOTER_CARDS: 0,
            UncountedReason.ADMITTED_VOTERS: admitted,
            UncountedReason.MORE_BALLOTS: 0,
            UncountedReason.FEWER_BALLOTS: 0,
        },
    )


def split_total(rng: random.Random, total: int, weights: list[float]) -> list[int]:
    """Split ``total`` into parts proportional to ``weights`` that add up exactly."""
    scale = sum(weights)
    parts = [int(total * w / scale) for w in weights]
    for _ in range(total - sum(parts)):
        parts[rng.randrange(len(parts))] += 1
    return parts


def build_demo(seed: int = 2026, *, stations: int = len(_STATIONS)) -> DemoElection:
    """Generate the demo election; the same ``seed`` gives the same documents.

    :param stations: the number of polling stations (default 20; more for benchmarks: their
        names repeat with the number appended).
    """
    if stations < 1:
        raise ValueError(f"a demo needs at least one polling station, not {stations}")
    rng = random.Random(seed)  # noqa: S311 - reproducible demo data, not a secret
    lists = _lists(rng)
    stations_ = _stations(rng, stations)
    units = [
        ReportingUnitVotes(
            id=f"{_MUNICIPALITY.id}::SB{station.number}",
            name=f"{station.name} (postcode: {station.postal_code})",
            votes=_counts(rng, station, lists),
        )
        for station in stations_
    ]
    count = Eml510(
        message_type=MessageType.COUNT_MUNICIPALITY,
        header=_header(True, canonical=True).model_copy(update={"issue_date": None}),
        counting_method=CountingMethod.CENTRAL,
        phase=Phase.FIRST_SESSION,
        identifier=_IDENTIFIER.model_copy(update={"nomination_date": None}),
        contests=(
            ContestCount(
                contest_id="geen",
                total=sum_counts([unit.votes for unit in units]),
                reporting_units=tuple(units),
            ),
        ),
    )
    return DemoElection(
        definition=_definition(lists),
        polling_stations=Eml110b(
            header=_header(True, canonical=True).model_copy(update={"issue_date": None}),
            identifier=_IDENTIFIER.model_copy(update={"nomination_date": None}),
            reporting_unit=_MUNICIPALITY,
            max_votes=sum(s.number_of_voters or 0 for s in stations_),
            polling_stations=stations_,
        ),
        candidate_lists=Eml230b(
            header=_header(True, canonical=True),
            identifier=_IDENTIFIER,
            contests=(Contest(id="geen", lists=lists),),
        ),
        count=count,
    )


def write_demo(
    folder: Path,
    *,
    seed: int = 2026,
    with_counts: bool = False,
    schemas: SchemaSet | None = None,
    stations: int = len(_STATIONS),
) -> list[Path]:
    """Write the demo election's EML files and hash file into ``folder``; return the paths.

    The hash file (``Hashcodes.txt``, in the Kiesraad's format) lists the 110a and 230b, whose
    hashes an importing committee must check (eml-nl.md §8), and the 510b when written.
    """
    demo = build_demo(seed, stations=stations)
    folder.mkdir(parents=True, exist_ok=True)
    files: list[tuple[str, bytes]] = [
        (
            f"Verkiezingsdefinitie_{DEMO_ELECTION_ID}.eml.xml",
            write_eml(demo.definition, schemas=schemas),
        ),
        (
            f"Stembureaus_{DEMO_ELECTION_ID}.eml.xml",
            write_eml(demo.polling_stations, schemas=schemas),
        ),
        (
            f"Kandidatenlijsten_{DEMO_ELECTION_ID}.eml.xml",
            write_eml(demo.candidate_lists, schemas=schemas),
        ),
    ]
    if with_counts:
        files.append(
            (f"Telling_{DEMO_ELECTION_ID}.eml.xml", write_eml(demo.count, schemas=schemas))
        )
    paths = []
    hashes = []
    for name, data in files:
        path = folder / name
        path.write_bytes(data)
        paths.append(path)
        if not name.startswith("Stembureaus_"):
            hashes.append(HashFileEntry(name, hashlib.sha256(data).digest()))
    hash_path = folder / "Hashcodes.txt"
    hash_path.write_text(write_hash_file(hashes), encoding="utf-8")
    paths.append(hash_path)
    return paths
