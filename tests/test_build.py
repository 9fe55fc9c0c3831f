"""The builder: the public authoring contract."""

from __future__ import annotations

import pytest

from argmap import ArgumentMap, MapBuilder, MapError


def build_tea() -> MapBuilder:
    b = MapBuilder("Tea or coffee?", source="Tea wakes you up without the jitters, they say.")
    b.claim("tea", "Tea is the better breakfast drink.", thesis=True, tags=["drinks"])
    b.premise("calm", "Tea wakes you without jitters.", quote="wakes you up without the jitters")
    b.premise("cheap", "Tea is cheap.")
    return b


def test_builder_returns_ids_and_builds_a_map() -> None:
    b = build_tea()
    inference = b.support("tea", ["calm", "cheap"], label="both", scheme="practical reasoning")
    b.claim("coffee", "Coffee is stronger.")
    conflict = b.counter("tea", "coffee", id="strong")
    undercut = b.counter(inference, "coffee")
    pair = b.contradict("calm", "coffee")
    m = b.build()
    assert isinstance(m, ArgumentMap)
    assert inference == "inf1"
    assert conflict == "strong"
    assert undercut == "con1"
    assert pair == ("con2", "con3")
    assert m.theses == ("tea",)
    assert m.inferences["inf1"].premises == ("calm", "cheap")
    assert m.inferences["inf1"].scheme == "practical reasoning"
    assert m.kind("con1") == "undercut"
    assert m.conflicts["con2"].source == "calm"
    assert m.conflicts["con3"].source == "coffee"
    assert m.statements["tea"].tags == ("drinks",)


def test_single_premise_may_be_a_string() -> None:
    b = build_tea()
    b.support("tea", "calm")
    assert b.build().inferences["inf1"].premises == ("calm",)


def test_same_calls_give_the_same_map_and_ids() -> None:
    def make() -> ArgumentMap:
        b = build_tea()
        b.support("tea", "calm")
        b.support("tea", "cheap")
        b.claim("coffee", "Coffee!")
        b.contradict("tea", "coffee")
        return b.build()

    assert make() == make()
    assert list(make().inferences) == ["inf1", "inf2"]


def test_generated_ids_skip_ids_already_taken() -> None:
    b = MapBuilder("t")
    b.claim("inf1", "a statement whose id looks generated", thesis=True)
    b.premise("p", "p")
    assert b.support("inf1", "p") == "inf2"


def test_quote_offsets_are_recorded() -> None:
    m = build_tea().build()
    quote = m.statements["calm"].quote
    assert quote is not None
    assert (quote.start, quote.end) == (4, 36)
    assert m.source is not None
    assert m.source[quote.start : quote.end] == quote.text
    assert m.statements["cheap"].quote is None


def test_build_lists_every_unknown_and_duplicate_id_at_once() -> None:
    b = build_tea()
    b.premise("calm", "again")
    b.support("nowhere", ["calm", "ghost"], id="calm")
    b.support("tea", ["phantom"])
    b.counter("void", "spectre")
    b.thesis("missing")
    with pytest.raises(MapError) as raised:
        b.build()
    error = raised.value
    codes = [problem.code for problem in error.problems]
    assert codes.count("duplicate-id") == 2
    named = {id for problem in error.problems for id in problem.ids}
    assert {"calm", "ghost", "phantom", "void", "spectre", "missing"} <= named
    message = str(error)
    for name in ("ghost", "phantom", "void", "spectre", "missing", "nowhere"):
        assert repr(name) in message


def test_an_inference_needs_premises() -> None:
    b = build_tea()
    b.support("tea", [])
    with pytest.raises(MapError, match="no premises"):
        b.build()


def test_invalid_ids_are_reported() -> None:
    b = MapBuilder("t")
    b.claim("", "empty id")
    with pytest.raises(MapError, match="id ''"):
        b.build()


# -- who says what, schemes, declared kinds (issue 9) -----------------------------------------


