"""One self-contained, interactive HTML page for a map: diagram, source, check, what-if.

:func:`to_html` writes a single HTML document that needs nothing beside it (no network
request, no CDN; a Content-Security-Policy forbids any), so it opens from a USB stick:

* the Graphviz SVG of the map (:func:`argmap.to_dot`), with pan (drag), zoom (wheel,
  ``+``/``-``) and a "fit" button; it fits the window on open;
* the source text (``source=``, else ``map.source``) with every located quote
  highlighted, coloured by the statement's theme (its first tag) and role; clicking a
  node marks and scrolls to its quote, clicking a quote marks its node; nodes and quotes
  are reachable with Tab and activated with Enter; a search box marks matching
  statements and quotes;
* the check report (:func:`argmap.check`), each problem linking to its nodes, and per
  statement its speaker, stance and open critical questions;
* the evaluation: grounded labels (:func:`argmap.evaluate`) and DF-QuAD strengths
  (:func:`argmap.strengths`), with a what-if control (open / accept / reject) on every
  statement that recolours the map live and updates each thesis' explanation
  (:func:`argmap.explain`) and its cruxes of one statement (:func:`argmap.cruxes`).

**How the page computes.** Python precomputes the structures, embedded as JSON in a
``<script type="application/json">``: the Dung framework of :func:`argmap.translate`
(without a position) and the QBAF of :func:`argmap.strengths.to_qbaf` (without
``fixed``), both by integer positions. The page's script (``argmap/_page/page.js``) is
a small port of three published methods, applied exactly as the Python applies them:

* the grounded labelling (P. M. Dung, AIJ 77, 1995; the queue algorithm of Modgil &
  Caminada, "Proof theories and algorithms for abstract argumentation frameworks",
  2009), a position clamping accepted statements ``in`` and rejected ones ``out`` -
  what :func:`argmap.translate` does by cutting the attacks on an accepted statement
  and adding an unattacked attacker to a rejected one;
* DF-QuAD (Rago, Toni, Aurisicchio & Baroni, KR 2016) with ``fixed`` as in
  :func:`argmap.strengths.to_qbaf` (base 1 or 0, incoming relations cut), in Kahn's
  topological order, and on cycles by the same route as :mod:`argmap.gradual`:
  Tarjan's components, Runge-Kutta on Potyka's dynamics (KR 2018) with the same step,
  tolerance and stall test, so that the floating-point operations are the same ones;
* the trace of :func:`argmap.explain` (its sentences, word for word) and the cruxes of
  :func:`argmap.cruxes` (minimal positions of one or two statements that change a
  thesis' label; one only when more than 40 statements reach it), by one grounded
  labelling per candidate position, on top of the position the controls set.

Strengths are shown with 4 decimals, rounded as Python's ``format(x, ".4f")`` rounds
(to nearest, ties to even). The tests drive the page in Chromium and hold every label,
strength, explanation and crux equal to the Python on generated maps.

**The page's contract** (for tests that drive it): every statement's SVG node carries
``data-id``, ``data-label`` (``in``, ``out``, ``undecided``) and ``data-strength``;
inference junctions carry ``data-inference``; every quote span ``data-quote-of``; the
marked ones ``aria-current="true"``; every statement has a
``<select data-position-of="ID">`` with options ``open``, ``accept``, ``reject``. Nodes
are found by the names Graphviz writes in each node's ``<title>`` (``s1``, ``s2``, ...
for statements in map order, ``i1``, ... for inferences, as :func:`argmap.to_dot`
names them); the SVG is post-processed, :mod:`argmap.dot` is not changed.
"""

from __future__ import annotations

