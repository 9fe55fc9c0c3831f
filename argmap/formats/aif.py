"""AIF: AIFdb JSON and OVA3's xAIF, read and written without loss.

Two flavours of the Argument Interchange Format are read: AIFdb's
``{"nodes": [...], "edges": [...], "locutions": [...]}`` and OVA3's xAIF
``{"AIF": {"nodes", "edges", ...}, "OVA": {...}, "text": ...}``. A map read from
either is written back in the same flavour (``map.data["aif"]["flavour"]``).

==========================  ===================================================================
AIF                         argmap
==========================  ===================================================================
I-node                      :class:`~argmap.model.Statement` (``id`` = nodeID, ``text``); the
                            node's other keys (``timestamp``...) in ``data["aif"]["node"]``
RA-node                     :class:`~argmap.model.Inference`: premises = the I-nodes with an
                            edge into it (one RA with several premises is one *linked*
                            inference), conclusion = the I-node it points to; ``scheme`` = the
                            node's ``scheme`` or ``text`` unless generic ("RA", "Default
                            Inference")
MA-node (rephrase)          an Inference too (``data["aif"]["node"]["type"] == "MA"``,
                            ``scheme`` "rephrase" unless the node names another): restating p
                            as q is read as p supporting q, so ``check`` sees I <-> MA cycles
                            as circular support
CA-node on an I-node        :class:`~argmap.model.Conflict` on a statement (rebuttal or
                            undermining, as the model derives it)
CA-node on an RA/MA-node    a Conflict on that inference (an undercut)
CA-node on a CA-node        a Conflict whose target is that CA's conflict (an undercut of the
                            attack), written back as the same CA -> CA edge; held only if
                            the attacked CA is held. A CA with several sources is attacked
                            through its first conflict (the one with the CA's id)
CA-node, n I-node sources   n Conflicts, one per source, all with the CA's target: the first
                            has the CA's id, the others ``<id>.2``, ``<id>.3``... and
                            ``data["aif"]["part_of"]``; the writer joins them into one CA again
                            (a part that another conflict attacks gets a CA of its own)
I -> I edge (no S-node)     an Inference with one premise and no scheme, id ``edge<edgeID>``,
                            the edge in ``data["aif"]["edge"]``; written back as the bare edge
PA-node (preference)        not in the model: kept unchanged in ``map.data["aif"]["document"]``
                            and listed in ``map.data["aif"]["unmodelled"]``
other S-nodes               one the model cannot hold (no I-node as source, no or several
                            conclusions, a target that is not held, such as a CA attacking a
                            CA that is not held) is kept unchanged in the document and listed
                            in ``unmodelled`` with the reason
L -> YA -> I anchors         the statement's ``speaker`` and ``stance`` (AIF+ and Inference
                            Anchoring Theory): the L-node's speaker ("Speaker : words"), the
                            stance of the YA-node's illocution (:data:`ILLOCUTIONS`); a
                            locution reporting another's words ("A : B : words") gives B,
                            ``reported``. The writer anchors each statement whose speaker
                            or stance the carried dialogue does not say in a new L- and
                            YA-node (and locution), the exact pair in the YA's ``argmap``
                            key
``argmap`` key (RA, CA)     an inference's ``slots`` and ``implicit``, a conflict's declared
                            ``kind``, ``question`` and ``implicit`` (:data:`EXTRA_KEY`);
                            a new RA-node names a key of ``SCHEMES`` as ``scheme``, with
                            the scheme's name as ``text``
dialogue layer              L, YA and TA nodes and their edges, ``locutions``, participants,
                            scheme- and descriptorfulfillments, the OVA layout and xAIF's
                            ``text``: kept unchanged in ``map.data["aif"]["document"]``, the
                            original document with the nodes and edges the model holds taken
                            out
==========================  ===================================================================

Every edge the model represents is kept verbatim in the ``data["aif"]["edges"]`` of its
RA/MA/CA node, so its ``edgeID`` (and ``formEdgeID``) survive a round trip. Ids may be
strings or integers in the file: they are strings in the model, and a node's integer
``nodeID`` is kept in ``data["aif"]["node"]["nodeID"]`` so that the writer restores it.
AIF has no place for a title, theses, quotes, tags, labels or Argdown arguments: they are
not written, and a map read from AIF has no thesis (``check`` warns ``no-thesis``). The
writer invents no timestamps: new nodes have none, new edges get the next free number as
``edgeID``.

Input that cannot be read raises :class:`~argmap.errors.FormatError` with the line and
column of the offending value and every problem found: invalid JSON, wrong types, an unknown
node type, an edge naming an unknown node (``unknown-reference``), two nodes with one id
(``duplicate-id``), and an RA/MA without any edge in (``no-premises``) or out
(``no-conclusion``), or a CA/PA without one (``no-source``, ``no-target``). The last four
are allowed for an S-node anchored in a dialogue by a YA-node (real IAT corpora hold such
half-finished analyses): it is modelled where possible (an inference with no premises, which
``check`` reports) and kept in the document otherwise. Reading with ``strict=False`` leaves
the other S-nodes missing a side out of the model (kept in the document, listed in
``map.data["left_out"]``, reported by ``check`` as ``left-out-node``) instead of refusing
the file. Numbers JSON cannot round-trip (``NaN``, ``Infinity``, ``1e400``, integers of
more digits than Python converts) and lone surrogates (``"\\ud800"``) are refused, at
their line and column.
"""

