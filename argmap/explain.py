"""Why a statement stands: an explanation that traces the labelling.

:func:`explain` reads the labels of :func:`argmap.semantics.evaluate` against the
structure of the map and writes down, in statement texts, the part of the labelling
that decides one node. It follows the translation of :mod:`argmap.semantics` (support
as necessary support, Nouioua & Risch, ICTAI 2010 and SUM 2011; Cayrol &
Lagasquie-Schiex, IJAR 54(7), 2013; ASPIC+'s "last inference", Modgil & Prakken, AIJ
195, 2013) and the conditions of a complete labelling (M. Caminada, "On the issue of
reinstatement in argumentation", JELIA 2006; Modgil & Caminada, "Proof theories and
algorithms for abstract argumentation frameworks", 2009): a node is ``in`` when every
attacker is ``out``, ``out`` when some attacker is ``in``, ``undecided`` otherwise.
Read through the translation, that says:

* a statement is ``in`` when it is accepted by the position, or when one of its
  reasons (if it has any) is ``in`` and every attack on it is ``out``; it is ``out``
  when it is rejected, when some attack on it is ``in``, or when it has reasons and
  none of them is ``in``-capable (all are ``out``);
* a reason (an inference) is ``in`` when all its premises are ``in`` and every
  undercut is ``out``; ``out`` when a premise is ``out`` or an undercut is ``in``;
* an attack (a conflict) succeeds when its source holds and no attack on the attack
  succeeds.

So an explanation of an ``in`` statement names an ``in`` reason whose premises are
all ``in`` (down to the leaves), and every attacker, each shown ``out`` with what
defeats it; an ``out`` statement names the ``in`` attack that defeats it, or shows that
none of its reasons applies; an ``undecided`` one names the undecided attackers or
reasons, which lead round a cycle. Under grounded semantics (and complete, whose
sceptical labels are the grounded ones) these conditions hold exactly. Under
preferred and stable semantics the labels are sceptical (``in`` in every extension,
``out`` when every extension defeats it): an ``in`` node's attackers are still all
``out``, but an ``out`` node may be defeated by different attackers in different
extensions (floating defeat), and a statement may be carried by different reasons in
different extensions; the explanation then lists the candidates, undecided, and says
so.

Each node is explained once; a later mention is a ``"see above"`` step (kind
``"seen"``), so the explanation of any node is linear in the size of the map and
cycles end.

**Gradual strengths.** With a gradual ``semantics`` (a name of
:data:`argmap.gradual.SEMANTICS`) the explanation says what raised and lowered a
strength of :func:`argmap.strengths.strengths`, and by how much. A gradual semantics
is modular (Mossakowski & Neuhaus, 2018): a strength is an update rule applied to the
argument's base score and its neighbours' strengths. Each step therefore gives the
strength of the argument it stands for, its base score and whether that base is a
default, and every incoming relation of that argument in the map's QBAF (the reasons
for a statement, the premises of an inference, the source of an attacked conflict, and
the conflicts attacking it), each with its *effect*: the strength minus the one the
update rule gives with that relation dropped and every other neighbour held (exact on
an acyclic map, first order on a cycle; see :mod:`argmap._strength_trace`). Re-applying
the rule to a step's base score and its listed contributors' strengths gives its
strength. Contributors are sorted by ``|effect|``; the explanation follows the strongest,
breadth first, so the budget goes to what matters most near the root:

* a step shows at most five contributors; the rest, and any whose ``|effect|`` is
  under 0.005, are kept in ``Step.minor`` and summarised in one line ("and 3 more
  reasons with smaller effects"). Each shown step costs one application of the rule
  per distinct neighbour, and a node with more than 64 distinct neighbours has only
  the effects computed that can be among its five largest, so explaining the thesis
  of a map of 1,000 statements takes a fraction of a second;
* it goes at most four levels below the root and stops at about 40 lines; a step not
  followed further says so;
* each argument is explained once ("see above", or "see below" when the breadth-first
  order met it first in a later branch); a cycle is named.

``position`` fixes statements (accepted: base score 1, rejected: 0, and nothing
supports or attacks them any more, as :func:`argmap.strengths.strengths` does with
``fixed``); the account says so. A gradual semantics labels nothing: ``label`` is
``None`` for the explanation and its steps, and ``strength`` carries the verdict.
"""

from __future__ import annotations

import html
from collections import deque
from collections.abc import Mapping
from typing import TypeGuard

