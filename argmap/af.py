"""Abstract argumentation frameworks (Dung 1995) and the ICCMA file formats.

An :class:`ArgumentationFramework` is a set of named arguments and an attack relation
between them (P. M. Dung, "On the acceptability of arguments and its fundamental role
in nonmonotonic reasoning, logic programming and n-person games", *Artificial
Intelligence* 77 (1995) 321-357, Def. 2). It answers the classic questions: the
grounded, complete, preferred and stable extensions, admissibility and conflict-freeness
of a set, credulous and skeptical acceptance of an argument.

Design choices, and why:

* **Integer indices inside.** Arguments are positions ``0..n-1`` and the attack relation
  is two flat ``array('i')`` columns, so that a framework of a million arguments and two
  million attacks fits in well under 500 MB and its grounded extension takes a few seconds
  of pure Python. Names are only looked at on the way in and out.
* **No recursion.** Every graph walk and search uses an explicit queue or stack, so that
  no input can exhaust the interpreter stack.
* **Exact and deterministic.** Every enumeration returns *all* extensions, sorted by their
  sorted member lists. The pure-Python search works on the arguments left undecided by
  the grounded labelling only, which is what makes sparse real maps fast. An optional
  `clingo <https://potassco.org/clingo/>`_ backend handles hard instances.
* **Readers never leak a bare ``KeyError``/``ValueError``.** Every malformed input is a
  :class:`~argmap.errors.FormatError` with path, line, column and what was expected.

File formats (the ones the ICCMA competitions use):

* ASPARTIX ``.apx``: ``arg(a).`` and ``att(a,b).`` facts, free whitespace, ``%`` comments;
  a name that is not a bare word is written as an ASP string, ``arg("a b").``;
* trivial graph format ``.tgf``: one argument name per line, a line ``#``, then one
  ``a b`` attack per line (ICCMA's TGF: no node or edge labels);
* ICCMA 2023 ``.af`` (also ``.i23``): a header ``p af N``, then one ``i j`` attack per line,
  ``#`` comment lines; the arguments are named ``"1"`` .. ``"N"``.
"""

from __future__ import annotations

import bisect
import functools
import importlib
import os
import pathlib
import re
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from collections.abc import Set as AbstractSet
from itertools import accumulate, compress, islice
from operator import add, le
from typing import Any, Literal, TypeAlias

import attrs

from argmap.dot import write_atomically
from argmap.errors import FormatError, MapError, SolverUnavailableError
from argmap.report import Problem

__all__ = [
    "AUTO_PYTHON_LIMIT",
    "DEFAULT_MAX_ARGUMENTS",
    "FORMATS",
    "ArgumentationFramework",
    "AttackSet",
    "Format",
    "Label",
    "Labelling",
    "Semantics",
    "Solver",
    "SolverUnavailableError",
    "dump",
    "dumps",
    "dumps_apx",
    "dumps_i23",
    "dumps_tgf",
    "i23_numbering",
    "load",
    "loads",
    "loads_apx",
    "loads_i23",
    "loads_tgf",
]

Semantics: TypeAlias = Literal["grounded", "complete", "preferred", "stable"]
Solver: TypeAlias = Literal["auto", "python", "clingo"]
Format: TypeAlias = Literal["apx", "tgf", "i23"]
Label: TypeAlias = Literal["in", "out", "undec"]

FORMATS: dict[str, Format] = {".apx": "apx", ".tgf": "tgf", ".af": "i23", ".i23": "i23"}
"""File suffix -> format name, as :func:`load` and :func:`dump` choose them."""

AUTO_PYTHON_LIMIT = 64
"""With ``solver="auto"``, at most this many arguments left undecided by the grounded
labelling are solved in pure Python; above it clingo is used when it is installed."""

DEFAULT_MAX_ARGUMENTS = 10_000_000
"""The largest ``p af N`` header :func:`loads_i23` accepts unless told otherwise: the
names ``"1".."N"`` are built eagerly, so a mistyped header must not eat all memory."""

_SEMANTICS: tuple[Semantics, ...] = ("grounded", "complete", "preferred", "stable")
_INSTALL_HINT = "pip install 'argmap[solver]' (or: pip install clingo)"

# Labels of the grounded labelling, one byte per argument.
_UNDEC, _IN, _OUT = 0, 1, 2
# Domains of the labelling search: bit sets over {in, out, undec}.
_I, _O, _U = 1, 2, 4
_ANY = _I | _O | _U


# --------------------------------------------------------------------------------------
# The attack relation
# --------------------------------------------------------------------------------------


class AttackSet(AbstractSet[tuple[str, str]]):
    """The attack relation of a framework: an immutable set of ``(attacker, target)`` pairs.

    It behaves like a ``frozenset[tuple[str, str]]`` (``in``, ``len``, iteration, ``==``,
    ``hash``, ``|``/``&``/``-`` giving frozensets) but stores the pairs as two flat arrays
    of argument positions: 8 bytes per attack (16 once it has been iterated or compared)
    instead of about 90 for a tuple of two strings in a set. Duplicate pairs given on the
    way in count once. Iteration is in a canonical order: by the attacker's position among
    the framework's arguments, then by the target's. Not built directly:
    :class:`ArgumentationFramework` makes it.
    """

    __slots__ = ("__weakref__", "_cache", "_names", "_sources", "_targets")

    def __init__(self, names: tuple[str, ...], sources: array[int], targets: array[int]) -> None:
        self._names = names
        self._sources = sources
        self._targets = targets
        self._cache: dict[str, Any] = {}

    @classmethod
    def _from_iterable(cls, it: Iterable[Any]) -> frozenset[Any]:
        """Set operations (``|``, ``&``, ``-``, ``^``) return plain frozensets."""
        return frozenset(it)

    def _codes(self) -> array[int]:
        """The pairs as sorted, distinct integers ``source * n + target``."""
        codes: array[int] | None = self._cache.get("codes")
        if codes is None:
            n = len(self._names)
            codes = array("q", sorted(set(map(add, map(n.__mul__, self._sources), self._targets))))
            self._cache["codes"] = codes
        return codes

    def _positions(self) -> dict[str, int]:
        """Name -> position among the framework's arguments (built on first use)."""
        positions: dict[str, int] | None = self._cache.get("positions")
        if positions is None:
            positions = {name: index for index, name in enumerate(self._names)}
            self._cache["positions"] = positions
        return positions

    def _out_lists(self) -> tuple[array[int], array[int]]:
        """Compressed adjacency: the targets of argument ``a`` are
        ``targets[offsets[a]:offsets[a + 1]]`` (duplicates kept: harmless for counting)."""
        csr: tuple[array[int], array[int]] | None = self._cache.get("csr")
        if csr is None:
            csr = _compress_by_source(len(self._names), self._sources, self._targets)
            self._cache["csr"] = csr
        return csr

    def __len__(self) -> int:
        return len(self._codes())

    def __iter__(self) -> Iterator[tuple[str, str]]:
        names, n = self._names, len(self._names)
        for code in self._codes():
            source, target = divmod(code, n)
            yield names[source], names[target]

    def __contains__(self, item: object) -> bool:
        if not (isinstance(item, tuple) and len(item) == 2):
            return False
        positions = self._positions()
        source, target = positions.get(item[0]), positions.get(item[1])
        if source is None or target is None:
            return False
        codes, code = self._codes(), source * len(self._names) + target
        where = bisect.bisect_left(codes, code)
        return where < len(codes) and codes[where] == code

    def __eq__(self, other: object) -> bool:
        if isinstance(other, AttackSet) and other._names == self._names:
            return self._codes() == other._codes()
        return super().__eq__(other)

    def __hash__(self) -> int:
        cached: int | None = self._cache.get("hash")
        if cached is None:
            cached = self._hash()
            self._cache["hash"] = cached
        return cached

    def __repr__(self) -> str:
        return f"AttackSet({list(self)!r})"