from __future__ import annotations

import copy
import json
import os
import re
from collections.abc import Mapping, Sequence, Set
from typing import Any, Literal

import attrs

from argmap.check import reference_problems
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
    parse_json,
    raise_at_paths,
    read_text,
    write_text,
)
from argmap.model import (
    CONFLICT_KINDS,
    STANCES,
    ArgumentMap,
    Conflict,
    Inference,
    Stance,
    Statement,
)
from argmap.report import Location, Problem
from argmap.schemes import SCHEMES

__all__ = [
    "EXTRA_KEY",
    "ILLOCUTIONS",
    "NODE_TYPES",
    "REPHRASE",
    "dump",
    "dumps",
    "load",
    "loads",
    "to_document",
]

Flavour = Literal["aifdb", "xaif"]

NODE_TYPES: tuple[str, ...] = ("I", "RA", "CA", "MA", "PA", "L", "YA", "TA")
"""The node types AIFdb and OVA use: the argument layer, then the dialogue layer."""

REPHRASE = "rephrase"
"""The scheme of an inference read from an MA-node that names no scheme of its own."""

_GENERIC: Mapping[str, frozenset[str]] = {
    "RA": frozenset({"RA", "Default Inference"}),
    "MA": frozenset({"MA", "Default Rephrase"}),
}
_DEFAULT_TEXT: Mapping[str, str] = {
    "RA": "Default Inference",
    "MA": "Default Rephrase",
    "CA": "Default Conflict",
}
EXTRA_KEY = "argmap"
"""The key of an RA, CA or YA node under which argmap keeps what AIF has no place for
(slots and ``implicit`` of an inference; declared kind, question and ``implicit`` of a
conflict; the exact speaker and stance of a statement): AIF readers ignore it."""

_NOT_PREMISE_SIDE = frozenset({"YA", "CA", "PA"})
"""Edges into an S-node from these are anchors, attacks or preferences, not its premises."""
_ARGUMENT_LAYER = frozenset({"I", "RA", "CA", "MA", "PA"})
_NODE_ID = re.compile(r'"nodeID"\s*:\s*(?:"([^"\\]*(?:\\.[^"\\]*)*)"|(-?\d+)\b)')


# -- what the reader collects ------------------------------------------------------------
#
# A file holds many nodes and edges (most of them the dialogue layer), so the two classes
# read per item are plain slotted classes: building an attrs frozen instance costs about
# three times as much.


class _Node:
    """One valid node object: its id as a string, its type, the object itself."""

    __slots__ = ("id", "index", "raw", "type")

    def __init__(self, id: str, type: str, raw: dict[str, Any], index: int) -> None:
        self.id = id
        self.type = type
        self.raw = raw
        self.index = index


