"""The ``error:`` lines the commands print: one line each, whatever the paths, URLs and values in them hold.

A file name can hold a terminal escape (``ESC ] 0 ;`` retitles the terminal), a carriage return
that overwrites the line, or a line break followed by ``::error file=…::`` that GitHub Actions
would read as a workflow command of its own. Every control and bidi character of a message is
written as ``\\uXXXX``, as the reporters write what comes from the input.
"""

from __future__ import annotations

import click

from validator.escape import visible


def echo_error(message: str) -> None:
    """``error: MESSAGE`` on standard error, on one line."""
    click.echo(f"error: {visible(message)}", err=True)
