"""The ``osv`` command line.

Every command is thin: it reads its options, calls one function of ``osv.service`` (or of the
pure ``eml`` package for commands that store nothing) and prints the outcome. Errors are one line
on standard error and exit status 2; see :mod:`osv.cli.output`.

Run ``osv --help`` for the list of commands.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from osv import __version__
from osv.cli import (
    audit_commands,
    candidacy_commands,
    checks_commands,
    context,
    db_commands,
    eml_commands,
    export_commands,
    pv_commands,
    result_commands,
    serve_commands,
    show_commands,
)
from osv.cli.output import fail, guarded, print_json, progress_bar

__all__ = ["EXIT_LOTS_REQUIRED", "EXIT_NO_VOTES", "app", "main"]

app = typer.Typer(
    name="osv",
    help="OSV: open-source election results software for Dutch elections.",
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    add_completion=False,
)
app.add_typer(eml_commands.app, name="eml")
app.add_typer(db_commands.app, name="db")
app.add_typer(audit_commands.app, name="audit")
app.add_typer(show_commands.app, name="show")
app.add_typer(pv_commands.app, name="pv")
app.add_typer(export_commands.app, name="export")
app.add_typer(candidacy_commands.app, name="candidacy")
app.command("result", cls=result_commands.OneLineErrors)(result_commands.result_command)
app.command("verify", cls=result_commands.OneLineErrors)(result_commands.verify_command)
app.command("checks")(checks_commands.checks_command)
app.command("serve")(serve_commands.serve_command)
app.add_typer(serve_commands.user_app, name="user")


def _version(value: bool) -> None:
    if value:
        print(f"osv {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version."),
    ] = False,
) -> None:
    """OSV: open-source election results software for Dutch elections."""


@app.command("import")
@guarded
def import_command(
    files: Annotated[list[Path], typer.Argument(help="EML files (110a, 110b, 230b, 510x, 520).")],
    hash_file: Annotated[
        Path | None,
        typer.Option(
            "--hash-file",
            help="A Kiesraad hash file with the hashes of the files (checked in full).",
            exists=True,
            dir_okay=False,
        ),
    ] = None,
    no_hash_check: Annotated[
        bool,
        typer.Option(
            "--no-hash-check",
            help="Skip the integrity-hash check (recorded in the audit log).",
        ),
    ] = False,
    xsd_dir: eml_commands.XsdDir = None,
    max_bytes: eml_commands.MaxBytes = None,
) -> None:
    """Read, check and store EML files in the database, all of them or none.

    The election definition (110a) comes first; candidate lists (230b), polling stations (110b),
    counts (510) and results (520) must belong to a stored election. Importing the same file
    twice changes nothing. For 110a, 230b and 510 files the integrity hash must be checked
    against the paper report: from --hash-file, or by typing two hidden groups when asked.
    """
    from osv.service.bootstrap import unit_of_work_factory
    from osv.service.importing import HashCheck, import_files

    config = context.settings()
    interactive = sys.stdin.isatty()
    check = HashCheck(
        hash_file=hash_file,
        confirm=_ask_groups if interactive else None,
        skip=no_hash_check,
    )
    with unit_of_work_factory(config) as factory:
        outcomes = import_files(
            factory,
            files,
            schemas=context.schemas(xsd_dir, config),
            limits=context.limits(max_bytes, config),
            hash_check=check,
            actor=context.actor(),
            progress=progress_bar("Reading the files") if len(files) > 1 else None,
        )
    for outcome in outcomes:
        state = "imported" if outcome.status == "imported" else "already imported, unchanged"
        print(f"{outcome.path}: EML {outcome.message_type} of {outcome.election}, {state}")
        print(f"    {outcome.summary}")
        print(f"    hash check: {outcome.hash_check}{_AGAINST.get(outcome.hash_check, '')}")
        for note in outcome.notes:
            print(f"    note: {note}")


#: What each hash check compared the file with, for the operator.
_AGAINST = {
    "typed-groups": " (checked against the paper report)",
    "hash-file": " (checked against a hash file, not against paper; its SHA-256 is logged)",
    "skipped": " (not checked; recorded in the audit log)",
}


def _ask_groups(path: Path, masked_hash: str) -> tuple[str, str]:
    """Ask the operator for the two hidden groups of ``path``'s hash, shown as ``masked_hash``."""
    print(f"Integrity hash of {path.name}, with two groups hidden:")
    print(f"    {masked_hash}")
    positions = [i + 1 for i, group in enumerate(masked_hash.split(" ")) if not _is_hex(group)]
    first = typer.prompt(f"Type group {positions[0]} from the paper report")
    second = typer.prompt(f"Type group {positions[1]} from the paper report")
    return first, second


def _is_hex(group: str) -> bool:
    return all(c in "0123456789abcdef" for c in group.lower())


@app.command("demo")
@guarded
def demo_command(
    out: Annotated[Path, typer.Option("--out", help="Folder to write the files into.")] = Path(
        ".osv/demo"
    ),
    seed: Annotated[int, typer.Option("--seed", help="Seed of the generated data.")] = 2026,
    with_counts: Annotated[
        bool, typer.Option("--with-counts", help="Also write a municipal count (510b).")
    ] = False,
    xsd_dir: eml_commands.XsdDir = None,
) -> None:
    """Write the demo election (the fictitious municipality of Vlietdam) as EML files.

    The files are written by OSV's own EML writers, with a Kiesraad-style hash file, and
    validated against the official schemas when a schema folder is configured.
    """
    from osv.service.demo import DEMO_ELECTION_ID, write_demo

    paths = write_demo(out, seed=seed, with_counts=with_counts, schemas=context.schemas(xsd_dir))
    print(f"Demo election {DEMO_ELECTION_ID} written to {out}:")
    for path in paths:
        print(f"    {path.name}")


#: Exit statuses of ``osv allocate`` (a contract, see docs/allocation.md).
EXIT_LOTS_REQUIRED = 3
EXIT_NO_VOTES = 4


@app.command("allocate")
@guarded
def allocate_command(
    file: Annotated[str, typer.Argument(help="The input as JSON, or - for standard input.")],
) -> None:
    """Allocate seats and assign candidates (Kieswet chapter P); print the result as JSON.

    The input and output formats are in docs/allocation.md. Exit status 0 when the result is
    complete, 3 when lots must be drawn (the output says which; run again with the outcome
    added to "lots"), 4 when there are no valid votes at all, 2 on invalid input.
    """
    if file == "-":
        text = sys.stdin.buffer.read()
    else:
        try:
            text = Path(file).read_bytes()
        except OSError as error:
            raise fail(f"{file}: cannot be read ({error.strerror or error})") from None
    from osv.service.formats.allocation_json import allocation_to_json, parse_allocation_input
    from results.allocation import allocate

    allocation = allocate(parse_allocation_input(text))
    print_json(allocation_to_json(allocation))
    if allocation.status == "lots_required":
        raise typer.Exit(EXIT_LOTS_REQUIRED)
    if allocation.status == "no_votes":
        raise typer.Exit(EXIT_NO_VOTES)


def main() -> None:
    """Entry point of the ``osv`` console script."""
    app()