import html
import importlib.resources
import itertools
import json
import os
import pathlib
import re
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from argmap._files import refuse_inputs as _refuse_inputs
from argmap._files import write_atomically
from argmap._wording import VERB as _VERB
from argmap._wording import node_text as _text
from argmap._wording import quoted as _quoted
from argmap.check import check
from argmap.dot import Theme, pipe, to_dot
from argmap.errors import ArgmapError, ConvergenceError, MapError
from argmap.model import ArgumentMap, Quote, short_repr, text_faults
from argmap.report import Problem, Report
from argmap.semantics import Label, evaluate, translate
from argmap.strengths import strengths, to_qbaf

__all__ = ["LARGE", "format_strength", "to_html", "write_html"]

_CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
    "img-src data:; base-uri 'none'; form-action 'none'"
)
LARGE = 300
"""Maps with more statements are laid out without staggered leaves (``Theme.stagger``
1), which on a 1,000-statement map makes Graphviz's layout several times faster."""
DEFAULT_THEME = Theme()
_THEMES = 8
"""Quotes are coloured by their statement's first tag, with this many colours in turn."""


def _asset(name: str) -> str:
    return importlib.resources.files("argmap").joinpath("_page", name).read_text("utf-8")


_SCRIPT = _asset("page.js")
_STYLE = _asset("page.css")


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _json(data: object) -> str:
    """JSON safe inside ``<script>``: ASCII only (so U+2028/2029 and lone surrogates are
    escapes) and no ``<``, ``>`` or ``&`` (so no ``</script>`` nor ``<!--``)."""
    text = json.dumps(data, ensure_ascii=True, separators=(",", ":"), allow_nan=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def format_strength(value: float) -> str:
    """A strength as the page shows it: 4 decimals, Python's rounding."""
    return f"{value:.4f}"


# -- the data the page's script computes from --------------------------------------------


def _evaluation_data(map: ArgumentMap) -> dict[str, Any]:
    """The framework and QBAF by positions, and the texts the explanations quote.

    Raises :class:`~argmap.errors.MapError` when the map cannot be evaluated."""
    ids = [*map.statements, *map.inferences, *map.conflicts]
    index = {id: n for n, id in enumerate(ids)}
    framework = translate(map)
    arg = {name: n for n, name in enumerate(framework.arguments)}
    attackers: list[list[int]] = [[] for _ in framework.arguments]
    for a, b in sorted(framework.attacks, key=lambda pair: (arg[pair[1]], arg[pair[0]])):
        attackers[arg[b]].append(arg[a])
    reasons: list[list[int]] = [[] for _ in map.statements]
    for inference in map.inferences.values():
        reasons[index[inference.conclusion]].append(index[inference.id])
    attacks_on: list[list[int]] = [[] for _ in ids]
    for conflict in map.conflicts.values():
        attacks_on[index[conflict.target]].append(index[conflict.id])

    def text(id: str) -> str:  # as argmap.explain names a node
        return _text(map, id)

    conflicts = list(map.conflicts.values())
    return {
        "af": {"n": len(framework.arguments), "att": attackers},
        "arg": [arg.get(id, -1) for id in ids],
        "source": [index[c.source] for c in conflicts],
        "premises": [
            [index[p] for p in dict.fromkeys(i.premises)] for i in map.inferences.values()
        ],
        "reasons": reasons,
        "attacksOn": attacks_on,
        "q": [_quoted(text(id), id) for id in ids],
        "qsrc": [_quoted(text(c.id), c.source or None) for c in conflicts],
        "qid": [_quoted("", c.id) for c in conflicts],
        "verb": _VERB,
        "qbaf": _qbaf_data(map),
    }


def _qbaf_data(map: ArgumentMap) -> dict[str, Any]:
    """The QBAF of :func:`argmap.strengths.to_qbaf` by positions, each argument's
    attackers and supporters in the order :mod:`argmap.gradual` aggregates them; or why
    there is none (``failed``: a base score that is not a number in [0, 1])."""
    try:
        qbaf = to_qbaf(map)
    except MapError as error:
        return {"failed": "; ".join(p.message for p in error.problems)}
    qpos = {name: n for n, name in enumerate(qbaf.arguments)}
    q_att: list[list[int]] = [[] for _ in qbaf.arguments]
    q_sup: list[list[int]] = [[] for _ in qbaf.arguments]
    for a, b in qbaf.attacks:
        q_att[qpos[b]].append(qpos[a])
    for a, b in qbaf.supports:
        q_sup[qpos[b]].append(qpos[a])
    return {
        "base": [qbaf.base[name] for name in qbaf.arguments],
        "att": q_att,
        "sup": q_sup,
        "pos": [qpos[id] for id in [*map.statements, *map.inferences]],
    }


# -- the diagram -------------------------------------------------------------------------

_NODE = re.compile(r'<g id="(node\d+)" class="node">\s*<title>([^<]*)</title>')


def _layout_theme(map: ArgumentMap, theme: Theme) -> Theme:
    if len(map.statements) > LARGE and "stagger" in attrs.fields_dict(Theme):
        return attrs.evolve(theme, stagger=1)
    return theme


def _svg(
    map: ArgumentMap, labels: Mapping[str, Label], shown: Mapping[str, str], theme: Theme
) -> tuple[str, str]:
    """The diagram as inline SVG with the page's attributes on its nodes, and why there
    is none ("" when there is one)."""
    if not map.statements:
        return "", "the map has no statements to draw"
    try:
        digraph = to_dot(map, legend=False, theme=_layout_theme(map, theme))
        svg = pipe(digraph, "svg").decode("utf-8")
    except ArgmapError as error:
        return "", str(error)
    start = svg.find("<svg")
    svg = svg[start:]
    names = {f"s{n}": id for n, id in enumerate(map.statements, 1)}
    inferences = {f"i{n}": id for n, id in enumerate(map.inferences, 1)}

    def attributes(match: re.Match[str]) -> str:
        name = html.unescape(match.group(2))
        if name in names:
            id = names[name]
            extra = f' data-id="{_e(id)}" tabindex="0" role="button"'
            extra += f' aria-label="{_e("statement " + id)}"'
            if id in labels:
                extra += f' data-label="{labels[id]}" data-strength="{shown.get(id, "")}"'
        elif name in inferences:
            extra = f' data-inference="{_e(inferences[name])}"'
        else:
            extra = ""
        return match.group(0).replace('class="node"', f'class="node"{extra}', 1)

    svg = _NODE.sub(attributes, svg)
    svg = re.sub(r'<svg width="[^"]*" height="[^"]*"', '<svg class="diagram"', svg, count=1)
    return svg, ""


# -- the source with its quotes ------------------------------------------------------------


def _spans(map: ArgumentMap, source: str) -> tuple[dict[str, tuple[int, int]], list[str]]:
    """Where each statement's quote is in ``source`` (checked, else searched), and the
    statements whose quote is not in it."""
    found: dict[str, tuple[int, int]] = {}
    missing: list[str] = []
    for statement in map.statements.values():
        quote = statement.quote
        if quote is None or not quote.text:
            continue
        if not (quote.located and quote.matches(source)):
            quote = Quote.find(quote.text, source)
        if quote.start is not None and quote.end is not None and quote.start < quote.end:
            found[statement.id] = (quote.start, quote.end)
        else:
            missing.append(statement.id)
    return found, missing


def _source_html(
    map: ArgumentMap, source: str, spans: Mapping[str, tuple[int, int]], themes: Mapping[str, int]
) -> str:
    """The source text, each quote a ``<span data-quote-of>``; where quotes overlap, the
    text is cut at every boundary and each piece wrapped once per covering quote."""
    cuts = sorted({0, len(source), *(p for span in spans.values() for p in span)})
    order = sorted(spans, key=lambda id: (spans[id][0], -spans[id][1]))
    roles = _roles(map)
    parts: list[str] = []
    for a, b in itertools.pairwise(cuts):
        covering = [id for id in order if spans[id][0] <= a and b <= spans[id][1]]
        piece = _e(source[a:b])
        for id in reversed(covering):
            cls = f"q t{themes[id]} {roles[id]}"
            piece = f'<span class="{cls}" data-quote-of="{_e(id)}" tabindex="0">{piece}</span>'
        parts.append(piece)
    return "".join(parts)


def _roles(map: ArgumentMap) -> dict[str, str]:
    theses = set(map.theses)
    roles: dict[str, str] = {}
    for id in map.statements:
        kinds = map.roles(id)
        roles[id] = (
            "thesis"
            if id in theses
            else "claim"
            if "claim" in kinds
            else "counterpoint"
            if "counterpoint" in kinds
            else "premise"
        )
    return roles


def _themes(map: ArgumentMap) -> dict[str, int]:
    tags: dict[str, int] = {}
    for statement in map.statements.values():
        if statement.tags:
            tags.setdefault(statement.tags[0], len(tags))
    return {
        id: tags[s.tags[0]] % _THEMES if s.tags else _THEMES for id, s in map.statements.items()
    }


# -- the page ----------------------------------------------------------------------------


def _select(id: str) -> str:
    options = "".join(f'<option value="{v}">{v}</option>' for v in ("open", "accept", "reject"))
    return (
        f'<select data-position-of="{_e(id)}" aria-label="{_e("position on " + id)}">'
        f"{options}</select>"
    )


def _problem_html(problem: Problem) -> str:
    links = " ".join(
        f'<a href="#" class="goto" data-goto="{_e(id)}">{_e(id)}</a>' for id in problem.ids
    )
    return (
        f'<li class="problem {problem.severity}" data-code="{_e(problem.code)}">'
        f'<span class="sev">{_e(problem.severity)}</span> <code>{_e(problem.code)}</code> '
        f"{_e(problem.message)} {links}</li>"
    )


def to_html(
    map: ArgumentMap,
    *,
    source: str | None = None,
    title: str | None = None,
    theme: Theme = DEFAULT_THEME,
) -> str:
    """The interactive page of ``map`` as one self-contained HTML document (see the
    module docstring for what it shows and how it computes).

    ``source`` is the text the quotes point into (default: ``map.source``); without
    one the page has no source pane and says that the quotes are unchecked. ``title``
    defaults to the map's; ``theme`` is :func:`argmap.to_dot`'s (the page colours
    nodes by label itself; maps of more than :data:`LARGE` statements are drawn without
    staggered leaves, for speed). The same map and options always give the same bytes. A map
    that cannot be evaluated (broken references) gets a page with its check report
    and no evaluation; without Graphviz (or ``argmap[wasm]``) the page says why it has
    no diagram.

    Raises :class:`~argmap.errors.MapError` for a ``map`` that is not an
    :class:`~argmap.ArgumentMap` or a ``source`` or ``title`` that is not a string
    (or holds a lone surrogate, which no HTML file can encode).
    """
    problems = []
    if not isinstance(map, ArgumentMap):
        message = f"expected an ArgumentMap, got {short_repr(map)}."
        problems.append(Problem("invalid-value", "error", (), message))
    for name, value in (("source", source), ("title", title)):
        if value is not None:
            for fault in text_faults(value):
                problems.append(Problem("invalid-value", "error", (), f"{name} is {fault}."))
    if not isinstance(theme, Theme):
        message = f"theme is {short_repr(theme)}, not an argmap.dot.Theme."
        problems.append(Problem("invalid-value", "error", (), message))
    if problems:
        raise MapError(problems)
    text = source if source is not None else map.source
    heading = title if title is not None else (map.title or "Argument map")
    labels: dict[str, Label] = {}
    shown: dict[str, str] = {}
    evaluation: dict[str, Any] | None = None
    why_not = ""
    try:
        evaluation = _evaluation_data(map)
        labels = dict(evaluate(map).labels)
    except MapError as error:
        why_not = "; ".join(p.message for p in error.problems) or "the map cannot be evaluated"
    if evaluation is not None and "failed" not in evaluation["qbaf"]:
        try:
            computed = strengths(map)
            shown = {id: format_strength(computed[id]) for id in map.statements}
        except ConvergenceError:  # a cycle that does not settle: no strengths (the page agrees)
            pass
    spans, missing = _spans(map, text) if text is not None else ({}, [])
    svg, no_svg = _svg(map, labels, shown, theme)
    ids = [*map.statements, *map.inferences, *map.conflicts]
    data = {
        "ids": ids,
        "ns": len(map.statements),
        "ni": len(map.inferences),
        "theses": [ids.index(t) for t in dict.fromkeys(map.theses) if t in map.statements],
        "sorted": sorted(range(len(map.statements)), key=lambda n: ids[n]),
        "evaluation": evaluation,
    }
    report = check(map)
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="en"><head><meta charset="utf-8">',
            f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            '<meta name="generator" content="argmap">',
            f"<title>{_e(heading)}</title>",
            f"<style>{_STYLE}</style></head><body>",
            _header(heading),
            "<main>",
            '<section id="diagram" aria-label="diagram" tabindex="0">',
            svg if svg else f'<p class="note">No diagram: {_e(no_svg)}</p>',
            '</section><aside id="panes">',
            _evaluation_section(map, evaluation, why_not),
            _source_section(map, text, spans, missing),
            _statements_section(map, labels, shown, spans, report, text, evaluation is not None),
            f'<section id="report"><h2>Check: {_e(report.summary())}</h2><ul>',
            *(_problem_html(p) for p in report.problems),
            "</ul></section></aside></main>",
            f'<script type="application/json" id="argmap-data">{_json(data)}</script>',
            f"<script>{_SCRIPT}</script></body></html>",
        ]
    )


