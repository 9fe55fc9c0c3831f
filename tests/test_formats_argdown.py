"""Argdown: conformance with the Argdown tool's own exports, round trips, errors, fuzzing.

The fixtures (``$ARGMAP_FIXTURES`` or ``<repo>/../shared/fixtures``, folder
``argdown/``) hold five real Argdown documents with the JSON, JSON-with-map and DOT
exports of the Argdown tool 1.7.5. For each, argmap reads the ``.argdown``,
exports Argdown JSON and the map view, and must agree with the tool.
"""

from __future__ import annotations

import json
import os
import pathlib
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap import ArgumentMap, Conflict, FormatError, Inference, MapBuilder, Quote, Statement
from argmap.formats import argdown, argdown_json
from argmap.formats import dumps as any_dumps
from argmap.formats import load as any_load
from argmap.strategies import argument_maps

ROOT = pathlib.Path(__file__).resolve().parent.parent
FIXTURES = pathlib.Path(os.environ.get("ARGMAP_FIXTURES", ROOT / "tests" / "fixtures"))

NAMES = [
    "argdown-primer",
    "greenspan-schefczyk",
    "legalisation-softdrugs",
    "semmelweis-betz",
    "state-censorship",
]


def _folder(name: str) -> pathlib.Path:
    folder = FIXTURES / "argdown" / name
    if not folder.is_dir():
        pytest.skip(f"Argdown fixture {folder} is absent (set ARGMAP_FIXTURES)")
    return folder


def _read(name: str) -> tuple[ArgumentMap, dict[str, Any]]:
    """The fixture read by argmap, and the Argdown tool's JSON of it."""
    folder = _folder(name)
    source = folder / f"{name}.argdown"
    real = json.loads((folder / f"{name}.json").read_text("utf-8"))
    return argdown.load(source), real


def _texts(statements: dict[str, Any]) -> dict[str, list[str | None]]:
    """Member texts, without the white space Argdown leaves at the end where it took a
    tag or data block out (argmap's texts have none: a deliberate difference)."""
    return {
        title: [(m.get("text") or "").rstrip() for m in ec["members"] if not m.get("isReference")]
        for title, ec in statements.items()
    }


def _pcs(arguments: dict[str, Any]) -> dict[str, list[tuple[Any, ...]]]:
    return {
        title: [
            (s["title"], s["role"], tuple(s.get("inference", {}).get("inferenceRules", ())))
            for s in argument["pcs"]
        ]
        for title, argument in arguments.items()
    }


def _relations(relations: list[dict[str, Any]]) -> set[tuple[str, str, str]]:
    return {(r["from"], r["to"], r["relationType"]) for r in relations}


def _sections(sections: list[dict[str, Any]]) -> list[tuple[str, int]]:
    flat: list[tuple[str, int]] = []
    for section in sections:
        flat.append((section["title"], section["level"]))
        flat.extend(_sections(section["children"]))
    return flat


# -- conformance with the Argdown tool's JSON export -------------------------------------


@pytest.mark.parametrize("name", NAMES)
def test_argdown_json_matches_the_argdown_tool(name: str) -> None:
    """Statement titles and texts, every pcs, relations, arguments, sections and tags."""
    map, real = _read(name)
    mine = json.loads(argdown_json.dumps(map))
    assert set(mine["statements"]) == set(real["statements"])
    assert _texts(mine["statements"]) == _texts(real["statements"])
    assert set(mine["arguments"]) == set(real["arguments"])
    assert _pcs(mine["arguments"]) == _pcs(real["arguments"])
    assert _relations(mine["relations"]) == _relations(real["relations"])
    assert _sections(mine["sections"]) == _sections(real["sections"])
    assert list(mine["tags"]) == list(real["tags"])


@pytest.mark.parametrize("name", NAMES)
def test_statement_texts_are_argdowns_canonical_texts(name: str) -> None:
    """Each statement's text is the text Argdown shows for its equivalence class."""
    map, real = _read(name)
    for title, ec in real["statements"].items():
        definitions = [m.get("text") for m in ec["members"] if not m.get("isReference")]
        canonical = (definitions[-1] or "") if definitions else ""
        assert map.statements[title].text == canonical.rstrip()


