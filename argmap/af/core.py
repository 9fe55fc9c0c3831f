"""The undecided core: what the complete, preferred and stable searches work on.

The arguments the grounded labelling leaves ``undec``, as a small integer problem
(:class:`_Core`), and the helpers the search (:mod:`argmap.af.search`), the SCC
decomposition (:mod:`argmap.af.scc`) and the clingo backend (:mod:`argmap.af.clingo`)
share. Nothing here imports those modules.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Sequence

import attrs

from argmap.af.labels import _ANY, _I, _O, _U, _UNDEC, Semantics, _where


@attrs.frozen
class _Core:
    """The sub-framework of the arguments left ``undec`` by the grounded labelling, or a
    local problem of :class:`_Decomposition` (then ``members`` are indices, ``local`` empty).

    Its attacks are the attacks among those arguments: any other attacker of a core
    argument is ``out`` in every complete labelling, so it never matters. ``order`` is
    the branching order of the search: most attacks first (a choice there propagates
    furthest), ties by position.
    """

    members: tuple[int, ...]
    local: dict[int, int]
    attackers: list[list[int]]
    targets: list[list[int]]
    order: tuple[int, ...]

    @classmethod
    def build(cls, labels: bytearray, offsets: array[int], targets: array[int]) -> _Core:
        members = tuple(_where(labels, _UNDEC))
        local = {position: index for index, position in enumerate(members)}
        attackers: list[list[int]] = [[] for _ in members]
        for index, position in enumerate(members):
            for target in targets[offsets[position] : offsets[position + 1]]:
                victim = local.get(target)
                if victim is not None:
                    attackers[victim].append(index)
        return attrs.evolve(cls.of(attackers), members=members, local=local)

    @classmethod
    def of(cls, attackers: Sequence[Iterable[int]]) -> _Core:
        """The problem whose argument ``x`` is attacked by ``attackers[x]`` (indices)."""
        rows = [sorted(set(row)) for row in attackers]
        hits: list[list[int]] = [[] for _ in rows]
        for x, row in enumerate(rows):
            for y in row:
                hits[y].append(x)
        degree = [len(a) + len(h) for a, h in zip(rows, hits, strict=True)]
        order = tuple(sorted(range(len(rows)), key=lambda x: (-degree[x], x)))
        return cls(tuple(range(len(rows))), {}, rows, hits, order)


def _initial_domains(core: _Core, semantics: Semantics) -> list[int]:
    return [(_I | _O) if semantics == "stable" else _ANY] * len(core.members)


def _labels_of(core: _Core, inside: Iterable[int]) -> list[int]:
    """The complete labelling of an ``in`` set (Caminada's Ext2Lab) as one-bit domains."""
    domains = [_U] * len(core.members)
    for x in inside:
        domains[x] = _I
    for x in inside:
        for y in core.targets[x]:
            domains[y] = _O
    return domains


def _ancestors(core: _Core, x: int) -> dict[int, int]:
    """``x`` and every argument with a path of attacks to it, each with its index in the
    sub-problem they form (an unattacked set: every attacker of a member is a member)."""
    found = {x: 0}
    queue = [x]
    for y in queue:  # the queue grows while it is read
        for z in core.attackers[y]:
            if z not in found:
                found[z] = len(found)
                queue.append(z)
    return found
