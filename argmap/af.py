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
  sorted member lists. The search works on the arguments left undecided by the grounded
  labelling only, which is what makes sparse real maps fast, and there one strongly
  connected component at a time (SCC-recursiveness, Baroni, Giacomin & Guida 2005), so
  that listing costs time proportional to the number of extensions, and counting them or
  asking what they all agree on (:meth:`~ArgumentationFramework.count`,
  :meth:`~ArgumentationFramework.skeptical_labelling`) does not list them: 30
  independent mutual attacks (2**30 preferred extensions) take milliseconds. An optional
  `clingo <https://potassco.org/clingo/>`_ backend handles large components.
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

from argmap._files import write_atomically
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
"""With ``solver="auto"``, a local problem (one strongly connected component of the
arguments the grounded labelling leaves undecided, see :class:`_Decomposition`) of at most
this many arguments is solved in pure Python; a larger one by clingo when it is installed.
The pure-Python search is exact but exponential in the worst case on one component,
while many small components cost only their number (and the size of the answer)."""

DEFAULT_MAX_ARGUMENTS = 1_000_000
"""The ``p af N`` header :func:`loads_i23` accepts unless told otherwise: N at most this
many, or at most the length of the text when that is larger. The names ``"1".."N"`` are
built eagerly (about 160 bytes and 0.3 microseconds each), so a header must not make a
file of a few bytes take gigabytes: ``p af 99999999999`` is refused (code ``too-large``),
and the memory a file can ask for stays proportional to its size."""

_MAX_DIGITS = 18
"""Numbers in ICCMA files longer than this (leading zeros aside) are out of range anyway;
they are refused before ``int`` sees them (Python limits int-string conversion)."""

_SEMANTICS: tuple[Semantics, ...] = ("grounded", "complete", "preferred", "stable")
_SOLVERS: tuple[Solver, ...] = ("auto", "python", "clingo")
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
        if not isinstance(argument, str):
            return "undec"
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
        :data:`AUTO_PYTHON_LIMIT` arguments in pure Python and a larger one with clingo
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


