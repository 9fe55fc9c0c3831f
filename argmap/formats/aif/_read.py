"""Reading AIF: the argument layer to the model (statements, inferences, conflicts, kept
extras), the positions of nodes in the text, and :func:`loads`/:func:`load`.

Part of :mod:`argmap.formats.aif`, which re-exports the public names.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Mapping, Sequence, Set
from typing import Any

import attrs

from argmap.errors import FormatError, MapError
from argmap.formats._io import (
    JsonIssue,
    JsonPath,
    Lines,
    PathLike,
    control_problem,
    json_items,
    json_offset,
    line_columns,
    may_hold_controls,
    raise_at_paths,
    read_text,
)
from argmap.formats.aif._dialogue import Attribution, _attributions
from argmap.formats.aif._graph import (
    _ARGUMENT_LAYER,
    _NODE_ID,
    EXTRA_KEY,
    Flavour,
    _Built,
    _Edge,
    _Graph,
    _Node,
    _scheme_of,
)
from argmap.formats.aif._json import (
    _S_NODE_TYPES,
    _container,
    _dangling,
    _deepest,
    _id_of,
    _parse,
    _read_graph,
    _where,
)
from argmap.model import (
    CONFLICT_KINDS,
    ArgumentMap,
    Conflict,
    Inference,
    Statement,
)
from argmap.report import Location, Problem

# -- reading: the argument layer to the model --------------------------------------------


_I_KEYS = frozenset({"text", "type"})
_I_KEYS_AND_ID = _I_KEYS | {"nodeID"}
_NO_KEYS: frozenset[str] = frozenset()
_ID_KEY = frozenset({"nodeID"})


def _stored(raw: Mapping[str, Any], drop: frozenset[str] = _NO_KEYS) -> dict[str, Any]:
    """The keys of a node the model does not hold; an integer nodeID stays to be restored."""
    if isinstance(raw.get("nodeID"), str):
        skip = _I_KEYS_AND_ID if drop is _I_KEYS else drop | _ID_KEY
    else:
        skip = drop
    return {key: value for key, value in raw.items() if key not in skip}


def _statement(node: _Node, attribution: Attribution | None) -> Statement:
    """An I-node as a statement; its other keys (timestamp...) in ``data["aif"]["node"]``;
    its speaker and stance from the dialogue layer's anchors."""
    extras = _stored(node.raw, _I_KEYS)
    speaker, stance = attribution or (None, "asserted")
    data = {"aif": {"node": extras}} if extras else {}
    return Statement(node.id, node.raw["text"], data=data, speaker=speaker, stance=stance)


def _inference_extras(value: Any) -> dict[str, Any] | None:
    """``slots`` and ``implicit`` from an RA/MA node's ``argmap`` key; None if malformed
    (then the key is kept with the node's other keys, as any unknown key is)."""
    if not isinstance(value, Mapping) or not set(value) <= {"slots", "implicit"}:
        return None
    slots, implicit = value.get("slots", {}), value.get("implicit", False)
    if not isinstance(slots, Mapping) or not isinstance(implicit, bool):
        return None
    if not all(isinstance(k, str) and isinstance(v, str) for k, v in slots.items()):
        return None
    return {"slots": dict(slots), "implicit": implicit}


def _conflict_extras(value: Any) -> dict[str, Any] | None:
    """``kind``, ``question`` and ``implicit`` from a CA node's ``argmap`` key; None if
    malformed (then kept with the node's other keys)."""
    if not isinstance(value, Mapping) or not set(value) <= {"kind", "question", "implicit"}:
        return None
    kind, question = value.get("kind"), value.get("question")
    implicit = value.get("implicit", False)
    if kind is not None and kind not in CONFLICT_KINDS:
        return None
    if (question is not None and not isinstance(question, str)) or not isinstance(implicit, bool):
        return None
    return {"kind": kind, "question": question, "implicit": implicit}


