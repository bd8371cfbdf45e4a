"""Tables that the spec does not hold (voice providers, zone abbreviations, calling hours).

Each table is one YAML file in ``validator/knowledge/data/``, read once per process.
Data that the spec does hold (enums, ranges) is read from the spec instead.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml


@cache  # process-wide: the package's own data files, read once each
def load_table(name: str) -> Any:
    """``load_table("voice_providers")`` → the parsed ``validator/knowledge/data/voice_providers.yaml``."""
    text = (resources.files("validator.knowledge") / "data" / f"{name}.yaml").read_text(encoding="utf-8")
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
