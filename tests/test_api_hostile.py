"""The model, builder, checks and evaluation under hostile input.

Every promise, class by class: bad values end in an argmap error naming what is wrong
(all of it at once), broken references are refused where the map is made, internal
names of the evaluation cannot meet user ids, data are frozen all the way down, and
nothing small is slow.
"""

from __future__ import annotations

import copy
import json
import math
import pickle
import re
import time
from collections.abc import Callable
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap import (
    ArgmapError,
    Argument,
    ArgumentMap,
    Conflict,
    Inference,
    MapBuilder,
    MapError,
    Quote,
    Statement,
    check,
    evaluate,
    strengths,
    what_if,
)
from argmap.formats import argdown, loads
from argmap.formats import json as native
from argmap.gradual import strengths as qbaf_strengths
from argmap.model import FrozenDict, FrozenList, node_problems
from argmap.strategies import argument_maps, positions

GRADUAL = ["df-quad", "quad", "euler", "quadratic-energy", "h-categoriser"]


def tea() -> ArgumentMap:
    b = MapBuilder("tea")
    b.claim("t", "Tea is best.", thesis=True)
    b.premise("p", "Tea calms.")
    b.support("t", "p", id="i")
    b.claim("x", "Calm is dull.")
    b.counter("p", "x", id="c")
    return b.build()


def raises(call: Callable[[], object]) -> MapError:
    """The MapError ``call`` raises; any other exception fails the test."""
    with pytest.raises(MapError) as raised:
        call()
    return raised.value


def codes_and_ids(error: MapError) -> set[tuple[str, tuple[str, ...]]]:
    return {(problem.code, problem.ids) for problem in error.problems}


def printable(error: ArgmapError) -> None:
    """An error's text can be printed and written as UTF-8, and every id is a string."""
    str(error).encode("utf-8")
    for problem in getattr(error, "problems", ()):
        assert all(isinstance(id, str) for id in problem.ids)
        problem.message.encode("utf-8")


# ======================================================================================
# 1. Python API errors: argmap errors naming the ids, never a bare ValueError & co.
# ======================================================================================

EVALUATION_CASES: list[tuple[str, Callable[[ArgumentMap], object], str, tuple[str, ...]]] = [
    (
        "strengths: unknown semantics",
        lambda m: strengths(m, semantics="nope"),
        "unknown-semantics",
        (),
    ),
    ("strengths: semantics None", lambda m: strengths(m, semantics=None), "unknown-semantics", ()),  # type: ignore[arg-type]
    (
        "evaluate: unknown semantics",
        lambda m: evaluate(m, semantics="ideal"),
        "unknown-semantics",
        (),
    ),  # type: ignore[arg-type]
    (
        "evaluate: unhashable semantics",
        lambda m: evaluate(m, semantics=[]),
        "unknown-semantics",
        (),
    ),  # type: ignore[arg-type]
    ("what_if: unknown semantics", lambda m: what_if(m, semantics="x"), "unknown-semantics", ()),  # type: ignore[arg-type]
    ("what_if: unknown gradual", lambda m: what_if(m, gradual="nope"), "unknown-semantics", ()),
    (
        "position: value not a bool",
        lambda m: evaluate(m, position={"p": "yes"}),
        "invalid-position",
        ("p",),
    ),
    ("position: value 1", lambda m: evaluate(m, position={"p": 1}), "invalid-position", ("p",)),
    (
        "position: unknown id",
        lambda m: evaluate(m, position={"zz": True}),
        "unknown-reference",
        ("zz",),
    ),
    (
        "position: an inference",
        lambda m: evaluate(m, position={"i": True}),
        "unknown-reference",
        ("i",),
    ),
    (
        "position: id not a string",
        lambda m: evaluate(m, position={("p",): True}),
        "invalid-position",
        (),
    ),
    ("position: not a mapping", lambda m: evaluate(m, position=["p"]), "invalid-position", ()),  # type: ignore[arg-type]
    (
        "fixed: value not a bool",
        lambda m: strengths(m, fixed={"p": None}),
        "invalid-position",
        ("p",),
    ),  # type: ignore[dict-item]
    ("fixed: unknown id", lambda m: strengths(m, fixed={"zz": True}), "unknown-reference", ("zz",)),
    ("fixed: not a mapping", lambda m: strengths(m, fixed=3), "invalid-position", ()),  # type: ignore[arg-type]
    ("base: a string", lambda m: strengths(m, base={"p": "high"}), "invalid-base-score", ("p",)),  # type: ignore[dict-item]
    ("base: above 1", lambda m: strengths(m, base={"p": 1.5}), "invalid-base-score", ("p",)),
    ("base: negative", lambda m: strengths(m, base={"p": -0.1}), "invalid-base-score", ("p",)),
    ("base: NaN", lambda m: strengths(m, base={"p": math.nan}), "invalid-base-score", ("p",)),
    ("base: a bool", lambda m: strengths(m, base={"p": True}), "invalid-base-score", ("p",)),
    ("base: unknown id", lambda m: strengths(m, base={"zz": 0.5}), "unknown-reference", ("zz",)),
    ("base: not a mapping", lambda m: strengths(m, base=[0.5]), "invalid-base-score", ()),  # type: ignore[arg-type]
    (
        "accept and reject one id",
        lambda m: what_if(m, accept=["p"], reject="p"),
        "invalid-position",
        ("p",),
    ),
    ("accept: not a string", lambda m: what_if(m, accept=[1]), "invalid-position", ()),  # type: ignore[list-item]
    ("accept: unknown id", lambda m: what_if(m, accept="zz"), "unknown-reference", ("zz",)),
    ("check: position value", lambda m: check(m, position={"p": 2}), "invalid-position", ("p",)),  # type: ignore[dict-item]
    ("evaluate: not a map", lambda m: evaluate(None), "invalid-value", ()),  # type: ignore[arg-type]
    ("strengths: not a map", lambda m: strengths({}), "invalid-value", ()),  # type: ignore[arg-type]
    ("check: not a map", lambda m: check("map"), "invalid-value", ()),  # type: ignore[arg-type]
    ("what_if: not a map", lambda m: what_if(3), "invalid-value", ()),  # type: ignore[arg-type]
]


