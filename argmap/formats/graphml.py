"""GraphML (write only): the map as a typed graph for networkx, yEd, Gephi and Cytoscape.

GraphML is the XML graph format of Brandes, Eiglsperger, Herman, Himsolt & Marshall
("GraphML progress report: structural layer proposal", *Graph Drawing* 2001, LNCS
2265; the schema at http://graphml.graphdrawing.org/xmlns). Every statement,
inference and conflict is a node, keyed by its own id, and the edges are those of
the Argument Interchange Format (Chesñevar et al., "Towards an argument interchange
format", *Knowledge Engineering Review* 21(4), 2006): I-node → RA-node → I-node for
an inference, I-node → CA-node → target for a conflict (its target a statement, an
inference for an undercut, or another conflict).

Node attributes (``<key for="node">``; each written only on the nodes it applies to):

| `attr.name` | type | meaning |
| --- | --- | --- |
| `kind` | string | `statement`, `inference` or `conflict` |
| `label` | string | what a viewer shows: a statement's text, an inference's `label` |
| `text` | string | a statement's text |
| `thesis` | boolean | whether the statement is a thesis of the map |
| `tags` | string | a statement's tags as a JSON array: `["leverage", "betrayal"]` (note 1) |
| `speaker` | string | who holds the statement in the text (left out: the map's author) |
| `stance` | string | `asserted`, `reported`, `hedged` or `conceded` |
| `quote` | string | the verbatim span of the source a statement is anchored to |
| `quote_start`, `quote_end` | int | where the quote starts and ends in the source (when located) |
| `scheme` | string | an inference's argument scheme (a key of `SCHEMES`) |
| `slots` | string | which premise fills which slot of the scheme, as a JSON object |
| `attack` | string | the conflict's kind by structure: `rebuttal`, `undermining`, `undercut` |
| `declared` | string | the kind the conflict's author declared, when one was |
| `question` | string | the critical question a conflict raises |
| `contradiction` | boolean | whether a conflict is answered by one running the other way |
| `implicit` | boolean | an inference or conflict the text leaves unsaid |
| `data` | string | the node's `data` as a JSON object, when it has any |

(1) A JSON array is unambiguous whatever a tag holds (commas, quotes, line breaks), and
``json.loads`` gives the tags back. Gephi and yEd take ``label`` for the node's name.

Each edge has ``relation``: ``premise`` (statement → inference), ``conclusion``
(inference → statement), ``source`` (statement → conflict) or ``target`` (conflict →
its target). A premise listed twice is one edge; a reference to an id the map lacks
(which :func:`argmap.check` reports) gets no edge, as in the diagram. The graph has
the map's ``title``. Nodes come in the map's order (statements, inferences,
conflicts), edges in the order of the nodes they belong to, and edge ids are
``e0``, ``e1``...: the same map always gives byte-identical GraphML.

What GraphML cannot hold is refused, never silently changed: two nodes of one id
(a statement and a conflict both called ``x``) and text XML 1.0 has no character
for (control characters other than tab, line feed and carriage return; U+FFFE,
U+FFFF) raise :class:`~argmap.errors.MapError` naming the node and the character.
Every other character is kept exactly: markup characters are escaped, and line
breaks and tabs are written as character references where an XML parser would
otherwise fold them. Arguments (Argdown's named groups), the source text and the
map's ``data`` are not written.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

from argmap.errors import MapError
from argmap.formats._io import PathLike, write_text
from argmap.model import ArgumentMap, Conflict, Inference, Statement
from argmap.report import Problem

__all__ = ["EDGE_KEYS", "NAMESPACE", "NODE_KEYS", "dump", "dumps", "edges"]

NAMESPACE = "http://graphml.graphdrawing.org/xmlns"
"""GraphML's XML namespace."""

_SCHEMA = "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd"

