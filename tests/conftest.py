"""Shared test set-up: Hypothesis profiles, the `dot` marker, fixture locations.

The test data live in ``tests/fixtures/`` (``$ARGMAP_FIXTURES`` may point elsewhere). The
S-400 article is not part of the repository (its copyright is not ours): the few tests
that verify the example's quotes against it read ``$ARGMAP_ARTICLE`` and skip, saying
so, when it is unset.
"""

from __future__ import annotations

import os
import pathlib
import shutil
import sys

import pytest
from hypothesis import HealthCheck, settings

ROOT = pathlib.Path(__file__).resolve().parent.parent
FIXTURES = pathlib.Path(os.environ.get("ARGMAP_FIXTURES", ROOT / "tests" / "fixtures"))
_ARTICLE_ENV = os.environ.get("ARGMAP_ARTICLE")
ARTICLE: pathlib.Path | None = pathlib.Path(_ARTICLE_ENV) if _ARTICLE_ENV else None
"""The S-400 article named by ``$ARGMAP_ARTICLE``, or ``None``."""

settings.register_profile(
    "default", deadline=None, suppress_health_check=[HealthCheck.too_slow], max_examples=100
)
settings.register_profile(
    "ci", deadline=None, suppress_health_check=[HealthCheck.too_slow], max_examples=200
)
settings.load_profile("ci" if os.environ.get("CI") else "default")

sys.path.insert(0, str(ROOT / "examples"))


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Tests marked ``dot`` need Graphviz's binary: skip them only when it is truly missing."""
    if shutil.which("dot"):
        return
    skip = pytest.mark.skip(reason="Graphviz's 'dot' is not on PATH (install graphviz)")
    for item in items:
        if "dot" in item.keywords:
            item.add_marker(skip)


@pytest.fixture
def fixtures() -> pathlib.Path:
    """The fixtures folder; its absence is a broken checkout, so a failure, not a skip."""
    if not FIXTURES.is_dir():
        pytest.fail(f"fixtures folder {FIXTURES} is absent")
    return FIXTURES


def article_text() -> str:
    """The S-400 article's text; skips the calling test when ``$ARGMAP_ARTICLE`` is unset."""
    if ARTICLE is None:
        pytest.skip("needs the S-400 article's text to verify quotes: set ARGMAP_ARTICLE=FILE")
    if not ARTICLE.is_file():
        pytest.fail(f"ARGMAP_ARTICLE names {ARTICLE}, which is not a file")
    return ARTICLE.read_text(encoding="utf-8")


@pytest.fixture
def article() -> str:
    """The S-400 article's text (see :func:`article_text`)."""
    return article_text()
