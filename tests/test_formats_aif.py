"""AIF (AIFdb JSON and xAIF): every real fixture loads, checks and round-trips; bad input
fails with a located FormatError; nothing but FormatError escapes the reader."""

from __future__ import annotations

import copy
import json
import os
import pathlib
import re
from typing import Any

import attrs
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from argmap import (
    ArgumentMap,
    Conflict,
    FormatError,
    Inference,
    MapBuilder,
    MapError,
    Statement,
    check,
)
from argmap import formats as registry
from argmap.formats import aif
from argmap.strategies import argument_maps

ROOT = pathlib.Path(__file__).resolve().parent.parent
FIXTURES = pathlib.Path(os.environ.get("ARGMAP_FIXTURES", ROOT / "tests" / "fixtures"))
AIF_FILES = sorted((FIXTURES / "aif").glob("*.json")) if (FIXTURES / "aif").is_dir() else []

COUNTS = {  # statements, inferences, conflicts
    "araucaria_nodeset233.json": (5, 1, 2),
    "araucaria_nodeset472.json": (4, 3, 0),
    "araucaria_nodeset651.json": (4, 3, 0),
    "araucaria_nodeset9339.json": (2, 1, 0),
    "arguebuf_6064-original.json": (9, 5, 0),
    "arguebuf_6064-reconstructed.json": (9, 8, 0),
    "iac_nodeset8050.json": (4, 1, 2),
    "iac_nodeset8462.json": (0, 0, 0),
    "microtexts_nodeset6361.json": (5, 1, 3),
    "microtexts_nodeset6431.json": (5, 2, 2),
    "ova3_xaif_arguebuf-typescript.json": (2, 1, 0),
    "qt30_nodeset21039.json": (6, 2, 1),
    "qt30_nodeset21318.json": (5, 2, 1),
    "us2016_nodeset10284.json": (18, 9, 3),
    "us2016_nodeset11311.json": (4, 2, 1),
}

CHECK_CODES = {
    # An MA-node rephrasing an I-node as itself: circular support through MA.
    "qt30_nodeset21039.json": {"circular-support", "no-thesis"},
    # The same, plus an RA whose only "premise" is an L-node (a dialogue node).
    "us2016_nodeset10284.json": {"circular-support", "no-premises", "no-thesis"},
    "iac_nodeset8462.json": set(),  # the empty graph
    # Araucaria and microtexts name schemes of the catalogue but fill no slots (issue 9).
    **{
        name: {"no-thesis", "missing-scheme-premise", "open-critical-question"}
        for name in (
            "araucaria_nodeset233.json",
            "araucaria_nodeset472.json",
            "araucaria_nodeset9339.json",
            "microtexts_nodeset6431.json",
        )
    },
}
"""What check reports per fixture; every other one only lacks a thesis (AIF has none)."""


def fixture_ids(paths: list[pathlib.Path]) -> list[str]:
    return [path.name for path in paths]


def read(name: str) -> str:
    path = FIXTURES / "aif" / name
    if not path.is_file():
        pytest.skip(f"fixture {path} is absent (set ARGMAP_FIXTURES)")
    return path.read_text(encoding="utf-8")


def canonical(document: dict[str, Any]) -> tuple[Any, ...]:
    """A document with node and edge order ignored: what must survive a round trip."""
    container = document.get("AIF", document)
    rest = {key: value for key, value in container.items() if key not in ("nodes", "edges")}
    outer = {key: value for key, value in document.items() if key != "AIF"}
    return (
        sorted(json.dumps(node, sort_keys=True) for node in container["nodes"]),
        sorted(json.dumps(edge, sort_keys=True) for edge in container["edges"]),
        rest,
        outer if "AIF" in document else None,
    )


def document(nodes: list[dict[str, Any]], edges: list[dict[str, Any]]) -> str:
    return json.dumps({"nodes": nodes, "edges": edges, "locutions": []}, indent=2)


def i(id: str | int, text: str = "") -> dict[str, Any]:
    return {"nodeID": id, "text": text or f"statement {id}", "type": "I"}


def s(id: str | int, type: str, text: str = "") -> dict[str, Any]:
    return {"nodeID": id, "text": text or type, "type": type}


def e(id: str | int, source: str | int, target: str | int) -> dict[str, Any]:
    return {"edgeID": id, "fromID": source, "toID": target}


# -- every real fixture ---------------------------------------------------------------------


@pytest.mark.parametrize("path", AIF_FILES, ids=fixture_ids(AIF_FILES))
def test_fixture_round_trips(path: pathlib.Path) -> None:
    text = path.read_text(encoding="utf-8")
    first = aif.loads(text, path=str(path))
    written = aif.dumps(first)
    assert aif.loads(written) == first
    assert aif.dumps(aif.loads(written)) == written  # the output is a fixed point
    assert canonical(json.loads(written)) == canonical(json.loads(text))


