"""The fast loop of the 510 reader reads exactly what the careful path reads.

:meth:`eml.read.vote_group.VoteGroupBuilder.read` takes the common candidate selection (plain
``Id``, plain digits) in a tight loop of its own and hands everything else to
:meth:`~eml.read.vote_group.VoteGroupBuilder.add`. These properties build count files from a
mix of common and uncommon selections (white space, a ``+`` or leading zeros in the votes, a
short code as attribute or element, a corrigendum value, numbers that do not increase, too many
digits) and read each file twice: as OSV reads it, and with every child through ``add``. The
documents must be equal, or both readings refused with the same message.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from eml.errors import EmlError
from eml.read import read_eml
from eml.read.vote_group import VoteGroupBuilder
from tests.eml.count_files import count_file, unit, vote_group

#: How a candidate's selection is written; ``{n}`` is its number and ``{v}`` its votes.
FORMS = (
    '<Selection><Candidate><CandidateIdentifier Id="{n}"/></Candidate>'
    "<ValidVotes>{v}</ValidVotes></Selection>",
    '<Selection><Candidate><CandidateIdentifier Id="{n}"/></Candidate>'
    "<ValidVotes> {v}\n</ValidVotes></Selection>",
    '<Selection><Candidate><CandidateIdentifier Id="{n}"/></Candidate>'
    "<ValidVotes>+0{v}</ValidVotes></Selection>",
    '<Selection><Candidate><CandidateIdentifier Id="{n}" ShortCode="Code{n}"/></Candidate>'
    "<ValidVotes>{v}</ValidVotes></Selection>",
    '<Selection><Candidate><CandidateIdentifier Id="{n}"><ShortCode>Kort{n}</ShortCode>'
    "</CandidateIdentifier></Candidate><ValidVotes>{v}</ValidVotes></Selection>",
    '<Selection><Candidate><CandidateIdentifier Id="{n}"/></Candidate>'
    "<kr:InitialValidVotes>{v}</kr:InitialValidVotes><ValidVotes>{v}</ValidVotes></Selection>",
    '<Selection><Candidate><CandidateIdentifier Id="0{n}"/><CandidateFullName/></Candidate>'
    "<ValidVotes>{v}</ValidVotes></Selection>",
    '<Selection><Candidate><CandidateIdentifier Id="{n}"/></Candidate>'
    "<ValidVotes>1234567890</ValidVotes></Selection>",
    '<Selection><Candidate><CandidateIdentifier Id=" {n}"/></Candidate>'
    "<ValidVotes>{v}</ValidVotes></Selection>",
)

#: A candidate: the step from the number before (0 does not increase, so the file is
#: refused), the votes, and the form (mostly the common one, as in real files).
CANDIDATE = st.tuples(
    st.sampled_from((1, 1, 1, 1, 1, 1, 2, 3, 0)),
    st.integers(0, 999_999),
    st.sampled_from((0,) * 8 + tuple(range(len(FORMS)))),
)
LIST = st.lists(CANDIDATE, max_size=8)


def _selections(lists: list[list[tuple[int, int, int]]]) -> str:
    parts: list[str] = []
    for list_number, candidates in enumerate(lists, start=1):
        parts.append(
            f'<Selection><AffiliationIdentifier Id="{list_number}"><RegisteredName>Lijst '
            f"{list_number}</RegisteredName></AffiliationIdentifier>"
            f"<ValidVotes>{sum(votes for _, votes, _ in candidates)}</ValidVotes></Selection>"
        )
        number = 0
        for step, votes, form in candidates:
            number += step
            parts.append(FORMS[form].format(n=number, v=votes))
    return "\n".join(parts)


def _read(data: bytes) -> object:
    """The document, or the refusal's message."""
    try:
        return read_eml(data, source="test.xml").document
    except EmlError as error:
        return f"refused: {error}"


def _both_ways(data: bytes) -> tuple[object, object]:
    fast = _read(data)
    original = VoteGroupBuilder.read

    def every_child_through_add(self: VoteGroupBuilder, group: etree._Element) -> None:
        for child in group:
            self.add(child)

    VoteGroupBuilder.read = every_child_through_add  # type: ignore[method-assign]
    try:
        careful = _read(data)
    finally:
        VoteGroupBuilder.read = original  # type: ignore[method-assign]
    return fast, careful


@given(st.lists(LIST, min_size=1, max_size=4))
def test_the_fast_loop_reads_what_add_reads(lists: list[list[tuple[int, int, int]]]) -> None:
    """Property: for any mix of selection forms, in the total and in a polling station, the
    fast loop and ``add`` alone give equal documents or the same refusal."""
    body = _selections(lists)
    data = count_file(total=vote_group(body), units=[unit(group=vote_group(body))])
    fast, careful = _both_ways(data)
    assert fast == careful


def test_the_common_form_is_read_by_the_fast_loop() -> None:
    """The equality above is not vacuous: plain selections give candidates with their votes."""
    body = _selections([[(1, 7, 0), (1, 5, 0)], [(1, 3, 0), (2, 0, 0)]])
    fast, careful = _both_ways(
        count_file(total=vote_group(body), units=[unit(group=vote_group(body))])
    )
    assert fast == careful
    assert not isinstance(fast, str), fast
    total = fast.contests[0].total  # type: ignore[attr-defined]
    votes = [(lv.number, [(c.number, c.votes) for c in lv.candidates]) for lv in total.lists]
    assert votes == [(1, [(1, 7), (2, 5)]), (2, [(1, 3), (3, 0)])]


def test_a_decreasing_number_is_refused_with_the_careful_message() -> None:
    """A candidate number that does not increase leaves the fast loop for ``add``, which
    refuses the file naming the list and the unit."""
    body = _selections([[(2, 7, 0), (0, 5, 0)]])
    fast, careful = _both_ways(
        count_file(total=vote_group(body), units=[unit(group=vote_group(body))])
    )
    assert fast == careful
    assert isinstance(fast, str)
    assert fast.startswith("refused:")
    assert "list 1" in fast
