"""arg-microtexts arggraph XML: every fixture loads and checks without any problem,
micro_b001 has the structure of its AIF twin, bad input fails with a located FormatError."""

from __future__ import annotations

import os
import pathlib
import time
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from argmap import ArgumentMap, FormatError, check
from argmap import formats as registry
from argmap._scheme_checks import SCHEME_CODES
from argmap._source_checks import SOURCE_CODES
from argmap.formats import aif, microtexts

ROOT = pathlib.Path(__file__).resolve().parent.parent
FIXTURES = pathlib.Path(os.environ.get("ARGMAP_FIXTURES", ROOT / "tests" / "fixtures"))
FOLDER = FIXTURES / "microtexts"
XML_FILES = sorted(FOLDER.glob("*/*.xml")) if FOLDER.is_dir() else []

ATTACKS_ON_CONFLICTS = {
    # und edges on a reb or und edge (with the add edges joining them): conflicts whose
    # target is a conflict, so their sources are connected to the thesis through it.
    "de/micro_b001.xml": [("c3", "a3", "c1"), ("c4", "a4", "c1")],
    "en/micro_b001.xml": [("c3", "a3", "c1"), ("c4", "a4", "c1")],
    "en/micro_b005.xml": [("c4", "a4", "c3")],
    "en/micro_b036.xml": [("c6", "a6", "c5")],
    "en/micro_d02.xml": [("c5", "a5", "c4")],
    "en/micro_d12.xml": [("c5", "a5", "c2")],
    "en/micro_k001.xml": [("c5", "a6", "c4")],
    "en/micro_k021.xml": [("c3", "a3", "c2")],
}
"""The conflicts on conflicts, per file; the other files have none."""


def name(path: pathlib.Path) -> str:
    return f"{path.parent.name}/{path.name}"


def fixture(relative: str) -> pathlib.Path:
    path = FOLDER / relative
    if not path.is_file():
        pytest.skip(f"fixture {path} is absent (set ARGMAP_FIXTURES)")
    return path


def graph(*lines: str, root: str = '<arggraph id="micro_t">') -> str:
    return "\n".join(["<?xml version='1.0' encoding='UTF-8'?>", root, *lines, "</arggraph>"])


def units(*ids: str, role: str = "pro") -> list[str]:
    """An EDU, an ADU and the seg edge between them, for each of ``ids`` (1, 2...)."""
    lines = []
    for id in ids:
        lines += [
            f'<edu id="e{id}"><![CDATA[Text {id}.]]></edu>',
            f'<adu id="a{id}" type="{role}"/>',
            f'<edge id="s{id}" src="e{id}" trg="a{id}" type="seg"/>',
        ]
    return lines


# -- the corpus ------------------------------------------------------------------------------


@pytest.mark.parametrize("path", XML_FILES, ids=[name(p) for p in XML_FILES])
def test_fixture_loads_and_checks_without_any_problem(path: pathlib.Path) -> None:
    m = microtexts.load(path)
    report = check(m)
    faithfulness = {*SCHEME_CODES, *SOURCE_CODES}  # the analysis's, not the reader's (issue 9)
    assert [p for p in report if p.code not in faithfulness] == [], str(report)
    on_conflicts = [
        (c.id, c.source, c.target) for c in m.conflicts.values() if c.target in m.conflicts
    ]
    assert on_conflicts == ATTACKS_ON_CONFLICTS.get(name(path), [])
    assert all(m.kind(id) == "undercut" for id, _, _ in on_conflicts)
    assert "unmodelled" not in m.data["microtexts"]
    assert len(m.theses) == 1
    assert m.source is not None
    for statement in m.statements.values():
        implicit = statement.data["microtexts"].get("implicit", False)
        assert (statement.quote is None) == implicit
        assert statement.quote is None or statement.quote.matches(m.source)
    for id in [*m.statements, *m.inferences, *m.conflicts]:
        assert m.locations[id].path == str(path)


def test_the_registry_reads_xml_as_microtexts() -> None:
    path = fixture("en/micro_k015.xml")
    m = registry.load(path)
    assert m == microtexts.load(path)
    assert m.source is not None  # the registry uses the module's own load, which reads the .txt


