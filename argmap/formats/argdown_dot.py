"""Argdown's map view as a Graphviz diagram (see :mod:`argmap.formats.argdown.dot`).

This module keeps the former name of :mod:`argmap.formats.argdown.dot`: the same names."""

from __future__ import annotations

from argmap.formats.argdown.dot import render, to_dot

__all__ = ["render", "to_dot"]
