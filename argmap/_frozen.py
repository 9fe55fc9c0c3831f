"""Frozen data: the immutable containers a map's ``data`` is deep-frozen into, the freezer
that refuses what is not JSON-like, and short reprs and text checks for messages.

Part of :mod:`argmap.model`, which re-exports the public names (:class:`FrozenDict`,
:class:`FrozenList`, :func:`freeze`, :data:`MAX_DATA_DEPTH`, :func:`short_repr`,
:func:`text_faults`); import them from there.
"""

from __future__ import annotations

import math
import re
import reprlib
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, NoReturn, TypeVar

__all__ = [
    "MAX_DATA_DEPTH",
    "FrozenDict",
    "FrozenList",
    "freeze",
    "short_repr",
    "text_faults",
]

K = TypeVar("K")
V = TypeVar("V")

MAX_DATA_DEPTH = 100
"""How deeply ``data`` may nest: deeper values are refused, so that hashing, comparing
and writing a map never run out of stack."""

_MAX_SHARED_EXPANSION = 1_000_000
"""How many more values ``data`` may hold written out than it holds in memory: one list
put in twice is fine, a tower of lists each holding the one below twice is refused, as
writing it out would take exponential time."""

_MAX_FAULTS = 10
"""Data faults listed one by one per data value; the rest are counted."""

_SURROGATE = re.compile("[\ud800-\udfff]")
_REPR = reprlib.Repr()
_REPR.maxstring = _REPR.maxother = 40
_REPR.maxlist = _REPR.maxdict = _REPR.maxtuple = _REPR.maxset = 4
_REPR.maxlevel = 2


def short_repr(value: object) -> str:
    """A short repr of any value for a message (long values cut, odd objects named)."""
    try:
        return _REPR.repr(value)
    except Exception:  # a user object whose __repr__ fails must not hide the real problem
        return f"<{type(value).__name__}>"


def text_faults(value: object) -> Iterator[str]:
    """Why ``value`` is not a usable text: not a string, or a string UTF-8 cannot encode
    (a lone surrogate, as ``"\\ud800"``). Nothing for a good text."""
    if not isinstance(value, str):
        yield f"{short_repr(value)}, not a string"
    elif not value.isascii() and (match := _SURROGATE.search(value)) is not None:
        yield (
            f"not valid Unicode text: a lone surrogate {match.group()!r} at offset {match.start()}"
        )


# -- frozen containers -------------------------------------------------------------------


