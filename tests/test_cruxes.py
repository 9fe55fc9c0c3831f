"""cruxes: complete, minimal and ordered, checked against a brute-force enumeration that
calls evaluate on every position."""

from __future__ import annotations

from itertools import combinations, product

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap import ArgumentMap, MapBuilder, MapError, evaluate
from argmap.cruxes import Crux, cruxes
from argmap.semantics import SEMANTICS
from argmap.strategies import argument_maps

Position = frozenset[tuple[str, bool]]


def brute_force(m: ArgumentMap, target: str, max_size: int, semantics: str) -> set[Position]:
    """Every position of at most max_size other statements that changes the target's
    label and has no proper subset that does, by evaluating them all."""
    before = evaluate(m, semantics=semantics).labels[target]  # type: ignore[arg-type]
    others = [id for id in m.statements if id != target]
    changing: set[Position] = set()
    for size in range(1, max_size + 1):
        for ids in combinations(others, size):
            for values in product((True, False), repeat=size):
                position = dict(zip(ids, values, strict=True))
                after = evaluate(m, semantics=semantics, position=position)  # type: ignore[arg-type]
                if after.labels[target] != before:
                    changing.add(frozenset(position.items()))
    return {p for p in changing if not any(q < p for q in changing)}


def as_position(crux: Crux) -> Position:
    return frozenset({*((id, True) for id in crux.accept), *((id, False) for id in crux.reject)})


@st.composite
def maps_and_targets(draw: st.DrawFn) -> tuple[ArgumentMap, str]:
    m = draw(argument_maps(max_statements=6))
    return m, draw(st.sampled_from(sorted(m.statements)))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(maps_and_targets(), st.integers(0, 3))
def test_grounded_cruxes_equal_brute_force(case: tuple[ArgumentMap, str], max_size: int) -> None:
    m, target = case
    found = cruxes(m, target, max_size=max_size)
    assert {as_position(c) for c in found} == brute_force(m, target, max_size, "grounded")
    assert len({as_position(c) for c in found}) == len(found)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(maps_and_targets(), st.sampled_from([s for s in SEMANTICS if s != "grounded"]))
def test_other_semantics_equal_brute_force(case: tuple[ArgumentMap, str], semantics: str) -> None:
    m, target = case
    found = cruxes(m, target, max_size=2, semantics=semantics)  # type: ignore[arg-type]
    assert {as_position(c) for c in found} == brute_force(m, target, 2, semantics)


@settings(max_examples=100, deadline=None)
@given(maps_and_targets())
def test_each_crux_changes_the_label_and_is_minimal(case: tuple[ArgumentMap, str]) -> None:
    m, target = case
    before = evaluate(m).labels[target]
    for crux in cruxes(m, target):
        assert target not in crux.accept | crux.reject
        assert not crux.accept & crux.reject
        assert 1 <= len(crux) <= 2
        assert crux.before == before
        assert evaluate(m, position=crux.position).labels[target] == crux.label != before
        items = sorted(crux.position.items())
        for size in range(len(items)):
            for part in combinations(items, size):
                assert evaluate(m, position=dict(part)).labels[target] == before


@settings(max_examples=100, deadline=None)
@given(maps_and_targets())
def test_order_is_smaller_first_then_by_ids(case: tuple[ArgumentMap, str]) -> None:
    m, target = case
    found = cruxes(m, target, max_size=3)
    keys = [
        (len(c), tuple(sorted(c.position)), tuple(not c.position[id] for id in sorted(c.position)))
        for c in found
    ]
    assert keys == sorted(keys)
    assert found == cruxes(m, target, max_size=3)


def example() -> ArgumentMap:
    b = MapBuilder("example")
    b.claim("t", "the thesis", thesis=True)
    b.premise("r", "a reason")
    b.premise("q", "another reason")
    b.premise("c", "a counter")
    b.premise("d", "a counter to the counter")
    b.support("t", "r")
    b.support("t", "q")
    b.counter("r", "c")
    b.counter("c", "d")
    return b.build()


def test_example_cruxes_by_hand() -> None:
    m = example()
    assert evaluate(m).labels["t"] == "in"
    found = cruxes(m)
    shown = [(sorted(c.accept), sorted(c.reject), c.label) for c in found]
    # t stands through r (c is beaten by d) and through q: rejecting q topples it
    # together with rejecting r, accepting c or rejecting d (sorted by ids).
    assert shown == [
        (["c"], ["q"], "out"),
        ([], ["d", "q"], "out"),
        ([], ["q", "r"], "out"),
    ]
    assert {as_position(c) for c in found} == brute_force(m, "t", 2, "grounded")
    assert str(found[0]).endswith("t in -> out")


def test_target_defaults_to_the_only_thesis_and_refuses_otherwise() -> None:
    m = example()
    assert cruxes(m) == cruxes(m, "t")
    with pytest.raises(MapError, match="not a statement"):
        cruxes(m, "nowhere")
    b = MapBuilder("two")
    b.claim("a", "one", thesis=True)
    b.claim("b", "two", thesis=True)
    with pytest.raises(MapError, match="2 theses"):
        cruxes(b.build())
    b = MapBuilder("none")
    b.claim("a", "one")
    with pytest.raises(MapError, match="no thesis"):
        cruxes(b.build())
    with pytest.raises(MapError, match="unknown semantics"):
        cruxes(m, semantics="ideal")  # type: ignore[arg-type]
    with pytest.raises(MapError, match="max_size"):
        cruxes(m, max_size=-1)
    assert cruxes(m, max_size=0) == []


def test_statements_that_cannot_reach_the_target_are_never_cruxes() -> None:
    b = MapBuilder("apart")
    b.claim("t", "the thesis", thesis=True)
    b.premise("x", "unrelated")
    b.premise("y", "attacks the unrelated one")
    b.counter("x", "y")
    assert cruxes(b.build(), max_size=3) == []
