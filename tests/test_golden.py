"""Golden files: each ``tests/golden/*.argmap.json`` map must draw exactly as the
``.dot`` beside it. Adding a case file adds a test; set ``ARGMAP_UPDATE_GOLDEN=1``
to rewrite the expected files after an intended change (and review the diff)."""

from __future__ import annotations

import os
import pathlib

import pytest

from argmap import ArgumentMap, to_dot
from argmap.formats import json as native

import turkey_s400

GOLDEN = pathlib.Path(__file__).resolve().parent / "golden"
UPDATE = os.environ.get("ARGMAP_UPDATE_GOLDEN") == "1"


def compare(source: str, expected: pathlib.Path) -> None:
    if UPDATE:
        expected.write_text(source, encoding="utf-8")
    assert expected.is_file(), f"no golden file {expected.name}; run with ARGMAP_UPDATE_GOLDEN=1"
    assert source == expected.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "case", sorted(GOLDEN.glob("*.argmap.json")), ids=lambda path: path.name.split(".")[0]
)
def test_golden_diagram(case: pathlib.Path) -> None:
    m: ArgumentMap = native.load(case)
    compare(to_dot(m).source, case.with_name(case.name.replace(".argmap.json", ".dot")))


def test_golden_article_diagram() -> None:
    compare(to_dot(turkey_s400.build_map()).source, GOLDEN / "turkey_s400.dot")