@pytest.mark.parametrize(
    ("call", "code", "ids"),
    [case[1:] for case in EVALUATION_CASES],
    ids=[case[0] for case in EVALUATION_CASES],
)
def test_bad_evaluation_arguments_are_map_errors(
    call: Callable[[ArgumentMap], object], code: str, ids: tuple[str, ...]
) -> None:
    error = raises(lambda: call(tea()))
    assert (code, ids) in codes_and_ids(error)
    printable(error)


def test_a_bad_data_base_score_names_its_node() -> None:
    b = MapBuilder("t")
    b.claim("a", "A", data={"base": "hi"})
    b.premise("b", "B", data={"base": 2})
    b.support("a", "b", id="i", data={"base": None})
    error = raises(lambda: strengths(b.build()))
    assert codes_and_ids(error) == {
        ("invalid-base-score", ("a",)),
        ("invalid-base-score", ("b",)),
        ("invalid-base-score", ("i",)),
    }
    assert "data['base'] of 'a' is 'hi'" in str(error)
    assert strengths(b.build(), base={"a": 0.2, "b": 0.3, "i": 0.4})["b"] == 0.3


def test_every_bad_evaluation_argument_is_listed_at_once() -> None:
    error = raises(lambda: strengths(tea(), base={"p": 2, "zz": 0.1}, fixed={"t": "y"}))
    assert len(error.problems) == 1  # fixed is checked first, alone: the rest needs it
    error = raises(lambda: strengths(tea(), base={"p": 2, "zz": 0.1, "x": "no"}))
    assert {p.ids for p in error.problems} == {("p",), ("zz",), ("x",)}
    error = raises(lambda: what_if(tea(), accept=[1, "zz"], reject=["zz"], gradual="no"))
    assert {p.code for p in error.problems} == {
        "unknown-semantics",
        "invalid-position",
        "unknown-reference",
    }


BUILDER_CASES: list[tuple[str, Callable[[MapBuilder], object], str, tuple[str, ...]]] = [
    ("text None", lambda b: b.claim("a", None), "invalid-value", ("a",)),  # type: ignore[arg-type]
    ("text a number", lambda b: b.premise("a", 3), "invalid-value", ("a",)),  # type: ignore[arg-type]
    ("text bytes", lambda b: b.premise("a", b"x"), "invalid-value", ("a",)),  # type: ignore[arg-type]
    ("id a number", lambda b: b.claim(3, "x"), "invalid-id", ()),  # type: ignore[arg-type]
    ("id empty", lambda b: b.claim("", "x"), "invalid-id", ()),
    ("tag a number", lambda b: b.claim("a", "x", tags=[1]), "invalid-value", ("a",)),  # type: ignore[list-item]
    ("tags a number", lambda b: b.claim("a", "x", tags=7), "invalid-value", ("a",)),  # type: ignore[arg-type]
    ("quote a number", lambda b: b.claim("a", "x", quote=3), "invalid-value", ("a",)),  # type: ignore[arg-type]
    ("data a list", lambda b: b.claim("a", "x", data=[1]), "invalid-data", ("a",)),  # type: ignore[arg-type]
    ("data a set inside", lambda b: b.claim("a", "x", data={"k": {1}}), "invalid-data", ("a",)),
    ("data a number key", lambda b: b.claim("a", "x", data={1: "x"}), "invalid-data", ("a",)),  # type: ignore[dict-item]
    ("data an object", lambda b: b.claim("a", "x", data={"k": object()}), "invalid-data", ("a",)),
    ("premises None", lambda b: b.support("t", None, id="i"), "invalid-value", ("i",)),  # type: ignore[arg-type]
    ("premise a number", lambda b: b.support("t", [1], id="i"), "invalid-value", ("i",)),  # type: ignore[list-item]
    ("conclusion None", lambda b: b.support(None, "t", id="i"), "invalid-value", ("i",)),  # type: ignore[arg-type]
    ("scheme a number", lambda b: b.support("t", "t", id="i", scheme=3), "invalid-value", ("i",)),  # type: ignore[arg-type]
    ("label bytes", lambda b: b.support("t", "t", id="i", label=b"l"), "invalid-value", ("i",)),  # type: ignore[arg-type]
    ("conflict target None", lambda b: b.counter(None, "t", id="c"), "invalid-value", ("c",)),  # type: ignore[arg-type]
    ("conflict source a list", lambda b: b.counter("t", ["t"], id="c"), "invalid-value", ("c",)),  # type: ignore[arg-type]
    ("thesis a number", lambda b: b.thesis(5), "invalid-value", ()),  # type: ignore[arg-type]
    ("id with a lone surrogate", lambda b: b.claim("a\ud800", "x"), "invalid-id", ("a\ud800",)),
    ("text with a lone surrogate", lambda b: b.claim("a", "x\udfff"), "invalid-value", ("a",)),
    (
        "tag with a lone surrogate",
        lambda b: b.claim("a", "x", tags=["\udc80"]),
        "invalid-value",
        ("a",),
    ),
    (
        "quote with a lone surrogate",
        lambda b: b.claim("a", "x", quote="\ud800"),
        "invalid-value",
        ("a",),
    ),
    (
        "data key with a surrogate",
        lambda b: b.claim("a", "x", data={"\ud800": 1}),
        "invalid-data",
        ("a",),
    ),
    (
        "data value with a surrogate",
        lambda b: b.claim("a", "x", data={"k": ["\ud800"]}),
        "invalid-data",
        ("a",),
    ),
    (
        "inference id with a surrogate",
        lambda b: b.support("t", "t", id="\udfff"),
        "invalid-id",
        ("\udfff",),
    ),
]


