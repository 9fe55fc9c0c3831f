"""The interactive page in a real browser: Debian's Chromium driven by Playwright.

The page's numbers must equal Python's for every combination of what-if controls:
these tests set the controls as a user does (``<select data-position-of>``) on
generated maps and compare every label, strength, explanation sentence and crux with
:func:`argmap.evaluate`, :func:`argmap.strengths`, :func:`argmap.explain` and
:func:`argmap.cruxes`. They also click nodes and quotes, use the keyboard and the
search box, and check that no request leaves the page and no script error occurs.
They skip, saying why, only when Chromium or Playwright is not installed.
"""

from __future__ import annotations

import itertools
import os
import pathlib
import shutil
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap import (
    ArgumentMap,
    ConvergenceError,
    MapBuilder,
    MapError,
    cruxes,
    evaluate,
    explain,
    strengths,
)
from argmap.page import format_strength, to_html
from argmap.strategies import argument_maps, positions

import turkey_s400

CHROMIUM = shutil.which("chromium")
playwright_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
pytestmark = [
    pytest.mark.skipif(
        CHROMIUM is None, reason="chromium is not installed (apt-get install chromium)"
    ),
    pytest.mark.skipif(not shutil.which("dot"), reason="Graphviz's 'dot' is not on PATH"),
]
ARTICLE = os.environ.get("ARGMAP_ARTICLE")


class Tab:
    """One Chromium page that records every request and every script error."""

    def __init__(self, page: Any, folder: pathlib.Path) -> None:
        self.page = page
        self.folder = folder
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.count = 0
        page.on("request", lambda request: self.requests.append(request.url))
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)

    def open(self, text: str) -> str:
        """Write ``text`` to a file, open it, wait for the script; returns the file's URL."""
        self.count += 1
        path = self.folder / f"page{self.count}.html"
        path.write_text(text, "utf-8")
        url = path.as_uri()
        self.requests.clear()
        self.page.goto(url)
        self.page.wait_for_selector("body[data-ready=true]", state="attached")
        return url

    def clean(self, url: str) -> None:
        """No request but the page itself, no script error."""
        assert self.requests == [url]
        assert self.errors == []

    def attr(self, selector: str, name: str) -> str | None:
        value: str | None = self.page.eval_on_selector(selector, f"e => e.getAttribute({name!r})")
        return value

    def nodes(self) -> dict[str, tuple[str, str]]:
        found: list[list[str]] = self.page.eval_on_selector_all(
            "[data-id]", "es => es.map(e => [e.dataset.id, e.dataset.label, e.dataset.strength])"
        )
        return {id: (label, strength) for id, label, strength in found}

    def current(self) -> list[str]:
        marked: list[str] = self.page.eval_on_selector_all(
            "[aria-current=true]",
            "es => es.map(e => (e.dataset.id !== undefined ? 'node:' + e.dataset.id : "
            "e.dataset.quoteOf !== undefined ? 'quote:' + e.dataset.quoteOf : "
            "'row:' + e.dataset.statement))",
        )
        return sorted(set(marked))


@pytest.fixture(scope="module")
def tab(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Tab]:
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        yield Tab(page, tmp_path_factory.mktemp("pages"))
        browser.close()


def css(id: str) -> str:
    """An id as a CSS string (for the S-400 map's plain ids)."""
    return '"' + id + '"'


def explanations(tab: Tab) -> dict[str, list[str]]:
    """Each thesis' explanation on the page, sentence by sentence."""
    found: list[tuple[str, list[str]]] = tab.page.eval_on_selector_all(
        "[data-explanation-of]",
        "es => es.map(e => [e.dataset.explanationOf, "
        "Array.from(e.querySelectorAll('.step')).map(s => s.textContent)])",
    )
    return dict(found)


def crux_lists(tab: Tab) -> dict[str, tuple[int, list[str]]]:
    """Each thesis' cruxes on the page ("accept A and reject B"), and the largest size
    the page searched."""
    found: list[tuple[str, str, list[str]]] = tab.page.eval_on_selector_all(
        "[data-cruxes-of]",
        "es => es.map(e => [e.dataset.cruxesOf, e.dataset.maxSize, "
        "Array.from(e.querySelectorAll('[data-crux]')).map(c => c.dataset.crux)])",
    )
    return {thesis: (int(size), items) for thesis, size, items in found}


