"""Writing AIF: a map to AIFdb JSON or xAIF, in the flavour it was read from, with what
AIF has no place for kept under :data:`EXTRA_KEY`; :func:`dumps`/:func:`dump`.

Part of :mod:`argmap.formats.aif`, which re-exports the public names.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Mapping, Sequence, Set
from typing import Any

import attrs

from argmap.check import reference_problems
from argmap.errors import MapError
from argmap.formats._io import (
    PathLike,
    write_text,
)
from argmap.formats.aif._dialogue import _WRITTEN_ILLOCUTION, _attributions
from argmap.formats.aif._graph import _DEFAULT_TEXT, EXTRA_KEY, REPHRASE, Flavour, _scheme_of
from argmap.model import (
    ArgumentMap,
    Conflict,
    Inference,
    Statement,
)
from argmap.report import Problem
from argmap.schemes import SCHEMES

# -- writing -------------------------------------------------------------------------------


@attrs.frozen
class _Carried:
    """What a map carries from the file it was read from (or an empty AIFdb skeleton)."""

    flavour: Flavour
    document: Mapping[str, Any]
    container: Mapping[str, Any]
    nodes: tuple[dict[str, Any], ...]
    edges: tuple[dict[str, Any], ...]

    @classmethod
    def of(cls, map: ArgumentMap) -> _Carried:
        """The carried document in ``map.data["aif"]``, checked enough to write it safely."""
        state = map.data.get("aif")
        if not isinstance(state, Mapping) or "document" not in state:
            skeleton: dict[str, Any] = {"nodes": [], "edges": [], "locutions": []}
            return cls("aifdb", skeleton, skeleton, (), ())
        flavour = state.get("flavour")
        document = state["document"]
        container = document.get("AIF") if isinstance(document, Mapping) else None
        if flavour == "aifdb":
            container = document
        if flavour not in ("aifdb", "xaif") or not isinstance(container, Mapping):
            raise _bad_data('map.data["aif"] holds no AIFdb or xAIF document')
        nodes, edges = container.get("nodes", []), container.get("edges", [])
        if not _objects(nodes) or not _objects(edges):
            raise _bad_data('the nodes and edges in map.data["aif"] are not lists of objects')
        return cls(flavour, document, container, tuple(nodes), tuple(edges))


def _objects(value: Any) -> bool:
    """True for a list of JSON objects."""
    return isinstance(value, list) and all(isinstance(item, dict) for item in value)


def _bad_data(message: str) -> MapError:
    """The error for ``map.data["aif"]`` that is not as the reader left it."""
    return MapError([Problem("invalid-data", "error", (), message + ".")])


def _aif(data: Mapping[str, Any], key: str) -> Any:
    """``data["aif"][key]``, or None when the reader did not leave it there."""
    aif = data.get("aif")
    return aif.get(key) if isinstance(aif, Mapping) else None


def _stored_node(data: Mapping[str, Any]) -> dict[str, Any]:
    """The node keys the reader kept in ``data["aif"]["node"]`` (empty if none)."""
    node = _aif(data, "node")
    return dict(node) if isinstance(node, Mapping) else {}


def _stored_edges(data: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The edges the reader kept in ``data["aif"]["edges"]`` (a fresh list, to take from)."""
    edges = _aif(data, "edges")
    return [e for e in edges if isinstance(e, dict)] if isinstance(edges, list) else []


def _json_id(id: str, data: Mapping[str, Any]) -> str | int:
    """The nodeID to write: the file's integer if it was one (and still names this id)."""
    original = _stored_node(data).get("nodeID")
    if isinstance(original, int) and not isinstance(original, bool) and str(original) == id:
        return original
    return id


