"""``osv audit ...``: the audit log's integrity."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from osv.cli import context
from osv.cli.output import fail, guarded, print_json

if TYPE_CHECKING:
    from osv.store.audit import LogReport

__all__ = ["EXIT_BROKEN", "app"]

app = typer.Typer(help="Check the audit log.", no_args_is_help=True, rich_markup_mode=None)

#: Exit status of ``osv audit verify`` when the hash chain is broken (2: database problems).
EXIT_BROKEN = 1


@app.command("verify")
@guarded
def verify_command(
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
    head: Annotated[
        str | None,
        typer.Option(
            "--head",
            help="A last hash noted down earlier (64 hex characters, groups of 4 allowed); "
            "exit 1 when no event carries it.",
        ),
    ] = None,
) -> None:
    """Verify the audit log: its hash chain and the counted data it recorded (docs/audit.md).

    Exit status 0 when every event's hash follows from the one before, every object of counted
    data (imported file, entry, session, stage file, publication, ...) is stored as the log
    recorded it last and, with --head, an event carries the noted hash; 1 when not (one line
    names the first broken event, the first object that differs, or the missing head); 2 when
    the database cannot be used. Note the last hash: it fixes the whole log so far, also
    against removing the last events.
    """
    from osv.service.audit_log import verify_audit_log
    from osv.service.bootstrap import unit_of_work_factory
    from osv.store.audit import normalise_head

    noted = None
    if head is not None:
        noted = normalise_head(head)
        if noted is None:
            raise fail(f"--head {head!r} is not a SHA-256 hash (64 hexadecimal characters)")
    with unit_of_work_factory(context.settings()) as factory:
        report = verify_audit_log(factory, head=noted)
    if as_json:
        print_json(report.to_json())
    else:
        for line in _lines(report):
            print(line)
    if not report.ok:
        raise typer.Exit(EXIT_BROKEN)


def _lines(report: LogReport) -> list[str]:
    """The report in plain lines: the chain first, then the content, then the head."""
    chain = report.chain
    if chain.broken is not None:
        return [f"audit log broken: {chain.broken.reason}"]
    last = f", last hash {chain.last_hash} (event {chain.last_id})" if chain.count else ""
    lines = [f"audit log intact: {chain.count} events{last}"]
    content = report.content
    if content is not None and content.findings:
        more = len(content.findings) - 1
        others = f" (and {more} more)" if more else ""
        lines.append(f"content differs: {content.findings[0].reason}{others}")
    elif content is not None:
        lines.append(f"content intact: {content.objects} objects as the log recorded them")
    if report.head is not None:
        if report.head.found:
            lines.append(
                f"head {report.head.hash} is event {report.head.event_id} "
                f"({report.head.position} events before it)"
            )
        else:
            lines.append(
                f"head missing: no event has hash {report.head.hash}; the log has "
                f"{chain.count} events now: events after it were removed, or the log was "
                "replaced"
            )
    return lines
