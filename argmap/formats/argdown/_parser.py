"""Argdown tokens to a parse tree, through Lark's public API; syntax and data problems.

:func:`._lexer.tokenize` turns the text into tokens with Argdown's context rules;
``grammar.lark`` gives the structure of the language, and ``Lark(...,
parser="lalr", lexer=ArgdownLexer)`` with ``Lark.parse`` builds the tree of
:class:`ParseNode` (``tree_class``) from the token list (:class:`ArgdownLexer` is
Lark's documented custom-lexer interface: it hands over the tokens). Syntax errors
come from Lark's :class:`UnexpectedToken` and are explained here, with line and column
(:func:`_explain`, :func:`_blame`); parsing then goes on after the next empty line, so
that one :class:`FormatError` lists every problem. Also here: reading the YAML of data
tokens (:func:`_data`) and the checks of what Argdown would silently keep as text
(:func:`_check_tokens`).
"""

from __future__ import annotations

import copy
import functools
import importlib.resources
import io
import re
from collections.abc import Iterator
from typing import Any

import yaml
from lark import Lark
from lark import Token as LarkToken
from lark.exceptions import UnexpectedInput, UnexpectedToken
from lark.lexer import Lexer

from argmap.errors import FormatError
from argmap.formats.argdown._lexer import LexError, Token, tokenize
from argmap.formats.argdown._yaml import load as yaml_load
from argmap.report import Location, Problem

__all__ = ["ArgdownLexer", "ParseNode", "load_yaml", "yaml_place"]


class ParseNode:
    """A node of the parse tree: the rule's name (``data``) and its children, tokens
    and nodes. Lighter than Lark's ``Tree``, whose other features the builder never
    uses; Lark builds these (``tree_class``)."""

    __slots__ = ("children", "data")

    def __init__(self, data: str, children: list[Any], meta: Any = None) -> None:
        self.data = data
        self.children = children

    def __repr__(self) -> str:
        return f"ParseNode({self.data!r}, {self.children!r})"


class ArgdownLexer(Lexer):
    """Lark's custom lexer (the ``lexer=`` option): ``Lark.parse`` is given the token
    list of :func:`._lexer.tokenize` in place of text, and this hands it over as is."""

    def __init__(self, lexer_conf: Any) -> None:
        self.lexer_conf = lexer_conf

    def lex(self, data: Any) -> Iterator[Token]:  # type: ignore[override]
        """The tokens, as Lark asks for them."""
        tokens: list[Token] = data
        return iter(tokens)


@functools.cache
def _parser() -> Lark:
    """The LALR parser for ``grammar.lark`` (built once per process).

    Built, then saved and loaded again (``Lark.save``, ``Lark.load``): the loaded parser
    is the same, but its tables name rules and terminals with plain strings, where the
    one built from the grammar text uses Lark's ``Token`` (a ``str`` subclass with a
    ``__eq__`` of its own, called at every reduction); that makes parsing a tenth faster."""
    folder = importlib.resources.files("argmap.formats.argdown")
    grammar = folder.joinpath("grammar.lark").read_text()
    built = Lark(
        grammar, parser="lalr", lexer=ArgdownLexer, start=["start", "blocks"], tree_class=ParseNode
    )
    saved = io.BytesIO()
    built.save(saved)
    saved.seek(0)
    return Lark.load(saved)


_EXPECTED = {
    "_EMPTY": "an empty line",
    "_INDENT": "an indented relation",
    "_DEDENT": "the end of the indented block",
    "NL": "a line break",
    "TEXT": "text",
    "STATEMENT_NUMBER": "a numbered statement like (2)",
    "INFERENCE_START": "an inference line (----)",
    "INFERENCE_END": "the end of the inference line (--)",
    "DATA": "{data}",
    "COMMA": "a comma",
    "$END": "the end of the file",
    "OL_ITEM": "a list item (1.)",
    "UL_ITEM": "a list item (*)",
}


def _expected(accepts: list[str]) -> str | None:
    """A short list of what the parser would have accepted (None when too many)."""
    names = list(dict.fromkeys(_EXPECTED[name] for name in accepts if name in _EXPECTED))
    unnamed = [name for name in accepts if name not in _EXPECTED]
    if unnamed or not names or len(names) > 4:
        return None
    return " or ".join(names)


