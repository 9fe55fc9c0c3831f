"""How much a gradual strength depends on the base scores, and where it is fragile.

Base scores are conventions (:data:`argmap.strengths.DEFAULT_BASES`) or guesses, so a
strength means little until one knows how it moves with them. :func:`sensitivity` gives
the derivative of one node's strength with respect to every statement's and inference's
base score; :func:`fragility` lists what makes an evaluation fragile: saturated support,
a gradual verdict that disagrees with the grounded one, a verdict that a small change of
the base scores flips, and how many base scores are defaults.

The derivatives are exact, not estimated by finite differences. The strengths ``s`` are
a solution of ``s = f(s, b)`` (``f`` the semantics' update rules, ``b`` the base scores;
see :mod:`argmap.gradual`), so by the implicit function theorem (e.g. W. Rudin,
*Principles of Mathematical Analysis*, 3rd ed., 1976, Thm 9.28), wherever ``I - J`` is
invertible (``J = df/ds``)::

    ds_t/db = e_t^T (I - J)^-1 df/db = lambda^T df/db,   with  (I - J)^T lambda = e_t.

``df/db`` is diagonal (each rule reads only its own base score), so one *adjoint*
vector ``lambda`` gives every derivative at once: reverse-mode differentiation
(A. Griewank, A. Walther, *Evaluating Derivatives*, 2nd ed., SIAM 2008, ch. 3). The
system is block triangular in the order :mod:`argmap.gradual` evaluates: acyclic parts
are solved by one pass in reverse topological order, each strongly connected component
by Gaussian elimination with partial pivoting on its own (sparse) block. The cost is
linear in the size of the map outside cycles, whatever the number of statements asked
about.

The partial derivatives of every rule (DF-QuAD, QuAD, Euler-based, quadratic energy,
h-categoriser) are derived here from the published formulas that :mod:`argmap.gradual`
implements, not taken from its private functions. Only DF-QuAD has a kink, where the
attack aggregate equals the support aggregate; there we use the branch
:mod:`argmap.gradual` itself evaluates (attack >= support: ``v0 - v0·(va - vs)``), that
is, the one-sided derivative towards more attack. In particular a DF-QuAD argument whose
attackers and supporters all have strength 0 counts as on the attack side.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from argmap._algorithms import peel, strongly_connected
from argmap.errors import MapError
from argmap.gradual import QBAF, update_rule
from argmap.gradual import strengths as qbaf_strengths
from argmap.model import ArgumentMap, short_repr
from argmap.report import Problem
from argmap.semantics import evaluate
from argmap.strengths import strengths, to_qbaf

__all__ = ["SATURATION", "fragility", "sensitivity"]

SATURATION = 0.99
"""A support aggregate at or above which :func:`fragility` calls a node's support
saturated: more, or weaker, reasons barely move it."""

_STEP = 0.1
"""How far :func:`fragility` moves base scores to look for a flipping verdict."""

_ACROSS = "to the other side of 0.5 (above, at or below)"

_Partials = tuple[float, list[tuple[int, float]]]
"""``(df/db, [(j, df/ds_j), ...])`` for one argument's update rule."""


# --------------------------------------------------------------------------------------
# The public functions
# --------------------------------------------------------------------------------------


def sensitivity(
    map: ArgumentMap,
    target: str | None = None,
    *,
    semantics: str = "df-quad",
    base: Mapping[str, float] | None = None,
    fixed: Mapping[str, bool] | None = None,
) -> dict[str, float]:
    """The derivative of ``target``'s strength with respect to the base score of every
    statement and inference of ``map``, by id: how much the strength moves per unit
    change of each base score (``base`` and ``fixed`` as for
    :func:`argmap.strengths.strengths`).

    ``target`` is a statement or inference id, by default the map's first thesis. The
    result is ranked: largest ``|derivative|`` first, ties in map order (statements,
    then inferences). A statement ``fixed`` by the position has derivative 0: its base
    score no longer counts. The derivatives are exact (see the module docstring); at a
    DF-QuAD kink they are one-sided.

    Raises :class:`~argmap.errors.MapError`: ``unknown-reference`` for a target that
    is not a statement or inference of the map, or for no target on a map without a
    thesis (with several, the first is the target); ``invalid-value`` for a ``map``
    that is not an ArgumentMap;
    ``not-differentiable`` when a cycle's fixed point is degenerate (``I - J``
    singular); otherwise as :func:`argmap.strengths.strengths`.
    :class:`~argmap.errors.ConvergenceError` when a cycle does not settle.
    """
    target = _target(map, target)
    qbaf = to_qbaf(map, base=base, fixed=fixed)
    model = _Model(qbaf, semantics)
    gradient = model.gradient(model.position[target])
    ids = [*map.statements, *map.inferences]
    pinned = set(fixed or {})
    result = {id: 0.0 if id in pinned else gradient[model.position[id]] for id in ids}
    ranked = sorted(result, key=lambda id: -abs(result[id]))  # stable: ties in map order
    return {id: result[id] for id in ranked}


