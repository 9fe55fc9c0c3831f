"""From Argdown's model (:mod:`._model`) to an argmap :class:`ArgumentMap`.

See :mod:`argmap.formats.argdown` for the correspondence; this module implements
it, and applies the ``argmap`` block of the front matter that argmap's writer adds
for what Argdown cannot say (theses, quotes, the map's source, ids of its own).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any, NoReturn

import attrs

from argmap.errors import FormatError, MapError
from argmap.formats.argdown._model import (
    Argument as AdArgument,
)
from argmap.formats.argdown._model import (
    Document,
    EquivalenceClass,
    Relation,
    iter_sections,
)
from argmap.formats.argdown._model import (
    Inference as AdInference,
)
from argmap.formats.argdown._parser import yaml_place
from argmap.formats.argdown._yaml import Locator
from argmap.model import (
    CONFLICT_KINDS,
    STANCES,
    Argument,
    ArgumentMap,
    Conflict,
    Inference,
    Quote,
    Statement,
)
from argmap.report import Location, Problem

__all__ = ["RESERVED", "SYMBOLS", "convert"]

RESERVED = "argdown"
"""The data key under which argmap keeps what it knows about Argdown."""

SYMBOLS = {
    "support": "+>",
    "entails": "+>",
    "attack": "->",
    "contrary": "->",
    "contradictory": "><",
    "undercut": "_>",
}
"""The symbol of each relation type in the ids of relation nodes (``[A] +> [B]``)."""


class _Ids:
    """Deterministic, collision-free ids."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def take(self, wanted: str) -> str:
        """``wanted``, or ``wanted (2)``, ``(3)``... if taken."""
        candidate, n = wanted, 1
        while candidate in self.used:
            n += 1
            candidate = f"{wanted} ({n})"
        self.used.add(candidate)
        return candidate


