"""What every format module shares: reading text safely, writing atomically, and
turning offsets into the line and column a person looks for."""

from __future__ import annotations

import bisect
import json
import math
import os
import pathlib
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from typing import Any, NoReturn

import attrs

from argmap._files import write_atomically
from argmap.errors import FormatError
from argmap.report import Location, Problem

__all__ = [
    "MAX_DIGITS",
    "JsonIssue",
    "JsonPath",
    "Lines",
    "control_problem",
    "json_items",
    "json_offset",
    "line_columns",
    "locate_ids",
    "may_hold_controls",
    "parse_json",
    "raise_at_paths",
    "read_text",
    "write_text",
]

PathLike = str | os.PathLike[str]


def read_text(path: PathLike) -> str:
    """The UTF-8 text of ``path``; a missing, binary or undecodable file is a FormatError."""
    name = os.fspath(path)
    try:
        raw = pathlib.Path(path).read_bytes()
    except FileNotFoundError:
        raise FormatError("no such file", path=name) from None
    except IsADirectoryError:
        raise FormatError("is a folder, not a file", path=name) from None
    except OSError as error:
        raise FormatError(f"cannot read the file: {error.strerror}", path=name) from None
    return decode_text(raw, name)


def decode_text(raw: bytes, name: str) -> str:
    """``raw`` as UTF-8 text (a byte order mark dropped); binary data or bytes that are
    not UTF-8 are a FormatError placed in ``name`` at line and column."""
    if b"\x00" in raw[:8192]:
        raise FormatError("binary data, not text", path=name, line=1, column=1)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        raise FormatError(
            "not valid UTF-8 text", path=name, line=line, column=column, expected="UTF-8"
        ) from None
    return text


def write_text(path: PathLike, text: str, *, inputs: Iterable[PathLike] = ()) -> pathlib.Path:
    """Write ``text`` to ``path`` as UTF-8 by :func:`argmap._files.write_atomically`: all
    at once, through symbolic links, never over one of ``inputs`` (the files read)."""
    target = pathlib.Path(path)
    try:
        content = text.encode("utf-8")
    except UnicodeEncodeError as error:  # a lone surrogate, from a map built in Python
        raise FormatError(
            f"the text to write is not valid Unicode at character {error.start}",
            path=os.fspath(path),
        ) from None
    write_atomically(target, content, inputs=inputs)
    return target


class Lines:
    """Offsets -> (line, column), both 1-based, in one text."""

    def __init__(self, text: str) -> None:
        self._starts = [0] + [match.end() for match in re.finditer("\n", text)]

    def at(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self._starts, offset)
        return line, offset - self._starts[line - 1] + 1

    def location(self, offset: int, path: str | None = None) -> Location:
        line, column = self.at(offset)
        return Location(path, line, column)


def line_columns(text: str, offsets: Iterable[int]) -> dict[int, tuple[int, int]]:
    """Line and column (1-based, as :meth:`Lines.at`) of each offset into ``text``,
    counting the newlines once up to the last offset: cheaper than :class:`Lines` when
    there are fewer offsets than lines."""
    places: dict[int, tuple[int, int]] = {}
    line, line_start, previous = 1, 0, 0
    for offset in sorted(set(offsets)):
        newlines = text.count("\n", previous, offset)
        if newlines:
            line += newlines
            line_start = text.rfind("\n", previous, offset) + 1
        places[offset] = (line, offset - line_start + 1)
        previous = offset
    return places


def locate_ids(
    text: str, ids: Iterable[str], *, key: str = "id", path: str | None = None
) -> dict[str, Location]:
    """Where each ``"key": "id"`` pair first stands in a JSON text (for messages).

    The id is looked for as ``json.dumps`` spells it, else (for a non-ASCII id that is
    nowhere spelt so) with its characters unescaped. One pass over the text takes each
    ``"key": "..."`` pair in turn, stopping once every id is found: linear in the text,
    however many ids are asked for.
    """
    ids = list(ids)
    spelt = {id: json.dumps(id) for id in ids}
    unescaped = {id: json.dumps(id, ensure_ascii=False) for id in ids if not id.isascii()}
    wanted = {*spelt.values(), *unescaped.values()}
    missing = set(spelt.values())  # the scan may stop once all of these are found
    first: dict[str, int] = {}
    pattern = re.compile(rf'"{re.escape(key)}"\s*:\s*("(?:[^"\\]|\\.)*")')
    for match in pattern.finditer(text):
        token = match.group(1)
        if token in wanted and token not in first:
            first[token] = match.start()
            missing.discard(token)
            if not missing:
                break
    offsets: dict[str, int] = {}
    for id in ids:
        if spelt[id] in first:
            offsets[id] = first[spelt[id]]
        elif id in unescaped and unescaped[id] in first:
            offsets[id] = first[unescaped[id]]
    places = line_columns(text, offsets.values())
    return {id: Location(path, *places[offset]) for id, offset in offsets.items()}