def fragility(
    map: ArgumentMap,
    target: str | None = None,
    *,
    semantics: str = "df-quad",
    base: Mapping[str, float] | None = None,
    fixed: Mapping[str, bool] | None = None,
) -> tuple[Problem, ...]:
    """What makes ``target``'s gradual strength fragile, as problems (``target``,
    ``base`` and ``fixed`` as for :func:`sensitivity`):

    * ``support-saturated`` (warning): a statement or inference that ``target``
      depends on (or the target) whose support aggregate is at least
      :data:`SATURATION`, so that more or weaker reasons (for an inference: weaker
      linked premises) barely move it. The aggregate is the semantics' own: DF-QuAD's and
      QuAD's ``1 - (1 - v1)···(1 - vn)`` over the supporters; for the Euler-based
      semantics ``σ(ln w + sum of the supporters)`` and for quadratic energy
      ``h(sum of the supporters)``, the share of the rule's upward range the supports
      use; never for the h-categoriser, which ignores supports.
    * ``verdicts-disagree`` (warning): the target is ``in`` under grounded semantics
      (:func:`argmap.semantics.evaluate`, with ``fixed`` as the position) but its
      strength is below 0.5, or ``out`` but above 0.5.
    * ``verdict-flips`` (warning): moving one statement's base score by 0.1 up or down
      (kept in [0, 1]), or every statement's and inference's together, moves the
      target's strength to the other side of 0.5 (above, at, below). One problem per
      statement that does (its ids: the statement, then the target unless it is the
      statement), and one for each joint move that does (its ids: the target).
    * ``default-bases`` (info): how many base scores are defaults
      (:attr:`argmap.strengths.Strengths.defaults`), naming them.

    Cost: on an acyclic map, each single move re-evaluates only what lies between the
    moved statement and the target (the length of a path, in a tree), plus three whole
    evaluations; with cycles, ``2·(statements) + 3`` whole evaluations (quadratic in
    all). :func:`sensitivity` alone is linear.

    Raises as :func:`sensitivity` does.
    """
    target = _target(map, target)
    weights = strengths(map, semantics=semantics, base=base, fixed=fixed)
    qbaf = to_qbaf(map, base=base, fixed=fixed)
    model = _Model(qbaf, semantics)
    problems = [*_saturated(map, model, target)]
    strength = weights[target]
    label = evaluate(map, position=fixed).labels[target]
    if (label == "in" and strength < 0.5) or (label == "out" and strength > 0.5):
        message = (
            f"{target!r} is {label} under grounded semantics but its {semantics} strength "
            f"is {strength:.4f}, on the other side of 0.5."
        )
        problems.append(Problem("verdicts-disagree", "warning", (target,), message))
    problems.extend(_flips(map, qbaf, model, target, strength, set(fixed or {})))
    if weights.defaults:
        shown = ", ".join(repr(id) for id in weights.defaults[:5])
        more = len(weights.defaults) - 5
        rest = f" and {more} more" if more > 0 else ""
        message = (
            f"{len(weights.defaults)} of {len(weights)} base scores are defaults "
            f"(by stance for statements): {shown}{rest}."
        )
        problems.append(Problem("default-bases", "info", weights.defaults, message))
    return tuple(problems)


