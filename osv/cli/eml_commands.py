"""``osv eml ...``: look at EML_NL files without storing anything."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from osv.cli import context
from osv.cli.output import fail, guarded, print_json

if TYPE_CHECKING:
    from eml.xsd import SchemaSet

__all__ = ["app"]

app = typer.Typer(
    help="Inspect, hash and validate EML_NL files (nothing is stored).",
    no_args_is_help=True,
    rich_markup_mode=None,
)

XsdDir = Annotated[
    Path | None,
    typer.Option(
        "--xsd-dir",
        help="Folder with the official EML_NL schemas (default: OSV_EML_XSD_DIR).",
        file_okay=False,
    ),
]
NoSchema = Annotated[
    bool, typer.Option("--no-schema", help="Do not validate against the schemas, even if set.")
]
MaxBytes = Annotated[
    int | None,
    typer.Option("--max-bytes", help="Largest file accepted (default: OSV_EML_MAX_BYTES, 50 MiB)."),
]


def _schemas(xsd_dir: Path | None, no_schema: bool) -> SchemaSet | None:
    return None if no_schema else context.schemas(xsd_dir)


@app.command("inspect")
@guarded
def inspect_command(
    file: Annotated[Path, typer.Argument(help="The EML file.", dir_okay=False)],
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
    xsd_dir: XsdDir = None,
    no_schema: NoSchema = False,
    max_bytes: MaxBytes = None,
) -> None:
    """Show the type, election and a summary of the content of FILE.

    Exit status 0 for a readable file, 2 (with a one-line message) for invalid input.
    """
    from eml.inspect import inspect, summary_text
    from eml.read import read_eml

    result = read_eml(file, schemas=_schemas(xsd_dir, no_schema), limits=context.limits(max_bytes))
    if as_json:
        print_json(inspect(result))
    else:
        print(summary_text(result))


@app.command("hash")
@guarded
def hash_command(
    file: Annotated[Path, typer.Argument(help="The EML file.", exists=True, dir_okay=False)],
    c14n: Annotated[
        bool,
        typer.Option(
            "--c14n", help="Hash the canonical form (C14N with comments), as OSV2020 did."
        ),
    ] = False,
    check: Annotated[
        bool,
        typer.Option(
            "--check",
            help="Show the hash with two groups hidden and ask for them, as at an import.",
        ),
    ] = False,
) -> None:
    """Print the integrity hash of FILE as printed on a process-verbaal (16 groups of 4).

    The hash is SHA-256 over the exact bytes of the file. With --check, two groups are hidden
    and must be typed from the paper report; exit status 0 when they match, 2 otherwise.
    """
    from eml.hash import (
        c14n_digest,
        digest_file,
        format_digest,
        groups_match,
        hidden_groups,
        masked,
    )

    digest = c14n_digest(file.read_bytes(), source=str(file)) if c14n else digest_file(file)
    if not check:
        print(format_digest(digest))
        return
    first, second = hidden_groups(digest)
    print(masked(digest))
    typed = (
        typer.prompt(f"Group {first + 1} of the hash on the paper report"),
        typer.prompt(f"Group {second + 1} of the hash on the paper report"),
    )
    if not groups_match(digest, typed):
        raise fail(f"{file}: the typed groups do not match the hash of this file")
    print("The typed groups match: this is the file behind the paper report.")


@app.command("validate")
@guarded
def validate_command(
    files: Annotated[list[Path], typer.Argument(help="EML files.", dir_okay=False)],
    xsd_dir: XsdDir = None,
    max_bytes: MaxBytes = None,
) -> None:
    """Validate FILES against the official schemas and OSV's own checks.

    Prints one line per file; exit status 0 when every file is valid, 2 otherwise.
    """
    from eml.errors import EmlError
    from eml.read import read_eml

    schemas = context.schemas(xsd_dir)
    if schemas is None:
        raise fail("no schema folder: give --xsd-dir or set OSV_EML_XSD_DIR")
    invalid = 0
    for file in files:
        try:
            result = read_eml(file, schemas=schemas, limits=context.limits(max_bytes))
        except EmlError as error:
            invalid += 1
            print(f"invalid  {error}")
            continue
        print(f"valid    {file}: EML {result.document.message_type.value}")
    if invalid:
        raise typer.Exit(2)
