"""Hypothesis strategies for valid election documents: 110a, 110b, 230b and 520.

Every value drawn is valid twice over: it passes the readers' checks (a lawful number of seats,
the matching subcategory and preference threshold, a centraal stembureau in the right region,
strictly increasing list and candidate numbers) and, once written, the official schema (identifier
patterns, postal codes, short codes, positive vote numbers). Names mix Dutch, Frisian and other
non-ASCII spellings ("Yeşilgöz-Zegerius", "Fryslân") and characters XML must escape ("&", "<").
"""

from __future__ import annotations

import datetime as dt
import string
from collections.abc import Callable

from hypothesis import strategies as st

from eml.documents import Authority, Eml110a, Eml110b, Eml230b, Eml520, EmlHeader
from eml.read.definition_checks import SUBCATEGORIES, SUPPORTED_CATEGORIES
from osv.model import (
    NATIONAL_CATEGORIES,
    Candidate,
    CandidateList,
    Committee,
    CommitteeCategory,
    Contest,
    ContestResult,
    ElectedCandidate,
    ElectionCategory,
    ElectionDefinition,
    ElectionDomain,
    ElectionIdentifier,
    Gender,
    ListResult,
    ListType,
    Location,
    PersonName,
    PollingStation,
    PollingStationType,
    Region,
    RegionCategory,
    RegisteredParty,
)
from osv.model.rules import expected_preference_threshold, expected_subcategory, seat_range

__all__ = [
    "candidate_list_documents",
    "candidates",
    "election_definitions",
    "election_identifiers",
    "headers",
    "names",
    "polling_station_documents",
    "result_documents",
    "words",
]

_LETTERS = string.ascii_letters + "áäâçëéèêïíöóôşüúûŷñøåæßğıłÿ"
_REAL_NAMES = (
    "Yeşilgöz-Zegerius",
    "Stöteler",
    "Fryslân",
    "Ljouwert",
    "Sneek / Snits",
    "Wâldwei",
    "Sûdwest-Fryslân",
    "Dykstra",
    "'s-Gravenhage",
    "Partij & Co <Test>",
    "Ümit",
    "Ærøskøbing",
)
_PREFIXES = ("van", "de", "van der", "van den", "'t", "ter", "in 't")


def words(max_words: int = 3) -> st.SearchStrategy[str]:
    """One to ``max_words`` words of letters (accents included), joined by single spaces."""
    word = st.text(alphabet=_LETTERS, min_size=1, max_size=10)
    return st.lists(word, min_size=1, max_size=max_words).map(" ".join)


def names() -> st.SearchStrategy[str]:
    """A name: a real non-ASCII spelling or generated words."""
    return st.one_of(st.sampled_from(_REAL_NAMES), words())


_dates = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2099, 12, 31))


@st.composite
def headers(draw: st.DrawFn, *, authority: bool, issue_date: bool) -> EmlHeader:
    """An EML header: authority and issue date as the message needs, a creation time."""
    managing = None
    if authority:
        managing = Authority(
            id=draw(st.sampled_from(("CSB", "HSB1", "SB3", "0042", "0668", "1234"))),
            name=draw(st.none() | names()),
        )
    return EmlHeader(
        transaction_id=draw(st.sampled_from(("1", "2", "17"))),
        managing_authority=managing,
        issue_date=draw(_dates) if issue_date else None,
        creation_date_time=draw(
            st.datetimes(min_value=dt.datetime(2000, 1, 1), max_value=dt.datetime(2099, 1, 1))
        ),
        canonicalization=draw(st.booleans()),
        schema_version=draw(st.sampled_from((None, "1.0", "5"))),
    )


def _domain(category: ElectionCategory) -> st.SearchStrategy[ElectionDomain | None]:
    """A domain as the Kiesraad writes it: a CBS code for municipal bodies, short ids else."""
    if category in NATIONAL_CATEGORIES:
        return st.none()
    if category in (ElectionCategory.PS, ElectionCategory.AB):
        ids = st.none() | st.integers(0, 29).map(str)
    else:
        ids = st.integers(1, 1999).map(lambda code: f"{code:04d}")
    return st.builds(ElectionDomain, id=ids, name=names())


@st.composite
def election_identifiers(
    draw: st.DrawFn,
    *,
    categories: tuple[ElectionCategory, ...] = SUPPORTED_CATEGORIES,
    nomination_date: bool = True,
    seats: int | None = None,
) -> ElectionIdentifier:
    """An identifier whose Id matches the Kiesraad's pattern (e.g. ``GR2022_Juinen``)."""
    category = draw(st.sampled_from(categories))
    domain = draw(_domain(category))
    election_date = draw(_dates)
    suffix = draw(st.text(alphabet=string.ascii_letters, min_size=1, max_size=12))
    election_id = f"{category.value}{election_date.year}"
    if domain is not None:
        election_id += f"_{suffix}"
    subcategory = SUBCATEGORIES[category][0]
    if seats is not None:
        subcategory = expected_subcategory(category, seats, 1) or subcategory
    return ElectionIdentifier(
        id=election_id,
        name=draw(names()),
        category=category,
        subcategory=subcategory,
        domain=domain,
        election_date=election_date,
        nomination_date=(
            election_date - dt.timedelta(days=draw(st.integers(1, 60))) if nomination_date else None
        ),
    )


