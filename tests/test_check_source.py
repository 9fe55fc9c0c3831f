"""check() against the source text: nested quotes, dropped hedges and attributions,
unanchored relations, coverage; and the sentence splitter and lexicon they read with."""

from __future__ import annotations

import itertools
import os
import pathlib
import sys
import time

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap import CODES, ArgumentMap, Conflict, Inference, MapBuilder, MapError, Quote, check
from argmap import Statement as S
from argmap._source_checks import SOURCE_CODES
from argmap.lexicon import LEXICON, Lexicon, sentences
from argmap.strategies import argument_maps, texts

ROOT = pathlib.Path(__file__).resolve().parent.parent


def test_the_codes_are_in_CODES() -> None:
    assert dict(SOURCE_CODES).items() <= dict(CODES).items()


# -- sentences and the lexicon ---------------------------------------------------------


def split(text: str) -> list[str]:
    return [text[a:b] for a, b in sentences(text)]


def test_sentences_end_at_stops_before_capitals_and_at_paragraphs() -> None:
    text = "One. Two? Three!\nFour is wrapped\nover lines. the U.S., then\n\nA heading\n\nLast"
    assert split(text) == [
        "One.",
        "Two?",
        "Three!",
        "Four is wrapped\nover lines. the U.S., then",
        "A heading",
        "Last",
    ]
    assert split('He said "No." 2013 was "quiet." (Yes.) "Really."') == [
        'He said "No."',
        '2013 was "quiet."',
        "(Yes.)",
        '"Really."',
    ]
    assert split("") == split("  \n\n ") == []


@given(st.text(alphabet='ab .?!\n"A1', max_size=60))
def test_sentences_are_ordered_trimmed_and_cover_every_word(text: str) -> None:
    spans = sentences(text)
    assert all(a < b for a, b in spans)
    assert all(b1 < a2 for (_, b1), (a2, _) in itertools.pairwise(spans))
    for a, b in spans:
        assert text[a:b] == text[a:b].strip()
    covered = "".join(text[a:b] for a, b in spans)
    assert "".join(covered.split()) == "".join(text.split())


def test_the_lexicon_matches_whole_words_ignoring_case_and_apostrophes() -> None:
    hedges = LEXICON.hedge_pattern()
    assert hedges.search("It MAY rain")
    assert not hedges.search("dismay and mayor")
    assert hedges.search("it’s   possible that")
    assert LEXICON.attribution_pattern().search("From Ankara’s point\nof view")
    assert not LEXICON.attribution_pattern().search("That said, it will")


def test_a_lexicon_refuses_what_is_not_a_tuple_of_phrases() -> None:
    with pytest.raises(TypeError):
        Lexicon(hedges="may")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        Lexicon(hedges=("may", " "))
    with pytest.raises(MapError):
        check(ArgumentMap(), lexicon="may")  # type: ignore[arg-type]


# -- each rule -----------------------------------------------------------------------------

SOURCE = (
    "Turkey may buy the S-400. Some argue that Turkey seeks leverage. "
    "The deal was signed in May. It is cheap. Therefore it is a good buy.\n\n"
    "Contrary to some claims, there is no rule against it."
)


def built(
    *statements: S, inferences: tuple[Inference, ...] = (), conflicts: tuple[Conflict, ...] = ()
) -> ArgumentMap:
    located = [
        attrs.evolve(s, quote=Quote.find(s.quote.text, SOURCE)) if s.quote else s
        for s in statements
    ]
    return ArgumentMap(
        statements=located,
        inferences=inferences,
        conflicts=conflicts,
        theses=(located[0].id,),
        source=SOURCE,
    )


def q(text: str) -> Quote:
    return Quote(text)


def test_a_quote_inside_another_is_reused_once() -> None:
    m = built(
        S("buy", "Turkey may buy it.", q("Turkey may buy the S-400."), stance="hedged"),
        S("s400", "It is the S-400.", q("the S-400")),
        S("again", "Turkey may buy it.", q("Turkey may buy the S-400."), stance="hedged"),
        S("cheap", "It is cheap.", q("It is cheap.")),
    )
    problems = check(m).of("quote-reused")
    assert [p.ids for p in problems] == [("again", "buy"), ("s400", "buy")]
    assert problems[0].severity == "warning"


def test_a_reported_view_inside_its_saying_is_not_reused() -> None:
    m = built(
        S(
            "said",
            "Some argue that Turkey seeks leverage.",
            q("Some argue that Turkey seeks leverage"),
        ),
        S(
            "lev",
            "Turkey seeks leverage.",
            q("Turkey seeks leverage"),
            speaker="some",
            stance="reported",
        ),
        inferences=(Inference("a", ("said",), "lev", "testimony", slots={"statement": "said"}),),
    )
    report = check(m)
    assert "quote-reused" not in report.codes
    assert "unattributed-report" not in report.codes
    assert "hedge-dropped" not in report.codes


