"""argmap's native JSON: lossless and versioned (``"argmap": 1``).

The layout is described by ``argmap/formats/argmap.schema.json`` (JSON Schema
2020-12). Nodes are lists in map order; empty and default fields are left out (a
statement's ``speaker`` ``None`` and ``stance`` ``"asserted"``, an inference's empty
``slots`` and ``implicit`` false, a conflict's undeclared ``kind``...), so files written
before those fields existed read and write unchanged, and files stay small and diffs
readable; keys are written in a fixed order and nothing
varies between runs, so a file is reproducible byte for byte.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator, Mapping
from typing import Any

import attrs

from argmap.check import reference_problems
from argmap.errors import FormatError, MapError
from argmap.formats._io import (
    JsonIssue,
    JsonPath,
    Lines,
    PathLike,
    control_problem,
    json_offset,
    locate_ids,
    may_hold_controls,
    parse_json,
    raise_at_paths,
    read_text,
    write_text,
)
from argmap.model import (
    CONFLICT_KINDS,
    STANCES,
    Argument,
    ArgumentMap,
    Conflict,
    Inference,
    Quote,
    Stance,
    Statement,
)

__all__ = ["VERSION", "dump", "dumps", "load", "loads"]

VERSION = 1


# -- writing ---------------------------------------------------------------------------


def _pruned(fields: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in fields.items() if value not in (None, (), [], {}, "")}


def _quote(quote: Quote | None) -> dict[str, Any] | None:
    if quote is None:
        return None
    return {"text": quote.text, **_pruned({"start": quote.start, "end": quote.end})}


def to_document(map: ArgumentMap) -> dict[str, Any]:
    """``map`` as a JSON-ready dict."""
    return {
        "argmap": VERSION,
        "title": map.title,
        **({} if map.source is None else {"source": map.source}),
        **_pruned({"theses": list(map.theses), "data": dict(map.data)}),
        "statements": [
            {
                "id": s.id,
                "text": s.text,
                **_pruned(
                    {
                        "quote": _quote(s.quote),
                        "tags": list(s.tags),
                        "data": dict(s.data),
                    }
                ),
                **({} if s.speaker is None else {"speaker": s.speaker}),
                **({} if s.stance == "asserted" else {"stance": s.stance}),
            }
            for s in map.statements.values()
        ],
        "inferences": [
            {
                "id": i.id,
                "premises": list(i.premises),
                "conclusion": i.conclusion,
                **_pruned(
                    {
                        "scheme": i.scheme,
                        "label": i.label,
                        "data": dict(i.data),
                        "slots": dict(i.slots),
                    }
                ),
                **({"implicit": True} if i.implicit else {}),
            }
            for i in map.inferences.values()
        ],
        "conflicts": [
            {
                "id": c.id,
                "source": c.source,
                "target": c.target,
                **_pruned({"data": dict(c.data), "kind": c.kind}),
                **({} if c.question is None else {"question": c.question}),
                **({"implicit": True} if c.implicit else {}),
            }
            for c in map.conflicts.values()
        ],
        **_pruned(
            {
                "arguments": [
                    {
                        "id": a.id,
                        **_pruned(
                            {
                                "title": a.title,
                                "text": a.text,
                                "statements": list(a.statements),
                                "inferences": list(a.inferences),
                                "conclusion": a.conclusion,
                                "tags": list(a.tags),
                                "data": dict(a.data),
                            }
                        ),
                    }
                    for a in map.arguments.values()
                ]
            }
        ),
    }


def dumps(map: ArgumentMap) -> str:
    """``map`` as native JSON text (UTF-8, indented, ending in a newline).

    A map with unknown references or duplicate ids is refused with a :class:`MapError`
    listing them all: the reader refuses such a file, and nothing is written that
    argmap cannot read back.
    """
    broken = [p for p in reference_problems(map) if p.code in ("unknown-reference", "duplicate-id")]
    if broken:
        raise MapError(broken)
    return json.dumps(to_document(map), ensure_ascii=False, indent=2) + "\n"


def dump(map: ArgumentMap, path: PathLike) -> None:
    """Write ``map`` to ``path`` as native JSON, atomically."""
    write_text(path, dumps(map))


# -- reading ---------------------------------------------------------------------------
#
# Every problem is found with the JSON path of the value it concerns (``("statements", 3,
# "text")``); the path is turned into a line and column only when the error is raised, so
# reading a good file pays nothing for it.

_KEYS: Mapping[str, frozenset[str]] = {
    "$": frozenset(
        {"argmap", "title", "source", "theses", "data", "statements", "inferences"}
        | {"conflicts", "arguments"}
    ),
    "statements": frozenset({"id", "text", "quote", "tags", "data", "speaker", "stance"}),
    "inferences": frozenset(
        {"id", "premises", "conclusion", "scheme", "label", "data", "slots", "implicit"}
    ),
    "conflicts": frozenset({"id", "source", "target", "data", "kind", "question", "implicit"}),
    "arguments": frozenset(
        {"id", "title", "text", "statements", "inferences", "conclusion", "tags", "data"}
    ),
    "quote": frozenset({"text", "start", "end"}),
}
"""The keys each object may have (as the schema's ``additionalProperties: false``): an
unknown key is refused rather than dropped, so nothing written in a file is lost."""


def _dollar(path: JsonPath) -> str:
    """``$.statements[3].text``: a JSON path as messages show it."""
    return "$" + "".join(f"[{step}]" if isinstance(step, int) else f".{step}" for step in path)


class _Reader:
    """Walks a parsed document, collecting every problem with its JSON path."""

    def __init__(self, controls: bool = False) -> None:
        self.controls = controls
        """True when some string may hold a control character: then each is checked."""
        self.issues: list[JsonIssue] = []
        self.ids: dict[str, JsonPath] = {}
        """Where each node's (and argument's) id is written, first occurrence."""

    def fail(
        self, where: JsonPath, message: str, code: str = "invalid-field", ids: tuple[str, ...] = ()
    ) -> None:
        self.issues.append(JsonIssue(code, f"{_dollar(where)}: {message}", where, ids))

    def keys(self, obj: dict[str, Any], kind: str, where: JsonPath) -> None:
        """Refuse the keys an object of ``kind`` does not have."""
        for key in obj.keys() - _KEYS[kind]:
            allowed = ", ".join(sorted(_KEYS[kind]))
            self.fail((*where, key), f"unknown key (expected one of {allowed})", "unknown-field")

    def field(
        self,
        obj: dict[str, Any],
        key: str,
        kind: type | tuple[type, ...],
        where: JsonPath,
        default: Any = None,
        required: bool = False,
    ) -> Any:
        """``obj[key]`` if it is of ``kind`` (and, a string, one a text format can hold),
        else ``default`` with an issue at its path; a missing optional key or a null is
        ``default``."""
        if key not in obj:
            if required:
                self.fail(where, f'missing "{key}"', "missing-field")
            return default
        value = obj[key]
        if value is None and not required:
            return default
        if not isinstance(value, kind) or (isinstance(value, bool) and kind is int):
            names = (
                kind.__name__ if isinstance(kind, type) else " or ".join(k.__name__ for k in kind)
            )
            self.fail((*where, key), f"expected {_json_name(names)}, got {_json_type(value)}")
            return default
        if self.controls and value.__class__ is str and key != "source":
            return self.text(value, (*where, key), default)
        return value

    def text(self, value: str, where: JsonPath, default: Any) -> Any:
        """``value``, or ``default`` with an issue if no text format could hold it."""
        problem = control_problem(value)
        if problem is None:
            return value
        self.fail(where, problem, "invalid-text")
        return default

    def id(self, obj: dict[str, Any], where: JsonPath, key: str = "id") -> str:
        """A required, non-empty id (as the schema says: ``minLength: 1``)."""
        value: str = self.field(obj, key, str, where, "", required=True)
        if key in obj and value == "" and isinstance(obj[key], str):
            self.fail((*where, key), "an id cannot be empty")
        return value

    def offset(self, obj: dict[str, Any], key: str, where: JsonPath) -> int | None:
        """A quote's ``start`` or ``end``: an integer, 0 or more (the schema's minimum)."""
        value: int | None = self.field(obj, key, int, where)
        if value is not None and value < 0:
            self.fail((*where, key), f"expected an offset (0 or more), got {value}")
            return None
        return value

    def strings(self, obj: dict[str, Any], key: str, where: JsonPath) -> tuple[str, ...]:
        """A list of strings (ids, tags); the first item that is not one is reported."""
        values = self.field(obj, key, list, where, [])
        good = tuple(v for v in values if isinstance(v, str))
        if self.controls:
            for n, value in enumerate(values):
                if isinstance(value, str):
                    self.text(value, (*where, key, n), None)
        if len(good) != len(values):
            bad = next(n for n, v in enumerate(values) if not isinstance(v, str))
            self.fail(
                (*where, key, bad), f"expected a list of strings, got {_json_type(values[bad])}"
            )
        return good

    def choice(
        self, obj: dict[str, Any], key: str, where: JsonPath, allowed: tuple[str, ...]
    ) -> Any:
        """A string that must be one of ``allowed`` (a stance, a conflict kind); None if
        missing, with an issue if it is another value."""
        value = self.field(obj, key, str, where)
        if value is not None and value not in allowed:
            expected = ", ".join(allowed)
            self.fail((*where, key), f"expected one of {expected}, got {value!r}")
            return None
        return value

    def flag(self, obj: dict[str, Any], key: str, where: JsonPath) -> bool:
        """An optional boolean (``implicit``): false when missing."""
        value: bool = self.field(obj, key, bool, where, False)
        return value

    def slots(self, obj: dict[str, Any], where: JsonPath) -> dict[str, str]:
        """An inference's slots: an object mapping each slot name to a premise id."""
        value: dict[str, Any] = self.field(obj, "slots", dict, where, {})
        good: dict[str, str] = {}
        for slot, premise in value.items():
            if not isinstance(premise, str):
                self.fail(
                    (*where, "slots", slot),
                    f"expected a premise id (a string), got {_json_type(premise)}",
                )
            elif self.controls:
                good[slot] = self.text(premise, (*where, "slots", slot), premise)
            else:
                good[slot] = premise
        return good

    def objects(
        self, document: dict[str, Any], key: str
    ) -> Iterator[tuple[JsonPath, dict[str, Any]]]:
        """Each object of the list ``document[key]`` with its path; other items reported."""
        for n, item in enumerate(self.field(document, key, list, (), [])):
            where: JsonPath = (key, n)
            if isinstance(item, dict):
                self.keys(item, key, where)
                yield where, item
            else:
                self.fail(where, f"expected an object, got {_json_type(item)}")

    def make(self, where: JsonPath, build: Callable[[], Any]) -> Any:
        """``build()``, or None with an issue if the model refuses it: at the first id the
        problem names, else at ``where``. A safety net: the reader's own checks come first."""
        try:
            return build()
        except MapError as error:
            for problem in error.problems:
                at = next((self.ids[id] for id in problem.ids if id in self.ids), where)
                self.fail(at, problem.message, problem.code, problem.ids)
            return None


