"""Reading the result of an election (EML 520, Resultaat), eml-nl.md §6.6.

The centraal stembureau publishes which lists won seats and which candidates were elected::

    Result/Election/
        ElectionIdentifier
        Contest*/
            ContestIdentifier Id (+ ContestName)
            Selection*          in file order:
                AffiliationIdentifier Id / RegisteredName, Votes?, Elected      starts a list
                Candidate, Votes?, Ranking?, Elected                            a candidate of it

Each candidate selection belongs to the list selection before it, so a candidate before any
list is refused. In a 520 the ``CandidateIdentifier Id`` is the order of election within the
list, not the position on the list; it is kept as written. The schema fixes ``Elected`` to
``yes`` (only elected lists and candidates appear), so any other value is refused rather than
silently dropped. The file order is kept.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from eml import ns
from eml.documents import Eml520
from eml.read.candidate import read_candidate
from eml.read.common import Reader, read_header, read_identifier
from eml.safe import Limits
from osv.model import ContestResult, ElectedCandidate, ListResult

__all__ = ["from_root"]


def from_root(reader: Reader, root: etree._Element, limits: Limits) -> Eml520:
    """The result in the parsed 520 ``root``.

    :raises EmlContentError: when an element is missing or malformed, a candidate comes before
        any list, ``Elected`` is not ``yes``, or the limits are exceeded.
    """
    header = read_header(reader, root)
    election = reader.child(reader.child(root, ns.eml("Result")), ns.eml("Election"))
    identifier = read_identifier(reader, reader.child(election, ns.eml("ElectionIdentifier")))
    contest_elements = election.findall(ns.eml("Contest"))
    if not contest_elements:
        raise reader.error(election, "the result has no Contest: expected at least one, found none")
    return Eml520(
        header=header,
        identifier=identifier,
        contests=tuple(_read_contest(reader, contest, limits) for contest in contest_elements),
    )


@dataclass
class _OpenList:
    """A list selection whose candidate selections are still being collected."""

    number: int
    name: str
    votes: int | None
    candidates: list[ElectedCandidate] = field(default_factory=list)

    def close(self) -> ListResult:
        return ListResult(
            number=self.number,
            name=self.name,
            votes=self.votes,
            candidates=tuple(self.candidates),
        )


def _read_contest(reader: Reader, element: etree._Element, limits: Limits) -> ContestResult:
    identifier = reader.child(element, ns.eml("ContestIdentifier"))
    contest_id = (identifier.get("Id") or "").strip()
    if not contest_id:
        raise reader.error(
            identifier, "ContestIdentifier has no Id: expected geen or alle, found none"
        )
    lists: list[ListResult] = []
    current: _OpenList | None = None
    for selection in element.findall(ns.eml("Selection")):
        affiliation = selection.find(ns.eml("AffiliationIdentifier"))
        candidate = selection.find(ns.eml("Candidate"))
        votes = _votes(reader, selection)
        ranking = selection.find(ns.eml("Ranking"))
        _check_elected(reader, selection)
        if affiliation is not None:
            if current is not None:
                lists.append(current.close())
            if len(lists) >= limits.max_lists:
                raise reader.error(
                    selection,
                    f"contest {contest_id} has too many lists: expected at most "
                    f"{limits.max_lists:,}, found more",
                )
            if ranking is not None:
                raise reader.error(
                    ranking,
                    f"a list selection in contest {contest_id} has a Ranking: expected a "
                    "Ranking only for candidates, found one for a list",
                )
            current = _open_list(reader, affiliation, contest_id, votes)
        elif candidate is not None:
            if current is None:
                raise reader.error(
                    selection,
                    f"a candidate selection in contest {contest_id} comes before any list: "
                    "expected an AffiliationIdentifier selection first, found a Candidate",
                )
            _add_candidate(
                reader, selection, candidate, ranking, votes, current, contest_id, limits
            )
        else:
            raise reader.error(
                selection,
                f"a Selection in contest {contest_id} has neither AffiliationIdentifier nor "
                "Candidate: expected one of them, found neither",
            )
    if current is not None:
        lists.append(current.close())
    return ContestResult(
        contest_id=contest_id,
        contest_name=reader.optional_text(identifier.find(ns.eml("ContestName"))),
        lists=tuple(lists),
    )


def _add_candidate(
    reader: Reader,
    selection: etree._Element,
    candidate: etree._Element,
    ranking: etree._Element | None,
    votes: int | None,
    current: _OpenList,
    contest_id: str,
    limits: Limits,
) -> None:
    """Add the elected candidate of ``selection`` to the list ``current``."""
    where = f"list {current.number} in contest {contest_id}"
    if len(current.candidates) >= limits.max_candidates_per_list:
        raise reader.error(
            selection,
            f"{where} has too many elected candidates: expected at most "
            f"{limits.max_candidates_per_list:,}, found more",
        )
    current.candidates.append(
        ElectedCandidate(
            candidate=read_candidate(reader, candidate, where=where),
            ranking=(
                reader.integer(ranking, minimum=1, maximum=2, what="Ranking")
                if ranking is not None
                else None
            ),
            votes=votes,
        )
    )


def _open_list(
    reader: Reader, affiliation: etree._Element, contest_id: str, votes: int | None
) -> _OpenList:
    raw_number = (affiliation.get("Id") or "").strip()
    if not raw_number:
        raise reader.error(
            affiliation,
            f"an AffiliationIdentifier in contest {contest_id} has no Id: expected the list "
            "number, found none",
        )
    return _OpenList(
        number=reader.integer(
            affiliation, value=raw_number, minimum=1, what=f"a list number in contest {contest_id}"
        ),
        name=(affiliation.findtext(ns.eml("RegisteredName")) or "").strip(),
        votes=votes,
    )


def _votes(reader: Reader, selection: etree._Element) -> int | None:
    votes = selection.find(ns.eml("Votes"))
    return reader.count(votes, "Votes") if votes is not None else None


def _check_elected(reader: Reader, selection: etree._Element) -> None:
    elected = reader.child(selection, ns.eml("Elected"))
    value = (elected.text or "").strip()
    if value != "yes":
        raise reader.error(
            elected,
            "Elected must be yes (a 520 lists only elected lists and candidates): "
            f"expected yes, found {value!r}",
        )