def test_a_hedge_in_the_sentence_not_only_the_quote_counts() -> None:
    m = built(S("buy", "Turkey buys the S-400.", q("buy the S-400")))
    (problem,) = check(m).of("hedge-dropped")
    assert problem.ids == ("buy",)
    assert "'may'" in problem.message
    for fixed in (
        attrs.evolve(m.statements["buy"], stance="hedged"),
        attrs.evolve(m.statements["buy"], speaker="Ankara"),
    ):
        assert "hedge-dropped" not in check(built(fixed)).codes


def test_the_month_may_is_no_hedge() -> None:
    assert "hedge-dropped" not in check(built(S("deal", "Signed.", q("The deal was signed")))).codes


def test_an_attributed_sentence_asserted_by_the_author_is_unattributed() -> None:
    m = built(S("lev", "Turkey seeks leverage.", q("Turkey seeks leverage")))
    (problem,) = check(m).of("unattributed-report")
    assert "'Some argue'" in problem.message
    assert (
        "unattributed-report"
        not in check(
            built(
                S(
                    "lev",
                    "Turkey seeks leverage.",
                    q("Turkey seeks leverage"),
                    speaker="some",
                    stance="reported",
                )
            )
        ).codes
    )


def test_the_reported_view_must_carry_its_speaker_even_beside_its_saying() -> None:
    m = built(
        S("said", "Some argue so.", q("Some argue that")),
        S("lev", "Turkey seeks leverage.", q("Turkey seeks leverage")),
        inferences=(Inference("a", ("said",), "lev", "testimony", slots={"statement": "said"}),),
    )
    assert [p.ids for p in check(m).of("unattributed-report")] == [("lev",)]


def test_the_authors_answer_to_a_modelled_attribution_is_not_flagged() -> None:
    m = built(
        S("rule", "There is no rule.", q("there is no rule against it")),
        S("claims", "Some claim there is a rule.", q("Contrary to some claims")),
        S("ban", "There is a rule.", speaker="some", stance="reported"),
        inferences=(
            Inference("a", ("claims",), "ban", "testimony", slots={"statement": "claims"}),
        ),
        conflicts=(Conflict("c", "rule", "ban"),),
    )
    assert "unattributed-report" not in check(m).codes
    alone = built(S("rule", "There is no rule.", q("there is no rule against it")))
    assert "unattributed-report" in check(alone).codes


def test_a_relation_is_anchored_by_a_connective_nearby_an_anchor_or_implicit() -> None:
    statements = (
        S("good", "A good buy.", q("it is a good buy")),
        S("cheap", "Cheap.", q("It is cheap.")),
        S("rule", "No rule.", q("there is no rule against it")),
        S("lev", "Leverage.", q("Turkey seeks leverage"), speaker="some", stance="reported"),
        S("buy", "Turkey may buy it.", q("Turkey may buy the S-400."), stance="hedged"),
    )
    near = Inference("near", ("cheap",), "good")  # adjacent sentences, "Therefore"
    across = Inference("across", ("rule",), "good")  # the next paragraph is adjacent too
    far = Inference("far", ("buy",), "good")  # four sentences apart
    anchored = Inference("anchored", ("buy",), "good", data={"anchor": "Contrary to"})
    implicit = Inference("implicit", ("buy",), "good", implicit=True)
    missing = Inference("missing", ("buy",), "good", data={"anchor": "not in the text"})
    attack = Conflict("attack", "lev", "far")
    m = built(
        *statements,
        inferences=(near, across, far, anchored, implicit, missing),
        conflicts=(attack,),
    )
    problems = check(m).of("unanchored-relation")
    assert [p.ids for p in problems] == [("far",), ("missing",), ("attack",)]
    assert all(p.severity == "info" for p in problems)


def test_coverage_counts_touched_sentences_and_shows_the_first_untouched() -> None:
    m = built(
        S("buy", "Turkey may buy it.", q("Turkey may buy the S-400. Some argue"), stance="hedged")
    )
    (problem,) = check(m).of("source-coverage")
    assert problem.ids == ()
    assert "touch 2 of 6 sentences of the source (33%)" in problem.message
    assert "untouched: 'The deal was signed in May.', 'It is cheap.'" in problem.message
    assert "'Therefore it is a good buy.' and 1 more." in problem.message


def test_without_a_source_there_are_no_source_checks() -> None:
    m = attrs.evolve(built(S("buy", "Turkey buys.", q("buy the S-400"))), source=None)
    assert not set(SOURCE_CODES) & check(m).codes


def test_an_extended_lexicon_finds_more() -> None:
    m = built(S("cheap", "Cheap.", q("It is cheap.")))
    assert "hedge-dropped" not in check(m).codes
    mine = attrs.evolve(LEXICON, hedges=(*LEXICON.hedges, "cheap"))
    assert "hedge-dropped" in check(m, lexicon=mine).codes


