"""Argdown's JSON export (``argdown json``): written from an argmap map, and read.

The JSON has the shape of the Argdown tool's own export: ``statements`` keyed by
equivalence-class title (each with its ``members`` and their texts), ``arguments``
keyed by title (each with its ``members`` and ``pcs``, the premise-conclusion
structure with roles and inference rules), ``relations`` as ``{from, to,
relationType, fromType, toType}``, ``sections`` and ``tags``. Colors, text ranges
and source positions are left out.

It is computed by writing the map as Argdown (:func:`argmap.formats.argdown.dumps`)
and reading that back the way the Argdown tool does, so the JSON is what the
Argdown tool itself would export for argmap's Argdown rendering of the map. For a
map read from an Argdown file that is the file's own structure.

:func:`map_view` says what the Argdown map view (the ``map`` of ``argdown run
json-with-map``, from which Argdown draws its diagram) shows: which statements and
arguments become nodes, in which groups (sections), and which edges join them.

Reading (:func:`loads`) takes a JSON export made by the Argdown tool (Argdown users
have such files) back to the Argdown it says, and reads that as :mod:`.argdown` reads
a file: every definition of a statement (its text with its tags where they stand, its
data), every argument with its descriptions and premise-conclusion structure
(inference rules and data, undercuts under the inference they aim at), relations,
headings. So reading a file's JSON export gives the map reading the file gives, up to
what the export does not hold: the front matter (title, ``model.mode``: contrary and
entails relations read as attack and support), positions (``map.locations``) and which
statement stood where in the file.
"""

from __future__ import annotations

import datetime
import json
import re
from typing import Any

from argmap.errors import FormatError
from argmap.formats._io import PathLike, read_text, write_text
from argmap.formats.argdown import loads as argdown_loads
from argmap.formats.argdown._build import parse_document
from argmap.formats.argdown._escape import _tag, escape, escape_tagged
from argmap.formats.argdown._model import (
    Argument,
    Document,
    EquivalenceClass,
    Inference,
    Member,
    Relation,
    Section,
    listed,
)
from argmap.formats.argdown._write import write
from argmap.formats.argdown._yaml import UnwritableData, flow
from argmap.model import ArgumentMap

__all__ = ["document_json", "document_view", "dump", "dumps", "load", "loads", "map_view"]


# -- the JSON export -------------------------------------------------------------------


def _kind(node: Any) -> str:
    return str(node.kind)


def _title_of(node: Any) -> str | None:
    """The title Argdown's JSON gives a relation end (an inference: its argument's)."""
    if isinstance(node, Inference):
        return node.argument_title
    return str(node.title)


def _relation_json(relation: Relation) -> dict[str, Any]:
    """A relation as Argdown exports it: ``{from, to, relationType, fromType, toType}``."""
    result: dict[str, Any] = {"type": "relation", "relationType": relation.type}
    result["from"] = _title_of(relation.source)
    result["fromType"] = _kind(relation.source)
    result["to"] = _title_of(relation.target)
    result["toType"] = _kind(relation.target)
    if isinstance(relation.target, Inference):
        result["conclusionIndex"] = relation.target.conclusion_index
    return result


def _inference_json(inference: Inference) -> dict[str, Any]:
    """An inference step with its rules, data and incoming undercuts."""
    result: dict[str, Any] = {
        "type": "inference",
        "inferenceRules": list(inference.rules),
        "relations": [_relation_json(r) for r in inference.relations],
        "conclusionIndex": inference.conclusion_index,
        "argumentTitle": inference.argument_title,
    }
    if inference.data is not None:
        result["data"] = inference.data
    return result


def _member_json(member: Member) -> dict[str, Any]:
    """One member (occurrence) of a statement or argument, empty fields left out."""
    result: dict[str, Any] = {"type": "statement", "role": member.role, "title": member.title}
    if member.text is not None:
        result["text"] = member.text
    optional = {
        "isReference": member.is_reference,
        "isTopLevel": member.is_top_level,
        "tags": list(member.tags),
        "data": member.data,
        "section": member.section.id if member.section else None,
        "argumentTitle": member.argument_title,
    }
    result.update({key: value for key, value in optional.items() if value})
    if member.inference is not None:
        result["inference"] = _inference_json(member.inference)
    return result


