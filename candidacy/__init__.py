"""Candidacy (Kieswet chapters G, H and I): party names, candidate lists, checks, numbering.

Pure domain code, no database or web imports:

* :mod:`candidacy.lists` - what is handed in: party registrations, lists (Model H 1),
  candidates with consent (H 9), support declarations (H 4), deposit (H 12);
* :mod:`candidacy.rules` - the figures of chapter H per election (candidates, support, deposit);
* :mod:`candidacy.checks` - the examination (I 1 to I 8) as findings with code, article and
  consequence (:mod:`candidacy.findings`);
* :mod:`candidacy.decisions` - the central polling station's decisions and the accepted lists,
  with its departures from the proposal (:mod:`candidacy.departures`);
* :mod:`candidacy.numbering` - list numbers (I 16), lots returned as values, never drawn;
* :mod:`candidacy.csv_format` and :mod:`candidacy.publication` - CSV in and out, EML 230b out;
  :mod:`candidacy.nomination` - a party's nomination file (EML 210) in.
"""

from __future__ import annotations

from candidacy.checks import check_lists, check_registration, needs_support_and_deposit
from candidacy.csv_format import CandidacyCsvError, read_lists, write_lists
from candidacy.decisions import ListDecision, apply_decisions, decide, propose_decisions
from candidacy.departures import (
    Departure,
    DepartureError,
    DepartureProblem,
    FindingName,
    Instead,
)
from candidacy.findings import Code, Consequence, Finding
from candidacy.lists import (
    Agent,
    PartyRegistration,
    SubmittedCandidate,
    SubmittedList,
    SupportDeclaration,
)
from candidacy.nomination import list_from_210
from candidacy.numbering import (
    LotOutcome,
    LotReason,
    LotRequired,
    LotsRequired,
    Numbered,
    number_lists,
    numbering_key,
)
from candidacy.publication import lists_from_230b, published_contests, to_230b
from candidacy.rules import ElectionRules, default_rules

__all__ = [
    "Agent",
    "CandidacyCsvError",
    "Code",
    "Consequence",
    "Departure",
    "DepartureError",
    "DepartureProblem",
    "ElectionRules",
    "Finding",
    "FindingName",
    "Instead",
    "ListDecision",
    "LotOutcome",
    "LotReason",
    "LotRequired",
    "LotsRequired",
    "Numbered",
    "PartyRegistration",
    "SubmittedCandidate",
    "SubmittedList",
    "SupportDeclaration",
    "apply_decisions",
    "check_lists",
    "check_registration",
    "decide",
    "default_rules",
    "list_from_210",
    "lists_from_230b",
    "needs_support_and_deposit",
    "number_lists",
    "numbering_key",
    "propose_decisions",
    "published_contests",
    "read_lists",
    "to_230b",
    "write_lists",
]
