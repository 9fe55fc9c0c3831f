"""The native JSON, AIF and microtexts readers under hostile input.

Whatever the text, a reader gives a map or a :class:`~argmap.FormatError` with a line and
column; a map it gives is one every writer takes, and reads back equal. Nothing the input
had is dropped silently: a lenient read lists what it left out, and ``check`` reports it.
"""

from __future__ import annotations

import json
import pathlib
import subprocess
import sys
import time
from typing import Any
from xml.sax.saxutils import escape, quoteattr

import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap import ArgumentMap, Conflict, FormatError, Inference, MapError, Statement, check
from argmap import formats as registry
from argmap.formats import aif, microtexts
from argmap.formats import json as native
from argmap.formats._io import MAX_DIGITS

ROOT = pathlib.Path(__file__).resolve().parent.parent
DANGLING = ROOT / "tests" / "malformed" / "aif-iac-dangling-ra.json"
"""iac_nodeset8050.json (IAC corpus, AIFdb) with the edge out of its RA-node 151851 removed,
as 12 of 4,563 IAC and QT30 maps have such S-nodes."""

LIMIT = min(sys.get_int_max_str_digits() or MAX_DIGITS, MAX_DIGITS)
HUGE = "9" * (LIMIT + 1)


def native_text(**fields: Any) -> str:
    """A small valid native map, with ``fields`` replacing or adding top-level keys."""
    document = {
        "argmap": 1,
        "title": "t",
        "statements": [{"id": "a", "text": "x"}, {"id": "b", "text": "y"}],
        "inferences": [{"id": "i", "premises": ["a"], "conclusion": "b"}],
        "conflicts": [{"id": "c", "source": "a", "target": "b"}],
        **fields,
    }
    return json.dumps(document)


def failure(text: str, reader: Any = native.loads) -> FormatError:
    with pytest.raises(FormatError) as raised:
        reader(text, path="in.json")
    error = raised.value
    assert error.line is not None, error
    assert error.column is not None, error
    for problem in error.problems:
        assert problem.location is not None, problem
        assert None not in (problem.line, problem.column), problem
    return error


def at(text: str, needle: str, start: int = 0) -> tuple[int, int]:
    """The 1-based line and column where ``needle`` first stands in ``text`` (from
    ``start``), past a leading space."""
    offset = text.index(needle, start) + needle.startswith(" ")
    return text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1) + 1


# -- 1. numbers no writer could give back ----------------------------------------------------


NUMBERS = [HUGE, "-" + HUGE, "NaN", "Infinity", "-Infinity", "1e400", "-2.5E+999"]


@pytest.mark.parametrize("number", NUMBERS)
def test_native_json_refuses_numbers_it_cannot_hold(number: str) -> None:
    text = '{"argmap": 1, "title": "",\n "data": {"n": [1, 2.5, ' + number + "]}}"
    error = failure(text)
    assert error.code == "invalid-number"
    assert (error.line, error.column) == at(text, number + "]")


@pytest.mark.parametrize("number", NUMBERS)
def test_aif_refuses_numbers_it_cannot_hold(number: str) -> None:
    text = '{"nodes": [\n  {"nodeID": ' + number + ', "type": "I", "text": "x"}], "edges": []}'
    error = failure(text, aif.loads)
    assert error.code == "invalid-number"
    assert (error.line, error.column) == (2, 14)


def test_aif_refuses_a_huge_edge_id_and_timestamp() -> None:
    text = (
        '{"nodes": [{"nodeID": "1", "type": "I", "text": "x", "timestamp": 1}],\n'
        ' "edges": [{"edgeID": ' + HUGE + ', "fromID": "1", "toID": "1"}]}'
    )
    error = failure(text, aif.loads)
    assert (error.code, error.line, error.column) == ("invalid-number", 2, 23)


def test_numbers_within_limits_are_read_and_written_back() -> None:
    big = "9" * LIMIT
    text = native_text(data={"big": 0, "small": 1e-300, "float": 0.1})
    text = text.replace('"big": 0', f'"big": {big}')
    m = native.loads(text)
    assert m.data["big"] == int(big)
    assert native.loads(native.dumps(m)) == m


