"""The Argdown reader under hostile input: every text ends in a map or a FormatError
with a line and a column, quickly, and every map it gives can be written and read back.

One section per class of problem, each with hand cases and a Hypothesis property:
YAML values JSON cannot hold, YAML aliases that expand without bound, lone surrogates,
front matter naming an unknown thesis, a premise-conclusion structure without a final
conclusion (which crashed the undercut transformation), lexing that took quadratic
time, and the reader as a whole on any text.
"""

from __future__ import annotations

import json
import re
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap import ArgumentMap, FormatError, MapError
from argmap.check import reference_problems
from argmap.formats import argdown
from argmap.formats import json as native
from argmap.formats.argdown import _lexer as lexer

FAST = 20.0
"""Seconds a linear reading of a few hundred kilobytes stays far below (about one
second here, on a busy machine), while the quadratic or exponential one it replaced
took minutes: a generous bound, not a timing test."""


def _fails(text: str) -> FormatError:
    """The FormatError reading ``text`` raises; it must say where."""
    with pytest.raises(FormatError) as raised:
        argdown.loads(text)
    error = raised.value
    _located(error)
    return error


def _located(error: FormatError) -> None:
    """``error`` says where: a line and a column, both from 1."""
    assert error.line is not None, error
    assert error.column is not None, error
    assert error.line >= 1, error
    assert error.column >= 1, error


def _round_trips(map: ArgumentMap) -> None:
    """``map`` survives argmap's Argdown, and its native JSON (strict JSON) unless it
    names ids it lacks: argmap's Argdown carries such a map unchanged (an ``argmap``
    entry of the front matter may add an inference from a premise that is nowhere),
    the native JSON writer refuses it, clearly (its reader would)."""
    assert argdown.loads(argdown.dumps(map), source=map.source) == map
    dangling = [
        p for p in reference_problems(map) if p.code in ("unknown-reference", "duplicate-id")
    ]
    if dangling:
        with pytest.raises(MapError) as refused:
            native.dumps(map)
        assert {p.code for p in refused.value.problems} <= {p.code for p in dangling}
        return
    written = native.dumps(map)
    json.loads(written, parse_constant=lambda name: pytest.fail(f"{name} in JSON"))
    assert native.loads(written) == map


@contextmanager
def _quick(what: str) -> Iterator[None]:
    """Fail when the block takes longer than :data:`FAST` seconds."""
    start = time.perf_counter()
    yield
    took = time.perf_counter() - start
    assert took < FAST, f"{what} took {took:.1f} s"


def _position(text: str, offset: int) -> tuple[int, int]:
    """1-based (line, column) of ``offset`` in ``text``."""
    return text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1) + 1


# -- 1. YAML values JSON cannot hold --------------------------------------------------------

REFUSED_VALUES = {
    ".nan": "not a number JSON can hold",
    ".inf": "not a number JSON can hold",
    "-.Inf": "not a number JSON can hold",
    "1.0e+999": "not a number JSON can hold",
    "!!set {a, b}": "a set (!!set)",
    "!!binary aGVsbG8=": "binary data (!!binary)",
    "!!omap [{a: 1}]": "an ordered map (!!omap)",
    "!!pairs [{a: 1}]": "pairs (!!pairs)",
    "!!python/object:os.system {}": "could not determine a constructor",
    "!custom 1": "could not determine a constructor",
    "!!bool maybe": "'maybe' is not a valid !!bool",
    "!!int twelve": "'twelve' is not an integer",
    "!!float x": "'x' is not a number",
    "!!map [1, 2]": "expected a mapping",
    "9" * (sys.get_int_max_str_digits() + 1): "an integer with more than",
    "0x" + "f" * (sys.get_int_max_str_digits() + 1): "an integer with more than",
}


