"""A summary of any EML_NL file, as JSON-ready data and as text (``osv eml inspect FILE``).

:func:`inspect` gives a stable JSON contract; every file has::

    {"type": "110a"|"110b"|"230b"|"510a"…"510d"|"520", "election": "<ElectionIdentifier Id>",
     "sha256": "<16 groups of 4>", "bytes": n, "validated": bool, "authority": {...}|null,
     "notes": ["<a deviation the reader accepted>", ...], ...}

and per type (numbers, list numbers and candidate keys as JSON object keys are strings):

* 110a: ``seats``, ``preference_threshold``, ``category``, ``subcategory``, ``domain``,
  ``contest``, ``districts``;
* 110b: ``polling_stations`` (how many), ``reporting_unit``, ``number_of_voters`` (their sum);
* 210: ``contest`` (id and name), ``list``: ``{"name", "type", "contests": [<kieskring id>],
  "publish_gender", "candidates": [{"number", "last_name", "locality", "country_code"}]}``,
  ``personal_data``: how many candidates have a ``date_of_birth`` (or a partly unknown one),
  a ``national_id``, a ``mailing_address``, an ``agent`` (counts only: the values themselves are
  never shown), and ``proposers``: ``[{"role", "last_name"}]``;
* 230b: ``lists``: ``{"<list>": {"name": str, "candidates": [{"number": n, "last_name": str}]}}``,
  or for a file with several contests (districts) ``contests``: ``{"<contest>": <lists>}``;
* 510: ``reporting_units`` (how many, all contests) and ``totals``: ``{"cast", "counted",
  "rejected": {"<ReasonCode>": n}, "uncounted": {"<ReasonCode>": n}, "lists": {"<list>":
  {"name", "votes", "candidates": {"<candidate key>": n}}}}`` where ``counted`` is
  ``TotalCounted`` and the candidate key is the ``CandidateIdentifier Id`` or, without one, the
  ``ShortCode`` (eml-nl.md §6.4). ``totals`` is the contest's ``TotalVotes``, or its single
  ``ReportingUnitVotes`` where it has no total. A file with **several contests** has no
  top-level ``totals``: adding contests up is a tally (``results``), not a summary, and candidate
  numbers differ per district, so ``contests`` gives ``{"<contest>": {"name", "reporting_units",
  "totals"}}`` instead. A file with one contest has ``contest`` (id and name) and ``totals``.
* 520: ``elected``: ``{"<list>": [{"key": "<candidate key>", "ranking": n|null, "last_name":
  str}]}`` in file order (several contests: under ``contests``, as for 230b).

:func:`summary_text` prints the same facts for people, in a few lines.
"""

from __future__ import annotations

from eml.documents import Eml110a, Eml110b, Eml210, Eml230b, Eml510, Eml520, EmlDocument
from eml.hash import format_digest
from eml.read import ReadResult
from osv.model import (
    Contest,
    ContestCount,
    ContestResult,
    ElectionIdentifier,
    RejectedReason,
    UncountedReason,
    VoteCounts,
)

__all__ = ["inspect", "summary_text"]

_TITLES = {
    "110a": "election definition (Verkiezingsdefinitie)",
    "110b": "polling stations (Stembureaus)",
    "210": "nomination (Kandidaatstelling)",
    "230b": "candidate lists (Kandidatenlijsten)",
    "510a": "count of a polling station (Telling)",
    "510b": "count of a municipality (Telling)",
    "510c": "count of an electoral district (Telling)",
    "510d": "total count (Totaaltelling)",
    "520": "result (Resultaat)",
}


