"""The ICCMA file formats of argumentation frameworks: read, write, load and dump.

* ASPARTIX ``.apx``: ``arg(a).`` and ``att(a,b).`` facts, free whitespace, ``%`` comments;
  a name that is not a bare word is written as an ASP string, ``arg("a b").``;
* trivial graph format ``.tgf``: one argument name per line, a line ``#``, then one
  ``a b`` attack per line (ICCMA's TGF: no node or edge labels);
* ICCMA 2023 ``.af`` (also ``.i23``): a header ``p af N``, then one ``i j`` attack per line,
  ``#`` comment lines; the arguments are named ``"1"`` .. ``"N"``.

Readers never leak a bare ``KeyError``/``ValueError``: every malformed input is a
:class:`~argmap.errors.FormatError` with path, line, column and what was expected.
"""

from __future__ import annotations

import os
import pathlib
import re
from array import array
from collections.abc import Callable
from itertools import islice
from typing import Literal, TypeAlias

from argmap._files import write_atomically
from argmap.af.framework import ArgumentationFramework, AttackSet, _attack_set
from argmap.errors import FormatError, MapError

__all__ = [
    "DEFAULT_MAX_ARGUMENTS",
    "FORMATS",
    "Format",
    "dump",
    "dumps",
    "dumps_apx",
    "dumps_i23",
    "dumps_tgf",
    "i23_numbering",
    "load",
    "loads",
    "loads_apx",
    "loads_i23",
    "loads_tgf",
]

Format: TypeAlias = Literal["apx", "tgf", "i23"]

FORMATS: dict[str, Format] = {".apx": "apx", ".tgf": "tgf", ".af": "i23", ".i23": "i23"}
"""File suffix -> format name, as :func:`load` and :func:`dump` choose them."""

DEFAULT_MAX_ARGUMENTS = 1_000_000
"""The ``p af N`` header :func:`loads_i23` accepts unless told otherwise: N at most this
many, or at most the length of the text when that is larger. The names ``"1".."N"`` are
built eagerly (about 160 bytes and 0.3 microseconds each), so a header must not make a
file of a few bytes take gigabytes: ``p af 99999999999`` is refused (code ``too-large``),
and the memory a file can ask for stays proportional to its size. It is read from this
module, ``argmap.af.iccma``: to change it, set it there."""

_MAX_DIGITS = 18
"""Numbers in ICCMA files longer than this (leading zeros aside) are out of range anyway;
they are refused before ``int`` sees them (Python limits int-string conversion)."""


# --------------------------------------------------------------------------------------
# File formats: shared helpers
# --------------------------------------------------------------------------------------


