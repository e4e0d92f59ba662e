"""Fixtures for these tests: a database of their own on SQLite and on PostgreSQL."""

from __future__ import annotations

from tests.databases import database, database_url, uow_factory

__all__ = ["database", "database_url", "uow_factory"]
