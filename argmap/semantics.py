"""Evaluation: which statements of a map stand, under a published semantics.

The map is translated into a Dung framework (P. M. Dung, "On the acceptability of
arguments...", Artificial Intelligence 77, 1995) that respects support, then its
extensions are computed by :mod:`argmap.af`. The translation, node by node:

* a **statement** is an argument "this statement holds";
* an **inference** is an argument "these premises, together, carry the conclusion".
  Its premises are *necessary* for it (Nouioua & Risch, "Bipolar argumentation
  frameworks with specialized supports", ICTAI 2010, Def. 3; "Argumentation
  frameworks with necessities", SUM 2011, Def. 1): each premise ``p`` gets an
  auxiliary argument "``p`` fails", attacked by ``p`` and attacking the inference,
  so the inference is acceptable only when every linked premise is;
* a statement that has reasons (is the conclusion of some inference) stands only
  through one of them: an auxiliary argument "has no applicable reason" attacks it
  and is attacked by each of its inferences. A statement without reasons is a
  starting point, accepted when it is unattacked or defended. This is the reading of
  support in ASPIC+ (Modgil & Prakken, "A general account of argumentation with
  preferences", AIJ 195, 2013, Def. 3.6: an argument's conclusion is only as good as
  its last inference) and the "necessary support" of Cayrol & Lagasquie-Schiex,
  "Bipolarity in argumentation graphs: towards a better understanding", IJAR 54(7),
  2013, Sect. 4;
* a **conflict** is an attack from its source on its target: a rebuttal or
  undermining attacks the statement, an undercut attacks the inference. A conflict
  that is itself attacked is flattened as in Boella, Gabbay, van der Torre and Villata,
  "Meta-argumentation modelling I", Studia Logica 93, 2009, Def. 11: source → "source
  fails" → the conflict → target, and its attackers attack the conflict.

A **position** (or a what-if) accepts or rejects statements: an accepted statement
loses every attack on it (it is taken as given), a rejected one gets an unattacked
attacker.

Labels: under grounded semantics, ``in`` = the grounded extension, ``out`` = what it
attacks, ``undecided`` = the rest (Caminada, "On the issue of reinstatement in
argumentation", JELIA 2006). Under complete, preferred and stable semantics a node is
``in`` when it is in every extension (sceptical acceptance), ``out`` when every
extension attacks it, ``undecided`` otherwise; with no stable extension at all,
everything is ``undecided``.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from typing import Literal, TypeAlias

import attrs

from argmap._hooks import show
from argmap.af import ArgumentationFramework
from argmap.af import Semantics as Semantics
from argmap.check import checked_position, reference_problems
from argmap.errors import MapError
from argmap.model import ArgumentMap, FrozenDict, short_repr
from argmap.report import Problem

__all__ = ["SEMANTICS", "Evaluation", "Label", "evaluate", "translate"]

Label: TypeAlias = Literal["in", "out", "undecided"]
SEMANTICS: tuple[Semantics, ...] = ("grounded", "complete", "preferred", "stable")

_MARK = "\x1f"
"""Joins the parts of an auxiliary argument's name (a control character ids rarely use)."""


class _Auxiliaries:
    """Names for the auxiliary arguments of one map's framework, which no id of the map
    can equal, by construction (no id is forbidden).

    When no id holds :data:`_MARK`, a name is its parts (the ids it is about, then what
    it says) joined by :data:`_MARK`: ``"sign\\x1fdeal\\x1ffails"``. It holds the mark, so
    it is no id; and the parts, which do not, can be read back, so two names are equal
    only when their parts are. When some id holds the mark, every name starts instead
    with a run of it one longer than any run in an id (so it is no id) and a number (so
    no two names are equal)."""

    def __init__(self, map: ArgumentMap) -> None:
        longest = 0
        for nodes in (map.statements, map.inferences, map.conflicts):
            for id in nodes:
                if _MARK in id:
                    longest = max(longest, *(len(run) for run in _RUNS.findall(id)))
        self.plain = longest == 0
        self.mark = _MARK * (longest + 1)
        self.count = 0

    def name(self, *parts: str) -> str:
        if self.plain:
            return _MARK.join(parts)
        self.count += 1
        return _MARK.join([f"{self.mark}{self.count}", *parts])


_RUNS = re.compile(f"{_MARK}+")


def _references(map: ArgumentMap) -> None:
    """Refuse a map whose references are broken: its framework would mean nothing."""
    broken = [p for p in reference_problems(map) if p.code in ("unknown-reference", "duplicate-id")]
    if broken:
        raise MapError(broken)


