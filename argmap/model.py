"""The model: statements, inferences and conflicts held in an immutable map.

The three node kinds follow the Argument Interchange Format (AIF; Chesñevar et al.,
"Towards an argument interchange format", Knowledge Engineering Review 21(4), 2006):
a :class:`Statement` is an I-node, an :class:`Inference` an RA-node and a
:class:`Conflict` a CA-node. Roles (claim, premise, counterpoint) and conflict kinds
(rebuttal, undermining, undercut) are derived from the structure; a conflict may
*declare* the kind its author meant, and ``check`` reports where the structure says
otherwise.

Faithfulness to the source is part of the model. A statement says who holds it in
the text (``speaker``; ``None`` is the map's author) and how the author stands to it
(``stance``: asserted, reported, hedged or conceded), as AIF+ separates what is said
from who says it (Reed, Wells, Devereux & Rowe, "AIF+: dialogue in the Argument
Interchange Format", COMMA 2008; Budzynska & Reed, "Whence inference?", 2011). An
inference names its argument scheme by a key of :data:`argmap.schemes.SCHEMES`
(Walton, Reed & Macagno, *Argumentation Schemes*, 2008), which premise fills which of
the scheme's slots, and whether the text leaves it implicit; a conflict may raise one
of the critical questions of the scheme of the inference it undercuts (Gordon, Prakken
& Walton, "The Carneades model of argument and burden of proof", AIJ 171, 2007).

Validation lives here, once: an :class:`ArgumentMap` is only ever constructed from
well-typed parts, so that every later stage (checks, evaluation, formats) can trust
them. Ids, texts, tags and titles are strings that UTF-8 can encode (no lone
surrogates); ``data`` is JSON-like (mappings with string keys, lists, strings,
finite numbers, booleans, ``None``) and deep-frozen into :class:`FrozenDict` and
:class:`FrozenList`, sharing nothing with the caller's objects. Nodes accept anything
without raising; the map that would hold a bad one raises one
:class:`~argmap.errors.MapError` listing every problem of every part.

This module knows nothing of checks, semantics or formats.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Literal

import attrs

from argmap._frozen import (
    _EMPTY,
    _SURROGATE,
    _data_faults,
    _frozen_data,
    _frozen_slots,
    _optional_strings,
    _strings,
)
from argmap._frozen import MAX_DATA_DEPTH as MAX_DATA_DEPTH
from argmap._frozen import FrozenDict as FrozenDict
from argmap._frozen import FrozenList as FrozenList
from argmap._frozen import freeze as freeze
from argmap._frozen import short_repr as short_repr
from argmap._frozen import text_faults as text_faults
from argmap._hooks import show
from argmap.errors import MapError
from argmap.report import Problem

__all__ = [
    "CONFLICT_KINDS",
    "MAX_DATA_DEPTH",
    "STANCES",
    "Argument",
    "ArgumentMap",
    "Conflict",
    "ConflictKind",
    "FrozenDict",
    "FrozenList",
    "Inference",
    "Quote",
    "Role",
    "Stance",
    "Statement",
    "freeze",
    "node_problems",
    "short_repr",
    "text_faults",
]

Role = Literal["claim", "premise", "counterpoint"]
ConflictKind = Literal["rebuttal", "undermining", "undercut"]
Stance = Literal["asserted", "reported", "hedged", "conceded"]

STANCES: tuple[Stance, ...] = ("asserted", "reported", "hedged", "conceded")
"""How the author stands to a statement: says it (``asserted``), relays someone else's
view without endorsing it (``reported``), says it with a hedge ("may", "it is possible
to say": ``hedged``), or grants it for the sake of argument ("that said", "admittedly":
``conceded``)."""

CONFLICT_KINDS: tuple[ConflictKind, ...] = ("rebuttal", "undermining", "undercut")


# -- nodes ---------------------------------------------------------------------------------


@functools.lru_cache(maxsize=8)
def _folded(source: str) -> tuple[str, list[int], list[int]]:
    """``source`` with each run of white space as one space, with, for each run of
    characters kept, where it starts in the folded text and in ``source``."""
    pieces: list[str] = []
    folded_starts: list[int] = []
    source_starts: list[int] = []
    length = 0
    for match in re.finditer(r"\s+|\S+", source):
        piece = " " if match.group()[0].isspace() else match.group()
        folded_starts.append(length)
        source_starts.append(match.start())
        pieces.append(piece)
        length += len(piece)
    return "".join(pieces), folded_starts, source_starts


def _unfold(offset: int, folded_starts: list[int], source_starts: list[int]) -> int:
    run = bisect.bisect_right(folded_starts, offset) - 1
    return source_starts[run] + (offset - folded_starts[run])


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
        in every other character. Both searches are plain substring searches (linear),
        the folded source computed once per source.
        """
        if not (isinstance(text, str) and isinstance(source, str)) or not text:
            return cls(text)  # unlocated (a text that is no string is the map's to refuse)
        start = source.find(text)
        if start >= 0:
            return cls(text, start, start + len(text))
        words = text.split()
        if not words:
            return cls(text)
        folded, folded_starts, source_starts = _folded(source)
        found = folded.find(" ".join(words))
        if found < 0:
            return cls(text)
        last = found + len(" ".join(words)) - 1
        return cls(
            text,
            _unfold(found, folded_starts, source_starts),
            _unfold(last, folded_starts, source_starts) + 1,
        )

    def matches(self, source: str) -> bool:
        """True when the offsets point at this quote's text in ``source``."""
        if self.start is None or self.end is None:
            return False
        return source[self.start : self.end].split() == self.text.split()


