"""Counting and seat allocation: pure election arithmetic, no database or web code.

Planned contents (see the project's issues): the consistency checks on every count
(``results.checks``), double data entry (``results.entry``), adding counts up the election tree
(``results.tally``) and the seat allocation of Kieswet chapter P in exact arithmetic
(``results.allocation``). Nothing here is implemented yet.
"""

from __future__ import annotations

__all__: list[str] = []
