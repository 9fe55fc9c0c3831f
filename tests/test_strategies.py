"""The public Hypothesis strategies: valid by construction, registered for from_type."""

from __future__ import annotations

from hypothesis import Phase, find, given, settings
from hypothesis import strategies as st

from argmap import ArgumentMap, Statement, check
from argmap.model import STANCES
from argmap.schemes import SCHEMES
from argmap.strategies import argument_maps, ids, schemes, speakers, stances, statements, texts


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


# -- faithfulness fields (issue 9) -----------------------------------------------------------


@given(argument_maps(max_statements=12))
def test_schemes_slots_kinds_and_questions_are_consistent(m: ArgumentMap) -> None:
    for inference in m.inferences.values():
        if inference.scheme is None:
            assert not inference.slots
            continue
        scheme = SCHEMES[inference.scheme]
        assert set(inference.slots) == set(scheme.slots)
        assert set(inference.slots.values()) <= set(inference.premises)
    for conflict in m.conflicts.values():
        if conflict.kind is not None:
            assert conflict.kind == m.kind(conflict.id)
        if conflict.question is not None:
            target = m.inferences[conflict.target]
            assert target.scheme is not None
            keys = {q.key for q in SCHEMES[target.scheme].critical_questions}
            assert conflict.question in keys
    for statement in m.statements.values():
        assert statement.stance in STANCES


SEARCH = settings(phases=[Phase.generate], max_examples=2000, database=None)
"""Finding an example is the point here, not its smallest form: no shrinking."""


def test_every_new_field_is_generated() -> None:
    maps = argument_maps(max_statements=8)
    find(maps, lambda m: any(s.speaker for s in m.statements.values()), settings=SEARCH)
    find(
        maps, lambda m: any(s.stance == "conceded" for s in m.statements.values()), settings=SEARCH
    )
    find(maps, lambda m: any(i.slots for i in m.inferences.values()), settings=SEARCH)
    find(maps, lambda m: any(i.implicit for i in m.inferences.values()), settings=SEARCH)
    find(maps, lambda m: any(c.kind == "undercut" for c in m.conflicts.values()), settings=SEARCH)
    find(maps, lambda m: any(c.question for c in m.conflicts.values()), settings=SEARCH)


def test_an_inconsistent_map_may_declare_a_kind_the_structure_denies() -> None:
    find(
        argument_maps(max_statements=6, consistent=False),
        lambda m: any(c.kind not in (None, m.kind(c.id)) for c in m.conflicts.values()),
        settings=SEARCH,
    )


@given(argument_maps(max_statements=8, attribution=False, schemes=False, declared=False))
def test_the_new_fields_can_be_switched_off(m: ArgumentMap) -> None:
    assert all((s.speaker, s.stance) == (None, "asserted") for s in m.statements.values())
    assert all(
        (i.scheme, dict(i.slots), i.implicit) == (None, {}, False) for i in m.inferences.values()
    )
    assert all(
        (c.kind, c.question, c.implicit) == (None, None, False) for c in m.conflicts.values()
    )


def test_maps_shrink_to_the_authors_plain_assertions() -> None:
    m = find(argument_maps(max_statements=3), lambda m: len(m.statements) >= 2)
    assert all((s.speaker, s.stance) == (None, "asserted") for s in m.statements.values())
    assert all(i.scheme is None and not i.implicit for i in m.inferences.values())


@given(stances(), speakers(), schemes(max_premises=1))
def test_the_part_strategies(stance: str, speaker: str | None, scheme: str) -> None:
    assert stance in STANCES
    assert speaker is None or speaker.strip()
    assert len(SCHEMES[scheme].premises) <= 1


def test_schemes_needs_a_scheme_that_fits() -> None:
    import pytest

    with pytest.raises(ValueError, match="no scheme"):
        schemes(max_premises=0)