def _compress_by_source(
    count: int, sources: array[int], targets: array[int]
) -> tuple[array[int], array[int]]:
    """Group attacks by attacker (a counting sort done by C loops where possible)."""
    if not all(map(le, sources, islice(sources, 1, None))):
        order = sorted(range(len(sources)), key=sources.__getitem__)
        sources = array("i", map(sources.__getitem__, order))
        targets = array("i", map(targets.__getitem__, order))
    counts = [0] * (count + 1)
    for source in sources:
        counts[source + 1] += 1
    return array("q", accumulate(counts)), targets


# --------------------------------------------------------------------------------------
# Labellings
# --------------------------------------------------------------------------------------


@attrs.frozen
class Labelling:
    """A three-valued labelling (M. Caminada, "On the issue of reinstatement in
    argumentation", JELIA 2006): every argument is ``in``, ``out`` or ``undec``.

    For a complete extension E, :meth:`ArgumentationFramework.labelling` gives its
    complete labelling: ``in`` = E, ``out`` = the arguments E attacks, ``undec`` = the rest
    (Caminada 2006 shows that complete labellings and complete extensions correspond one
    to one through these Ext2Lab / Lab2Ext maps).
    """

    in_: frozenset[str]
    out: frozenset[str]
    undec: frozenset[str]

    def label(self, argument: str) -> Label:
        """The label of ``argument`` (``undec`` for a name the labelling does not know)."""
        if argument in self.in_:
            return "in"
        return "out" if argument in self.out else "undec"


# --------------------------------------------------------------------------------------
# The framework
# --------------------------------------------------------------------------------------


