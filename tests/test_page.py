"""The interactive HTML page, without a browser: structure, the contract's attributes
and their values, escaping, determinism, the embedded data the JavaScript port reads
(tests/test_page_browser.py drives the page itself in Chromium)."""

from __future__ import annotations

import html
import json
import pathlib
import re
import shutil
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap import (
    ArgumentMap,
    ConvergenceError,
    FormatError,
    MapBuilder,
    MapError,
    Statement,
    _display,
    evaluate,
    strengths,
)
from argmap.page import format_strength, to_html, write_html
from argmap.semantics import translate
from argmap.strategies import argument_maps

import turkey_s400

needs_dot = pytest.mark.skipif(not shutil.which("dot"), reason="Graphviz's 'dot' is not on PATH")

NASTY = "</script><script>alert(1)</script> <!-- & \u2028\u2029 \"quoted\" 'single' ]]>"


class Page(HTMLParser):
    """The elements of a page as a browser's parser reads them: tags with attributes,
    the text of every <script>."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self._script: dict[str, str | None] | None = None
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))
        if tag == "script":
            self._script = dict(attrs)
            self.scripts.append((self._script, ""))

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            attrs, text = self.scripts[-1]
            self.scripts[-1] = (attrs, text + data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._script = None

    def with_attr(self, name: str) -> list[tuple[str, dict[str, str | None]]]:
        return [(tag, attrs) for tag, attrs in self.elements if name in attrs]

    def data(self) -> dict[str, object]:
        [(_, text)] = [(a, t) for a, t in self.scripts if a.get("type") == "application/json"]
        loaded: dict[str, object] = json.loads(text)
        return loaded


def nasty_map() -> ArgumentMap:
    b = MapBuilder(NASTY, source=f"The source says {NASTY} and more.")
    b.claim(NASTY, NASTY, thesis=True, quote=NASTY, speaker=NASTY, tags=[NASTY])
    b.premise("p&<>", "a reason " + NASTY)
    b.support(NASTY, ["p&<>"])
    b.premise("x", "x")
    b.counter("p&<>", "x")
    return b.build()


def s400() -> ArgumentMap:
    return turkey_s400.build_map()


@needs_dot
def test_contract_attributes_on_the_s400_map() -> None:
    m = s400()
    page = Page(to_html(m))
    nodes = {attrs["data-id"]: attrs for tag, attrs in page.with_attr("data-id")}
    assert len(page.with_attr("data-id")) == len(m.statements)  # one node per statement
    assert set(nodes) == set(m.statements)
    assert all(page.with_attr("data-id")[n][0] == "g" for n in range(len(nodes)))
    labels = evaluate(m).labels
    values = strengths(m)
    for id, attrs in nodes.items():
        assert attrs["data-label"] == labels[id]
        assert attrs["data-strength"] == f"{values[id]:.4f}"
    selects = [attrs["data-position-of"] for tag, attrs in page.with_attr("data-position-of")]
    assert selects == list(m.statements)
    options = [attrs.get("value") for tag, attrs in page.elements if tag == "option"]
    assert options == ["open", "accept", "reject"] * len(m.statements)
    inferences = {attrs["data-inference"] for tag, attrs in page.with_attr("data-inference")}
    assert inferences == set(m.inferences)
    # without the article there is no source pane: the quotes are unchecked
    assert not page.with_attr("data-quote-of")
    assert "quotes unchecked" in to_html(m)


def test_quotes_are_spans_of_the_source() -> None:
    b = MapBuilder("q", source="Cats purr. Dogs bark loudly. Birds sing.")
    b.claim("c", "cats purr", quote="Cats purr", thesis=True)
    b.premise("d", "dogs bark", quote="Dogs bark loudly")
    b.premise("e", "dogs bark (inner)", quote="bark")  # nested in d's quote
    b.premise("f", "not there", quote="Fish swim")
    b.support("c", ["d", "e"])
    b.support("c", ["f"])
    m = b.build()
    text = to_html(m)
    page = Page(text)
    quoted = [attrs["data-quote-of"] for tag, attrs in page.with_attr("data-quote-of")]
    assert quoted == ["c", "d", "d", "e", "d"]  # d is cut around e, e nested inside
    assert "1 quote(s) not found in the source: f" in text
    # a source given as an argument is searched for the quotes
    other = to_html(ArgumentMap(title="t", statements=[Statement("a", "a", quote=None)]))
    assert "quotes unchecked" in other
    given_source = Page(to_html(m, source="Here: Dogs bark loudly."))
    assert [a["data-quote-of"] for t, a in given_source.with_attr("data-quote-of")] == [
        "d",
        "d",
        "e",
        "d",
    ]


@needs_dot
def test_every_user_string_is_escaped() -> None:
    m = nasty_map()
    text = to_html(m)
    page = Page(text)
    assert len(page.scripts) == 2  # the data and the script: nothing injected
    data = page.data()
    assert data["ids"] == [*m.statements, *m.inferences, *m.conflicts]
    assert "\u2028" not in page.scripts[0][1]
    assert "\u2029" not in page.scripts[0][1]
    assert "</script" not in page.scripts[0][1].lower()
    assert {a["data-id"] for t, a in page.with_attr("data-id")} == set(m.statements)
    assert {a["data-quote-of"] for t, a in page.with_attr("data-quote-of")} == {NASTY}
    assert html.escape(NASTY, quote=True) in text  # shown as text, in the statement list
    assert "<script>alert" not in text


def test_no_request_can_leave_the_page() -> None:
    text = to_html(nasty_map())
    page = Page(text)
    [csp] = [a for t, a in page.elements if t == "meta" and a.get("http-equiv")]
    assert "default-src 'none'" in str(csp["content"])
    for tag, attrs in page.elements:
        assert tag not in ("link", "img", "iframe", "object", "embed")
        assert "src" not in attrs
        href = attrs.get("href")
        assert href in (None, "#"), href
    assert "@import" not in text
    assert "url(" not in text


@settings(max_examples=25, deadline=None)
@given(argument_maps(max_statements=12, consistent=False))
def test_deterministic_and_labels_equal_python(m: ArgumentMap) -> None:
    first = to_html(m)
    assert first == to_html(m)
    page = Page(first)
    data = page.data()
    rows = {a["data-statement"]: a for t, a in page.with_attr("data-statement")}
    assert list(rows) == list(m.statements)
    if data["evaluation"] is None:  # broken references: no evaluation, and the page says so
        with pytest.raises(MapError):
            evaluate(m)
        assert "No evaluation" in first
        return
    labels = evaluate(m).labels
    try:
        values: dict[str, float] | None = strengths(m)
    except (ConvergenceError, MapError):  # a cycle that does not settle, a bad base score
        values = None
    for id, attrs in rows.items():
        assert attrs["data-label"] == labels[id]
        assert attrs["data-strength"] == (format_strength(values[id]) if values else "")


@settings(max_examples=25, deadline=None)
@given(argument_maps(max_statements=12, consistent=False))
def test_the_embedded_framework_is_translate(m: ArgumentMap) -> None:
    data = Page(to_html(m)).data()
    evaluation = data["evaluation"]
    if evaluation is None:
        return
    assert isinstance(evaluation, dict)
    framework = translate(m)
    names = framework.arguments
    attacks = {(names[a], names[b]) for b, atts in enumerate(evaluation["af"]["att"]) for a in atts}
    assert attacks == set(framework.attacks)
    ids = data["ids"]
    assert isinstance(ids, list)
    for k, id in enumerate(ids):
        position = evaluation["arg"][k]
        assert (names[position] == id) if position >= 0 else id in m.conflicts


def test_strengths_are_formatted_as_python_does() -> None:
    assert format_strength(0.03125) == "0.0312"  # a tie: to even
    assert format_strength(0.09375) == "0.0938"
    assert format_strength(1.0) == "1.0000"


def test_refuses_what_is_not_a_map() -> None:
    with pytest.raises(MapError) as error:
        to_html("not a map")  # type: ignore[arg-type]
    assert error.value.problems[0].code == "invalid-value"
    with pytest.raises(MapError):
        to_html(nasty_map(), source=3)  # type: ignore[arg-type]
    with pytest.raises(MapError):
        to_html(nasty_map(), source="lone \ud800 surrogate")


def test_write_html(tmp_path: pathlib.Path) -> None:
    m = nasty_map()
    target = write_html(m, tmp_path / "page.html", title="T & <b>")
    assert target.read_text("utf-8") == to_html(m, title="T & <b>")
    assert "<title>T &amp; &lt;b&gt;</title>" in target.read_text("utf-8")
    source = tmp_path / "map.json"
    source.write_text("{}")
    with pytest.raises(FormatError):
        write_html(m, source, inputs=[source])
    assert source.read_text() == "{}"


@given(st.text(max_size=30))
@settings(max_examples=30, deadline=None)
def test_any_title_stays_text(title: str) -> None:
    title = re.sub("[\ud800-\udfff]", "", title)
    m = ArgumentMap(title="t", statements=[Statement("a", "a")])
    page = Page(to_html(m, title=title))
    assert len(page.scripts) == 2


def test_jupyter_shows_the_same_page_in_an_iframe() -> None:
    m = nasty_map()
    shown = _display.map_page(m)
    page = Page(shown)
    [(tag, attrs)] = page.elements
    assert tag == "iframe"
    assert attrs["sandbox"] == "allow-scripts"
    assert attrs["srcdoc"] == to_html(m)  # the same page, escaped into the attribute
    b = MapBuilder("big")
    for n in range(_display.DRAW_LIMIT + 1):
        b.claim(f"s{n}", "a claim", thesis=n == 0)
    table = _display.map_page(b.build())
    assert "too many to show inline" in table
    assert "<iframe" not in table