@pytest.mark.parametrize("path", AIF_FILES, ids=fixture_ids(AIF_FILES))
def test_fixture_counts_and_check(path: pathlib.Path) -> None:
    m = aif.load(path)
    counts = (len(m.statements), len(m.inferences), len(m.conflicts))
    assert counts == COUNTS[path.name]
    assert check(m).codes == CHECK_CODES.get(path.name, {"no-thesis"})
    text = path.read_text(encoding="utf-8")
    for id in [*m.statements, *m.inferences, *m.conflicts]:
        assert m.locations[id].path == str(path)
        assert m.locations[id].line is not None
    for id in m.statements:  # the "nodeID" key of the node, counted the slow way
        match = re.search(rf'"nodeID"\s*:\s*{re.escape(json.dumps(id))}', text)
        assert match is not None
        before = text[: match.start()]
        expected = (before.count("\n") + 1, match.start() - before.rfind("\n"))
        assert (m.locations[id].line, m.locations[id].column) == expected


def test_every_fixture_is_listed() -> None:
    assert {path.name for path in AIF_FILES} <= set(COUNTS)


def test_the_registry_detects_aif_by_content() -> None:
    read("araucaria_nodeset9339.json")
    m = registry.load(FIXTURES / "aif" / "araucaria_nodeset9339.json")
    assert set(m.statements) == {"177218", "177219"}
    assert registry.loads(aif.dumps(m), format="aif") == m


# -- what the argument layer becomes ---------------------------------------------------


def test_ra_node_becomes_an_inference_with_its_scheme_and_data() -> None:
    m = aif.loads(read("araucaria_nodeset9339.json"))
    assert m.inferences["177220"] == Inference(
        "177220",
        ("177218",),
        "177219",
        "ExpertOpinion",
        data=m.inferences["177220"].data,
    )
    node = m.inferences["177220"].data["aif"]["node"]
    assert node["schemeID"] == "15"
    assert node["text"] == "Expert Opinion"
    assert m.statements["177218"].data["aif"]["node"] == {"timestamp": "2016-06-13 20:03:18"}


def test_generic_schemes_are_none_and_named_ones_kept() -> None:
    schemes = {i.scheme for i in aif.loads(read("araucaria_nodeset472.json")).inferences.values()}
    assert schemes == {"CauseToEffect", "Example", "ExpertOpinion"}
    m = aif.loads(read("iac_nodeset8050.json"))
    assert [inference.scheme for inference in m.inferences.values()] == [None]


def test_several_premises_into_one_ra_are_one_linked_inference() -> None:
    m = aif.loads(read("qt30_nodeset21318.json"))
    assert m.inferences["707872"].premises == ("707854", "707858")
    assert m.inferences["707872"].conclusion == "707850"


def test_ma_nodes_are_rephrase_inferences() -> None:
    m = aif.loads(read("arguebuf_6064-reconstructed.json"))
    rephrases = [i for i in m.inferences.values() if i.data["aif"]["node"]["type"] == "MA"]
    assert len(rephrases) == 3
    assert {i.scheme for i in rephrases} == {aif.REPHRASE}


def test_ca_on_an_ra_node_is_an_undercut() -> None:
    m = aif.loads(read("microtexts_nodeset6431.json"))
    undercuts = [c for c in m.conflicts if m.kind(c) == "undercut"]
    assert len(undercuts) == 1
    assert m.conflicts[undercuts[0]].target in m.inferences
    assert "Example" in {i.scheme for i in m.inferences.values()}


def test_ca_on_a_ca_is_a_conflict_on_the_conflict() -> None:
    text = read("microtexts_nodeset6361.json")
    m = aif.loads(text)
    assert [(c.id, c.source, c.target) for c in m.conflicts.values()] == [
        ("119932", "119927", "119931"),
        ("119934", "119929", "119932"),
        ("119934.2", "119930", "119932"),
    ]
    assert m.conflicts["119934.2"].data["aif"]["part_of"] == "119934"
    assert m.kind("119934") == m.kind("119934.2") == "undercut"
    assert m.kind("119932") == "rebuttal"
    assert m.attackers_ids("119932") == ("119934", "119934.2")
    assert "unmodelled" not in m.data["aif"]
    kept = m.data["aif"]["document"]
    assert (kept["nodes"], kept["edges"]) == ([], [])
    assert m.locations["119934"].line is not None
    written = json.loads(aif.dumps(m))
    ca_on_ca = [
        edge for edge in written["edges"] if (edge["fromID"], edge["toID"]) == ("119934", "119932")
    ]
    original = json.loads(text)
    assert ca_on_ca == [edge for edge in original["edges"] if edge["edgeID"] == "160911"]
    assert canonical(written) == canonical(original)


