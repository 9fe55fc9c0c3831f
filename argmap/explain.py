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
"""

from __future__ import annotations

import html
from collections.abc import Mapping

import attrs

from argmap.errors import MapError
from argmap.model import ArgumentMap, short_repr
from argmap.report import Problem
from argmap.semantics import Evaluation, Label, Semantics, evaluate

__all__ = ["Explanation", "Step", "explain"]

_VERB: dict[str, dict[str, str]] = {
    "statement": {"in": "holds", "out": "does not hold", "undecided": "is undecided"},
    "reason": {"in": "applies", "out": "does not apply", "undecided": "is undecided"},
    "attack": {"in": "succeeds", "out": "is defeated", "undecided": "is undecided"},
}


@attrs.frozen
class Step:
    """One node of the explanation and what decides its label.

    ``kind`` is ``"statement"``, ``"reason"`` (an inference), ``"attack"`` (a
    conflict; ``text`` is its source's text), ``"accepted"`` or ``"rejected"`` (the
    position decides), or ``"seen"`` (explained above; ``cycle`` when it is one of its
    own grounds; ``source`` names an attack's source statement). ``note`` says in
    words why, and ``because`` holds the steps it rests on."""

    kind: str
    id: str
    text: str
    label: Label
    because: tuple[Step, ...] = ()
    note: str = ""
    cycle: bool = False
    source: str = ""
    """An attack's source statement (empty for other kinds)."""

    def sentence(self) -> str:
        """This step in one sentence (without its grounds)."""
        if self.kind in ("accepted", "rejected"):
            return f"{_quoted(self.text, self.id)} is {self.kind} in the position."
        if self.kind == "seen":
            where = "a cycle: it is one of its own grounds" if self.cycle else "see above"
            return f"{_quoted(self.text, self.id)} is {self.label} ({where})."
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

    def lines(self, depth: int = 0) -> list[str]:
        """The sentences of this step and its grounds, indented by depth."""
        out = ["  " * depth + self.sentence()]
        stack: list[tuple[Step, int]] = [(s, depth + 1) for s in reversed(self.because)]
        while stack:
            step, level = stack.pop()
            out.append("  " * level + step.sentence())
            stack.extend((s, level + 1) for s in reversed(step.because))
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
            cls = html.escape(item.label, quote=True)
            parts.append(f'<span class="argmap-{cls}">{sentence}</span>')
            if item.because:
                parts.append("<ul>")
                stack.append("</ul>")
                for child in reversed(item.because):
                    stack.extend(["</li>", child, "<li>"])
        return "".join(parts)


@attrs.frozen
class Explanation:
    """Why ``id`` has ``label`` under ``semantics``: ``step`` is the root of the trace."""

    id: str
    label: Label
    semantics: Semantics
    step: Step
    evaluation: Evaluation = attrs.field(eq=False, repr=False)

    @property
    def steps(self) -> tuple[Step, ...]:
        """Every step, depth first from the root."""
        found: list[Step] = []
        stack = [self.step]
        while stack:
            step = stack.pop()
            found.append(step)
            stack.extend(reversed(step.because))
        return tuple(found)

    def __str__(self) -> str:
        head = f"Why {self.id!r} is {self.label} ({self.semantics} semantics):"
        return "\n".join([head, *self.step.lines(1)])

    def _repr_html_(self) -> str:
        """Jupyter's display: the account as nested lists."""
        head = html.escape(f"Why {self.id!r} is {self.label} ({self.semantics} semantics)")
        return f"<div><p>{head}</p><ul><li>{self.step.html()}</li></ul></div>"


def _quoted(text: str, id: str | None) -> str:
    """A text in quotes and its id in brackets, on one line (runs of white space,
    newlines included, shown as one space)."""
    text = " ".join(text.split())
    shown = f'"{text}"' if text else ""
    if id is not None:
        id = " ".join(id.split()) or repr(id)
    if id is None:
        return shown
    return f"{shown} [{id}]" if shown else f"[{id}]"


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
        if id in self.map.statements:
            return self.map.statements[id].text
        if id in self.map.inferences:
            inference = self.map.inferences[id]
            if inference.label:
                return inference.label
            premises = " and ".join(self._text_of(p) for p in inference.premises)
            return f"{premises} so {self._text_of(inference.conclusion)}"
        return self._text_of(self.map.conflicts[id].source)

    def _text_of(self, statement: str) -> str:
        node = self.map.statements.get(statement)
        return node.text if node is not None else statement

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


def explain(
    map: ArgumentMap,
    id: str,
    *,
    semantics: Semantics = "grounded",
    position: Mapping[str, bool] | None = None,
) -> Explanation:
    """Why ``id`` (a statement, inference or conflict of ``map``) is ``in``, ``out`` or
    ``undecided`` under ``semantics`` and ``position``: a trace of the labelling of
    :func:`argmap.semantics.evaluate`, in statement texts (see the module docstring for
    what it shows and the papers it follows).

    Raises :class:`~argmap.errors.MapError` for an unknown id (``unknown-reference``)
    and as :func:`~argmap.semantics.evaluate` does."""
    evaluation = evaluate(map, semantics=semantics, position=position)
    if not isinstance(id, str) or id not in evaluation.labels:
        message = f"explain names unknown statement {short_repr(id)}."
        raise MapError([Problem("unknown-reference", "error", (str(id),), message)])
    tracer = _Tracer(map, evaluation, dict(position or {}))
    step = tracer.trace(id)
    return Explanation(id, evaluation.labels[id], semantics, step, evaluation)