def test_digits_inside_strings_are_no_numbers() -> None:
    m = native.loads(native_text(title=HUGE + " NaN Infinity"))
    assert m.title.startswith("999")


# -- 2. lone surrogates ---------------------------------------------------------------------


SURROGATES = ["\\ud800", "\\uDBFF", "\\udc00", "x\\ud83d y", "\\ud83d\\ud83d", "\\\\\\ud800"]


@pytest.mark.parametrize("escape", SURROGATES)
@pytest.mark.parametrize("key", ["title", "text", "data"])
def test_native_json_refuses_lone_surrogates_where_the_string_starts(escape: str, key: str) -> None:
    value = f'"{escape}"'
    if key == "title":
        text = '{"argmap": 1,\n "title": ' + value + "}"
    elif key == "text":
        text = '{"argmap": 1, "title": "",\n "statements": [{"id": "a", "text": ' + value + "}]}"
    else:
        text = '{"argmap": 1, "title": "",\n "data": {' + value + ": 1}}"
    error = failure(text)
    assert error.code == "invalid-text"
    assert (error.line, error.column) == at(text, value)


@pytest.mark.parametrize("escape", SURROGATES)
def test_aif_refuses_lone_surrogates(escape: str) -> None:
    text = '{"nodes": [{"nodeID": "1", "type": "I",\n "text": "' + escape + '"}], "edges": []}'
    error = failure(text, aif.loads)
    assert (error.code, error.line, error.column) == ("invalid-text", 2, 10)


def test_a_raw_surrogate_character_is_refused_too() -> None:
    text = native_text(title="\ud800", source="ok")
    text = text.replace("\\ud800", "\ud800")
    error = failure(text)
    assert error.code == "invalid-text"
    assert (error.line, error.column) == at(text, '"\ud800"')


def test_escaped_backslashes_and_surrogate_pairs_are_fine() -> None:
    m = native.loads(native_text(title="\\ud800 \U0001f600"))
    assert m.title == "\\ud800 \U0001f600"
    assert native.loads(native.dumps(m)) == m
    ascii_text = json.dumps(json.loads(native.dumps(m)), ensure_ascii=True)
    assert native.loads(ascii_text) == m


def test_microtexts_refuses_a_lone_surrogate_with_its_place() -> None:
    text = '<arggraph id="x">\n<edu id="e1">a \ud800</edu></arggraph>'
    error = failure(text, microtexts.loads)
    assert (error.line, error.column) == (2, 16)


@pytest.mark.parametrize("escape", ["\\u001f", "\\u0000", "\\u000B", "\\u007F", "\x7f", "\\uFFFE"])
@pytest.mark.parametrize(
    ("field", "template"),
    [
        ("text", '{"id": "a", "text": VALUE}'),
        ("id", '{"id": VALUE, "text": "x"}'),
        ("tags", '{"id": "a", "text": "x", "tags": ["ok", VALUE]}'),
    ],
)
def test_native_json_refuses_control_characters_in_node_texts(
    escape: str, field: str, template: str
) -> None:
    """No text format can hold them: the Argdown writer could not write the map."""
    value = f'"a{escape}b"'
    text = '{"argmap": 1, "title": "",\n "statements": [' + template.replace("VALUE", value) + "]}"
    error = failure(text)
    assert error.code == "invalid-text"
    assert "binary data" in error.message
    assert (error.line, error.column) == at(text, value)


def test_control_characters_in_data_tabs_and_line_breaks_are_fine() -> None:
    m = native.loads(native_text(title="a\tb\nc\r", data={"raw": "\x01\x1f"}))
    assert m.data["raw"] == "\x01\x1f"
    assert_writable(m)


def test_aif_refuses_control_characters_in_the_argument_layer_only() -> None:
    text = (
        '{"nodes": [{"nodeID": "1", "type": "I", "text": "x"},\n'
        ' {"nodeID": "2", "type": "L", "text": "\\u0001 said"},\n'
        ' {"nodeID": "3", "type": "I", "text": "\\u000b"}], "edges": []}'
    )
    error = failure(text, aif.loads)
    assert (error.code, error.line, error.column) == ("invalid-text", 3, 39)
    m = aif.loads(text.replace("\\u000b", "y"))
    assert_writable(m)


