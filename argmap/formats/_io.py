"""What every format module shares: reading text safely, writing atomically, and
turning offsets into the line and column a person looks for."""

from __future__ import annotations

import bisect
import os
import pathlib
import re
from collections.abc import Iterable

from argmap.dot import write_atomically
from argmap.errors import FormatError
from argmap.report import Location

__all__ = ["Lines", "line_columns", "locate_ids", "read_text", "write_text"]

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
    """Write ``text`` to ``path`` atomically, refusing to overwrite any of ``inputs``."""
    target = pathlib.Path(path)
    for source in inputs:
        source_path = pathlib.Path(source)
        if target.exists() and source_path.exists() and target.samefile(source_path):
            raise FormatError(
                "refusing to overwrite an input file; choose another output", path=str(target)
            )
    write_atomically(target, text.encode("utf-8"))
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
    import json

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