def _refuse_broken(map: ArgumentMap, carried: _Carried) -> None:
    """A map whose references are broken would make an AIF file no reader accepts."""
    problems = [
        p for p in reference_problems(map) if p.code in ("unknown-reference", "duplicate-id")
    ]
    leading_in = {str(edge.get("toID")) for edge in carried.edges}
    for inference in map.inferences.values():
        if not inference.premises and inference.id not in leading_in:
            message = f"{inference.id!r} has no premises: AIF cannot hold an RA-node without any."
            problems.append(Problem("no-premises", "error", (inference.id,), message))
    kept = {str(node.get("nodeID")) for node in carried.nodes}
    for id in [*map.statements, *map.inferences, *map.conflicts]:
        if id in kept:
            message = f"{id!r} is also the id of a node kept from the original AIF file."
            problems.append(Problem("duplicate-id", "error", (id,), message))
    if problems:
        raise MapError(problems)


_NewEdge = tuple[str | int, str | int]
"""An edge the writer has to make: (fromID, toID); its edgeID is given at the end."""


def _edge(
    pool: list[dict[str, Any]], source: str, target: str, ids: Mapping[str, str | int]
) -> dict[str, Any] | _NewEdge:
    """The stored edge from ``source`` to ``target`` (taken out of ``pool``), or a new one."""
    for n, edge in enumerate(pool):
        if str(edge.get("fromID")) == source and str(edge.get("toID")) == target:
            return pool.pop(n)
    return (ids[source], ids[target])


def _i_node(statement: Statement, ids: Mapping[str, str | int]) -> dict[str, Any]:
    """The I-node of a statement: its text, and the node's other keys as read."""
    rest = {
        key: value
        for key, value in _stored_node(statement.data).items()
        if key not in ("nodeID", "text", "type")
    }
    return {"nodeID": ids[statement.id], "text": statement.text, "type": "I", **rest}


def _ra_node(inference: Inference, ids: Mapping[str, str | int]) -> dict[str, Any]:
    """The RA/MA node: as read if its scheme is unchanged, else made from the scheme (a
    key of :data:`~argmap.schemes.SCHEMES` as ``scheme``, its name as ``text``); slots
    and ``implicit`` in the node's ``argmap`` key."""
    stored = _stored_node(inference.data)
    type = stored.get("type")
    extras = {
        **({"slots": dict(inference.slots)} if inference.slots else {}),
        **({"implicit": True} if inference.implicit else {}),
    }
    extra = {EXTRA_KEY: extras} if extras else {}
    if type in ("RA", "MA") and _scheme_of(type, stored) == inference.scheme:
        body = {key: value for key, value in stored.items() if key != "nodeID"}
        return {"nodeID": ids[inference.id], **body, **extra}
    type = "MA" if inference.scheme == REPHRASE else "RA"
    text = _DEFAULT_TEXT[type] if type == "MA" else inference.scheme or _DEFAULT_TEXT[type]
    named: dict[str, str] = {}
    if type == "RA" and inference.scheme is not None and inference.scheme in SCHEMES:
        text, named = SCHEMES[inference.scheme].name, {"scheme": inference.scheme}
    rest = {
        key: value
        for key, value in stored.items()
        if key not in ("nodeID", "text", "type", "scheme", "schemeID")
    }
    return {"nodeID": ids[inference.id], "text": text, "type": type, **named, **rest, **extra}


def _ca_node(conflict: Conflict, ids: Mapping[str, str | int]) -> dict[str, Any]:
    """The CA node of a conflict: as read, or a "Default Conflict" for a new one; its
    declared kind, question and ``implicit`` in the node's ``argmap`` key."""
    stored = _stored_node(conflict.data)
    extras = {
        **({"kind": conflict.kind} if conflict.kind is not None else {}),
        **({"question": conflict.question} if conflict.question is not None else {}),
        **({"implicit": True} if conflict.implicit else {}),
    }
    extra = {EXTRA_KEY: extras} if extras else {}
    if stored.get("type") == "CA":
        body = {k: v for k, v in stored.items() if k != "nodeID"}
        return {"nodeID": ids[conflict.id], **body, **extra}
    return {"nodeID": ids[conflict.id], "text": _DEFAULT_TEXT["CA"], "type": "CA", **extra}


