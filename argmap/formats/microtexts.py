"""The arg-microtexts corpus (Peldszus & Stede 2015): arggraph XML, read only.

An ``<arggraph>`` holds elementary discourse units (``<edu>``, the text segments),
argumentative units (``<adu type="pro|opp">``) and typed ``<edge>`` elements:

=========================  =====================================================================
arggraph XML               argmap
=========================  =====================================================================
``<adu id="a1">``          :class:`~argmap.model.Statement` ``a1``; its text = the texts of the
                           ``<edu>`` elements segmented into it (``seg`` edges) joined by one
                           space; ``data["microtexts"]`` holds the ADU's ``type`` (pro/opp),
                           its EDU ids and ``implicit`` (part 2's unstated main claims)
``sup`` edge a2 -> a1      :class:`~argmap.model.Inference` with the edge's id, premise a2,
                           conclusion a1
``exa`` edge               the same, with ``scheme="example"``
``add`` edge a4 -> c3      a4 joins the relation of edge c3: one more (linked) premise of an
                           inference; for a conflict, one more conflict with the add edge's id
                           and the same target (the model's conflicts have one source)
``reb`` edge a1 -> a5      :class:`~argmap.model.Conflict` on the statement a5
``und`` edge a3 -> c2      a Conflict on the inference c2 made from a sup/exa edge (an
                           undercut); an ``und`` on a ``reb`` or ``und`` edge c1 is a Conflict
                           whose target is the conflict c1 (an undercut of that attack). An
                           ``und`` on an ``add`` edge attacks the relation the add joins (for
                           a conflict: the one with that relation's edge id)
central claim              the ADUs no sup/exa/reb/und/add edge leaves: ``map.theses``
``<arggraph>``             ``title`` = its ``id``; all its attributes in
                           ``map.data["microtexts"]["arggraph"]``
=========================  =====================================================================

Every element is held in the model: unlike the AIF reader, this one has no ``unmodelled`` list.

:func:`load` also reads the plain text beside the XML (``micro_b001.txt``) as the map's
``source`` and anchors each statement's quote in it (not implicit units, whose text is not
verbatim in the source). :func:`loads` has no file to look beside.

The XML is read with the standard library's expat parser, which keeps line and column for
messages. A document type declaration is refused (no entity can expand), as defusedxml
would; the corpus has none.
"""

from __future__ import annotations

import os
import pathlib
import xml.parsers.expat as expat
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

import attrs

from argmap.errors import FormatError, MapError
from argmap.formats._io import Lines, PathLike, control_problem, read_text
from argmap.model import ArgumentMap, Conflict, Inference, Quote, Statement
from argmap.report import Location, Problem

__all__ = ["ADU_TYPES", "EDGE_TYPES", "load", "loads"]

ADU_TYPES = ("pro", "opp")
"""The roles of argumentative units: proponent and opponent."""

EDGE_TYPES = ("seg", "sup", "exa", "reb", "und", "add")
"""Segmentation, support, support by example, rebuttal, undercut, linked addition."""

EXAMPLE = "example"
"""The scheme of an inference read from an ``exa`` edge."""

_REQUIRED: Mapping[str, tuple[str, ...]] = {
    "edu": ("id",),
    "adu": ("id", "type"),
    "edge": ("id", "src", "trg", "type"),
}
_ENDS: Mapping[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "seg": (("edu",), ("adu",)),
    "sup": (("adu",), ("adu",)),
    "exa": (("adu",), ("adu",)),
    "reb": (("adu",), ("adu",)),
    "und": (("adu",), ("sup", "exa", "reb", "und", "add")),
    "add": (("adu",), ("sup", "exa", "reb", "und", "add")),
}
"""Per edge type: what its ``src`` and its ``trg`` may name (element kinds or edge types)."""


@attrs.frozen
class _Element:
    """One ``<edu>``, ``<adu>`` or ``<edge>``: attributes, text, where it starts."""

    tag: str
    attributes: Mapping[str, str]
    line: int
    column: int
    text: str = ""

    @property
    def id(self) -> str:
        """The ``id`` attribute ("" when missing: reported, never used)."""
        return self.attributes.get("id", "")

    @property
    def kind(self) -> str:
        """``edu``, ``adu``, or for an edge its type (``sup``, ``reb``...)."""
        return self.attributes.get("type", "") if self.tag == "edge" else self.tag