NODE_KEYS: tuple[tuple[str, str], ...] = (
    ("kind", "string"),
    ("label", "string"),
    ("text", "string"),
    ("thesis", "boolean"),
    ("tags", "string"),
    ("speaker", "string"),
    ("stance", "string"),
    ("quote", "string"),
    ("quote_start", "int"),
    ("quote_end", "int"),
    ("scheme", "string"),
    ("slots", "string"),
    ("attack", "string"),
    ("declared", "string"),
    ("question", "string"),
    ("contradiction", "boolean"),
    ("implicit", "boolean"),
    ("data", "string"),
)
"""The node attributes, as (``attr.name``, ``attr.type``), in the order written."""

EDGE_KEYS: tuple[tuple[str, str], ...] = (("relation", "string"),)
"""The edge attributes: ``relation`` is premise, conclusion, source or target."""

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
"""What XML 1.0 has no character for (its ``Char`` production): control characters
but tab, line feed and carriage return; U+FFFE and U+FFFF; surrogates."""

_TEXT = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"}
_ATTRIBUTE = {**_TEXT, '"': "&quot;", "\n": "&#10;", "\t": "&#9;"}
_TEXT_SPECIAL = re.compile("[&<>\r]")
_ATTRIBUTE_SPECIAL = re.compile('[&<>\r"\n\t]')


def _text(value: str) -> str:
    """``value`` as XML character data: markup escaped, a carriage return kept as a
    character reference (a parser turns a raw one into a line feed)."""
    return _TEXT_SPECIAL.sub(lambda match: _TEXT[match.group()], value)


def _attribute(value: str) -> str:
    """``value`` inside a double-quoted XML attribute: as :func:`_text`, plus the quote,
    and line breaks and tabs as references (a parser folds raw ones into spaces)."""
    return _ATTRIBUTE_SPECIAL.sub(lambda match: _ATTRIBUTE[match.group()], value)


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=False)


def _statement_data(map: ArgumentMap, statement: Statement) -> Iterator[tuple[str, str]]:
    yield "kind", "statement"
    yield "label", statement.text
    yield "text", statement.text
    yield "thesis", "true" if statement.id in map.theses else "false"
    if statement.tags:
        yield "tags", _json(list(statement.tags))
    if statement.speaker is not None:
        yield "speaker", statement.speaker
    yield "stance", statement.stance
    if statement.quote is not None:
        yield "quote", statement.quote.text
        if statement.quote.start is not None and statement.quote.end is not None:
            yield "quote_start", str(statement.quote.start)
            yield "quote_end", str(statement.quote.end)
    if statement.data:
        yield "data", _json(statement.data)


def _inference_data(inference: Inference) -> Iterator[tuple[str, str]]:
    yield "kind", "inference"
    if inference.label is not None:
        yield "label", inference.label
    if inference.scheme is not None:
        yield "scheme", inference.scheme
    if inference.slots:
        yield "slots", _json(inference.slots)
    yield "implicit", "true" if inference.implicit else "false"
    if inference.data:
        yield "data", _json(inference.data)


def _conflict_data(map: ArgumentMap, conflict: Conflict) -> Iterator[tuple[str, str]]:
    yield "kind", "conflict"
    yield "attack", map.kind(conflict.id)
    if conflict.kind is not None:
        yield "declared", conflict.kind
    if conflict.question is not None:
        yield "question", conflict.question
    yield "contradiction", "true" if map.is_contradiction(conflict.id) else "false"
    yield "implicit", "true" if conflict.implicit else "false"
    if conflict.data:
        yield "data", _json(conflict.data)


def _nodes(map: ArgumentMap) -> Iterator[tuple[str, str, list[tuple[str, str]]]]:
    """Each node as (kind, id, its attributes)."""
    for statement in map.statements.values():
        yield "statement", statement.id, list(_statement_data(map, statement))
    for inference in map.inferences.values():
        yield "inference", inference.id, list(_inference_data(inference))
    for conflict in map.conflicts.values():
        yield "conflict", conflict.id, list(_conflict_data(map, conflict))


