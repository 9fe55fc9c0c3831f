"""explain: a faithful, readable trace of the labelling (issue 10, part 1)."""

from __future__ import annotations

import math
import random
import time
from collections.abc import Mapping

import attrs
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from argmap import ArgumentMap, MapBuilder, _strength_trace
from argmap._strength_trace import StrengthTrace
from argmap.errors import MapError
from argmap.explain import Explanation, Step, explain
from argmap.gradual import QBAF
from argmap.gradual import strengths as qbaf_strengths
from argmap.semantics import Label, Semantics, evaluate
from argmap.strategies import argument_maps, positions
from argmap.strengths import strengths


def small() -> ArgumentMap:
    b = MapBuilder("small")
    b.claim("c", "conclusion", thesis=True)
    b.premise("p", "premise")
    b.support("c", "p", id="i")
    b.claim("x", "objection")
    b.counter("p", "x", id="against")
    b.claim("y", "reply <b>")
    b.counter("x", "y", id="r")
    return b.build()


def cyclic() -> ArgumentMap:
    b = MapBuilder("cycle")
    b.claim("c", "conclusion", thesis=True)
    b.claim("u", "one side")
    b.claim("v", "other side")
    b.contradict("u", "v")
    b.counter("c", "u", id="hit")
    return b.build()


def _replay(
    map: ArgumentMap, step: Step, position: Mapping[str, bool], full: dict[str, Label]
) -> Label:
    """The label the shown grounds give ``step`` by the complete-labelling conditions
    read through the translation of :mod:`argmap.semantics`; also checks every
    child recursively (a ``seen`` step counts by its shown label, checked at the end)."""
    if step.kind in ("seen", "accepted", "rejected"):
        return step.label
    assert step.id not in full, "a node is expanded twice"
    full[step.id] = step.label
    shown = {child.id: _replay(map, child, position, full) for child in step.because}
    kinds = {child.id: child.kind for child in step.because}
    attacks = [c.id for c in map.conflicts.values() if c.target == step.id]
    if step.kind == "statement":
        if step.id in position:
            verdict = "accepted" if position[step.id] else "rejected"
            assert [c.kind for c in step.because] == [verdict]
            return "in" if position[step.id] else "out"
        reasons = [i.id for i in map.inferences.values() if i.conclusion == step.id]
        if any(shown.get(a) == "in" for a in attacks):
            return "out"
        if reasons and all(shown.get(r) == "out" for r in reasons):
            return "out"
        if all(shown.get(a) == "out" for a in attacks) and (
            not reasons or any(shown.get(r) == "in" for r in reasons)
        ):
            return "in"
    elif step.kind == "reason":
        inference = map.inferences[step.id]
        if any(shown.get(p) == "out" for p in inference.premises) or any(
            shown.get(a) == "in" for a in attacks
        ):
            return "out"
        if all(shown.get(p) == "in" for p in inference.premises) and all(
            shown.get(a) == "out" for a in attacks
        ):
            return "in"
    else:
        assert step.kind == "attack"
        conflict = map.conflicts[step.id]
        assert step.source == conflict.source
        assert kinds.get(conflict.source, "statement") in ("statement", "seen")
        counters = attacks if any(c.target == step.id for c in map.conflicts.values()) else []
        if shown.get(conflict.source) == "out" or any(shown.get(a) == "in" for a in counters):
            return "out"
        if shown.get(conflict.source) == "in" and all(shown.get(a) == "out" for a in counters):
            return "in"
    assert "undecided" in shown.values(), "an undecided step names what is undecided"
    return "undecided"


def _faithful(map: ArgumentMap, explanation: Explanation, position: Mapping[str, bool]) -> None:
    labels = evaluate(map, semantics=explanation.semantics, position=position).labels
    full: dict[str, Label] = {}
    assert _replay(map, explanation.step, position, full) == explanation.label
    assert explanation.label == labels[explanation.id]
    for step in explanation.steps:
        assert step.label == labels[step.id]
        if step.kind == "seen":
            assert step.id in full
    assert len(full) <= len(map.statements) + len(map.inferences) + len(map.conflicts)


maps = st.one_of(
    argument_maps(max_statements=12), argument_maps(max_statements=12, consistent=False)
)


