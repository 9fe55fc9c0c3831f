"""Abstract argumentation frameworks (Dung 1995) and the ICCMA file formats.

An :class:`ArgumentationFramework` is a set of named arguments and an attack relation
between them (P. M. Dung, "On the acceptability of arguments and its fundamental role
in nonmonotonic reasoning, logic programming and n-person games", *Artificial
Intelligence* 77 (1995) 321-357, Def. 2). It answers the classic questions: the
grounded, complete, preferred and stable extensions, admissibility and conflict-freeness
of a set, credulous and skeptical acceptance of an argument.

Design choices, and why:

* **Integer indices inside.** Arguments are positions ``0..n-1`` and the attack relation
  is two flat ``array('i')`` columns, so that a framework of a million arguments and two
  million attacks fits in well under 500 MB and its grounded extension takes a few seconds
  of pure Python. Names are only looked at on the way in and out.
* **No recursion.** Every graph walk and search uses an explicit queue or stack, so that
  no input can exhaust the interpreter stack.
* **Exact and deterministic.** Every enumeration returns *all* extensions, sorted by their
  sorted member lists. The search works on the arguments left undecided by the grounded
  labelling only, which is what makes sparse real maps fast, and there one strongly
  connected component at a time (SCC-recursiveness, Baroni, Giacomin & Guida 2005), so
  that listing costs time proportional to the number of extensions, and counting them or
  asking what they all agree on (:meth:`~ArgumentationFramework.count`,
  :meth:`~ArgumentationFramework.skeptical_labelling`) does not list them: 30
  independent mutual attacks (2**30 preferred extensions) take milliseconds. An optional
  `clingo <https://potassco.org/clingo/>`_ backend handles large components.
* **Readers never leak a bare ``KeyError``/``ValueError``.** Every malformed input is a
  :class:`~argmap.errors.FormatError` with path, line, column and what was expected.

File formats (the ones the ICCMA competitions use):

* ASPARTIX ``.apx``: ``arg(a).`` and ``att(a,b).`` facts, free whitespace, ``%`` comments;
  a name that is not a bare word is written as an ASP string, ``arg("a b").``;
* trivial graph format ``.tgf``: one argument name per line, a line ``#``, then one
  ``a b`` attack per line (ICCMA's TGF: no node or edge labels);
* ICCMA 2023 ``.af`` (also ``.i23``): a header ``p af N``, then one ``i j`` attack per line,
  ``#`` comment lines; the arguments are named ``"1"`` .. ``"N"``.

The package, one module per responsibility; every public name is imported from here
(``from argmap.af import ArgumentationFramework, load``), and the imports between the
modules go one way, from the top of this list down:

* :mod:`argmap.af.iccma`: the file formats above, ``load``/``loads``/``dump``/``dumps``;
* :mod:`argmap.af.framework`: :class:`ArgumentationFramework`, :class:`AttackSet` and
  the queries, which call the algorithm modules below;
* :mod:`argmap.af.scc`: the SCC decomposition (extensions component by component);
* :mod:`argmap.af.search`: the labelling search for complete, preferred and stable
  semantics on one component;
* :mod:`argmap.af.clingo`: the optional clingo backend and the rule that picks it;
* :mod:`argmap.af.grounded`: the linear-time grounded labelling;
* :mod:`argmap.af.core`: the undecided core the searches share;
* :mod:`argmap.af.labels`: the names of semantics, solvers and labels, :class:`Labelling`.

The algorithm modules work on integer positions and never import the framework.
"""

from __future__ import annotations

from argmap.af.clingo import AUTO_PYTHON_LIMIT
from argmap.af.framework import ArgumentationFramework, AttackSet
from argmap.af.iccma import (
    DEFAULT_MAX_ARGUMENTS,
    FORMATS,
    Format,
    dump,
    dumps,
    dumps_apx,
    dumps_i23,
    dumps_tgf,
    i23_numbering,
    load,
    loads,
    loads_apx,
    loads_i23,
    loads_tgf,
)
from argmap.af.labels import Label, Labelling, Semantics, Solver
from argmap.errors import SolverUnavailableError

__all__ = [
    "AUTO_PYTHON_LIMIT",
    "DEFAULT_MAX_ARGUMENTS",
    "FORMATS",
    "ArgumentationFramework",
    "AttackSet",
    "Format",
    "Label",
    "Labelling",
    "Semantics",
    "Solver",
    "SolverUnavailableError",
    "dump",
    "dumps",
    "dumps_apx",
    "dumps_i23",
    "dumps_tgf",
    "i23_numbering",
    "load",
    "loads",
    "loads_apx",
    "loads_i23",
    "loads_tgf",
]
