"""Gradual semantics of quantitative bipolar argumentation frameworks (QBAFs).

A :class:`QBAF` has arguments, a base score in [0, 1] for each, and two binary
relations between them, attack and support (P. Baroni, M. Romano, F. Toni,
M. Aurisicchio, G. Bertanza, "Automatic evaluation of design alternatives with
quantitative argumentation", *Argument & Computation* 6(1), 2015;
P. Baroni, A. Rago, F. Toni, "From fine-grained properties to broad principles for
gradual argumentation: a principled spectrum", *Int. J. Approx. Reasoning* 105,
2019). A gradual semantics gives each argument a *strength* in [0, 1] from
its base score and the strengths of its attackers and supporters. It knows nothing of
argument maps: :mod:`argmap.strengths` translates a map into a QBAF.

Every semantics here is *modular* (T. Mossakowski, F. Neuhaus, "Modular semantics and
characteristics for bipolar weighted argumentation graphs", arXiv, 2018):
an *update rule* ``f(base, attackers, supporters)`` aggregates the neighbours'
strengths and combines the aggregate with the base score. :func:`strengths` solves
``s = f(s)``:

* **Acyclic graphs** are exact: one pass in topological order (A. B. Kahn,
  "Topological sorting of large networks", *CACM* 5(11), 1962), each argument
  evaluated once, after everything it depends on.
* **Cycles** have no evaluation order. Each strongly connected component (R. Tarjan,
  "Depth-first search and linear graph algorithms", *SIAM J. Comput.* 1(2), 1972)
  is settled, after the components it depends on, by following N. Potyka's continuous
  dynamical system ``ds/dt = f(s) - s`` from the base scores ("Continuous dynamical
  systems for weighted bipolar argumentation", *KR* 2018) with the classical
  fourth-order Runge-Kutta method, until no argument's ``|f(s) - s|`` exceeds the
  tolerance. Its fixed points are exactly the solutions of ``s = f(s)``; the
  continuous route avoids the oscillation of the plain iteration ``s <- f(s)`` on
  cycles. When a graph has several fixed points, the one reached can depend on
  the route; settling components one after another (rather than all at once) is our
  choice of route.

Inside, arguments are integer positions and strengths a plain list of floats, so each
pass is linear in the size of the graph; no graph walk recurses.
"""

from __future__ import annotations

import functools
import math
import numbers
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence

import attrs

from argmap._algorithms import peel, strongly_connected
from argmap.errors import ConvergenceError, MapError
from argmap.model import FrozenDict, short_repr
from argmap.report import Problem

__all__ = ["QBAF", "SEMANTICS", "ConvergenceError", "strengths", "update_rule"]

SEMANTICS: tuple[str, ...] = ("df-quad", "quad", "euler", "quadratic-energy", "h-categoriser")
"""The semantics :func:`strengths` knows, by name."""

#: ``rule(base, attackers, supporters, strengths)``: the updated strength of one argument,
#: from its base score, the positions of its attackers and supporters and all strengths.
_UpdateRule = Callable[[float, list[int], list[int], list[float]], float]


# --------------------------------------------------------------------------------------
# The framework
# --------------------------------------------------------------------------------------


def _names(value: Iterable[str]) -> tuple[str, ...]:
    """The argument names as a tuple; anything that is not an iterable becomes a tuple
    of itself, for :func:`_name_problems` to refuse."""
    if isinstance(value, str) or not isinstance(value, Iterable):
        return (value,)
    return tuple(value)


def _scores(value: Mapping[str, float]) -> FrozenDict[str, float]:
    """The base scores, frozen; anything that is not a mapping is kept, to be refused."""
    if isinstance(value, FrozenDict) or not isinstance(value, Mapping):
        return value
    return FrozenDict(value)


