"""OSV: open-source election results software for Dutch elections.

The shared core of the project. ``osv.model`` is the vocabulary every other package speaks
(elections, lists, candidates, polling stations, counts); ``osv.store`` keeps it in a database;
``osv.service`` holds the use cases; ``osv.cli`` is the ``osv`` command line.

Importing ``osv`` itself is cheap and side-effect free: the pure packages (``eml``, ``results``,
``candidacy``) import ``osv.model`` without pulling in SQLAlchemy or the command line.
"""

from __future__ import annotations

__all__ = ["__version__"]

__version__ = "0.1.0"