def _dialogue_parts(
    map: ArgumentMap, carried: _Carried, taken: Set[str], ids: Mapping[str, str | int]
) -> tuple[list[dict[str, Any]], list[_NewEdge], list[dict[str, Any]]]:
    """L and YA nodes, their edges and locutions for every statement whose speaker and
    stance differ from what the carried dialogue layer says (a new map: every statement
    with a speaker or a stance other than ``asserted``). The L-node says
    ``"Speaker : text"``, the YA-node the illocution of the stance
    (:data:`_WRITTEN_ILLOCUTION`) and, in its ``argmap`` key, the exact speaker and stance."""
    said = _attributions(carried.nodes, carried.edges, set(map.statements))
    nodes: list[dict[str, Any]] = []
    edges: list[_NewEdge] = []
    locutions: list[dict[str, Any]] = []
    used = set(taken)

    def fresh(wanted: str) -> str:
        candidate, number = wanted, 1
        while candidate in used:
            number += 1
            candidate = f"{wanted}-{number}"
        used.add(candidate)
        return candidate

    for statement in map.statements.values():
        want = (statement.speaker, statement.stance)
        if said.get(statement.id, (None, "asserted")) == want:
            continue
        said_id, act_id = fresh(f"{statement.id}.L"), fresh(f"{statement.id}.YA")
        words = (
            statement.text
            if statement.speaker is None
            else (f"{statement.speaker} : {statement.text}")
        )
        nodes.append({"nodeID": said_id, "text": words, "type": "L"})
        nodes.append(
            {
                "nodeID": act_id,
                "text": _WRITTEN_ILLOCUTION[statement.stance],
                "type": "YA",
                EXTRA_KEY: {"speaker": statement.speaker, "stance": statement.stance},
            }
        )
        edges.extend([(said_id, act_id), (act_id, ids[statement.id])])
        if statement.speaker is not None:
            locutions.append({"nodeID": said_id, "personID": statement.speaker})
    return nodes, edges, locutions


def _is_bare(inference: Inference, attacked: set[str]) -> bool:
    """Written as a bare I -> I edge: read as one, unchanged in kind, and not undercut."""
    return (
        isinstance(_aif(inference.data, "edge"), dict)
        and len(inference.premises) == 1
        and inference.scheme is None
        and inference.id not in attacked
    )


def _inference_parts(
    map: ArgumentMap, ids: Mapping[str, str | int]
) -> tuple[list[dict[str, Any]], list[dict[str, Any] | _NewEdge]]:
    """The RA/MA nodes and the edges of every inference, in map order."""
    attacked = {conflict.target for conflict in map.conflicts.values()}
    nodes: list[dict[str, Any]] = []
    edges: list[dict[str, Any] | _NewEdge] = []
    for inference in map.inferences.values():
        if _is_bare(inference, attacked):
            stored = _aif(inference.data, "edge")
            edges.append(_edge([stored], inference.premises[0], inference.conclusion, ids))
            continue
        nodes.append(_ra_node(inference, ids))
        pool = _stored_edges(inference.data)
        edges.extend(_edge(pool, premise, inference.id, ids) for premise in inference.premises)
        edges.append(_edge(pool, inference.id, inference.conclusion, ids))
    return nodes, edges


def _groups(map: ArgumentMap) -> dict[str, list[Conflict]]:
    """Head conflict id -> the conflicts written as its one CA-node (head first).

    A part that another conflict attacks gets a CA-node of its own, for the attack to
    end at.
    """
    attacked = {conflict.target for conflict in map.conflicts.values()}
    groups: dict[str, list[Conflict]] = {}
    for conflict in map.conflicts.values():
        head = _aif(conflict.data, "part_of")
        owner = map.conflicts.get(head) if isinstance(head, str) else None
        if (
            owner is not None
            and owner.target == conflict.target
            and _aif(owner.data, "part_of") is None
            and conflict.id not in attacked
        ):
            groups.setdefault(owner.id, [owner]).append(conflict)
        else:
            groups.setdefault(conflict.id, [conflict])
    return groups