@pytest.mark.parametrize(
    ("call", "code", "ids"),
    [case[1:] for case in BUILDER_CASES],
    ids=[case[0] for case in BUILDER_CASES],
)
def test_bad_builder_values_are_map_errors_naming_the_id(
    call: Callable[[MapBuilder], object], code: str, ids: tuple[str, ...]
) -> None:
    b = MapBuilder("t")
    b.claim("t", "Tea.", thesis=True)
    call(b)
    error = raises(b.build)
    assert (code, ids) in codes_and_ids(error)
    printable(error)


@pytest.mark.parametrize(
    ("title", "source"), [(None, None), (3, None), ("t\ud800", None), ("t", 3), ("t", "s\udfff")]
)
def test_a_bad_title_or_source_is_a_map_error(title: Any, source: Any) -> None:
    b = MapBuilder(title, source=source)
    b.claim("a", "A", quote="A")
    error = raises(b.build)
    assert {p.code for p in error.problems} == {"invalid-value"}
    printable(error)


def test_the_builder_lists_every_problem_at_once() -> None:
    b = MapBuilder(None)  # type: ignore[arg-type]
    b.claim("a", None, thesis=True)  # type: ignore[arg-type]
    b.premise("b", "B", tags=[1, 2.5])  # type: ignore[list-item]
    b.premise("c\ud800", "C")
    b.support("a", ["b", "nowhere"], id="i", scheme=1)  # type: ignore[arg-type]
    b.counter("i", "ghost", id="k", data={"x": {1, 2}})
    error = raises(b.build)
    found = codes_and_ids(error)
    assert found >= {
        ("invalid-value", ()),  # the title
        ("invalid-value", ("a",)),
        ("invalid-value", ("b",)),
        ("invalid-id", ("c\ud800",)),
        ("invalid-value", ("i",)),
        ("invalid-data", ("k",)),
        ("unknown-reference", ("nowhere", "i")),
        ("unknown-reference", ("ghost", "k")),
    }
    assert "tags including 1" in str(error)
    assert "tags including 2.5" in str(error)
    printable(error)


NODE_CASES: list[tuple[str, Callable[[], ArgumentMap]]] = [
    ("statement text None", lambda: ArgumentMap(statements=[Statement("a", None)])),  # type: ignore[arg-type]
    ("statement id a number", lambda: ArgumentMap(statements=[Statement(1, "x")])),  # type: ignore[arg-type]
    ("statement id None", lambda: ArgumentMap(statements=[Statement(None, "x")])),  # type: ignore[arg-type]
    ("quote not a Quote", lambda: ArgumentMap(statements=[Statement("a", "x", "q")])),  # type: ignore[arg-type]
    (
        "quote offsets negative",
        lambda: ArgumentMap(statements=[Statement("a", "x", Quote("q", -2, -1))]),
    ),
    (
        "quote offsets reversed",
        lambda: ArgumentMap(statements=[Statement("a", "x", Quote("q", 3, 1))]),
    ),
    (
        "quote offsets booleans",
        lambda: ArgumentMap(statements=[Statement("a", "x", Quote("q", True, 2))]),
    ),
    ("quote offset alone", lambda: ArgumentMap(statements=[Statement("a", "x", Quote("q", 1))])),
    ("quote text None", lambda: ArgumentMap(statements=[Statement("a", "x", Quote(None))])),  # type: ignore[arg-type]
    ("tags None inside", lambda: ArgumentMap(statements=[Statement("a", "x", tags=[None])])),  # type: ignore[list-item]
    ("data a string", lambda: ArgumentMap(statements=[Statement("a", "x", data="d")])),  # type: ignore[arg-type]
    ("inference premises a number", lambda: ArgumentMap(inferences=[Inference("i", 3, "c")])),  # type: ignore[arg-type]
    ("conflict target bytes", lambda: ArgumentMap(conflicts=[Conflict("k", "a", b"b")])),  # type: ignore[arg-type]
    ("argument title None", lambda: ArgumentMap(arguments=[Argument("g", None)])),  # type: ignore[arg-type]
    ("argument members numbers", lambda: ArgumentMap(arguments=[Argument("g", statements=[1])])),  # type: ignore[list-item]
    ("statements a number", lambda: ArgumentMap(statements=3)),  # type: ignore[arg-type]
    ("statements a string", lambda: ArgumentMap(statements="abc")),  # type: ignore[arg-type]
    ("statements hold strings", lambda: ArgumentMap(statements=["a"])),  # type: ignore[list-item]
    ("statements hold an inference", lambda: ArgumentMap(statements=[Inference("i", "a", "b")])),  # type: ignore[list-item]
    ("mapping of numbers", lambda: ArgumentMap(statements={"a": 3})),  # type: ignore[dict-item]
    ("mapping key not a string", lambda: ArgumentMap(statements={1: Statement("a", "x")})),  # type: ignore[dict-item]
    ("theses a number", lambda: ArgumentMap(theses=3)),  # type: ignore[arg-type]
    ("theses hold None", lambda: ArgumentMap(theses=[None])),  # type: ignore[list-item]
    ("title a list", lambda: ArgumentMap(title=["t"])),  # type: ignore[arg-type]
    ("source a number", lambda: ArgumentMap(source=1)),  # type: ignore[arg-type]
    ("data a number", lambda: ArgumentMap(data=1)),  # type: ignore[arg-type]
    ("locations a list", lambda: ArgumentMap(locations=[1])),  # type: ignore[arg-type]
]


