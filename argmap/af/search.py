"""Complete, preferred and stable semantics: the labelling search on one local problem.

:func:`_local_labellings` is the one entry point: it lists the complete (stable,
preferred) labellings of a :class:`~argmap.af.core._Core`, with clingo
(:mod:`argmap.af.clingo`) or with the pure-Python branching search :class:`_Search`
(preferred: the iterative scheme of Cerutti et al. on top of it). The SCC decomposition
(:mod:`argmap.af.scc`) calls it once per strongly connected component and input.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator, Sequence
from itertools import accumulate, islice

from argmap.af.clingo import _clingo_extensions, _use_clingo
from argmap.af.core import _Core, _initial_domains, _labels_of
from argmap.af.grounded import _label_grounded
from argmap.af.labels import _ANY, _I, _IN, _O, _OUT, _U, _UNDEC, Semantics, Solver


def _local_labellings(
    core: _Core, semantics: Semantics, solver: Solver, *, limit: int = 0, pin: int = -1
) -> list[list[int]]:
    """The complete (stable, preferred) labellings of ``core`` as one-bit domains per
    argument, at most ``limit`` of them when non-zero; ``pin`` (an index) must be ``in``.
    The backend is chosen by :func:`_use_clingo` from the size of ``core``."""
    if _use_clingo(solver, len(core.members)):
        found = _clingo_extensions(core, semantics, limit=limit, pin=pin)
        return [_labels_of(core, inside) for inside in found]
    if semantics == "preferred":
        return _preferred(core, limit)
    domains = _initial_domains(core, semantics)
    if pin >= 0:
        domains[pin] = _I
    solutions = _Search(core, domains, []).solutions()
    return list(islice(solutions, limit) if limit else solutions)


def _preferred(core: _Core, limit: int) -> list[list[int]]:
    """Maximal complete labellings of the core, one search per step: find a complete
    labelling not below any found so far, grow it while a strictly larger complete
    labelling exists, record it, repeat (Cerutti, Dunne, Giacomin & Vallati, TAFA 2013)."""
    found: list[list[int]] = []
    exclusions: list[list[int]] = []
    everything = range(len(core.members))
    start: list[int] | None = _grounded_domains(core)
    while start is not None:
        domains = _grow(core, start)
        found.append(domains)
        if len(found) == limit:
            break
        exclusions.append([x for x in everything if domains[x] != _I])
        search = _Search(core, _initial_domains(core, "complete"), exclusions)
        start = next(search.solutions(), None)
    return found


def _grounded_domains(core: _Core) -> list[int]:
    """The grounded labelling of a local problem (complete, so a start for ``_grow``; for
    the whole undecided core it is all ``undec``), as one-bit domains."""
    offsets = array("q", accumulate([0, *map(len, core.targets)]))
    targets = array("i", [y for row in core.targets for y in row])
    labels = _label_grounded(offsets, targets, [len(row) for row in core.attackers])
    bits = {_IN: _I, _OUT: _O, _UNDEC: _U}
    return [bits[label] for label in labels]


def _grow(core: _Core, domains: list[int]) -> list[int]:
    """Enlarge a complete labelling while a strictly larger complete labelling exists."""
    while True:
        undecided = [x for x, d in enumerate(domains) if d == _U]
        if not undecided:
            return domains
        pinned = [_I if d == _I else _ANY for d in domains]
        larger = next(_Search(core, pinned, [undecided]).solutions(), None)
        if larger is None:
            return domains
        domains = larger


class _Search:
    """Depth-first search over the complete labellings of a core, with propagation.

    Each argument has a *domain*, a bit set of the labels still possible. Each argument x
    brings one constraint, "the label of x is ``in`` if all its attackers are ``out``,
    ``out`` if one is ``in``, ``undec`` otherwise" (Caminada 2006); ``clauses``
    add constraints "at least one of these arguments is ``in``". Propagation removes
    labels that no assignment of the other arguments of a constraint supports, until
    nothing changes (an AC-3 style queue); the search then branches on the first
    argument (in ``core.order``) with more than one label left, ``in`` before ``out``
    before ``undec``, and undoes its changes through a trail on backtracking. There is no
    recursion.

    A clause watches two of its arguments that can still be ``in`` (the two watched
    literals of SAT solvers, Moskewicz et al., "Chaff", DAC 2001) and is only looked at
    when one of those changes: clauses as long as the core (one per preferred labelling
    found) would otherwise be rescanned at every step, quadratic on a long cycle.
    Watches survive backtracking, since undoing only gives labels back.
    """

    def __init__(self, core: _Core, domains: list[int], clauses: Sequence[list[int]]) -> None:
        self.attackers = core.attackers
        self.targets = core.targets
        self.order = core.order
        self.domains = list(domains)
        self.clauses = list(clauses)
        count = len(domains)
        self.size = count
        self.watch: list[list[int]] = [[] for _ in range(count)]
        self.watched: list[list[int]] = []
        for index, clause in enumerate(self.clauses):
            pair = [0, min(1, len(clause) - 1)] if clause else [-1, -1]
            self.watched.append(pair)
            for slot in dict.fromkeys(pair):
                if slot >= 0:
                    self.watch[clause[slot]].append(count + index)
        self.trail: list[tuple[int, int]] = []
        self.queue = list(range(count + len(self.clauses)))
        self.queued = bytearray(b"\x01" * len(self.queue))

    def solutions(self) -> Iterator[list[int]]:
        """Every complete labelling satisfying the clauses, as a list of one-bit domains."""
        if not self._propagate():
            return
        stack: list[tuple[int, int, list[int]]] = []
        while True:
            domains = self.domains
            choice = next((x for x in self.order if domains[x] & (domains[x] - 1)), -1)
            if choice < 0:
                yield list(self.domains)
            else:
                domain = self.domains[choice]
                stack.append((len(self.trail), choice, [v for v in (_I, _O, _U) if domain & v]))
            if not self._next_branch(stack):
                return

    def _next_branch(self, stack: list[tuple[int, int, list[int]]]) -> bool:
        """Backtrack to the latest choice with a label left to try and try it."""
        while stack:
            mark, choice, values = stack[-1]
            self._undo(mark)
            if not values:
                stack.pop()
                continue
            if self._restrict(choice, values.pop(0)) and self._propagate():
                return True
        return False

    def _undo(self, mark: int) -> None:
        trail, domains = self.trail, self.domains
        while len(trail) > mark:
            x, domain = trail.pop()
            domains[x] = domain

    def _restrict(self, x: int, allowed: int) -> bool:
        """Keep only ``allowed`` labels of x; False when none is left."""
        old = self.domains[x]
        new = old & allowed
        if new == old:
            return True
        if not new:
            return False
        self.trail.append((x, old))
        self.domains[x] = new
        self._wake(x)
        return True

    def _wake(self, x: int) -> None:
        """Queue the constraints that mention x: its own, its targets', its clauses."""
        queue, queued = self.queue, self.queued
        for constraint in (x, *self.targets[x], *self.watch[x]):
            if not queued[constraint]:
                queued[constraint] = 1
                queue.append(constraint)

    def _propagate(self) -> bool:
        queue, queued = self.queue, self.queued
        while queue:
            constraint = queue.pop()
            queued[constraint] = 0
            if constraint < self.size:
                consistent = self._revise(constraint)
            else:
                consistent = self._revise_clause(constraint - self.size)
            if not consistent:
                for pending in queue:
                    queued[pending] = 0
                queue.clear()
                return False
        return True

    def _revise(self, x: int) -> bool:
        """Prune the constraint of argument x (see the class docstring)."""
        domains = self.domains
        attackers = self.attackers[x]
        can_in = [y for y in attackers if domains[y] & _I]
        can_undec = [y for y in attackers if domains[y] & _U]
        not_out = [y for y in attackers if domains[y] != _O]
        all_can_out = all(domains[y] & _O for y in attackers)
        none_surely_in = all(domains[y] != _I for y in attackers)
        possible = (_I if all_can_out else 0) | (_O if can_in else 0)
        possible |= _U if none_surely_in and can_undec else 0
        if not self._restrict(x, possible):
            return False
        label = domains[x]
        if label == _I:
            return all(self._restrict(y, _O) for y in attackers)
        if not label & _O and not all(self._restrict(y, _O | _U) for y in attackers):
            return False
        if label == _O and len(can_in) == 1:
            return self._restrict(can_in[0], _I)
        if label == _U and len(can_undec) == 1:
            return self._restrict(can_undec[0], _U)
        if not label & _I and len(not_out) == 1:
            return self._restrict(not_out[0], _I | _U)
        return True

    def _revise_clause(self, index: int) -> bool:
        """Keep both watches on arguments that can be ``in``; with one left, it is ``in``."""
        clause, pair, domains = self.clauses[index], self.watched[index], self.domains
        if not clause:
            return False
        for slot in (0, 1):
            if not domains[clause[pair[slot]]] & _I:
                self._move_watch(index, slot)
        first, second = (clause[position] for position in pair)
        first_can, second_can = domains[first] & _I, domains[second] & _I
        if first == second or not (first_can and second_can):
            if not (first_can or second_can):
                return False
            return self._restrict(first if first_can else second, _I)
        return True

    def _move_watch(self, index: int, slot: int) -> None:
        """Watch another argument of the clause that can be ``in``, if there is one."""
        clause, pair, domains = self.clauses[index], self.watched[index], self.domains
        size, start, other = len(clause), pair[slot], pair[1 - slot]
        for step in range(1, size):
            position = (start + step) % size
            if position != other and domains[clause[position]] & _I:
                self.watch[clause[start]].remove(self.size + index)
                self.watch[clause[position]].append(self.size + index)
                pair[slot] = position
                return
