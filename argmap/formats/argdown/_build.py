"""The Argdown model built from the parse tree as ``@argdown/core`` builds it.

:func:`parse_document` is the entry point: text -> tokens (:mod:`._lexer`) -> parse tree
(:mod:`._parser`) -> :class:`._model.Document`, following the model plugin of the Argdown
tool (version 1.7.5) step by step: the auto-titles ``Untitled N`` in Argdown's order,
the way line breaks join text, which relation wins when two say the same. It raises
:class:`FormatError` listing every problem it found. ``benchmarks/bench_argdown.py``
times reading against the Argdown tool's own parse; what keeps argmap's reader fast:
the lexer's patterns by first character, Lark's LALR parser building light
:class:`._parser.ParseNode` trees, the YAML cache (:func:`._parser._data`), the garbage
collector paused while reading, and :func:`._model.release`, which frees a read
document at once.
"""

from __future__ import annotations

import gc
import re
from typing import Any

import yaml

from argmap.formats.argdown._lexer import Token
from argmap.formats.argdown._model import (
    MAX_DEPTH,
    Argument,
    Document,
    EquivalenceClass,
    Inference,
    Member,
    Relation,
    Section,
    listed,
)
from argmap.formats.argdown._parser import (
    ParseNode,
    _check_binary,
    _check_tokens,
    _copied,
    _data,
    _lex,
    _parse_tokens,
    _Problems,
    _yaml_position,
    load_yaml,
)

__all__ = ["parse_document"]

Node = Any  # EquivalenceClass | Argument | Inference (relation ends)


def _first_token(tree: ParseNode | Token) -> Token | None:
    """The first token of a subtree (iteratively)."""
    node: Any = tree
    while isinstance(node, ParseNode):
        if not node.children:
            return None
        node = node.children[0]
    return node if isinstance(node, Token) else None


def _position(tree: ParseNode | Token) -> tuple[int, int]:
    """(line, column) of the first token of a subtree."""
    token = _first_token(tree)
    if token is None or token.line is None or token.column is None:
        return 0, 0
    return token.line, token.column


_TAG = re.compile(r"#(?:\(([^)]+)\)|([A-z0-9\-\u00A0-\uD7FF\uF900-\uFDCF\uFDF0-\uFFEF]+))")
_LINK = re.compile(r"\[(.+)\]\((.+)\)", re.S)
_OUTGOING = {"outgoing_support", "outgoing_attack", "outgoing_undercut"}
_RELATION_KIND = {
    "incoming_support": "support",
    "incoming_attack": "attack",
    "outgoing_support": "support",
    "outgoing_attack": "attack",
    "contradiction": "contradictory",
    "incoming_undercut": "undercut",
    "outgoing_undercut": "undercut",
}


