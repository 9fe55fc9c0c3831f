"""Rich display in Jupyter (and short reprs) for maps, reports, evaluations and what-ifs.

The classes carry one-line ``_repr_*_`` methods that ask :mod:`argmap._hooks` for the
functions here, which this module registers when it is imported (``argmap/__init__.py``
imports it): so the model stays free of rendering logic and imports nothing that imports
it back. Every function here returns a string and never raises: a
repr that fails would hide the very object the user wanted to see. All user text
goes through :func:`html.escape`.

* :class:`~argmap.ArgumentMap`: its diagram as SVG (``image/svg+xml``), drawn by
  Graphviz's ``dot`` or, without it, by its WebAssembly build (``argmap[wasm]``);
  when neither is there, or the map is too large to draw inline, an HTML summary
  table saying why, which marks speakers, stances, schemes, implicit relations and
  raised critical questions as diagrams do.
  :func:`map_page` gives the interactive page (:mod:`argmap.page`) in an
  ``<iframe>``, for ``ArgumentMap._repr_html_``.
* :class:`~argmap.Report`: an HTML list of the problems, severities in colour.
* :class:`~argmap.Evaluation`: an HTML table of the labels, coloured as in diagrams.
* :class:`~argmap.WhatIf`: an HTML table of the changes.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from argmap import _hooks, dot
from argmap.dot import Theme, scheme_name
from argmap.errors import RenderError
from argmap.page import to_html

if TYPE_CHECKING:
    from argmap.model import ArgumentMap, Statement
    from argmap.report import Problem, Report
    from argmap.semantics import Evaluation
    from argmap.whatif import WhatIf

__all__ = [
    "DRAW_LIMIT",
    "ROW_LIMIT",
    "evaluation_html",
    "evaluation_repr",
    "map_html",
    "map_mimebundle",
    "map_page",
    "map_svg",
    "report_html",
    "report_repr",
    "whatif_html",
    "whatif_repr",
]

DRAW_LIMIT = 400
"""Maps with more nodes (statements, inferences and conflicts) are not drawn inline:
laying them out would hold the notebook up. ``argmap.render`` still draws them."""

ROW_LIMIT = 200
"""Tables show at most this many rows, then say how many more there are."""

SEVERITY_COLOURS = {"error": "#c62828", "warning": "#ef6c00", "info": "#1565c0"}
_THEME = Theme()
LABEL_COLOURS = {
    "in": _THEME.accepted_fill,
    "out": _THEME.rejected_fill,
    "undecided": _THEME.undecided_fill,
}

_TABLE = 'style="border-collapse:collapse;text-align:left"'
_CELL = 'style="padding:2px 8px;text-align:left;vertical-align:top"'


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _guarded(build: Callable[[], str], fallback: Callable[[], str]) -> str:
    """``build()``, or ``fallback()`` if it raises (a repr must never raise)."""
    try:
        return build()
    except Exception:  # display must not fail, whatever went wrong
        try:
            return fallback()
        except Exception:
            return "<argmap object>"


def _pre(obj: object) -> Callable[[], str]:
    return lambda: f"<pre>{_e(repr(obj))}</pre>"


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def _more(total: int, shown: int, what: str) -> str:
    if total <= shown:
        return ""
    return f"<p><i>… and {total - shown} more {_e(what)}</i></p>"


def _rows(cells: Iterable[Iterable[str]]) -> str:
    return "".join(
        "<tr>" + "".join(f"<td {_CELL}>{cell}</td>" for cell in row) + "</tr>" for row in cells
    )


def _head(*names: str) -> str:
    return "<thead><tr>" + "".join(f"<th {_CELL}>{_e(n)}</th>" for n in names) + "</tr></thead>"


def _badge(text: str, background: str, colour: str = "#000") -> str:
    return (
        f'<span style="background:{background};color:{colour};border-radius:3px;'
        f'padding:0 5px;white-space:nowrap">{_e(text)}</span>'
    )


# -- ArgumentMap ---------------------------------------------------------------------


def map_svg(map: ArgumentMap) -> str:
    """The diagram of ``map`` as an SVG document (from ``<svg``), rendered in memory.

    Raises :class:`~argmap.RenderError` when neither Graphviz nor its WebAssembly
    build is available, when the map is too large to draw inline or empty, and when
    Graphviz fails.
    """
    size = len(map.statements) + len(map.inferences) + len(map.conflicts)
    if not map.statements:
        raise RenderError("the map has no statements to draw")
    if size > DRAW_LIMIT:
        raise RenderError(
            f"the map has {size} nodes, too many to draw inline (over {DRAW_LIMIT}): "
            "argmap.render(map, 'map.svg') draws it to a file"
        )
    svg = dot.pipe(dot.to_dot(map), "svg").decode("utf-8")  # looked up here: tests patch them
    start = svg.find("<svg")
    return svg[start:] if start >= 0 else svg


def map_mimebundle(map: ArgumentMap) -> dict[str, str]:
    """Jupyter's display of ``map``: the interactive page (:func:`map_page`, which
    Jupyter shows first) with its SVG diagram beside it (for viewers that run no
    script, such as a notebook rendered on a website); else an HTML summary table."""
    plain = _guarded(lambda: repr(map), lambda: object.__repr__(map))
    try:
        svg = map_svg(map)
        return {"text/html": map_page(map), "image/svg+xml": svg, "text/plain": plain}
    except Exception as error:  # a repr must never raise
        reason = str(error) or type(error).__name__
    return {"text/html": map_html(map, reason=reason), "text/plain": plain}


def map_page(map: ArgumentMap, *, height: int = 640) -> str:
    """The interactive page of ``map`` (:func:`argmap.page.to_html`: diagram, source,
    check report, live what-if) in a sandboxed ``<iframe srcdoc>``, so that its script
    and style stay out of the notebook's; the page's own Content-Security-Policy
    forbids any request. Maps over :data:`DRAW_LIMIT` nodes, and any failure, give the
    summary table of :func:`map_html` instead, saying why."""

    def build() -> str:
        size = len(map.statements) + len(map.inferences) + len(map.conflicts)
        if size > DRAW_LIMIT:
            reason = (
                f"the map has {size} nodes, too many to show inline (over {DRAW_LIMIT}): "
                "argmap.page.write_html(map, 'map.html') writes the page to a file"
            )
            return map_html(map, reason=reason)
        page = to_html(map)
        return (
            f'<iframe class="argmap-page" sandbox="allow-scripts" srcdoc="{_e(page)}" '
            f'style="width:100%;height:{int(height)}px;border:1px solid #cfd8dc" '
            f'title="{_e(map.title or "argument map")}"></iframe>'
        )

    def fallback() -> str:
        return map_html(map, reason="the interactive page could not be made")

    return _guarded(build, fallback)


def map_html(map: ArgumentMap, *, reason: str | None = None) -> str:
    """An HTML summary of ``map``: counts, statements (id, roles, text) and relations;
    ``reason`` says why there is no diagram."""
    return _guarded(lambda: _map_html(map, reason), _pre(map))


def _map_html(map: ArgumentMap, reason: str | None) -> str:
    theses = set(map.theses)
    counts = ", ".join(
        [
            _plural(len(map.statements), "statement"),
            _plural(len(map.inferences), "inference"),
            _plural(len(map.conflicts), "conflict"),
        ]
    )
    parts = [
        '<div class="argmap-map">',
        f"<p><b>{_e(map.title) if map.title else '<i>untitled map</i>'}</b>: {counts}</p>",
    ]
    if reason:
        parts.append(f'<p style="color:#6d4c41"><small>No diagram: {_e(reason)}</small></p>')
    statements = list(map.statements.values())[:ROW_LIMIT]
    if statements:
        rows = []
        for statement in statements:
            roles: list[str] = sorted(map.roles(statement.id))
            if statement.id in theses:
                roles.insert(0, "thesis")
            text = _e(statement.text)
            if statement.stance == "reported":
                text = f"<i>{text}</i>"
            rows.append(
                [
                    f"<code>{_e(statement.id)}</code>",
                    _e(", ".join(roles) or "-"),
                    (f"<b>{text}</b>" if statement.id in theses else text) + _said(statement),
                ]
            )
        parts.append(f"<table {_TABLE}>{_head('id', 'role', 'text')}<tbody>")
        parts.append(_rows(rows) + "</tbody></table>")
        parts.append(_more(len(map.statements), len(statements), "statements"))
    relations = [
        f"<li>{' + '.join(f'<code>{_e(p)}</code>' for p in i.premises)} → "
        f"<code>{_e(i.conclusion)}</code> <small>({_details(i.id, _scheme(i.scheme), i.implicit)})"
        "</small></li>"
        for i in list(map.inferences.values())[:ROW_LIMIT]
    ]
    relations += [
        f"<li><code>{_e(c.source)}</code> ✗→ <code>{_e(c.target)}</code> "
        f"<small>({_details(c.id, _kind(map, c.id), c.implicit, c.question)})</small></li>"
        for c in list(map.conflicts.values())[:ROW_LIMIT]
    ]
    if relations:
        parts.append(f"<p>Relations:</p><ul>{''.join(relations)}</ul>")
        shown = min(len(map.inferences), ROW_LIMIT) + min(len(map.conflicts), ROW_LIMIT)
        parts.append(_more(len(map.inferences) + len(map.conflicts), shown, "relations"))
    parts.append("</div>")
    return "".join(parts)


def _said(statement: Statement) -> str:
    """Who holds ``statement`` and how the author stands to it, as a small caption
    (nothing for the author's own assertion), as diagrams show them."""
    parts: list[str] = [] if statement.stance == "asserted" else [statement.stance]
    if statement.speaker is not None:
        parts.insert(0, f"— {statement.speaker}")
    if not parts:
        return ""
    return f' <small style="color:{_THEME.speaker_colour}">{_e(", ".join(parts))}</small>'


def _scheme(scheme: str | None) -> str | None:
    return None if scheme is None else scheme_name(scheme)


def _details(id: str, what: str | None, implicit: bool, question: str | None = None) -> str:
    """A relation's id, scheme or kind, whether it is implicit and the critical
    question it raises, escaped and joined."""
    parts = [id, what, "implicit" if implicit else None]
    if question is not None:
        parts.append(f"raises {question}")
    return _e(", ".join(part for part in parts if part))


def _kind(map: ArgumentMap, conflict: str) -> str:
    try:
        return map.kind(conflict)
    except Exception:  # a broken map still displays
        return "conflict"


# -- Report --------------------------------------------------------------------------


def report_repr(report: Report) -> str:
    """``<Report ok: 2 warnings>``: the summary, not every problem."""
    return _guarded(lambda: f"<Report {report.summary()}>", lambda: "<Report>")


def report_html(report: Report) -> str:
    """The problems as an HTML list, each severity in its colour, then the summary."""
    return _guarded(lambda: _report_html(report), _pre(report))


def _problem_html(problem: Problem) -> str:
    colour = SEVERITY_COLOURS.get(problem.severity, "#455a64")
    where = str(problem.location) if problem.location is not None else ""
    ids = ", ".join(problem.ids)
    return (
        f'<li style="margin:2px 0">{_badge(problem.severity, colour, "#fff")} '
        f"<code>{_e(problem.code)}</code>: {_e(problem.message)}"
        + (f' <small style="color:#607d8b">at {_e(where)}</small>' if where else "")
        + (f' <small style="color:#607d8b">[{_e(ids)}]</small>' if ids else "")
        + "</li>"
    )


def _report_html(report: Report) -> str:
    colour = SEVERITY_COLOURS["error"] if not report.ok else _THEME.support
    problems = report.problems[:ROW_LIMIT]
    items = "".join(_problem_html(problem) for problem in problems)
    text = report.summary() if report.problems else "ok: no problems"
    summary = f'<p><b style="color:{colour}">{_e(text)}</b></p>'
    if not report.problems:
        return f'<div class="argmap-report">{summary}</div>'
    return (
        f'<div class="argmap-report"><ul style="list-style:none;padding-left:0">{items}</ul>'
        f"{_more(len(report.problems), len(problems), 'problems')}{summary}</div>"
    )


# -- Evaluation ----------------------------------------------------------------------


def _counts(evaluation: Evaluation) -> str:
    return ", ".join(f"{len(evaluation.of(label))} {label}" for label in ("in", "out", "undecided"))


def evaluation_repr(evaluation: Evaluation) -> str:
    """``<Evaluation grounded: 5 in, 1 out, 0 undecided; theses t=in>``."""

    def build() -> str:
        theses = [f"{t}={evaluation.labels.get(t, 'undecided')}" for t in evaluation.theses]
        shown = " ".join(theses[:3]) + (" …" if len(theses) > 3 else "")
        return (
            f"<Evaluation {evaluation.semantics}: {_counts(evaluation)}"
            + (f"; theses {shown}" if theses else "")
            + ">"
        )

    return _guarded(build, lambda: "<Evaluation>")


def evaluation_html(evaluation: Evaluation) -> str:
    """A table of every id and its label (theses first, in bold), coloured as in diagrams."""
    return _guarded(lambda: _evaluation_html(evaluation), _pre(evaluation))


def _label_cell(label: str) -> str:
    return _badge(label, LABEL_COLOURS.get(label, "#ffffff"))


def _evaluation_html(evaluation: Evaluation) -> str:
    theses = [id for id in evaluation.theses if id in evaluation.labels]
    order = [*theses, *(id for id in evaluation.labels if id not in set(theses))]
    shown = order[:ROW_LIMIT]
    rows = [
        [
            f"<b><code>{_e(id)}</code></b> <small>thesis</small>"
            if id in theses
            else f"<code>{_e(id)}</code>",
            _label_cell(evaluation.labels[id]),
        ]
        for id in shown
    ]
    extensions = _plural(evaluation.extensions, "extension")
    return (
        f'<div class="argmap-evaluation"><p><b>{_e(evaluation.semantics)} semantics</b> '
        f"({_e(extensions)}): {_e(_counts(evaluation))}</p>"
        f"<table {_TABLE}>{_head('id', 'label')}<tbody>{_rows(rows)}</tbody></table>"
        f"{_more(len(order), len(shown), 'ids')}</div>"
    )


# -- WhatIf --------------------------------------------------------------------------


def _question(whatif: WhatIf) -> str:
    return "what if " + " and ".join(
        [
            *(f"{id} is accepted" for id in whatif.accept),
            *(f"{id} is rejected" for id in whatif.reject),
        ]
    )


def whatif_repr(whatif: WhatIf) -> str:
    """``<WhatIf accept=['a'] reject=[]: 3 changes>``."""
    return _guarded(
        lambda: (
            f"<WhatIf accept={list(whatif.accept)!r} reject={list(whatif.reject)!r}: "
            f"{_plural(len(whatif.changes), 'change')}>"
        ),
        lambda: "<WhatIf>",
    )


def whatif_html(whatif: WhatIf) -> str:
    """The question, then a table of the changes: label before → after, strength and shift."""
    return _guarded(lambda: _whatif_html(whatif), _pre(whatif))


def _strength(value: float | None) -> str:
    return "" if value is None else f"{value:.3f}"


def _whatif_html(whatif: WhatIf) -> str:
    question = f"<p><b>{_e(_question(whatif))}?</b></p>"
    if not whatif.changes:
        return f'<div class="argmap-whatif">{question}<p>Nothing changes.</p></div>'
    changes = whatif.changes[:ROW_LIMIT]
    rows = [
        [
            f"<b><code>{_e(c.id)}</code></b> <small>thesis</small>"
            if c.thesis
            else f"<code>{_e(c.id)}</code>",
            f"{_label_cell(c.before)} → {_label_cell(c.after)}",
            f"{_strength(c.strength_before)} → {_strength(c.strength_after)}"
            if c.strength_before is not None and c.strength_after is not None
            else "",
            f"{c.shift:+.3f}" if c.strength_before is not None else "",
        ]
        for c in changes
    ]
    table = (
        f"<table {_TABLE}>{_head('statement', 'label', 'strength', 'shift')}"
        f"<tbody>{_rows(rows)}</tbody></table>"
    )
    more = _more(len(whatif.changes), len(changes), "changes")
    return f'<div class="argmap-whatif">{question}{table}{more}</div>'


for _hook in (
    map_mimebundle,
    report_repr,
    report_html,
    evaluation_repr,
    evaluation_html,
    whatif_repr,
    whatif_html,
):
    _hooks.register(_hook.__name__, _hook)
