"""Gradual strengths of a map's statements: the map as a quantitative bipolar
framework (QBAF), evaluated by :mod:`argmap.gradual`.

The translation follows Rago, Toni, Aurisicchio and Baroni (KR 2016), where
arguments support and attack one another with strengths in [0, 1]:

* every statement is an argument, with a base score from ``base`` (by id), else its
  ``data["base"]``, else 0.5;
* every inference is an argument (base score as a statement's) that its premises
  support and that supports its conclusion. Linked premises raise their inference
  together; gradual semantics aggregate them rather than require each one, which is
  the usual reading of support in QBAFs;
* every conflict is an attack of its source on its target (a statement or an
  inference). A conflict that is itself attacked becomes an argument too (base score
  as a statement's): its source supports it, it attacks the target, its attackers
  attack it.

Base scores and ``fixed`` are checked before anything is computed: every bad one is
listed in one :class:`~argmap.errors.MapError`. The QBAF's arguments are the map's own
ids; there are no auxiliary arguments whose names could meet an id.

Accepting a statement (``fixed``) makes it certain, rejecting it makes it worthless:
its base score becomes 1 or 0 and nothing supports or attacks it any more.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Iterator, Mapping
from typing import Any

from argmap.check import checked_position, reference_problems
from argmap.errors import MapError
from argmap.gradual import QBAF, SEMANTICS
from argmap.gradual import strengths as qbaf_strengths
from argmap.model import ArgumentMap, short_repr
from argmap.report import Problem

__all__ = ["DEFAULT_BASE", "Strengths", "strengths", "to_qbaf"]

DEFAULT_BASE = 0.5


class Strengths(dict[str, float]):
    """The strength of every statement and inference of a map, by id, in the map's
    order (a ``dict``, so it prints, compares and serialises as one), and what produced
    it: ``semantics`` (the gradual semantics' name), ``base`` (the base score used for
    every statement and inference, by id) and ``defaults`` (the ids whose base score was
    not given, as ``base=`` or ``data["base"]``, but a default)."""

    __slots__ = ("base", "defaults", "semantics")

    def __init__(
        self,
        values: Mapping[str, float],
        *,
        semantics: str,
        base: Mapping[str, float],
        defaults: tuple[str, ...],
    ) -> None:
        super().__init__(values)
        self.semantics = semantics
        self.base = dict(base)
        self.defaults = defaults


def _is_score(value: object) -> bool:
    return (
        isinstance(value, numbers.Real)
        and not isinstance(value, bool)
        and 0.0 <= float(value) <= 1.0  # NaN fails both comparisons
        and not math.isnan(float(value))
    )


def _base_problems(map: ArgumentMap, base: object) -> Iterator[Problem]:
    """Every base score that is not a number in [0, 1] (given or in ``data["base"]``),
    and every id ``base`` names that is not a node of the map."""
    if not isinstance(base, Mapping):
        message = f"the base scores are {short_repr(base)}, not a mapping of ids to numbers."
        yield Problem("invalid-base-score", "error", (), message)
        return
    for id, score in base.items():
        if not isinstance(id, str) or id not in map:
            message = f"a base score is given for {short_repr(id)}, which is not a node of the map."
            yield Problem(
                "unknown-reference", "error", (id,) if isinstance(id, str) else (), message
            )
        elif not _is_score(score):
            message = f"the base score of {id!r} is {short_repr(score)}, not a number in [0, 1]."
            yield Problem("invalid-base-score", "error", (id,), message)
    for nodes in (map.statements, map.inferences, map.conflicts):
        for id, node in nodes.items():
            if "base" in node.data and id not in base and not _is_score(node.data["base"]):
                shown = short_repr(node.data["base"])
                message = f"data['base'] of {id!r} is {shown}, not a number in [0, 1]."
                yield Problem("invalid-base-score", "error", (id,), message)


def _scores(map: ArgumentMap, base: Mapping[str, Any]) -> dict[str, float]:
    """The base score of every statement and inference, by id: given, else in its
    ``data["base"]``, else :data:`DEFAULT_BASE`."""
    scores: dict[str, float] = {}
    for nodes in (map.statements, map.inferences):
        for id, node in nodes.items():
            scores[id] = float(base.get(id, node.data.get("base", DEFAULT_BASE)))
    return scores


def to_qbaf(
    map: ArgumentMap,
    *,
    base: Mapping[str, float] | None = None,
    fixed: Mapping[str, bool] | None = None,
) -> QBAF:
    """The QBAF of ``map`` (see the module docstring).

    Raises :class:`~argmap.errors.MapError` listing every problem at once: a base
    score that is not a number in [0, 1] or that names no node of the map, a ``fixed``
    that names unknown statements or gives values other than True and False, a map
    with unknown references or an id used twice.
    """
    fixed = checked_position(map, fixed, name="fixed")
    base = {} if base is None else base
    problems = [
        *_base_problems(map, base),
        *(p for p in reference_problems(map) if p.code in ("unknown-reference", "duplicate-id")),
    ]
    if problems:
        raise MapError(problems)
    scores = _scores(map, base)
    supports: list[tuple[str, str]] = []
    attacks: list[tuple[str, str]] = []
    for inference in map.inferences.values():
        supports.extend((premise, inference.id) for premise in dict.fromkeys(inference.premises))
        supports.append((inference.id, inference.conclusion))
    attacked = {c.target for c in map.conflicts.values() if c.target in map.conflicts}
    for conflict in map.conflicts.values():
        if conflict.id in attacked:
            given = base.get(conflict.id, conflict.data.get("base", DEFAULT_BASE))
            scores[conflict.id] = float(given)
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
) -> Strengths:
    """The strength, in [0, 1], of every statement and inference of ``map`` under a
    gradual ``semantics`` ("df-quad", "quad", "euler", "quadratic-energy",
    "h-categoriser"; see :mod:`argmap.gradual` for the papers).

    Bad arguments raise :class:`~argmap.errors.MapError` (see :func:`to_qbaf`; an
    unknown semantics is ``unknown-semantics``)."""
    if not isinstance(semantics, str) or semantics not in SEMANTICS:
        message = (
            f"unknown semantics {short_repr(semantics)}; choose one of {', '.join(SEMANTICS)}."
        )
        raise MapError([Problem("unknown-semantics", "error", (), message)])
    qbaf = to_qbaf(map, base=base, fixed=fixed)
    computed = qbaf_strengths(qbaf, semantics=semantics)
    ids = [*map.statements, *map.inferences]
    given = {} if base is None else base
    defaults = tuple(
        id
        for id in ids
        if id not in given and "base" not in map.node(id).data and id not in (fixed or {})
    )
    return Strengths(
        {id: computed[id] for id in ids},
        semantics=semantics,
        base={id: qbaf.base[id] for id in ids},
        defaults=defaults,
    )
