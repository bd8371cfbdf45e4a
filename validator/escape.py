"""Text that came from the input, made safe to show.

A payload key, value or file name can hold control characters: an OSC sequence
(``ESC ] 0 ; … BEL``) in a key would set the terminal's title, a CR would
overwrite a line, a newline would forge a GitHub workflow command, a bidi
override would make the text read differently from what it is. Every
reporter a person reads escapes each C0 control (tab and newline too), DEL,
each C1 control and the bidi controls as ``\\uXXXX``. XML 1.0 cannot carry
those C0 controls, surrogates or U+FFFE/U+FFFF at all, so XML text gets the
same treatment for those as well.
"""

from __future__ import annotations

import re

# C0, DEL, C1; ALM, LRM, RLM; the embeddings and overrides LRE…RLO and PDF; the isolates LRI…PDI.
_UNSAFE = "\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_CONTROL = re.compile(f"[{_UNSAFE}]")
_NOT_XML = re.compile(f"[{_UNSAFE}\ud800-\udfff\ufffe\uffff]")


def _escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def visible(text: str) -> str:
    """``text`` with every control and bidi character written as ``\\uXXXX``."""
    # isprintable() is False for all of them (and some harmless others): a C-speed test for the usual case.
    return text if text.isprintable() else _CONTROL.sub(_escape, text)


def xml_safe(text: str) -> str:
    """:func:`visible`, and also what XML 1.0 cannot carry (surrogates, U+FFFE, U+FFFF)."""
    return _NOT_XML.sub(_escape, text)