def named(position: dict[str, bool]) -> str:
    return " and ".join(f"{'accept' if v else 'reject'} {id}" for id, v in position.items())


def set_position(tab: Tab, m: ArgumentMap, position: dict[str, bool]) -> None:
    """Set every statement's control as a user would."""
    selects = {
        handle.get_attribute("data-position-of"): handle
        for handle in tab.page.query_selector_all("select[data-position-of]")
    }
    assert set(selects) == set(m.statements)
    for id in m.statements:
        value = "open" if id not in position else "accept" if position[id] else "reject"
        if selects[id].input_value() != value:
            selects[id].select_option(value)


def s400() -> ArgumentMap:
    return turkey_s400.build_map(turkey_s400.read_article())


def test_s400_page_opens_clean_and_matches_python(tab: Tab, tmp_path: pathlib.Path) -> None:
    m = s400()
    url = tab.open(to_html(m))
    tab.clean(url)
    labels, values = evaluate(m).labels, strengths(m)
    assert tab.nodes() == {id: (labels[id], f"{values[id]:.4f}") for id in m.statements}
    # the thesis' explanation is explain()'s, sentence by sentence
    shown = tab.page.eval_on_selector_all(
        '[data-explanation-of="thesis"] .step', "es => es.map(e => e.textContent)"
    )
    assert shown == [step.sentence() for step in explain(m, "thesis").steps]
    size, found = crux_lists(tab)["thesis"]
    assert found == [named(c.position) for c in cruxes(m, max_size=size)]
    assert size == 2  # at most 40 statements reach the thesis: pairs are searched too
    assert any(" and " in crux for crux in found)
    tab.page.screenshot(path=str(tmp_path / "page.png"))
    assert (tmp_path / "page.png").read_bytes().startswith(b"\x89PNG")


def test_what_if_controls_recolour_the_map(tab: Tab) -> None:
    m = s400()
    url = tab.open(to_html(m))
    thesis = '[data-id="thesis"]'
    before = tab.attr(thesis, "data-label")
    [crux] = [c for c in cruxes(m, max_size=1) if c.reject][:1]
    [rejected] = crux.reject
    tab.page.select_option(f"select[data-position-of={css(rejected)}]", "reject")
    position = {rejected: False}
    assert tab.attr(thesis, "data-label") == evaluate(m, position=position).labels["thesis"]
    assert tab.attr(thesis, "data-label") != before
    assert tab.attr(f"[data-id={css(rejected)}]", "data-strength") == "0.0000"
    assert tab.nodes() == {
        id: (evaluate(m, position=position).labels[id], f"{strengths(m, fixed=position)[id]:.4f}")
        for id in m.statements
    }
    tab.page.click("#reset")
    assert tab.attr(thesis, "data-label") == before
    tab.clean(url)


@pytest.mark.skipif(ARTICLE is None, reason="$ARGMAP_ARTICLE is not set: no source pane")
def test_clicking_nodes_and_quotes_marks_both(tab: Tab) -> None:
    m = s400()
    url = tab.open(to_html(m))
    assert tab.page.locator("[data-quote-of]").count() >= len(m.statements) - 5
    tab.page.click('[data-id="thesis"]')
    assert tab.current() == ["node:thesis", "quote:thesis", "row:thesis"]
    quote = tab.page.locator('[data-quote-of="deal_agreed"]').first
    quote.click()
    assert tab.current() == ["node:deal_agreed", "quote:deal_agreed", "row:deal_agreed"]
    assert quote.is_visible()
    # the keyboard: focus a node, Enter marks it
    tab.page.focus('[data-id="strain_ties"]')
    tab.page.keyboard.press("Enter")
    assert "node:strain_ties" in tab.current()
    # the check report links to nodes
    tab.page.locator('#report [data-goto="claims_arg"]').first.click()
    assert tab.page.locator('[data-inference="claims_arg"]').get_attribute("aria-current") == "true"
    # search marks the matching statements and quotes
    tab.page.fill("#search", "S-400")
    assert tab.page.locator("li[data-match]").count() > 0
    assert tab.page.locator("[data-quote-of][data-match]").count() > 0
    tab.clean(url)