# --------------------------------------------------------------------------------------
# Helpers of the public functions
# --------------------------------------------------------------------------------------


def _target(map: ArgumentMap, target: object) -> str:
    """The target: given (a statement or inference of the map), else the first thesis."""
    if not isinstance(map, ArgumentMap):
        message = f"expected an ArgumentMap, got {short_repr(map)}."
        raise MapError([Problem("invalid-value", "error", (), message)])
    if target is None:
        if not map.theses:
            message = "the map has no thesis, so a target must be named."
            raise MapError([Problem("unknown-reference", "error", (), message)])
        return map.theses[0]
    if not isinstance(target, str) or (
        target not in map.statements and target not in map.inferences
    ):
        ids = (target,) if isinstance(target, str) else ()
        message = f"the target {short_repr(target)} is not a statement or inference of the map."
        raise MapError([Problem("unknown-reference", "error", ids, message)])
    return target


def _saturated(map: ArgumentMap, model: _Model, target: str) -> list[Problem]:
    """``support-saturated`` for each statement the target depends on (itself included)."""
    upstream = model.upstream(model.position[target])
    found = []
    for id in [*map.statements, *map.inferences]:
        p = model.position[id]
        if p not in upstream or not model.supporters[p]:
            continue
        aggregate = model.support_aggregate(p)
        if aggregate >= SATURATION:
            about = "" if id == target else f", on which {target!r} depends,"
            if id in map.statements:
                what, weaker = "the support of", "more or weaker reasons for it"
            else:
                what, weaker = "the premises' support of the inference", "weaker premises"
            message = (
                f"{what} {id!r}{about} is saturated ({aggregate:.4f}): {weaker} barely move it."
            )
            ids = (id,) if id == target else (id, target)
            found.append(Problem("support-saturated", "warning", ids, message))
    return found


def _side(strength: float) -> int:
    """Which side of 0.5 a strength is on: 1 above, -1 below, 0 at (within 1e-9)."""
    return 0 if abs(strength - 0.5) <= 1e-9 else (1 if strength > 0.5 else -1)


def _flips(
    map: ArgumentMap,
    qbaf: QBAF,
    model: _Model,
    target: str,
    strength: float,
    fixed: set[str],
) -> list[Problem]:
    """``verdict-flips``: single statements, then all bases together, moved by ±0.1.

    A single move can only change what depends on the moved statement; on an acyclic
    graph only that part is re-evaluated, in topological order, with the semantics' own
    update rule (:func:`argmap.gradual.update_rule`), so the result is the one
    :func:`argmap.gradual.strengths` gives and the cost is the size of that part. A
    statement the target does not depend on cannot move it and is not tried. A graph
    with cycles is re-evaluated whole for every move."""
    semantics = model.semantics
    side = _side(strength)
    scores = dict(qbaf.base)

    def moved(changes: Mapping[str, float]) -> float:
        evaluated = QBAF(qbaf.arguments, {**scores, **changes}, qbaf.attacks, qbaf.supports)
        return qbaf_strengths(evaluated, semantics=semantics)[target]

    single = _SingleMoves(model, target)
    found = []
    for id in map.statements:
        if id in fixed or not single.reaches(id):
            continue
        for sign in (1.0, -1.0):
            value = min(1.0, max(0.0, scores[id] + sign * _STEP))
            if value == scores[id]:
                continue
            after = single.moved(id, value) if single.acyclic else moved({id: value})
            if _side(after) != side:
                message = (
                    f"moving the base score of {id!r} from {scores[id]:.2f} to {value:.2f} "
                    f"moves {target!r} from {strength:.4f} to {after:.4f}, {_ACROSS}."
                )
                ids = (id,) if id == target else (id, target)
                found.append(Problem("verdict-flips", "warning", ids, message))
                break
    free = [id for id in [*map.statements, *map.inferences] if id not in fixed]
    for sign in (1.0, -1.0):
        changes = {id: min(1.0, max(0.0, scores[id] + sign * _STEP)) for id in free}
        after = moved(changes)
        if _side(after) != side:
            direction = "raising" if sign > 0 else "lowering"
            message = (
                f"{direction} every base score by {_STEP} moves {target!r} from "
                f"{strength:.4f} to {after:.4f}, {_ACROSS}."
            )
            found.append(Problem("verdict-flips", "warning", (target,), message))
    return found


