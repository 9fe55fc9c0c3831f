"""Argdown's own data model, built from the parse tree as ``@argdown/core`` builds it.

This is the middle layer between Argdown text and argmap's :class:`ArgumentMap`:
equivalence classes with their member statements, arguments with their
descriptions and premise-conclusion structures, relations after Argdown's
transformations, sections and tags. It follows the model plugin of the Argdown
tool (version 1.7.5) step by step, because that tool's JSON export is the judge
of what an Argdown file means: the auto-titles ``Untitled N`` in Argdown's order,
the way line breaks join text, which relation wins when two say the same.

:func:`parse_document` is the entry point; it raises :class:`FormatError` listing
every problem it found. ``benchmarks/bench_argdown.py`` times reading against the
Argdown tool's own parse; what keeps argmap's reader as fast: the lexer's patterns
by first character, the parser loop over Lark's tables (:class:`_Tables`), the YAML
cache (:func:`_data`), the garbage collector paused while reading, and
:func:`release`, which frees a read document at once.
"""

from __future__ import annotations

import copy
import functools
import gc
import importlib.resources
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import yaml
from lark import Lark
from lark import Token as LarkToken
from lark.exceptions import UnexpectedInput, UnexpectedToken
from lark.parsers.lalr_analysis import Shift

from argmap.errors import FormatError
from argmap.formats._argdown_lexer import ArgdownLexer, LexError, Token, tokenize
from argmap.formats._argdown_yaml import load as yaml_load
from argmap.report import Location, Problem

__all__ = [
    "Argument",
    "Document",
    "EquivalenceClass",
    "Inference",
    "Member",
    "Relation",
    "Section",
    "listed",
    "load_yaml",
    "parse_document",
    "release",
]

MAX_DEPTH = 100
"""How deeply relations, ranges and YAML data may nest before the reader gives up."""

Node = Any  # EquivalenceClass | Argument | Inference (relation ends)


class _Located:
    """Line and column of the token an element starts with, computed when asked."""

    __slots__ = ()
    at: Any

    @property
    def line(self) -> int:
        return int(self.at.line) if self.at is not None else 0

    @property
    def column(self) -> int:
        return int(self.at.column) if self.at is not None else 0

    def position(self) -> tuple[int, int]:
        """(line, column), both 0 when unknown."""
        return self.at.position() if self.at is not None else (0, 0)


@dataclass(eq=False, slots=True)
class Section(_Located):
    """A heading and what follows it, up to the next heading of the same or higher level."""

    id: str
    title: str
    level: int
    parent: Section | None = None
    children: list[Section] = field(default_factory=list)
    data: dict[str, Any] | None = None
    is_group: bool | None = None
    at: Any = None


@dataclass(eq=False, slots=True)
class Inference(_Located):
    """An inference step of a premise-conclusion structure (before its conclusion)."""

    rules: list[str]
    at: Any
    data: dict[str, Any] | None = None
    relations: list[Relation] = field(default_factory=list)
    argument_title: str | None = None
    conclusion_index: int | None = None
    kind: str = "inference"


@dataclass(eq=False, slots=True)
class Member(_Located):
    """One occurrence of a statement (or of an argument's description) in the text."""

    role: str | None
    at: Any
    title: str | None = None
    text: str | None = None
    is_reference: bool = False
    is_top_level: bool = False
    tags: dict[str, None] = field(default_factory=dict)  # an ordered set
    data: dict[str, Any] | None = None
    section: Section | None = None
    argument_title: str | None = None
    inference: Inference | None = None


@dataclass(eq=False, slots=True)
class EquivalenceClass:
    """All statements sharing one title: Argdown's unit of meaning."""

    title: str
    members: list[Member] = field(default_factory=list)
    tags: dict[str, None] = field(default_factory=dict)  # an ordered set
    data: dict[str, Any] | None = None
    section: Section | None = None
    relations: list[Relation] = field(default_factory=list)
    kind: str = "equivalence-class"

    @property
    def canonical(self) -> Member | None:
        """The member whose text stands for the class: the last definition (or
        the last one whose data says ``isCanonical``)."""
        return _canonical(self.members)


@dataclass(eq=False, slots=True)
class Argument(_Located):
    """An argument: descriptions (its gist) and at most one premise-conclusion structure."""

    title: str
    members: list[Member] = field(default_factory=list)
    pcs: list[Member] = field(default_factory=list)
    tags: dict[str, None] = field(default_factory=dict)  # an ordered set
    data: dict[str, Any] | None = None
    section: Section | None = None
    relations: list[Relation] = field(default_factory=list)
    at: Any = None
    kind: str = "argument"

    @property
    def canonical(self) -> Member | None:
        return _canonical(self.members)


@dataclass(eq=False, slots=True)
class Relation(_Located):
    """A relation between classes, arguments or (for undercuts) an inference."""

    type: str
    source: Node = None
    target: Node = None
    at: Any = None


