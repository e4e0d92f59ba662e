"""``osv db ...``: the database schema and backups."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from osv.cli import context
from osv.cli.output import guarded

__all__ = ["app"]

app = typer.Typer(
    help="Manage the database schema; make backups.", no_args_is_help=True, rich_markup_mode=None
)


@app.command("upgrade")
@guarded
def upgrade_command() -> None:
    """Apply all schema migrations to the database (OSV_DATABASE_URL or the SQLite default).

    Make a backup first: a migration changes the tables that hold the election.
    """
    from osv.store.database import open_database  # deferred: keeps other commands fast

    config = context.settings()
    database = open_database(config.database_url)
    try:
        before = database.current_revision()
        database.upgrade()
        after = database.current_revision()
    finally:
        database.close()
    if before == after:
        print(f"The database schema is up to date (revision {after}).")
    else:
        print(f"The database schema was upgraded from {before or 'empty'} to {after}.")


@app.command("status")
@guarded
def status_command() -> None:
    """Show which schema revision the database has and which this OSV needs."""
    from osv.store.database import open_database  # deferred: keeps other commands fast

    config = context.settings()
    database = open_database(config.database_url)
    try:
        print(f"database: {database.safe_url}")
        print(f"revision: {database.current_revision() or 'empty'}")
        print(f"needed:   {database.head_revision()}")
    finally:
        database.close()


@app.command("backup")
@guarded
def backup_command(
    file: Annotated[Path, typer.Argument(help="The new backup file (never overwritten).")],
) -> None:
    """Back up the SQLite database into FILE while OSV runs, then check the copy.

    The copy must have this OSV's schema version and an intact audit log; its path, size and
    SHA-256 are printed and recorded as a ``database.backup`` audit event. For PostgreSQL the
    command prints the pg_dump command to run instead (exit status 2).
    """
    from osv.service.audit_log import backup_database
    from osv.service.bootstrap import unit_of_work_factory

    with unit_of_work_factory(context.settings()) as factory:
        check = backup_database(factory.database, file, actor=context.actor())
    print(f"backup: {check.path}")
    print(f"size:   {check.size} bytes")
    print(f"sha256: {check.sha256}")
    print(f"checked: schema {check.revision}, audit log intact ({check.chain.count} events)")
    print(f"audit head: {check.chain.last_hash} (write it down with the backup)")


@app.command("restore")
@guarded
def restore_command(
    backup: Annotated[
        Path, typer.Argument(help="The backup file (osv db backup), or the pg_dump file.")
    ],
    force: Annotated[
        bool,
        typer.Option(
            "--force",
            help="Restore even when the database has audit events the backup lacks (they are "
            "kept in the copy set aside).",
        ),
    ] = False,
    after_pg_restore: Annotated[
        bool,
        typer.Option(
            "--after-pg-restore",
            help="PostgreSQL: BACKUP was restored into this (new) database with pg_restore; "
            "check it and record the restore.",
        ),
    ] = False,
) -> None:
    """Restore a backup, checked, with the replaced database kept aside (docs/audit.md).

    SQLite: the backup must have this OSV's schema and an intact audit log (chain and content
    hashes); no server (osv serve) may be using the database; a database with audit events the
    backup lacks is only replaced with --force. The database is copied aside as
    <file>.replaced-<time>, the backup copied in, and a database.restored event appended as the
    first event after the restored head. PostgreSQL: restore the pg_dump file with pg_restore
    into a new, empty database, point OSV_DATABASE_URL at it, then run this with
    --after-pg-restore for the same checks and the event.
    """
    from osv.service.restore import record_pg_restore, restore_backup
    from osv.store.database import open_database

    database = open_database(context.settings().database_url)
    try:
        if after_pg_restore:
            outcome = record_pg_restore(database, backup, actor=context.actor())
        else:
            outcome = restore_backup(database, backup, actor=context.actor(), force=force)
    finally:
        database.close()
    if outcome.aside is not None:
        print(f"kept aside: {outcome.aside} ({outcome.replaced_events} audit events)")
    chain = outcome.log.chain
    print(f"restored:   {backup.name}")
    print(f"audit log:  {chain.count} events, last hash {chain.last_hash} (the restore event)")