class _Converter:
    """Builds the map: statements, gists, arguments, inferences, conflicts, data."""

    def __init__(self, doc: Document, path: str | None, source: str | None = None) -> None:
        self.doc = doc
        self.path = path
        self.source = source
        self.ids = _Ids()
        self.statement_ids = {title: self.ids.take(title) for title in doc.statements}
        self.argument_ids = {title: self._argument_id(title) for title in doc.arguments}
        self.gist_ids: dict[str, str] = {}
        self.inference_ids: dict[int, str] = {}
        self.locations: dict[str, Location] = {}
        self.statements: list[Statement] = []
        self.inferences: list[Inference] = []
        self.conflicts: list[Conflict] = []
        self.arguments: list[Argument] = []
        self.deferred: list[Relation] = []  # undercuts aimed at statements, read last
        self.supports: dict[str, list[str]] = {}  # statement id -> its support relations

    def _argument_id(self, title: str) -> str:
        """An argument's id: its title, unless a statement has that id."""
        return self.ids.take(title if title not in self.ids.used else f"{title} (argument)")

    def fail(
        self,
        message: str,
        line: int | None,
        column: int | None,
        code: str,
        expected: str | None = None,
    ) -> NoReturn:
        """Raise a FormatError for this file (at its top when the place is unknown)."""
        raise FormatError(
            message,
            path=self.path,
            line=line or 1,
            column=column or 1,
            code=code,
            expected=expected,
        )

    def where(self, id: str, located: Any) -> None:
        """Record where ``id`` was first written (``located`` has a ``position()``)."""
        if id not in self.locations and located is not None:
            line, column = located.position()
            if line:
                self.locations[id] = Location(self.path, line, column)

    # -- ids for argument ends and inference steps ----------------------------------------

    def assign_ids(self) -> None:
        """Ids for gists (arguments that relations end at) and inference steps."""
        ends = {
            id(node)
            for relation in self.doc.relations
            for node in (relation.source, relation.target)
            if isinstance(node, AdArgument)
            and not (node is relation.target and _on_inference(relation))
        }
        for argument in self.doc.arguments.values():
            if id(argument) in ends:
                self.gist_ids[argument.title] = self.ids.take(f"<{argument.title}>")
        for argument in self.doc.arguments.values():
            for index, member in enumerate(argument.pcs):
                if member.inference is not None:
                    label = f"<{argument.title}> ({index + 1})"
                    self.inference_ids[id(member.inference)] = self.ids.take(label)

    def end(self, node: Any) -> str:
        """The statement (or inference) id standing for a relation's end."""
        if isinstance(node, EquivalenceClass):
            return self.statement_ids[node.title]
        if isinstance(node, AdArgument):
            return self.gist_ids[node.title]
        return self.inference_ids[id(node)]

    def label(self, node: Any) -> str:
        """How a relation end is written in relation ids: ``[A]``, ``<A>`` or ``<A> (n)``."""
        if isinstance(node, EquivalenceClass):
            return f"[{node.title}]"
        if isinstance(node, AdArgument):
            return f"<{node.title}>"
        return self.inference_ids[id(node)]

    # -- statements and arguments ---------------------------------------------------------

    def user_data(self, data: dict[str, Any] | None, located: Any) -> dict[str, Any]:
        """The YAML data of an element, which may not use argmap's reserved key."""
        if data and RESERVED in data:
            line, column = located.position()
            self.fail(
                f"the data key {RESERVED!r} is reserved by argmap",
                line,
                column,
                "reserved-data-key",
                "another key",
            )
        return dict(data or {})

    def statement(self, ec: EquivalenceClass) -> None:
        """An equivalence class as a Statement (its canonical text, members in data)."""
        definitions = [m for m in ec.members if not m.is_reference]
        first = definitions[0] if definitions else ec.members[0]
        data = self.user_data(ec.data, first)
        meta: dict[str, Any] = {}
        if ec.section is not None:
            meta["section"] = ec.section.id
        if len(definitions) > 1:
            meta["members"] = [_clean(m.text) for m in definitions]
        if meta:
            data[RESERVED] = meta
        speaker, stance = self.attribution(data, first)
        canonical = ec.canonical
        sid = self.statement_ids[ec.title]
        text = _clean(canonical.text if canonical is not None else None)
        statement = Statement(sid, text, None, tuple(ec.tags), data, speaker, stance)
        self.statements.append(statement)
        self.where(sid, first)

    def attribution(self, data: dict[str, Any], located: Any) -> tuple[str | None, Any]:
        """The ``speaker`` and ``stance`` keys of a statement's data, taken out of it:
        who holds the statement in the text and how the author stands to it."""
        speaker = data.pop("speaker", None)
        stance = data.pop("stance", "asserted")
        if speaker is not None and not isinstance(speaker, str):
            line, column = located.position()
            self.fail(
                f"the speaker of a statement must be a text, not {speaker!r}",
                line,
                column,
                "invalid-value",
                "{speaker: name}",
            )
        if stance not in STANCES:
            line, column = located.position()
            self.fail(
                f"the stance of a statement must be one of {', '.join(STANCES)}, not {stance!r}",
                line,
                column,
                "invalid-value",
                "{stance: " + " | ".join(STANCES) + "}",
            )
        return speaker, stance

    def step_fields(
        self, data: dict[str, Any], argument: AdArgument, inference: AdInference
    ) -> tuple[dict[str, str], bool]:
        """The ``slots`` and ``implicit`` keys of an inference's data, taken out of it.

        ``slots`` maps each slot of the scheme to the premise that fills it: a statement
        number of the premise-conclusion structure (as ``uses`` does) or a title."""
        slots = data.pop("slots", {})
        implicit = data.pop("implicit", False)
        pcs = argument.pcs
        line, column = inference.line, inference.column
        if not isinstance(slots, dict):
            self.fail(
                "'slots' of an inference must map slot names to premises",
                line,
                column,
                "invalid-value",
                "{slots: {slot: number or title of the premise}}",
            )
        filled: dict[str, str] = {}
        for slot, premise in slots.items():
            if isinstance(premise, int) and not isinstance(premise, bool):
                if not 1 <= premise <= len(pcs):
                    self.fail(
                        f"slot {slot!r} names statement ({premise}) of <{argument.title}>, "
                        f"which has {len(pcs)}",
                        line,
                        column,
                        "invalid-value",
                        f"a statement number between 1 and {len(pcs)}",
                    )
                filled[slot] = self.statement_ids[pcs[premise - 1].title or ""]
            elif isinstance(premise, str):
                filled[slot] = self.statement_ids.get(premise, premise)
            else:
                self.fail(
                    f"slot {slot!r} must name a premise by number or title, not {premise!r}",
                    line,
                    column,
                    "invalid-value",
                    "{slots: {slot: number or title of the premise}}",
                )
        if not isinstance(implicit, bool):
            self.fail(
                f"'implicit' of an inference must be true or false, not {implicit!r}",
                line,
                column,
                "invalid-value",
                "{implicit: true}",
            )
        return filled, implicit

    def argument(self, argument: AdArgument) -> None:
        """An argument as an Argument group, its gist (if needed) and its inferences."""
        aid = self.argument_ids[argument.title]
        definitions = [m for m in argument.members if not m.is_reference]
        anchor: Any = argument  # where the argument stands: a definition, its pcs, a reference
        if definitions:
            anchor = definitions[0]
        elif argument.at is None and argument.members:
            anchor = argument.members[0]
        data = self.user_data(argument.data, anchor)
        meta: dict[str, Any] = {}
        if argument.section is not None:
            meta["section"] = argument.section.id
        if len(definitions) > 1:
            meta["descriptions"] = [_clean(m.text) for m in definitions]
        if meta:
            data[RESERVED] = meta
        canonical = argument.canonical
        text = _clean(canonical.text if canonical is not None else None)
        if argument.title in self.gist_ids:
            gid = self.gist_ids[argument.title]
            self.statements.append(Statement(gid, text, data={RESERVED: {"argument": aid}}))
            self.where(gid, anchor)
        steps = self.steps(argument)
        self.arguments.append(
            Argument(
                aid,
                argument.title,
                text,
                tuple(self.statement_ids[m.title or ""] for m in argument.pcs),
                tuple(steps),
                self.statement_ids[argument.pcs[-1].title or ""] if argument.pcs else None,
                tuple(argument.tags),
                data,
            )
        )
        self.where(aid, anchor)

    def steps(self, argument: AdArgument) -> list[str]:
        """One inference per conclusion of the premise-conclusion structure."""
        ids = []
        previous = -1
        for index, member in enumerate(argument.pcs):
            inference = member.inference
            if inference is None:
                continue
            premises = self.premises(argument, inference, index, previous)
            previous = index
            iid = self.inference_ids[id(inference)]
            data = self.user_data(inference.data, inference)
            slots, implicit = self.step_fields(data, argument, inference)
            if len(inference.rules) > 1:
                data[RESERVED] = {"rules": list(inference.rules)}
            scheme = ", ".join(inference.rules) if inference.rules else None
            conclusion = self.statement_ids[member.title or ""]
            self.inferences.append(
                Inference(iid, premises, conclusion, scheme, None, data, slots, implicit)
            )
            self.where(iid, inference)
            ids.append(iid)
        return ids

    def premises(
        self, argument: AdArgument, inference: AdInference, index: int, previous: int
    ) -> tuple[str, ...]:
        """The ``uses`` of the inference's data, or the statements since the last conclusion."""
        uses = (inference.data or {}).get("uses")
        pcs = argument.pcs
        if uses is None:
            chosen = pcs[max(previous, 0) : index] if previous >= 0 else pcs[:index]
            return tuple(dict.fromkeys(self.statement_ids[m.title or ""] for m in chosen))
        valid = isinstance(uses, list) and all(
            isinstance(n, int) and not isinstance(n, bool) and 1 <= n <= len(pcs) and n != index + 1
            for n in uses
        )
        if not valid or not uses:
            self.fail(
                f"'uses' of the inference to ({index + 1}) in <{argument.title}> must list "
                f"statement numbers between 1 and {len(pcs)} (other than the conclusion)",
                inference.line,
                inference.column,
                "invalid-uses",
                "{uses: [numbers of the premises]}",
            )
        return tuple(dict.fromkeys(self.statement_ids[pcs[n - 1].title or ""] for n in uses))

    # -- relations ---------------------------------------------------------------------

    def relation(self, relation: Relation) -> None:
        """A relation as an Inference (support) or Conflict(s) (attack and the rest).

        An attack on a reconstructed argument (``<A3> -> <A2>``) bears on it as Argdown
        draws it, as an attack on the argument: a conflict on its final inference (an
        undercut: its premises may stand, but no longer carry its main conclusion),
        marked ``data["argdown"] = {"relation": "attack", "argument": id}``. An undercut
        aimed at a statement is :meth:`undercut_of_statement`'s."""
        kind = relation.type
        if kind == "undercut" and isinstance(relation.target, EquivalenceClass):
            self.deferred.append(relation)
            return
        source = self.end(relation.source)
        rid = self.ids.take(
            f"{self.label(relation.source)} {SYMBOLS[kind]} {self.label(relation.target)}"
        )
        self.where(rid, relation)
        if kind in ("support", "entails"):
            target = self.end(relation.target)
            self.inferences.append(Inference(rid, (source,), target))
            if isinstance(relation.source, EquivalenceClass):
                self.supports.setdefault(source, []).append(rid)
            return
        meta: dict[str, Any] = {}
        if _on_inference(relation):
            argument = relation.target
            steps = [m.inference for m in argument.pcs if m.inference is not None]
            target = self.inference_ids[id(steps[-1])]
            meta = {"relation": "attack", "argument": self.argument_ids[argument.title]}
            self.conflicts.append(Conflict(rid, source, target, {RESERVED: meta}))
            return
        target = self.end(relation.target)
        if kind == "contradictory" or (kind == "undercut" and not _is_inference(relation.target)):
            meta["relation"] = kind
        self.conflicts.append(Conflict(rid, source, target, {RESERVED: meta} if meta else {}))
        if kind in ("contrary", "contradictory"):
            mirror = self.ids.take(
                f"{self.label(relation.target)} {SYMBOLS[kind]} {self.label(relation.source)}"
            )
            self.where(mirror, relation)
            self.conflicts.append(
                Conflict(mirror, target, source, {RESERVED: {**meta, "mirror": True}})
            )

    def undercut_of_statement(self, relation: Relation) -> None:
        """``[U] _> [S]``: Argdown keeps an undercut aimed at a statement as it is
        written; an undercut attacks an inference, so argmap reads it as an undercut of
        each inference ``[S]`` supports by a relation (``[S] +> [T]``), each conflict
        marked ``data["argdown"] = {"relation": "undercut", "at": "S"}`` so that writers
        write the one ``_>`` again. When ``[S]`` supports nothing by a relation there is
        no inference to undercut: it is then an attack on ``[S]`` itself (a rebuttal or
        an undermining, as its position says), marked ``relation: undercut``."""
        source, statement = self.end(relation.source), self.end(relation.target)
        label = f"{self.label(relation.source)} _> {self.label(relation.target)}"
        supported = self.supports.get(statement, [])
        if not supported:
            rid = self.ids.take(label)
            self.where(rid, relation)
            meta = {"relation": "undercut"}
            self.conflicts.append(Conflict(rid, source, statement, {RESERVED: meta}))
            return
        for inference in supported:
            rid = self.ids.take(f"{self.label(relation.source)} _> {inference}")
            self.where(rid, relation)
            meta = {"relation": "undercut", "at": statement}
            self.conflicts.append(Conflict(rid, source, inference, {RESERVED: meta}))

    # -- the map -------------------------------------------------------------------------

    def map_data(self) -> tuple[str, dict[str, Any], Any]:
        """The map's title, its data and the ``argmap`` block of the front matter."""
        front = dict(self.doc.frontmatter or {})
        extras = front.pop("argmap", None)
        title = front.pop("title") if isinstance(front.get("title"), str) else ""
        meta: dict[str, Any] = {}
        if front:
            meta["frontmatter"] = front
        sections = [_section(s) for s in iter_sections(self.doc.sections)]
        if sections:
            meta["sections"] = sections
        return title, ({RESERVED: meta} if meta else {}), extras

    def convert(self) -> ArgumentMap:
        """Build the map, then apply the front matter's ``argmap`` entry."""
        self.assign_ids()
        for ec in self.doc.statements.values():
            self.statement(ec)
        for argument in self.doc.arguments.values():
            self.argument(argument)
        for relation in self.doc.relations:
            self.relation(relation)
        for relation in self.deferred:
            self.undercut_of_statement(relation)
        title, data, extras = self.map_data()
        result = _build(
            self.path,
            self.place_problem,
            title=title,
            statements=self.statements,
            inferences=self.inferences,
            conflicts=self.conflicts,
            arguments=self.arguments,
            data=data,
            locations=self.locations,
        )
        if extras is not None:
            result = _Extras(extras, self.path, self.doc, self.source).apply(result)
            result = attrs.evolve(result, locations=self.locations)
        return result

    def place_problem(self, problem: Problem) -> Location:
        """Where a problem of the map is: where the first of its ids was written."""
        for id in problem.ids:
            if id in self.locations:
                return self.locations[id]
        return Location(self.path, 1, 1)