def _json_type(value: Any) -> str:
    return {
        dict: "an object",
        list: "a list",
        str: "a string",
        bool: "true/false",
        int: "a number",
        float: "a number",
        type(None): "null",
    }.get(type(value), type(value).__name__)


def _json_name(python: str) -> str:
    return {
        "str": "a string",
        "list": "a list",
        "dict": "an object",
        "int": "an integer",
        "bool": "true or false",
    }.get(python, python)


def _statement(r: _Reader, where: JsonPath, item: dict[str, Any]) -> Statement | None:
    quote = None
    raw_quote = r.field(item, "quote", dict, where)
    if raw_quote is not None:
        at: JsonPath = (*where, "quote")
        r.keys(raw_quote, "quote", at)
        text = r.field(raw_quote, "text", str, at, "", required=True)
        quote = Quote(text, r.offset(raw_quote, "start", at), r.offset(raw_quote, "end", at))
    id, text = r.id(item, where), r.field(item, "text", str, where, "", required=True)
    tags, data = r.strings(item, "tags", where), r.field(item, "data", dict, where, {})
    speaker = r.field(item, "speaker", str, where)
    stance: Stance = r.choice(item, "stance", where, STANCES) or "asserted"
    result: Statement | None = r.make(
        where, lambda: Statement(id, text, quote, tags, data, speaker, stance)
    )
    return result


