"""RBV508 setting-without-prerequisite: a setting the spec applies "only when" another is set, without it."""

from __future__ import annotations

from typing import Any

import pytest

from tests.helpers import check, one, with_agent
from tests.rules.agent import AGENT, others_test
from tests.rules.cases import At, cases_test, flags, passes

CODE = "RBV508"


def analysis(**fields: Any) -> dict[str, Any]:
    return with_agent(post_call_analysis_data=[{"type": "string", "name": "reason", "description": "why", **fields}])


CASES = [
    flags(
        "backchannel_frequency with backchannel off",
        with_agent(backchannel_frequency=0.5, enable_backchannel=False),
        At(f"{AGENT}/backchannel_frequency", "warning", says="sets `enable_backchannel` to false"),
    ),
    flags(
        "backchannel_words without enable_backchannel",
        with_agent(backchannel_words=["yeah"]),
        At(f"{AGENT}/backchannel_words", says="does not set `enable_backchannel`"),
    ),
    flags(
        "signed_url_expiration_ms without opt_in_signed_url: worded for the base agent",
        with_agent(signed_url_expiration_ms=3600000),
        At(
            f"{AGENT}/signed_url_expiration_ms",
            says="this override does not set `opt_in_signed_url`: it is ignored unless the base agent has it",
        ),
    ),
    flags(
        "signed_url_expiration_ms with opt_in_signed_url false",
        with_agent(signed_url_expiration_ms=3600000, opt_in_signed_url=False),
        At(f"{AGENT}/signed_url_expiration_ms", says="to false"),
    ),
    flags(
        "custom_stt_config in another stt_mode",
        with_agent(custom_stt_config={"provider": "deepgram", "endpointing_ms": 300}, stt_mode="fast"),
        At(f"{AGENT}/custom_stt_config", says='"fast"'),
    ),
    flags(
        "user_dtmf_options with DTMF off",
        with_agent(allow_user_dtmf=False, user_dtmf_options={"digit_limit": 4}),
        At(f"{AGENT}/user_dtmf_options", "warning", says="sets `allow_user_dtmf` to false"),
    ),
    flags(
        "conditional_prompt on a required item",
        analysis(required=True, conditional_prompt="only if they mention a reason"),
        At(f"{AGENT}/post_call_analysis_data/0/conditional_prompt", says="but this item sets `required` to true"),
    ),
    passes("backchannel_frequency with backchannel on", with_agent(backchannel_frequency=0.5, enable_backchannel=True)),
    passes("backchannel_words null", with_agent(backchannel_words=None)),
    passes("signed_url_expiration_ms with opt_in_signed_url", with_agent(signed_url_expiration_ms=3600000, opt_in_signed_url=True)),
    passes("signed_url_expiration_ms null", with_agent(signed_url_expiration_ms=None)),
    passes("user_dtmf_options with DTMF on", with_agent(allow_user_dtmf=True, user_dtmf_options={"digit_limit": 4})),
    # Unset, allow_user_dtmf defaults to true ("Default to true."): the options apply.
    passes("user_dtmf_options with allow_user_dtmf unset", with_agent(user_dtmf_options={"digit_limit": 4})),
    passes("conditional_prompt on an optional item", analysis(required=False, conditional_prompt="only if they mention a reason")),
    # Unset: the custom item's description states no default, so nothing is certain.
    passes("conditional_prompt with required unset", analysis(conditional_prompt="only if they mention a reason")),
    passes("a wrongly typed prerequisite is the schema's", with_agent(enable_backchannel="true", backchannel_words=["yeah"])),
]

test_cases = cases_test(CODE, CASES)
test_other_rules = others_test(CODE, CASES, {"a wrongly typed prerequisite is the schema's": ["RBV102"]})


@pytest.mark.parametrize(
    ("payload", "sentence"),
    [
        (with_agent(allow_user_dtmf=False, user_dtmf_options={"digit_limit": 4}), '"If false, any DTMF input will be ignored."'),
        (analysis(required=True, conditional_prompt="only if they mention a reason"), '"If required is true, this is ignored."'),
    ],
)
def test_the_message_quotes_the_spec_sentence_it_reads(payload: dict[str, Any], sentence: str) -> None:
    assert sentence in one(check(payload), CODE).message