@given(st.data(), maps, st.sampled_from(["grounded", "complete"]))
def test_following_the_explanation_reproduces_the_label(
    data: st.DataObject, map: ArgumentMap, semantics: Semantics
) -> None:
    position = data.draw(positions(map))
    try:
        evaluation = evaluate(map, semantics=semantics, position=position)
    except MapError:
        assume(False)
        raise
    for id in evaluation.labels:
        _faithful(map, explain(map, id, semantics=semantics, position=position), position)


@given(maps, st.sampled_from(["preferred", "stable"]))
def test_sceptical_explanations_keep_the_labels(map: ArgumentMap, semantics: Semantics) -> None:
    try:
        labels = evaluate(map, semantics=semantics).labels
    except MapError:
        assume(False)
        raise
    for id in map.statements:
        explanation = explain(map, id, semantics=semantics)
        for step in explanation.steps:
            assert step.label == labels[step.id]
            if step.label == "in" and step.kind in ("statement", "reason", "attack"):
                attackers = {c.id for c in map.conflicts.values() if c.target == step.id}
                if step.kind == "attack" and not any(
                    c.target == step.id for c in map.conflicts.values()
                ):
                    attackers = set()
                shown = {
                    child.id: child.label for child in step.because if child.kind != "accepted"
                }
                assert all(shown.get(a) == "out" for a in attackers)
            if step.label == "out" and step.kind in ("statement", "reason", "attack"):
                decisive = any(
                    (child.kind == "attack" and child.label == "in")
                    or (child.kind == "statement" and child.label == "out")
                    or child.kind == "rejected"
                    for child in step.because
                )
                none_apply = step.because and all(
                    c.kind in ("reason", "seen") and c.label == "out" for c in step.because
                )
                assert decisive or none_apply or "every extension" in step.note
        text = str(explanation)
        assert text.count("\n") == len(explanation.steps)


def test_an_in_statement_shows_its_reason_and_the_defeated_attack() -> None:
    explanation = explain(small(), "c")
    assert explanation.label == "in"
    assert str(explanation) == "\n".join(
        [
            "Why 'c' is in (grounded semantics):",
            '  "conclusion" [c] holds: a reason for it applies and nothing attacks it.',
            '    The reason "premise so conclusion" [i] applies: all its premises hold.',
            '      "premise" [p] holds: it is a starting point and every attack on it is defeated.',
            '        The attack [against] from "objection" [x] is defeated: its source does not'
            " hold.",
            '          "objection" [x] does not hold: an attack on it succeeds.',
            '            The attack [r] from "reply <b>" [y] succeeds: its source holds.',
            '              "reply <b>" [y] holds: it is a starting point and nothing attacks it.',
        ]
    )
    assert [s.kind for s in explanation.steps] == [
        "statement",
        "reason",
        "statement",
        "attack",
        "statement",
        "attack",
        "statement",
    ]


def test_an_out_statement_names_why_no_reason_applies_under_a_position() -> None:
    explanation = explain(small(), "c", position={"y": False})
    assert explanation.label == "out"
    assert explanation.step.note == "none of its reasons applies"
    last = explanation.steps[-1]
    assert (last.kind, last.id, last.label) == ("rejected", "y", "out")
    accepted = explain(small(), "x", position={"x": True})
    assert accepted.label == "in"
    assert [s.kind for s in accepted.steps] == ["statement", "accepted"]


def test_a_cycle_is_named_where_it_leaves_the_statement_undecided() -> None:
    explanation = explain(cyclic(), "c")
    assert explanation.label == "undecided"
    assert any(step.kind == "seen" and step.cycle for step in explanation.steps)
    assert "a cycle" in str(explanation)
    _faithful(cyclic(), explanation, {})


def test_the_html_escapes_texts() -> None:
    page = explain(small(), "c")._repr_html_()
    assert "reply &lt;b&gt;" in page
    assert "<b>" not in page
    assert page.count("<li>") == page.count("</li>") == 7


def test_an_unknown_id_is_a_map_error() -> None:
    with pytest.raises(MapError) as error:
        explain(small(), "nope")
    assert error.value.problems[0].code == "unknown-reference"


