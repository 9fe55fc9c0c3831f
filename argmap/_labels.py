"""Text in diagrams: wrapping, cleaning, cutting and escaping what users write, so that no
text can break or inject into the DOT, and none is past Graphviz's limits.

Part of :mod:`argmap.dot`, which re-exports every public name here; other modules import
them from there.
"""

from __future__ import annotations

import html
import re
import textwrap

import graphviz

from argmap.errors import RenderError

__all__ = [
    "LINE_LIMIT",
    "STRING_LIMIT",
    "TEXT_LIMIT",
    "TOOLTIP_LIMIT",
    "WRAP_LIMIT",
    "clean",
    "html_line",
    "html_lines",
    "html_text",
    "quoted_text",
    "shorten",
    "wrap",
]

_NONCHARACTERS = "\ufdd0-\ufdef" + "".join(
    f"{chr(plane | 0xFFFE)}{chr(plane | 0xFFFF)}" for plane in range(0, 0x110000, 0x10000)
)
_UNSAFE = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff{_NONCHARACTERS}]")
"""What Graphviz or an XML parser chokes on: control characters (but tab and line
feed), lone surrogates (not even encodable as UTF-8) and Unicode's noncharacters
(U+FFFE and U+FFFF make ``dot`` fail and SVG ill-formed)."""

STRING_LIMIT = 16384
"""Graphviz's lexer refuses a quoted or HTML-like string longer than this (in bytes)."""

LINE_LIMIT = 200
"""One-line places (ids, tags, titles, captions) show at most this many characters:
a 100 KB tag would make a cluster too wide for Graphviz to lay out."""

TEXT_LIMIT = 12000
"""Bytes of escaped text a statement's label holds (well under :data:`STRING_LIMIT`)."""

TOOLTIP_LIMIT = 2000
"""Characters of a quote shown as a tooltip."""

WRAP_LIMIT = 500
"""The widest :attr:`Theme.wrap`: wider lines make nodes Graphviz cannot lay out."""


def _shown(value: object) -> str:
    """``value`` as a message shows it: its repr, cut short."""
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def wrap(text: str, width: int) -> list[str]:
    """The lines a statement's text is shown in: its own line breaks kept, runs of
    white space folded, then wrapped at ``width`` characters (a whole number, 1 or more)."""
    if not isinstance(width, int) or isinstance(width, bool) or width < 1:
        raise RenderError(f"the wrap width must be a whole number from 1, not {_shown(width)}")
    lines: list[str] = []
    for paragraph in text.split("\n"):
        words = " ".join(paragraph.split())
        lines.extend(textwrap.wrap(words, width, break_on_hyphens=False) or [""])
    return lines


def clean(text: str) -> str:
    """``text`` with every character Graphviz or XML refuses (control characters but
    tab and line feed, lone surrogates, noncharacters such as U+FFFF) made U+FFFD."""
    return _UNSAFE.sub("\ufffd", text)


def shorten(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters, the cut marked with an ellipsis."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def html_text(text: str) -> str:
    """``text`` made safe for a Graphviz HTML-like label: markup characters become
    entities (``]`` too: Graphviz's lexer stumbles on a text that starts with it),
    backslashes are doubled (Graphviz expands ``\\N``, ``\\G``... even in HTML
    labels), and what its XML parser refuses (see :func:`clean`) becomes U+FFFD."""
    escaped = html.escape(clean(text).replace("\\", "\\\\"), quote=True)
    return escaped.replace("]", "&#93;")


def html_line(text: str) -> str:
    """Like :func:`html_text` for one-line places (ids, tags, titles): white space
    folded, and cut to :data:`LINE_LIMIT` characters. A blank text gives one space,
    never nothing: Graphviz refuses an empty ``<B></B>`` or ``<FONT></FONT>``."""
    return html_text(shorten(" ".join(text.split()), LINE_LIMIT)) or " "


def quoted_text(text: str, limit: int = TOOLTIP_LIMIT) -> str:
    """``text`` for a quoted DOT attribute (a tooltip): cleaned, cut to ``limit``
    characters, backslashes and ``<...>`` stripped of their meaning to Graphviz."""
    escaped: str = graphviz.escape(shorten(clean(text), limit))
    return escaped


_BREAK = '<BR ALIGN="LEFT"/>'


def html_lines(lines: list[str], bold: bool = False, italic: bool = False) -> str:
    """``lines`` as the left-aligned body of an HTML-like label, escaped by
    :func:`html_text` (``bold``, ``italic`` or both): at most :data:`TEXT_LIMIT` bytes
    of them, the rest counted in a last line, since Graphviz refuses a label over
    :data:`STRING_LIMIT` bytes."""
    shown: list[str] = []
    size = 0
    for number, line in enumerate(lines):
        piece = html_text(line)
        if italic and piece:  # Graphviz refuses an empty <I></I>
            piece = f"<I>{piece}</I>"
        if bold and piece:
            piece = f"<B>{piece}</B>"
        size += len(piece.encode("utf-8")) + len(_BREAK)
        if size > TEXT_LIMIT:
            rest = len(lines) - number
            shown.append(f"<I>… {rest} more line{'s' if rest != 1 else ''} not shown</I>")
            break
        shown.append(piece)
    return _BREAK.join(shown) + _BREAK