import attrs

from argmap._strength_trace import Contribution, StrengthTrace
from argmap._wording import VERB as _VERB
from argmap._wording import node_text as _text
from argmap._wording import quoted as _quoted
from argmap.errors import MapError
from argmap.gradual import SEMANTICS as GRADUAL_SEMANTICS
from argmap.model import ArgumentMap, short_repr
from argmap.report import Problem
from argmap.semantics import SEMANTICS as DUNG_SEMANTICS
from argmap.semantics import Evaluation, Label, Semantics, evaluate
from argmap.strengths import Strengths

__all__ = ["Explanation", "Step", "explain"]

_MIN_EFFECT = 0.005
"""Contributors moving a strength by less than this are summarised, not shown."""
_BREADTH = 5
"""At most this many contributors are shown per step; the rest are summarised."""
_DEPTH = 4
"""Gradual explanations follow contributors at most this many levels below the root."""
_LINES = 40
"""A gradual explanation stops following contributors at about this many lines."""
_PLURAL = {"reason": "reasons", "premise": "premises", "source": "sources", "attack": "attacks"}


@attrs.frozen
class Step:
    """One node of the explanation and what decides its label (or strength).

    ``kind`` is ``"statement"``, ``"reason"`` (an inference), ``"attack"`` (a
    conflict; ``text`` is its source's text), ``"accepted"`` or ``"rejected"`` (the
    position decides), or ``"seen"`` (explained above; ``cycle`` when it is one of its
    own grounds; ``source`` names an attack's source statement). ``note`` says in
    words why, and ``because`` holds the steps it rests on.

    Under a gradual semantics ``label`` is ``None`` and the numeric fields are set:
    ``strength`` and ``base`` of the argument the step stands for (for an attack, the
    conflict when it is attacked itself, else its source), ``default`` when that base
    is a default, ``effect`` how much the step changes its parent's strength (``None``
    at the root, and for a ``minor`` contributor of a node with very many neighbours
    whose effect is only known to be smaller than those shown; see
    :meth:`argmap._strength_trace.StrengthTrace.contributions`), ``fixed`` when the
    position accepts (True) or rejects (False) it.
    ``kind`` is the step's role: ``"statement"`` (the root), ``"reason"``,
    ``"premise"`` (a premise of the inference above), ``"source"`` (the source of the
    attacked conflict above) or ``"attack"``. ``expanded`` says that ``because`` and
    ``minor`` together list every contributor (``because`` the ones shown, largest
    ``|effect|`` first, ``minor`` the ones summarised in one line); a step that is not
    expanded says why in ``note`` (``"see above"``, ``"see below"``, ``"not followed
    further"``) or is a ``cycle``."""

    kind: str
    id: str
    text: str
    label: Label | None
    because: tuple[Step, ...] = ()
    note: str = ""
    cycle: bool = False
    source: str = ""
    """An attack's source statement (empty for other kinds)."""
    strength: float | None = None
    base: float | None = None
    default: bool = False
    effect: float | None = None
    fixed: bool | None = None
    expanded: bool = False
    minor: tuple[Step, ...] = ()

    def sentence(self) -> str:
        """This step in one sentence (without its grounds)."""
        if self.strength is not None:
            return self._gradual_sentence(self.strength)
        if self.kind in ("accepted", "rejected"):
            return f"{_quoted(self.text, self.id)} is {self.kind} in the position."
        if self.kind == "seen":
            where = "a cycle: it is one of its own grounds" if self.cycle else "see above"
            return f"{_quoted(self.text, self.id)} is {self.label} ({where})."
        assert self.label is not None
        verb = _VERB[self.kind][self.label]
        if self.kind == "reason":
            head = f"the reason {_quoted(self.text, self.id)} {verb}"
        elif self.kind == "attack":
            source = _quoted(self.text, self.source or None)
            head = f"the attack {_quoted('', self.id)} from {source} {verb}"
        else:
            head = f"{_quoted(self.text, self.id)} {verb}"
        head = head[0].upper() + head[1:]
        return f"{head}: {self.note}." if self.note else f"{head}."

    def _gradual_sentence(self, strength: float) -> str:
        if self.kind == "attack":
            source = _quoted(self.text, self.source or None)
            name = f"the attack {_quoted('', self.id)} from {source}"
        elif self.kind in ("reason", "premise"):
            name = f"the {self.kind} {_quoted(self.text, self.id)}"
        elif self.kind == "source":
            name = f"its source {_quoted(self.text, self.id)}"
        else:
            name = _quoted(self.text, self.id)
        if self.effect is None:
            head = f"{name} has strength {strength:.2f}"
            head = head[0].upper() + head[1:]
        else:
            verb = "Raised" if self.effect > 0 else "Lowered" if self.effect < 0 else "Unchanged"
            by = f" by {abs(self.effect):.2f}" if self.effect else ""
            head = f"{verb}{by} by {name}, strength {strength:.2f}"
        based = f"base {self.base:.2f}" if self.base is not None else ""
        based += ", a default" if self.default else ""
        if self.fixed is not None:
            detail = "accepted" if self.fixed else "rejected"
            detail += f" in the position: fixed at {int(self.fixed)}"
        elif self.cycle:
            detail = "a cycle: it is one of its own grounds"
        elif not self.expanded:
            detail = self.note if self.note != "not followed further" else f"{based}; {self.note}"
        elif self.because or self.minor:
            detail = based
        else:
            detail = f"{based}; nothing supports or attacks it"
        return f"{head} ({detail})."

    def summary(self) -> str:
        """The one line that stands for ``minor`` (empty without it)."""
        if not self.minor:
            return ""
        counts: dict[str, int] = {}
        for step in self.minor:
            counts[step.kind] = counts.get(step.kind, 0) + 1
        parts = [f"{n} {_PLURAL.get(kind, kind) if n > 1 else kind}" for kind, n in counts.items()]
        listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
        if self.because:
            return f"And {listed.replace(' ', ' more ', 1)} with smaller effects."
        return f"{listed[0].upper()}{listed[1:]}, each with an effect under {_MIN_EFFECT}."

    def lines(self, depth: int = 0) -> list[str]:
        """The sentences of this step and its grounds, indented by depth."""
        out: list[str] = []
        stack: list[tuple[Step | str, int]] = [(self, depth)]
        while stack:
            item, level = stack.pop()
            if isinstance(item, str):
                out.append("  " * level + item)
                continue
            out.append("  " * level + item.sentence())
            if item.minor:
                stack.append((item.summary(), level + 1))
            stack.extend((s, level + 1) for s in reversed(item.because))
        return out

    def html(self) -> str:
        """This step and its grounds as nested HTML lists (texts escaped)."""
        parts: list[str] = []
        stack: list[Step | str] = [self]
        while stack:
            item = stack.pop()
            if isinstance(item, str):
                parts.append(item)
                continue
            sentence = html.escape(item.sentence(), quote=True)
            cls = html.escape(item._css(), quote=True)
            parts.append(f'<span class="argmap-{cls}">{sentence}</span>')
            if item.because or item.minor:
                parts.append("<ul>")
                stack.append("</ul>")
                if item.minor:
                    summary = html.escape(item.summary(), quote=True)
                    stack.append(f'<li><span class="argmap-minor">{summary}</span></li>')
                for child in reversed(item.because):
                    stack.extend(["</li>", child, "<li>"])
        return "".join(parts)

    def _css(self) -> str:
        if self.label is not None:
            return self.label
        if self.effect:
            return "raised" if self.effect > 0 else "lowered"
        return "strength"


