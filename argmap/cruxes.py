"""Cruxes: what a conclusion stands or falls with.

A **crux** of a target statement is a minimal position (G. Betz, *Debate Dynamics*,
Springer 2013: a partial assignment of accepted / rejected to statements) under which
:func:`argmap.evaluate` gives the target a different label than without it; minimal
means that no proper subset of it changes the label. :func:`cruxes` lists every crux
of at most ``max_size`` statements (the target excluded), none missing, none extra.

A position acts on the Dung framework of the map (:func:`argmap.translate`) by
clamping labels: an accepted statement loses its attackers, so it is ``in``; a
rejected one gets an unattacked attacker, so it is ``out``. Two facts make the search
fast without changing its answer:

* **Directionality** (P. Baroni & M. Giacomin, "On principle-based evaluation of
  extension-based argumentation semantics", Artificial Intelligence 171, 2007,
  Def. 13 and Prop. 52-54): under grounded, complete and preferred semantics the label
  of an argument depends only on the arguments that can reach it through attacks. So
  only statements that reach the target are candidates, and the search runs on the
  target's ancestors alone (stable semantics is not directional, so under it the whole
  framework is kept).
* **Incremental grounded labelling**: the grounded labelling (Caminada, "On the issue
  of reinstatement in argumentation", JELIA 2006; computed with counters and a queue as
  in Modgil & Caminada, "Proof theories and algorithms for abstract argumentation
  frameworks", 2009) of a position with one more clamp differs from the smaller
  position's only among the descendants of the new statement, which alone are
  recomputed, from the labels of the rest. And clamping a statement to the label it
  already has changes nothing (the grounded labelling is still complete after the
  change, and still least), so such positions are skipped.

Positions are searched size by size; a position containing a crux is not minimal, so
no superset of a crux is visited.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations

import attrs

from argmap.af import ArgumentationFramework
from argmap.errors import MapError
from argmap.model import ArgumentMap, short_repr
from argmap.report import Problem
from argmap.semantics import SEMANTICS, Label, Semantics, translate

__all__ = ["Crux", "cruxes"]

_IN, _OUT, _UNDEC, _UNSET = 0, 1, 2, 3
_NAMES: tuple[Label, Label, Label] = ("in", "out", "undecided")


@attrs.frozen
class Crux:
    """A minimal position that changes the target's label: ``accept`` and ``reject``
    (statement ids), the ``target``, its label without the position (``before``) and
    with it (``label``)."""

    target: str
    accept: frozenset[str]
    reject: frozenset[str]
    label: Label
    before: Label

    @property
    def position(self) -> dict[str, bool]:
        """The position as :func:`argmap.evaluate` takes it, ids sorted."""
        return {id: id in self.accept for id in sorted(self.accept | self.reject)}

    def __len__(self) -> int:
        return len(self.accept) + len(self.reject)

    def __str__(self) -> str:
        parts = [f"{'accept' if v else 'reject'} {id}" for id, v in self.position.items()]
        return f"{' and '.join(parts)}: {self.target} {self.before} -> {self.label}"


def _target(map: ArgumentMap, target: object) -> str:
    if target is None:
        if len(map.theses) != 1:
            count = "no thesis" if not map.theses else f"{len(map.theses)} theses"
            message = f"the map has {count}; name the target statement."
            raise MapError([Problem("invalid-value", "error", tuple(map.theses), message)])
        target = map.theses[0]
    if not isinstance(target, str) or target not in map.statements:
        message = f"the target {short_repr(target)} is not a statement of the map."
        ids = (target,) if isinstance(target, str) else ()
        raise MapError([Problem("unknown-reference", "error", ids, message)])
    return target


def _check(semantics: object, max_size: object) -> None:
    problems: list[Problem] = []
    if not isinstance(semantics, str) or semantics not in SEMANTICS:
        message = (
            f"unknown semantics {short_repr(semantics)}; choose one of {', '.join(SEMANTICS)}."
        )
        problems.append(Problem("unknown-semantics", "error", (), message))
    if not isinstance(max_size, int) or isinstance(max_size, bool) or max_size < 0:
        message = f"max_size is {short_repr(max_size)}, not a whole number >= 0."
        problems.append(Problem("invalid-value", "error", (), message))
    if problems:
        raise MapError(problems)


class _Sub:
    """The part of a framework the target depends on, numbered: ``names[i]``, its
    attackers and targets as lists of numbers."""

    def __init__(self, framework: ArgumentationFramework, target: str, keep_all: bool) -> None:
        attackers: dict[str, list[str]] = {a: [] for a in framework.arguments}
        for a, b in framework.attacks:
            attackers[b].append(a)
        if keep_all:
            kept = list(framework.arguments)
        else:
            seen = {target}
            stack = [target]
            while stack:
                for a in attackers[stack.pop()]:
                    if a not in seen:
                        seen.add(a)
                        stack.append(a)
            kept = [a for a in framework.arguments if a in seen]
        self.names = kept
        self.index = {a: i for i, a in enumerate(kept)}
        self.attackers = [[self.index[a] for a in attackers[name]] for name in kept]
        self.targets: list[list[int]] = [[] for _ in kept]
        for i, atts in enumerate(self.attackers):
            for j in atts:
                self.targets[j].append(i)
        self._descendants: dict[int, list[int]] = {}

    def descendants(self, i: int) -> list[int]:
        """``i`` and every argument it reaches, in this sub-framework."""
        found = self._descendants.get(i)
        if found is None:
            seen = {i}
            stack = [i]
            while stack:
                for t in self.targets[stack.pop()]:
                    if t not in seen:
                        seen.add(t)
                        stack.append(t)
            found = self._descendants[i] = sorted(seen)
        return found

    def relabel(self, labels: bytearray, region: Sequence[int], clamps: dict[int, int]) -> None:
        """Recompute, in place, the grounded labels of ``region`` (closed under
        attacks: nothing outside it is attacked from inside) with ``clamps`` fixed and
        the labels outside it as given: the queue algorithm of Modgil & Caminada 2009."""
        attackers, targets = self.attackers, self.targets
        for n in region:
            labels[n] = _UNSET
        count: dict[int, int] = {}
        start: dict[int, int] = {}
        for n in region:
            clamp = clamps.get(n)
            if clamp is not None:
                start[n] = clamp
                continue
            pending = 0
            for a in attackers[n]:
                label = labels[a]
                if label == _IN:  # only outside the region: inside, all are unset
                    start[n] = _OUT
                    break
                if label != _OUT:
                    pending += 1
            else:
                count[n] = pending
                if pending == 0:
                    start[n] = _IN
        queue = list(start)
        for n, label in start.items():  # every starting label first, then propagate
            labels[n] = label
        for n in queue:
            if labels[n] == _IN:
                for t in targets[n]:
                    if labels[t] == _UNSET:
                        labels[t] = _OUT
                        queue.append(t)
            elif labels[n] == _OUT:
                for t in targets[n]:
                    if labels[t] == _UNSET:
                        count[t] -= 1
                        if count[t] == 0:
                            labels[t] = _IN
                            queue.append(t)
        for n in region:
            if labels[n] == _UNSET:
                labels[n] = _UNDEC


def _order(position: tuple[tuple[str, bool], ...]) -> tuple[int, tuple[str, ...], tuple[bool, ...]]:
    """Smaller first, then by sorted ids, then accepting before rejecting."""
    return (len(position), tuple(id for id, _ in position), tuple(not v for _, v in position))


def cruxes(
    map: ArgumentMap,
    target: str | None = None,
    *,
    max_size: int = 2,
    semantics: Semantics = "grounded",
) -> list[Crux]:
    """Every minimal position of at most ``max_size`` statements other than ``target``
    under which ``evaluate(map, position=..., semantics=...)`` labels ``target``
    differently than without it (see the module docstring for the method and papers).

    ``target`` defaults to the map's thesis. The list is sorted: smaller positions
    first, then by their sorted ids, then accepting before rejecting.

    Raises :class:`~argmap.errors.MapError` when there is no thesis or more than one
    and no target is named, for a target that is not a statement, an unknown
    semantics, a ``max_size`` that is not a whole number >= 0, and as
    :func:`argmap.translate` does."""
    if not isinstance(map, ArgumentMap):
        message = f"expected an ArgumentMap, got {short_repr(map)}."
        raise MapError([Problem("invalid-value", "error", (), message)])
    _check(semantics, max_size)
    goal = _target(map, target)
    framework = translate(map)
    sub = _Sub(framework, goal, keep_all=semantics == "stable")
    candidates = sorted(id for id in map.statements if id in sub.index and id != goal)
    t = sub.index[goal]
    if semantics == "grounded":
        base = bytearray(len(sub.names))
        sub.relabel(base, list(range(len(sub.names))), {})
        before = base[t]
        found = _grounded(sub, base, t, [sub.index[c] for c in candidates], max_size)
    else:
        base_labels = _dung(sub, {}, semantics)
        before = base_labels[t]
        found = _general(sub, t, before, [sub.index[c] for c in candidates], max_size, semantics)
    result = []
    for position, label in found:
        named = tuple((sub.names[i], v) for i, v in position)
        result.append((named, label))
    result.sort(key=lambda item: _order(item[0]))
    return [
        Crux(
            goal,
            frozenset(id for id, v in named if v),
            frozenset(id for id, v in named if not v),
            _NAMES[label],
            _NAMES[before],
        )
        for named, label in result
    ]


def _contains_crux(
    position: tuple[tuple[int, bool], ...], found: set[tuple[tuple[int, bool], ...]]
) -> bool:
    """Whether some proper subset of ``position`` (kept in candidate order) was found."""
    return any(
        sub in found for size in range(1, len(position)) for sub in combinations(position, size)
    )


def _grounded(
    sub: _Sub, base: bytearray, t: int, candidates: list[int], max_size: int
) -> list[tuple[tuple[tuple[int, bool], ...], int]]:
    before = base[t]
    found: set[tuple[tuple[int, bool], ...]] = set()
    out: list[tuple[tuple[tuple[int, bool], ...], int]] = []
    for size in range(1, max_size + 1):
        level: list[tuple[tuple[tuple[int, bool], ...], int]] = []

        def walk(
            labels: bytearray,
            start: int,
            prefix: tuple[tuple[int, bool], ...],
            clamps: dict[int, int],
            size: int = size,
            level: list[tuple[tuple[tuple[int, bool], ...], int]] = level,
        ) -> None:
            for k in range(start, len(candidates) - (size - len(prefix)) + 1):
                c = candidates[k]
                for value in (True, False):
                    position = (*prefix, (c, value))
                    if position in found or _contains_crux(position, found):
                        continue
                    clamp = _IN if value else _OUT
                    if labels[c] == clamp:
                        if len(position) < size:  # same labels, deeper positions differ
                            walk(labels, k + 1, position, {**clamps, c: clamp})
                        continue  # same labels as a smaller position: not minimal or no change
                    now = bytearray(labels)
                    more = {**clamps, c: clamp}
                    sub.relabel(now, sub.descendants(c), more)
                    if len(position) < size:
                        walk(now, k + 1, position, more)
                    elif now[t] != before:
                        level.append((position, now[t]))

        walk(base, 0, (), {})
        found.update(position for position, _ in level)
        out.extend(level)
    return out


def _dung(sub: _Sub, position: dict[int, bool], semantics: Semantics) -> list[int]:
    """The sceptical labels of the sub-framework with ``position`` applied as
    :func:`argmap.translate` applies one."""
    names = sub.names
    arguments = list(names)
    mark = "\x1f" * (max(map(len, names), default=0) + 1)  # longer than any name
    attacks = [
        (names[a], names[b])
        for b, atts in enumerate(sub.attackers)
        if not position.get(b, False)
        for a in atts
    ]
    for i, value in position.items():
        if not value:
            rejected = mark + str(i)
            arguments.append(rejected)
            attacks.append((rejected, names[i]))
    labelling = ArgumentationFramework(arguments, attacks).skeptical_labelling(semantics)
    return [
        _IN if name in labelling.in_ else _OUT if name in labelling.out else _UNDEC
        for name in names
    ]


def _general(
    sub: _Sub, t: int, before: int, candidates: list[int], max_size: int, semantics: Semantics
) -> list[tuple[tuple[tuple[int, bool], ...], int]]:
    found: set[tuple[tuple[int, bool], ...]] = set()
    out: list[tuple[tuple[tuple[int, bool], ...], int]] = []
    for size in range(1, max_size + 1):
        level = []
        for chosen in combinations(candidates, size):
            for values in _assignments(size):
                position = tuple(zip(chosen, values, strict=True))
                if _contains_crux(position, found):
                    continue
                label = _dung(sub, dict(position), semantics)[t]
                if label != before:
                    level.append((position, label))
        found.update(position for position, _ in level)
        out.extend(level)
    return out


def _assignments(size: int) -> list[tuple[bool, ...]]:
    if size == 0:
        return [()]
    return [(v, *rest) for v in (True, False) for rest in _assignments(size - 1)]