def _statement_json(ec: EquivalenceClass) -> dict[str, Any]:
    """An equivalence class with its members, relations and Argdown's usage flags."""
    roles = {member.role for member in ec.members}
    result: dict[str, Any] = {
        "type": "equivalence-class",
        "title": ec.title,
        "relations": [_relation_json(r) for r in ec.relations],
        "members": [_member_json(m) for m in ec.members],
    }
    optional = {
        "tags": list(ec.tags),
        "data": ec.data,
        "section": ec.section.id if ec.section else None,
        "isUsedAsTopLevelStatement": "top-level-statement" in roles,
        "isUsedAsRelationStatement": "relation-statement" in roles,
        "isUsedAsPremise": "premise" in roles,
        "isUsedAsMainConclusion": "main-conclusion" in roles,
        "isUsedAsIntermediaryConclusion": "intermediary-conclusion" in roles,
    }
    result.update({key: value for key, value in optional.items() if value})
    return result


def _argument_json(argument: Argument) -> dict[str, Any]:
    """An argument with its descriptions and its premise-conclusion structure."""
    result: dict[str, Any] = {
        "type": "argument",
        "title": argument.title,
        "relations": [_relation_json(r) for r in argument.relations],
        "members": [_member_json(m) for m in argument.members],
        "pcs": [_member_json(m) for m in argument.pcs],
    }
    optional = {
        "tags": list(argument.tags),
        "data": argument.data,
        "section": argument.section.id if argument.section else None,
    }
    result.update({key: value for key, value in optional.items() if value})
    return result


def _section_json(section: Section) -> dict[str, Any]:
    """A section (heading) with its subsections."""
    result: dict[str, Any] = {
        "type": "section",
        "id": section.id,
        "level": section.level,
        "title": section.title,
        "children": [_section_json(child) for child in section.children],
    }
    if section.parent is not None:
        result["parent"] = section.parent.id
    if section.data is not None:
        result["data"] = section.data
    if section.is_group is not None:
        result["isGroup"] = section.is_group
    return result


def _css_class(tag: str) -> str:
    """Argdown's CSS class name for a tag (``tag-`` plus a slug)."""
    name = ("tag-" + tag).lower()
    for old, new in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        name = name.replace(old, new)
    name = re.sub(r"\s", "-", name)
    return re.sub(r"[^a-z0-9\-]", "", name)


def document_json(doc: Document) -> dict[str, Any]:
    """An Argdown document in the shape of the Argdown tool's JSON export."""
    return {
        "arguments": {title: _argument_json(a) for title, a in doc.arguments.items()},
        "statements": {title: _statement_json(ec) for title, ec in doc.statements.items()},
        "relations": [_relation_json(r) for r in doc.relations],
        "sections": [_section_json(s) for s in doc.sections],
        "tags": {
            tag: {"tag": tag, "cssClass": _css_class(tag), "occurrenceIndex": index}
            for index, tag in enumerate(doc.tags)
        },
    }


# -- the map view ----------------------------------------------------------------------

_COLOUR = re.compile(r"#(?:[0-9a-fA-F]{3}){1,2}|[a-zA-Z]{3,20}")
_PCS_ROLES = ("premise", "intermediary-conclusion", "main-conclusion")
_SYMMETRIC = ("contrary", "contradictory")