@pytest.mark.parametrize("value", REFUSED_VALUES, ids=lambda v: v[:20])
def test_yaml_values_json_cannot_hold_are_refused_in_data(value: str) -> None:
    text = f"[A]: Taxes should be lower. {{source: {value}}}"
    error = _fails(text)
    assert error.code == "invalid-data"
    assert REFUSED_VALUES[value] in error.message
    assert (error.line, error.column) == (1, text.index(value) + 1)


@pytest.mark.parametrize("value", REFUSED_VALUES, ids=lambda v: v[:20])
def test_yaml_values_json_cannot_hold_are_refused_in_front_matter(value: str) -> None:
    text = f"===\ntitle: A map\nsource: {value}\n===\n\n[A]: Taxes should be lower."
    error = _fails(text)
    assert error.code == "invalid-frontmatter"
    assert REFUSED_VALUES[value] in error.message
    assert (error.line, error.column) == (3, len("source: ") + 1)


@pytest.mark.parametrize(
    ("data", "message", "column"),
    [
        ("{1.5: a}", "a key must be a string, not float", 2),
        ("{[1]: a}", "a key must be a string, not list", 2),
        ("{2024-05-01: a, 2024-05-01: b}", "the key '2024-05-01' is given twice", 17),
        ("{a: 1, a: 2}", "the key 'a' is given twice", 8),
        ("{1: a, '1': b}", "the key '1' is given twice", 8),
        ("{a: &x [*x]}", "an alias (*name) inside the value it names", 5),
    ],
)
def test_keys_json_cannot_hold_are_refused(data: str, message: str, column: int) -> None:
    error = _fails(f"[A]: Taxes. {data}")
    assert message in error.message
    assert (error.line, error.column) == (1, len("[A]: Taxes. ") + column)


def test_block_data_errors_point_at_their_own_line() -> None:
    error = _fails("[A]: Taxes should be lower. {\n  year: 2020\n  share: .nan\n}")
    assert (error.line, error.column) == (3, 10)


def test_dates_stay_the_text_they_were_written_as() -> None:
    """JSON has no dates: a date (or timestamp) is kept as its text, which every writer
    writes and every reader reads back as that same text."""
    text = (
        "===\ndate: 2024-05-01\n===\n\n"
        "[A]: Taxes. {when: 2001-12-14t21:59:43.10-05:00, day: 2024-05-01, 2024-01-01: k}"
    )
    map = argdown.loads(text)
    assert map.statements["A"].data == {
        "when": "2001-12-14t21:59:43.10-05:00",
        "day": "2024-05-01",
        "2024-01-01": "k",
    }
    assert map.data["argdown"]["frontmatter"] == {"date": "2024-05-01"}
    _round_trips(map)


def test_number_true_and_null_keys_become_text_as_in_javascript() -> None:
    map = argdown.loads("[A]: Taxes. {1: one, true: t, null: none, 0x10: hex}")
    assert map.statements["A"].data == {"1": "one", "true": "t", "null": "none", "16": "hex"}
    _round_trips(map)


def test_merge_keys_may_be_overridden_once() -> None:
    map = argdown.loads("[A]: Taxes. {<<: {a: 1, b: 2}, a: 3}")
    assert map.statements["A"].data == {"a": 3, "b": 2}


_YAML_SCALARS = st.one_of(
    st.sampled_from(sorted(REFUSED_VALUES)),
    st.sampled_from(["2024-05-01", "2001-12-14 21:59:43.10 -5", "1", "-2.5", "yes", "~", "''"]),
    st.integers(-(10**30), 10**30).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.text(st.characters(codec="utf-8", categories=["L", "N"]), max_size=8),
)


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(_YAML_SCALARS, st.integers(0, 3), st.booleans())
def test_any_yaml_scalar_is_held_as_json_or_refused_where_it_stands(
    value: str, lines_before: int, in_front_matter: bool
) -> None:
    """Never accept on read what a writer would refuse: whatever YAML scalar, the map
    read holds only JSON values (round-tripping through both writers), or the reader
    refuses it at its line."""
    padding = "".join(f"k{n}: {n}\n" for n in range(lines_before))
    if in_front_matter:
        text = f"===\n{padding}v: {value}\n===\n\n[A]: Taxes."
        line = 2 + lines_before
    else:
        text = f"[A]: Taxes. {{\n{padding}v: {value}\n}}"
        line = 2 + lines_before
    try:
        map = argdown.loads(text)
    except FormatError as error:
        assert error.code in ("invalid-data", "invalid-frontmatter")
        assert error.line == line, (text, error)
        return
    _round_trips(map)