def _relation(value: Iterable[Sequence[str]]) -> tuple[tuple[str, str], ...]:
    """Pairs of names as tuples, duplicates dropped (a relation is a set); a relation
    that is not an iterable of pairs of strings raises."""
    pairs: dict[tuple[str, str], None] = {}
    malformed: list[Problem] = []
    items = value if isinstance(value, Iterable) and not isinstance(value, str) else [value]
    for pair in items:
        if (
            isinstance(pair, str)
            or not isinstance(pair, Sequence)
            or len(pair) != 2
            or not all(isinstance(name, str) for name in pair)
        ):
            message = f"relation {short_repr(pair)} is not a pair (source, target) of names."
            malformed.append(Problem("invalid-relation", "error", (), message))
        else:
            pairs[pair[0], pair[1]] = None
    if malformed:
        raise MapError(malformed)
    return tuple(pairs)


@attrs.frozen
class QBAF:
    """A quantitative bipolar argumentation framework (Baroni et al. 2015).

    ``arguments`` are names; ``base`` gives every argument its base score (intrinsic
    strength) in [0, 1]; ``attacks`` and ``supports`` are (source, target) pairs,
    attacker or supporter first. Relations are sets: a repeated pair counts once. A
    pair may be both an attack and a support; each then counts in its own aggregate.

    Raises :class:`~argmap.errors.MapError` listing every problem at once: a name
    given twice (``duplicate-id``), a base score or relation naming an unknown argument
    (``unknown-reference``), an argument without a base score (``missing-base-score``),
    a base score that is not a number in [0, 1] (``invalid-base-score``); a relation
    item that is not a pair raises one for its relation (``invalid-relation``).
    """

    arguments: tuple[str, ...] = attrs.field(converter=_names)
    base: Mapping[str, float] = attrs.field(converter=_scores)
    attacks: tuple[tuple[str, str], ...] = attrs.field(default=(), converter=_relation)
    supports: tuple[tuple[str, str], ...] = attrs.field(default=(), converter=_relation)

    def __attrs_post_init__(self) -> None:
        malformed = list(_name_problems(self.arguments, self.base))
        if malformed:
            raise MapError(malformed)
        problems = [
            *_duplicate_problems(self.arguments),
            *_base_problems(self.arguments, self.base),
            *_unknown_problems(self.arguments, "attack", self.attacks),
            *_unknown_problems(self.arguments, "support", self.supports),
        ]
        if problems:
            raise MapError(problems)

    @functools.cached_property
    def _graph(self) -> _Graph:
        return _Graph.of(self)


def _name_problems(arguments: tuple[str, ...], base: object) -> Iterator[Problem]:
    """Names that are not strings and base scores not given as a mapping of names."""
    for name in arguments:
        if not isinstance(name, str):
            message = f"argument name {short_repr(name)} is not a string."
            yield Problem("invalid-value", "error", (), message)
    if not isinstance(base, Mapping):
        message = f"the base scores are {short_repr(base)}, not a mapping of names to numbers."
        yield Problem("invalid-base-score", "error", (), message)


def _duplicate_problems(arguments: tuple[str, ...]) -> Iterator[Problem]:
    for name, times in Counter(arguments).items():
        if times > 1:
            message = f"argument {name!r} is given {times} times."
            yield Problem("duplicate-id", "error", (name,), message)


def _base_problems(arguments: tuple[str, ...], base: Mapping[str, float]) -> Iterator[Problem]:
    known = set(arguments)
    for name, score in base.items():
        if name not in known:
            message = f"a base score is given for unknown argument {name!r}."
            yield Problem("unknown-reference", "error", (name,), message)
        elif not _is_score(score):
            message = (
                f"argument {name!r} has base score {short_repr(score)}, not a number in [0, 1]."
            )
            yield Problem("invalid-base-score", "error", (name,), message)
    for name in dict.fromkeys(arguments):
        if name not in base:
            message = f"argument {name!r} has no base score."
            yield Problem("missing-base-score", "error", (name,), message)


def _is_score(value: object) -> bool:
    return (
        isinstance(value, numbers.Real)
        and not isinstance(value, bool)
        and 0.0 <= float(value) <= 1.0
    )