def test_a_long_chain_is_explained_without_deep_recursion() -> None:
    b = MapBuilder("chain")
    b.claim("s0", "start")
    for n in range(1, 3000):
        b.claim(f"s{n}", f"step {n}")
        b.support(f"s{n}", f"s{n - 1}")
    map = b.build()
    explanation = explain(map, "s2999")
    assert explanation.label == "in"
    assert len(explanation.steps) == 2 * 3000 - 1
    assert len(str(explanation).splitlines()) == 2 * 3000
    assert explanation._repr_html_().count("<li>") == 2 * 3000 - 1


def test_an_attack_on_an_attack_is_traced() -> None:
    b = MapBuilder("meta")
    b.claim("c", "conclusion", thesis=True)
    b.claim("x", "objection")
    hit = b.counter("c", "x", id="hit")
    b.claim("e", "the objection misses the point")
    b.counter(hit, "e", id="meta")
    map = b.build()
    for id in ("c", "hit", "meta"):
        for position in ({}, {"e": False}):
            _faithful(map, explain(map, id, position=position), position)
    assert explain(map, "c").label == "in"
    assert explain(map, "hit").step.note == "an attack on it succeeds"
    assert explain(map, "c", position={"e": False}).label == "out"


# --------------------------------------------------------------------------------------
# Gradual strengths: what raised and lowered a strength (issue 10, §1, second bullet)
# --------------------------------------------------------------------------------------

GRADUAL = ("df-quad", "quad", "euler", "quadratic-energy", "h-categoriser")


def _acyclic(map: ArgumentMap) -> ArgumentMap:
    """``map`` without the inferences and conflicts that would close a cycle of support
    and attack (kept in the map's order, each only if it closes none)."""
    edges: dict[str, set[str]] = {}

    def reaches(start: str, goal: str) -> bool:
        seen, stack = {start}, [start]
        while stack:
            node = stack.pop()
            if node == goal:
                return True
            for nxt in edges.get(node, ()):
                if nxt not in seen:
                    seen.add(nxt)
                    stack.append(nxt)
        return False

    inferences = []
    for inference in map.inferences.values():
        if any(reaches(inference.conclusion, p) for p in inference.premises) or (
            inference.conclusion in inference.premises
        ):
            continue
        for premise in inference.premises:
            edges.setdefault(premise, set()).add(inference.id)
        edges.setdefault(inference.id, set()).add(inference.conclusion)
        inferences.append(inference)
    kept = {i.id for i in inferences} | set(map.statements)
    conflicts = []
    for conflict in map.conflicts.values():
        if conflict.target not in kept or reaches(conflict.target, conflict.source):
            continue
        edges.setdefault(conflict.source, set()).add(conflict.id)
        edges.setdefault(conflict.id, set()).add(conflict.target)
        conflicts.append(conflict)
        kept.add(conflict.id)
    return attrs.evolve(map, inferences=inferences, conflicts=conflicts)


def _incoming(map: ArgumentMap, argument: str) -> list[tuple[str, str]]:
    """(role, id) of every relation of the map into ``argument``."""
    if argument in map.statements:
        found = [("reason", i.id) for i in map.inferences.values() if i.conclusion == argument]
    elif argument in map.inferences:
        found = [("premise", p) for p in dict.fromkeys(map.inferences[argument].premises)]
    else:
        found = [("source", map.conflicts[argument].source)]
    found += [("attack", c.id) for c in map.conflicts.values() if c.target == argument]
    return found


def _argument(map: ArgumentMap, step: Step) -> str:
    """The QBAF argument a gradual step stands for."""
    if step.kind != "attack":
        return step.id
    attacked = any(c.target == step.id for c in map.conflicts.values())
    return step.id if attacked else step.source


def _df_quad(base: float, attackers: list[float], supporters: list[float]) -> float:
    """DF-QuAD's update rule, written out (Rago et al., KR 2016)."""
    attack = 1.0 - math.prod(1.0 - v for v in attackers)
    support = 1.0 - math.prod(1.0 - v for v in supporters)
    if attack >= support:
        return base - base * (attack - support)
    return base + (1.0 - base) * (support - attack)


