"""Hypothesis strategies for EML 510 counts: vote groups, reporting units and whole documents.

Every value drawn is valid twice over: the 510 reader accepts it (increasing list and candidate
numbers, both RejectedVotes codes, unique reporting units, counts from 0 to 999,999,999) and,
once written, the official schema accepts it (reporting-unit and contest id patterns, short
codes of letters and digits, at most three investigations, a TotalVotes or a single unit per
contest). Arithmetic is deliberately random: the reader must never check or correct it.

The identifier and header strategies are local on purpose, so these strategies do not depend on
the other message types' strategies.
"""

from __future__ import annotations

import datetime as dt
import string

from hypothesis import strategies as st

from eml.documents import Authority, CountingMethod, Eml510, EmlHeader, MessageType, Phase
from osv.model import (
    MAX_COUNT,
    CandidateVotes,
    ContestCount,
    ElectionCategory,
    ElectionDomain,
    ElectionIdentifier,
    ElectionSubcategory,
    Investigation,
    InvestigationReason,
    ListVotes,
    PollingStationType,
    RejectedReason,
    ReportingUnitVotes,
    UncountedReason,
    VoteCounts,
)

__all__ = [
    "count_documents",
    "counts",
    "election_identifiers",
    "reporting_units",
    "vote_counts",
]

_LETTERS = string.ascii_letters + "áäçëéèïöóşüûŷñøåæß"
_NAMES = ("AmelandEén", "Partij & Co <Test>", "Fryslân", "Yeşilgöz", "50PLUS", "'s-Gravenhage")

#: Counts: mostly small, sometimes at the edges of what is allowed.
counts = st.one_of(
    st.integers(min_value=0, max_value=5_000),
    st.sampled_from([0, 1, MAX_COUNT - 1, MAX_COUNT]),
    st.integers(min_value=0, max_value=MAX_COUNT),
)


def _words(max_words: int = 3) -> st.SearchStrategy[str]:
    word = st.text(alphabet=_LETTERS, min_size=1, max_size=8)
    return st.one_of(
        st.lists(word, min_size=1, max_size=max_words).map(" ".join), st.sampled_from(_NAMES)
    )


_short_codes = st.builds(
    lambda letters, digits: letters + digits,
    st.text(alphabet=_LETTERS, min_size=1, max_size=8),
    st.text(alphabet=string.digits, max_size=3),
)


@st.composite
def election_identifiers(draw: st.DrawFn) -> ElectionIdentifier:
    """An ElectionIdentifier as a 510 carries it (no nomination date)."""
    category = draw(
        st.sampled_from([ElectionCategory.GR, ElectionCategory.TK, ElectionCategory.PS])
    )
    if category is ElectionCategory.TK:
        return ElectionIdentifier(
            id=f"TK{draw(st.integers(2000, 2999))}",
            name=draw(st.none() | st.just("Tweede Kamer")),
            category=category,
            subcategory=draw(st.none() | st.just(ElectionSubcategory.TK)),
            election_date=draw(st.dates(dt.date(2000, 1, 1), dt.date(2099, 12, 31))),
        )
    sub = ElectionSubcategory.GR1 if category is ElectionCategory.GR else ElectionSubcategory.PS2
    domain_id = draw(st.none() | st.from_regex(r"\A[0-9]{4}\Z"))
    year = draw(st.integers(2000, 2999))
    suffix = draw(st.sampled_from(["Test", "Ameland", "Sûdwest"]))
    return ElectionIdentifier(
        id=f"{category.value}{year}_{suffix}",
        name=draw(st.none() | _words()),
        category=category,
        subcategory=draw(st.none() | st.sampled_from([sub, ElectionSubcategory.GR2])),
        domain=draw(st.none() | st.builds(ElectionDomain, id=st.just(domain_id), name=_words())),
        election_date=draw(st.dates(dt.date(2000, 1, 1), dt.date(2099, 12, 31))),
    )


_headers = st.builds(
    EmlHeader,
    transaction_id=st.integers(1, 99).map(str),
    managing_authority=st.builds(
        Authority,
        id=st.sampled_from(["CSB", "HSB1", "HSB12", "0668", "0060"]),
        name=st.none() | _words(),
    ),
    issue_date=st.none(),
    creation_date_time=st.datetimes(dt.datetime(2000, 1, 1), dt.datetime(2099, 12, 31)),
    canonicalization=st.booleans(),
    schema_version=st.none() | st.sampled_from(["5", "1.3"]),
)