_YAML_PIECES = [
    "a", "b", ": ", ", ", "[", "]", "{", "}", "&x ", "*x", "&y ", "*y", "<<: ", "!!set ",
    "!!omap ", "!!pairs ", "!!binary ", "!!str ", "!!int ", "!!float ", "!!bool ", "!!null ",
    "!!timestamp ", "!!map ", "!!seq ", "!!merge ", "!!value ", "!t ", "! ", "? ", "- ", "\n",
    "\n  ", "'q'", '"\\ud800"', '"\\x41"', "2020-01-01", "1.5", ".nan", "0x1F", "0o7",
    "1_000", "~", "null", "yes", "|\n  lit", ">\n  fold", "#c\n", "=", "--- ", "...", "\t",
    "@", "`", "1:20", "9" * 30,
]  # fmt: skip


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_YAML_PIECES), max_size=20).map("".join), st.integers(0, 2))
def test_any_yaml_soup_is_held_as_json_or_refused_with_a_position(soup: str, where: int) -> None:
    text = ("[A]: t {" + soup + "}", "[A]: t {\n" + soup + "\n}", f"===\n{soup}\n===\n\n[A]: t")
    _read_or_refuse(text[where])


# -- 2. YAML aliases that expand without bound --------------------------------------------------


def _laughs(levels: int, width: int = 9) -> str:
    """The "billion laughs": each level a list of ``width`` aliases of the one below."""
    lines = ['l0: &l0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for n in range(1, levels):
        lines.append(f"l{n}: &l{n} [" + ",".join([f"*l{n - 1}"] * width) + "]")
    return "\n".join(lines)


def test_a_billion_laughs_in_front_matter_is_refused_at_once() -> None:
    """400 bytes that expand to 9^9 values: walking them took 17 s at 8 levels, and
    would take about 15 minutes at 10."""
    document = _laughs(10)
    assert len(document) < 500
    with _quick("a billion laughs"):
        error = _fails(f"===\n{document}\n===\n\n[A]: Taxes.")
    assert error.code == "invalid-frontmatter"
    assert "repeat data too often" in error.message
    assert error.line >= 2


def test_a_billion_laughs_in_a_data_block_is_refused_at_once() -> None:
    document = _laughs(10).replace("\n", "\n  ")
    with _quick("a billion laughs"):
        error = _fails(f"[A]: Taxes. {{\n  {document}\n}}")
    assert error.code == "invalid-data"
    assert "repeat data too often" in error.message


def test_aliases_that_repeat_a_little_are_kept() -> None:
    map = argdown.loads(
        "===\nbase: &b {color: red}\nagain: *b\n===\n\n[A]: Taxes. {a: &x [1], b: *x}"
    )
    assert map.statements["A"].data == {"a": [1], "b": [1]}
    assert map.data["argdown"]["frontmatter"] == {
        "base": {"color": "red"},
        "again": {"color": "red"},
    }
    _round_trips(map)


@settings(suppress_health_check=[HealthCheck.too_slow], max_examples=50)
@given(st.integers(1, 30), st.integers(1, 12))
def test_alias_towers_are_read_or_refused_quickly(levels: int, width: int) -> None:
    """Whatever the tower, the reader answers at once: a map whose data, written out,
    stay small, or a FormatError with a position."""
    text = f"[A]: Taxes. {{\n{_laughs(levels, width)}\n}}"
    with _quick("an alias tower"):
        try:
            map = argdown.loads(text)
        except FormatError as error:
            _located(error)
            return
    # The reader's budget counts one per value plus a scalar's characters; JSON adds at
    # most four characters of quotes and separators per value.
    assert len(json.dumps(dict(map.statements["A"].data))) < 5 * (10 * len(text) + 1000)


# -- 3. lone surrogates ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "[A]: Taxes \ud800 should be lower.",
        "[A\udfff]: Taxes.",
        "===\ntitle: \ud83d\n===\n\n[A]: x",
        "[A]: Taxes. {k\udc00: 1}",
        "<A>: gist\n\n(1) premise \udbff\n----\n(2) conclusion",
    ],
)
def test_lone_surrogates_in_the_text_are_refused_where_they_stand(text: str) -> None:
    error = _fails(text)
    assert error.code == "invalid-text"
    offset = re.search("[\ud800-\udfff]", text).start()  # type: ignore[union-attr]
    assert (error.line, error.column) == _position(text, offset)


