"""Alembic environment for OSV's schema.

OSV runs migrations itself (:class:`osv.store.database.Database`), passing an open connection in
``config.attributes["connection"]``; the migration then runs inside that connection's
transaction. Without one (for example ``alembic -x`` runs by a developer) it connects to
``sqlalchemy.url``. SQLite gets "batch" mode, which rebuilds a table to alter it.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, create_engine

from osv.store.rows import Base

config = context.config
target_metadata = Base.metadata


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_offline() -> None:
    """Write the SQL instead of running it (``alembic upgrade --sql``)."""
    context.configure(
        url=config.get_main_option("sqlalchemy.url"),
        target_metadata=target_metadata,
        literal_binds=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_online() -> None:
    """Run the migrations on the given connection, or on a new one to ``sqlalchemy.url``."""
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    engine = create_engine(config.get_main_option("sqlalchemy.url") or "")
    try:
        with engine.begin() as new_connection:
            _run(new_connection)
    finally:
        engine.dispose()


if context.is_offline_mode():
    run_offline()
else:
    run_online()