def _inference(r: _Reader, where: JsonPath, item: dict[str, Any]) -> Inference | None:
    id, premises = r.id(item, where), r.strings(item, "premises", where)
    conclusion = r.id(item, where, "conclusion")
    scheme, label = r.field(item, "scheme", str, where), r.field(item, "label", str, where)
    data, slots = r.field(item, "data", dict, where, {}), r.slots(item, where)
    implicit = r.flag(item, "implicit", where)
    result: Inference | None = r.make(
        where, lambda: Inference(id, premises, conclusion, scheme, label, data, slots, implicit)
    )
    return result


def _conflict(r: _Reader, where: JsonPath, item: dict[str, Any]) -> Conflict | None:
    id, source = r.id(item, where), r.id(item, where, "source")
    target, data = r.id(item, where, "target"), r.field(item, "data", dict, where, {})
    kind = r.choice(item, "kind", where, CONFLICT_KINDS)
    question, implicit = r.field(item, "question", str, where), r.flag(item, "implicit", where)
    result: Conflict | None = r.make(
        where, lambda: Conflict(id, source, target, data, kind, question, implicit)
    )
    return result


def _argument(r: _Reader, where: JsonPath, item: dict[str, Any]) -> Argument | None:
    id = r.id(item, where)
    title, text = r.field(item, "title", str, where, ""), r.field(item, "text", str, where, "")
    statements, inferences = (
        r.strings(item, "statements", where),
        r.strings(item, "inferences", where),
    )
    conclusion, tags = r.field(item, "conclusion", str, where), r.strings(item, "tags", where)
    data = r.field(item, "data", dict, where, {})
    result: Argument | None = r.make(
        where,
        lambda: Argument(id, title, text, statements, inferences, conclusion, tags, data),
    )
    return result


