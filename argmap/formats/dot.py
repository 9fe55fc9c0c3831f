"""Graphviz DOT (write only): the diagram's source, as :func:`argmap.to_dot` draws it."""

from __future__ import annotations

from argmap.dot import to_dot
from argmap.formats._io import PathLike, write_text
from argmap.model import ArgumentMap

__all__ = ["dump", "dumps"]


def dumps(map: ArgumentMap) -> str:
    """The DOT source of ``map``'s diagram (no Graphviz binary needed)."""
    source: str = to_dot(map).source
    return source


def dump(map: ArgumentMap, path: PathLike) -> None:
    """Write the DOT source of ``map``'s diagram to ``path``, atomically."""
    write_text(path, dumps(map))