def test_b001_in_detail() -> None:
    m = microtexts.load(fixture("en/micro_b001.xml"))
    assert m.title == "micro_b001"
    assert m.theses == ("a5",)
    assert m.data["microtexts"]["arggraph"] == {
        "id": "micro_b001",
        "topic_id": "waste_separation",
        "stance": "pro",
    }
    assert m.statements["a1"].data["microtexts"] == {"type": "opp", "edus": ["e1"]}
    assert (m.inferences["c2"].premises, m.inferences["c2"].conclusion) == (("a2",), "a1")
    assert (m.conflicts["c1"].source, m.conflicts["c1"].target) == ("a1", "a5")
    # c3 (und) attacks the rebuttal c1; the add edge c4 joins a4 to it.
    assert [(c.id, c.source, c.target) for c in m.conflicts.values()] == [
        ("c1", "a1", "a5"),
        ("c3", "a3", "c1"),
        ("c4", "a4", "c1"),
    ]
    assert m.conflicts["c3"].data["microtexts"] == {"type": "und"}
    assert m.conflicts["c4"].data["microtexts"] == {"type": "add", "joins": "c3"}
    assert m.kind("c1") == "rebuttal"
    assert m.kind("c3") == m.kind("c4") == "undercut"
    assert m.attackers_ids("c1") == ("c3", "c4")
    assert m.data["microtexts"] == {"arggraph": m.data["microtexts"]["arggraph"]}
    assert m.locations["c3"].line == 20
    assert m.locations["c4"].line == 21


def test_the_german_b001_has_the_same_structure_and_umlauts() -> None:
    english = microtexts.load(fixture("en/micro_b001.xml"))
    german = microtexts.load(fixture("de/micro_b001.xml"))
    assert "Müll" in german.statements["a1"].text
    assert german.inferences.keys() == english.inferences.keys()
    assert {k: (c.source, c.target) for k, c in german.conflicts.items()} == {
        k: (c.source, c.target) for k, c in english.conflicts.items()
    }


def test_example_edges_are_inferences_with_the_example_scheme() -> None:
    m = microtexts.load(fixture("en/micro_b036.xml"))
    assert m.inferences["c4"].scheme == microtexts.EXAMPLE
    assert m.inferences["c2"].scheme is None


def test_add_joins_a_linked_premise() -> None:
    m = microtexts.load(fixture("en/micro_d12.xml"))
    assert m.inferences["c3"].premises == ("a3", "a4")
    assert "c4" not in m


def test_an_undercut_of_a_support_is_a_conflict_on_the_inference() -> None:
    m = microtexts.load(fixture("en/micro_b005.xml"))
    assert m.conflicts["c3"].target == "c2"
    assert m.kind("c3") == "undercut"
    assert (m.conflicts["c4"].source, m.conflicts["c4"].target) == ("a4", "c3")
    assert m.kind("c4") == "undercut"


def test_undercuts_of_undercuts_of_rebuttals_chain() -> None:
    text = graph(
        *units("1", "2", "3", "4", "5"),
        '<edge id="c1" src="a2" trg="a1" type="reb"/>',
        '<edge id="c2" src="a3" trg="c1" type="und"/>',
        '<edge id="c3" src="a4" trg="c2" type="und"/>',
        '<edge id="c4" src="a5" trg="c3" type="add"/>',
    )
    m = microtexts.loads(text)
    assert [(c.id, c.source, c.target) for c in m.conflicts.values()] == [
        ("c1", "a2", "a1"),
        ("c2", "a3", "c1"),
        ("c3", "a4", "c2"),
        ("c4", "a5", "c2"),
    ]
    assert m.theses == ("a1",)
    assert check(m).problems == ()


def test_an_undercut_of_an_add_edge_attacks_the_relation_it_joins() -> None:
    text = graph(
        *units("1", "2", "3", "4", "5"),
        '<edge id="c1" src="a2" trg="a1" type="reb"/>',
        '<edge id="c2" src="a3" trg="c1" type="add"/>',
        '<edge id="c3" src="a4" trg="c2" type="und"/>',
        '<edge id="c4" src="a5" trg="a1" type="sup"/>',
    )
    m = microtexts.loads(text)
    assert m.conflicts["c3"].target == "c1"
    assert m.kind("c3") == "undercut"
    assert check(m).problems == ()


