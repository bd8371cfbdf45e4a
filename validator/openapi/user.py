"""A newer OpenAPI document the user saved (``--spec PATH``): validated, then loaded like the bundled one.

openapi-spec-validator is imported only here and only for ``--spec``: its
import costs about 0.2 s, which the normal check path must not pay.
"""

from __future__ import annotations

from pathlib import Path

from validator.openapi.load import Spec, SpecError, load_spec, per_spec


def load_user_spec(path: str | Path | None) -> Spec:
    """The bundled spec when ``path`` is None, else the document at ``path`` after an OpenAPI validity check."""
    spec = load_spec(path)
    if path is not None:
        _validate_openapi(spec)
    return spec


@per_spec  # once per loaded document (a guarded client checks many batches)
def _validate_openapi(spec: Spec) -> None:
    from jsonschema.exceptions import ValidationError
    from openapi_spec_validator import validate

    try:
        validate(dict(spec.openapi))
    except ValidationError as exc:
        where = "/".join(str(part) for part in exc.absolute_path) or "the document root"
        raise SpecError(f"spec {spec.path} is not a valid OpenAPI document: at {where}: {exc.message.splitlines()[0]}") from None
    except Exception as exc:  # unknown OpenAPI version, unresolvable $ref …: the spec is unusable either way
        raise SpecError(f"spec {spec.path} is not a valid OpenAPI document: {type(exc).__name__}: {exc}") from None