@attrs.frozen(init=False)
class ArgumentationFramework:
    """A Dung argumentation framework: arguments and who attacks whom (Dung 1995, Def. 2).

    ``ArgumentationFramework(arguments, attacks)`` takes an iterable of distinct names
    (their order is kept: it is the order of every file written and of ``i23`` numbers) and
    an iterable of ``(attacker, target)`` pairs. ``attacks`` is held as an
    :class:`AttackSet`: a set, so the order and repetition of the pairs given do not matter
    and two frameworks are equal when they have the same argument tuple and the same
    attack set. A name used twice, or an attack naming an unknown argument, raises
    :class:`~argmap.errors.MapError` listing every such problem (codes ``duplicate-id``,
    ``unknown-reference``).

    The framework is immutable, so everything derived from it (the grounded labelling,
    adjacency lists) is computed once, on first use, and kept.
    """

    arguments: tuple[str, ...]
    attacks: AttackSet

    def __init__(
        self, arguments: Iterable[str] = (), attacks: Iterable[tuple[str, str]] = ()
    ) -> None:
        names = tuple(arguments)
        for name in names:
            if not isinstance(name, str):
                raise TypeError(f"argument names must be strings, not {type(name).__name__}")
        if isinstance(attacks, AttackSet) and attacks._names == names:
            relation = attacks
        else:
            relation = _attack_set(names, _positions_or_raise(names), attacks)
        self.__attrs_init__(names, relation)

    @classmethod
    def _trusted(cls, relation: AttackSet) -> ArgumentationFramework:
        """A framework over already validated names and positions (used by the readers)."""
        framework = cls.__new__(cls)
        framework.__attrs_init__(relation._names, relation)
        return framework

    # -- derived structure ------------------------------------------------------------

    @functools.cached_property
    def _grounded_labels(self) -> bytearray:
        offsets, targets = self.attacks._out_lists()
        undefeated = [0] * len(self.arguments)
        for target in self.attacks._targets:
            undefeated[target] += 1
        return _label_grounded(offsets, targets, undefeated)

    @functools.cached_property
    def _core(self) -> _Core:
        return _Core.build(self._grounded_labels, *self.attacks._out_lists())

    def _position(self, argument: str) -> int:
        position = self.attacks._positions().get(argument)
        if position is None:
            raise MapError([_unknown_problem(argument, "the question")])
        return position

    def _positions_of(self, arguments: Iterable[str]) -> set[int]:
        positions = self.attacks._positions()
        wanted = list(arguments)
        unknown = [name for name in dict.fromkeys(wanted) if name not in positions]
        if unknown:
            raise MapError([_unknown_problem(name, "the set") for name in unknown])
        return {positions[name] for name in wanted}

    def _names(self, positions: Iterable[int]) -> frozenset[str]:
        return frozenset(map(self.arguments.__getitem__, positions))

    # -- sets and labellings ------------------------------------------------------------

    def conflict_free(self, arguments: Iterable[str]) -> bool:
        """Whether no member of ``arguments`` attacks a member (Dung 1995, Def. 5)."""
        return self._conflict_free(self._positions_of(arguments))

    def _conflict_free(self, members: set[int]) -> bool:
        offsets, targets = self.attacks._out_lists()
        return all(members.isdisjoint(targets[offsets[a] : offsets[a + 1]]) for a in members)

    def admissible(self, arguments: Iterable[str]) -> bool:
        """Whether ``arguments`` is conflict-free and defends each of its members, i.e.
        attacks every attacker of a member (Dung 1995, Def. 6)."""
        members = self._positions_of(arguments)
        if not self._conflict_free(members):
            return False
        offsets, targets = self.attacks._out_lists()
        attacked = {t for a in members for t in targets[offsets[a] : offsets[a + 1]]}
        for attacker in range(len(self.arguments)):
            hits = targets[offsets[attacker] : offsets[attacker + 1]]
            if attacker not in attacked and not members.isdisjoint(hits):
                return False
        return True

    def labelling(self, extension: Iterable[str]) -> Labelling:
        """Caminada's Ext2Lab: ``in`` = the set, ``out`` = what it attacks, ``undec`` = the
        rest (Caminada 2006). For a complete extension this is its complete labelling."""
        members = self._positions_of(extension)
        offsets, targets = self.attacks._out_lists()
        attacked = {t for a in members for t in targets[offsets[a] : offsets[a + 1]]}
        undecided = set(range(len(self.arguments))) - members - attacked
        return Labelling(self._names(members), self._names(attacked), self._names(undecided))

    def grounded_labelling(self) -> Labelling:
        """The grounded labelling: the complete labelling with minimal ``in`` (Caminada
        2006), computed as in :meth:`grounded`."""
        labels = self._grounded_labels
        return Labelling(*(self._names(_where(labels, label)) for label in (_IN, _OUT, _UNDEC)))

    # -- semantics --------------------------------------------------------------------

    def grounded(self) -> frozenset[str]:
        """The grounded extension: the least fixed point of the characteristic function
        F(S) = {a | S defends a} (Dung 1995, Def. 20), which is also the least complete
        extension (Dung 1995, Theorem 25).

        Computed by the labelling algorithm for the grounded labelling (S. Modgil & M.
        Caminada, "Proof theories and algorithms for abstract argumentation frameworks", in
        *Argumentation in Artificial Intelligence*, Springer 2009), made linear with
        counters and a queue: each argument
        keeps the number of its attackers not yet labelled ``out``; arguments whose count
        is zero are ``in``, whatever they attack becomes ``out``, which lowers the counts of
        *its* targets. Every attack is looked at at most twice: O(arguments + attacks).
        """
        return self._names(self._grounded_in)

    def complete(self, *, solver: Solver = "auto") -> list[frozenset[str]]:
        """All complete extensions: admissible sets containing every argument they defend
        (Dung 1995, Def. 23), sorted by sorted member list.

        The pure-Python search enumerates the complete labellings (Caminada 2006)
        of the arguments the grounded labelling leaves ``undec``: every complete labelling
        agrees with the grounded one elsewhere. It branches on one argument's label at a
        time and prunes with the labelling conditions (``in`` iff all attackers ``out``,
        ``out`` iff some attacker ``in``), in the spirit of the labelling algorithms of
        Modgil & Caminada (2009). See :meth:`preferred` for ``solver``.
        """
        return self.extensions("complete", solver=solver)

    def preferred(self, *, solver: Solver = "auto") -> list[frozenset[str]]:
        """All preferred extensions: the maximal (for set inclusion) admissible sets (Dung
        1995, Def. 7), equivalently the maximal complete extensions (Dung 1995, Theorem 25),
        sorted by sorted member list.

        In pure Python: find a complete extension not contained in any preferred extension
        found so far, grow it while a strictly larger complete extension exists, record the
        maximum, repeat (the iterative scheme of Cerutti, Dunne, Giacomin & Vallati,
        "Computing preferred extensions in abstract argumentation: a SAT-based approach",
        TAFA 2013, run on the labelling search of :meth:`complete`).

        ``solver``: ``"python"`` forces the pure-Python search; ``"clingo"`` uses clingo
        (ASPARTIX-style encoding; preferred by clingo's domain heuristic, ``--heuristic=Domain
        --enum-mode=domRec``) and raises :class:`SolverUnavailableError` when it is not
        installed; ``"auto"`` uses pure Python when at most :data:`AUTO_PYTHON_LIMIT`
        arguments are left undecided by the grounded labelling, clingo above that if it is
        installed, and pure Python otherwise.
        """
        return self.extensions("preferred", solver=solver)

    def stable(self, *, solver: Solver = "auto") -> list[frozenset[str]]:
        """All stable extensions: conflict-free sets attacking every argument outside them
        (Dung 1995, Def. 13), i.e. complete labellings without ``undec`` (Caminada 2006),
        sorted by sorted member list; empty when there is none. See :meth:`preferred` for
        ``solver``."""
        return self.extensions("stable", solver=solver)

    def extensions(self, semantics: Semantics, *, solver: Solver = "auto") -> list[frozenset[str]]:
        """All extensions under ``semantics`` (see the method of that name), sorted."""
        _check_semantics(semantics)
        if semantics == "grounded":
            return [self.grounded()]
        core = self._core
        if _use_clingo(solver, len(core.members)):
            found = _clingo_extensions(core, semantics, limit=0)
        else:
            found = _python_extensions(core, semantics)
        return sorted((self._extension(core, inside) for inside in found), key=sorted)

    def some_extension(
        self, semantics: Semantics = "preferred", *, solver: Solver = "auto"
    ) -> frozenset[str] | None:
        """One extension under ``semantics`` (ICCMA's SE task), ``None`` when there is none
        (only possible for ``stable``). Cheaper than listing them all; which one is
        returned is deterministic for a given solver, but not necessarily the first in
        the order of :meth:`extensions`. For ``complete`` it is the grounded extension,
        which is always complete (Dung 1995, Theorem 25)."""
        _check_semantics(semantics)
        if semantics in ("grounded", "complete"):
            return self.grounded()
        core = self._core
        if _use_clingo(solver, len(core.members)):
            found = _clingo_extensions(core, semantics, limit=1)
        else:
            found = _python_extensions(core, semantics, limit=1)
        return self._extension(core, found[0]) if found else None

    def credulous(
        self, argument: str, semantics: Semantics = "preferred", *, solver: Solver = "auto"
    ) -> bool:
        """Whether ``argument`` belongs to *some* extension under ``semantics`` (ICCMA's DC
        task). Under complete and preferred semantics these coincide (every admissible set
        is contained in a preferred one, Dung 1995, Theorem 11); under stable semantics the
        answer is ``False`` when there is no stable extension."""
        _check_semantics(semantics)
        position = self._position(argument)
        label = self._grounded_labels[position]
        if semantics == "grounded" or label != _UNDEC:
            if label == _IN and semantics == "stable":
                return self.some_extension("stable", solver=solver) is not None
            return label == _IN
        kind: Semantics = "stable" if semantics == "stable" else "complete"
        return self._exists(kind, position, must_be_in=True, solver=solver)

    def skeptical(
        self, argument: str, semantics: Semantics = "preferred", *, solver: Solver = "auto"
    ) -> bool:
        """Whether ``argument`` belongs to *every* extension under ``semantics`` (ICCMA's DS
        task). Under grounded and complete semantics this is membership of the grounded
        extension (the least complete one, Dung 1995, Theorem 25).

        Under stable semantics, when the framework has **no** stable extension, every
        argument is skeptically accepted (the universal claim is vacuously true): this is
        the convention of the ICCMA competitions for DS-ST, and it is what is returned.
        """
        _check_semantics(semantics)
        position = self._position(argument)
        label = self._grounded_labels[position]
        if semantics in ("grounded", "complete") or (label == _IN and semantics == "preferred"):
            return label == _IN
        if semantics == "stable":
            if label != _UNDEC:
                return label == _IN or self.some_extension("stable", solver=solver) is None
            return not self._exists("stable", position, must_be_in=False, solver=solver)
        return label == _UNDEC and all(argument in e for e in self.preferred(solver=solver))

    def _exists(
        self, semantics: Semantics, position: int, *, must_be_in: bool, solver: Solver
    ) -> bool:
        """Whether some complete/stable extension has (or, if not ``must_be_in``, lacks)
        the undecided argument at ``position``."""
        core = self._core
        local = core.local[position]
        if _use_clingo(solver, len(core.members)):
            return bool(_clingo_extensions(core, semantics, limit=1, pin=(local, must_be_in)))
        domains = _initial_domains(core, semantics)
        domains[local] = _I if must_be_in else domains[local] & ~_I
        return next(_Search(core, domains, []).solutions(), None) is not None

    @functools.cached_property
    def _grounded_in(self) -> tuple[int, ...]:
        return tuple(_where(self._grounded_labels, _IN))

    def _extension(self, core: _Core, inside: Iterable[int]) -> frozenset[str]:
        """Grounded ``in`` plus the given members of the undecided core, as names."""
        return self._names([*self._grounded_in, *(core.members[local] for local in inside)])