@pytest.mark.parametrize("make", [case[1] for case in NODE_CASES], ids=[c[0] for c in NODE_CASES])
def test_ill_typed_nodes_and_fields_are_map_errors(make: Callable[[], ArgumentMap]) -> None:
    error = raises(make)
    assert error.problems
    printable(error)


def test_quote_find_and_qbaf_strengths_take_junk_calmly() -> None:
    assert not Quote.find(3, "3").located  # type: ignore[arg-type]
    assert not Quote.find("3", b"3").located  # type: ignore[arg-type]
    with pytest.raises(MapError, match="expected a QBAF"):
        qbaf_strengths(tea())  # type: ignore[arg-type]


def test_a_map_lists_every_bad_node_at_once() -> None:
    error = raises(
        lambda: ArgumentMap(
            title=None,  # type: ignore[arg-type]
            statements=[Statement("a", None), Statement("b", "x", tags=[3]), 7],  # type: ignore[arg-type, list-item]
            inferences=[Inference("i", ["a", None], "b")],  # type: ignore[list-item]
            conflicts=[Conflict("k", "a", "b", data={"s": {1}})],
            theses=["a", 3],  # type: ignore[list-item]
        )
    )
    assert len(error.problems) == 7
    assert {("a",), ("b",), ("i",), ("k",)} <= {p.ids for p in error.problems}


# -- Hypothesis: hostile values raise only argmap errors --------------------------------

SURROGATES = st.builds(
    lambda head, code, tail: head + chr(code) + tail,
    st.text(max_size=3),
    st.integers(0xD800, 0xDFFF),
    st.text(max_size=3),
)
JUNK = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.floats(),
        st.binary(max_size=4),
        SURROGATES,
        st.sets(st.integers(), max_size=2),
        st.builds(object),
        st.just(Ellipsis),
    ),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=2), inner, max_size=2)
    ),
    max_leaves=6,
)
WORDS = st.sampled_from(["a", "b", "c", "t", "i", "k", "", "a b"])