_KINDS: Mapping[str, Callable[[_Reader, JsonPath, dict[str, Any]], Any]] = {
    "statements": _statement,
    "inferences": _inference,
    "conflicts": _conflict,
    "arguments": _argument,
}


@attrs.frozen
class _Parts:
    """The nodes read, each kind in file order, and where each one was written."""

    nodes: Mapping[str, list[Any]]
    paths: Mapping[str, list[JsonPath]]


def _parts(document: dict[str, Any], r: _Reader) -> _Parts:
    """Every node and argument that could be made, with its path; issues for the rest."""
    nodes: dict[str, list[Any]] = {}
    paths: dict[str, list[JsonPath]] = {}
    for kind, read in _KINDS.items():
        nodes[kind], paths[kind] = [], []
        for where, item in r.objects(document, kind):
            node = read(r, where, item)
            if node is not None:
                nodes[kind].append(node)
                paths[kind].append(where)
    return _Parts(nodes, paths)


def _build(document: dict[str, Any], r: _Reader) -> ArgumentMap:
    """The map of ``document``, or an empty one when ``r`` found issues (then raised)."""
    r.keys(document, "$", ())
    parts = _parts(document, r)
    title = r.field(document, "title", str, (), "")
    theses = r.strings(document, "theses", ())
    source = r.field(document, "source", str, ())
    data = r.field(document, "data", dict, (), {})
    _duplicates(r, parts)
    if r.issues:
        return ArgumentMap()
    _references(r, parts, theses)
    if r.issues:
        return ArgumentMap()
    result: ArgumentMap | None = r.make(
        ("data",) if "data" in document else (),
        lambda: ArgumentMap(
            title=title,
            statements=parts.nodes["statements"],
            inferences=parts.nodes["inferences"],
            conflicts=parts.nodes["conflicts"],
            theses=theses,
            source=source,
            arguments=parts.nodes["arguments"],
            data=data,
        ),
    )
    return ArgumentMap() if result is None else result


def _duplicates(r: _Reader, parts: _Parts) -> None:
    """Ids are unique across all four kinds; each repeat is reported where it is written."""
    for kind in _KINDS:
        for node, where in zip(parts.nodes[kind], parts.paths[kind], strict=True):
            if node.id in r.ids:
                message = f"the id {node.id!r} is used twice (first at {_dollar(r.ids[node.id])})."
                r.fail((*where, "id"), message, "duplicate-id", (node.id,))
            else:
                r.ids[node.id] = (*where, "id")


