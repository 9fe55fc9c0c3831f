"""Argdown's context-sensitive tokenizer, feeding the LALR grammar in ``grammar.lark``.

Argdown's lexer (``@argdown/core``, chevrotain) decides what a character means from
what came before it: a ``+`` starts a relation only at the beginning of a line, a
``**`` closes a bold range only while one is open, ``--`` opens an inference only
after a line break, comments swallow the line breaks that follow them in some
places and not in others, and the indentation of relations becomes ``INDENT`` and
``DEDENT`` tokens. This module reproduces those rules with one small regular
expression per token kind, tried in Argdown's own order (the first that matches
wins), and leaves the structure of the language to the grammar.

Runs of plain text (Argdown's ``Freestyle``, ``UnusedControlChar``, ``EscapedChar``
and ``SpecialChar`` tokens, which its parser always combines into one
``freestyleText`` node) become one ``TEXT`` token whose value is the text Argdown
keeps: escapes resolved, shortcodes such as ``.^.`` replaced by their symbol.
That keeps the token stream (and the parse) short. Which far-reaching kinds (titles,
links, data, comments) cannot match at a position, and the line and column of an
offset, come from :mod:`._reach`, which keeps the tokenizer linear in the text.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from argmap.formats.argdown._reach import (
    _DOT,
    _FAR,
    _JS_WS,
    _NOT_JS_WS,
    _TAG_CHARS,
    _LineIndex,
    _Reach,
)

__all__ = ["SHORTCODES", "LexError", "Token", "tokenize"]

SHORTCODES: dict[str, str] = {
    **{f"{d}{name}{d}": sym for d in ".:" for name, sym in (
        ("A", "∀"), ("E", "∃"), ("O", "𝗢"), ("P", "𝗣"), ("->", "→"), ("<->", "↔"),
        ("~", "¬"), ("^", "∧"), ("v", "∨"), ("v_", "⊻"), ("<>", "◇"), ("[]", "◻"),
        ("happy", "😀"), ("smiley", "☺"), ("laugh", "😆"), ("lol", "😆"), ("rofl", "🤣"),
        ("joy", "😂"), ("heart", "❤"), ("?", "❓"), ("question", "❓"), ("love", "😍"),
        ("wink", "😉"), ("shush", "🤫"), ("meh", "😐"), ("eye-roll", "🙄"), ("sad", "😢"),
        ("disappointed", "😞"), ("scream", "😱"), ("+1", "👍"), ("up", "👍"), ("-1", "👎"),
        ("down", "👎"), ("think", "🤔"), ("star", "⭐"), ("y", "✔"), ("agree", "✔"),
        ("n", "❌"), ("disagree", "❌"),
    )},
    ":smile:": "☺️",
    ".smile.": "☺",
}  # fmt: skip
"""Argdown's shortcodes (``:heart:``, ``.->.``...) and the symbols they stand for."""