def test_chains_of_cas_on_cas() -> None:
    nodes = [i("1"), i("2"), i("3"), i("4"), s("5", "CA"), s("6", "CA"), s("7", "CA")]
    edges = [e("a", "2", "5"), e("b", "5", "1"), e("c", "3", "6"), e("d", "6", "5")]
    text = document(nodes, [*edges, e("f", "4", "7"), e("g", "7", "6")])
    m = aif.loads(text)
    assert [(c.id, c.target) for c in m.conflicts.values()] == [
        ("5", "1"),
        ("6", "5"),
        ("7", "6"),
    ]
    assert check(m).codes == {"no-thesis"}
    assert check(attrs.evolve(m, theses=["1"])).problems == ()
    assert canonical(json.loads(aif.dumps(m))) == canonical(json.loads(text))


def test_cas_attacking_each_other_in_a_circle_are_held() -> None:
    nodes = [i("1"), i("2"), s("5", "CA"), s("6", "CA")]
    text = document(nodes, [e("a", "1", "5"), e("b", "5", "6"), e("c", "2", "6"), e("d", "6", "5")])
    m = aif.loads(text)
    assert [(c.id, c.source, c.target) for c in m.conflicts.values()] == [
        ("5", "1", "6"),
        ("6", "2", "5"),
    ]
    assert canonical(json.loads(aif.dumps(m))) == canonical(json.loads(text))


def test_a_ca_on_a_ca_that_is_not_held_is_listed_and_so_are_its_attackers() -> None:
    # CA 5 has two targets, which the model cannot hold; 6 attacks 5, and 7 attacks 6.
    nodes = [i("1"), i("2"), i("3"), i("4"), s("5", "CA"), s("6", "CA"), s("7", "CA")]
    edges = [e("a", "1", "5"), e("b", "5", "2"), e("c", "5", "3"), e("d", "4", "6")]
    edges += [e("f", "6", "5"), e("g", "1", "7"), e("h", "7", "6")]
    text = document(nodes, edges)
    m = aif.loads(text)
    assert not m.conflicts
    notes = {note["id"]: note for note in m.data["aif"]["unmodelled"]}
    assert list(notes) == ["5", "6", "7"]
    assert "2 targets" in notes["5"]["reason"]
    assert notes["6"]["reason"] == "it attacks the CA-node '5', which the model does not hold"
    assert notes["7"]["reason"] == "it attacks the CA-node '6', which the model does not hold"
    assert (notes["6"]["from"], notes["6"]["to"]) == (["4", "7"], ["5"])  # 7 attacks it
    assert canonical(json.loads(aif.dumps(m))) == canonical(json.loads(text))


def test_a_new_conflict_on_a_conflict_is_written_as_ca_on_ca() -> None:
    m = built()
    m = attrs.evolve(
        m,
        statements=[*m.statements.values(), Statement("s", "Sanctions never stopped Turkey.")],
        conflicts=[*m.conflicts.values(), Conflict("c2", "s", "c1")],
    )
    written = json.loads(aif.dumps(m))
    assert {(edge["fromID"], edge["toID"]) for edge in written["edges"]} >= {
        ("s", "c2"),
        ("c2", "c1"),
    }
    again = aif.loads(aif.dumps(m))
    assert (again.conflicts["c2"].source, again.conflicts["c2"].target) == ("s", "c1")
    assert again.kind("c2") == "undercut"


def test_an_attacked_part_of_a_ca_gets_a_ca_node_of_its_own() -> None:
    text = document(
        [i("1"), i("2"), i("3"), i("9"), s("4", "CA")],
        [e("a", "1", "4"), e("b", "2", "4"), e("c", "4", "3")],
    )
    m = aif.loads(text)
    m = attrs.evolve(m, conflicts=[*m.conflicts.values(), Conflict("x", "9", "4.2")])
    written = json.loads(aif.dumps(m))
    assert {node["nodeID"] for node in written["nodes"] if node["type"] == "CA"} == {
        "4",
        "4.2",
        "x",
    }
    again = aif.loads(json.dumps(written))
    assert {(c.id, c.source, c.target) for c in again.conflicts.values()} == {
        ("4", "1", "3"),
        ("4.2", "2", "3"),
        ("x", "9", "4.2"),
    }


def test_dialogue_layer_is_carried_untouched() -> None:
    text = read("us2016_nodeset11311.json")
    m = aif.loads(text)
    kept = m.data["aif"]["document"]
    original = json.loads(text)
    dialogue = [n for n in original["nodes"] if n["type"] in ("L", "YA", "TA")]
    assert kept["nodes"] == dialogue
    assert kept["locutions"] == original["locutions"]
    assert m.data["aif"]["flavour"] == "aifdb"


# -- the dialogue layer: speakers and stances (AIF+, Inference Anchoring Theory) -------------


def _said(m: ArgumentMap) -> dict[str, tuple[str | None, str]]:
    return {k: (s.speaker, s.stance) for k, s in m.statements.items()}


