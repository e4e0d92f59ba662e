"""Wiring: the settings open the database, check its schema and give a unit-of-work factory."""

from __future__ import annotations

from pathlib import Path

import pytest

from osv.config import Settings
from osv.service import queries
from osv.service.bootstrap import unit_of_work_factory
from osv.store import SchemaTooNewError, open_database


def _settings(url: str, home: Path) -> Settings:
    return Settings(home=home, database_url=url, xsd_dir=None, max_bytes=1 << 20)


def test_a_new_database_is_ready_to_use(database_url: str, tmp_path: Path) -> None:
    """The first use creates the schema; the factory's units of work work at once."""
    factory = unit_of_work_factory(_settings(database_url, tmp_path))
    try:
        assert queries.elections(factory) == []
        assert factory.database.current_revision() == factory.database.head_revision()
    finally:
        factory.close()


def test_the_default_sqlite_file_is_created_under_osv_home(tmp_path: Path) -> None:
    """Without OSV_DATABASE_URL the database is ``$OSV_HOME/osv.sqlite3``."""
    settings = Settings.from_env({"OSV_HOME": str(tmp_path / "home")})
    factory = unit_of_work_factory(settings)
    try:
        assert queries.elections(factory) == []
    finally:
        factory.close()
    assert (tmp_path / "home" / "osv.sqlite3").is_file()


def test_a_database_with_another_schema_version_is_refused_before_any_use(
    database_url: str, tmp_path: Path
) -> None:
    """The schema check happens in the wiring, so no command ever runs on a foreign schema."""
    database = open_database(database_url)
    database.ensure_schema()
    with database.engine.begin() as connection:
        connection.exec_driver_sql("UPDATE alembic_version SET version_num = 'ffff'")
    database.close()
    with pytest.raises(SchemaTooNewError, match="newer OSV"):
        unit_of_work_factory(_settings(database_url, tmp_path))