def translate(
    map: ArgumentMap, *, position: Mapping[str, bool] | None = None
) -> ArgumentationFramework:
    """The Dung framework of ``map`` (see the module docstring), with ``position``'s
    accepted statements unattacked and its rejected ones attacked by fiat.

    Raises :class:`~argmap.errors.MapError` for a position that names unknown
    statements or gives values other than True and False, and for a map with unknown
    references or an id used twice (see :func:`argmap.check`).
    """
    position = checked_position(map, position)
    _references(map)
    aux = _Auxiliaries(map)
    arguments: dict[str, None] = dict.fromkeys([*map.statements, *map.inferences])
    attacks: list[tuple[str, str]] = []
    unsupported: dict[str, str] = {}
    for inference in map.inferences.values():
        for premise in dict.fromkeys(inference.premises):
            fails = aux.name(inference.id, premise, "fails")
            arguments[fails] = None
            attacks.append((premise, fails))
            attacks.append((fails, inference.id))
        conclusion = inference.conclusion
        if conclusion not in unsupported:
            unsupported[conclusion] = aux.name(conclusion, "has no applicable reason")
            arguments[unsupported[conclusion]] = None
            attacks.append((unsupported[conclusion], conclusion))
        attacks.append((inference.id, unsupported[conclusion]))
    attacked = {c.target for c in map.conflicts.values() if c.target in map.conflicts}
    for conflict in map.conflicts.values():
        if conflict.id in attacked:
            fails = aux.name(conflict.id, "fails")
            arguments[conflict.id] = None
            arguments[fails] = None
            attacks.append((conflict.source, fails))
            attacks.append((fails, conflict.id))
            attacks.append((conflict.id, conflict.target))
        else:
            attacks.append((conflict.source, conflict.target))
    for id, accepted in position.items():
        if not accepted:
            rejected = aux.name(id, "rejected")
            arguments[rejected] = None
            attacks.append((rejected, id))
    given = {id for id, accepted in position.items() if accepted}
    kept = [(a, b) for a, b in attacks if b not in given]
    return ArgumentationFramework(arguments, kept)


@attrs.frozen
class Evaluation:
    """The label of every statement, inference and conflict of a map."""

    semantics: Semantics
    labels: FrozenDict[str, Label]
    theses: tuple[str, ...] = ()
    extensions: int = 1
    """How many extensions the semantics gave (1 for grounded)."""
    framework: ArgumentationFramework | None = attrs.field(default=None, eq=False, repr=False)

    def label(self, id: str) -> Label:
        """The label of a statement, inference or conflict (``KeyError`` for an unknown id)."""
        return self.labels[id]

    def stands(self, id: str) -> bool:
        """True when ``id`` is ``in``."""
        return self.labels[id] == "in"

    def of(self, label: Label) -> tuple[str, ...]:
        """The ids with ``label``, in map order."""
        return tuple(id for id, value in self.labels.items() if value == label)

    def __str__(self) -> str:
        plural = "" if self.extensions == 1 else "s"
        lines = [f"{self.semantics} semantics: {self.extensions} extension{plural}"]
        for thesis in self.theses:
            lines.append(f"thesis [{thesis}] is {self.labels.get(thesis, 'undecided')}")
        for label in ("in", "out", "undecided"):
            ids = self.of(label)
            lines.append(f"{label}: {', '.join(ids) if ids else '-'}")
        return "\n".join(lines)

    def __repr__(self) -> str:
        return show("evaluation_repr", self, lambda: object.__repr__(self))

    def _repr_html_(self) -> str:
        """Jupyter's display: a table of the labels."""
        return show("evaluation_html", self, lambda: html.escape(str(self)))


def evaluate(
    map: ArgumentMap,
    *,
    semantics: Semantics = "grounded",
    position: Mapping[str, bool] | None = None,
) -> Evaluation:
    """Label every node of ``map`` ``in``, ``out`` or ``undecided`` under ``semantics``
    (see the module docstring for the translation and the papers).

    Raises :class:`~argmap.errors.MapError` for an unknown semantics
    (``unknown-semantics``) and as :func:`translate` does."""
    if not isinstance(semantics, str) or semantics not in SEMANTICS:
        shown = short_repr(semantics)
        message = f"unknown semantics {shown}; choose one of {', '.join(SEMANTICS)}."
        raise MapError([Problem("unknown-semantics", "error", (), message)])
    framework = translate(map, position=position)
    # Neither needs the list of extensions (argmap.af works SCC by SCC), so 30
    # independent contradictions, 2**30 preferred extensions, take milliseconds.
    labelling = framework.skeptical_labelling(semantics)
    node_labels = {
        id: _label(id in labelling.in_, id in labelling.out) for id in framework.arguments
    }
    count = framework.count(semantics)
    labels: dict[str, Label] = {}
    for id in [*map.statements, *map.inferences]:
        labels[id] = node_labels[id]
    for conflict in map.conflicts.values():
        if conflict.id in node_labels:
            labels[conflict.id] = node_labels[conflict.id]
        else:  # an unflattened attack applies exactly when its source holds
            labels[conflict.id] = node_labels[conflict.source]
    return Evaluation(semantics, FrozenDict(labels), map.theses, count, framework)


def _label(inside: bool, outside: bool) -> Label:
    return "in" if inside else "out" if outside else "undecided"
