"""``osv db ...``: the database schema."""

from __future__ import annotations

import typer

from osv.cli import context
from osv.cli.output import guarded

__all__ = ["app"]

app = typer.Typer(help="Manage the database schema.", no_args_is_help=True, rich_markup_mode=None)


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
