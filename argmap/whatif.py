"""What if: accept or reject some statements and see what changes.

"What if Turkey buys the S-400?" is a question about consequences: grant a premise,
deny a counterpoint, and follow the effect through the map. :func:`what_if`
evaluates the map twice, as it is and with the statements accepted or rejected
(the position of G. Betz's dialectical structures, see :mod:`argmap.check`), under
a Dung semantics and, optionally, a gradual one, and lists every statement whose
label or strength changed, the most important first: theses, then label changes,
then the largest shifts in strength.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from argmap.model import ArgumentMap
from argmap.semantics import Evaluation, Label, Semantics, evaluate
from argmap.strengths import strengths

__all__ = ["Change", "WhatIf", "what_if"]

_SIGNIFICANT = 5e-5
"""Smaller shifts in strength do not show at the four decimals printed, so are not listed."""


@attrs.frozen
class Change:
    """One statement before and after."""

    id: str
    thesis: bool
    before: Label
    after: Label
    strength_before: float | None = None
    strength_after: float | None = None

    @property
    def shift(self) -> float:
        if self.strength_before is None or self.strength_after is None:
            return 0.0
        return self.strength_after - self.strength_before

    def __str__(self) -> str:
        text = f"{'thesis ' if self.thesis else ''}{self.id}: {self.before} -> {self.after}"
        if self.strength_before is not None and self.strength_after is not None:
            text += f", strength {self.strength_before:.4f} -> {self.strength_after:.4f}"
        return text


@attrs.frozen
class WhatIf:
    """The changes, most important first, and both evaluations."""

    accept: tuple[str, ...]
    reject: tuple[str, ...]
    changes: tuple[Change, ...]
    before: Evaluation
    after: Evaluation

    def __str__(self) -> str:
        head = "what if " + " and ".join(
            [
                *(f"{id} is accepted" for id in self.accept),
                *(f"{id} is rejected" for id in self.reject),
            ]
        )
        lines = [head + ":"] + [f"  {change}" for change in self.changes]
        return "\n".join(lines if self.changes else [head + ": nothing changes"])

    def __repr__(self) -> str:
        from argmap._display import whatif_repr

        return whatif_repr(self)

    def _repr_html_(self) -> str:
        """Jupyter's display: a table of the changes."""
        from argmap._display import whatif_html

        return whatif_html(self)


def what_if(
    map: ArgumentMap,
    *,
    accept: Iterable[str] = (),
    reject: Iterable[str] = (),
    semantics: Semantics = "grounded",
    gradual: str | None = "df-quad",
) -> WhatIf:
    """Every statement whose label (under ``semantics``) or strength (under the
    ``gradual`` semantics, unless None) changes when ``accept`` are accepted and
    ``reject`` rejected."""
    accepted, rejected = tuple(accept), tuple(reject)
    position = {**dict.fromkeys(accepted, True), **dict.fromkeys(rejected, False)}
    before = evaluate(map, semantics=semantics)
    after = evaluate(map, semantics=semantics, position=position)
    weights_before = strengths(map, semantics=gradual) if gradual else {}
    weights_after = strengths(map, semantics=gradual, fixed=position) if gradual else {}
    theses = set(map.theses)
    changes = []
    for id in map.statements:
        change = Change(
            id,
            id in theses,
            before.labels[id],
            after.labels[id],
            weights_before.get(id),
            weights_after.get(id),
        )
        if change.before != change.after or abs(change.shift) > _SIGNIFICANT:
            changes.append(change)
    order = {id: n for n, id in enumerate(map.statements)}
    changes.sort(key=lambda c: (not c.thesis, c.before == c.after, -abs(c.shift), order[c.id]))
    return WhatIf(accepted, rejected, tuple(changes), before, after)