def edges(map: ArgumentMap) -> list[tuple[str, str, str]]:
    """The AIF edges of ``map`` as (source id, target id, relation), in the order
    GraphML writes them; references to ids the map lacks give none."""
    known = set(map.statements) | set(map.inferences) | set(map.conflicts)
    found: list[tuple[str, str, str]] = []
    for inference in map.inferences.values():
        for premise in dict.fromkeys(inference.premises):
            if premise in known:
                found.append((premise, inference.id, "premise"))
        if inference.conclusion in known:
            found.append((inference.id, inference.conclusion, "conclusion"))
    for conflict in map.conflicts.values():
        if conflict.source in known:
            found.append((conflict.source, conflict.id, "source"))
        if conflict.target in known:
            found.append((conflict.id, conflict.target, "target"))
    return found


def _problems(
    map: ArgumentMap, nodes: list[tuple[str, str, list[tuple[str, str]]]]
) -> Iterator[Problem]:
    """What GraphML cannot hold: an id shared by two nodes, a character XML 1.0 lacks."""
    kinds: dict[str, list[str]] = {}
    for kind, id, _ in nodes:
        kinds.setdefault(id, []).append(kind)
    for id, shared in kinds.items():
        if len(shared) > 1:
            yield Problem(
                "duplicate-id",
                "error",
                (id,),
                f"the id {id!r} names a {' and a '.join(shared)}: GraphML needs one node per id.",
            )
    if map.title and (match := _NOT_XML.search(map.title)) is not None:
        yield _unwritable((), "the map's title", match)
    for kind, id, attributes in nodes:
        if (match := _NOT_XML.search(id)) is not None:
            yield _unwritable((id,), f"the id of {kind} {id!r}", match)
        for name, value in attributes:
            if name == "label" and kind == "statement":
                continue  # the text, reported once
            if (match := _NOT_XML.search(value)) is not None:
                yield _unwritable((id,), f"the {name} of {kind} {id!r}", match)


def _unwritable(ids: tuple[str, ...], where: str, match: re.Match[str]) -> Problem:
    character = f"U+{ord(match.group()):04X}"
    return Problem(
        "invalid-value",
        "error",
        ids,
        f"{where} holds {character} at offset {match.start()}, which XML 1.0 cannot hold.",
    )


def dumps(map: ArgumentMap) -> str:
    """``map`` as a GraphML document (see the module's description for its keys).

    Raises :class:`~argmap.errors.MapError` for what GraphML cannot hold: two nodes
    sharing an id, or a character XML 1.0 has none for.
    """
    nodes = list(_nodes(map))
    problems = list(_problems(map, nodes))
    if problems:
        raise MapError(problems)
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<graphml xmlns="{NAMESPACE}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
        f' xsi:schemaLocation="{NAMESPACE} {_SCHEMA}">',
        '  <key id="title" for="graph" attr.name="title" attr.type="string"/>',
    ]
    lines += [
        f'  <key id="{name}" for="node" attr.name="{name}" attr.type="{type}"/>'
        for name, type in NODE_KEYS
    ]
    lines += [
        f'  <key id="{name}" for="edge" attr.name="{name}" attr.type="{type}"/>'
        for name, type in EDGE_KEYS
    ]
    lines.append('  <graph id="argmap" edgedefault="directed">')
    if map.title:
        lines.append(f'    <data key="title">{_text(map.title)}</data>')
    for _, id, attributes in nodes:
        lines.append(f'    <node id="{_attribute(id)}">')
        lines += [f'      <data key="{name}">{_text(value)}</data>' for name, value in attributes]
        lines.append("    </node>")
    for number, (source, target, relation) in enumerate(edges(map)):
        lines.append(
            f'    <edge id="e{number}" source="{_attribute(source)}" '
            f'target="{_attribute(target)}">'
            f'<data key="relation">{relation}</data></edge>'
        )
    lines += ["  </graph>", "</graphml>"]
    return "\n".join(lines) + "\n"


def dump(map: ArgumentMap, path: PathLike) -> None:
    """Write ``map`` to ``path`` as GraphML, atomically."""
    write_text(path, dumps(map))
