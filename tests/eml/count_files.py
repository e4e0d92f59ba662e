"""Small EML 510 files built as bytes, for tests that change one thing at a time.

:func:`count_file` gives a valid 510b of municipality 0668 with a total and one polling station
(``0668::SB1``): list 1 with candidates 1–2, list 2 with candidates 1–4. Each part is a keyword
argument, so a hostile variant replaces exactly the part it is about.
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["TAIL", "count_file", "selections", "unit", "vote_group"]

_HEADER = """<?xml version="1.0" encoding="UTF-8"?>
<EML xmlns="urn:oasis:names:tc:evs:schema:eml" xmlns:kr="http://www.kiesraad.nl/extensions" \
Id="{root_id}" SchemaVersion="5">
  <TransactionId>1</TransactionId>
  <ManagingAuthority>
    <AuthorityIdentifier Id="0668">West Maas en Waal</AuthorityIdentifier>
    <AuthorityAddress/>
  </ManagingAuthority>
  <kr:CreationDateTime>2022-03-17T01:32:49.834</kr:CreationDateTime>
"""

_IDENTIFIER = """<ElectionIdentifier Id="GR2022_WestMaasenWaal">
        <ElectionName>Gemeenteraad West Maas en Waal 2022</ElectionName>
        <ElectionCategory>GR</ElectionCategory>
        <kr:ElectionSubcategory>GR1</kr:ElectionSubcategory>
        <kr:ElectionDomain Id="0668">West Maas en Waal</kr:ElectionDomain>
        <kr:ElectionDate>2022-03-16</kr:ElectionDate>
      </ElectionIdentifier>"""

#: Everything after the selections: Cast, TotalCounted, RejectedVotes and two UncountedVotes.
TAIL = """<Cast>100</Cast>
<TotalCounted>90</TotalCounted>
<RejectedVotes ReasonCode="ongeldig">1</RejectedVotes>
<RejectedVotes ReasonCode="blanco">2</RejectedVotes>
<UncountedVotes ReasonCode="geldige stempassen">90</UncountedVotes>
<UncountedVotes ReasonCode="toegelaten kiezers">93</UncountedVotes>"""


def _list(number: int | str, votes: int | str, name: str = "Partij") -> str:
    return (
        f'<Selection><AffiliationIdentifier Id="{number}"><RegisteredName>{name}</RegisteredName>'
        f"</AffiliationIdentifier><ValidVotes>{votes}</ValidVotes></Selection>"
    )


def _candidate(number: int | str, votes: int | str) -> str:
    return (
        f'<Selection><Candidate><CandidateIdentifier Id="{number}"/></Candidate>'
        f"<ValidVotes>{votes}</ValidVotes></Selection>"
    )


def selections(
    *, list_numbers: tuple[int | str, int | str] = (1, 2), candidate_4: int | str = 10
) -> str:
    """List 1 (40 votes: candidates 1 and 2) and list 2 (50 votes: candidates 1 to 4)."""
    first, second = list_numbers
    return "\n".join(
        [
            _list(first, 40, "Lokaal Belang"),
            _candidate(1, 30),
            _candidate(2, 10),
            _list(second, 50, "Partij &amp; Co"),
            _candidate(1, 20),
            _candidate(2, 10),
            _candidate(3, 10),
            _candidate(4, candidate_4),
        ]
    )


def vote_group(body: str | None = None, tail: str = TAIL) -> str:
    """The selections (by default :func:`selections`) followed by ``tail``."""
    return f"{selections() if body is None else body}\n{tail}"


def unit(
    unit_id: str = "0668::SB1",
    *,
    group: str | None = None,
    before: str = "",
    after: str = "",
    name: str = "Stembureau Gemeentehuis (postcode: 6658 AG)",
) -> str:
    """A ReportingUnitVotes; ``before``/``after`` go around its vote group."""
    return (
        f'<ReportingUnitVotes><ReportingUnitIdentifier Id="{unit_id}">{name}'
        f"</ReportingUnitIdentifier>{before}\n{vote_group() if group is None else group}\n"
        f"{after}</ReportingUnitVotes>"
    )


def count_file(
    *,
    root_id: str = "510b",
    units: Sequence[str] | None = None,
    total: str | None = "",
    contest_id: str = '<ContestIdentifier Id="geen"/>',
    contests: str | None = None,
    count_start: str = "<EventIdentifier/>",
) -> bytes:
    """A whole 510 file. ``total=None`` leaves out TotalVotes; ``""`` gives the default one."""
    if contests is None:
        total_part = "" if total is None else f"<TotalVotes>{total or vote_group()}</TotalVotes>"
        unit_part = "\n".join([unit()] if units is None else units)
        contests = f"<Contest>{contest_id}\n{total_part}\n{unit_part}</Contest>"
    text = (
        _HEADER.format(root_id=root_id)
        + f"  <Count>{count_start}\n    <Election>\n      {_IDENTIFIER}\n"
        + f"      <Contests>{contests}</Contests>\n    </Election>\n  </Count>\n</EML>\n"
    )
    return text.encode("utf-8")