def test_an_add_to_a_rebuttal_is_one_more_conflict() -> None:
    text = graph(
        *units("1", "2", "3"),
        '<edge id="c1" src="a2" trg="a1" type="reb"/>',
        '<edge id="c2" src="a3" trg="c1" type="add"/>',
    )
    m = microtexts.loads(text)
    assert [(c.id, c.source, c.target) for c in m.conflicts.values()] == [
        ("c1", "a2", "a1"),
        ("c2", "a3", "a1"),
    ]
    assert m.conflicts["c2"].data["microtexts"] == {"type": "add", "joins": "c1"}
    assert m.theses == ("a1",)


def test_the_implicit_claim_of_part_2() -> None:
    m = microtexts.load(fixture("part2/micro_c002.xml"))
    assert m.theses == ("a1",)
    claim = m.statements["a1"]
    assert claim.text == "Hunting is good for the environment."
    assert claim.data["microtexts"]["implicit"] is True
    assert claim.quote is None


def test_loads_has_no_source_and_no_quotes() -> None:
    path = fixture("en/micro_d01.xml")
    m = microtexts.loads(path.read_text(encoding="utf-8"), path=str(path))
    assert m.source is None
    assert all(statement.quote is None for statement in m.statements.values())
    assert m.data["microtexts"]["arggraph"] == {"id": "micro_d01"}
    assert check(m).ok


def test_load_without_a_text_file_beside_it(tmp_path: pathlib.Path) -> None:
    target = tmp_path / "micro_x.xml"
    target.write_text(graph(*units("1", "2"), '<edge id="c1" src="a2" trg="a1" type="sup"/>'))
    m = microtexts.load(target)
    assert m.source is None
    assert m.theses == ("a1",)


# -- the same text in AIF --------------------------------------------------------------------


def shape(m: ArgumentMap) -> dict[str, Any]:
    """The structure of a map in terms of statement texts, so that ids do not matter."""

    def text(id: str) -> str:
        return " ".join(m.statements[id].text.split())

    def conflict(id: str) -> tuple[str, str]:
        return text(m.conflicts[id].source), text(m.conflicts[id].target)

    on_statements = [id for id, c in m.conflicts.items() if c.target in m.statements]
    on_conflicts = [id for id, c in m.conflicts.items() if c.target in m.conflicts]
    return {
        "statements": sorted(text(id) for id in m.statements),
        "counts": (len(m.inferences), len(m.conflicts)),
        "supports": sorted(
            (tuple(sorted(text(p) for p in i.premises)), text(i.conclusion))
            for i in m.inferences.values()
        ),
        "attacks": sorted(conflict(id) for id in on_statements),
        "attacks on attacks": sorted(
            (text(m.conflicts[id].source), conflict(m.conflicts[id].target)) for id in on_conflicts
        ),
        "others": len(m.conflicts) - len(on_statements) - len(on_conflicts),
    }


def test_b001_reads_the_same_from_xml_and_from_aif() -> None:
    xml = microtexts.load(fixture("en/micro_b001.xml"))
    path = FIXTURES / "aif" / "microtexts_nodeset6361.json"
    if not path.is_file():
        pytest.skip(f"fixture {path} is absent")
    from_aif = aif.load(path)
    expected = shape(xml)
    assert shape(from_aif) == expected
    assert expected["counts"] == (1, 3)
    assert len(expected["attacks"]) == 1
    assert len(expected["attacks on attacks"]) == 2  # a3 and a4, linked, on the rebuttal
    assert expected["others"] == 0


# -- bad input ---------------------------------------------------------------------------------