def _describe(token: Token | LarkToken) -> str:
    """A token as error messages name it."""
    names = {
        "_EMPTY": "an empty line",
        "_INDENT": "an indented line",
        "_DEDENT": "the end of an indented block",
        "NL": "a line break",
        "$END": "the end of the file",
        "TEXT": "text",
    }
    if token.type in names:
        return names[token.type]
    return repr(str(token)[:40])


class _Problems:
    """Collects problems with their locations; raises them together at the end."""

    def __init__(self, path: str | None) -> None:
        self.path = path
        self.items: list[tuple[Problem, str | None]] = []

    def add(
        self,
        code: str,
        message: str,
        line: int | None,
        column: int | None,
        expected: str | None = None,
    ) -> None:
        """Record a problem at ``line``:``column`` (the top of the file when unknown)."""
        where = Location(self.path, line or 1, column or 1)
        self.items.append((Problem(code, "error", (), message, where), expected))

    def raise_if_any(self) -> None:
        """Raise one FormatError for the first problem, listing all of them."""
        if not self.items:
            return
        problems = [problem for problem, _ in self.items]
        raise FormatError.from_problems(problems, path=self.path, expected=self.items[0][1])


def _syntax_problem(error: UnexpectedInput, tokens: list[Token], problems: _Problems) -> int:
    """Record a parse error; return the index of the token it happened at."""
    token = getattr(error, "token", None)
    if not isinstance(token, Token | LarkToken):
        token = None
    index = len(tokens)
    if token is not None and token.type != "$END":
        index = next((n for n, t in enumerate(tokens) if t is token), len(tokens))
    accepts = sorted(getattr(error, "expected", None) or getattr(error, "accepts", None) or [])
    code, message = _explain(token, set(accepts))
    where = _blame(code, tokens, index)
    line = where.line if where is not None else 1
    column = where.column if where is not None else 1
    expected = _expected(accepts)
    if code == "bad-indentation":
        expected = "relations right below their statement or argument, indented alike"
    problems.add(code, message, line, column, expected)
    return index


def _blame(code: str, tokens: list[Token], index: int) -> Token | None:
    """The token to point at: the opening one for unclosed things, else the offending one."""
    if code == "unclosed-range":
        open_ranges: list[Token] = []
        for token in tokens[:index]:
            if not token.type.startswith(("ASTERISK", "UNDERSCORE")):
                continue
            if token.type.endswith("_START"):
                open_ranges.append(token)
            elif open_ranges:
                open_ranges.pop()
        if open_ranges:
            return open_ranges[-1]
    if code in ("unclosed-inference", "pcs-without-conclusion"):
        for token in reversed(tokens[:index]):
            if token.type == "INFERENCE_START":
                return token
    if code == "pcs-without-inference":
        first = None
        for token in reversed(tokens[:index]):
            if token.type == "_EMPTY":
                break
            if token.type == "STATEMENT_NUMBER":
                first = token
        if first is not None:
            return first
    if index < len(tokens):
        return tokens[index]
    return tokens[-1] if tokens else None


def _explain(token: Token | LarkToken | None, accepts: set[str]) -> tuple[str, str]:
    """A stable code and a readable message for a parse error at ``token``."""
    kind = token.type if token is not None else "$END"
    if "INFERENCE_END" in accepts and kind != "COMMA":
        return "unclosed-inference", (
            "an inference line (--) is not closed with -- before the next statement"
        )
    if kind in ("STMT_REF", "STMT_DEF", "ARG_REF", "ARG_DEF"):
        return "misplaced-title", (
            f"{_describe(token) if token else 'a title'} may only stand at the beginning of "
            "a paragraph, after a relation symbol or after a statement number (use @[...] or "
            "@<...> to mention one in text)"
        )
    if kind in ("$END", "_EMPTY") and "INFERENCE_START" in accepts:
        return "pcs-without-inference", (
            "a premise-conclusion structure needs an inference line (----) before its conclusion"
        )
    if kind in ("$END", "_EMPTY") and "STATEMENT_NUMBER" in accepts:
        return "pcs-without-conclusion", (
            "a premise-conclusion structure must end with a numbered conclusion after its "
            "inference line"
        )
    ends = {name for name in accepts if name.endswith("_END") and name != "INFERENCE_END"}
    if kind in ("$END", "_EMPTY") and ends:
        return "unclosed-range", (
            "unclosed bold or italic text (escape * and _ with a backslash to write them literally)"
        )
    if kind in ("_INDENT", "_DEDENT") or kind in _RELATION_TYPES:
        return "bad-indentation", (
            "a relation must be indented below the statement or argument it belongs to"
        )
    if kind == "FRONTMATTER":
        return "misplaced-frontmatter", "front matter (===) may only stand at the top of the file"
    if kind == "STATEMENT_NUMBER":
        return "misplaced-pcs", (
            "a numbered statement must start a premise-conclusion structure after an empty line"
        )
    if kind == "INFERENCE_START":
        return "misplaced-inference", (
            "an inference line (--) may only stand between numbered statements"
        )
    found = _describe(token) if token is not None else "the end of the file"
    return "syntax-error", f"unexpected {found}"


