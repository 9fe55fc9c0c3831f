"""From an argmap :class:`ArgumentMap` to Argdown text that reads back to the same map.

The writer says everything it can in plain Argdown, so that the Argdown tool draws
the same structure: statements as ``[id]: text`` definitions under their section's
heading, a tag where it stands in the text (Argdown keeps ``#tag`` in the text: a
tag the text does not hold goes on a following ``[id] #(tag)`` reference), arguments
as ``<title>: gist`` followed by their premise-conclusion structure, which defines the
statements it introduces (``(1) [P]: text``), single-premise inferences and conflicts
as relations indented under their source's definition (``[premise]: text`` /
``  +> [conclusion]``), linked inferences as premise-conclusion structures of their
own, front matter settings as block YAML. Texts are escaped with backslashes wherever
Argdown would read a character as syntax (:mod:`._escape`).

Then it reads its own output back and compares: whatever did not survive (ids
Argdown cannot express, quotes, theses, the source text, a text with line breaks,
data on a relation) goes into an ``argmap:`` entry of the front matter, which
argmap's reader applies and the Argdown tool ignores. So ``loads(dumps(m)) == m``
for every map.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import attrs
import yaml

from argmap.errors import FormatError
from argmap.formats.argdown._build import parse_document
from argmap.formats.argdown._escape import (
    _LINE_BREAKS,
    _TAG_IN_TEXT,
    _UNTITLED,
    _argument_title_ok,
    _before_data,
    _data,
    _statement_title_ok,
    _tag,
    escape,
    escape_tagged,
)
from argmap.formats.argdown._read import RESERVED, convert, source_reference
from argmap.formats.argdown._yaml import UnwritableData, flow
from argmap.formats.argdown._yaml import load as yaml_load
from argmap.model import Argument, ArgumentMap, Conflict, Inference, Quote, Statement

__all__ = ["write"]


# -- the writer -------------------------------------------------------------------------


def _meta(node: Statement | Argument | Inference | Conflict) -> dict[str, Any]:
    """What argmap keeps about Argdown in a node's data."""
    meta = node.data.get(RESERVED)
    return meta if isinstance(meta, dict) else {}


def _user(data: Any) -> dict[str, Any]:
    """A node's data without argmap's Argdown entry."""
    return {key: value for key, value in data.items() if key != RESERVED}


_ATTRIBUTION = ("speaker", "stance")
"""Keys of a statement's Argdown data that the reader takes for its fields."""
_STEP_FIELDS = ("slots", "implicit")
"""Keys of an inference line's Argdown data that the reader takes for its fields."""


def _attributed(statement: Statement) -> dict[str, Any]:
    """A statement's data as written in its Argdown block: the user's data (without
    keys the reader would take for fields: the patch restores those) and the
    statement's speaker and stance when they are not the defaults."""
    data = {k: v for k, v in _user(statement.data).items() if k not in _ATTRIBUTION}
    if statement.speaker is not None:
        data["speaker"] = statement.speaker
    if statement.stance != "asserted":
        data["stance"] = statement.stance
    return data