def _where(labels: bytearray, label: int) -> list[int]:
    """Positions whose label is ``label`` (the scan runs in C)."""
    return list(compress(range(len(labels)), map(label.__eq__, labels)))


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
    """The sub-framework of the arguments left ``undec`` by the grounded labelling, or a
    local problem of :class:`_Decomposition` (then ``members`` are indices, ``local`` empty).

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
        attackers: list[list[int]] = [[] for _ in members]
        for index, position in enumerate(members):
            for target in targets[offsets[position] : offsets[position + 1]]:
                victim = local.get(target)
                if victim is not None:
                    attackers[victim].append(index)
        return attrs.evolve(cls.of(attackers), members=members, local=local)

    @classmethod
    def of(cls, attackers: Sequence[Iterable[int]]) -> _Core:
        """The problem whose argument ``x`` is attacked by ``attackers[x]`` (indices)."""
        rows = [sorted(set(row)) for row in attackers]
        hits: list[list[int]] = [[] for _ in rows]
        for x, row in enumerate(rows):
            for y in row:
                hits[y].append(x)
        degree = [len(a) + len(h) for a, h in zip(rows, hits, strict=True)]
        order = tuple(sorted(range(len(rows)), key=lambda x: (-degree[x], x)))
        return cls(tuple(range(len(rows))), {}, rows, hits, order)


def _initial_domains(core: _Core, semantics: Semantics) -> list[int]:
    return [(_I | _O) if semantics == "stable" else _ANY] * len(core.members)


def _local_labellings(
    core: _Core, semantics: Semantics, solver: Solver, *, limit: int = 0, pin: int = -1
) -> list[list[int]]:
    """The complete (stable, preferred) labellings of ``core`` as one-bit domains per
    argument, at most ``limit`` of them when non-zero; ``pin`` (an index) must be ``in``.
    The backend is chosen by :func:`_use_clingo` from the size of ``core``."""
    if _use_clingo(solver, len(core.members)):
        found = _clingo_extensions(core, semantics, limit=limit, pin=pin)
        return [_labels_of(core, inside) for inside in found]
    if semantics == "preferred":
        return _preferred(core, limit)
    domains = _initial_domains(core, semantics)
    if pin >= 0:
        domains[pin] = _I
    solutions = _Search(core, domains, []).solutions()
    return list(islice(solutions, limit) if limit else solutions)


def _labels_of(core: _Core, inside: Iterable[int]) -> list[int]:
    """The complete labelling of an ``in`` set (Caminada's Ext2Lab) as one-bit domains."""
    domains = [_U] * len(core.members)
    for x in inside:
        domains[x] = _I
    for x in inside:
        for y in core.targets[x]:
            domains[y] = _O
    return domains


def _preferred(core: _Core, limit: int) -> list[list[int]]:
    """Maximal complete labellings of the core, one search per step: find a complete
    labelling not below any found so far, grow it while a strictly larger complete
    labelling exists, record it, repeat (Cerutti, Dunne, Giacomin & Vallati, TAFA 2013)."""
    found: list[list[int]] = []
    exclusions: list[list[int]] = []
    everything = range(len(core.members))
    start: list[int] | None = _grounded_domains(core)
    while start is not None:
        domains = _grow(core, start)
        found.append(domains)
        if len(found) == limit:
            break
        exclusions.append([x for x in everything if domains[x] != _I])
        search = _Search(core, _initial_domains(core, "complete"), exclusions)
        start = next(search.solutions(), None)
    return found


def _grounded_domains(core: _Core) -> list[int]:
    """The grounded labelling of a local problem (complete, so a start for ``_grow``; for
    the whole undecided core it is all ``undec``), as one-bit domains."""
    offsets = array("q", accumulate([0, *map(len, core.targets)]))
    targets = array("i", [y for row in core.targets for y in row])
    labels = _label_grounded(offsets, targets, [len(row) for row in core.attackers])
    bits = {_IN: _I, _OUT: _O, _UNDEC: _U}
    return [bits[label] for label in labels]


def _grow(core: _Core, domains: list[int]) -> list[int]:
    """Enlarge a complete labelling while a strictly larger complete labelling exists."""
    while True:
        undecided = [x for x, d in enumerate(domains) if d == _U]
        if not undecided:
            return domains
        pinned = [_I if d == _I else _ANY for d in domains]
        larger = next(_Search(core, pinned, [undecided]).solutions(), None)
        if larger is None:
            return domains
        domains = larger


def _ancestors(core: _Core, x: int) -> dict[int, int]:
    """``x`` and every argument with a path of attacks to it, each with its index in the
    sub-problem they form (an unattacked set: every attacker of a member is a member)."""
    found = {x: 0}
    queue = [x]
    for y in queue:  # the queue grows while it is read
        for z in core.attackers[y]:
            if z not in found:
                found[z] = len(found)
                queue.append(z)
    return found


# --------------------------------------------------------------------------------------
# SCC decomposition: extensions component by component
# --------------------------------------------------------------------------------------

_State: TypeAlias = tuple[tuple[int, int], ...]
"""What the components done so far say to the rest: ``(argument, label)`` for each later
argument with an ``in`` (``_I``) or, failing that, an ``undec`` (``_U``) attacker among
them, sorted. An argument whose attackers so far are all ``out`` is left out."""


@attrs.frozen
class _Summary:
    """What the extensions agree on: their number and, per core argument, the bit set of
    the labels (``_I``, ``_O``, ``_U``) it has in some extension."""

    count: int
    masks: bytearray


class _Decomposition:
    """The complete, preferred or stable labellings of a core, component by component.

    The core is cut into its strongly connected components (SCCs), put in an order where
    every component comes after those that attack it. A labelling is complete exactly
    when each component's part is complete *given the labels of its attackers outside
    it* (the conditions of Caminada 2006 are local), and preferred exactly when each part
    is, moreover, a maximal-``in`` such labelling given those labels: this is the
    SCC-recursiveness of P. Baroni, M. Giacomin & G. Guida, "SCC-recursiveness: a general
    schema for argumentation semantics", AIJ 168 (2005), in Caminada's labellings (a
    larger part would give a larger admissible set of the unattacked set ending there,
    and preferred semantics is directional, Baroni & Giacomin 2007). Stable labellings
    are the complete ones without ``undec``.

    So the labellings are paths through a layered graph: layer ``j`` holds the
    :data:`_State` s the earlier components can leave, and each local labelling of
    component ``j`` given a state leads to the next. A component's local problem is
    solved once per distinct input, and once per distinct shape (components of the same
    shape, such as many mutual attacks, share the search): an argument with an ``in``
    attacker outside is ``out`` and drops out; one with an ``undec`` one (and no ``in``) gets a
    self-attacking helper argument, always ``undec``, as an extra attacker.

    * :meth:`walk` lists the paths depth first, skipping states known to lead nowhere
      (only stable has such states: complete and preferred always have a local
      labelling), so the work is proportional to the output;
    * :meth:`summary` counts the paths and collects the labels each argument takes,
      layer by layer, in time proportional to the number of states, which stays small
      when few arguments are attacked across components (30 independent mutual attacks:
      one state per layer, for 2**30 extensions). It is never more than the number of
      partial labellings, but it can be exponential in the number of *distinct*
      arguments one component hears from earlier ones (k mutual attacks each attacking
      its own argument of one cycle: 2**k inputs for the cycle). Skeptical acceptance
      under preferred semantics is Pi2-complete (Dunne & Bench-Capon 2002), so some
      input must be hard; this one needs a wide, deliberately built interface.

    The order of the components is a depth-first post-order over attackers, starting
    from the components nobody downstream waits for, so that a component follows its
    attackers closely and the states stay short.
    """

    def __init__(self, core: _Core, semantics: Semantics, solver: Solver) -> None:
        self.core = core
        self.semantics = semantics
        self.solver = solver
        self.components, self.step = _components_in_order(core)
        self.cache: dict[tuple[int, _State], list[tuple[list[int], tuple[int, ...], _State]]] = {}
        self.shapes: dict[tuple[tuple[int, ...], ...], list[list[int]]] = {}
        self._summary: _Summary | None = None

    def local(self, j: int, state: _State) -> list[tuple[list[int], tuple[int, ...], _State]]:
        """The local labellings of component ``j`` given ``state``: for each, the labels of
        its members (in component order), the members ``in`` and the state left after."""
        step = self.step
        inputs = tuple(entry for entry in state if step[entry[0]] == j)
        rest = dict(entry for entry in state if step[entry[0]] != j)
        key = (j, inputs)
        solved = self.cache.get(key)
        if solved is None:
            solved = [(labels, *self._effects(j, labels)) for labels in self._solve(j, inputs)]
            self.cache[key] = solved
        return [(labels, inside, _merge(rest, after)) for labels, inside, after in solved]

    def _effects(self, j: int, labels: list[int]) -> tuple[tuple[int, ...], _State]:
        """The members ``in`` and what the labelling says to later components."""
        members, step, targets = self.components[j], self.step, self.core.targets
        said: dict[int, int] = {}
        for x, label in zip(members, labels, strict=True):
            if label == _O:
                continue
            for y in targets[x]:
                if step[y] != j and said.get(y) != _I:
                    said[y] = label
        inside = tuple(x for x, label in zip(members, labels, strict=True) if label == _I)
        return inside, tuple(sorted(said.items()))

    def _solve(self, j: int, inputs: _State) -> list[list[int]]:
        """Local labellings of component ``j`` when its outside attackers say ``inputs``."""
        members, told = self.components[j], dict(inputs)
        kept = [x for x in members if told.get(x) != _I]
        index = {x: i for i, x in enumerate(kept)}
        rows = [[index[y] for y in self.core.attackers[x] if y in index] for x in kept]
        helper = len(kept)
        fed = [index[x] for x in kept if told.get(x) == _U]
        if fed and self.semantics == "stable":
            return []  # pragma: no cover - stable labellings never say undec
        if fed:
            for i in fed:
                rows[i].append(helper)
            rows.append([helper])
        shape = tuple(map(tuple, rows))
        found = self.shapes.get(shape)
        if found is None:
            found = _local_labellings(_Core.of(rows), self.semantics, self.solver)
            self.shapes[shape] = found
        return [[_O if x not in index else d[index[x]] for x in members] for d in found]

    def walk(self, limit: int) -> list[tuple[int, ...]]:
        """The core members ``in`` of each labelling (at most ``limit`` when non-zero)."""
        last = len(self.components)
        found: list[tuple[int, ...]] = []
        if last == 0:
            return [()]
        dead: set[tuple[int, _State]] = set()
        chosen: list[int] = []
        # Frames: step, state, local labellings, next one to try, length of chosen, found.
        stack: list[list[Any]] = [[0, (), self.local(0, ()), 0, 0, 0]]
        while stack:
            frame = stack[-1]
            j, state, options, next_one, mark, before = frame
            if next_one == len(options):
                if len(found) == before:
                    dead.add((j, state))
                stack.pop()
                continue
            frame[3] += 1
            _, inside, after = options[next_one]
            del chosen[mark:]
            chosen.extend(inside)
            if j + 1 == last:
                found.append(tuple(chosen))
                if len(found) == limit:
                    return found
            elif (j + 1, after) not in dead:
                stack.append([j + 1, after, self.local(j + 1, after), 0, len(chosen), len(found)])
        return found

    def summary(self) -> _Summary:
        """The number of labellings and the labels each core argument takes in them."""
        if self._summary is None:
            self._summary = self._count()
        return self._summary

    def _count(self) -> _Summary:
        layers: list[dict[_State, list[tuple[list[int], tuple[int, ...], _State]]]] = []
        reached: dict[_State, None] = {(): None}
        for j in range(len(self.components)):
            layer = {state: self.local(j, state) for state in reached}
            layers.append(layer)
            reached = {after: None for options in layer.values() for *_, after in options}
        ways: dict[_State, int] = dict.fromkeys(reached, 1)
        masks = bytearray(len(self.core.members))
        for j in range(len(layers) - 1, -1, -1):
            members, before = self.components[j], ways
            ways = {}
            for state, options in layers[j].items():
                total = 0
                for labels, _, after in options:
                    onward = before.get(after, 0)
                    if onward:
                        total += onward
                        for x, label in zip(members, labels, strict=True):
                            masks[x] |= label
                ways[state] = total
        return _Summary(ways.get((), 0), masks)


def _merge(rest: dict[int, int], said: _State) -> _State:
    """The state after a component: what earlier ones said, and what it says (``in``
    wins over ``undec``)."""
    if not said:
        return tuple(sorted(rest.items()))
    merged = dict(rest)
    for y, label in said:
        if merged.get(y) != _I:
            merged[y] = label
    return tuple(sorted(merged.items()))


def _components_in_order(core: _Core) -> tuple[list[list[int]], list[int]]:
    """The SCCs of ``core`` in an order where attackers come first, and the position of
    each argument's component in it."""
    component, count = _tarjan(core.targets)
    attackers: list[set[int]] = [set() for _ in range(count)]
    for x, row in enumerate(core.attackers):
        for y in row:
            if component[y] != component[x]:
                attackers[component[x]].add(component[y])
    order: list[int] = []
    seen = bytearray(count)
    for root in range(count):  # Tarjan numbers components sinks first
        if seen[root]:
            continue
        seen[root] = 1
        work = [(root, iter(sorted(attackers[root])))]
        while work:
            current, pending = work[-1]
            upstream = next((c for c in pending if not seen[c]), -1)
            if upstream < 0:
                work.pop()
                order.append(current)
            else:
                seen[upstream] = 1
                work.append((upstream, iter(sorted(attackers[upstream]))))
    place = [0] * count
    for index, c in enumerate(order):
        place[c] = index
    members: list[list[int]] = [[] for _ in range(count)]
    for x, c in enumerate(component):
        members[place[c]].append(x)
    return members, [place[c] for c in component]


def _tarjan(targets: list[list[int]]) -> tuple[list[int], int]:
    """Strongly connected components (R. Tarjan, "Depth-first search and linear graph
    algorithms", SIAM J. Comput. 1, 1972), without recursion: the component of each
    vertex, numbered so that every edge goes to the same or a lower number."""
    count = len(targets)
    index, low, component = [-1] * count, [0] * count, [-1] * count
    stack: list[int] = []
    counter = components = 0
    for root in range(count):
        if index[root] >= 0:
            continue
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        work = [(root, iter(targets[root]))]
        while work:
            v, successors = work[-1]
            for w in successors:
                if index[w] < 0:
                    index[w] = low[w] = counter
                    counter += 1
                    stack.append(w)
                    work.append((w, iter(targets[w])))
                    break
                if component[w] < 0:
                    low[v] = min(low[v], index[w])
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[v])
                if low[v] == index[v]:
                    while True:
                        w = stack.pop()
                        component[w] = components
                        if w == v:
                            break
                    components += 1
    return component, components


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

    A clause watches two of its arguments that can still be ``in`` (the two watched
    literals of SAT solvers, Moskewicz et al., "Chaff", DAC 2001) and is only looked at
    when one of those changes: clauses as long as the core (one per preferred labelling
    found) would otherwise be rescanned at every step, quadratic on a long cycle.
    Watches survive backtracking, since undoing only gives labels back.
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
        self.watched: list[list[int]] = []
        for index, clause in enumerate(self.clauses):
            pair = [0, min(1, len(clause) - 1)] if clause else [-1, -1]
            self.watched.append(pair)
            for slot in dict.fromkeys(pair):
                if slot >= 0:
                    self.watch[clause[slot]].append(count + index)
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
                consistent = self._revise_clause(constraint - self.size)
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

    def _revise_clause(self, index: int) -> bool:
        """Keep both watches on arguments that can be ``in``; with one left, it is ``in``."""
        clause, pair, domains = self.clauses[index], self.watched[index], self.domains
        if not clause:
            return False
        for slot in (0, 1):
            if not domains[clause[pair[slot]]] & _I:
                self._move_watch(index, slot)
        first, second = (clause[position] for position in pair)
        first_can, second_can = domains[first] & _I, domains[second] & _I
        if first == second or not (first_can and second_can):
            if not (first_can or second_can):
                return False
            return self._restrict(first if first_can else second, _I)
        return True

    def _move_watch(self, index: int, slot: int) -> None:
        """Watch another argument of the clause that can be ``in``, if there is one."""
        clause, pair, domains = self.clauses[index], self.watched[index], self.domains
        size, start, other = len(clause), pair[slot], pair[1 - slot]
        for step in range(1, size):
            position = (start + step) % size
            if position != other and domains[clause[position]] & _I:
                self.watch[clause[start]].remove(self.size + index)
                self.watch[clause[position]].append(self.size + index)
                pair[slot] = position
                return


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