def _unknown_problems(
    arguments: tuple[str, ...], kind: str, pairs: tuple[tuple[str, str], ...]
) -> Iterator[Problem]:
    """One problem per unknown name, at its first use in this relation."""
    known = set(arguments)
    reported: set[str] = set()
    for source, target in pairs:
        for name in (source, target):
            if name not in known and name not in reported:
                reported.add(name)
                message = f"{kind} {source!r} -> {target!r} names unknown argument {name!r}."
                yield Problem("unknown-reference", "error", (name,), message)


@attrs.frozen(eq=False)
class _Graph:
    """A QBAF by position: names, base scores, attacker and supporter positions."""

    names: tuple[str, ...]
    base: list[float]
    attackers: list[list[int]]
    supporters: list[list[int]]

    @classmethod
    def of(cls, qbaf: QBAF) -> _Graph:
        position = {name: index for index, name in enumerate(qbaf.arguments)}
        return cls(
            names=qbaf.arguments,
            base=[float(qbaf.base[name]) for name in qbaf.arguments],
            attackers=_incoming(len(position), position, qbaf.attacks),
            supporters=_incoming(len(position), position, qbaf.supports),
        )

    @functools.cached_property
    def attack_plan(self) -> _Plan:
        """The plan when only attacks count (the h-categoriser)."""
        return _Plan.of(self.attackers)

    @functools.cached_property
    def bipolar_plan(self) -> _Plan:
        """The plan when attacks and supports count."""
        pairs = zip(self.attackers, self.supporters, strict=True)
        return _Plan.of([attackers + supporters for attackers, supporters in pairs])


def _incoming(
    size: int, position: dict[str, int], pairs: tuple[tuple[str, str], ...]
) -> list[list[int]]:
    incoming: list[list[int]] = [[] for _ in range(size)]
    for source, target in pairs:
        incoming[position[target]].append(position[source])
    return incoming


# --------------------------------------------------------------------------------------
# The semantics: one update rule each
# --------------------------------------------------------------------------------------


def _probabilistic_sum(positions: list[int], values: list[float]) -> float:
    """``1 - prod(1 - v)``: the product aggregation of DF-QuAD, 0 for no values."""
    remaining = 1.0
    for position in positions:
        remaining *= 1.0 - values[position]
    return 1.0 - remaining


def _total(positions: list[int], values: list[float]) -> float:
    return math.fsum(map(values.__getitem__, positions))


def _df_quad(base: float, attackers: list[int], supporters: list[int], s: list[float]) -> float:
    """DF-QuAD (A. Rago, F. Toni, M. Aurisicchio, P. Baroni, "Discontinuity-free
    decision support with quantitative argumentation debates", *KR* 2016).

    Attackers and supporters are aggregated separately by
    ``F(v1, ..., vn) = 1 - (1 - v1)···(1 - vn)`` (``F() = 0``) into ``va`` and ``vs``;
    then ``c(v0, va, vs) = v0 - v0·(va - vs)`` when ``va >= vs``, else
    ``v0 + (1 - v0)·(vs - va)``.
    """
    attack = _probabilistic_sum(attackers, s)
    support = _probabilistic_sum(supporters, s)
    if attack >= support:
        return base - base * (attack - support)
    return base + (1.0 - base) * (support - attack)


def _quad(base: float, attackers: list[int], supporters: list[int], s: list[float]) -> float:
    """QuAD (P. Baroni, M. Romano, F. Toni, M. Aurisicchio, G. Bertanza, "Automatic
    evaluation of design alternatives with quantitative argumentation", *Argument &
    Computation* 6(1), 2015).

    Attacks weaken the base score one by one, ``v0·(1 - v1)···(1 - vn)``; supports
    strengthen it, ``1 - (1 - v0)·(1 - v1)···(1 - vn)``. With only attackers the
    strength is the first value, with only supporters the second, with both their
    mean, with neither the base score.
    """
    if not attackers and not supporters:
        return base
    attacked = base * (1.0 - _probabilistic_sum(attackers, s))
    supported = base + (1.0 - base) * _probabilistic_sum(supporters, s)
    if not supporters:
        return attacked
    if not attackers:
        return supported
    return (attacked + supported) / 2.0