class _Writer:
    """Lays out one map as Argdown paragraphs."""

    def __init__(self, map: ArgumentMap) -> None:
        self.map = map
        self.titles: dict[str, str] = {}  # statement id -> title written
        self.argument_titles: dict[str, str] = {}  # argument id -> title written
        self.gists: dict[str, str] = {}  # gist statement id -> argument id
        self.owned: dict[str, tuple[str, int]] = {}  # inference id -> (argument id, step)
        self.pcs_form: list[Inference] = []  # inferences written as their own pcs
        self.ungrouped: dict[str, str] = {}  # title written -> inference id
        self.relation_form: list[Inference] = []
        self.undercuts: dict[str, list[Conflict]] = {}  # inference id -> undercuts inside pcs
        self.conflicts: list[Conflict] = []  # conflicts written as relations
        self.unwritten: list[Statement | Inference | Conflict | Argument] = []
        self.relation_lines: dict[str, list[str]] = {}  # source id -> relation lines
        self.bare = False  # write "Untitled n" statements without their titles
        self.inline: dict[str, str] = {}  # statement id -> argument whose pcs defines it
        self.defined: set[str] = set()  # statements defined inside a pcs
        model = _meta_map(map).get("frontmatter", {})
        model = model.get("model") if isinstance(model, dict) else None
        self.removed = isinstance(model, dict) and model.get("removeTagsFromText") is True

    # -- naming -------------------------------------------------------------------------

    def name_nodes(self) -> None:
        """The titles statements and arguments are written with."""
        used = set(self.map.statements)
        for sid, statement in self.map.statements.items():
            argument = _meta(statement).get("argument")
            if isinstance(argument, str) and argument in self.map.arguments:
                self.gists[sid] = argument
                continue
            self.titles[sid] = sid if _statement_title_ok(sid) else _fresh("statement", used)
        taken: set[str] = set()
        for aid, argument in self.map.arguments.items():
            title = argument.title
            if not _argument_title_ok(title) or title in taken:
                title = _fresh("argument", taken | {a.title for a in self.map.arguments.values()})
            taken.add(title)
            self.argument_titles[aid] = title

    def ref(self, id: str) -> str | None:
        """How a statement is referred to: ``[title]``, or ``<title>`` for a gist."""
        if id in self.titles:
            return f"[{self.titles[id]}]"
        if id in self.gists:
            return f"<{self.argument_titles[self.gists[id]]}>"
        return None

    # -- classifying --------------------------------------------------------------------

    def classify(self) -> None:
        """Which inferences are relations, which premise-conclusion structures."""
        for aid, argument in self.map.arguments.items():
            for step, iid in enumerate(argument.inferences):
                if iid in self.map.inferences and iid not in self.owned:
                    self.owned[iid] = (aid, step)
        undercut = {  # an undercut written `_> [S]` leaves `[S] +> [T]` a relation
            c.target for c in self.map.conflicts.values() if not isinstance(_meta(c).get("at"), str)
        }
        seen: set[tuple[str, str]] = set()
        for iid, inference in self.map.inferences.items():
            if iid in self.owned:
                continue
            ends = [self.ref(p) for p in (*inference.premises, inference.conclusion)]
            if None in ends:
                self.unwritten.append(inference)
                continue
            key = (inference.premises[0], inference.conclusion) if inference.premises else None
            simple = (
                len(inference.premises) == 1
                and inference.scheme is None
                and not _user(inference.data)
                and iid not in undercut
                and key not in seen
            )
            if simple and key is not None:
                seen.add(key)
                self.relation_form.append(inference)
            elif inference.premises:
                self.pcs_form.append(inference)
            else:
                self.unwritten.append(inference)
        self.classify_conflicts()

    def classify_conflicts(self) -> None:
        """Conflicts as relations, or undercuts inside a structure."""
        conflicts = self.map.conflicts
        pairs = {(c.source, c.target) for c in conflicts.values()}
        seen: set[tuple[str, str]] = set()
        seen_at: set[tuple[str, str]] = set()
        written_inferences = set(self.owned) | {i.id for i in self.pcs_form}
        for conflict in conflicts.values():
            meta = _meta(conflict)
            key = (conflict.source, conflict.target)
            if meta.get("mirror") and (conflict.target, conflict.source) in pairs:
                continue
            if self.ref(conflict.source) is None or key in seen:
                self.unwritten.append(conflict)
                continue
            seen.add(key)
            argument, at = meta.get("argument"), meta.get("at")
            if meta.get("relation") == "attack" and argument in self.argument_titles:
                self.conflicts.append(conflict)  # an attack on the argument: `-> <A>`
                continue
            if isinstance(at, str) and self.ref(at) is not None:
                if (conflict.source, at) not in seen_at:  # one `_> [S]` says them all
                    seen_at.add((conflict.source, at))
                    self.conflicts.append(conflict)
                continue
            if conflict.target in written_inferences:
                self.undercuts.setdefault(conflict.target, []).append(conflict)
            elif self.ref(conflict.target) is not None:
                self.conflicts.append(conflict)
            else:
                self.unwritten.append(conflict)

    # -- paragraphs ---------------------------------------------------------------------

    def definitions(
        self, head: str, texts: list[str], tags: tuple[str, ...], data: str
    ) -> tuple[list[str], list[str]]:
        """``head: text`` lines, one per text, tags where they stand in the text and the
        data block after the last; and the tags no text carries."""
        out: list[str] = []
        carried: list[str] = []
        for index, text in enumerate(texts):
            tagged = escape_tagged(text, tags, f"{head}: ", removed=self.removed)
            if tagged is not None:
                written, found = tagged
                carried.extend(found)
            else:
                written = (
                    escape(text, f"{head}: ")
                    or escape(_LINE_BREAKS.sub(" ", text), f"{head}: ")
                    or "\\ "
                )
            last = index == len(texts) - 1
            line = _before_data(written, data) if last else written
            bare = self.bare and _UNTITLED.fullmatch(head) is not None and len(texts) == 1
            out.append(line if bare else f"{head}: {line}")
        return out, [tag for tag in tags if tag not in carried]

    def statement_texts(self, statement: Statement) -> list[str]:
        """The texts of a statement's definitions (several when Argdown had several)."""
        texts = _meta(statement).get("members")
        if isinstance(texts, list) and texts and all(isinstance(t, str) for t in texts):
            return texts
        return [statement.text] if statement.text else []

    def statement_paragraphs(self, sid: str) -> list[str]:
        """A statement's definitions (one per member text), with its tags where they stand
        in its text, and the relations it is the source of, indented under it."""
        statement = self.map.statements[sid]
        title = self.titles[sid]
        data = _data(_attributed(statement))
        out, rest = self.definitions(
            f"[{title}]", self.statement_texts(statement), statement.tags, data
        )
        if not out:
            out.append(f"[{title}]" + (f" {data}" if data else ""))
        tags = [t for t in (_tag(tag) for tag in rest) if t]
        if tags:
            out.append(f"[{title}] " + " ".join(tags))
        lines = self.relation_lines.pop(sid, [])
        if lines:
            out[-1] += "\n" + "\n".join(lines)
        return out

    def inline_definition(self, sid: str) -> str | None:
        """How a statement defined inside a premise-conclusion structure is written there:
        ``[title]: text #tags {data}``; None when it cannot be (it is then referred to)."""
        statement = self.map.statements[sid]
        title = self.titles[sid]
        texts = self.statement_texts(statement)
        if len(texts) != 1:
            return None
        data = _data(_attributed(statement))
        out, rest = self.definitions(f"[{title}]", texts, statement.tags, data)
        return out[0] if not rest else None

    def argument_paragraphs(self, aid: str) -> list[str]:
        """An argument's descriptions (tags where they stand), its premise-conclusion
        structure, and the relations it is the source of."""
        argument = self.map.arguments[aid]
        title = self.argument_titles[aid]
        meta = _meta(argument)
        texts = meta.get("descriptions")
        if not (isinstance(texts, list) and all(isinstance(t, str) for t in texts) and texts):
            texts = [argument.text] if argument.text else []
        data = _data(_user(argument.data))
        out, rest = self.definitions(f"<{title}>", texts, argument.tags, data)
        tags = [t for t in (_tag(tag) for tag in rest) if t]
        if not out or tags:
            out.append(f"<{title}>" + (" " + " ".join(tags) if tags else ""))
            if not texts and data:
                out[-1] += " " + data
        pcs = self.pcs(argument.statements, list(argument.inferences), aid)
        if pcs is not None:
            out.append(pcs)
        gist = next((g for g, a in self.gists.items() if a == aid), None)
        lines = self.relation_lines.pop(gist, []) if gist is not None else []
        if lines and pcs is None:  # a sketch: its relations under its description
            out[-1] += "\n" + "\n".join(lines)
        elif lines:
            out.append(f"<{title}>\n" + "\n".join(lines))
        return out

    def pcs(
        self, statements: Iterable[str], inferences: list[str], aid: str | None = None
    ) -> str | None:
        """A premise-conclusion structure, or None when these steps cannot form one."""
        statements = list(statements)
        steps = [self.map.inferences[i] for i in inferences if i in self.map.inferences]
        if not statements or not steps or len(steps) != len(inferences):
            return None
        positions: list[int] = []
        start = 1
        for step in steps:
            found = next(
                (n for n in range(start, len(statements)) if statements[n] == step.conclusion),
                None,
            )
            if found is None:
                return None
            positions.append(found)
            start = found + 1
        if positions[-1] != len(statements) - 1:
            return None
        if any(self.ref(s) is None for s in statements):
            return None
        lines = []
        at = dict(zip(positions, steps, strict=True))
        for number, sid in enumerate(statements):
            if number in at:
                lines.extend(self.inference_lines(at[number], statements, number, positions))
            inline = self.inline.get(sid) == aid and aid is not None
            written = self.inline_definition(sid) if inline else None
            if written is not None:
                self.defined.add(sid)
            lines.append(f"({number + 1}) {written or self.ref(sid)}")
        return "\n".join(lines)

    def inference_lines(
        self, step: Inference, statements: list[str], number: int, positions: list[int]
    ) -> list[str]:
        """An inference line (rules, data, ``uses``) and the undercuts under it."""
        meta = _meta(step)
        rules = meta.get("rules")
        if not (isinstance(rules, list) and all(isinstance(r, str) for r in rules)):
            rules = [step.scheme] if step.scheme else []
        written_rules = [self.rule(r) for r in rules]
        data = {k: v for k, v in _user(step.data).items() if k not in _STEP_FIELDS}
        slots = {slot: statements.index(p) + 1 for slot, p in step.slots.items() if p in statements}
        if slots and len(slots) == len(step.slots):
            data["slots"] = slots
        if step.implicit:
            data["implicit"] = True
        previous = max([p for p in positions if p < number], default=-1)
        default = tuple(dict.fromkeys(statements[max(previous, 0) : number]))
        if step.premises != default and "uses" not in data:
            uses = [statements.index(p) + 1 for p in step.premises if p in statements]
            if len(uses) == len(step.premises) and uses:
                data = {**data, "uses": uses}
        inner = ", ".join(r for r in written_rules if r)
        block = _data(data)
        line = f"-- {inner} {block} --".replace("  ", " ") if inner or block else "----"
        lines = [line.strip()]
        for conflict in self.undercuts.get(step.id, []):
            lines.append(f"  <_ {self.ref(conflict.source)}")
        return lines

    def rule(self, rule: str) -> str:
        """An inference rule, escaped (commas separate rules)."""
        written = escape(rule.strip(), "[x]: ") if rule.strip() else None
        return written.replace(",", "\\,") if written else ""

    def collect_relations(self) -> None:
        """The relation lines of each source (``+> [B]``, ``-> <A>``...), to be written
        indented under the source's definition."""
        by_source = self.relation_lines
        for inference in self.relation_form:
            line = f"  +> {self.ref(inference.conclusion)}"
            by_source.setdefault(inference.premises[0], []).append(line)
        for conflict in self.conflicts:
            meta = _meta(conflict)
            symbol = "->"
            if meta.get("relation") == "contradictory":
                symbol = "><"
            elif meta.get("relation") == "undercut":
                symbol = "_>"
            target = self.ref(conflict.target)
            argument, at = meta.get("argument"), meta.get("at")
            if meta.get("relation") == "attack" and argument in self.argument_titles:
                target = f"<{self.argument_titles[argument]}>"
            elif isinstance(at, str) and self.ref(at) is not None:
                symbol, target = "_>", self.ref(at)
            if symbol == "><" and target and target.startswith("<"):
                symbol = "->"
            by_source.setdefault(conflict.source, []).append(f"  {symbol} {target}")

    def relation_paragraphs(self) -> list[str]:
        """Relations whose source has no definition of its own: under a reference."""
        out = [
            f"{self.ref(source)}\n" + "\n".join(lines)
            for source, lines in self.relation_lines.items()
        ]
        self.relation_lines = {}
        return out

    def ungrouped_paragraphs(self) -> list[str]:
        """Inferences outside arguments that need a structure of their own."""
        taken = set(self.argument_titles.values())
        out = []
        for inference in self.pcs_form:
            title = inference.id if _argument_title_ok(inference.id) else "inference"
            title = title if title not in taken else _fresh(title, taken)
            taken.add(title)
            statements = [*dict.fromkeys(inference.premises), inference.conclusion]
            pcs = self.pcs(statements, [inference.id])
            if pcs is None:
                self.unwritten.append(inference)
                continue
            self.ungrouped[title] = inference.id
            out.append(f"<{title}>\n\n{pcs}")
        return out

    # -- layout -------------------------------------------------------------------------

    def choose_inline(self, placed: dict[str | None, Any], order: Any) -> None:
        """Statements defined where a person defines them: inside the first
        premise-conclusion structure that uses them, when they have one text, stand in
        the argument's section and are not defined at the top level before it."""
        arguments = sorted(self.map.arguments, key=order)
        for aid in arguments:
            argument = self.map.arguments[aid]
            section = _section_of(argument, placed)
            for sid in argument.statements:
                if sid in self.inline or sid not in self.titles:
                    continue
                statement = self.map.statements[sid]
                if _section_of(statement, placed) != section or order(sid) < order(aid):
                    self.inline[sid] = ""
                    continue
                self.inline[sid] = aid

    def body(self) -> list[str]:
        """Every paragraph: sections in order, their elements in source order, relations."""
        sections = _sections(self.map)
        placed: dict[str | None, list[tuple[Any, list[str]]]] = {None: []}
        for section in sections:
            placed[section["id"]] = []
        order = _order(self.map)
        self.collect_relations()
        self.choose_inline(placed, order)
        for aid in self.map.arguments:
            where = _section_of(self.map.arguments[aid], placed)
            placed[where].append((order(aid), self.argument_paragraphs(aid)))
        for sid in self.titles:
            if sid in self.defined:
                continue
            where = _section_of(self.map.statements[sid], placed)
            placed[where].append((order(sid), self.statement_paragraphs(sid)))
        out: list[str] = []
        for key in [None, *(s["id"] for s in sections)]:
            if key is not None:
                out.append(_heading(next(s for s in sections if s["id"] == key)))
            for _, paragraphs in sorted(placed[key], key=lambda item: item[0]):
                out.extend(paragraphs)
        out.extend(self.ungrouped_paragraphs())
        out.extend(self.relation_paragraphs())
        return out