@attrs.frozen
class _Finding:
    """A problem of the elements and what was expected in its place."""

    problem: Problem
    expected: str | None = None


@attrs.frozen
class _Document:
    """The parsed ``<arggraph>``: its attributes and its elements in order."""

    attributes: Mapping[str, str]
    elements: tuple[_Element, ...]
    line: int = 1
    column: int = 1


# -- parsing ---------------------------------------------------------------------------------


def _error(
    message: str, path: str | None, line: int | None, column: int | None, **more: Any
) -> FormatError:
    """A FormatError at a place in the file."""
    return FormatError(message, path=path, line=line, column=column, **more)


@attrs.frozen
class _Open:
    """An element whose end tag has not come yet, with the text seen inside it so far."""

    tag: str
    attributes: dict[str, str]
    line: int
    column: int
    texts: list[str] = attrs.field(factory=list)


@attrs.frozen
class _Collector:
    """Expat handlers that collect the arggraph's elements with where each one starts."""

    text: str
    path: str | None
    parser: Any
    root: list[dict[str, str]] = attrs.field(factory=list)
    root_at: list[tuple[int, int]] = attrs.field(factory=list)
    elements: list[_Element] = attrs.field(factory=list)
    open: list[_Open] = attrs.field(factory=list)

    def here(self) -> tuple[int, int]:
        """The 1-based line and column expat is at."""
        return self.parser.CurrentLineNumber, self.parser.CurrentColumnNumber + 1

    def doctype(self, *_: Any) -> None:
        """Refuse any DOCTYPE: no entity declared in one can then expand."""
        offset = self.text.find("<!DOCTYPE")
        line, column = Lines(self.text).at(offset) if offset >= 0 else self.here()
        raise _error(
            "a document type declaration (DOCTYPE) is not allowed",
            self.path,
            line,
            column,
            expected="<arggraph> without a DOCTYPE",
            code="doctype-forbidden",
        )

    def start(self, tag: str, attributes: dict[str, str]) -> None:
        """The root must be <arggraph>; below it only <edu>, <adu> and <edge>, not nested."""
        line, column = self.here()
        if not self.root and not self.open:
            _expect_root(tag, self.path, line, column)
            self.root.append(attributes)
            self.root_at.append((line, column))
            return
        if self.open or tag not in _REQUIRED:
            inside = f" inside <{self.open[-1].tag}>" if self.open else ""
            raise _error(
                f"unexpected element <{tag}>{inside}",
                self.path,
                line,
                column,
                expected="text only" if self.open else "<edu>, <adu> or <edge>",
                code="unexpected-element",
            )
        self.open.append(_Open(tag, attributes, line, column))

    def end(self, tag: str) -> None:
        """Close an <edu>, <adu> or <edge> (the root's end needs nothing)."""
        if self.open and self.open[-1].tag == tag:
            done = self.open.pop()
            element = _Element(tag, done.attributes, done.line, done.column, "".join(done.texts))
            self.elements.append(element)

    def characters(self, data: str) -> None:
        """Text (CDATA included) inside an element; white space between elements is dropped."""
        if self.open:
            self.open[-1].texts.append(data)


def _parse(text: str, path: str | None) -> _Document:
    """The arggraph in ``text``; malformed XML, a DOCTYPE or stray elements raise."""
    if not text.strip():
        raise _error("the file is empty", path, 1, 1, expected="<arggraph>", code="empty-file")
    parser = expat.ParserCreate()
    parser.buffer_text = True
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    collector = _Collector(text, path, parser)
    parser.StartDoctypeDeclHandler = collector.doctype
    parser.EntityDeclHandler = collector.doctype
    parser.StartElementHandler = collector.start
    parser.EndElementHandler = collector.end
    parser.CharacterDataHandler = collector.characters
    try:
        parser.Parse(text, True)
    except UnicodeEncodeError as error:
        line, column = Lines(text).at(error.start)
        message = "a lone surrogate is no character"
        raise _error(message, path, line, column, code="invalid-xml") from None
    except expat.ExpatError as error:
        message = f"invalid XML: {expat.ErrorString(error.code)}"
        raise _error(message, path, error.lineno, error.offset + 1, code="invalid-xml") from None
    return _Document(collector.root[0], tuple(collector.elements), *collector.root_at[0])