# -- JSON: what json.loads lets through that no writer can give back -----------------------

JsonPath = tuple[str | int, ...]
"""Keys and indexes from a JSON document's root to one of its values."""

_WHITESPACE = re.compile(r"[ \t\n\r]*")
_DECODER = json.JSONDecoder()
_TOKEN = re.compile(
    r'"(?:[^"\\]|\\.)*"|(NaN|-?Infinity|-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)', re.DOTALL
)
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_ESCAPE = re.compile(
    r"\\(?:(u[dD][89abAB][0-9a-fA-F]{2})(\\u[dD][c-fC-F][0-9a-fA-F]{2})?"
    r"|(u[dD][c-fC-F][0-9a-fA-F]{2})|.)",
    re.DOTALL,
)
_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)


MAX_DIGITS = 4200
"""The most digits an integer read from JSON may have: the model holds integers of up to
14,000 bits (every 4,200-digit one fits), and Python converts no integer of more than
:func:`sys.get_int_max_str_digits` digits (4,300 by default) to text or back."""


class _Unwritable(Exception):
    """Raised from inside ``json.loads`` for a value no writer could give back."""


def _digit_limit() -> int:
    """The most digits an integer may have here: :data:`MAX_DIGITS`, or Python's limit
    if that is set lower."""
    python = sys.get_int_max_str_digits()
    return min(python, MAX_DIGITS) if python else MAX_DIGITS


def _integers(limit: int) -> Callable[[str], int]:
    """A ``parse_int`` for ``json.loads`` that refuses integers of more than ``limit``
    digits before converting them (converting a huge one is slow, or refused)."""

    def integer(literal: str) -> int:
        if len(literal) - (literal[0] == "-") > limit:
            raise _Unwritable(literal)
        return int(literal)

    return integer


def _constant(name: str) -> Any:
    raise _Unwritable(name)


def _finite(literal: str) -> float:
    value = float(literal)
    if math.isinf(value):
        raise _Unwritable(literal)
    return value


def parse_json(text: str, path: str | None = None) -> Any:
    """``json.loads(text)``, refusing with a located :class:`FormatError` what no writer
    could give back: ``NaN`` and ``Infinity`` (not JSON), a number too large for a float,
    an integer of more than :data:`MAX_DIGITS` digits, and a
    lone surrogate (a ``\\ud800`` escape, or such a character in ``text``), which is no
    character and cannot be encoded.

    ``json.JSONDecodeError`` and ``RecursionError`` pass through for the caller, which
    words them for its format.
    """
    try:
        document = json.loads(
            text,
            parse_constant=_constant,
            parse_float=_finite,
            parse_int=_integers(_digit_limit()),
        )
    except json.JSONDecodeError:
        raise
    except (_Unwritable, ValueError):
        raise _number_error(text, path) from None
    surrogate = _lone_surrogate(text)
    if surrogate is not None:
        line, column = Lines(text).at(_string_start(text, surrogate))
        raise FormatError(
            "a string holds a lone surrogate (half of a UTF-16 pair), which is no character",
            path=path,
            line=line,
            column=column,
            expected="text of Unicode characters",
            code="invalid-text",
        )
    return document


def _number_error(text: str, path: str | None) -> FormatError:
    """The error for the first number (or NaN, Infinity) in ``text`` that cannot be held."""
    limit = _digit_limit()
    for match in _TOKEN.finditer(text):
        literal = match.group(1)
        if literal is None:
            continue
        message = _number_problem(literal, limit)
        if message is not None:
            line, column = Lines(text).at(match.start())
            return FormatError(
                message,
                path=path,
                line=line,
                column=column,
                expected="a finite number of at most a few thousand digits",
                code="invalid-number",
            )
    return FormatError("a number that cannot be read", path=path, line=1, column=1)


def _number_problem(literal: str, limit: int) -> str | None:
    """Why the JSON number ``literal`` cannot be held, or None when it can."""
    if literal in ("NaN", "Infinity", "-Infinity"):
        return f"{literal} is not a JSON number"
    if literal.lstrip("-").isdigit():
        digits = len(literal.lstrip("-"))
        if digits > limit:
            return f"an integer of {digits} digits, more than the {limit} argmap holds"
        return None
    if math.isinf(float(literal)):
        shown = literal if len(literal) <= 20 else literal[:17] + "..."
        return f"the number {shown} is too large: it would be infinite"
    return None


def _lone_surrogate(text: str) -> int | None:
    """The offset of the first lone surrogate in ``text`` (raw, or a ``\\uD8xx`` escape)."""
    found = _raw_surrogate(text)
    if _SURROGATE_ESCAPE.search(text) is None:
        return found
    for match in _ESCAPE.finditer(text, 0, len(text) if found is None else found):
        high, low, lone_low = match.groups()
        if (high and not low) or lone_low:
            return match.start()
    return found