class _SingleMoves:
    """The target's strength after one base score moves, re-evaluating only what lies
    between that argument and the target (see :func:`_flips`)."""

    def __init__(self, model: _Model, target: str) -> None:
        self.model = model
        self.target = model.position[target]
        self.rule = update_rule(model.semantics)
        size = len(model.base)
        dependents: list[list[int]] = [[] for _ in range(size)]
        for node, sources in enumerate(model.depends):
            for source in sources:
                dependents[source].append(node)
        self.dependents = dependents
        order, rest = peel(dependents)
        self.acyclic = not rest
        self.rank = {node: index for index, node in enumerate(order)}
        upstream = {self.target}
        stack = [self.target]
        while stack:
            for source in model.depends[stack.pop()]:
                if source not in upstream:
                    upstream.add(source)
                    stack.append(source)
        self.upstream = upstream

    def reaches(self, id: str) -> bool:
        """Whether the target depends on ``id`` at all."""
        return self.model.position[id] in self.upstream

    def moved(self, id: str, value: float) -> float:
        """The target's strength with ``id``'s base score at ``value`` (acyclic only)."""
        model, start = self.model, self.model.position[id]
        touched = {start}
        stack = [start]
        while stack:
            for node in self.dependents[stack.pop()]:
                if node in self.upstream and node not in touched:
                    touched.add(node)
                    stack.append(node)
        values = model.values
        saved = {node: values[node] for node in touched}
        try:
            for node in sorted(touched, key=self.rank.__getitem__):
                base = value if node == start else model.base[node]
                values[node] = self.rule(
                    base, model.attackers[node], model.supporters[node], values
                )
            return values[self.target]
        finally:
            for node, old in saved.items():
                values[node] = old


# --------------------------------------------------------------------------------------
# The adjoint computation
# --------------------------------------------------------------------------------------