def _committee(category: CommitteeCategory) -> st.SearchStrategy[Committee]:
    return st.builds(
        Committee,
        category=st.just(category),
        name=st.none() | names(),
        accept_central_submissions=st.none() | st.booleans(),
    )


@st.composite
def _tree(draw: st.DrawFn, category: ElectionCategory, name: str) -> tuple[Region, ...]:
    """An election tree with the centraal stembureau where the readers require it."""
    csb = draw(_committee(CommitteeCategory.CSB))
    hsb = draw(_committee(CommitteeCategory.HSB))
    flags = {
        "roman_numerals": draw(st.none() | st.booleans()),
        "frisian_export_allowed": draw(st.none() | st.booleans()),
    }
    if category is ElectionCategory.GR:
        number = draw(st.integers(0, 1999))
        region = Region(
            number=number,
            category=RegionCategory.GEMEENTE,
            name=name,
            committees=(csb, hsb),
            **flags,
        )
        return (region,)
    top, child = {
        ElectionCategory.TK: (RegionCategory.STAAT, RegionCategory.KIESKRING),
        ElectionCategory.EP: (RegionCategory.STAAT, RegionCategory.KIESKRING),
        ElectionCategory.PS: (RegionCategory.PROVINCIE, RegionCategory.KIESKRING),
        ElectionCategory.AB: (RegionCategory.WATERSCHAP, RegionCategory.KIESKRING),
    }.get(category, (RegionCategory.GEMEENTE, RegionCategory.DEELGEMEENTE))
    national = category in NATIONAL_CATEGORIES
    top_number = None if national else draw(st.integers(1, 99))
    regions = [
        Region(number=top_number, category=top, name=name, committees=(csb,) if national else ())
    ]
    districts = draw(st.integers(1, 3))
    for index in range(1, districts + 1):
        committees = (hsb,) if national or index > 1 else (csb, hsb)
        regions.append(
            Region(
                number=index,
                category=child,
                name=draw(names()),
                superior_number=top_number,
                superior_category=top,
                committees=committees,
                **flags,
            )
        )
    return tuple(regions)


_registered_parties = st.builds(
    RegisteredParty, appellation=names(), registered_by=st.none() | names()
)


@st.composite
def election_definitions(
    draw: st.DrawFn, categories: tuple[ElectionCategory, ...] = SUPPORTED_CATEGORIES
) -> Eml110a:
    """A valid election definition document (110a) of one of ``categories``."""
    category = draw(st.sampled_from(categories))
    lowest, highest = seat_range(category)
    seats = draw(st.integers(lowest, highest))
    identifier = draw(election_identifiers(categories=(category,), seats=seats))
    tree = draw(_tree(category, identifier.domain.name if identifier.domain else "Nederland"))
    districts = sum(1 for region in tree if region.category is RegionCategory.KIESKRING)
    subcategory = expected_subcategory(category, seats, districts) or identifier.subcategory
    definition = ElectionDefinition(
        identifier=identifier.model_copy(update={"subcategory": subcategory}),
        contest_id="alle" if districts > 1 else "geen",
        voting_method="SPV",
        max_votes=draw(st.none() | st.integers(1, 1000)),
        number_of_seats=seats,
        preference_threshold=expected_preference_threshold(category, seats),
        tree=tree,
        registered_parties=tuple(draw(st.lists(_registered_parties, max_size=4))),
    )
    header = draw(headers(authority=draw(st.booleans()), issue_date=True))
    return Eml110a(header=header, election=definition)


_postal_codes = st.from_regex(r"\A[1-9][0-9]{3} [A-Z]{2}\Z")


def _locations() -> st.SearchStrategy[Location]:
    return st.builds(
        Location,
        street_name=st.none() | names(),
        house_number=st.none() | st.integers(0, 9999),
        house_letter=st.none() | st.sampled_from(("a", "B", "ç")),
        house_number_addition=st.none() | st.sampled_from(("bis", "2", "hs")),
        postal_code=st.none() | _postal_codes,
        city=st.none() | names(),
        accessible=st.none() | st.booleans(),
    )


