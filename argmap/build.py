"""The authoring builder: the verbs people use when they take a text apart.

>>> b = MapBuilder("Tea or coffee?")
>>> b.claim("tea", "Tea is the better breakfast drink.", thesis=True)
'tea'
>>> b.premise("calm", "Tea wakes you up without the jitters.")
'calm'
>>> b.support("tea", "calm")
'inf1'
>>> b.build()
<ArgumentMap 'Tea or coffee?': 2 statements, 1 inferences, 0 conflicts, theses=['tea']>

Nothing is checked until :meth:`MapBuilder.build`, which reports every unknown id,
every duplicate id and every ill-typed value at once in one :class:`~argmap.MapError`.
"""

from __future__ import annotations

import numbers
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from argmap.check import node_reference_problems, reference_problems
from argmap.errors import MapError
from argmap.model import (
    ArgumentMap,
    Conflict,
    ConflictKind,
    Inference,
    Quote,
    Stance,
    Statement,
    short_repr,
)
from argmap.report import Problem

__all__ = ["SAYING_SLOTS", "MapBuilder"]

SAYING_SLOTS: Mapping[str, str] = {
    "position-to-know": "assertion",
    "expert-opinion": "assertion",
    "testimony": "statement",
    "popular-opinion": "acceptance",
}
"""The schemes by which a reported view follows from its saying, and the slot of each
that the saying fills (see :meth:`MapBuilder.says`)."""


def _is_score(value: object) -> bool:
    """A real number (not a bool) in [0, 1]; NaN fails both comparisons."""
    return (
        isinstance(value, numbers.Real)
        and not isinstance(value, bool)
        and 0.0 <= float(value) <= 1.0
    )