@st.composite
def _candidates(draw: st.DrawFn, *, corrigendum: bool) -> tuple[CandidateVotes, ...]:
    numbers = sorted(draw(st.sets(st.integers(1, 80), max_size=6)))
    codes = draw(st.lists(_short_codes, min_size=len(numbers) + 1, unique=True))
    result = [
        CandidateVotes(
            number=number,
            short_code=draw(st.none() | st.just(code)),
            votes=draw(counts),
            initial_votes=draw(st.none() | counts) if corrigendum else None,
        )
        for number, code in zip(numbers, codes, strict=False)
    ]
    if draw(st.booleans()) and draw(st.booleans()):  # a candidate known only by short code
        result.append(CandidateVotes(short_code=codes[-1], votes=draw(counts)))
    return tuple(result)


@st.composite
def vote_counts(draw: st.DrawFn, *, corrigendum: bool = False) -> VoteCounts:
    """A vote group: one to four lists with candidates, and every other number."""
    numbers = sorted(draw(st.sets(st.integers(1, 40), min_size=1, max_size=4)))
    lists = tuple(
        ListVotes(
            number=number,
            name=draw(st.just("") | _words()),
            votes=draw(counts),
            initial_votes=draw(st.none() | counts) if corrigendum else None,
            candidates=draw(_candidates(corrigendum=corrigendum)),
        )
        for number in numbers
    )
    uncounted = draw(st.dictionaries(st.sampled_from(list(UncountedReason)), counts))
    initial_rejected: dict[RejectedReason, int] = {}
    initial_uncounted: dict[UncountedReason, int] = {}
    if corrigendum:
        initial_rejected = draw(st.dictionaries(st.sampled_from(list(RejectedReason)), counts))
        initial_uncounted = draw(st.dictionaries(st.sampled_from(list(UncountedReason)), counts))
    return VoteCounts(
        lists=lists,
        cast=draw(counts),
        total_counted=draw(counts),
        rejected={reason: draw(counts) for reason in RejectedReason},
        uncounted=uncounted,
        initial_cast=draw(st.none() | counts) if corrigendum else None,
        initial_total_counted=draw(st.none() | counts) if corrigendum else None,
        initial_rejected=initial_rejected,
        initial_uncounted=initial_uncounted,
    )


_unit_ids = st.one_of(
    st.integers(1, 9999).map(lambda n: f"0668::SB{n}"),
    st.integers(1, 9999).map(lambda n: f"SB{n}"),
    st.integers(0, 9999).map(lambda n: f"{n:04d}"),
    st.integers(1, 20).map(lambda n: f"HSB{n}"),
    st.integers(1, 99).map(lambda n: f"HSB1::{n:04d}"),
)


@st.composite
def reporting_units(
    draw: st.DrawFn, *, unit_id: str | None = None, corrigendum: bool = False
) -> ReportingUnitVotes:
    """A reporting unit with its type, shared location and investigations (up to three)."""
    reasons = draw(st.lists(st.sampled_from(list(InvestigationReason)), max_size=3, unique=True))
    return ReportingUnitVotes(
        id=unit_id if unit_id is not None else draw(_unit_ids),
        name=draw(st.none() | _words(5)),
        type=draw(st.none() | st.sampled_from(list(PollingStationType))),
        shared_location=draw(st.none() | st.booleans()),
        votes=draw(vote_counts(corrigendum=corrigendum)),
        investigations=tuple(
            Investigation(reason=reason, value=draw(st.booleans())) for reason in reasons
        ),
    )


@st.composite
def _contests(draw: st.DrawFn, contest_id: str, *, corrigendum: bool) -> ContestCount:
    ids = draw(st.lists(_unit_ids, max_size=4, unique=True))
    with_total = draw(st.booleans()) or len(ids) != 1  # the schema: a total, or a single unit
    return ContestCount(
        contest_id=contest_id,
        contest_name=draw(st.none() | _words()),
        total=draw(vote_counts(corrigendum=corrigendum)) if with_total else None,
        reporting_units=tuple(
            draw(reporting_units(unit_id=unit_id, corrigendum=corrigendum)) for unit_id in ids
        ),
    )


@st.composite
def count_documents(draw: st.DrawFn) -> Eml510:
    """A whole 510a/b/c/d document: one or two contests, first session or corrigendum."""
    phase = draw(st.none() | st.sampled_from(list(Phase)))
    corrigendum = phase is Phase.CORRIGENDUM
    contest_ids = draw(
        st.lists(
            st.sampled_from(["geen", "alle", "1", "6", "20", "IV"]),
            min_size=1,
            max_size=2,
            unique=True,
        )
    )
    return Eml510(
        message_type=draw(
            st.sampled_from(
                [
                    MessageType.COUNT_POLLING_STATION,
                    MessageType.COUNT_MUNICIPALITY,
                    MessageType.COUNT_DISTRICT,
                    MessageType.COUNT_TOTAL,
                ]
            )
        ),
        header=draw(_headers),
        counting_method=draw(st.none() | st.sampled_from(list(CountingMethod))),
        phase=phase,
        identifier=draw(election_identifiers()),
        contests=tuple(
            draw(_contests(contest_id, corrigendum=corrigendum)) for contest_id in contest_ids
        ),
    )