def inspect(result: ReadResult) -> dict[str, object]:
    """The JSON summary of a read file (see the module docstring for the contract)."""
    document = result.document
    identifier = _identifier(document)
    authority = document.header.managing_authority
    summary: dict[str, object] = {
        "type": document.message_type.value,
        "election": identifier.id,
        "election_name": identifier.name,
        "election_date": identifier.election_date.isoformat(),
        "authority": None if authority is None else {"id": authority.id, "name": authority.name},
        "sha256": format_digest(result.digest),
        "bytes": result.size,
        "validated": result.validated,
        "notes": list(result.notes),
    }
    match document:
        case Eml110a():
            definition = document.election
            summary.update(
                seats=definition.number_of_seats,
                preference_threshold=definition.preference_threshold,
                category=identifier.category.value,
                subcategory=identifier.subcategory.value if identifier.subcategory else None,
                domain=None if identifier.domain is None else identifier.domain.model_dump(),
                contest=definition.contest_id,
                districts=[{"number": d.number, "name": d.name} for d in definition.districts],
            )
        case Eml110b():
            summary.update(
                reporting_unit=document.reporting_unit.model_dump(),
                polling_stations=len(document.polling_stations),
                number_of_voters=sum(s.number_of_voters or 0 for s in document.polling_stations),
            )
        case Eml210():
            summary.update(_nomination(document))
        case Eml230b():
            summary.update(_candidate_lists(document))
        case Eml520():
            summary.update(_result(document))
        case Eml510():
            summary.update(_count(document))
    return summary


def _identifier(document: EmlDocument) -> ElectionIdentifier:
    return document.election.identifier if isinstance(document, Eml110a) else document.identifier


def _lists(contest: Contest) -> dict[str, object]:
    return {
        str(candidate_list.number): {
            "name": candidate_list.name,
            "candidates": [
                {"number": c.number, "last_name": c.name.last_name}
                for c in candidate_list.candidates
            ],
        }
        for candidate_list in contest.lists
    }


def _elected(contest: ContestResult) -> dict[str, object]:
    return {
        str(list_result.number): [
            {
                "key": str(elected.candidate.number),
                "ranking": elected.ranking,
                "last_name": elected.candidate.name.last_name,
            }
            for elected in list_result.candidates
        ]
        for list_result in contest.lists
    }


def _nomination(document: Eml210) -> dict[str, object]:
    """The list as handed in; personal data only as counts, never the values."""
    nominated = document.candidate_list
    candidates = nominated.candidates
    return {
        "contest": _contest_label(document.contest_id, document.contest_name),
        "list": {
            "name": nominated.name,
            "type": nominated.type.value,
            "contests": [contest.id for contest in nominated.contests],
            "publish_gender": nominated.publish_gender,
            "candidates": [
                {
                    "number": c.number,
                    "last_name": c.name.last_name,
                    "locality": c.locality,
                    "country_code": c.country_code,
                }
                for c in candidates
            ],
        },
        "personal_data": {
            "date_of_birth": sum(1 for c in candidates if c.date_of_birth or c.date_of_birth_annex),
            "national_id": sum(1 for c in candidates if c.national_id),
            "mailing_address": sum(1 for c in candidates if c.mailing_address),
            "agent": sum(1 for c in candidates if c.agent),
        },
        "proposers": [
            {"role": p.role.value, "last_name": p.name.last_name} for p in document.proposers
        ],
    }


def _candidate_lists(document: Eml230b) -> dict[str, object]:
    if len(document.contests) == 1:
        (contest,) = document.contests
        return {"contest": _contest_label(contest.id, contest.name), "lists": _lists(contest)}
    return {"contests": {contest.id: _lists(contest) for contest in document.contests}}


def _result(document: Eml520) -> dict[str, object]:
    if len(document.contests) == 1:
        (contest,) = document.contests
        return {
            "contest": _contest_label(contest.contest_id, contest.contest_name),
            "elected": _elected(contest),
        }
    return {"contests": {c.contest_id: _elected(c) for c in document.contests}}


def _contest_label(contest_id: str, name: str | None) -> dict[str, object]:
    return {"id": contest_id, "name": name}


def _count(document: Eml510) -> dict[str, object]:
    units = sum(len(contest.reporting_units) for contest in document.contests)
    summary: dict[str, object] = {
        "counting_method": document.counting_method.value if document.counting_method else None,
        "phase": document.phase.value if document.phase else None,
        "reporting_units": units,
    }
    if len(document.contests) == 1:
        (contest,) = document.contests
        summary["contest"] = _contest_label(contest.contest_id, contest.contest_name)
        summary["totals"] = _totals(_total_of(contest))
    else:
        summary["contests"] = {
            contest.contest_id: {
                "name": contest.contest_name,
                "reporting_units": len(contest.reporting_units),
                "totals": _totals(_total_of(contest)),
            }
            for contest in document.contests
        }
    return summary


