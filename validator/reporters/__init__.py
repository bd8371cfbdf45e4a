"""Reporters turn reports into text for a person or a machine. They only format.

Each module defines ``NAME`` and ``render(reports, options) -> str``; the
table below maps ``--format`` names to modules, imported only when used.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from validator.diagnostics import Report

FORMATS = {
    "text": "validator.reporters.text",
    "json": "validator.reporters.json_format",
}


@dataclass(frozen=True)
class RenderOptions:
    color: bool = False
    show_hints: bool = True
    quiet: bool = False


Renderer = Callable[[Sequence[Report], RenderOptions], str]


def get_renderer(name: str) -> Renderer:
    module = importlib.import_module(FORMATS[name])
    render: Renderer = module.render
    return render