@st.composite
def polling_station_documents(draw: st.DrawFn) -> Eml110b:
    """A valid 110b: one municipality with polling stations that have distinct numbers."""
    identifier = draw(election_identifiers(nomination_date=False))
    code = draw(st.integers(1, 1999).map(lambda value: f"{value:04d}"))
    municipality = Authority(id=code, name=draw(names()))
    numbers = draw(st.lists(st.integers(1, 9999), min_size=1, max_size=6, unique=True))
    stations = tuple(
        PollingStation(
            number=number,
            name=draw(names()),
            postal_code=draw(st.none() | _postal_codes),
            number_of_voters=draw(st.integers(0, 100_000)),
            type=draw(st.none() | st.sampled_from(PollingStationType)),
            shared_location=draw(st.none() | st.booleans()),
            channel=draw(st.sampled_from(("polling", "postal"))),
            locations=tuple(draw(st.lists(_locations(), max_size=2))),
        )
        for number in numbers
    )
    header = draw(headers(authority=True, issue_date=draw(st.booleans())))
    return Eml110b(
        header=header.model_copy(update={"managing_authority": municipality}),
        identifier=identifier,
        contest_id="geen",
        reporting_unit=municipality,
        voting_method="SPV",
        max_votes=draw(st.none() | st.integers(1, 1_000_000)),
        contact_details=draw(st.none() | names()),
        election_site=draw(st.none() | st.sampled_from(("https://www.juinen.nl/verkiezingen",))),
        polling_stations=stations,
    )


@st.composite
def _person_names(draw: st.DrawFn) -> PersonName:
    initials = draw(st.text(alphabet=string.ascii_uppercase + "ÖŞ", min_size=1, max_size=4))
    return PersonName(
        initials=".".join(initials) + ".",
        first_name=draw(st.none() | names()),
        prefix=draw(st.none() | st.sampled_from(_PREFIXES)),
        last_name=draw(names()),
    )


@st.composite
def candidates(
    draw: st.DrawFn, number: int, short_code: Callable[[], str] | None, *, address: bool
) -> Candidate:
    """A candidate at position ``number``; ``address``: always give a locality (520)."""
    locality = draw(names()) if address else draw(st.none() | names())
    country = draw(st.none() | st.sampled_from(("BE", "DE", "NL", "CW"))) if locality else None
    return Candidate(
        number=number,
        short_code=short_code() if short_code is not None and draw(st.booleans()) else None,
        name=draw(_person_names()),
        gender=draw(st.none() | st.sampled_from(Gender)),
        locality=locality,
        country_code=country,
    )


def _short_codes() -> Callable[[], str]:
    """Short codes unique within one document (the 230 schema keys them): letters + counter."""
    counter = iter(range(1, 10_000_000))
    return lambda: f"Kand{next(counter)}"


def _increasing(low: int, high: int, max_size: int) -> st.SearchStrategy[list[int]]:
    return st.lists(st.integers(low, high), min_size=1, max_size=max_size, unique=True).map(sorted)


@st.composite
def _candidate_lists(draw: st.DrawFn, short_code: Callable[[], str]) -> tuple[CandidateList, ...]:
    lists = []
    for number in draw(_increasing(1, 40, 4)):
        lists.append(
            CandidateList(
                number=number,
                name=draw(st.just("") | names()),
                type=draw(st.sampled_from(ListType)),
                belongs_to_set=draw(st.none() | st.integers(1, 5)),
                belongs_to_combination=draw(st.none() | st.sampled_from(("a", "B"))),
                publication_language=draw(st.none() | st.sampled_from(("nl", "fy"))),
                publish_gender=draw(st.booleans()),
                candidates=tuple(
                    draw(candidates(position, short_code, address=False))
                    for position in draw(_increasing(1, 80, 5))
                ),
            )
        )
    return tuple(lists)


@st.composite
def candidate_list_documents(draw: st.DrawFn) -> Eml230b:
    """A valid 230b: one or more contests, each with lists of candidates."""
    identifier = draw(election_identifiers())
    short_code = _short_codes()
    contest_ids = ["geen"] if draw(st.booleans()) else [str(n) for n in draw(_increasing(1, 20, 3))]
    contests = tuple(
        Contest(
            id=contest_id,
            name=draw(st.none() | names()),
            lists=draw(_candidate_lists(short_code)),
        )
        for contest_id in contest_ids
    )
    return Eml230b(
        header=draw(headers(authority=True, issue_date=True)),
        identifier=identifier,
        list_date=draw(st.none() | _dates),
        contests=contests,
    )


@st.composite
def result_documents(draw: st.DrawFn) -> Eml520:
    """A valid 520: elected lists, each followed by its elected candidates."""
    identifier = draw(election_identifiers(nomination_date=False))
    short_code = _short_codes()
    contests = []
    for contest_id in draw(st.sampled_from((["geen"], ["alle"], ["1", "2"]))):
        lists = []
        for number in draw(_increasing(1, 40, 4)):
            elected = tuple(
                ElectedCandidate(
                    candidate=draw(candidates(order, short_code, address=True)),
                    ranking=draw(st.none() | st.sampled_from((1, 2))),
                    votes=draw(st.none() | st.integers(1, 100_000)),
                )
                for order in range(1, draw(st.integers(0, 4)) + 1)
            )
            lists.append(
                ListResult(
                    number=number,
                    name=draw(st.just("") | names()),
                    votes=draw(st.none() | st.integers(1, 1_000_000)),
                    candidates=elected,
                )
            )
        contests.append(
            ContestResult(
                contest_id=contest_id,
                contest_name=draw(st.none() | names()),
                lists=tuple(lists),
            )
        )
    return Eml520(
        header=draw(headers(authority=True, issue_date=False)),
        identifier=identifier,
        contests=tuple(contests),
    )
