"""``osv result`` and ``osv verify``: the result stages on a folder of EML files.

Thin commands: they read the options, call one service of :mod:`osv.service.result` and print
its report. Exit statuses (docs/result.md):

* ``osv result``: 0 done; 3 a drawing of lots is needed (the report says which, and how to give
  it with ``--lot``); 4 no valid votes at all; 2 invalid input.
* ``osv verify``: 0 everything compared matches; 1 something differs (or the result could not
  be recomputed); 3 the recomputation needs a lot outcome; 2 invalid input.

Every usage error (an unknown option, a malformed value, a missing folder) is one line on
standard error, ``osv: error: …``, with exit status 2, like every other error of ``osv``.
"""

from __future__ import annotations

import datetime as dt
import sys
from enum import StrEnum
from pathlib import Path
from typing import IO, TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperCommand

from osv.cli import context
from osv.cli.eml_commands import MaxBytes, XsdDir
from osv.cli.output import fail, guarded, print_json, progress_bar

if TYPE_CHECKING:
    from eml.safe import Limits
    from eml.xsd import SchemaSet

__all__ = [
    "EXIT_DIFFERS",
    "EXIT_LOTS_REQUIRED",
    "EXIT_NO_VOTES",
    "EXIT_USAGE",
    "OneLineErrors",
    "Stage",
    "result_command",
    "verify_command",
]

EXIT_DIFFERS = 1
EXIT_LOTS_REQUIRED = 3
EXIT_NO_VOTES = 4
EXIT_USAGE = 2


class _OneLineUsageError(typer.BadParameter):
    """A usage error shown as ``osv: error: <message>`` on one line."""

    def format_message(self) -> str:
        return self.message

    def show(self, file: IO[Any] | None = None) -> None:
        print(f"osv: error: {self.message}", file=file or sys.stderr)


class OneLineErrors(TyperCommand):
    """A command whose usage errors (unknown option, bad value) are one line, exit status 2."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        try:
            return super().parse_args(ctx, args)
        except typer.TyperException as error:
            if error.exit_code != EXIT_USAGE:
                raise
            format_message = getattr(error, "format_message", None)
            message = format_message() if callable(format_message) else str(error)
            raise _OneLineUsageError(f"osv {self.name}: {' '.join(message.split())}") from None


class Stage(StrEnum):
    """The committee whose step ``osv result`` performs."""

    HSB = "hsb"
    CSB = "csb"


Folder = Annotated[
    Path, typer.Argument(help="The folder with the EML files of one election.", file_okay=False)
]
Seats = Annotated[
    int | None,
    typer.Option("--seats", min=1, help="Number of seats (required without a 110a)."),
]
Lots = Annotated[
    list[str] | None,
    typer.Option(
        "--lot",
        metavar="KIND:CHOICE[:LIST]",
        help="Outcome of a drawing of lots, in the order asked for (e.g. residual_LR:3).",
    ),
]
Deceased = Annotated[
    list[str] | None,
    typer.Option(
        "--deceased",
        metavar="LIST:CANDIDATE",
        help="A candidate registered as deceased (P 19a), e.g. 2:5.",
    ),
]


def _now() -> dt.datetime:
    """The moment the result is fixed, to the millisecond, without time zone (as EML has it)."""
    now = dt.datetime.now()
    return now.replace(microsecond=now.microsecond // 1000 * 1000)


_StageOption = Annotated[
    Stage, typer.Option("--stage", help="hsb: add up a district; csb: compute the result.")
]
_Out = Annotated[
    Path, typer.Option("--out", help="Folder to write into (default: the current folder).")
]
_Draft = Annotated[
    bool,
    typer.Option(
        "--draft",
        help="csb: compute even from incomplete counts; write only result.txt and "
        "result.json, headed as a draft (CONCEPT), never an EML file or a PDF.",
    ),
]


@guarded
def result_command(
    folder: Folder,
    stage: _StageOption,
    out: _Out = Path("."),
    seats: Seats = None,
    lot: Lots = None,
    deceased: Deceased = None,
    draft: _Draft = False,
    xsd_dir: XsdDir = None,
    max_bytes: MaxBytes = None,
) -> None:
    """Add up a district's counts (--stage hsb) or compute the result (--stage csb).

    hsb: reads the district's municipal counts (510b), checks and adds them up, and writes the
    district count Telling_<EID>_kieskring_<Name>.eml.xml. csb: reads the election definition
    (110a, optional), the candidate lists (230b) and the counts (510b, 510c or 510d), computes
    the seats and the elected candidates, and writes Totaaltelling_<EID>.eml.xml,
    Resultaat_<EID>.eml.xml, result.txt and result.json. Exit status 0 when done, 3 when a
    drawing of lots is needed (nothing but the reports is written; they say which lot), 4 when
    there are no valid votes, 2 on invalid input. Both refuse (exit status 2, one line per
    missing unit, nothing written) when the election definition (110a) in the folder names a
    municipality or kieskring without a count; csb --draft computes anyway and writes only the
    reports. See docs/result.md.
    """
    from osv.service.result.options import parse_deceased, parse_lots

    schemas = context.schemas(xsd_dir)
    limits = context.limits(max_bytes)
    if stage is Stage.HSB:
        _refuse_csb_options(seats=seats, lot=lot, deceased=deceased, draft=draft)
        _hsb(folder, out, schemas, limits)
        return
    from osv.service.result.csb import run_csb

    outcome = run_csb(
        folder,
        out,
        seats=seats,
        lots=parse_lots(lot or []),
        deceased=parse_deceased(deceased or []),
        schemas=schemas,
        limits=limits,
        created=_now(),
        draft=draft,
        progress=progress_bar("Reading the counts"),
    )
    print(outcome.text, end="")
    print(f"Reports written: {', '.join(str(path) for path in outcome.reports)}")
    if outcome.result.status == "lots_required":
        raise fail(
            "a drawing of lots is needed; result.txt and the report above say which and how to "
            "give it with --lot",
            EXIT_LOTS_REQUIRED,
        )
    if outcome.result.status == "no_votes":
        raise fail("there are no valid votes at all, so there is no quota", EXIT_NO_VOTES)


def _refuse_csb_options(
    *, seats: int | None, lot: list[str] | None, deceased: list[str] | None, draft: bool
) -> None:
    """``--stage hsb`` allocates no seats: the options of the CSB's computation are refused."""
    given = [name for name, value in (("--seats", seats), ("--lot", lot)) if value]
    given += ["--deceased"] if deceased else []
    given += ["--draft"] if draft else []
    if given:
        options = ", ".join(given)
        raise fail(
            f"{options} cannot be used with --stage hsb (it allocates no seats and writes "
            "only the district count)"
        )


