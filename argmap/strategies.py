"""Hypothesis strategies for argument maps, for argmap's tests and for yours.

Every strategy here is valid by construction (no ``.filter`` over whole maps), so
it is fast and shrinks towards small, readable maps::

    from hypothesis import given
    from argmap import check
    from argmap.strategies import argument_maps

    @given(argument_maps(max_statements=10))
    def test_my_exporter_keeps_every_statement(m):
        assert set(my_export(m).ids) >= set(m.statements)

``st.from_type(ArgumentMap)`` and ``st.from_type(Statement)`` work too: argmap
registers these strategies through Hypothesis' plugin entry point.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import attrs
from hypothesis import strategies as st

from argmap.model import (
    CONFLICT_KINDS,
    STANCES,
    ArgumentMap,
    Conflict,
    ConflictKind,
    Inference,
    Quote,
    Stance,
    Statement,
)
from argmap.schemes import SCHEMES

__all__ = [
    "DEFECTS",
    "argument_maps",
    "ids",
    "positions",
    "schemes",
    "speakers",
    "stances",
    "statements",
    "texts",
]

DEFECTS = (
    "circular-support",
    "contradictory-premises",
    "support-and-attack",
    "self-conflict",
    "disconnected",
    "no-thesis",
    "quote-not-found",
    "unknown-reference",
    "duplicate-id",
    "no-premises",
    "empty-text",
)
"""The problems ``argument_maps(consistent=False)`` may plant, one per ``check`` code."""

_TAGS = ("leverage", "betrayal", "technical doubts", "background")
_SPEAKERS = ("experts", "Ankara", "NATO members", "some analysts", "Turkish officials")
_FREE_SCHEMES = ("argument from expert opinion", "sign", "Default Inference")
"""Scheme names that are not keys of SCHEMES: only in ``consistent=False`` maps, where
``check`` warns ``unknown-scheme`` about them."""


def stances() -> st.SearchStrategy[Stance]:
    """How the author stands to a statement: one of :data:`argmap.model.STANCES`,
    shrinking towards ``"asserted"``."""
    return st.sampled_from(STANCES)


def speakers() -> st.SearchStrategy[str | None]:
    """Who holds a statement in the text: ``None`` (the map's author, where it shrinks
    to) or a name such as ``"experts"`` or ``"Ankara"``."""
    return st.none() | st.sampled_from(_SPEAKERS)


def schemes(*, max_premises: int | None = None) -> st.SearchStrategy[str]:
    """Keys of :data:`argmap.schemes.SCHEMES` (Walton, Reed & Macagno 2008); with
    ``max_premises``, only schemes of at most that many premise slots, so that an
    inference with that many premises can fill every slot."""
    keys = [
        key
        for key, scheme in SCHEMES.items()
        if max_premises is None or len(scheme.premises) <= max_premises
    ]
    if not keys:
        raise ValueError(f"no scheme has at most {max_premises} premise slots")
    return st.sampled_from(keys)


def texts(*, min_size: int = 1, max_size: int = 60) -> st.SearchStrategy[str]:
    """Statement texts: any printable Unicode (quotes, backslashes, ``<>&{}``, emoji,
    every script) and line breaks, never blank."""
    visible = st.characters(exclude_categories=("Cc", "Cs", "Cn", "Zs", "Zl", "Zp"))
    anything = st.characters(exclude_categories=("Cc", "Cs", "Cn"), include_characters="\n")
    return st.builds(
        str.__add__,
        visible,
        st.text(anything, min_size=max(0, min_size - 1), max_size=max(0, max_size - 1)),
    )


def ids() -> st.SearchStrategy[str]:
    """Short ids in the style authors write them: ``nato_ties``, ``s400``."""
    return st.from_regex(r"[a-z][a-z0-9_]{0,11}", fullmatch=True)


def statements(
    *,
    ids: st.SearchStrategy[str] | None = None,
    texts: st.SearchStrategy[str] | None = None,
    tags: st.SearchStrategy[tuple[str, ...]] | None = None,
    speakers: st.SearchStrategy[str | None] | None = None,
    stances: st.SearchStrategy[Stance] | None = None,
) -> st.SearchStrategy[Statement]:
    """Single statements (no quote: a quote needs the map's source), with a speaker
    and a stance (by default from :func:`speakers` and :func:`stances`)."""
    return st.builds(
        Statement,
        id=ids if ids is not None else _module_ids(),
        text=texts if texts is not None else _module_texts(),
        tags=tags if tags is not None else _tag_tuples(),
        speaker=speakers if speakers is not None else _module_speakers(),
        stance=stances if stances is not None else _module_stances(),
    )


def _module_speakers() -> st.SearchStrategy[str | None]:
    return speakers()


def _module_stances() -> st.SearchStrategy[Stance]:
    return stances()


def _module_ids() -> st.SearchStrategy[str]:
    return ids()


def _module_texts() -> st.SearchStrategy[str]:
    return texts()


def _tag_tuples() -> st.SearchStrategy[tuple[str, ...]]:
    return st.lists(st.sampled_from(_TAGS), max_size=2, unique=True).map(tuple)


def argument_maps(
    *,
    min_statements: int = 1,
    max_statements: int = 30,
    consistent: bool = True,
    texts: st.SearchStrategy[str] | None = None,
    attribution: bool = True,
    schemes: bool = True,
    declared: bool = True,
) -> st.SearchStrategy[ArgumentMap]:
    """Argument maps of ``min_statements`` to ``max_statements`` statements.

    The faithfulness fields are drawn too, each switched off by its keyword:

    - ``attribution``: statements get speakers and stances (:func:`speakers`,
      :func:`stances`);
    - ``schemes``: inferences may name a key of :data:`argmap.schemes.SCHEMES`, with
      every premise slot filled by one of their premises, and undercuts may raise a
      critical question of the scheme of the inference they attack;
    - ``declared``: conflicts may declare their kind (the one the structure gives,
      or with ``consistent=False`` any kind), and inferences and conflicts may be
      marked implicit.

    All of them shrink away: to the author's assertions, no scheme, no declared kind.

    With ``consistent=True`` (the default) every map passes :func:`argmap.check`
    with no error and no warning: each statement after the theses attaches to an
    earlier one by exactly one relation (a new inference, a linked premise joining an
    inference, a rebuttal or undermining, an undercut, or a contradiction), which
    rules out cycles, conflicting premises and disconnected statements.
    With ``consistent=False``, zero or more of :data:`DEFECTS` are planted on top.
    """
    if not 1 <= min_statements <= max_statements:
        raise ValueError(
            f"need 1 <= min_statements <= max_statements, got {min_statements}, {max_statements}"
        )
    options = _Options(attribution, schemes, declared)
    return _maps(
        min_statements,
        max_statements,
        consistent,
        texts if texts is not None else _module_texts(),
        options,
    )


@attrs.frozen
class _Options:
    """Which faithfulness fields :func:`argument_maps` draws."""

    attribution: bool
    schemes: bool
    declared: bool


@st.composite
def _maps(
    draw: st.DrawFn,
    min_statements: int,
    max_statements: int,
    consistent: bool,
    texts: st.SearchStrategy[str],
    options: _Options,
) -> ArgumentMap:
    count = draw(st.integers(min_statements, max_statements))
    words = draw(st.lists(texts, min_size=count, max_size=count))
    theses = draw(st.integers(1, min(3, count)))
    statements: list[Statement] = []
    inferences: list[Inference] = []
    conflicts: list[Conflict] = []
    quotes: list[str] = []
    for n, text in enumerate(words):
        quote = None
        if draw(st.booleans()):
            quote = Quote(text)
            quotes.append(text)
        speaker: str | None = None
        stance: Stance = "asserted"
        if options.attribution:
            speaker, stance = draw(speakers()), draw(stances())
        statements.append(
            Statement(f"s{n}", text, quote, draw(_tag_tuples()), speaker=speaker, stance=stance)
        )
        if n < theses:
            continue
        kinds = ["support", "counter", "contradict"]
        if inferences:
            kinds += ["link", "undercut"]
        kind = draw(st.sampled_from(kinds))
        here = f"s{n}"
        if kind == "link":
            k = draw(st.integers(0, len(inferences) - 1))
            joined = inferences[k]
            inferences[k] = attrs.evolve(joined, premises=(*joined.premises, here))
        elif kind == "support":
            target = f"s{draw(st.integers(0, n - 1))}"
            inferences.append(Inference(f"i{len(inferences)}", (here,), target))
        elif kind == "undercut":
            target = inferences[draw(st.integers(0, len(inferences) - 1))].id
            conflicts.append(Conflict(f"c{len(conflicts)}", here, target))
        else:
            target = f"s{draw(st.integers(0, n - 1))}"
            conflicts.append(Conflict(f"c{len(conflicts)}", here, target))
            if kind == "contradict":
                conflicts.append(Conflict(f"c{len(conflicts)}", target, here))
    with_source: bool = bool(quotes) or draw(st.booleans())
    source = "\n\n".join(quotes) if with_source else None
    if source is not None:
        statements = [
            attrs.evolve(s, quote=Quote.find(s.quote.text, source)) if s.quote else s
            for s in statements
        ]
    inferences = [_with_scheme(draw, i, options, consistent) for i in inferences]
    result = ArgumentMap(
        title=draw(st.sampled_from(["", "generated map"])),
        statements=statements,
        inferences=inferences,
        conflicts=conflicts,
        theses=tuple(f"s{n}" for n in range(theses)),
        source=source,
    )
    if options.schemes or options.declared:
        result = _declared(draw, result, options, consistent)
    if consistent:
        return result
    for defect in draw(st.lists(st.sampled_from(DEFECTS), max_size=3, unique=True)):
        result = _plant(draw, result, defect)
    return result


def _with_scheme(
    draw: st.DrawFn, inference: Inference, options: _Options, consistent: bool
) -> Inference:
    """``inference`` with a scheme whose slots its premises fill, in order (or, with
    ``consistent=False``, sometimes a free-text scheme name), and maybe implicit."""
    scheme, slots = None, {}
    if options.schemes and draw(st.booleans()):
        if not consistent and draw(st.integers(0, 4)) == 0:
            scheme = draw(st.sampled_from(_FREE_SCHEMES))
        else:
            scheme = draw(schemes(max_premises=len(inference.premises)))
            slots = dict(zip(SCHEMES[scheme].slots, inference.premises, strict=False))
    implicit = options.declared and draw(st.booleans())
    return attrs.evolve(inference, scheme=scheme, slots=slots, implicit=implicit)


def _declared(draw: st.DrawFn, m: ArgumentMap, options: _Options, consistent: bool) -> ArgumentMap:
    """``m`` with conflicts that may declare their kind (the structural one, or with
    ``consistent=False`` any), raise a critical question of the inference they
    undercut, and be implicit."""
    conflicts = []
    for conflict in m.conflicts.values():
        kind: ConflictKind | None = None
        question: str | None = None
        implicit = False
        if options.declared:
            if draw(st.booleans()):
                structural = m.kind(conflict.id)
                kinds = CONFLICT_KINDS if not consistent else (structural,)
                kind = draw(st.sampled_from(kinds)) if len(kinds) > 1 else structural
            implicit = draw(st.booleans())
        target = m.inferences.get(conflict.target)
        scheme = SCHEMES.get(target.scheme or "") if target is not None else None
        if options.schemes and scheme is not None:
            keys = [q.key for q in scheme.critical_questions]
            if keys and draw(st.booleans()) is True:
                question = draw(st.sampled_from(keys))
        conflicts.append(attrs.evolve(conflict, kind=kind, question=question, implicit=implicit))
    return attrs.evolve(m, conflicts=conflicts)


def _pick(draw: st.DrawFn, items: Sequence[Any]) -> Any:
    return items[draw(st.integers(0, len(items) - 1))]


def _plant(draw: st.DrawFn, m: ArgumentMap, defect: str) -> ArgumentMap:
    """``m`` with one more problem of kind ``defect``."""
    statements = list(m.statements.values())
    inferences = list(m.inferences.values())
    conflicts = list(m.conflicts.values())
    fresh = f"x{len(statements) + len(inferences) + len(conflicts)}"
    some = _pick(draw, statements)
    spoilable = [k for k, inference in enumerate(inferences) if inference.premises]
    if defect == "circular-support":
        if spoilable:
            inference = inferences[_pick(draw, spoilable)]
            back = Inference(fresh, (inference.conclusion,), inference.premises[0])
        else:
            back = Inference(fresh, (some.id,), some.id)
        return attrs.evolve(m, inferences=[*inferences, back])
    if defect in ("contradictory-premises", "support-and-attack") and spoilable:
        k = _pick(draw, spoilable)
        inference = inferences[k]
        premise = inference.premises[0]
        if defect == "support-and-attack":
            attack = Conflict(fresh, premise, inference.conclusion)
            return attrs.evolve(m, conflicts=[*conflicts, attack])
        rival = Statement(fresh, "a premise at odds with its partner")
        inferences[k] = attrs.evolve(inference, premises=(*inference.premises, fresh))
        attack = Conflict(fresh + "c", fresh, premise)
        return attrs.evolve(
            m,
            statements=[*statements, rival],
            inferences=inferences,
            conflicts=[*conflicts, attack],
        )
    if defect in ("contradictory-premises", "support-and-attack"):
        # No inference to spoil yet: make one whose premise attacks its conclusion.
        partner = Statement(fresh, "a reason that also objects")
        inference = Inference(fresh + "i", (fresh,), some.id)
        attack = Conflict(fresh + "c", fresh, some.id)
        return attrs.evolve(
            m,
            statements=[*statements, partner],
            inferences=[*inferences, inference],
            conflicts=[*conflicts, attack],
        )
    if defect == "self-conflict":
        return attrs.evolve(m, conflicts=[*conflicts, Conflict(fresh, some.id, some.id)])
    if defect == "disconnected":
        lonely = Statement(fresh, "a statement nothing relates to")
        theses = m.theses or (some.id,)
        return attrs.evolve(m, statements=[*statements, lonely], theses=theses)
    if defect == "no-thesis":
        return attrs.evolve(m, theses=())
    if defect == "quote-not-found":
        source = m.source or ""
        missing = attrs.evolve(some, quote=Quote(source + " (not in the source)"))
        replaced = [missing if s.id == some.id else s for s in statements]
        return attrs.evolve(m, statements=replaced, source=source)
    if defect == "unknown-reference":
        return attrs.evolve(m, inferences=[*inferences, Inference(fresh, ("nowhere",), some.id)])
    if defect == "duplicate-id":
        return attrs.evolve(m, conflicts=[*conflicts, Conflict(some.id, some.id, "nowhere")])
    if defect == "no-premises":
        return attrs.evolve(m, inferences=[*inferences, Inference(fresh, (), some.id)])
    if defect == "empty-text":
        blank = attrs.evolve(some, text=" ")
        return attrs.evolve(m, statements=[blank if s.id == some.id else s for s in statements])
    raise ValueError(f"unknown defect {defect!r}")


def positions(m: ArgumentMap) -> st.SearchStrategy[dict[str, bool]]:
    """Positions on ``m``: some statements accepted (True), some rejected (False)."""
    return (
        st.dictionaries(st.sampled_from(list(m.statements)), st.booleans())
        if m.statements
        else st.just({})
    )