class _Model:
    """A QBAF evaluated under one semantics, with the partial derivatives of its rules."""

    def __init__(self, qbaf: QBAF, semantics: str) -> None:
        self.semantics = semantics
        computed = qbaf_strengths(qbaf, semantics=semantics)  # checks the semantics
        self.names = qbaf.arguments
        self.position = {name: i for i, name in enumerate(qbaf.arguments)}
        self.base = [float(qbaf.base[name]) for name in qbaf.arguments]
        self.values = [computed[name] for name in qbaf.arguments]
        size = len(self.base)
        self.attackers: list[list[int]] = [[] for _ in range(size)]
        self.supporters: list[list[int]] = [[] for _ in range(size)]
        for source, target in qbaf.attacks:
            self.attackers[self.position[target]].append(self.position[source])
        for source, target in qbaf.supports:
            self.supporters[self.position[target]].append(self.position[source])
        if semantics == "h-categoriser":  # supports are ignored, so are not dependencies
            self.depends = [list(a) for a in self.attackers]
        else:
            self.depends = [a + s for a, s in zip(self.attackers, self.supporters, strict=True)]

    def partials(self, p: int) -> _Partials:
        """``df_p/db_p`` and ``df_p/ds_j`` for the inputs ``j`` of argument ``p``."""
        b, attackers, supporters, s = (
            self.base[p],
            self.attackers[p],
            self.supporters[p],
            self.values,
        )
        if self.semantics in ("df-quad", "quad"):
            va, da = _aggregate(attackers, s)
            vs, ds = _aggregate(supporters, s)
            if self.semantics == "df-quad":
                if va >= vs:  # the branch gradual evaluates, also at the kink va == vs
                    d_b, d_va, d_vs = 1.0 - va + vs, -b, b
                else:
                    d_b, d_va, d_vs = 1.0 - (vs - va), -(1.0 - b), 1.0 - b
            elif attackers and supporters:
                d_b, d_va, d_vs = ((1.0 - va) + (1.0 - vs)) / 2.0, -b / 2.0, (1.0 - b) / 2.0
            elif attackers:
                d_b, d_va, d_vs = 1.0 - va, -b, 0.0
            elif supporters:
                d_b, d_va, d_vs = 1.0 - vs, 0.0, 1.0 - b
            else:
                d_b, d_va, d_vs = 1.0, 0.0, 0.0
            inputs = [(j, d_va * d) for j, d in zip(attackers, da, strict=True)]
            inputs += [(j, d_vs * d) for j, d in zip(supporters, ds, strict=True)]
            return d_b, inputs
        if self.semantics == "h-categoriser":
            total = 1.0 + math.fsum(s[j] for j in attackers)
            return 1.0 / total, [(j, -b / (total * total)) for j in attackers]
        energy = math.fsum(s[j] for j in supporters) - math.fsum(s[j] for j in attackers)
        if self.semantics == "euler":
            d_b, d_e = _euler_partials(b, energy)
        else:  # quadratic energy
            if energy > 0.0:
                d_b, d_e = 1.0 - _h(energy), (1.0 - b) * _h_slope(energy)
            else:
                d_b, d_e = 1.0 - _h(-energy), b * _h_slope(-energy)
        inputs = [(j, -d_e) for j in attackers] + [(j, d_e) for j in supporters]
        return d_b, inputs

    def blocks(self) -> list[list[int]]:
        """The arguments in the order gradual evaluates them: singletons of the acyclic
        part, then the strongly connected components, each after its dependencies."""
        dependents: list[list[int]] = [[] for _ in self.depends]
        for p, sources in enumerate(self.depends):
            for source in sources:
                dependents[source].append(p)
        order, remainder = peel(dependents)
        # Tarjan also lists what the cycles reach back to, already in ``order``: once only.
        cyclic = set(remainder)
        components = [c for c in strongly_connected(self.depends, remainder) if c[0] in cyclic]
        return [[p] for p in order] + components

    def gradient(self, target: int) -> list[float]:
        """``d s_target / d b_p`` for every argument ``p``: one reverse pass (see the
        module docstring)."""
        size = len(self.base)
        adjoint = [0.0] * size
        adjoint[target] = 1.0
        d_base = [0.0] * size
        for block in reversed(self.blocks()):
            rules = {p: self.partials(p) for p in block}
            inside: set[int] = set()
            if len(block) > 1 or block[0] in self.depends[block[0]]:
                inside = set(block)
                self._solve_component(block, rules, adjoint)
            for p in block:
                d_b, inputs = rules[p]
                d_base[p] = d_b
                weight = adjoint[p]
                if weight != 0.0:
                    for j, d in inputs:
                        if j not in inside:
                            adjoint[j] += weight * d
        return [a * d for a, d in zip(adjoint, d_base, strict=True)]

    def _solve_component(
        self, block: list[int], rules: dict[int, _Partials], adjoint: list[float]
    ) -> None:
        """Solve ``(I - J)^T lambda = rhs`` on one cyclic component, in place: ``rhs`` is
        what ``adjoint`` holds for the block (the seed and the pushes from outside)."""
        local = {p: k for k, p in enumerate(block)}
        rows: list[dict[int, float]] = [{k: 1.0} for k in range(len(block))]
        for q in block:
            for j, d in rules[q][1]:
                if j in local:  # row j of (I - J)^T holds -J[q][j] in column q
                    row = rows[local[j]]
                    row[local[q]] = row.get(local[q], 0.0) - d
        solution = _solve(rows, [adjoint[p] for p in block])
        if solution is None:
            names = ", ".join(repr(self.names[p]) for p in sorted(block))
            message = (
                f"the strengths of the cycle {names} are at a degenerate fixed point, where "
                f"they have no derivative with respect to the base scores."
            )
            ids = tuple(self.names[p] for p in sorted(block))
            raise MapError([Problem("not-differentiable", "error", ids, message)])
        for p, value in zip(block, solution, strict=True):
            adjoint[p] = value

    def upstream(self, target: int) -> set[int]:
        """The arguments whose strength the target's depends on, and the target."""
        seen = {target}
        stack = [target]
        while stack:
            for source in self.depends[stack.pop()]:
                if source not in seen:
                    seen.add(source)
                    stack.append(source)
        return seen

    def support_aggregate(self, p: int) -> float:
        """How much of its rule's upward range argument ``p``'s supports use (see
        :func:`fragility`)."""
        supporters, s = self.supporters[p], self.values
        if self.semantics in ("df-quad", "quad"):
            return _aggregate(supporters, s)[0]
        if self.semantics == "h-categoriser":
            return 0.0
        total = math.fsum(s[j] for j in supporters)
        if self.semantics == "quadratic-energy":
            return _h(total)
        b = self.base[p]
        return 0.0 if b <= 0.0 else _logistic(math.log(b) + total)


