"""Hypothesis strategies for submitted lists: full CSB data, or what a 230b publishes."""

from __future__ import annotations

import datetime as dt
import string

from hypothesis import strategies as st

from candidacy import Agent, SubmittedCandidate, SubmittedList
from osv.model import Gender, ListType, PersonName
from tests.strategies.elections import names

_DISTRICTS = tuple(str(n) for n in range(1, 21))


@st.composite
def person_names(draw: st.DrawFn) -> PersonName:
    """A name with well-formed initials, optional first name and prefix."""
    initials = draw(st.text(alphabet=string.ascii_uppercase + "ÖŞ", min_size=1, max_size=4))
    return PersonName(
        initials=".".join(initials) + ".",
        first_name=draw(st.none() | names()),
        prefix=draw(st.none() | st.sampled_from(("van", "de", "van der", "'t"))),
        last_name=draw(names()),
    )


@st.composite
def submitted_candidates(
    draw: st.DrawFn, *, private: bool, gender: bool = True
) -> SubmittedCandidate:
    """A candidate; ``private`` adds date of birth, BSN and (abroad) an agent."""
    country = draw(st.none() | st.sampled_from(("BE", "DE", "NL", "CW")))
    agent = None
    if private and draw(st.booleans()):
        agent = Agent(name=draw(person_names()), locality=draw(st.none() | names()))
    return SubmittedCandidate(
        name=draw(person_names()),
        gender=draw(st.none() | st.sampled_from(Gender)) if gender else None,
        locality=draw(names()) if country is None else draw(st.none() | names()),
        country_code=country,
        date_of_birth=(
            draw(st.dates(dt.date(1900, 1, 1), dt.date(2010, 12, 31))) if private else None
        ),
        bsn=draw(st.none() | st.from_regex(r"\A[0-9]{9}\Z")) if private else None,
        agent=agent,
        consent=draw(st.booleans()) if private else True,
        outside_area=draw(st.booleans()) if private else False,
        residence_declaration=draw(st.booleans()) if private else False,
        already_member=draw(st.booleans()) if private else False,
        id_copy=draw(st.none() | st.booleans()) if private else None,
    )


def received_times() -> st.SearchStrategy[dt.datetime]:
    """Times of receipt as the CSB records them: local time, to the second."""
    return st.datetimes(dt.datetime(2000, 1, 1), dt.datetime(2099, 12, 31)).map(
        lambda t: t.replace(microsecond=0)
    )


@st.composite
def submitted_lists(
    draw: st.DrawFn, *, private: bool, single_district: bool = False
) -> list[SubmittedList]:
    """One to four lists with distinct keys and party names (one may be blank)."""
    count = draw(st.integers(1, 4))
    party_names = draw(st.lists(names(), min_size=count, max_size=count, unique=True))
    if draw(st.booleans()):
        party_names[0] = ""
    result = []
    for index, party in enumerate(party_names):
        districts = (
            ("geen",)
            if single_district
            else tuple(
                sorted(draw(st.sets(st.sampled_from(_DISTRICTS), min_size=1, max_size=3)), key=int)
            )
        )
        publish_gender = draw(st.booleans())
        result.append(
            SubmittedList(
                key=f"L{index + 1}",
                party_name=party,
                districts=districts,
                candidates=tuple(
                    draw(
                        st.lists(
                            submitted_candidates(private=private, gender=publish_gender or private),
                            min_size=1,
                            max_size=5,
                        )
                    )
                ),
                name_authorised=draw(st.booleans()) if private else True,
                deposit_paid=draw(st.booleans()) if private else True,
                support=(
                    {d: draw(st.integers(0, 40)) for d in districts if draw(st.booleans())}
                    if private
                    else {}
                ),
                publish_gender=publish_gender,
                publication_language=draw(st.sampled_from(("nl", "fy"))),
                list_type=draw(st.sampled_from(ListType)),
                belongs_to_set=draw(st.none() | st.integers(1, 3)),
                received_at=draw(st.none() | received_times()) if private else None,
                submitter_voter=draw(st.none() | st.booleans()) if private else None,
                submitter_in_person=draw(st.none() | st.booleans()) if private else None,
                submitter_id_checked=draw(st.none() | st.booleans()) if private else None,
                repair_contact_named=draw(st.none() | st.booleans()) if private else None,
            )
        )
    return result
