"""Hypothesis strategies for nominations (EML 210) as a party's software writes them.

Every value drawn passes the 210 reader's checks (a category with candidate lists, a nomination
date before the election, at least two proposers, increasing candidate positions, a place of
residence for every candidate) and, once written, the official 210 schema. Names are drawn from
the Teletex (T.61) repertoire EML_NL allows (ş, ő, ł, ŉ, ĳ, ...) and include characters XML must
escape.
"""

from __future__ import annotations

import datetime as dt
import string

from hypothesis import strategies as st

from eml.documents import Authority, Eml210
from eml.read.definition_checks import SUBCATEGORIES, SUPPORTED_CATEGORIES
from osv.model import (
    NATIONAL_CATEGORIES,
    Agent,
    AgentRole,
    ContestRef,
    ElectionDomain,
    ElectionIdentifier,
    Gender,
    ListType,
    LivingAddress,
    MailingAddress,
    NominatedCandidate,
    NominatedList,
    PersonName,
    Proposer,
    ProposerRole,
)
from tests.strategies.elections import headers

__all__ = ["TELETEX_LETTERS", "nomination_documents", "teletex_names"]

#: Letters of the Teletex repertoire beyond ASCII, as they appear in Dutch and European names.
TELETEX_LETTERS = (
    "ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝßàáâãäåæçèéê"
    "ëìíîïñòóôõöøùúûüýÿĀāĂăĄąĆćČčĎďĐđĒēĘęĚěĞğ"
    "ĪīİıĲĳĹĺĽľŁłŃńŇňŉŌōŐőŒœŔŕŘřŚśŞşŠšŢţŤťŪūŮ"
    "ůŰűŸŹźŻżŽž"
)

_LETTERS = string.ascii_letters + TELETEX_LETTERS
_dates = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2099, 12, 31))


def teletex_names(max_words: int = 3) -> st.SearchStrategy[str]:
    """A name of one to ``max_words`` words in Teletex letters, hyphen, apostrophe or ``&``."""
    word = st.text(alphabet=_LETTERS + "-'&", min_size=1, max_size=10).filter(
        lambda w: w.strip("-'&") != ""
    )
    return st.lists(word, min_size=1, max_size=max_words).map(" ".join)


@st.composite
def _person_names(draw: st.DrawFn) -> PersonName:
    initials = draw(st.text(alphabet=string.ascii_uppercase + "ŞŁŐĲ", min_size=1, max_size=4))
    return PersonName(
        initials=".".join(initials) + ".",
        first_name=draw(st.none() | teletex_names(1)),
        prefix=draw(st.none() | st.sampled_from(("van", "de", "van der", "'t"))),
        last_name=draw(teletex_names()),
    )


_countries = st.sampled_from(("BE", "DE", "FR", "CW", "US"))
_mailing_addresses = st.builds(
    MailingAddress,
    street=st.none() | teletex_names(),
    postal_code=st.none() | st.from_regex(r"\A[1-9][0-9]{3} [A-Z]{2}\Z"),
    locality=teletex_names(),
    country_code=st.none() | _countries,
)
_living_addresses = st.builds(
    LivingAddress, locality=teletex_names(), country_code=st.none() | _countries
)
_agents = st.builds(
    Agent,
    name=_person_names(),
    role=st.none() | st.sampled_from(AgentRole),
    mailing_address=st.none() | _mailing_addresses,
    living_address=_living_addresses,
)
_annexes = st.sampled_from(("XX-05-1976", "XX-XX-1964", "XX-XX-XXXX", "XX-10-2001"))


@st.composite
def _candidate(draw: st.DrawFn, number: int) -> NominatedCandidate:
    abroad = draw(st.booleans())
    birth = draw(st.sampled_from(("date", "annex", "none")))
    return NominatedCandidate(
        number=number,
        name=draw(_person_names()),
        gender=draw(st.none() | st.sampled_from(Gender)),
        locality=draw(teletex_names()),
        country_code=draw(_countries) if abroad else None,
        date_of_birth=draw(_dates) if birth == "date" else None,
        date_of_birth_annex=draw(_annexes) if birth == "annex" else None,
        national_id=draw(st.none() | st.from_regex(r"\A[0-9]{9}\Z")),
        mailing_address=draw(st.none() | _mailing_addresses),
        agent=draw(_agents) if abroad and draw(st.booleans()) else None,
    )


@st.composite
def _identifier(draw: st.DrawFn) -> ElectionIdentifier:
    category = draw(st.sampled_from(SUPPORTED_CATEGORIES))
    election_date = draw(_dates)
    domain = None
    election_id = f"{category.value}{election_date.year}"
    if category not in NATIONAL_CATEGORIES:
        domain = ElectionDomain(
            id=draw(st.none() | st.integers(1, 1999).map(lambda code: f"{code:04d}")),
            name=draw(teletex_names()),
        )
        election_id += "_" + draw(st.text(alphabet=string.ascii_letters, min_size=1, max_size=8))
    return ElectionIdentifier(
        id=election_id,
        name=draw(st.none() | teletex_names()),
        category=category,
        subcategory=draw(st.none() | st.sampled_from(SUBCATEGORIES[category])),
        domain=domain,
        election_date=election_date,
        nomination_date=election_date - dt.timedelta(days=draw(st.integers(1, 60))),
    )


@st.composite
def _proposers(draw: st.DrawFn) -> tuple[Proposer, ...]:
    deputies = draw(st.integers(1, 3))
    roles = [ProposerRole.SUBMITTER] + [ProposerRole.DEPUTY_SUBMITTER] * deputies
    return tuple(
        Proposer(
            name=draw(_person_names()),
            mailing_address=draw(_mailing_addresses),
            role=role,
            id=None if index == 0 else str(index),
            living_address=draw(st.none() | _living_addresses),
        )
        for index, role in enumerate(roles)
    )


@st.composite
def nomination_documents(draw: st.DrawFn) -> Eml210:
    """A valid 210: one list with one to five candidates, a submitter and deputies."""
    positions = draw(st.lists(st.integers(1, 80), min_size=1, max_size=5, unique=True).map(sorted))
    contest_ids = draw(st.lists(st.integers(1, 20), max_size=3, unique=True).map(sorted))
    nominated = NominatedList(
        name=draw(st.just("") | teletex_names()),
        type=draw(st.sampled_from(ListType)),
        publish_gender=draw(st.booleans()),
        publication_language=draw(st.none() | st.sampled_from(("nl", "fy"))),
        belongs_to_set=draw(st.none() | st.integers(1, 5)),
        contests=tuple(
            ContestRef(id=str(n), name=draw(st.none() | teletex_names())) for n in contest_ids
        ),
        candidates=tuple(draw(_candidate(number)) for number in positions),
    )
    header = draw(headers(authority=draw(st.booleans()), issue_date=True))
    if header.managing_authority is not None and draw(st.booleans()):
        party = Authority(id=header.managing_authority.id, name=draw(teletex_names()))
        header = header.model_copy(update={"created_by": party})
    return Eml210(
        header=header,
        identifier=draw(_identifier()),
        contest_id=draw(st.sampled_from(("geen", "alle", "1", "13"))),
        contest_name=draw(st.none() | teletex_names()),
        candidate_list=nominated,
        proposers=draw(_proposers()),
    )
