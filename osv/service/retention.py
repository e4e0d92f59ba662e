"""The retention rule for OSV's own files under ``$OSV_HOME``: old uploads and web backups.

* **Pending uploads** (``$OSV_HOME/uploads/<token>``: an administrator's import waiting for its
  hash groups; ``$OSV_HOME/uploads/uitslag/<token>``: an HSB/CSB count upload waiting for its
  hash groups) are removed :data:`UPLOAD_MAX_AGE` after they were made. An upload is finished
  or abandoned within minutes; a day later nobody is still typing its groups. Removed when the
  web interface starts and before every new upload.
* **Web backups** (``$OSV_HOME/backups/osv-backup-<UTC time>.sqlite3``, one per click on
  "Reservekopie maken en downloaden"): the newest :data:`BACKUPS_KEPT` are kept, older ones are
  removed after each new backup. A click when nothing changed since the last backup downloads
  that backup again instead of making another copy. Backups made with ``osv db backup FILE``
  are the operator's files and never touched.

docs/audit.md ("Backup and restore") states the rule for operators.
"""

from __future__ import annotations

import datetime as dt
import shutil
import time
from pathlib import Path

__all__ = ["BACKUPS_KEPT", "UPLOAD_MAX_AGE", "clean_backups", "clean_uploads"]

#: Pending uploads older than this are removed.
UPLOAD_MAX_AGE = dt.timedelta(hours=24)
#: How many of the web interface's backups are kept.
BACKUPS_KEPT = 10
#: The name pattern of the web interface's backups.
BACKUP_PATTERN = "osv-backup-*.sqlite3"
#: The folder of pending HSB/CSB uploads inside the uploads folder.
_STAGE_UPLOADS = "uitslag"


def clean_uploads(
    folder: Path, *, max_age: dt.timedelta = UPLOAD_MAX_AGE, now: float | None = None
) -> list[Path]:
    """Remove the pending uploads in ``folder`` (and its ``uitslag`` folder) last changed more
    than ``max_age`` ago; return what was removed."""
    moment = time.time() if now is None else now
    removed: list[Path] = []
    for place in (folder, folder / _STAGE_UPLOADS):
        if not place.is_dir():
            continue
        for entry in place.iterdir():
            if place == folder and entry.name == _STAGE_UPLOADS:
                continue
            try:
                age = moment - entry.stat().st_mtime
            except OSError:
                continue
            if age <= max_age.total_seconds():
                continue
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry, ignore_errors=True)
            else:
                entry.unlink(missing_ok=True)
            removed.append(entry)
    return removed


def clean_backups(folder: Path, *, keep: int = BACKUPS_KEPT) -> list[Path]:
    """Remove all but the newest ``keep`` web backups in ``folder``; return what was removed.

    Their names carry the UTC time they were made, so name order is time order.
    """
    if not folder.is_dir():
        return []
    backups = sorted(folder.glob(BACKUP_PATTERN))
    old = backups[: max(0, len(backups) - keep)]
    for path in old:
        path.unlink(missing_ok=True)
    return old
