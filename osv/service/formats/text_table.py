"""The plain aligned text table of OSV's terminal output and text reports.

One table for every command and report: plain text without colour, columns separated by two
spaces, a rule of dashes under the headings, trailing spaces stripped, so it reads the same in a
terminal, a log file and a test.
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["plain_table"]


def plain_table(
    headers: Sequence[str], rows: Sequence[Sequence[object]], numeric: Sequence[int] = ()
) -> list[str]:
    """A plain aligned text table as lines; columns in ``numeric`` are right-aligned."""
    cells = [[str(h) for h in headers]] + [
        ["" if v is None else str(v) for v in row] for row in rows
    ]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]

    def line(row: list[str]) -> str:
        parts = [
            value.rjust(widths[i]) if i in numeric else value.ljust(widths[i])
            for i, value in enumerate(row)
        ]
        return "  ".join(parts).rstrip()

    rule = "  ".join("-" * width for width in widths)
    return [line(cells[0]), rule, *(line(row) for row in cells[1:])]