def _conflict_parts(
    map: ArgumentMap, ids: Mapping[str, str | int]
) -> tuple[list[dict[str, Any]], list[dict[str, Any] | _NewEdge]]:
    """The CA nodes (one per group of conflicts read from one node) and their edges."""
    nodes: list[dict[str, Any]] = []
    edges: list[dict[str, Any] | _NewEdge] = []
    for head_id, group in _groups(map).items():
        head = map.conflicts[head_id]
        nodes.append(_ca_node(head, ids))
        pool = _stored_edges(head.data)
        edges.extend(_edge(pool, member.source, head.id, ids) for member in group)
        edges.append(_edge(pool, head.id, head.target, ids))
    return nodes, edges


def _numbered(edges: Sequence[dict[str, Any] | _NewEdge], flavour: Flavour) -> list[dict[str, Any]]:
    """The edges with a fresh ``edgeID`` for each new one: the next free number."""
    used = {str(e["edgeID"]) for e in edges if isinstance(e, dict) and "edgeID" in e}
    numbers = [int(u) for u in used if u.isascii() and u.isdigit()]
    next_number = max(numbers, default=0) + 1
    result = []
    for edge in edges:
        if isinstance(edge, dict):
            result.append(edge)
            continue
        while str(next_number) in used:
            next_number += 1
        edge_id: str | int = next_number if flavour == "xaif" else str(next_number)
        made: dict[str, Any] = {"edgeID": edge_id, "fromID": edge[0], "toID": edge[1]}
        if flavour == "aifdb":
            made["formEdgeID"] = None
        result.append(made)
        next_number += 1
    return result


def to_document(map: ArgumentMap) -> dict[str, Any]:
    """``map`` as an AIFdb or xAIF document (the flavour it was read in; AIFdb if new).

    Raises :class:`~argmap.errors.MapError` for a map AIF cannot hold: unknown
    references, shared ids, an inference with no premises that the file did not have.
    The result is a copy: changing it leaves the (immutable) map's data alone.
    """
    return copy.deepcopy(_document(map))


def _document(map: ArgumentMap) -> dict[str, Any]:
    """:func:`to_document` without the copy: its objects may be the map's own."""
    carried = _Carried.of(map)
    _refuse_broken(map, carried)
    ids = {
        id: _json_id(id, node.data)
        for nodes in (map.statements, map.inferences, map.conflicts)
        for id, node in nodes.items()
    }
    inference_nodes, inference_edges = _inference_parts(map, ids)
    conflict_nodes, conflict_edges = _conflict_parts(map, ids)
    taken = {str(id) for id in ids.values()} | {str(n.get("nodeID")) for n in carried.nodes}
    said_nodes, said_edges, locutions = _dialogue_parts(map, carried, taken, ids)
    nodes = [
        *(_i_node(statement, ids) for statement in map.statements.values()),
        *inference_nodes,
        *conflict_nodes,
        *said_nodes,
    ]
    present = {str(node["nodeID"]) for node in nodes} | {
        str(node.get("nodeID")) for node in carried.nodes
    }
    kept_edges = [
        edge
        for edge in carried.edges
        if str(edge.get("fromID")) in present and str(edge.get("toID")) in present
    ]
    edges = _numbered(
        [*inference_edges, *conflict_edges, *said_edges, *kept_edges], carried.flavour
    )
    container = {**carried.container, "nodes": [*nodes, *carried.nodes], "edges": edges}
    if locutions:
        old = container.get("locutions")
        container["locutions"] = [*(old if isinstance(old, list) else []), *locutions]
    if carried.flavour == "xaif":
        return {**carried.document, "AIF": container}
    return container


def dumps(map: ArgumentMap) -> str:
    """``map`` as AIF JSON text, indented, ending in a newline; see :func:`to_document`.

    Non-ASCII characters are written as ``\\uXXXX`` escapes, as AIFdb does, which also keeps
    a lone surrogate (legal in a JSON string) writable.
    """
    return json.dumps(_document(map), indent=2) + "\n"


def dump(map: ArgumentMap, path: PathLike) -> None:
    """Write ``map`` to ``path`` as AIF JSON, atomically."""
    write_text(path, dumps(map))