class _Builder:
    """Walks the parse tree in document order, keeping Argdown's model plugin state."""

    def __init__(self, problems: _Problems) -> None:
        self.doc = Document()
        self.problems = problems
        self.untitled = 0
        self.statement: Member | None = None
        self.heading: dict[str, Any] | None = None
        self.section: Section | None = None
        self.relation: Relation | None = None
        self.relation_parent: Any = None
        self.parents: list[Node] = []
        self.inference: Inference | None = None
        self.remove_tags = False
        self.depth = 0
        self.yaml: dict[str, Any] = {}  # data blocks read so far, by their text
        self.text_owner: Any = None  # the statement or heading text_pieces belong to
        self.text_pieces: list[str] = []

    # -- helpers --------------------------------------------------------------------

    def unique_title(self) -> str:
        """Argdown's next auto-title, ``Untitled N``."""
        self.untitled += 1
        return f"Untitled {self.untitled}"

    def ec(self, title: str) -> EquivalenceClass:
        """The equivalence class called ``title`` (created on first use, as in Argdown)."""
        found = self.doc.statements.get(title)
        if found is None:
            found = self.doc.statements[title] = EquivalenceClass(title)
        return found

    def argument(self, title: str | None) -> Argument:
        """The argument called ``title`` (a new ``Untitled N`` when None)."""
        found = self.doc.arguments.get(title) if title else None
        if found is None:
            found = Argument(title or self.unique_title())
            self.doc.arguments[found.title] = found
        self.relation_parent = found
        return found

    def relation_member(self, parent: Any) -> Node:
        """Argdown's getRelationMember: a statement's class or an argument."""
        if isinstance(parent, Member):
            if not parent.title:
                parent.title = self.unique_title()
            if parent.role == "argument-description":
                return self.argument(parent.title)
            return self.ec(parent.title)
        return parent

    def target(self) -> Any:
        return self.heading if self.heading is not None else self.statement

    def append_text(self, text: str) -> None:
        """Add text to the statement or heading being read.

        The pieces wait in a list until the text is complete (:meth:`flush_text`):
        adding to a string one piece at a time would copy a long statement's text
        for every line of it, quadratic time for a statement of many lines."""
        target = self.target()
        if target is None:
            return
        if target is not self.text_owner:
            self.flush_text()
            self.text_owner = target
        self.text_pieces.append(text)

    def flush_text(self) -> None:
        """Join the pieces of text read so far into their statement or heading."""
        owner, pieces = self.text_owner, self.text_pieces
        if owner is None:
            return
        if isinstance(owner, dict):
            owner["text"] = (owner.get("text") or "") + "".join(pieces)
        else:
            owner.text = (owner.text or "") + "".join(pieces)
        self.text_owner, self.text_pieces = None, []

    def ends_with_space(self) -> bool:
        """Whether the text of the statement or heading being read ends in a space."""
        target = self.target()
        if target is None:
            return False
        if target is self.text_owner:
            for piece in reversed(self.text_pieces):
                if piece:
                    return piece.endswith(" ")
        text = (target.get("text") if isinstance(target, dict) else target.text) or ""
        return text.endswith(" ")

    def deeper(self, tree: ParseNode) -> None:
        """One level deeper; too deep is a FormatError, not a RecursionError."""
        self.depth += 1
        if self.depth > MAX_DEPTH:
            line, column = _position(tree)
            raise _TooDeep(line, column)

    # -- the document ---------------------------------------------------------------

    def document(self, children: list[Any]) -> Document:
        """Walk the top-level blocks in order, then apply Argdown's transformations."""
        previous: Argument | None = None
        for child in children:
            if isinstance(child, Token):
                if child.type == "FRONTMATTER":
                    self.frontmatter(child)
                continue
            previous = self.block(child, previous)
        self.finish()
        return self.doc

    def frontmatter(self, token: Token) -> None:
        """Read the YAML front matter and the model settings it holds."""
        opening = re.match(r"\s*={3,}", str(token))
        start = opening.end() if opening is not None else 0
        body = re.sub(r"={3,}\s*\Z", "", str(token)[start:])
        self.doc.frontmatter_at = (token, start, body)
        try:
            value = load_yaml(body)
        except (yaml.YAMLError, ValueError) as error:
            line, column = _yaml_position(token, start, error)
            reason = str(getattr(error, "problem", None) or error).strip()
            self.problems.add(
                "invalid-frontmatter",
                f"invalid YAML front matter: {reason}",
                line,
                column,
                "valid YAML between === lines",
            )
            return
        if value is None:
            value = {}
        if not isinstance(value, dict):
            self.problems.add(
                "invalid-frontmatter",
                "front matter must be a mapping of keys to values",
                token.line,
                token.column,
                "key: value lines",
            )
            return
        self.doc.frontmatter = value
        model = value.get("model")
        if isinstance(model, dict):
            self.doc.strict = model.get("mode") == "strict"
            self.remove_tags = bool(model.get("removeTagsFromText"))

    def block(self, tree: ParseNode, previous: Argument | None) -> Argument | None:
        """One paragraph; returns the argument it defines (a following pcs is its own)."""
        kind = tree.data
        if kind == "heading":
            self.heading_block(tree)
        elif kind == "statement":
            self.statement_node(tree, top_level=True)
        elif kind == "argument":
            return self.argument_node(tree, top_level=True)
        elif kind == "pcs":
            self.pcs(tree, previous)
        else:  # ordered_list, unordered_list
            for item in tree.children:
                if isinstance(item, ParseNode):
                    self.list_item(item)
        return None

    def list_item(self, item: ParseNode) -> None:
        """A statement or argument in a list."""
        content = item.children[1]
        assert isinstance(content, ParseNode)
        if content.data == "statement":
            self.statement_node(content, top_level=False)
        else:
            self.argument_node(content, top_level=False)

    # -- headings ---------------------------------------------------------------------

    def heading_block(self, tree: ParseNode) -> None:
        """A heading: a new section of the document."""
        self.heading = {"text": "", "tags": {}}
        data: dict[str, Any] | None = None
        for index, child in enumerate(tree.children):
            if isinstance(child, ParseNode):
                self.content(child)
            elif child.type == "DATA":
                data = _data(child, self.problems, self.yaml)
            elif child.type == "NL":
                self.newline(index, len(tree.children))
        self.flush_text()
        heading, self.heading = self.heading, None
        level = len(str(tree.children[0]))
        self.doc.max_section_level = max(self.doc.max_section_level, level)
        section = Section(
            f"s{len(self.doc.all_sections) + 1}",
            heading["text"].strip(),
            level,
            data=data,
            at=_first_token(tree),
        )
        self.place_section(section)

    def place_section(self, section: Section) -> None:
        """Nest a new section under the nearest open section of a lower level."""
        if section.data and isinstance(section.data.get("isGroup"), bool):
            section.is_group = section.data["isGroup"]
        frontmatter = self.doc.frontmatter or {}
        group = frontmatter.get("group")
        if isinstance(group, dict) and isinstance(group.get("sections"), dict):
            config = group["sections"].get(section.title)
            if isinstance(config, dict):
                section.is_group = config.get("isGroup")
            elif section.is_group is None:
                section.is_group = False
        previous = self.section
        while previous is not None and previous.level >= section.level:
            previous = previous.parent
        if previous is not None:
            previous.children.append(section)
            section.parent = previous
        else:
            self.doc.sections.append(section)
        self.doc.all_sections.append(section)
        self.section = section

    # -- text -------------------------------------------------------------------------

    def content(self, tree: ParseNode) -> None:
        """Statement content: text, links, tags, mentions, bold and italic, line breaks."""
        self.deeper(tree)
        children = tree.children
        last = len(children) - 1
        for index, child in enumerate(children):
            if isinstance(child, ParseNode):
                self.text_range(child)
                continue
            kind = child.type
            if kind == "TEXT":
                self.append_text(child.value)
            elif kind == "NL":
                self.newline(index, last + 1)
            elif kind == "TAG":
                self.tag(child)
            elif kind == "LINK":
                found = _LINK.match(child.value)
                self.append_text(found.group(1) if found else child.value)
                if child.value.endswith(" "):
                    self.append_text(" ")
            else:  # mentions keep their own spelling
                self.append_text(child.value)
        self.depth -= 1

    def text_range(self, tree: ParseNode) -> None:
        """Bold or italic text: the markers go, a trailing space after them stays."""
        end = tree.children[-1]
        for child in tree.children:
            if isinstance(child, ParseNode):
                self.content(child)
        if isinstance(end, Token) and str(end).endswith(" "):
            self.append_text(" ")

    def newline(self, index: int, count: int) -> None:
        """A line break inside a statement joins its lines with one space."""
        if index == count - 1 or self.target() is None:  # a last line break adds nothing
            return
        if not self.ends_with_space():
            self.append_text(" ")

    def tag(self, token: Token) -> None:
        """A tag: into the text (unless removeTagsFromText) and the element's tags."""
        target = self.target()
        if target is None:
            return
        found = _TAG.match(token.value)
        if found is None:
            return
        name = found.group(1) or found.group(2)
        if not self.remove_tags:
            self.append_text(token.value)
        tags = target["tags"] if isinstance(target, dict) else target.tags
        tags.setdefault(name)
        self.doc.tags.setdefault(name)

    # -- statements and arguments -------------------------------------------------------

    def statement_node(self, tree: ParseNode, *, top_level: bool) -> Member:
        """A statement: its member joins the equivalence class of its title."""
        role = "top-level-statement" if top_level else None
        if not top_level and self.relation is not None:
            role = "relation-statement"
        member = Member(role, _first_token(tree), is_top_level=top_level)
        self.statement = member
        self.relation_parent = member
        children = tree.children
        for index, child in enumerate(children):
            if isinstance(child, ParseNode):
                if child.data == "statement_content":
                    self.content(child)
                elif child.data == "statement_definition":
                    member.title = _title(child.children[0])
                    self.content(child.children[1])
                else:
                    self.relations(child)
                continue
            kind = child.type
            if kind == "STMT_REF":
                member.title = _title(child)
                member.is_reference = True
            elif kind == "TAG":
                self.tag(child)
            elif kind == "NL":
                self.newline(index, len(children))
            elif kind == "DATA":
                member.data = _data(child, self.problems, self.yaml)
        self.finish_statement(member)
        return member

    def finish_statement(self, member: Member) -> None:
        """Argdown's statement exit: title, class, tags, data and section."""
        if not member.title:
            member.title = self.unique_title()
        self.join(self.ec(member.title), member)
        self.statement = None

    def argument_node(self, tree: ParseNode, *, top_level: bool) -> Argument:
        """An argument definition or reference: a description of the argument."""
        desc = Member("argument-description", _first_token(tree), text="", is_top_level=top_level)
        desc.section = self.section
        self.statement = desc
        self.relation_parent = desc
        children = tree.children
        for index, child in enumerate(children):
            if isinstance(child, ParseNode):
                if child.data == "statement_content":
                    self.content(child)
                else:
                    self.relations(child)
            elif child.type in ("ARG_DEF", "ARG_REF"):
                desc.title = _title(child)
                desc.is_reference = child.type == "ARG_REF"
            elif child.type == "TAG":
                self.tag(child)
            elif child.type == "NL":
                self.newline(index, len(children))
            elif child.type == "DATA":
                desc.data = _data(child, self.problems, self.yaml)
        argument = self.argument(desc.title)
        desc.title = argument.title
        self.join(argument, desc)
        self.statement = None
        return argument

    def join(self, element: EquivalenceClass | Argument, member: Member) -> None:
        """Add a member (a definition or reference) to its equivalence class or argument:
        its tags and data, and the section, which Argdown takes from the first definition
        unless data says ``isInGroup``."""
        _add_tags(element.tags, member.tags)
        if member.data:
            element.data = _merge(element.data, member.data)
        if self.section is not None:
            member.section = self.section
        element.members.append(member)
        in_group = member.data.get("isInGroup") if member.data else None
        if in_group is True or (
            not member.is_reference and in_group is None and element.section is None
        ):
            element.section = member.section

    # -- relations --------------------------------------------------------------------

    def relations(self, tree: ParseNode) -> None:
        """An indented block of relations under a statement, argument or inference."""
        self.deeper(tree)
        self.parents.append(self.relation_member(self.relation_parent))
        for child in tree.children:
            if isinstance(child, ParseNode):
                self.relation_node(child)
        self.relation = None
        self.parents.pop()
        self.depth -= 1

    def relation_node(self, tree: ParseNode) -> None:
        """One relation: its end inside, the parent's class or argument outside."""
        symbol = tree.children[0]
        assert isinstance(symbol, Token)
        parent = self.parents[-1]
        relation = Relation(_RELATION_KIND[tree.data], at=symbol)
        if tree.data in _OUTGOING:
            relation.target = parent
            if tree.data == "outgoing_undercut" and isinstance(parent, EquivalenceClass):
                relation.target = self.inference or parent
        else:
            relation.source = parent
        self.relation = relation
        content = tree.children[1]
        assert isinstance(content, ParseNode)
        if content.data == "statement":
            member: Any = self.statement_node(content, top_level=False)
        else:
            member = self.argument_node(content, top_level=False)
        end = self.relation_member(member)
        if relation.source is None:
            relation.source = end
        else:
            relation.target = end
        self.add_relation(relation)

    def add_relation(self, relation: Relation) -> None:
        """Keep a relation unless the same one (or a reversed contradiction) exists."""
        for existing in relation.source.relations:
            same = existing.target is relation.target and existing.type == relation.type
            mirrored = (
                relation.type == "contradictory"
                and existing.type == "contradictory"
                and existing.source is relation.target
                and existing.target is relation.source
            )
            if same or mirrored:
                return
        self.doc.relations.append(relation)
        relation.source.relations.append(relation)
        relation.target.relations.append(relation)

    # -- premise-conclusion structures ------------------------------------------------

    def pcs(self, tree: ParseNode, previous: Argument | None) -> None:
        """A premise-conclusion structure; it belongs to the argument just before it."""
        argument = previous if previous is not None else self.argument(None)
        if self.section is not None:
            argument.section = self.section
        start = _first_token(tree)
        if argument.pcs:
            self.problems.add(
                "duplicate-pcs",
                f"the argument <{argument.title}> has a second premise-conclusion structure",
                start.line if start is not None else None,
                start.column if start is not None else None,
                "one premise-conclusion structure per argument",
            )
            return
        argument.at = start
        pending: Inference | None = None
        for child in tree.children:
            assert isinstance(child, ParseNode)
            if child.data == "inference":
                pending = self.inference_node(child)
                continue
            number = child.children[0]
            member = self.statement_node(child.children[1], top_level=False)
            member.argument_title = argument.title
            member.role = "premise"
            if pending is not None:
                member.role = "intermediary-conclusion"
                member.inference = pending
                pending.conclusion_index = len(argument.pcs)
                pending.argument_title = argument.title
                pending = None
            argument.pcs.append(member)
        argument.pcs[-1].role = "main-conclusion"
        self.statement = None
        if argument.pcs[-1].inference is None:  # Argdown: "Missing main conclusions."
            argument.pcs = []  # nothing may take it for a reconstruction now
            self.problems.add(
                "pcs-without-conclusion",
                "a premise-conclusion structure must end with its conclusion, right after "
                "an inference line",
                *_position(number),
                "an inference line (----) before the last numbered statement",
            )

    def inference_node(self, tree: ParseNode) -> Inference:
        """An inference line: rules, data and undercuts of the inference."""
        inference = Inference([], _first_token(tree))
        self.inference = inference
        self.relation_parent = inference
        self.parents.append(inference)
        for child in tree.children:
            if isinstance(child, ParseNode):
                if child.data == "inference_rules":
                    inference.rules = [
                        str(t).strip() for t in child.children if getattr(t, "type", "") == "TEXT"
                    ]
                else:
                    self.relations(child)
            elif child.type == "DATA":
                inference.data = _data(child, self.problems, self.yaml)
        return inference

    # -- after the walk -----------------------------------------------------------------

    def finish(self) -> None:
        """Argdown's model plugin, after the walk: sections, then relation transformations."""
        self.flush_text()
        nodes: list[EquivalenceClass | Argument] = [
            *self.doc.statements.values(),
            *self.doc.arguments.values(),
        ]
        for node in nodes:
            if node.section is None and node.members:
                node.section = node.members[0].section
        self.transform_argument_relations()
        if self.doc.strict:
            self.transform_statement_relations()
        self.remove_redundant_attacks()
        _regroup(self.doc)

    def transform_argument_relations(self) -> None:
        """Relations from a reconstructed argument leave from its main conclusion;
        undercuts of a reconstructed argument hit its last inference."""
        kept: list[Relation] = []
        for relation in self.doc.relations:
            keep = True
            source, target = relation.source, relation.target
            if isinstance(source, Argument) and source.pcs:
                source.relations.remove(relation)
                conclusion = self.doc.statements[source.pcs[-1].title or ""]
                relation.source = conclusion
                if any(
                    r.target is relation.target and r.type == relation.type
                    for r in conclusion.relations
                ):
                    relation.target.relations.remove(relation)
                    keep = False
                else:
                    conclusion.relations.append(relation)
            if isinstance(target, Argument) and target.pcs and relation.type == "undercut":
                inference = target.pcs[-1].inference
                assert inference is not None
                target.relations.remove(relation)
                relation.target = inference
                if any(
                    r.source is relation.source and r.type == relation.type
                    for r in inference.relations
                ):
                    relation.source.relations.remove(relation)
                    keep = False
                else:
                    inference.relations.append(relation)
            if keep:
                kept.append(relation)
        self.doc.relations = kept

    def transform_statement_relations(self) -> None:
        """Strict mode: between statements, support is entailment and attack contrariety."""
        kept: list[Relation] = []
        for relation in self.doc.relations:
            both = isinstance(relation.source, EquivalenceClass) and isinstance(
                relation.target, EquivalenceClass
            )
            if both and relation.type == "support":
                relation.type = "entails"
            elif both and relation.type == "attack":
                if any(
                    r.type == "contrary"
                    and {id(r.source), id(r.target)} == {id(relation.source), id(relation.target)}
                    for r in relation.source.relations
                ):
                    relation.source.relations.remove(relation)
                    relation.target.relations.remove(relation)
                    continue
                relation.type = "contrary"
            kept.append(relation)
        self.doc.relations = kept

    def remove_redundant_attacks(self) -> None:
        """A statement attacking an argument whose premise it already opposes says it twice."""
        kept: list[Relation] = []
        for relation in self.doc.relations:
            source, target = relation.source, relation.target
            redundant = (
                isinstance(source, EquivalenceClass)
                and relation.type == "attack"
                and isinstance(target, Argument)
                and any(_opposes_premise(source, other, target) for other in source.relations)
            )
            if redundant:
                source.relations.remove(relation)
                target.relations.remove(relation)
                continue
            kept.append(relation)
        self.doc.relations = kept