def _rule(semantics: str, base: float, attackers: list[float], supporters: list[float]) -> float:
    """The semantics' update rule at one argument: written out for DF-QuAD and the
    h-categoriser, else through the public QBAF API on a star of unrelated neighbours."""
    if semantics == "df-quad":
        return _df_quad(base, attackers, supporters)
    if semantics == "h-categoriser":
        return base / (1.0 + math.fsum(attackers))
    names = {f"a{n}": v for n, v in enumerate(attackers)}
    names |= {f"s{n}": v for n, v in enumerate(supporters)}
    qbaf = QBAF(
        (*names, "x"),
        {**names, "x": base},
        attacks=[(a, "x") for a in names if a.startswith("a")],
        supports=[(s, "x") for s in names if s.startswith("s")],
    )
    return qbaf_strengths(qbaf, semantics=semantics)["x"]


def _gradual_faithful(
    map: ArgumentMap,
    explanation: Explanation,
    position: Mapping[str, bool],
    tolerance: float,
    base: Mapping[str, float] | None = None,
) -> None:
    semantics = explanation.semantics
    values = strengths(map, semantics=semantics, fixed=position, base=base)
    expanded: set[str] = set()
    stack = [explanation.step]
    assert explanation.label is None
    assert explanation.step.effect is None
    assert explanation.strength == explanation.step.strength
    while stack:
        step = stack.pop()
        argument = _argument(map, step)
        assert step.label is None
        assert step.strength is not None
        assert step.base is not None
        if argument in values:
            assert step.strength == values[argument]
            assert step.base == values.base[argument]
            assert step.default == (argument in values.defaults)
        assert step.fixed == position.get(argument)
        contributors = [*step.because, *step.minor]
        if not step.expanded:
            assert not contributors
            assert step.cycle or step.note in ("see above", "see below", "not followed further")
            continue
        assert argument not in expanded, "an argument is explained twice"
        expanded.add(argument)
        listed = sorted((c.kind, c.id) for c in contributors)
        if step.fixed is not None:
            assert listed == []
            assert step.base == float(step.fixed)
        else:
            assert listed == sorted(_incoming(map, argument))
        effects = [abs(c.effect) for c in contributors if c.effect is not None]
        assert effects == sorted(effects, reverse=True)
        assert all(c.effect is not None for c in contributors[: len(effects)])
        assert all(e >= 0.005 for e in effects[: len(step.because)])
        assert len(effects) == len(contributors) or len(contributors) > 64
        attackers = {_argument(map, c): c.strength for c in contributors if c.kind == "attack"}
        supporters = {c.id: c.strength for c in contributors if c.kind != "attack"}
        again = _rule(
            semantics,
            step.base,
            [v for v in attackers.values() if v is not None],
            [v for v in supporters.values() if v is not None],
        )
        assert abs(again - step.strength) <= tolerance
        for child in contributors:
            if child.effect is not None and semantics == "df-quad":
                assert child.effect <= 1e-12 if child.kind == "attack" else child.effect >= -1e-12
        stack.extend(step.because)
        for child in step.minor:
            assert not child.expanded
            assert not child.because


def _without(map: ArgumentMap, target: str, step: Step) -> ArgumentMap:
    """``map`` without the relation ``step`` stands for (into ``target``)."""
    if step.kind == "reason":
        kept = [i for i in map.inferences.values() if i.id != step.id]
        gone = {step.id}
        return attrs.evolve(
            map,
            inferences=kept,
            conflicts=[c for c in map.conflicts.values() if c.target not in gone],
        )
    if step.kind == "premise":
        inference = map.inferences[target]
        premises = tuple(p for p in inference.premises if p != step.id)
        changed = attrs.evolve(inference, premises=premises)
        return attrs.evolve(
            map, inferences=[changed if i.id == target else i for i in map.inferences.values()]
        )
    assert step.kind == "attack"
    gone = {step.id}
    return attrs.evolve(
        map,
        conflicts=[c for c in map.conflicts.values() if c.id not in gone and c.target not in gone],
    )


gradual_maps = st.one_of(
    argument_maps(max_statements=10), argument_maps(max_statements=10, consistent=False)
)