_Kind = Literal[
    "id", "text", "optional text", "ids", "data", "quote", "stance", "slots", "flag", "kind"
]


def _owner(kind: str, id: object) -> str:
    return f"{kind} {id!r}" if isinstance(id, str) else f"the {kind} with the id {short_repr(id)}"


def _quote_faults(quote: object) -> Iterator[str]:
    if quote is None:
        return
    if not isinstance(quote, Quote):
        yield f"is {short_repr(quote)}, not a Quote"
        return
    for fault in text_faults(quote.text):
        yield f"text is {fault}"
    offsets = (quote.start, quote.end)
    if offsets == (None, None):
        return
    if not all(isinstance(n, int) and not isinstance(n, bool) and n >= 0 for n in offsets):
        yield f"offsets {short_repr(offsets)} are not both offsets (0 or more) or both None"
    elif quote.start > quote.end:  # type: ignore[operator]
        yield f"starts at {quote.start} after it ends at {quote.end}"


def _faults(name: str, kind: _Kind, value: Any) -> Iterator[tuple[str, str]]:
    """``(code, what is wrong)`` for one field of a node, as ``"the text ... is None"``."""
    if kind == "id":
        if isinstance(value, str) and not value:
            yield "invalid-id", "has an empty id"
        for fault in text_faults(value):
            yield "invalid-id", f"has an id that is {fault}"
    elif kind == "text" or (kind == "optional text" and value is not None):
        for fault in text_faults(value):
            yield "invalid-value", f"has a {name} that is {fault}"
    elif kind == "ids":
        for item in value:
            for fault in text_faults(item):
                yield "invalid-value", f"has {name} including {fault}"
    elif kind == "data":
        for fault in _data_faults(value):
            yield "invalid-data", f"has data that hold {fault}"
    elif kind == "quote":
        for fault in _quote_faults(value):
            yield "invalid-value", f"has a quote that {fault}"
    elif kind == "stance":
        if not (isinstance(value, str) and value in STANCES):
            yield "invalid-value", f"has the stance {short_repr(value)}, not one of {STANCES}"
    elif kind == "kind":
        if value is not None and not (isinstance(value, str) and value in CONFLICT_KINDS):
            yield (
                "invalid-value",
                f"declares the kind {short_repr(value)}, not None or one of {CONFLICT_KINDS}",
            )
    elif kind == "flag":
        if not isinstance(value, bool):
            yield "invalid-value", f"has {name} {short_repr(value)}, not True or False"
    elif kind == "slots":
        yield from _slot_faults(value)


def _slot_faults(value: object) -> Iterator[tuple[str, str]]:
    if not isinstance(value, FrozenDict):
        yield "invalid-value", f"has slots {short_repr(value)}, not a mapping of slot to premise"
        return
    for slot, premise in value.items():
        for fault in text_faults(slot):
            yield "invalid-value", f"has a slot name that is {fault}"
        for fault in text_faults(premise):
            yield "invalid-value", f"fills slot {short_repr(slot)} with {fault}"