class _Selection:
    """Which statements and arguments Argdown's map shows (its selection plugins)."""

    def __init__(self, doc: Document) -> None:
        frontmatter = doc.frontmatter or {}
        settings = frontmatter.get("selection")
        self.settings: dict[str, Any] = settings if isinstance(settings, dict) else {}
        self.doc = doc
        self.mode = self.settings.get("statementSelectionMode", "with-title")
        self.exclude_disconnected = self.settings.get("excludeDisconnected", True) is not False
        self.ignore_is_in_map = bool(self.settings.get("ignoreIsInMap"))
        statements = [ec for ec in doc.statements.values() if self.preselected(ec)]
        arguments = [a for a in doc.arguments.values() if self.preselected(a)]
        self.statements = {ec.title: ec for ec in statements}
        self.arguments = {a.title: a for a in arguments}
        chosen = [ec for ec in statements if self.statement_selected(ec)]
        self.statements = {ec.title: ec for ec in chosen}
        kept = [a for a in arguments if self.argument_selected(a)]
        self.arguments = {a.title: a for a in kept}

    def preselected(self, element: EquivalenceClass | Argument) -> bool:
        """Argdown's preselection: ``isInMap``, excluded titles, selected sections and tags."""
        data = element.data or {}
        if not self.ignore_is_in_map and "isInMap" in data and data["isInMap"] is not True:
            return False
        key = "excludeArguments" if isinstance(element, Argument) else "excludeStatements"
        if element.title in listed(self.settings.get(key)):
            return False
        sections = self.settings.get("selectedSections")
        if sections is not None:
            sections = listed(sections)
            if element.section is None:
                if self.settings.get("selectElementsWithoutSection") is not True:
                    return False
            elif element.section.title not in sections:
                return False
        tags = self.settings.get("selectedTags")
        if tags is not None:
            tags = listed(tags)
            untagged = self.settings.get("selectElementsWithoutTag") is True and not element.tags
            return untagged or any(tag in tags for tag in element.tags)
        return True

    def member_in(self, relation: Relation, node: Any) -> bool:
        """Argdown's relationMemberIsInSelection."""
        if isinstance(node, EquivalenceClass):
            if node.title in self.statements:
                return True
            role = "premise" if relation.target is node else "main-conclusion"
            symmetric = relation.type in _SYMMETRIC
            return any(
                (symmetric or m.role == role) and m.argument_title in self.arguments
                for m in node.members
            )
        if isinstance(node, Argument):
            return node.title in self.arguments
        return node.argument_title in self.arguments

    def other_in(self, relation: Relation, node: Any) -> bool:
        other = relation.target if relation.source is node else relation.source
        return self.member_in(relation, other)

    def statement_selected(self, ec: EquivalenceClass) -> bool:
        """Argdown's statement selection mode (default: with a title or relations)."""
        data = ec.data or {}
        if not self.ignore_is_in_map and data.get("isInMap") is True:
            return True
        if ec.title in listed(self.settings.get("includeStatements")):
            return True
        with_relations = any(self.other_in(r, ec) for r in ec.relations)
        used = any(
            m.role in ("premise", "main-conclusion") and m.argument_title in self.arguments
            for m in ec.members
        )
        mode = self.mode
        if mode == "all":
            chosen = True
        elif mode == "top-level":
            top = any(m.role == "top-level-statement" for m in ec.members)
            chosen = (not used and with_relations) or top
        elif mode == "with-relations":
            chosen = with_relations
        elif mode == "not-used-in-argument":
            chosen = not used
        elif mode == "with-more-than-one-relation":
            chosen = with_relations and (not used or self.partners(ec) > 1)
        else:
            chosen = (not used and with_relations) or not ec.title.startswith("Untitled")
        return (not self.exclude_disconnected or used or with_relations) and chosen

    def partners(self, ec: EquivalenceClass) -> int:
        """How many selected arguments a statement is related to (for one selection mode)."""
        count = 0
        for relation in ec.relations:
            other = relation.target if relation.source is ec else relation.source
            if isinstance(other, EquivalenceClass):
                if ec.title not in self.statements:
                    continue
                role = "premise" if relation.target is other else "main-conclusion"
                count += sum(
                    1
                    for m in other.members
                    if m.role == role and m.argument_title in self.arguments
                )
            elif (isinstance(other, Argument) and other.title in self.arguments) or (
                isinstance(other, Inference) and other.argument_title in self.arguments
            ):
                count += 1
        return count

    def argument_selected(self, argument: Argument) -> bool:
        """An argument is shown when it is connected to something shown."""
        data = argument.data or {}
        if not self.exclude_disconnected or (
            not self.ignore_is_in_map and data.get("isInMap") is True
        ):
            return True
        if any(self.other_in(r, argument) for r in argument.relations):
            return True
        return any(self.pcs_connected(argument, s) for s in argument.pcs)

    def pcs_connected(self, argument: Argument, statement: Member) -> bool:
        """Whether a premise or conclusion connects the argument to the map."""
        inference = statement.inference
        if inference is not None and any(self.other_in(r, inference) for r in inference.relations):
            return True
        ec = self.doc.statements[statement.title or ""]
        for relation in ec.relations:
            symmetric = relation.type in _SYMMETRIC
            if statement.role == "intermediary-conclusion":
                continue
            if not symmetric and statement.role == "premise" and relation.source is ec:
                continue
            if not symmetric and statement.role == "main-conclusion" and relation.target is ec:
                continue
            if self.other_in(relation, ec):
                return True
        if statement.role in ("main-conclusion", "premise"):
            required = "premise" if statement.role == "main-conclusion" else "main-conclusion"
            if statement.title in self.statements:
                return True
            return any(
                m.role == required and m.argument_title in self.arguments for m in ec.members
            )
        return False


