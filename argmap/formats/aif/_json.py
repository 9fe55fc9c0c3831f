"""Reading AIF, first steps: JSON text to a document, and every node and edge checked
(types, texts, ids, ends), each fault at its JSON path.

Part of :mod:`argmap.formats.aif`, which re-exports the public names.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Set
from typing import Any

from argmap.errors import FormatError
from argmap.formats._io import (
    JsonIssue,
    JsonPath,
    Lines,
    parse_json,
)
from argmap.formats.aif._graph import _NOT_PREMISE_SIDE, NODE_TYPES, Flavour, _Edge, _Graph, _Node

# -- reading: JSON text to document --------------------------------------------------------


def _json_type(value: Any) -> str:
    """How a JSON value's type is named in messages."""
    if isinstance(value, bool):
        return "true/false"
    names = {dict: "an object", list: "a list", str: "a string", int: "a number"}
    return names.get(type(value), "a number" if isinstance(value, float) else "null")


def _parse(text: str, path: str | None) -> Any:
    """The parsed JSON of ``text``; syntax errors become FormatErrors with their position."""
    if not text or text.isspace():  # as ``not text.strip()``, without copying the text
        raise FormatError(
            "the file is empty",
            path=path,
            line=1,
            column=1,
            expected="an AIF JSON object",
            code="empty-file",
        )
    try:
        return parse_json(text, path)
    except json.JSONDecodeError as error:
        raise FormatError(
            f"invalid JSON: {error.msg}",
            path=path,
            line=error.lineno,
            column=error.colno,
            code="invalid-json",
        ) from None
    except RecursionError:
        line, column = Lines(text).at(_deepest(text))
        raise FormatError(
            "JSON nested too deeply to read",
            path=path,
            line=line,
            column=column,
            code="too-deep",
        ) from None


def _deepest(text: str) -> int:
    """The offset of the first bracket at the deepest nesting level (strings skipped)."""
    depth = best = where = 0
    in_string = escaped = False
    for offset, char in enumerate(text):
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            if depth > best:
                best, where = depth, offset
        elif char in "]}":
            depth -= 1
    return where


def _container(document: Any) -> tuple[Flavour, JsonPath, dict[str, Any]] | JsonIssue:
    """The flavour and the object holding ``nodes`` and ``edges``, or why there is none."""
    if not isinstance(document, dict):
        return JsonIssue(
            "invalid-field",
            f"expected a JSON object, got {_json_type(document)}",
            (),
            expected="an AIF JSON object",
        )
    if "AIF" in document:
        inner = document["AIF"]
        if not isinstance(inner, dict):
            return JsonIssue(
                "invalid-field",
                f"$.AIF: expected an object, got {_json_type(inner)}",
                ("AIF",),
                expected='an object with "nodes" and "edges"',
            )
        return "xaif", ("AIF",), inner
    if "nodes" in document or "edges" in document:
        return "aifdb", (), document
    return JsonIssue(
        "not-aif",
        "a JSON object without AIF nodes and edges",
        (),
        expected='"nodes" and "edges" (AIFdb) or "AIF" (xAIF)',
    )


# -- reading: checking nodes and edges ---------------------------------------------------


def _id_of(value: Any) -> str | None:
    """A node or edge id as a string: JSON strings and integers qualify, nothing else."""
    if isinstance(value, str) and value:
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return None


def _where(base: JsonPath, key: str, index: int) -> str:
    """``$.AIF.nodes[3]``: the JSON path of an item, as messages show it."""
    return "$" + "".join(f".{step}" for step in base) + f".{key}[{index}]"


def _items(
    container: dict[str, Any], key: str, base: JsonPath, issues: list[JsonIssue]
) -> list[Any]:
    """The list under ``key`` ("nodes" or "edges"), or an issue if it is missing or no list."""
    if key not in container:
        where = "$" + "".join(f".{step}" for step in base)
        issues.append(
            JsonIssue(
                "missing-field", f'{where}: missing "{key}"', base, expected=f"a list of {key}"
            )
        )
        return []
    value = container[key]
    if not isinstance(value, list):
        issues.append(
            JsonIssue(
                "invalid-field",
                f"${''.join(f'.{step}' for step in base)}.{key}: expected a list of {key}, "
                f"got {_json_type(value)}",
                (*base, key),
                expected=f"a list of {key}",
            )
        )
        return []
    return value


_NODE_TYPE_SET = frozenset(NODE_TYPES)
_S_NODE_TYPES = frozenset({"RA", "MA", "CA", "PA"})
"""The S-nodes of the argument layer: the ones checked for a missing side and modelled."""


