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

__all__ = ["Lines", "locate_ids", "read_text", "write_text"]

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


def locate_ids(
    text: str, ids: Iterable[str], *, key: str = "id", path: str | None = None
) -> dict[str, Location]:
    """Where each ``"key": "id"`` pair first stands in a JSON text (for messages)."""
    import json

    lines = Lines(text)
    found: dict[str, Location] = {}
    for id in ids:
        pattern = rf'"{re.escape(key)}"\s*:\s*{re.escape(json.dumps(id))}'
        match = re.search(pattern, text)
        if match is None and not id.isascii():
            match = re.search(
                rf'"{re.escape(key)}"\s*:\s*{re.escape(json.dumps(id, ensure_ascii=False))}', text
            )
        if match is not None:
            found[id] = lines.location(match.start(), path)
    return found