@attrs.frozen
class Explanation:
    """Why ``id`` has ``label`` (a Dung semantics) or ``strength`` (a gradual one) under
    ``semantics``: ``step`` is the root of the trace, ``evaluation`` what was traced
    (an :class:`~argmap.semantics.Evaluation` or the
    :class:`~argmap.strengths.Strengths`). ``label`` is ``None`` under a gradual
    semantics, ``strength`` ``None`` under a Dung one."""

    id: str
    label: Label | None
    semantics: str
    step: Step
    evaluation: Evaluation | Strengths = attrs.field(eq=False, repr=False)
    strength: float | None = None

    @property
    def steps(self) -> tuple[Step, ...]:
        """Every step shown, depth first from the root (not the ``minor`` ones)."""
        found: list[Step] = []
        stack = [self.step]
        while stack:
            step = stack.pop()
            found.append(step)
            stack.extend(reversed(step.because))
        return tuple(found)

    def _head(self) -> str:
        if self.strength is None:
            return f"Why {self.id!r} is {self.label} ({self.semantics} semantics)"
        ignores = ", which ignores support" if self.semantics == "h-categoriser" else ""
        shown = f"{self.strength:.2f}"
        return f"Why {self.id!r} has strength {shown} ({self.semantics} semantics{ignores})"

    def __str__(self) -> str:
        return "\n".join([self._head() + ":", *self.step.lines(1)])

    def _repr_html_(self) -> str:
        """Jupyter's display: the account as nested lists."""
        head = html.escape(self._head(), quote=True)
        return f"<div><p>{head}</p><ul><li>{self.step.html()}</li></ul></div>"