def _section_of(node: Statement | Argument, placed: dict[str | None, Any]) -> str | None:
    """The section a statement or argument is written under (None: before any heading)."""
    section = _meta(node).get("section")
    return section if isinstance(section, str) and section in placed else None


def _meta_map(map: ArgumentMap) -> dict[str, Any]:
    """What argmap keeps about Argdown in the map's data."""
    meta = map.data.get(RESERVED)
    return meta if isinstance(meta, dict) else {}


def _sections(map: ArgumentMap) -> list[dict[str, Any]]:
    """The map's sections that can be written as headings."""
    sections = _meta_map(map).get("sections")
    if not isinstance(sections, list):
        return []
    good = []
    for section in sections:
        if (
            isinstance(section, dict)
            and isinstance(section.get("id"), str)
            and isinstance(section.get("title"), str)
            and isinstance(section.get("level"), int)
            and section["level"] >= 1
        ):
            good.append(section)
    return good


def _heading(section: dict[str, Any]) -> str:
    """A section's heading line."""
    names = [found.group(1) or found.group(2) for found in _TAG_IN_TEXT.finditer(section["title"])]
    tagged = escape_tagged(section["title"], names, "# ") if names else None
    title = tagged[0] if tagged else (escape(section["title"], "# ") or "")
    data = section.get("data")
    block = _data(data) if isinstance(data, dict) else ""
    text = f"{'#' * section['level']} {title}"
    return f"{text} {block}".rstrip() if block else (text if title else text + "\\ ")