def test_corpus_locutions_give_speakers_and_illocutions_give_stances() -> None:
    qt30 = _said(aif.loads(read("qt30_nodeset21039.json")))
    assert qt30["693256"] == ("Keith Brown", "asserted")  # Asserting
    assert qt30["693275"] == ("Douglas Ross", "hedged")  # Assertive Questioning
    assert qt30["693234"] == ("Douglas Ross", "reported")  # "Keith Brown : Douglas Ross : ..."
    assert qt30["693226"] == (None, "asserted")  # only Pure Questioning: nobody holds it
    arguebuf = _said(aif.loads(read("arguebuf_6064-original.json")))
    assert arguebuf["111816"] == ("CL", "conceded")  # Popular Conceding
    us2016 = _said(aif.loads(read("us2016_nodeset10284.json")))
    assert us2016["203568"] == ("rowdyroddypiperjr", "asserted")
    xaif = _said(aif.loads(read("ova3_xaif_arguebuf-typescript.json")))
    assert xaif["2_164926129380455983"] == ("Participant Rachel", "asserted")


def test_placeholder_illocutions_give_no_speaker() -> None:
    # Araucaria's "xvcvbb says '...'" locutions name the analyst, through YA_<hash> nodes
    m = aif.loads(read("araucaria_nodeset651.json"))
    assert {(s.speaker, s.stance) for s in m.statements.values()} == {(None, "asserted")}


def test_illocution_table() -> None:
    assert aif.ILLOCUTIONS["asserting"] == "asserted"
    assert aif.ILLOCUTIONS["conceding"] == "conceded"
    assert aif.ILLOCUTIONS["assertive questioning"] == "hedged"
    assert "pure questioning" not in aif.ILLOCUTIONS


def _document(nodes: list[dict[str, Any]], edges: list[dict[str, Any]]) -> str:
    return json.dumps({"nodes": nodes, "edges": edges, "locutions": []})


@pytest.mark.parametrize(
    ("locution", "illocution", "said"),
    [
        ("Ann : it rains", "Asserting", ("Ann", "asserted")),
        ("Ann : it rains", "Conceding", ("Ann", "conceded")),
        ("Ann : it rains", "Assertive Questioning", ("Ann", "hedged")),
        ("Ann : Bob : it rains", "Asserting", ("Bob", "reported")),
        ("Ann : it rains", "Pure Questioning", (None, "asserted")),
        ("it rains", "Asserting", (None, "asserted")),
    ],
)
def test_one_anchor(locution: str, illocution: str, said: tuple[str | None, str]) -> None:
    text = _document(
        [i(1, "it rains"), s(2, "L", locution), s(3, "YA", illocution)],
        [e(1, 2, 3), e(2, 3, 1)],
    )
    assert _said(aif.loads(text))["1"] == said


def test_speakers_and_stances_are_written_as_locutions_and_illocutions() -> None:
    b = MapBuilder("reported views")
    b.claim("p", "Turkey may drift from the West.", stance="hedged", thesis=True)
    b.premise("q", "It is a bargaining move.", speaker="some analysts", stance="reported")
    b.premise("r", "Ankara wants the S-400.", speaker="Ankara")
    b.support("p", ["q"], id="i", scheme="position-to-know", slots={"source": "q"}, implicit=True)
    b.counter("p", "r", id="c", kind="rebuttal")
    m = b.build()
    document = aif.to_document(m)
    nodes = {str(n["nodeID"]): n for n in document["nodes"]}
    said = [n for n in document["nodes"] if n["type"] == "L"]
    acts = [n for n in document["nodes"] if n["type"] == "YA"]
    assert [n["text"] for n in said] == [
        "Turkey may drift from the West.",
        "some analysts : It is a bargaining move.",
        "Ankara : Ankara wants the S-400.",
    ]
    assert [n["text"] for n in acts] == ["Assertive Questioning", "Asserting", "Asserting"]
    assert {loc["personID"] for loc in document["locutions"]} == {"some analysts", "Ankara"}
    ra = next(n for n in nodes.values() if n["type"] == "RA")
    assert ra["scheme"] == "position-to-know"
    assert ra["argmap"] == {"slots": {"source": "q"}, "implicit": True}
    again = aif.loads(json.dumps(document))
    assert _faithful(again) == _faithful(m)


def test_a_changed_speaker_is_anchored_anew_and_wins() -> None:
    m = aif.loads(read("arguebuf_6064-original.json"))
    statement = m.statements["111816"]
    changed = attrs.evolve(statement, speaker="NL", stance="asserted")
    edited = attrs.evolve(m, statements={**m.statements, statement.id: changed})
    again = aif.loads(aif.dumps(edited))
    assert _said(again) == _said(edited)
    assert aif.dumps(again) == aif.dumps(aif.loads(aif.dumps(again)))
    assert aif.dumps(m) == aif.dumps(aif.loads(aif.dumps(m)))  # unchanged: nothing added


