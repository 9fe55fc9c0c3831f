"""Mermaid export: every chart passes a structural validator (one declaration per
node, edges between declared nodes, every ``linkStyle`` index an edge, labels with
no raw quote, markup or Mermaid syntax, balanced brackets), whatever the ids and
texts; labels decode back to the map's text; the output is deterministic and
matches the golden files (``tests/golden/*.mmd``, one per ``*.argmap.json`` case;
rewrite them with ``ARGMAP_UPDATE_GOLDEN=1`` after an intended change).

No Mermaid parser runs here: none is installed with the project (Mermaid is a
JavaScript library that wants a browser DOM), so the validator encodes the
flowchart grammar argmap relies on."""

from __future__ import annotations

import html
import json
import os
import pathlib
import re
import subprocess

import pytest
import yaml
from hostile import hostile_variant
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap import ArgumentMap, RenderError, formats
from argmap.dot import LINE_LIMIT, clean, shorten
from argmap.formats import json as native
from argmap.formats import mermaid
from argmap.model import Conflict, Inference, Statement
from argmap.strategies import argument_maps

import turkey_s400

GOLDEN = pathlib.Path(__file__).resolve().parent / "golden"
UPDATE = os.environ.get("ARGMAP_UPDATE_GOLDEN") == "1"

KEYWORDS = [
    "end",
    "graph",
    "flowchart",
    "style",
    "class",
    "classDef",
    "click",
    "subgraph",
    "linkStyle",
    "direction",
    "default",
    "o",
    "x",
    "A-->B",
    "a --- b",
    "%%",
    "%%{init: {}}%%",
    "call",
    "href",
    "_blank",
    "1",
    "-",
]
PIECES = [
    *"\"'#<>&`|[]{}():;%\\\n\r\t -=.ox",
    "#quot;",
    "#35;",
    "&lt;",
    "\ufb02\u00b0\u00b035\u00b6\u00df",
    "<b>",
    "<script>",
    "-->",
    "---",
    "end",
    "style x fill:#f00;",
    "\u2028",
    "\x85",
    "\x00",
    "\u202e",
    "\ufeff",
    "\uffff",
    "😀",
    "é",
]
HOSTILE = st.lists(
    st.sampled_from(PIECES) | st.sampled_from(KEYWORDS) | st.text(max_size=3), max_size=8
).map("".join)
NONEMPTY = HOSTILE.filter(bool)


def compare(text: str, expected: pathlib.Path) -> None:
    if UPDATE:
        expected.write_bytes(text.encode("utf-8"))
    assert expected.is_file(), f"no golden file {expected.name}; run with ARGMAP_UPDATE_GOLDEN=1"
    assert text == expected.read_bytes().decode("utf-8")


@pytest.mark.parametrize(
    "case", sorted(GOLDEN.glob("*.argmap.json")), ids=lambda path: path.name.split(".")[0]
)
def test_golden_mermaid(case: pathlib.Path) -> None:
    m = native.load(case)
    compare(mermaid.dumps(m), case.with_name(case.name.replace(".argmap.json", ".mmd")))


def test_golden_article_mermaid() -> None:
    compare(mermaid.dumps(turkey_s400.build_map()), GOLDEN / "turkey_s400.mmd")


# -- the validator ----------------------------------------------------------------------

NAME = r"[sic]\d+"
NODE = re.compile(rf'^( {{4}}| {{8}})({NAME})(\["([^"]*)"\]|\(\("([^"]*)"\)\))$')
EDGE = re.compile(rf"^    ({NAME}) (---|-->|-\.->|<-->) ({NAME})$")
SUBGRAPH = re.compile(r'^    subgraph (g\d+)\["([^"]*)"\]$')
CLASS = re.compile(rf"^    class ({NAME}(?:,{NAME})*) ([a-z]+)$")
CLASSDEF = re.compile(r"^    classDef ([a-z]+) ([-a-z]+:[#0-9a-z. ]+(?:,[-a-z]+:[#0-9a-z. ]+)*)$")
LINKSTYLE = re.compile(
    r"^    linkStyle (\d+(?:,\d+)*) ([-a-z]+:[#0-9a-z. ]+(?:,[-a-z]+:[#0-9a-z. ]+)*)$"
)
TAGS = re.compile(r"<br/>|</?small>|</?b>|</?i>")
ENTITY = re.compile(r"#(\d+);")


