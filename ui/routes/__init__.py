"""The routes, one module per area: sign-in, typing, sessions, progress, administration."""

from __future__ import annotations

__all__: list[str] = []
