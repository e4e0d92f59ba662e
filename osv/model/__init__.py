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

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from osv.model.base import (
        MAX_COUNT,
        Count,
        Frozen,
        Number,
    )
    from osv.model.candidates import (
        Candidate,
        CandidateList,
        Contest,
        Gender,
        ListType,
        PersonName,
    )
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
    from osv.model.polling import (
        Location,
        PollingStation,
        PollingStationType,
    )
    from osv.model.result import (
        ContestResult,
        ElectedCandidate,
        ListResult,
    )

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

#: Where each exported name lives: importing a light module of the package
#: (``osv.model.forms``) loads no pydantic model until one is asked for.
_LAZY = {
    "MAX_COUNT": "osv.model.base",
    "Count": "osv.model.base",
    "Frozen": "osv.model.base",
    "Number": "osv.model.base",
    "Candidate": "osv.model.candidates",
    "CandidateList": "osv.model.candidates",
    "Contest": "osv.model.candidates",
    "Gender": "osv.model.candidates",
    "ListType": "osv.model.candidates",
    "PersonName": "osv.model.candidates",
    "CandidateVotes": "osv.model.counts",
    "ContestCount": "osv.model.counts",
    "Investigation": "osv.model.counts",
    "InvestigationReason": "osv.model.counts",
    "ListVotes": "osv.model.counts",
    "RejectedReason": "osv.model.counts",
    "ReportingUnitVotes": "osv.model.counts",
    "UncountedReason": "osv.model.counts",
    "VoteCounts": "osv.model.counts",
    "NATIONAL_CATEGORIES": "osv.model.election",
    "Committee": "osv.model.election",
    "CommitteeCategory": "osv.model.election",
    "District": "osv.model.election",
    "ElectionCategory": "osv.model.election",
    "ElectionDefinition": "osv.model.election",
    "ElectionDomain": "osv.model.election",
    "ElectionIdentifier": "osv.model.election",
    "ElectionSubcategory": "osv.model.election",
    "Region": "osv.model.election",
    "RegionCategory": "osv.model.election",
    "RegisteredParty": "osv.model.election",
    "Agent": "osv.model.nomination",
    "AgentRole": "osv.model.nomination",
    "ContestRef": "osv.model.nomination",
    "LivingAddress": "osv.model.nomination",
    "MailingAddress": "osv.model.nomination",
    "NominatedCandidate": "osv.model.nomination",
    "NominatedList": "osv.model.nomination",
    "Proposer": "osv.model.nomination",
    "ProposerRole": "osv.model.nomination",
    "Location": "osv.model.polling",
    "PollingStation": "osv.model.polling",
    "PollingStationType": "osv.model.polling",
    "ContestResult": "osv.model.result",
    "ElectedCandidate": "osv.model.result",
    "ListResult": "osv.model.result",
}


def __getattr__(name: str) -> Any:
    """Import an exported name's module on first use (PEP 562)."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value
