"""YAML for Argdown's ``{data}`` blocks and front matter: a small writer, and a reader
that takes only what JSON (and so every argmap writer) can hold.

Reading (:func:`load`) uses PyYAML's safe loader (libyaml's parser when present) with
its own constructors (:class:`_Constructor`): dates and timestamps stay the text they
were written as; NaN, infinities, integers too long to convert, sets, binary data,
ordered maps, pairs, unknown tags, lone surrogates, keys other than strings, numbers,
booleans and null, and keys given twice are refused at their line and column.
Aliases may repeat data, but not so much that the data written out would exceed ten
values or characters per character of YAML (a "billion laughs" is refused before it
is expanded), nor nest more than :data:`MAX_DEPTH` levels.

Writing (:func:`flow`):

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
import sys
from typing import Any, NoReturn

import yaml
from yaml.constructor import ConstructorError, SafeConstructor

__all__ = ["MAX_DEPTH", "Locator", "UnwritableData", "flow", "load"]


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


_PLAIN = re.compile(r"[A-Za-z_][A-Za-z0-9_\-]*(?: [A-Za-z0-9_\-]+)*")
_NOT_PLAIN = frozenset(
    ["y", "n", "yes", "no", "on", "off", "true", "false", "null"]
)  # YAML 1.1 reads these (in any case) as booleans or null


def _string(value: str) -> str:
    """A YAML string as a person writes it: plain (``source``, ``Jane Doe``) when it is
    only words that YAML reads back as that string, else double-quoted with every
    risky character escaped."""
    if _PLAIN.fullmatch(value) and value.lower() not in _NOT_PLAIN and len(value) <= 80:
        return value
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
        spelt = repr(value)
        if "e" in spelt and "." not in spelt:  # YAML 1.1 reads 1e-05 as a string, 1.0e-05 not
            spelt = spelt.replace("e", ".0e", 1)
        return spelt
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


# -- reading -------------------------------------------------------------------------------

MAX_DEPTH = 100
"""How deeply YAML data may nest."""

_SURROGATE = re.compile("[\ud800-\udfff]")
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_REFUSED = {
    "tag:yaml.org,2002:set": "a set (!!set) cannot be held in JSON: write a list",
    "tag:yaml.org,2002:binary": "binary data (!!binary) cannot be held in JSON: write a string",
    "tag:yaml.org,2002:omap": "an ordered map (!!omap) cannot be held in JSON: write a mapping",
    "tag:yaml.org,2002:pairs": "pairs (!!pairs) cannot be held in JSON: write a list",
}


_DIGITS = re.compile(r"[-+]?(?:0b[01_]+|0x[0-9a-fA-F_]+|0o?[0-7_]+|[0-9][0-9_]*)")


def _short(value: object) -> str:
    """A YAML scalar's text for a message, cut when long."""
    text = str(value) if isinstance(value, str) else type(value).__name__
    return repr(text if len(text) <= 40 else text[:37] + "...")


def _refuse(message: str, node: yaml.Node) -> NoReturn:
    """Raise a YAML error pointing at ``node``."""
    raise ConstructorError(None, None, message, node.start_mark)