_COMMENT = r"(?:<!--[^\u2028\u2029]*?-->|/\*[^\u2028\u2029]*?\*/|//" + _DOT + r"*?(?=\n))"
_P = {
    "comment": re.compile(_COMMENT),
    "comment_after_emptyline": re.compile(_COMMENT + r"\n*"),
    "comment_after_newline": re.compile(_COMMENT + r"(?:[ \t]*\n(?![ \t]*\n))?"),
    "frontmatter": re.compile(r"===+[\s\S]*?===+"),
    "data": re.compile(
        r"\{(?:(?!\}" + _JS_WS + r"[^,}])[^\r\u2028\u2029])*\}(?!" + _JS_WS + r"*[,}])"
    ),
    "escaped": re.compile(r"\\" + _DOT + r" *"),
    "special": re.compile(r"(?:\." + _NOT_JS_WS + r"+?\.[ \t]?)|(?::" + _NOT_JS_WS + r"+?:[ \t]?)"),
    "emptyline": re.compile(r"(?:[ \t]*\n){2,}"),
    "newline": re.compile(r"[ \t]*\n"),
    "inference_start": re.compile(r"[' \t]*-{2}"),
    "relation": re.compile(r"([' \t]*)(\+>|->|<?\+|<?-|><|_>|<_|_(?=" + _JS_WS + r"))"),
    "heading": re.compile(r"(#+) "),
    "statement_number": re.compile(r"[' \t]*\((\d+)\)"),
    "ordered_item": re.compile(r"([' \t]*)\d+\.(?=" + _JS_WS + r")"),
    "unordered_item": re.compile(r"([' \t]*)\*(?=" + _JS_WS + r")"),
    "link": re.compile(r"\[([^\]]+?)\]\(([^)]+?)\)[ \t]?"),
    "tag": re.compile(r"#(?:\(([^)]+)\)|([" + _TAG_CHARS + r"]+))[ \t]?"),
    "statement_definition": re.compile(r"\[(" + _DOT + r"+?)\]:"),
    "statement_reference": re.compile(r"\[([^-]" + _DOT + r"*?)\]"),
    "statement_mention": re.compile(r"@\[(" + _DOT + r"+?)\][ \t]?"),
    "argument_definition": re.compile(r"<(" + _DOT + r"+?)>:"),
    "argument_reference": re.compile(r"<([^-]" + _DOT + r"*?)>"),
    "argument_mention": re.compile(r"@<(" + _DOT + r"+?)>[ \t]?"),
    "spaces": re.compile(r"[ \t]+"),
    "freestyle": re.compile(r"[^\\@#*_\[\],.:;</>\-\n(){}]+"),
    "control": re.compile(r"[@#*_\[\],.:;</>\-(){}][ \t]?"),
    "inference_end": re.compile(r"-{2,}"),
}
_RANGE_END = r"(?:[ \t]|(?=[\n)}_.,!?;:\-*]|\Z))"
_RANGES = {  # name -> (start pattern, end pattern), in Argdown's order of trial
    "ASTERISK_BOLD": (re.compile(r"\*\*(?!" + _JS_WS + ")"), re.compile(r"\*\*" + _RANGE_END)),
    "UNDERSCORE_BOLD": (re.compile(r"__(?!" + _JS_WS + ")"), re.compile(r"__" + _RANGE_END)),
    "ASTERISK_ITALIC": (re.compile(r"\*(?!" + _JS_WS + ")"), re.compile(r"\*" + _RANGE_END)),
    "UNDERSCORE_ITALIC": (re.compile(r"_(?!" + _JS_WS + ")"), re.compile(r"_" + _RANGE_END)),
}
_RELATION_TOKENS = {
    "+>": "IN_SUPPORT",
    "->": "IN_ATTACK",
    "+": "OUT_SUPPORT",
    "<+": "OUT_SUPPORT",
    "-": "OUT_ATTACK",
    "<-": "OUT_ATTACK",
    "><": "CONTRADICTION",
    "_>": "IN_UNDERCUT",
    "<_": "OUT_UNDERCUT",
    "_": "OUT_UNDERCUT",
}
_LINE_START = frozenset({None, "NL", "_EMPTY"})
_TEXT_KINDS = frozenset({"freestyle", "control", "escaped", "special"})


class Token:
    """A token: its type, its value (for text, the text Argdown keeps) and where it is.

    Lighter than Lark's own tokens (the parser only needs ``type``); line and column
    are computed on demand from the offsets.
    """

    __slots__ = ("_lines", "end_pos", "start_pos", "type", "value")

    def __init__(self, type: str, value: str, start: int, end: int, lines: _LineIndex) -> None:
        self.type = type
        self.value = value
        self.start_pos = start
        self.end_pos = end
        self._lines = lines

    def __str__(self) -> str:
        return self.value

    def __repr__(self) -> str:
        return f"Token({self.type!r}, {self.value!r})"

    def position(self) -> tuple[int, int]:
        """(line, column) where the token starts."""
        return self._lines.at(self.start_pos)

    def position_of(self, offset: int) -> tuple[int, int]:
        """(line, column) of an offset into the text the token comes from."""
        return self._lines.at(offset)

    @property
    def line(self) -> int:
        return self._lines.at(self.start_pos)[0]

    @property
    def column(self) -> int:
        return self._lines.at(self.start_pos)[1]

    @property
    def end_line(self) -> int:
        return self._lines.at(max(self.start_pos, self.end_pos - 1))[0]

    @property
    def end_column(self) -> int:
        return self._lines.at(max(self.start_pos, self.end_pos - 1))[1] + 1


