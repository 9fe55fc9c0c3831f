"""The ``argdown-json`` format: Argdown's JSON export (see :mod:`argmap.formats.argdown.json`).

This module keeps the former name of :mod:`argmap.formats.argdown.json`, which
``argmap.formats.FORMATS`` maps ``argdown-json`` to: the same verbs and names."""

from __future__ import annotations

from argmap.formats.argdown.json import (
    document_json,
    document_view,
    dump,
    dumps,
    load,
    loads,
    map_view,
)

__all__ = ["document_json", "document_view", "dump", "dumps", "load", "loads", "map_view"]