def _order(map: ArgumentMap) -> Any:
    """Sort key: where an element stood in the file it was read from, else map order."""
    positions = {id: n for n, id in enumerate([*map.statements, *map.arguments])}

    def key(id: str) -> tuple[int, int, int]:
        location = map.locations.get(id)
        line = getattr(location, "line", None)
        column = getattr(location, "column", None)
        if isinstance(line, int):
            return (line, column if isinstance(column, int) else 0, positions.get(id, 0))
        return (1 << 30, 0, positions.get(id, 0))

    return key


def _fresh(base: str, used: set[str]) -> str:
    """``base 1``, ``base 2``... the first not in ``used`` (and now used)."""
    n = 1
    while f"{base} {n}" in used:
        n += 1
    used.add(f"{base} {n}")
    return f"{base} {n}"


def _plain(value: Any) -> Any:
    """Frozen mappings and tuples of the map's data as dicts and lists, for PyYAML."""
    if isinstance(value, Mapping):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def _block(key: str, value: Any) -> str | None:
    """A front matter setting (``color``, ``model``...) as a person writes it: block
    YAML, one key a line; None when it reads back otherwise (then flow style is used)."""
    try:
        text = yaml.safe_dump({key: value}, sort_keys=False, allow_unicode=True, width=1 << 16)
    except yaml.YAMLError:
        return None
    try:
        same = yaml_load(text) == {key: value}
    except Exception:
        return None
    return text.rstrip("\n") if same else None


