"""What every command needs from the environment: settings, schemas, limits, the actor."""

from __future__ import annotations

import getpass
import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported where used: a command that needs none of them starts faster
    from eml.safe import Limits
    from eml.xsd import SchemaSet
    from osv.config import Settings

__all__ = ["actor", "limits", "schemas", "settings"]


def settings() -> Settings:
    """The settings from the environment (see :mod:`osv.config`)."""
    from osv.config import Settings

    return Settings.from_env()


def schemas(xsd_dir: Path | None, config: Settings | None = None) -> SchemaSet | None:
    """The official schemas from ``--xsd-dir`` or ``OSV_EML_XSD_DIR``; ``None`` when neither."""
    from eml.xsd import SchemaSet

    folder = xsd_dir or (config or settings()).xsd_dir
    return SchemaSet(folder) if folder is not None else None


def limits(max_bytes: int | None, config: Settings | None = None) -> Limits:
    """EML limits, with the size limit from ``--max-bytes`` or ``OSV_EML_MAX_BYTES``."""
    from eml.safe import Limits

    return Limits(max_bytes=max_bytes or (config or settings()).max_bytes)


def actor() -> str:
    """Who runs the command, for the audit log: ``OSV_ACTOR`` or the operating-system user."""
    name = os.environ.get("OSV_ACTOR")
    if name:
        return name
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user name in a container without passwd entry
        return "unknown"
