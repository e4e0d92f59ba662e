"""``osv audit ...``: the audit log's integrity."""

from __future__ import annotations

from typing import Annotated

import typer

from osv.cli import context
from osv.cli.output import guarded, print_json

__all__ = ["EXIT_BROKEN", "app"]

app = typer.Typer(help="Check the audit log.", no_args_is_help=True, rich_markup_mode=None)

#: Exit status of ``osv audit verify`` when the hash chain is broken (2: database problems).
EXIT_BROKEN = 1


@app.command("verify")
@guarded
def verify_command(
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
) -> None:
    """Verify the audit log's hash chain (docs/audit.md).

    Exit status 0 when every event's hash follows from the one before, 1 when the chain is
    broken (the line names the first broken event), 2 when the database cannot be used.
    Note the last hash: it fixes the whole log so far, also against removing the last events.
    """
    from osv.service.audit_log import verify_audit_log
    from osv.service.bootstrap import unit_of_work_factory

    with unit_of_work_factory(context.settings()) as factory:
        report = verify_audit_log(factory)
    if as_json:
        print_json(report.to_json())
    elif report.broken is None:
        last = f", last hash {report.last_hash} (event {report.last_id})" if report.count else ""
        print(f"audit log intact: {report.count} events{last}")
    else:
        print(f"audit log broken: {report.broken.reason}")
    if report.broken is not None:
        raise typer.Exit(EXIT_BROKEN)