_RELATION_TYPES = {
    "IN_SUPPORT",
    "IN_ATTACK",
    "OUT_SUPPORT",
    "OUT_ATTACK",
    "CONTRADICTION",
    "IN_UNDERCUT",
    "OUT_UNDERCUT",
}


def _parse_tokens(tokens: list[Token], problems: _Problems) -> list[Any]:
    """The top-level blocks of the token list (and front matter and line breaks).

    ``Lark.parse`` (LALR) builds the tree; on a syntax error, the problem is recorded
    with what Lark expected there, and parsing goes on with the next paragraph."""
    parser = _parser()
    blocks: list[Any] = []
    start, symbol = 0, "start"
    while start < len(tokens):
        try:
            tree = parser.parse(tokens[start:], start=symbol)  # type: ignore[arg-type,unused-ignore]
        except (UnexpectedToken, UnexpectedInput) as error:
            failed = start + _syntax_problem(error, tokens[start:], problems)
            start = _next_paragraph(tokens, failed)
            symbol = "blocks"
            if len(problems.items) >= 20:
                break
            continue
        blocks.extend(tree.children)
        break
    return blocks


def _next_paragraph(tokens: list[Token], index: int) -> int:
    """Index of the first token after the next empty line at or after ``index``."""
    for n in range(max(index, 0), len(tokens)):
        if tokens[n].type == "_EMPTY":
            return n + 1
    return len(tokens)


def _lex(text: str, problems: _Problems) -> list[Token]:
    """The token list of ``text``, or no tokens (and a problem) when it cannot be lexed."""
    try:
        return tokenize(text)
    except LexError as error:
        line = text.count("\n", 0, error.pos) + 1
        column = error.pos - (text.rfind("\n", 0, error.pos) + 1) + 1
        problems.add("stray-backslash", str(error), line, column, "a character after \\")
        return []


# -- YAML ------------------------------------------------------------------------------


def load_yaml(text: str) -> Any:
    """YAML ``text`` as JSON-like data (see :func:`._yaml.load`); raises
    :class:`yaml.YAMLError`, with the place in ``problem_mark``, when invalid."""
    return yaml_load(text)


_BLOCK_DATA = re.compile(r"^\{[ \t]*\n")


def _data(
    token: Token, problems: _Problems, cache: dict[str, Any] | None = None
) -> dict[str, Any] | None:
    """The YAML mapping of a ``{...}`` data token (block format when ``{`` ends its line).

    ``cache`` keeps the mappings already read in this document by their text: the
    same block (``{isInGroup: true}``, ``{uses: [1, 2]}``) is read once and copied
    for each further use. Texts with anchors are not kept (copies would lose the
    sharing that aliases express), nor invalid data (each use reports its problem)."""
    text = str(token)
    if cache is not None and text in cache:
        return _copied(cache[text])  # type: ignore[no-any-return]
    value = _read_data(token, text, problems)
    if cache is not None and value is not None and "&" not in text:
        cache[text] = value
        return _copied(value)  # type: ignore[no-any-return]
    return value