# -- properties and scale --------------------------------------------------------------------


@given(argument_maps(consistent=False, texts=texts(max_size=30)))
def test_generated_maps_never_crash_and_get_one_coverage_per_source(m: ArgumentMap) -> None:
    report = check(m)
    assert len(report.of("source-coverage")) == (m.source is not None)


@given(argument_maps(), st.sampled_from(["hedged", "reported", "conceded"]))
def test_a_statement_that_is_not_an_author_assertion_drops_nothing(
    m: ArgumentMap, stance: str
) -> None:
    changed = attrs.evolve(
        m, statements=[attrs.evolve(s, stance=stance) for s in m.statements.values()]
    )
    assert not {"hedge-dropped", "unattributed-report"} & check(changed).codes


@given(argument_maps())
def test_implicit_relations_are_never_unanchored(m: ArgumentMap) -> None:
    changed = attrs.evolve(
        m,
        inferences=[attrs.evolve(i, implicit=True) for i in m.inferences.values()],
        conflicts=[attrs.evolve(c, implicit=True) for c in m.conflicts.values()],
    )
    assert "unanchored-relation" not in check(changed).codes


@given(st.lists(st.tuples(st.integers(0, 30), st.integers(1, 10)), min_size=1, max_size=12))
def test_quote_reused_is_exactly_containment(spans: list[tuple[int, int]]) -> None:
    source = "".join(chr(ord("a") + k % 26) for k in range(50))
    statements = [
        S(f"s{n}", "x", Quote(source[a : a + size], a, a + size))
        for n, (a, size) in enumerate(spans)
    ]
    m = ArgumentMap(statements=statements, theses=("s0",), source=source)
    flagged = {p.ids[0] for p in check(m).of("quote-reused")}
    for n, (a, size) in enumerate(spans):
        inside = any(
            (b <= a and a + size <= b + other and (b, -other, k) < (a, -size, n))
            for k, (b, other) in enumerate(spans)
            if k != n
        )
        assert (f"s{n}" in flagged) == inside


def test_twenty_thousand_quotes_into_a_large_source_check_in_seconds() -> None:
    n = 20_000
    parts, quotes, offset = [], [], 0
    for k in range(n):
        sentence = f"Claim {k} may hold, as experts say, therefore more follows. "
        parts.append(sentence)
        quotes.append((offset, offset + len(sentence) - 1))
        offset += len(sentence)
    source = "".join(parts)
    whole = Quote(source.strip(), 0, len(source.strip()))
    statements = [S("all", "Everything.", whole)]
    statements += [
        S(f"s{k}", f"claim {k}", Quote(source[a:b], a, b)) for k, (a, b) in enumerate(quotes)
    ]
    inferences = [Inference("big", tuple(f"s{k}" for k in range(1, n)), "s0", "sign")]
    inferences += [Inference(f"i{k}", (f"s{k + 1}",), f"s{k}") for k in range(n - 1)]
    conflicts = [Conflict(f"c{k}", f"s{k}", "big") for k in range(n)]
    m = ArgumentMap(
        statements=statements,
        inferences=inferences,
        conflicts=conflicts,
        theses=("all",),
        source=source,
    )
    started = time.perf_counter()
    report = check(m)
    elapsed = time.perf_counter() - started
    assert len(report.of("quote-reused")) == n
    assert len(report.of("hedge-dropped")) == n + 1
    assert len(report.of("unattributed-report")) == n + 1
    assert len(report.of("source-coverage")) == 1
    print(f"check took {elapsed:.1f} s")
    assert elapsed < 30, f"check took {elapsed:.1f} s"


# -- the reference map ------------------------------------------------------------------------


@pytest.mark.skipif(not os.environ.get("ARGMAP_ARTICLE"), reason="set ARGMAP_ARTICLE=FILE")
def test_the_source_checks_run_on_the_reference_map() -> None:
    sys.path.insert(0, str(ROOT / "examples"))
    import turkey_s400

    m = turkey_s400.build_map(turkey_s400.read_article())
    report = check(m)
    assert len(report.of("source-coverage")) == 1
    assert report.ok


def test_builder_sayings_are_modelled_attribution() -> None:
    source = "Experts doubt that the plan is viable. Still, Turkey goes on."
    b = MapBuilder("sayings", source=source)
    b.claim("goes", "Turkey goes on.", quote="Turkey goes on", thesis=True)
    b.says(
        "experts",
        "doubt",
        "The plan may not be viable.",
        quote="the plan is viable",
        saying_quote="Experts doubt that the plan is viable",
        scheme="expert-opinion",
    )
    report = check(b.build())
    assert not {"quote-reused", "unattributed-report", "hedge-dropped"} & report.codes