@settings(max_examples=60, deadline=None)
@given(st.data(), gradual_maps, st.sampled_from(GRADUAL))
def test_following_a_gradual_explanation_reproduces_the_strength(
    data: st.DataObject, raw: ArgumentMap, semantics: str
) -> None:
    map = _acyclic(raw)
    position = data.draw(positions(map)) if data.draw(st.booleans()) else {}
    try:
        values = strengths(map, semantics=semantics, fixed=position)
    except MapError:
        assume(False)
        raise
    for id in [*map.statements, *map.inferences, *map.conflicts]:
        explanation = explain(map, id, semantics=semantics, position=position)
        _gradual_faithful(map, explanation, position, 1e-9)
        assert str(explanation).count("\n") == len(explanation.steps) + sum(
            1 for s in explanation.steps if s.minor
        )
    # The effect is what removing the relation from the map changes (acyclic: exact).
    for id in list(map.statements)[:3]:
        root = explain(map, id, semantics=semantics, position=position).step
        for child in [*root.because, *root.minor]:
            smaller = _without(map, id, child)
            base = {k: v for k, v in values.base.items() if k in smaller and k not in position}
            after = strengths(smaller, semantics=semantics, fixed=position, base=base)
            assert child.effect is not None
            assert root.strength is not None
            assert abs((root.strength - after[id]) - child.effect) <= 1e-9


@settings(max_examples=30, deadline=None)
@given(gradual_maps)
def test_gradual_explanations_of_cyclic_maps_hold_to_the_tolerance(map: ArgumentMap) -> None:
    try:
        strengths(map, semantics="df-quad")
    except MapError:
        assume(False)
        raise
    for id in map.statements:
        _gradual_faithful(map, explain(map, id, semantics="df-quad"), {}, 1e-6)


def gradual_small() -> ArgumentMap:
    b = MapBuilder("small")
    b.claim("c", "conclusion", thesis=True)
    b.premise("p", "premise")
    b.premise("q", "second premise", data={"base": 0.8})
    b.support("c", "p", id="i")
    b.support("c", "q", id="j")
    b.claim("x", "objection")
    b.counter("c", "x", id="against")
    b.claim("y", "reply <b>")
    b.counter("x", "y", id="r")
    b.claim("z", "undercutter")
    b.counter("i", "z", id="u")
    return b.build()


def test_a_gradual_explanation_reads_as_raised_and_lowered() -> None:
    explanation = explain(gradual_small(), "c", semantics="df-quad")
    assert explanation.label is None
    assert explanation.strength == pytest.approx(0.85)
    assert str(explanation) == "\n".join(
        [
            "Why 'c' has strength 0.85 (df-quad semantics):",
            '  "conclusion" [c] has strength 0.85 (base 0.50, a default).',
            '    Raised by 0.22 by the reason "second premise so conclusion" [j], strength 0.90'
            " (base 0.50, a default).",
            '      Raised by 0.40 by the premise "second premise" [q], strength 0.80 (base 0.80;'
            " nothing supports or attacks it).",
            '    Lowered by 0.12 by the attack [against] from "objection" [x], strength 0.25'
            " (base 0.50, a default).",
            '      Lowered by 0.25 by the attack [r] from "reply <b>" [y], strength 0.50'
            " (base 0.50, a default; nothing supports or attacks it).",
            '    Raised by 0.03 by the reason "premise so conclusion" [i], strength 0.50'
            " (base 0.50, a default).",
            '      Raised by 0.25 by the premise "premise" [p], strength 0.50 (base 0.50,'
            " a default; nothing supports or attacks it).",
            '      Lowered by 0.25 by the attack [u] from "undercutter" [z], strength 0.50'
            " (base 0.50, a default; nothing supports or attacks it).",
        ]
    )
    kinds = [(s.kind, s.id) for s in explanation.steps]
    assert kinds == [
        ("statement", "c"),
        ("reason", "j"),
        ("premise", "q"),
        ("attack", "against"),
        ("attack", "r"),
        ("reason", "i"),
        ("premise", "p"),
        ("attack", "u"),
    ]
    j = explanation.steps[1]
    assert (j.base, j.default, j.strength) == (0.5, True, pytest.approx(0.9))
    assert j.effect == pytest.approx(0.85 - 0.625)


