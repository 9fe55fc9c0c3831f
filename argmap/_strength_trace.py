"""The numbers behind a gradual strength: who contributes to it, and by how much.

A gradual semantics is *modular* (T. Mossakowski, F. Neuhaus, "Modular semantics and
characteristics for bipolar weighted argumentation graphs", arXiv, 2018): an
argument's strength is an update rule ``f(base, attackers, supporters)`` applied to
its base score and its neighbours' strengths (see :mod:`argmap.gradual`). So what
raised or lowered one argument is read off that one application:

* the **contributors** of an argument are its incoming relations in the QBAF of
  :func:`argmap.strengths.to_qbaf`, each traced back to the relation of the map that
  made it (an inference supporting a statement, a premise supporting its inference, a
  conflict's source supporting the conflict, a conflict attacking its target);
* the **effect** of a contributor is the argument's strength minus the strength the
  update rule gives it with that one relation dropped and every other neighbour's
  strength held as it is (a *ceteris paribus* effect: removal-based attribution, as
  in the argument attribution explanations of X. Yin, N. Potyka, F. Toni, "Argument
  attribution explanations in quantitative bipolar argumentation frameworks", *ECAI*
  2023, but local to one argument).

On an acyclic map the local effect is exact: no neighbour of an argument depends on
it, so removing one relation from the whole map changes the argument's strength by
exactly this much. On a cycle it is the first-order answer (the neighbours would
move too). Two conflicts of one map that make the same QBAF attack (same source,
same target) are one relation to the semantics: dropping either alone leaves the
attack in place, so each has effect 0.

The update rule is applied through the public :func:`argmap.gradual.strengths`, on
a small acyclic QBAF per argument: its neighbours as unattacked arguments whose
base scores are their strengths (an unrelated argument's strength is its base score
under every semantics), beside one copy of the argument with every relation and one
copy per dropped relation. Neighbours of one kind and one strength share a
copy, so ``k`` contributors of ``d`` distinct (kind, strength) cost one pass over
``d·k`` relations; it is done only for the arguments an explanation reaches.
"""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from argmap.gradual import QBAF
from argmap.gradual import strengths as qbaf_strengths
from argmap.model import ArgumentMap
from argmap.strengths import Strengths, strengths, to_qbaf

__all__ = ["EXACT", "Contribution", "StrengthTrace"]

EXACT = 64
"""Up to this many neighbours of distinct (kind, strength), every effect is computed."""


@attrs.frozen
class Contribution:
    """One incoming relation of an argument.

    ``role`` is ``"reason"`` (an inference supporting a statement), ``"premise"`` (a
    premise supporting its inference), ``"source"`` (a conflict's source supporting the
    conflict) or ``"attack"`` (a conflict attacking its target); ``relation`` is the id
    of that inference, premise, source or conflict in the map; ``argument`` the QBAF
    argument whose strength counts (for an attack, the conflict when it is an argument
    itself, else its source); ``effect`` the change it makes (see the module), or
    ``None`` when it was not computed (see :meth:`StrengthTrace.contributions`)."""

    role: str
    relation: str
    argument: str
    effect: float | None

    @property
    def attacks(self) -> bool:
        return self.role == "attack"


