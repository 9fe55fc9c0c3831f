"""Argdown text that reads back as written: escaping texts, tags and titles.

:func:`escape` and :func:`escape_tagged` give a statement's or argument's text as
Argdown that the reader (:mod:`._lexer`, :mod:`._build`) reads back to the same text and
tags, or None when no escaping can; :mod:`._write` and :mod:`.json` use them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from argmap.errors import FormatError
from argmap.formats.argdown._lexer import SHORTCODES, LexError, tokenize
from argmap.formats.argdown._yaml import UnwritableData, flow

_LINE_BREAKS = re.compile(r"[\n\r]")
_SYNTAX = set("\\@#*_[]<>{}/")
_TAG_CHARS = r"A-z0-9\-\u00A0-\uD7FF\uF900-\uFDCF\uFDF0-\uFFEF"
_SIMPLE_TAG = re.compile("[" + _TAG_CHARS + "]+")
_UNTITLED = re.compile(r"\[Untitled [1-9][0-9]*\]")
_BAD_TITLE = re.compile(r"[\n\r\u2028\u2029]")
_SPECIAL = re.compile(r"(?:\.[^\s]+?\.[ \t]?)|(?::[^\s]+?:[ \t]?)")


# -- escaping ---------------------------------------------------------------------------


def _escape_basic(text: str) -> str:
    """Backslashes before Argdown's syntax characters and shortcodes."""
    out: list[str] = []
    index, size = 0, len(text)
    while index < size:
        char = text[index]
        if char in ".:":
            found = _SPECIAL.match(text, index)
            if found is not None and found.group().strip() in SHORTCODES:
                out.append("\\" + char)
                index += 1
                continue
            if found is not None:
                out.append(found.group())
                index = found.end()
                continue
        if char in _SYNTAX or char == "\t" or (index == 0 and char == " "):
            out.append("\\" + char)
        elif char == "=" and text.startswith("===", index):
            out.append("\\=")
        else:
            out.append(char)
        index += 1
    return "".join(out)


def _escape_all(text: str) -> str:
    """Every character that is not a letter, digit or inner space, escaped."""
    out = []
    for index, char in enumerate(text):
        plain = char.isalnum() or (char == " " and index > 0)
        out.append(char if plain else "\\" + char)
    return "".join(out)


_OPEN_BRACE = re.compile(r"(?<!\\)\{")


def _reads_back(prefix: str, written: str, text: str) -> bool:
    """True when Argdown reads ``prefix + written`` as exactly ``text``.

    An unescaped ``{`` that the lexer reads as text (inside a shortcode such as
    ``.{.``) is still refused by the reader as an unclosed data block: never written."""
    if _OPEN_BRACE.search(written):
        return False
    try:
        tokens = tokenize(prefix + written + "\n")
    except (LexError, FormatError):  # a candidate that opens a block it never closes
        return False
    kinds = [t.type for t in tokens]
    return kinds[1:] in (["TEXT", "NL"], ["TEXT"]) and str(tokens[1]) == text


def escape(text: str, prefix: str = "[x]: ") -> str | None:
    """``text`` as it must be written after ``prefix``; None if Argdown cannot say it
    on one line (line breaks) or the text is empty."""
    if not text or _LINE_BREAKS.search(text):
        return None
    for candidate in (_escape_basic(text), _escape_all(text)):
        if _reads_back(prefix, candidate, text):
            return candidate
    return None


_TAG_IN_TEXT = re.compile(r"#(?:\(([^)\n\r]+)\)|([" + _TAG_CHARS + r"]+))")


_VERBATIM = re.compile(
    _TAG_IN_TEXT.pattern + r"|@\[[^\]\n\r]+\]|@<[^>\n\r]+>"
)  # tags and mentions (``@[title]``, ``@<title>``), which Argdown keeps in the text
_TEXT_TOKENS = ("TEXT", "TAG", "STMT_MENTION", "ARG_MENTION")


def _tag_name(token: str) -> str:
    """The name of a tag token (``#name`` or ``#(a name)``, maybe with a space after)."""
    found = _TAG_IN_TEXT.match(token)
    return (found.group(1) or found.group(2)) if found else ""


