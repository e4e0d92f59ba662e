"""The web interface for the municipality (GSB), principal (HSB) and central (CSB) polling stations.

A thin FastAPI layer over ``osv.service``; planned in a later issue, nothing here yet.
"""

from __future__ import annotations

__all__: list[str] = []