@dataclass(eq=False)
class Document:
    """Everything an Argdown text says, in Argdown's terms and orders."""

    statements: dict[str, EquivalenceClass] = field(default_factory=dict)
    arguments: dict[str, Argument] = field(default_factory=dict)
    relations: list[Relation] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    all_sections: list[Section] = field(default_factory=list)
    tags: dict[str, None] = field(default_factory=dict)  # an ordered set
    frontmatter: dict[str, Any] | None = None
    frontmatter_at: Any = None  # (token, offset of the YAML in it, the YAML)
    frontmatter_locator: Any = None  # its Locator, made when a problem needs it
    strict: bool = False
    regrouped: bool = False
    max_section_level: int = 0


def _canonical(members: list[Member]) -> Member | None:
    """Argdown's canonical member: the last definition, or one marked ``isCanonical``."""
    fallback = None
    for member in reversed(members):
        if member.is_reference:
            continue
        if member.data and member.data.get("isCanonical"):
            return member
        if fallback is None:
            fallback = member
    return fallback


# -- parsing -------------------------------------------------------------------------


class ParseNode:
    """A node of the parse tree: the rule's name (``data``) and its children, tokens
    and nodes. Lighter than Lark's ``Tree``, whose other features the builder never
    uses; Lark builds these too (``tree_class``), so both parsers give the same tree."""

    __slots__ = ("children", "data")

    def __init__(self, data: str, children: list[Any], meta: Any = None) -> None:
        self.data = data
        self.children = children

    def __repr__(self) -> str:
        return f"ParseNode({self.data!r}, {self.children!r})"


@functools.cache
def _parser() -> Lark:
    """The LALR parser for ``argdown.lark`` (built once per process)."""
    grammar = importlib.resources.files("argmap.formats").joinpath("argdown.lark").read_text()
    return Lark(
        grammar, parser="lalr", lexer=ArgdownLexer, start=["start", "blocks"], tree_class=ParseNode
    )


_Reducer = Callable[[list[Any]], Any]
_Rule = tuple[int, str, _Reducer]  # a reduction: how many symbols, the rule's name, its node
_Action = int | _Rule  # shift to the state numbered so, or reduce by the rule


class _Tables:
    """Lark's LALR(1) tables for ``argdown.lark`` as plain lists and dicts, driven by
    a tight loop (:meth:`parse`) for documents without syntax errors.

    Lark's own loop costs about twice as much per token (generic callbacks, rule
    objects hashed at every reduction); this one gives the same tree, because it
    runs the same tables and shapes nodes as Lark does: terminals whose names start
    with ``_`` are dropped and rules whose names start with ``_`` (and Lark's helper
    rules for ``+``, ``*`` and ``?``) are inlined into their parent. On a syntax
    error it gives up and Lark parses again, to report the error exactly as before
    (as Lark parses everything if the grammar ever uses rule options this loop does
    not repeat).
    """

    def __init__(self, lark: Lark) -> None:
        table = lark.parser.parser.parser.parse_table
        callbacks = lark.parser.parser.parser.callbacks
        count = len(table.states)
        self.actions: list[dict[str, _Action]] = [{} for _ in range(count)]
        self.gotos: list[dict[str, int]] = [{} for _ in range(count)]
        rules: dict[Any, _Rule] = {}
        self.usable = True  # False: always leave the parse to Lark
        for state, moves in table.states.items():
            for symbol, (action, target) in moves.items():
                name = str(symbol)
                if action is Shift and not name.isupper():  # Lark's test for terminals
                    self.gotos[state][name] = target
                elif action is Shift:
                    self.actions[state][name] = target
                else:  # reduce by the rule ``target``
                    if target not in rules:
                        reducer = _reducer(target)
                        if reducer is None:  # a rule shape the loop does not handle
                            self.usable = False
                            reducer = callbacks[target]
                        rules[target] = (len(target.expansion), str(target.origin.name), reducer)
                    self.actions[state][name] = rules[target]
        self.start = table.start_states["start"]
        self.end = table.end_states["start"]

    def parse(self, tokens: list[Token]) -> ParseNode | None:
        """The tree of ``tokens`` from the ``start`` rule; None on a syntax error.

        The LALR loop: before shifting each token (and at the end, ``$END``), reduce
        while the table says so: pop the rule's symbols off both stacks, push its
        node and the state the table goes to after the rule."""
        if not self.usable:
            return None
        actions, gotos, end = self.actions, self.gotos, self.end
        state = self.start
        states = [state]
        values: list[Any] = []
        try:
            for token in [*tokens, _END]:
                kind = token.type
                action = actions[state][kind]
                while type(action) is tuple:
                    size, origin, reducer = action
                    if size == 1:
                        children = [values.pop()]
                        states.pop()
                    elif size:
                        children = values[-size:]
                        del values[-size:]
                        del states[-size:]
                    else:
                        children = []
                    state = gotos[states[-1]][origin]
                    if state == end and kind == "$END":
                        return reducer(children)  # type: ignore[no-any-return]
                    states.append(state)
                    values.append(reducer(children))
                    action = actions[state][kind]
                state = action
                states.append(state)
                values.append(token)
        except (KeyError, IndexError):
            pass
        return None


