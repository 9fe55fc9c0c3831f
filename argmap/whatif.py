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

import html
from collections.abc import Iterable, Iterator

import attrs

from argmap._hooks import show
from argmap.check import position_problems
from argmap.errors import MapError
from argmap.gradual import SEMANTICS as GRADUAL
from argmap.model import ArgumentMap, short_repr
from argmap.report import Problem
from argmap.semantics import SEMANTICS as DUNG_SEMANTICS
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
        parts = [
            *(f"{id} is accepted" for id in self.accept),
            *(f"{id} is rejected" for id in self.reject),
        ]
        head = "what if " + (" and ".join(parts) if parts else "nothing is accepted or rejected")
        lines = [head + ":"] + [f"  {change}" for change in self.changes]
        return "\n".join(lines if self.changes else [head + ": nothing changes"])

    def __repr__(self) -> str:
        return show("whatif_repr", self, lambda: object.__repr__(self))

    def _repr_html_(self) -> str:
        """Jupyter's display: a table of the changes."""
        return show("whatif_html", self, lambda: html.escape(str(self)))


def _ids(value: object) -> tuple[object, ...]:
    """A single id is one; anything that is not an iterable is a tuple of itself."""
    if isinstance(value, (str, bytes, bytearray)) or not isinstance(value, Iterable):
        return (value,)
    return tuple(value)


def _position(
    map: ArgumentMap, accepted: tuple[object, ...], rejected: tuple[object, ...]
) -> dict[str, bool]:
    """The position ``accept`` and ``reject`` make; MapError for ids that are not
    statements of the map or that are both accepted and rejected."""
    problems: list[Problem] = []
    for name, ids in (("accept", accepted), ("reject", rejected)):
        for id in ids:
            if not isinstance(id, str):
                message = f"{name} names {short_repr(id)}, not a statement id."
                problems.append(Problem("invalid-position", "error", (), message))
    good = [id for id in (*accepted, *rejected) if isinstance(id, str)]
    position = {id: id in accepted for id in good}
    for id in dict.fromkeys(id for id in good if id in accepted and id in rejected):
        message = f"{id!r} is both accepted and rejected."
        problems.append(Problem("invalid-position", "error", (id,), message))
    problems.extend(position_problems(map, position))
    if problems:
        raise MapError(problems)
    return position


def _semantics_problems(semantics: object, gradual: object) -> Iterator[Problem]:
    if not isinstance(semantics, str) or semantics not in DUNG_SEMANTICS:
        message = (
            f"unknown semantics {short_repr(semantics)}; choose one of {', '.join(DUNG_SEMANTICS)}."
        )
        yield Problem("unknown-semantics", "error", (), message)
    if gradual is not None and (not isinstance(gradual, str) or gradual not in GRADUAL):
        message = (
            f"unknown gradual semantics {short_repr(gradual)}; "
            f"choose one of {', '.join(GRADUAL)} or None."
        )
        yield Problem("unknown-semantics", "error", (), message)


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
    ``reject`` rejected (a single id may be given as a string).

    Raises :class:`~argmap.errors.MapError` listing every problem at once: an unknown
    semantics, an id that is not a statement of the map or that is both accepted and
    rejected, a map that cannot be evaluated (see :func:`argmap.evaluate`)."""
    if not isinstance(map, ArgumentMap):
        message = f"expected an ArgumentMap, got {short_repr(map)}."
        raise MapError([Problem("invalid-value", "error", (), message)])
    accepted, rejected = _ids(accept), _ids(reject)
    problems = list(_semantics_problems(semantics, gradual))
    try:
        position = _position(map, accepted, rejected)
    except MapError as error:
        problems.extend(error.problems)
    if problems:
        raise MapError(problems)
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
    return WhatIf(
        tuple(id for id in accepted if isinstance(id, str)),
        tuple(id for id in rejected if isinstance(id, str)),
        tuple(changes),
        before,
        after,
    )