def _label(title: str, text: str | None) -> dict[str, Any]:
    """Argdown's default labels: the text, and the title unless it is an auto-title."""
    label: dict[str, Any] = {}
    if text:
        label["labelText"] = text
    if not title.startswith("Untitled") or not text:
        label["labelTitle"] = title
    return label


class _View:
    """Builds the nodes, edges and groups of Argdown's map from a selection."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.selection = _Selection(doc)
        self.nodes: list[dict[str, Any]] = []
        self.statement_nodes: dict[str, dict[str, Any]] = {}
        self.argument_nodes: dict[str, dict[str, Any]] = {}
        self.edges: list[dict[str, Any]] = []

    def build(self) -> dict[str, Any]:
        for ec in self.selection.statements.values():
            node = self.node(ec, "statement")
            self.statement_nodes[ec.title] = node
        for argument in self.selection.arguments.values():
            node = self.node(argument, "argument")
            self.argument_nodes[argument.title] = node
        for relation in self.doc.relations:
            if self.selection.member_in(relation, relation.source) and self.selection.member_in(
                relation, relation.target
            ):
                self.relation_edges(relation, relation.source, relation.target, reverse=False)
        self.equivalence_edges()
        groups = _Groups(self.doc, self.nodes).build()
        return {"nodes": self.nodes, "edges": self.edges, "groups": groups}

    def node(self, element: EquivalenceClass | Argument, kind: str) -> dict[str, Any]:
        """A map node for a statement or argument, with Argdown's labels."""
        canonical = element.canonical
        text = canonical.text if canonical is not None else None
        node: dict[str, Any] = {"id": f"n{len(self.nodes)}", "title": element.title, "type": kind}
        node.update(_label(element.title, text))
        node["tags"] = list(element.tags)
        colour = self.colour(element.tags)
        if colour is not None:
            node["color"] = colour
        node["element"] = element
        self.nodes.append(node)
        return node

    def colour(self, tags: Any) -> str | None:
        """Argdown's colour of an element: that of its first tag given one in the front
        matter's ``color.tagColors`` (a CSS colour name or ``#rgb``/``#rrggbb``)."""
        colours = (self.doc.frontmatter or {}).get("color")
        given = colours.get("tagColors") if isinstance(colours, dict) else None
        if not isinstance(given, dict):
            return None
        for tag in tags:
            colour = given.get(tag)
            if isinstance(colour, str) and _COLOUR.fullmatch(colour):
                return colour
        return None

    def froms(self, source: Any, reverse: bool) -> list[dict[str, Any]]:
        """The map nodes a relation starts from (a conclusion stands for its argument)."""
        if not reverse and isinstance(source, Argument):
            return [self.argument_nodes[source.title]]
        if isinstance(source, EquivalenceClass):
            found = self.statement_nodes.get(source.title)
            if found is not None:
                return [found]
            return self.argument_nodes_of(source, "main-conclusion")
        return []

    def tos(self, target: Any, reverse: bool) -> list[dict[str, Any]]:
        """The map nodes a relation ends at (a premise stands for its argument)."""
        if not reverse and isinstance(target, Argument):
            return [self.argument_nodes[target.title]]
        if not reverse and isinstance(target, Inference):
            return [self.argument_nodes[target.argument_title or ""]]
        if isinstance(target, EquivalenceClass):
            found = self.statement_nodes.get(target.title)
            if found is not None:
                return [] if reverse else [found]
            return self.argument_nodes_of(target, "premise")
        return []

    def argument_nodes_of(self, ec: EquivalenceClass, role: str) -> list[dict[str, Any]]:
        """The nodes of the selected arguments using the class in ``role``."""
        found = []
        for member in ec.members:
            if member.role == role and member.argument_title in self.argument_nodes:
                found.append(self.argument_nodes[member.argument_title])
        return found

    def relation_edges(self, relation: Relation, source: Any, target: Any, reverse: bool) -> None:
        """The edges for one relation; symmetric relations are also tried reversed."""
        for start in self.froms(source, reverse):
            for end in self.tos(target, reverse):
                kind = relation.type
                if start["type"] != "statement" or end["type"] != "statement":
                    kind = {"contradictory": "attack", "contrary": "attack"}.get(kind, kind)
                    kind = "support" if kind == "entails" else kind
                self.add_edge(start, end, kind)
        if not reverse and relation.type in _SYMMETRIC:
            self.relation_edges(relation, target, source, reverse=True)

    def add_edge(self, start: dict[str, Any], end: dict[str, Any], kind: str) -> None:
        """Append an edge between two nodes."""
        self.edges.append(
            {
                "id": f"e{len(self.edges) + 1}",
                "from": start["title"],
                "fromType": start["type"],
                "to": end["title"],
                "toType": end["type"],
                "type": kind,
                "fromNode": start["id"],
                "toNode": end["id"],
            }
        )

    def equivalence_edges(self) -> None:
        """Argdown's implicit support: a conclusion that is another argument's premise."""
        added: set[tuple[str, str]] = set()

        def add(start: dict[str, Any], end: dict[str, Any]) -> None:
            if (start["id"], end["id"]) not in added:
                added.add((start["id"], end["id"]))
                self.add_edge(start, end, "support")

        for title, node in self.argument_nodes.items():
            argument = self.doc.arguments[title]
            if not argument.pcs:
                continue
            ec = self.doc.statements[argument.pcs[-1].title or ""]
            statement_node = self.statement_nodes.get(ec.title)
            if statement_node is not None:
                add(node, statement_node)
                continue
            for other in self.argument_nodes_of(ec, "premise"):
                add(node, other)
        for title, node in self.statement_nodes.items():
            for other in self.argument_nodes_of(self.doc.statements[title], "premise"):
                add(node, other)


