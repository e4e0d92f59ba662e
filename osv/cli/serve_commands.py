"""``osv serve``: the web interface, and ``osv user``: accounts from the command line."""

from __future__ import annotations

from typing import Annotated

import typer

from osv.cli import context
from osv.cli.output import guarded

__all__ = ["serve_command", "user_app"]

user_app = typer.Typer(help="Users of the web interface.", no_args_is_help=True)


@guarded
def serve_command(
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 8000,
) -> None:
    """Serve the web interface (creates the first administrator when there are no users)."""
    import uvicorn

    from ui.app import create_app

    app = create_app(context.settings())
    password = app.state.osv.first_password
    print(f"OSV web interface on http://{host}:{port}")
    if password:
        print("First start: a user 'beheerder' (administrator) was created.")
        print(f"    user name: beheerder    password: {password}")
        print("    (shown only now; 'osv user password beheerder' sets a new one)")
    else:
        print("Log in with your user name; 'osv user create NAME --role ROLE' adds users.")
    uvicorn.run(app, host=host, port=port, log_level="warning")


@user_app.command("create")
@guarded
def create_command(
    name: Annotated[str, typer.Argument(help="The user name.")],
    role: Annotated[
        str,
        typer.Option(
            "--role",
            help="administrator, coordinator_gsb, "
            "coordinator_hsb, coordinator_csb, typist_gsb, "
            "typist_csb or observer.",
        ),
    ] = "administrator",
    password: Annotated[
        str | None, typer.Option("--password", help="The password (asked when not given).")
    ] = None,
) -> None:
    """Create a user of the web interface."""
    from osv.service.bootstrap import unit_of_work_factory
    from osv.service.users import create_user

    secret = password or typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    with unit_of_work_factory(context.settings()) as factory:
        create_user(factory, name, secret, role, context.actor())
    print(f"user {name} ({role}) created")


@user_app.command("password")
@guarded
def password_command(
    name: Annotated[str, typer.Argument(help="The user name.")],
    password: Annotated[
        str | None, typer.Option("--password", help="The new password (asked when not given).")
    ] = None,
) -> None:
    """Set a new password for a user (their sessions end)."""
    from osv.service.bootstrap import unit_of_work_factory
    from osv.service.users import set_password

    secret = password or typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    with unit_of_work_factory(context.settings()) as factory:
        set_password(factory, name, secret, context.actor())
    print(f"password of {name} changed")