def _positions_or_raise(names: tuple[str, ...]) -> dict[str, int]:
    positions = {name: index for index, name in enumerate(names)}
    if len(positions) != len(names):
        repeated = [name for name, times in Counter(names).items() if times > 1]
        raise MapError(
            Problem("duplicate-id", "error", (name,), f"argument {name!r} is given more than once.")
            for name in repeated
        )
    return positions


def _unknown_problem(name: str, where: str) -> Problem:
    return Problem(
        "unknown-reference", "error", (name,), f"{where} names unknown argument {name!r}."
    )


def _attack_set(
    names: tuple[str, ...], positions: dict[str, int], attacks: Iterable[tuple[str, str]]
) -> AttackSet:
    """Translate name pairs to positions; every unknown name is reported at once."""
    sources: array[int] = array("i")
    targets: array[int] = array("i")
    unknown: dict[str, tuple[str, str]] = {}
    for attacker, target in attacks:
        source, victim = positions.get(attacker), positions.get(target)
        if source is None or victim is None:
            for name in (attacker, target):
                if name not in positions:
                    unknown.setdefault(name, (attacker, target))
            continue
        sources.append(source)
        targets.append(victim)
    if unknown:
        raise MapError(
            _unknown_problem(name, f"attack {pair[0]!r} -> {pair[1]!r}")
            for name, pair in unknown.items()
        )
    relation = AttackSet(names, sources, targets)
    relation._cache["positions"] = positions
    return relation


def _where(labels: bytearray, label: int) -> list[int]:
    """Positions whose label is ``label`` (the scan runs in C)."""
    return list(compress(range(len(labels)), map(label.__eq__, labels)))


def _check_semantics(semantics: str) -> None:
    if semantics not in _SEMANTICS:
        raise ValueError(
            f"unknown semantics {semantics!r}: expected one of {', '.join(_SEMANTICS)}"
        )


# --------------------------------------------------------------------------------------
# Grounded semantics: linear-time labelling
# --------------------------------------------------------------------------------------


def _label_grounded(offsets: array[int], targets: array[int], undefeated: list[int]) -> bytearray:
    """The grounded labelling, one byte per argument (see ``grounded``).

    ``undefeated[a]`` counts the attackers of ``a`` not yet ``out`` and is used up. An
    argument whose count reaches zero cannot be ``out`` already (an ``out`` argument keeps
    its ``in`` attacker), so it is labelled ``in`` exactly once.
    """
    labels = bytearray(len(undefeated))
    queue = list(compress(range(len(undefeated)), map((0).__eq__, undefeated)))
    for argument in queue:
        labels[argument] = _IN
    for argument in queue:  # the queue grows while it is read
        for target in targets[offsets[argument] : offsets[argument + 1]]:
            if labels[target] != _UNDEC:
                continue
            labels[target] = _OUT
            for victim in targets[offsets[target] : offsets[target + 1]]:
                left = undefeated[victim] - 1
                undefeated[victim] = left
                if not left:
                    labels[victim] = _IN
                    queue.append(victim)
    return labels


# --------------------------------------------------------------------------------------
# Complete, preferred, stable: labelling search on the undecided core
# --------------------------------------------------------------------------------------


@attrs.frozen
class _Core:
    """The sub-framework of the arguments left ``undec`` by the grounded labelling.

    Its attacks are the attacks among those arguments: any other attacker of a core
    argument is ``out`` in every complete labelling, so it never matters. ``order`` is
    the branching order of the search: most attacks first (a choice there propagates
    furthest), ties by position.
    """

    members: tuple[int, ...]
    local: dict[int, int]
    attackers: list[list[int]]
    targets: list[list[int]]
    order: tuple[int, ...]

    @classmethod
    def build(cls, labels: bytearray, offsets: array[int], targets: array[int]) -> _Core:
        members = tuple(_where(labels, _UNDEC))
        local = {position: index for index, position in enumerate(members)}
        attackers: list[set[int]] = [set() for _ in members]
        hits: list[set[int]] = [set() for _ in members]
        for index, position in enumerate(members):
            for target in targets[offsets[position] : offsets[position + 1]]:
                victim = local.get(target)
                if victim is not None:
                    hits[index].add(victim)
                    attackers[victim].add(index)
        degree = [len(a) + len(h) for a, h in zip(attackers, hits, strict=True)]
        order = tuple(sorted(range(len(members)), key=lambda x: (-degree[x], x)))
        return cls(members, local, [sorted(s) for s in attackers], [sorted(s) for s in hits], order)


def _initial_domains(core: _Core, semantics: Semantics) -> list[int]:
    return [(_I | _O) if semantics == "stable" else _ANY] * len(core.members)


def _python_extensions(core: _Core, semantics: Semantics, limit: int = 0) -> list[list[int]]:
    """Core members ``in`` for each extension (at most ``limit`` of them when non-zero)."""
    if semantics == "preferred":
        return _preferred(core, limit)
    solutions = _Search(core, _initial_domains(core, semantics), []).solutions()
    chosen = islice(solutions, limit) if limit else solutions
    return [[x for x, d in enumerate(domains) if d == _I] for domains in chosen]


def _preferred(core: _Core, limit: int) -> list[list[int]]:
    """Maximal complete labellings of the core, one search per step (see ``preferred``)."""
    found: list[list[int]] = []
    exclusions: list[list[int]] = []
    everything = range(len(core.members))
    start: list[int] | None = [_U] * len(core.members)  # the grounded labelling is complete
    while start is not None:
        inside = _grow(core, start)
        found.append(inside)
        if len(found) == limit:
            break
        members = set(inside)
        exclusions.append([x for x in everything if x not in members])
        domains = _initial_domains(core, "complete")
        start = next(_Search(core, domains, exclusions).solutions(), None)
    return found