class LexError(Exception):
    """Text that no Argdown token matches (only a backslash at the end of a line)."""

    def __init__(self, message: str, pos: int) -> None:
        super().__init__(message)
        self.pos = pos


class _Scanner:
    """One pass over a text, producing tokens as Argdown's lexer would."""

    def __init__(self, text: str, shortcodes: dict[str, str]) -> None:
        self.text = text
        self.pos = 0
        self.shortcodes = shortcodes
        self.tokens: list[Token] = []
        self.indents = [0]
        self.ranges: list[str] = []
        self.inference_mode = False
        self.last_type: str | None = None  # type of the last token kept (Argdown's view)
        self.last_end = 0  # where the last kept token ended
        self.skipped_end = -1  # where the last skipped token (spaces, comment) ended
        self.text_start = -1  # start of the TEXT run being collected, -1 if none
        self.text_parts: list[str] = []
        self.text_end = 0
        self._lines = _LineIndex(text)
        self.reach = _Reach(text)

    # -- emitting ---------------------------------------------------------------------

    def emit(self, type_: str, value: str, start: int, end: int) -> None:
        """Append a token spanning ``text[start:end]`` (flushing pending plain text)."""
        if self.text_start >= 0:
            self.flush_text()
        self.tokens.append(Token(type_, value, start, end, self._lines))
        self.last_type = type_
        self.last_end = end

    def _push(self, type_: str, value: str, start: int, end: int) -> None:
        """Append a token and remember it as the last one kept."""
        self.tokens.append(Token(type_, value, start, end, self._lines))
        self.last_type = type_
        self.last_end = end

    def add_text(self, piece: str, end: int) -> None:
        """Extend the current plain-text run (Argdown's freestyleText)."""
        if self.text_start < 0:
            self.text_start = self.pos
        self.text_parts.append(piece)
        self.text_end = end
        self.last_type = "TEXT"
        self.last_end = end

    def flush_text(self) -> None:
        """Close the current plain-text run into one TEXT token."""
        if self.text_start >= 0:
            start, self.text_start = self.text_start, -1
            self._push("TEXT", "".join(self.text_parts), start, self.text_end)
            self.text_parts = []

    def virtual(self, type_: str) -> None:
        """An INDENT or DEDENT token at the current position."""
        self.emit(type_, "", self.pos, self.pos)

    def dedent_all(self) -> None:
        """Close every open indentation level (Argdown's emitRemainingDedentTokens)."""
        while len(self.indents) > 1:
            self.indents.pop()
            self.virtual("_DEDENT")

    def indent_to(self, width: int) -> None:
        """INDENT or DEDENT tokens for a relation or list item indented by ``width``."""
        if width > self.indents[-1]:
            self.indents.append(width)
            self.virtual("_INDENT")
            return
        while len(self.indents) > 1 and width < self.indents[-1]:
            self.indents.pop()
            self.virtual("_DEDENT")

    # -- scanning ---------------------------------------------------------------------

    def run(self) -> list[Token]:
        """Tokenize the whole text, one token kind at a time, in Argdown's order.

        One combined pattern per context (start, after a line break, after an empty
        line, inside a line, inside an inference line) and character finds the kind
        that matches first; bold and italic markers, which depend on the ranges
        open, go through the kinds one by one."""
        text = self.text
        size = len(text)
        master, context, attempts = _MASTER, _CONTEXT, _ATTEMPTS
        while self.pos < size:
            char = text[self.pos]
            if self.inference_mode:
                patterns = _INFERENCE_MASTER
            elif char in "*_":
                if not self.markup():
                    break
                continue
            else:
                patterns = master[context.get(self.last_type, 3)]
            if char in _FAR:
                found = self.far(patterns, char)
            else:
                found = patterns[char].match(text, self.pos)
            if found is None or not attempts[found.lastgroup or ""](self, found.end()):
                break
        if self.pos < size:
            raise LexError("a backslash must be followed by the character it escapes", self.pos)
        self.flush_text()
        if self.tokens and self.tokens[-1].type == "_EMPTY":
            self.tokens.pop()
        self.dedent_all()
        return self.tokens

    def far(self, patterns: _Patterns, char: str) -> re.Match[str] | None:
        """Match at a character that may open a token closed far away (``[``, ``<``,
        ``{``...): the kinds :class:`_Reach` rules out are left out of the pattern, so
        that a long line of unclosed brackets costs linear, not quadratic, time."""
        pos = self.pos
        found = patterns.without(char, self.reach.ruled_out(char, pos)).match(self.text, pos)
        if char == "{" and (found is None or found.lastgroup != "data"):
            self.reach.failed(pos)
        return found

    def markup(self) -> bool:
        """At ``*`` or ``_``: the first kind that matches, in Argdown's order."""
        return any(attempt(self, -1) for attempt in _DISPATCH[self.text[self.pos]])

    def match(self, name: str) -> re.Match[str] | None:
        """Match the pattern ``name`` at the current position."""
        return _P[name].match(self.text, self.pos)

    def skip(self, end: int) -> None:
        """Skip ``text[pos:end]`` (spaces or a comment) as Argdown's SKIPPED group does."""
        self.skipped_end = end
        self.pos = end

    def skip_spaces(self) -> None:
        """Skip the spaces after a token right away, as the next step would skip them
        (a speed-up). Spaces before a line break are left: they belong to it."""
        text, pos = self.text, self.pos
        if pos < len(text) and text[pos] in " \t":
            end = _BLANKS.match(text, pos).end()  # type: ignore[union-attr]
            if end < len(text) and text[end] != "\n":
                self.skip(end)

    def comment(self) -> bool:
        """A comment; after a line break it may take the following line breaks along."""
        if self.last_type == "_EMPTY":
            found = self.match("comment_after_emptyline")
        elif self.last_type == "NL":
            found = self.match("comment_after_newline")
        else:
            found = self.match("comment")
        if found is None:
            return False
        self.skip(found.end())
        return True


