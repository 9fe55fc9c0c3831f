"""The public Hypothesis strategies: valid by construction, registered for from_type."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from argmap import ArgumentMap, Statement, check
from argmap.strategies import argument_maps, ids, statements, texts


@given(st.from_type(ArgumentMap))
def test_from_type_gives_argument_maps(m: ArgumentMap) -> None:
    assert isinstance(m, ArgumentMap)
    assert check(m).ok


@given(st.from_type(Statement))
def test_from_type_gives_statements(s: Statement) -> None:
    assert isinstance(s, Statement)
    assert s.text.strip()


@given(argument_maps(min_statements=4, max_statements=6))
def test_sizes_are_respected(m: ArgumentMap) -> None:
    assert 4 <= len(m.statements) <= 6


@given(statements(ids=st.just("fixed"), texts=st.just("text"), tags=st.just(("t",))))
def test_statements_take_strategies_for_their_parts(s: Statement) -> None:
    assert (s.id, s.text, s.tags) == ("fixed", "text", ("t",))


@given(texts())
def test_texts_are_never_blank(text: str) -> None:
    assert text.strip()


@given(ids())
def test_ids_look_like_ids(id: str) -> None:
    assert id.isidentifier() or id[0].isalpha()


@given(argument_maps(texts=st.sampled_from(["alpha", "beta"])))
def test_texts_can_be_chosen(m: ArgumentMap) -> None:
    assert {s.text for s in m.statements.values()} <= {"alpha", "beta"}


def test_invalid_sizes_are_refused() -> None:
    import pytest

    with pytest.raises(ValueError, match="min_statements"):
        argument_maps(min_statements=5, max_statements=2)
