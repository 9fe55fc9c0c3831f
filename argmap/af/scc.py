"""SCC decomposition: the complete, preferred and stable labellings of the undecided
core, one strongly connected component at a time (:class:`_Decomposition`), with
Tarjan's algorithm without recursion. Each component's local problem is solved by
:func:`argmap.af.search._local_labellings`.
"""

from __future__ import annotations

from typing import Any, TypeAlias

import attrs

from argmap.af.core import _Core
from argmap.af.labels import _I, _O, _U, Semantics, Solver
from argmap.af.search import _local_labellings

_State: TypeAlias = tuple[tuple[int, int], ...]
"""What the components done so far say to the rest: ``(argument, label)`` for each later
argument with an ``in`` (``_I``) or, failing that, an ``undec`` (``_U``) attacker among
them, sorted. An argument whose attackers so far are all ``out`` is left out."""


@attrs.frozen
class _Summary:
    """What the extensions agree on: their number and, per core argument, the bit set of
    the labels (``_I``, ``_O``, ``_U``) it has in some extension."""

    count: int
    masks: bytearray


class _Decomposition:
    """The complete, preferred or stable labellings of a core, component by component.

    The core is cut into its strongly connected components (SCCs), put in an order where
    every component comes after those that attack it. A labelling is complete exactly
    when each component's part is complete *given the labels of its attackers outside
    it* (the conditions of Caminada 2006 are local), and preferred exactly when each part
    is, moreover, a maximal-``in`` such labelling given those labels: this is the
    SCC-recursiveness of P. Baroni, M. Giacomin & G. Guida, "SCC-recursiveness: a general
    schema for argumentation semantics", AIJ 168 (2005), in Caminada's labellings (a
    larger part would give a larger admissible set of the unattacked set ending there,
    and preferred semantics is directional, Baroni & Giacomin 2007). Stable labellings
    are the complete ones without ``undec``.

    So the labellings are paths through a layered graph: layer ``j`` holds the
    :data:`_State` s the earlier components can leave, and each local labelling of
    component ``j`` given a state leads to the next. A component's local problem is
    solved once per distinct input, and once per distinct shape (components of the same
    shape, such as many mutual attacks, share the search): an argument with an ``in``
    attacker outside is ``out`` and drops out; one with an ``undec`` one (and no ``in``) gets a
    self-attacking helper argument, always ``undec``, as an extra attacker.

    * :meth:`walk` lists the paths depth first, skipping states known to lead nowhere
      (only stable has such states: complete and preferred always have a local
      labelling), so the work is proportional to the output;
    * :meth:`summary` counts the paths and collects the labels each argument takes,
      layer by layer, in time proportional to the number of states, which stays small
      when few arguments are attacked across components (30 independent mutual attacks:
      one state per layer, for 2**30 extensions). It is never more than the number of
      partial labellings, but it can be exponential in the number of *distinct*
      arguments one component hears from earlier ones (k mutual attacks each attacking
      its own argument of one cycle: 2**k inputs for the cycle). Skeptical acceptance
      under preferred semantics is Pi2-complete (Dunne & Bench-Capon 2002), so some
      input must be hard; this one needs a wide, deliberately built interface.

    The order of the components is a depth-first post-order over attackers, starting
    from the components nobody downstream waits for, so that a component follows its
    attackers closely and the states stay short.
    """

    def __init__(self, core: _Core, semantics: Semantics, solver: Solver) -> None:
        self.core = core
        self.semantics = semantics
        self.solver = solver
        self.components, self.step = _components_in_order(core)
        self.cache: dict[tuple[int, _State], list[tuple[list[int], tuple[int, ...], _State]]] = {}
        self.shapes: dict[tuple[tuple[int, ...], ...], list[list[int]]] = {}
        self._summary: _Summary | None = None

    def local(self, j: int, state: _State) -> list[tuple[list[int], tuple[int, ...], _State]]:
        """The local labellings of component ``j`` given ``state``: for each, the labels of
        its members (in component order), the members ``in`` and the state left after."""
        step = self.step
        inputs = tuple(entry for entry in state if step[entry[0]] == j)
        rest = dict(entry for entry in state if step[entry[0]] != j)
        key = (j, inputs)
        solved = self.cache.get(key)
        if solved is None:
            solved = [(labels, *self._effects(j, labels)) for labels in self._solve(j, inputs)]
            self.cache[key] = solved
        return [(labels, inside, _merge(rest, after)) for labels, inside, after in solved]

    def _effects(self, j: int, labels: list[int]) -> tuple[tuple[int, ...], _State]:
        """The members ``in`` and what the labelling says to later components."""
        members, step, targets = self.components[j], self.step, self.core.targets
        said: dict[int, int] = {}
        for x, label in zip(members, labels, strict=True):
            if label == _O:
                continue
            for y in targets[x]:
                if step[y] != j and said.get(y) != _I:
                    said[y] = label
        inside = tuple(x for x, label in zip(members, labels, strict=True) if label == _I)
        return inside, tuple(sorted(said.items()))

    def _solve(self, j: int, inputs: _State) -> list[list[int]]:
        """Local labellings of component ``j`` when its outside attackers say ``inputs``."""
        members, told = self.components[j], dict(inputs)
        kept = [x for x in members if told.get(x) != _I]
        index = {x: i for i, x in enumerate(kept)}
        rows = [[index[y] for y in self.core.attackers[x] if y in index] for x in kept]
        helper = len(kept)
        fed = [index[x] for x in kept if told.get(x) == _U]
        if fed and self.semantics == "stable":
            return []  # pragma: no cover - stable labellings never say undec
        if fed:
            for i in fed:
                rows[i].append(helper)
            rows.append([helper])
        shape = tuple(map(tuple, rows))
        found = self.shapes.get(shape)
        if found is None:
            found = _local_labellings(_Core.of(rows), self.semantics, self.solver)
            self.shapes[shape] = found
        return [[_O if x not in index else d[index[x]] for x in members] for d in found]

    def walk(self, limit: int) -> list[tuple[int, ...]]:
        """The core members ``in`` of each labelling (at most ``limit`` when non-zero)."""
        last = len(self.components)
        found: list[tuple[int, ...]] = []
        if last == 0:
            return [()]
        dead: set[tuple[int, _State]] = set()
        chosen: list[int] = []
        # Frames: step, state, local labellings, next one to try, length of chosen, found.
        stack: list[list[Any]] = [[0, (), self.local(0, ()), 0, 0, 0]]
        while stack:
            frame = stack[-1]
            j, state, options, next_one, mark, before = frame
            if next_one == len(options):
                if len(found) == before:
                    dead.add((j, state))
                stack.pop()
                continue
            frame[3] += 1
            _, inside, after = options[next_one]
            del chosen[mark:]
            chosen.extend(inside)
            if j + 1 == last:
                found.append(tuple(chosen))
                if len(found) == limit:
                    return found
            elif (j + 1, after) not in dead:
                stack.append([j + 1, after, self.local(j + 1, after), 0, len(chosen), len(found)])
        return found

    def summary(self) -> _Summary:
        """The number of labellings and the labels each core argument takes in them."""
        if self._summary is None:
            self._summary = self._count()
        return self._summary

    def _count(self) -> _Summary:
        layers: list[dict[_State, list[tuple[list[int], tuple[int, ...], _State]]]] = []
        reached: dict[_State, None] = {(): None}
        for j in range(len(self.components)):
            layer = {state: self.local(j, state) for state in reached}
            layers.append(layer)
            reached = {after: None for options in layer.values() for *_, after in options}
        ways: dict[_State, int] = dict.fromkeys(reached, 1)
        masks = bytearray(len(self.core.members))
        for j in range(len(layers) - 1, -1, -1):
            members, before = self.components[j], ways
            ways = {}
            for state, options in layers[j].items():
                total = 0
                for labels, _, after in options:
                    onward = before.get(after, 0)
                    if onward:
                        total += onward
                        for x, label in zip(members, labels, strict=True):
                            masks[x] |= label
                ways[state] = total
        return _Summary(ways.get((), 0), masks)