def check_label(label: str) -> None:
    """A label holds no raw character Mermaid, markdown or HTML would read as syntax."""
    bare = ENTITY.sub("", TAGS.sub("", label))
    for character in '"#<>&`|[]{}:;%\\\n\r\t\ufb02\u00b6':
        assert character not in bare, (character, label)
    assert all(c.isprintable() or c == " " for c in bare), label
    for tag in ("small", "b", "i"):
        assert label.count(f"<{tag}>") == label.count(f"</{tag}>"), label


def decode(label: str) -> str:
    """What a label shows: line breaks for ``<br/>``, tags dropped, entities decoded."""
    text = re.sub(r"</?small>|</?b>|</?i>", "", label.replace("<br/>", "\n"))
    return ENTITY.sub(lambda match: chr(int(match.group(1))), text)


def validate(text: str) -> dict[str, str]:
    """Check the chart's structure; return each declared node's label by name."""
    assert text.endswith("\n")
    assert "\r" not in text
    lines = text.split("\n")[:-1]
    if lines[0] == "---":
        assert lines[2] == "---"
        title = (
            'title: "' + r"""(?:[-A-Za-z0-9 .,!?'+*/=()_]|\\u[0-9a-f]{4}|\\U[0-9a-f]{8})*""" + '"'
        )
        assert re.fullmatch(title, lines[1])
        lines = lines[3:]
    assert re.fullmatch(r"flowchart (BT|TB|LR|RL)", lines[0])
    labels: dict[str, str] = {}
    edges: list[tuple[str, str]] = []
    styled: list[int] = []
    defined: set[str] = set()
    used: set[str] = set()
    depth = 0
    for line in lines[1:]:
        assert "%%" not in line, line
        for pattern in (r"style.*:\S*#.*;", r"classDef.*:\S*#.*;"):  # Mermaid's pre-pass
            assert not re.search(pattern, line), line
        outside = re.sub(r'"[^"]*"', "", line)
        for open_, close in ("[]", "()", "{}"):
            assert outside.count(open_) == outside.count(close), line
        if match := NODE.match(line):
            name = match.group(2)
            assert name not in labels, f"{name} declared twice"
            assert len(match.group(1)) == (8 if depth else 4)
            label = match.group(4) if match.group(4) is not None else match.group(5)
            check_label(label)
            labels[name] = label
        elif match := EDGE.match(line):
            edges.append((match.group(1), match.group(3)))
        elif match := SUBGRAPH.match(line):
            assert depth == 0
            check_label(match.group(2))
            depth += 1
        elif line == "    end":
            assert depth == 1
            depth -= 1
        elif match := CLASS.match(line):
            used.add(match.group(2))
            assert all(name in labels for name in match.group(1).split(","))
        elif match := CLASSDEF.match(line):
            defined.add(match.group(1))
        elif match := LINKSTYLE.match(line):
            styled += [int(n) for n in match.group(1).split(",")]
        else:
            raise AssertionError(f"unexpected line {line!r}")
    assert depth == 0
    for start, end in edges:
        assert start in labels, start
        assert end in labels, end
    assert sorted(styled) == list(range(len(edges))), "each edge styled exactly once"
    assert used <= defined
    return labels


def squeeze(text: str) -> str:
    return "".join(text.split())


def assert_chart_of(m: ArgumentMap, text: str) -> None:
    labels = validate(text)
    statements = [name for name in labels if name.startswith("s")]
    junctions = [name for name in labels if name.startswith("i")]
    attacked = {c.target for c in m.conflicts.values() if c.target in m.conflicts}
    assert len(statements) == len(m.statements)
    assert len(junctions) == len(m.inferences)
    assert len(labels) == len(m.statements) + len(m.inferences) + len(attacked)
    if m.title:
        front = yaml.safe_load(text.split("---\n")[1])
        assert front == {"title": shorten(clean(m.title), LINE_LIMIT)}
    else:
        assert text.startswith("flowchart ")
    for n, statement in enumerate(m.statements.values(), 1):
        shown = squeeze(decode(labels[f"s{n}"]))
        assert squeeze(clean(squeeze(statement.id))) in shown
        assert squeeze(clean(squeeze(statement.text))) in shown  # wrapping folds spaces
        if statement.speaker is not None:
            assert squeeze(clean(squeeze(statement.speaker))) in shown


# -- properties ------------------------------------------------------------------------


@st.composite
def hostile_maps(draw: st.DrawFn) -> ArgumentMap:
    """Generated maps whose ids, texts, tags, speakers, labels, schemes and title are
    hostile: Mermaid keywords and syntax, markup, entity codes, control characters."""
    m = draw(argument_maps(max_statements=8, texts=NONEMPTY))
    old = [*m.statements, *m.inferences, *m.conflicts]
    new = draw(
        st.lists(st.sampled_from(KEYWORDS) | NONEMPTY, min_size=len(old), max_size=len(old))
        .map(lambda names: list(dict.fromkeys(names)))
        .filter(lambda names: len(names) == len(old))
    )
    return hostile_variant(draw, m, ids=new, texts=HOSTILE, schemes=True)


