"""argmap: argument maps you can check, evaluate and draw.

Model an argumentative text as claims, premises and counterpoints
(:class:`MapBuilder`), check that the map is consistent (:func:`check`), evaluate
which claims stand (:func:`evaluate`) and draw it with Graphviz (:func:`to_dot`,
:func:`render`). Formats are in :mod:`argmap.formats`, Dung frameworks in
:mod:`argmap.af`, Hypothesis strategies in :mod:`argmap.strategies`.
"""

from argmap import _display  # noqa: F401  (registers how maps and reports show themselves)
from argmap.build import MapBuilder
from argmap.check import CODES, Position, check
from argmap.cruxes import Crux, cruxes
from argmap.dot import render, to_dot
from argmap.errors import (
    ArgmapError,
    ConvergenceError,
    FormatError,
    MapError,
    RenderError,
    SolverUnavailableError,
)
from argmap.explain import Explanation, Step, explain
from argmap.formats import dump, dumps, load, loads
from argmap.model import (
    Argument,
    ArgumentMap,
    Conflict,
    ConflictKind,
    Inference,
    Quote,
    Role,
    Statement,
)
from argmap.report import Location, Problem, Report, Severity
from argmap.semantics import Evaluation, Label, evaluate
from argmap.sensitivity import fragility, sensitivity
from argmap.strengths import DEFAULT_BASES, Strengths, strengths
from argmap.whatif import Change, WhatIf, what_if

__version__ = "0.1.0"

__all__ = [
    "CODES",
    "DEFAULT_BASES",
    "ArgmapError",
    "Argument",
    "ArgumentMap",
    "Change",
    "Conflict",
    "ConflictKind",
    "ConvergenceError",
    "Crux",
    "Evaluation",
    "Explanation",
    "FormatError",
    "Inference",
    "Label",
    "Location",
    "MapBuilder",
    "MapError",
    "Position",
    "Problem",
    "Quote",
    "RenderError",
    "Report",
    "Role",
    "Severity",
    "SolverUnavailableError",
    "Statement",
    "Step",
    "Strengths",
    "WhatIf",
    "__version__",
    "check",
    "cruxes",
    "dump",
    "dumps",
    "evaluate",
    "explain",
    "fragility",
    "load",
    "loads",
    "render",
    "sensitivity",
    "strengths",
    "to_dot",
    "what_if",
]