# -- 3. references to nodes of the wrong kind ------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "needle", "words"),
    [
        (
            {"conflicts": [{"id": "c", "source": "i", "target": "b"}]},
            '"i", "target"',
            "'c' names an inference, 'i', as its source statement",
        ),
        (
            {
                "conflicts": [
                    {"id": "c", "source": "a", "target": "b"},
                    {"id": "d", "source": "c", "target": "b"},
                ]
            },
            '"c", "target"',
            "'d' names a conflict, 'c', as its source statement",
        ),
        ({"theses": ["i"]}, '["i"]', "the thesis 'i' is not a statement, it is an inference"),
        ({"theses": ["b", "c"]}, '"c"]', "the thesis 'c' is not a statement, it is a conflict"),
        (
            {"inferences": [{"id": "i", "premises": ["c"], "conclusion": "b"}]},
            '["c"]',
            "'i' names a conflict, 'c', as its premise",
        ),
        (
            {"inferences": [{"id": "i", "premises": ["a"], "conclusion": "i"}]},
            '"i"}',
            "'i' names an inference, 'i', as its conclusion",
        ),
        (
            {"arguments": [{"id": "g", "statements": ["i"]}]},
            '["i"]',
            "'g' names an inference, 'i', as its member statement",
        ),
    ],
)
def test_references_to_the_wrong_kind_are_unknown_where_written(
    fields: dict[str, Any], needle: str, words: str
) -> None:
    text = native_text(**fields)
    error = failure(text)
    assert error.code == "unknown-reference"
    assert words in error.message
    line, column = at(text, needle)
    assert (error.line, error.column) == (line, column + (1 if needle.startswith("[") else 0))


def test_check_reports_a_conflict_from_an_inference_and_a_thesis_that_is_one() -> None:
    m = ArgumentMap(
        statements=[Statement("a", "x"), Statement("b", "y")],
        inferences=[Inference("i", ("a",), "b")],
        conflicts=[Conflict("c", "i", "b"), Conflict("d", "c", "b")],
        theses=("i",),
    )
    unknown = check(m).of("unknown-reference")
    assert {p.ids for p in unknown} == {("i", "c"), ("c", "d"), ("i",)}


_IDS = st.sampled_from(["a", "b", "i", "c"])


@given(
    st.lists(_IDS, max_size=3),
    _IDS,
    _IDS,
    _IDS,
    st.lists(_IDS, max_size=2),
)
def test_a_map_read_has_references_every_writer_takes(
    premises: list[str], conclusion: str, source: str, target: str, theses: list[str]
) -> None:
    text = native_text(
        inferences=[{"id": "i", "premises": premises or ["a"], "conclusion": conclusion}],
        conflicts=[{"id": "c", "source": source, "target": target}],
        theses=theses,
    )
    try:
        m = native.loads(text)
    except FormatError as error:
        assert error.code == "unknown-reference"
        assert error.line is not None
        return
    assert check(m).of("unknown-reference") == ()
    assert_writable(m, NATIVE_ONLY)


# -- 4. every problem has a place ------------------------------------------------------------