# -- the token kinds ----------------------------------------------------------------------
#
# Each kind is a function ``attempt(scanner, end)`` that consumes ``text[pos:end]``
# and returns True; called with ``end < 0`` it first matches its own pattern (and
# returns False when that fails). The combined patterns below find ``end`` for most
# kinds in one go.

Attempt = Callable[["_Scanner", int], bool]


def _end_of(s: _Scanner, name: str, end: int) -> int:
    """``end`` if known, else where the pattern ``name`` ends at the position (-1: no match)."""
    if end >= 0:
        return end
    found = _P[name].match(s.text, s.pos)
    return -1 if found is None else found.end()


def _comment(s: _Scanner, end: int = -1) -> bool:
    return s.comment()


def _token(name: str, kind: str) -> Attempt:
    """A kind whose token is simply its text (frontmatter, data, titles, tags, links)."""

    def attempt(s: _Scanner, end: int = -1) -> bool:
        end = _end_of(s, name, end)
        if end < 0:
            return False
        s.emit(kind, s.text[s.pos : end], s.pos, end)
        s.pos = end
        s.skip_spaces()
        return True

    return attempt


def _escaped(s: _Scanner, end: int = -1) -> bool:
    """A backslash and a character: the character itself (and the spaces after it)."""
    end = _end_of(s, "escaped", end)
    if end < 0:
        return False
    s.add_text(s.text[s.pos + 1 : end], end)
    s.pos = end
    return True


def _special(s: _Scanner, end: int = -1) -> bool:
    """``.name.`` or ``:name:``: a shortcode's symbol, or the text itself."""
    end = _end_of(s, "special", end)
    if end < 0:
        return False
    image = s.text[s.pos : end]
    symbol = s.shortcodes.get(image.strip())
    piece = image if symbol is None else symbol + (" " if image.endswith(" ") else "")
    s.add_text(piece, end)
    s.pos = end
    return True


