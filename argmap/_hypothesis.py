"""Hypothesis plugin hook (entry point ``hypothesis``): registers argmap's strategies
so that ``st.from_type(ArgumentMap)`` and ``st.from_type(Statement)`` work."""

from __future__ import annotations


def _register() -> None:
    from hypothesis import strategies as st

    from argmap import strategies
    from argmap.model import ArgumentMap, Statement

    st.register_type_strategy(ArgumentMap, lambda _: strategies.argument_maps())
    st.register_type_strategy(Statement, lambda _: strategies.statements())
