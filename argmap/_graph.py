"""A map's structure with every reference resolved, once, to an integer.

Statements are numbered ``0 .. S-1``, inferences ``S .. S+I-1`` and conflicts
``S+I .. S+I+C-1``, each in map order; an unknown reference is ``-1``. The
structural rules of :func:`argmap.check` run over these compact integer lists
instead of looking string ids up in large dicts again and again: on maps of
100,000 statements each such lookup costs a cache miss, and avoiding them is what
keeps ``check`` fast on big maps.
Nothing here recurses, so chains of any length are fine.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from argmap._algorithms import peel, strongly_connected
from argmap.model import ArgumentMap

__all__ = ["UNKNOWN", "Graph", "Successors"]

UNKNOWN = -1


class Successors(Sequence[list[int]]):
    """Adjacency lists packed into two flat integer lists (compressed sparse rows):
    the successors of ``n`` are ``flat[starts[n]:starts[n + 1]]``. Two lists instead
    of one list per node keep big graphs compact and cheap for the garbage collector."""

    def __init__(self, size: int, edges: list[tuple[int, int]]) -> None:
        self.size = size
        counts = [0] * (size + 1)
        for tail, _ in edges:
            counts[tail + 1] += 1
        for n in range(size):
            counts[n + 1] += counts[n]
        self.starts = counts
        flat = [0] * len(edges)
        fill = counts[:-1]
        for tail, head in edges:
            flat[fill[tail]] = head
            fill[tail] += 1
        self.flat = flat

    def __getitem__(self, node: int) -> list[int]:  # type: ignore[override]
        return self.flat[self.starts[node] : self.starts[node + 1]]

    def __len__(self) -> int:
        return self.size

    def __iter__(self) -> Iterator[list[int]]:
        flat, starts = self.flat, self.starts
        return (flat[starts[n] : starts[n + 1]] for n in range(self.size))


class Graph:
    """Integer adjacency of one map (see the module docstring)."""

    def __init__(self, map: ArgumentMap) -> None:
        self.statement_ids: list[str] = list(map.statements)
        self.inference_ids: list[str] = list(map.inferences)
        self.conflict_ids: list[str] = list(map.conflicts)
        size = len(self.statement_ids)
        number = {id: n for n, id in enumerate(self.statement_ids)}
        of_statement = number.get
        self.premises: list[tuple[int, ...]] = [
            tuple([of_statement(p, UNKNOWN) for p in inference.premises])
            for inference in map.inferences.values()
        ]
        self.conclusions: list[int] = [
            of_statement(inference.conclusion, UNKNOWN) for inference in map.inferences.values()
        ]
        first_conflict = size + len(self.inference_ids)
        number = dict(number)  # a copy: ``of_statement`` must not see inferences or conflicts
        number.update({id: size + n for n, id in enumerate(self.inference_ids)})
        number.update({id: first_conflict + n for n, id in enumerate(self.conflict_ids)})
        of_node = number.get
        self.sources: list[int] = [of_statement(c.source, UNKNOWN) for c in map.conflicts.values()]
        self.targets: list[int] = [of_node(c.target, UNKNOWN) for c in map.conflicts.values()]
        self.theses: list[int] = [of_statement(t, UNKNOWN) for t in map.theses]
        self.size = size
        self.first_conflict = first_conflict
        self.shares_ids = len(number) < first_conflict + len(self.conflict_ids)
        """True when some id names nodes of two kinds (a statement and an inference, say)."""

    # -- support ---------------------------------------------------------------------

    def support_successors(self) -> Successors:
        """For each statement, the conclusions it supports (edges may repeat)."""
        edges = [
            (premise, conclusion)
            for premises, conclusion in zip(self.premises, self.conclusions, strict=True)
            if conclusion != UNKNOWN
            for premise in premises
            if premise != UNKNOWN
        ]
        return Successors(self.size, edges)

    @staticmethod
    def on_cycles(successors: Successors) -> list[int]:
        """Statements on a support cycle or supported from one (empty when there is none)."""
        return peel(successors)[1]

    @staticmethod
    def strongly_connected(successors: Successors, nodes: list[int]) -> list[list[int]]:
        """The strongly connected components among ``nodes``, each sorted."""
        return [sorted(component) for component in strongly_connected(successors, nodes)]

    @staticmethod
    def cycles(
        successors: Successors, component: list[int], budget: list[int]
    ) -> Iterator[list[int]]:
        """Each elementary cycle of one component once, rooted at its lowest-numbered
        (first in map order) statement. ``budget`` bounds the steps: some graphs have
        exponentially many cycles."""
        members = set(component)
        for start in component:
            path = [start]
            on_path = {start}
            work = [iter(dict.fromkeys(successors[start]))]
            while work:
                for successor in work[-1]:
                    if successor == start:
                        yield list(path)
                    elif successor > start and successor in members and successor not in on_path:
                        budget[0] -= 1
                        if budget[0] < 0:
                            return
                        path.append(successor)
                        on_path.add(successor)
                        work.append(iter(dict.fromkeys(successors[successor])))
                        break
                else:
                    work.pop()
                    on_path.discard(path.pop())

    # -- connectivity ------------------------------------------------------------------

    def connected_to_theses(self) -> bytearray:
        """For each statement, inference and conflict, 1 if a chain of supports and conflicts,
        in either direction, links it to a thesis (union-find with path halving)."""
        parent = list(range(self.first_conflict + len(self.conflict_ids)))

        def edges() -> Iterator[tuple[int, int]]:
            for k, (premises, conclusion) in enumerate(
                zip(self.premises, self.conclusions, strict=True)
            ):
                node = self.size + k
                yield node, conclusion
                for premise in premises:
                    yield premise, node
            for k, (source, target) in enumerate(zip(self.sources, self.targets, strict=True)):
                node = self.first_conflict + k
                yield source, node
                yield node, target

        for a, b in edges():
            if a == UNKNOWN or b == UNKNOWN:
                continue
            while parent[a] != a:
                parent[a] = parent[parent[a]]
                a = parent[a]
            while parent[b] != b:
                parent[b] = parent[parent[b]]
                b = parent[b]
            if a != b:
                parent[a] = b
        for node in range(len(parent)):
            root = node
            while parent[root] != root:
                parent[root] = parent[parent[root]]  # halving here too: no long walks
                root = parent[root]
            parent[node] = root
        roots = {parent[t] for t in self.theses if t != UNKNOWN}
        return bytearray(root in roots for root in parent)