def _expect_root(tag: str, path: str | None, line: int, column: int) -> None:
    """The root must be ``<arggraph>``: anything else is not this format."""
    if tag != "arggraph":
        raise _error(
            f"the root element is <{tag}>",
            path,
            line,
            column,
            expected="<arggraph>",
            code="unexpected-element",
        )


# -- checking ----------------------------------------------------------------------------------


def _problem(
    element: _Element,
    code: str,
    message: str,
    path: str | None,
    expected: str | None,
    ids: Sequence[str] = (),
) -> _Finding:
    """A problem located at ``element``'s start tag."""
    where = Location(path, element.line, element.column)
    return _Finding(Problem(code, "error", tuple(ids) or (element.id,), message, where), expected)


def _name(element: _Element) -> str:
    """``<edge id='c1'>``: how messages name an element."""
    return f"<{element.tag} id={element.id!r}>" if element.id else f"<{element.tag}>"


def _attribute_problems(element: _Element, path: str | None) -> Iterator[_Finding]:
    """Missing attributes, an unknown ADU role, an unknown edge type."""
    for name in _REQUIRED[element.tag]:
        if not element.attributes.get(name):
            message = f'{_name(element)} has no "{name}" attribute'
            yield _problem(element, "missing-field", message, path, f'a "{name}" attribute')
    kind = element.attributes.get("type")
    if element.tag == "adu" and kind and kind not in ADU_TYPES:
        message = f"{_name(element)} has the unknown type {kind!r}"
        yield _problem(element, "invalid-field", message, path, " or ".join(ADU_TYPES))
    if element.tag == "edge" and kind and kind not in EDGE_TYPES:
        message = f"{_name(element)} has the unknown type {kind!r}"
        expected = "one of " + ", ".join(EDGE_TYPES)
        yield _problem(element, "unknown-edge-type", message, path, expected)


def _text_problems(element: _Element, path: str | None) -> Iterator[_Finding]:
    """Ids and EDU texts holding a control character (XML allows DEL, U+007F, and C1
    characters), which no text format could write back."""
    values = [
        (f"{name}={element.attributes[name]!r}", element.attributes[name])
        for name in ("id", "src", "trg")
        if name in element.attributes
    ]
    if element.tag == "edu":
        values.append(("text", element.text))
    for what, value in values:
        problem = control_problem(value)
        if problem is not None:
            message = f"{_name(element)} {what}: {problem}"
            yield _problem(element, "invalid-text", message, path, "text")


def _described(kind: str) -> str:
    """``an adu``, ``a sup edge``: an element kind (or edge type) in words."""
    return f"an {kind}" if kind in ("edu", "adu") else f"a {kind} edge"


def _kinds(kinds: Sequence[str]) -> str:
    """``an adu``, ``an edge of type sup, exa, reb, und or add``."""
    if len(kinds) == 1:
        return _described(kinds[0])
    return f"an edge of type {', '.join(kinds[:-1])} or {kinds[-1]}"


def _reference_problems(
    edge: _Element, by_id: Mapping[str, _Element], path: str | None
) -> Iterator[_Finding]:
    """``src`` and ``trg`` must name existing elements of the kinds the edge type allows."""
    for name, kinds in zip(("src", "trg"), _ENDS[edge.kind], strict=True):
        ref = edge.attributes[name]
        expected = f"the id of {_kinds(kinds)}"
        if ref not in by_id:
            message = f"{_name(edge)} {name}={ref!r} names no element"
            yield _problem(edge, "unknown-reference", message, path, expected, (ref, edge.id))
        elif by_id[ref].kind not in kinds:
            message = (
                f"the {edge.kind} {_name(edge)} {name}={ref!r} names "
                f"{_described(by_id[ref].kind)}, not {_kinds(kinds)}"
            )
            yield _problem(edge, "invalid-reference", message, path, expected, (ref, edge.id))


