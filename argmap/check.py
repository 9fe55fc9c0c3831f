"""Consistency checks: ``check(map) -> Report`` with every problem found.

Each rule is a function from a map to its problems, with a stable code. The
position rule follows G. Betz, *Theorie dialektischer Strukturen* (2010) and
"Evaluating dialectical structures", J. Philos. Logic 38 (2009): a position is
coherent when it accepts no rejected conclusion of accepted premises and never
accepts both sides of a conflict.

The rules of argument schemes and declared conflict kinds (``unknown-scheme``,
``missing-scheme-premise``, ``invalid-slot``, ``open-critical-question``,
``unknown-question``, ``conflict-kind-mismatch``) live in ``argmap._scheme_checks``,
after Walton, Reed & Macagno, *Argumentation Schemes* (2008) and the Carneades model
(Gordon, Prakken & Walton 2007); the rules against the source text (``quote-reused``,
``hedge-dropped``, ``unattributed-report``, ``unanchored-relation``,
``source-coverage``) in ``argmap._source_checks``, with the word lists and sentence
splitter of :mod:`argmap.lexicon`. Each code is explained with an example on the
documentation's check-codes page.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, Protocol

from argmap._graph import UNKNOWN, Graph
from argmap._scheme_checks import SCHEME_CODES, scheme_problems
from argmap._source_checks import SOURCE_CODES, source_problems
from argmap.errors import MapError
from argmap.lexicon import LEXICON, Lexicon
from argmap.model import ArgumentMap, Conflict, Inference, short_repr
from argmap.report import Location, Problem, Report, Severity

__all__ = [
    "CODES",
    "Position",
    "check",
    "checked_position",
    "node_reference_problems",
    "position_problems",
    "reference_problems",
]

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
    "left-out-node": "error",
    "invalid-slot": SCHEME_CODES["invalid-slot"],
    "disconnected": "warning",
    "no-thesis": "warning",
    "empty-text": "warning",
    **{code: severity for code, severity in SCHEME_CODES.items() if severity == "warning"},
    **{code: severity for code, severity in SOURCE_CODES.items() if severity == "warning"},
    "quotes-unchecked": "info",
    **{code: severity for code, severity in SCHEME_CODES.items() if severity == "info"},
    **{code: severity for code, severity in SOURCE_CODES.items() if severity == "info"},
}
"""Every code ``check`` can report, with its severity."""

MAX_CYCLES = 100
"""Elementary cycles listed one by one; past this, the rest are summed up per component."""

_CYCLE_SEARCH_STEPS = 1_000_000


def check(
    map: ArgumentMap, *, position: Position | None = None, lexicon: Lexicon = LEXICON
) -> Report:
    """Check ``map`` and return a :class:`Report` of every problem found.

    With ``position``, also report where it is incoherent with the map (and each id
    it names that is not a statement). ``lexicon`` holds the hedges, attributions and
    connectives the checks against the source look for (see :mod:`argmap.lexicon`).
    A ``map`` that is not an :class:`ArgumentMap`, a position that is not a mapping of
    ids to True or False, or a lexicon that is not a :class:`~argmap.lexicon.Lexicon`
    raises :class:`~argmap.errors.MapError`.
    """
    _require_map(map)
    if not isinstance(lexicon, Lexicon):
        message = f"the lexicon is {short_repr(lexicon)}, not an argmap.lexicon.Lexicon."
        raise MapError([Problem("invalid-value", "error", (), message)])
    if position is not None:
        malformed = [p for p in position_problems(map, position) if p.code != "unknown-reference"]
        if malformed:
            raise MapError(malformed)
    graph = Graph(map)
    rules: list[Callable[[ArgumentMap, Graph], Iterable[Problem]]] = [
        _references,
        _circular_support,
        _contradictory_premises,
        _support_and_attack,
        _self_conflict,
        _quotes,
        _empty_text,
        _no_thesis,
        _disconnected,
        _left_out,
    ]
    problems = [problem for rule in rules for problem in rule(map, graph)]
    problems.extend(scheme_problems(map))
    problems.extend(source_problems(map, lexicon))
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
    return _references(map, Graph(map))


def _references(map: ArgumentMap, graph: Graph) -> Iterator[Problem]:
    if graph.shares_ids:
        yield from _shared_ids(map)
    for k, (premises, conclusion) in enumerate(zip(graph.premises, graph.conclusions, strict=True)):
        if not premises or conclusion == UNKNOWN or UNKNOWN in premises:
            yield from node_reference_problems(map, map.inferences[graph.inference_ids[k]])
    for k, (source, target) in enumerate(zip(graph.sources, graph.targets, strict=True)):
        if source == UNKNOWN or target == UNKNOWN:
            yield from node_reference_problems(map, map.conflicts[graph.conflict_ids[k]])
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
    for thesis, number in zip(map.theses, graph.theses, strict=True):
        if number == UNKNOWN:
            yield _problem(
                "unknown-reference", [thesis], f"the thesis {thesis!r} is not a statement."
            )


def _shared_ids(map: ArgumentMap) -> Iterator[Problem]:
    for id in map.statements.keys() & map.inferences.keys():
        yield _problem("duplicate-id", [id], f"{id!r} is both a statement and an inference.")
    for kind, nodes in (("statement", map.statements), ("inference", map.inferences)):
        for id in map.conflicts.keys() & nodes.keys():
            yield _problem("duplicate-id", [id], f"{id!r} is both a {kind} and a conflict.")


def _unknown(ref: str, owner: str, role: str) -> Problem:
    return _problem("unknown-reference", [ref, owner], f"{owner!r} names unknown {role} {ref!r}.")


class Nodes(Protocol):
    """Where references are looked up: an :class:`ArgumentMap`, or a builder's nodes."""

    @property
    def statements(self) -> Mapping[str, Any]: ...

    def __contains__(self, id: object, /) -> bool: ...


