"""The shared vocabulary of OSV: an election and everything that belongs to it.

Frozen pydantic models, compared by value, with no database or web code:

* :mod:`osv.model.election` the election definition (EML 110a): identifier, seats, preference
  threshold, the tree of regions and committees, electoral districts;
* :mod:`osv.model.candidates` candidate lists and candidates (EML 230b);
* :mod:`osv.model.nomination` a party's nomination with its personal data (EML 210);
* :mod:`osv.model.polling` polling stations (EML 110b);
* :mod:`osv.model.counts` counts per reporting unit (EML 510);
* :mod:`osv.model.result` elected lists and candidates (EML 520);
* :mod:`osv.model.rules` the few legal rules needed to check a definition.
"""

from __future__ import annotations

from osv.model.base import MAX_COUNT, Count, Frozen, Number
from osv.model.candidates import Candidate, CandidateList, Contest, Gender, ListType, PersonName
from osv.model.counts import (
    CandidateVotes,
    ContestCount,
    Investigation,
    InvestigationReason,
    ListVotes,
    RejectedReason,
    ReportingUnitVotes,
    UncountedReason,
    VoteCounts,
)
from osv.model.election import (
    NATIONAL_CATEGORIES,
    Committee,
    CommitteeCategory,
    District,
    ElectionCategory,
    ElectionDefinition,
    ElectionDomain,
    ElectionIdentifier,
    ElectionSubcategory,
    Region,
    RegionCategory,
    RegisteredParty,
)
from osv.model.nomination import (
    Agent,
    AgentRole,
    ContestRef,
    LivingAddress,
    MailingAddress,
    NominatedCandidate,
    NominatedList,
    Proposer,
    ProposerRole,
)
from osv.model.polling import Location, PollingStation, PollingStationType
from osv.model.result import ContestResult, ElectedCandidate, ListResult

__all__ = [
    "MAX_COUNT",
    "NATIONAL_CATEGORIES",
    "Agent",
    "AgentRole",
    "Candidate",
    "CandidateList",
    "CandidateVotes",
    "Committee",
    "CommitteeCategory",
    "Contest",
    "ContestCount",
    "ContestRef",
    "ContestResult",
    "Count",
    "District",
    "ElectedCandidate",
    "ElectionCategory",
    "ElectionDefinition",
    "ElectionDomain",
    "ElectionIdentifier",
    "ElectionSubcategory",
    "Frozen",
    "Gender",
    "Investigation",
    "InvestigationReason",
    "ListResult",
    "ListType",
    "ListVotes",
    "LivingAddress",
    "Location",
    "MailingAddress",
    "NominatedCandidate",
    "NominatedList",
    "Number",
    "PersonName",
    "PollingStation",
    "PollingStationType",
    "Proposer",
    "ProposerRole",
    "Region",
    "RegionCategory",
    "RegisteredParty",
    "RejectedReason",
    "ReportingUnitVotes",
    "UncountedReason",
    "VoteCounts",
]