class _Groups:
    """Argdown's groups: sections that contain map nodes, nested as the map shows them."""

    def __init__(self, doc: Document, nodes: list[dict[str, Any]]) -> None:
        self.doc = doc
        self.nodes = nodes
        frontmatter = doc.frontmatter or {}
        group = frontmatter.get("group")
        depth = group.get("groupDepth", 2) if isinstance(group, dict) else 2
        self.min_level = doc.max_section_level - (depth if isinstance(depth, int) else 2) + 1

    def is_group(self, section: Section) -> bool:
        """Whether a section becomes a group (Argdown's ``groupDepth`` rule)."""
        if section.is_group is not None:
            return section.is_group
        return section.level >= self.min_level

    def group_of(self, section: Section | None) -> Section | None:
        """The nearest section that is a group, going up from ``section``."""
        while section is not None and not self.is_group(section):
            section = section.parent
        return section

    def build(self) -> list[dict[str, Any]]:
        groups: dict[str, dict[str, Any]] = {}
        for node in self.nodes:
            element = node.pop("element")
            section = self.group_of(element.section)
            node["group"] = section.id if section is not None else None
            while section is not None and section.id not in groups:
                parent = self.group_of(section.parent)
                groups[section.id] = {
                    "id": section.id,
                    "title": section.title,
                    "sectionLevel": section.level,
                    "parent": parent.id if parent is not None else None,
                }
                section = parent
        for group in groups.values():
            level, parent = 1, group["parent"]
            while parent is not None:
                level, parent = level + 1, groups[parent]["parent"]
            group["level"] = level
        return list(groups.values())