def _clean(value: object) -> bool:
    """True for a string UTF-8 can encode (the fast test: most strings are ASCII)."""
    return isinstance(value, str) and (value.isascii() or _SURROGATE.search(value) is None)


def _node_problems(kind: str, node: Any, fields: Mapping[str, _Kind]) -> tuple[Problem, ...]:
    ids = (node.id,) if isinstance(node.id, str) else ()
    owner = _owner(kind, node.id)
    return tuple(
        Problem(code, "error", ids, f"{owner} {fault}.")
        for name, field_kind in fields.items()
        for code, fault in _faults(name, field_kind, getattr(node, name))
    )


@attrs.frozen
class Statement:
    """One proposition (AIF I-node).

    ``speaker`` is who holds it in the text (``None``: the map's author) and ``stance``
    how the author stands to it (one of :data:`STANCES`). A reported view is best
    modelled as argumentation theory does: "S says that p" is an asserted statement of
    its own, and p follows from it by testimony, position to know or expert opinion
    (see :meth:`argmap.MapBuilder.says`), so that p stands exactly as well as its source.
    """

    id: str
    text: str
    quote: Quote | None = None
    tags: tuple[str, ...] = attrs.field(default=(), converter=_optional_strings)
    data: FrozenDict[str, Any] = attrs.field(default=None, converter=_frozen_data)
    speaker: str | None = None
    stance: Stance = "asserted"


@attrs.frozen
class Inference:
    """Premises that *together* support a conclusion (AIF RA-node).

    Several premises in one inference are *linked*: they work only jointly.
    Independent (convergent) reasons are separate inferences with one conclusion.

    ``scheme`` is a key of :data:`argmap.schemes.SCHEMES` (other names are kept, and
    ``check`` warns about them), ``slots`` maps the scheme's premise slots to the
    premises that fill them, and ``implicit`` marks an inference the text leaves
    unsaid (it needs no anchor in the source).
    """

    id: str
    premises: tuple[str, ...] = attrs.field(converter=_strings)
    conclusion: str
    scheme: str | None = None
    label: str | None = None
    data: FrozenDict[str, Any] = attrs.field(default=None, converter=_frozen_data)
    slots: FrozenDict[str, str] = attrs.field(default=None, converter=_frozen_slots)
    implicit: bool = False


@attrs.frozen
class Conflict:
    """A statement that speaks against a target (AIF CA-node).

    The source is a statement. The target is a statement (a rebuttal or an
    undermining), an inference (an undercut: the premises may hold, but do not carry
    the conclusion) or another conflict (an undercut of that attack, as AIF's CA-on-CA).

    ``kind`` declares the kind the author meant (``None``: whatever the structure
    says); ``question`` is the key of the critical question it raises, of the scheme
    of the inference it undercuts; ``implicit`` marks a conflict the text leaves unsaid.
    """

    id: str
    source: str
    target: str
    data: FrozenDict[str, Any] = attrs.field(default=None, converter=_frozen_data)
    kind: ConflictKind | None = None
    question: str | None = None
    implicit: bool = False


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
    statements: tuple[str, ...] = attrs.field(default=(), converter=_optional_strings)
    inferences: tuple[str, ...] = attrs.field(default=(), converter=_optional_strings)
    conclusion: str | None = None
    tags: tuple[str, ...] = attrs.field(default=(), converter=_optional_strings)
    data: FrozenDict[str, Any] = attrs.field(default=None, converter=_frozen_data)


_STATEMENT_FIELDS: Mapping[str, _Kind] = {
    "id": "id",
    "text": "text",
    "quote": "quote",
    "tags": "ids",
    "data": "data",
    "speaker": "optional text",
    "stance": "stance",
}
_INFERENCE_FIELDS: Mapping[str, _Kind] = {
    "id": "id",
    "premises": "ids",
    "conclusion": "text",
    "scheme": "optional text",
    "label": "optional text",
    "data": "data",
    "slots": "slots",
    "implicit": "flag",
}
_CONFLICT_FIELDS: Mapping[str, _Kind] = {
    "id": "id",
    "source": "text",
    "target": "text",
    "data": "data",
    "kind": "kind",
    "question": "optional text",
    "implicit": "flag",
}
_ARGUMENT_FIELDS: Mapping[str, _Kind] = {
    "id": "id",
    "title": "text",
    "text": "text",
    "statements": "ids",
    "inferences": "ids",
    "conclusion": "optional text",
    "tags": "ids",
    "data": "data",
}