def _emptyline(s: _Scanner, end: int = -1) -> bool:
    """Two or more line breaks: a paragraph ends (and every indentation with it)."""
    if s.last_type == "_EMPTY":
        return False
    end = _end_of(s, "emptyline", end)
    if end < 0:
        return False
    s.flush_text()
    if end < len(s.text):
        s.dedent_all()
    s.emit("_EMPTY", "", s.pos, end)
    s.pos = end
    return True


def _newline(s: _Scanner, end: int = -1) -> bool:
    """A line break inside a paragraph."""
    end = _end_of(s, "newline", end)
    if end < 0:
        return False
    s.emit("NL", "", s.pos, end)
    s.pos = end
    return True


def _inference_start(s: _Scanner, end: int = -1) -> bool:
    """``--`` at the start of a line opens an inference line."""
    if s.last_type not in (None, "NL"):
        return False
    end = _end_of(s, "inference_start", end)
    if end < 0:
        return False
    s.flush_text()
    s.dedent_all()
    s.emit("INFERENCE_START", "--", s.pos, end)
    s.pos = end
    s.inference_mode = True
    return True


def _relation(s: _Scanner, end: int = -1) -> bool:
    """A relation symbol at the start of a line; its indentation nests it."""
    if s.last_type not in _LINE_START:
        return False
    end = _end_of(s, "relation", end)
    if end < 0:
        return False
    image = s.text[s.pos : end]
    symbol = image.lstrip("' \t")
    s.flush_text()
    s.indent_to(len(image) - len(symbol))
    s.emit(_RELATION_TOKENS[symbol], symbol, end - len(symbol), end)
    s.pos = end
    s.skip_spaces()
    return True


def _heading(s: _Scanner, end: int = -1) -> bool:
    """``#`` to ``######`` and a space at the start of a paragraph or line."""
    if s.last_type not in _LINE_START:
        return False
    end = _end_of(s, "heading", end)
    if end < 0:
        return False
    s.emit("HEADING_START", s.text[s.pos : end - 1], s.pos, end)
    s.pos = end
    s.skip_spaces()
    return True


def _statement_number(s: _Scanner, end: int = -1) -> bool:
    """``(n)`` at the start of a line: a premise or conclusion."""
    if s.last_type not in _LINE_START:
        return False
    end = _end_of(s, "statement_number", end)
    if end < 0:
        return False
    s.flush_text()
    s.dedent_all()
    s.emit("STATEMENT_NUMBER", s.text[s.pos : end].strip(" \t'"), s.pos, end)
    s.pos = end
    s.skip_spaces()
    return True


def _list_item(kind: str, token: str) -> Attempt:
    """``1.`` or ``*`` list items; their indentation opens the list."""

    def attempt(s: _Scanner, end: int = -1) -> bool:
        if s.last_type not in _LINE_START:
            return False
        end = _end_of(s, kind, end)
        if end < 0:
            return False
        image = s.text[s.pos : end]
        marker = image.lstrip("' \t")
        s.flush_text()
        s.indent_to(len(image) - len(marker) + 1)
        s.emit(token, marker, s.pos, end)
        s.pos = end
        s.skip_spaces()
        return True

    return attempt


def _range_end(name: str) -> Attempt:
    """The end of an open bold or italic range (only right after text)."""
    pattern = _RANGES[name][1]

    def attempt(s: _Scanner, end: int = -1) -> bool:
        if not s.ranges or s.ranges[-1] != name or s.last_type is None:
            return False
        if s.skipped_end > s.last_end:
            return False
        found = pattern.match(s.text, s.pos)
        if found is None:
            return False
        s.ranges.pop()
        s.emit(name + "_END", found.group(), s.pos, found.end())
        s.pos = found.end()
        return True

    return attempt


def _range_start(name: str) -> Attempt:
    """The start of a bold or italic range."""
    pattern = _RANGES[name][0]

    def attempt(s: _Scanner, end: int = -1) -> bool:
        found = pattern.match(s.text, s.pos)
        if found is None:
            return False
        s.ranges.append(name)
        s.emit(name + "_START", found.group(), s.pos, found.end())
        s.pos = found.end()
        return True

    return attempt


def _simple(kind: str, token: str) -> Attempt:
    """A token that is just its text (titles, tags, links, mentions)."""
    return _token(kind, token)