class StrengthTrace:
    """The strengths of a map under one gradual semantics, with what it takes to
    explain any argument of its QBAF."""

    def __init__(
        self,
        map: ArgumentMap,
        *,
        semantics: str,
        base: Mapping[str, float] | None,
        fixed: Mapping[str, bool] | None,
    ) -> None:
        self.map = map
        self.semantics = semantics
        self.result: Strengths = strengths(map, semantics=semantics, base=base, fixed=fixed)
        given = dict(base or {})
        # The bases strengths() used, given explicitly, so that the QBAF traced is the
        # one evaluated whatever the defaults are; conflicts keep theirs.
        self.qbaf = to_qbaf(map, base={**given, **self.result.base}, fixed=fixed)
        self.values = qbaf_strengths(self.qbaf, semantics=semantics)
        self.given = given
        self.fixed = dict(fixed or {})
        self.supports = set(self.qbaf.supports)
        self.attack_pairs = set(self.qbaf.attacks)
        self.pair_uses: dict[tuple[str, str], int] = {}
        self.attacks_on: dict[str, list[str]] = {}
        for conflict in map.conflicts.values():
            pair = (self.attacker(conflict.id), conflict.target)
            self.pair_uses[pair] = self.pair_uses.get(pair, 0) + 1
            self.attacks_on.setdefault(conflict.target, []).append(conflict.id)

    def argument(self, id: str) -> str:
        """The QBAF argument whose strength stands for ``id`` (a conflict that is not
        an argument stands for its source's strength)."""
        return self.attacker(id) if id in self.map.conflicts else id

    def attacker(self, conflict: str) -> str:
        return conflict if conflict in self.values else self.map.conflicts[conflict].source

    def strength(self, argument: str) -> float:
        return self.values[argument]

    def base(self, argument: str) -> float:
        return float(self.qbaf.base[argument])

    def default(self, argument: str) -> bool:
        """Whether ``argument``'s base score is a default (not given, not in its data)."""
        if argument in self.result:
            return argument in self.result.defaults
        node = self.map.conflicts[argument]
        return argument not in self.given and "base" not in node.data

    def contributions(self, argument: str, *, top: int | None = None) -> list[Contribution]:
        """Every incoming relation of ``argument``, largest ``|effect|`` first (ties in
        the map's order); none for a fixed statement, whose relations are cut.

        With ``top``, when ``argument`` has more than :data:`EXACT` neighbours of
        distinct (kind, strength), only the effects that can be among the ``top``
        largest are computed: every rule is monotone in each neighbour's strength, so
        among neighbours of one kind a stronger one has at least the effect of a weaker
        one, and the ``top`` strongest of each kind hold the ``top`` largest effects. The
        others get effect ``None`` and come last, strongest first. This bounds the cost
        of a node with ``k`` contributors by ``k·(2·top + 1)`` relations."""
        found = self._relations(argument)
        if not found:
            return []
        pairs = list(dict.fromkeys((role == "attack", source) for role, _, source in found))
        keys = {(attack, self.values[source]) for attack, source in pairs}
        wanted: set[tuple[bool, float]] | None = None
        if top is not None and len(keys) > EXACT:
            wanted = set()
            for kind in (False, True):
                ranked = sorted({value for attack, value in keys if attack == kind}, reverse=True)
                wanted.update((kind, value) for value in ranked[:top])
        without = self._drop_each(argument, pairs, wanted)
        full = without[None]
        contributions = []
        for role, relation, source in found:
            attack = role == "attack"
            key = (attack, self.values[source])
            effect: float | None = None
            if attack and self.pair_uses[source, argument] > 1:
                effect = 0.0
            elif key in without:
                effect = full - without[key]
            contributions.append(Contribution(role, relation, source, effect))
        return sorted(contributions, key=self._rank)

    def has_contributors(self, argument: str) -> bool:
        """Whether anything supports or attacks ``argument`` (cheap: no effects)."""
        return bool(self._relations(argument))

    def _rank(self, contribution: Contribution) -> tuple[bool, float]:
        effect = contribution.effect
        if effect is None:
            return True, -self.values[contribution.argument]
        return False, -abs(effect)

    def _relations(self, argument: str) -> list[tuple[str, str, str]]:
        """(role, relation id, QBAF source) of every relation into ``argument`` that the
        QBAF keeps, in the map's order: supports first, then attacks."""
        map = self.map
        found: list[tuple[str, str, str]] = []
        if argument in map.statements:
            found += [("reason", i.id, i.id) for i in map.supporters(argument)]
        elif argument in map.inferences:
            premises = dict.fromkeys(map.inferences[argument].premises)
            found += [("premise", p, p) for p in premises]
        else:
            source = map.conflicts[argument].source
            found.append(("source", source, source))
        for conflict in self.attacks_on.get(argument, ()):
            found.append(("attack", conflict, self.attacker(conflict)))
        return [
            (role, relation, source)
            for role, relation, source in found
            if (source, argument) in (self.attack_pairs if role == "attack" else self.supports)
        ]

    def _drop_each(
        self,
        argument: str,
        pairs: list[tuple[bool, str]],
        wanted: set[tuple[bool, float]] | None,
    ) -> dict[tuple[bool, float] | None, float]:
        """The update rule at ``argument`` with all its relations (key ``None``) and with
        one relation dropped, by (is an attack, the neighbour's strength), on one small
        acyclic QBAF (see the module docstring). Every rule is a symmetric function of
        its attackers' and of its supporters' strengths, so dropping any one of several
        neighbours of one kind and one strength gives the same value: one copy serves
        them all, and a node with ``k`` contributors of ``d`` distinct (kind, strength)
        costs ``d·k`` relations, not ``k²``. Only the ``wanted`` drops, when given."""
        leaves = list(dict.fromkeys(source for _, source in pairs))
        name = {source: f"a{n}" for n, source in enumerate(leaves)}
        base = {name[source]: self.values[source] for source in leaves}
        attacks: list[tuple[str, str]] = []
        supports: list[tuple[str, str]] = []
        drops: dict[tuple[bool, float], tuple[bool, str]] = {}
        for attack, source in pairs:
            drop = (attack, self.values[source])
            if wanted is None or drop in wanted:
                drops.setdefault(drop, (attack, source))
        copies: dict[tuple[bool, float] | None, str] = {None: "n"}
        copies.update({drop: f"n{n}" for n, drop in enumerate(drops)})
        for key, copy in copies.items():
            dropped = None if key is None else drops[key]
            base[copy] = self.base(argument)
            for pair in pairs:
                if pair != dropped:
                    attack, source = pair
                    (attacks if attack else supports).append((name[source], copy))
        qbaf = QBAF(tuple(base), base, attacks=attacks, supports=supports)
        values = qbaf_strengths(qbaf, semantics=self.semantics)
        return {key: values[copy] for key, copy in copies.items()}
