"""GraphML export: networkx reads back exactly the map's nodes (with their attributes)
and its AIF edges, hostile texts and ids included; what XML 1.0 cannot hold is
refused naming the node; the output is deterministic and matches the golden files
(``tests/golden/*.graphml``, one per ``*.argmap.json`` case; rewrite them with
``ARGMAP_UPDATE_GOLDEN=1`` after an intended change)."""

from __future__ import annotations

import io
import json
import os
import pathlib
import re
import xml.etree.ElementTree as ET
from typing import Any

import networkx as nx
import pytest
from hostile import hostile_variant
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap import ArgumentMap, FormatError, MapError, formats
from argmap.formats import graphml
from argmap.formats import json as native
from argmap.model import Conflict, Inference, Quote, Statement
from argmap.strategies import argument_maps

import turkey_s400

GOLDEN = pathlib.Path(__file__).resolve().parent / "golden"
UPDATE = os.environ.get("ARGMAP_UPDATE_GOLDEN") == "1"
NS = "{http://graphml.graphdrawing.org/xmlns}"

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
PIECES = [
    *"\"'#<>&`|[]{}:;%\\\n\r\t ",
    "]]>",
    "<![CDATA[",
    "&amp;",
    "&#0;",
    "<!--",
    "\u2028",
    "\x85",
    "\u202e",
    "\ufeff",
    "😀",
    "é",
    "end",
]
HOSTILE = st.lists(st.sampled_from(PIECES) | st.text(max_size=3), max_size=8).map(
    lambda parts: _NOT_XML.sub("", "".join(parts))
)
NONEMPTY = HOSTILE.filter(bool)


def compare(text: str, expected: pathlib.Path) -> None:
    if UPDATE:
        expected.write_bytes(text.encode("utf-8"))
    assert expected.is_file(), f"no golden file {expected.name}; run with ARGMAP_UPDATE_GOLDEN=1"
    assert text == expected.read_bytes().decode("utf-8")


@pytest.mark.parametrize(
    "case", sorted(GOLDEN.glob("*.argmap.json")), ids=lambda path: path.name.split(".")[0]
)
def test_golden_graphml(case: pathlib.Path) -> None:
    m = native.load(case)
    compare(graphml.dumps(m), case.with_name(case.name.replace(".argmap.json", ".graphml")))


def test_golden_article_graphml() -> None:
    compare(graphml.dumps(turkey_s400.build_map()), GOLDEN / "turkey_s400.graphml")


@st.composite
def hostile_maps(draw: st.DrawFn, texts: st.SearchStrategy[str] = HOSTILE) -> ArgumentMap:
    """Generated maps whose ids, texts, tags, speakers, labels and title are hostile."""
    m = draw(argument_maps(max_statements=8, texts=texts.filter(bool)))
    size = len(m.statements) + len(m.inferences) + len(m.conflicts)
    new = draw(st.lists(NONEMPTY, min_size=size, max_size=size, unique=True))
    return hostile_variant(draw, m, ids=new, texts=texts)


def read(text: str) -> Any:
    return nx.read_graphml(io.BytesIO(text.encode("utf-8")), force_multigraph=True)


def expected_edges(m: ArgumentMap) -> list[tuple[str, str, str]]:
    """AIF's edges, worked out here from the model: I -> RA -> I, I -> CA -> target."""
    known = {*m.statements, *m.inferences, *m.conflicts}
    found = []
    for i in m.inferences.values():
        found += [(p, i.id, "premise") for p in set(i.premises) if p in known]
        found += [(i.id, i.conclusion, "conclusion")] if i.conclusion in known else []
    for c in m.conflicts.values():
        found += [(c.source, c.id, "source")] if c.source in known else []
        found += [(c.id, c.target, "target")] if c.target in known else []
    return sorted(found)


