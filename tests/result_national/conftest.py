"""The command-line runner of the result tests."""

from __future__ import annotations

from tests.result.conftest import osv

__all__ = ["osv"]
