"""Reading results (EML 520): the published GR2022 results and the Kiesraad's sample.

In a 520 each candidate selection belongs to the list selection before it, and the candidate's
``CandidateIdentifier Id`` is the order of election, not the list position (eml-nl.md §6.6).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from eml.documents import Authority, Eml520, MessageType
from eml.errors import EmlContentError, EmlError
from eml.read import read_eml
from eml.safe import Limits
from tests.eml.sample_files import valid_files

AMELAND = "data/GR2022/Resultaat_GR2022_Ameland.eml.xml"
SAMPLE = "eml-nl/samples/kiesraad-tests/eml520_test.eml.xml"

#: Elected candidates (= seats) per published result, from shared/data/README.md.
SEATS = {
    "Resultaat_GR2022_Aalten.eml.xml": 21,
    "Resultaat_GR2022_Ameland.eml.xml": 11,
    "Resultaat_GR2022_Delft.eml.xml": 39,
    "Resultaat_GR2022_Schiermonnikoog.eml.xml": 9,
    "Resultaat_GR2022_Texel.eml.xml": 15,
    "Resultaat_GR2022_Vlieland.eml.xml": 9,
    "Resultaat_GR2022_Zandvoort.eml.xml": 17,
    "Resultaat_GR2022_Zwolle.eml.xml": 39,
    "Resultaat_GR2022_WestMaasenWaal.eml.xml": 17,
}


def read_result(
    data: Path | bytes, source: str = "test.eml.xml", limits: Limits | None = None
) -> Eml520:
    """Read ``data`` as a 520 and return the document."""
    document = read_eml(
        data, source=source, limits=limits, expect=frozenset({MessageType.RESULT})
    ).document
    assert isinstance(document, Eml520)
    return document


def refusal(data: bytes, limits: Limits | None = None) -> EmlError:
    with pytest.raises(EmlError) as caught:
        read_result(data, limits=limits)
    return caught.value


@pytest.mark.parametrize("relative", valid_files("520"))
def test_every_result_file_is_read(shared: Path, relative: str) -> None:
    """All published and sample 520 files are accepted, with at least one list per contest."""
    document = read_result(shared / relative)
    assert all(contest.lists for contest in document.contests)


@pytest.mark.parametrize("name", sorted(SEATS))
def test_the_published_results_elect_as_many_candidates_as_there_are_seats(
    shared: Path, name: str
) -> None:
    """The number of elected candidates equals the council's seats (data/README.md)."""
    (path,) = (shared / "data").rglob(name)
    (contest,) = read_result(path).contests
    assert sum(len(lst.candidates) for lst in contest.lists) == SEATS[name]


def test_ameland_is_read_in_file_order_with_rankings(shared: Path) -> None:
    """Ameland GR2022: authority CSB, 3 candidates elected by preference (Ranking 1), 8 not."""
    document = read_result(shared / AMELAND)
    assert document.header.managing_authority == Authority(id="CSB", name="Ameland")
    assert document.header.canonicalization is True
    assert document.identifier.nomination_date is None
    (contest,) = document.contests
    assert contest.contest_id == "geen"
    first = contest.lists[0]
    assert (first.number, first.name, first.votes) == (1, "AmelandEén", None)
    assert [elected.candidate.number for elected in first.candidates] == [1, 2, 3, 4]
    faber = first.candidates[0]
    assert faber.candidate.name.last_name == "Faber"
    assert faber.candidate.name.prefix is None  # written as an empty xnl:NamePrefix
    assert faber.candidate.locality == "Ballum"
    rankings = [e.ranking for lst in contest.lists for e in lst.candidates]
    assert (rankings.count(1), rankings.count(2)) == (3, 8)


def test_a_candidate_before_any_list_is_refused(shared: Path) -> None:
    """Without a list selection first, the candidate cannot be attributed to a list."""
    data = (shared / SAMPLE).read_bytes()
    start = data.index(b"<Selection>", data.index(b"<ContestIdentifier"))
    end = data.index(b"</Selection>", start) + len(b"</Selection>")
    error = refusal(data[:start] + data[end:])  # drop the first list's selection
    assert isinstance(error, EmlContentError)
    assert (
        "a candidate selection in contest geen comes before any list: expected an "
        "AffiliationIdentifier selection first, found a Candidate" in str(error)
    )


def test_elected_no_is_refused_rather_than_dropped(shared: Path) -> None:
    """The schema fixes Elected to yes: OSV does not silently keep a 'no' as elected."""
    data = (
        (shared / SAMPLE)
        .read_bytes()
        .replace(b"<Elected>yes</Elected>", b"<Elected>no</Elected>", 1)
    )
    error = refusal(data)
    assert (
        "Elected must be yes (a 520 lists only elected lists and candidates): expected yes, "
        "found 'no'" in str(error)
    )


def test_votes_and_a_ranking_outside_one_or_two_are_read_and_refused(shared: Path) -> None:
    """Optional ``Votes`` are read as counts; a ``Ranking`` of 3 does not exist."""
    data = (shared / SAMPLE).read_bytes()
    with_votes = data.replace(
        b"</Candidate>\n                    <Ranking>",
        b"</Candidate><Votes>812</Votes><Ranking>",
        1,
    )
    elected = read_result(with_votes).contests[0].lists[0].candidates[0]
    assert elected.votes == 812
    error = refusal(data.replace(b"<Ranking>1</Ranking>", b"<Ranking>3</Ranking>", 1))
    assert "Ranking is 3; it must be a whole number from 1 to 2" in str(error)


def test_more_lists_than_the_limit_are_refused(shared: Path) -> None:
    """The limits apply to results as to candidate lists."""
    error = refusal((shared / AMELAND).read_bytes(), Limits(max_lists=1))
    assert "contest geen has too many lists: expected at most 1, found more" in str(error)