def _frontmatter(map: ArgumentMap, extras: dict[str, Any]) -> str:
    """The front matter: the map's title, Argdown settings and the argmap entry."""
    front = _meta_map(map).get("frontmatter")
    entries: dict[str, Any] = dict(front) if isinstance(front, dict) else {}
    entries.pop("argmap", None)
    if map.title:
        entries = {"title": map.title, **{k: v for k, v in entries.items() if k != "title"}}
    if extras:
        entries["argmap"] = extras
    if not entries:
        return ""
    lines = []
    for key, value in entries.items():
        if key != "argmap" and isinstance(key, str):
            block = _block(key, _plain(value))
            if block is not None:
                lines.append(block)
                continue
        try:
            lines.append(f"{flow(key)}: {flow(value)}")
        except UnwritableData as error:
            raise FormatError(f"cannot write front matter entry {key!r}: {error}") from None
    return "===\n" + "\n".join(lines) + "\n===\n\n"


def write(map: ArgumentMap) -> str:
    """``map`` as Argdown text that argmap reads back to an equal map.

    Statements Argdown titled itself (``Untitled 3``) are written without a title, as
    their author wrote them, when Argdown gives them the same titles again; otherwise
    with their titles (``[Untitled 3]: text``)."""
    bare = any(_UNTITLED.fullmatch(f"[{sid}]") for sid in map.statements)
    try:
        writer, body, derived = _draft(map, bare=bare)
    except FormatError:  # a bare text that reads as syntax at a line's start, "(1)" or "-"
        if not bare:
            raise
        bare = False
        writer, body, derived = _draft(map, bare=False)
    if bare and not _titles_kept(map, writer, derived):
        writer, body, derived = _draft(map, bare=False)
    extras: dict[str, Any] = {}
    if writer.ungrouped:
        extras["ungrouped"] = list(writer.ungrouped)
    extras.update(_Differences(map, derived, writer).extras())
    return _frontmatter(map, extras) + "\n\n".join(body) + "\n"


