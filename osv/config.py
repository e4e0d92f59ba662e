"""Configuration from the environment, read once per command.

=========================  ==========================================================
``OSV_HOME``               folder for OSV's own files (default ``./.osv``)
``OSV_DATABASE_URL``       SQLAlchemy URL of the database (default: SQLite file
                           ``$OSV_HOME/osv.sqlite3``; PostgreSQL as
                           ``postgresql+psycopg://user:password@host/db``)
``OSV_EML_XSD_DIR``        folder with the official EML_NL schemas; when set, every
                           EML file read or written is validated against them
``OSV_EML_MAX_BYTES``      largest EML file accepted, in bytes (default 50 MiB)
``OSV_SESSION_HOURS``      a web sign-in ends this many hours after it began, however
                           busy (default 12; besides 30 minutes without use)
=========================  ==========================================================
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from eml.safe import DEFAULT_MAX_BYTES
from osv.errors import OSVError

__all__ = ["ConfigError", "Settings"]


class ConfigError(OSVError):
    """An environment variable has a value OSV cannot use."""


@dataclass(frozen=True)
class Settings:
    """The settings of one OSV process."""

    home: Path
    database_url: str
    xsd_dir: Path | None
    max_bytes: int
    #: the absolute lifetime of a web sign-in
    session_lifetime: dt.timedelta = dt.timedelta(hours=12)

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        """Read the settings from ``env`` (default: ``os.environ``)."""
        env = os.environ if env is None else env
        home = Path(env.get("OSV_HOME") or ".osv")
        url = env.get("OSV_DATABASE_URL") or f"sqlite:///{home / 'osv.sqlite3'}"
        xsd = env.get("OSV_EML_XSD_DIR") or None
        raw_max = env.get("OSV_EML_MAX_BYTES") or str(DEFAULT_MAX_BYTES)
        try:
            max_bytes = int(raw_max)
        except ValueError:
            raise ConfigError(
                f"OSV_EML_MAX_BYTES is {raw_max!r}; it must be a number of bytes"
            ) from None
        if max_bytes < 1:
            raise ConfigError(f"OSV_EML_MAX_BYTES is {max_bytes}; it must be positive")
        raw_hours = env.get("OSV_SESSION_HOURS") or "12"
        try:
            hours = float(raw_hours)
        except ValueError:
            hours = -1.0
        if not 0 < hours <= 24 * 7:
            raise ConfigError(
                f"OSV_SESSION_HOURS is {raw_hours!r}; it must be a number of hours above 0 and "
                "at most 168"
            )
        return cls(
            home=home,
            database_url=url,
            xsd_dir=Path(xsd) if xsd else None,
            max_bytes=max_bytes,
            session_lifetime=dt.timedelta(hours=hours),
        )
