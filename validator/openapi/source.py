"""Which OpenAPI document a run checked against: named by ``spec info`` and recorded in the JSON and SARIF reports.

A spec file says where it came from in a first-line comment, ``# source: URL``:
``spec fetch`` writes it, and the bundled snapshot carries it too, so a fetched
copy of an unchanged page is byte-identical to the bundled file.
"""

from __future__ import annotations

from dataclasses import dataclass

from validator.openapi.load import Spec, bundled_spec_path

SOURCE_COMMENT = "# source: "


@dataclass(frozen=True)
class SpecSource:
    """``source`` is ``"bundled"`` or the file's path; ``origin`` the address it was taken from, when the file says."""

    source: str
    title: str
    version: str
    sha256: str
    origin: str | None

    @property
    def bundled(self) -> bool:
        return self.source == "bundled"

    def to_dict(self) -> dict[str, str | None]:
        return {"source": self.source, "title": self.title, "version": self.version, "sha256": self.sha256, "origin": self.origin}

    def describe(self) -> str:
        """``bundled snapshot of URL`` or ``file PATH (from URL)``."""
        if self.bundled:
            return f"bundled snapshot of {self.origin}" if self.origin else "bundled snapshot"
        return f"file {self.source}" + (f" (from {self.origin})" if self.origin else "")


def describe_spec(spec: Spec) -> SpecSource:
    source = "bundled" if spec.path == bundled_spec_path() else str(spec.path)
    return SpecSource(source, spec.title, spec.version, spec.sha256, origin_of(spec.text))


def origin_of(text: str) -> str | None:
    """The address in a first-line ``# source: URL`` comment."""
    first = text.split("\n", 1)[0].rstrip("\r")
    origin = first.removeprefix(SOURCE_COMMENT).strip() if first.startswith(SOURCE_COMMENT) else ""
    return origin or None


def source_header(url: str) -> str:
    return f"{SOURCE_COMMENT}{url}\n"