@pytest.mark.parametrize(
    ("statement", "needle", "words"),
    [
        ('{"id": "a", "text": 5}', "5}", "$.statements[0].text: expected a string, got a number"),
        ('{"id": "a", "text": "x", "tags": "x"}', '"x"}', ".tags: expected a list, got a string"),
        ('{"id": "a", "text": "x", "tags": [1]}', "1]", ".tags[0]: expected a list of strings"),
        ('{"id": 7, "text": "x"}', "7,", ".id: expected a string, got a number"),
        ('{"id": "", "text": "x"}', '"", "text"', ".id: an id cannot be empty"),
        ('{"id": "a", "text": "x", "txet": "y"}', '"y"', ".txet: unknown key"),
        ('{"id": "a", "text": "x", "data": []}', "[]", ".data: expected an object, got a list"),
        ('{"id": "a", "text": "x", "quote": {"text": "q", "start": -1}}', "-1", "0 or more"),
        ('{"id": "a", "text": "x", "quote": {"text": "q", "start": true}}', "true", "an integer"),
        ('{"id": "a", "text": "x", "quote": {"start": 1}}', '{"start"', 'missing "text"'),
        ('{"text": "x"}', '{"text"', '$.statements[0]: missing "id"'),
        ('"a"', '"a"', "$.statements[0]: expected an object, got a string"),
    ],
)
def test_native_type_errors_carry_line_and_column(statement: str, needle: str, words: str) -> None:
    text = '{"argmap": 1, "title": "",\n "statements": [\n  ' + statement + "]}"
    error = failure(text)
    assert words in error.message
    assert (error.line, error.column) == at(text, needle)


def test_inference_and_top_level_type_errors_carry_line_and_column() -> None:
    text = (
        '{"argmap": 1, "title": 3,\n "statements": [{"id": "a", "text": "x"}],\n'
        ' "inferences": [{"id": "i", "premises": {}, "conclusion": "a", "scheme": 1}],\n'
        ' "conflicts": [], "extra": 1}'
    )
    error = failure(text)
    where = {p.message.split(":")[0]: (p.line, p.column) for p in error.problems}
    assert where == {
        "$.title": at(text, "3,"),
        "$.inferences[0].premises": at(text, "{},"),
        "$.inferences[0].scheme": at(text, "1}"),
        "$.extra": at(text, " 1}", start=text.index('"extra"')),  # at its value
    }


def test_duplicate_ids_are_placed_at_the_second_one() -> None:
    text = native_text(conflicts=[{"id": "a", "source": "a", "target": "b"}])
    error = failure(text)
    assert error.code == "duplicate-id"
    assert (error.line, error.column) == at(text, '"a", "source"')


DEEP = "[" * 150 + "]" * 150
"""Data nested deeper than the model holds (but not so deep that JSON cannot parse it)."""


@pytest.mark.parametrize(
    ("format", "text", "place"),
    [
        ("json", '{"argmap": 1, "title": "",\n "data": {"x": ' + DEEP + "}}", (2, 10)),
        (
            "json",
            '{"argmap": 1, "title": "",\n "statements": [{"id": "a", "text": "x", '
            '"data": {"x": ' + DEEP + "}}]}",
            (2, 24),
        ),
        (
            "aif",
            '{"nodes": [\n {"nodeID": "1", "type": "I", "text": "x", "x": ' + DEEP + "}]}",
            (2, 3),
        ),
        (
            "aif",
            '{"nodes": [\n {"nodeID": "1", "type": "L", "text": "x", "x": ' + DEEP + "}]}",
            (2, 198),
        ),
    ],
)
def test_what_the_model_refuses_is_a_located_format_error(
    format: str, text: str, place: tuple[int, int]
) -> None:
    """The safety net: a MapError from building the map becomes a FormatError with a place
    (the node it names, else the deepest nesting)."""
    text = text.replace("]}]}", ']}], "edges": []}') if format == "aif" else text
    error = failure(text, lambda t, path: registry.loads(t, format=format, path=path))
    assert error.code == "invalid-data"
    assert (error.line, error.column) == place


# -- 5. no blow-up ---------------------------------------------------------------------------


def test_twenty_thousand_unknown_references_are_located_in_linear_time() -> None:
    """Locating each reference by scanning the whole text (the old way) takes minutes
    here (about 10 s for 4,000, growing with the square); one walk takes about a second."""
    count = 20_000
    document = {
        "argmap": 1,
        "title": "",
        "statements": [{"id": "s", "text": "x"}],
        "inferences": [
            {"id": f"i{k}", "premises": [f"ghost{k}"], "conclusion": "s"} for k in range(count)
        ],
        "conflicts": [],
    }
    text = json.dumps(document, indent=1)
    started = time.perf_counter()
    error = failure(text)
    elapsed = time.perf_counter() - started
    assert len(error.problems) == count
    last = error.problems[-1]
    assert (last.line, last.column) == at(text, f'"ghost{count - 1}"')
    assert elapsed < 20, f"{elapsed:.1f} s for {count} unknown references"


