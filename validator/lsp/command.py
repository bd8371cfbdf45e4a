"""The ``retell-validate lsp`` command; pygls is imported only when it runs (the optional ``[lsp]`` extra)."""

from __future__ import annotations

import sys

import click

INSTALL_HINT = "pip install 'retell-batch-validator[lsp]'"


@click.command("lsp")
@click.option("--stdio", is_flag=True, help="Talk over standard input and output (the default and only transport; editors pass it).")
def lsp(stdio: bool) -> None:
    """Run the language server: diagnostics, quick fixes, hover and completion in your editor."""
    try:
        from validator.lsp.server import serve
    except ImportError as exc:
        if exc.name is None or exc.name.split(".")[0] not in ("pygls", "lsprotocol", "cattrs", "attrs"):
            raise
        click.echo(f"error: the language server needs pygls, which is not installed ({exc.name} is missing).", err=True)
        click.echo(f"install it with: {INSTALL_HINT}", err=True)
        sys.exit(2)
    serve()