_Plan = tuple[str, list[str], str]


class _Tracer:
    def __init__(
        self, map: ArgumentMap, evaluation: Evaluation, position: Mapping[str, bool]
    ) -> None:
        self.map = map
        self.labels = evaluation.labels
        self.position = position
        self.reasons: dict[str, list[str]] = {}
        for inference in map.inferences.values():
            self.reasons.setdefault(inference.conclusion, []).append(inference.id)
        self.attacks: dict[str, list[str]] = {}
        for conflict in map.conflicts.values():
            self.attacks.setdefault(conflict.target, []).append(conflict.id)
        self.flattened = {c.target for c in map.conflicts.values() if c.target in map.conflicts}

    def text(self, id: str) -> str:
        return _text(self.map, id)

    def kind(self, id: str) -> str:
        if id in self.map.statements:
            return "statement"
        return "reason" if id in self.map.inferences else "attack"

    def plan(self, id: str) -> _Plan:
        """Why ``id`` has its label: a note, the ids it rests on, and the position's
        verdict (``"accepted"``, ``"rejected"`` or ``""``)."""
        label = self.labels[id]
        if id in self.map.statements:
            return self.statement(id, label)
        if id in self.map.inferences:
            return self.inference(id, label)
        return self.conflict(id, label)

    def trace(self, root: str) -> Step:
        """The explanation of ``root``, depth first; each node is expanded at its first
        mention only. Iterative, so a long chain of reasons needs no deep recursion."""
        frames: list[tuple[str, str, list[str], list[Step], str]] = []
        done: set[str] = set()
        path: set[str] = set()

        def open_(id: str) -> Step | None:
            if id in done:
                return Step("seen", id, self.text(id), self.labels[id], cycle=id in path)
            done.add(id)
            path.add(id)
            note, chosen, verdict = self.plan(id)
            frames.append((id, note, chosen, [], verdict))
            return None

        result = open_(root)
        while frames:
            id, note, chosen, built, verdict = frames[-1]
            if len(built) < len(chosen):
                child = open_(chosen[len(built)])
                if child is not None:
                    built.append(child)
                continue
            frames.pop()
            path.discard(id)
            label, text = self.labels[id], self.text(id)
            if verdict:
                built.append(Step(verdict, id, text, label))
            source = self.map.conflicts[id].source if id in self.map.conflicts else ""
            step = Step(self.kind(id), id, text, label, tuple(built), note, source=source)
            if frames:
                frames[-1][3].append(step)
            else:
                result = step
        assert result is not None
        return result

    def _pick(self, ids: list[str], label: Label) -> list[str]:
        return [i for i in ids if self.labels[i] == label]

    def statement(self, id: str, label: Label) -> _Plan:
        if id in self.position:
            kind = "accepted" if self.position[id] else "rejected"
            return "", [], kind
        reasons = self.reasons.get(id, [])
        attacks = self.attacks.get(id, [])
        chosen: list[str]
        if label == "in":
            carrying = self._pick(reasons, "in")
            if not reasons:
                note = "it is a starting point"
                chosen = []
            elif carrying:
                note = "a reason for it applies"
                chosen = carrying[:1]
            else:  # sceptical: carried by different reasons in different extensions
                note = "in every extension one of its reasons applies, not always the same"
                chosen = [r for r in reasons if self.labels[r] != "out"]
            if attacks:
                note += " and every attack on it is defeated"
            else:
                note += " and nothing attacks it"
            chosen += attacks
        elif label == "out":
            winning = self._pick(attacks, "in")
            if winning:
                note, chosen = "an attack on it succeeds", winning[:1]
            elif reasons and all(self.labels[r] == "out" for r in reasons):
                note, chosen = "none of its reasons applies", list(reasons)
            else:  # sceptical: defeated in every extension, not always the same way
                note = "every extension defeats it, not always in the same way"
                chosen = [a for a in attacks if self.labels[a] != "out"]
                chosen += [r for r in reasons if self.labels[r] != "in"]
        else:
            chosen = [a for a in attacks if self.labels[a] == "undecided"]
            if not self._pick(reasons, "in"):
                chosen += self._pick(reasons, "undecided")
            note = "an attack or reason it depends on is undecided" if chosen else ""
            if not chosen:
                note = "the semantics decides nothing here (no extension)"
        return note, chosen, ""

    def inference(self, id: str, label: Label) -> _Plan:
        premises = list(dict.fromkeys(self.map.inferences[id].premises))
        undercuts = self.attacks.get(id, [])
        chosen: list[str]
        if label == "in":
            chosen = premises + undercuts
            note = "all its premises hold"
            if undercuts:
                note += " and every undercut is defeated"
        elif label == "out":
            failing = self._pick(premises, "out")
            winning = self._pick(undercuts, "in")
            if failing:
                note, chosen = "a premise does not hold", failing[:1]
            elif winning:
                note, chosen = "an undercut succeeds", winning[:1]
            else:
                note = "every extension defeats it, not always in the same way"
                chosen = [p for p in premises if self.labels[p] != "in"]
                chosen += [u for u in undercuts if self.labels[u] != "out"]
        else:
            chosen = self._pick(premises, "undecided") + self._pick(undercuts, "undecided")
            note = "a premise or undercut is undecided" if chosen else ""
            if not chosen:
                note = "the semantics decides nothing here (no extension)"
        return note, chosen, ""

    def conflict(self, id: str, label: Label) -> _Plan:
        source = self.map.conflicts[id].source
        counters = self.attacks.get(id, []) if id in self.flattened else []
        chosen: list[str]
        if label == "in":
            chosen = [source, *counters]
            note = "its source holds"
            if counters:
                note += " and every attack on it is defeated"
        elif label == "out":
            winning = self._pick(counters, "in")
            if self.labels[source] == "out":
                note, chosen = "its source does not hold", [source]
            elif winning:
                note, chosen = "an attack on it succeeds", winning[:1]
            else:
                note = "every extension defeats it, not always in the same way"
                chosen = [source] if self.labels[source] != "in" else []
                chosen += [c for c in counters if self.labels[c] != "out"]
        else:
            chosen = [source] if self.labels[source] == "undecided" else []
            chosen += self._pick(counters, "undecided")
            note = "its source or an attack on it is undecided" if chosen else ""
            if not chosen:
                note = "the semantics decides nothing here (no extension)"
        return note, chosen, ""


