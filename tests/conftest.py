"""Shared test set-up: Hypothesis profiles, the `dot` marker, fixture locations."""

from __future__ import annotations

import os
import pathlib
import shutil
import sys

import pytest
from hypothesis import HealthCheck, settings

ROOT = pathlib.Path(__file__).resolve().parent.parent
FIXTURES = pathlib.Path(os.environ.get("ARGMAP_FIXTURES", ROOT.parent / "shared" / "fixtures"))
ARTICLE = pathlib.Path(
    os.environ.get("ARGMAP_ARTICLE", ROOT.parent / "shared" / "seed" / "turkey-s400-article.txt")
)

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
    if not FIXTURES.is_dir():
        pytest.skip(f"fixtures folder {FIXTURES} is absent (set ARGMAP_FIXTURES)")
    return FIXTURES


@pytest.fixture
def article() -> str:
    if not ARTICLE.is_file():
        pytest.skip(f"article {ARTICLE} is absent (set ARGMAP_ARTICLE)")
    return ARTICLE.read_text(encoding="utf-8")
