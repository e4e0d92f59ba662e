"""``osv export ...``: counts in the formats other tools read (nothing is stored).

``osv export csv`` writes the "OSV4-3" table of a municipality's count (docs/csv.md). By
default the file gets the name the Kiesraad's eml2csv gives it, in the current folder;
``--out`` names a file or a folder, and ``--out -`` writes the table to standard output.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperCommand

from osv.cli import context
from osv.cli.eml_commands import MaxBytes, XsdDir
from osv.cli.output import EXIT_INVALID, fail, guarded

__all__ = ["app", "csv_command"]

app = typer.Typer(
    help="Export counts in the formats other tools read (nothing is stored).",
    no_args_is_help=True,
    rich_markup_mode=None,
)

#: ``--out`` value that sends the table to standard output.
STDOUT = "-"


class _OneLineUsageErrors(TyperCommand):
    """Usage errors (a missing argument, an unknown option) as one line, exit status 2."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        try:
            return super().parse_args(ctx, args)
        except typer.TyperException as error:
            if error.exit_code != EXIT_INVALID:
                raise
            format_message = getattr(error, "format_message", None)
            message = format_message() if callable(format_message) else str(error)
            raise fail(f"osv export {self.name}: {' '.join(message.split())}") from None


@app.command("csv", cls=_OneLineUsageErrors)
@guarded
def csv_command(
    counts: Annotated[
        Path,
        typer.Argument(
            help="The municipality's count (EML 510b).", dir_okay=False, metavar="COUNTS"
        ),
    ],
    candidates: Annotated[
        Path,
        typer.Argument(
            help="The candidate lists (EML 230b) of the same election and district.",
            dir_okay=False,
            metavar="CANDIDATES",
        ),
    ],
    out: Annotated[
        str | None,
        typer.Option(
            "--out",
            metavar="FILE|FOLDER|-",
            help="File or folder to write to, or - for standard output (default: "
            "osv4-3_telling_<election>_gemeente_<municipality>.csv in the current folder).",
        ),
    ] = None,
    xsd_dir: XsdDir = None,
    max_bytes: MaxBytes = None,
) -> None:
    """Write the OSV4-3 CSV table of COUNTS: one column per polling station.

    The layout of OSV2020 and the Kiesraad's eml2csv (docs/csv.md): votes per list and
    candidate, with the numbers of voters and ballots, per polling station and in total. The
    candidate lists must be those of the count's election and district. An existing file is
    replaced. Exit status 0 when written, 2 (one line, nothing written) on invalid input.
    """
    from osv.service.formats.export_csv import export_counts_csv, save_csv

    export = export_counts_csv(
        counts,
        candidates,
        schemas=context.schemas(xsd_dir),
        limits=context.limits(max_bytes),
    )
    if out == STDOUT:
        sys.stdout.buffer.write(export.content)
        sys.stdout.buffer.flush()
        return
    target = Path(out) if out is not None else Path(export.file_name)
    if target.is_dir():
        target = target / export.file_name
    save_csv(export.content, target)
    print(
        f"Written: {target} ({export.polling_stations} polling stations, {export.lists} lists, "
        f"{export.candidates} candidates of {export.election}, {export.municipality})"
    )