# --------------------------------------------------------------------------------------
# The rules' pieces
# --------------------------------------------------------------------------------------


def _aggregate(positions: list[int], values: list[float]) -> tuple[float, list[float]]:
    """DF-QuAD's ``F = 1 - (1 - v1)···(1 - vn)`` over ``positions`` and its partial
    derivatives ``dF/dvi = prod over j != i of (1 - vj)``, by prefix and suffix products
    (no division, so a value of 1 is fine), in linear time."""
    factors = [1.0 - values[p] for p in positions]
    prefix = [1.0]
    for factor in factors:
        prefix.append(prefix[-1] * factor)
    slopes = [0.0] * len(factors)
    suffix = 1.0
    for i in range(len(factors) - 1, -1, -1):
        slopes[i] = prefix[i] * suffix
        suffix *= factors[i]
    return 1.0 - prefix[-1], slopes


def _logistic(x: float) -> float:
    if x >= 0.0:
        return 1.0 / (1.0 + math.exp(-x))
    tail = math.exp(x)
    return tail / (1.0 + tail)


def _euler_partials(b: float, energy: float) -> tuple[float, float]:
    """``df/dw`` and ``df/dE`` of ``f = w² + (1 - w²)·σ(ln w + E)`` (Amgoud and
    Ben-Naim 2017). At ``w = 0`` the rule gives 0 whatever ``E``; its right derivative
    in ``w`` is ``e^E``."""
    if b <= 0.0:
        return math.exp(min(energy, 700.0)), 0.0
    sigma = _logistic(math.log(b) + energy)
    spread = sigma * (1.0 - sigma)
    return 2.0 * b * (1.0 - sigma) + (1.0 - b * b) * spread / b, (1.0 - b * b) * spread


def _h(x: float) -> float:
    """Potyka's ``h(x) = x² / (1 + x²)``."""
    square = x * x
    return square / (1.0 + square)


def _h_slope(x: float) -> float:
    """``h'(x) = 2x / (1 + x²)²``."""
    denominator = 1.0 + x * x
    return 2.0 * x / (denominator * denominator)


def _solve(rows: list[dict[int, float]], rhs: list[float]) -> list[float] | None:
    """Solve ``A x = rhs`` by Gaussian elimination with partial pivoting, ``A`` given as
    sparse rows (column: value); ``None`` when ``A`` is singular (a pivot below 1e-12).

    Choosing a pivot scans the rows left (quadratic in the size of the system); the
    elimination touches only the rows that hold the column, so a sparse cycle (a ring,
    a contradiction) costs little more."""
    size = len(rows)
    rows = [dict(row) for row in rows]
    rhs = list(rhs)
    remaining = list(range(size))
    pivots: list[tuple[int, int]] = []
    for column in range(size):
        holding = [r for r in remaining if rows[r].get(column, 0.0) != 0.0]
        if not holding:
            return None
        pivot = max(holding, key=lambda r: (abs(rows[r][column]), -r))
        head = rows[pivot][column]
        if abs(head) < 1e-12:
            return None
        remaining.remove(pivot)
        pivots.append((column, pivot))
        for r in holding:
            if r == pivot:
                continue
            factor = rows[r].pop(column) / head
            for c, value in rows[pivot].items():
                if c != column:
                    rows[r][c] = rows[r].get(c, 0.0) - factor * value
            rhs[r] -= factor * rhs[pivot]
    solution = [0.0] * size
    for column, pivot in reversed(pivots):
        row = rows[pivot]
        known = math.fsum(value * solution[c] for c, value in row.items() if c != column)
        solution[column] = (rhs[pivot] - known) / row[column]
    return solution