Node = Statement | Inference | Conflict | Argument


def _sound_data(value: object) -> bool:
    return value is _EMPTY or (isinstance(value, FrozenDict) and value._json)


def _sound_quote(value: object) -> bool:
    return value is None or not any(_quote_faults(value))


def _sound(node: Node) -> bool:
    """The quick test that a node is good, field by field, with no message made; only
    a node that fails it is looked at closely, to say what is wrong."""
    if not (_clean(node.id) and node.id and _sound_data(node.data)):
        return False
    if isinstance(node, Statement):
        return (
            _clean(node.text)
            and all(map(_clean, node.tags))
            and _sound_quote(node.quote)
            and (node.speaker is None or _clean(node.speaker))
            and node.stance in STANCES
        )
    if isinstance(node, Inference):
        return (
            all(map(_clean, node.premises))
            and _clean(node.conclusion)
            and (node.scheme is None or _clean(node.scheme))
            and (node.label is None or _clean(node.label))
            and isinstance(node.slots, FrozenDict)
            and all(map(_clean, node.slots))
            and all(map(_clean, node.slots.values()))
            and isinstance(node.implicit, bool)
        )
    if isinstance(node, Conflict):
        return (
            _clean(node.source)
            and _clean(node.target)
            and (node.kind is None or node.kind in CONFLICT_KINDS)
            and (node.question is None or _clean(node.question))
            and isinstance(node.implicit, bool)
        )
    return (
        _clean(node.title)
        and _clean(node.text)
        and all(map(_clean, (*node.statements, *node.inferences, *node.tags)))
        and (node.conclusion is None or _clean(node.conclusion))
    )


_FIELDS: Mapping[type, tuple[str, Mapping[str, _Kind]]] = {
    Statement: ("statement", _STATEMENT_FIELDS),
    Inference: ("inference", _INFERENCE_FIELDS),
    Conflict: ("conflict", _CONFLICT_FIELDS),
    Argument: ("argument", _ARGUMENT_FIELDS),
}


def node_problems(node: Statement | Inference | Conflict | Argument) -> tuple[Problem, ...]:
    """Everything wrong with the types and values of one node: an id that is not a
    non-empty string, a text, tag or reference that is not a string UTF-8 can encode,
    data that are not JSON-like, a malformed quote. Empty for a good node."""
    if _sound(node):
        return ()
    kind, fields = next(spec for cls, spec in _FIELDS.items() if isinstance(node, cls))
    return _node_problems(kind, node, fields)


# -- the map ---------------------------------------------------------------------------------


def _problem(code: str, ids: Iterable[str], message: str) -> Problem:
    return Problem(code=code, severity="error", ids=tuple(ids), message=message)


def _keyed(kind: str, cls: type[Node], value: Any, problems: list[Problem]) -> FrozenDict[str, Any]:
    """A mapping id -> node of class ``cls``, from a mapping or from an iterable of nodes
    keyed by their id; every problem (a wrong item, a bad node, a repeated id, a key that
    differs from its node's id) is added to ``problems``."""
    plural = f"{kind}s" if not kind.endswith("y") else f"{kind[:-1]}ies"
    if isinstance(value, FrozenDict) and value._nodes is cls:
        return value  # checked when it was made, and nothing in it can have changed
    if isinstance(value, Mapping):
        pairs: Iterable[tuple[Any, Any]] = value.items()
    elif isinstance(value, Iterable) and not isinstance(value, (str, bytes, bytearray)):
        pairs = ((None, item) for item in value)
    else:
        problems.append(
            _problem("invalid-value", (), f"the {plural} are {short_repr(value)}, not {kind}s.")
        )
        return _EMPTY
    result: dict[str, Any] = {}
    for key, node in pairs:
        if not isinstance(node, cls):
            message = f"the {plural} include {short_repr(node)}, not a {kind}."
            problems.append(_problem("invalid-value", (), message))
            continue
        faults = node_problems(node)
        if faults:
            problems.extend(faults)
            continue
        id: str = node.id
        if key is not None and key != id:
            shown = repr(key) if isinstance(key, str) else short_repr(key)
            message = f"{plural} key {shown} differs from its id {id!r}."
            problems.append(_problem("id-mismatch", [id], message))
        elif id in result:
            problems.append(_problem("duplicate-id", [id], f"two {plural} share the id {id!r}."))
        result[id] = node
    keyed = value if isinstance(value, FrozenDict) and len(result) == len(value) else None
    keyed = FrozenDict(result) if keyed is None else keyed
    if not problems:
        keyed._nodes = cls
    return keyed