def _spaces(s: _Scanner, end: int = -1) -> bool:
    """Spaces and tabs between tokens, skipped as Argdown skips them."""
    end = _end_of(s, "spaces", end)
    if end < 0:
        return False
    s.skip(end)
    return True


_MIDLINE_CONTROL = frozenset(",;()-")
_JS_SPACE = frozenset(" \f\n\r\t\v\u00a0\u1680\u2028\u2029\u202f\u205f\u3000\ufeff") | {
    chr(code) for code in range(0x2000, 0x200B)
}  # the characters of ``_JS_WS``
_BLANKS = re.compile(r"[ \t]+")
_FREESTYLE = _P["freestyle"]
_SPACES_THEN = re.compile(r"[ \t]*")


def _text(kind: str) -> Attempt:
    """Plain text (Argdown's Freestyle and UnusedControlChar)."""

    def attempt(s: _Scanner, end: int = -1) -> bool:
        end = _end_of(s, kind, end)
        if end < 0:
            return False
        s.add_text(s.text[s.pos : end], end)
        s.pos = end
        if not s.inference_mode:
            _more_text(s)
        return True

    return attempt


def _only_text(text: str, pos: int) -> bool:
    """Whether the character at ``pos`` can only be text in the middle of a line:
    ``, ; ( ) -``, and ``.`` or ``:`` not followed by a character that could go on
    into a shortcode (``.name.``, ``:name:``)."""
    char = text[pos]
    if char in _MIDLINE_CONTROL:
        return True
    return char in ".:" and (pos + 1 == len(text) or text[pos + 1] in _JS_SPACE)


def _more_text(s: _Scanner) -> None:
    """Plain text goes on: take the punctuation that can only be text in the middle of
    a line (:func:`_only_text`) and the plain runs after it in one go, dropping the
    spaces Argdown skips after a punctuation mark (a speed-up of the general loop,
    which it leaves where a kind tried before plain text could match: at ``===``)."""
    text, size = s.text, len(s.text)
    while s.pos < size and _only_text(text, s.pos):
        end = s.pos + 1
        if end < size and text[end] in " \t":
            end += 1
        s.add_text(text[s.pos : end], end)
        spaces = _SPACES_THEN.match(text, end).end()  # type: ignore[union-attr]
        if spaces >= size or text[spaces] == "\n":
            s.pos = end
            return
        if spaces > end:
            s.skip(spaces)
        else:
            s.pos = end
        if text[s.pos] == "=":  # maybe front matter, which comes first: the general loop
            return
        found = _FREESTYLE.match(text, s.pos)
        if found is None:
            return
        s.add_text(found.group(), found.end())
        s.pos = found.end()


def _inference_end(s: _Scanner, end: int = -1) -> bool:
    """``--`` closing an inference line."""
    end = _end_of(s, "inference_end", end)
    if end < 0:
        return False
    s.emit("INFERENCE_END", s.text[s.pos : end], s.pos, end)
    s.pos = end
    s.inference_mode = False
    return True


def _list_delimiter(s: _Scanner, end: int = -1) -> bool:
    """A comma between inference rules."""
    if s.text[s.pos] != ",":
        return False
    s.emit("COMMA", ",", s.pos, s.pos + 1)
    s.pos += 1
    return True


_frontmatter = _token("frontmatter", "FRONTMATTER")
_data = _token("data", "DATA")


_FULL_CHAIN: tuple[Attempt, ...] = (
    _comment,
    _frontmatter,
    _data,
    _escaped,
    _special,
    _emptyline,
    _newline,
    _inference_start,
    _relation,
    _heading,
    _statement_number,
    _list_item("ordered_item", "OL_ITEM"),
    _list_item("unordered_item", "UL_ITEM"),
    *(_range_end(name) for name in _RANGES),
    *(_range_start(name) for name in _RANGES),
    _simple("link", "LINK"),
    _simple("tag", "TAG"),
    _simple("statement_definition", "STMT_DEF"),
    _simple("statement_reference", "STMT_REF"),
    _simple("statement_mention", "STMT_MENTION"),
    _simple("argument_definition", "ARG_DEF"),
    _simple("argument_reference", "ARG_REF"),
    _simple("argument_mention", "ARG_MENTION"),
    _spaces,
    _text("freestyle"),
    _text("control"),
)
# First characters each token kind can start with; the chain for a character keeps
# Argdown's order but drops kinds that cannot match there (a pure speed-up).
_STARTS: dict[Attempt, str | None] = {
    _comment: "</",
    _frontmatter: "=",
    _data: "{",
    _escaped: "\\",
    _special: ".:",
    _emptyline: " \t\n",
    _newline: " \t\n",
    _inference_start: "' \t-",
    _relation: "' \t+-<>_",
    _heading: "#",
    _statement_number: "' \t(",
    _spaces: " \t",
}