def _draft(map: ArgumentMap, *, bare: bool) -> tuple[_Writer, list[str], ArgumentMap]:
    """The writer, its paragraphs, and the map they read back to (front matter aside)."""
    writer = _Writer(map)
    writer.bare = bare
    writer.name_nodes()
    writer.classify()
    body = writer.body()
    draft = _frontmatter(map, {}) + "\n\n".join(body) + "\n"
    return writer, body, convert(parse_document(draft))


def _titles_kept(map: ArgumentMap, writer: _Writer, derived: ArgumentMap) -> bool:
    """Whether the draft gives every statement its title and text again."""
    for sid, title in writer.titles.items():
        found = derived.statements.get(title)
        if found is None or found.text != map.statements[sid].text:
            return False
    expected = set(writer.titles.values())
    return all(s in expected or _meta(d).get("argument") for s, d in derived.statements.items())


class _Differences:
    """What the draft does not say: renames, removals, additions and field patches."""

    def __init__(self, map: ArgumentMap, derived: ArgumentMap, writer: _Writer) -> None:
        self.map = map
        self.derived = derived
        self.writer = writer
        self.names: dict[str, str] = {}  # derived id -> original id

    def match(self) -> None:
        """Pair the nodes of the draft with the map's nodes."""
        derived, writer = self.derived, self.writer
        title_to_statement = {title: sid for sid, title in writer.titles.items()}
        for sid in derived.statements:
            if sid in title_to_statement:
                self.names[sid] = title_to_statement[sid]
        argument_by_title = {a.title: a for a in derived.arguments.values()}
        for aid, title in writer.argument_titles.items():
            found = argument_by_title.get(title)
            if found is None:
                continue
            self.names[found.id] = aid
            original = self.map.arguments[aid]
            for step, iid in enumerate(found.inferences):
                if step < len(original.inferences):
                    self.names[iid] = original.inferences[step]
        for gid, aid in writer.gists.items():
            for statement in derived.statements.values():
                if _meta(statement).get("argument") == self.names_back(aid):
                    self.names[statement.id] = gid
        self.match_ungrouped()
        self.match_relations()

    def names_back(self, original: str) -> str | None:
        """The draft id given to the map's id ``original``."""
        return next((d for d, o in self.names.items() if o == original), None)

    def match_ungrouped(self) -> None:
        """Inferences written as premise-conclusion structures of their own."""
        for aid in list(self.derived.arguments):
            argument = self.derived.arguments[aid]
            original = self.writer.ungrouped.get(argument.title)
            if original is not None and argument.inferences:
                self.names[argument.inferences[-1]] = original

    def match_relations(self) -> None:
        """Relation inferences and conflicts, by the statements they join."""
        pending: dict[tuple[str, ...], list[str]] = {}
        for inference in self.writer.relation_form:
            pending.setdefault(("i", *inference.premises, inference.conclusion), []).append(
                inference.id
            )
        for conflict in self.map.conflicts.values():
            pending.setdefault(("c", conflict.source, conflict.target), []).append(conflict.id)
        name = self.names.get
        for inference in self.derived.inferences.values():
            if inference.id in self.names:
                continue
            key = ("i", *(name(p, p) for p in inference.premises), name(inference.conclusion))
            self.take(pending, key, inference.id)
        for conflict in self.derived.conflicts.values():
            key = (
                "c",
                name(conflict.source, conflict.source),
                name(conflict.target, conflict.target),
            )
            self.take(pending, key, conflict.id)

    def take(
        self, pending: dict[tuple[Any, ...], list[str]], key: tuple[Any, ...], id: str
    ) -> None:
        """Pair a draft node with the next map node of the same key."""
        candidates = pending.get(key)
        if candidates:
            self.names[id] = candidates.pop(0)

    def extras(self) -> dict[str, Any]:
        """The ``argmap`` entry: renames, removals, additions, patches, map fields."""
        self.match()
        result: dict[str, Any] = {}
        renames = {d: o for d, o in self.names.items() if d != o}
        if renames:
            result["ids"] = renames
        derived_ids = [*self.derived.statements, *self.derived.inferences, *self.derived.conflicts]
        derived_ids += [a for a in self.derived.arguments if a in self.names]
        removed = [d for d in derived_ids if d not in self.names]
        if removed:
            result["remove"] = removed
        added = self.added()
        if added:
            result["add"] = added
        patch = self.patches()
        if patch:
            result["patch"] = patch
        result.update(self.map_fields())
        return result

    def added(self) -> dict[str, list[dict[str, Any]]]:
        """Nodes of the map that the Argdown text does not hold, kind by kind."""
        result: dict[str, list[dict[str, Any]]] = {}
        tables: dict[str, tuple[Any, Any]] = {
            "statements": (self.map.statements, self.derived.statements),
            "inferences": (self.map.inferences, self.derived.inferences),
            "conflicts": (self.map.conflicts, self.derived.conflicts),
            "arguments": (self.map.arguments, self.derived.arguments),
        }
        for kind, (table, derived) in tables.items():
            kept = {self.names[d] for d in derived if d in self.names}
            for id, node in table.items():
                if id not in kept:
                    result.setdefault(kind, []).append({"id": id, **_fields(node)})
        return result

    def patches(self) -> dict[str, dict[str, Any]]:
        """Fields of matched nodes that the draft gets wrong."""
        result: dict[str, dict[str, Any]] = {}
        pairs: list[tuple[Any, Any]] = []
        for table, derived_table in (
            (self.map.statements, self.derived.statements),
            (self.map.inferences, self.derived.inferences),
            (self.map.conflicts, self.derived.conflicts),
            (self.map.arguments, self.derived.arguments),
        ):
            for did, node in derived_table.items():
                original = self.names.get(did)
                if original is not None and original in table:
                    pairs.append((table[original], node))
        for original, derived in pairs:
            want, have = _fields(original), _fields(self.renamed(derived))
            changed = {k: v for k, v in want.items() if have.get(k) != v}
            changed.update({k: _EMPTY.get(k) for k in have if k not in want})
            if changed:
                result[original.id] = changed
        return result

    def renamed(self, node: Any) -> Any:
        """A draft node with its references renamed to the map's ids."""
        n = self.names.get
        if isinstance(node, Inference):
            return attrs.evolve(
                node,
                premises=tuple(n(p, p) for p in node.premises),
                conclusion=n(node.conclusion, node.conclusion),
            )
        if isinstance(node, Conflict):
            return attrs.evolve(
                node, source=n(node.source, node.source), target=n(node.target, node.target)
            )
        if isinstance(node, Argument):
            return attrs.evolve(
                node,
                statements=tuple(n(s, s) for s in node.statements),
                inferences=tuple(n(i, i) for i in node.inferences),
                conclusion=n(node.conclusion, node.conclusion) if node.conclusion else None,
            )
        if isinstance(node, Statement):
            meta = _meta(node)
            if isinstance(meta.get("argument"), str):
                aid = n(meta["argument"], meta["argument"])
                return attrs.evolve(node, data={**node.data, RESERVED: {**meta, "argument": aid}})
        return node

    def map_fields(self) -> dict[str, Any]:
        """Theses, source, data and title the draft does not carry."""
        result: dict[str, Any] = {}
        if self.map.theses:
            result["theses"] = list(self.map.theses)
        if self.map.source is not None:
            result["source"] = source_reference(self.map.source)
        if dict(self.derived.data) != dict(self.map.data):
            result["data"] = dict(self.map.data)
        if self.derived.title != self.map.title:
            result["title"] = self.map.title
        return result