def _opposes_premise(ec: EquivalenceClass, relation: Relation, argument: Argument) -> bool:
    """Whether ``relation`` opposes ``ec`` to a premise of ``argument``."""
    other = relation.target if relation.source is ec else relation.source
    if not isinstance(other, EquivalenceClass):
        return False
    opposing = (relation.type == "attack" and relation.source is ec) or relation.type in (
        "contradictory",
        "contrary",
    )
    return opposing and any(s.title == other.title and s.role == "premise" for s in argument.pcs)


class _TooDeep(Exception):
    def __init__(self, line: int, column: int) -> None:
        super().__init__("nested too deeply")
        self.line = line
        self.column = column


def _title(token: Any) -> str:
    """The title inside ``[title]``, ``[title]:``, ``<title>`` or ``<title>:``."""
    image = token.value
    return str(image[1:-2] if image.endswith(":") else image[1:-1])


def _add_tags(into: dict[str, None], tags: dict[str, None]) -> None:
    """Add tags not yet there, keeping their order (lodash's union)."""
    for tag in tags:
        into.setdefault(tag)


def _merge(base: Any, extra: Any) -> Any:
    """lodash's ``merge``: mappings merged key by key, lists index by index, into
    ``base`` itself (as lodash does: copying ``base`` for each of a thousand members
    would take quadratic time); what comes from ``extra`` is copied, so ``base``
    shares nothing with it."""
    if isinstance(base, dict) and isinstance(extra, dict):
        for key, value in extra.items():
            base[key] = _merge(base[key], value) if key in base else _copied(value)
        return base
    if isinstance(base, list) and isinstance(extra, list):
        for index, value in enumerate(extra):
            if index < len(base):
                base[index] = _merge(base[index], value)
            else:
                base.append(_copied(value))
        return base
    return _copied(base if extra is None else extra)


