"""A small YAML writer for Argdown's ``{data}`` blocks and front matter.

Argdown finds a data block by its braces and the front matter by its ``===`` lines
before any YAML parser sees them, so the YAML written there must not contain a
brace followed by a space and other text, nor three ``=`` in a row, nor a raw line
break inside a value. This writer emits JSON-like flow YAML (every string
double-quoted, with ``{``, ``}``, ``=`` and every non-printable or line-breaking
character escaped), which both PyYAML and the Argdown tool's js-yaml read back to
the same values.
"""

from __future__ import annotations

import datetime
import math
import re
from typing import Any

__all__ = ["UnwritableData", "flow"]


class UnwritableData(ValueError):
    """A value YAML cannot carry faithfully (a set, an object, a tuple...)."""


_ESCAPES = {
    "\\": "\\\\",
    '"': '\\"',
    "\n": "\\n",
    "\r": "\\r",
    "\t": "\\t",
    "\x85": "\\N",
    "\u2028": "\\L",
    "\u2029": "\\P",
    "{": "\\x7B",
    "}": "\\x7D",
    "=": "\\x3D",
}
_NEEDS_ESCAPE = re.compile(
    r'[\\"\n\r\t\x85\u2028\u2029{}=]|[^\x20-\x7E\xA0-\uD7FF\uE000-\uFFFD\U00010000-\U0010FFFF]'
)


def _escape_char(found: re.Match[str]) -> str:
    """One character as a YAML double-quoted escape."""
    char = found.group()
    if char in _ESCAPES:
        return _ESCAPES[char]
    code = ord(char)
    return f"\\x{code:02X}" if code < 0x100 else f"\\u{code:04X}"


def _string(value: str) -> str:
    """A double-quoted YAML string with every risky character escaped."""
    return '"' + _NEEDS_ESCAPE.sub(_escape_char, value) + '"'


def flow(value: Any, depth: int = 0) -> str:
    """``value`` as one line of flow-style YAML."""
    if depth > 200:
        raise UnwritableData("data nested too deeply")
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return ".nan"
        if math.isinf(value):
            return ".inf" if value > 0 else "-.inf"
        return repr(value)
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, datetime.datetime):
        raise UnwritableData("date-times are not written (dates are)")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(flow(item, depth + 1) for item in value) + "]"
    if isinstance(value, dict):
        items = []
        for key, item in value.items():
            if not isinstance(key, str | int | bool) or key is None:
                raise UnwritableData(f"a key of type {type(key).__name__}")
            items.append(f"{flow(key, depth + 1)}: {flow(item, depth + 1)}")
        return "{" + ", ".join(items) + "}"
    raise UnwritableData(f"a value of type {type(value).__name__}")