_END = Token("$END", "", 0, 0, None)  # type: ignore[arg-type]
"""The end of the token list, as the parse table names it."""


def _reducer(rule: Any) -> _Reducer | None:
    """What a reduction by ``rule`` leaves on the value stack (None: not supported).

    A node with the rule's children, less the filtered terminals, with the children
    of inlined rules spliced in; an inlined rule leaves just its list of children.
    Most reductions keep one or two children, in a few shapes that get a reducer
    of their own (the general loop is the slowest); rules with options this does
    not repeat (``?rule``, ``!rule``, ``[...]``) are not supported."""
    options = rule.options
    if options.expand1 or options.keep_all_tokens or options.empty_indices:
        return None
    name = str(rule.origin.name)
    plan = [
        (index, not symbol.is_term and symbol.name.startswith("_"))
        for index, symbol in enumerate(rule.expansion)
        if not (symbol.is_term and symbol.filter_out)
    ]
    kept = _splicer(plan, len(rule.expansion))
    if name.startswith("_"):
        return kept
    if kept is _identity:
        return functools.partial(ParseNode, name)
    return lambda children: ParseNode(name, kept(children))


def _splicer(plan: list[tuple[int, bool]], size: int) -> _Reducer:
    """The children a reduction keeps: ``plan`` lists (index, splice) of the kept
    symbols; a spliced one is an inlined rule's list, whose items are taken over
    (its list reused when it comes first: left recursion stays linear)."""
    if plan == [(index, False) for index in range(size)]:
        return _identity
    if len(plan) == 1:
        only, splice = plan[0]
        return (lambda c: c[only]) if splice else (lambda c: [c[only]])
    if len(plan) == 2 and plan[0][1]:
        (first, _), (second, splice) = plan
        if splice:
            return lambda c: _extended(c[first], c[second])
        return lambda c: _appended(c[first], c[second])

    def kept(children: list[Any]) -> list[Any]:
        result: list[Any] = []
        for index, splice in plan:
            if not splice:
                result.append(children[index])
            elif result:
                result += children[index]
            else:
                result = children[index]
        return result

    return kept


def _extended(items: list[Any], more: list[Any]) -> list[Any]:
    items += more
    return items


def _appended(items: list[Any], item: Any) -> list[Any]:
    items.append(item)
    return items


def _identity(children: list[Any]) -> list[Any]:
    return children


@functools.cache
def _tables() -> _Tables:
    """The fast parser's tables (built once per process)."""
    return _Tables(_parser())


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

    The fast driver parses documents without syntax errors; when it finds one, Lark
    parses again to say exactly what it expected, and goes on after each error."""
    tree = _tables().parse(tokens)
    if tree is not None:
        return tree.children
    return _parse_reporting(tokens, problems)


def _parse_reporting(tokens: list[Token], problems: _Problems) -> list[Any]:
    """Parse with Lark, recording each syntax error and going on with the next paragraph."""
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
    """YAML ``text`` as JSON-like data (see :func:`._argdown_yaml.load`); raises
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


# -- the model builder -----------------------------------------------------------------


def _first_token(tree: ParseNode | Token) -> Token | None:
    """The first token of a subtree (iteratively)."""
    node: Any = tree
    while isinstance(node, ParseNode):
        if not node.children:
            return None
        node = node.children[0]
    return node if isinstance(node, Token) else None


def _position(tree: ParseNode | Token) -> tuple[int, int]:
    """(line, column) of the first token of a subtree."""
    token = _first_token(tree)
    if token is None or token.line is None or token.column is None:
        return 0, 0
    return token.line, token.column


_TAG = re.compile(r"#(?:\(([^)]+)\)|([A-z0-9\-\u00A0-\uD7FF\uF900-\uFDCF\uFDF0-\uFFEF]+))")
_LINK = re.compile(r"\[(.+)\]\((.+)\)", re.S)
_OUTGOING = {"outgoing_support", "outgoing_attack", "outgoing_undercut"}
_RELATION_KIND = {
    "incoming_support": "support",
    "incoming_attack": "attack",
    "outgoing_support": "support",
    "outgoing_attack": "attack",
    "contradiction": "contradictory",
    "incoming_undercut": "undercut",
    "outgoing_undercut": "undercut",
}