def maybe(good: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """Mostly a good value, sometimes junk."""
    return st.one_of(good, good, JUNK)


@st.composite
def builder_calls(draw: st.DrawFn) -> MapBuilder:
    b = MapBuilder(draw(maybe(st.text(max_size=5))), source=draw(maybe(st.none() | st.text())))
    for _ in range(draw(st.integers(0, 6))):
        verb = draw(st.sampled_from(["claim", "premise", "support", "counter", "thesis", "contra"]))
        if verb in ("claim", "premise"):
            getattr(b, verb)(
                draw(maybe(WORDS)),
                draw(maybe(st.text(max_size=5))),
                quote=draw(maybe(st.none() | st.text(max_size=3))),
                tags=draw(maybe(st.lists(st.text(max_size=3), max_size=2))),
                data=draw(maybe(st.none() | st.dictionaries(st.text(max_size=2), st.integers()))),
            )
        elif verb == "support":
            b.support(
                draw(maybe(WORDS)),
                draw(maybe(WORDS | st.lists(WORDS, max_size=3))),
                id=draw(maybe(st.none() | WORDS)),
                label=draw(maybe(st.none() | st.text(max_size=3))),
                scheme=draw(maybe(st.none() | st.text(max_size=3))),
                data=draw(maybe(st.none())),
            )
        elif verb == "counter":
            b.counter(draw(maybe(WORDS)), draw(maybe(WORDS)), id=draw(maybe(st.none() | WORDS)))
        elif verb == "thesis":
            b.thesis(draw(maybe(WORDS)))
        else:
            b.contradict(draw(maybe(WORDS)), draw(maybe(WORDS)))
    return b


@settings(max_examples=300)
@given(builder_calls(), st.data())
def test_hostile_builder_calls_raise_only_map_errors(b: MapBuilder, data: st.DataObject) -> None:
    try:
        m = b.build()
    except MapError as error:
        printable(error)
        return
    hash(m)
    arguments = {
        "semantics": data.draw(maybe(st.sampled_from(["grounded", "preferred"]))),
        "position": data.draw(maybe(positions(m))),
    }
    for call in (
        lambda: evaluate(m, **arguments),
        lambda: check(m, position=arguments["position"]),
        lambda: strengths(
            m,
            semantics=data.draw(maybe(st.sampled_from(GRADUAL))),
            base=data.draw(maybe(st.dictionaries(WORDS, maybe(st.floats(0, 1))))),
            fixed=arguments["position"],
        ),
        lambda: what_if(
            m,
            accept=data.draw(maybe(st.lists(WORDS, max_size=2))),
            reject=data.draw(maybe(st.lists(WORDS, max_size=2))),
            gradual=data.draw(maybe(st.none() | st.sampled_from(GRADUAL))),
        ),
    ):
        try:
            call()
        except ArgmapError as error:
            printable(error)


@st.composite
def hostile_nodes(draw: st.DrawFn) -> Statement | Inference | Conflict | Argument:
    kind = draw(st.sampled_from([Statement, Inference, Conflict, Argument]))
    fields = {
        Statement: {
            "id": WORDS,
            "text": st.text(max_size=3),
            "tags": st.tuples(),
            "data": st.none(),
        },
        Inference: {
            "id": WORDS,
            "premises": st.tuples(WORDS),
            "conclusion": WORDS,
            "scheme": st.none(),
        },
        Conflict: {"id": WORDS, "source": WORDS, "target": WORDS, "data": st.none()},
        Argument: {"id": WORDS, "title": st.text(max_size=3), "statements": st.tuples(WORDS)},
    }[kind]
    return kind(**{name: draw(maybe(good)) for name, good in fields.items()})  # type: ignore[arg-type]


@settings(max_examples=300)
@given(
    st.lists(hostile_nodes(), max_size=5),
    maybe(st.lists(WORDS, max_size=2)),
    maybe(st.text(max_size=3)),
    maybe(st.none() | st.dictionaries(st.text(max_size=2), st.integers(), max_size=2)),
)
def test_hostile_nodes_raise_only_map_errors(
    nodes: list[Any], theses: Any, title: Any, data: Any
) -> None:
    parts: dict[str, list[Any]] = {
        "statements": [],
        "inferences": [],
        "conflicts": [],
        "arguments": [],
    }
    for node in nodes:
        parts[f"{type(node).__name__.lower()}s".replace("ys", "ies")].append(node)
    try:
        m = ArgumentMap(title=title, theses=theses, data=data, **parts)
    except MapError as error:
        printable(error)
        bad = [node for node in nodes if node_problems(node)]
        assert {p.ids for n in bad for p in node_problems(n)} <= {p.ids for p in error.problems}
        return
    assert not any(node_problems(node) for node in nodes)
    hash(m)
    for call in (lambda: check(m), lambda: evaluate(m), lambda: strengths(m), lambda: what_if(m)):
        try:
            call()
        except ArgmapError as error:
            printable(error)


@settings(max_examples=200)
@given(
    argument_maps(max_statements=6),
    JUNK,
    st.sampled_from(["semantics", "position", "base", "fixed", "accept", "gradual"]),
)
def test_junk_evaluation_arguments_raise_only_argmap_errors(
    m: ArgumentMap, junk: Any, name: str
) -> None:
    calls = {
        "semantics": [lambda: evaluate(m, semantics=junk), lambda: strengths(m, semantics=junk)],
        "position": [lambda: evaluate(m, position=junk), lambda: check(m, position=junk)],
        "base": [lambda: strengths(m, base=junk), lambda: strengths(m, base={"s0": junk})],
        "fixed": [lambda: strengths(m, fixed=junk), lambda: strengths(m, fixed={"s0": junk})],
        "accept": [lambda: what_if(m, accept=junk), lambda: what_if(m, reject=[junk])],
        "gradual": [lambda: what_if(m, gradual=junk), lambda: what_if(m, semantics=junk)],
    }[name]
    for call in calls:
        try:
            call()
        except ArgmapError as error:
            printable(error)


# ======================================================================================
# 2. Accepted, broken later: a conflict's source and a thesis must be statements
# ======================================================================================


@pytest.mark.parametrize(
    ("make", "named"),
    [
        (lambda b: b.counter("a", "i", id="k2"), ("i", "k2")),
        (lambda b: b.counter("a", "k", id="k2"), ("k", "k2")),
        (lambda b: b.thesis("i"), ("i",)),
        (lambda b: b.thesis("k"), ("k",)),
    ],
    ids=["source-inference", "source-conflict", "thesis-inference", "thesis-conflict"],
)
def test_a_source_or_thesis_that_is_no_statement_is_refused(
    make: Callable[[MapBuilder], object], named: tuple[str, ...]
) -> None:
    b = MapBuilder("t")
    b.claim("a", "A", thesis=True)
    b.premise("b", "B")
    b.support("a", "b", id="i")
    b.counter("b", "a", id="k")
    make(b)
    error = raises(b.build)
    assert ("unknown-reference", named) in codes_and_ids(error)
    direct = ArgumentMap(
        statements=[Statement("a", "A"), Statement("b", "B")],
        inferences=[Inference("i", "b", "a")],
        conflicts=[
            Conflict("k", "a", "b"),
            *([Conflict("k2", named[0], "a")] if len(named) == 2 else []),
        ],
        theses=["a", *([named[0]] if len(named) == 1 else [])],
    )
    report = check(direct)
    assert ("unknown-reference", named) in {(p.code, p.ids) for p in report}
    assert not report.ok
    with pytest.raises(MapError):
        evaluate(direct)
    with pytest.raises(MapError):
        strengths(direct)


@given(argument_maps(max_statements=8), st.data())
def test_redirecting_a_source_or_thesis_to_a_relation_is_reported(
    m: ArgumentMap, data: st.DataObject
) -> None:
    relations = [*m.inferences, *m.conflicts]
    if not relations:
        return
    wrong = data.draw(st.sampled_from(relations))
    if m.conflicts and data.draw(st.booleans()):
        conflict = data.draw(st.sampled_from(list(m.conflicts.values())))
        redirected = attrs.evolve(conflict, source=wrong)
        broken = attrs.evolve(
            m, conflicts=[redirected if c.id == conflict.id else c for c in m.conflicts.values()]
        )
        expected = ("unknown-reference", (wrong, conflict.id))
    else:
        broken = attrs.evolve(m, theses=(*m.theses, wrong))
        expected = ("unknown-reference", (wrong,))
    assert expected in {(p.code, p.ids) for p in check(broken)}
    b = MapBuilder(broken.title, source=broken.source)
    for s in broken.statements.values():
        b.premise(s.id, s.text, tags=s.tags)
    for i in broken.inferences.values():
        b.support(i.conclusion, i.premises, id=i.id, scheme=i.scheme)
    for c in broken.conflicts.values():
        b.counter(c.target, c.source, id=c.id)
    for thesis in broken.theses:
        b.thesis(thesis)
    assert expected in codes_and_ids(raises(b.build))


# ======================================================================================
# 3. Internal names never meet user ids
# ======================================================================================

OLD_AUX = "\x1f"


def test_ids_that_look_like_internal_names_keep_their_labels() -> None:
    b = MapBuilder("t")
    b.claim("a", "A", thesis=True)
    b.premise("b", "B")
    b.support("a", "b", id="i")
    b.claim("x", "X")
    b.counter("b", "x", id="k")
    for n, name in enumerate(
        [
            f"i{OLD_AUX}b{OLD_AUX}fails",
            f"a{OLD_AUX}has no applicable reason",
            f"b{OLD_AUX}rejected",
            f"k{OLD_AUX}fails",
            OLD_AUX * 3 + "1 'b' is rejected",
            "\x1f1 premise 'b' of 'i' fails",
            "\x1f\x1f2 'a' has no applicable reason",
        ]
    ):
        b.claim(name, f"an unattacked statement {n}")
    m = b.build()
    for semantics in ("grounded", "preferred"):
        for position in ({}, {"b": False}, {"x": False}):
            labels = evaluate(m, semantics=semantics, position=position).labels
            assert all(labels[id] == "in" for id in m.statements if OLD_AUX in id)
    assert evaluate(m).label("a") == "out"
    assert evaluate(m, position={"x": False}).label("a") == "in"


def rename(m: ArgumentMap, names: dict[str, str]) -> ArgumentMap:
    """``m`` with every id ``x`` called ``names[x]``."""
    return ArgumentMap(
        title=m.title,
        statements=[attrs.evolve(s, id=names[s.id]) for s in m.statements.values()],
        inferences=[
            attrs.evolve(
                i,
                id=names[i.id],
                premises=[names[p] for p in i.premises],
                conclusion=names[i.conclusion],
            )
            for i in m.inferences.values()
        ],
        conflicts=[
            attrs.evolve(c, id=names[c.id], source=names[c.source], target=names[c.target])
            for c in m.conflicts.values()
        ],
        theses=[names[t] for t in m.theses],
        source=m.source,
    )


INTERNAL_LOOKING = st.lists(
    st.sampled_from(
        [
            "\x1f",
            "\x1f\x1f",
            "fails",
            "has no applicable reason",
            "rejected",
            "s0",
            "i0",
            "c0",
            "1 ",
            "'",
        ]
    ),
    min_size=1,
    max_size=5,
).map("".join)


def internal_looking_names(m: ArgumentMap, data: st.DataObject) -> dict[str, str]:
    """New, distinct names for every id of ``m``: relations get internal-looking names,
    then each statement, in turn, often the very name the old translation gave to an
    auxiliary argument over names already given ("i\\x1fp\\x1ffails", "p\\x1frejected")."""
    relations = [*m.inferences, *m.conflicts]
    fresh = data.draw(
        st.lists(INTERNAL_LOOKING, min_size=len(relations), max_size=len(relations), unique=True)
    )
    names = dict(zip(relations, fresh, strict=True))
    used = set(fresh)
    for k, statement in enumerate(m.statements):
        given = [names[s] for s in list(m.statements)[:k]]
        candidates = [
            *(f"{names[i]}{OLD_AUX}{p}{OLD_AUX}fails" for i in m.inferences for p in given),
            *(f"{p}{OLD_AUX}has no applicable reason" for p in given),
            *(f"{p}{OLD_AUX}rejected" for p in given),
            *(f"{names[c]}{OLD_AUX}fails" for c in m.conflicts),
        ]
        choice = data.draw(
            st.sampled_from(candidates) | INTERNAL_LOOKING if candidates else INTERNAL_LOOKING
        )
        names[statement] = choice if choice not in used else f"{choice}{OLD_AUX}{k}{OLD_AUX}"
        used.add(names[statement])
    return names


@settings(max_examples=150)
@given(argument_maps(max_statements=8), st.data())
def test_renaming_ids_to_internal_looking_names_changes_no_label_or_strength(
    m: ArgumentMap, data: st.DataObject
) -> None:
    names = internal_looking_names(m, data)
    renamed = rename(m, names)
    position = data.draw(positions(m))
    moved = {names[id]: value for id, value in position.items()}
    for semantics in ("grounded", "complete"):
        before = evaluate(m, semantics=semantics, position=position).labels
        after = evaluate(renamed, semantics=semantics, position=moved).labels
        assert {names[id]: label for id, label in before.items()} == after
    weights = strengths(m, fixed=position)
    assert {names[id]: w for id, w in weights.items()} == strengths(renamed, fixed=moved)


@given(argument_maps(max_statements=8))
def test_a_statement_named_like_an_old_auxiliary_stands_alone(m: ArgumentMap) -> None:
    """The old translation named a premise's auxiliary "inference\\x1fpremise\\x1ffails":
    a statement with that very id was taken for it and labelled out."""
    for inference in m.inferences.values():
        for premise in inference.premises:
            name = f"{inference.id}{OLD_AUX}{premise}{OLD_AUX}fails"
            lonely = attrs.evolve(m, statements=[*m.statements.values(), Statement(name, "x")])
            labels = evaluate(lonely).labels
            assert labels[name] == "in"
            assert {id: labels[id] for id in evaluate(m).labels} == dict(evaluate(m).labels)


def test_a_long_run_of_the_marker_in_an_id_is_cheap() -> None:
    b = MapBuilder("t")
    b.claim("a", "A", thesis=True)
    b.premise("\x1f" * 200_000, "B")
    b.support("a", "\x1f" * 200_000, id="\x1f" * 100_000 + "i")
    started = time.perf_counter()
    assert evaluate(b.build()).label("a") == "in"
    assert time.perf_counter() - started < 10


# ======================================================================================
# 4. Immutable all the way down
# ======================================================================================


def test_nested_data_are_frozen_copies() -> None:
    given_data: dict[str, Any] = {"a": {"b": [1, {"c": [2, (3, 4)]}]}, "n": None}
    m = ArgumentMap(statements=[Statement("s", "x", data=given_data)], data=given_data)
    for data in (m.data, m.statements["s"].data):
        assert data == {"a": {"b": [1, {"c": [2, [3, 4]]}]}, "n": None}
        assert isinstance(data["a"], FrozenDict)
        assert isinstance(data["a"]["b"], FrozenList)
        assert isinstance(data["a"]["b"][1]["c"][1], FrozenList)
        with pytest.raises(TypeError):
            data["a"]["b"].append(5)
        with pytest.raises(TypeError):
            data["a"]["b"][1]["c"][0] = 9
        with pytest.raises(TypeError):
            data["a"]["b"] += [1]
        with pytest.raises(TypeError):
            data["a"]["x"] = 1
    given_data["a"]["b"].append(3)
    given_data["a"]["b"][1]["c"].clear()
    given_data["n"] = 1
    assert m.data == {"a": {"b": [1, {"c": [2, [3, 4]]}]}, "n": None}
    assert m.statements["s"].data["a"]["b"][1]["c"] == [2, [3, 4]]
    assert hash(m) == hash(copy.deepcopy(m)) == hash(pickle.loads(pickle.dumps(m)))
    assert pickle.loads(pickle.dumps(m)) == m


def test_equal_mappings_hash_equally_whatever_their_order() -> None:
    first = FrozenDict({"a": 1, "b": [2]})
    second = FrozenDict({"b": [2], "a": 1})
    assert first == second
    assert hash(ArgumentMap(data=first)) == hash(ArgumentMap(data=second))


def test_evolve_freezes_too() -> None:
    s = attrs.evolve(Statement("s", "x"), data={"k": [1, [2]]})
    assert isinstance(s.data["k"][1], FrozenList)
    hash(ArgumentMap(statements=[s]))


def test_maps_loaded_from_files_are_hashable() -> None:
    document = {
        "argmap": 1,
        "title": "t",
        "statements": [{"id": "a", "text": "A", "data": {"list": [1, [2, {"x": [3]}]]}}],
        "theses": ["a"],
        "data": {"tags": ["x", "y"]},
    }
    m = native.loads(json.dumps(document))
    hash(m)
    assert isinstance(m.data["tags"], FrozenList)
    again = native.loads(native.dumps(m))
    assert again == m
    assert hash(again) == hash(m)
    assert json.loads(native.dumps(m))["statements"][0]["data"] == {"list": [1, [2, {"x": [3]}]]}
    argdown_map = argdown.loads("[A]: Tea is best. {sources: [x, [y]], n: 1}\n")
    hash(argdown_map)
    assert hash(argdown.loads(argdown.dumps(argdown_map), source=argdown_map.source)) == hash(
        argdown_map
    )


def test_aif_maps_are_hashable() -> None:
    aif = {
        "nodes": [
            {"nodeID": "1", "text": "Tea is best", "type": "I", "extra": [1, [2]]},
            {"nodeID": "2", "text": "Tea calms", "type": "I"},
            {"nodeID": "3", "text": "Default Inference", "type": "RA"},
        ],
        "edges": [
            {"edgeID": "e1", "fromID": "2", "toID": "3"},
            {"edgeID": "e2", "fromID": "3", "toID": "1"},
        ],
        "locutions": [],
    }
    m = loads(json.dumps(aif), format="aif")
    hash(m)
    assert hash(loads(json.dumps(json.loads(json.dumps(aif))), format="aif")) == hash(m)


@pytest.mark.parametrize(
    ("data", "fault"),
    [
        ({"k": {1, 2}}, "set"),
        ({"k": [b"x"]}, "bytes"),
        ({1: "x"}, "the key 1"),
        ({"k": object()}, "object"),
        ({"k": ["ok", {"\ud800": 1}]}, "surrogate"),
        ({"k": math.inf}, "not a finite number"),
        ({"k": [math.nan]}, "not a finite number"),
        ({"k": 10**5000}, "not a finite number"),
    ],
)
def test_data_that_are_not_json_like_are_refused_with_where(data: Any, fault: str) -> None:
    error = raises(lambda: ArgumentMap(statements=[Statement("s", "x", data=data)]))
    assert [p.ids for p in error.problems] == [("s",)]
    assert error.problems[0].code == "invalid-data"
    assert fault in str(error)
    assert "['k']" in str(error) or "[1]" in str(error)


def test_data_that_contain_themselves_are_refused() -> None:
    loop: dict[str, Any] = {}
    loop["self"] = loop
    error = raises(lambda: ArgumentMap(data=loop))
    assert "contains itself" in str(error)
    ring: list[Any] = []
    ring.append(ring)
    error = raises(lambda: ArgumentMap(statements=[Statement("s", "x", data={"r": ring})]))
    assert "contains itself" in str(error)


def test_deeply_nested_data_are_refused_without_recursion_error() -> None:
    deep: Any = []
    for _ in range(50_000):
        deep = [deep]
    error = raises(lambda: ArgumentMap(data={"deep": deep}))
    assert "nested more than 100 levels deep" in str(error)
    fine: Any = "leaf"
    for _ in range(99):
        fine = [fine]
    m = ArgumentMap(data={"fine": fine})
    hash(m)
    assert m == ArgumentMap(data={"fine": fine})
    json.loads(native.dumps(m))


def test_a_tower_of_shared_lists_is_refused_not_expanded() -> None:
    """Each level holds the one below twice: 2**60 values written out."""
    tower: Any = [0]
    for _ in range(60):
        tower = [tower, tower]
    started = time.perf_counter()
    error = raises(lambda: ArgumentMap(data={"t": tower}))
    assert "repeated so often" in str(error)
    assert time.perf_counter() - started < 10
    shared = [1, 2, 3]
    m = ArgumentMap(data={"a": shared, "b": shared, "c": [shared, shared]})
    assert m.data == {"a": [1, 2, 3], "b": [1, 2, 3], "c": [[1, 2, 3], [1, 2, 3]]}


def test_a_tower_built_map_by_map_is_refused_too() -> None:
    data: Any = ArgumentMap(data={"x": [0]}).data
    refused = None
    for _ in range(40):
        try:
            data = ArgumentMap(data={"a": data, "b": data}).data
        except MapError as error:
            refused = error
            break
    assert refused is not None
    assert "repeated so often" in str(refused)


JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=5),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=3), inner, max_size=3)
    ),
    max_leaves=15,
)