def _header(heading: str) -> str:
    return (
        f'<header><h1 id="page-title">{_e(heading)}</h1>'
        '<input type="search" id="search" placeholder="Search statements and source"'
        ' aria-label="search statements and source">'
        '<span id="search-count" aria-live="polite"></span>'
        '<button type="button" id="fit" title="fit the diagram to the window">fit</button>'
        '<button type="button" id="reset" title="every statement open">reset what-if</button>'
        '<span class="legend"><span class="sw in"></span>in <span class="sw out"></span>out '
        '<span class="sw undecided"></span>undecided</span></header>'
    )


def _evaluation_section(map: ArgumentMap, evaluation: dict[str, Any] | None, why_not: str) -> str:
    """Each thesis with its verdict, and the places the script fills with its
    explanation and cruxes."""
    out = ['<section id="evaluation"><h2>Evaluation</h2>']
    if evaluation is None:
        out.append(f'<p class="note">No evaluation: {_e(why_not)}</p></section>')
        return "".join(out)
    out.append(
        '<p class="note">Grounded labels (Dung 1995) and DF-QuAD strengths '
        "(Rago et al. 2016); set a statement to accept or reject to see what changes.</p>"
    )
    failed = evaluation["qbaf"].get("failed")
    if failed:
        out.append(f'<p class="note">No strengths: {_e(failed)}</p>')
    out.append(
        '<p class="note" id="no-strengths" hidden>No strengths: a cycle of the map does not '
        "settle under DF-QuAD with this position.</p>"
    )
    if not map.theses:
        out.append('<p class="note">The map has no thesis.</p>')
    for thesis in dict.fromkeys(map.theses):
        if thesis in map.statements:
            out.append(
                f'<div class="thesis" data-thesis="{_e(thesis)}"><h3>Thesis '
                f'<a href="#" class="goto" data-goto="{_e(thesis)}">{_e(thesis)}</a>: '
                f'<span class="verdict" data-verdict-of="{_e(thesis)}"></span></h3>'
                f"<p>{_e(map.statements[thesis].text)}</p>"
                f'<h4>Why</h4><div class="explanation" data-explanation-of="{_e(thesis)}"></div>'
                "<h4>Cruxes: what it stands or falls with</h4>"
                f'<ul class="cruxes" data-cruxes-of="{_e(thesis)}"></ul></div>'
            )
    out.append("</section>")
    return "".join(out)


