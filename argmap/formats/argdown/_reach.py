"""Where Argdown tokens can end: line and column of offsets, and the lookahead that
keeps the tokenizer (:mod:`._lexer`) linear in the text.

:class:`_Reach` answers, at a ``[``, ``<``, ``{``..., which token kinds cannot match
there because what would close them is missing, with remembered searches
(:class:`_Next`) asked at growing positions, so that a line of ten thousand ``[``
is searched about once. :class:`_LineIndex` turns offsets into (line, column).
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Callable

# JavaScript's `.` (no line terminators) and `\s`, which Argdown's patterns rely on.
_DOT = r"[^\n\r\u2028\u2029]"
_JS_WS = r"[ \f\n\r\t\v\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]"
_NOT_JS_WS = _JS_WS.replace("[", "[^", 1)
_TAG_CHARS = r"A-z0-9\-\u00A0-\uD7FF\uF900-\uFDCF\uFDF0-\uFFEF"


class _LineIndex:
    """Offsets -> (line, column), both 1-based."""

    def __init__(self, text: str) -> None:
        # A line starts after the lines before it and their line breaks: running
        # sums of length + 1, computed without a Python-level loop.
        lengths = map(len, text.split("\n")[:-1])
        self.starts = [0, *itertools.accumulate(map((1).__add__, lengths))]

    def at(self, offset: int) -> tuple[int, int]:
        """The (line, column) of ``offset``."""
        line = bisect.bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1


class _Next:
    """The first match of a search at or after a position, remembered.

    Asked with positions that only grow (as the scanner's), each part of the text
    is searched about once: the answer for ``start`` stays the answer for every later
    start up to where it was found (-1, nowhere, stays the answer for good)."""

    __slots__ = ("found", "search", "start")

    def __init__(self, search: Callable[[int], int]) -> None:
        self.search = search
        self.start = 1 << 62  # nothing asked yet
        self.found = -1

    def __call__(self, start: int) -> int:
        """Where the search first matches at or after ``start`` (-1: nowhere)."""
        found = self.found
        if self.start <= start and (found < 0 or start <= found):
            return found
        self.start = start
        self.found = found = self.search(start)
        return found


def _finder(text: str, needle: str) -> _Next:
    """A remembered search for the string ``needle`` in ``text``."""
    return _Next(functools.partial(text.find, needle))


def _pattern_finder(text: str, pattern: re.Pattern[str]) -> _Next:
    """A remembered search for ``pattern`` in ``text`` (-1 where it is not found)."""

    def search(at: int) -> int:
        found = pattern.search(text, at)
        return -1 if found is None else found.start()

    return _Next(search)


_LINE_END = re.compile(r"[\n\r\u2028\u2029]")  # what JavaScript's ``.`` does not match
_SEPARATOR = re.compile(r"[\u2028\u2029]")  # what a comment may not span
_DATA_STOP = re.compile(r"\}" + _JS_WS + r"[^,}]|[\r\u2028\u2029]")
_FAR = frozenset("[<{@#/=")
"""Characters that may open a token whose end is searched for far away."""
_TAG_START = re.compile(r"#[" + _TAG_CHARS + r"]")


class _Reach:
    """Which token kinds cannot match at a position because what would close them
    is missing, found in amortized constant time.

    Each condition below is exactly when the kind's pattern in ``_P`` matches (for
    data blocks: it remembers where the pattern failed and where that failure holds),
    so leaving the ruled-out kinds out of a combined pattern never changes the token
    found; it only spares the regular expression engine a search to the end of the
    line or text at every ``[`` of a line of ``[[[[``, which made such input take
    quadratic time. Every search is remembered (:class:`_Next`), each asked with
    growing positions, so that a text is searched about once per condition."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.size = len(text)
        self.line_end = _pattern_finder(text, _LINE_END)  # asked at pos + 1
        self.close = _finder(text, "]")  # asked at pos + 1, then pos + 2
        self.definition = _finder(text, "]:")
        self.argument_close = _finder(text, ">")
        self.argument_definition = _finder(text, ">:")
        self.paren = _finder(text, ")")  # for links
        self.tag_paren = _finder(text, ")")  # for tags
        self.mention_square = _finder(text, "]")
        self.mention_angle = _finder(text, ">")
        self.comment_html = _finder(text, "-->")
        self.comment_block = _finder(text, "*/")
        self.separator_html = _pattern_finder(text, _SEPARATOR)
        self.separator_block = _pattern_finder(text, _SEPARATOR)
        self.comment_line = _pattern_finder(text, _LINE_END)
        self.frontmatter_end = _finder(text, "===")
        self.data_stop = _pattern_finder(text, _DATA_STOP)
        self.data_failed = (-1, -1)  # the data pattern fails at every position strictly inside

    def ruled_out(self, char: str, pos: int) -> frozenset[str]:
        """The kinds starting with ``char`` that certainly do not match at ``pos``, up to
        the first that may: the pattern tries them in this order, so it never gets to
        the later ones (which need not be ruled out, nor checked)."""
        return _GUARDS[char](self, pos)

    def end_of_line(self, start: int) -> int:
        """Where the line goes on to from ``start`` (the text's size: to its end)."""
        found = self.line_end(start)
        return self.size if found < 0 else found

    def square(self, pos: int) -> frozenset[str]:
        """At ``[``: a link ``[text](url)``, a definition ``[title]:`` or a reference
        ``[title]`` (on one line; its first character may be anything but ``-``)."""
        text = self.text
        close = self.close(pos + 1)
        if close < 0:
            return _OUT["["][3]
        link = close > pos + 1 and text.startswith("(", close + 1)
        if link and self.paren(close + 2) > close + 2:
            return _OUT["["][0]
        end = self.end_of_line(pos + 1)
        if 0 <= self.definition(pos + 2) < end:
            return _OUT["["][1]
        if pos + 1 < self.size and text[pos + 1] != "-":
            if close == pos + 1:
                close = self.close(pos + 2)
            if text[pos + 1] in "\n\r\u2028\u2029":  # [^-] took the line break
                found = _LINE_END.search(text, pos + 2)
                end = found.start() if found is not None else self.size
            if 0 <= close < end:
                return _OUT["["][2]
        return _OUT["["][3]

    def angle(self, pos: int) -> frozenset[str]:
        """At ``<``: a comment ``<!-- -->``, a definition ``<title>:`` or a reference
        ``<title>`` (on one line; its first character may be anything but ``-``)."""
        text = self.text
        if text.startswith("<!--", pos):
            stop = self.separator_html(pos + 4)
            found = self.comment_html(pos + 4)
            if found >= 0 and (stop < 0 or found < stop):
                return _OUT["<"][0]
        end = self.end_of_line(pos + 1)
        if 0 <= self.argument_definition(pos + 2) < end:
            return _OUT["<"][1]
        if pos + 1 < self.size and text[pos + 1] != "-":
            if text[pos + 1] in "\n\r\u2028\u2029":  # [^-] took the line break
                found_end = _LINE_END.search(text, pos + 2)
                end = found_end.start() if found_end is not None else self.size
            if 0 <= self.argument_close(pos + 2) < end:
                return _OUT["<"][2]
        return _OUT["<"][3]

    def slash(self, pos: int) -> frozenset[str]:
        """At ``/``: a comment ``/* */`` (no line separator inside) or ``//`` up to a
        ``\\n``."""
        text = self.text
        if text.startswith("/*", pos):
            stop = self.separator_block(pos + 2)
            found = self.comment_block(pos + 2)
            if found >= 0 and (stop < 0 or found < stop):
                return _OUT["/"][0]
        elif text.startswith("//", pos):
            end = self.comment_line(pos + 2)
            if end >= 0 and text[end] == "\n":
                return _OUT["/"][0]
        return _OUT["/"][1]

    def at_sign(self, pos: int) -> frozenset[str]:
        """At ``@``: a mention ``@[title]`` or ``@<title>`` on one line."""
        kind = self.text[pos + 1 : pos + 2]
        if kind == "[" or kind == "<":
            end = self.end_of_line(pos + 2)
            finder = self.mention_square if kind == "[" else self.mention_angle
            if 0 <= finder(pos + 3) < end:
                return _OUT["@"][0]
        return _OUT["@"][2]

    def hash(self, pos: int) -> frozenset[str]:
        """At ``#``: a tag ``#name`` or ``#(any text)``."""
        if self.text.startswith("(", pos + 1):
            possible = self.tag_paren(pos + 2) > pos + 2
        else:
            possible = _TAG_START.match(self.text, pos) is not None
        return _OUT["#"][0 if possible else 1]

    def equals(self, pos: int) -> frozenset[str]:
        """At ``=``: front matter ``===`` ... ``===``."""
        possible = self.text.startswith("===", pos) and self.frontmatter_end(pos + 3) >= 0
        return _OUT["="][0 if possible else 1]

    def brace(self, pos: int) -> frozenset[str]:
        """At ``{``: a data block, unless the pattern already failed in this stretch."""
        failed_at, failed_until = self.data_failed
        return _OUT["{"][1 if failed_at < pos < failed_until else 0]

    def failed(self, pos: int) -> None:
        """The data pattern failed at ``pos``: it fails at every later position before
        its next stop (a ``}`` followed by a space and more text, or a line separator),
        as those see the same candidates for the closing ``}`` or fewer."""
        failed_at, failed_until = self.data_failed
        if not failed_at < pos < failed_until:
            stop = self.data_stop(pos + 1)
            self.data_failed = (pos, self.size if stop < 0 else stop)


_FAR_KINDS: dict[str, tuple[str, ...]] = {
    "[": ("link", "stmt_def", "stmt_ref"),
    "<": ("comment", "arg_def", "arg_ref"),
    "/": ("comment",),
    "{": ("data",),
    "@": ("stmt_mention", "arg_mention"),
    "#": ("tag",),
    "=": ("frontmatter",),
}
_OUT = {
    char: tuple(frozenset(kinds[:n]) for n in range(len(kinds) + 1))
    for char, kinds in _FAR_KINDS.items()
}
"""For each character, its first ``n`` far kinds: the ones ruled out before the first
that may match (all of them when none may)."""
_GUARDS: dict[str, Callable[[_Reach, int], frozenset[str]]] = {
    "[": _Reach.square,
    "<": _Reach.angle,
    "/": _Reach.slash,
    "{": _Reach.brace,
    "@": _Reach.at_sign,
    "#": _Reach.hash,
    "=": _Reach.equals,
}