def scramble(value: Any) -> None:
    """Change every list and dict inside ``value`` in place."""
    if isinstance(value, dict):
        for item in list(value.values()):
            scramble(item)
        value.clear()
        value["scrambled"] = True
    elif isinstance(value, list):
        for item in value:
            scramble(item)
        value.append("scrambled")


@given(st.dictionaries(st.text(max_size=3), JSON_VALUES, max_size=4))
def test_json_like_data_are_frozen_shared_with_nobody_and_written_back(
    data: dict[str, Any],
) -> None:
    kept = copy.deepcopy(data)
    m = ArgumentMap(
        statements=[Statement("s", "x", data=data)], inferences=[], theses=["s"], data=data
    )
    scramble(data)
    assert m.data == kept
    assert m.statements["s"].data == kept
    assert hash(m) == hash(
        ArgumentMap(statements=[Statement("s", "x", data=kept)], theses=["s"], data=kept)
    )
    written = json.loads(native.dumps(m))
    assert written["data"] == kept if kept else "data" not in written or written["data"] == {}
    assert native.loads(native.dumps(m)) == m


# ======================================================================================
# 5. The strategies stay valid by construction
# ======================================================================================


@given(argument_maps(max_statements=12))
def test_generated_maps_are_valid_hashable_and_evaluate(m: ArgumentMap) -> None:
    nodes = [*m.statements.values(), *m.inferences.values(), *m.conflicts.values()]
    assert not any(node_problems(node) for node in nodes)
    assert (
        ArgumentMap(
            title=m.title,
            statements=list(m.statements.values()),
            inferences=list(m.inferences.values()),
            conflicts=list(m.conflicts.values()),
            theses=m.theses,
            source=m.source,
        )
        == m
    )
    hash(m)
    evaluate(m)
    strengths(m)