@pytest.mark.parametrize("name", NAMES)
def test_map_view_matches_the_argdown_map(name: str) -> None:
    """Same statement and argument nodes, same edges (from, to, type), same groups."""
    folder = _folder(name)
    real = json.loads((folder / f"{name}.with-map.json").read_text("utf-8"))["map"]
    nodes: dict[str, tuple[str, str, str | None]] = {}
    groups: set[tuple[str, str, int]] = set()

    def walk(items: list[dict[str, Any]], group: str | None) -> None:
        for node in items:
            if node["type"] == "group-map-node":
                groups.add((node["id"], node["title"], node["level"]))
                walk(node["children"], node["id"])
            else:
                nodes[node["id"]] = (node["title"], node["type"].split("-")[0], group)

    walk(real["nodes"], None)
    view = argdown_json.map_view(argdown.load(folder / f"{name}.argdown"))
    assert sorted((n["title"], n["type"], n["group"]) for n in view["nodes"]) == sorted(
        nodes.values()
    )
    real_edges = {
        (nodes[e["from"]][0], nodes[e["to"]][0], e["relationType"]) for e in real["edges"]
    }
    assert {(e["from"], e["to"], e["type"]) for e in view["edges"]} == real_edges
    assert {(g["id"], g["title"], g["level"]) for g in view["groups"]} == groups


# -- the model argmap makes of Argdown ---------------------------------------------------


@pytest.mark.parametrize("name", NAMES)
def test_fixtures_round_trip_without_an_argmap_block(name: str) -> None:
    map, _ = _read(name)
    text = argdown.dumps(map)
    assert argdown.loads(text) == map
    assert '"argmap"' not in text  # plain Argdown says it all


def test_primer_model() -> None:
    map, _ = _read("argdown-primer")
    step = map.inferences["<Argument 1> (3)"]
    assert step.premises == ("Untitled 11", "Statement 2")
    assert step.conclusion == "Untitled 12"
    assert step.scheme == "Some inference rule: p ∧ (p → q) → q"
    assert step.data["some_additional_data"] == [1, 2]
    group = map.arguments["Argument 1"]
    assert group.statements == ("Untitled 11", "Statement 2", "Untitled 12")
    assert group.conclusion == "Untitled 12"
    assert map.statements["Statement 2"].data["argdown"]["members"][0].startswith("Let's do")
    gist = map.statements["<Another argument>"]
    assert gist.data["argdown"] == {"argument": "Another argument"}
    assert map.conflicts["<Yet another argument> -> <Another argument>"].target == gist.id
    assert map.data["argdown"]["sections"][1] == {
        "id": "s2",
        "title": "Argdown Basics",
        "level": 2,
        "parent": "s1",
    }
    assert map.statements["Statement 1"].tags == ("Another tag",)
    assert map.locations["Statement 1"].line == 27


def test_semmelweis_strict_mode_contraries_are_symmetric() -> None:
    map, _ = _read("semmelweis-betz")
    forth = map.conflicts["[Epidemic Influence Hypothesis] -> [Rough Examination Hypothesis]"]
    back = map.conflicts["[Rough Examination Hypothesis] -> [Epidemic Influence Hypothesis]"]
    assert (forth.source, back.source) == (back.target, forth.target)
    assert back.data["argdown"] == {"mirror": True}
    assert map.data["argdown"]["frontmatter"]["model"] == {"mode": "strict"}


def test_greenspan_uses_and_title() -> None:
    map, _ = _read("greenspan-schefczyk")
    assert map.title.startswith("Why the Fed didn't Intervene")
    step = map.inferences["<Turnover Argument> (6)"]
    assert len(step.premises) == 4  # {uses: [1,2,3,4]}, not (5)
    assert map.arguments["Turnover Argument"].data["argdown"]["section"] == "s0"  # regrouped


def test_legalisation_undercuts_target_the_sketched_arguments_gist() -> None:
    map, _ = _read("legalisation-softdrugs")
    undercut = map.conflicts["<Poor reason> _> <Alcohol and tobacco analogy>"]
    assert undercut.target == "<Alcohol and tobacco analogy>"
    assert undercut.data["argdown"] == {"relation": "undercut"}


def test_undercut_of_a_reconstruction_hits_its_last_inference() -> None:
    text = (
        "<A>: An argument.\n  <_ <U>: An undercut.\n\n<A>\n\n(1) P.\n----\n(2) Q.\n----\n(3) R.\n"
    )
    map = argdown.loads(text)
    conflict = next(iter(map.conflicts.values()))
    assert conflict.target == "<A> (3)"
    assert map.kind(conflict.id) == "undercut"
    assert "<U>" in map.statements  # the undercutting argument's gist


def test_auto_titles_follow_argdowns_numbering() -> None:
    map = argdown.loads("First.\n  + Second.\n    - Third.\n\nFourth.\n")
    assert list(map.statements) == ["Untitled 1", "Untitled 2", "Untitled 3", "Untitled 4"]
    assert map.statements["Untitled 2"].text == "Second."


def test_lines_join_with_one_space_and_markup_goes() -> None:
    map = argdown.loads("[A]: Some **bold** and _italic_\ntext with a [link](http://x.org).\n")
    assert map.statements["A"].text == "Some bold and italic text with a link."