def _map_text(name: str, value: Any, problems: list[Problem], *, optional: bool = False) -> Any:
    if not (optional and value is None):
        for fault in text_faults(value):
            problems.append(_problem("invalid-value", (), f"the map's {name} is {fault}."))
    return value


def _theses(value: Any, problems: list[Problem]) -> tuple[str, ...]:
    theses = _optional_strings(value)
    for thesis in theses:
        for fault in text_faults(thesis):
            ids = (thesis,) if isinstance(thesis, str) else ()
            problems.append(_problem("invalid-value", ids, f"the theses include {fault}."))
    return theses


def _locations(value: Any, problems: list[Problem]) -> FrozenDict[str, Any]:
    if value is None:
        return _EMPTY
    if not isinstance(value, Mapping):
        message = f"the map's locations are {short_repr(value)}, not a mapping."
        problems.append(_problem("invalid-value", (), message))
        return _EMPTY
    return value if isinstance(value, FrozenDict) else FrozenDict(value)


@attrs.frozen(init=False, repr=False)
class ArgumentMap:
    """An argument map: immutable; change it with :func:`attrs.evolve`.

    ``statements``, ``inferences`` and ``conflicts`` are read-only mappings from id to
    node in insertion order (the constructor also takes plain iterables of nodes).
    ``theses`` are the statement ids the map argues about. ``source`` is the text
    quotes point into. ``arguments`` are named groups over the nodes (Argdown's
    arguments), keyed by id. ``locations`` records where ids were written when the map was
    read from a file; it does not take part in equality.

    The constructor refuses ill-typed parts (see the module docstring) with one
    :class:`~argmap.errors.MapError` listing every problem; references to unknown ids
    are :func:`argmap.check`'s business, not the constructor's.
    """

    title: str
    statements: FrozenDict[str, Statement]
    inferences: FrozenDict[str, Inference]
    conflicts: FrozenDict[str, Conflict]
    theses: tuple[str, ...]
    source: str | None
    arguments: FrozenDict[str, Argument]
    data: FrozenDict[str, Any]
    locations: FrozenDict[str, Any] = attrs.field(eq=False, repr=False)

    def __init__(
        self,
        title: str = "",
        statements: Mapping[str, Statement] | Iterable[Statement] = (),
        inferences: Mapping[str, Inference] | Iterable[Inference] = (),
        conflicts: Mapping[str, Conflict] | Iterable[Conflict] = (),
        theses: Iterable[str] = (),
        source: str | None = None,
        arguments: Mapping[str, Argument] | Iterable[Argument] = (),
        data: Mapping[str, Any] | None = None,
        locations: Mapping[str, Any] | None = None,
    ) -> None:
        problems: list[Problem] = []
        fields = (
            _map_text("title", title, problems),
            _keyed("statement", Statement, statements, problems),
            _keyed("inference", Inference, inferences, problems),
            _keyed("conflict", Conflict, conflicts, problems),
            _theses(theses, problems),
            _map_text("source", source, problems, optional=True),
            _keyed("argument", Argument, arguments, problems),
            _frozen_data(data),
            _locations(locations, problems),
        )
        problems.extend(
            _problem("invalid-data", (), f"the map's data hold {fault}.")
            for fault in _data_faults(fields[7])
        )
        if problems:
            raise MapError(problems)
        self.__attrs_init__(*fields)

    def __repr__(self) -> str:
        return (
            f"<ArgumentMap {self.title!r}: {len(self.statements)} statements, "
            f"{len(self.inferences)} inferences, {len(self.conflicts)} conflicts, "
            f"theses={list(self.theses)!r}>"
        )

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, str]:
        """Jupyter's display: the diagram as SVG, or a summary table when it cannot be drawn."""
        return show("map_mimebundle", self, lambda: {"text/plain": repr(self)})

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