class MapBuilder:
    """Collects statements, inferences and conflicts, then builds an :class:`ArgumentMap`.

    Ids given by the author are kept; ids the builder makes (``inf1``, ``con1``, ...)
    depend only on the order of calls, so the same calls always give the same map.
    """

    def __init__(self, title: str, source: str | None = None) -> None:
        self.title = title
        self.source = source
        self._statements: dict[str, Statement] = {}
        self._inferences: dict[str, Inference] = {}
        self._conflicts: dict[str, Conflict] = {}
        self._theses: list[str] = []
        self._problems: list[Problem] = []
        self._rejected: list[Inference | Conflict] = []
        self._counters = {"inf": 0, "con": 0}

    # -- statements -------------------------------------------------------------------

    def claim(
        self,
        id: str,
        text: str,
        *,
        quote: str | None = None,
        tags: Iterable[str] = (),
        thesis: bool = False,
        data: Mapping[str, Any] | None = None,
        speaker: str | None = None,
        stance: Stance = "asserted",
        base: float | None = None,
    ) -> str:
        """Add a statement that is argued for; ``thesis=True`` makes it a thesis of the map.

        ``speaker`` is who holds it in the text (``None``: the author), ``stance`` how
        the author stands to it: ``"asserted"``, ``"reported"``, ``"hedged"`` ("may",
        "it is possible to say") or ``"conceded"`` ("that said"). ``base`` is its base
        score for the gradual semantics, a number in [0, 1] kept as ``data["base"]``;
        without it, the default of its stance (:data:`argmap.strengths.DEFAULT_BASES`)."""
        data = self._with_base(id, data, base)
        self._statement(id, text, quote, tags, data, speaker, stance)
        if thesis:
            self.thesis(id)
        return id

    def premise(
        self,
        id: str,
        text: str,
        *,
        quote: str | None = None,
        tags: Iterable[str] = (),
        data: Mapping[str, Any] | None = None,
        speaker: str | None = None,
        stance: Stance = "asserted",
        base: float | None = None,
    ) -> str:
        """Add a statement that is given as a reason (its role comes from how it is used);
        ``speaker``, ``stance`` and ``base`` as for :meth:`claim`."""
        data = self._with_base(id, data, base)
        return self._statement(id, text, quote, tags, data, speaker, stance)

    def says(
        self,
        speaker: str,
        id: str,
        text: str,
        *,
        quote: str | None = None,
        saying: str | None = None,
        saying_text: str | None = None,
        saying_quote: str | None = None,
        scheme: str = "position-to-know",
        slots: Mapping[str, str] | None = None,
        stance: Stance = "reported",
        tags: Iterable[str] = (),
        inference: str | None = None,
        data: Mapping[str, Any] | None = None,
    ) -> str:
        """Add a view that ``speaker`` holds in the text, the way argumentation theory
        models reported speech: an asserted statement "``speaker`` says that p" (id
        ``saying``, default ``"<id>.said"``), the view p itself (``id``, with
        ``speaker`` and ``stance``, ``"reported"`` unless the author concedes it), and
        an inference from the saying to p by ``scheme`` (a key of :data:`SAYING_SLOTS`:
        position to know, expert opinion, testimony or popular opinion), the saying
        filling the scheme's slot for it. ``slots`` adds premises for the scheme's other
        slots (say ``{"expert": "e_is_expert"}``). The view then stands exactly as well
        as its source: rejecting the saying, or raising a critical question against the
        inference, takes it down. ``data`` goes on the inference (say the connective that
        anchors it, or the slots the text leaves unstated).

        This is the reading of AIF+ and Inference Anchoring Theory (Reed, Wells,
        Devereux & Rowe, COMMA 2008; Budzynska & Reed 2011), with the schemes of Walton,
        Reed & Macagno, *Argumentation Schemes* (2008). Returns ``id``.
        """
        saying = f"{id}.said" if saying is None else saying
        if saying_text is None:
            saying_text = f"According to {speaker}: {text}"
        tags = tuple(tags) if not isinstance(tags, str) else (tags,)
        self._statement(saying, saying_text, saying_quote, tags, None, None, "asserted")
        self._statement(id, text, quote, tags, None, speaker, stance)
        filled = {SAYING_SLOTS.get(scheme, "assertion"): saying, **dict(slots or {})}
        premises = list(dict.fromkeys([saying, *filled.values()]))
        self.support(id, premises, id=inference, scheme=scheme, slots=filled, data=data)
        return id

    def thesis(self, id: str) -> str:
        """Mark a statement (added before or after) as a thesis of the map."""
        if id not in self._theses:
            self._theses.append(id)
        return id

    # -- relations --------------------------------------------------------------------

    def support(
        self,
        conclusion: str,
        premises: str | Iterable[str],
        *,
        id: str | None = None,
        label: str | None = None,
        scheme: str | None = None,
        data: Mapping[str, Any] | None = None,
        slots: Mapping[str, str] | None = None,
        implicit: bool = False,
        base: float | None = None,
    ) -> str:
        """Add an inference: ``premises`` (one id, or ids that work jointly) support ``conclusion``.

        Call it once per independent reason; returns the inference's id. ``scheme`` is a
        key of :data:`argmap.schemes.SCHEMES`, ``slots`` maps the scheme's premise slots
        to the premises that fill them, ``implicit=True`` marks an inference the text
        leaves unsaid, ``base`` is its base score (a number in [0, 1], kept as
        ``data["base"]``; without it :data:`argmap.strengths.DEFAULT_BASE`).
        """
        id, free = self._claim_id(id, "inf", "an inference")
        data = self._with_base(id, data, base)
        inference = Inference(id, premises, conclusion, scheme, label, data, slots, implicit)
        if free:
            self._inferences[id] = inference
        else:
            self._rejected.append(inference)
        return id

    def counter(
        self,
        target: str,
        source: str,
        *,
        id: str | None = None,
        data: Mapping[str, Any] | None = None,
        kind: ConflictKind | None = None,
        question: str | None = None,
        implicit: bool = False,
        base: float | None = None,
    ) -> str:
        """Add a conflict: statement ``source`` speaks against ``target``.

        ``target`` is a statement (a rebuttal or an undermining) or an inference id
        (an undercut). ``kind`` declares the kind meant (``check`` reports
        ``conflict-kind-mismatch`` where the structure says otherwise); ``question`` is
        the key of the critical question of the target inference's scheme that this
        undercut raises (Gordon, Prakken & Walton 2007); ``implicit=True`` marks a
        conflict the text leaves unsaid; ``base`` is its base score, used when the
        conflict is itself attacked and so becomes an argument (a number in [0, 1], kept
        as ``data["base"]``). Returns the conflict's id.
        """
        id, free = self._claim_id(id, "con", "a conflict")
        data = self._with_base(id, data, base)
        conflict = Conflict(id, source, target, data, kind, question, implicit)
        if free:
            self._conflicts[id] = conflict
        else:
            self._rejected.append(conflict)
        return id

    def contradict(self, a: str, b: str) -> tuple[str, str]:
        """Add a contradiction: two conflicts, ``a`` against ``b`` and ``b`` against ``a``."""
        return self.counter(b, a), self.counter(a, b)

    # -- the result -------------------------------------------------------------------

    def build(self) -> ArgumentMap:
        """The map; :class:`~argmap.MapError` lists every problem at once: ill-typed
        values (as :class:`~argmap.ArgumentMap` refuses them), unknown and duplicate ids,
        and a conflict's source or a thesis that is not a statement."""
        try:
            result = ArgumentMap(
                title=self.title,
                statements=self._statements,
                inferences=self._inferences,
                conflicts=self._conflicts,
                theses=tuple(self._theses),
                source=self.source,
            )
        except MapError as error:
            raise MapError([*self._problems, *error.problems, *self._references()]) from None
        problems = [*self._problems, *reference_problems(result)]
        for node in self._rejected:
            problems.extend(node_reference_problems(result, node))
        if problems:
            raise MapError(problems)
        return result

    # -- helpers ----------------------------------------------------------------------

    def _with_base(
        self, id: object, data: Mapping[str, Any] | None, base: object
    ) -> Mapping[str, Any] | None:
        """``data`` with ``"base": base`` when a base score is given; a base that is not a
        number in [0, 1] is noted as a problem (``invalid-base-score``) for :meth:`build`."""
        if base is None:
            return data
        if not isinstance(base, numbers.Real) or not _is_score(base):
            ids = (id,) if isinstance(id, str) else ()
            message = (
                f"the base score of {short_repr(id)} is {short_repr(base)}, not a number in [0, 1]."
            )
            self._problems.append(Problem("invalid-base-score", "error", ids, message))
            return data
        if data is not None and not isinstance(data, Mapping):
            return data  # ill-typed data: the map refuses it, naming the node
        return {**(data or {}), "base": float(base)}

    def _references(self) -> Iterator[Problem]:
        """The unknown references of every node and thesis given, for a map that could
        not be built (references that are not strings are reported as such already)."""
        for node in [*self._inferences.values(), *self._conflicts.values(), *self._rejected]:
            yield from node_reference_problems(self, node)
        for thesis in self._theses:
            if isinstance(thesis, str) and thesis not in self._statements:
                message = f"the thesis {thesis!r} is not a statement."
                yield Problem("unknown-reference", "error", (thesis,), message)

    @property
    def statements(self) -> Mapping[str, Statement]:
        """The statements added so far, by id."""
        return self._statements

    def __contains__(self, id: object) -> bool:
        return isinstance(id, str) and self._kind_of(id) is not None

    def _statement(
        self,
        id: str,
        text: str,
        quote: str | None,
        tags: Iterable[str],
        data: Mapping[str, Any] | None,
        speaker: str | None = None,
        stance: Stance = "asserted",
    ) -> str:
        if self._claim_id(id, "", "a statement")[1]:
            anchored = None
            if isinstance(quote, str) and isinstance(self.source, str):
                anchored = Quote.find(quote, self.source)
            elif quote is not None:
                anchored = Quote(quote)
            self._statements[id] = Statement(id, text, anchored, tags, data, speaker, stance)
        return id

    def _kind_of(self, id: str) -> str | None:
        for kind, nodes in (
            ("a statement", self._statements),
            ("an inference", self._inferences),
            ("a conflict", self._conflicts),
        ):
            if id in nodes:
                return kind
        return None

    def _claim_id(self, id: str | None, prefix: str, kind: str) -> tuple[str, bool]:
        """Reserve ``id`` (or make one): the id, and False (with a problem noted) if unusable."""
        if id is None and prefix:
            while True:
                self._counters[prefix] += 1
                made = f"{prefix}{self._counters[prefix]}"
                if self._kind_of(made) is None:
                    return made, True
        if not isinstance(id, str) or not id:
            self._problems.append(
                Problem("invalid-id", "error", (), f"{kind} was given the id {short_repr(id)}.")
            )
            return id if isinstance(id, str) else short_repr(id), False
        taken = self._kind_of(id)
        if taken is not None:
            self._problems.append(
                Problem(
                    "duplicate-id",
                    "error",
                    (id,),
                    (
                        f"two {kind.split(' ', 1)[1]}s have the id {id!r}: ids must be unique."
                        if taken == kind
                        else f"{id!r} names both {taken} and {kind}: ids must be unique."
                    ),
                )
            )
            return id, False
        return id, True