def test_pan_zoom_and_fit(tab: Tab) -> None:
    url = tab.open(to_html(s400()))
    svg = tab.page.locator("svg.diagram")
    home = svg.get_attribute("viewBox")
    box = svg.bounding_box()
    assert box is not None
    assert box["width"] > 500  # fills its pane: fitted on open
    tab.page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    tab.page.mouse.wheel(0, -300)
    zoomed = svg.get_attribute("viewBox")
    assert zoomed != home
    assert float(str(zoomed).split()[2]) < float(str(home).split()[2])
    tab.page.click("#fit")
    assert svg.get_attribute("viewBox") == home
    # zoomed in, a link to a node out of view pans the diagram to it
    tab.page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    for _ in range(8):
        tab.page.mouse.wheel(0, -300)
    pane = svg.bounding_box()
    assert pane is not None
    hidden: list[str] = tab.page.eval_on_selector_all(
        "[data-id]",
        """(es, p) => es.filter(e => { const r = e.getBoundingClientRect();
            const x = r.x + r.width / 2, y = r.y + r.height / 2;
            return x < p.x || x > p.x + p.width || y < p.y || y > p.y + p.height; })
          .map(e => e.dataset.id)""",
        pane,
    )
    assert hidden  # zoomed in, some nodes are out of view
    target = tab.page.locator(f'[data-id="{hidden[-1]}"]')
    tab.page.locator(f'#statements [data-goto="{hidden[-1]}"]').click()
    node = target.bounding_box()
    assert node is not None
    assert pane is not None
    assert pane["x"] <= node["x"] + node["width"] / 2 <= pane["x"] + pane["width"]
    assert pane["y"] <= node["y"] + node["height"] / 2 <= pane["y"] + pane["height"]
    assert target.get_attribute("aria-current") == "true"
    tab.clean(url)


def test_rounding_ties_as_python(tab: Tab) -> None:
    tab.open(to_html(s400()))
    for value in (0.03125, 0.09375, 0.15625, 0.5, 1 / 3, 0.99996, 0.00005, 1.0, 0.0):
        assert tab.page.evaluate(f"window.argmap.fmt4({value!r})") == format_strength(value)


@st.composite
def maps_and_positions(draw: st.DrawFn) -> tuple[ArgumentMap, list[dict[str, bool]]]:
    m = draw(
        st.one_of(
            argument_maps(max_statements=12),
            argument_maps(max_statements=9, consistent=False),
        )
    )
    return m, draw(st.lists(positions(m), min_size=1, max_size=2))


def python_view(
    m: ArgumentMap, position: dict[str, bool]
) -> tuple[dict[str, tuple[str, str]], dict[str, list[str]]]:
    labels = evaluate(m, position=position).labels
    try:
        values: dict[str, float] | None = strengths(m, fixed=position)
    except ConvergenceError:  # a cycle that does not settle: the page shows no strength
        values = None
    nodes = {id: (labels[id], format_strength(values[id]) if values else "") for id in m.statements}
    explanations = {
        t: [s.sentence() for s in explain(m, t, position=position).steps]
        for t in dict.fromkeys(m.theses)
    }
    return nodes, explanations


def brute_cruxes(m: ArgumentMap, thesis: str, position: dict[str, bool], size: int) -> list[str]:
    """The minimal positions of up to ``size`` more statements (not the thesis, none in
    ``position``) that change the thesis' label, found by evaluating every one, in the
    order of :func:`argmap.cruxes`."""
    before = evaluate(m, position=position).labels[thesis]
    free = sorted(id for id in m.statements if id != thesis and id not in position)
    found: list[dict[str, bool]] = []
    for n in range(1, size + 1):
        for ids in itertools.combinations(free, n):
            for values in itertools.product((True, False), repeat=n):
                extra = dict(zip(ids, values, strict=True))
                if any(all(extra.get(k) == v for k, v in f.items()) for f in found):
                    continue  # not minimal
                if evaluate(m, position={**position, **extra}).labels[thesis] != before:
                    found.append(extra)
    return [named(f) for f in found]