@settings(max_examples=60, deadline=None)
@given(argument_maps(max_statements=12))
def test_generated_maps_make_valid_charts(m: ArgumentMap) -> None:
    assert_chart_of(m, mermaid.dumps(m))


@settings(max_examples=100, deadline=None)
@given(hostile_maps())
def test_hostile_ids_and_texts_never_break_the_chart(m: ArgumentMap) -> None:
    text = mermaid.dumps(m)
    assert_chart_of(m, text)
    assert mermaid.dumps(m) == text  # deterministic


@settings(max_examples=40, deadline=None)
@given(argument_maps(max_statements=10, consistent=False))
def test_inconsistent_maps_make_valid_charts(m: ArgumentMap) -> None:
    validate(mermaid.dumps(m))


@settings(max_examples=40, deadline=None)
@given(argument_maps(max_statements=10))
def test_equal_maps_give_identical_charts(m: ArgumentMap) -> None:
    again = native.loads(native.dumps(m))
    assert again == m
    assert mermaid.dumps(again) == mermaid.dumps(m)


@given(st.text())
def test_label_text_decodes_back(text: str) -> None:
    label = mermaid.label_text(text)
    check_label(label)
    assert decode(label) == clean(text)


# -- hand cases ------------------------------------------------------------------------


def test_keyword_ids_become_argmap_names() -> None:
    ids = [id for id in KEYWORDS if id not in ("click", "subgraph", "class")]
    statements = [Statement(id, f"text of {id}") for id in ids]
    inferences = [Inference("click", ("graph", "style"), "end")]
    conflicts = [Conflict("subgraph", "o", "click"), Conflict("class", "x", "subgraph")]
    m = ArgumentMap(
        title="end",
        statements=statements,
        inferences=inferences,
        conflicts=conflicts,
        theses=("end",),
    )
    text = mermaid.dumps(m)
    assert_chart_of(m, text)
    s = {id: f"s{n}" for n, id in enumerate(ids, 1)}
    assert set(validate(text)) == {*s.values(), "i1", "c1"}
    assert f"    {s['graph']} --- i1" in text
    assert f"    i1 --> {s['end']}" in text
    # o undercuts the inference through the junction of its conflict, which x attacks
    assert f"    {s['o']} --- c1" in text
    assert "    c1 -.-> i1" in text
    assert f"    {s['x']} -.-> c1" in text


def test_visual_grammar() -> None:
    m = ArgumentMap(
        title="",
        statements=[
            Statement("t", "Thesis"),
            Statement("p", "P", stance="hedged", tags=("group",)),
            Statement("q", "Q", stance="reported", speaker="experts"),
            Statement("r", "R", stance="conceded"),
        ],
        inferences=[Inference("i", ("p", "q", "p"), "t", scheme="expert-opinion", implicit=True)],
        conflicts=[Conflict("a", "r", "q"), Conflict("b", "q", "r"), Conflict("c", "r", "i")],
        theses=("t",),
    )
    text = mermaid.dumps(m)
    validate(text)
    assert text.startswith("flowchart BT\n")
    assert '    subgraph g1["<i>group</i>"]\n        s2[' in text
    assert '    s1["<small>t</small><br/><b>Thesis</b>"]' in text
    assert "<i>Q</i><br/><small>— experts</small>" in text
    assert '    i1(("Expert Opinion"))' in text
    assert text.count("s2 --- i1") == 1  # a premise listed twice is one edge
    assert "    s4 <--> s3" in text
    assert "s3 <--> s4" not in text
    assert "s3 --> s4" not in text
    assert "    s4 -.-> i1" in text
    assert "    class s1 thesis" in text
    assert "    class s2 hedged" in text
    assert "    class s4 conceded" in text
    assert "stroke-dasharray:2 2" in text  # the implicit inference's edges


def test_direction_and_wrap_options() -> None:
    m = ArgumentMap(title="", statements=[Statement("t", "one two three four")], theses=("t",))
    assert mermaid.dumps(m, direction="LR").startswith("flowchart LR\n")
    assert "one<br/>two<br/>three<br/>four" in mermaid.dumps(m, wrap=5)
    with pytest.raises(RenderError):
        mermaid.dumps(m, direction="sideways")
    with pytest.raises(RenderError):
        mermaid.dumps(m, wrap=0)