def _euler(base: float, attackers: list[int], supporters: list[int], s: list[float]) -> float:
    """Euler-based semantics (L. Amgoud, J. Ben-Naim, "Evaluation of arguments in
    weighted bipolar graphs", *ECSQARU* 2017).

    ``1 - (1 - w²) / (1 + w·e^E)`` with ``E`` the sum of the supporters' strengths minus
    the sum of the attackers'. Computed as ``w² + (1 - w²)·σ(ln w + E)``, the same value
    (``σ`` the logistic function), which never overflows. It follows that a strength
    never falls below ``w²``. With ``E = 0`` the formula reduces to ``w``, returned as is.
    """
    energy = _total(supporters, s) - _total(attackers, s)
    if energy == 0.0 or base <= 0.0:
        return base
    square = base * base
    return square + (1.0 - square) * _logistic(math.log(base) + energy)


def _logistic(x: float) -> float:
    if x >= 0.0:
        return 1.0 / (1.0 + math.exp(-x))
    tail = math.exp(x)
    return tail / (1.0 + tail)


def _quadratic_energy(
    base: float, attackers: list[int], supporters: list[int], s: list[float]
) -> float:
    """Quadratic energy (N. Potyka, "Continuous dynamical systems for weighted bipolar
    argumentation", *KR* 2018).

    With ``E`` the sum of the supporters' strengths minus the sum of the attackers' and
    ``h(x) = x² / (1 + x²)``: ``w + (1 - w)·h(E)`` when ``E > 0``, else ``w - w·h(-E)``.
    """
    energy = _total(supporters, s) - _total(attackers, s)
    if energy > 0.0:
        return base + (1.0 - base) * _saturation(energy)
    return base - base * _saturation(-energy)


def _saturation(x: float) -> float:
    square = x * x
    return square / (1.0 + square)


def _h_categoriser(
    base: float, attackers: list[int], supporters: list[int], s: list[float]
) -> float:
    """The h-categoriser with base scores: ``w / (1 + sum of the attackers' strengths)``.

    P. Besnard, A. Hunter, "A logic-based theory of deductive arguments", *Artificial
    Intelligence* 128, 2001 (``1 / (1 + sum)``, on acyclic graphs); generalised to
    every graph as the unique fixed point by F. Pu, J. Luo, Y. Zhang, G. Luo, "Argument
    ranking with categoriser function", *KSEM* 2014; weighted by base scores by
    L. Amgoud, J. Ben-Naim, D. Doder, S. Vesic, "Acceptability semantics for weighted
    argumentation frameworks", *IJCAI* 2017 (weighted h-categoriser). It is a semantics
    of attack only: **supports are ignored**.
    """
    return base / (1.0 + _total(attackers, s))


_RULES: dict[str, _UpdateRule] = {
    "df-quad": _df_quad,
    "quad": _quad,
    "euler": _euler,
    "quadratic-energy": _quadratic_energy,
    "h-categoriser": _h_categoriser,
}


# --------------------------------------------------------------------------------------
# Evaluation
# --------------------------------------------------------------------------------------


