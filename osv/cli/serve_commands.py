"""``osv serve``: the web interface, and ``osv user``: accounts from the command line."""

from __future__ import annotations

import ipaddress
import sys
from pathlib import Path
from typing import Annotated

import typer

from osv.cli import context
from osv.cli.output import fail, guarded

__all__ = ["serve_command", "user_app"]

user_app = typer.Typer(help="Users of the web interface.", no_args_is_help=True)


def _loopback(host: str) -> bool:
    """Whether ``host`` only listens on this computer (127.0.0.0/8, ::1, localhost)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


#: The options of ``osv serve``.
_TlsCert = Annotated[
    Path | None,
    typer.Option(
        "--tls-cert",
        help="Serve HTTPS with this certificate (PEM; the chain after it).",
        exists=True,
        dir_okay=False,
    ),
]
_TlsKey = Annotated[
    Path | None,
    typer.Option(
        "--tls-key", help="The certificate's private key (PEM).", exists=True, dir_okay=False
    ),
]
_ProxyHeaders = Annotated[
    bool,
    typer.Option(
        "--proxy-headers",
        help="Behind a reverse proxy that terminates TLS: take the client's address and "
        "https from its X-Forwarded-For and X-Forwarded-Proto headers.",
    ),
]
_ForwardedAllowIps = Annotated[
    str,
    typer.Option(
        "--forwarded-allow-ips",
        help="With --proxy-headers: the proxy's addresses (comma-separated) whose "
        "forwarded headers are trusted.",
    ),
]


@guarded
def serve_command(
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 8000,
    tls_cert: _TlsCert = None,
    tls_key: _TlsKey = None,
    proxy_headers: _ProxyHeaders = False,
    forwarded_allow_ips: _ForwardedAllowIps = "127.0.0.1",
) -> None:
    """Serve the web interface (creates the first administrator when there are no users).

    On a network, serve it over TLS: --tls-cert and --tls-key, or a reverse proxy that
    terminates TLS with --proxy-headers --forwarded-allow-ips PROXY (docs/ui.md, "On a
    network"). Without TLS on an address other than loopback OSV warns: passwords and session
    cookies would travel in clear text.
    """
    import uvicorn

    from osv.store.presence import serving
    from ui.app import create_app

    if (tls_cert is None) != (tls_key is None):
        raise fail("give both --tls-cert and --tls-key, or neither")
    tls = tls_cert is not None
    if not tls and not _loopback(host):
        print(
            f"osv: warning: serving without TLS on {host}: passwords and session cookies "
            "travel in clear text on the network. Use --tls-cert and --tls-key, or a reverse "
            "proxy with TLS in front of OSV listening on 127.0.0.1 (docs/ui.md).",
            file=sys.stderr,
        )
    app = create_app(context.settings())
    address = f"{'https' if tls else 'http'}://{host}:{port}"
    _greet(address, app.state.osv.first_password, forwarded_allow_ips if proxy_headers else None)
    with serving(app.state.osv.factory.database):
        uvicorn.run(
            app,
            host=host,
            port=port,
            log_level="warning",
            ssl_certfile=str(tls_cert) if tls_cert else None,
            ssl_keyfile=str(tls_key) if tls_key else None,
            proxy_headers=proxy_headers,
            forwarded_allow_ips=forwarded_allow_ips if proxy_headers else None,
            server_header=False,
        )


def _greet(address: str, password: str | None, forwarded_from: str | None) -> None:
    """Where the web interface is, whom a proxy is trusted from, and how to log in."""
    print(f"OSV web interface on {address}")
    if forwarded_from is not None:
        print(f"Behind a reverse proxy: forwarded headers trusted from {forwarded_from}")
    if password:
        print("First start: a user 'beheerder' (administrator) was created.")
        print(f"    user name: beheerder    password: {password}")
        print("    (shown only now; 'osv user password beheerder' sets a new one)")
    else:
        print("Log in with your user name; 'osv user create NAME --role ROLE' adds users.")


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