class _Draft:
    """A gradual step being built (mutable until the breadth-first walk is done)."""

    def __init__(
        self,
        kind: str,
        id: str,
        argument: str,
        effect: float | None,
        parent: _Draft | None,
    ) -> None:
        self.kind = kind
        self.id = id
        self.argument = argument
        self.effect = effect
        self.parent = parent
        self.depth: int = 0 if parent is None else parent.depth + 1
        self.children: list[_Draft] = []
        self.minor: list[_Draft] = []
        self.expanded = False
        self.note = ""
        self.cycle = False

    def ancestors(self) -> set[str]:
        found: set[str] = set()
        node = self.parent
        while node is not None:
            found.add(node.argument)
            node = node.parent
        return found


class _GradualTracer:
    """Builds the explanation of a strength from a :class:`StrengthTrace`: breadth
    first from the root, strongest contributors first, within the limits of the module
    docstring."""

    def __init__(self, map: ArgumentMap, trace: StrengthTrace) -> None:
        self.map = map
        self.numbers = trace

    def _draft(self, contribution: Contribution, parent: _Draft) -> _Draft:
        c = contribution
        return _Draft(c.role, c.relation, c.argument, c.effect, parent)

    def trace(self, id: str) -> Step:
        kind = "attack" if id in self.map.conflicts else "statement"
        kind = "reason" if id in self.map.inferences else kind
        root = _Draft(kind, id, self.numbers.argument(id), None, None)
        queue = deque([root])
        first: dict[str, _Draft] = {}
        lines = 1
        while queue:
            draft = queue.popleft()
            if draft.argument in first:
                draft.cycle = draft.argument in draft.ancestors()
                continue
            deep = draft.depth >= _DEPTH and self.numbers.has_contributors(draft.argument)
            contributions = [] if deep else self.numbers.contributions(draft.argument, top=_BREADTH)
            top = contributions[:_BREADTH]
            shown = [c for c in top if c.effect is not None and abs(c.effect) >= _MIN_EFFECT]
            cost = len(shown) + (len(contributions) > len(shown))
            if draft is not root and (deep or lines + cost > _LINES):
                draft.note = "not followed further"
                continue
            first[draft.argument] = draft
            draft.expanded = True
            lines += cost
            draft.children = [self._draft(c, draft) for c in shown]
            draft.minor = [self._draft(c, draft) for c in contributions[len(shown) :]]
            queue.extend(draft.children)
        self._place(root, first)
        return self._freeze(root)

    @staticmethod
    def _place(root: _Draft, first: dict[str, _Draft]) -> None:
        """Say, in print order, whether each repeat's explanation is above or below."""
        printed: set[str] = set()
        stack = [root]
        while stack:
            draft = stack.pop()
            if draft.expanded:
                printed.add(draft.argument)
            elif draft.argument in first and not draft.cycle:
                draft.note = "see above" if draft.argument in printed else "see below"
            stack.extend(reversed(draft.children))

    def _freeze(self, draft: _Draft) -> Step:
        numbers, map = self.numbers, self.map
        argument = draft.argument
        source = map.conflicts[draft.id].source if draft.kind == "attack" else ""
        return Step(
            draft.kind,
            draft.id,
            _text(map, draft.id),
            None,
            tuple(self._freeze(child) for child in draft.children),
            draft.note,
            draft.cycle,
            source,
            strength=numbers.strength(argument),
            base=numbers.base(argument),
            default=numbers.default(argument),
            effect=draft.effect,
            fixed=numbers.fixed.get(argument),
            expanded=draft.expanded,
            minor=tuple(self._freeze(child) for child in draft.minor),
        )