class _Builder:
    """Walks the parse tree in document order, keeping Argdown's model plugin state."""

    def __init__(self, problems: _Problems) -> None:
        self.doc = Document()
        self.problems = problems
        self.untitled = 0
        self.statement: Member | None = None
        self.heading: dict[str, Any] | None = None
        self.section: Section | None = None
        self.relation: Relation | None = None
        self.relation_parent: Any = None
        self.parents: list[Node] = []
        self.inference: Inference | None = None
        self.remove_tags = False
        self.depth = 0
        self.yaml: dict[str, Any] = {}  # data blocks read so far, by their text
        self.text_owner: Any = None  # the statement or heading text_pieces belong to
        self.text_pieces: list[str] = []

    # -- helpers --------------------------------------------------------------------

    def unique_title(self) -> str:
        """Argdown's next auto-title, ``Untitled N``."""
        self.untitled += 1
        return f"Untitled {self.untitled}"

    def ec(self, title: str) -> EquivalenceClass:
        """The equivalence class called ``title`` (created on first use, as in Argdown)."""
        found = self.doc.statements.get(title)
        if found is None:
            found = self.doc.statements[title] = EquivalenceClass(title)
        return found

    def argument(self, title: str | None) -> Argument:
        """The argument called ``title`` (a new ``Untitled N`` when None)."""
        found = self.doc.arguments.get(title) if title else None
        if found is None:
            found = Argument(title or self.unique_title())
            self.doc.arguments[found.title] = found
        self.relation_parent = found
        return found

    def relation_member(self, parent: Any) -> Node:
        """Argdown's getRelationMember: a statement's class or an argument."""
        if isinstance(parent, Member):
            if not parent.title:
                parent.title = self.unique_title()
            if parent.role == "argument-description":
                return self.argument(parent.title)
            return self.ec(parent.title)
        return parent

    def target(self) -> Any:
        return self.heading if self.heading is not None else self.statement

    def append_text(self, text: str) -> None:
        """Add text to the statement or heading being read.

        The pieces wait in a list until the text is complete (:meth:`flush_text`):
        adding to a string one piece at a time would copy a long statement's text
        for every line of it, quadratic time for a statement of many lines."""
        target = self.target()
        if target is None:
            return
        if target is not self.text_owner:
            self.flush_text()
            self.text_owner = target
        self.text_pieces.append(text)

    def flush_text(self) -> None:
        """Join the pieces of text read so far into their statement or heading."""
        owner, pieces = self.text_owner, self.text_pieces
        if owner is None:
            return
        if isinstance(owner, dict):
            owner["text"] = (owner.get("text") or "") + "".join(pieces)
        else:
            owner.text = (owner.text or "") + "".join(pieces)
        self.text_owner, self.text_pieces = None, []

    def ends_with_space(self) -> bool:
        """Whether the text of the statement or heading being read ends in a space."""
        target = self.target()
        if target is None:
            return False
        if target is self.text_owner:
            for piece in reversed(self.text_pieces):
                if piece:
                    return piece.endswith(" ")
        text = (target.get("text") if isinstance(target, dict) else target.text) or ""
        return text.endswith(" ")

    def deeper(self, tree: ParseNode) -> None:
        """One level deeper; too deep is a FormatError, not a RecursionError."""
        self.depth += 1
        if self.depth > MAX_DEPTH:
            line, column = _position(tree)
            raise _TooDeep(line, column)

    # -- the document ---------------------------------------------------------------

    def document(self, children: list[Any]) -> Document:
        """Walk the top-level blocks in order, then apply Argdown's transformations."""
        previous: Argument | None = None
        for child in children:
            if isinstance(child, Token):
                if child.type == "FRONTMATTER":
                    self.frontmatter(child)
                continue
            previous = self.block(child, previous)
        self.finish()
        return self.doc

    def frontmatter(self, token: Token) -> None:
        """Read the YAML front matter and the model settings it holds."""
        opening = re.match(r"\s*={3,}", str(token))
        start = opening.end() if opening is not None else 0
        body = re.sub(r"={3,}\s*\Z", "", str(token)[start:])
        self.doc.frontmatter_at = (token, start, body)
        try:
            value = load_yaml(body)
        except (yaml.YAMLError, ValueError) as error:
            line, column = _yaml_position(token, start, error)
            reason = str(getattr(error, "problem", None) or error).strip()
            self.problems.add(
                "invalid-frontmatter",
                f"invalid YAML front matter: {reason}",
                line,
                column,
                "valid YAML between === lines",
            )
            return
        if value is None:
            value = {}
        if not isinstance(value, dict):
            self.problems.add(
                "invalid-frontmatter",
                "front matter must be a mapping of keys to values",
                token.line,
                token.column,
                "key: value lines",
            )
            return
        self.doc.frontmatter = value
        model = value.get("model")
        if isinstance(model, dict):
            self.doc.strict = model.get("mode") == "strict"
            self.remove_tags = bool(model.get("removeTagsFromText"))

    def block(self, tree: ParseNode, previous: Argument | None) -> Argument | None:
        """One paragraph; returns the argument it defines (a following pcs is its own)."""
        kind = tree.data
        if kind == "heading":
            self.heading_block(tree)
        elif kind == "statement":
            self.statement_node(tree, top_level=True)
        elif kind == "argument":
            return self.argument_node(tree, top_level=True)
        elif kind == "pcs":
            self.pcs(tree, previous)
        else:  # ordered_list, unordered_list
            for item in tree.children:
                if isinstance(item, ParseNode):
                    self.list_item(item)
        return None

    def list_item(self, item: ParseNode) -> None:
        """A statement or argument in a list."""
        content = item.children[1]
        assert isinstance(content, ParseNode)
        if content.data == "statement":
            self.statement_node(content, top_level=False)
        else:
            self.argument_node(content, top_level=False)

    # -- headings ---------------------------------------------------------------------

    def heading_block(self, tree: ParseNode) -> None:
        """A heading: a new section of the document."""
        self.heading = {"text": "", "tags": {}}
        data: dict[str, Any] | None = None
        for index, child in enumerate(tree.children):
            if isinstance(child, ParseNode):
                self.content(child)
            elif child.type == "DATA":
                data = _data(child, self.problems, self.yaml)
            elif child.type == "NL":
                self.newline(index, len(tree.children))
        self.flush_text()
        heading, self.heading = self.heading, None
        level = len(str(tree.children[0]))
        self.doc.max_section_level = max(self.doc.max_section_level, level)
        section = Section(
            f"s{len(self.doc.all_sections) + 1}",
            heading["text"].strip(),
            level,
            data=data,
            at=_first_token(tree),
        )
        self.place_section(section)

    def place_section(self, section: Section) -> None:
        """Nest a new section under the nearest open section of a lower level."""
        if section.data and isinstance(section.data.get("isGroup"), bool):
            section.is_group = section.data["isGroup"]
        frontmatter = self.doc.frontmatter or {}
        group = frontmatter.get("group")
        if isinstance(group, dict) and isinstance(group.get("sections"), dict):
            config = group["sections"].get(section.title)
            if isinstance(config, dict):
                section.is_group = config.get("isGroup")
            elif section.is_group is None:
                section.is_group = False
        previous = self.section
        while previous is not None and previous.level >= section.level:
            previous = previous.parent
        if previous is not None:
            previous.children.append(section)
            section.parent = previous
        else:
            self.doc.sections.append(section)
        self.doc.all_sections.append(section)
        self.section = section

    # -- text -------------------------------------------------------------------------

    def content(self, tree: ParseNode) -> None:
        """Statement content: text, links, tags, mentions, bold and italic, line breaks."""
        self.deeper(tree)
        children = tree.children
        last = len(children) - 1
        for index, child in enumerate(children):
            if isinstance(child, ParseNode):
                self.text_range(child)
                continue
            kind = child.type
            if kind == "TEXT":
                self.append_text(child.value)
            elif kind == "NL":
                self.newline(index, last + 1)
            elif kind == "TAG":
                self.tag(child)
            elif kind == "LINK":
                found = _LINK.match(child.value)
                self.append_text(found.group(1) if found else child.value)
                if child.value.endswith(" "):
                    self.append_text(" ")
            else:  # mentions keep their own spelling
                self.append_text(child.value)
        self.depth -= 1

    def text_range(self, tree: ParseNode) -> None:
        """Bold or italic text: the markers go, a trailing space after them stays."""
        end = tree.children[-1]
        for child in tree.children:
            if isinstance(child, ParseNode):
                self.content(child)
        if isinstance(end, Token) and str(end).endswith(" "):
            self.append_text(" ")

    def newline(self, index: int, count: int) -> None:
        """A line break inside a statement joins its lines with one space."""
        if index == count - 1 or self.target() is None:  # a last line break adds nothing
            return
        if not self.ends_with_space():
            self.append_text(" ")

    def tag(self, token: Token) -> None:
        """A tag: into the text (unless removeTagsFromText) and the element's tags."""
        target = self.target()
        if target is None:
            return
        found = _TAG.match(token.value)
        if found is None:
            return
        name = found.group(1) or found.group(2)
        if not self.remove_tags:
            self.append_text(token.value)
        tags = target["tags"] if isinstance(target, dict) else target.tags
        tags.setdefault(name)
        self.doc.tags.setdefault(name)

    # -- statements and arguments -------------------------------------------------------

    def statement_node(self, tree: ParseNode, *, top_level: bool) -> Member:
        """A statement: its member joins the equivalence class of its title."""
        role = "top-level-statement" if top_level else None
        if not top_level and self.relation is not None:
            role = "relation-statement"
        member = Member(role, _first_token(tree), is_top_level=top_level)
        self.statement = member
        self.relation_parent = member
        children = tree.children
        for index, child in enumerate(children):
            if isinstance(child, ParseNode):
                if child.data == "statement_content":
                    self.content(child)
                elif child.data == "statement_definition":
                    member.title = _title(child.children[0])
                    self.content(child.children[1])
                else:
                    self.relations(child)
                continue
            kind = child.type
            if kind == "STMT_REF":
                member.title = _title(child)
                member.is_reference = True
            elif kind == "TAG":
                self.tag(child)
            elif kind == "NL":
                self.newline(index, len(children))
            elif kind == "DATA":
                member.data = _data(child, self.problems, self.yaml)
        self.finish_statement(member)
        return member

    def finish_statement(self, member: Member) -> None:
        """Argdown's statement exit: title, class, tags, data and section."""
        if not member.title:
            member.title = self.unique_title()
        self.join(self.ec(member.title), member)
        self.statement = None

    def argument_node(self, tree: ParseNode, *, top_level: bool) -> Argument:
        """An argument definition or reference: a description of the argument."""
        desc = Member("argument-description", _first_token(tree), text="", is_top_level=top_level)
        desc.section = self.section
        self.statement = desc
        self.relation_parent = desc
        children = tree.children
        for index, child in enumerate(children):
            if isinstance(child, ParseNode):
                if child.data == "statement_content":
                    self.content(child)
                else:
                    self.relations(child)
            elif child.type in ("ARG_DEF", "ARG_REF"):
                desc.title = _title(child)
                desc.is_reference = child.type == "ARG_REF"
            elif child.type == "TAG":
                self.tag(child)
            elif child.type == "NL":
                self.newline(index, len(children))
            elif child.type == "DATA":
                desc.data = _data(child, self.problems, self.yaml)
        argument = self.argument(desc.title)
        desc.title = argument.title
        self.join(argument, desc)
        self.statement = None
        return argument

    def join(self, element: EquivalenceClass | Argument, member: Member) -> None:
        """Add a member (a definition or reference) to its equivalence class or argument:
        its tags and data, and the section, which Argdown takes from the first definition
        unless data says ``isInGroup``."""
        _add_tags(element.tags, member.tags)
        if member.data:
            element.data = _merge(element.data, member.data)
        if self.section is not None:
            member.section = self.section
        element.members.append(member)
        in_group = member.data.get("isInGroup") if member.data else None
        if in_group is True or (
            not member.is_reference and in_group is None and element.section is None
        ):
            element.section = member.section

    # -- relations --------------------------------------------------------------------

    def relations(self, tree: ParseNode) -> None:
        """An indented block of relations under a statement, argument or inference."""
        self.deeper(tree)
        self.parents.append(self.relation_member(self.relation_parent))
        for child in tree.children:
            if isinstance(child, ParseNode):
                self.relation_node(child)
        self.relation = None
        self.parents.pop()
        self.depth -= 1

    def relation_node(self, tree: ParseNode) -> None:
        """One relation: its end inside, the parent's class or argument outside."""
        symbol = tree.children[0]
        assert isinstance(symbol, Token)
        parent = self.parents[-1]
        relation = Relation(_RELATION_KIND[tree.data], at=symbol)
        if tree.data in _OUTGOING:
            relation.target = parent
            if tree.data == "outgoing_undercut" and isinstance(parent, EquivalenceClass):
                relation.target = self.inference or parent
        else:
            relation.source = parent
        self.relation = relation
        content = tree.children[1]
        assert isinstance(content, ParseNode)
        if content.data == "statement":
            member: Any = self.statement_node(content, top_level=False)
        else:
            member = self.argument_node(content, top_level=False)
        end = self.relation_member(member)
        if relation.source is None:
            relation.source = end
        else:
            relation.target = end
        self.add_relation(relation)

    def add_relation(self, relation: Relation) -> None:
        """Keep a relation unless the same one (or a reversed contradiction) exists."""
        for existing in relation.source.relations:
            same = existing.target is relation.target and existing.type == relation.type
            mirrored = (
                relation.type == "contradictory"
                and existing.type == "contradictory"
                and existing.source is relation.target
                and existing.target is relation.source
            )
            if same or mirrored:
                return
        self.doc.relations.append(relation)
        relation.source.relations.append(relation)
        relation.target.relations.append(relation)

    # -- premise-conclusion structures ------------------------------------------------

    def pcs(self, tree: ParseNode, previous: Argument | None) -> None:
        """A premise-conclusion structure; it belongs to the argument just before it."""
        argument = previous if previous is not None else self.argument(None)
        if self.section is not None:
            argument.section = self.section
        start = _first_token(tree)
        if argument.pcs:
            self.problems.add(
                "duplicate-pcs",
                f"the argument <{argument.title}> has a second premise-conclusion structure",
                start.line if start is not None else None,
                start.column if start is not None else None,
                "one premise-conclusion structure per argument",
            )
            return
        argument.at = start
        pending: Inference | None = None
        for child in tree.children:
            assert isinstance(child, ParseNode)
            if child.data == "inference":
                pending = self.inference_node(child)
                continue
            number = child.children[0]
            member = self.statement_node(child.children[1], top_level=False)
            member.argument_title = argument.title
            member.role = "premise"
            if pending is not None:
                member.role = "intermediary-conclusion"
                member.inference = pending
                pending.conclusion_index = len(argument.pcs)
                pending.argument_title = argument.title
                pending = None
            argument.pcs.append(member)
        argument.pcs[-1].role = "main-conclusion"
        self.statement = None
        if argument.pcs[-1].inference is None:  # Argdown: "Missing main conclusions."
            argument.pcs = []  # nothing may take it for a reconstruction now
            self.problems.add(
                "pcs-without-conclusion",
                "a premise-conclusion structure must end with its conclusion, right after "
                "an inference line",
                *_position(number),
                "an inference line (----) before the last numbered statement",
            )

    def inference_node(self, tree: ParseNode) -> Inference:
        """An inference line: rules, data and undercuts of the inference."""
        inference = Inference([], _first_token(tree))
        self.inference = inference
        self.relation_parent = inference
        self.parents.append(inference)
        for child in tree.children:
            if isinstance(child, ParseNode):
                if child.data == "inference_rules":
                    inference.rules = [
                        str(t).strip() for t in child.children if getattr(t, "type", "") == "TEXT"
                    ]
                else:
                    self.relations(child)
            elif child.type == "DATA":
                inference.data = _data(child, self.problems, self.yaml)
        return inference

    # -- after the walk -----------------------------------------------------------------

    def finish(self) -> None:
        """Argdown's model plugin, after the walk: sections, then relation transformations."""
        self.flush_text()
        nodes: list[EquivalenceClass | Argument] = [
            *self.doc.statements.values(),
            *self.doc.arguments.values(),
        ]
        for node in nodes:
            if node.section is None and node.members:
                node.section = node.members[0].section
        self.transform_argument_relations()
        if self.doc.strict:
            self.transform_statement_relations()
        self.remove_redundant_attacks()
        _regroup(self.doc)

    def transform_argument_relations(self) -> None:
        """Relations from a reconstructed argument leave from its main conclusion;
        undercuts of a reconstructed argument hit its last inference."""
        kept: list[Relation] = []
        for relation in self.doc.relations:
            keep = True
            source, target = relation.source, relation.target
            if isinstance(source, Argument) and source.pcs:
                source.relations.remove(relation)
                conclusion = self.doc.statements[source.pcs[-1].title or ""]
                relation.source = conclusion
                if any(
                    r.target is relation.target and r.type == relation.type
                    for r in conclusion.relations
                ):
                    relation.target.relations.remove(relation)
                    keep = False
                else:
                    conclusion.relations.append(relation)
            if isinstance(target, Argument) and target.pcs and relation.type == "undercut":
                inference = target.pcs[-1].inference
                assert inference is not None
                target.relations.remove(relation)
                relation.target = inference
                if any(
                    r.source is relation.source and r.type == relation.type
                    for r in inference.relations
                ):
                    relation.source.relations.remove(relation)
                    keep = False
                else:
                    inference.relations.append(relation)
            if keep:
                kept.append(relation)
        self.doc.relations = kept

    def transform_statement_relations(self) -> None:
        """Strict mode: between statements, support is entailment and attack contrariety."""
        kept: list[Relation] = []
        for relation in self.doc.relations:
            both = isinstance(relation.source, EquivalenceClass) and isinstance(
                relation.target, EquivalenceClass
            )
            if both and relation.type == "support":
                relation.type = "entails"
            elif both and relation.type == "attack":
                if any(
                    r.type == "contrary"
                    and {id(r.source), id(r.target)} == {id(relation.source), id(relation.target)}
                    for r in relation.source.relations
                ):
                    relation.source.relations.remove(relation)
                    relation.target.relations.remove(relation)
                    continue
                relation.type = "contrary"
            kept.append(relation)
        self.doc.relations = kept

    def remove_redundant_attacks(self) -> None:
        """A statement attacking an argument whose premise it already opposes says it twice."""
        kept: list[Relation] = []
        for relation in self.doc.relations:
            source, target = relation.source, relation.target
            redundant = (
                isinstance(source, EquivalenceClass)
                and relation.type == "attack"
                and isinstance(target, Argument)
                and any(_opposes_premise(source, other, target) for other in source.relations)
            )
            if redundant:
                source.relations.remove(relation)
                target.relations.remove(relation)
                continue
            kept.append(relation)
        self.doc.relations = kept