def _grow(core: _Core, domains: list[int]) -> list[int]:
    """Enlarge a complete labelling while a strictly larger complete labelling exists."""
    while True:
        inside = [x for x, d in enumerate(domains) if d == _I]
        undecided = [x for x, d in enumerate(domains) if d == _U]
        if not undecided:
            return inside
        pinned = [_I if d == _I else _ANY for d in domains]
        larger = next(_Search(core, pinned, [undecided]).solutions(), None)
        if larger is None:
            return inside
        domains = larger


class _Search:
    """Depth-first search over the complete labellings of a core, with propagation.

    Each argument has a *domain*, a bit set of the labels still possible. Each argument x
    brings one constraint, "the label of x is ``in`` if all its attackers are ``out``,
    ``out`` if one is ``in``, ``undec`` otherwise" (Caminada 2006); ``clauses``
    add constraints "at least one of these arguments is ``in``". Propagation removes
    labels that no assignment of the other arguments of a constraint supports, until
    nothing changes (an AC-3 style queue); the search then branches on the first
    argument (in ``core.order``) with more than one label left, ``in`` before ``out``
    before ``undec``, and undoes its changes through a trail on backtracking. There is no
    recursion.
    """

    def __init__(self, core: _Core, domains: list[int], clauses: Sequence[list[int]]) -> None:
        self.attackers = core.attackers
        self.targets = core.targets
        self.order = core.order
        self.domains = list(domains)
        self.clauses = list(clauses)
        count = len(domains)
        self.size = count
        self.watch: list[list[int]] = [[] for _ in range(count)]
        for index, clause in enumerate(self.clauses):
            for x in clause:
                self.watch[x].append(count + index)
        self.trail: list[tuple[int, int]] = []
        self.queue = list(range(count + len(self.clauses)))
        self.queued = bytearray(b"\x01" * len(self.queue))

    def solutions(self) -> Iterator[list[int]]:
        """Every complete labelling satisfying the clauses, as a list of one-bit domains."""
        if not self._propagate():
            return
        stack: list[tuple[int, int, list[int]]] = []
        while True:
            domains = self.domains
            choice = next((x for x in self.order if domains[x] & (domains[x] - 1)), -1)
            if choice < 0:
                yield list(self.domains)
            else:
                domain = self.domains[choice]
                stack.append((len(self.trail), choice, [v for v in (_I, _O, _U) if domain & v]))
            if not self._next_branch(stack):
                return

    def _next_branch(self, stack: list[tuple[int, int, list[int]]]) -> bool:
        """Backtrack to the latest choice with a label left to try and try it."""
        while stack:
            mark, choice, values = stack[-1]
            self._undo(mark)
            if not values:
                stack.pop()
                continue
            if self._restrict(choice, values.pop(0)) and self._propagate():
                return True
        return False

    def _undo(self, mark: int) -> None:
        trail, domains = self.trail, self.domains
        while len(trail) > mark:
            x, domain = trail.pop()
            domains[x] = domain

    def _restrict(self, x: int, allowed: int) -> bool:
        """Keep only ``allowed`` labels of x; False when none is left."""
        old = self.domains[x]
        new = old & allowed
        if new == old:
            return True
        if not new:
            return False
        self.trail.append((x, old))
        self.domains[x] = new
        self._wake(x)
        return True

    def _wake(self, x: int) -> None:
        """Queue the constraints that mention x: its own, its targets', its clauses."""
        queue, queued = self.queue, self.queued
        for constraint in (x, *self.targets[x], *self.watch[x]):
            if not queued[constraint]:
                queued[constraint] = 1
                queue.append(constraint)

    def _propagate(self) -> bool:
        queue, queued = self.queue, self.queued
        while queue:
            constraint = queue.pop()
            queued[constraint] = 0
            if constraint < self.size:
                consistent = self._revise(constraint)
            else:
                consistent = self._revise_clause(self.clauses[constraint - self.size])
            if not consistent:
                for pending in queue:
                    queued[pending] = 0
                queue.clear()
                return False
        return True

    def _revise(self, x: int) -> bool:
        """Prune the constraint of argument x (see the class docstring)."""
        domains = self.domains
        attackers = self.attackers[x]
        can_in = [y for y in attackers if domains[y] & _I]
        can_undec = [y for y in attackers if domains[y] & _U]
        not_out = [y for y in attackers if domains[y] != _O]
        all_can_out = all(domains[y] & _O for y in attackers)
        none_surely_in = all(domains[y] != _I for y in attackers)
        possible = (_I if all_can_out else 0) | (_O if can_in else 0)
        possible |= _U if none_surely_in and can_undec else 0
        if not self._restrict(x, possible):
            return False
        label = domains[x]
        if label == _I:
            return all(self._restrict(y, _O) for y in attackers)
        if not label & _O and not all(self._restrict(y, _O | _U) for y in attackers):
            return False
        if label == _O and len(can_in) == 1:
            return self._restrict(can_in[0], _I)
        if label == _U and len(can_undec) == 1:
            return self._restrict(can_undec[0], _U)
        if not label & _I and len(not_out) == 1:
            return self._restrict(not_out[0], _I | _U)
        return True

    def _revise_clause(self, clause: list[int]) -> bool:
        domains = self.domains
        candidates = [x for x in clause if domains[x] & _I]
        if not candidates:
            return False
        return len(candidates) > 1 or self._restrict(candidates[0], _I)


# --------------------------------------------------------------------------------------
# Optional clingo backend
# --------------------------------------------------------------------------------------

# ASPARTIX-style complete semantics over integer argument ids (written for argmap):
# guess in/out, forbid conflicts, require every member defended and every defended
# argument in.
_ASP_COMPLETE = """
#defined arg/1.
#defined att/2.
in(X) :- arg(X), not out(X).
out(X) :- arg(X), not in(X).
:- att(X,Y), in(X), in(Y).
defeated(X) :- att(Y,X), in(Y).
undefended(X) :- att(Y,X), not defeated(Y).
:- in(X), undefended(X).
:- out(X), not undefended(X).
#show in/1.
"""
_ASP_EXTRA: dict[str, str] = {
    "complete": "",
    "stable": ":- out(X), not defeated(X).\n",
    "preferred": "#heuristic in(X) : arg(X). [1,true]\n",
}
_ASP_OPTIONS: dict[str, list[str]] = {
    "complete": [],
    "stable": [],
    "preferred": ["--heuristic=Domain", "--enum-mode=domRec"],
}


def _clingo_module() -> Any:
    try:
        return importlib.import_module("clingo")
    except ImportError as error:
        raise SolverUnavailableError(
            f"the clingo solver is not installed: {_INSTALL_HINT}"
        ) from error


