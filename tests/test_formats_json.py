"""Native JSON: lossless round trips, valid against the schema, clear errors."""

from __future__ import annotations

import json
import pathlib

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap import ArgumentMap, FormatError, Inference, MapBuilder, MapError, Statement
from argmap.formats import detect, dump, dumps, load, loads
from argmap.formats import json as native
from argmap.strategies import argument_maps

import turkey_s400

SCHEMA = json.loads(
    (pathlib.Path(native.__file__).with_name("argmap.schema.json")).read_text("utf-8")
)


def validate(text: str) -> None:
    jsonschema.Draft202012Validator(SCHEMA).validate(json.loads(text))


def test_the_schema_is_a_valid_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


@given(argument_maps())
def test_round_trip_is_lossless(m: ArgumentMap) -> None:
    text = native.dumps(m)
    validate(text)
    assert native.loads(text) == m


@given(argument_maps(consistent=False))
def test_inconsistent_maps_round_trip_or_are_not_written(m: ArgumentMap) -> None:
    """Nothing is written that the reader refuses: a broken map is a MapError on writing."""
    try:
        text = native.dumps(m)
    except MapError as error:
        assert {p.code for p in error.problems} <= {"unknown-reference", "duplicate-id"}
        assert error.problems
        return
    validate(text)
    assert native.loads(text) == m


def test_a_map_with_a_dangling_reference_is_not_written(tmp_path: pathlib.Path) -> None:
    m = ArgumentMap(statements=[Statement("a", "A.")], inferences=[Inference("i", ("zz",), "a")])
    with pytest.raises(MapError) as raised:
        native.dump(m, tmp_path / "m.argmap.json")
    assert [p.code for p in raised.value.problems] == ["unknown-reference"]
    assert "zz" in str(raised.value)
    assert not (tmp_path / "m.argmap.json").exists()


def test_the_article_round_trips_through_files(tmp_path: pathlib.Path, article: str) -> None:
    m = turkey_s400.build_map(article)
    path = dump(m, tmp_path / "s400.argmap.json")
    validate(path.read_text("utf-8"))
    assert load(path) == m
    assert detect(path) == "json"


def test_output_is_stable_and_readable() -> None:
    b = MapBuilder("T")
    b.claim("a", "Ä", thesis=True)
    text = dumps(b.build(), format="json")
    assert text == native.dumps(b.build())
    assert text.endswith("\n")
    assert '"Ä"' in text
    assert json.loads(text) == {
        "argmap": 1,
        "title": "T",
        "theses": ["a"],
        "statements": [{"id": "a", "text": "Ä"}],
        "inferences": [],
        "conflicts": [],
    }


def test_loaded_maps_know_where_ids_stand() -> None:
    text = '{"argmap": 1, "title": "",\n "statements": [\n  {"id": "a", "text": "x"}]}'
    m = loads(text, format="json", path="m.json")
    location = m.locations["a"]
    assert (location.path, location.line, location.column) == ("m.json", 3, 4)


@pytest.mark.parametrize(
    ("text", "message", "line", "column"),
    [
        ("", "the file is empty", 1, 1),
        ('{"argmap": 1', "invalid JSON", 1, 13),
        ("[]", "expected a JSON object, got a list", 1, 1),
        ('{"argmap": 2}', "unsupported argmap JSON version 2", 1, 12),
        ('{"argmap": true}', "unsupported argmap JSON version True", 1, 12),
        ('{"argmap": 1, "statements": {}}', "$.statements: expected a list", 1, 29),
        ("[" * 100000, "nested too deeply", 1, 1),
    ],
)
def test_errors_say_what_and_where(text: str, message: str, line: int, column: int) -> None:
    with pytest.raises(FormatError) as raised:
        native.loads(text, path="bad.json")
    error = raised.value
    assert message in error.message
    assert (error.line, error.column) == (line, column)
    assert error.path == "bad.json"


def test_every_problem_is_listed() -> None:
    text = json.dumps(
        {
            "argmap": 1,
            "title": 7,
            "statements": [{"id": "a"}, {"id": "a", "text": 3}, "oops"],
            "inferences": [{"id": "i", "premises": "a", "conclusion": "a"}],
            "conflicts": [],
        }
    )
    with pytest.raises(FormatError) as raised:
        native.loads(text)
    messages = [p.message for p in raised.value.problems]
    assert len(messages) == 6, messages
    assert '$.statements[0]: missing "text"' in messages
    assert "$.statements[1].text: expected a string, got a number" in messages
    assert "$.statements[2]: expected an object, got a string" in messages
    assert "$.title: expected a string, got a number" in messages