def _copied(value: Any) -> Any:
    """A copy of YAML data sharing no mutable part with ``value``."""
    if isinstance(value, dict):
        return {key: _copied(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_copied(item) for item in value]
    if isinstance(value, str | int | float | bool | None):
        return value
    return copy.deepcopy(value)


def _read_data(token: Token, text: str, problems: _Problems) -> dict[str, Any] | None:
    """The YAML mapping of a data token's ``text``; None (and a problem) when invalid."""
    block = _BLOCK_DATA.match(text)
    start = 0
    if block is not None:
        start = block.end()
        text = re.sub(r"\}\s*$", "", text[start:])
    try:
        value = load_yaml(text)
    except (yaml.YAMLError, ValueError) as error:
        line, column = _yaml_position(token, start, error)
        reason = str(getattr(error, "problem", None) or error).strip()
        problems.add(
            "invalid-data", f"invalid YAML data: {reason}", line, column, "valid YAML in {...}"
        )
        return None
    if value is None:
        return {}
    if not isinstance(value, dict):
        problems.add(
            "invalid-data",
            f"data must be a mapping of keys to values, not {type(value).__name__}",
            token.line,
            token.column,
            "{key: value}",
        )
        return None
    return value


def _yaml_position(token: Token, start: int, error: Exception) -> tuple[int, int]:
    """Where in the file a YAML error is, for YAML that starts ``start`` characters into
    ``token`` (the file's lines and columns count from 1, YAML's marks from 0)."""
    mark = getattr(error, "problem_mark", None)
    if mark is None:
        return token.position()
    return yaml_place(token, start, mark.line, mark.column)


def yaml_place(token: Token, start: int, line: int, column: int) -> tuple[int, int]:
    """The file's (line, column) of YAML's 0-based ``line`` and ``column`` in YAML that
    starts ``start`` characters into ``token``."""
    first_line, first_column = token.position_of((token.start_pos or 0) + start)
    if line == 0:
        return first_line, first_column + column
    return first_line + line, column + 1


def _check_binary(text: str, problems: _Problems) -> None:
    """Control characters other than tab and line breaks mean this is not an Argdown
    text; a lone surrogate (which a str may hold, but no UTF-8 file) is not text either."""
    found = re.search(r"[\x00-\x08\x0b\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]", text)
    if found is None:
        return
    line = text.count("\n", 0, found.start()) + 1
    column = found.start() - (text.rfind("\n", 0, found.start()) + 1) + 1
    code = ord(found.group())
    if 0xD800 <= code <= 0xDFFF:
        problems.add(
            "invalid-text", f"a lone surrogate U+{code:04X} is not text", line, column, "text"
        )
        return
    problems.add(
        "binary-data",
        f"control character U+{code:04X}: binary data, not Argdown text",
        line,
        column,
        "text",
    )


def _check_tokens(tokens: list[Token], text: str, problems: _Problems) -> None:
    """Problems Argdown would silently turn into text: an unclosed ``{`` data block, or
    an unclosed ``[`` or ``<`` where a title is expected."""
    previous = "_EMPTY"  # the text starts where a title may stand, as after an empty line
    for token in tokens:
        kind = token.type
        if kind == "TEXT":
            start = token.start_pos or 0
            end = token.end_pos or start
            at_start = previous in _TITLE_EXPECTED
            if at_start or "{" in text[start:end]:  # else nothing to find (a speed-up)
                _check_text(token, text, at_start, problems)
        previous = kind


_TITLE_EXPECTED = frozenset(
    {
        "_EMPTY",
        "_INDENT",
        "_DEDENT",
        "STATEMENT_NUMBER",
        "OL_ITEM",
        "UL_ITEM",
        *_RELATION_TYPES,
    }
)


def _check_text(token: Token, text: str, at_start: bool, problems: _Problems) -> None:
    """An unescaped ``{`` in text, or a ``[``/``<`` title never closed, is an error."""
    start = token.start_pos or 0
    raw = text[start : token.end_pos or start]
    for found in re.finditer(r"(?<!\\)\{", raw):
        line, column = token.position_of(start + found.start())
        problems.add(
            "unclosed-data",
            "a '{' opens a data block that is never closed (write \\{ for a literal brace)",
            line,
            column,
            "a closing } after the YAML data",
        )
        return
    if at_start and raw[:1] in "[<":
        closer = "]" if raw[0] == "[" else ">"
        line, column = token.position()
        kind = "statement" if closer == "]" else "argument"
        problems.add(
            "unclosed-title",
            f"the {kind} title opened by '{raw[0]}' is not closed on its line",
            line,
            column,
            f"a closing '{closer}'",
        )