def _clingo_available() -> bool:
    try:
        _clingo_module()
    except SolverUnavailableError:
        return False
    return True


def _use_clingo(solver: str, undecided: int) -> bool:
    """Resolve ``solver`` to a backend (see ``preferred``); True means clingo."""
    if solver == "python":
        return False
    if solver == "clingo":
        _clingo_module()
        return True
    if solver == "auto":
        return undecided > AUTO_PYTHON_LIMIT and _clingo_available()
    raise ValueError(f"unknown solver {solver!r}: expected 'auto', 'python' or 'clingo'")


def _clingo_extensions(
    core: _Core, semantics: Semantics, *, limit: int, pin: tuple[int, bool] | None = None
) -> list[list[int]]:
    """Core members ``in`` of each answer set; ``pin`` = (argument, must it be in)."""
    clingo = _clingo_module()
    control = clingo.Control(
        [*_ASP_OPTIONS[semantics], f"--models={limit}"], logger=lambda code, message: None
    )
    program = [_ASP_COMPLETE, _ASP_EXTRA[semantics], _asp_facts(core)]
    if pin is not None:
        program.append(f":- {'not ' if pin[1] else ''}in({pin[0]}).\n")
    control.add("base", [], "".join(program))
    control.ground([("base", [])])
    found: list[list[int]] = []

    def on_model(model: Any) -> None:
        found.append(
            sorted(int(symbol.arguments[0].number) for symbol in model.symbols(shown=True))
        )

    control.solve(on_model=on_model)
    return found


def _asp_facts(core: _Core) -> str:
    parts = [f"arg(0..{len(core.members) - 1}).\n"] if core.members else []
    parts.extend(f"att({x},{y}).\n" for x, hits in enumerate(core.targets) for y in hits)
    return "".join(parts)


# --------------------------------------------------------------------------------------
# File formats: shared helpers
# --------------------------------------------------------------------------------------