def test_surrogate_escapes_in_yaml_are_refused_where_they_stand() -> None:
    """libyaml refuses ``"\\ud800"`` itself; PyYAML's own parser makes it a lone
    surrogate, which argmap's constructor refuses at the scalar."""
    error = _fails('[A]: Taxes. {k: "\\ud800"}')
    assert error.code == "invalid-data"
    assert error.column == len("[A]: Taxes. {k: ") + 1 or error.column > 1

    from argmap.formats.argdown._yaml import _Constructor

    class PurePython(_Constructor, yaml.SafeLoader):  # type: ignore[misc]
        pass

    with pytest.raises(yaml.YAMLError, match="lone surrogate") as raised:
        yaml.load('k: "\\ud800"', Loader=PurePython)
    mark = raised.value.problem_mark  # type: ignore[attr-defined]
    assert (mark.line, mark.column) == (0, 3)


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(
    st.text(st.characters(codec="utf-8", exclude_characters="\x00"), max_size=40),
    st.integers(0, 40),
    st.integers(0xD800, 0xDFFF),
)
def test_a_lone_surrogate_anywhere_is_refused_where_it_stands(
    text: str, at: int, code: int
) -> None:
    at = min(at, len(text))
    hostile = text[:at] + chr(code) + text[at:]
    try:
        argdown.loads(hostile)
    except FormatError as error:
        _located(error)
        normalized = hostile.replace("\r\n", "\n").replace("\r", "\n").removeprefix("\ufeff")
        first = re.search(r"[\x00-\x08\x0b\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]", normalized)
        assert first is not None
        assert (error.line, error.column) == _position(normalized, first.start())
        return
    pytest.fail("a text with a lone surrogate was read")


# -- 4. front matter naming an unknown thesis --------------------------------------------------


def test_an_unknown_thesis_is_refused_where_the_front_matter_names_it() -> None:
    text = "===\nargmap:\n  theses: [A, Nobody]\n===\n\n[A]: Taxes should be lower."
    error = _fails(text)
    assert error.code == "unknown-reference"
    assert error.message == "the thesis 'Nobody' is not a statement"
    assert (error.line, error.column) == (3, len("  theses: [A, ") + 1)


def test_other_argmap_entry_problems_say_where() -> None:
    cases = {
        "argmap: 42": (2, 9),
        "argmap:\n  theses: 5": (3, 11),
        "argmap:\n  theses: [A, 5]": (3, 15),
        "argmap:\n  patch:\n    Zed: {text: x}": (4, 10),
        "argmap:\n  ids: {B: A}": (3, 12),
        "argmap:\n  add:\n    statements: [{id: A, text: other}]": (4, 18),
    }
    for entry, where in cases.items():
        error = _fails(f"===\n{entry}\n===\n\n[A]: Taxes.\n\n[B]: More.")
        assert error.code == "invalid-argmap-block", entry
        assert (error.line, error.column) == where, entry