def test_twenty_thousand_bad_edges_after_many_nodes_are_located_in_linear_time() -> None:
    """Walking the nodes list again for each bad edge (the old way) took 19 s for 2,000
    bad edges after 20,000 nodes, growing with their product; one walk takes well under
    a second."""
    count = 20_000
    document = {
        "nodes": [{"nodeID": str(k), "type": "I", "text": "x"} for k in range(count)],
        "edges": [{"edgeID": f"e{k}", "fromID": "0", "toID": f"ghost{k}"} for k in range(count)],
    }
    text = json.dumps(document, indent=1)
    started = time.perf_counter()
    error = failure(text, aif.loads)
    elapsed = time.perf_counter() - started
    assert len(error.problems) == count
    last = error.problems[-1]
    assert (last.line, last.column) == at(text, f'"ghost{count - 1}"')
    assert elapsed < 20, f"{elapsed:.1f} s for {count} bad edges"


# -- 6. lenient loading ----------------------------------------------------------------------


def test_a_dangling_s_node_refuses_the_file_by_default() -> None:
    with pytest.raises(FormatError) as raised:
        registry.load(DANGLING)
    assert (raised.value.code, raised.value.line, raised.value.column) == ("no-conclusion", 15, 5)


@pytest.mark.parametrize("how", ["load", "loads", "argmap.load", "aif.load"])
def test_lenient_loading_leaves_out_the_node_and_check_reports_it(how: str) -> None:
    import argmap

    text = DANGLING.read_text("utf-8")
    m = {
        "load": lambda: registry.load(DANGLING, strict=False),
        "loads": lambda: registry.loads(text, format="aif", path=str(DANGLING), strict=False),
        "argmap.load": lambda: argmap.load(DANGLING, strict=False),
        "aif.load": lambda: aif.load(DANGLING, strict=False),
    }[how]()
    assert len(m.statements) == 4
    assert len(m.conflicts) == 2
    assert "151851" not in m
    assert [dict(entry) for entry in m.data["left_out"]] == [
        {
            "id": "151851",
            "type": "RA",
            "reason": "the RA-node '151851' has no conclusion: no edge leaves it",
        }
    ]
    left = check(m).of("left-out-node")
    assert len(left) == 1
    problem = left[0]
    assert problem.ids == ("151851",)
    assert problem.severity == "error"
    assert (problem.location.path, problem.line, problem.column) == (str(DANGLING), 16, 7)
    assert "no conclusion" in problem.message


def test_what_was_left_out_survives_writing() -> None:
    m = registry.load(DANGLING, strict=False)
    kept = [n for n in m.data["aif"]["document"]["nodes"] if n["nodeID"] == "151851"]
    assert len(kept) == 1
    again = aif.loads(aif.dumps(m), strict=False)
    assert again == m
    assert [p.ids for p in check(again).of("left-out-node")] == [("151851",)]
    back = native.loads(native.dumps(m))
    assert back == m
    assert [p.ids for p in check(back).of("left-out-node")] == [("151851",)]


def test_other_problems_are_refused_even_when_lenient() -> None:
    text = '{"nodes": [{"nodeID": "1", "type": "I", "text": "x"}], "edges": [{"fromID": "9"}]}'
    with pytest.raises(FormatError):
        aif.loads(text, strict=False)
    with pytest.raises(FormatError):
        registry.loads('{"argmap": 1, "title": 5}', format="json", strict=False)


def test_the_cli_checks_leniently_on_request() -> None:
    def run(*args: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "argmap", "check", *args, str(DANGLING)]
        return subprocess.run(command, capture_output=True, text=True, check=False, cwd=ROOT)

    strict = run()
    assert strict.returncode == 2
    assert ":15:5: error no-conclusion" in strict.stdout
    lenient = run("--lenient")
    assert lenient.returncode == 1
    assert ":16:7: error left-out-node: '151851' was left out" in lenient.stdout
    assert "Traceback" not in lenient.stderr + strict.stderr


