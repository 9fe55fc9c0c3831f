"""Reading and writing argument maps: one module per format, the same verbs in each.

``load``/``loads``/``dump``/``dumps`` here choose the module by format name, by
the file's suffix, and for ``.json`` files by their content.

========================  ==============================  ===========
format                    suffixes                        direction
========================  ==============================  ===========
``json`` (native)         ``.argmap.json``, ``.json``     read, write
``argdown``               ``.argdown``, ``.ad``           read, write
``aif`` (AIFdb, xAIF)     ``.json``                       read, write
``microtexts``            ``.xml``                        read
``argdown-json``          ``.json``                       read, write
``dot``                   ``.dot``, ``.gv``               write
``mermaid``               ``.mmd``                        write
``graphml``               ``.graphml``                    write
========================  ==============================  ===========
"""

from __future__ import annotations

import importlib
import inspect
import json as _json
import os
import pathlib
from types import ModuleType
from typing import Any

from argmap.errors import FormatError
from argmap.formats._io import PathLike, read_text, write_text
from argmap.model import ArgumentMap

__all__ = ["FORMATS", "READERS", "WRITERS", "detect", "dump", "dumps", "load", "loads", "sources"]

FORMATS: dict[str, str] = {
    "json": "argmap.formats.json",
    "argdown": "argmap.formats.argdown",
    "aif": "argmap.formats.aif",
    "microtexts": "argmap.formats.microtexts",
    "argdown-json": "argmap.formats.argdown_json",
    "dot": "argmap.formats.dot",
    "mermaid": "argmap.formats.mermaid",
    "graphml": "argmap.formats.graphml",
}
"""Format name -> the module implementing it."""

READERS: tuple[str, ...] = ("json", "argdown", "aif", "microtexts", "argdown-json")
"""The formats :func:`load` and :func:`loads` can read (a test holds this equal to the
modules' verbs, so that the list is known without importing every module)."""

WRITERS: tuple[str, ...] = ("json", "argdown", "aif", "argdown-json", "dot", "mermaid", "graphml")
"""The formats :func:`dump` and :func:`dumps` can write."""

_SUFFIXES = {
    ".argdown": "argdown",
    ".ad": "argdown",
    ".xml": "microtexts",
    ".dot": "dot",
    ".gv": "dot",
    ".mmd": "mermaid",
    ".graphml": "graphml",
}


_COMPOUND = {
    ".argmap.json": "json",
    ".aif.json": "aif",
    ".argdown-json.json": "argdown-json",
    ".argdown.json": "argdown-json",
}
"""Names whose last two suffixes say the format of a ``.json`` file."""


def _module(format: str, verb: str) -> ModuleType:
    if format not in FORMATS:
        raise FormatError(
            f"unknown format {format!r}", expected="one of " + ", ".join(sorted(FORMATS))
        )
    module = importlib.import_module(FORMATS[format])
    if not hasattr(module, verb):
        raise FormatError(
            f"the {format} format cannot be {'read' if 'load' in verb else 'written'}"
        )
    return module


def detect_json(text: str, *, path: str | None = None) -> str:
    """Which JSON dialect ``text`` is: ``json`` (native), ``aif`` or ``argdown-json``."""
    try:
        document: Any = _json.loads(text)
    except (ValueError, RecursionError):  # bad syntax, or an integer of too many digits
        return "json"  # the native reader reports the error with its position
    if isinstance(document, dict):
        if "argmap" in document:
            return "json"
        if "AIF" in document or ("nodes" in document and "edges" in document):
            return "aif"
        if "statements" in document and "arguments" in document and "relations" in document:
            return "argdown-json"
    raise FormatError(
        "a JSON file that is neither argmap's, AIFdb's, OVA's xAIF nor Argdown's",
        path=path,
        line=1,
        column=1,
        expected='an object with "argmap", "AIF", or "nodes" and "edges"',
    )


def detect(path: PathLike, text: str | None = None) -> str:
    """The format of ``path``, from its suffix (and the content of a ``.json`` file)."""
    name = pathlib.Path(path).name.lower()
    for ending, format in _COMPOUND.items():
        if name.endswith(ending):
            return format
    suffix = pathlib.Path(name).suffix
    if suffix in _SUFFIXES:
        return _SUFFIXES[suffix]
    if suffix == ".json":
        return detect_json(text, path=os.fspath(path)) if text is not None else "json"
    raise FormatError(
        f"cannot tell the format from the suffix {suffix or '(none)'!r}",
        path=os.fspath(path),
        expected="a format named (format=...) or a name ending in one of "
        + " ".join([*_COMPOUND, *_SUFFIXES, ".json"]),
    )


def _leniency(module: ModuleType, verb: str, strict: bool) -> dict[str, bool]:
    """``{"strict": False}`` for a reader that has a lenient mode, when it is asked for."""
    if strict or "strict" not in inspect.signature(getattr(module, verb)).parameters:
        return {}
    return {"strict": False}


def loads(text: str, *, format: str, path: str | None = None, strict: bool = True) -> ArgumentMap:
    """Read a map from ``text`` in ``format``.

    ``strict=False`` asks a reader that can for a lenient reading: the AIF reader then
    leaves out the S-nodes it cannot hold instead of refusing the file, and lists them in
    ``map.data["left_out"]`` for ``check`` to report (``left-out-node``). Readers without
    a lenient mode read as strictly as ever.
    """
    module = _module(format, "loads")
    result: ArgumentMap = module.loads(text, path=path, **_leniency(module, "loads", strict))
    return result


def load(path: PathLike, *, format: str | None = None, strict: bool = True) -> ArgumentMap:
    """Read a map from the file ``path`` (format from the suffix and content unless given;
    ``strict`` as in :func:`loads`)."""
    text = read_text(path)
    chosen = format or detect(path, text)
    module = _module(chosen, "loads")
    if hasattr(module, "load"):  # a module may read more than the one file (a sibling text)
        result: ArgumentMap = module.load(path, **_leniency(module, "load", strict))
        return result
    return loads(text, format=chosen, path=os.fspath(path), strict=strict)


def sources(path: PathLike, *, format: str | None = None) -> tuple[pathlib.Path, ...]:
    """The files :func:`load` reads for ``path``: ``path`` itself and any companion
    (the ``.txt`` beside a microtexts ``.xml``). A writer must spare them all."""
    try:
        chosen = format or detect(path)
        module = _module(chosen, "loads")
    except FormatError:  # load will say so; until then the file itself is what it reads
        return (pathlib.Path(path),)
    if hasattr(module, "sources"):
        found: tuple[pathlib.Path, ...] = module.sources(path)
        return found
    return (pathlib.Path(path),)


def dumps(map: ArgumentMap, *, format: str) -> str:
    """``map`` as text in ``format``."""
    result: str = _module(format, "dumps").dumps(map)
    return result


def dump(
    map: ArgumentMap,
    path: PathLike,
    *,
    format: str | None = None,
    inputs: tuple[PathLike, ...] = (),
) -> pathlib.Path:
    """Write ``map`` to ``path`` atomically; never over one of ``inputs`` (give it
    :func:`sources` of the file the map was read from)."""
    chosen = format or detect(path)
    return write_text(path, dumps(map, format=chosen), inputs=inputs)