def test_a_fixed_statement_is_said_to_be_fixed_and_base_overrides() -> None:
    explanation = explain(
        gradual_small(), "c", semantics="df-quad", position={"x": True}, base={"c": 0.2}
    )
    lines = str(explanation).splitlines()
    assert lines[1] == '  "conclusion" [c] has strength 0.19 (base 0.20).'
    assert lines[2] == (
        '    Lowered by 0.77 by the attack [against] from "objection" [x], strength 1.00'
        " (accepted in the position: fixed at 1)."
    )
    against = explanation.steps[1]
    assert against.fixed is True
    assert against.expanded
    assert not against.because
    _gradual_faithful(gradual_small(), explanation, {"x": True}, 1e-12, {"c": 0.2})
    assert against.effect == pytest.approx(0.19 - 0.96)
    rejected = explain(gradual_small(), "c", semantics="df-quad", position={"c": False})
    assert str(rejected).splitlines()[1] == (
        '  "conclusion" [c] has strength 0.00 (rejected in the position: fixed at 0).'
    )
    assert rejected.step.because == ()
    assert rejected.step.minor == ()


def test_small_effects_are_summarised_and_repeats_seen_once() -> None:
    b = MapBuilder("many")
    b.claim("c", "conclusion", thesis=True)
    b.premise("shared", "a shared premise")
    for n in range(8):
        b.premise(f"p{n}", f"premise {n}")
        b.support("c", [f"p{n}", "shared"], id=f"i{n}")
    map = b.build()
    low = {id: 0.05 for id in [*map.statements, *map.inferences] if id != "c"}
    explanation = explain(map, "c", semantics="df-quad", base=low)
    _gradual_faithful(map, explanation, {}, 1e-12, low)
    text = str(explanation)
    assert len(explanation.step.because) + len(explanation.step.minor) == 8
    assert "And 3 more reasons with smaller effects." in text
    assert text.count('"a shared premise" [shared], strength 0.05 (see above)') == 4
    assert "h-categoriser" in str(explain(map, "c", semantics="h-categoriser"))
    ignored = str(explain(map, "c", semantics="h-categoriser")).splitlines()
    assert ignored[-1] == "    8 reasons, each with an effect under 0.005."
    page = explanation._repr_html_()
    assert 'class="argmap-minor"' in page
    assert page.count("<li>") == page.count("</li>")


def test_a_gradual_cycle_is_named() -> None:
    explanation = explain(cyclic(), "c", semantics="df-quad")
    assert any(s.cycle for s in explanation.steps)
    assert "a cycle: it is one of its own grounds" in str(explanation)
    _gradual_faithful(cyclic(), explanation, {}, 1e-6)


def test_the_gradual_html_escapes_texts() -> None:
    page = explain(gradual_small(), "c", semantics="quad")._repr_html_()
    assert "reply &lt;b&gt;" in page
    assert "<b>" not in page
    assert 'class="argmap-lowered"' in page
    assert 'class="argmap-raised"' in page
    assert page.count("<li>") == page.count("</li>") == 8


def test_gradual_errors_are_map_errors() -> None:
    with pytest.raises(MapError) as error:
        explain(gradual_small(), "nope", semantics="euler")
    assert error.value.problems[0].code == "unknown-reference"
    with pytest.raises(MapError) as error:
        explain(gradual_small(), "c", semantics="fuzzy")
    assert error.value.problems[0].code == "unknown-semantics"
    assert "df-quad" in error.value.problems[0].message
    with pytest.raises(MapError) as error:
        explain(gradual_small(), "c", base={"c": 0.3})
    assert error.value.problems[0].code == "invalid-value"
    with pytest.raises(MapError) as error:
        explain(gradual_small(), "c", semantics="df-quad", base={"c": 2.0})
    assert error.value.problems[0].code == "invalid-base-score"


def _tree(size: int, *, seed: int, wide: bool = False) -> ArgumentMap:
    """A tree of ``size`` statements: each attaches to a random earlier one (or, wide,
    to the thesis) by a reason or an objection."""
    rng = random.Random(seed)
    b = MapBuilder("tree")
    b.claim("s0", "the thesis", thesis=True)
    for n in range(1, size):
        parent = "s0" if wide else f"s{rng.randrange(n)}"
        b.claim(f"s{n}", f"statement {n}")
        if rng.random() < 0.6:
            b.support(parent, f"s{n}")
        else:
            b.counter(parent, f"s{n}")
    return b.build()