def _hsb(folder: Path, out: Path, schemas: SchemaSet | None, limits: Limits) -> None:
    from eml.hash import format_digest
    from osv.service.result.formatting import finding_line
    from osv.service.result.hsb import run_hsb
    from osv.service.result.reports import coverage_lines

    outcome = run_hsb(
        folder,
        out,
        schemas=schemas,
        limits=limits,
        created=_now(),
        progress=progress_bar("Reading the counts"),
    )
    number, name = outcome.district
    counts = outcome.counts
    district = f"{number} {name}" if name else number
    print("\n".join(coverage_lines(outcome.coverage)))
    print(
        f"District {district} of {counts.identifier.id}: "
        f"{len(counts.parts)} municipal count(s) added up"
    )
    for source in counts.files:
        print(f"    {source.name}")
        print(f"        SHA-256 {format_digest(source.digest)}")
    if counts.findings:
        print(f"Findings ({len(counts.findings)}; reported, the numbers are not corrected):")
        for finding in counts.findings:
            print(f"    {finding_line(finding)}")
    else:
        print("Findings: no inconsistencies found in the counts.")
    for note in outcome.notes:
        print(f"Note: {note}")
    written = outcome.written
    check = "valid against the official schema" if written.validated else "not validated"
    print(f"Written: {written.path} ({check})")
    print(f"    SHA-256 {format_digest(written.digest)}")
    if outcome.report is not None:
        print(f"Written: {outcome.report} (model O 3, with the hash of the 510c)")


@guarded
def verify_command(
    folder: Folder,
    seats: Seats = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the comparison as JSON.")] = False,
    lot: Lots = None,
    deceased: Deceased = None,
    xsd_dir: XsdDir = None,
    max_bytes: MaxBytes = None,
) -> None:
    """Recompute a published result from the published files in FOLDER and compare.

    Compares votes per list, seats per list and the elected candidates (order of election,
    ranking flag and, with the candidate lists, names). Exit status 0 when everything compared
    matches, 1 when something differs, 3 when the recomputation needs the outcome of a drawing
    of lots (give it with --lot, from the CSB's report), 2 on invalid input. See docs/result.md.
    """
    from osv.service.result.options import parse_deceased, parse_lots
    from osv.service.result.verify import verify
    from osv.service.result.verify_report import verification_json, verification_text

    verification = verify(
        folder,
        seats=seats,
        lots=parse_lots(lot or []),
        deceased=parse_deceased(deceased or []),
        schemas=context.schemas(xsd_dir),
        limits=context.limits(max_bytes),
        progress=progress_bar("Reading the counts"),
    )
    if as_json:
        print_json(verification_json(verification))
    else:
        print(verification_text(verification), end="")
    verdict = verification.verdict
    if verdict == "lots_required":
        raise typer.Exit(EXIT_LOTS_REQUIRED)
    if verdict != "verified":
        raise typer.Exit(EXIT_DIFFERS)
