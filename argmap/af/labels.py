"""The vocabulary the framework and the algorithms share: semantics, solvers, labels.

The names of the semantics and solvers (:data:`Semantics`, :data:`Solver`), the three labels
of a labelling (:data:`Label`) and :class:`Labelling` itself; inside, the one-byte labels
of the grounded labelling and the bit sets the labelling search works with. Nothing here
imports another module of :mod:`argmap.af`.
"""

from __future__ import annotations

from itertools import compress
from typing import Literal, TypeAlias

import attrs

__all__ = ["Label", "Labelling", "Semantics", "Solver"]

Semantics: TypeAlias = Literal["grounded", "complete", "preferred", "stable"]
Solver: TypeAlias = Literal["auto", "python", "clingo"]
Label: TypeAlias = Literal["in", "out", "undec"]

# Labels of the grounded labelling, one byte per argument.
_UNDEC, _IN, _OUT = 0, 1, 2
# Domains of the labelling search: bit sets over {in, out, undec}.
_I, _O, _U = 1, 2, 4
_ANY = _I | _O | _U


@attrs.frozen
class Labelling:
    """A three-valued labelling (M. Caminada, "On the issue of reinstatement in
    argumentation", JELIA 2006): every argument is ``in``, ``out`` or ``undec``.

    For a complete extension E, :meth:`~argmap.af.ArgumentationFramework.labelling` gives its
    complete labelling: ``in`` = E, ``out`` = the arguments E attacks, ``undec`` = the rest
    (Caminada 2006 shows that complete labellings and complete extensions correspond one
    to one through these Ext2Lab / Lab2Ext maps).
    """

    in_: frozenset[str]
    out: frozenset[str]
    undec: frozenset[str]

    def label(self, argument: str) -> Label:
        """The label of ``argument`` (``undec`` for a name the labelling does not know)."""
        if not isinstance(argument, str):
            return "undec"
        if argument in self.in_:
            return "in"
        return "out" if argument in self.out else "undec"


def _where(labels: bytearray, label: int) -> list[int]:
    """Positions whose label is ``label`` (the scan runs in C)."""
    return list(compress(range(len(labels)), map(label.__eq__, labels)))