def _read_graph(container: dict[str, Any], base: JsonPath, issues: list[JsonIssue]) -> _Graph:
    """Every valid node, and every valid edge between valid nodes that the argument layer
    may use (see :class:`_Graph`), indexed as they are read; invalid ones and repeated
    ids become issues.

    A valid node or edge passes one quick test (inlined: a file has many); only an invalid
    one is diagnosed in detail.
    """
    graph = _Graph()
    types = graph.types
    clean = True
    for index, raw in enumerate(_items(container, "nodes", base, issues)):
        if isinstance(raw, dict):
            id, type, text = raw.get("nodeID"), raw.get("type"), raw.get("text")
            if id.__class__ is int:  # not a bool: its class is bool
                id = str(id)
            if (
                id.__class__ is str
                and id
                and type.__class__ is str
                and type in _NODE_TYPE_SET
                and (text.__class__ is str or ("text" not in raw and type != "I"))
            ):
                if id in types:
                    issues.append(
                        JsonIssue(
                            "duplicate-id",
                            f"{_where(base, 'nodes', index)}: the nodeID {id!r} is used twice",
                            (*base, "nodes", index, "nodeID"),
                            (id,),
                            "unique nodeIDs",
                        )
                    )
                    continue
                types[id] = type
                if type == "I":
                    graph.i_nodes.append(_Node(id, type, raw, index))
                elif type in _S_NODE_TYPES:
                    graph.s_nodes.append(_Node(id, type, raw, index))
                continue
        clean = False
        _node_issues(raw, index, base, issues)
    # the ids written on nodes, valid or not: an edge to a node already reported as
    # invalid is not reported again as naming an unknown node
    named: Set[str] = types.keys() if clean else _named(container)
    edges, incoming, outgoing = graph.edges, graph.incoming, graph.outgoing
    for index, raw in enumerate(_items(container, "edges", base, issues)):
        if isinstance(raw, dict):
            source: Any = raw.get("fromID")
            target: Any = raw.get("toID")
            edge_id: Any = raw.get("edgeID", 0)
            if source.__class__ is int:
                source = str(source)
            if target.__class__ is int:
                target = str(target)
            # both ends valid nodes (a string id is one if it has a type), a sane edgeID
            source_type = types.get(source) if source.__class__ is str else None
            target_type = types.get(target) if target.__class__ is str else None
            if (
                source_type is not None
                and target_type is not None
                and ((edge_id.__class__ is str and edge_id) or edge_id.__class__ is int)
            ):
                into_s, out_of_s = target_type in _S_NODE_TYPES, source_type in _S_NODE_TYPES
                if into_s or out_of_s or (source_type == "I" and target_type == "I"):
                    edge = _Edge(source, target, raw, index)
                    edges.append(edge)
                    if into_s:
                        incoming.setdefault(target, []).append(edge)
                    if out_of_s:
                        outgoing.setdefault(source, []).append(edge)
                continue
        # an invalid edge, or one naming a node that was itself invalid (no second issue)
        read = _edge_issues(raw, index, base, named, issues)
        if read is not None and read[0] in types and read[1] in types:
            _add_edge(graph, str(read[0]), str(read[1]), read[2], index)
    return graph


def _add_edge(graph: _Graph, source: str, target: str, raw: dict[str, Any], index: int) -> None:
    """Keep a valid edge if the argument layer may use it: one that starts or ends at an
    S-node (indexed there), or an I -> I edge (as the loop of :func:`_read_graph` does
    inline). The dialogue layer's edges are only carried, straight from the file."""
    source_type, target_type = graph.types[source], graph.types[target]
    into_s, out_of_s = target_type in _S_NODE_TYPES, source_type in _S_NODE_TYPES
    if into_s or out_of_s or (source_type == "I" and target_type == "I"):
        edge = _Edge(source, target, raw, index)
        graph.edges.append(edge)
        if into_s:
            graph.incoming.setdefault(target, []).append(edge)
        if out_of_s:
            graph.outgoing.setdefault(source, []).append(edge)


_ONE_OF_TYPES = "one of " + ", ".join(NODE_TYPES)


def _node_issues(raw: Any, index: int, base: JsonPath, issues: list[JsonIssue]) -> None:
    """Everything wrong with an invalid node, each with its JSON path."""
    where, path = _where(base, "nodes", index), (*base, "nodes", index)
    if not isinstance(raw, dict):
        message = f"{where}: a node is {_json_type(raw)}"
        issues.append(JsonIssue("invalid-field", message, path, (), "an object"))
        return
    if "nodeID" not in raw:
        issues.append(
            JsonIssue("missing-field", f'{where}: missing "nodeID"', path, (), "a nodeID")
        )
    elif _id_of(raw["nodeID"]) is None:
        message = f"{where}.nodeID: {_json_type(raw['nodeID'])} is not an id"
        expected = "a non-empty string or an integer"
        issues.append(JsonIssue("invalid-field", message, (*path, "nodeID"), (), expected))
    issues.extend(_type_and_text_issues(raw, where, path))