_S_TYPES = st.sampled_from(["RA", "MA", "CA", "PA"])


@given(
    st.lists(st.tuples(_S_TYPES, st.booleans(), st.booleans()), min_size=1, max_size=6),
    st.data(),
)
def test_lenient_reading_drops_nothing_silently(
    s_nodes: list[tuple[str, bool, bool]], data: st.DataObject
) -> None:
    """Random S-nodes between three I-nodes, each with or without an edge in and out:
    every S-node is modelled, listed as unmodelled, or left out and reported."""
    nodes: list[dict[str, Any]] = [
        {"nodeID": str(n), "type": "I", "text": f"s{n}"} for n in range(3)
    ]
    edges: list[dict[str, Any]] = []
    for k, (kind, into, out) in enumerate(s_nodes):
        id = f"S{k}"
        nodes.append({"nodeID": id, "type": kind, "text": kind})
        if into:
            edges.append({"edgeID": f"e{len(edges)}", "fromID": data.draw(_I), "toID": id})
        if out:
            edges.append({"edgeID": f"e{len(edges)}", "fromID": id, "toID": data.draw(_I)})
    m = aif.loads(json.dumps({"nodes": nodes, "edges": edges}, indent=1), strict=False)
    left = {p.ids[0] for p in check(m).of("left-out-node")}
    unmodelled = {note["id"] for note in m.data["aif"].get("unmodelled", ())}
    modelled = set(m.inferences) | set(m.conflicts)
    for k, (_, into, out) in enumerate(s_nodes):
        id = f"S{k}"
        assert (id in left) == (not (into and out))
        assert id in left | unmodelled | modelled
    for problem in check(m).of("left-out-node"):
        assert None not in (problem.line, problem.column)
    assert aif.loads(aif.dumps(m), strict=False) == m


_I = st.sampled_from(["0", "1", "2"])


# -- 7. any JSON-ish document ---------------------------------------------------------------


class Raw:
    """A JSON token written as is (a number json.dumps cannot write, NaN...)."""

    def __init__(self, token: str) -> None:
        self.token = token


def dump(value: Any, indent: bool) -> str:
    """JSON text of ``value``, with :class:`Raw` tokens and lone surrogates as escapes."""
    space = "\n " if indent else " "
    if isinstance(value, Raw):
        return value.token
    if isinstance(value, dict):
        inner = ("," + space).join(
            f"{dump(k, indent)}: {dump(v, indent)}" for k, v in value.items()
        )
        return "{" + inner + "}"
    if isinstance(value, list):
        return "[" + ("," + space).join(dump(v, indent) for v in value) + "]"
    return json.dumps(value)


GOOD_TEXTS = st.one_of(
    st.sampled_from(["a", "b", "i", "c", "", "I", "RA", "CA", "MA", "YA", "1", "2"]),
    st.text(max_size=5),
)
HOSTILE = st.sampled_from(
    ["\ud800", "x\udfff", Raw(HUGE), Raw("NaN"), Raw("-Infinity"), Raw("1e999"), Raw("-0")]
)
TEXTS = GOOD_TEXTS | HOSTILE
GOOD_SCALARS = st.one_of(
    GOOD_TEXTS,
    st.integers(-3, 3),
    st.integers(),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.none(),
)
SCALARS = GOOD_SCALARS | HOSTILE
KEYS = st.sampled_from(
    [
        "argmap",
        "title",
        "statements",
        "inferences",
        "conflicts",
        "arguments",
        "theses",
        "data",
        "source",
        "id",
        "text",
        "quote",
        "tags",
        "premises",
        "conclusion",
        "target",
        "scheme",
        "start",
        "end",
        "nodes",
        "edges",
        "nodeID",
        "type",
        "fromID",
        "toID",
        "edgeID",
        "AIF",
    ]
)


def jsonish(scalars: st.SearchStrategy[Any], texts: st.SearchStrategy[Any]) -> Any:
    return st.recursive(
        scalars,
        lambda inner: (
            st.lists(inner, max_size=4) | st.dictionaries(KEYS | texts, inner, max_size=5)
        ),
        max_leaves=25,
    )


