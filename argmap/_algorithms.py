"""Graph algorithms over integer nodes ``0 .. n-1``, shared by the checks and the
gradual semantics. Both run without recursion, so graphs of any depth are fine."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

__all__ = ["peel", "strongly_connected"]

Adjacency = Sequence[Sequence[int]]
"""``edges[n]``: the nodes that node ``n`` points to (repeats allowed)."""


def peel(edges: Adjacency) -> tuple[list[int], list[int]]:
    """Kahn's algorithm (A. B. Kahn, "Topological sorting of large networks", CACM 5(11),
    1962): the nodes that no cycle reaches, in topological order (each before those it
    points to), and the rest, which lie on a cycle or after one. The rest is empty
    exactly when the graph is acyclic."""
    pending = [0] * len(edges)
    for targets in edges:
        for target in targets:
            pending[target] += 1
    order = [node for node, count in enumerate(pending) if count == 0]
    for node in order:  # grows while it is read: a queue
        for target in edges[node]:
            pending[target] -= 1
            if pending[target] == 0:
                order.append(target)
    return order, [node for node, count in enumerate(pending) if count > 0]


def strongly_connected(edges: Adjacency, nodes: Iterable[int]) -> list[list[int]]:
    """Tarjan's strongly connected components (R. Tarjan, "Depth-first search and linear
    graph algorithms", SIAM J. Comput. 1(2), 1972) of the subgraph reached from
    ``nodes``, with an explicit stack. Each component is listed after every component
    it points to."""
    size = len(edges)
    index = [-1] * size
    low = [0] * size
    on_stack = [False] * size
    stack: list[int] = []
    found: list[list[int]] = []
    counter = 0
    for root in nodes:
        if index[root] != -1:
            continue
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack[root] = True
        work: list[tuple[int, Iterator[int]]] = [(root, iter(edges[root]))]
        while work:
            node, pending = work[-1]
            for target in pending:
                if index[target] == -1:
                    index[target] = low[target] = counter
                    counter += 1
                    stack.append(target)
                    on_stack[target] = True
                    work.append((target, iter(edges[target])))
                    break
                if on_stack[target]:
                    low[node] = min(low[node], index[target])
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
                if low[node] == index[node]:
                    component: list[int] = []
                    while True:
                        member = stack.pop()
                        on_stack[member] = False
                        component.append(member)
                        if member == node:
                            break
                    found.append(component)
    return found
