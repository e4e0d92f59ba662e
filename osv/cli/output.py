"""Printing for the command line: one-line errors, plain aligned tables, JSON.

Errors go to standard error as ``osv: error: <one sentence>`` and end the command with exit
status 2 (invalid input or a refused operation). Tables are plain text, aligned, without colour,
so they read the same in a terminal, a log file and a test.
"""

from __future__ import annotations

import functools
import json
import sys
import time
from collections.abc import Callable, Sequence
from typing import ParamSpec, TypeVar

import typer

from osv.errors import OSVError

__all__ = ["EXIT_INVALID", "fail", "guarded", "print_json", "progress_bar", "table"]

#: Exit status for invalid input and refused operations.
EXIT_INVALID = 2

P = ParamSpec("P")
R = TypeVar("R")


def fail(message: str, status: int = EXIT_INVALID) -> typer.Exit:
    """Print ``message`` as a one-line error and return the exit to raise."""
    print(f"osv: error: {message}", file=sys.stderr)
    return typer.Exit(status)


def guarded(command: Callable[P, R]) -> Callable[P, R]:
    """Turn every :class:`OSVError` raised by ``command`` into a one-line error, exit status 2.

    An error with :attr:`~osv.errors.OSVError.problems` prints its headline on the error line
    and then one line per problem (every missing count, say).
    """

    @functools.wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return command(*args, **kwargs)
        except OSVError as error:
            if not error.problems or error.headline == str(error):
                raise fail(str(error)) from None
            exit_ = fail(error.headline)
            for problem in error.problems:
                print(problem, file=sys.stderr)
            raise exit_ from None

    return wrapper


def print_json(value: object) -> None:
    """Print ``value`` as indented JSON with non-ASCII characters kept as they are."""
    print(json.dumps(value, indent=2, ensure_ascii=False))


def table(
    headers: Sequence[str], rows: Sequence[Sequence[object]], numeric: Sequence[int] = ()
) -> str:
    """A plain text table; columns whose index is in ``numeric`` are right-aligned.

    The one table of OSV's terminal output and text reports
    (:func:`osv.service.formats.text_table.plain_table`), imported when a table is printed so
    that starting the command line loads no service code.
    """
    from osv.service.formats.text_table import plain_table

    return "\n".join(plain_table(headers, rows, numeric))


def progress_bar(label: str) -> Callable[[int, int, int, int], None] | None:
    """A one-line progress report on standard error for reading many or large files, or
    ``None`` when standard error is not a terminal (a log or a pipe gets no progress lines).

    The callback takes (files read, files in all, bytes read, bytes in all) and rewrites its
    line: files read, MiB read of all, MiB/s and the time left; the last call ends the line.
    """
    if not sys.stderr.isatty():
        return None
    start = time.monotonic()

    def report(done: int, files: int, read: int, total: int) -> None:
        elapsed = max(time.monotonic() - start, 1e-6)
        rate = read / elapsed
        left = (total - read) / rate if rate else 0.0
        mib = 1024 * 1024
        line = (
            f"{label}: {done}/{files} files, {read / mib:,.0f}/{total / mib:,.0f} MiB, "
            f"{rate / mib:,.1f} MiB/s, {left:,.0f} s left"
        )
        end = "\n" if done >= files else ""
        print(f"\r{line}\033[K", end=end, file=sys.stderr, flush=True)

    return report