def _clean(text: str | None) -> str:
    """A text without the white space Argdown leaves at its end where a tag or a data
    block was taken out of it (``[A]: text {a: 1}`` is ``text``, not ``text ``)."""
    return (text or "").rstrip()


def _on_inference(relation: Relation) -> bool:
    """An attack whose target is an argument with a premise-conclusion structure."""
    target = relation.target
    return (
        relation.type == "attack"
        and isinstance(target, AdArgument)
        and any(m.inference is not None for m in target.pcs)
    )


def _is_inference(node: Any) -> bool:
    return isinstance(node, AdInference)


def _section(section: Any) -> dict[str, Any]:
    """A section as map data: id, title, level, parent and heading data."""
    result: dict[str, Any] = {"id": section.id, "title": section.title, "level": section.level}
    if section.parent is not None:
        result["parent"] = section.parent.id
    if section.data is not None:
        result["data"] = section.data
    return result


def _build(path: str | None, place: Callable[[Problem], Location], **fields: Any) -> ArgumentMap:
    """An ArgumentMap, or a FormatError listing (each where ``place`` puts it) the
    problems of the map that would not be made."""
    try:
        return ArgumentMap(**fields)
    except MapError as error:
        located = [attrs.evolve(problem, location=place(problem)) for problem in error.problems]
        if not located:
            located = [Problem("invalid-argmap-block", "error", (), str(error), place(_NOWHERE))]
        raise FormatError.from_problems(located, path=path) from None


