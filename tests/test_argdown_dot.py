"""Argmap's diagram of an Argdown file has Argdown's own map nodes and edges."""

from __future__ import annotations

import json
import pathlib
from typing import Any

import pytest

from argmap.formats import load
from argmap.formats.argdown_dot import to_dot

from conftest import FIXTURES
from dotjson import layout
from dotjson import texts as drawn

NAMES = [
    "argdown-primer",
    "greenspan-schefczyk",
    "legalisation-softdrugs",
    "semmelweis-betz",
    "state-censorship",
]


def argdown_map(name: str) -> tuple[set[tuple[str, str]], set[tuple[str, str, str]]]:
    """(type, title) of every node and (from, to, type) of every edge in Argdown's map."""
    document = json.loads((FIXTURES / "argdown" / name / f"{name}.with-map.json").read_text())
    nodes: dict[str, tuple[str, str]] = {}

    def walk(items: list[dict[str, Any]]) -> None:
        for item in items:
            if item["type"] == "group-map-node":
                walk(item.get("children", []))
            else:
                nodes[item["id"]] = (item["type"].replace("-map-node", ""), item["title"])

    walk(document["map"]["nodes"])
    edges = {
        (nodes[e["from"]][1], nodes[e["to"]][1], e["relationType"])
        for e in document["map"]["edges"]
    }
    return set(nodes.values()), edges


@pytest.mark.dot
@pytest.mark.parametrize("name", NAMES)
def test_same_nodes_and_edges_as_argdown(name: str, fixtures: pathlib.Path) -> None:
    m = load(fixtures / "argdown" / name / f"{name}.argdown")
    laid_out = layout(to_dot(m).source)
    objects = [o for o in laid_out["objects"] if "class" in o]
    titles = {o["_gvid"]: drawn(o)[0] for o in objects}
    nodes = {(o["class"], drawn(o)[0]) for o in objects}
    edges = {(titles[e["tail"]], titles[e["head"]], e["class"]) for e in laid_out.get("edges", [])}
    expected_nodes, expected_edges = argdown_map(name)
    assert nodes == expected_nodes
    assert edges == expected_edges


def test_tag_colours_of_the_front_matter_fill_the_nodes() -> None:
    """``color.tagColors`` colours the nodes as Argdown does (the reported bug: ignored);
    a value that is no colour is not written into the DOT."""
    from argmap.formats import argdown
    from argmap.formats.argdown_dot import to_dot

    text = (
        "===\ncolor:\n  tagColors:\n    pro: '#1b9e77'\n    con: 'red\"];x'\n===\n\n"
        "[T]: Thesis. #pro\n  - [U]: Objection. #con\n"
    )
    source = to_dot(argdown.loads(text)).source
    assert 'fillcolor="#1b9e77"' in source
    assert 'red"];x' not in source