def _with_extras(raw: Mapping[str, Any], read: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    """The node's stored keys and the fields its ``argmap`` key gives (if well-formed)."""
    fields = read(raw.get(EXTRA_KEY)) if EXTRA_KEY in raw else None
    if fields is None:
        return _stored(raw), {}
    return _stored(raw, frozenset({EXTRA_KEY})), fields


def _note(graph: _Graph, node: _Node, reason: str) -> dict[str, Any]:
    """Why an S-node is not in the model, with the argument nodes on either side."""
    return {
        "id": node.id,
        "type": node.type,
        "reason": reason,
        "from": [e.source for e in graph.into(node.id) if graph.type(e.source) in _ARGUMENT_LAYER],
        "to": [e.target for e in graph.out_of(node.id) if graph.type(e.target) in _ARGUMENT_LAYER],
    }


def _inference(graph: _Graph, node: _Node) -> tuple[Inference, tuple[_Edge, ...]] | str:
    """An RA/MA node as an inference and the edges it owns, or why it cannot be one."""
    types = graph.types
    premises = [e for e in graph.into(node.id) if types[e.source] == "I"]
    conclusions = [e for e in graph.out_of(node.id) if types[e.target] == "I"]
    if len(conclusions) != 1:
        return f"it has {len(conclusions)} I-nodes as conclusions, the model needs one"
    owned = (*premises, conclusions[0])
    stored, fields = _with_extras(node.raw, _inference_extras)
    data = {"aif": {"node": stored, "edges": [e.raw for e in owned]}}
    inference = Inference(
        node.id,
        tuple([e.source for e in premises]),
        conclusions[0].target,
        _scheme_of(node.type, node.raw),
        data=data,
        **fields,
    )
    return inference, owned


_Ends = tuple[tuple[_Edge, ...], _Edge]
"""A CA node's edges from its I-node sources and its one edge to its target."""


def _ca_ends(graph: _Graph, node: _Node, inferences: Set[str]) -> _Ends | str:
    """A CA node's source edges and target edge, or why the model cannot hold it.

    A target that is another CA node is accepted here; :func:`_conflict_ends` then
    keeps it only if that CA node is held too.
    """
    types = graph.types
    sources = tuple([e for e in graph.into(node.id) if types[e.source] == "I"])
    targets = [e for e in graph.out_of(node.id) if types[e.target] in _ARGUMENT_LAYER]
    if not sources:
        return "no I-node is its source"
    if len(targets) != 1:
        return f"it has {len(targets)} targets, the model needs one"
    target = targets[0].target
    kind = types[target]
    if kind not in ("I", "CA") and target not in inferences:
        return f"it attacks the {kind}-node {target!r}, which the model does not hold"
    return sources, targets[0]


def _conflict_ends(graph: _Graph, inferences: Set[str]) -> dict[str, _Ends | str]:
    """Per CA node (in file order): its ends, or why the model cannot hold it.

    A CA node attacking a CA node is held when its target is: one that is not held
    (and, through it, every CA node attacking it, in chains of any length) is left
    out. CA nodes attacking each other in a circle are all held.
    """
    ends = {
        node.id: _ca_ends(graph, node, inferences) for node in graph.s_nodes if node.type == "CA"
    }
    attackers: dict[str, list[str]] = {}
    for id, found in ends.items():
        if not isinstance(found, str) and graph.type(found[1].target) == "CA":
            attackers.setdefault(found[1].target, []).append(id)
    pending = [id for id, found in ends.items() if isinstance(found, str)]
    while pending:
        target = pending.pop()
        for id in attackers.get(target, ()):
            if not isinstance(ends[id], str):
                ends[id] = f"it attacks the CA-node {target!r}, which the model does not hold"
                pending.append(id)
    return ends


def _conflicts(node: _Node, ends: _Ends, taken: _Taken) -> list[Conflict]:
    """A held CA node as one conflict per I-node source, all with the CA's target."""
    sources, target_edge = ends
    target = target_edge.target
    owned = (*sources, target_edge)
    stored, fields = _with_extras(node.raw, _conflict_extras)
    data = {"aif": {"node": stored, "edges": [e.raw for e in owned]}}
    conflicts = [Conflict(node.id, sources[0].source, target, data=data, **fields)]
    for number, edge in enumerate(sources[1:], start=2):
        part = _fresh(f"{node.id}.{number}", taken)
        conflicts.append(Conflict(part, edge.source, target, data={"aif": {"part_of": node.id}}))
    return conflicts


class _Taken:
    """The ids in use: the file's node ids and those made up while reading."""

    __slots__ = ("made", "nodes")

    def __init__(self, nodes: Set[str]) -> None:
        self.nodes = nodes
        self.made: set[str] = set()

    def __contains__(self, id: str) -> bool:
        return id in self.nodes or id in self.made


def _fresh(wanted: str, taken: _Taken) -> str:
    """``wanted``, or ``wanted-2``, ``wanted-3``... : the first id not taken (then taken)."""
    candidate, number = wanted, 1
    while candidate in taken:
        number += 1
        candidate = f"{wanted}-{number}"
    taken.made.add(candidate)
    return candidate


def _bare_edge(edge: _Edge, taken: _Taken) -> Inference:
    """An I -> I edge (no S-node between) as a one-premise inference without a scheme."""
    label = _id_of(edge.raw.get("edgeID")) or str(edge.index)
    id = _fresh(f"edge{label}", taken)
    return Inference(id, (edge.source,), edge.target, data={"aif": {"edge": edge.raw}})


def _argument_layer(graph: _Graph) -> _Built:
    """RA/MA -> inferences, CA -> conflicts, I -> I edges -> inferences; the rest noted."""
    taken = _Taken(graph.types.keys())
    inferences: list[Inference] = []
    conflicts: list[Conflict] = []
    owned: set[int] = set()
    notes: list[dict[str, Any]] = []
    modelled: set[str] = set()
    parts: dict[str, str] = {}
    for node in graph.s_nodes:
        if node.type in ("RA", "MA"):
            result = _inference(graph, node)
            if isinstance(result, str):
                notes.append(_note(graph, node, result))
                continue
            inferences.append(result[0])
            owned.update(edge.index for edge in result[1])
            modelled.add(node.id)
    ends = _conflict_ends(graph, {inference.id for inference in inferences})
    for node in graph.s_nodes:
        if node.type == "CA":
            found = ends[node.id]
            if isinstance(found, str):
                notes.append(_note(graph, node, found))
                continue
            held = _conflicts(node, found, taken)
            conflicts.extend(held)
            for part in held[1:]:
                parts[part.id] = node.id
            owned.update(edge.index for edge in (*found[0], found[1]))
            modelled.add(node.id)
        elif node.type == "PA":
            notes.append(_note(graph, node, "the model has no preferences"))
    # one pass over the edges: I -> I edges become inferences (no RA or CA owns them),
    # then edges between argument nodes that neither the model nor a note holds
    types, layer = graph.types, _ARGUMENT_LAYER
    bare: dict[str, int] = {}
    for edge in graph.edges:
        source_type = types[edge.source]
        if source_type not in layer:
            continue  # a YA-node's anchor, say: one look-up decides
        target_type = types[edge.target]
        if target_type not in layer:
            continue
        if source_type == "I" and target_type == "I":
            inference = _bare_edge(edge, taken)
            inferences.append(inference)
            owned.add(edge.index)
            bare[inference.id] = edge.index
        elif (
            edge.index not in owned
            and (source_type == "I" or edge.source in modelled)
            and (target_type == "I" or edge.target in modelled)
        ):
            notes.append(_stray_note(edge, source_type, target_type))
    return _Built(
        tuple(inferences),
        tuple(conflicts),
        frozenset(owned),
        frozenset(modelled),
        tuple(notes),
        bare,
        parts,
    )


def _stray_note(edge: _Edge, source_type: str, target_type: str) -> dict[str, Any]:
    """The note on an edge between argument nodes that has no counterpart in the model."""
    return {
        "id": _id_of(edge.raw.get("edgeID")) or str(edge.index),
        "type": "edge",
        "reason": f"an edge from the {source_type}-node {edge.source!r} to the "
        f"{target_type}-node {edge.target!r} has no counterpart in the model",
        "from": [edge.source],
        "to": [edge.target],
    }


def _carried(document: dict[str, Any], flavour: Flavour, built: _Built) -> dict[str, Any]:
    """The document with the nodes and edges the model holds taken out, key order kept."""
    container = document["AIF"] if flavour == "xaif" else document
    modelled, owned = built.modelled, built.owned
    rest = dict(container)
    # every node and edge of a document read without issues is valid: the file's own
    # lists; ids are unique, so a node is held when it is an I-node or a modelled S-node
    rest["nodes"] = [
        raw
        for raw in container["nodes"]
        if raw["type"] != "I"
        and (raw["type"] not in _S_NODE_TYPES or _id_of(raw["nodeID"]) not in modelled)
    ]
    rest["edges"] = [raw for index, raw in enumerate(container["edges"]) if index not in owned]
    return {**document, "AIF": rest} if flavour == "xaif" else rest


def _build(
    document: dict[str, Any],
    flavour: Flavour,
    graph: _Graph,
    text: str,
    path: str | None,
    base: JsonPath,
    left_out: Sequence[dict[str, Any]] = (),
) -> ArgumentMap:
    """The map of a checked document, with the location of each of its nodes.

    ``left_out`` (lenient reading) lists the S-nodes left out of the model: they stay in
    the carried document and are listed in ``map.data["left_out"]``, where ``check``
    reports each one (``left-out-node``) at its place in the file.
    """
    built = _argument_layer(graph)
    state: dict[str, Any] = {
        "flavour": flavour,
        "document": _carried(document, flavour, built),
    }
    if built.notes:
        state["unmodelled"] = list(built.notes)
    data: dict[str, Any] = {"aif": state}
    if left_out:
        data["left_out"] = list(left_out)
    extra = [entry["id"] for entry in left_out]
    locations = _locations(text, path, graph, built, base, extra)
    container = document["AIF"] if flavour == "xaif" else document
    said = _attributions(
        container["nodes"], container["edges"], {node.id for node in graph.i_nodes}
    )
    try:
        return ArgumentMap(
            statements=[_statement(node, said.get(node.id)) for node in graph.i_nodes],
            inferences=built.inferences,
            conflicts=built.conflicts,
            data=data,
            locations=locations,
        )
    except MapError as error:  # a safety net: the checks above should leave nothing to refuse
        raise _refused(error, text, path, locations) from None


def _refused(
    error: MapError, text: str, path: str | None, locations: Mapping[str, Location]
) -> FormatError:
    """The model's MapError as a FormatError: each problem at the first node it names, or
    (data nested too deeply in the carried document, say) at the deepest nesting."""
    deepest: list[Location] = []

    def place(problem: Problem) -> Location:
        found = next((locations[id] for id in problem.ids if id in locations), None)
        if found is not None:
            return found
        if not deepest:
            deepest.append(Lines(text).location(_deepest(text), path))
        return deepest[0]

    problems = [attrs.evolve(p, location=place(p)) for p in error.problems]
    return FormatError.from_problems(problems, path=path)


def _leave_out(graph: _Graph, issues: Sequence[JsonIssue]) -> list[dict[str, Any]]:
    """Take the S-nodes ``issues`` name out of ``graph.s_nodes`` (lenient reading): what the
    map's ``data["left_out"]`` then lists, one entry per node, with why it was left out."""
    reasons: dict[str, list[str]] = {}
    for issue in issues:
        reasons.setdefault(issue.ids[0], []).append(issue.message)
    left = [node for node in graph.s_nodes if node.id in reasons]
    graph.s_nodes = [node for node in graph.s_nodes if node.id not in reasons]
    return [
        {"id": node.id, "type": node.type, "reason": "; ".join(reasons[node.id])} for node in left
    ]


# -- reading: positions --------------------------------------------------------------------


def _locations(
    text: str,
    path: str | None,
    graph: _Graph,
    built: _Built,
    base: JsonPath,
    extra: Sequence[str] = (),
) -> dict[str, Location]:
    """Where each statement, inference and conflict was written: its node's ``"nodeID"``
    key (the first one naming it from the nodes list on), or for an inference read from
    a bare edge, that edge; a part of a CA with several sources is where the CA is.

    One regex pass over the text finds the keys, stopping once every node is found, and
    the lines are counted once up to the last of them. ``extra`` are the ids of nodes
    left out of the model (lenient reading), located the same way.
    """
    statements = [node.id for node in graph.i_nodes]
    wanted = {*statements, *built.modelled, *extra}
    first = _first_node_ids(text, json_offset(text, (*base, "nodes")), wanted) if wanted else {}
    offsets = {id: first[id] for id in [*statements, *extra] if id in first}
    edges = _edge_offsets(text, base) if built.bare else (0, [])
    for inference in built.inferences:
        if inference.id in built.bare:
            index = built.bare[inference.id]
            offsets[inference.id] = edges[1][index] if index < len(edges[1]) else edges[0]
        elif inference.id in first:
            offsets[inference.id] = first[inference.id]
    for conflict in built.conflicts:
        head = built.parts.get(conflict.id, conflict.id)
        if head in first:
            offsets[conflict.id] = first[head]
    places = {
        offset: Location(path, line, column)
        for offset, (line, column) in line_columns(text, offsets.values()).items()
    }
    return {id: places[offset] for id, offset in offsets.items()}


def _edge_offsets(text: str, base: JsonPath) -> tuple[int, list[int]]:
    """Where the edges list starts and where each of its items does: what :func:`json_offset`
    gives for ``(*base, "edges", index)``, with the text walked once for all indexes."""
    start = json_offset(text, (*base, "edges"))
    try:
        return start, json_items(text, start, {})
    except (ValueError, IndexError, RecursionError):
        return start, []


def _first_node_ids(text: str, start: int, wanted: Set[str]) -> dict[str, int]:
    """The offset of the first ``"nodeID"`` key at or after ``start`` naming each id of
    ``wanted`` (ids never found are left out), stopping once all are found."""
    first: dict[str, int] = {}
    missing = len(wanted)
    for match in _NODE_ID.finditer(text, start):
        quoted, number = match.groups()
        id = number if quoted is None else quoted if "\\" not in quoted else _matched_id(match)
        if id in wanted and id not in first:
            first[id] = match.start()
            missing -= 1
            if not missing:
                break
    return first


def _matched_id(match: re.Match[str]) -> str:
    """The id a ``"nodeID": ...`` match names, its JSON escapes decoded."""
    quoted, number = match.groups()
    if quoted is None:
        return str(number)
    if "\\" not in quoted:
        return str(quoted)
    try:
        return str(json.loads(f'"{quoted}"'))
    except ValueError:
        return str(quoted)


def loads(text: str, *, path: str | None = None, strict: bool = True) -> ArgumentMap:
    """Read AIFdb JSON or xAIF; every problem found is in the :class:`FormatError` raised.

    With ``strict=False``, S-nodes (RA, MA, CA, PA) with no edge on one side are left out
    of the model instead of refusing the whole file (real corpora hold a few): they stay
    in the carried document, and ``map.data["left_out"]`` lists each one with the reason,
    which ``check`` reports as ``left-out-node``. Every other problem is still refused.
    """
    document = _parse(text, path)
    found = _container(document)
    if isinstance(found, JsonIssue):
        raise_at_paths(text, path, [found])
        raise AssertionError  # pragma: no cover - _raise always raises
    flavour, base, container = found
    issues: list[JsonIssue] = []
    graph = _read_graph(container, base, issues)
    left_out: list[dict[str, Any]] = []
    if not issues and may_hold_controls(text):
        issues = _control_issues(graph, base)
    if not issues:
        issues = _dangling(graph, base)
        if issues and not strict:
            left_out, issues = _leave_out(graph, issues), []
    if issues:
        raise_at_paths(text, path, issues)
    return _build(document, flavour, graph, text, path, base, left_out)


def _control_issues(graph: _Graph, base: JsonPath) -> list[JsonIssue]:
    """Ids, texts and schemes of the argument layer holding control characters, which no
    text format could write (the dialogue layer is carried as data, which may hold them)."""
    issues = []
    fields: list[tuple[_Node | _Edge, str, tuple[str, ...]]]
    fields = [(node, "nodes", ("nodeID", "text", "scheme")) for node in graph.i_nodes]
    fields += [(node, "nodes", ("nodeID", "text", "scheme")) for node in graph.s_nodes]
    fields += [(edge, "edges", ("edgeID",)) for edge in graph.edges]
    for item, key, names in fields:
        for name in names:
            value = item.raw.get(name)
            problem = control_problem(value) if isinstance(value, str) else None
            if problem is not None:
                where = (*base, key, item.index, name)
                message = f"{_where(base, key, item.index)}.{name}: {problem}"
                issues.append(JsonIssue("invalid-text", message, where, (), "text"))
    return issues


def load(path: PathLike, *, strict: bool = True) -> ArgumentMap:
    """Read AIFdb JSON or xAIF from ``path`` (``strict``: as :func:`loads`)."""
    return loads(read_text(path), path=os.fspath(path), strict=strict)