def _opposes_premise(ec: EquivalenceClass, relation: Relation, argument: Argument) -> bool:
    """Whether ``relation`` opposes ``ec`` to a premise of ``argument``."""
    other = relation.target if relation.source is ec else relation.source
    if not isinstance(other, EquivalenceClass):
        return False
    opposing = (relation.type == "attack" and relation.source is ec) or relation.type in (
        "contradictory",
        "contrary",
    )
    return opposing and any(s.title == other.title and s.role == "premise" for s in argument.pcs)


class _TooDeep(Exception):
    def __init__(self, line: int, column: int) -> None:
        super().__init__("nested too deeply")
        self.line = line
        self.column = column


def _title(token: Any) -> str:
    """The title inside ``[title]``, ``[title]:``, ``<title>`` or ``<title>:``."""
    image = token.value
    return str(image[1:-2] if image.endswith(":") else image[1:-1])


def _add_tags(into: dict[str, None], tags: dict[str, None]) -> None:
    """Add tags not yet there, keeping their order (lodash's union)."""
    for tag in tags:
        into.setdefault(tag)


def _merge(base: Any, extra: Any) -> Any:
    """lodash's ``merge``: mappings merged key by key, lists index by index, into
    ``base`` itself (as lodash does: copying ``base`` for each of a thousand members
    would take quadratic time); what comes from ``extra`` is copied, so ``base``
    shares nothing with it."""
    if isinstance(base, dict) and isinstance(extra, dict):
        for key, value in extra.items():
            base[key] = _merge(base[key], value) if key in base else _copied(value)
        return base
    if isinstance(base, list) and isinstance(extra, list):
        for index, value in enumerate(extra):
            if index < len(base):
                base[index] = _merge(base[index], value)
            else:
                base.append(_copied(value))
        return base
    return _copied(base if extra is None else extra)