_EMPTY: dict[str, Any] = {
    "stance": "asserted",
    "implicit": False,
    "slots": {},
    "tags": [],
    "premises": [],
    "statements": [],
    "inferences": [],
    "data": {},
    "text": "",
    "title": "",
}


def _fields(node: Any) -> dict[str, Any]:
    """A node's fields as plain YAML-ready values (empty ones left out)."""
    if isinstance(node, Statement):
        values: dict[str, Any] = {"text": node.text, "quote": _quote(node.quote)}
        values.update(tags=list(node.tags), data=dict(node.data), speaker=node.speaker)
        values["stance"] = None if node.stance == "asserted" else node.stance
    elif isinstance(node, Inference):
        values = {
            "premises": list(node.premises),
            "conclusion": node.conclusion,
            "scheme": node.scheme,
            "label": node.label,
            "data": dict(node.data),
            "slots": dict(node.slots),
            "implicit": node.implicit or None,
        }
    elif isinstance(node, Conflict):
        values = {
            "source": node.source,
            "target": node.target,
            "data": dict(node.data),
            "kind": node.kind,
            "question": node.question,
            "implicit": node.implicit or None,
        }
    else:
        values = {
            "title": node.title,
            "text": node.text,
            "statements": list(node.statements),
            "inferences": list(node.inferences),
            "conclusion": node.conclusion,
            "tags": list(node.tags),
            "data": dict(node.data),
        }
    return {k: v for k, v in values.items() if v not in (None, [], {})}


def _quote(quote: Quote | None) -> dict[str, Any] | None:
    """A quote as plain data."""
    if quote is None:
        return None
    return {"text": quote.text, "start": quote.start, "end": quote.end}
