"""Copying between the domain model and the columns several tables share
(:class:`~osv.store.rows.base.EmlHeaderColumns`, :class:`~osv.store.rows.base.PersonColumns`),
in one place for every table that has them."""

from __future__ import annotations

from typing import Any

from eml.documents import Authority, EmlHeader
from osv.model import Candidate, Gender, PersonName
from osv.store.rows import CandidateRow, ResultCandidateRow
from osv.store.rows.base import EmlHeaderColumns

__all__ = ["candidate_of", "candidate_values", "header_of", "header_values"]


def header_values(header: EmlHeader) -> dict[str, Any]:
    """The header columns of a stored EML file."""
    authority = header.managing_authority
    return {
        "authority_id": authority.id if authority else None,
        "authority_name": authority.name if authority else None,
        "transaction_id": header.transaction_id,
        "issue_date": header.issue_date,
        "creation_date_time": header.creation_date_time,
        "canonicalization": header.canonicalization,
        "schema_version": header.schema_version,
    }


def header_of(row: EmlHeaderColumns) -> EmlHeader:
    """The EML header a row stored (the inverse of :func:`header_values`)."""
    return EmlHeader(
        transaction_id=row.transaction_id,
        managing_authority=(
            Authority(id=row.authority_id, name=row.authority_name)
            if row.authority_id is not None
            else None
        ),
        issue_date=row.issue_date,
        creation_date_time=row.creation_date_time,
        canonicalization=row.canonicalization,
        schema_version=row.schema_version,
    )


def candidate_values(candidate: Candidate) -> dict[str, Any]:
    """The columns of a candidate: its ``number`` and its identity."""
    return {
        "number": candidate.number,
        "short_code": candidate.short_code,
        "initials": candidate.name.initials,
        "first_name": candidate.name.first_name,
        "prefix": candidate.name.prefix,
        "last_name": candidate.name.last_name,
        "gender": candidate.gender.value if candidate.gender else None,
        "locality": candidate.locality,
        "country_code": candidate.country_code,
    }


def candidate_of(row: CandidateRow | ResultCandidateRow) -> Candidate:
    """The candidate a row stored (the inverse of :func:`candidate_values`)."""
    return Candidate(
        number=row.number,
        short_code=row.short_code,
        name=PersonName(
            initials=row.initials,
            first_name=row.first_name,
            prefix=row.prefix,
            last_name=row.last_name,
        ),
        gender=Gender(row.gender) if row.gender else None,
        locality=row.locality,
        country_code=row.country_code,
    )
