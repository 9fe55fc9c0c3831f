"""Map-level strengths and what-if."""

from __future__ import annotations

import pytest
from hypothesis import given

from argmap import ArgumentMap, MapBuilder, strengths, what_if
from argmap.strategies import argument_maps
from argmap.strengths import to_qbaf

import turkey_s400


def small() -> ArgumentMap:
    b = MapBuilder("small")
    b.claim("c", "conclusion", thesis=True, data={"base": 0.6})
    b.premise("p", "premise")
    b.support("c", "p", id="i")
    b.claim("x", "objection")
    b.counter("p", "x", id="against")
    return b.build()


def test_the_qbaf_of_a_map() -> None:
    qbaf = to_qbaf(small(), base={"x": 0.9})
    assert qbaf.base["c"] == 0.6
    assert qbaf.base["x"] == 0.9
    assert qbaf.base["p"] == 0.5
    assert ("p", "i") in qbaf.supports
    assert ("i", "c") in qbaf.supports
    assert ("x", "p") in qbaf.attacks


@pytest.mark.parametrize(
    "semantics", ["df-quad", "quad", "euler", "quadratic-energy", "h-categoriser"]
)
def test_strengths_cover_statements_and_inferences(semantics: str) -> None:
    weights = strengths(small(), semantics=semantics)
    assert set(weights) == {"c", "p", "x", "i"}
    assert all(0.0 <= w <= 1.0 for w in weights.values())


def test_what_if_lists_changes_theses_first() -> None:
    result = what_if(small(), reject=["x"])
    assert result.changes[0].id == "c"
    assert result.changes[0].thesis
    assert result.changes[0].shift > 0
    changed = {c.id: c for c in result.changes}
    assert (changed["x"].before, changed["x"].after) == ("in", "out")
    assert (changed["p"].before, changed["p"].after) == ("out", "in")
    assert "what if x is rejected:" in str(result)


def test_nothing_changes_when_nothing_is_asked() -> None:
    result = what_if(small())
    assert result.changes == ()
    assert str(result).endswith("nothing changes")


def test_the_article_what_ifs() -> None:
    m = turkey_s400.build_map()
    doubts_rejected = what_if(m, reject=["iff_doubtful"])
    changed = {c.id: c for c in doubts_rejected.changes}
    assert (changed["plan_viable"].before, changed["plan_viable"].after) == ("out", "in")
    leverage = what_if(m, accept=["leverage"])
    assert all(c.before == c.after for c in leverage.changes if c.thesis)


@given(argument_maps(max_statements=10))
def test_strengths_are_in_the_unit_interval(m: ArgumentMap) -> None:
    assert all(0.0 <= w <= 1.0 for w in strengths(m).values())
