"""A value fits none of the alternatives a field allows (``oneOf``/``anyOf``).

Why it matters: fields such as ``override_agent_version`` (a non-negative
integer or a tag), ``language`` (a locale or a list of locales) and
``response_engine`` (one of three engine shapes) accept several forms. Rather
than one error per alternative, this rule works out which form was meant (by
the object's ``type`` or the value's JSON type) and reports what is wrong
with that one; for scalars it says in one line what would be accepted.
"""

from collections.abc import Iterator

from jsonschema.exceptions import ValidationError

from validator.diagnostics import Finding, Severity
from validator.document import Issue
from validator.json_values import preview, type_name
from validator.openapi.tools import describe_schema, discriminator_tags, enum_list, error_pointer, field_label, pick_branch
from validator.rules import Example, Explain, Kind

CODE = "RBV107"
NAME = "no-matching-alternative"
SEVERITY = Severity.ERROR
KIND = Kind.SCHEMA
FAILS = Example('"tasks": [{"to_number": "+12137774445", "agent_override": {"agent": {"language": "english"}}}]')
PASSES = Example('"tasks": [{"to_number": "+12137774445", "agent_override": {"agent": {"language": ["en-US", "es-ES"]}}}]')
KEYWORDS = ("oneOf", "anyOf")


def describe(error: ValidationError, explain: Explain) -> Iterator[Finding | Issue]:
    branches = error.validator_value
    instance = error.instance
    pointer = error_pointer(error)
    if not error.context:  # oneOf matched more than one alternative
        yield Finding(pointer, f"{field_label(error)} matches more than one allowed form; make it unambiguous")
        return
    index = pick_branch(instance, branches)
    if index is not None and isinstance(instance, (dict, list)):
        for sub in error.context:
            if sub.relative_schema_path and sub.relative_schema_path[0] == index:
                yield from explain(sub)
        return
    if isinstance(instance, dict) and all(discriminator_tags(b) is not None for b in branches):
        tags = sorted({t for b in branches for t in (discriminator_tags(b) or ())}, key=str)
        if "type" not in instance:
            yield Finding(pointer, f"{field_label(error)} needs a `type`: one of {enum_list(tags)}")
        else:
            yield Finding(pointer + "/type", f"`type` must be one of {enum_list(tags)}, found {preview(instance['type'])}")
        return
    if index is not None:
        inner = [sub for sub in error.context if sub.relative_schema_path and sub.relative_schema_path[0] == index]
        if len(inner) == 1 and inner[0].validator in KEYWORDS:
            yield from explain(inner[0])  # a nested choice (e.g. a locale or `multi`)
            return
    yield Finding(
        pointer,
        f"{field_label(error)} must be {describe_schema({'oneOf': branches})}, found {type_name(instance)} {preview(instance)}",
    )