def _merge(rest: dict[int, int], said: _State) -> _State:
    """The state after a component: what earlier ones said, and what it says (``in``
    wins over ``undec``)."""
    if not said:
        return tuple(sorted(rest.items()))
    merged = dict(rest)
    for y, label in said:
        if merged.get(y) != _I:
            merged[y] = label
    return tuple(sorted(merged.items()))


def _components_in_order(core: _Core) -> tuple[list[list[int]], list[int]]:
    """The SCCs of ``core`` in an order where attackers come first, and the position of
    each argument's component in it."""
    component, count = _tarjan(core.targets)
    attackers: list[set[int]] = [set() for _ in range(count)]
    for x, row in enumerate(core.attackers):
        for y in row:
            if component[y] != component[x]:
                attackers[component[x]].add(component[y])
    order: list[int] = []
    seen = bytearray(count)
    for root in range(count):  # Tarjan numbers components sinks first
        if seen[root]:
            continue
        seen[root] = 1
        work = [(root, iter(sorted(attackers[root])))]
        while work:
            current, pending = work[-1]
            upstream = next((c for c in pending if not seen[c]), -1)
            if upstream < 0:
                work.pop()
                order.append(current)
            else:
                seen[upstream] = 1
                work.append((upstream, iter(sorted(attackers[upstream]))))
    place = [0] * count
    for index, c in enumerate(order):
        place[c] = index
    members: list[list[int]] = [[] for _ in range(count)]
    for x, c in enumerate(component):
        members[place[c]].append(x)
    return members, [place[c] for c in component]


def _tarjan(targets: list[list[int]]) -> tuple[list[int], int]:
    """Strongly connected components (R. Tarjan, "Depth-first search and linear graph
    algorithms", SIAM J. Comput. 1, 1972), without recursion: the component of each
    vertex, numbered so that every edge goes to the same or a lower number."""
    count = len(targets)
    index, low, component = [-1] * count, [0] * count, [-1] * count
    stack: list[int] = []
    counter = components = 0
    for root in range(count):
        if index[root] >= 0:
            continue
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        work = [(root, iter(targets[root]))]
        while work:
            v, successors = work[-1]
            for w in successors:
                if index[w] < 0:
                    index[w] = low[w] = counter
                    counter += 1
                    stack.append(w)
                    work.append((w, iter(targets[w])))
                    break
                if component[w] < 0:
                    low[v] = min(low[v], index[w])
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[v])
                if low[v] == index[v]:
                    while True:
                        w = stack.pop()
                        component[w] = components
                        if w == v:
                            break
                    components += 1
    return component, components
