"""Argdown's own data model, as ``@argdown/core`` builds it: the :class:`Document`.

This is the middle layer between Argdown text and argmap's :class:`ArgumentMap`:
equivalence classes with their member statements, arguments with their
descriptions and premise-conclusion structures, relations after Argdown's
transformations, sections and tags. :mod:`._build` fills it from the parse tree
(:mod:`._parser`) following the model plugin of the Argdown tool (version 1.7.5)
step by step, because that tool's JSON export is the judge of what an Argdown file
means; :mod:`._read` turns it into an argmap map and :mod:`.json` into Argdown's JSON.
:func:`release` frees a read document at once (the garbage collector is paused while
reading).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "MAX_DEPTH",
    "Argument",
    "Document",
    "EquivalenceClass",
    "Inference",
    "Member",
    "Relation",
    "Section",
    "iter_sections",
    "listed",
    "release",
]

MAX_DEPTH = 100
"""How deeply relations, ranges and YAML data may nest before the reader gives up."""

Node = Any  # EquivalenceClass | Argument | Inference (relation ends)


class _Located:
    """Line and column of the token an element starts with, computed when asked."""

    __slots__ = ()
    at: Any

    @property
    def line(self) -> int:
        return int(self.at.line) if self.at is not None else 0

    @property
    def column(self) -> int:
        return int(self.at.column) if self.at is not None else 0

    def position(self) -> tuple[int, int]:
        """(line, column), both 0 when unknown."""
        return self.at.position() if self.at is not None else (0, 0)


@dataclass(eq=False, slots=True)
class Section(_Located):
    """A heading and what follows it, up to the next heading of the same or higher level."""

    id: str
    title: str
    level: int
    parent: Section | None = None
    children: list[Section] = field(default_factory=list)
    data: dict[str, Any] | None = None
    is_group: bool | None = None
    at: Any = None


@dataclass(eq=False, slots=True)
class Inference(_Located):
    """An inference step of a premise-conclusion structure (before its conclusion)."""

    rules: list[str]
    at: Any
    data: dict[str, Any] | None = None
    relations: list[Relation] = field(default_factory=list)
    argument_title: str | None = None
    conclusion_index: int | None = None
    kind: str = "inference"


@dataclass(eq=False, slots=True)
class Member(_Located):
    """One occurrence of a statement (or of an argument's description) in the text."""

    role: str | None
    at: Any
    title: str | None = None
    text: str | None = None
    is_reference: bool = False
    is_top_level: bool = False
    tags: dict[str, None] = field(default_factory=dict)  # an ordered set
    data: dict[str, Any] | None = None
    section: Section | None = None
    argument_title: str | None = None
    inference: Inference | None = None


@dataclass(eq=False, slots=True)
class EquivalenceClass:
    """All statements sharing one title: Argdown's unit of meaning."""

    title: str
    members: list[Member] = field(default_factory=list)
    tags: dict[str, None] = field(default_factory=dict)  # an ordered set
    data: dict[str, Any] | None = None
    section: Section | None = None
    relations: list[Relation] = field(default_factory=list)
    kind: str = "equivalence-class"

    @property
    def canonical(self) -> Member | None:
        """The member whose text stands for the class: the last definition (or
        the last one whose data says ``isCanonical``)."""
        return _canonical(self.members)


@dataclass(eq=False, slots=True)
class Argument(_Located):
    """An argument: descriptions (its gist) and at most one premise-conclusion structure."""

    title: str
    members: list[Member] = field(default_factory=list)
    pcs: list[Member] = field(default_factory=list)
    tags: dict[str, None] = field(default_factory=dict)  # an ordered set
    data: dict[str, Any] | None = None
    section: Section | None = None
    relations: list[Relation] = field(default_factory=list)
    at: Any = None
    kind: str = "argument"

    @property
    def canonical(self) -> Member | None:
        return _canonical(self.members)


@dataclass(eq=False, slots=True)
class Relation(_Located):
    """A relation between classes, arguments or (for undercuts) an inference."""

    type: str
    source: Node = None
    target: Node = None
    at: Any = None


@dataclass(eq=False)
class Document:
    """Everything an Argdown text says, in Argdown's terms and orders."""

    statements: dict[str, EquivalenceClass] = field(default_factory=dict)
    arguments: dict[str, Argument] = field(default_factory=dict)
    relations: list[Relation] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    all_sections: list[Section] = field(default_factory=list)
    tags: dict[str, None] = field(default_factory=dict)  # an ordered set
    frontmatter: dict[str, Any] | None = None
    frontmatter_at: Any = None  # (token, offset of the YAML in it, the YAML)
    frontmatter_locator: Any = None  # its Locator, made when a problem needs it
    strict: bool = False
    regrouped: bool = False
    max_section_level: int = 0


def _canonical(members: list[Member]) -> Member | None:
    """Argdown's canonical member: the last definition, or one marked ``isCanonical``."""
    fallback = None
    for member in reversed(members):
        if member.is_reference:
            continue
        if member.data and member.data.get("isCanonical"):
            return member
        if fallback is None:
            fallback = member
    return fallback


def listed(value: Any) -> list[Any]:
    """A front matter setting that should be a list: itself, or no items when it is
    anything else (a setting of the wrong type is ignored, never a crash)."""
    return value if isinstance(value, list) else []


def release(doc: Document) -> None:
    """Break the reference cycles of a document that is no longer needed.

    Relations know their ends and the ends their relations, sections their parents
    and their children: without this, a read document (tens of thousands of
    objects) waits for the garbage collector, paused while reading, and memory
    grows from one reading to the next. Afterwards ``doc`` is freed at once."""
    for ec in doc.statements.values():
        ec.relations.clear()
    for argument in doc.arguments.values():
        argument.relations.clear()
        for member in argument.pcs:
            if member.inference is not None:
                member.inference.relations.clear()
    for section in doc.all_sections:
        section.children.clear()
        section.parent = None


def iter_sections(sections: list[Section]) -> Iterator[Section]:
    """Every section, depth first, in document order."""
    stack = list(reversed(sections))
    while stack:
        section = stack.pop()
        yield section
        stack.extend(reversed(section.children))
