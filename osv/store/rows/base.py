"""The declarative base, the naming convention and the columns several tables share."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, BigInteger, CheckConstraint, Date, DateTime, Integer, MetaData, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

__all__ = [
    "AFTER_MIXIN",
    "NAMING_CONVENTION",
    "Base",
    "BigId",
    "EmlHeaderColumns",
    "Json",
    "PersonColumns",
    "not_negative",
]

#: Deterministic constraint names, the same on SQLite and PostgreSQL.
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_N_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

#: A surrogate key that is a 64-bit integer on PostgreSQL and SQLite's rowid on SQLite (which
#: only auto-increments a column declared exactly ``INTEGER PRIMARY KEY``).
BigId = BigInteger().with_variant(Integer(), "sqlite")

Json = dict[str, Any]


class Base(DeclarativeBase):
    """Declarative base with the naming convention."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {  # noqa: RUF012 (SQLAlchemy reads this class attribute)
        dt.datetime: DateTime(timezone=True),
        Json: JSON(),
        list[Json]: JSON(),
    }


def not_negative(*columns: str) -> list[CheckConstraint]:
    """A check per column that its value is not below zero."""
    return [CheckConstraint(f"{column} >= 0", name=f"{column}_not_negative") for column in columns]


#: ``sort_order`` of the columns a table declares after those of its mixin, so that every
#: table keeps the column order of its migration (mixin columns otherwise come last).
AFTER_MIXIN = 1


class PersonColumns:
    """A candidate's identity as an EML file gives it (``CandidateIdentifier`` and
    ``CandidateFullName``, gender, locality), shared by ``candidates`` and
    ``result_candidates``; a table's own columns after these take ``sort_order=AFTER_MIXIN``."""

    short_code: Mapped[str | None]
    initials: Mapped[str]
    first_name: Mapped[str | None]
    prefix: Mapped[str | None]
    last_name: Mapped[str]
    gender: Mapped[str | None] = mapped_column(String(6))
    locality: Mapped[str | None]
    country_code: Mapped[str | None]


class EmlHeaderColumns:
    """An EML file's header (managing authority, transaction, dates, canonicalisation, schema
    version), shared by ``count_files`` and ``results``; a table's own columns after these take
    ``sort_order=AFTER_MIXIN``."""

    authority_id: Mapped[str | None]
    authority_name: Mapped[str | None]
    transaction_id: Mapped[str]
    issue_date: Mapped[dt.date | None] = mapped_column(Date)
    creation_date_time: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=False))
    canonicalization: Mapped[bool]
    schema_version: Mapped[str | None]