def strengths(
    qbaf: QBAF,
    *,
    semantics: str = "df-quad",
    tolerance: float = 1e-9,
    max_iterations: int = 100_000,
) -> dict[str, float]:
    """The strength in [0, 1] of every argument of ``qbaf``, by name, in its order.

    ``semantics`` is one of :data:`SEMANTICS`: ``"df-quad"`` (Rago et al., KR 2016),
    ``"quad"`` (Baroni et al., Argument & Computation 2015), ``"euler"`` (Amgoud and
    Ben-Naim, ECSQARU 2017), ``"quadratic-energy"`` (Potyka, KR 2018) or
    ``"h-categoriser"`` (Besnard and Hunter 2001, Pu et al. 2014, with base scores as
    Amgoud et al., IJCAI 2017; it ignores supports). Each rule's docstring gives its
    definition.

    Acyclic graphs are evaluated exactly in one pass. Each cycle is settled by Runge-Kutta
    integration of Potyka's continuous dynamics (see the module docstring) until every
    ``|f(s) - s|`` in it is at most ``tolerance``; a cycle that needs more than
    ``max_iterations`` steps raises :class:`ConvergenceError`. Raises
    :class:`~argmap.errors.MapError` for an unknown semantics (``unknown-semantics``), a
    tolerance that is not a positive number or ``max_iterations`` that is not an integer
    of at least 1 (``invalid-value``).
    """
    if not isinstance(qbaf, QBAF):
        message = f"expected a QBAF, got {short_repr(qbaf)}."
        raise MapError([Problem("invalid-value", "error", (), message)])
    rule = _rule(semantics)
    limits = []
    if not (_is_number(tolerance) and tolerance > 0.0):
        limits.append(f"tolerance must be a positive number, got {short_repr(tolerance)}.")
    if not (_is_number(max_iterations) and isinstance(max_iterations, int) and max_iterations >= 1):
        message = (
            f"max_iterations must be an integer of at least 1, got {short_repr(max_iterations)}."
        )
        limits.append(message)
    if limits:
        raise MapError(Problem("invalid-value", "error", (), message) for message in limits)
    graph = qbaf._graph
    plan = graph.attack_plan if semantics == "h-categoriser" else graph.bipolar_plan
    evaluation = _Evaluation(graph, rule)
    evaluation.in_order(plan.order)
    for component in plan.components:
        if len(component) > 1 or component[0] in plan.depends[component[0]]:
            step = _step_size(plan.depends, component)
            evaluation.settle(component, step, semantics, tolerance, max_iterations)
        else:
            evaluation.in_order(component)
    return dict(zip(graph.names, evaluation.values, strict=True))


def _is_number(value: object) -> bool:
    return isinstance(value, numbers.Real) and not isinstance(value, bool)


def update_rule(semantics: str) -> Callable[[float, list[int], list[int], list[float]], float]:
    """The update rule of ``semantics`` (one of :data:`SEMANTICS`):
    ``rule(base, attackers, supporters, strengths)`` is the strength of one argument from
    its base score, the positions of its attackers and supporters, and every argument's
    strength by position. :func:`strengths` applies it in topological order; a caller
    that changes one base score can re-apply it to what lies downstream only (as
    :func:`argmap.sensitivity.fragility` does). Raises ``MapError``
    (``unknown-semantics``) for an unknown name."""
    return _rule(semantics)


def _rule(semantics: str) -> _UpdateRule:
    if not isinstance(semantics, str) or semantics not in _RULES:
        expected = ", ".join(repr(name) for name in SEMANTICS)
        message = f"unknown semantics {short_repr(semantics)}: expected one of {expected}."
        raise MapError([Problem("unknown-semantics", "error", (), message)])
    return _RULES[semantics]


@attrs.frozen(eq=False)
class _Plan:
    """How to evaluate a graph: ``depends[i]`` lists the positions that position ``i``
    depends on; ``order`` is the acyclic part in topological order, ``components`` the
    rest as strongly connected components, each after those it depends on."""

    depends: list[list[int]]
    order: list[int]
    components: list[list[int]]

    @classmethod
    def of(cls, depends: list[list[int]]) -> _Plan:
        dependents: list[list[int]] = [[] for _ in depends]
        for position, sources in enumerate(depends):
            for source in sources:
                dependents[source].append(position)
        order, remainder = peel(dependents)
        return cls(depends, order, strongly_connected(depends, remainder))