def document_view(doc: Document) -> dict[str, Any]:
    """The nodes, edges and groups of the Argdown map of a document."""
    return _View(doc).build()


# -- from argmap maps ------------------------------------------------------------------


def _document(map: ArgumentMap) -> Document:
    """The Argdown document argmap writes for ``map``, read back as Argdown reads it."""
    return parse_document(write(map))


def map_view(map: ArgumentMap) -> dict[str, Any]:
    """What the Argdown map view shows for ``map``: ``nodes`` (``id``, ``title``,
    ``type`` statement or argument, ``group``, ``labelTitle``/``labelText``, ``tags``),
    ``color`` when a tag of it has one in the front matter's ``color.tagColors``;
    ``edges`` (``from``/``to`` titles with ``fromType``/``toType``, ``type``: support,
    attack, undercut, contrary, contradictory or entails, and the node ids) and
    ``groups`` (sections shown as clusters: ``id``, ``title``, ``level``, ``parent``).

    Argdown shows every argument connected to something, and only those statements
    that have a title of their own or take part in relations outside arguments."""
    return document_view(_document(map))


def _json_default(value: Any) -> Any:
    """Dates (from YAML data) as ISO strings; anything else is an error."""
    if isinstance(value, datetime.date | datetime.datetime):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def dumps(map: ArgumentMap) -> str:
    """``map`` as JSON in the shape of the Argdown tool's ``argdown json`` export."""
    document = document_json(_document(map))
    return json.dumps(document, ensure_ascii=False, indent=2, default=_json_default) + "\n"


def dump(map: ArgumentMap, path: PathLike) -> None:
    """Write ``map`` to ``path`` as Argdown JSON, atomically."""
    write_text(path, dumps(map))


# -- reading Argdown's JSON export -------------------------------------------------------

_SYMBOL = {
    "support": "+>",
    "entails": "+>",
    "attack": "->",
    "contrary": "->",
    "contradictory": "><",
    "undercut": "_>",
}