_NOWHERE = Problem("invalid-argmap-block", "error", (), "")


def front_place(doc: Document, path: tuple[str | int, ...], value: str | None = None) -> Location:
    """Where the front matter writes the value at ``path`` (or the string ``value``
    inside it), as near as it gets; the top of the file without front matter."""
    if doc.frontmatter_at is None:
        return Location(None, 1, 1)
    token, start, body = doc.frontmatter_at
    if doc.frontmatter_locator is None:
        doc.frontmatter_locator = Locator(body)
    line, column = doc.frontmatter_locator.locate(path, value)
    return Location(None, *yaml_place(token, start, line, column))


# -- the ``argmap`` block of the front matter ---------------------------------------------

_NODE_FIELDS = {
    "statements": ("text", "quote", "tags", "data", "speaker", "stance"),
    "inferences": ("premises", "conclusion", "scheme", "label", "data", "slots", "implicit"),
    "conflicts": ("source", "target", "data", "kind", "question", "implicit"),
    "arguments": ("title", "text", "statements", "inferences", "conclusion", "tags", "data"),
}


class _Extras:
    """Applies what argmap's writer put under ``argmap:`` in the front matter."""

    def __init__(
        self, extras: Any, path: str | None, doc: Document, source: str | None = None
    ) -> None:
        self.path = path
        self.doc = doc
        self.source = source
        self.at: tuple[str | int, ...] = ("argmap",)  # where the entry being read is
        if not isinstance(extras, dict):
            self.fail("the 'argmap' entry of the front matter must be a mapping")
        self.extras: dict[str, Any] = extras

    def fail(self, message: str, *where: str | int) -> NoReturn:
        """Raise a FormatError for this file, at the entry ``argmap.<where...>`` (or the
        one being read) of the front matter."""
        location = self.place((*where,) if where else self.at[1:])
        raise FormatError(
            message,
            path=self.path,
            line=location.line,
            column=location.column,
            code="invalid-argmap-block",
        )

    def place(self, where: tuple[str | int, ...], value: str | None = None) -> Location:
        """Where the front matter writes ``argmap.<where...>`` (or ``value`` inside it)."""
        return attrs.evolve(front_place(self.doc, ("argmap", *where), value), path=self.path)

    def place_problem(self, problem: Problem) -> Location:
        """Where a problem of the map made from the entry is: where the entry writes the
        first of the problem's ids, else the entry itself."""
        for id in problem.ids:
            location = self.place((), id)
            if location != self.place(()):
                return location
        return self.place(())

    def get(self, key: str, kind: type | tuple[type, ...], default: Any) -> Any:
        """``argmap.<key>`` of the front matter, checked against ``kind``."""
        value = self.extras.get(key, default)
        if value is None and default is None:
            return None
        if not isinstance(value, kind):
            self.fail(f"argmap.{key} in the front matter has the wrong type", key)
        return value

    def attached_source(self) -> str | None:
        """The map's source: the text itself (as older files hold it), or, for a
        reference (``{sha256, characters}``), the text the caller gave if it is the one
        referred to, else none (its quotes then go unchecked)."""
        value = self.get("source", (str, dict), None)
        if value is None or isinstance(value, str):
            return value
        digest = value.get("sha256")
        if not (isinstance(digest, str) and re.fullmatch(r"[0-9a-f]{64}", digest)):
            self.fail("argmap.source.sha256 must be 64 hexadecimal digits", "source")
        if self.source is None:
            return None
        if source_reference(self.source)["sha256"] != digest:
            self.fail(
                "the source text given is not the one this file refers to (its SHA-256 differs)",
                "source",
            )
        return self.source

    def strings(self, key: str) -> list[str]:
        """``argmap.<key>`` as a list of strings."""
        values = self.get(key, list, [])
        for index, value in enumerate(values):
            if not isinstance(value, str):
                self.fail(f"argmap.{key} must be a list of strings", key, index)
        return list(values)

    def apply(self, result: ArgumentMap) -> ArgumentMap:
        """Drop ungrouped arguments, rename, remove, add and patch nodes, set map fields."""
        nodes: dict[str, dict[str, Any]] = {
            "statements": dict(result.statements),
            "inferences": dict(result.inferences),
            "conflicts": dict(result.conflicts),
            "arguments": dict(result.arguments),
        }
        ungrouped = set(self.strings("ungrouped"))
        nodes["arguments"] = {
            key: a for key, a in nodes["arguments"].items() if a.title not in ungrouped
        }
        renames = self.get("ids", dict, {})
        for key, value in renames.items():
            if not isinstance(value, str):
                self.fail("argmap.ids must map ids to ids", "ids", key)
        for kind, table in nodes.items():
            nodes[kind] = _renamed(table, renames)
            if len(nodes[kind]) < len(table):  # two nodes renamed to one id: one would be lost
                taken = [id for id in table if renames.get(id, id) in table and id in renames]
                self.fail(f"argmap.ids gives {kind} the same id twice", "ids", *taken[:1])
        for removed in self.strings("remove"):
            for table in nodes.values():
                table.pop(removed, None)
        self.add(nodes)
        self.patch(nodes)
        map_fields: dict[str, Any] = {}
        if "theses" in self.extras:
            map_fields["theses"] = tuple(self.strings("theses"))
        if "source" in self.extras:
            map_fields["source"] = self.attached_source()
        if "data" in self.extras:
            map_fields["data"] = self.get("data", dict, {})
        if "title" in self.extras:
            map_fields["title"] = self.get("title", str, "")
        fields = {
            "title": result.title,
            "data": result.data,
            **{kind: list(table.values()) for kind, table in nodes.items()},
            **map_fields,
        }
        self.at = ("argmap",)
        made = _build(self.path, self.place_problem, **fields)
        self.check_references(made)
        return made

    def check_references(self, made: ArgumentMap) -> None:
        """A thesis must be a statement of the map: one that is not is refused where the
        entry names it (as the native JSON reader refuses it). Other references to
        nothing (a premise, a target) are kept, as argmap's writer wrote them: the
        Argdown text carries an inconsistent map unchanged, for ``check`` to report."""
        problems = []
        for index, thesis in enumerate(made.theses):
            if thesis not in made.statements:
                message = f"the thesis {thesis!r} is not a statement"
                where = self.place(("theses", index))
                problems.append(Problem("unknown-reference", "error", (thesis,), message, where))
        if problems:
            raise FormatError.from_problems(problems, path=self.path)

    def add(self, nodes: dict[str, dict[str, Any]]) -> None:
        """Nodes argmap's Argdown could not hold, added as they were."""
        added = self.get("add", dict, {})
        for kind, items in added.items():
            self.at = ("argmap", "add", kind)
            if kind not in nodes or not isinstance(items, list):
                self.fail("argmap.add must list statements, inferences, conflicts or arguments")
            for index, item in enumerate(items):
                self.at = ("argmap", "add", kind, index)
                node = self.node(kind, item)
                if node.id in nodes[kind]:  # it would replace a node the text has
                    self.fail(f"argmap.add gives {kind} the id {node.id!r} twice")
                nodes[kind][node.id] = node

    def node(self, kind: str, item: Any) -> Any:
        """A node from its fields (as argmap's native JSON writes them)."""
        if not isinstance(item, dict) or not isinstance(item.get("id"), str):
            self.fail(f"argmap.add.{kind} needs objects with an id")
        empty: dict[str, Any] = {
            "statements": Statement(item["id"], ""),
            "inferences": Inference(item["id"], (), ""),
            "conflicts": Conflict(item["id"], "", ""),
            "arguments": Argument(item["id"]),
        }
        return self.evolve(kind, empty[kind], {k: v for k, v in item.items() if k != "id"})

    def patch(self, nodes: dict[str, dict[str, Any]]) -> None:
        """Fields that differ from what the Argdown says."""
        patches = self.get("patch", dict, {})
        for key, fields in patches.items():
            self.at = ("argmap", "patch", key)
            if not isinstance(fields, dict):
                self.fail("argmap.patch must map ids to fields")
            for kind, table in nodes.items():
                if key in table:
                    table[key] = self.evolve(kind, table[key], fields)
                    break
            else:
                self.fail(f"argmap.patch names the unknown id {key!r}")

    def evolve(self, kind: str, node: Any, fields: Mapping[str, Any]) -> Any:
        """``node`` with ``fields`` replaced, each checked."""
        changes: dict[str, Any] = {}
        for name, value in fields.items():
            if name not in _NODE_FIELDS[kind]:
                self.fail(f"argmap: {kind} have no field {name!r}")
            changes[name] = self.value(name, value)
        try:
            return attrs.evolve(node, **changes)
        except (TypeError, ValueError):
            self.fail(f"argmap: invalid fields for {node.id!r}")

    def value(self, name: str, value: Any) -> Any:
        """One field value from YAML to the model's type."""
        if name == "quote":
            if value is None:
                return None
            ok = isinstance(value, dict) and isinstance(value.get("text"), str)
            if not ok or not all(
                isinstance(value.get(k), int | type(None)) for k in ("start", "end")
            ):
                self.fail("argmap: a quote needs a text and optional start and end offsets")
            return Quote(value["text"], value.get("start"), value.get("end"))
        if name in ("tags", "premises", "statements", "inferences"):
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                self.fail(f"argmap: {name} must be a list of strings")
            return tuple(value)
        if name == "data":
            if not isinstance(value, dict):
                self.fail("argmap: data must be a mapping")
            return value
        if name == "implicit":
            if not isinstance(value, bool):
                self.fail("argmap: implicit must be true or false")
            return value
        if name == "slots":
            if not isinstance(value, dict) or not all(
                isinstance(k, str) and isinstance(v, str) for k, v in value.items()
            ):
                self.fail("argmap: slots must map slot names to premise ids")
            return value
        if name == "stance" and value not in STANCES:
            self.fail(f"argmap: stance must be one of {', '.join(STANCES)}")
        if name == "kind" and value is not None and value not in CONFLICT_KINDS:
            self.fail(f"argmap: kind must be one of {', '.join(CONFLICT_KINDS)}")
        if name in ("scheme", "label", "conclusion", "speaker", "kind", "question") and (
            value is None
        ):
            return None
        if not isinstance(value, str):
            self.fail(f"argmap: {name} must be a string")
        return value