def node_reference_problems(map: Nodes, node: Inference | Conflict) -> Iterator[Problem]:
    """The unknown ids one inference or conflict names, and an inference without premises.

    A reference that is not a string is skipped: the map's constructor reports it.
    """
    if isinstance(node, Inference):
        if not node.premises:
            yield _problem("no-premises", [node.id], f"{node.id!r} has no premises.")
        for premise in node.premises:
            if isinstance(premise, str) and premise not in map.statements:
                yield _unknown(premise, node.id, "premise")
        if isinstance(node.conclusion, str) and node.conclusion not in map.statements:
            yield _unknown(node.conclusion, node.id, "conclusion")
        return
    if isinstance(node.source, str) and node.source not in map.statements:
        if node.source in map:
            yield _problem(
                "unknown-reference",
                [node.source, node.id],
                f"{node.id!r} names {node.source!r}, which is not a statement, as its source "
                f"against {node.target!r}: a conflict's source must be a statement "
                "(counter takes the target first, then the source).",
            )
        else:
            yield _unknown(node.source, node.id, "source statement")
    if isinstance(node.target, str) and node.target not in map:
        yield _unknown(node.target, node.id, "target")


# -- circular support -------------------------------------------------------------


def _circular_support(map: ArgumentMap, graph: Graph) -> Iterator[Problem]:
    successors = graph.support_successors()
    looping = Graph.on_cycles(successors)
    if not looping:
        return
    names = graph.statement_ids
    budget = [_CYCLE_SEARCH_STEPS]
    reported = 0
    for component in sorted(Graph.strongly_connected(successors, looping)):
        if len(component) == 1 and component[0] not in successors[component[0]]:
            continue
        listed = 0
        for cycle in Graph.cycles(successors, component, budget):
            if reported >= MAX_CYCLES:
                break
            reported += 1
            listed += 1
            ids = [names[n] for n in cycle]
            chain = " -> ".join(repr(id) for id in [*ids, ids[0]])
            yield _problem("circular-support", ids, f"circular support: {chain}.")
        if listed == 0 or budget[0] < 0 or reported >= MAX_CYCLES:
            members = [names[n] for n in component]
            yield _problem(
                "circular-support",
                members,
                f"more circular support than listed among {_names(members)}.",
            )


# -- local contradictions ------------------------------------------------------------


def _contradictory_premises(map: ArgumentMap, graph: Graph) -> Iterator[Problem]:
    in_conflicts = {*graph.sources, *graph.targets}
    for k, (premises, conclusion) in enumerate(zip(graph.premises, graph.conclusions, strict=True)):
        if conclusion not in in_conflicts and in_conflicts.isdisjoint(premises):
            continue
        inference = map.inferences[graph.inference_ids[k]]
        ordered = list(dict.fromkeys(inference.premises))
        rank = {premise: n for n, premise in enumerate(ordered)}
        for n, first in enumerate(ordered):
            for second in _later_partners(map, n, ordered, rank):
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


def _later_partners(
    map: ArgumentMap, n: int, ordered: list[str], rank: dict[str, int]
) -> list[str]:
    """The premises after ``ordered[n]`` that are in conflict with it, in order.

    Walks whichever is shorter, ``first``'s conflicts or the later premises, so that an
    inference with thousands of premises is not checked pair by pair (quadratic)."""
    first = ordered[n]
    attacks, attackers = map.attacks_ids(first), map.attackers_ids(first)
    if len(attacks) + len(attackers) >= len(ordered) - n:
        return [second for second in ordered[n + 1 :] if map.in_conflict(first, second)]
    partners = {map.conflicts[c].target for c in attacks}
    partners.update(map.conflicts[c].source for c in attackers)
    later = [second for second in partners if rank.get(second, -1) > n]
    return sorted(later, key=rank.__getitem__)