class FrozenDict(dict[K, V]):
    """A read-only, hashable dict that keeps insertion order.

    A ``dict`` subclass so that lookups and iteration run at C speed and every JSON or
    YAML writer takes it for an object (its repr is a dict's, too); every method that
    would change it raises ``TypeError``. Equal dicts hash equally, whatever their order.
    """

    __slots__ = ("_faults", "_hash", "_json", "_nodes", "_size")

    def __init__(self, items: Mapping[K, V] | Iterable[tuple[K, V]] = ()) -> None:
        super().__init__(items)
        self._hash: int | None = None
        self._json = False
        self._size = 1
        self._faults: tuple[str, ...] = ()
        self._nodes: type | None = None
        """The node class every value was checked to be (by id), for a map's mappings."""

    def _read_only(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise TypeError("argument maps are immutable: use attrs.evolve to make a changed copy")

    __setitem__ = __delitem__ = _read_only
    clear = pop = popitem = setdefault = update = __ior__ = _read_only

    def __hash__(self) -> int:  # type: ignore[override]
        if self._hash is None:
            self._hash = hash(frozenset(self.items()))
        return self._hash

    def __reduce__(self) -> tuple[Any, ...]:
        return (FrozenDict, (dict(self),))


class FrozenList(list[V]):
    """A read-only, hashable list: what the lists inside ``data`` become.

    A ``list`` subclass (not a tuple) so that it still equals the list it was made
    from, prints like it, and every JSON or YAML writer takes it for an array; every
    method that would change it raises ``TypeError``.
    """

    __slots__ = ("_hash", "_json", "_size")

    def __init__(self, items: Iterable[V] = ()) -> None:
        super().__init__(items)
        self._hash: int | None = None
        self._json = False
        self._size = 1

    def _read_only(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise TypeError("argument maps are immutable: use attrs.evolve to make a changed copy")

    __setitem__ = __delitem__ = __iadd__ = __imul__ = _read_only
    append = extend = insert = pop = remove = clear = sort = reverse = _read_only

    def __hash__(self) -> int:  # type: ignore[override]
        if self._hash is None:
            self._hash = hash(tuple(self))
        return self._hash

    def __reduce__(self) -> tuple[Any, ...]:
        return (FrozenList, (list(self),))


_EMPTY: FrozenDict[str, Any] = FrozenDict()
_EMPTY._json = True
_NO_SLOTS: FrozenDict[str, str] = FrozenDict()

_MAX_INT_BITS = 14_000
"""Integers in data are at most this long (about 4,200 digits): Python converts no
longer ones to text by default, so no JSON writer could write them."""


class _Freezer:
    """Deep-freezes one data value: mappings become :class:`FrozenDict`, lists and tuples
    :class:`FrozenList`. Each distinct container is frozen once (shared ones stay
    shared, so nothing is walked twice), cycles and nesting past :data:`MAX_DATA_DEPTH`
    are cut, and anything that is not JSON-like is kept as it is and described in
    ``faults`` (with where it sits), for the map to report."""

    def __init__(self) -> None:
        self.done: dict[int, tuple[Any, object]] = {}
        self.open: set[int] = set()
        self.reused: dict[int, object] = {}
        self.path: list[object] = []
        self.faults: list[str] = []
        self.count = 0
        self.visits = 0

    def fault(self, message: str) -> None:
        self.count += 1
        if len(self.faults) < _MAX_FAULTS:
            self.faults.append(f"{message} at {self.where()}")

    def where(self) -> str:
        """The current path, as ``['key'][0]``; a long one cut in its middle."""
        keys = [f"[{short_repr(key)}]" for key in self.path]
        if len(keys) > 12:
            keys[6:-3] = [f"...({len(keys) - 9} more)..."]
        return "".join(keys) or "the top"

    def leaf(self, value: object) -> bool:
        """True for a good scalar; a fault for a bad one."""
        if value is None or isinstance(value, bool):
            return True
        if isinstance(value, int) and value.bit_length() <= _MAX_INT_BITS:
            return True
        if isinstance(value, float) and math.isfinite(value):
            return True
        if isinstance(value, (int, float)):
            self.fault(f"{short_repr(value)}, not a finite number JSON can hold")
            return False
        if isinstance(value, str):
            for fault in text_faults(value):
                self.fault(f"a string that is {fault}")
                return False
            return True
        self.fault(f"{short_repr(value)} (a {type(value).__name__}), not a JSON value")
        return False

    def freeze(self, value: Any, depth: int) -> tuple[Any, bool, int]:
        """The frozen value, whether it is all JSON-like, and its size written out."""
        self.visits += 1
        if not isinstance(value, (Mapping, list, tuple)):
            return value, self.leaf(value), 1
        if isinstance(value, (FrozenDict, FrozenList)) and value._json:
            return self.reuse(value)
        key = id(value)
        if key in self.done:
            frozen, _ = self.done[key]
            return frozen, bool(frozen._json), int(frozen._size)
        if key in self.open or depth >= MAX_DATA_DEPTH:
            self.fault(
                "a value that contains itself"
                if key in self.open
                else f"values nested more than {MAX_DATA_DEPTH} levels deep"
            )
            return value, False, 1
        self.open.add(key)
        frozen, ok, size = self.container(value, depth)
        self.open.discard(key)
        frozen._json, frozen._size = ok, size
        self.done[key] = (frozen, value)  # keeps ``value`` alive, so its id stays unique
        return frozen, ok, size

    def reuse(self, value: FrozenDict[Any, Any] | FrozenList[Any]) -> tuple[Any, bool, int]:
        """An already frozen, checked container: kept as it is. Its values count as
        visited the first time, as repeated (written out again) every later time."""
        if id(value) not in self.reused:
            self.reused[id(value)] = value
            self.visits += value._size - 1
        return value, True, value._size

    def container(self, value: Any, depth: int) -> tuple[Any, bool, int]:
        ok, size = True, 1
        if isinstance(value, Mapping):
            items: dict[Any, Any] = {}
            for key, item in value.items():
                self.path.append(key)
                if not isinstance(key, str):
                    self.fault(f"the key {short_repr(key)}, not a string")
                    ok = False
                elif not self.leaf(key):
                    ok = False
                items[key], good, count = self.freeze(item, depth + 1)
                self.path.pop()
                ok, size = ok and good, size + count
            return FrozenDict(items), ok, size
        members: list[Any] = []
        for index, item in enumerate(value):
            self.path.append(index)
            frozen, good, count = self.freeze(item, depth + 1)
            self.path.pop()
            members.append(frozen)
            ok, size = ok and good, size + count
        return FrozenList(members), ok, size


def freeze(value: Any) -> Any:
    """``value`` deep-frozen (see :class:`_Freezer`); a mapping's problems, if any, are
    kept with it and reported by the map that holds it."""
    freezer = _Freezer()
    frozen, ok, size = freezer.freeze(value, 0)
    if size - freezer.visits > _MAX_SHARED_EXPANSION:
        freezer.path.clear()
        freezer.fault(
            f"lists or mappings repeated so often that written out they hold {size} values"
        )
        ok = False
    if isinstance(frozen, FrozenDict) and not ok:
        if frozen is value or frozen._json:  # never mark a caller's (or shared) object
            frozen = FrozenDict(frozen)
        frozen._json = False
        more = freezer.count - len(freezer.faults)
        frozen._faults = (*freezer.faults, *([f"{more} more"] if more > 0 else []))
    return frozen


def _frozen_data(value: Any) -> FrozenDict[str, Any]:
    """The ``data`` of a node or map: ``None`` is empty; a mapping is deep-frozen;
    anything else is kept as it is, for the map to refuse."""
    if value is None or value is _EMPTY:
        return _EMPTY
    if not isinstance(value, Mapping):
        return value  # type: ignore[no-any-return]
    return freeze(value) if value else _EMPTY


def _data_faults(value: object) -> Iterator[str]:
    if not isinstance(value, FrozenDict):
        yield f"{short_repr(value)}, not a mapping"
    elif not value._json:
        yield from value._faults


def _strings(value: Any) -> tuple[str, ...]:
    """A tuple of ids or tags: a single string is one; anything that is not an iterable
    becomes a tuple of itself, for the map to refuse."""
    if isinstance(value, (str, bytes, bytearray)) or not isinstance(value, Iterable):
        return (value,)  # type: ignore[return-value]
    return value if isinstance(value, tuple) else tuple(value)


def _optional_strings(value: Any) -> tuple[str, ...]:
    return () if value is None else _strings(value)


def _frozen_slots(value: Any) -> FrozenDict[str, str]:
    """An inference's slots: ``None`` is none; a mapping is copied and frozen; anything
    else is kept as it is, for the map to refuse."""
    if value is None:
        return _NO_SLOTS
    if not isinstance(value, Mapping):
        return value  # type: ignore[no-any-return]
    return FrozenDict(value) if value else _NO_SLOTS