def test_long_texts_are_cut_visibly() -> None:
    m = ArgumentMap(title="", statements=[Statement("t", "word " * 2000)], theses=("t",))
    text = mermaid.dumps(m)
    validate(text)
    assert "…" in text
    assert len(text) < 3 * mermaid.TEXT_LIMIT


def test_title_front_matter_escapes_everything() -> None:
    m = ArgumentMap(title='A "title" #35; ---\n: x', statements=[], theses=())
    text = mermaid.dumps(m)
    validate(text)
    assert text.split("\n")[1] == (
        'title: "A \\u0022title\\u0022 \\u002335\\u003b ---\\u000a\\u003a x"'
    )


def test_dispatch_suffix_and_file(tmp_path: pathlib.Path) -> None:
    m = turkey_s400.build_map()
    assert "mermaid" in formats.WRITERS
    assert formats.detect("map.mmd") == "mermaid"
    assert formats.dumps(m, format="mermaid") == mermaid.dumps(m)
    path = formats.dump(m, tmp_path / "map.mmd")
    assert path.read_text(encoding="utf-8") == mermaid.dumps(m)
    mermaid.dump(m, tmp_path / "again.mmd")
    assert (tmp_path / "again.mmd").read_bytes() == path.read_bytes()


# -- Mermaid's own parser, where one is installed ------------------------------------------

MERMAID = os.environ.get("ARGMAP_MERMAID_MODULES")
"""A folder whose ``node_modules`` hold ``mermaid`` (11) and ``jsdom``: then the charts
are also parsed by Mermaid itself (``npm install mermaid@11 jsdom`` in that folder)."""

PARSE = """
import { JSDOM } from 'jsdom';
import fs from 'fs';
const dom = new JSDOM('<!DOCTYPE html><body></body>');
globalThis.window = dom.window;
globalThis.document = dom.window.document;
const { default: mermaid } = await import('mermaid');
mermaid.initialize({ startOnLoad: false });
const out = [];
for (const file of process.argv.slice(2)) {
  const text = fs.readFileSync(file, 'utf8');
  try {
    await mermaid.parse(text);
    const db = (await mermaid.mermaidAPI.getDiagramFromText(text)).db;
    const vertices = {};
    for (const [id, v] of db.getVertices()) vertices[id] = v.text;
    const edges = db.getEdges().map(e => [e.start, e.end]);
    out.push({ ok: true, vertices, edges });
  } catch (e) {
    out.push({ ok: false, error: String(e.message || e) });
  }
}
console.log(JSON.stringify(out));
"""


def shown_by_mermaid(text: str) -> str:
    """A vertex's text as Mermaid holds it, its entity placeholders and HTML decoded."""
    text = re.sub(r"</?small>|</?b>|</?i>", "", re.sub(r"<br\s*/?>", "\n", text))
    text = text.replace("\ufb02\u00b0\u00b0", "&#").replace("\ufb02\u00b0", "&")
    return html.unescape(text.replace("\u00b6\u00df", ";"))


@pytest.mark.skipif(not MERMAID, reason="set ARGMAP_MERMAID_MODULES to parse with Mermaid")
def test_mermaid_itself_parses_hostile_charts(tmp_path: pathlib.Path) -> None:
    charts: list[str] = []

    @settings(max_examples=150, deadline=None, database=None)
    @given(hostile_maps())
    def collect(m: ArgumentMap) -> None:
        charts.append(mermaid.dumps(m))

    collect()
    charts += [mermaid.dumps(native.load(case)) for case in sorted(GOLDEN.glob("*.argmap.json"))]
    files = []
    for number, chart in enumerate(charts):
        files.append(tmp_path / f"{number}.mmd")
        files[-1].write_text(chart, encoding="utf-8")
    script = pathlib.Path(str(MERMAID)) / "argmap-parse.mjs"
    script.write_text(PARSE, encoding="utf-8")
    run = subprocess.run(
        ["node", str(script), *map(str, files)], capture_output=True, text=True, check=True
    )
    for chart, parsed in zip(charts, json.loads(run.stdout), strict=True):
        assert parsed["ok"], (parsed["error"], chart)
        labels = validate(chart)
        assert set(parsed["vertices"]) == set(labels)
        for name, label in labels.items():
            shown = shown_by_mermaid(parsed["vertices"][name])
            assert shown.strip() == decode(label).strip()  # Mermaid trims a label
        lines = [line.split() for line in chart.split("\n") if EDGE.match(line)]
        assert [tuple(edge) for edge in parsed["edges"]] == [(a, b) for a, _, b in lines]
