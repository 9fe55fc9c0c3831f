"""Grounded semantics: the linear-time labelling algorithm.

Works on integer positions and flat adjacency arrays (see
:meth:`~argmap.af.ArgumentationFramework.grounded` for the algorithm and its sources);
it knows nothing of argument names or of the framework class.
"""

from __future__ import annotations

from array import array
from itertools import compress

from argmap.af.labels import _IN, _OUT, _UNDEC


def _label_grounded(offsets: array[int], targets: array[int], undefeated: list[int]) -> bytearray:
    """The grounded labelling, one byte per argument (see ``grounded``).

    ``undefeated[a]`` counts the attackers of ``a`` not yet ``out`` and is used up. An
    argument whose count reaches zero cannot be ``out`` already (an ``out`` argument keeps
    its ``in`` attacker), so it is labelled ``in`` exactly once.
    """
    labels = bytearray(len(undefeated))
    queue = list(compress(range(len(undefeated)), map((0).__eq__, undefeated)))
    for argument in queue:
        labels[argument] = _IN
    for argument in queue:  # the queue grows while it is read
        for target in targets[offsets[argument] : offsets[argument + 1]]:
            if labels[target] != _UNDEC:
                continue
            labels[target] = _OUT
            for victim in targets[offsets[target] : offsets[target + 1]]:
                left = undefeated[victim] - 1
                undefeated[victim] = left
                if not left:
                    labels[victim] = _IN
                    queue.append(victim)
    return labels
