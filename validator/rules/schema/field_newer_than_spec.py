"""A key the bundled spec does not define where it is written, but the installed Retell SDK does.

Why it matters: Retell adds fields (inside ``agent_override`` above all) before the
spec bundled with this tool knows them; the official SDK, generated from Retell's
current spec, declares and sends them, and the server reads them. Such a key is not
"unknown" (RBV111's warning): this says the bundled spec is older than the SDK and
how to check against a current one (``retell-validate spec fetch``, then ``--spec``).

The SDK's request types (``retell/types/batch_call_create_batch_call_params.py``)
are read as source, never imported; without ``retell-sdk`` installed the key stays
RBV111's.
"""

from collections.abc import Iterator

from validator.context import Context
from validator.diagnostics import Finding, Severity
from validator.json_values import quote
from validator.knowledge.sdk import sdk_fields
from validator.rules import Example, Kind
from validator.rules.schema._fields import unknown_keys

CODE = "RBV113"
NAME = "field-newer-than-spec"
SEVERITY = Severity.INFO
KIND = Kind.DOCUMENT
FAILS = Example(
    '"tasks": [{"to_number": "+12137774445", "agent_override": {"agent": {"enable_dnc_detection": true}}}]',
    note="with retell-sdk 6.2 installed (the `retell` extra)",
)
PASSES = Example('"tasks": [{"to_number": "+12137774445", "agent_override": {"agent": {"enable_backchannel": true}}}]')
# The unknown-key warning (and a closed object's error) at the same key.
SUPERSEDES = ("RBV111", "RBV110")


def check(ctx: Context) -> Iterator[Finding]:
    found = unknown_keys(ctx)
    fields = sdk_fields() if found else None  # the SDK's source is read only when a key is unknown
    if fields is None:
        return
    spec = f"the spec in use (version {ctx.spec.version})" if ctx.spec.version else "the spec in use"
    for unknown in found:
        if fields.declares(unknown.template, unknown.key):
            where = (
                "at the top level" if not unknown.template else f"in {unknown.template.strip('/').replace('/*', '[]').replace('/', '.')}"
            )
            yield Finding(
                unknown.pointer,
                f"`{quote(unknown.key)}` is not in {spec} but retell-sdk {fields.version} declares it {where}: "
                "the spec is older than the SDK, and the server reads the field",
                "check against Retell's current spec: `retell-validate spec fetch -o retell.yaml`, then `--spec retell.yaml` "
                '(or spec = "retell.yaml" in the configuration)',
                "key",
            )
