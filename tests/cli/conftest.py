"""Fixtures for the command-line tests: a database of their own on SQLite and PostgreSQL."""

from __future__ import annotations

from tests.databases import database_url

__all__ = ["database_url"]
