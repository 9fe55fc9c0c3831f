"""Consistency checks: ``check(map) -> Report`` with every problem found.

Each rule is a function from a map to its problems, with a stable code. The
position rule follows G. Betz, *Theorie dialektischer Strukturen* (2010) and
"Evaluating dialectical structures", J. Philos. Logic 38 (2009): a position is
coherent when it accepts no rejected conclusion of accepted premises and never
accepts both sides of a conflict.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping

from argmap.model import ArgumentMap, Conflict, Inference
from argmap.report import Location, Problem, Report, Severity

__all__ = ["CODES", "Position", "check", "node_reference_problems", "reference_problems"]

Position = Mapping[str, bool]
"""Statement id -> True (accepted) or False (rejected); unmentioned ids are open."""

CODES: Mapping[str, Severity] = {
    "unknown-reference": "error",
    "duplicate-id": "error",
    "no-premises": "error",
    "circular-support": "error",
    "contradictory-premises": "error",
    "support-and-attack": "error",
    "self-conflict": "error",
    "quote-not-found": "error",
    "incoherent-position": "error",
    "disconnected": "warning",
    "no-thesis": "warning",
    "empty-text": "warning",
    "quotes-unchecked": "info",
}
"""Every code ``check`` can report, with its severity."""

MAX_CYCLES = 100
"""Elementary cycles listed one by one; past this, the rest are summed up per component."""

_CYCLE_SEARCH_STEPS = 1_000_000


def check(map: ArgumentMap, *, position: Position | None = None) -> Report:
    """Check ``map`` and return a :class:`Report` of every problem found.

    With ``position``, also report where it is incoherent with the map.
    """
    rules: list[Callable[[ArgumentMap], Iterable[Problem]]] = [
        reference_problems,
        _circular_support,
        _contradictory_premises,
        _support_and_attack,
        _self_conflict,
        _quotes,
        _empty_text,
        _no_thesis,
        _disconnected,
    ]
    problems = [problem for rule in rules for problem in rule(map)]
    if position is not None:
        problems.extend(_incoherent_position(map, position))
    return Report.from_problems([_locate(map, problem) for problem in problems])


def _problem(code: str, ids: Iterable[str], message: str) -> Problem:
    return Problem(code=code, severity=CODES[code], ids=tuple(ids), message=message)


def _locate(map: ArgumentMap, problem: Problem) -> Problem:
    if problem.location is not None or not map.locations:
        return problem
    for id in problem.ids:
        location = map.locations.get(id)
        if isinstance(location, Location):
            return Problem(problem.code, problem.severity, problem.ids, problem.message, location)
    return problem


def _names(ids: Iterable[str]) -> str:
    names = [repr(id) for id in ids]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


# -- references -------------------------------------------------------------------


def reference_problems(map: ArgumentMap) -> Iterator[Problem]:
    """Unknown ids, ids shared by two kinds of node, and inferences without premises."""
    kinds: dict[str, Mapping[str, object]] = {
        "statement": map.statements,
        "inference": map.inferences,
    }
    for id in map.inferences:
        if id in map.statements:
            yield _problem("duplicate-id", [id], f"{id!r} is both a statement and an inference.")
    for id in map.conflicts:
        for kind, nodes in kinds.items():
            if id in nodes:
                yield _problem("duplicate-id", [id], f"{id!r} is both a {kind} and a conflict.")

    relations: list[Inference | Conflict] = [*map.inferences.values(), *map.conflicts.values()]
    for relation in relations:
        yield from node_reference_problems(map, relation)
    for argument in map.arguments.values():
        if argument.id in map:
            yield _problem(
                "duplicate-id", [argument.id], f"{argument.id!r} is both an argument and a node."
            )
        members = [*argument.statements, *filter(None, [argument.conclusion])]
        for member in members:
            if member not in map.statements:
                yield _unknown(member, argument.id, "member statement")
        for member in argument.inferences:
            if member not in map.inferences:
                yield _unknown(member, argument.id, "member inference")
    for thesis in map.theses:
        if thesis not in map.statements:
            yield _problem(
                "unknown-reference",
                [thesis],
                f"the thesis {thesis!r} is not a statement.",
            )


def _unknown(ref: str, owner: str, role: str) -> Problem:
    return _problem("unknown-reference", [ref, owner], f"{owner!r} names unknown {role} {ref!r}.")


def node_reference_problems(map: ArgumentMap, node: Inference | Conflict) -> Iterator[Problem]:
    """The unknown ids one inference or conflict names, and an inference without premises."""
    if isinstance(node, Inference):
        if not node.premises:
            yield _problem("no-premises", [node.id], f"{node.id!r} has no premises.")
        for premise in node.premises:
            if premise not in map.statements:
                yield _unknown(premise, node.id, "premise")
        if node.conclusion not in map.statements:
            yield _unknown(node.conclusion, node.id, "conclusion")
        return
    if node.source not in map.statements:
        yield _unknown(node.source, node.id, "source statement")
    if node.target not in map.statements and node.target not in map.inferences:
        yield _unknown(node.target, node.id, "target")


# -- circular support -------------------------------------------------------------


def _support_graph(map: ArgumentMap) -> dict[str, list[str]]:
    """Premise -> conclusions, over known statements, without repeated edges."""
    graph: dict[str, dict[str, None]] = {}
    for inference in map.inferences.values():
        if inference.conclusion not in map.statements:
            continue
        for premise in inference.premises:
            if premise in map.statements:
                graph.setdefault(premise, {})[inference.conclusion] = None
    return {node: list(targets) for node, targets in graph.items()}


def _on_cycles(graph: Mapping[str, list[str]], order: Iterable[str]) -> list[str]:
    """The statements left after peeling off, again and again, every one that no
    remaining statement supports (Kahn's algorithm): empty exactly when there is no
    cycle, and otherwise the cycles and what they support."""
    supported_by = dict.fromkeys(order, 0)
    for targets in graph.values():
        for target in targets:
            supported_by[target] += 1
    free = [node for node, count in supported_by.items() if count == 0]
    while free:
        for target in graph.get(free.pop(), ()):
            supported_by[target] -= 1
            if supported_by[target] == 0:
                free.append(target)
    return [node for node, count in supported_by.items() if count > 0]


def _strongly_connected(graph: Mapping[str, list[str]], order: Iterable[str]) -> list[list[str]]:
    """Tarjan's strongly connected components, iteratively (no recursion limit)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[list[str]] = []
    for root in order:
        if root in index or root not in graph:
            continue
        work: list[tuple[str, Iterator[str]]] = [(root, iter(graph.get(root, ())))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, successors = work[-1]
            for successor in successors:
                if successor not in index:
                    index[successor] = low[successor] = len(index)
                    stack.append(successor)
                    on_stack.add(successor)
                    work.append((successor, iter(graph.get(successor, ()))))
                    break
                if successor in on_stack:
                    low[node] = min(low[node], index[successor])
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
                if low[node] == index[node]:
                    component: list[str] = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    components.append(component)
    return components


def _cycles(
    graph: Mapping[str, list[str]], component: list[str], rank: Mapping[str, int], budget: list[int]
) -> Iterator[list[str]]:
    """Each elementary cycle of one component once, rooted at its first statement in map
    order. ``budget`` bounds the steps taken, as some graphs have exponentially many."""
    members = set(component)
    for start in sorted(component, key=rank.__getitem__):
        first = rank[start]
        path = [start]
        on_path = {start}
        work = [iter(graph.get(start, ()))]
        while work:
            for successor in work[-1]:
                if successor == start:
                    yield list(path)
                elif successor in members and rank[successor] > first and successor not in on_path:
                    budget[0] -= 1
                    if budget[0] < 0:
                        return
                    path.append(successor)
                    on_path.add(successor)
                    work.append(iter(graph.get(successor, ())))
                    break
            else:
                work.pop()
                on_path.discard(path.pop())


def _circular_support(map: ArgumentMap) -> Iterator[Problem]:
    graph = _support_graph(map)
    if not graph:
        return
    rank = {id: position for position, id in enumerate(map.statements)}
    budget = [_CYCLE_SEARCH_STEPS]
    reported = 0
    components = _strongly_connected(graph, _on_cycles(graph, map.statements))
    for component in sorted(components, key=lambda c: min(rank[id] for id in c)):
        if len(component) == 1 and component[0] not in graph.get(component[0], ()):
            continue
        listed = 0
        for cycle in _cycles(graph, component, rank, budget):
            if reported >= MAX_CYCLES:
                break
            reported += 1
            listed += 1
            chain = " -> ".join(repr(id) for id in [*cycle, cycle[0]])
            yield _problem("circular-support", cycle, f"circular support: {chain}.")
        if listed == 0 or budget[0] < 0 or reported >= MAX_CYCLES:
            members = sorted(component, key=rank.__getitem__)
            yield _problem(
                "circular-support",
                members,
                f"more circular support than listed among {_names(members)}.",
            )


# -- local contradictions ------------------------------------------------------------


def _contradictory_premises(map: ArgumentMap) -> Iterator[Problem]:
    for inference in map.inferences.values():
        premises = list(dict.fromkeys(inference.premises))
        for i, first in enumerate(premises):
            for second in premises[i + 1 :]:
                if map.in_conflict(first, second):
                    yield _problem(
                        "contradictory-premises",
                        [first, second, inference.id],
                        f"premises {first!r} and {second!r} of {inference.id!r} are in conflict.",
                    )
            if first != inference.conclusion and map.in_conflict(first, inference.conclusion):
                yield _problem(
                    "contradictory-premises",
                    [first, inference.conclusion, inference.id],
                    f"premise {first!r} of {inference.id!r} is in conflict with its conclusion "
                    f"{inference.conclusion!r}.",
                )


def _support_and_attack(map: ArgumentMap) -> Iterator[Problem]:
    seen: set[tuple[str, str]] = set()
    for conflict in map.conflicts.values():
        source, target = conflict.source, conflict.target
        if (source, target) in seen or source == target:
            continue
        if target in map.inferences:
            supports = source in map.inferences[target].premises
        else:
            supports = any(source in inference.premises for inference in map.supporters(target))
        if supports:
            seen.add((source, target))
            yield _problem(
                "support-and-attack",
                [source, target],
                f"{source!r} both supports and attacks {target!r}.",
            )


def _self_conflict(map: ArgumentMap) -> Iterator[Problem]:
    for conflict in map.conflicts.values():
        if conflict.source == conflict.target:
            yield _problem(
                "self-conflict",
                [conflict.source, conflict.id],
                f"{conflict.source!r} is in conflict with itself ({conflict.id!r}).",
            )


# -- provenance and text ---------------------------------------------------------------


def _quotes(map: ArgumentMap) -> Iterator[Problem]:
    quoted = [s for s in map.statements.values() if s.quote is not None]
    if map.source is None:
        if quoted:
            yield _problem(
                "quotes-unchecked",
                [s.id for s in quoted],
                f"the map has no source text, so {len(quoted)} quotes were not checked.",
            )
        return
    for statement in quoted:
        assert statement.quote is not None
        if not statement.quote.matches(map.source):
            shown = statement.quote.text
            shown = shown if len(shown) <= 60 else shown[:57] + "..."
            yield _problem(
                "quote-not-found",
                [statement.id],
                f"the quote of {statement.id!r} does not occur in the source: {shown!r}.",
            )


def _empty_text(map: ArgumentMap) -> Iterator[Problem]:
    for statement in map.statements.values():
        if not statement.text.strip():
            yield _problem("empty-text", [statement.id], f"{statement.id!r} has no text.")


# -- shape of the whole map ------------------------------------------------------------


def _no_thesis(map: ArgumentMap) -> Iterator[Problem]:
    if map.statements and not map.theses:
        yield _problem("no-thesis", [], "the map has statements but no thesis.")


def _disconnected(map: ArgumentMap) -> Iterator[Problem]:
    """Statements with no path of supports or conflicts, in either direction, to a thesis."""
    if not map.theses:
        return
    inferences, conflicts = map.inferences, map.conflicts
    reached = {thesis for thesis in map.theses if thesis in map.statements}
    frontier = list(reached)

    def visit(id: str) -> None:
        if id not in reached:
            reached.add(id)
            frontier.append(id)

    while frontier:
        node = frontier.pop()
        if node in inferences:
            inference = inferences[node]
            for premise in inference.premises:
                visit(premise)
            visit(inference.conclusion)
        else:
            for inference_id in (*map.supporters_ids(node), *map.uses_ids(node)):
                visit(inference_id)
            for conflict_id in map.attacks_ids(node):
                visit(conflicts[conflict_id].target)
        for conflict_id in map.attackers_ids(node):
            visit(conflicts[conflict_id].source)
    for id in map.statements:
        if id not in reached:
            yield _problem(
                "disconnected",
                [id],
                f"{id!r} is connected to no thesis by any support or conflict.",
            )


# -- positions -------------------------------------------------------------------------


def _incoherent_position(map: ArgumentMap, position: Position) -> Iterator[Problem]:
    for id in position:
        if id not in map.statements:
            yield _problem(
                "unknown-reference",
                [id],
                f"the position names unknown statement {id!r}.",
            )
    for inference in map.inferences.values():
        if position.get(inference.conclusion) is False and all(
            position.get(premise) is True for premise in inference.premises
        ):
            yield _problem(
                "incoherent-position",
                [inference.id, *inference.premises, inference.conclusion],
                f"the position accepts every premise of {inference.id!r} "
                f"({_names(inference.premises)}) but rejects its conclusion "
                f"{inference.conclusion!r}.",
            )
    seen: set[frozenset[str]] = set()
    for conflict in map.conflicts.values():
        pair = frozenset((conflict.source, conflict.target))
        if pair in seen:
            continue
        if position.get(conflict.source) is True and position.get(conflict.target) is True:
            seen.add(pair)
            yield _problem(
                "incoherent-position",
                [conflict.source, conflict.target, conflict.id],
                f"the position accepts both {conflict.source!r} and {conflict.target!r}, "
                f"which are in conflict ({conflict.id!r}).",
            )