def _location(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of ``offset`` in ``text``."""
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _error_at(
    text: str,
    offset: int,
    message: str,
    *,
    path: str | None,
    expected: str | None,
    code: str = "format-error",
) -> FormatError:
    line, column = _location(text, offset)
    return FormatError(message, path=path, line=line, column=column, expected=expected, code=code)


def _decode(data: bytes, path: str | None) -> str:
    """UTF-8 (a leading byte-order mark is dropped); a bad byte is a located FormatError."""
    try:
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        start = data.rfind(b"\n", 0, error.start) + 1
        column = len(data[start : error.start].decode("utf-8", "replace")) + 1
        raise FormatError(
            f"the file is not UTF-8 text (byte 0x{data[error.start]:02x})",
            path=path,
            line=line,
            column=column,
            expected="UTF-8 text",
            code="encoding",
        ) from None


def _tokens(line: str) -> list[tuple[int, str]]:
    """Whitespace-separated tokens of one line with their 0-based columns."""
    return [(match.start(), match.group()) for match in re.finditer(r"\S+", line)]


# --------------------------------------------------------------------------------------
# ASPARTIX .apx
# --------------------------------------------------------------------------------------

_APX_BARE = r'[^\s(),%"\\]+'
_APX_QUOTED = r'"(?:[^"\\\n]|\\[\\"n])*"'
_APX_NAME = f"(?:{_APX_BARE}|{_APX_QUOTED})"
_APX_STATEMENT = re.compile(
    rf"""(?:\s|%[^\n]*)*
    (?:
        arg\s*\(\s*(?P<arg>{_APX_NAME})\s*\)\s*\.
      | att\s*\(\s*(?P<attacker>{_APX_NAME})\s*,\s*(?P<target>{_APX_NAME})\s*\)\s*\.
      | (?P<end>\Z)
      | (?P<bad>[\s\S])
    )""",
    re.VERBOSE,
)
_APX_BARE_NAME = re.compile(_APX_BARE)
_APX_ESCAPES = {"\\\\": "\\", '\\"': '"', "\\n": "\n"}


def _apx_name(token: str) -> str:
    if not token.startswith('"'):
        return token
    return re.sub(r"\\[\\\"n]", lambda m: _APX_ESCAPES[m.group()], token[1:-1])


def _apx_quote(name: str) -> str:
    if _APX_BARE_NAME.fullmatch(name):
        return name
    escaped = name.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'


def loads_apx(text: str, *, path: str | None = None) -> ArgumentationFramework:
    """Read ASPARTIX ``arg(a).`` / ``att(a,b).`` facts (any whitespace, ``%`` comments).

    Arguments keep the order of their ``arg`` facts; an ``att`` may come before the
    ``arg`` facts it names. A name declared twice, an attack on an undeclared name or
    anything that is not a fact raises :class:`~argmap.errors.FormatError`.
    """
    names: list[str] = []
    positions: dict[str, int] = {}
    pairs: list[tuple[str, str]] = []
    for match in _APX_STATEMENT.finditer(text):
        kind = match.lastgroup
        if kind == "arg":
            name = _apx_name(match.group("arg"))
            if name in positions:
                raise _error_at(
                    text,
                    match.start("arg"),
                    f"argument {name!r} is declared twice",
                    path=path,
                    expected="each argument declared once",
                    code="duplicate-argument",
                )
            positions[name] = len(names)
            names.append(name)
        elif kind == "target":
            pairs.append((_apx_name(match.group("attacker")), _apx_name(match.group("target"))))
        elif kind == "bad":
            raise _apx_diagnose(text, match.start("bad"), path)
    return _from_name_pairs(
        tuple(names), positions, pairs, lambda: _apx_unknown(text, positions, path)
    )


def _from_name_pairs(
    names: tuple[str, ...],
    positions: dict[str, int],
    pairs: list[tuple[str, str]],
    unknown_error: Callable[[], FormatError],
) -> ArgumentationFramework:
    try:
        relation = _attack_set(names, positions, pairs)
    except MapError:
        raise unknown_error() from None
    return ArgumentationFramework._trusted(relation)


def _apx_unknown(text: str, positions: dict[str, int], path: str | None) -> FormatError:
    """Locate the first attack naming an argument without an ``arg`` fact."""
    for match in _APX_STATEMENT.finditer(text):
        if match.lastgroup != "target":
            continue
        for group in ("attacker", "target"):
            name = _apx_name(match.group(group))
            if name not in positions:
                return _error_at(
                    text,
                    match.start(group),
                    f"attack names undeclared argument {name!r}",
                    path=path,
                    expected=f"an arg({_apx_quote(name)}). fact",
                    code="unknown-reference",
                )
    return FormatError("an attack names an undeclared argument", path=path)  # pragma: no cover


_APX_SPACE = re.compile(r"\s*")
_APX_NAME_AT = re.compile(_APX_NAME)


def _apx_diagnose(text: str, offset: int, path: str | None) -> FormatError:
    """Walk a malformed fact step by step to say where and what was expected."""
    keyword = text[offset : offset + 3]
    if keyword not in ("arg", "att"):
        return _error_at(
            text, offset, "unexpected text", path=path, expected="arg(NAME). or att(NAME,NAME)."
        )
    steps = ["(", "name", ")", "."] if keyword == "arg" else ["(", "name", ",", "name", ")", "."]
    position = offset + 3
    for step in steps:
        position = _APX_SPACE.match(text, position).end()  # type: ignore[union-attr]
        if step == "name":
            found = _APX_NAME_AT.match(text, position)
            if found is None:
                return _error_at(
                    text,
                    position,
                    f"bad {keyword} fact",
                    path=path,
                    expected="an argument name (a bare word or a double-quoted string)",
                )
            position = found.end()
        elif text.startswith(step, position):
            position += 1
        else:
            return _error_at(text, position, f"bad {keyword} fact", path=path, expected=repr(step))
    return _error_at(
        text, offset, f"bad {keyword} fact", path=path, expected=f"{keyword}(...)."
    )  # pragma: no cover


def dumps_apx(framework: ArgumentationFramework) -> str:
    """ASPARTIX text: one ``arg`` fact per argument in order, then one ``att`` fact per
    attack in canonical order. Names that are not bare words are written as ASP strings."""
    quoted = [_apx_quote(name) for name in framework.arguments]
    lines = [f"arg({name}).\n" for name in quoted]
    n = len(quoted)
    lines.extend(f"att({quoted[c // n]},{quoted[c % n]}).\n" for c in framework.attacks._codes())
    return "".join(lines)


# --------------------------------------------------------------------------------------
# Trivial graph format .tgf
# --------------------------------------------------------------------------------------


def loads_tgf(text: str, *, path: str | None = None) -> ArgumentationFramework:
    """Read ICCMA's TGF: one argument name per line, a line ``#``, then one ``a b`` attack
    per line. Blank lines are ignored; labels (extra words) are not supported."""
    names: list[str] = []
    positions: dict[str, int] = {}
    sources: array[int] = array("i")
    targets: array[int] = array("i")
    in_nodes = True
    for number, line in enumerate(text.split("\n"), start=1):
        words = line.split()
        if not words:
            continue
        if in_nodes and words == ["#"]:
            in_nodes = False
        elif in_nodes:
            _tgf_node(words, line, number, positions, path)
            positions[words[0]] = len(names)
            names.append(words[0])
        else:
            source, target = _tgf_edge(words, line, number, positions, path)
            sources.append(source)
            targets.append(target)
    relation = AttackSet(tuple(names), sources, targets)
    relation._cache["positions"] = positions
    return ArgumentationFramework._trusted(relation)


def _tgf_node(
    words: list[str], line: str, number: int, positions: dict[str, int], path: str | None
) -> None:
    tokens = _tokens(line)
    if len(words) != 1:
        raise FormatError(
            "a node line has more than one word",
            path=path,
            line=number,
            column=tokens[1][0] + 1,
            expected="one argument name per line before '#' (labels are not supported)",
        )
    if words[0] in positions:
        raise FormatError(
            f"argument {words[0]!r} is declared twice",
            path=path,
            line=number,
            column=tokens[0][0] + 1,
            expected="each argument declared once",
            code="duplicate-argument",
        )


def _tgf_edge(
    words: list[str], line: str, number: int, positions: dict[str, int], path: str | None
) -> tuple[int, int]:
    tokens = _tokens(line)
    if len(words) != 2:
        column = tokens[2][0] + 1 if len(words) > 2 else len(line.rstrip()) + 1
        raise FormatError(
            "an attack line needs exactly two names",
            path=path,
            line=number,
            column=column,
            expected="'attacker target' after '#'",
        )
    found = [positions.get(word) for word in words]
    for (column, word), position in zip(tokens, found, strict=True):
        if position is None:
            raise FormatError(
                f"attack names undeclared argument {word!r}",
                path=path,
                line=number,
                column=column + 1,
                expected="a name listed before '#'",
                code="unknown-reference",
            )
    return found[0], found[1]  # type: ignore[return-value]


def dumps_tgf(framework: ArgumentationFramework) -> str:
    """TGF text: the names, ``#``, the attacks in canonical order. A name with whitespace,
    an empty name or the name ``#`` cannot be written: :class:`~argmap.errors.FormatError`
    (code ``unwritable-name``)."""
    for name in framework.arguments:
        if name.split() != [name] or name == "#":
            raise FormatError(
                f"argument {name!r} cannot be written in TGF",
                expected="a name without whitespace, not '#'",
                code="unwritable-name",
            )
    lines = [f"{name}\n" for name in framework.arguments]
    lines.append("#\n")
    lines.extend(f"{attacker} {target}\n" for attacker, target in framework.attacks)
    return "".join(lines)


# --------------------------------------------------------------------------------------
# ICCMA 2023 .af
# --------------------------------------------------------------------------------------

_I23_CHUNK = 1 << 20
_I23_CANONICAL = re.compile(r"(?:[0-9]{1,18} [0-9]{1,18}\n)*")
_MAX_INDEX = 2**31 - 1


def loads_i23(
    text: str, *, path: str | None = None, max_arguments: int = DEFAULT_MAX_ARGUMENTS
) -> ArgumentationFramework:
    """Read the ICCMA 2023 format: a header ``p af N``, then one ``i j`` attack per line
    (``1 <= i, j <= N``); lines starting with ``#`` are comments. The arguments are named
    ``"1"`` .. ``"N"``. A header declaring more than ``max_arguments`` arguments is
    refused (code ``too-large``) because the names are built eagerly.

    Fast: canonical chunks (``i j`` with one space) are checked by one regular expression
    and converted by C loops; anything else goes line by line, which also finds the
    line and column of an error.
    """
    count, body, first_line = _i23_header(text, path, min(max_arguments, _MAX_INDEX))
    sources: array[int] = array("i")
    targets: array[int] = array("i")
    line = first_line
    while body < len(text):
        end = text.find("\n", body + _I23_CHUNK)
        end = len(text) if end < 0 else end + 1
        chunk = text[body:end]
        if not _i23_fast(chunk, count, sources, targets):
            _i23_strict(chunk, line, count, path, sources, targets)
        line += chunk.count("\n")
        body = end
    names = tuple(map(str, range(1, count + 1)))
    return ArgumentationFramework._trusted(AttackSet(names, sources, targets))


def _i23_header(text: str, path: str | None, limit: int) -> tuple[int, int, int]:
    """Find ``p af N``: returns N, the offset after its line and the next line number."""
    offset, number = 0, 1
    while offset <= len(text):
        end = text.find("\n", offset)
        end = len(text) if end < 0 else end
        line = text[offset:end]
        words = line.split()
        if words and not words[0].startswith("#"):
            return _i23_count(line, number, path, limit), end + 1, number + 1
        offset, number = end + 1, number + 1
    line_number, column = _location(text, len(text))
    raise FormatError(
        "no 'p af' header",
        path=path,
        line=line_number,
        column=column,
        expected="'p af <number of arguments>'",
    )


def _i23_count(line: str, number: int, path: str | None, limit: int) -> int:
    """The N of a header line ``p af N``, or a FormatError pointing at the first bad word."""
    tokens = _tokens(line)
    wanted: list[Callable[[str], bool]] = [
        "p".__eq__,
        "af".__eq__,
        _is_number,
    ]
    for index, check in enumerate(wanted):
        if index >= len(tokens) or not check(tokens[index][1]):
            column = tokens[index][0] if index < len(tokens) else len(line.rstrip())
            raise FormatError(
                "the first line is not an ICCMA 2023 header",
                path=path,
                line=number,
                column=column + 1,
                expected="'p af <number of arguments>'",
            )
    if len(tokens) > 3:
        raise FormatError(
            "the header has extra words",
            path=path,
            line=number,
            column=tokens[3][0] + 1,
            expected="'p af <number of arguments>'",
        )
    count = int(tokens[2][1])
    if count > limit:
        raise FormatError(
            f"the header declares {count} arguments, more than the limit of {limit}",
            path=path,
            line=number,
            column=tokens[2][0] + 1,
            expected=f"at most {limit} arguments (see max_arguments)",
            code="too-large",
        )
    return count


def _is_number(word: str) -> bool:
    return word.isascii() and word.isdigit()


def _i23_fast(chunk: str, count: int, sources: array[int], targets: array[int]) -> bool:
    """Convert a canonical chunk with C loops; False (nothing added) if it is not one."""
    if _I23_CANONICAL.fullmatch(chunk) is None:
        return False
    numbers = array("q", map(int, chunk.split()))
    if numbers and (min(numbers) < 1 or max(numbers) > count):
        return False
    decrement = (-1).__add__
    sources.extend(map(decrement, islice(numbers, 0, None, 2)))
    targets.extend(map(decrement, islice(numbers, 1, None, 2)))
    return True


def _i23_strict(
    chunk: str,
    first_line: int,
    count: int,
    path: str | None,
    sources: array[int],
    targets: array[int],
) -> None:
    """Line by line, with precise errors."""
    for number, line in enumerate(chunk.split("\n"), start=first_line):
        words = line.split()
        if not words or words[0].startswith("#"):
            continue
        if len(words) != 2:
            raise _i23_shape_error(words, line, number, path)
        pair = [_i23_number(line, index, count, number, path) for index in (0, 1)]
        sources.append(pair[0] - 1)
        targets.append(pair[1] - 1)


def _i23_shape_error(words: list[str], line: str, number: int, path: str | None) -> FormatError:
    """An attack line without exactly two words: point at the culprit."""
    tokens = _tokens(line)
    if words[0] == "p":
        message, column = "a second 'p af' header", tokens[0][0] + 1
    else:
        message = "an attack line needs two numbers"
        column = tokens[2][0] + 1 if len(words) > 2 else len(line.rstrip()) + 1
    return FormatError(
        message, path=path, line=number, column=column, expected="'i j' (two argument numbers)"
    )


def _i23_number(line: str, index: int, count: int, number: int, path: str | None) -> int:
    column, word = _tokens(line)[index]
    value = int(word) if _is_number(word) else 0
    if not 1 <= value <= count:
        raise FormatError(
            f"{word!r} is not an argument number",
            path=path,
            line=number,
            column=column + 1,
            expected=f"a number from 1 to {count}",
        )
    return value


def i23_numbering(framework: ArgumentationFramework) -> dict[str, int]:
    """Name -> number that :func:`dumps_i23` uses: the 1-based position of the argument."""
    return {name: index for index, name in enumerate(framework.arguments, start=1)}


def dumps_i23(framework: ArgumentationFramework) -> str:
    """ICCMA 2023 text. The format has no names: argument *i* (1-based position, see
    :func:`i23_numbering`) is written as the number *i*, so reading it back gives names
    ``"1"`` .. ``"N"``, and the same framework when its names already are those."""
    n = len(framework.arguments)
    lines = [f"p af {n}\n"]
    lines.extend(f"{c // n + 1} {c % n + 1}\n" for c in framework.attacks._codes())
    return "".join(lines)


# --------------------------------------------------------------------------------------
# Format dispatch and files
# --------------------------------------------------------------------------------------

_READERS: dict[str, Callable[..., ArgumentationFramework]] = {
    "apx": loads_apx,
    "tgf": loads_tgf,
    "i23": loads_i23,
}
_WRITERS: dict[str, Callable[[ArgumentationFramework], str]] = {
    "apx": dumps_apx,
    "tgf": dumps_tgf,
    "i23": dumps_i23,
}


def _format_of(path: pathlib.Path, format: str | None) -> str:
    chosen = format if format is not None else FORMATS.get(path.suffix.lower())
    if chosen not in _READERS:
        what = f"format {format!r}" if format is not None else f"suffix {path.suffix!r}"
        raise FormatError(
            f"unknown argumentation framework {what}",
            path=str(path),
            expected="format 'apx', 'tgf' or 'i23', or a .apx, .tgf, .af or .i23 file",
            code="unknown-format",
        )
    return chosen


def loads(text: str, *, format: Format, path: str | None = None) -> ArgumentationFramework:
    """Read a framework from text in ``format`` (``"apx"``, ``"tgf"`` or ``"i23"``)."""
    return _READERS[_format_of(pathlib.Path(path or "-"), format)](text, path=path)


def dumps(framework: ArgumentationFramework, *, format: Format) -> str:
    """Write a framework as text in ``format`` (``"apx"``, ``"tgf"`` or ``"i23"``)."""
    return _WRITERS[_format_of(pathlib.Path("-"), format)](framework)


def load(path: str | os.PathLike[str], *, format: Format | None = None) -> ArgumentationFramework:
    """Read a framework from a file; the format comes from the suffix (``.apx``, ``.tgf``,
    ``.af``/``.i23``) unless given."""
    file = pathlib.Path(path)
    chosen = _format_of(file, format)
    return _READERS[chosen](_decode(file.read_bytes(), str(file)), path=str(file))


def dump(
    framework: ArgumentationFramework, path: str | os.PathLike[str], *, format: Format | None = None
) -> None:
    """Write a framework to a file atomically (a temporary file renamed into place); the
    format comes from the suffix unless given."""
    file = pathlib.Path(path)
    text = _WRITERS[_format_of(file, format)](framework)
    write_atomically(file, text.encode("utf-8"))
