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

from collections.abc import Iterable, Mapping
from typing import Literal, TypeAlias

import attrs

from argmap.af import ArgumentationFramework
from argmap.af import Semantics as Semantics
from argmap.errors import MapError
from argmap.model import ArgumentMap, FrozenDict
from argmap.report import Problem

__all__ = ["SEMANTICS", "Evaluation", "Label", "evaluate", "translate"]

Label: TypeAlias = Literal["in", "out", "undecided"]
SEMANTICS: tuple[Semantics, ...] = ("grounded", "complete", "preferred", "stable")

_AUX = "\x1f"
"""Separates auxiliary argument names from map ids (a control character no id uses)."""


def _fails(id: str) -> str:
    return f"{id}{_AUX}fails"


def _unsupported(id: str) -> str:
    return f"{id}{_AUX}has no applicable reason"


def _rejected(id: str) -> str:
    return f"{id}{_AUX}rejected"


def translate(
    map: ArgumentMap, *, position: Mapping[str, bool] | None = None
) -> ArgumentationFramework:
    """The Dung framework of ``map`` (see the module docstring), with ``position``'s
    accepted statements unattacked and its rejected ones attacked by fiat."""
    position = dict(position or {})
    unknown = [id for id in position if id not in map.statements]
    if unknown:
        raise MapError(
            Problem("unknown-reference", "error", (id,), f"the position names unknown {id!r}.")
            for id in unknown
        )
    arguments: dict[str, None] = dict.fromkeys([*map.statements, *map.inferences])
    attacks: list[tuple[str, str]] = []
    for inference in map.inferences.values():
        for premise in dict.fromkeys(inference.premises):
            arguments[_fails(f"{inference.id}{_AUX}{premise}")] = None
            attacks.append((premise, _fails(f"{inference.id}{_AUX}{premise}")))
            attacks.append((_fails(f"{inference.id}{_AUX}{premise}"), inference.id))
        arguments[_unsupported(inference.conclusion)] = None
        attacks.append((inference.id, _unsupported(inference.conclusion)))
    for conclusion in {i.conclusion for i in map.inferences.values()}:
        attacks.append((_unsupported(conclusion), conclusion))
    attacked = {c.target for c in map.conflicts.values() if c.target in map.conflicts}
    for conflict in map.conflicts.values():
        if conflict.id in attacked:
            arguments[conflict.id] = None
            arguments[_fails(conflict.id)] = None
            attacks.append((conflict.source, _fails(conflict.id)))
            attacks.append((_fails(conflict.id), conflict.id))
            attacks.append((conflict.id, conflict.target))
        else:
            attacks.append((conflict.source, conflict.target))
    for id, accepted in position.items():
        if not accepted:
            arguments[_rejected(id)] = None
            attacks.append((_rejected(id), id))
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
        lines = [f"{self.semantics} semantics ({self.extensions} extension(s))"]
        for thesis in self.theses:
            lines.append(f"thesis {thesis}: {self.labels.get(thesis, 'undecided')}")
        for label in ("in", "out", "undecided"):
            ids = self.of(label)
            lines.append(f"{label}: {', '.join(ids) if ids else '-'}")
        return "\n".join(lines)

    def __repr__(self) -> str:
        from argmap._display import evaluation_repr

        return evaluation_repr(self)

    def _repr_html_(self) -> str:
        """Jupyter's display: a table of the labels."""
        from argmap._display import evaluation_html

        return evaluation_html(self)


def evaluate(
    map: ArgumentMap,
    *,
    semantics: Semantics = "grounded",
    position: Mapping[str, bool] | None = None,
) -> Evaluation:
    """Label every node of ``map`` ``in``, ``out`` or ``undecided`` under ``semantics``
    (see the module docstring for the translation and the papers)."""
    if semantics not in SEMANTICS:
        raise MapError(
            [
                Problem(
                    "unknown-semantics",
                    "error",
                    (),
                    f"unknown semantics {semantics!r}; choose one of {', '.join(SEMANTICS)}.",
                )
            ]
        )
    framework = translate(map, position=position)
    if semantics == "grounded":
        labelling = framework.grounded_labelling()
        node_labels = {
            id: _label(id in labelling.in_, id in labelling.out) for id in framework.arguments
        }
        count = 1
    else:
        extensions = framework.extensions(semantics)
        count = len(extensions)
        node_labels = _sceptical(framework, extensions)
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


def _sceptical(
    framework: ArgumentationFramework, extensions: Iterable[frozenset[str]]
) -> dict[str, Label]:
    labellings = [framework.labelling(extension) for extension in extensions]
    if not labellings:
        return dict.fromkeys(framework.arguments, "undecided")
    return {
        id: _label(
            all(id in lab.in_ for lab in labellings), all(id in lab.out for lab in labellings)
        )
        for id in framework.arguments
    }