def _is_dung(semantics: object) -> TypeGuard[Semantics]:
    return isinstance(semantics, str) and semantics in DUNG_SEMANTICS


def _unknown(id: object) -> MapError:
    message = f"explain names unknown statement {short_repr(id)}."
    return MapError([Problem("unknown-reference", "error", (str(id),), message)])


def explain(
    map: ArgumentMap,
    id: str,
    *,
    semantics: str = "grounded",
    position: Mapping[str, bool] | None = None,
    base: Mapping[str, float] | None = None,
) -> Explanation:
    """Why ``id`` (a statement, inference or conflict of ``map``) is ``in``, ``out`` or
    ``undecided`` under a Dung ``semantics`` (:data:`argmap.semantics.SEMANTICS`) and
    ``position``: a trace of the labelling of :func:`argmap.semantics.evaluate`; or,
    under a gradual ``semantics`` (:data:`argmap.gradual.SEMANTICS`), what raised and
    lowered its strength in :func:`argmap.strengths.strengths` with ``base`` scores and
    ``position`` as ``fixed``, and by how much. In statement texts; see the module
    docstring for what it shows, its limits, and the papers it follows.

    Raises :class:`~argmap.errors.MapError` for an unknown id (``unknown-reference``),
    an unknown semantics (``unknown-semantics``), base scores with a Dung semantics
    (``invalid-value``), and as :func:`~argmap.semantics.evaluate` and
    :func:`~argmap.strengths.strengths` do."""
    if isinstance(semantics, str) and semantics in GRADUAL_SEMANTICS:
        numbers = StrengthTrace(map, semantics=semantics, base=base, fixed=position)
        if not isinstance(id, str) or id not in map:
            raise _unknown(id)
        step = _GradualTracer(map, numbers).trace(id)
        return Explanation(id, None, semantics, step, numbers.result, strength=step.strength)
    if not _is_dung(semantics):
        names = ", ".join(repr(name) for name in (*DUNG_SEMANTICS, *GRADUAL_SEMANTICS))
        message = f"unknown semantics {short_repr(semantics)}; choose one of {names}."
        raise MapError([Problem("unknown-semantics", "error", (), message)])
    if base is not None:
        message = f"base scores apply to gradual semantics only, not to {semantics!r}."
        raise MapError([Problem("invalid-value", "error", (), message)])
    evaluation = evaluate(map, semantics=semantics, position=position)
    if not isinstance(id, str) or id not in evaluation.labels:
        raise _unknown(id)
    tracer = _Tracer(map, evaluation, dict(position or {}))
    step = tracer.trace(id)
    return Explanation(id, evaluation.labels[id], semantics, step, evaluation)
