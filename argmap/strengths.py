"""Gradual strengths of a map's statements: the map as a quantitative bipolar
framework (QBAF), evaluated by :mod:`argmap.gradual`.

The translation follows Rago, Toni, Aurisicchio and Baroni (KR 2016), where
arguments support and attack one another with strengths in [0, 1]:

* every statement is an argument, with a base score from ``base`` (by id), else its
  ``data["base"]``, else 0.5;
* every inference is an argument (base score from its ``data["base"]``, else 0.5)
  that its premises support and that supports its conclusion. Linked premises raise
  their inference together; gradual semantics aggregate them rather than require
  each one, which is the usual reading of support in QBAFs;
* every conflict is an attack of its source on its target (a statement or an
  inference). A conflict that is itself attacked becomes an argument too: its source
  supports it, it attacks the target, its attackers attack it.

Accepting a statement (``fixed``) makes it certain, rejecting it makes it worthless:
its base score becomes 1 or 0 and nothing supports or attacks it any more.
"""

from __future__ import annotations

from collections.abc import Mapping

from argmap.gradual import QBAF
from argmap.gradual import strengths as qbaf_strengths
from argmap.model import ArgumentMap, Inference, Statement

__all__ = ["DEFAULT_BASE", "strengths", "to_qbaf"]

DEFAULT_BASE = 0.5


def to_qbaf(
    map: ArgumentMap,
    *,
    base: Mapping[str, float] | None = None,
    fixed: Mapping[str, bool] | None = None,
) -> QBAF:
    """The QBAF of ``map`` (see the module docstring)."""
    base = dict(base or {})
    fixed = dict(fixed or {})
    scores: dict[str, float] = {}
    nodes: list[Statement | Inference] = [*map.statements.values(), *map.inferences.values()]
    for node in nodes:
        given = base.get(node.id, node.data.get("base", DEFAULT_BASE))
        scores[node.id] = float(given)
    supports: list[tuple[str, str]] = []
    attacks: list[tuple[str, str]] = []
    for inference in map.inferences.values():
        supports.extend((premise, inference.id) for premise in dict.fromkeys(inference.premises))
        supports.append((inference.id, inference.conclusion))
    attacked = {c.target for c in map.conflicts.values() if c.target in map.conflicts}
    for conflict in map.conflicts.values():
        if conflict.id in attacked:
            scores[conflict.id] = float(base.get(conflict.id, DEFAULT_BASE))
            supports.append((conflict.source, conflict.id))
            attacks.append((conflict.id, conflict.target))
        else:
            attacks.append((conflict.source, conflict.target))
    for id, accepted in fixed.items():
        scores[id] = 1.0 if accepted else 0.0
    return QBAF(
        arguments=tuple(scores),
        base=scores,
        attacks=tuple((a, b) for a, b in attacks if b not in fixed),
        supports=tuple((a, b) for a, b in supports if b not in fixed),
    )


def strengths(
    map: ArgumentMap,
    *,
    semantics: str = "df-quad",
    base: Mapping[str, float] | None = None,
    fixed: Mapping[str, bool] | None = None,
) -> dict[str, float]:
    """The strength, in [0, 1], of every statement and inference of ``map`` under a
    gradual ``semantics`` ("df-quad", "quad", "euler", "quadratic-energy",
    "h-categoriser"; see :mod:`argmap.gradual` for the papers)."""
    computed = qbaf_strengths(to_qbaf(map, base=base, fixed=fixed), semantics=semantics)
    return {id: computed[id] for id in [*map.statements, *map.inferences]}