def _regroup(doc: Document) -> None:
    """Argdown's regroup setting (``group.regroup`` in the front matter) replaces the
    sections from headings with the ones it lists."""
    group = (doc.frontmatter or {}).get("group")
    regroup = group.get("regroup") if isinstance(group, dict) else None
    if not isinstance(regroup, list):
        return
    doc.regrouped = True
    doc.sections, doc.all_sections = [], []
    nodes: list[EquivalenceClass | Argument] = [*doc.statements.values(), *doc.arguments.values()]
    for node in nodes:
        node.section = None
    for index, config in enumerate(regroup):
        if isinstance(config, dict):
            doc.sections.append(_regroup_section(doc, config, 1, index, None))


def _regroup_section(
    doc: Document, config: dict[str, Any], level: int, counter: int, parent: Section | None
) -> Section:
    """One section of ``group.regroup``, its statements, arguments and children."""
    title = config.get("title")
    section = Section(f"s{counter}", title if isinstance(title, str) else "", level, parent)
    if isinstance(config.get("isGroup"), bool):
        section.is_group = config["isGroup"]
    doc.all_sections.append(section)
    for key, table in (("statements", doc.statements), ("arguments", doc.arguments)):
        for title_ in listed(config.get(key)):
            node: Any = table.get(title_) if isinstance(title_, str) else None
            if node is not None:
                node.section = section
    children = listed(config.get("children"))
    for index, child in enumerate(children):
        if isinstance(child, dict):
            section.children.append(
                _regroup_section(doc, child, level + 1, counter + 1 + index, section)
            )
    return section