def _location(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of ``offset`` in ``text``."""
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _error_at(
    text: str,
    offset: int,
    message: str,
    *,
    path: str | None,
    expected: str | None,
    code: str = "format-error",
) -> FormatError:
    line, column = _location(text, offset)
    return FormatError(message, path=path, line=line, column=column, expected=expected, code=code)


def _decode(data: bytes, path: str | None) -> str:
    """UTF-8 (a leading byte-order mark is dropped); a bad byte is a located FormatError."""
    try:
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        start = data.rfind(b"\n", 0, error.start) + 1
        column = len(data[start : error.start].decode("utf-8", "replace")) + 1
        raise FormatError(
            f"the file is not UTF-8 text (byte 0x{data[error.start]:02x})",
            path=path,
            line=line,
            column=column,
            expected="UTF-8 text",
            code="encoding",
        ) from None


_SURROGATE = re.compile("[\ud800-\udfff]")


def _check_text(text: object, path: str | None) -> None:
    """Refuse what is not Unicode text: a non-``str`` (bytes are for :func:`load`) or a
    lone surrogate, which no file can hold and no writer could write back."""
    if not isinstance(text, str):
        raise FormatError(
            f"expected text (str), not {type(text).__name__}",
            path=path,
            expected="a str; use load() for a file or decode the bytes first",
            code="not-text",
        )
    found = None if text.isascii() else _SURROGATE.search(text)
    if found is not None:
        raise _error_at(
            text,
            found.start(),
            f"a lone surrogate ({ord(found.group()):#06x}) is not Unicode text",
            path=path,
            expected="valid Unicode text",
            code="encoding",
        )


def _tokens(line: str) -> list[tuple[int, str]]:
    """Whitespace-separated tokens of one line with their 0-based columns."""
    return [(match.start(), match.group()) for match in re.finditer(r"\S+", line)]


# --------------------------------------------------------------------------------------
# ASPARTIX .apx
# --------------------------------------------------------------------------------------

_APX_BARE = r'[^\s(),%"\\]+'
_APX_QUOTED = r'"(?:[^"\\\n]|\\[\\"n])*"'
_APX_NAME = f"(?:{_APX_BARE}|{_APX_QUOTED})"
_APX_STATEMENT = re.compile(
    rf"""(?:\s|%[^\n]*)*
    (?:
        arg\s*\(\s*(?P<arg>{_APX_NAME})\s*\)\s*\.
      | att\s*\(\s*(?P<attacker>{_APX_NAME})\s*,\s*(?P<target>{_APX_NAME})\s*\)\s*\.
      | (?P<end>\Z)
      | (?P<bad>[\s\S])
    )""",
    re.VERBOSE,
)
_APX_BARE_NAME = re.compile(_APX_BARE)
_APX_ESCAPES = {"\\\\": "\\", '\\"': '"', "\\n": "\n"}


def _apx_name(token: str) -> str:
    if not token.startswith('"'):
        return token
    return re.sub(r"\\[\\\"n]", lambda m: _APX_ESCAPES[m.group()], token[1:-1])


def _apx_quote(name: str) -> str:
    if _APX_BARE_NAME.fullmatch(name):
        return name
    escaped = name.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'


def loads_apx(text: str, *, path: str | None = None) -> ArgumentationFramework:
    """Read ASPARTIX ``arg(a).`` / ``att(a,b).`` facts (any whitespace, ``%`` comments).

    Arguments keep the order of their ``arg`` facts; an ``att`` may come before the
    ``arg`` facts it names. A name declared twice, an attack on an undeclared name or
    anything that is not a fact raises :class:`~argmap.errors.FormatError`.
    """
    _check_text(text, path)
    names: list[str] = []
    positions: dict[str, int] = {}
    pairs: list[tuple[str, str]] = []
    for match in _APX_STATEMENT.finditer(text):
        kind = match.lastgroup
        if kind == "arg":
            name = _apx_name(match.group("arg"))
            if name in positions:
                raise _error_at(
                    text,
                    match.start("arg"),
                    f"argument {_shown(name)!r} is declared twice",
                    path=path,
                    expected="each argument declared once",
                    code="duplicate-argument",
                )
            positions[name] = len(names)
            names.append(name)
        elif kind == "target":
            pairs.append((_apx_name(match.group("attacker")), _apx_name(match.group("target"))))
        elif kind == "bad":
            raise _apx_diagnose(text, match.start("bad"), path)
    return _from_name_pairs(
        tuple(names), positions, pairs, lambda: _apx_unknown(text, positions, path)
    )


def _from_name_pairs(
    names: tuple[str, ...],
    positions: dict[str, int],
    pairs: list[tuple[str, str]],
    unknown_error: Callable[[], FormatError],
) -> ArgumentationFramework:
    try:
        relation = _attack_set(names, positions, pairs)
    except MapError:
        raise unknown_error() from None
    return ArgumentationFramework._trusted(relation)


def _apx_unknown(text: str, positions: dict[str, int], path: str | None) -> FormatError:
    """Locate the first attack naming an argument without an ``arg`` fact."""
    for match in _APX_STATEMENT.finditer(text):
        if match.lastgroup != "target":
            continue
        for group in ("attacker", "target"):
            name = _apx_name(match.group(group))
            if name not in positions:
                return _error_at(
                    text,
                    match.start(group),
                    f"attack names undeclared argument {_shown(name)!r}",
                    path=path,
                    expected=f"an arg({_shown(_apx_quote(name))}). fact",
                    code="unknown-reference",
                )
    return FormatError("an attack names an undeclared argument", path=path)  # pragma: no cover


_APX_SPACE = re.compile(r"\s*")
_APX_NAME_AT = re.compile(_APX_NAME)


def _apx_diagnose(text: str, offset: int, path: str | None) -> FormatError:
    """Walk a malformed fact step by step to say where and what was expected."""
    keyword = text[offset : offset + 3]
    if keyword not in ("arg", "att"):
        return _error_at(
            text, offset, "unexpected text", path=path, expected="arg(NAME). or att(NAME,NAME)."
        )
    steps = ["(", "name", ")", "."] if keyword == "arg" else ["(", "name", ",", "name", ")", "."]
    position = offset + 3
    for step in steps:
        position = _APX_SPACE.match(text, position).end()  # type: ignore[union-attr]
        if step == "name":
            found = _APX_NAME_AT.match(text, position)
            if found is None:
                return _error_at(
                    text,
                    position,
                    f"bad {keyword} fact",
                    path=path,
                    expected="an argument name (a bare word or a double-quoted string)",
                )
            position = found.end()
        elif text.startswith(step, position):
            position += 1
        else:
            return _error_at(text, position, f"bad {keyword} fact", path=path, expected=repr(step))
    return _error_at(
        text, offset, f"bad {keyword} fact", path=path, expected=f"{keyword}(...)."
    )  # pragma: no cover


def dumps_apx(framework: ArgumentationFramework) -> str:
    """ASPARTIX text: one ``arg`` fact per argument in order, then one ``att`` fact per
    attack in canonical order. Names that are not bare words are written as ASP strings."""
    quoted = [_apx_quote(name) for name in framework.arguments]
    lines = [f"arg({name}).\n" for name in quoted]
    n = len(quoted)
    lines.extend(f"att({quoted[c // n]},{quoted[c % n]}).\n" for c in framework.attacks._codes())
    return "".join(lines)


# --------------------------------------------------------------------------------------
# Trivial graph format .tgf
# --------------------------------------------------------------------------------------


def loads_tgf(text: str, *, path: str | None = None) -> ArgumentationFramework:
    """Read ICCMA's TGF: one argument name per line, a line ``#``, then one ``a b`` attack
    per line. Blank lines are ignored; labels (extra words) are not supported."""
    _check_text(text, path)
    names: list[str] = []
    positions: dict[str, int] = {}
    sources: array[int] = array("i")
    targets: array[int] = array("i")
    in_nodes = True
    for number, line in enumerate(text.split("\n"), start=1):
        words = line.split()
        if not words:
            continue
        if in_nodes and words == ["#"]:
            in_nodes = False
        elif in_nodes:
            _tgf_node(words, line, number, positions, path)
            positions[words[0]] = len(names)
            names.append(words[0])
        else:
            source, target = _tgf_edge(words, line, number, positions, path)
            sources.append(source)
            targets.append(target)
    relation = AttackSet(tuple(names), sources, targets)
    relation._cache["positions"] = positions
    return ArgumentationFramework._trusted(relation)


def _tgf_node(
    words: list[str], line: str, number: int, positions: dict[str, int], path: str | None
) -> None:
    tokens = _tokens(line)
    if len(words) != 1:
        raise FormatError(
            "a node line has more than one word",
            path=path,
            line=number,
            column=tokens[1][0] + 1,
            expected="one argument name per line before '#' (labels are not supported)",
        )
    if words[0] in positions:
        raise FormatError(
            f"argument {_shown(words[0])!r} is declared twice",
            path=path,
            line=number,
            column=tokens[0][0] + 1,
            expected="each argument declared once",
            code="duplicate-argument",
        )


def _tgf_edge(
    words: list[str], line: str, number: int, positions: dict[str, int], path: str | None
) -> tuple[int, int]:
    tokens = _tokens(line)
    if len(words) != 2:
        column = tokens[2][0] + 1 if len(words) > 2 else len(line.rstrip()) + 1
        raise FormatError(
            "an attack line needs exactly two names",
            path=path,
            line=number,
            column=column,
            expected="'attacker target' after '#'",
        )
    found = [positions.get(word) for word in words]
    for (column, word), position in zip(tokens, found, strict=True):
        if position is None:
            raise FormatError(
                f"attack names undeclared argument {_shown(word)!r}",
                path=path,
                line=number,
                column=column + 1,
                expected="a name listed before '#'",
                code="unknown-reference",
            )
    return found[0], found[1]  # type: ignore[return-value]


def dumps_tgf(framework: ArgumentationFramework) -> str:
    """TGF text: the names, ``#``, the attacks in canonical order. A name with whitespace,
    an empty name or the name ``#`` cannot be written: :class:`~argmap.errors.FormatError`
    (code ``unwritable-name``)."""
    for name in framework.arguments:
        if name.split() != [name] or name == "#":
            raise FormatError(
                f"argument {name!r} cannot be written in TGF",
                expected="a name without whitespace, not '#'",
                code="unwritable-name",
            )
    lines = [f"{name}\n" for name in framework.arguments]
    lines.append("#\n")
    lines.extend(f"{attacker} {target}\n" for attacker, target in framework.attacks)
    return "".join(lines)


# --------------------------------------------------------------------------------------
# ICCMA 2023 .af
# --------------------------------------------------------------------------------------

_I23_CHUNK = 1 << 20
_I23_CANONICAL = re.compile(r"(?:[0-9]{1,18} [0-9]{1,18}\n)*")
_MAX_INDEX = 2**31 - 1


def loads_i23(
    text: str, *, path: str | None = None, max_arguments: int | None = None
) -> ArgumentationFramework:
    """Read the ICCMA 2023 format: a header ``p af N``, then one ``i j`` attack per line
    (``1 <= i, j <= N``); lines starting with ``#`` are comments. The arguments are named
    ``"1"`` .. ``"N"``. A header declaring more than ``max_arguments`` arguments is
    refused (code ``too-large``) because the names are built eagerly; by default the
    limit is :data:`DEFAULT_MAX_ARGUMENTS` or the length of ``text``, whichever is larger.

    Fast: canonical chunks (``i j`` with one space) are checked by one regular expression
    and converted by C loops; anything else goes line by line, which also finds the
    line and column of an error.
    """
    _check_text(text, path)
    limit = max(DEFAULT_MAX_ARGUMENTS, len(text)) if max_arguments is None else max_arguments
    count, body, first_line = _i23_header(text, path, min(limit, _MAX_INDEX))
    sources: array[int] = array("i")
    targets: array[int] = array("i")
    line = first_line
    while body < len(text):
        end = text.find("\n", body + _I23_CHUNK)
        end = len(text) if end < 0 else end + 1
        chunk = text[body:end]
        if not _i23_fast(chunk, count, sources, targets):
            _i23_strict(chunk, line, count, path, sources, targets)
        line += chunk.count("\n")
        body = end
    names = tuple(map(str, range(1, count + 1)))
    return ArgumentationFramework._trusted(AttackSet(names, sources, targets))


def _i23_header(text: str, path: str | None, limit: int) -> tuple[int, int, int]:
    """Find ``p af N``: returns N, the offset after its line and the next line number."""
    offset, number = 0, 1
    while offset <= len(text):
        end = text.find("\n", offset)
        end = len(text) if end < 0 else end
        line = text[offset:end]
        words = line.split()
        if words and not words[0].startswith("#"):
            return _i23_count(line, number, path, limit), end + 1, number + 1
        offset, number = end + 1, number + 1
    line_number, column = _location(text, len(text))
    raise FormatError(
        "no 'p af' header",
        path=path,
        line=line_number,
        column=column,
        expected="'p af <number of arguments>'",
    )


def _i23_count(line: str, number: int, path: str | None, limit: int) -> int:
    """The N of a header line ``p af N``, or a FormatError pointing at the first bad word."""
    tokens = _tokens(line)
    wanted: list[Callable[[str], bool]] = [
        "p".__eq__,
        "af".__eq__,
        _is_digits,
    ]
    for index, check in enumerate(wanted):
        if index >= len(tokens) or not check(tokens[index][1]):
            column = tokens[index][0] if index < len(tokens) else len(line.rstrip())
            raise FormatError(
                "the first line is not an ICCMA 2023 header",
                path=path,
                line=number,
                column=column + 1,
                expected="'p af <number of arguments>'",
            )
    if len(tokens) > 3:
        raise FormatError(
            "the header has extra words",
            path=path,
            line=number,
            column=tokens[3][0] + 1,
            expected="'p af <number of arguments>'",
        )
    count = _number(tokens[2][1])
    if count > limit:
        raise FormatError(
            f"the header declares {_shown(tokens[2][1])} arguments, more than the limit of {limit}",
            path=path,
            line=number,
            column=tokens[2][0] + 1,
            expected=f"at most {limit} arguments (see max_arguments)",
            code="too-large",
        )
    return count


def _is_digits(word: str) -> bool:
    return word.isascii() and word.isdigit()


def _shown(word: str) -> str:
    """``word`` cut to 24 characters for a message (a 5,000-digit number stays readable)."""
    return word if len(word) <= 24 else f"{word[:12]}...({len(word)} characters)"


def _number(word: str) -> int:
    """The value of an ASCII digit string; ``2**63`` (out of every range) when it has more
    than :data:`_MAX_DIGITS` significant digits, so that no digit limit is ever hit."""
    significant = word.lstrip("0")
    return int(significant or "0") if len(significant) <= _MAX_DIGITS else 2**63


def _i23_fast(chunk: str, count: int, sources: array[int], targets: array[int]) -> bool:
    """Convert a canonical chunk with C loops; False (nothing added) if it is not one."""
    if _I23_CANONICAL.fullmatch(chunk) is None:
        return False
    numbers = array("q", map(int, chunk.split()))
    if numbers and (min(numbers) < 1 or max(numbers) > count):
        return False
    decrement = (-1).__add__
    sources.extend(map(decrement, islice(numbers, 0, None, 2)))
    targets.extend(map(decrement, islice(numbers, 1, None, 2)))
    return True


def _i23_strict(
    chunk: str,
    first_line: int,
    count: int,
    path: str | None,
    sources: array[int],
    targets: array[int],
) -> None:
    """Line by line, with precise errors."""
    for number, line in enumerate(chunk.split("\n"), start=first_line):
        words = line.split()
        if not words or words[0].startswith("#"):
            continue
        if len(words) != 2:
            raise _i23_shape_error(words, line, number, path)
        pair = [_i23_number(line, index, count, number, path) for index in (0, 1)]
        sources.append(pair[0] - 1)
        targets.append(pair[1] - 1)


def _i23_shape_error(words: list[str], line: str, number: int, path: str | None) -> FormatError:
    """An attack line without exactly two words: point at the culprit."""
    tokens = _tokens(line)
    if words[0] == "p":
        message, column = "a second 'p af' header", tokens[0][0] + 1
    else:
        message = "an attack line needs two numbers"
        column = tokens[2][0] + 1 if len(words) > 2 else len(line.rstrip()) + 1
    return FormatError(
        message, path=path, line=number, column=column, expected="'i j' (two argument numbers)"
    )


def _i23_number(line: str, index: int, count: int, number: int, path: str | None) -> int:
    column, word = _tokens(line)[index]
    value = _number(word) if _is_digits(word) else 0
    if not 1 <= value <= count:
        raise FormatError(
            f"{_shown(word)!r} is not an argument number",
            path=path,
            line=number,
            column=column + 1,
            expected=f"a number from 1 to {count}",
        )
    return value


def i23_numbering(framework: ArgumentationFramework) -> dict[str, int]:
    """Name -> number that :func:`dumps_i23` uses: the 1-based position of the argument."""
    return {name: index for index, name in enumerate(framework.arguments, start=1)}


def dumps_i23(framework: ArgumentationFramework) -> str:
    """ICCMA 2023 text. The format has no names: argument *i* (1-based position, see
    :func:`i23_numbering`) is written as the number *i*, so reading it back gives names
    ``"1"`` .. ``"N"``, and the same framework when its names already are those."""
    n = len(framework.arguments)
    lines = [f"p af {n}\n"]
    lines.extend(f"{c // n + 1} {c % n + 1}\n" for c in framework.attacks._codes())
    return "".join(lines)


# --------------------------------------------------------------------------------------
# Format dispatch and files
# --------------------------------------------------------------------------------------

_READERS: dict[str, Callable[..., ArgumentationFramework]] = {
    "apx": loads_apx,
    "tgf": loads_tgf,
    "i23": loads_i23,
}
_WRITERS: dict[str, Callable[[ArgumentationFramework], str]] = {
    "apx": dumps_apx,
    "tgf": dumps_tgf,
    "i23": dumps_i23,
}


def _format_of(path: pathlib.Path, format: str | None) -> str:
    chosen = format if format is not None else FORMATS.get(path.suffix.lower())
    if chosen not in _READERS:
        what = f"format {format!r}" if format is not None else f"suffix {path.suffix!r}"
        raise FormatError(
            f"unknown argumentation framework {what}",
            path=str(path),
            expected="format 'apx', 'tgf' or 'i23', or a .apx, .tgf, .af or .i23 file",
            code="unknown-format",
        )
    return chosen


def loads(text: str, *, format: Format, path: str | None = None) -> ArgumentationFramework:
    """Read a framework from text in ``format`` (``"apx"``, ``"tgf"`` or ``"i23"``)."""
    return _READERS[_format_of(pathlib.Path(path or "-"), format)](text, path=path)


def dumps(framework: ArgumentationFramework, *, format: Format) -> str:
    """Write a framework as text in ``format`` (``"apx"``, ``"tgf"`` or ``"i23"``)."""
    return _WRITERS[_format_of(pathlib.Path("-"), format)](framework)


def load(path: str | os.PathLike[str], *, format: Format | None = None) -> ArgumentationFramework:
    """Read a framework from a file; the format comes from the suffix (``.apx``, ``.tgf``,
    ``.af``/``.i23``) unless given."""
    file = pathlib.Path(path)
    chosen = _format_of(file, format)
    return _READERS[chosen](_decode(_read_bytes(file), str(file)), path=str(file))


def _read_bytes(file: pathlib.Path) -> bytes:
    """The bytes of ``file``; a missing file, a folder or any other failure to read it is
    a :class:`~argmap.errors.FormatError` naming it (code ``unreadable``)."""
    try:
        return file.read_bytes()
    except FileNotFoundError:
        message = "no such file"
    except IsADirectoryError:
        message = "is a folder, not a file"
    except OSError as error:
        message = f"cannot read the file: {error.strerror or error}"
    raise FormatError(message, path=str(file), expected="a readable file", code="unreadable")


def dump(
    framework: ArgumentationFramework, path: str | os.PathLike[str], *, format: Format | None = None
) -> None:
    """Write a framework to a file atomically (a temporary file renamed into place); the
    format comes from the suffix unless given."""
    file = pathlib.Path(path)
    text = _WRITERS[_format_of(file, format)](framework)
    try:
        content = text.encode("utf-8")
    except UnicodeEncodeError as error:  # a lone surrogate in a name given in Python
        raise FormatError(
            f"an argument name is not valid Unicode (character {error.start} of the text)",
            path=str(file),
            expected="names without lone surrogates",
            code="unwritable-name",
        ) from None
    write_atomically(file, content)