def _cycle_problems(edges: Mapping[str, _Element], path: str | None) -> Iterator[_Finding]:
    """add edges whose chain of targets runs in a circle never reach a relation."""
    for edge in edges.values():
        if edge.kind == "add" and _resolve(edge.id, edges) is None:
            message = f"{_name(edge)} is part of a circle of add edges"
            expected = "a chain of add edges ending at a sup, exa, reb or und edge"
            yield _problem(edge, "invalid-reference", message, path, expected)


def _problems(document: _Document, path: str | None) -> list[_Finding]:
    """Every problem of the elements: attributes, duplicate ids, references, circles."""
    problems = [p for element in document.elements for p in _attribute_problems(element, path)]
    root = _Element("arggraph", document.attributes, document.line, document.column)
    problems += [p for e in (root, *document.elements) for p in _text_problems(e, path)]
    by_id: dict[str, _Element] = {}
    for element in document.elements:
        if element.id and element.id in by_id:
            message = f"the id {element.id!r} is used twice (line {by_id[element.id].line})"
            problems.append(_problem(element, "duplicate-id", message, path, "unique ids"))
        elif element.id:
            by_id[element.id] = element
    if problems:
        return problems
    edges = {e.id: e for e in document.elements if e.tag == "edge"}
    for edge in edges.values():
        problems.extend(_reference_problems(edge, by_id, path))
    return problems or list(_cycle_problems(edges, path))


def _raise(findings: Sequence[_Finding], path: str | None) -> None:
    """One FormatError for the first finding, listing all of them."""
    problems = [finding.problem for finding in findings]
    raise FormatError.from_problems(problems, path=path, expected=findings[0].expected)


# -- building the map ------------------------------------------------------------------------


def _resolve(edge_id: str, edges: Mapping[str, _Element]) -> str | None:
    """The relation (sup/exa/reb/und edge) an ``add`` chain from ``edge_id`` joins.

    An und or a relation resolves to itself; None for a circle of add edges.
    """
    seen: set[str] = set()
    current = edge_id
    while edges[current].kind == "add":
        if current in seen:
            return None
        seen.add(current)
        current = edges[current].attributes["trg"]
    return current


@attrs.frozen
class _Relations:
    """What the edges became: inference premises and conflicts."""

    premises: Mapping[str, list[str]]
    conflicts: list[Conflict]


def _relations(edges: Mapping[str, _Element]) -> _Relations:
    """sup/exa -> premises, reb/und -> conflicts, add -> joined to its relation.

    An und edge targets the relation its ``trg`` resolves to: the inference of a sup/exa
    edge, or the conflict of a reb/und edge.
    """
    premises = {e.id: [e.attributes["src"]] for e in edges.values() if e.kind in ("sup", "exa")}
    heads: dict[str, Conflict] = {}
    for edge in edges.values():
        source = edge.attributes["src"]
        if edge.kind == "reb":
            heads[edge.id] = _conflict(edge.id, source, edge.attributes["trg"], "reb")
        elif edge.kind == "und":
            target = str(_resolve(edge.attributes["trg"], edges))
            heads[edge.id] = _conflict(edge.id, source, target, "und")
    parts: list[Conflict] = []
    for edge in edges.values():
        if edge.kind != "add":
            continue
        joined = str(_resolve(edge.id, edges))
        source = edge.attributes["src"]
        if joined in premises:
            premises[joined].append(source)
        else:
            part = _conflict(edge.id, source, heads[joined].target, "add")
            parts.append(attrs.evolve(part, data={"microtexts": {"type": "add", "joins": joined}}))
    conflicts = [*heads.values(), *parts]
    order = {id: n for n, id in enumerate(edges)}
    conflicts.sort(key=lambda conflict: order[conflict.id])
    return _Relations(premises, conflicts)


def _conflict(id: str, source: str, target: str, type: str) -> Conflict:
    """A conflict that remembers the XML edge type it was read from."""
    return Conflict(id, source, target, data={"microtexts": {"type": type}})


