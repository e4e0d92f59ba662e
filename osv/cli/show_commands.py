"""``osv show ...``: what is stored, as plain tables (or JSON with ``--json``)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from typing import Annotated, Any, TypeVar

import typer

from osv.cli import context
from osv.cli.output import guarded, print_json, table

__all__ = ["app"]

T = TypeVar("T")

app = typer.Typer(
    help="Show what is stored: elections, lists, candidates, polling stations, the audit log.",
    no_args_is_help=True,
    rich_markup_mode=None,
)

Election = Annotated[
    str | None,
    typer.Option(
        "--election",
        help="The election identifier (e.g. GR2026_Vlietdam); needed when several are stored.",
    ),
]
AsJson = Annotated[bool, typer.Option("--json", help="Print the rows as JSON.")]


def _jsonable(rows: list[Any]) -> list[dict[str, Any]]:
    def plain(value: object) -> object:
        if isinstance(value, (dt.date, dt.datetime)):
            return value.isoformat()
        if isinstance(value, dict):
            return {key: plain(item) for key, item in value.items()}
        return value

    return [{k: plain(v) for k, v in dataclasses.asdict(row).items()} for row in rows]


def _queries() -> Any:
    from osv.service import queries

    return queries


def _query(query: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """Run one read query against the configured database and close it again."""
    from osv.service.bootstrap import unit_of_work_factory  # deferred: keeps startup fast

    with unit_of_work_factory(context.settings()) as factory:
        return query(factory, *args, **kwargs)


@app.command("elections")
@guarded
def elections_command(as_json: AsJson = False) -> None:
    """The stored elections with their seats, lists, candidates and polling stations."""
    rows = _query(_queries().elections)
    if as_json:
        print_json(_jsonable(rows))
        return
    if not rows:
        print("No elections are stored yet: import an election definition (110a) first.")
        return
    print(
        table(
            [
                "Election",
                "Name",
                "Type",
                "Date",
                "Seats",
                "Lists",
                "Candidates",
                "Stations",
                "Counts",
            ],
            [
                [
                    r.eid,
                    r.name or "",
                    r.subcategory or r.category,
                    r.election_date.isoformat(),
                    r.seats,
                    r.lists,
                    r.candidates,
                    r.polling_stations,
                    r.count_files,
                ]
                for r in rows
            ],
            numeric=(4, 5, 6, 7, 8),
        )
    )


@app.command("lists")
@guarded
def lists_command(election: Election = None, as_json: AsJson = False) -> None:
    """The candidate lists of an election with their number of candidates."""
    rows = _query(_queries().lists, election)
    if as_json:
        print_json(_jsonable(rows))
        return
    print(
        table(
            ["District", "List", "Name", "Type", "Candidates"],
            [
                [r.contest_id, r.number, r.name or "(blanco lijst)", r.type or "", r.candidates]
                for r in rows
            ],
            numeric=(1, 4),
        )
    )


@app.command("candidates")
@guarded
def candidates_command(
    election: Election = None,
    list_number: Annotated[
        int | None, typer.Option("--list", help="Only the candidates of this list number.")
    ] = None,
    as_json: AsJson = False,
) -> None:
    """The candidates of an election, per list, in list order."""
    rows = _query(_queries().candidates, election, list_number)
    if as_json:
        print_json(_jsonable(rows))
        return
    print(
        table(
            ["District", "List", "No.", "Name", "Gender", "Locality"],
            [
                [
                    r.contest_id,
                    r.list_number,
                    r.number,
                    _name(r.initials, r.first_name, r.prefix, r.last_name),
                    r.gender or "",
                    r.locality or ""
                    if not r.country_code
                    else f"{r.locality or ''} ({r.country_code})",
                ]
                for r in rows
            ],
            numeric=(1, 2),
        )
    )


def _name(initials: str, first: str | None, prefix: str | None, last: str) -> str:
    text = " ".join(part for part in (last + ",", initials, prefix or "") if part).rstrip(",")
    return f"{text} ({first})" if first else text


@app.command("polling-stations")
@guarded
def polling_stations_command(election: Election = None, as_json: AsJson = False) -> None:
    """The polling stations of an election with their kind and number of voters."""
    rows = _query(_queries().polling_stations, election)
    if as_json:
        print_json(_jsonable(rows))
        return
    print(
        table(
            ["Municipality", "No.", "Name", "Postal code", "Kind", "Voters"],
            [
                [
                    r.municipality_name or r.municipality_code,
                    r.number,
                    r.name,
                    r.postal_code or "",
                    r.type or "",
                    "" if r.number_of_voters is None else r.number_of_voters,
                ]
                for r in rows
            ],
            numeric=(1, 5),
        )
    )


@app.command("audit")
@guarded
def audit_command(
    election: Election = None,
    last: Annotated[int | None, typer.Option("--last", help="Only the last N events.")] = None,
    as_json: AsJson = False,
) -> None:
    """The audit log (append-only), oldest first."""
    rows = _query(_queries().audit_events, election, limit=last)
    if as_json:
        print_json(_jsonable(rows))
        return
    print(
        table(
            ["#", "When (UTC)", "Actor", "Event", "Election", "Details"],
            [
                [
                    r.id,
                    r.at.isoformat(timespec="seconds") if r.at else "",
                    r.actor,
                    r.event,
                    r.election or "",
                    ", ".join(
                        f"{k}={v}"
                        for k, v in sorted(r.data.items())
                        if k not in ("sha256", "path", "content")
                    ),
                ]
                for r in rows
            ],
            numeric=(0,),
        )
    )