BAD: dict[str, tuple[str, str, int, int]] = {
    # name: (text, code, line, column)
    "empty": ("", "empty-file", 1, 1),
    "JSON": ('{"nodes": []}', "invalid-xml", 1, 1),
    "unclosed": ("<arggraph>\n  <edu id='e1'>", "invalid-xml", 2, 16),
    "wrong root": ("<graph/>", "unexpected-element", 1, 1),
    "unknown element": ("<arggraph>\n <joint id='j1'/>\n</arggraph>", "unexpected-element", 2, 2),
    "DOCTYPE": (
        '<?xml version="1.0"?>\n<!DOCTYPE a [<!ENTITY x "y">]>\n<arggraph/>',
        "doctype-forbidden",
        2,
        1,
    ),
    "undefined entity": ("<arggraph>\n<edu id='e1'>&x;</edu></arggraph>", "invalid-xml", 2, 14),
    "missing id": (graph("<edu><![CDATA[x]]></edu>"), "missing-field", 3, 1),
    "unknown ADU type": (graph('<adu id="a1" type="con"/>'), "invalid-field", 3, 1),
    "unknown edge type": (
        graph(*units("1", "2"), '<edge id="c1" src="a2" trg="a1" type="attack"/>'),
        "unknown-edge-type",
        9,
        1,
    ),
    "unknown reference": (
        graph(*units("1"), '<edge id="c1" src="a2" trg="a1" type="sup"/>'),
        "unknown-reference",
        6,
        1,
    ),
    "seg from an ADU": (
        graph(*units("1", "2"), '<edge id="c1" src="a2" trg="a1" type="seg"/>'),
        "invalid-reference",
        9,
        1,
    ),
    "duplicate id": (graph(*units("1"), '<adu id="e1" type="pro"/>'), "duplicate-id", 6, 1),
}


@pytest.mark.parametrize("case", list(BAD))
def test_bad_input_is_a_located_format_error(case: str) -> None:
    text, code, line, column = BAD[case]
    with pytest.raises(FormatError) as raised:
        microtexts.loads(text, path="bad.xml")
    error = raised.value
    assert (error.code, error.line, error.column) == (code, line, column), error
    assert str(error).startswith(f"bad.xml:{line}:{column}: ")


def test_every_problem_is_collected() -> None:
    text = graph(
        *units("1", "2"),
        '<edge id="c1" src="a2" trg="a9" type="sup"/>',
        '<edge id="c2" src="a8" trg="a1" type="reb"/>',
        '<edge id="c3" src="a1" trg="a2" type="und"/>',
    )
    with pytest.raises(FormatError) as raised:
        microtexts.loads(text)
    problems = raised.value.problems
    assert [p.code for p in problems] == [
        "unknown-reference",
        "unknown-reference",
        "invalid-reference",
    ]
    assert [p.line for p in problems] == [9, 10, 11]


def test_entity_expansion_is_refused_quickly() -> None:
    entities = ['<!ENTITY a0 "lol">'] + [
        f'<!ENTITY a{n} "{f"&a{n - 1};" * 10}">' for n in range(1, 10)
    ]
    text = f"<!DOCTYPE arggraph [{''.join(entities)}]>\n<arggraph><edu id='e'>&a9;</edu></arggraph>"
    started = time.perf_counter()
    with pytest.raises(FormatError) as raised:
        microtexts.loads(text)
    assert raised.value.code == "doctype-forbidden"
    assert time.perf_counter() - started < 1


# -- fuzzing: only FormatError may escape -------------------------------------------------------


FIXTURE_TEXTS = [path.read_text(encoding="utf-8") for path in XML_FILES] or ["<arggraph/>"]


def loads_or_format_error(text: str) -> None:
    try:
        m = microtexts.loads(text)
    except FormatError:
        return
    assert not any(p.code == "unknown-reference" for p in check(m))


@given(st.text(max_size=200))
@example("<arggraph/>")
@example("<arggraph><edu id='e1'/><adu id='a1' type='pro'/></arggraph>")
@example("\ud800")
def test_random_text(text: str) -> None:
    loads_or_format_error(text)


@st.composite
def mutated(draw: st.DrawFn) -> str:
    """A fixture with a few characters deleted, duplicated or replaced, or an attribute
    value swapped for another one of the file (ids, types)."""
    text = draw(st.sampled_from(FIXTURE_TEXTS))
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, max(0, len(text) - 1)))
        size = draw(st.integers(1, 8))
        action = draw(st.sampled_from(["delete", "duplicate", "replace", "swap"]))
        if action == "delete":
            text = text[:at] + text[at + size :]
        elif action == "duplicate":
            text = text[:at] + text[at : at + size] + text[at:]
        elif action == "replace":
            text = text[:at] + draw(st.text(min_size=1, max_size=size)) + text[at + size :]
        else:
            values = sorted(set(text.split('"')[1::2]))
            if len(values) >= 2:
                old, new = draw(st.sampled_from(values)), draw(st.sampled_from(values))
                text = text.replace(f'"{old}"', f'"{new}"', 1)
    return text


@given(mutated())
def test_mutated_fixtures(text: str) -> None:
    loads_or_format_error(text)