JSONISH = jsonish(SCALARS, TEXTS)
"""Any JSON-ish value: nested lists and objects of strings, numbers, huge integers,
NaN, lone surrogates..."""
GOOD_JSONISH = jsonish(GOOD_SCALARS, GOOD_TEXTS)
"""JSON-ish values that every JSON writer can write."""


def mostly(good: st.SearchStrategy[Any], odd: st.SearchStrategy[Any]) -> Any:
    """``good`` nine times in ten, else ``odd``: documents that get past the first check."""
    return st.integers(0, 9).flatmap(lambda n: odd if n == 0 else good)


@st.composite
def native_like(draw: st.DrawFn) -> Any:
    """Mostly well-formed native documents with odd values (hostile ones in one of four)."""
    hostile = draw(st.integers(0, 3)) == 0
    values, texts = (JSONISH, TEXTS) if hostile else (GOOD_JSONISH, GOOD_TEXTS)
    ids = mostly(st.sampled_from(["a", "b", "i", "c"]), values)
    strings = mostly(GOOD_TEXTS, values)
    statement = st.fixed_dictionaries(
        {"id": ids, "text": mostly(texts, values)},
        optional={
            "tags": mostly(st.lists(strings, max_size=2), values),
            "data": mostly(st.dictionaries(GOOD_TEXTS, values, max_size=3), values),
            "quote": mostly(st.fixed_dictionaries({"text": strings}), values),
        },
    )
    inference = st.fixed_dictionaries(
        {"id": ids, "premises": mostly(st.lists(ids, max_size=2), values), "conclusion": ids},
        optional={"scheme": strings},
    )
    conflict = st.fixed_dictionaries({"id": ids, "source": ids, "target": ids})
    return draw(
        st.fixed_dictionaries(
            {
                "argmap": mostly(st.just(1), values),
                "title": mostly(texts, values),
                "statements": st.lists(statement, max_size=3),
                "inferences": st.lists(inference, max_size=2),
                "conflicts": st.lists(conflict, max_size=2),
            },
            optional={
                "theses": st.lists(ids, max_size=2),
                "data": mostly(st.dictionaries(GOOD_TEXTS, values, max_size=3), values),
                "source": texts,
            },
        )
    )


@st.composite
def aif_like(draw: st.DrawFn) -> Any:
    """Mostly well-formed AIFdb documents with odd values (hostile ones in one of four)."""
    hostile = draw(st.integers(0, 3)) == 0
    values, texts = (JSONISH, TEXTS) if hostile else (GOOD_JSONISH, GOOD_TEXTS)
    ids = mostly(st.sampled_from(["1", "2", "3", "4", 1, 2]), values)
    node = st.fixed_dictionaries(
        {
            "nodeID": ids,
            "type": mostly(st.sampled_from(["I", "RA", "CA", "MA", "PA", "L", "YA"]), values),
            "text": mostly(texts, values),
        },
        optional={"timestamp": values, "scheme": mostly(GOOD_TEXTS, values)},
    )
    edge = st.fixed_dictionaries(
        {"edgeID": ids, "fromID": ids, "toID": ids}, optional={"formEdgeID": values}
    )
    body = st.fixed_dictionaries(
        {"nodes": st.lists(node, max_size=6), "edges": st.lists(edge, max_size=6)},
        optional={"locutions": values},
    )
    return draw(body | st.fixed_dictionaries({"AIF": body}, optional={"text": values}))


def read_or_fail(reader: Any, text: str, **options: Any) -> ArgumentMap | None:
    try:
        m: ArgumentMap = reader(text, path="in", **options)
    except FormatError as error:
        assert None not in (error.line, error.column), error
        assert all(None not in (p.line, p.column) for p in error.problems), error
        return None
    return m


WRITERS = ["json", "aif", "argdown", "argdown-json", "dot"]