def _source_section(
    map: ArgumentMap,
    text: str | None,
    spans: Mapping[str, tuple[int, int]],
    missing: list[str],
) -> str:
    if text is None:
        return (
            '<section id="source"><h2>Source</h2>'
            '<p class="note">No source text: quotes unchecked.</p></section>'
        )
    note = ""
    if missing:
        note = (
            f'<p class="note">{len(missing)} quote(s) not found in the source: '
            f"{_e(', '.join(missing))}</p>"
        )
    body = _source_html(map, text, spans, _themes(map))
    return (
        f'<section id="source"><h2>Source</h2>{note}'
        f'<div class="text" id="source-text">{body}</div></section>'
    )


def _statements_section(
    map: ArgumentMap,
    labels: Mapping[str, Label],
    shown: Mapping[str, str],
    spans: Mapping[str, tuple[int, int]],
    report: Report,
    text: str | None,
    controls: bool,
) -> str:
    """One row per statement: id, role, speaker, stance, tags, label, strength, its
    what-if control, its text, an unplaced quote, the open critical questions of the
    reasons for it."""
    roles = _roles(map)
    questions: dict[str, list[str]] = {}
    for problem in report.of("open-critical-question"):
        for id in problem.ids:
            if id in map.inferences:
                questions.setdefault(map.inferences[id].conclusion, []).append(problem.message)
    out = [f'<section id="statements"><h2>Statements ({len(map.statements)})</h2><ol>']
    for id, statement in map.statements.items():
        said = []
        if statement.speaker:
            said.append(f'<span class="speaker">{_e(statement.speaker)}</span>')
        if statement.stance != "asserted":
            said.append(f'<span class="stance">{_e(statement.stance)}</span>')
        if statement.tags:
            said.append(f'<span class="tag">{_e(", ".join(statement.tags))}</span>')
        quote = ""
        if statement.quote is not None and id not in spans:
            where = "not found in the source" if text is not None else "unchecked"
            quote = f"<blockquote>{_e(statement.quote.text)} ({where})</blockquote>"
        open_ = "".join(f"<li>{_e(q)}</li>" for q in questions.get(id, []))
        label, strength = labels.get(id, ""), shown.get(id, "")
        out.append(
            f'<li class="statement {roles[id]}" data-statement="{_e(id)}" '
            f'data-label="{label}" data-strength="{strength}">'
            f'<div class="row"><a href="#" class="goto" data-goto="{_e(id)}">{_e(id)}</a> '
            f'<span class="role">{roles[id]}</span> {" ".join(said)} '
            f'<span class="lab">{label}</span> <span class="str">{strength}</span> '
            f"{_select(id) if controls else ''}</div>"
            f'<div class="text">{_e(statement.text)}</div>{quote}'
            + (f'<ul class="cq" title="open critical questions">{open_}</ul>' if open_ else "")
            + "</li>"
        )
    out.append("</ol></section>")
    return "".join(out)


def write_html(
    map: ArgumentMap,
    path: str | os.PathLike[str],
    *,
    source: str | None = None,
    title: str | None = None,
    theme: Theme = DEFAULT_THEME,
    inputs: Iterable[str | os.PathLike[str]] = (),
) -> pathlib.Path:
    """Write :func:`to_html`'s page to ``path`` (UTF-8), never half-way and never over
    one of ``inputs`` (the files the map was read from, as :func:`argmap.render`);
    returns the path."""
    target = pathlib.Path(path)
    inputs = tuple(inputs)
    _refuse_inputs(target, inputs)
    write_atomically(
        target, to_html(map, source=source, title=title, theme=theme).encode("utf-8"), inputs=inputs
    )
    return target