def test_a_malformed_argmap_key_is_kept_as_any_unknown_key() -> None:
    ra = {**s(3, "RA", "Default Inference"), "argmap": {"slots": "nope"}}
    text = _document([i(1), i(2), ra], [e(1, 1, 3), e(2, 3, 2)])
    m = aif.loads(text)
    assert m.inferences["3"].slots == {}
    assert m.inferences["3"].data["aif"]["node"]["argmap"] == {"slots": "nope"}
    assert json.loads(aif.dumps(m))["nodes"][2]["argmap"] == {"slots": "nope"}


def test_xaif_is_written_back_as_xaif_with_ova_and_text() -> None:
    text = read("ova3_xaif_arguebuf-typescript.json")
    m = aif.loads(text)
    assert m.data["aif"]["flavour"] == "xaif"
    written = json.loads(aif.dumps(m))
    original = json.loads(text)
    assert list(written) == list(original) == ["AIF", "text", "OVA"]
    assert written["OVA"] == original["OVA"]
    assert list(written["AIF"]) == list(original["AIF"])
    assert all(isinstance(edge["edgeID"], int) for edge in written["AIF"]["edges"])


def test_integer_ids_become_strings_and_are_written_back_as_integers() -> None:
    text = document([i(1), i(2), s(3, "RA")], [e(10, 2, 3), e(11, 3, 1)])
    m = aif.loads(text)
    assert set(m.statements) == {"1", "2"}
    assert m.inferences["3"].premises == ("2",)
    written = json.loads(aif.dumps(m))
    assert {node["nodeID"] for node in written["nodes"]} == {1, 2, 3}
    assert canonical(written) == canonical(json.loads(text))


def test_a_ca_with_two_sources_is_two_conflicts_joined_again_on_writing() -> None:
    text = document(
        [i("1"), i("2"), i("3"), s("4", "CA")],
        [e("a", "1", "4"), e("b", "2", "4"), e("c", "4", "3")],
    )
    m = aif.loads(text)
    assert [(c.id, c.source, c.target) for c in m.conflicts.values()] == [
        ("4", "1", "3"),
        ("4.2", "2", "3"),
    ]
    assert m.conflicts["4.2"].data["aif"]["part_of"] == "4"
    assert canonical(json.loads(aif.dumps(m))) == canonical(json.loads(text))


def test_a_stray_i_to_i_edge_is_a_bare_support() -> None:
    text = document([i("1"), i("2")], [e("7", "2", "1")])
    m = aif.loads(text)
    (inference,) = m.inferences.values()
    assert (inference.id, inference.premises, inference.conclusion) == ("edge7", ("2",), "1")
    assert canonical(json.loads(aif.dumps(m))) == canonical(json.loads(text))
    assert check(m).codes == {"no-thesis"}


def test_a_bare_support_that_is_undercut_gets_an_ra_node() -> None:
    m = aif.loads(document([i("1"), i("2"), i("3")], [e("7", "2", "1")]))
    m = attrs.evolve(m, conflicts=[Conflict("x", "3", "edge7")])
    written = json.loads(aif.dumps(m))
    assert "edge7" in {node["nodeID"] for node in written["nodes"]}
    again = aif.loads(json.dumps(written))
    assert again.conflicts["x"].target == "edge7"


def test_pa_nodes_are_carried_and_listed() -> None:
    nodes = [i("1"), i("2"), i("3"), s("4", "RA"), s("5", "RA"), s("6", "PA")]
    edges = [e("a", "1", "4"), e("b", "4", "3"), e("c", "2", "5"), e("d", "5", "3")]
    edges += [e("f", "4", "6"), e("g", "6", "5")]
    text = document(nodes, edges)
    m = aif.loads(text)
    assert len(m.inferences) == 2
    (note,) = m.data["aif"]["unmodelled"]
    assert (note["id"], note["type"], note["from"], note["to"]) == ("6", "PA", ["4"], ["5"])
    assert canonical(json.loads(aif.dumps(m))) == canonical(json.loads(text))


def test_an_edge_between_two_inferences_is_listed() -> None:
    nodes = [i("1"), i("2"), i("3"), s("4", "RA"), s("5", "RA")]
    edges = [e("a", "1", "4"), e("b", "4", "3"), e("c", "2", "5"), e("d", "5", "3")]
    m = aif.loads(document(nodes, [*edges, e("z", "5", "4")]))
    (note,) = m.data["aif"]["unmodelled"]
    assert (note["id"], note["type"]) == ("z", "edge")


def test_an_anchored_ra_without_premise_loads_and_check_reports_it() -> None:
    nodes = [i("1"), s("2", "RA"), s("3", "YA", "Arguing")]
    text = document(nodes, [e("a", "3", "2"), e("b", "2", "1")])
    m = aif.loads(text)
    assert m.inferences["2"].premises == ()
    assert "no-premises" in check(m).codes
    assert canonical(json.loads(aif.dumps(m))) == canonical(json.loads(text))


