"""evaluate(): the map-to-framework translation on worked examples and properties."""

from __future__ import annotations

import pytest
from hypothesis import given

from argmap import ArgumentMap, MapBuilder, MapError
from argmap.semantics import SEMANTICS, evaluate, translate
from argmap.strategies import argument_maps

import turkey_s400


def reinstatement() -> ArgumentMap:
    """Dung 1995, the reinstatement pattern: c attacks b, b attacks a."""
    b = MapBuilder("reinstatement")
    b.claim("a", "a", thesis=True)
    b.claim("b", "b")
    b.claim("c", "c")
    b.counter("a", "b", id="ba")
    b.counter("b", "c", id="cb")
    return b.build()


@pytest.mark.parametrize("semantics", SEMANTICS)
def test_reinstatement(semantics: str) -> None:
    e = evaluate(reinstatement(), semantics=semantics)  # type: ignore[arg-type]
    assert (e.label("a"), e.label("b"), e.label("c")) == ("in", "out", "in")
    assert (e.label("ba"), e.label("cb")) == ("out", "in")


def contradiction() -> ArgumentMap:
    b = MapBuilder("two sides")
    b.claim("a", "a", thesis=True)
    b.claim("b", "b")
    b.contradict("a", "b")
    return b.build()


def test_a_contradiction_is_undecided_sceptically_but_has_two_extensions() -> None:
    grounded = evaluate(contradiction())
    assert grounded.of("undecided") == ("a", "b", "con1", "con2")
    preferred = evaluate(contradiction(), semantics="preferred")
    assert preferred.extensions == 2
    assert preferred.label("a") == "undecided"
    assert evaluate(contradiction(), semantics="stable").extensions == 2


def test_a_self_attacking_statement_is_undecided() -> None:
    b = MapBuilder("liar")
    b.claim("liar", "this statement is false", thesis=True)
    b.counter("liar", "liar")
    assert evaluate(b.build()).label("liar") == "undecided"
    assert evaluate(b.build(), semantics="stable").extensions == 0


def linked(*, attack: str | None = None, undercut: bool = False) -> ArgumentMap:
    b = MapBuilder("linked")
    b.claim("c", "conclusion", thesis=True)
    b.premise("p", "p")
    b.premise("q", "q")
    b.support("c", ["p", "q"], id="i")
    b.claim("x", "objection")
    if attack:
        b.counter(attack, "x")
    if undercut:
        b.counter("i", "x", id="cut")
    return b.build()


def test_linked_premises_carry_their_conclusion() -> None:
    e = evaluate(linked())
    assert e.of("in") == ("c", "p", "q", "x", "i")


def test_necessary_support_one_defeated_premise_sinks_the_inference() -> None:
    """Nouioua & Risch 2011: if a is necessary for b and a is defeated, b is not accepted."""
    e = evaluate(linked(attack="q"))
    assert (e.label("q"), e.label("i"), e.label("c")) == ("out", "out", "out")
    assert e.label("p") == "in"


def test_an_undercut_defeats_the_inference_not_its_premises() -> None:
    e = evaluate(linked(undercut=True))
    assert (e.label("p"), e.label("q"), e.label("i"), e.label("c")) == ("in", "in", "out", "out")


def test_convergent_reasons_survive_one_undercut() -> None:
    b = MapBuilder("convergent")
    b.claim("c", "conclusion", thesis=True)
    b.premise("p", "p")
    b.premise("q", "q")
    b.support("c", "p", id="i1")
    b.support("c", "q", id="i2")
    b.claim("x", "objection")
    b.counter("i1", "x")
    e = evaluate(b.build())
    assert (e.label("i1"), e.label("i2"), e.label("c")) == ("out", "in", "in")


def test_an_attack_on_an_attack_reinstates_the_target() -> None:
    b = MapBuilder("meta")
    b.claim("t", "t", thesis=True)
    b.claim("o", "objection")
    attack = b.counter("t", "o")
    b.claim("m", "the objection misses the point")
    b.counter(attack, "m", id="meta")
    e = evaluate(b.build())
    assert (e.label("t"), e.label("o"), e.label(attack), e.label("meta")) == (
        "in",
        "in",
        "out",
        "in",
    )


def test_positions_accept_and_reject() -> None:
    rebutted = evaluate(reinstatement(), position={"b": True})
    assert (rebutted.label("a"), rebutted.label("b")) == ("out", "in")
    sunk = evaluate(linked(), position={"p": False})
    assert (sunk.label("p"), sunk.label("i"), sunk.label("c")) == ("out", "out", "out")


def test_bad_input_is_a_map_error() -> None:
    with pytest.raises(MapError, match="'nobody'"):
        evaluate(linked(), position={"nobody": True})
    with pytest.raises(MapError, match="unknown semantics 'ideal'"):
        evaluate(linked(), semantics="ideal")  # type: ignore[arg-type]


def test_the_translation_is_a_plain_framework() -> None:
    af = translate(linked(undercut=True))
    assert ("x", "i") in af.attacks
    assert {"c", "p", "q", "x", "i"} <= set(af.arguments)


def test_the_article_thesis_stands_and_what_if_changes_it() -> None:
    m = turkey_s400.build_map()
    e = evaluate(m)
    assert e.stands("thesis")
    assert e.label("leverage_undercut") == "out"  # answered by "than anyone expects"
    assert e.label("consequences_arg") == "in"
    assert e.label("plan_viable") == "out"  # rebutted by the technical doubts
    assert evaluate(m, position={"iff_doubtful": False}).label("plan_viable") == "in"


@given(argument_maps(max_statements=12))
def test_grounded_labels_respect_the_map(m: ArgumentMap) -> None:
    e = evaluate(m)
    for statement in m.statements:
        if e.stands(statement):
            assert not any(e.stands(c.id) for c in m.attackers(statement))
            reasons = m.supporters(statement)
            assert not reasons or any(e.stands(i.id) for i in reasons)
    for inference in m.inferences.values():
        if e.stands(inference.id):
            assert all(e.stands(p) for p in inference.premises)


@given(argument_maps(max_statements=8))
def test_grounded_is_contained_in_every_sceptical_semantics(m: ArgumentMap) -> None:
    grounded = set(evaluate(m).of("in"))
    for semantics in ("complete", "preferred"):
        assert grounded <= set(evaluate(m, semantics=semantics).of("in"))