def _references(r: _Reader, parts: _Parts, theses: tuple[str, ...]) -> None:
    """Every reference names a node of the kind it needs, reported where it is written.

    A conflict's source and a thesis are statements; a conflict's target is any node;
    premises and conclusions are statements; an argument's members are statements and
    inferences. A reference to a node of the wrong kind is as unknown as one to nothing:
    no writer could write it.
    """
    statements = {s.id for s in parts.nodes["statements"]}
    inferences = {i.id for i in parts.nodes["inferences"]}
    kinds = {
        **dict.fromkeys(inferences, "an inference"),
        **{c.id: "a conflict" for c in parts.nodes["conflicts"]},
        **{a.id: "an argument" for a in parts.nodes["arguments"]},
    }
    nodes = statements | inferences | {c.id for c in parts.nodes["conflicts"]}

    def need(ref: str, allowed: set[str], where: JsonPath, owner: str, role: str) -> None:
        if ref in allowed:
            return
        if ref in kinds:
            message = f"{owner!r} names {kinds[ref]}, {ref!r}, as its {role}."
        else:
            message = f"{owner!r} names unknown {role} {ref!r}."
        r.fail(where, message, "unknown-reference", (ref, owner))

    for i, where in zip(parts.nodes["inferences"], parts.paths["inferences"], strict=True):
        for n, premise in enumerate(i.premises):
            need(premise, statements, (*where, "premises", n), i.id, "premise")
        need(i.conclusion, statements, (*where, "conclusion"), i.id, "conclusion")
    for c, where in zip(parts.nodes["conflicts"], parts.paths["conflicts"], strict=True):
        need(c.source, statements, (*where, "source"), c.id, "source statement")
        need(c.target, nodes, (*where, "target"), c.id, "target")
    for a, where in zip(parts.nodes["arguments"], parts.paths["arguments"], strict=True):
        for n, member in enumerate(a.statements):
            need(member, statements, (*where, "statements", n), a.id, "member statement")
        for n, member in enumerate(a.inferences):
            need(member, inferences, (*where, "inferences", n), a.id, "member inference")
        if a.conclusion is not None:
            need(a.conclusion, statements, (*where, "conclusion"), a.id, "member statement")
    for n, thesis in enumerate(theses):
        if thesis not in statements:
            what = f", it is {kinds[thesis]}" if thesis in kinds else ""
            message = f"the thesis {thesis!r} is not a statement{what}."
            r.fail(("theses", n), message, "unknown-reference", (thesis,))


def loads(text: str, *, path: str | None = None) -> ArgumentMap:
    """Read native JSON; every problem found is in the :class:`FormatError` raised."""
    document = _parse(text, path)
    version = document.get("argmap")
    if version.__class__ is not int or version != VERSION:
        line, column = Lines(text).at(json_offset(text, ("argmap",)))
        raise FormatError(
            f"unsupported argmap JSON version {version!r}",
            path=path,
            line=line,
            column=column,
            expected=f'"argmap": {VERSION}',
            code="unsupported-version",
        )
    reader = _Reader(may_hold_controls(text))
    result = _build(document, reader)
    if not reader.issues:
        # a safety net under the reader's own checks: what check calls a broken reference
        # (an inference without premises is a map problem for ``check``, not unreadable)
        for problem in reference_problems(result):
            if problem.code != "no-premises":
                where = next((reader.ids[id] for id in problem.ids if id in reader.ids), ())
                reader.issues.append(JsonIssue(problem.code, problem.message, where, problem.ids))
    if reader.issues:
        raise_at_paths(text, path, reader.issues)
    all_ids = [*result.statements, *result.inferences, *result.conflicts, *result.arguments]
    return _with_locations(result, locate_ids(text, all_ids, path=path))


def _with_locations(result: ArgumentMap, locations: dict[str, Any]) -> ArgumentMap:
    return attrs.evolve(result, locations=locations)


def _parse(text: str, path: str | None) -> dict[str, Any]:
    if not text.strip():
        raise FormatError(
            "the file is empty", path=path, line=1, column=1, expected="a JSON object"
        )
    try:
        document = parse_json(text, path)
    except json.JSONDecodeError as error:
        raise FormatError(
            f"invalid JSON: {error.msg}", path=path, line=error.lineno, column=error.colno
        ) from None
    except RecursionError:
        raise FormatError("JSON nested too deeply", path=path, line=1, column=1) from None
    if not isinstance(document, dict):
        raise FormatError(
            f"expected a JSON object, got {_json_type(document)}",
            path=path,
            line=1,
            column=1,
        )
    return document


def load(path: PathLike) -> ArgumentMap:
    """Read native JSON from ``path``."""
    return loads(read_text(path), path=os.fspath(path))