def test_an_anchored_ca_without_target_is_kept_and_listed() -> None:
    nodes = [i("1"), s("2", "CA"), s("3", "YA", "Disagreeing")]
    m = aif.loads(document(nodes, [e("a", "3", "2"), e("b", "1", "2")]))
    assert not m.conflicts
    assert m.data["aif"]["unmodelled"][0]["id"] == "2"


def test_the_empty_graph() -> None:
    m = aif.loads(read("iac_nodeset8462.json"))
    assert m == ArgumentMap(data=m.data)
    assert json.loads(aif.dumps(m)) == {"nodes": [], "edges": [], "locutions": []}


# -- writing maps that did not come from AIF, and edited ones ------------------------------


def built() -> ArgumentMap:
    b = MapBuilder("S-400")
    b.claim("t", "Turkey will buy the S-400.")
    b.premise("p", "Russia offers a good price.")
    b.premise("q", "Ankara wants independence from NATO.")
    b.support("t", ["p", "q"], id="i1", scheme="argument from expert opinion")
    b.premise("r", "The US will sanction Turkey.")
    b.counter("i1", "r", id="c1")
    b.thesis("t")
    return b.build()


def test_a_new_map_becomes_plain_aifdb() -> None:
    m = built()
    written = json.loads(aif.dumps(m))
    assert list(written) == ["nodes", "edges", "locutions"]
    for node in written["nodes"]:
        assert set(node) == {"nodeID", "text", "type"}  # no invented timestamp
    for edge in written["edges"]:
        assert set(edge) == {"edgeID", "fromID", "toID", "formEdgeID"}
    assert [edge["edgeID"] for edge in written["edges"]] == ["1", "2", "3", "4", "5"]
    again = aif.loads(aif.dumps(m))
    assert {k: v.text for k, v in again.statements.items()} == {
        k: v.text for k, v in m.statements.items()
    }
    assert again.inferences["i1"].premises == ("p", "q")
    assert again.inferences["i1"].scheme == "argument from expert opinion"
    assert again.conflicts["c1"].target == "i1"
    assert aif.dumps(m) == aif.dumps(m)


@given(argument_maps(max_statements=12))
def test_any_consistent_map_keeps_its_structure(m: ArgumentMap) -> None:
    again = aif.loads(aif.dumps(m))
    assert {k: s.text for k, s in again.statements.items()} == {
        k: s.text for k, s in m.statements.items()
    }
    assert _faithful(again) == _faithful(m)
    assert aif.dumps(again) == aif.dumps(aif.loads(aif.dumps(again)))


def _faithful(m: ArgumentMap) -> tuple[dict[str, object], ...]:
    """Everything of a map that AIF keeps: texts, speakers, stances, the structure,
    schemes, slots, declared kinds, raised questions and implicit flags."""
    return (
        {k: (s.text, s.speaker, s.stance) for k, s in m.statements.items()},
        {
            k: (i.premises, i.conclusion, i.scheme, dict(i.slots), i.implicit)
            for k, i in m.inferences.items()
        },
        {k: (c.source, c.target, c.kind, c.question, c.implicit) for k, c in m.conflicts.items()},
    )


@given(argument_maps(max_statements=8, consistent=False))
def test_any_map_is_written_or_refused_with_a_map_error(m: ArgumentMap) -> None:
    try:
        written = aif.dumps(m)
    except MapError as error:
        assert {p.code for p in error.problems} <= {
            "unknown-reference",
            "duplicate-id",
            "no-premises",
        }
        return
    again = aif.loads(written)
    assert set(again.statements) == set(m.statements)
    assert set(again.inferences) == set(m.inferences)
    assert set(again.conflicts) == set(m.conflicts)


def test_edits_are_written_and_dangling_dialogue_edges_dropped() -> None:
    m = aif.loads(read("us2016_nodeset11311.json"))
    statement = m.statements["220221"]
    edited = attrs.evolve(
        m,
        statements={**m.statements, "220221": attrs.evolve(statement, text="Edited.")},
        inferences={},
    )
    written = json.loads(aif.dumps(edited))
    ids = {str(node["nodeID"]) for node in written["nodes"]}
    assert "264598" not in ids
    assert all(edge["fromID"] in ids and edge["toID"] in ids for edge in written["edges"])
    again = aif.loads(json.dumps(written))
    assert again.statements["220221"].text == "Edited."
    assert again.statements["220221"].data == statement.data