def _type_and_text_issues(raw: dict[str, Any], where: str, path: JsonPath) -> list[JsonIssue]:
    """A missing or unknown ``type``; a ``text`` that is no string, or missing on an I-node."""
    found = []
    type = raw.get("type")
    if "type" not in raw:
        found.append(
            JsonIssue("missing-field", f'{where}: missing "type"', path, (), _ONE_OF_TYPES)
        )
    elif type not in NODE_TYPES:
        shown = json.dumps(type) if isinstance(type, str) else _json_type(type)
        message = f"{where}.type: unknown node type {shown}"
        found.append(JsonIssue("unknown-node-type", message, (*path, "type"), (), _ONE_OF_TYPES))
    if "text" in raw and not isinstance(raw["text"], str):
        message = f"{where}.text: expected a string, got {_json_type(raw['text'])}"
        found.append(JsonIssue("invalid-field", message, (*path, "text"), (), "a string"))
    elif type == "I" and "text" not in raw:
        message = f'{where}: an I-node without "text"'
        found.append(JsonIssue("missing-field", message, path, (), "a string"))
    return found


def _end(
    raw: dict[str, Any], key: str, path: JsonPath, named: Set[str], issues: list[JsonIssue]
) -> str | None:
    """The node id under ``key`` ("fromID"/"toID") of an edge, or None with an issue.

    An id written on a node that was itself invalid gives None without a second issue.
    """
    where = "$" + "".join(f"[{step}]" if isinstance(step, int) else f".{step}" for step in path)
    id = _id_of(raw.get(key))
    if key not in raw:
        issues.append(JsonIssue("missing-field", f'{where}: missing "{key}"', path, (), "a nodeID"))
    elif id is None:
        message = f"{where}.{key}: {_json_type(raw[key])} is not an id"
        issues.append(JsonIssue("invalid-field", message, (*path, key), (), "a nodeID"))
    elif id not in named:
        message = f"{where}.{key}: no node has the id {id!r}"
        expected = "the nodeID of a node in this file"
        issues.append(JsonIssue("unknown-reference", message, (*path, key), (id,), expected))
    else:
        return id
    return None


def _edge_issues(
    raw: Any, index: int, base: JsonPath, named: Set[str], issues: list[JsonIssue]
) -> tuple[str | None, str | None, dict[str, Any]] | None:
    """Everything wrong with an invalid edge, each with its JSON path."""
    where, path = _where(base, "edges", index), (*base, "edges", index)
    if not isinstance(raw, dict):
        issues.append(
            JsonIssue(
                "invalid-field", f"{where}: an edge is {_json_type(raw)}", path, (), "an object"
            )
        )
        return None
    if "edgeID" in raw and _id_of(raw["edgeID"]) is None:
        issues.append(
            JsonIssue(
                "invalid-field",
                f"{where}.edgeID: {_json_type(raw['edgeID'])} is not an id",
                (*path, "edgeID"),
                expected="a non-empty string or an integer",
            )
        )
    return _end(raw, "fromID", path, named, issues), _end(raw, "toID", path, named, issues), raw


_MISSING_SIDE: Mapping[str, tuple[str, str, str, str]] = {
    "RA": ("no-premises", "no premise", "no-conclusion", "no conclusion"),
    "MA": ("no-premises", "no premise", "no-conclusion", "no conclusion"),
    "CA": ("no-source", "no source", "no-target", "no target"),
    "PA": ("no-source", "no source", "no-target", "no target"),
}


def _dangling(graph: _Graph, base: JsonPath) -> list[JsonIssue]:
    """S-nodes with nothing on one side, unless a YA-node anchors them in a dialogue."""
    types, outgoing = graph.types, graph.outgoing
    issues: list[JsonIssue] = []
    for node in graph.s_nodes:
        into = graph.into(node.id)
        if node.id in outgoing and any(types[e.source] not in _NOT_PREMISE_SIDE for e in into):
            continue  # both sides present: the common case, decided without a call
        if not any(types[e.source] == "YA" for e in into):
            issues.extend(_missing_sides(graph, node, base))
    return issues


def _missing_sides(graph: _Graph, node: _Node, base: JsonPath) -> list[JsonIssue]:
    """An issue for each side of an S-node without edges: premise/source, conclusion/target.

    Anchors (YA), attacks (CA) and preferences (PA) leading into it do not count.
    """
    into = [e for e in graph.into(node.id) if graph.type(e.source) not in _NOT_PREMISE_SIDE]
    in_code, in_words, out_code, out_words = _MISSING_SIDE[node.type]
    path, ids = (*base, "nodes", node.index), (node.id,)
    issues = []
    if not into:
        message = f"the {node.type}-node {node.id!r} has {in_words}: no edge leads into it"
        issues.append(JsonIssue(in_code, message, path, ids, "an edge from an I-node"))
    if not graph.out_of(node.id):
        message = f"the {node.type}-node {node.id!r} has {out_words}: no edge leaves it"
        issues.append(JsonIssue(out_code, message, path, ids, "an edge to an I-node"))
    return issues


def _named(container: Mapping[str, Any]) -> set[str]:
    """Every id written as a nodeID in the container, whether its node is valid or not."""
    nodes = container.get("nodes")
    if not isinstance(nodes, list):
        return set()
    return {id for raw in nodes if isinstance(raw, dict) and (id := _id_of(raw.get("nodeID")))}
