"""Gradual strengths of a map's statements: the map as a quantitative bipolar
framework (QBAF), evaluated by :mod:`argmap.gradual`.

The translation follows Rago, Toni, Aurisicchio and Baroni (KR 2016), where
arguments support and attack one another with strengths in [0, 1]:

* every statement is an argument, with a base score from ``base`` (by id), else its
  ``data["base"]``, else the default of its stance, :data:`DEFAULT_BASES`;
* every inference is an argument (base score from ``base``, else ``data["base"]``, else
  :data:`DEFAULT_BASE`) that its premises
  support and that supports its conclusion. Linked premises raise their inference
  together; gradual semantics aggregate them rather than require each one, which is
  the usual reading of support in QBAFs;
* every conflict is an attack of its source on its target (a statement or an
  inference). A conflict that is itself attacked becomes an argument too (base score
  from ``base``, else ``data["base"]``, else :data:`DEFAULT_BASE`): its source supports
  it, it attacks the target, its attackers attack it.

Every base score that was not given is a *default*, and :class:`Strengths` says which
(``defaults``), so that no evaluation rests silently on numbers nobody chose.

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
from argmap.model import ArgumentMap, FrozenDict, Statement, short_repr
from argmap.report import Problem

__all__ = ["DEFAULT_BASE", "DEFAULT_BASES", "Strengths", "base_score", "strengths", "to_qbaf"]

DEFAULT_BASE = 0.5
"""The default base score of an inference, of a conflict that is an argument, and of an
asserted statement: the neutral point of [0, 1]. A base score is the strength an argument
has before its attackers and supporters are counted (Rago, Toni, Aurisicchio and Baroni,
KR 2016; Baroni, Rago and Toni, IJAR 105, 2019); with nothing known about a warrant or an
objection, it is neither accepted nor doubted, and DF-QuAD moves a 0.5 as far up for full
support as down for full attack."""

DEFAULT_BASES: Mapping[str, float] = FrozenDict(
    {"asserted": DEFAULT_BASE, "reported": 0.3, "hedged": 0.4, "conceded": 0.7}
)
"""The default base score of a statement, by its stance (:data:`argmap.model.STANCES`).

The base score is the intrinsic strength of an argument, before its attackers and
supporters count (Rago et al., KR 2016). How far the author vouches for a statement is
the best intrinsic evidence a map holds, so the default follows the stance:

* ``asserted`` 0.5 (:data:`DEFAULT_BASE`): the author's own claim, taken at neither more
  nor less than face value; its reasons must raise it.
* ``reported`` 0.3: someone else's view, which the author does not vouch for. After
  AIF+ and Inference Anchoring Theory (Reed, Wells, Devereux and Rowe, COMMA 2008;
  Budzynska and Reed 2011) and the source-based schemes of Walton, Reed and Macagno,
  *Argumentation Schemes* (2008: testimony, position to know, expert opinion), a
  reported claim stands as well as its source: its strength should come through the
  inference from its saying, not from a base of its own, so its base is low.
* ``hedged`` 0.4: the author commits, but weakly ("may", "it is possible"): below an
  assertion and above a view the author only reports.
* ``conceded`` 0.7: what the author grants against their own line ("that said",
  "admittedly"). A concession is a commitment the author accepts without argument
  (Walton and Krabbe, *Commitment in Dialogue*, 1995), so it starts above an assertion
  that still needs its reasons.

The numbers are a convention, not a measurement: give ``base=`` or ``data["base"]``
where the text says more, and see :func:`argmap.sensitivity.sensitivity` for how much a
result depends on them."""


class Strengths(dict[str, float]):
    """The strength of every statement and inference of a map, by id, in the map's
    order (a ``dict``, so it prints, compares and serialises as one), and what produced
    it: ``semantics`` (the gradual semantics' name), ``base`` (the base score used for
    every statement and inference, by id) and ``defaults`` (the statements and
    inferences, in map order, whose base score was not given, as ``base=`` or
    ``data["base"]``, nor fixed, but a default: :data:`DEFAULT_BASES` for a statement's
    stance, :data:`DEFAULT_BASE` for an inference)."""

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


def base_score(map: ArgumentMap, id: str, base: Mapping[str, Any] | None = None) -> float:
    """The base score of the node ``id`` of ``map``: ``base[id]`` if given, else its
    ``data["base"]``, else its default (:data:`DEFAULT_BASES` by stance for a
    statement, :data:`DEFAULT_BASE` for an inference or a conflict). The values are
    not checked here: :func:`to_qbaf` checks them."""
    if base is not None and id in base:
        return float(base[id])
    node = map.node(id)
    if "base" in node.data:
        return float(node.data["base"])
    if isinstance(node, Statement):
        return DEFAULT_BASES.get(node.stance, DEFAULT_BASE)
    return DEFAULT_BASE


def _scores(map: ArgumentMap, base: Mapping[str, Any]) -> dict[str, float]:
    """The base score of every statement and inference, by id (see :func:`base_score`)."""
    return {id: base_score(map, id, base) for id in [*map.statements, *map.inferences]}


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
            scores[conflict.id] = base_score(map, conflict.id, base)
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
