"""argmap's ``argdown-json`` export against the Argdown tool's own, member by member.

Every ``NAME.argdown`` under ``tests/fixtures/argdown/`` with a ``NAME.json`` beside it
(written by ``@argdown/cli`` 1.7.5: ``tools/argdown_reference.sh``) is one case: adding
a file pair adds a test. Compared: every statement (tags; each definition's text and
tags; the roles it is used in), every argument (tags; each description's text and tags;
its premise-conclusion structure: titles, roles, inference rules) and every relation
(from, to, type and end types), each as one *member*.

Differences kept deliberately and normalised here:

- Argdown leaves white space at the end of a text where it took a tag or a data block
  out (``[A]: text {a: 1}`` is ``"text "``); argmap's texts end without it.
- Where a statement is written is argmap's layout, not the file's: a statement the
  file defined inside a relation (``+ [S]: text``) argmap defines at the top level
  (a ``top-level-statement`` member, not a ``relation-statement`` one), and the
  document's tags are compared as a set (their first occurrence moves with the
  layout). Roles in premise-conclusion structures are compared.
"""

from __future__ import annotations

import json
import pathlib
from collections import Counter
from typing import Any

import pytest

from argmap.formats import argdown, argdown_json

FIXTURES = pathlib.Path(__file__).parent / "fixtures" / "argdown"
PAIRS = sorted(path for path in FIXTURES.rglob("*.argdown") if path.with_suffix(".json").is_file())

Members = dict[tuple[str, ...], Any]
_STRUCTURAL = ("premise", "intermediary-conclusion", "main-conclusion")


def _text(member: dict[str, Any]) -> str | None:
    text = member.get("text")
    return text.rstrip() if isinstance(text, str) else None


def _definitions(element: dict[str, Any]) -> list[tuple[str | None, tuple[str, ...]]]:
    return [
        (_text(m), tuple(m.get("tags", ()))) for m in element["members"] if not m.get("isReference")
    ]


def members(export: dict[str, Any]) -> Members:
    """The export as comparable members, one key each."""
    found: Members = {}
    for title, ec in export["statements"].items():
        found["statement", title, "tags"] = tuple(ec.get("tags", ()))
        found["statement", title, "definitions"] = _definitions(ec)
        found["statement", title, "roles"] = sorted(
            {m["role"] for m in ec["members"] if m["role"] in _STRUCTURAL}
        )
    for title, argument in export["arguments"].items():
        found["argument", title, "tags"] = tuple(argument.get("tags", ()))
        found["argument", title, "descriptions"] = _definitions(argument)
        found["argument", title, "pcs"] = [
            (m["title"], m["role"], tuple((m.get("inference") or {}).get("inferenceRules", ())))
            for m in argument["pcs"]
        ]
    relations = Counter(
        (r["from"], r["to"], r["relationType"], r["fromType"], r["toType"])
        for r in export["relations"]
    )
    for relation, count in relations.items():
        found[("relation", *relation)] = count
    found["tags",] = sorted(export["tags"])
    return found


def compare(path: pathlib.Path) -> tuple[int, list[tuple[str, ...]]]:
    """How many members the Argdown tool's export of ``path`` has, and which differ."""
    real = members(json.loads(path.with_suffix(".json").read_text("utf-8")))
    mine = members(json.loads(argdown_json.dumps(argdown.load(path))))
    differing = [key for key in real.keys() | mine.keys() if real.get(key) != mine.get(key)]
    return len(real), sorted(differing)


@pytest.mark.parametrize("path", PAIRS, ids=[p.stem for p in PAIRS])
def test_argdown_json_export_is_the_argdown_tools(path: pathlib.Path) -> None:
    """Every statement, argument and relation as the Argdown tool exports it."""
    count, differing = compare(path)
    assert count > 0
    assert differing == []


def test_the_fixtures_cover_tags_everywhere() -> None:
    """The new fixtures are found, and tags stand at the start, middle and end of texts,
    bracketed or not, in statements, arguments and premise-conclusion structures."""
    names = {p.stem for p in PAIRS}
    assert {"tags-everywhere", "relations", "removed-tags"} <= names
    real = json.loads((FIXTURES / "conformance" / "tags-everywhere.json").read_text("utf-8"))
    texts = [
        m.get("text", "")
        for kind in ("statements", "arguments")
        for element in real[kind].values()
        for m in element["members"]
    ]
    assert any(t.startswith("#") for t in texts)
    assert any(t.rstrip().endswith(")") and "#(" in t for t in texts)
    assert any("#(" in t and not t.rstrip().endswith(")") for t in texts)


def test_a_tagged_text_gets_no_extra_member() -> None:
    """The bug this file guards against: a tag written inside the text produced an
    extra definition whose text was only the tags."""
    m = argdown.loads("[T]: Cats are #great pets. #(really so)\n")
    export = json.loads(argdown_json.dumps(m))
    assert [x.get("text") for x in export["statements"]["T"]["members"]] == [
        "Cats are #great pets. #(really so)"
    ]
    assert export["statements"]["T"]["tags"] == ["great", "really so"]


def test_a_difference_is_reported(tmp_path: pathlib.Path) -> None:
    """The comparison can fail: a changed reference file shows up as a difference."""
    source = FIXTURES / "conformance" / "relations.argdown"
    real = json.loads(source.with_suffix(".json").read_text("utf-8"))
    real["statements"]["T"]["members"][0]["text"] = "Something else."
    (tmp_path / "relations.argdown").write_text(source.read_text("utf-8"), "utf-8")
    (tmp_path / "relations.json").write_text(json.dumps(real), "utf-8")
    _, differing = compare(tmp_path / "relations.argdown")
    assert differing == [("statement", "T", "definitions")]


def test_texts_have_no_trailing_space_where_tags_or_data_were_removed() -> None:
    """Argdown's ``text {a: 1}`` and (with removeTagsFromText) ``text #tag`` are
    ``text``, not ``text `` (the reported bug)."""
    m = argdown.load(FIXTURES / "conformance" / "removed-tags.argdown")
    assert m.statements["One"].text == "First text"
    assert m.statements["Three"].text == "Third."
    assert m.statements["One"].tags == ("tag",)