@settings(
    max_examples=int(os.environ.get("ARGMAP_PAGE_EXAMPLES", "20")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(maps_and_positions())
def test_page_equals_python_on_generated_maps(
    tab: Tab, case: tuple[ArgumentMap, list[dict[str, bool]]]
) -> None:
    m, chosen = case
    try:
        evaluate(m)
    except MapError:
        return  # broken references: no evaluation (test_page checks the page says so)
    url = tab.open(to_html(m))
    # at the open position the cruxes are argmap.cruxes'
    theses = list(dict.fromkeys(m.theses))
    shown = crux_lists(tab)
    assert set(shown) == set(theses)
    for thesis, (size, items) in shown.items():
        assert items == [named(c.position) for c in cruxes(m, thesis, max_size=size)]
    for position in chosen:
        set_position(tab, m, position)
        nodes, expected = python_view(m, position)
        assert tab.nodes() == nodes
        assert explanations(tab) == expected
        for thesis, (size, items) in crux_lists(tab).items():
            assert items == brute_cruxes(m, thesis, position, size)
    tab.clean(url)


def generated(size: int) -> ArgumentMap:
    """A map of ``size`` statements, each attached to an earlier one by support or attack."""
    b = MapBuilder(f"generated {size}")
    for n in range(size):
        b.claim(f"s{n}", f"Statement {n} says something worth arguing about.", thesis=n == 0)
        if n:
            target = f"s{(n * 7919) % n}"
            if n % 4 == 3:
                b.counter(target, f"s{n}")
            else:
                b.support(target, [f"s{n}"])
    return b.build()


def test_a_large_page_opens(tab: Tab) -> None:
    """A 1,000-statement page opens clean (how fast: ``benchmarks/bench_page.py``)."""
    m = generated(1000)
    url = tab.open(to_html(m))
    tab.clean(url)
    assert len(tab.nodes()) == 1000


def test_a_thesis_on_a_long_chain_opens_and_explains(tab: Tab) -> None:
    """A chain of 900 reasons once nested 1,800 lists in the explanation and crashed the
    browser; past 32 levels the steps now go on in one list, in the same order."""
    b = MapBuilder("chain")
    for n in range(900):
        b.claim(f"s{n}", f"Link {n}.", thesis=n == 0)
        if n:
            b.support(f"s{n - 1}", [f"s{n}"])
    m = b.build()
    url = tab.open(to_html(m))
    tab.clean(url)
    steps = explanations(tab)
    [sentences] = steps.values()
    assert sentences == [step.sentence() for step in explain(m, "s0").steps]


def test_cycles_settle_as_in_python(tab: Tab) -> None:
    """Circular support and a contradiction: DF-QuAD settles these cycles by Runge-Kutta,
    grounded semantics leaves them undecided; the page agrees with Python throughout."""
    b = MapBuilder("cycles")
    b.claim("t", "the thesis", thesis=True)
    b.claim("a", "a, because of b")
    b.claim("b", "b, because of a")
    b.support("t", ["a"])
    b.support("a", ["b"])
    b.support("b", ["a"])
    b.premise("x", "x")
    b.premise("y", "y")
    b.contradict("x", "y")
    b.counter("t", "x")
    b.support("t", ["y"])
    m = b.build()
    url = tab.open(to_html(m))
    for position in ({}, {"y": True}, {"a": False}, {"x": True, "b": True}):
        set_position(tab, m, position)
        nodes, expected = python_view(m, position)
        assert tab.nodes() == nodes
        assert explanations(tab) == expected
    assert {label for label, _ in python_view(m, {})[0].values()} == {"undecided"}
    tab.clean(url)


def test_clicking_works_without_the_article(tab: Tab) -> None:
    """A map holding its own source: quotes and nodes mark each other, ids need escaping."""
    text = 'Cats purr. Dogs "bark" loudly.'
    b = MapBuilder("pets", source=text)
    b.claim('a "b"', "cats purr", quote="Cats purr", thesis=True)
    b.premise("d\\e", "dogs bark", quote='Dogs "bark" loudly')
    b.support('a "b"', ["d\\e"])
    url = tab.open(to_html(b.build()))
    tab.page.locator("[data-quote-of]").nth(1).click()
    assert tab.current() == ["node:d\\e", "quote:d\\e", "row:d\\e"]
    tab.page.locator("g[data-id]").first.click()
    assert tab.current()[0].startswith("node:")
    assert len(tab.current()) == 3
    tab.page.keyboard.press("Tab")
    tab.clean(url)