def parse_document(text: str, *, path: str | None = None) -> Document:
    """Read Argdown ``text`` into Argdown's model; FormatError on anything unreadable."""
    collecting = gc.isenabled()
    gc.disable()  # parsing allocates many small objects that never form cycles
    try:
        return _parse_document(text, path)
    finally:
        if collecting:
            gc.enable()


def _parse_document(text: str, path: str | None) -> Document:
    """The work of :func:`parse_document` (with the garbage collector paused)."""
    problems = _Problems(path)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.startswith("\ufeff"):
        text = text[1:]
    _check_binary(text, problems)
    problems.raise_if_any()
    tokens = _lex(text, problems)
    _check_tokens(tokens, text, problems)
    if not any(t.type not in ("_EMPTY", "NL", "FRONTMATTER") for t in tokens):
        return _frontmatter_only(tokens, problems)
    blocks = _parse_tokens(tokens, problems)
    problems.raise_if_any()
    builder = _Builder(problems)
    doc = Document()
    try:
        doc = builder.document(blocks)
    except _TooDeep as deep:
        problems.add(
            "too-deep",
            f"relations or text ranges nested more than {MAX_DEPTH} levels deep",
            deep.line,
            deep.column,
        )
    except RecursionError:
        problems.add("too-deep", "the document is nested too deeply", 1, 1)
    problems.raise_if_any()
    return doc


def _frontmatter_only(tokens: list[Token], problems: _Problems) -> Document:
    """An empty document (or one with only front matter) is an empty map."""
    builder = _Builder(problems)
    doc = builder.document([t for t in tokens if t.type == "FRONTMATTER"][:1])
    problems.raise_if_any()
    return doc