class _Source:
    """The Argdown text a JSON export says, paragraph by paragraph."""

    def __init__(self, document: dict[str, Any], path: str | None) -> None:
        self.document = document
        self.path = path
        self.placed: dict[str | None, list[str]] = {None: []}
        self.undercuts: dict[tuple[str, int], list[str]] = {}
        self.pending: list[str] = []  # tag references for tags a text does not carry

    def fail(self, message: str) -> FormatError:
        return FormatError(
            message,
            path=self.path,
            line=1,
            column=1,
            expected="Argdown's JSON export (argdown json)",
        )

    def table(self, key: str) -> dict[str, Any]:
        value = self.document.get(key, {})
        if not isinstance(value, dict) or not all(isinstance(v, dict) for v in value.values()):
            raise self.fail(f'"{key}" must map titles to objects')
        return value

    def members(self, element: dict[str, Any], head: str) -> list[dict[str, Any]]:
        members = element.get("members", [])
        if not isinstance(members, list) or not all(isinstance(m, dict) for m in members):
            raise self.fail(f"the members of {head} must be a list of objects")
        for member in members:
            if "text" in member and not isinstance(member["text"], str | None):
                raise self.fail(f"a member of {head} has a text that is not a string")
        return members

    def head(self, title: object, kind: str) -> str:
        """``[title]`` or ``<title>``: a title Argdown can write there, else a FormatError
        (a bracket or a line break would end the title early and change the map)."""
        closing = "]" if kind == "statement" else ">"
        if (
            not isinstance(title, str)
            or not title.strip()
            or title != title.strip()
            or any(c in title for c in ("[", "]", "<", ">", "\n", "\r"))
        ):
            raise self.fail(
                f"the {kind} title {title!r} cannot be written in Argdown (no brackets, "
                "line breaks or surrounding spaces in a title)"
            )
        return f"[{title}]" if closing == "]" else f"<{title}>"

    def text(self, head: str, member: dict[str, Any]) -> str:
        """``head: text`` with the member's tags where they stand and its data."""
        text = member.get("text")
        if not isinstance(text, str) or not text.strip():
            tags = [t for t in (_tag(str(tag)) for tag in member.get("tags") or []) if t]
            return f"{head} {' '.join(tags)}" if tags else head
        tags = [str(t) for t in member.get("tags") or []]
        tagged = escape_tagged(text.rstrip(), tags, f"{head}: ")
        written = tagged[0] if tagged else escape(" ".join(text.split()), f"{head}: ")
        line = f"{head}: {written or ''}".rstrip()
        rest = [t for t in tags if not tagged or t not in tagged[1]]
        self.pending.extend(f"{head} {t}" for t in (_tag(tag) for tag in rest) if t)
        data = member.get("data")
        if isinstance(data, dict) and data:
            try:
                line += " " + flow(data)
            except UnwritableData:
                raise self.fail(f"the data of {head} cannot be written") from None
        return line

    def place(self, element: dict[str, Any], paragraph: str) -> None:
        section = element.get("section")
        key = section if isinstance(section, str) and section in self.placed else None
        self.placed[key].append(paragraph)

    def statements(self) -> None:
        for title, ec in self.table("statements").items():
            head = self.head(title, "statement")
            lines = [
                self.text(head, m)
                for m in self.members(ec, head)
                if not m.get("isReference") and isinstance(m.get("text"), str)
            ]
            if not lines:
                lines = [head]
            lines.extend(self.references(head, ec))
            if isinstance(ec.get("data"), dict) and ec["data"] and "{" not in lines[-1]:
                try:
                    lines[-1] += " " + flow(ec["data"])
                except UnwritableData:
                    raise self.fail(f"the data of {head} cannot be written") from None
            for line in lines:
                self.place(ec, line)

    def arguments(self) -> None:
        for title, argument in self.table("arguments").items():
            head = self.head(title, "argument")
            lines = [
                self.text(head, m)
                for m in self.members(argument, head)
                if not m.get("isReference") and (m.get("text") or "").strip()
            ] or [head]
            lines.extend(self.references(head, argument))
            pcs = argument.get("pcs", [])
            if not isinstance(pcs, list) or not all(isinstance(m, dict) for m in pcs):
                raise self.fail(f"the pcs of {head} must be a list of objects")
            if pcs:
                lines[-1] += "\n\n" + self.pcs(title, pcs)
            for line in lines:
                self.place(argument, line)

    def references(self, head: str, element: dict[str, Any]) -> list[str]:
        """Tag references (``[T] #tag``), and tags the texts did not carry."""
        lines = []
        for member in self.members(element, head):
            tags = [t for t in (_tag(str(tag)) for tag in member.get("tags") or []) if t]
            if member.get("isReference") and tags:
                lines.append(f"{head} {' '.join(tags)}")
        lines.extend(self.pending)
        self.pending = []
        return lines

    def pcs(self, title: str, pcs: list[dict[str, Any]]) -> str:
        lines = []
        for number, member in enumerate(pcs, 1):
            inference = member.get("inference")
            if isinstance(inference, dict):
                rules = [escape(str(r), "[x]: ") or "" for r in inference.get("inferenceRules", [])]
                inner = ", ".join(r.replace(",", "\\,") for r in rules if r)
                data = inference.get("data")
                block = flow(data) if isinstance(data, dict) and data else ""
                line = f"-- {inner} {block} --".replace("  ", " ") if inner or block else "----"
                lines.append(line.strip())
                for source in self.undercuts.get((title, number - 1), []):
                    lines.append(f"  <_ {source}")
            lines.append(f"({number}) {self.head(member.get('title'), 'statement')}")
        return "\n".join(lines)

    def relations(self) -> list[str]:
        relations = self.document.get("relations", [])
        if not isinstance(relations, list) or not all(isinstance(r, dict) for r in relations):
            raise self.fail('"relations" must be a list of objects')
        out = []
        for relation in relations:
            kind = relation.get("relationType")
            if kind not in _SYMBOL:
                raise self.fail(f"unknown relation type {kind!r}")
            source = self.end(relation, "from")
            if relation.get("toType") == "inference":
                index = relation.get("conclusionIndex")
                if not isinstance(index, int):
                    raise self.fail("an undercut of an inference needs its conclusionIndex")
                self.undercuts.setdefault((str(relation.get("to")), index), []).append(source)
                continue
            out.append(f"{source}\n  {_SYMBOL[kind]} {self.end(relation, 'to')}")
        return out

    def end(self, relation: dict[str, Any], which: str) -> str:
        title = relation.get(which)
        if not isinstance(title, str):
            raise self.fail(f"a relation without {which!r}")
        kind = "argument" if relation.get(f"{which}Type") == "argument" else "statement"
        return self.head(title, kind)

    def sections(self, sections: Any) -> list[dict[str, Any]]:
        if not isinstance(sections, list):
            raise self.fail('"sections" must be a list')
        flat = []
        for section in sections:
            if not isinstance(section, dict) or not isinstance(section.get("id"), str):
                raise self.fail("a section needs an id")
            flat.append(section)
            flat.extend(self.sections(section.get("children", [])))
        return flat

    def text_of_document(self) -> str:
        sections = self.sections(self.document.get("sections", []))
        for section in sections:
            self.placed[section["id"]] = []
        relations = self.relations()
        self.statements()
        self.arguments()
        strict = any(
            isinstance(r, dict) and r.get("relationType") in ("contrary", "entails")
            for r in self.document.get("relations", [])
        )
        out = ["===\nmodel:\n  mode: strict\n===", *self.placed[None]] if strict else []
        out = out or list(self.placed[None])
        for section in sections:
            level = section.get("level")
            named = section.get("title", "")
            if not isinstance(named, str) or "\n" in named or "\r" in named:
                raise self.fail(f"the section title {named!r} cannot be written in Argdown")
            title = escape(named, "# ") or "\\ "
            heading = "#" * (level if isinstance(level, int) and level >= 1 else 1) + " " + title
            data = section.get("data")
            if isinstance(data, dict) and data:
                heading += " " + flow(data)
            out.append(heading)
            out.extend(self.placed[section["id"]])
        out.extend(relations)
        return "\n\n".join(out) + "\n"