def escape_tagged(
    text: str, tags: Iterable[str], prefix: str, *, removed: bool = False
) -> tuple[str, list[str]] | None:
    """``text`` written after ``prefix`` with its ``tags`` as Argdown tags and its
    mentions as mentions, as a person writes them (``Cats are #great pets, says
    @[Vet].``), and the tags it carries; None when there is nothing to write so or the
    result does not read back as ``text``.

    Argdown keeps a tag in the text it stands in (``#great`` is part of the text above),
    so a tag found in the text is written unescaped where it stands. When the front
    matter says ``model.removeTagsFromText`` the text holds no tag: they go after it."""
    if not text or _LINE_BREAKS.search(text):
        return None
    wanted = list(dict.fromkeys(tags))
    if removed:
        written_tags = [t for t in (_tag(tag) for tag in wanted) if t]
        body = escape(text, prefix)
        if body is None or not written_tags:
            return None
        written = body + " " + " ".join(written_tags)
    else:
        pieces: list[str] = []
        at = 0
        for found in _VERBATIM.finditer(text):
            if found.group().startswith("#") and _tag_name(found.group()) not in wanted:
                continue
            segment = _escape_basic(text[at : found.start()])
            if pieces and segment.startswith("\\ "):
                segment = segment[1:]
            pieces.extend((segment, found.group()))
            at = found.end()
        if not pieces:
            return None
        rest = _escape_basic(text[at:])
        pieces.append(rest[1:] if rest.startswith("\\ ") else rest)
        written = "".join(pieces)
    read = _read_tagged(prefix, written, removed)
    if read is None:
        return None
    read_text, read_tags = read
    if (read_text.rstrip() if removed else read_text) != text:
        return None
    if any(tag not in wanted for tag in read_tags):
        return None
    return written, read_tags


def _read_tagged(prefix: str, written: str, removed: bool) -> tuple[str, list[str]] | None:
    """The text (tags included) and tag names Argdown reads from ``prefix + written``."""
    if _OPEN_BRACE.search(written):
        return None
    try:
        tokens = tokenize(prefix + written + "\n")
    except (LexError, FormatError):
        return None
    body = tokens[1:]
    if body and body[-1].type == "NL":
        body = body[:-1]
    if not body or any(t.type not in _TEXT_TOKENS for t in body):
        return None
    text = "".join(str(t) for t in body if t.type == "TEXT" or not removed)
    names = list(dict.fromkeys(_tag_name(str(t)) for t in body if t.type == "TAG"))
    return text, names


def _statement_title_ok(title: str) -> bool:
    """Whether ``[title]`` reads back as ``title`` wherever it is written."""
    return (
        bool(title)
        and "]" not in title
        and not title.startswith("-")
        and not (_BAD_TITLE.search(title))
    )


def _argument_title_ok(title: str) -> bool:
    """Whether ``<title>`` reads back as ``title`` wherever it is written."""
    return (
        bool(title)
        and ">" not in title
        and title[0] not in "-+_"
        and not title.startswith("!--")
        and not _BAD_TITLE.search(title)
    )


def _tag(tag: str) -> str | None:
    """``#tag`` or ``#(a tag)``; None when a tag cannot be written."""
    if _SIMPLE_TAG.fullmatch(tag):
        return "#" + tag
    if not tag or ")" in tag or _BAD_TITLE.search(tag) or "\n" in tag:
        return None
    return f"#({tag})"


def _before_data(written: str, data: str) -> str:
    """An escaped text followed by its data block. A ``.`` or ``:`` in the text's last
    word would open a shortcode (``.name.``, ``:name:``) that runs into the block, so
    those are escaped there."""
    if not data:
        return written
    start = max(written.rfind(" "), written.rfind("\t")) + 1
    tail, escaped = [], False
    for char in written[start:]:
        if not escaped and char in ".:":
            tail.append("\\")
        tail.append(char)
        escaped = not escaped and char == "\\"
    return written[:start] + "".join(tail) + data


def _data(data: dict[str, Any]) -> str:
    """``data`` as an inline ``{...}`` block (empty when there is nothing to write)."""
    if not data:
        return ""
    try:
        return flow(data)
    except UnwritableData:
        return ""