NATIVE_ONLY = frozenset({"no-premises", "invalid-data", "duplicate-id"})
"""What the AIF writer refuses in a native map, as documented: an inference without
premises (a map problem ``check`` reports, which AIF cannot hold), and a ``data["aif"]``
that is not the document the AIF reader left there (or whose node ids collide)."""


def assert_writable(m: ArgumentMap, aif_refuses: frozenset[str] = frozenset()) -> None:
    """Every writer takes ``m`` (the AIF writer may refuse a map for ``aif_refuses``
    only); native JSON reads it back as it was."""
    for format in WRITERS:
        try:
            registry.dumps(m, format=format)
        except MapError as error:
            codes = {p.code for p in error.problems}
            if format != "aif" or not codes <= aif_refuses:
                raise AssertionError(f"the {format} writer refuses the map: {error!r}") from None
        except Exception as error:  # the test reports any refusal
            raise AssertionError(f"the {format} writer refuses the map: {error!r}") from error
    assert native.loads(native.dumps(m)) == m


@given(JSONISH | native_like(), st.booleans())
def test_any_jsonish_document_gives_a_writable_native_map_or_a_located_error(
    document: Any, indent: bool
) -> None:
    m = read_or_fail(native.loads, dump(document, indent))
    if m is not None:
        assert_writable(m, NATIVE_ONLY)


@given(JSONISH | aif_like(), st.booleans(), st.booleans())
def test_any_jsonish_document_gives_a_writable_aif_map_or_a_located_error(
    document: Any, indent: bool, strict: bool
) -> None:
    text = dump(document, indent)
    m = read_or_fail(aif.loads, text, strict=strict)
    if m is not None:
        assert_writable(m)
        assert aif.loads(aif.dumps(m), strict=strict) == m


@given(JSONISH | native_like() | aif_like(), st.booleans())
def test_any_jsonish_document_is_a_located_error_for_microtexts(
    document: Any, indent: bool
) -> None:
    assert read_or_fail(microtexts.loads, dump(document, indent)) is None


@st.composite
def arggraphs(draw: st.DrawFn) -> str:
    """arggraph XML: EDUs, ADUs and edges with ids from one small pool, odd texts and types."""
    pool = st.sampled_from(["e1", "e2", "a1", "a2", "c1", "c2", "c3", "x"])
    texts = st.text(max_size=6)
    elements = []
    for n in range(draw(st.integers(0, 3))):
        elements.append(("edu", {"id": f"e{n + 1}"}, draw(texts)))
    for n in range(draw(st.integers(0, 3))):
        kind = draw(st.sampled_from(["pro", "opp"]) | texts)
        elements.append(("adu", {"id": f"a{n + 1}", "type": kind}, ""))
    for n in range(draw(st.integers(0, 4))):
        kind = draw(st.sampled_from(microtexts.EDGE_TYPES) | texts)
        ends = {"src": draw(pool), "trg": draw(pool)}
        elements.append(("edge", {"id": f"c{n + 1}", **ends, "type": kind}, ""))
    body = "".join(
        f"<{tag} "
        + " ".join(f"{k}={quoteattr(v)}" for k, v in attributes.items())
        + (f">{escape(text)}</{tag}>\n" if text else "/>\n")
        for tag, attributes, text in draw(st.permutations(elements))
    )
    return f'<?xml version="1.0"?>\n<arggraph id={quoteattr(draw(texts))}>\n{body}</arggraph>'


@given(arggraphs())
def test_any_arggraph_gives_a_writable_map_or_a_located_error(text: str) -> None:
    m = read_or_fail(microtexts.loads, text)
    if m is not None:
        assert_writable(m)


@given(JSONISH | native_like() | aif_like(), st.booleans())
def test_the_registry_detects_and_reads_or_fails_with_a_place(document: Any, indent: bool) -> None:
    text = dump(document, indent)
    try:
        format = registry.detect_json(text)
    except FormatError as error:
        assert (error.line, error.column) == (1, 1)
        return
    if format == "argdown-json":  # a format argmap writes but does not read
        return
    m = read_or_fail(lambda t, path: registry.loads(t, format=format, path=path), text)
    if m is not None:
        assert_writable(m, NATIVE_ONLY if format == "json" else frozenset())
