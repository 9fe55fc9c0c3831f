"""The malformed-input corpus: every file in ``tests/malformed/`` with a sibling
``.expected`` (JSON: format, code, line, column, message) must fail to load with
exactly that :class:`~argmap.FormatError`. Adding a case file adds a test."""

from __future__ import annotations

import json
import pathlib

import pytest

from argmap import FormatError
from argmap.formats import load

CORPUS = pathlib.Path(__file__).resolve().parent / "malformed"
CASES = sorted(CORPUS.glob("*.expected"))


def test_the_corpus_is_large_enough() -> None:
    assert len(CASES) >= 15


@pytest.mark.parametrize("expected_file", CASES, ids=lambda path: path.name[: -len(".expected")])
def test_malformed_input_fails_clearly(expected_file: pathlib.Path) -> None:
    expected = json.loads(expected_file.read_text("utf-8"))
    case = expected_file.with_name(expected_file.name[: -len(".expected")])
    with pytest.raises(FormatError) as raised:
        load(case, format=expected["format"])
    error = raised.value
    assert error.code == expected["code"]
    assert expected["message"] in str(error)
    assert (error.line, error.column) == (expected["line"], expected["column"])
    assert error.path == str(case)
