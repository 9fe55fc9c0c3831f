"""Reading Argdown's own JSON export, and Argdown -> map -> Argdown -> map.

The reader of ``argdown-json`` must give, for each fixture's JSON export made by the
Argdown tool, the map that reading the ``.argdown`` file gives (statements, inferences,
conflicts, arguments); and the Argdown writer must write what a person writes and
read back to the same map.
"""

from __future__ import annotations

import hashlib
import pathlib
import re
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from argmap import MapBuilder, check, formats
from argmap.errors import FormatError
from argmap.formats import argdown, argdown_json
from argmap.model import ArgumentMap
from argmap.strategies import argument_maps

FIXTURES = pathlib.Path(__file__).parent / "fixtures" / "argdown"
PAIRS = sorted(path for path in FIXTURES.rglob("*.argdown") if path.with_suffix(".json").is_file())


def _structure(m: ArgumentMap) -> dict[str, Any]:
    return {
        "statements": {k: (v.text, v.tags) for k, v in m.statements.items()},
        "inferences": {k: (v.premises, v.conclusion, v.scheme) for k, v in m.inferences.items()},
        "conflicts": {k: (v.source, v.target) for k, v in m.conflicts.items()},
        "arguments": {
            k: (v.title, v.text, v.statements, v.inferences, v.conclusion, v.tags)
            for k, v in m.arguments.items()
        },
    }


@pytest.mark.parametrize("path", PAIRS, ids=[p.stem for p in PAIRS])
def test_reading_the_tools_json_gives_the_files_map(path: pathlib.Path) -> None:
    """argdown-json read from the tool's export == the .argdown file read."""
    from_json = formats.load(path.with_suffix(".json"))
    assert _structure(from_json) == _structure(argdown.load(path))


def test_argdown_json_is_a_read_format() -> None:
    """The JSON dialect is detected and read through the format registry."""
    path = FIXTURES / "conformance" / "relations.json"
    assert formats.detect(path, path.read_text("utf-8")) == "argdown-json"
    m = formats.loads(path.read_text("utf-8"), format="argdown-json")
    assert m.statements["T"].tags == ("pro",)


@pytest.mark.parametrize(
    "text",
    [
        "{",
        "[]",
        '{"statements": 1, "arguments": {}}',
        '{"statements": {}, "arguments": {}, "relations": [{"relationType": "loves"}]}',
    ],
)
def test_bad_argdown_json_is_a_format_error(text: str) -> None:
    with pytest.raises(FormatError):
        argdown_json.loads(text)


@pytest.mark.parametrize("path", PAIRS, ids=[p.stem for p in PAIRS])
def test_argdown_map_argdown_map_is_the_identity(path: pathlib.Path) -> None:
    """Everything Argdown can say survives a second trip, and the writer needs no
    argmap entry in the front matter for a map read from an Argdown file."""
    first = argdown.load(path)
    text = argdown.dumps(first)
    assert "argmap:" not in text
    again = argdown.loads(text)
    assert _structure(again) == _structure(first)
    assert again == first
    assert argdown.dumps(again) == text


@pytest.mark.parametrize("path", PAIRS, ids=[p.stem for p in PAIRS])
def test_the_writer_writes_as_a_person_would(path: pathlib.Path) -> None:
    """Tags stand in the texts, relations are indented under a statement or argument,
    premise-conclusion structures hold their statements' texts, no JSON in the front
    matter."""
    m = argdown.load(path)
    text = argdown.dumps(m)
    assert "\\#" not in text or "\\#" in path.read_text("utf-8")
    for line in text.splitlines():
        if line.lstrip().startswith(("+>", "->", "_>", "><")):
            assert line.startswith("  ")
    if any(a.statements for a in m.arguments.values()):
        with_text = re.compile(r"\(\d+\) (?!\[[^\]]*\]$)")
        assert any(with_text.match(line) for line in text.splitlines())
    front = text.split("===")[1] if text.startswith("===") else ""
    assert '{"' not in front


def test_untitled_statements_are_written_without_titles() -> None:
    """Argdown's own titles (``Untitled 1``) are not written when Argdown gives them again;
    where it would not (a reference comes first), the titles are written."""
    m = argdown.loads("<A>\n\n(1) One.\n----\n(2) Two.\n")
    text = argdown.dumps(m)
    assert "(1) One.\n----\n(2) Two." in text
    assert "Untitled" not in text
    assert argdown.loads(text) == m


def test_tags_are_written_where_they_stand() -> None:
    m = argdown.loads("[T]: Cats are #great pets. #(really so)\n  +> [U]: Dogs.\n")
    text = argdown.dumps(m)
    assert "[T]: Cats are #great pets. #(really so)\n  +> [U]" in text
    assert argdown.loads(text) == m


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(argument_maps())
def test_any_map_survives_argdown(m: ArgumentMap) -> None:
    """The writer's changes keep ``loads(dumps(m)) == m`` for every map."""
    assert argdown.loads(argdown.dumps(m), source=m.source) == m


