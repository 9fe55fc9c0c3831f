"""Hostile variants of generated maps, shared by the export tests: the same structure
with other ids and with tags, speakers, labels, schemes and a title drawn from a
strategy of troublesome text (markup, syntax of the format, control characters)."""

from __future__ import annotations

import attrs
from hypothesis import strategies as st

from argmap import ArgumentMap


def hostile_variant(
    draw: st.DrawFn,
    m: ArgumentMap,
    *,
    ids: list[str],
    texts: st.SearchStrategy[str],
    schemes: bool = False,
) -> ArgumentMap:
    """``m`` with its nodes renamed to ``ids`` (statements, inferences, conflicts, in
    order; every reference follows) and hostile tags, speakers, labels, title (and, with
    ``schemes``, scheme names) drawn from ``texts``."""
    old = [*m.statements, *m.inferences, *m.conflicts]
    to = dict(zip(old, ids, strict=True))

    def r(id: str) -> str:
        return to.get(id, id)

    statements = [
        attrs.evolve(
            s,
            id=r(s.id),
            tags=tuple(draw(st.lists(texts, max_size=2))),
            speaker=draw(st.none() | texts),
        )
        for s in m.statements.values()
    ]
    inferences = [
        attrs.evolve(
            i,
            id=r(i.id),
            premises=tuple(map(r, i.premises)),
            conclusion=r(i.conclusion),
            slots={key: r(value) for key, value in i.slots.items()},
            label=draw(st.none() | texts),
            scheme=draw(st.sampled_from([i.scheme]) | texts) if schemes else i.scheme,
        )
        for i in m.inferences.values()
    ]
    conflicts = [
        attrs.evolve(c, id=r(c.id), source=r(c.source), target=r(c.target))
        for c in m.conflicts.values()
    ]
    return attrs.evolve(
        m,
        title=draw(texts),
        statements=statements,
        inferences=inferences,
        conflicts=conflicts,
        theses=tuple(map(r, m.theses)),
    )