def argdown_of(text: str, *, path: str | None = None) -> str:
    """The Argdown text that an Argdown JSON export says."""
    try:
        document = json.loads(text)
    except (ValueError, RecursionError) as error:
        raise FormatError(
            f"invalid JSON: {getattr(error, 'msg', error)}",
            path=path,
            line=getattr(error, "lineno", 1),
            column=getattr(error, "colno", 1),
        ) from None
    if not isinstance(document, dict) or not {"statements", "arguments"} <= set(document):
        raise FormatError(
            "not an Argdown JSON export",
            path=path,
            line=1,
            column=1,
            expected='an object with "statements", "arguments" and "relations"',
        )
    return _Source(document, path).text_of_document()


def loads(text: str, *, path: str | None = None) -> ArgumentMap:
    """Read Argdown's own JSON export (``argdown json``) as a map.

    The export is read by writing the Argdown it describes and reading that; a problem
    found there is reported at the start of the JSON file (its lines are not the
    file's), saying where in the Argdown it was."""
    argdown = argdown_of(text, path=path)
    try:
        return argdown_loads(argdown, path=path)
    except FormatError as error:
        where = f" (line {error.line} of the Argdown it describes)" if error.line else ""
        raise FormatError(
            f"{error.message}{where}",
            path=path,
            line=1,
            column=1,
            code=error.code,
            expected="Argdown's JSON export (argdown json)",
        ) from None


def load(path: PathLike) -> ArgumentMap:
    """Read the Argdown JSON export ``path``."""
    return loads(read_text(path), path=str(path))
