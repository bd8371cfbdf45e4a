"""RBV199 schema-violation: keywords without a dedicated rule (``not``, ``dependentRequired``, ``contains`` …), in jsonschema's words.

The bundled spec uses none of them; the cases add them as a newer spec (``--spec``) could.
"""

from __future__ import annotations

from tests.helpers import seed, with_task
from tests.rules.cases import At, cases_test
from tests.rules.schema import spec_with, under

CODE = "RBV199"
NAME_NEEDS_WINDOW = spec_with(dependentRequired={"name": ["call_time_window"]})
AGENT_BY_ID_OR_OVERRIDE = spec_with("tasks", "items", **{"not": {"required": ["override_agent_id", "agent_override"]}})
WINDOW = {"windows": [{"start": 540, "end": 1020}], "timezone": "America/Los_Angeles"}

CASES = [
    under(
        NAME_NEEDS_WINDOW,
        "a name without the window it depends on",
        seed(name="x"),
        At("", "error", says="'call_time_window' is a dependency of 'name'"),
    ),
    under(NAME_NEEDS_WINDOW, "a name with its window", seed(name="x", call_time_window=WINDOW)),
    under(
        AGENT_BY_ID_OR_OVERRIDE,
        "an agent id and an override",
        with_task(override_agent_id="a", agent_override={}),
        At("/tasks/0", says="should not be valid"),
    ),
    under(AGENT_BY_ID_OR_OVERRIDE, "an agent id alone", with_task(override_agent_id="a")),
]

test_cases = cases_test(CODE, CASES)
