"""Wiring: the one place where the database is opened and units of work are made.

Entry points (the command line, later the web application) call :func:`unit_of_work_factory`
once with the settings and hand the factory to the services; services never open a database
themselves, so tests can give them a factory for a database of their own.
"""

from __future__ import annotations

from osv.config import Settings
from osv.store import Database, UnitOfWork, open_database

__all__ = ["UnitOfWorkFactory", "unit_of_work_factory"]


class UnitOfWorkFactory:
    """Makes units of work on one opened database; call it like a function.

    :param database: the opened database (its schema checked).
    """

    def __init__(self, database: Database) -> None:
        self.database = database

    def __call__(self) -> UnitOfWork:
        return self.database.unit_of_work()

    def close(self) -> None:
        """Close the database's connections (at the end of a process or test)."""
        self.database.close()

    def __enter__(self) -> UnitOfWorkFactory:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def unit_of_work_factory(settings: Settings) -> UnitOfWorkFactory:
    """Open the database of ``settings`` and make sure its schema is this OSV's.

    An empty database gets the schema; an older or newer one is refused (see
    :meth:`osv.store.Database.ensure_schema`).

    :raises StoreError: the database cannot be opened or has another schema version.
    """
    database = open_database(settings.database_url)
    try:
        database.ensure_schema()
    except BaseException:
        database.close()
        raise
    return UnitOfWorkFactory(database)