class _Constructor(SafeConstructor):
    """YAML's safe types, limited to what JSON (and so every argmap writer) can hold.

    Dates and timestamps stay the text they were written as (``2024-05-01``), since
    JSON has no dates; text with a lone surrogate, a number JSON cannot write (NaN,
    infinities, integers with more digits than :func:`sys.get_int_max_str_digits`),
    sets, binary data, ordered maps and pairs are refused at their line and column, as
    are keys other than strings, integers, true, false and null (those become their
    text, as JavaScript's YAML reader in the Argdown tool makes them) and a key given
    twice (the Argdown tool refuses it too)."""

    def construct_json_str(self, node: yaml.Node) -> str:
        """A string, refused if UTF-8 cannot encode it."""
        value = str(self.construct_scalar(node))  # type: ignore[arg-type]
        if not value.isascii() and _SURROGATE.search(value) is not None:
            _refuse("a lone surrogate (\\ud800 to \\udfff) is not text", node)
        return value

    def construct_timestamp_text(self, node: yaml.Node) -> str:
        """A date or timestamp, kept as the text it was written as."""
        return str(self.construct_scalar(node))  # type: ignore[arg-type]

    def construct_json_int(self, node: yaml.Node) -> int:
        """An integer JSON can write (Python limits how many digits it converts)."""
        try:
            value = int(super().construct_yaml_int(node))  # type: ignore[arg-type]
            str(value)
        except ValueError:
            if _DIGITS.fullmatch(str(node.value)):
                _refuse(f"an integer with more than {sys.get_int_max_str_digits()} digits", node)
            _refuse(f"{_short(node.value)} is not an integer", node)
        return value

    def construct_json_float(self, node: yaml.Node) -> float:
        """A finite number (JSON has no NaN or infinities)."""
        try:
            value = float(super().construct_yaml_float(node))  # type: ignore[arg-type]
        except ValueError:
            _refuse(f"{_short(node.value)} is not a number", node)
        if not math.isfinite(value):
            _refuse(f"{value} is not a number JSON can hold", node)
        return value

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        """Any node; a value its tag's constructor fails on (``!!bool maybe``) is
        refused at its place, not raised as Python's KeyError or ValueError."""
        try:
            return super().construct_object(node, deep)
        except (ValueError, KeyError, TypeError, AttributeError, IndexError):
            _refuse(f"{_short(node.value)} is not a valid !!{node.tag.rsplit(':', 1)[-1]}", node)

    def construct_refused(self, node: yaml.Node) -> NoReturn:
        """A type JSON cannot hold."""
        _refuse(_REFUSED[node.tag], node)

    def construct_mapping(self, node: yaml.Node, deep: bool = False) -> dict[Any, Any]:
        """A mapping with string keys, each given once (merged ``<<`` keys may be
        overridden, as YAML intends)."""
        if not isinstance(node, yaml.MappingNode):  # as !!map [1, 2]
            _refuse("expected a mapping", node)
        explicit = sum(1 for key, _ in node.value if key.tag != "tag:yaml.org,2002:merge")
        self.flatten_mapping(node)  # merged pairs first, then the explicit ones
        first_explicit = len(node.value) - explicit
        mapping: dict[str, Any] = {}
        given: set[str] = set()
        for index, (key_node, value_node) in enumerate(node.value):
            key = self._key(key_node)
            if index >= first_explicit:
                if key in given:
                    _refuse(f"the key {key!r} is given twice", key_node)
                given.add(key)
            mapping[key] = self.construct_object(value_node, deep=deep)
        return mapping

    def _key(self, node: yaml.Node) -> str:
        """A mapping key as a string (JavaScript's view of a YAML key)."""
        key = self.construct_object(node, deep=True)
        if isinstance(key, bool):
            return "true" if key else "false"
        if key is None:
            return "null"
        if isinstance(key, int | str):
            return str(key)
        return _refuse(f"a key must be a string, not {type(key).__name__}", node)


_Constructor.yaml_constructors = {
    **SafeConstructor.yaml_constructors,
    "tag:yaml.org,2002:str": _Constructor.construct_json_str,
    _TIMESTAMP: _Constructor.construct_timestamp_text,
    "tag:yaml.org,2002:int": _Constructor.construct_json_int,
    "tag:yaml.org,2002:float": _Constructor.construct_json_float,
    **dict.fromkeys(_REFUSED, _Constructor.construct_refused),
}
_SafeLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's, when built


class _Loader(_Constructor, _SafeLoader):  # type: ignore[misc]
    """The safe loader (libyaml's parser when present) with the constructor above."""

    def __init__(self, stream: str) -> None:
        _SafeLoader.__init__(self, stream)