def _regroup(doc: Document) -> None:
    """Argdown's regroup setting (``group.regroup`` in the front matter) replaces the
    sections from headings with the ones it lists."""
    group = (doc.frontmatter or {}).get("group")
    regroup = group.get("regroup") if isinstance(group, dict) else None
    if not isinstance(regroup, list):
        return
    doc.regrouped = True
    doc.sections, doc.all_sections = [], []
    nodes: list[EquivalenceClass | Argument] = [*doc.statements.values(), *doc.arguments.values()]
    for node in nodes:
        node.section = None
    for index, config in enumerate(regroup):
        if isinstance(config, dict):
            doc.sections.append(_regroup_section(doc, config, 1, index, None))


def _regroup_section(
    doc: Document, config: dict[str, Any], level: int, counter: int, parent: Section | None
) -> Section:
    """One section of ``group.regroup``, its statements, arguments and children."""
    title = config.get("title")
    section = Section(f"s{counter}", title if isinstance(title, str) else "", level, parent)
    if isinstance(config.get("isGroup"), bool):
        section.is_group = config["isGroup"]
    doc.all_sections.append(section)
    for key, table in (("statements", doc.statements), ("arguments", doc.arguments)):
        for title_ in listed(config.get(key)):
            node: Any = table.get(title_) if isinstance(title_, str) else None
            if node is not None:
                node.section = section
    children = listed(config.get("children"))
    for index, child in enumerate(children):
        if isinstance(child, dict):
            section.children.append(
                _regroup_section(doc, child, level + 1, counter + 1 + index, section)
            )
    return section