def test_renaming_two_nodes_to_one_id_loses_neither() -> None:
    error = _fails("===\nargmap:\n  ids: {B: A}\n===\n\n[A]: Taxes.\n\n[B]: More.")
    assert "the same id twice" in error.message


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(["A", "B", "C", "Nobody", "a", "A "]), min_size=1, max_size=5))
def test_theses_are_statements_or_refused_where_named(theses: list[str]) -> None:
    listed = ", ".join(json.dumps(t) for t in theses)
    text = f"===\nargmap:\n  theses: [{listed}]\n===\n\n[A]: Taxes.\n\n[B]: More.\n\n[C]: Less."
    unknown = [n for n, t in enumerate(theses) if t not in ("A", "B", "C")]
    if not unknown:
        assert argdown.loads(text).theses == tuple(theses)
        return
    error = _fails(text)
    assert error.code == "unknown-reference"
    assert error.line == 3
    column = len("  theses: [") + len(", ".join(json.dumps(t) for t in theses[: unknown[0]]))
    column += 2 if unknown[0] else 0
    assert error.column == column + 1


# -- 5. a premise-conclusion structure without a final conclusion ------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "<A>\n  <_ [X]: y\n\n(1) a\n----\n(2) b\n(3) c",
        "[X]: y\n  _> <A>\n\n<A>\n\n(1) a\n----\n(2) b\n(3) c",
        "<A>\n\n(1) a\n----\n(2) b\n(3) c",
    ],
)
def test_a_structure_ending_in_a_premise_is_refused_at_it(text: str) -> None:
    """The Argdown tool refuses it too ("Missing main conclusions"); argmap crashed with
    an AssertionError when an undercut of the argument came first."""
    error = _fails(text)
    assert error.code == "pcs-without-conclusion"
    assert (error.line, error.column) == (text.count("\n") + 1, 1)


def test_an_undercut_before_the_reconstruction_hits_its_last_inference() -> None:
    map = argdown.loads("[X]: y\n  _> <A>\n\n<A>\n\n(1) a\n----\n(2) b")
    (conflict,) = map.conflicts.values()
    assert (conflict.source, conflict.target) == ("X", "<A> (2)")
    _round_trips(map)


_PCS_LINES = st.lists(
    st.sampled_from(["(n) s", "----", "--\nrule\n--", "  _> [U]", "  <_ [V]"]), max_size=8
)


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(_PCS_LINES, st.booleans())
def test_any_structure_with_undercuts_is_read_or_refused(lines: list[str], first: bool) -> None:
    numbered, count = [], 0
    for line in lines:
        if line == "(n) s":
            count += 1
            line = f"({count}) s{count}"
        numbered.append(line)
    undercut = "[X]: y\n  _> <A>\n\n" if first else ""
    text = (
        f"{undercut}<A>\n\n" + "\n".join(numbered) + ("\n\n[Z]: z\n  _> <A>" if not first else "")
    )
    try:
        map = argdown.loads(text)
    except FormatError as error:
        _located(error)
        return
    _round_trips(map)


# -- 6. lexing in linear time --------------------------------------------------------------------

SIZE = 200_000