def _starts_of(attempt: Attempt, index: int) -> str | None:
    """The characters a kind of the full chain can start with (None: any)."""
    if attempt in _STARTS:
        return _STARTS[attempt]
    chains = {11: "' \t0123456789", 12: "' \t*"}
    if index in chains:
        return chains[index]
    if 13 <= index <= 20:
        return "*_"
    kinds = {21: "[", 22: "#", 23: "[", 24: "[", 25: "@", 26: "<", 27: "<", 28: "@"}
    return kinds.get(index)


def _chain_for(char: str) -> tuple[Attempt, ...]:
    """The kinds worth trying at ``char``, in Argdown's order."""
    chosen = []
    for index, attempt in enumerate(_FULL_CHAIN):
        starts = _starts_of(attempt, index)
        if starts is None or char in starts:
            chosen.append(attempt)
    return tuple(chosen)


_DISPATCH = {char: _chain_for(char) for char in "*_"}


# The combined patterns: Argdown's kinds in Argdown's order, those a context rules out
# left out (emptyline right after an empty line, inference lines only after a line
# break, relations, headings, numbers and list items only at the start of a line).
_KINDS: list[tuple[str, str, Attempt]] = [
    ("comment", _COMMENT, _comment),
    ("frontmatter", _P["frontmatter"].pattern, _frontmatter),
    ("data", _P["data"].pattern, _data),
    ("escaped", _P["escaped"].pattern, _escaped),
    ("special", _P["special"].pattern, _special),
    ("emptyline", _P["emptyline"].pattern, _emptyline),
    ("newline", _P["newline"].pattern, _newline),
    ("inference_start", _P["inference_start"].pattern, _inference_start),
    ("relation", _P["relation"].pattern, _relation),
    ("heading", _P["heading"].pattern, _heading),
    ("statement_number", _P["statement_number"].pattern, _statement_number),
    ("ordered_item", _P["ordered_item"].pattern, _list_item("ordered_item", "OL_ITEM")),
    ("unordered_item", _P["unordered_item"].pattern, _list_item("unordered_item", "UL_ITEM")),
    ("link", _P["link"].pattern, _simple("link", "LINK")),
    ("tag", _P["tag"].pattern, _simple("tag", "TAG")),
    ("stmt_def", _P["statement_definition"].pattern, _simple("statement_definition", "STMT_DEF")),
    ("stmt_ref", _P["statement_reference"].pattern, _simple("statement_reference", "STMT_REF")),
    ("stmt_mention", _P["statement_mention"].pattern, _simple("statement_mention", "STMT_MENTION")),
    ("arg_def", _P["argument_definition"].pattern, _simple("argument_definition", "ARG_DEF")),
    ("arg_ref", _P["argument_reference"].pattern, _simple("argument_reference", "ARG_REF")),
    ("arg_mention", _P["argument_mention"].pattern, _simple("argument_mention", "ARG_MENTION")),
    ("spaces", _P["spaces"].pattern, _spaces),
    ("freestyle", _P["freestyle"].pattern, _text("freestyle")),
    ("control", _P["control"].pattern, _text("control")),
]
_INFERENCE_EXTRA: list[tuple[str, str, Attempt]] = [
    ("inference_end", _P["inference_end"].pattern, _inference_end),
    ("data", _P["data"].pattern, _data),
    ("comma", ",", _list_delimiter),
    ("spaces", _P["spaces"].pattern, _spaces),
    ("freestyle", _P["freestyle"].pattern, _text("freestyle")),
    ("control", _P["control"].pattern, _text("control")),
]
_ATTEMPTS = {name: attempt for name, _, attempt in [*_KINDS, *_INFERENCE_EXTRA]}
_LINE_ONLY = {"relation", "heading", "statement_number", "ordered_item", "unordered_item"}