class _Evaluation:
    """Strengths being computed: the update rule applied to positions of a graph."""

    def __init__(self, graph: _Graph, rule: _UpdateRule) -> None:
        self.graph = graph
        self.rule = rule
        self.values = list(graph.base)

    def in_order(self, positions: list[int]) -> None:
        """Apply the rule once to each position, in turn: exact in topological order."""
        rule, values = self.rule, self.values
        base, attackers, supporters = self.graph.base, self.graph.attackers, self.graph.supporters
        for p in positions:
            values[p] = rule(base[p], attackers[p], supporters[p], values)

    def slopes(self, members: list[int]) -> list[float]:
        """``f(s) - s`` for each member: the right-hand side of Potyka's dynamics."""
        rule, values = self.rule, self.values
        base, attackers, supporters = self.graph.base, self.graph.attackers, self.graph.supporters
        return [rule(base[p], attackers[p], supporters[p], values) - values[p] for p in members]

    def settle(
        self, members: list[int], step: float, semantics: str, tolerance: float, limit: int
    ) -> None:
        """Integrate ``ds/dt = f(s) - s`` over a cyclic component until it rests.

        Gives up (:class:`ConvergenceError`) after ``limit`` steps, or as soon as the
        dynamics are seen to circle instead of settling (see :class:`_Progress`)."""
        iterations = 0
        progress = _Progress()
        while True:
            slopes = self.slopes(members)
            change = max(map(abs, slopes))
            if change <= tolerance:
                return
            if iterations == limit or progress.stalled(iterations, change):
                names = [self.graph.names[position] for position in sorted(members)]
                raise ConvergenceError(semantics, iterations, change, tolerance, names)
            self._runge_kutta(members, slopes, step)
            iterations += 1

    def _runge_kutta(self, members: list[int], k1: list[float], step: float) -> None:
        """One classical fourth-order Runge-Kutta step; ``k1`` are the current slopes."""
        start = [self.values[position] for position in members]
        self._move(members, start, k1, step / 2.0)
        k2 = self.slopes(members)
        self._move(members, start, k2, step / 2.0)
        k3 = self.slopes(members)
        self._move(members, start, k3, step)
        k4 = self.slopes(members)
        mean = [
            (a + 2.0 * b + 2.0 * c + d) / 6.0 for a, b, c, d in zip(k1, k2, k3, k4, strict=True)
        ]
        self._move(members, start, mean, step)

    def _move(
        self, members: list[int], start: list[float], slopes: list[float], step: float
    ) -> None:
        """``s = start + step·slopes``, kept in [0, 1]: the exact flow never leaves it,
        and the clamp keeps every rule's arithmetic in its domain."""
        values = self.values
        for position, origin, slope in zip(members, start, slopes, strict=True):
            values[position] = min(1.0, max(0.0, origin + step * slope))


class _Progress:
    """Watches the largest ``|f(s) - s|`` of a component, step by step, for a stall.

    Steps are cut into windows that double in length (1,024 steps, then 2,048, ...).
    When the smallest change seen in a window is not 10% below the smallest of the
    window before, the dynamics circle (a limit cycle) rather than settle, and no step
    budget would help: each doubling of the steps must at least shave 10% off the change
    to approach a tolerance at all (even the slow, algebraic approach ``1/t**2`` divides
    it by four). Without this, a small cycle that never settles took the whole budget
    (100,000 Runge-Kutta steps, seconds) before saying so.
    """

    def __init__(self) -> None:
        self.end = 1024
        self.least = math.inf
        self.before = math.inf

    def stalled(self, iterations: int, change: float) -> bool:
        self.least = min(self.least, change)
        if iterations < self.end:
            return False
        stalled = self.least > 0.9 * self.before
        self.before, self.least, self.end = self.least, math.inf, 2 * self.end
        return stalled


def _step_size(depends: list[list[int]], members: list[int]) -> float:
    """The Runge-Kutta step for a component: 1, or less when an argument depends on
    many others of the component.

    Every rule moves by at most 1 per unit move of one neighbour, so the eigenvalues of
    the Jacobian of ``f(s) - s`` lie within ``d`` of -1, ``d`` being the component's
    largest in-degree. The step ``min(1, 2 / (1 + d))`` scales that disc to the size of
    the method's stability region: a heuristic, as a component whose dynamics are
    themselves unstable settles at no step.
    """
    inside = set(members)
    degree = max(sum(1 for source in depends[position] if source in inside) for position in members)
    return min(1.0, 2.0 / (1.0 + degree))
