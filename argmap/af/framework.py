"""The framework: :class:`ArgumentationFramework`, its attack relation (:class:`AttackSet`)
and its queries (Dung 1995).

The queries are answered by the algorithm modules, which work on integer positions and
know nothing of this class: :mod:`argmap.af.grounded` (the grounded labelling),
:mod:`argmap.af.scc` and :mod:`argmap.af.search` (complete, preferred and stable
semantics, SCC by SCC), :mod:`argmap.af.clingo` (the optional backend). So the imports
go one way: this module imports them, none of them imports it.
"""

from __future__ import annotations

import bisect
import functools
from array import array
from collections import Counter
from collections.abc import Iterable, Iterator
from collections.abc import Set as AbstractSet
from itertools import accumulate, islice
from operator import add, le
from typing import Any

import attrs

from argmap.af.core import _ancestors, _Core
from argmap.af.grounded import _label_grounded
from argmap.af.labels import _I, _IN, _O, _OUT, _UNDEC, Labelling, Semantics, Solver, _where
from argmap.af.scc import _Decomposition
from argmap.af.search import _local_labellings
from argmap.errors import MapError
from argmap.report import Problem

__all__ = ["ArgumentationFramework", "AttackSet"]

_SEMANTICS: tuple[Semantics, ...] = ("grounded", "complete", "preferred", "stable")
_SOLVERS: tuple[Solver, ...] = ("auto", "python", "clingo")


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
        if not (isinstance(item[0], str) and isinstance(item[1], str)):
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
        wrong = [name for name in names if not isinstance(name, str)]
        if wrong:
            raise MapError(
                Problem("invalid-id", "error", (), f"argument {name!r} is not a string.")
                for name in wrong[:10]
            )
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
        position = self.attacks._positions().get(argument) if isinstance(argument, str) else None
        if position is None:
            raise MapError([_unknown_problem(argument, "the question")])
        return position

    def _positions_of(self, arguments: Iterable[str]) -> set[int]:
        positions = self.attacks._positions()
        wanted = list(arguments)
        unknown = [name for name in wanted if not isinstance(name, str) or name not in positions]
        if unknown:
            raise MapError([_unknown_problem(name, "the set") for name in unknown[:10]])
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
        Modgil & Caminada (2009), one strongly connected component at a time (see
        :meth:`extensions`). See :meth:`preferred` for ``solver``.
        """
        return self.extensions("complete", solver=solver)

    def preferred(self, *, solver: Solver = "auto") -> list[frozenset[str]]:
        """All preferred extensions: the maximal (for set inclusion) admissible sets (Dung
        1995, Def. 7), equivalently the maximal complete extensions (Dung 1995, Theorem 25),
        sorted by sorted member list.

        Component by component (see :meth:`extensions`); inside one strongly connected
        component, in pure Python: find a complete labelling not below any maximal one
        found so far, grow it while a strictly larger one exists, record the maximum,
        repeat (the iterative scheme of Cerutti, Dunne, Giacomin & Vallati, "Computing
        preferred extensions in abstract argumentation: a SAT-based approach", TAFA 2013,
        run on the labelling search of :meth:`complete`).

        ``solver``: ``"python"`` forces the pure-Python search; ``"clingo"`` uses clingo
        (ASPARTIX-style encoding; preferred by clingo's domain heuristic, ``--heuristic=Domain
        --enum-mode=domRec``) for every component and raises :class:`SolverUnavailableError`
        when it is not installed; ``"auto"`` solves a component of at most
        :data:`~argmap.af.AUTO_PYTHON_LIMIT` arguments in pure Python and a larger one with clingo
        when it is installed (pure Python otherwise): the rule is per component because
        the Python search is only hopeless on large ones.
        """
        return self.extensions("preferred", solver=solver)

    def stable(self, *, solver: Solver = "auto") -> list[frozenset[str]]:
        """All stable extensions: conflict-free sets attacking every argument outside them
        (Dung 1995, Def. 13), i.e. complete labellings without ``undec`` (Caminada 2006),
        sorted by sorted member list; empty when there is none. See :meth:`preferred` for
        ``solver``."""
        return self.extensions("stable", solver=solver)

    def extensions(self, semantics: Semantics, *, solver: Solver = "auto") -> list[frozenset[str]]:
        """All extensions under ``semantics`` (see the method of that name), sorted.

        Listed SCC by SCC (see :class:`_Decomposition`): the time is proportional to the
        number of extensions times the size of the framework, plus the searches inside
        each strongly connected component, so 2**12 preferred extensions of twelve
        independent mutual attacks take a fraction of a second. When only their number or
        what they agree on is wanted, :meth:`count` and :meth:`skeptical_labelling`
        answer without listing them.
        """
        _check_semantics(semantics)
        _check_solver(solver)
        if semantics == "grounded":
            return [self.grounded()]
        found = self._decomposition(semantics, solver).walk(0)
        return sorted((self._extension(inside) for inside in found), key=sorted)

    def count(self, semantics: Semantics, *, solver: Solver = "auto") -> int:
        """How many extensions ``semantics`` gives, without listing them: the count is
        summed SCC by SCC over the labels the earlier components can give to the attackers
        of each one, so 30 independent mutual attacks give 2**30 preferred extensions at
        once. 1 for grounded; 0 is only possible for stable."""
        _check_semantics(semantics)
        _check_solver(solver)
        if semantics == "grounded":
            return 1
        return self._decomposition(semantics, solver).summary().count

    def skeptical_labelling(
        self, semantics: Semantics = "preferred", *, solver: Solver = "auto"
    ) -> Labelling:
        """What every extension agrees on: ``in`` = the arguments in every extension
        (skeptically accepted), ``out`` = the arguments every extension attacks, ``undec``
        = the rest. For grounded semantics this is the grounded labelling; for complete
        semantics too (the grounded extension is the least complete one, Dung 1995,
        Theorem 25). When there is no stable extension, every argument is ``undec`` (the
        labelling of :func:`argmap.semantics.evaluate`; :meth:`skeptical` follows the
        ICCMA convention instead).

        Computed without listing the extensions: for each strongly connected component,
        the labels of its arguments over every way the earlier components can label its
        attackers (see :class:`_Decomposition`)."""
        _check_semantics(semantics)
        _check_solver(solver)
        if semantics in ("grounded", "complete"):
            return self.grounded_labelling()
        summary = self._decomposition(semantics, solver).summary()
        if summary.count == 0:
            return Labelling(frozenset(), frozenset(), frozenset(self.arguments))
        labels = bytearray(self._grounded_labels)
        for local, mask in enumerate(summary.masks):
            labels[self._core.members[local]] = _IN if mask == _I else _OUT if mask == _O else 0
        return Labelling(*(self._names(_where(labels, label)) for label in (_IN, _OUT, _UNDEC)))

    def some_extension(
        self, semantics: Semantics = "preferred", *, solver: Solver = "auto"
    ) -> frozenset[str] | None:
        """One extension under ``semantics`` (ICCMA's SE task), ``None`` when there is none
        (only possible for ``stable``). Cheaper than listing them all; which one is
        returned is deterministic for a given solver, but not necessarily the first in
        the order of :meth:`extensions`. For ``complete`` it is the grounded extension,
        which is always complete (Dung 1995, Theorem 25)."""
        _check_semantics(semantics)
        _check_solver(solver)
        if semantics in ("grounded", "complete"):
            return self.grounded()
        found = self._decomposition(semantics, solver).walk(1)
        return self._extension(found[0]) if found else None

    def credulous(
        self, argument: str, semantics: Semantics = "preferred", *, solver: Solver = "auto"
    ) -> bool:
        """Whether ``argument`` belongs to *some* extension under ``semantics`` (ICCMA's DC
        task). Under complete and preferred semantics these coincide (every admissible set
        is contained in a preferred one, Dung 1995, Theorem 11) and only the arguments
        with a path of attacks to ``argument`` matter (directionality, Baroni & Giacomin,
        "On principle-based evaluation of extension-based argumentation semantics", AIJ
        171, 2007): one search over them decides it. Under stable semantics the answer is
        ``False`` when there is no stable extension."""
        _check_semantics(semantics)
        _check_solver(solver)
        position = self._position(argument)
        label = self._grounded_labels[position]
        if semantics == "grounded" or label != _UNDEC:
            if label == _IN and semantics == "stable":
                return self.some_extension("stable", solver=solver) is not None
            return label == _IN
        local = self._core.local[position]
        if semantics == "stable":
            summary = self._decomposition("stable", solver).summary()
            return bool(summary.masks[local] & _I)
        ancestors = _ancestors(self._core, local)
        sub = _Core.of([[ancestors[y] for y in self._core.attackers[x]] for x in ancestors])
        return bool(_local_labellings(sub, "complete", solver, limit=1, pin=ancestors[local]))

    def skeptical(
        self, argument: str, semantics: Semantics = "preferred", *, solver: Solver = "auto"
    ) -> bool:
        """Whether ``argument`` belongs to *every* extension under ``semantics`` (ICCMA's DS
        task). Under grounded and complete semantics this is membership of the grounded
        extension (the least complete one, Dung 1995, Theorem 25); otherwise it is read
        from :meth:`skeptical_labelling`'s computation, without listing the extensions.

        Under stable semantics, when the framework has **no** stable extension, every
        argument is skeptically accepted (the universal claim is vacuously true): this is
        the convention of the ICCMA competitions for DS-ST, and it is what is returned.
        """
        _check_semantics(semantics)
        _check_solver(solver)
        position = self._position(argument)
        label = self._grounded_labels[position]
        if semantics in ("grounded", "complete") or (label == _IN and semantics == "preferred"):
            return label == _IN
        summary = self._decomposition(semantics, solver).summary()
        if semantics == "stable" and summary.count == 0:
            return True
        if label != _UNDEC:
            return label == _IN
        return summary.masks[self._core.local[position]] == _I

    def _decomposition(self, semantics: Semantics, solver: Solver) -> _Decomposition:
        """The SCC decomposition of the undecided core for ``semantics`` (kept: it caches
        the local solutions and the summary)."""
        key = (semantics, solver)
        found = self._decompositions.get(key)
        if found is None:
            found = _Decomposition(self._core, semantics, solver)
            self._decompositions[key] = found
        return found

    @functools.cached_property
    def _decompositions(self) -> dict[tuple[str, str], _Decomposition]:
        return {}

    @functools.cached_property
    def _grounded_in(self) -> tuple[int, ...]:
        return tuple(_where(self._grounded_labels, _IN))

    def _extension(self, inside: Iterable[int]) -> frozenset[str]:
        """Grounded ``in`` plus the given members of the undecided core, as names."""
        members = self._core.members
        return self._names([*self._grounded_in, *(members[local] for local in inside)])


def _positions_or_raise(names: tuple[str, ...]) -> dict[str, int]:
    positions = {name: index for index, name in enumerate(names)}
    if len(positions) != len(names):
        repeated = [name for name, times in Counter(names).items() if times > 1]
        raise MapError(
            Problem("duplicate-id", "error", (name,), f"argument {name!r} is given more than once.")
            for name in repeated
        )
    return positions


def _unknown_problem(name: object, where: str) -> Problem:
    return Problem(
        "unknown-reference", "error", (str(name),), f"{where} names unknown argument {name!r}."
    )


def _attack_set(
    names: tuple[str, ...], positions: dict[str, int], attacks: Iterable[tuple[str, str]]
) -> AttackSet:
    """Translate name pairs to positions; every unknown name is reported at once, and so
    is every item that is not a pair of strings (``invalid-value``)."""
    sources: array[int] = array("i")
    targets: array[int] = array("i")
    unknown: dict[str, tuple[str, str]] = {}
    malformed: list[Problem] = []
    for item in attacks:
        try:
            attacker, target = item
            source, victim = positions.get(attacker), positions.get(target)
        except (TypeError, ValueError):  # not a pair, or an unhashable name
            source = victim = None
        if source is None or victim is None:
            _bad_attack(item, positions, unknown, malformed)
            continue
        sources.append(source)
        targets.append(victim)
    if unknown or malformed:
        raise MapError(
            [
                *malformed[:10],
                *(
                    _unknown_problem(name, f"attack {pair[0]!r} -> {pair[1]!r}")
                    for name, pair in unknown.items()
                ),
            ]
        )
    relation = AttackSet(names, sources, targets)
    relation._cache["positions"] = positions
    return relation


def _bad_attack(
    item: object,
    positions: dict[str, int],
    unknown: dict[str, tuple[str, str]],
    malformed: list[Problem],
) -> None:
    """Record why ``item`` is not an attack: not a pair of strings, or unknown names."""
    try:
        attacker, target = item  # type: ignore[misc]
    except (TypeError, ValueError):
        attacker = target = None
    if not (isinstance(attacker, str) and isinstance(target, str)):
        message = f"attack {item!r} is not a pair of names."
        malformed.append(Problem("invalid-value", "error", (), message))
        return
    for name in (attacker, target):
        if name not in positions:
            unknown.setdefault(name, (attacker, target))


def _check_semantics(semantics: object) -> None:
    """An unknown semantics is a :class:`~argmap.errors.MapError` (``unknown-semantics``),
    as in :func:`argmap.semantics.evaluate`."""
    if semantics not in _SEMANTICS:
        message = f"unknown semantics {semantics!r}; choose one of {', '.join(_SEMANTICS)}."
        raise MapError([Problem("unknown-semantics", "error", (), message)])


def _check_solver(solver: object) -> None:
    """An unknown solver is a :class:`~argmap.errors.MapError` (``unknown-solver``)."""
    if solver not in _SOLVERS:
        message = f"unknown solver {solver!r}; choose one of {', '.join(_SOLVERS)}."
        raise MapError([Problem("unknown-solver", "error", (), message)])