def test_says_adds_the_saying_the_view_and_the_inference_between() -> None:
    b = MapBuilder("Doubts")
    b.premise("expertise", "Those who doubt it are experts.")
    view = b.says(
        "experts",
        "doubtful",
        "The plan is doubtful.",
        saying="doubt",
        saying_text="Experts doubt the plan.",
        scheme="expert-opinion",
        slots={"expert": "expertise"},
        inference="doubt_arg",
    )
    m = b.build()
    assert view == "doubtful"
    said, reported = m.statements["doubt"], m.statements["doubtful"]
    assert (said.speaker, said.stance) == (None, "asserted")
    assert (reported.speaker, reported.stance) == ("experts", "reported")
    inference = m.inferences["doubt_arg"]
    assert inference.premises == ("doubt", "expertise")
    assert inference.conclusion == "doubtful"
    assert inference.scheme == "expert-opinion"
    assert dict(inference.slots) == {"assertion": "doubt", "expert": "expertise"}


def test_says_defaults_name_the_saying_after_the_view() -> None:
    b = MapBuilder("t")
    b.says(
        "some",
        "lev",
        "Turkey may be bargaining.",
        stance="conceded",
        scheme="testimony",
        data={"anchor": "Some argue"},
    )
    m = b.build()
    assert m.statements["lev.said"].text == "According to some: Turkey may be bargaining."
    assert m.statements["lev"].stance == "conceded"
    [inference] = m.inferences.values()
    assert dict(inference.slots) == {"statement": "lev.said"}
    assert inference.data == {"anchor": "Some argue"}


def test_a_reported_view_stands_exactly_as_well_as_its_source() -> None:
    from argmap import evaluate

    b = MapBuilder("t")
    b.says("officials", "p", "P holds.")
    m = b.build()
    assert evaluate(m).labels["p"] == "in"
    assert evaluate(m, position={"p.said": False}).labels["p"] == "out"


def test_speaker_stance_slots_kind_and_question_are_kept() -> None:
    b = MapBuilder("t")
    b.claim("c", "C may hold.", stance="hedged", speaker="Ankara")
    b.premise("p", "P.")
    b.premise("q", "Q.")
    inference = b.support("c", "p", scheme="sign", slots={"finding": "p"}, implicit=True)
    b.counter(inference, "q", kind="undercut", question="other-events", implicit=True)
    m = b.build()
    assert (m.statements["c"].speaker, m.statements["c"].stance) == ("Ankara", "hedged")
    assert m.inferences[inference].implicit is True
    assert dict(m.inferences[inference].slots) == {"finding": "p"}
    [conflict] = m.conflicts.values()
    assert (conflict.kind, conflict.question, conflict.implicit) == (
        "undercut",
        "other-events",
        True,
    )


@pytest.mark.parametrize(
    ("call", "needle"),
    [
        (lambda b: b.claim("x", "X.", stance="sure"), "stance 'sure'"),
        (lambda b: b.claim("x", "X.", speaker=5), "speaker"),
        (lambda b: b.support("a", "a", slots=["a"]), "slots"),
        (lambda b: b.support("a", "a", slots={"s": 3}), "fills slot 's'"),
        (lambda b: b.support("a", "a", implicit="yes"), "implicit 'yes'"),
        (lambda b: b.counter("a", "a", kind="rebutal"), "kind 'rebutal'"),
    ],
)
def test_bad_faithfulness_fields_are_map_errors_naming_what(call: object, needle: str) -> None:
    b = MapBuilder("t")
    b.claim("a", "A.")
    call(b)  # type: ignore[operator]
    with pytest.raises(MapError) as raised:
        b.build()
    assert needle in str(raised.value)


def test_counter_with_its_arguments_swapped_names_both_ids() -> None:
    b = MapBuilder("t")
    b.claim("c", "C.")
    b.premise("p", "P.")
    b.premise("x", "X.")
    reason = b.support("c", "p", id="reason")
    b.counter("x", reason, id="swapped")  # meant: b.counter(reason, "x")
    with pytest.raises(MapError) as raised:
        b.build()
    [problem] = raised.value.problems
    assert problem.code == "unknown-reference"
    assert problem.ids == ("reason", "swapped")
    assert "'x'" in problem.message
    assert "counter takes the target first" in problem.message