def _total_of(contest: ContestCount) -> VoteCounts | None:
    """The contest's TotalVotes, or its single reporting unit where it has none (the schema)."""
    if contest.total is not None:
        return contest.total
    if len(contest.reporting_units) == 1:
        return contest.reporting_units[0].votes
    return None


def _totals(votes: VoteCounts | None) -> dict[str, object] | None:
    if votes is None:
        return None
    return {
        "cast": votes.cast,
        "counted": votes.total_counted,
        "rejected": {r.value: votes.rejected[r] for r in RejectedReason if r in votes.rejected},
        "uncounted": {u.value: votes.uncounted[u] for u in UncountedReason if u in votes.uncounted},
        "lists": {
            str(list_votes.number): {
                "name": list_votes.name,
                "votes": list_votes.votes,
                "candidates": {c.key: c.votes for c in list_votes.candidates},
            }
            for list_votes in votes.lists
        },
    }


def summary_text(result: ReadResult) -> str:
    """A few lines for people: type, election, authority, content and the integrity hash."""
    document = result.document
    identifier = _identifier(document)
    kind = document.message_type.value
    lines = [f"EML {kind}: {_TITLES.get(kind, kind)}"]
    name = f" ({identifier.name})" if identifier.name else ""
    lines.append(f"Election:  {identifier.id}{name}, {identifier.election_date.isoformat()}")
    authority = document.header.managing_authority
    if authority is not None:
        lines.append(f"Authority: {authority.id} {authority.name or ''}".rstrip())
    match document:
        case Eml110a():
            definition = document.election
            subcategory = identifier.subcategory.value if identifier.subcategory else "-"
            lines.append(
                f"Seats: {definition.number_of_seats}; preference threshold: "
                f"{definition.preference_threshold} % of the quota; {identifier.category.value} "
                f"({subcategory}); {len(definition.districts)} district(s)"
            )
        case Eml110b():
            voters = sum(s.number_of_voters or 0 for s in document.polling_stations)
            lines.append(f"Polling stations: {len(document.polling_stations)}; voters: {voters:,}")
        case Eml210():
            nominated = document.candidate_list
            abroad = sum(1 for c in nominated.candidates if c.country_code not in (None, "NL"))
            lines.append(
                f"Contest {document.contest_id}: list {nominated.name or '(blank)'} "
                f"({nominated.type.value}): {len(nominated.candidates)} candidates, "
                f"{abroad} living abroad; {len(document.proposers)} proposers"
            )
        case Eml230b():
            for contest in document.contests:
                lines.append(f"Contest {contest.id}: {len(contest.lists)} lists")
                lines.extend(
                    f"  list {lst.number} {lst.name or '(blank)'}: {len(lst.candidates)} candidates"
                    for lst in contest.lists
                )
        case Eml520():
            for result_contest in document.contests:
                lines.append(f"Contest {result_contest.contest_id}: elected")
                lines.extend(
                    f"  list {lst.number} {lst.name}: {len(lst.candidates)} seat(s): "
                    + ", ".join(e.candidate.name.last_name for e in lst.candidates)
                    for lst in result_contest.lists
                )
        case Eml510():
            lines.extend(_count_lines(document))
    lines.append(f"SHA-256:   {format_digest(result.digest)}")
    lines.append(f"Schema:    {'valid' if result.validated else 'not checked'}")
    lines.extend(f"Note:      {note}" for note in result.notes)
    return "\n".join(lines)


def _count_lines(document: Eml510) -> list[str]:
    lines: list[str] = []
    for contest in document.contests:
        name = f" ({contest.contest_name})" if contest.contest_name else ""
        lines.append(
            f"Contest {contest.contest_id}{name}: {len(contest.reporting_units)} reporting units"
        )
        votes = _total_of(contest)
        if votes is None:
            continue
        rejected = votes.rejected
        lines.append(
            f"  cast {votes.cast:,}; valid votes {votes.total_counted:,}; blank "
            f"{rejected.get(RejectedReason.BLANK, 0):,}; invalid "
            f"{rejected.get(RejectedReason.INVALID, 0):,}"
        )
        lines.extend(
            f"  list {lst.number} {lst.name or '(blank)'}: {lst.votes:,}" for lst in votes.lists
        )
    return lines