def test_an_attack_on_a_reconstructed_argument_bears_on_its_conclusion() -> None:
    """``<A3> -> <A2>`` attacks A2's final inference (the reported bug: a disconnected
    gist), and is written back as ``-> <A2>``."""
    m = argdown.load(FIXTURES / "conformance" / "relations.argdown")
    attack = m.conflicts["[Q2] -> <A2>"]
    assert attack.target == m.arguments["A2"].inferences[-1]
    assert m.inferences[attack.target].conclusion == "T"
    assert m.kind(attack.id) == "undercut"
    assert "  -> <A2>" in argdown.dumps(m)


def test_an_undercut_aimed_at_a_statement_undercuts_what_it_supports() -> None:
    """``[U] _> [S]`` with ``[S] +> [T]``: an undercut of that inference, not a rebuttal
    of S; without a support of S it is an attack on S, marked as written."""
    m = argdown.loads("[S]: s.\n  +> [T]: t.\n\n[U]: u.\n  _> [S]\n")
    (conflict,) = m.conflicts.values()
    assert conflict.target == "[S] +> [T]"
    assert m.kind(conflict.id) == "undercut"
    assert "  _> [S]" in argdown.dumps(m)
    assert argdown.loads(argdown.dumps(m), source=m.source) == m
    lone = argdown.loads("[S]: s.\n\n[U]: u.\n  _> [S]\n")
    (conflict,) = lone.conflicts.values()
    assert conflict.target == "S"
    assert conflict.data["argdown"] == {"relation": "undercut"}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(argument_maps())
def test_argdown_map_argdown_is_stable(m: ArgumentMap) -> None:
    """Argdown -> map -> Argdown gives the same text: the text argmap writes is one it
    writes again unchanged, so a file kept under version control does not churn."""
    text = argdown.dumps(m)
    assert argdown.dumps(argdown.loads(text, source=m.source)) == text


def _with_source() -> ArgumentMap:
    article = "Ankara has agreed to buy the S-400. It may drive Turkey away from the West."
    b = MapBuilder("sourced", source=article)
    b.claim(
        "drift",
        "The purchase may drive Turkey away.",
        thesis=True,
        quote="It may drive Turkey away from the West",
    )
    b.premise("deal", "Ankara agreed to buy.", quote="Ankara has agreed to buy the S-400")
    b.support("drift", ["deal"])
    return b.build()


def test_the_source_text_is_referred_to_never_copied() -> None:
    m = _with_source()
    text = argdown.dumps(m)
    assert m.source is not None
    assert "Ankara has agreed to buy the S-400. It may" not in text
    assert hashlib.sha256(m.source.encode()).hexdigest() in text
    assert argdown.loads(text, source=m.source) == m
    unsourced = argdown.loads(text)
    assert unsourced.source is None
    assert "quotes-unchecked" in check(unsourced).codes


def test_a_different_source_text_is_refused_where_the_reference_is() -> None:
    text = argdown.dumps(_with_source())
    with pytest.raises(FormatError) as raised:
        argdown.loads(text, source="Another article.", path="m.argdown")
    assert "not the one this file refers to" in raised.value.message
    lines = text.splitlines()
    assert raised.value.line == next(n for n, line in enumerate(lines, 1) if "sha256" in line)


def test_files_that_hold_their_source_text_still_read() -> None:
    old = "===\nargmap:\n  source: Ankara has agreed.\n===\n\n[A]: Ankara agreed.\n"
    assert argdown.loads(old).source == "Ankara has agreed."


@pytest.mark.parametrize("format", ["argdown", "argdown-json"])
def test_numbers_in_exponent_form_come_back_as_numbers(format: str) -> None:
    b = MapBuilder("small numbers")
    b.claim("a", "A.", thesis=True, base=1e-5, data={"big": 1e308, "list": [1e16, 2.5e-7]})
    m = b.build()
    again = formats.loads(formats.dumps(m, format=format), format=format)
    assert again.statements["a"].data == m.statements["a"].data


@pytest.mark.parametrize(
    ("document", "says"),
    [
        ('{"statements": {"a]: b": {"members": [{"text": "A"}]}}}', "the statement title 'a]: b'"),
        (
            '{"statements": {"a": {}}, "relations": [{"relationType": "support", "from": "a", '
            '"to": "b>\\n", "toType": "argument"}]}',
            "the argument title 'b>\\n'",
        ),
        ('{"statements": {"a": {"members": [{"text": 5}]}}}', "a member of [a] has a text"),
        ('{"statements": {"a": {"members": "x"}}}', "the members of [a] must be a list"),
        (
            '{"statements": {}, "sections": [{"id": "s", "title": "T\\n[q]: x", "level": 1}]}',
            "the section title",
        ),
    ],
)
def test_argdown_json_that_argdown_cannot_say_is_refused(document: str, says: str) -> None:
    text = (
        document[:-1]
        + ', "arguments": {}'
        + ("}" if "relations" in document else ', "relations": []}')
    )
    with pytest.raises(FormatError) as raised:
        argdown_json.loads(text, path="x.json")
    assert says in raised.value.message
    assert (raised.value.line, raised.value.column) == (1, 1)


@pytest.mark.parametrize("text", ["*(1) *", "\\-", "\\+ x", "\\# h", "\\>x"])
def test_untitled_texts_that_look_like_syntax_keep_their_titles(text: str) -> None:
    """An untitled statement is written bare, as its author wrote it, unless its text
    would read as syntax at the start of a line (a numbered premise, a relation)."""
    m = argdown.loads(text)
    assert argdown.loads(argdown.dumps(m)) == m
