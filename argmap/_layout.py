"""Staggered layout: which reasons and objections hang lower, so a wide tree of leaves
folds into rows (Graphviz's ``unflatten -l``, done on argmap's own graph).

:func:`argmap.dot.to_dot` gives each inference or conflict :func:`_staggered` names the
``minlen`` computed here; nothing here draws.
"""

from __future__ import annotations

import math
from collections.abc import Container, Iterator

from argmap.model import ArgumentMap, Conflict

__all__ = ["drawn_conflicts"]


def drawn_conflicts(map: ArgumentMap, shown: Container[str]) -> Iterator[Conflict]:
    """The conflicts a diagram draws, in map order: those whose both ends are ``shown``,
    and of two conflicts between the same ends in opposite directions only the first (a
    contradiction is one double-headed edge). The DOT diagram and the Mermaid chart
    draw the same edges."""
    drawn: set[tuple[str, str]] = set()
    for conflict in map.conflicts.values():
        if conflict.source not in shown or conflict.target not in shown:
            continue
        if (conflict.target, conflict.source) in drawn:
            continue
        drawn.add((conflict.source, conflict.target))
        yield conflict


def _staggered(map: ArgumentMap, rows: int, *, across: bool = False) -> dict[str, int]:
    """The ``minlen`` of each inference or conflict that hangs leaves off a node, where
    it is more than 1: Graphviz's ``unflatten -l`` (stagger the leaves of a wide tree),
    done on argmap's own graph, where a reason reaches its conclusion through a junction
    and ``unflatten`` cannot see that it is a leaf.

    Statements lie in *levels*: the theses (or, in a map without them, whatever starts a
    line of reasoning) in level 0, each reason and objection one level below what it
    hangs on. A *leaf branch* is an inference whose premises are leaves (statements that
    are not theses, that nothing supports or attacks, used once) and that nothing
    undercuts, or a conflict from a leaf (not one of a contradiction, not itself
    attacked). Leaf branches may sink up to ``rows - 1`` levels, never below the depth a
    well-proportioned picture of ``n`` statements has (``ceil(sqrt(n))`` levels, or the
    map's own depth if deeper: a box is about twice as wide as a level is tall, which
    makes a square grid about twice as wide as tall). In map order, the leaf branches
    of one node are dealt round-robin over the levels they may take (as ``unflatten``
    does: neighbours in different rows, so that the edges of the lower ones pass between
    the boxes of the upper ones), each passing on to the next level whose row is not
    yet full (``ceil(n / depth)`` boxes), else to the emptiest. On generated bushy maps
    (``benchmarks/bench_layout.py``) this takes the share within 3:1 from 17% to all
    of them. Every step is a count over the map, in its order: the same map always
    gives the same DOT.

    When levels are columns (``across``: ``rankdir`` LR or RL), nothing is staggered:
    a column of leaves is only as tall as their text, short boxes stacked, and
    staggering widened the picture (on the same maps drawn LR: median long/short side
    1.31 unstaggered, 1.42 staggered).
    """
    if rows < 2 or across or not map.statements:
        return {}
    hanging: dict[str, list[tuple[str, tuple[str, ...]]]] = {}  # node -> (branch, sources)
    uses: dict[str, int] = {}
    below: set[str] = set(map.theses)
    for inference in map.inferences.values():
        premises = tuple(dict.fromkeys(inference.premises))
        hanging.setdefault(inference.conclusion, []).append((inference.id, premises))
        for premise in premises:
            uses[premise] = uses.get(premise, 0) + 1
        below.add(inference.conclusion)
    for conflict in map.conflicts.values():
        hanging.setdefault(_hung_on(map, conflict), []).append((conflict.id, (conflict.source,)))
        uses[conflict.source] = uses.get(conflict.source, 0) + 1
        below.add(conflict.target)

    level: dict[str, int] = {}
    starts = [*map.theses, *(id for id in map.statements if id not in uses)]
    for start in [*starts, *map.statements]:
        if start in level or start not in map.statements:
            continue
        level[start] = 0
        queue = [start]
        for node in queue:  # breadth first: the queue grows as it is read
            for _, sources in hanging.get(node, ()):
                for source in sources:
                    if source not in level and source in map.statements:
                        level[source] = level[node] + 1
                        queue.append(source)

    def leaf(id: str) -> bool:
        return id in map.statements and id not in below and uses.get(id) == 1

    branches: list[tuple[str, str, int, int]] = []  # branch, what it hangs on, level, leaves
    placed: set[str] = set()
    for inference in map.inferences.values():
        premises = tuple(dict.fromkeys(inference.premises))
        if (
            inference.id not in below
            and premises
            and all(leaf(premise) for premise in premises)
            and all(_cluster(map, p) == _cluster(map, inference.conclusion) for p in premises)
        ):
            branches.append((inference.id, inference.conclusion, level[premises[0]], len(premises)))
            placed.update(premises)
    for conflict in map.conflicts.values():
        if (
            leaf(conflict.source)
            and conflict.id not in below
            and conflict.target != conflict.source
            and not map.is_contradiction(conflict.id)
            and _cluster(map, conflict.source) == _cluster(map, _hung_on(map, conflict))
        ):
            branches.append((conflict.id, _hung_on(map, conflict), level[conflict.source], 1))
            placed.add(conflict.source)
    count = len(map.statements)
    depth = max(max(level.values()) + 1, math.isqrt(count - 1) + 1)
    width = math.ceil(count / depth)
    filled = [0] * (depth + rows)
    for id, at in level.items():
        if id not in placed:
            filled[at] += 1
    minlen: dict[str, int] = {}
    turns: dict[str, int] = {}
    for branch, node, natural, size in branches:
        levels = range(natural, max(natural + 1, min(natural + rows, depth)))
        turn = turns.get(node, 0)
        turns[node] = turn + 1
        choices = [*levels[turn % len(levels) :], *levels[: turn % len(levels)]]
        fits = [at for at in choices if filled[at] + size <= width]
        chosen = fits[0] if fits else min(choices, key=lambda at: (filled[at], at))
        filled[chosen] += size
        if chosen > natural:
            minlen[branch] = 1 + 2 * (chosen - natural)
    return minlen


def _cluster(map: ArgumentMap, id: str) -> str:
    """The cluster a statement is drawn in: its first tag ("" for none)."""
    statement = map.statements.get(id)
    return statement.tags[0] if statement is not None and statement.tags else ""


def _hung_on(map: ArgumentMap, conflict: Conflict) -> str:
    """The statement a conflict hangs its source on: its target, or the conclusion of
    the inference it undercuts, or (for a conflict on a conflict) that one's."""
    target = conflict.target
    for _ in range(len(map.conflicts) + 1):  # a chain of conflicts on conflicts ends
        if target in map.conflicts:
            target = map.conflicts[target].target
        elif target in map.inferences:
            return map.inferences[target].conclusion
        else:
            return target
    return target
