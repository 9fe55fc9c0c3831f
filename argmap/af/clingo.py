"""The optional `clingo <https://potassco.org/clingo/>`_ backend for complete, preferred
and stable semantics (an ASPARTIX-style encoding, written for argmap), and the rule
that chooses between it and the pure-Python search (:data:`AUTO_PYTHON_LIMIT`).

clingo is imported when first needed (``pip install 'argmap[solver]'``); without it,
``solver="clingo"`` raises :class:`~argmap.errors.SolverUnavailableError` and
``solver="auto"`` stays in pure Python.
"""

from __future__ import annotations

import importlib
from typing import Any

from argmap.af.core import _Core
from argmap.af.labels import Semantics
from argmap.errors import SolverUnavailableError

__all__ = ["AUTO_PYTHON_LIMIT"]

AUTO_PYTHON_LIMIT = 64
"""With ``solver="auto"``, a local problem (one strongly connected component of the
arguments the grounded labelling leaves undecided, see :class:`_Decomposition`) of at most
this many arguments is solved in pure Python; a larger one by clingo when it is installed.
The pure-Python search is exact but exponential in the worst case on one component,
while many small components cost only their number (and the size of the answer).
It is read from this module, ``argmap.af.clingo``: to change it, set it there."""

_INSTALL_HINT = "pip install 'argmap[solver]' (or: pip install clingo)"


# ASPARTIX-style complete semantics over integer argument ids (written for argmap):
# guess in/out, forbid conflicts, require every member defended and every defended
# argument in.
_ASP_COMPLETE = """
#defined arg/1.
#defined att/2.
in(X) :- arg(X), not out(X).
out(X) :- arg(X), not in(X).
:- att(X,Y), in(X), in(Y).
defeated(X) :- att(Y,X), in(Y).
undefended(X) :- att(Y,X), not defeated(Y).
:- in(X), undefended(X).
:- out(X), not undefended(X).
#show in/1.
"""
_ASP_EXTRA: dict[str, str] = {
    "complete": "",
    "stable": ":- out(X), not defeated(X).\n",
    "preferred": "#heuristic in(X) : arg(X). [1,true]\n",
}
_ASP_OPTIONS: dict[str, list[str]] = {
    "complete": [],
    "stable": [],
    "preferred": ["--heuristic=Domain", "--enum-mode=domRec"],
}


def _clingo_module() -> Any:
    try:
        return importlib.import_module("clingo")
    except ImportError as error:
        raise SolverUnavailableError(
            f"the clingo solver is not installed: {_INSTALL_HINT}"
        ) from error


def _clingo_available() -> bool:
    try:
        _clingo_module()
    except SolverUnavailableError:
        return False
    return True


def _use_clingo(solver: str, size: int) -> bool:
    """Resolve ``solver`` to a backend for a local problem of ``size`` arguments (see
    ``preferred``); True means clingo."""
    if solver == "clingo":
        _clingo_module()
        return True
    return solver == "auto" and size > AUTO_PYTHON_LIMIT and _clingo_available()


def _clingo_extensions(
    core: _Core, semantics: Semantics, *, limit: int, pin: int = -1
) -> list[list[int]]:
    """Core members ``in`` of each answer set; ``pin``: an argument that must be ``in``."""
    clingo = _clingo_module()
    control = clingo.Control(
        [*_ASP_OPTIONS[semantics], f"--models={limit}"], logger=lambda code, message: None
    )
    program = [_ASP_COMPLETE, _ASP_EXTRA[semantics], _asp_facts(core)]
    if pin >= 0:
        program.append(f":- not in({pin}).\n")
    control.add("base", [], "".join(program))
    control.ground([("base", [])])
    found: list[list[int]] = []

    def on_model(model: Any) -> None:
        found.append(
            sorted(int(symbol.arguments[0].number) for symbol in model.symbols(shown=True))
        )

    control.solve(on_model=on_model)
    return found


def _asp_facts(core: _Core) -> str:
    parts = [f"arg(0..{len(core.members) - 1}).\n"] if core.members else []
    parts.extend(f"att({x},{y}).\n" for x, hits in enumerate(core.targets) for y in hits)
    return "".join(parts)