def _support_and_attack(map: ArgumentMap, graph: Graph) -> Iterator[Problem]:
    attacked = bytearray(graph.size)
    for target in graph.targets:
        if 0 <= target < graph.size:
            attacked[target] = 1
    reasons: dict[int, set[int]] = {}
    for premises, conclusion in zip(graph.premises, graph.conclusions, strict=True):
        if conclusion != UNKNOWN and attacked[conclusion]:
            reasons.setdefault(conclusion, set()).update(premises)
    seen: set[tuple[int, int]] = set()
    premise_sets: dict[int, set[int]] = {}
    for k, (source, target) in enumerate(zip(graph.sources, graph.targets, strict=True)):
        if UNKNOWN in (source, target) or source == target or (source, target) in seen:
            continue
        if target < graph.size:
            supports = source in reasons.get(target, ())
        elif target < graph.first_conflict:
            if target not in premise_sets:
                premise_sets[target] = set(graph.premises[target - graph.size])
            supports = source in premise_sets[target]
        else:
            supports = False
        if supports:
            seen.add((source, target))
            conflict = map.conflicts[graph.conflict_ids[k]]
            yield _problem(
                "support-and-attack",
                [conflict.source, conflict.target],
                f"{conflict.source!r} both supports and attacks {conflict.target!r}.",
            )


def _self_conflict(map: ArgumentMap, graph: Graph) -> Iterator[Problem]:
    for k, (source, target) in enumerate(zip(graph.sources, graph.targets, strict=True)):
        if source == target != UNKNOWN:
            conflict = map.conflicts[graph.conflict_ids[k]]
            yield _problem(
                "self-conflict",
                [conflict.source, conflict.id],
                f"{conflict.source!r} is in conflict with itself ({conflict.id!r}).",
            )


# -- provenance and text ---------------------------------------------------------------


def _quotes(map: ArgumentMap, graph: Graph) -> Iterator[Problem]:
    quoted = [s for s in map.statements.values() if s.quote is not None]
    if map.source is None:
        if quoted:
            yield _problem(
                "quotes-unchecked",
                [s.id for s in quoted],
                f"the map has no source text, so {len(quoted)} "
                f"quote{'s were' if len(quoted) != 1 else ' was'} not checked.",
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


def _empty_text(map: ArgumentMap, graph: Graph) -> Iterator[Problem]:
    for statement in map.statements.values():
        if not statement.text.strip():
            yield _problem("empty-text", [statement.id], f"{statement.id!r} has no text.")


# -- shape of the whole map ------------------------------------------------------------


def _no_thesis(map: ArgumentMap, graph: Graph) -> Iterator[Problem]:
    if map.statements and not map.theses:
        yield _problem("no-thesis", [], "the map has statements but no thesis.")


def _disconnected(map: ArgumentMap, graph: Graph) -> Iterator[Problem]:
    """Statements with no path of supports or conflicts, in either direction, to a thesis."""
    if not map.theses:
        return
    connected = graph.connected_to_theses()
    for n, id in enumerate(graph.statement_ids):
        if not connected[n]:
            yield _problem(
                "disconnected",
                [id],
                f"{id!r} is connected to no thesis by any support or conflict.",
            )


def _left_out(map: ArgumentMap, graph: Graph) -> Iterator[Problem]:
    """The nodes a lenient reader left out, as it listed them in ``map.data["left_out"]``."""
    entries = map.data.get("left_out")
    if not isinstance(entries, list | tuple):
        return
    for entry in entries:
        if isinstance(entry, Mapping) and isinstance(entry.get("id"), str):
            reason = entry.get("reason")
            why = f": {reason}" if isinstance(reason, str) and reason else ""
            yield _problem(
                "left-out-node",
                [entry["id"]],
                f"{entry['id']!r} was left out when the map was read{why}.",
            )


# -- positions -------------------------------------------------------------------------


def _require_map(map: object) -> None:
    if not isinstance(map, ArgumentMap):
        message = f"expected an ArgumentMap, got {short_repr(map)}."
        raise MapError([Problem("invalid-value", "error", (), message)])


def position_problems(
    map: ArgumentMap, position: object, *, name: str = "the position"
) -> list[Problem]:
    """What makes ``position`` unusable on ``map``: not a mapping, an id that is not a
    string (``invalid-position``) or not a statement of the map (``unknown-reference``),
    a value other than True or False (``invalid-position``). ``name`` is how messages
    call it (``"the position"``, ``"fixed"``...)."""
    if not isinstance(position, Mapping):
        message = f"{name} is {short_repr(position)}, not a mapping of ids to True or False."
        return [Problem("invalid-position", "error", (), message)]
    problems: list[Problem] = []
    for id, value in position.items():
        if not isinstance(id, str):
            message = f"{name} names {short_repr(id)}, not a statement id."
            problems.append(Problem("invalid-position", "error", (), message))
        elif id not in map.statements:
            message = f"{name} names unknown statement {id!r}."
            problems.append(Problem("unknown-reference", "error", (id,), message))
        if not isinstance(value, bool):
            message = f"{name} gives {short_repr(id)} {short_repr(value)}, not True or False."
            ids = (id,) if isinstance(id, str) else ()
            problems.append(Problem("invalid-position", "error", ids, message))
    return problems


def checked_position(
    map: ArgumentMap, position: object, *, name: str = "the position"
) -> dict[str, bool]:
    """``position`` as a plain dict, or :class:`~argmap.errors.MapError` listing every
    problem :func:`position_problems` finds; ``None`` is the empty position."""
    _require_map(map)
    if position is None:
        return {}
    problems = position_problems(map, position, name=name)
    if problems:
        raise MapError(problems)
    assert isinstance(position, Mapping)
    return dict(position)


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