def _renamed(table: dict[str, Any], renames: Mapping[str, str]) -> dict[str, Any]:
    """Every node with its id and its references to ids renamed."""

    def new(id: str) -> str:
        return renames.get(id, id)

    def all_new(ids: Iterable[str]) -> tuple[str, ...]:
        return tuple(new(i) for i in ids)

    result: dict[str, Any] = {}
    for node in table.values():
        changes: dict[str, Any] = {"id": new(node.id)}
        if isinstance(node, Inference):
            changes.update(premises=all_new(node.premises), conclusion=new(node.conclusion))
        elif isinstance(node, Conflict):
            changes.update(source=new(node.source), target=new(node.target))
        elif isinstance(node, Argument):
            changes.update(
                statements=all_new(node.statements),
                inferences=all_new(node.inferences),
                conclusion=new(node.conclusion) if node.conclusion else None,
            )
        elif isinstance(node, Statement):
            meta = node.data.get(RESERVED)
            if isinstance(meta, dict) and isinstance(meta.get("argument"), str):
                data = {**node.data, RESERVED: {**meta, "argument": new(meta["argument"])}}
                changes["data"] = data
        renamed = attrs.evolve(node, **changes)
        result[renamed.id] = renamed
    return result


def convert(doc: Document, path: str | None = None, *, source: str | None = None) -> ArgumentMap:
    """The argmap map of an Argdown document; ``source`` is the text its front matter
    refers to (``argmap: source: {sha256: ...}``), if the caller has it."""
    return _Converter(doc, path, source).convert()


def source_reference(source: str) -> dict[str, Any]:
    """How an Argdown file refers to its map's source text without holding it (the text
    may not be ours to copy): its SHA-256 (of its UTF-8) and its length in characters."""
    digest = hashlib.sha256(source.encode("utf-8", "surrogatepass")).hexdigest()
    return {"sha256": digest, "characters": len(source)}
