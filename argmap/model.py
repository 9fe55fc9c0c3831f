"""The model: statements, inferences and conflicts held in an immutable map.

The three node kinds follow the Argument Interchange Format (AIF; Chesñevar et al.,
"Towards an argument interchange format", Knowledge Engineering Review 21(4), 2006):
a :class:`Statement` is an I-node, an :class:`Inference` an RA-node and a
:class:`Conflict` a CA-node. Roles (claim, premise, counterpoint) and conflict kinds
(rebuttal, undermining, undercut) are derived from the structure, never stored.

This module knows nothing of checks, semantics or formats.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from typing import Any, Literal, NoReturn, TypeVar

import attrs

from argmap.errors import MapError
from argmap.report import Problem

__all__ = [
    "Argument",
    "ArgumentMap",
    "Conflict",
    "ConflictKind",
    "FrozenDict",
    "Inference",
    "Quote",
    "Role",
    "Statement",
]

Role = Literal["claim", "premise", "counterpoint"]
ConflictKind = Literal["rebuttal", "undermining", "undercut"]

K = TypeVar("K")
V = TypeVar("V")


class FrozenDict(dict[K, V]):
    """A read-only, hashable dict that keeps insertion order.

    A ``dict`` subclass so that lookups and iteration run at C speed; every method
    that would change it raises ``TypeError``.
    """

    __slots__ = ("_hash",)

    def __init__(self, items: Mapping[K, V] | Iterable[tuple[K, V]] = ()) -> None:
        super().__init__(items)
        self._hash: int | None = None

    def _read_only(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise TypeError("argument maps are immutable: use attrs.evolve to make a changed copy")

    __setitem__ = __delitem__ = _read_only
    clear = pop = popitem = setdefault = update = __ior__ = _read_only

    def __hash__(self) -> int:  # type: ignore[override]
        if self._hash is None:
            self._hash = hash(tuple(self.items()))
        return self._hash

    def __repr__(self) -> str:
        return f"FrozenDict({dict(self)!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (FrozenDict, (dict(self),))


def _frozen_data(value: Mapping[str, Any] | None) -> FrozenDict[str, Any]:
    return value if isinstance(value, FrozenDict) else FrozenDict(value or {})


def _strings(value: Iterable[str]) -> tuple[str, ...]:
    return (value,) if isinstance(value, str) else tuple(value)


@attrs.frozen
class Quote:
    """A verbatim span of the map's source text that a statement is anchored to.

    ``start`` and ``end`` are offsets into the source (``source[start:end]`` is the
    span); both are ``None`` when the quote was not found or there is no source.
    """

    text: str
    start: int | None = None
    end: int | None = None

    @property
    def located(self) -> bool:
        return self.start is not None and self.end is not None

    @classmethod
    def find(cls, text: str, source: str | None) -> Quote:
        """Locate ``text`` in ``source``: exactly, else with runs of white space folded.

        Folding lets a quote cross a line break of the source while staying verbatim
        in every other character.
        """
        if source is None or not text:
            return cls(text)
        start = source.find(text)
        if start >= 0:
            return cls(text, start, start + len(text))
        words = text.split()
        if not words:
            return cls(text)
        pattern = r"\s+".join(re.escape(word) for word in words)
        match = re.search(pattern, source)
        return cls(text, match.start(), match.end()) if match else cls(text)

    def matches(self, source: str) -> bool:
        """True when the offsets point at this quote's text in ``source``."""
        if self.start is None or self.end is None:
            return False
        return source[self.start : self.end].split() == self.text.split()


@attrs.frozen
class Statement:
    """One proposition (AIF I-node)."""

    id: str
    text: str
    quote: Quote | None = None
    tags: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    data: FrozenDict[str, Any] = attrs.field(factory=FrozenDict, converter=_frozen_data)


@attrs.frozen
class Inference:
    """Premises that *together* support a conclusion (AIF RA-node).

    Several premises in one inference are *linked*: they work only jointly.
    Independent (convergent) reasons are separate inferences with one conclusion.
    """

    id: str
    premises: tuple[str, ...] = attrs.field(converter=_strings)
    conclusion: str
    scheme: str | None = None
    label: str | None = None
    data: FrozenDict[str, Any] = attrs.field(factory=FrozenDict, converter=_frozen_data)


@attrs.frozen
class Conflict:
    """A statement that speaks against a target (AIF CA-node).

    The target is a statement (a rebuttal or an undermining), an inference (an
    undercut: the premises may hold, but do not carry the conclusion) or another
    conflict (an undercut of that attack, as AIF's CA-on-CA).
    """

    id: str
    source: str
    target: str
    data: FrozenDict[str, Any] = attrs.field(factory=FrozenDict, converter=_frozen_data)