class _Edge:
    """One valid edge object between two known nodes (ids as strings)."""

    __slots__ = ("index", "raw", "source", "target")

    def __init__(self, source: str, target: str, raw: dict[str, Any], index: int) -> None:
        self.source = source
        self.target = target
        self.raw = raw
        self.index = index


_NO_EDGES: tuple[_Edge, ...] = ()


class _Graph:
    """The valid nodes of a document and the edges the argument layer may use, indexed
    by node id as they are read.

    ``types`` maps each node id to its type; ``s_nodes`` are the RA, MA, CA and PA nodes
    and ``i_nodes`` the I-nodes, each in file order. ``edges`` holds (in file order) only
    the valid edges that start or end at an S-node, and I -> I edges. The dialogue layer
    (most of a file) is carried from the file as it is: its nodes and edges get no object.
    """

    __slots__ = ("edges", "i_nodes", "incoming", "outgoing", "s_nodes", "types")

    def __init__(self) -> None:
        self.i_nodes: list[_Node] = []
        self.s_nodes: list[_Node] = []
        self.edges: list[_Edge] = []
        self.types: dict[str, str] = {}
        self.incoming: dict[str, list[_Edge]] = {}
        self.outgoing: dict[str, list[_Edge]] = {}

    def type(self, id: str) -> str:
        """The node type of ``id`` (I, RA, L...)."""
        return self.types[id]

    def into(self, id: str) -> Sequence[_Edge]:
        """The edges that end at the S-node ``id``, in file order."""
        return self.incoming.get(id, _NO_EDGES)

    def out_of(self, id: str) -> Sequence[_Edge]:
        """The edges that start at the S-node ``id``, in file order."""
        return self.outgoing.get(id, _NO_EDGES)


@attrs.frozen
class _Built:
    """What the argument layer became: model nodes, the edges they own, what was left out.

    ``bare`` maps the id of each inference read from a bare I -> I edge to that edge's
    index in the file, ``parts`` the id of each further conflict read from a CA-node
    with several sources to the CA's id.
    """

    inferences: tuple[Inference, ...]
    conflicts: tuple[Conflict, ...]
    owned: frozenset[int]
    modelled: frozenset[str]
    notes: tuple[dict[str, Any], ...]
    bare: Mapping[str, int]
    parts: Mapping[str, str]


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


# -- the dialogue layer: speakers and stances -------------------------------------------
#
# Inference Anchoring Theory (Budzynska & Reed, "Whence inference?", 2011; AIF+: Reed,
# Wells, Devereux & Rowe, COMMA 2008) anchors each I-node in the locution (L-node,
# "Speaker : what was said") that introduced it, through an illocution (YA-node:
# "Asserting", "Conceding", "Assertive Questioning"...). Who performed the locution is
# who holds the proposition, and the illocution says how.

ILLOCUTIONS: Mapping[str, Stance] = {
    "asserting": "asserted",
    "agreeing": "asserted",
    "arguing": "asserted",
    "restating": "asserted",
    "default illocuting": "asserted",
    "rhetorical questioning": "asserted",
    "conceding": "conceded",
    "popular conceding": "conceded",
    "assertive questioning": "hedged",
}
"""The illocutions (YA-node texts, compared without case) that give an I-node anchored
by them a speaker, and the stance each gives. Others (Pure Questioning, Challenging,
Disagreeing, Analysing, Araucaria's ``YA_<hash>`` placeholders) do not say that the
speaker holds the proposition, so they give none. A locution reporting another's words
("Keith Brown : Douglas Ross : ...") gives the reported speaker and stance ``reported``."""

_WRITTEN_ILLOCUTION: Mapping[Stance, str] = {
    "asserted": "Asserting",
    "reported": "Asserting",
    "conceded": "Conceding",
    "hedged": "Assertive Questioning",
}
"""The illocution the writer anchors a statement with, by its stance (a reported one
is written as its speaker's assertion, with the exact stance in the YA's ``argmap`` key)."""