@given(st.text(max_size=200))
def test_random_text_only_ever_raises_format_errors(text: str) -> None:
    try:
        native.loads(text)
    except FormatError:
        pass


@given(argument_maps(max_statements=5), st.data())
def test_mutated_files_only_ever_raise_format_errors(m: ArgumentMap, data: st.DataObject) -> None:
    text = native.dumps(m)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, min(len(text), start + 20)))
    mutated = (
        text[:start] + data.draw(st.sampled_from(["", "1", '"', "{", "]", "null"])) + text[end:]
    )
    try:
        native.loads(mutated)
    except FormatError:
        pass


# -- who says it, schemes, declared kinds (issue 9) ------------------------------------------


def _faithful_map() -> ArgumentMap:
    b = MapBuilder("reported views")
    b.claim("p", "Turkey may drift from the West.", stance="hedged", thesis=True)
    b.premise("q", "It is a bargaining move.", speaker="some analysts", stance="reported")
    b.premise("r", "Ankara wants the S-400.", speaker="Ankara")
    b.support("p", ["q"], id="i", scheme="position-to-know", slots={"source": "q"}, implicit=True)
    b.counter("i", "r", id="c", kind="undercut", question="trustworthy", implicit=True)
    return b.build()


def test_the_new_fields_are_written_read_and_valid() -> None:
    m = _faithful_map()
    text = native.dumps(m)
    validate(text)
    document = json.loads(text)
    statements = {s["id"]: s for s in document["statements"]}
    assert statements["p"] == {"id": "p", "text": m.statements["p"].text, "stance": "hedged"}
    assert statements["q"]["speaker"] == "some analysts"
    assert "stance" not in statements["r"]  # the default is left out
    assert document["inferences"][0]["slots"] == {"source": "q"}
    assert document["inferences"][0]["implicit"] is True
    conflict = document["conflicts"][0]
    assert (conflict["kind"], conflict["question"], conflict["implicit"]) == (
        "undercut",
        "trustworthy",
        True,
    )
    assert native.loads(text) == m


def test_defaults_are_left_out_so_old_files_stay_the_same() -> None:
    m = ArgumentMap(
        statements=[Statement("a", "A"), Statement("b", "B")],
        inferences=[Inference("i", ("a",), "b")],
        theses=("b",),
    )
    document = json.loads(native.dumps(m))
    assert set(document["statements"][0]) == {"id", "text"}
    assert set(document["inferences"][0]) == {"id", "premises", "conclusion"}


@pytest.mark.parametrize(
    ("where", "value", "message"),
    [
        (("statements", 0, "stance"), "claimed", "$.statements[0].stance: expected one of"),
        (("statements", 0, "speaker"), 3, "$.statements[0].speaker: expected a string"),
        (("inferences", 0, "slots"), ["q"], "$.inferences[0].slots: expected an object"),
        (("inferences", 0, "slots"), {"source": 1}, "$.inferences[0].slots.source: expected a"),
        (("inferences", 0, "implicit"), "yes", "$.inferences[0].implicit: expected true or false"),
        (("conflicts", 0, "kind"), "rebuke", "$.conflicts[0].kind: expected one of"),
        (("conflicts", 0, "implicit"), 1, "$.conflicts[0].implicit: expected true or false"),
        (("conflicts", 0, "question"), [], "$.conflicts[0].question: expected a string"),
    ],
)
def test_bad_new_fields_are_located(
    where: tuple[str, int, str], value: object, message: str
) -> None:
    document = json.loads(native.dumps(_faithful_map()))
    kind, index, key = where
    document[kind][index][key] = value
    text = json.dumps(document, indent=2)
    with pytest.raises(FormatError) as raised:
        native.loads(text)
    problem = raised.value.problems[0]
    assert problem.message.startswith(message), problem.message
    rows = text.splitlines()
    section = next(n for n, row in enumerate(rows) if f'"{kind}"' in row)
    shown = next(iter(value)) if isinstance(value, dict) else key  # where the bad value is
    line = next(n for n, row in enumerate(rows[section:], section + 1) if f'"{shown}"' in row)
    assert problem.location is not None
    assert problem.location.line == line