def load(text: str) -> Any:
    """YAML ``text`` as JSON-like data; :class:`yaml.YAMLError` (with the line and
    column, 0-based, in ``problem_mark``) when it is invalid or holds what argmap
    cannot (see :class:`_Constructor`, :func:`_measure`)."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        _measure(node, 1000 + 10 * len(text))
        try:
            return loader.construct_document(node)
        except (ValueError, KeyError, TypeError, AttributeError, IndexError) as error:
            _refuse(f"invalid YAML value: {error}", node)
    finally:
        loader.dispose()


def _children(node: yaml.Node) -> list[yaml.Node]:
    """The nodes directly inside ``node``."""
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    return []


def _measure(root: yaml.Node, budget: int) -> None:
    """Refuse YAML nested more than :data:`MAX_DEPTH` deep, aliases inside what they
    name, and aliases that repeat so much that the data, written out, would exceed
    ``budget`` values and characters ("billion laughs": a few hundred bytes that
    expand to gigabytes). Each distinct node is visited once (aliases share nodes),
    without recursion, so this takes time linear in the text."""
    size: dict[int, int] = {}  # expanded size of each finished node
    depth: dict[int, int] = {}  # nesting below each finished node
    open_nodes: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        key = id(node)
        if done:
            children = _children(node)
            total = 1 + sum(size[id(child)] for child in children)
            if isinstance(node, yaml.ScalarNode):
                total += len(node.value)
            below = 1 + max((depth[id(child)] for child in children), default=0)
            if below > MAX_DEPTH:
                _refuse(f"YAML nested more than {MAX_DEPTH} levels deep", root)
            if total > budget:
                _refuse(
                    "aliases (*name) here repeat data too often: written out, it "
                    f"would hold over {budget} values and characters",
                    node,
                )
            open_nodes.discard(key)
            size[key], depth[key] = total, below
            continue
        if key in size:
            continue
        if key in open_nodes:
            _refuse("an alias (*name) inside the value it names", node)
        open_nodes.add(key)
        stack.append((node, True))
        stack.extend((child, False) for child in reversed(_children(node)))


class Locator:
    """Where a YAML text writes its values, for error messages: composed once, each
    string's first place (below a path) indexed once, so that a thousand problems
    cost no more than one."""

    def __init__(self, text: str) -> None:
        try:
            self.root: yaml.Node | None = yaml.compose(text, Loader=_Loader)
        except yaml.YAMLError:
            self.root = None
        self._strings: dict[tuple[str | int, ...], dict[str, yaml.Node]] = {}

    def node(self, path: tuple[str | int, ...]) -> tuple[yaml.Node | None, bool]:
        """The node at ``path`` (keys and list indexes), or the deepest part of it
        found; and whether all of it was found."""
        node = self.root
        if node is None:
            return None, False
        for step in path:
            found = _child(node, step)
            if found is None:
                return node, False
            node = found
        return node, True

    def locate(self, path: tuple[str | int, ...], value: str | None = None) -> tuple[int, int]:
        """The 0-based (line, column) of the value at ``path`` or, with ``value``, of
        the first string ``value`` inside it; as near as it gets when there is none."""
        node, complete = self.node(path)
        if node is None:
            return 0, 0
        if complete and value is not None:
            strings = self._strings.get(path)
            if strings is None:
                strings = self._strings[path] = _strings(node)
            node = strings.get(value, node)
        return node.start_mark.line, node.start_mark.column


def _child(node: yaml.Node, step: str | int) -> yaml.Node | None:
    """The value of key ``step`` of a mapping node, or item ``step`` of a sequence node."""
    if isinstance(node, yaml.MappingNode):
        for key, item in node.value:
            if isinstance(key, yaml.ScalarNode) and key.value == str(step):
                return item  # type: ignore[no-any-return]
    if isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
        return node.value[step] if step >= 0 else None
    return None


def _strings(root: yaml.Node) -> dict[str, yaml.Node]:
    """Each scalar text below ``root`` and its first node, in document order."""
    found: dict[str, yaml.Node] = {}
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.ScalarNode):
            found.setdefault(node.value, node)
        stack.extend(reversed(_children(node)))
    return found