_SPEAKER = re.compile(r"([^:\n]{1,100}?) ?: (.*)", re.DOTALL)
_REPORTED = re.compile(r"([^:\n]{1,100}?) : (.*)", re.DOTALL)

Attribution = tuple[str | None, Stance]


def _said_by(locution: Any) -> tuple[str, bool] | None:
    """The speaker of an L-node's text ``"Speaker : words"`` and whether the words
    report another speaker (``"A : B : words"``: then B, reported); None if unnamed."""
    if not isinstance(locution, str):
        return None
    found = _SPEAKER.fullmatch(locution)
    if found is None:
        return None
    inner = _REPORTED.fullmatch(found.group(2))
    if inner is not None and inner.group(1).strip():
        return inner.group(1).strip(), True
    return (found.group(1).strip(), False) if found.group(1).strip() else None


def _exact(value: Any) -> Attribution | None:
    """The speaker and stance argmap's writer put in a YA-node's ``argmap`` key."""
    if not isinstance(value, Mapping):
        return None
    speaker, stance = value.get("speaker"), value.get("stance", "asserted")
    if (speaker is None or isinstance(speaker, str)) and stance in STANCES:
        return speaker, stance
    return None


def _attributions(
    nodes: Sequence[Any], edges: Sequence[Any], statements: Set[str]
) -> dict[str, Attribution]:
    """Per I-node id (of ``statements``): the speaker and stance its anchors give.

    An anchor made by argmap's writer (a YA-node with an ``argmap`` key) is exact and
    comes first; then the first YA-node in file order whose illocution is in
    :data:`ILLOCUTIONS`, reached from an L-node that names its speaker.
    """
    illocutions: dict[str, dict[str, Any]] = {}
    locutions: dict[str, Any] = {}
    for raw in nodes:
        if not isinstance(raw, dict):
            continue
        kind = raw.get("type")
        if kind == "YA":
            illocutions[str(raw.get("nodeID"))] = raw
        elif kind == "L":
            locutions[str(raw.get("nodeID"))] = raw.get("text")
    if not illocutions:
        return {}
    said: dict[str, list[str]] = {}
    anchored: dict[str, list[str]] = {}
    for raw in edges:
        if not isinstance(raw, dict):
            continue
        source, target = str(raw.get("fromID")), str(raw.get("toID"))
        if target in illocutions and source in locutions:
            said.setdefault(target, []).append(source)
        elif source in illocutions and target in statements:
            anchored.setdefault(source, []).append(target)
    found: dict[str, Attribution] = {}
    for id, targets in anchored.items():
        given = _exact(illocutions[id].get(EXTRA_KEY))
        if given is not None:
            for statement in targets:
                found.setdefault(statement, given)
    for id, targets in anchored.items():
        text = illocutions[id].get("text")
        stance = ILLOCUTIONS.get(text.strip().lower()) if isinstance(text, str) else None
        speakers = [_said_by(locutions[lid]) for lid in said.get(id, ())]
        named = next((s for s in speakers if s is not None), None)
        if stance is None or named is None:
            continue
        attribution: Attribution = (named[0], "reported" if named[1] else stance)
        for statement in targets:
            found.setdefault(statement, attribution)
    return found


# -- reading: the argument layer to the model --------------------------------------------


def _scheme_of(type: str, node: Mapping[str, Any]) -> str | None:
    """The scheme an RA/MA node names (``scheme`` before ``text``), None if only generic."""
    generic = _GENERIC.get(type, frozenset())
    for candidate in (node.get("scheme"), node.get("text")):
        if isinstance(candidate, str) and candidate.strip() and candidate not in generic:
            return candidate
    return REPHRASE if type == "MA" else None


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


def _named(container: Mapping[str, Any]) -> set[str]:
    """Every id written as a nodeID in the container, whether its node is valid or not."""
    nodes = container.get("nodes")
    if not isinstance(nodes, list):
        return set()
    return {id for raw in nodes if isinstance(raw, dict) and (id := _id_of(raw.get("nodeID")))}


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