@attrs.frozen
class Argument:
    """A named group of nodes, as Argdown's arguments are: a title, a gist, and
    optionally its reconstruction (premise-conclusion structure).

    ``statements`` are the members of the reconstruction in order (premises,
    intermediary and main conclusion), ``inferences`` its inference steps and
    ``conclusion`` the main conclusion. A *sketch* has only a gist: ``text``.
    The group adds no reasoning of its own: relations live in inferences and conflicts.
    """

    id: str
    title: str = ""
    text: str = ""
    statements: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    inferences: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    conclusion: str | None = None
    tags: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    data: FrozenDict[str, Any] = attrs.field(factory=FrozenDict, converter=_frozen_data)


def _problem(code: str, id: str, message: str) -> Problem:
    return Problem(code=code, severity="error", ids=(id,), message=message)


def _keyed(kind: str, value: Any) -> FrozenDict[str, Any]:
    """A mapping id -> node, from a mapping or from an iterable of nodes keyed by their id."""
    if isinstance(value, Mapping):
        for key, node in value.items():
            if key != node.id:
                message = f"{kind} key {key!r} differs from its id {node.id!r}."
                raise MapError([_problem("id-mismatch", key, message)])
        return value if isinstance(value, FrozenDict) else FrozenDict(value)
    result: dict[str, Any] = {}
    for item in value:
        id: str = item.id
        if id in result:
            message = f"two {kind} share the id {id!r}."
            raise MapError([_problem("duplicate-id", id, message)])
        result[id] = item
    return FrozenDict(result)


def _statement_nodes(
    value: Mapping[str, Statement] | Iterable[Statement],
) -> FrozenDict[str, Statement]:
    return _keyed("statements", value)


def _inference_nodes(
    value: Mapping[str, Inference] | Iterable[Inference],
) -> FrozenDict[str, Inference]:
    return _keyed("inferences", value)


def _argument_nodes(
    value: Mapping[str, Argument] | Iterable[Argument],
) -> FrozenDict[str, Argument]:
    return _keyed("arguments", value)


def _conflict_nodes(
    value: Mapping[str, Conflict] | Iterable[Conflict],
) -> FrozenDict[str, Conflict]:
    return _keyed("conflicts", value)