def _use_clingo(solver: str, size: int) -> bool:
    """Resolve ``solver`` to a backend for a local problem of ``size`` arguments (see
    ``preferred``); True means clingo."""
    if solver == "clingo":
        _clingo_module()
        return True
    return solver == "auto" and size > AUTO_PYTHON_LIMIT and _clingo_available()


def _clingo_extensions(
    core: _Core, semantics: Semantics, *, limit: int, pin: int = -1
) -> list[list[int]]:
    """Core members ``in`` of each answer set; ``pin``: an argument that must be ``in``."""
    clingo = _clingo_module()
    control = clingo.Control(
        [*_ASP_OPTIONS[semantics], f"--models={limit}"], logger=lambda code, message: None
    )
    program = [_ASP_COMPLETE, _ASP_EXTRA[semantics], _asp_facts(core)]
    if pin >= 0:
        program.append(f":- not in({pin}).\n")
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


_SURROGATE = re.compile("[\ud800-\udfff]")


def _check_text(text: object, path: str | None) -> None:
    """Refuse what is not Unicode text: a non-``str`` (bytes are for :func:`load`) or a
    lone surrogate, which no file can hold and no writer could write back."""
    if not isinstance(text, str):
        raise FormatError(
            f"expected text (str), not {type(text).__name__}",
            path=path,
            expected="a str; use load() for a file or decode the bytes first",
            code="not-text",
        )
    found = None if text.isascii() else _SURROGATE.search(text)
    if found is not None:
        raise _error_at(
            text,
            found.start(),
            f"a lone surrogate ({ord(found.group()):#06x}) is not Unicode text",
            path=path,
            expected="valid Unicode text",
            code="encoding",
        )


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
    _check_text(text, path)
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
                    f"argument {_shown(name)!r} is declared twice",
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
                    f"attack names undeclared argument {_shown(name)!r}",
                    path=path,
                    expected=f"an arg({_shown(_apx_quote(name))}). fact",
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
    _check_text(text, path)
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
            f"argument {_shown(words[0])!r} is declared twice",
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
                f"attack names undeclared argument {_shown(word)!r}",
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
    text: str, *, path: str | None = None, max_arguments: int | None = None
) -> ArgumentationFramework:
    """Read the ICCMA 2023 format: a header ``p af N``, then one ``i j`` attack per line
    (``1 <= i, j <= N``); lines starting with ``#`` are comments. The arguments are named
    ``"1"`` .. ``"N"``. A header declaring more than ``max_arguments`` arguments is
    refused (code ``too-large``) because the names are built eagerly; by default the
    limit is :data:`DEFAULT_MAX_ARGUMENTS` or the length of ``text``, whichever is larger.

    Fast: canonical chunks (``i j`` with one space) are checked by one regular expression
    and converted by C loops; anything else goes line by line, which also finds the
    line and column of an error.
    """
    _check_text(text, path)
    limit = max(DEFAULT_MAX_ARGUMENTS, len(text)) if max_arguments is None else max_arguments
    count, body, first_line = _i23_header(text, path, min(limit, _MAX_INDEX))
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
        _is_digits,
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
    count = _number(tokens[2][1])
    if count > limit:
        raise FormatError(
            f"the header declares {_shown(tokens[2][1])} arguments, more than the limit of {limit}",
            path=path,
            line=number,
            column=tokens[2][0] + 1,
            expected=f"at most {limit} arguments (see max_arguments)",
            code="too-large",
        )
    return count