LONG_LINES = {
    "unclosed [": "[" * SIZE,
    "unclosed <": "<" * SIZE,
    "unclosed {": "{" * SIZE,
    "text then [": "x " + "[" * SIZE,
    "text then <": "x " + "<" * SIZE,
    "text then {a": "x " + "{a " * (SIZE // 3),
    "{a on every line": "x {a\n" * (SIZE // 5),
    "[a] repeated": "x " + "[a]" * (SIZE // 3),
    "[a]( repeated": "x " + "[a](" * (SIZE // 4),
    "<!-- unclosed": "x " + "<!--" * (SIZE // 4),
    "/* unclosed": "x " + "/*" * (SIZE // 2),
    "// at the end": "x " + "/" * SIZE,
    "#( unclosed": "x " + "#(" * (SIZE // 2),
    "@[ unclosed": "x " + "@[" * (SIZE // 2),
    "@< unclosed": "x " + "@<" * (SIZE // 2),
    "*a italics": "x " + "*a " * (SIZE // 3),
    "front matter never closed": "===\n" + "a: b\n" * (SIZE // 5),
    "one statement of many lines": "a b\n" * (SIZE // 4),
    "many tags": "[A]: a " + " ".join(f"#t{n}" for n in range(SIZE // 7)),
    "many data keys merged": "".join(f"[A]: t {{k{n}: 1}}\n\n" for n in range(SIZE // 16)),
}


@pytest.mark.parametrize("name", LONG_LINES)
def test_long_hostile_lines_read_in_linear_time(name: str) -> None:
    """Each took minutes at this size (50 KB of ``[`` took 40 s; time grew with the
    square of the size); now about a second."""
    text = LONG_LINES[name]
    with _quick(name):
        try:
            argdown.loads(text)
        except FormatError as error:
            _located(error)


def _plain_tokens(text: str) -> list[tuple[str, str, int, int]]:
    """The tokens with every kind tried at every position (no shortcut ruling any out)."""
    original = lexer._Reach.ruled_out
    lexer._Reach.ruled_out = lambda self, char, pos: frozenset()  # type: ignore[method-assign]
    try:
        return _tokens(text)
    finally:
        lexer._Reach.ruled_out = original  # type: ignore[method-assign]


def _tokens(text: str) -> list[tuple[str, str, int, int]]:
    try:
        return [(t.type, t.value, t.start_pos, t.end_pos) for t in lexer.tokenize(text)]
    except lexer.LexError as error:
        return [("LexError", str(error), error.pos, error.pos)]


_CLOSERS = st.sampled_from(
    [*"[]<>{}()@#/*=-:!.,_\\ \t\n'\"x", "\u2028", "]:", ">:", "-->", "*/", "//", "===", "](", "} x"]
)


@settings(suppress_health_check=[HealthCheck.too_slow], max_examples=300)
@given(st.lists(_CLOSERS, max_size=60).map("".join))
def test_ruling_kinds_out_never_changes_a_token(text: str) -> None:
    """The lexer leaves out of its patterns the kinds whose closing bracket is missing;
    the tokens are exactly those of trying every kind everywhere."""
    assert _tokens(text) == _plain_tokens(text)


# -- 7. any text ---------------------------------------------------------------------------------

ARGDOWN_PIECES = [
    "[A]", "[B]", "[A]: ", "<A>", "<B>", "<A>: ", "\n", "\n\n", "  + ", "  - ", "  -> ", "  +> ",
    "  _> ", "  <_ ", "  >< ", "(1) ", "(2) ", "(3) ", "----", "\n--\n", "-- r --", "{a: 1}", "{",
    "}", "===", "===\ntitle: t\n===\n", "#tag", "#(a b)", "*", "**", "_", "__", "<!--", "-->",
    "/*", "*/", "//", "@[A]", "@<A>", "\\", "\\[", "x", "text ", ".", ":", ":smile:",
    "# heading\n", "## h2\n", "* ", "1. ", "[link](url)", "'", '"', "\t", " ", "    ", "\u2028",
    "é", "{uses: [1]}", "{uses: [5]}", "{isInGroup: true}", "{a: &x [1], b: *x}",
    "{d: 2020-01-01}", "{k: !!set {a}}", "{k: .nan}", "===\nargmap: {theses: [A]}\n===\n",
    "===\nmodel: {mode: strict}\n===\n", "{isCanonical: true}", "{argdown: 1}", "\r\n", "\ud800",
    "\x00", "{\n", "\n}", "(1) a\n----\n(2) b\n", "<A>\n\n(1) a\n--\nr\n--\n(2) b\n",
    "===\nargmap: {ids: {A: B}}\n===\n", "===\nargmap: {remove: [A], theses: [B]}\n===\n",
    "===\nargmap: {add: {inferences: [{id: i, premises: [A], conclusion: B}]}}\n===\n",
    "===\nargmap: {patch: {A: {quote: {text: x, start: 5, end: 2}}}}\n===\n",
    "===\nargmap: {ungrouped: [A], source: s, data: {k: 1}}\n===\n",
    "===\nargmap: {add: {arguments: [{id: A, statements: [B]}]}}\n===\n",
    "===\nargmap: {patch: {A: {tags: [1]}}}\n===\n",
]  # fmt: skip


def _read_or_refuse(text: str) -> None:
    """A map that both writers write and read back, or a FormatError saying where."""
    try:
        map = argdown.loads(text)
    except FormatError as error:
        _located(error)
        return
    _round_trips(map)


@settings(suppress_health_check=[HealthCheck.too_slow], max_examples=300)
@given(st.lists(st.sampled_from(ARGDOWN_PIECES), max_size=30).map("".join))
def test_any_text_of_argdown_tokens_reads_or_fails_with_a_position(text: str) -> None:
    _read_or_refuse(text)


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=200))
def test_any_text_reads_or_fails_with_a_position(text: str) -> None:
    _read_or_refuse(text)


def test_a_map_error_while_building_becomes_a_format_error_with_a_position(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Should the model refuse what the reader let through, the reader still says where."""
    from argmap.errors import MapError
    from argmap.formats.argdown import _read as _argdown_read
    from argmap.report import Problem

    def refuse(**fields: object) -> ArgumentMap:
        raise MapError([Problem("invalid-value", "error", ("B",), "statement 'B' is bad.")])

    monkeypatch.setattr(_argdown_read, "ArgumentMap", refuse)
    error = _fails("[A]: Taxes.\n\n[B]: More.")
    assert (error.code, error.line, error.column) == ("invalid-value", 3, 1)


_SETTINGS = [
    "selection: {excludeStatements: V}",
    "selection: {excludeArguments: V}",
    "selection: {selectedSections: V}",
    "selection: {selectedTags: V}",
    "selection: {includeStatements: V}",
    "selection: {statementSelectionMode: V}",
    "selection: {selectElementsWithoutSection: V, selectedSections: V}",
    "selection: V",
    "group: {groupDepth: V}",
    "group: {regroup: V}",
    "group: {regroup: [V]}",
    "group: {regroup: [{title: V, children: V, statements: V, arguments: V}]}",
    "group: {sections: {H: V}}",
    "group: {sections: {H: {isGroup: V}}}",
    "model: {mode: V, removeTagsFromText: V}",
    "model: V",
    "title: V",
]
_VALUES = ["5", "x", "[[1]]", "{a: 1}", "null", "[1, 2]", "true", "[H, A]", "'2020-01-01'"]


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(_SETTINGS), st.sampled_from(_VALUES), st.sampled_from(_VALUES))
def test_settings_of_any_type_never_crash_the_views(setting: str, value: str, data: str) -> None:
    """Front matter settings of the wrong type (``excludeStatements: 5``) are ignored as
    the Argdown tool ignores them; they crashed the map view and the DOT export."""
    from argmap.formats import argdown_dot, argdown_json

    text = (
        f"===\n{setting.replace('V', value)}\n===\n\n# H\n\n[A]: a #t {{isInMap: {data}}}\n"
        f"  + [B]: b\n\n<X>\n\n(1) p\n----\n(2) [A]\n\n## H2 {{isGroup: {data}}}\n\n[C]: c\n  - <X>"
    )
    try:
        map = argdown.loads(text)
    except FormatError as error:
        _located(error)
        return
    json.loads(argdown_json.dumps(map))
    argdown_dot.to_dot(map)
    _round_trips(map)
