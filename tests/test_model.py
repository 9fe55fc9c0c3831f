"""The model: frozen nodes, maps keyed by id, derived roles and conflict kinds."""

from __future__ import annotations

import attrs
import pytest

from argmap import (
    ArgumentMap,
    Conflict,
    Inference,
    MapError,
    Quote,
    Statement,
)
from argmap.model import FrozenDict


def small_map() -> ArgumentMap:
    return ArgumentMap(
        title="tea",
        statements=[
            Statement("t", "Tea is best."),
            Statement("p", "Tea calms."),
            Statement("q", "Tea wakes."),
            Statement("x", "Calm is not what you want at breakfast."),
            Statement("y", "Tea stains teeth."),
        ],
        inferences=[Inference("i", ("p", "q"), "t")],
        conflicts=[Conflict("u", "x", "i"), Conflict("r", "y", "t"), Conflict("m", "x", "p")],
        theses=("t",),
    )


def test_maps_are_frozen_and_change_by_evolve() -> None:
    m = small_map()
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        m.title = "coffee"  # type: ignore[misc]
    changed = attrs.evolve(m, title="coffee")
    assert changed.title == "coffee"
    assert m.title == "tea"
    assert changed.statements == m.statements


def test_mappings_are_read_only_ordered_and_hashable() -> None:
    m = small_map()
    assert list(m.statements) == ["t", "p", "q", "x", "y"]
    with pytest.raises(TypeError):
        m.statements["z"] = Statement("z", "z")  # type: ignore[index]
    assert hash(m) == hash(small_map())
    assert m == small_map()
    assert FrozenDict({"a": 1}) == {"a": 1}


def test_constructor_rejects_duplicates_and_mismatched_keys() -> None:
    with pytest.raises(MapError, match="'a'") as raised:
        ArgumentMap(statements=[Statement("a", "x"), Statement("a", "y")])
    assert raised.value.problems[0].code == "duplicate-id"
    with pytest.raises(MapError) as raised:
        ArgumentMap(statements={"b": Statement("a", "x")})
    assert raised.value.problems[0].code == "id-mismatch"


def test_queries() -> None:
    m = small_map()
    assert [i.id for i in m.supporters("t")] == ["i"]
    assert m.premises("i") == ("p", "q")
    assert m.premises("t") == ("p", "q")
    assert [i.id for i in m.uses("p")] == ["i"]
    assert [c.id for c in m.attackers("t")] == ["r"]
    assert [c.id for c in m.attackers("i")] == ["u"]
    assert [c.id for c in m.attacks("x")] == ["u", "m"]
    assert m.in_conflict("p", "x")
    assert m.in_conflict("x", "p")
    assert not m.in_conflict("p", "q")
    assert isinstance(m.node("i"), Inference)
    assert "u" in m
    assert "nothing" not in m
    with pytest.raises(KeyError):
        m.node("nothing")


def test_roles_are_derived() -> None:
    m = small_map()
    assert m.roles("t") == {"claim"}
    assert m.roles("p") == {"premise"}
    assert m.roles("x") == {"counterpoint"}
    assert m.roles("y") == {"counterpoint"}


def test_conflict_kinds_are_derived() -> None:
    m = small_map()
    assert m.kind("u") == "undercut"
    assert m.kind("r") == "rebuttal"
    assert m.kind("m") == "undermining"
    assert not m.is_contradiction("r")
    both = attrs.evolve(m, conflicts=[*m.conflicts.values(), Conflict("r2", "t", "y")])
    assert both.is_contradiction("r")
    assert both.is_contradiction("r2")


def test_repr_is_short() -> None:
    assert repr(small_map()) == (
        "<ArgumentMap 'tea': 5 statements, 1 inferences, 3 conflicts, theses=['t']>"
    )


def test_quote_find_exact_and_across_line_breaks() -> None:
    source = "One two\nthree four. Five"
    exact = Quote.find("two\nthree", source)
    assert (exact.start, exact.end) == (4, 13)
    folded = Quote.find("two three four", source)
    assert folded.located
    assert source[folded.start : folded.end] == "two\nthree four"  # type: ignore[misc]
    assert folded.matches(source)
    assert not Quote.find("six", source).located
    assert not Quote.find("two", None).located
    assert not Quote("two", 0, 3).matches(source)