def _statements(document: _Document) -> list[Statement]:
    """One statement per ADU, its text the EDUs segmented into it, in document order."""
    edus = {e.id: e for e in document.elements if e.tag == "edu"}
    segments: dict[str, list[str]] = {}
    for edge in document.elements:
        if edge.tag == "edge" and edge.kind == "seg":
            segments.setdefault(edge.attributes["trg"], []).append(edge.attributes["src"])
    statements = []
    for adu in (e for e in document.elements if e.tag == "adu"):
        parts = sorted(segments.get(adu.id, []), key=list(edus).index)
        data: dict[str, Any] = {"type": adu.attributes["type"], "edus": parts}
        if any(edus[part].attributes.get("implicit") == "true" for part in parts):
            data["implicit"] = True
        text = " ".join(" ".join(edus[part].text.split()) for part in parts)
        statements.append(Statement(adu.id, text, data={"microtexts": data}))
    return statements


def _theses(document: _Document) -> tuple[str, ...]:
    """The ADUs no sup/exa/reb/und/add edge leaves: the central claim(s)."""
    arguing = {
        e.attributes["src"] for e in document.elements if e.tag == "edge" and e.kind != "seg"
    }
    return tuple(e.id for e in document.elements if e.tag == "adu" and e.id not in arguing)


def _build(document: _Document, path: str | None) -> ArgumentMap:
    """The map of a checked arggraph, with the location of every node."""
    edges = {e.id: e for e in document.elements if e.tag == "edge"}
    relations = _relations(edges)
    inferences = [
        Inference(
            id,
            tuple(premises),
            edges[id].attributes["trg"],
            EXAMPLE if edges[id].kind == "exa" else None,
            data={"microtexts": {"type": edges[id].kind}},
        )
        for id, premises in relations.premises.items()
    ]
    data: dict[str, Any] = {"arggraph": dict(document.attributes)}
    locations = {
        e.id: Location(path, e.line, e.column) for e in document.elements if e.tag != "edu"
    }
    return ArgumentMap(
        title=document.attributes.get("id", ""),
        statements=_statements(document),
        inferences=inferences,
        conflicts=relations.conflicts,
        theses=_theses(document),
        data={"microtexts": data},
        locations=locations,
    )


def loads(text: str, *, path: str | None = None) -> ArgumentMap:
    """Read an arggraph XML document; every problem found is in the FormatError raised."""
    document = _parse(text, path)
    problems = _problems(document, path)
    if problems:
        _raise(problems, path)
    try:
        return _build(document, path)
    except MapError as error:  # a safety net: the checks above should leave nothing to refuse
        raise _refused(error, document, path) from None


def _refused(error: MapError, document: _Document, path: str | None) -> FormatError:
    """A MapError from building the map, as a FormatError at the elements it names."""
    places = {e.id: Location(path, e.line, e.column) for e in document.elements if e.id}
    first = Location(path, 1, 1)
    problems = [
        attrs.evolve(p, location=next((places[i] for i in p.ids if i in places), first))
        for p in error.problems
    ]
    return FormatError.from_problems(problems, path=path)


def _quoted(map: ArgumentMap, source: str) -> ArgumentMap:
    """``map`` with ``source`` and, where found verbatim, each explicit statement's quote."""
    statements = []
    for statement in map.statements.values():
        quote = (
            None
            if statement.data["microtexts"].get("implicit")
            else Quote.find(statement.text, source)
        )
        statements.append(attrs.evolve(statement, quote=quote if quote and quote.located else None))
    return attrs.evolve(map, source=source, statements=statements)


def sources(path: PathLike) -> tuple[pathlib.Path, ...]:
    """The files :func:`load` reads for ``path``: the XML and the text beside it, if any."""
    xml = pathlib.Path(path)
    text_path = xml.with_suffix(".txt") if xml.name else xml  # "/" or "." has no name
    return (xml, text_path) if text_path.is_file() else (xml,)


def load(path: PathLike) -> ArgumentMap:
    """Read the arggraph XML at ``path`` and, if there is one beside it, its ``.txt`` text."""
    result = loads(read_text(path), path=os.fspath(path))
    read = sources(path)
    return result if len(read) == 1 else _quoted(result, read_text(read[1]))