def test_a_changed_scheme_rewrites_the_node_text() -> None:
    m = aif.loads(read("araucaria_nodeset9339.json"))
    inference = attrs.evolve(m.inferences["177220"], scheme="argument from sign")
    m = attrs.evolve(m, inferences=[inference])
    node = next(n for n in json.loads(aif.dumps(m))["nodes"] if n["nodeID"] == "177220")
    assert node == {
        "nodeID": "177220",
        "text": "argument from sign",
        "type": "RA",
        "timestamp": "2016-06-13 20:03:18",
    }
    assert aif.loads(aif.dumps(m)).inferences["177220"].scheme == "argument from sign"


def test_broken_maps_are_refused() -> None:
    m = ArgumentMap(statements=built().statements, inferences=[Inference("i", ("nope",), "t")])
    with pytest.raises(MapError, match="nope"):
        aif.dumps(m)
    clash = aif.loads(read("us2016_nodeset11311.json"))
    kept_id = clash.data["aif"]["document"]["nodes"][0]["nodeID"]
    statements = [*clash.statements.values(), attrs.evolve(built().statements["t"], id=kept_id)]
    with pytest.raises(MapError, match="kept from the original"):
        aif.dumps(attrs.evolve(clash, statements=statements))


def test_to_document_is_a_copy() -> None:
    m = aif.loads(read("araucaria_nodeset9339.json"))
    before = copy.deepcopy(dict(m.data))
    document_ = aif.to_document(m)
    document_["edges"].clear()
    document_["nodes"][2]["text"] = "changed"
    assert dict(m.data) == before
    assert aif.loads(aif.dumps(m)) == m


def test_dump_and_load_files(tmp_path: pathlib.Path) -> None:
    m = aif.loads(read("qt30_nodeset21318.json"))
    target = tmp_path / "out" / "map.json"
    aif.dump(m, target)
    assert aif.load(target) == m
    assert [p.name for p in target.parent.iterdir()] == ["map.json"]


# -- bad input ----------------------------------------------------------------------------


BAD: dict[str, tuple[str, str, int, int]] = {
    # name: (text, code, line, column)
    "empty": ("  \n", "empty-file", 1, 1),
    "truncated": ('{"nodes": [{"nodeID": "1", "te', "invalid-json", 1, 28),
    "junk": ("\x07\x1b[0m garbage", "invalid-json", 1, 1),
    "not an object": ("[]", "invalid-field", 1, 1),
    "neither flavour": ('{"argmap": 1}', "not-aif", 1, 1),
    "nodes not a list": ('{"nodes": 5, "edges": []}', "invalid-field", 1, 11),
    "node not an object": ('{"nodes": ["x"], "edges": []}', "invalid-field", 1, 12),
    "no nodeID": ('{"nodes": [{"type": "I", "text": "a"}], "edges": []}', "missing-field", 1, 12),
    "boolean nodeID": (
        '{"nodes": [{"nodeID": true, "type": "I", "text": "a"}], "edges": []}',
        "invalid-field",
        1,
        23,
    ),
    "unknown type": (
        '{"nodes": [{"nodeID": "1", "type": "Q", "text": "a"}], "edges": []}',
        "unknown-node-type",
        1,
        36,
    ),
    "text not a string": (
        '{"nodes": [{"nodeID": "1", "type": "I", "text": 5}], "edges": []}',
        "invalid-field",
        1,
        49,
    ),
    "I-node without text": (
        '{"nodes": [{"nodeID": "1", "type": "I"}], "edges": []}',
        "missing-field",
        1,
        12,
    ),
    "edge to nowhere": (
        '{"nodes": [{"nodeID": "1", "type": "I", "text": "a"}],\n'
        ' "edges": [{"edgeID": "e", "fromID": "1", "toID": "2"}]}',
        "unknown-reference",
        2,
        51,
    ),
    "edge without toID": (
        '{"nodes": [{"nodeID": "1", "type": "I", "text": "a"}], "edges": [{"fromID": "1"}]}',
        "missing-field",
        1,
        66,
    ),
    "duplicate ids": (
        '{"nodes": [{"nodeID": "1", "type": "I", "text": "a"},\n'
        '           {"nodeID": "1", "type": "I", "text": "b"}], "edges": []}',
        "duplicate-id",
        2,
        23,
    ),
    "xAIF without edges": ('{"AIF": {"nodes": []}}', "missing-field", 1, 9),
}


@pytest.mark.parametrize("name", list(BAD))
def test_bad_input_is_a_located_format_error(name: str) -> None:
    text, code, line, column = BAD[name]
    with pytest.raises(FormatError) as raised:
        aif.loads(text, path="bad.json")
    error = raised.value
    assert (error.code, error.line, error.column) == (code, line, column), error
    assert error.path == "bad.json"
    assert str(error).startswith(f"bad.json:{line}:{column}: ")