def assert_same_graph(m: ArgumentMap, text: str) -> None:
    g = read(text)
    assert list(g.nodes) == [*m.statements, *m.inferences, *m.conflicts]
    edges = sorted((u, v, data["relation"]) for u, v, data in g.edges(data=True))
    assert edges == expected_edges(m)
    assert g.graph.get("title", "") == m.title
    for s in m.statements.values():
        attributes = g.nodes[s.id]
        assert attributes["kind"] == "statement"
        assert attributes["text"] == s.text == attributes["label"]
        assert attributes["thesis"] is (s.id in m.theses)
        assert json.loads(attributes.get("tags", "[]")) == list(s.tags)
        assert attributes.get("speaker") == s.speaker
        assert attributes["stance"] == s.stance
        assert attributes.get("quote") == (s.quote.text if s.quote else None)
        if s.quote is not None and s.quote.start is not None:
            assert (attributes["quote_start"], attributes["quote_end"]) == (
                s.quote.start,
                s.quote.end,
            )
        assert json.loads(attributes.get("data", "{}")) == s.data
    for i in m.inferences.values():
        attributes = g.nodes[i.id]
        assert attributes["kind"] == "inference"
        assert attributes.get("label") == i.label
        assert attributes.get("scheme") == i.scheme
        assert json.loads(attributes.get("slots", "{}")) == i.slots
        assert attributes["implicit"] is i.implicit
    for c in m.conflicts.values():
        attributes = g.nodes[c.id]
        assert attributes["kind"] == "conflict"
        assert attributes["attack"] == m.kind(c.id)
        assert attributes.get("declared") == c.kind
        assert attributes.get("question") == c.question
        assert attributes["contradiction"] is m.is_contradiction(c.id)
        assert attributes["implicit"] is c.implicit


@settings(max_examples=60, deadline=None)
@given(argument_maps(max_statements=12))
def test_networkx_reads_the_maps_nodes_and_edges(m: ArgumentMap) -> None:
    assert_same_graph(m, graphml.dumps(m))


@settings(max_examples=80, deadline=None)
@given(hostile_maps())
def test_hostile_texts_and_ids_survive_exactly(m: ArgumentMap) -> None:
    text = graphml.dumps(m)
    root = ET.fromstring(text.encode("utf-8"))
    assert root.tag == f"{NS}graphml"
    assert_same_graph(m, text)
    assert graphml.dumps(m) == text  # deterministic


@settings(max_examples=40, deadline=None)
@given(argument_maps(max_statements=10))
def test_equal_maps_give_identical_graphml(m: ArgumentMap) -> None:
    again = native.loads(native.dumps(m))
    assert again == m
    assert graphml.dumps(again) == graphml.dumps(m)


@settings(max_examples=60, deadline=None)
@given(argument_maps(max_statements=10, consistent=False))
def test_inconsistent_maps_are_written_or_refused_by_id(m: ArgumentMap) -> None:
    ids = [*m.statements, *m.inferences, *m.conflicts]
    shared = {id for id in ids if ids.count(id) > 1}
    if shared:
        with pytest.raises(MapError) as caught:
            graphml.dumps(m)
        assert {p.code for p in caught.value.problems} == {"duplicate-id"}
        assert {p.ids[0] for p in caught.value.problems} == shared
    else:
        assert_same_graph(m, graphml.dumps(m))


