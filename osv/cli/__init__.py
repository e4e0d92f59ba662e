"""The ``osv`` command line: thin commands that parse options, call one service and print."""

from __future__ import annotations

__all__: list[str] = []
