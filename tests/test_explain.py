"""explain: a faithful, readable trace of the labelling (issue 10, part 1)."""

from __future__ import annotations

from collections.abc import Mapping

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from argmap import ArgumentMap, MapBuilder
from argmap.errors import MapError
from argmap.explain import Explanation, Step, explain
from argmap.semantics import Label, Semantics, evaluate
from argmap.strategies import argument_maps, positions


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
