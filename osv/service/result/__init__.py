"""The result stages: the principal polling station (HSB) adds up its district, the central
polling station (CSB) computes the result, and anyone can verify a published result."""

from __future__ import annotations

__all__: list[str] = []