@pytest.mark.parametrize("bad", ["\x00", "\x01", "\x0b", "\x1f", "\ufffe", "\uffff"])
@pytest.mark.parametrize("where", ["text", "id", "tag", "speaker", "title", "scheme", "data"])
def test_characters_xml_cannot_hold_are_refused_naming_the_node(bad: str, where: str) -> None:
    s = Statement(
        "a" + (bad if where == "id" else ""),
        "text" + (bad if where == "text" else ""),
        tags=("t" + bad,) if where == "tag" else (),
        speaker="x" + bad if where == "speaker" else None,
        data={"k": "v" + bad} if where == "data" else None,
    )
    i = Inference("i", ("b",), s.id, scheme="s" + bad if where == "scheme" else None)
    m = ArgumentMap(
        title="T" + (bad if where == "title" else ""),
        statements=[s, Statement("b", "b")],
        inferences=[i],
        theses=(s.id,),
    )
    if where in ("tag", "data") and bad < " ":  # JSON escapes it: \\u0001
        g = read(graphml.dumps(m))
        written = json.loads(g.nodes[s.id]["tags" if where == "tag" else "data"])
        assert written == (list(s.tags) if where == "tag" else s.data)
        return
    with pytest.raises(MapError) as caught:
        graphml.dumps(m)
    (problem,) = caught.value.problems
    assert problem.code == "invalid-value"
    assert f"U+{ord(bad):04X}" in problem.message
    assert problem.ids == (() if where == "title" else ("i",) if where == "scheme" else (s.id,))


def test_line_breaks_tabs_and_carriage_returns_are_kept() -> None:
    m = ArgumentMap(
        title="two\r\nlines",
        statements=[Statement("x\ty\n", " a\r\nb\rc\t ")],
        theses=("x\ty\n",),
    )
    g = read(graphml.dumps(m))
    assert list(g.nodes) == ["x\ty\n"]
    assert g.nodes["x\ty\n"]["text"] == " a\r\nb\rc\t "
    assert g.graph["title"] == "two\r\nlines"


def test_every_kind_of_edge_and_attribute() -> None:
    m = ArgumentMap(
        title="",
        statements=[
            Statement("t", "Thesis", quote=Quote("Thesis", 0, 6), speaker="NATO"),
            Statement("p", "P", tags=("a, b", 'c"d'), stance="hedged", data={"n": 1}),
            Statement("u", "U"),
            Statement("v", "V"),
        ],
        inferences=[Inference("i", ("p", "p"), "t", scheme="expert-opinion", implicit=True)],
        conflicts=[
            Conflict("cut", "u", "i", kind="undercut", question="CQ1"),
            Conflict("meta", "v", "cut"),
            Conflict("x", "v", "nowhere"),
        ],
        theses=("t",),
        source="Thesis.",
    )
    g = read(graphml.dumps(m))
    assert sorted((u, v, d["relation"]) for u, v, d in g.edges(data=True)) == [
        ("cut", "i", "target"),
        ("i", "t", "conclusion"),
        ("meta", "cut", "target"),
        ("p", "i", "premise"),
        ("u", "cut", "source"),
        ("v", "meta", "source"),
        ("v", "x", "source"),
    ]
    assert g.nodes["t"]["quote_start"] == 0
    assert g.nodes["t"]["speaker"] == "NATO"
    assert json.loads(g.nodes["p"]["tags"]) == ["a, b", 'c"d']
    assert json.loads(g.nodes["p"]["data"]) == {"n": 1}
    assert g.nodes["i"]["scheme"] == "expert-opinion"
    assert g.nodes["i"]["implicit"] is True
    assert g.nodes["cut"]["attack"] == "undercut"
    assert g.nodes["cut"]["question"] == "CQ1"
    assert g.nodes["meta"]["attack"] == "undercut"
    assert "declared" not in g.nodes["meta"]


def test_dispatch_suffix_and_file(tmp_path: pathlib.Path) -> None:
    m = turkey_s400.build_map()
    assert "graphml" in formats.WRITERS
    assert formats.FORMATS["graphml"].endswith("graphml")
    assert formats.detect("map.graphml") == "graphml"
    assert formats.dumps(m, format="graphml") == graphml.dumps(m)
    path = formats.dump(m, tmp_path / "map.graphml")
    assert path.read_text(encoding="utf-8") == graphml.dumps(m)
    graphml.dump(m, tmp_path / "again.graphml")
    assert (tmp_path / "again.graphml").read_bytes() == path.read_bytes()
    with pytest.raises(FormatError, match="cannot be read"):
        formats.loads("<graphml/>", format="graphml")
