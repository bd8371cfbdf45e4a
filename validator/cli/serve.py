"""``retell-validate serve``: the web page for the person who launches the campaign, on this machine.

It listens on 127.0.0.1 (``--port``, default 8321; 0 picks a free port), prints the page's address
and opens it in the browser unless ``--no-browser``. Any other ``--host`` listens beyond this
machine: it needs ``--allow-remote``, prints a warning and an access token, and the page and the
API then require the token. The settings options (``--config``, ``--now``, ``--calling-hours``,
``--dnc`` …) and the configuration nearest the current directory are what every check starts
from; the page's options apply over them. Needs the ``[web]`` extra. Exit 0 when stopped with
Ctrl-C (SIGTERM ends it as it ends any process), 2 on a usage error or when the address cannot be had.
"""

from __future__ import annotations

import os
import sys
import threading
import webbrowser
from pathlib import Path
from typing import NoReturn

import click

from validator.cli.options import configured
from validator.cli.spec import spec_option
from validator.config import ConfigError, ConfigFinder, Overrides, configured_spec
from validator.dnc.layout import DncIndexError, read_header
from validator.openapi.load import Spec, SpecError
from validator.options import DNC, LOCATION_COLUMNS

EXIT_USAGE = 2
DEFAULT_PORT = 8321
INSTALL_HINT = "pip install 'retell-batch-validator[web]'"


@click.command("serve")
@click.option(
    "--host", default="127.0.0.1", show_default=True, help="The address to listen on; another than this machine's needs --allow-remote."
)
@click.option("--port", type=click.IntRange(0, 65535), default=DEFAULT_PORT, show_default=True, help="The port (0: a free one).")
@click.option("--no-browser", is_flag=True, help="Print the address only; do not open it in a browser.")
@click.option(
    "--allow-remote",
    is_flag=True,
    help="Listen on a --host other machines can reach; every request then needs the access token printed at start.",
)
@configured(LOCATION_COLUMNS, DNC)
@spec_option
def serve(host: str, port: int, no_browser: bool, allow_remote: bool, spec: Spec | None, given: Overrides) -> None:
    """Serve a page to check a contact list or payload, see when phones would ring, and download the fixed file and the parts."""
    try:
        from validator.web.server import is_loopback, listen, serve_page
    except ImportError as exc:
        missing = (exc.name or "").split(".")[0]
        if missing not in ("starlette", "uvicorn", "python_multipart", "anyio", "h11"):
            raise
        _fail(f"the page needs the web extra, which is not installed ({missing} is missing); install it with: {INSTALL_HINT}")
    if not is_loopback(host) and not allow_remote:
        raise click.UsageError(
            f"--host {host} listens beyond this machine, where others could reach the page: add --allow-remote "
            "(every request then needs the access token printed at start), or leave --host out"
        )
    try:
        for index in given.get(DNC) or ():
            read_header(index)  # a list that cannot be used is a usage error before anything is served
        config = ConfigFinder.given(given).for_path(Path.cwd())
        settings = config.settings_for(None, given)
        spec = spec or configured_spec(config)
    except (ConfigError, SpecError, DncIndexError) as exc:
        _fail(str(exc))
    try:
        listening = listen(host, port)
    except OSError as exc:
        _fail(f"cannot listen on {host} port {port}: {exc.strerror or exc} (choose another with --port, or --port 0 for a free one)")
    if listening.token is not None:
        click.echo(
            f"warning: listening on {host} port {listening.port}, beyond this machine: anyone who can reach it with the token "
            "can upload files to it and read what it answers",
            err=True,
        )
        click.echo(
            f"access token: {listening.token} (the page asks for it; scripts send the header 'Authorization: Bearer {listening.token}')"
        )
    click.echo(f"serving the page at {listening.address}")
    click.echo("Files go only to this server, which keeps none of them. Ctrl-C stops it.")
    sys.stdout.flush()
    if not no_browser and not _open_browser(listening.address):
        click.echo("(no browser to open here: open the address above in yours)")
    serve_page(listening, settings, spec)


def _open_browser(address: str) -> bool:
    """Open the page in a browser beside the server; ``False`` where there is no screen (a text browser would take the terminal)."""
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        return False
    threading.Thread(target=webbrowser.open, args=(address,), daemon=True).start()
    return True


def _fail(message: str) -> NoReturn:
    click.echo(f"error: {message}", err=True)
    sys.exit(EXIT_USAGE)