def test_every_problem_is_collected() -> None:
    nodes = [i("1"), s("2", "RA"), {"nodeID": "3", "type": "I", "text": 7}, s("4", "XX")]
    edges = [e("a", "1", "2"), e("b", "2", "9"), e("c", "8", "1"), e("d", "3", "1")]
    with pytest.raises(FormatError) as raised:
        aif.loads(document(nodes, edges))
    codes = [problem.code for problem in raised.value.problems]
    assert codes == ["invalid-field", "unknown-node-type", "unknown-reference", "unknown-reference"]
    assert all(problem.line is not None for problem in raised.value.problems)
    assert "(and 3 more)" in str(raised.value)


def test_unanchored_s_nodes_need_both_sides() -> None:
    nodes = [i("1"), s("2", "RA"), s("3", "MA"), s("4", "CA")]
    with pytest.raises(FormatError) as raised:
        aif.loads(document(nodes, [e("a", "1", "2"), e("b", "3", "1"), e("c", "4", "1")]))
    codes = [problem.code for problem in raised.value.problems]
    assert codes == ["no-conclusion", "no-premises", "no-source"]


def test_deep_nesting_is_a_format_error() -> None:
    text = '{"nodes": ' + "[" * 100_000 + "]" * 100_000 + ', "edges": []}'
    with pytest.raises(FormatError) as raised:
        aif.loads(text)
    assert raised.value.code == "too-deep"
    assert raised.value.line == 1


def test_binary_files_are_refused(tmp_path: pathlib.Path) -> None:
    target = tmp_path / "junk.json"
    target.write_bytes(bytes(range(256)))
    with pytest.raises(FormatError) as raised:
        aif.load(target)
    assert raised.value.path == str(target)


# -- fuzzing: only FormatError may escape ---------------------------------------------------


def loads_or_format_error(text: str) -> ArgumentMap | None:
    """``loads``; a map read must also write and read back to itself."""
    try:
        m = aif.loads(text)
    except FormatError:
        return None
    assert aif.loads(aif.dumps(m)) == m
    return m


FIXTURE_TEXTS = [path.read_text(encoding="utf-8") for path in AIF_FILES] or ["{}"]


@given(st.text(max_size=200))
@example('{"nodes": [], "edges": []}')
@example('{"AIF": {"nodes": [], "edges": []}}')
@example('{"nodes": [{"nodeID": "a\\"b", "type": "I", "text": ""}], "edges": []}')
def test_random_text(text: str) -> None:
    loads_or_format_error(text)


@st.composite
def byte_mutations(draw: st.DrawFn) -> str:
    """A fixture with a few characters deleted, duplicated or replaced."""
    text = draw(st.sampled_from(FIXTURE_TEXTS))
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, max(0, len(text) - 1)))
        size = draw(st.integers(1, 8))
        action = draw(st.sampled_from(["delete", "duplicate", "replace"]))
        if action == "delete":
            text = text[:at] + text[at + size :]
        elif action == "duplicate":
            text = text[:at] + text[at : at + size] + text[at:]
        else:
            text = text[:at] + draw(st.text(min_size=1, max_size=size)) + text[at + size :]
    return text


@given(byte_mutations())
def test_mutated_bytes(text: str) -> None:
    loads_or_format_error(text)


JSON_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 3),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=5),
    st.builds(list),
    st.builds(dict),
    st.builds(lambda: ["1"]),
)
"""Replacement values; containers are built afresh so that no example shares one."""


def paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path to a value inside ``value`` (keys and indexes)."""
    found = [prefix]
    if isinstance(value, dict):
        for key, item in value.items():
            found += paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += paths(item, (*prefix, index))
    return found


def node_ids(value: Any) -> list[Any]:
    """Every value under a "nodeID" key inside ``value``."""
    if isinstance(value, dict):
        own = [value["nodeID"]] if "nodeID" in value else []
        return own + [id for item in value.values() for id in node_ids(item)]
    if isinstance(value, list):
        return [id for item in value for id in node_ids(item)]
    return []


@st.composite
def structure_mutations(draw: st.DrawFn) -> str:
    """A fixture with keys dropped, values of other types, ids swapped or items repeated."""
    document_ = json.loads(draw(st.sampled_from(FIXTURE_TEXTS)))
    for _ in range(draw(st.integers(1, 3))):
        where = draw(st.sampled_from(paths(document_)[1:] or [()]))
        if not where:
            break
        parent: Any = document_
        for step in where[:-1]:
            parent = parent[step]
        last = where[-1]
        action = draw(st.sampled_from(["drop", "retype", "repeat", "reference"]))
        if action == "drop":
            del parent[last]
        elif action == "retype":
            parent[last] = draw(JSON_VALUES)
        elif action == "repeat" and isinstance(parent, list):
            parent.insert(last, copy.deepcopy(parent[last]))
        else:
            ids = [str(value) for value in node_ids(document_)][:4]
            parent[last] = draw(st.sampled_from(["nope", 0, "1", *ids]))
    return json.dumps(document_)


@given(structure_mutations())
def test_mutated_structure(text: str) -> None:
    loads_or_format_error(text)