@pytest.mark.parametrize("wide", [False, True])
def test_explaining_the_thesis_of_a_large_tree_is_fast_and_short(
    wide: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A random tree of 1,000 statements, and a thesis with 999 direct reasons and
    objections of distinct strengths (the worst case for effects): a short account,
    fast (measured: about 0.1 s each; the bound allows for a loaded machine), and the
    rule applied to a bounded number of relations (no per-contributor k² work)."""
    map = _tree(1000, seed=3, wide=wide)
    base = {f"s{n}": n / 1000 for n in range(1, 1000)} if wide else None
    relations = []

    def counted(*args: object, **kwargs: object) -> QBAF:
        qbaf = QBAF(*args, **kwargs)  # type: ignore[arg-type]
        relations.append(len(qbaf.attacks) + len(qbaf.supports))
        return qbaf

    monkeypatch.setattr(_strength_trace, "QBAF", counted)
    start = time.perf_counter()
    explanation = explain(map, "s0", semantics="df-quad", base=base)
    elapsed = time.perf_counter() - start
    lines = str(explanation).splitlines()
    assert len(lines) <= 1 + 40
    assert sum(relations) <= 12 * 1000
    assert elapsed < 3.0, elapsed
    _gradual_faithful(map, explanation, {}, 1e-9, base)
    if not wide:
        assert any(s.note == "not followed further" for s in explanation.steps)


def test_a_fifty_statement_map_gets_a_short_account() -> None:
    for seed in range(5):
        map = _tree(50, seed=seed)
        lines = str(explain(map, "s0", semantics="df-quad")).splitlines()
        assert len(lines) <= 1 + 40
        assert max(len(line) - len(line.lstrip()) for line in lines) <= 2 * (4 + 1)


def test_a_node_with_very_many_neighbours_computes_only_the_effects_that_can_show() -> None:
    map = _tree(200, seed=5, wide=True)
    base = {f"s{n}": n / 200 for n in range(1, 200)}
    explanation = explain(map, "s0", semantics="df-quad", base=base)
    root = explanation.step
    assert any(step.effect is None for step in root.minor)
    numbers = StrengthTrace(map, semantics="df-quad", base=base, fixed=None)
    exact = numbers.contributions("s0")
    assert all(c.effect is not None for c in exact)
    assert [(s.kind, s.id, s.effect) for s in root.because] == [
        (c.role, c.relation, c.effect) for c in exact[: len(root.because)]
    ]
    _gradual_faithful(map, explanation, {}, 1e-9, base)


def test_an_attacked_attack_is_an_argument_with_its_source_as_support() -> None:
    b = MapBuilder("meta")
    b.claim("c", "conclusion", thesis=True)
    b.claim("x", "objection")
    hit = b.counter("c", "x", id="hit")
    b.claim("e", "the objection misses the point")
    b.counter(hit, "e", id="meta")
    map = b.build()
    explanation = explain(map, "c", semantics="df-quad")
    _gradual_faithful(map, explanation, {}, 1e-12)
    # hit: base 0.5, supported by x (0.5) and attacked by e (0.5): 0.5; c: 0.5 - 0.5 * 0.5.
    assert explanation.strength == 0.25
    assert str(explanation).splitlines()[2:] == [
        '    Lowered by 0.25 by the attack [hit] from "objection" [x], strength 0.50'
        " (base 0.50, a default).",
        '      Raised by 0.25 by its source "objection" [x], strength 0.50 (base 0.50,'
        " a default; nothing supports or attacks it).",
        '      Lowered by 0.25 by the attack [meta] from "the objection misses the point" [e],'
        " strength 0.50 (base 0.50, a default; nothing supports or attacks it).",
    ]


def test_a_repeat_met_first_in_print_order_points_below() -> None:
    b = MapBuilder("below")
    b.claim("c", "conclusion", thesis=True)
    b.claim("a", "a strong reason")
    b.premise("s", "a shared ground")
    b.support("c", "a", id="i1")
    b.support("c", "s", id="i2")
    b.support("a", "s", id="i3")
    map = b.build()
    base = {"a": 0.9, "s": 0.2}
    explanation = explain(map, "c", semantics="df-quad", base=base)
    _gradual_faithful(map, explanation, {}, 1e-12, base)
    notes = [(s.id, s.expanded, s.note) for s in explanation.steps if s.id == "s"]
    assert notes == [("s", False, "see below"), ("s", True, "")]
    assert '"a shared ground" [s], strength 0.20 (see below).' in str(explanation)