def _raw_surrogate(text: str) -> int | None:
    """The offset of the first surrogate character in ``text`` (only a str made in
    Python can hold one: no UTF-8 file decodes to it). Encoding finds it at C speed."""
    if text.isascii():
        return None
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        return error.start
    return None


def _string_start(text: str, offset: int) -> int:
    """Where the JSON string holding ``offset`` starts (``offset`` itself if none does)."""
    for match in _STRING.finditer(text):
        if match.start() > offset:
            break
        if offset < match.end():
            return match.start()
    return offset


def json_offset(text: str, path: JsonPath, cache: dict[int, Any] | None = None) -> int:
    """Where the value at ``path`` starts in the JSON ``text``, or its deepest existing parent.

    Python's JSON parser keeps no positions, so the path is walked again with
    ``raw_decode`` skipping the values in between; this runs only for messages.
    ``cache`` keeps where the members of each object and the items of each array start
    (keyed by where the object or array starts), so that locating many problems in one
    document walks each of its containers once, not once per problem. A key written
    twice counts where it was last written, as ``json.loads`` keeps the last value.
    """
    walked: dict[int, Any] = {} if cache is None else cache
    position = _skip(text, 0)
    for step in path:
        try:
            if isinstance(step, int):
                starts = json_items(text, position, walked)
                found = starts[step] if 0 <= step < len(starts) else None
            else:
                found = _members(text, position, walked).get(step)
        except (ValueError, IndexError, RecursionError):
            return position
        if found is None:
            return position
        position = found
    return position


def _skip(text: str, position: int) -> int:
    """The offset of the first character at or after ``position`` that is not JSON space."""
    match = _WHITESPACE.match(text, position)
    return match.end() if match else position


def _members(text: str, start: int, cache: dict[int, Any]) -> dict[str, int]:
    """Where the value of each key of the object at ``start`` begins (none if no object)."""
    if start in cache:
        known: dict[str, int] = cache[start]
        return known
    members: dict[str, int] = {}
    cache[start] = members
    if text[start] != "{":
        return members
    position = _skip(text, start + 1)
    while text[position] == '"':
        name, position = _DECODER.raw_decode(text, position)
        position = _skip(text, _skip(text, position) + 1)
        members[name] = position
        position = _skip(text, _DECODER.raw_decode(text, position)[1])
        if text[position] != ",":
            break
        position = _skip(text, position + 1)
    return members


def json_items(text: str, start: int, cache: dict[int, Any]) -> list[int]:
    """Where each item of the array at ``start`` begins (none if it is no array)."""
    if start in cache:
        known: list[int] = cache[start]
        return known
    starts: list[int] = []
    cache[start] = starts
    if text[start] == "[":
        position = _skip(text, start + 1)
        while text[position] != "]":
            starts.append(position)
            position = _skip(text, _DECODER.raw_decode(text, position)[1])
            if text[position] != ",":
                break
            position = _skip(text, position + 1)
    return starts


# -- text a map cannot hold ----------------------------------------------------------------

_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f\ufffe\uffff]")
_CONTROL_ESCAPE = re.compile(r"\\u(?:00[01][0-9a-fA-F]|007[fF]|[fF]{3}[eEfF])")


def control_problem(value: str) -> str | None:
    """Why ``value`` cannot be the text of a node, or None: a control character other
    than tab and line breaks (or a non-character, U+FFFE, U+FFFF) is binary data, which
    no text format can hold (the Argdown writer could not write it, nor a reader read it)."""
    found = _CONTROL.search(value)
    if found is None:
        return None
    return f"the control character U+{ord(found.group()):04X} is binary data, not text"


def may_hold_controls(text: str) -> bool:
    """False when no string of the JSON ``text`` can hold a character
    :func:`control_problem` refuses: one quick scan spares checking every string."""
    if "\x7f" in text or (not text.isascii() and ("\ufffe" in text or "\uffff" in text)):
        return True
    return "\\u" in text and _CONTROL_ESCAPE.search(text) is not None


@attrs.frozen
class JsonIssue:
    """A problem a JSON reader found, located by its JSON path until the text is at hand:
    a good file pays nothing for positions, a bad one pays once in :func:`raise_at_paths`."""

    code: str
    message: str
    path: JsonPath
    ids: tuple[str, ...] = ()
    expected: str | None = None


def raise_at_paths(text: str, path: str | None, issues: Sequence[JsonIssue]) -> NoReturn:
    """One FormatError for the first issue, listing every issue at its line and column.

    The lines are counted once and list items located once per list, so thousands of
    issues cost one walk over the text, not one each.
    """
    lines, items = Lines(text), dict[int, Any]()
    problems = [
        Problem(
            issue.code,
            "error",
            issue.ids,
            issue.message,
            lines.location(json_offset(text, issue.path, items), path),
        )
        for issue in issues
    ]
    raise FormatError.from_problems(problems, path=path, expected=issues[0].expected)