# The first characters (ASCII only) each kind's pattern can match: a combined pattern
# for a character leaves out the kinds that cannot match there, so the regular
# expression engine tries a few alternatives instead of all of them; the first kind
# that matches stays the same.
_STOPS_FREESTYLE = "\\@#*_[],.:;</>-\n(){}"
_FIRST: dict[str, str] = {
    "comment": "</",
    "frontmatter": "=",
    "data": "{",
    "escaped": "\\",
    "special": ".:",
    "emptyline": " \t\n",
    "newline": " \t\n",
    "inference_start": "' \t-",
    "relation": "' \t+-<>_",
    "heading": "#",
    "statement_number": "' \t(",
    "ordered_item": "' \t0123456789",
    "unordered_item": "' \t*",
    "link": "[",
    "tag": "#",
    "stmt_def": "[",
    "stmt_ref": "[",
    "stmt_mention": "@",
    "arg_def": "<",
    "arg_ref": "<",
    "arg_mention": "@",
    "spaces": " \t",
    "freestyle": "".join(chr(code) for code in range(128) if chr(code) not in _STOPS_FREESTYLE),
    "control": "@#*_[],.:;</>-(){}",
    "inference_end": "-",
    "comma": ",",
}


def _combined(kinds: list[tuple[str, str, Attempt]]) -> re.Pattern[str]:
    """One pattern trying ``kinds`` in order (``(?!)``, never matching, if none)."""
    return re.compile("|".join(f"(?P<{name}>{source})" for name, source, _ in kinds) or "(?!)")


class _Patterns(dict[str, "re.Pattern[str]"]):
    """The combined patterns of one context, by the character at the position.

    Filled on demand: each ASCII character gets the pattern of the kinds that can
    start with it; any other character gets the pattern of all the kinds."""

    def __init__(self, kinds: list[tuple[str, str, Attempt]]) -> None:
        super().__init__()
        self.kinds = kinds
        self.full = _combined(kinds)
        self.reduced: dict[tuple[str, frozenset[str]], re.Pattern[str]] = {}

    def __missing__(self, char: str) -> re.Pattern[str]:
        if char > "\x7f":
            return self.full
        pattern = _combined([kind for kind in self.kinds if char in _FIRST[kind[0]]])
        self[char] = pattern
        return pattern

    def without(self, char: str, excluded: frozenset[str]) -> re.Pattern[str]:
        """The pattern for ``char`` leaving out the kinds ``excluded``."""
        key = (char, excluded)
        pattern = self.reduced.get(key)
        if pattern is None:
            kinds = [k for k in self.kinds if char in _FIRST[k[0]] and k[0] not in excluded]
            pattern = self.reduced[key] = _combined(kinds)
        return pattern


def _context(excluded: set[str]) -> _Patterns:
    """The patterns of every kind not in ``excluded``, in Argdown's order."""
    return _Patterns([kind for kind in _KINDS if kind[0] not in excluded])


_MASTER = [
    _context(set()),  # at the start of the text
    _context(set()),  # after a line break
    _context({"emptyline", "inference_start"}),  # after an empty line
    _context({"inference_start", *_LINE_ONLY}),  # inside a line
]
_CONTEXT: dict[str | None, int] = {None: 0, "NL": 1, "_EMPTY": 2}
_BY_NAME = {name: (name, source, attempt) for name, source, attempt in _KINDS}
_INFERENCE_MASTER = _Patterns(
    [*(_BY_NAME[k] for k in ("comment", "newline", "escaped", "special")), *_INFERENCE_EXTRA]
)


def tokenize(text: str, shortcodes: dict[str, str] | None = None) -> list[Token]:
    """The Argdown tokens of ``text`` (line breaks already normalized to ``\\n``)."""
    return _Scanner(text, SHORTCODES if shortcodes is None else shortcodes).run()
