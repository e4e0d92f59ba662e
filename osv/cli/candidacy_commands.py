"""``osv candidacy``: check, number and publish candidate lists (docs/candidacy.md).

Exit statuses: 0 done (``check``: no finding invalidates a list or strikes a candidate or
name), 1 (``check``) a finding does so unless repaired, 2 invalid input, 3 a lot must be drawn
before the lists can be numbered (the software never draws).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer

from osv.cli import context
from osv.cli.eml_commands import XsdDir
from osv.cli.output import guarded, print_json, table
from osv.errors import InvariantError

__all__ = ["EXIT_FINDINGS", "EXIT_LOTS_REQUIRED", "app"]

#: ``check``: some finding, unrepaired, invalidates a list or strikes a candidate or name.
EXIT_FINDINGS = 1
#: ``number`` / ``export``: a lot must be drawn first.
EXIT_LOTS_REQUIRED = 3

app = typer.Typer(
    help="Candidacy: check, number and publish candidate lists.", no_args_is_help=True
)

ListsFile = Annotated[
    list[Path],
    typer.Argument(
        metavar="FILE...",
        help="The submitted lists: CSV (one row per candidate), nomination files (EML 210, "
        "one list each) or a 230b.",
    ),
]
ElectionFile = Annotated[
    Path,
    typer.Option(
        "--election", help="The election file (JSON): identity, seats, register, lot outcomes."
    ),
]
Lots = Annotated[
    list[str] | None,
    typer.Option("--lot", help="A lot outcome: the keys in the order drawn, separated by ';'."),
]
Json = Annotated[bool, typer.Option("--json", help="Print JSON instead of text.")]
Departures = Annotated[
    Path | None,
    typer.Option(
        "--departures",
        "--decisions",
        help="A decisions file (JSON, the shape the web pages store): the omissions repaired "
        "in time, lot outcomes, where the CSB departs from the proposed decisions (per "
        "finding, with the reason) and the time written into the files (docs/candidacy.md).",
    ),
]


def _print_lots(required: object, as_json: bool) -> None:
    from candidacy import LotsRequired
    from osv.service.candidacy.files import lots_json

    if not isinstance(required, LotsRequired):
        raise InvariantError("lots are reported for a numbering that requires none")
    if as_json:
        print_json(lots_json(required))
        return
    for lot in required.lots:
        print(
            f"lot required ({lot.reason.value}) for numbers {lot.first_number} to "
            f"{lot.first_number + len(lot.among) - 1} among: {'; '.join(lot.among)}"
        )


@app.command("check")
@guarded
def check_command(lists_file: ListsFile, election: ElectionFile, as_json: Json = False) -> None:
    """The findings of the examination of the lists, with article and consequence."""
    from candidacy import check_lists
    from osv.service.candidacy.files import check_json, findings_block, load_lists, load_setup

    setup = load_setup(election)
    lists = load_lists(lists_file, setup)
    findings = check_lists(lists, setup.register_by_name(), setup.rules())
    if as_json:
        print_json(check_json(lists, findings))
    else:
        print(f"{len(lists)} lists, {len(findings)} findings")
        if findings:
            rows = [
                [
                    f.code.value,
                    f.list_key,
                    f.position or "",
                    f.consequence.value
                    + (f" -> {f.if_not_repaired.value}" if f.if_not_repaired else ""),
                    f.article,
                    f.text_en,
                ]
                for f in findings
            ]
            print(table(["Code", "List", "Pos", "Consequence", "Article", "Finding"], rows))
    if findings_block(findings):
        raise typer.Exit(EXIT_FINDINGS)


@app.command("number")
@guarded
def number_command(
    lists_file: ListsFile,
    election: ElectionFile,
    lot: Lots = None,
    as_json: Json = False,
    departures: Departures = None,
) -> None:
    """Number the lists as accepted (after the CSB's decisions), or say which lot to draw."""
    from candidacy import LotsRequired, number_lists
    from osv.service.candidacy.decisions import Decisions, load_decisions, resolve_decisions
    from osv.service.candidacy.files import accepted_lists, load_lists, load_setup, numbering_json

    setup = load_setup(election)
    decided = load_decisions(departures) if departures is not None else Decisions()
    lists = load_lists(lists_file, setup)
    repaired, lots = resolve_decisions(lists, setup, decided, lot or ())
    _, _, accepted = accepted_lists(lists, setup, repaired, departures=decided.departures)
    numbered = number_lists(accepted, setup.register_by_name(), setup.lot_outcomes(lots))
    if isinstance(numbered, LotsRequired):
        _print_lots(numbered, as_json)
        raise typer.Exit(EXIT_LOTS_REQUIRED)
    result = numbering_json(accepted, numbered)
    if as_json:
        print_json(result)
        return
    rows = [
        [r["number"], r["party_name"] or "(blanco)", ", ".join(r["districts"])]
        for r in result["numbers"]
    ]
    print(table(["Nr", "Party name", "Districts"], rows, numeric=(0,)))


@app.command("export")
@guarded
def export_command(
    lists_file: ListsFile,
    election: ElectionFile,
    out: Annotated[Path, typer.Option("--out", help="The folder to write into.")] = Path("."),
    lot: Lots = None,
    xsd_dir: XsdDir = None,
    departures: Departures = None,
) -> None:
    """Write the accepted lists as 230b per district and the session's report (Model I 4)."""
    from candidacy import LotsRequired
    from osv.service.candidacy.decisions import Decisions, load_decisions, resolve_decisions
    from osv.service.candidacy.files import load_lists, load_setup, publish, write_report

    setup = load_setup(election)
    lists = load_lists(lists_file, setup)
    decided = load_decisions(departures) if departures is not None else Decisions()
    repaired, lots = resolve_decisions(lists, setup, decided, lot or ())
    schemas = context.schemas(xsd_dir)
    # A decisions file of the pages gives the time of their publication: the same files.
    created = decided.created or dt.datetime.now().replace(microsecond=0)
    result = publish(
        lists,
        setup,
        out,
        lots=lots,
        created=created,
        schemas=schemas,
        repaired=repaired,
        departures=decided.departures,
    )
    if isinstance(result, LotsRequired):
        _print_lots(result, as_json=False)
        raise typer.Exit(EXIT_LOTS_REQUIRED)
    report = write_report(lists, setup, result, out, created)
    for path, digest in result.files:
        print(f"{path}: {digest}")
    print(f"{report}: model I 4")