def listed(value: Any) -> list[Any]:
    """A front matter setting that should be a list: itself, or no items when it is
    anything else (a setting of the wrong type is ignored, never a crash)."""
    return value if isinstance(value, list) else []


def release(doc: Document) -> None:
    """Break the reference cycles of a document that is no longer needed.

    Relations know their ends and the ends their relations, sections their parents
    and their children: without this, a read document (tens of thousands of
    objects) waits for the garbage collector, paused while reading, and memory
    grows from one reading to the next. Afterwards ``doc`` is freed at once."""
    for ec in doc.statements.values():
        ec.relations.clear()
    for argument in doc.arguments.values():
        argument.relations.clear()
        for member in argument.pcs:
            if member.inference is not None:
                member.inference.relations.clear()
    for section in doc.all_sections:
        section.children.clear()
        section.parent = None


def iter_sections(sections: list[Section]) -> Iterator[Section]:
    """Every section, depth first, in document order."""
    stack = list(reversed(sections))
    while stack:
        section = stack.pop()
        yield section
        stack.extend(reversed(section.children))


def parse_document(text: str, *, path: str | None = None) -> Document:
    """Read Argdown ``text`` into Argdown's model; FormatError on anything unreadable."""
    collecting = gc.isenabled()
    gc.disable()  # parsing allocates many small objects that never form cycles
    try:
        return _parse_document(text, path)
    finally:
        if collecting:
            gc.enable()