def test_empty_documents_are_empty_maps() -> None:
    assert argdown.loads("") == ArgumentMap()
    assert argdown.loads("\n\n// a comment\n") == ArgumentMap()
    assert argdown.loads("===\ntitle: Nothing yet\n===\n").title == "Nothing yet"


def test_formats_registry_reads_and_writes_argdown(tmp_path: pathlib.Path) -> None:
    map = argdown.loads("[A]: One.\n  + [B]: Two.\n")
    path = tmp_path / "map.argdown"
    argdown.dump(map, path)
    assert any_load(path) == map
    assert json.loads(any_dumps(map, format="argdown-json"))["relations"] == [
        {"type": "relation", "relationType": "support", "from": "B", "fromType":
         "equivalence-class", "to": "A", "toType": "equivalence-class"}
    ]  # fmt: skip


# -- round trips of any map -----------------------------------------------------------------


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(argument_maps(max_statements=15))
def test_any_map_round_trips(map: ArgumentMap) -> None:
    """Texts are any printable Unicode with line breaks: what plain Argdown cannot say
    (line breaks, quotes, theses, ids) travels in the front matter's argmap entry."""
    assert argdown.loads(argdown.dumps(map), source=map.source) == map


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(argument_maps(max_statements=10, consistent=False))
def test_inconsistent_maps_round_trip_too(map: ArgumentMap) -> None:
    assert argdown.loads(argdown.dumps(map), source=map.source) == map


def test_plain_maps_need_no_argmap_block() -> None:
    map = ArgumentMap(
        statements=[Statement("a", "Tea is best. #not-a-tag [not a ref]"), Statement("b", "x")],
        inferences=[Inference("[b] +> [a]", ("b",), "a")],
    )
    text = argdown.dumps(map)
    assert '"argmap"' not in text
    assert argdown.loads(text) == map


def test_linked_premises_become_a_premise_conclusion_structure() -> None:
    map = ArgumentMap(
        statements=[Statement(s, s.upper() + ".") for s in "cpqx"],
        inferences=[Inference("i", ("p", "q"), "c", scheme="modus ponens")],
        conflicts=[Conflict("u", "x", "i")],
        theses=("c",),
    )
    text = argdown.dumps(map)
    assert "(1) [p]\n(2) [q]\n-- modus ponens --\n  <_ [x]\n(3) [c]" in text
    assert argdown.loads(text) == map


def test_unsayable_things_travel_in_the_front_matter() -> None:
    map = ArgumentMap(
        title="t",
        statements=[Statement("a]b", "two\nlines", Quote("two", 0, 3), ("a)b",))],
        source="two lines",
    )
    assert argdown.loads(argdown.dumps(map), source=map.source) == map


# -- errors and fuzzing ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "code", "line", "column"),
    [
        ("[A]: x\n\n[Open: text\n", "unclosed-title", 3, 1),
        ("<A>\n\n(1) P.\n----\n", "pcs-without-conclusion", 4, 1),
        ("[A]: x {broken: yaml\n", "unclosed-data", 1, 8),
        ("===\na: [\n===\n\n[A]: x\n", "invalid-frontmatter", 3, 1),
        ("[A]: x\n    + [B]: y\n  + [C]: z\n", "bad-indentation", 3, 3),
        ("[A]: **open\n", "unclosed-range", 1, 6),
    ],
)
def test_errors_say_what_and_where(text: str, code: str, line: int, column: int) -> None:
    with pytest.raises(FormatError) as raised:
        argdown.loads(text, path="x.argdown")
    error = raised.value
    assert (error.code, error.line, error.column, error.path) == (code, line, column, "x.argdown")


def test_all_problems_are_collected() -> None:
    text = "[A]: x {a: [\n\n[B]: **open\n\n[C]: fine\n\n[D]: y [E] z\n"
    with pytest.raises(FormatError) as raised:
        argdown.loads(text)
    assert len(raised.value.problems) >= 2


def test_deep_nesting_is_a_format_error_not_a_crash() -> None:
    text = "[S0]: Root.\n" + "".join("  " * (n + 1) + f"+ [S{n + 1}]: x\n" for n in range(3000))
    with pytest.raises(FormatError) as raised:
        argdown.loads(text)
    assert raised.value.code == "too-deep"


_PIECES = st.sampled_from(
    [
        *"[]<>{}()*_#@:.-+\n \t\\=/!,;'\"ab1",
        *("\n\n", "  + ", "(1) ", "----\n", "===\n", "<!--", "-->", "/*", "//", "**", "__"),
        *("{a: 1}", "[A]: ", "<B>: ", "  - ", "  <_ "),
    ]
)


