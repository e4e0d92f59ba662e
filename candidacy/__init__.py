"""Candidacy (Kieswet chapters G, H and I): party names, candidate lists, checks, numbering.

Pure domain code, no database or web imports. Planned in a later issue; nothing here is
implemented yet. Published candidate lists are read and written as EML 230b by ``eml``.
"""

from __future__ import annotations

__all__: list[str] = []