def _parse_document(text: str, path: str | None) -> Document:
    """The work of :func:`parse_document` (with the garbage collector paused)."""
    problems = _Problems(path)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.startswith("\ufeff"):
        text = text[1:]
    _check_binary(text, problems)
    problems.raise_if_any()
    tokens = _lex(text, problems)
    _check_tokens(tokens, text, problems)
    if not any(t.type not in ("_EMPTY", "NL", "FRONTMATTER") for t in tokens):
        return _frontmatter_only(tokens, problems)
    blocks = _parse_tokens(tokens, problems)
    problems.raise_if_any()
    builder = _Builder(problems)
    doc = Document()
    try:
        doc = builder.document(blocks)
    except _TooDeep as deep:
        problems.add(
            "too-deep",
            f"relations or text ranges nested more than {MAX_DEPTH} levels deep",
            deep.line,
            deep.column,
        )
    except RecursionError:
        problems.add("too-deep", "the document is nested too deeply", 1, 1)
    problems.raise_if_any()
    return doc


def _frontmatter_only(tokens: list[Token], problems: _Problems) -> Document:
    """An empty document (or one with only front matter) is an empty map."""
    builder = _Builder(problems)
    doc = builder.document([t for t in tokens if t.type == "FRONTMATTER"][:1])
    problems.raise_if_any()
    return doc


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
