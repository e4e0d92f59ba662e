"""Fixtures for these tests: a database of their own on SQLite and on PostgreSQL.

The repositories are tested on their own here, so their units of work commit counted data
without the audit event a service appends (``audited=False``); that every service records what
it changes is tested in ``tests/service`` and ``tests/security``.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

import pytest

from osv.store import Database, UnitOfWork
from tests.databases import database, database_url

__all__ = ["database", "database_url", "uow_factory"]


@pytest.fixture
def uow_factory(database: Database) -> Callable[[], UnitOfWork]:
    """Makes units of work on the test's database that do not require audit events."""
    return partial(database.unit_of_work, audited=False)