def _sources() -> list[str]:
    folder = FIXTURES / "argdown"
    texts = [p.read_text("utf-8") for p in sorted(folder.glob("*/*.argdown"))]
    return texts or ["[A]: One.\n  + [B]: Two.\n\n<C>\n\n(1) [A]\n----\n(2) [B]\n"]


@st.composite
def _mutations(draw: st.DrawFn) -> str:
    text: str = draw(st.sampled_from(_sources()))
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(text)))
        how = draw(st.sampled_from(["insert", "delete", "repeat"]))
        if how == "insert":
            text = text[:at] + "".join(draw(st.lists(_PIECES, max_size=4))) + text[at:]
        else:
            end = min(len(text), at + draw(st.integers(1, 120)))
            text = text[:at] + (text[at:end] if how == "repeat" else "") + text[end:]
    return text


def _only_format_errors(text: str) -> None:
    try:
        map = argdown.loads(text)
    except FormatError:
        return
    assert argdown.loads(argdown.dumps(map), source=map.source) == map


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(_mutations())
def test_fuzz_mutated_fixtures_raise_only_format_errors(text: str) -> None:
    _only_format_errors(text)


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_PIECES, max_size=60).map("".join) | st.text(max_size=200))
def test_fuzz_random_text_raises_only_format_errors(text: str) -> None:
    _only_format_errors(text)


def test_argmap_block_is_validated() -> None:
    text = '===\n"argmap": {"patch": {"nowhere": {"text": "x"}}}\n===\n\n[A]: x\n'
    with pytest.raises(FormatError, match="unknown id"):
        argdown.loads(text)


def test_evolve_keeps_locations_out_of_equality() -> None:
    map = argdown.loads("[A]: x\n")
    assert attrs.evolve(map, locations={}) == map


# -- who says it, schemes, declared kinds (issue 9) ------------------------------------------


def test_speaker_and_stance_come_from_the_statement_data() -> None:
    m = argdown.loads(
        "[leverage]: It is a bargaining move. {speaker: some analysts, stance: reported}\n"
    )
    statement = m.statements["leverage"]
    assert (statement.speaker, statement.stance, dict(statement.data)) == (
        "some analysts",
        "reported",
        {},
    )


def test_slots_and_implicit_come_from_the_inference_data() -> None:
    text = (
        "<Experts>\n\n"
        "(1) Experts say that it is costly.\n"
        "(2) Experts know the costs.\n"
        "-- expert-opinion {slots: {assertion: 1, expert: 2}, implicit: true} --\n"
        "(3) It is costly.\n"
    )
    m = argdown.loads(text)
    (inference,) = m.inferences.values()
    assert inference.scheme == "expert-opinion"
    assert inference.implicit is True
    premises = dict(zip(("assertion", "expert"), inference.premises, strict=True))
    assert dict(inference.slots) == premises


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[a]: A {stance: claimed}\n", "the stance of a statement must be one of"),
        ("[a]: A {speaker: [1]}\n", "the speaker of a statement must be a text"),
        ("<x>\n\n(1) A\n-- {slots: {s: 7}} --\n(2) B\n", "slot 's' names statement (7)"),
        ("<x>\n\n(1) A\n-- {implicit: 3} --\n(2) B\n", "'implicit' of an inference must be"),
    ],
)
def test_bad_attribution_and_slots_are_located(text: str, message: str) -> None:
    with pytest.raises(FormatError) as raised:
        argdown.loads(text)
    assert message in raised.value.message
    assert raised.value.line is not None
    assert raised.value.line >= 1


def test_speakers_stances_and_declared_fields_are_written_and_read_back() -> None:
    b = MapBuilder("reported views")
    b.claim("p", "Turkey may drift from the West.", stance="hedged", thesis=True)
    b.premise("q", "It is a bargaining move.", speaker="some analysts", stance="reported")
    b.premise("r", "Ankara wants the S-400.", speaker="Ankara", data={"stance": "kept"})
    b.support("p", ["q"], id="i", scheme="position-to-know", slots={"source": "q"}, implicit=True)
    b.counter("i", "r", id="c", kind="undercut", question="trustworthy", implicit=True)
    m = b.build()
    text = argdown.dumps(m)
    assert "{speaker: some analysts, stance: reported}" in text or (
        '{"speaker": "some analysts", "stance": "reported"}' in text
    )
    assert argdown.loads(text) == m


def test_a_text_ending_in_a_colon_keeps_its_data() -> None:
    m = ArgumentMap(
        statements=[Statement("s", "Turkey's view:", data={"a": "b:c"}, stance="reported")],
        theses=("s",),
    )
    assert argdown.loads(argdown.dumps(m), source=m.source) == m
