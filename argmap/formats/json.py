"""argmap's native JSON: lossless and versioned (``"argmap": 1``).

The layout is described by ``argmap/formats/argmap.schema.json`` (JSON Schema
2020-12). Nodes are lists in map order; empty and default fields are left out, so
files stay small and diffs readable; keys are written in a fixed order and nothing
varies between runs, so a file is reproducible byte for byte.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from typing import Any

from argmap.check import reference_problems
from argmap.errors import FormatError
from argmap.formats._io import PathLike, locate_ids, read_text, write_text
from argmap.model import Argument, ArgumentMap, Conflict, Inference, Quote, Statement
from argmap.report import Problem

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
                **_pruned({"quote": _quote(s.quote), "tags": list(s.tags), "data": dict(s.data)}),
            }
            for s in map.statements.values()
        ],
        "inferences": [
            {
                "id": i.id,
                "premises": list(i.premises),
                "conclusion": i.conclusion,
                **_pruned({"scheme": i.scheme, "label": i.label, "data": dict(i.data)}),
            }
            for i in map.inferences.values()
        ],
        "conflicts": [
            {"id": c.id, "source": c.source, "target": c.target, **_pruned({"data": dict(c.data)})}
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
    """``map`` as native JSON text (UTF-8, indented, ending in a newline)."""
    return json.dumps(to_document(map), ensure_ascii=False, indent=2) + "\n"


def dump(map: ArgumentMap, path: PathLike) -> None:
    """Write ``map`` to ``path`` as native JSON, atomically."""
    write_text(path, dumps(map))


# -- reading ---------------------------------------------------------------------------


class _Reader:
    """Walks a parsed document, collecting every type problem with its JSON path."""

    def __init__(self, path: str | None) -> None:
        self.path = path
        self.problems: list[Problem] = []

    def fail(self, where: str, message: str, code: str = "invalid-field") -> None:
        self.problems.append(Problem(code, "error", (), f"{where}: {message}"))

    def field(
        self,
        obj: dict[str, Any],
        key: str,
        kind: type | tuple[type, ...],
        where: str,
        default: Any = None,
        required: bool = False,
    ) -> Any:
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
            self.fail(f"{where}.{key}", f"expected {_json_name(names)}, got {_json_type(value)}")
            return default
        return value

    def strings(self, obj: dict[str, Any], key: str, where: str) -> tuple[str, ...]:
        values = self.field(obj, key, list, where, [])
        good = tuple(v for v in values if isinstance(v, str))
        if len(good) != len(values):
            self.fail(f"{where}.{key}", "expected a list of strings")
        return good

    def objects(self, document: dict[str, Any], key: str) -> Iterator[tuple[str, dict[str, Any]]]:
        for n, item in enumerate(self.field(document, key, list, "$", [])):
            where = f"$.{key}[{n}]"
            if isinstance(item, dict):
                yield where, item
            else:
                self.fail(where, f"expected an object, got {_json_type(item)}")


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
    return {"str": "a string", "list": "a list", "dict": "an object", "int": "an integer"}.get(
        python, python
    )


def _build(document: dict[str, Any], reader: _Reader) -> ArgumentMap:
    r = reader
    statements, inferences, conflicts, arguments = [], [], [], []
    for where, item in r.objects(document, "statements"):
        quote = None
        raw_quote = r.field(item, "quote", dict, where)
        if raw_quote is not None:
            quote = Quote(
                r.field(raw_quote, "text", str, where + ".quote", "", required=True),
                r.field(raw_quote, "start", int, where + ".quote"),
                r.field(raw_quote, "end", int, where + ".quote"),
            )
        statements.append(
            Statement(
                r.field(item, "id", str, where, "", required=True),
                r.field(item, "text", str, where, "", required=True),
                quote,
                r.strings(item, "tags", where),
                r.field(item, "data", dict, where, {}),
            )
        )
    for where, item in r.objects(document, "inferences"):
        inferences.append(
            Inference(
                r.field(item, "id", str, where, "", required=True),
                r.strings(item, "premises", where),
                r.field(item, "conclusion", str, where, "", required=True),
                r.field(item, "scheme", str, where),
                r.field(item, "label", str, where),
                r.field(item, "data", dict, where, {}),
            )
        )
    for where, item in r.objects(document, "conflicts"):
        conflicts.append(
            Conflict(
                r.field(item, "id", str, where, "", required=True),
                r.field(item, "source", str, where, "", required=True),
                r.field(item, "target", str, where, "", required=True),
                r.field(item, "data", dict, where, {}),
            )
        )
    for where, item in r.objects(document, "arguments"):
        arguments.append(
            Argument(
                r.field(item, "id", str, where, "", required=True),
                r.field(item, "title", str, where, ""),
                r.field(item, "text", str, where, ""),
                r.strings(item, "statements", where),
                r.strings(item, "inferences", where),
                r.field(item, "conclusion", str, where),
                r.strings(item, "tags", where),
                r.field(item, "data", dict, where, {}),
            )
        )
    title = r.field(document, "title", str, "$", "")
    theses = r.strings(document, "theses", "$")
    source = r.field(document, "source", str, "$")
    data = r.field(document, "data", dict, "$", {})
    _duplicates(reader, [*statements, *inferences, *conflicts], arguments)
    if reader.problems:
        return ArgumentMap()
    return ArgumentMap(
        title=title,
        statements=statements,
        inferences=inferences,
        conflicts=conflicts,
        theses=theses,
        source=source,
        arguments=arguments,
        data=data,
    )


def _duplicates(reader: _Reader, nodes: list[Any], arguments: list[Argument]) -> None:
    seen: set[str] = set()
    for node in [*nodes, *arguments]:
        if node.id in seen:
            reader.problems.append(
                Problem("duplicate-id", "error", (node.id,), f"the id {node.id!r} is used twice.")
            )
        seen.add(node.id)


def loads(text: str, *, path: str | None = None) -> ArgumentMap:
    """Read native JSON; every problem found is in the :class:`FormatError` raised."""
    document = _parse(text, path)
    reader = _Reader(path)
    version = document.get("argmap")
    if version != VERSION:
        raise FormatError(
            f"unsupported argmap JSON version {version!r}",
            path=path,
            line=1,
            column=1,
            expected=f'"argmap": {VERSION}',
            code="unsupported-version",
        )
    result = _build(document, reader)
    if not reader.problems:
        # An inference without premises is a map problem for ``check``, not unreadable input.
        reader.problems.extend(p for p in reference_problems(result) if p.code != "no-premises")
    if reader.problems:
        _raise(text, path, reader.problems)
    all_ids = [*result.statements, *result.inferences, *result.conflicts, *result.arguments]
    return _with_locations(result, locate_ids(text, all_ids, path=path))


def _with_locations(result: ArgumentMap, locations: dict[str, Any]) -> ArgumentMap:
    import attrs

    return attrs.evolve(result, locations=locations)


def _raise(text: str, path: str | None, problems: list[Problem]) -> None:
    located = []
    for problem in problems:
        found = locate_ids(text, problem.ids, path=path)
        where = next((found[id] for id in problem.ids if id in found), None)
        located.append(Problem(problem.code, "error", problem.ids, problem.message, where))
    raise FormatError.from_problems(located, path=path)


def _parse(text: str, path: str | None) -> dict[str, Any]:
    if not text.strip():
        raise FormatError(
            "the file is empty", path=path, line=1, column=1, expected="a JSON object"
        )
    try:
        document = json.loads(text)
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
