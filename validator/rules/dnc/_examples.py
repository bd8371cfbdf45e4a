"""The do-not-call lists the family's examples are checked against: one listed number, whose neighbour no list holds."""

from validator.rules import DncList

LISTED = "+12015550123"
UNLISTED = "+12015550124"  # the listed number's neighbour
FTC = DncList("ftc.dnc", ["201,5550123"], name="FTC")  # the registry's flat layout: area code, number
OPT_OUTS = DncList("opt-outs.dnc", [LISTED], kind="internal")  # a company's export: E.164
EXEMPTION_KEY = {"dnc-exemption-key": "dnc_exemption"}


def calling(number: str, claim: str | None = None) -> str:
    """The JSON members of a batch of one task calling ``number``, its metadata claiming ``claim`` under the exemption key."""
    metadata = "" if claim is None else f', "metadata": {{"dnc_exemption": "{claim}"}}'
    return f'"tasks": [{{"to_number": "{number}"{metadata}}}]'
