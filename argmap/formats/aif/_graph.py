"""What an AIF file holds once parsed: its node types, the nodes and edges the reader
collects (plain slotted classes: a file holds many), and the scheme a node names.

Part of :mod:`argmap.formats.aif`, which re-exports the public names.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any, Literal

import attrs

from argmap.model import (
    Conflict,
    Inference,
)

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


def _scheme_of(type: str, node: Mapping[str, Any]) -> str | None:
    """The scheme an RA/MA node names (``scheme`` before ``text``), None if only generic."""
    generic = _GENERIC.get(type, frozenset())
    for candidate in (node.get("scheme"), node.get("text")):
        if isinstance(candidate, str) and candidate.strip() and candidate not in generic:
            return candidate
    return REPHRASE if type == "MA" else None