@given(argument_maps(max_statements=8, consistent=False))
def test_inconsistent_generated_maps_only_ever_raise_map_errors(m: ArgumentMap) -> None:
    check(m)
    for call in (lambda: evaluate(m), lambda: strengths(m), lambda: what_if(m)):
        try:
            call()
        except MapError as error:
            assert {p.code for p in error.problems} <= {"unknown-reference", "duplicate-id"}


# ======================================================================================
# No blow-up: small inputs stay fast
# ======================================================================================


def test_a_quote_missing_from_a_repetitive_source_is_found_missing_in_linear_time() -> None:
    """The old search was a regex of words joined by ``\\s+``: on this 400 kB source and
    40 kB quote it backtracked for about a minute."""
    source = "a " * 200_000
    started = time.perf_counter()
    assert not Quote.find("a " * 20_000 + "b", source).located
    found = Quote.find("a\n" * 20_000 + "a", source)
    assert (found.start, found.end) == (0, 40_001)
    assert time.perf_counter() - started < 10


def _regex_find(text: str, source: str) -> tuple[int, int] | None:
    """The former folded search, as the reference for what a match is."""
    words = text.split()
    match = re.search(r"\s+".join(re.escape(word) for word in words), source)
    return (match.start(), match.end()) if match else None


@given(
    st.text(alphabet="ab \n\t", max_size=30),
    st.text(alphabet="ab \n", min_size=1, max_size=8),
)
def test_the_folded_quote_search_finds_what_the_regex_found(source: str, text: str) -> None:
    quote = Quote.find(text, source)
    exact = source.find(text)
    if exact >= 0:
        assert (quote.start, quote.end) == (exact, exact + len(text))
    elif text.split():
        expected = _regex_find(text, source)
        assert ((quote.start, quote.end) if quote.located else None) == expected
    if quote.located:
        assert quote.matches(source)


def test_an_inference_with_30000_premises_checks_in_linear_time() -> None:
    """Premises were compared pair by pair (and the connectivity pass walked long
    chains for every node): 3,000 premises took 4 s, 30,000 would take minutes."""
    n = 30_000
    m = ArgumentMap(
        statements=[
            *(Statement(f"p{k}", "x") for k in range(n)),
            Statement("c", "c"),
            Statement("x", "x"),
        ],
        inferences=[Inference("i", [f"p{k}" for k in range(n)], "c")],
        conflicts=[
            *(Conflict(f"k{k}", "x", f"p{k}") for k in range(n)),
            Conflict("clash", "p7", "p9"),
        ],
        theses=["c"],
    )
    started = time.perf_counter()
    report = check(m)
    assert [p.ids for p in report.of("contradictory-premises")] == [("p7", "p9", "i")]
    assert time.perf_counter() - started < 15