@attrs.frozen(repr=False)
class ArgumentMap:
    """An argument map: immutable; change it with :func:`attrs.evolve`.

    ``statements``, ``inferences`` and ``conflicts`` are read-only mappings from id to
    node in insertion order (the constructor also takes plain iterables of nodes).
    ``theses`` are the statement ids the map argues about. ``source`` is the text
    quotes point into. ``arguments`` are named groups over the nodes (Argdown's
    arguments), keyed by id. ``locations`` records where ids were written when the map was
    read from a file; it does not take part in equality.
    """

    title: str = ""
    statements: FrozenDict[str, Statement] = attrs.field(
        factory=FrozenDict, converter=_statement_nodes
    )
    inferences: FrozenDict[str, Inference] = attrs.field(
        factory=FrozenDict, converter=_inference_nodes
    )
    conflicts: FrozenDict[str, Conflict] = attrs.field(
        factory=FrozenDict, converter=_conflict_nodes
    )
    theses: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    source: str | None = None
    arguments: FrozenDict[str, Argument] = attrs.field(
        factory=FrozenDict, converter=_argument_nodes
    )
    data: FrozenDict[str, Any] = attrs.field(factory=FrozenDict, converter=_frozen_data)
    locations: FrozenDict[str, Any] = attrs.field(
        factory=FrozenDict, converter=_frozen_data, eq=False, repr=False
    )

    def __repr__(self) -> str:
        return (
            f"<ArgumentMap {self.title!r}: {len(self.statements)} statements, "
            f"{len(self.inferences)} inferences, {len(self.conflicts)} conflicts, "
            f"theses={list(self.theses)!r}>"
        )

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, str]:
        """Jupyter's display: the diagram as SVG, or a summary table when it cannot be drawn."""
        from argmap._display import map_mimebundle

        return map_mimebundle(self)

    # -- indexes, computed once per map ---------------------------------------------

    @functools.cached_property
    def _supporters(self) -> Mapping[str, tuple[str, ...]]:
        index: dict[str, list[str]] = {}
        for inference in self.inferences.values():
            index.setdefault(inference.conclusion, []).append(inference.id)
        return {key: tuple(value) for key, value in index.items()}

    @functools.cached_property
    def _uses(self) -> Mapping[str, tuple[str, ...]]:
        index: dict[str, list[str]] = {}
        for inference in self.inferences.values():
            for premise in dict.fromkeys(inference.premises):
                index.setdefault(premise, []).append(inference.id)
        return {key: tuple(value) for key, value in index.items()}

    @functools.cached_property
    def _attackers(self) -> Mapping[str, tuple[str, ...]]:
        index: dict[str, list[str]] = {}
        for conflict in self.conflicts.values():
            index.setdefault(conflict.target, []).append(conflict.id)
        return {key: tuple(value) for key, value in index.items()}

    @functools.cached_property
    def _attacks(self) -> Mapping[str, tuple[str, ...]]:
        index: dict[str, list[str]] = {}
        for conflict in self.conflicts.values():
            index.setdefault(conflict.source, []).append(conflict.id)
        return {key: tuple(value) for key, value in index.items()}

    @functools.cached_property
    def _conflict_pairs(self) -> frozenset[tuple[str, str]]:
        return frozenset((c.source, c.target) for c in self.conflicts.values())

    # -- id-level queries (cheap: no node objects built) ------------------------------

    def supporters_ids(self, statement: str) -> tuple[str, ...]:
        """Ids of the inferences concluding ``statement``."""
        return self._supporters.get(statement, ())

    def uses_ids(self, statement: str) -> tuple[str, ...]:
        """Ids of the inferences using ``statement`` as a premise."""
        return self._uses.get(statement, ())

    def attackers_ids(self, id: str) -> tuple[str, ...]:
        """Ids of the conflicts targeting a statement or inference."""
        return self._attackers.get(id, ())

    def attacks_ids(self, statement: str) -> tuple[str, ...]:
        """Ids of the conflicts whose source is ``statement``."""
        return self._attacks.get(statement, ())

    # -- queries ------------------------------------------------------------------

    def node(self, id: str) -> Statement | Inference | Conflict:
        """The statement, inference or conflict with ``id``; ``KeyError`` if none."""
        for nodes in (self.statements, self.inferences, self.conflicts):
            if id in nodes:
                return nodes[id]
        raise KeyError(id)

    def __contains__(self, id: object) -> bool:
        return id in self.statements or id in self.inferences or id in self.conflicts

    def supporters(self, statement: str) -> tuple[Inference, ...]:
        """The inferences that conclude ``statement`` (each one a reason for it)."""
        return tuple(self.inferences[i] for i in self._supporters.get(statement, ()))

    def premises(self, id: str) -> tuple[str, ...]:
        """The premises of an inference, or of every inference concluding a statement."""
        if id in self.inferences:
            return self.inferences[id].premises
        return tuple(
            dict.fromkeys(p for inference in self.supporters(id) for p in inference.premises)
        )

    def uses(self, statement: str) -> tuple[Inference, ...]:
        """The inferences that use ``statement`` as a premise."""
        return tuple(self.inferences[i] for i in self._uses.get(statement, ()))

    def attackers(self, id: str) -> tuple[Conflict, ...]:
        """The conflicts targeting a statement, an inference or a conflict."""
        return tuple(self.conflicts[c] for c in self._attackers.get(id, ()))

    def attacks(self, statement: str) -> tuple[Conflict, ...]:
        """The conflicts whose source is ``statement``."""
        return tuple(self.conflicts[c] for c in self._attacks.get(statement, ()))

    def in_conflict(self, a: str, b: str) -> bool:
        """True when a conflict runs from ``a`` to ``b`` or from ``b`` to ``a``."""
        return (a, b) in self._conflict_pairs or (b, a) in self._conflict_pairs

    def roles(self, statement: str) -> frozenset[Role]:
        """The roles a statement plays: claim, premise and/or counterpoint."""
        roles: set[Role] = set()
        if statement in self._supporters or statement in self.theses:
            roles.add("claim")
        if statement in self._uses:
            roles.add("premise")
        if statement in self._attacks:
            roles.add("counterpoint")
        return frozenset(roles)

    def kind(self, conflict: str) -> ConflictKind:
        """Undercut (on an inference or a conflict), undermining (on a premise) or rebuttal."""
        target = self.conflicts[conflict].target
        if target in self.inferences or target in self.conflicts:
            return "undercut"
        if target in self._uses and "claim" not in self.roles(target):
            return "undermining"
        return "rebuttal"

    def is_contradiction(self, conflict: str) -> bool:
        """True when the conflict is answered by one running the other way."""
        c = self.conflicts[conflict]
        return (c.target, c.source) in self._conflict_pairs
