"""Argdown's map view as a Graphviz diagram: what ``argdown map`` draws.

An Argdown file is usually read as a debate between *arguments*; its own map shows
argument nodes and the statements that take part in relations outside arguments,
sections as nested groups (nodes filled with the colour the front matter's
``color.tagColors`` gives their first coloured tag, as Argdown fills them), and
support, attack, undercut, contrary, contradictory and entails edges
(:func:`argmap.formats.argdown.json.map_view` computes which). This module draws
exactly those nodes and edges, with argmap's escaping and colours, so that
``argmap render debate.argdown`` shows what Argdown users expect.
"""

from __future__ import annotations

import os
import pathlib
from collections.abc import Iterable
from typing import Any

import graphviz

from argmap.dot import Theme, html_line, html_text, wrap, write_digraph
from argmap.formats.argdown.json import map_view
from argmap.model import ArgumentMap

__all__ = ["render", "to_dot"]

_EDGE_STYLE: dict[str, dict[str, str]] = {
    "support": {"color": "support"},
    "entails": {"color": "support", "style": "bold"},
    "attack": {"color": "conflict"},
    "undercut": {"color": "conflict", "style": "dashed"},
    "contrary": {"color": "conflict", "dir": "both", "arrowhead": "dot", "arrowtail": "dot"},
    "contradictory": {"color": "conflict", "dir": "both"},
}


def _label(node: dict[str, Any], theme: Theme) -> str:
    title = f"<B>{html_line(node['title'])}</B>"
    text = node.get("labelText") or ""
    lines = [html_text(line) for line in wrap(text, theme.wrap) if line]
    return "<" + '<BR ALIGN="LEFT"/>'.join([title, *lines]) + '<BR ALIGN="LEFT"/>>'


def _node(target: graphviz.Digraph, node: dict[str, Any], theme: Theme) -> None:
    argument = node["type"] == "argument"
    target.node(
        node["id"],
        _label(node, theme),
        shape="box",
        style="rounded,filled" if argument else "filled",
        fillcolor=node.get("color") or ("#e3f2fd" if argument else theme.statement_fill),
        color="#1565c0" if argument else "#455a64",
        margin="0.12,0.06",
        **{"class": node["type"]},
    )


def to_dot(map: ArgumentMap, *, theme: Theme = Theme()) -> graphviz.Digraph:  # noqa: B008
    """The Argdown map view of ``map`` (read from an Argdown file) as a Digraph."""
    view = map_view(map)
    dot = graphviz.Digraph("argdown")
    dot.attr(rankdir=theme.rankdir, fontname=theme.font, compound="true")
    if map.title:
        dot.attr(label=f"<<B>{html_line(map.title)}</B>>", labelloc="t")
    dot.attr("node", fontname=theme.font, fontsize=f"{theme.font_size:g}")
    groups = {group["id"]: group for group in view["groups"]}
    members: dict[str | None, list[dict[str, Any]]] = {}
    for node in view["nodes"]:
        members.setdefault(node.get("group"), []).append(node)
    children: dict[str | None, list[str]] = {}
    for group in view["groups"]:
        children.setdefault(group.get("parent"), []).append(group["id"])

    def draw(target: graphviz.Digraph, group_id: str | None) -> None:
        for node in members.get(group_id, []):
            _node(target, node, theme)
        for child in children.get(group_id, []):
            cluster = graphviz.Digraph(f"cluster_{child}")
            cluster.attr(
                label=f"<<I>{html_line(groups[child]['title'])}</I>>",
                style="rounded,filled",
                fillcolor=theme.cluster_fill,
                color="#b0bec5",
            )
            draw(cluster, child)
            target.subgraph(cluster)

    draw(dot, None)
    colours = {"support": theme.support, "conflict": theme.conflict}
    for edge in view["edges"]:
        style = dict(_EDGE_STYLE.get(edge["type"], {"color": "conflict"}))
        style["color"] = colours[style["color"]]
        dot.edge(edge["fromNode"], edge["toNode"], **style, **{"class": edge["type"]})
    return dot


def render(
    map: ArgumentMap,
    path: str | os.PathLike[str],
    *,
    format: str | None = None,
    theme: Theme = Theme(),  # noqa: B008
    inputs: Iterable[str | os.PathLike[str]] = (),
) -> pathlib.Path:
    """Draw Argdown's view of ``map`` (:func:`to_dot`) to ``path``, as
    :func:`argmap.render` draws argmap's: svg, png, pdf or dot from the suffix unless
    ``format`` says, written atomically, never over one of ``inputs``. What
    ``argmap render FILE -o OUT --view argdown`` does."""
    return write_digraph(to_dot(map, theme=theme), path, format=format, inputs=inputs)