def _is_digits(word: str) -> bool:
    return word.isascii() and word.isdigit()


def _shown(word: str) -> str:
    """``word`` cut to 24 characters for a message (a 5,000-digit number stays readable)."""
    return word if len(word) <= 24 else f"{word[:12]}...({len(word)} characters)"


def _number(word: str) -> int:
    """The value of an ASCII digit string; ``2**63`` (out of every range) when it has more
    than :data:`_MAX_DIGITS` significant digits, so that no digit limit is ever hit."""
    significant = word.lstrip("0")
    return int(significant or "0") if len(significant) <= _MAX_DIGITS else 2**63


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
    value = _number(word) if _is_digits(word) else 0
    if not 1 <= value <= count:
        raise FormatError(
            f"{_shown(word)!r} is not an argument number",
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
    return _READERS[chosen](_decode(_read_bytes(file), str(file)), path=str(file))


def _read_bytes(file: pathlib.Path) -> bytes:
    """The bytes of ``file``; a missing file, a folder or any other failure to read it is
    a :class:`~argmap.errors.FormatError` naming it (code ``unreadable``)."""
    try:
        return file.read_bytes()
    except FileNotFoundError:
        message = "no such file"
    except IsADirectoryError:
        message = "is a folder, not a file"
    except OSError as error:
        message = f"cannot read the file: {error.strerror or error}"
    raise FormatError(message, path=str(file), expected="a readable file", code="unreadable")


def dump(
    framework: ArgumentationFramework, path: str | os.PathLike[str], *, format: Format | None = None
) -> None:
    """Write a framework to a file atomically (a temporary file renamed into place); the
    format comes from the suffix unless given."""
    file = pathlib.Path(path)
    text = _WRITERS[_format_of(file, format)](framework)
    try:
        content = text.encode("utf-8")
    except UnicodeEncodeError as error:  # a lone surrogate in a name given in Python
        raise FormatError(
            f"an argument name is not valid Unicode (character {error.start} of the text)",
            path=str(file),
            expected="names without lone surrogates",
            code="unwritable-name",
        ) from None
    write_atomically(file, content)
