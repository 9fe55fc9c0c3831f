"""Helpers for tests that read a diagram back from Graphviz's own JSON output."""

from __future__ import annotations

import json
import subprocess
from typing import Any


def layout(source: str) -> dict[str, Any]:
    """Run ``dot -Tjson`` on DOT source; fail the test with dot's message if it refuses."""
    done = subprocess.run(
        ["dot", "-Tjson"], input=source.encode("utf-8"), capture_output=True, check=False
    )
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def texts(obj: dict[str, Any], key: str = "_ldraw_") -> list[str]:
    """The text lines Graphviz draws for one object (node, cluster or edge)."""
    return [op["text"] for op in obj.get(key, []) if op.get("op") == "T"]


def objects_by_name(laid_out: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {obj["name"]: obj for obj in laid_out.get("objects", [])}
