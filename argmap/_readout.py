"""What ``argmap evaluate`` prints: an evaluation a reader can follow.

Each section is built twice from the same values, as a JSON-ready ``dict`` for
programs and as text for people: statement texts with their ids in brackets, theses
first, then the rest (sorted by strength under a gradual semantics, grouped by label
under a Dung semantics), each section under a header that names the semantics. The
sections on demand are the explanation of one node (:func:`argmap.explain`), the
cruxes of a target (:func:`argmap.cruxes`) and its sensitivity to the base scores
(:func:`argmap.sensitivity.sensitivity`, with the fragility warnings).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from argmap.cruxes import Crux, cruxes
from argmap.errors import MapError
from argmap.explain import Explanation, Step, explain
from argmap.gradual import SEMANTICS as GRADUAL
from argmap.model import ArgumentMap
from argmap.report import Problem
from argmap.semantics import Evaluation, Label, Semantics, evaluate
from argmap.sensitivity import fragility, sensitivity
from argmap.strengths import Strengths, strengths

__all__ = ["Section", "cruxes_section", "evaluation_sections", "explain_section"]

#: The semantics' names as a reader knows them, with the paper that defines each.
NAMES: Mapping[str, str] = {
    "grounded": "grounded semantics (Dung 1995)",
    "complete": "complete semantics (Dung 1995), sceptically",
    "preferred": "preferred semantics (Dung 1995), sceptically",
    "stable": "stable semantics (Dung 1995), sceptically",
    "df-quad": "DF-QuAD strengths (Rago et al. 2016)",
    "quad": "QuAD strengths (Baroni et al. 2015)",
    "euler": "Euler-based strengths (Amgoud & Ben-Naim 2017)",
    "quadratic-energy": "quadratic-energy strengths (Potyka 2018)",
    "h-categoriser": "h-categoriser strengths (Besnard & Hunter 2001)",
}

_WIDTH = 88
"""Characters of a statement's text shown on one line before it is cut with an ellipsis."""

_SHOWN = 12
"""Sensitivities listed in the text; ``--json`` has them all."""


@attrs.frozen
class Section:
    """One part of the output: its ``key`` in the JSON document, its ``value`` there,
    and its ``text`` (header and lines) for people."""

    key: str
    value: Any
    text: str
    summary: str = ""
    """The text's head alone (the evaluation's header and theses), for when other
    sections follow and the whole list would bury them."""


def _short(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= _WIDTH else flat[: _WIDTH - 1].rstrip() + "…"


def _named(map: ArgumentMap, id: str) -> str:
    """A node as a reader sees it: its text (a statement's, or an inference's label or
    conclusion) and its id in brackets, each on one line."""
    return _one_line(_text_and_id(map, id))


def _one_line(text: str) -> str:
    """``text`` with line breaks and other control characters shown as escapes."""
    return "".join(repr(c)[1:-1] if (c.isspace() and c != " ") or ord(c) < 32 else c for c in text)


def _text_and_id(map: ArgumentMap, id: str) -> str:
    if id in map.statements:
        return f"{_short(map.statements[id].text)} [{id}]"
    if id in map.inferences:
        inference = map.inferences[id]
        conclusion = map.statements.get(inference.conclusion)
        gist = inference.label or (f"reason for: {conclusion.text}" if conclusion else "")
        return f"{_short(gist)} [{id}]" if gist else f"[{id}]"
    return f"[{id}]"


def _ordered(map: ArgumentMap, ids: list[str]) -> list[str]:
    """Theses first, in the map's order of theses, then the rest in map order."""
    theses = [id for id in map.theses if id in ids]
    return theses + [id for id in ids if id not in map.theses]


def _dung_section(map: ArgumentMap, evaluation: Evaluation) -> Section:
    statements = list(map.statements)
    counts = {label: sum(evaluation.labels[id] == label for id in statements) for label in _LABELS}
    extensions = f"{evaluation.extensions} extension" + ("" if evaluation.extensions == 1 else "s")
    head = (
        f"{NAMES[evaluation.semantics]}: {extensions}; "
        + ", ".join(f"{counts[label]} {label}" for label in _LABELS)
        + " of "
        + f"{len(statements)} statements"
    )
    lines = [head]
    theses = [id for id in map.theses if id in evaluation.labels]
    if theses:
        lines += ["", "Theses"]
        lines += [f"  {evaluation.labels[id]:<10} {_named(map, id)}" for id in theses]
    summary = "\n".join(lines)
    for label in _LABELS:
        ids = [id for id in statements if evaluation.labels[id] == label and id not in theses]
        if ids:
            lines += ["", f"Statements {_HEADERS[label]}"]
            lines += [f"  {label:<10} {_named(map, id)}" for id in ids]
    value = {
        "semantics": evaluation.semantics,
        "extensions": evaluation.extensions,
        "theses": {id: evaluation.labels[id] for id in theses},
        "labels": dict(evaluation.labels),
    }
    return Section("evaluation", value, "\n".join(lines), summary)


_LABELS: tuple[Label, ...] = ("in", "undecided", "out")
_HEADERS = {"in": "that stand", "undecided": "left undecided", "out": "that fall"}


def _defaults_phrase(weights: Strengths, map: ArgumentMap) -> str:
    defaults = [id for id in weights.defaults if id in map.statements]
    given = len(map.statements) - len(defaults)
    return f"base scores: {len(defaults)} stance defaults, {given} given"


def _gradual_section(map: ArgumentMap, weights: Strengths) -> Section:
    head = f"{NAMES[weights.semantics]}, 0 to 1; {_defaults_phrase(weights, map)}"
    lines = [head]
    theses = [id for id in map.theses if id in weights]
    if theses:
        lines += ["", "Theses"]
        lines += [f"  {weights[id]:.3f}  {_named(map, id)}" for id in theses]
    summary = "\n".join(lines)
    rest = sorted(
        (id for id in map.statements if id not in theses),
        key=lambda id: -weights[id],
    )
    if rest:
        lines += ["", "Statements, strongest first"]
        lines += [f"  {weights[id]:.3f}  {_named(map, id)}" for id in rest]
    value = {
        "semantics": weights.semantics,
        "theses": {id: weights[id] for id in theses},
        "strengths": dict(weights),
        "base": weights.base,
        "defaults": list(weights.defaults),
    }
    return Section("evaluation", value, "\n".join(lines), summary)


def evaluation_sections(
    map: ArgumentMap,
    *,
    semantics: str,
    explain_id: str | None = None,
    cruxes_of: str | None = None,
    sensitivity_of: str | None = None,
    crux_size: int = 2,
) -> list[Section]:
    """The sections ``argmap evaluate`` prints for ``map``: the evaluation, then the
    explanation, cruxes and sensitivity asked for. An empty ``cruxes_of`` or
    ``sensitivity_of`` means the map's thesis."""
    gradual = semantics in GRADUAL
    dung: Semantics = "grounded" if gradual else semantics  # type: ignore[assignment]
    if gradual:
        sections = [_gradual_section(map, strengths(map, semantics=semantics))]
    else:
        sections = [_dung_section(map, evaluate(map, semantics=dung))]
    if explain_id is not None:
        sections.append(explain_section(map, explain(map, explain_id, semantics=semantics)))
    if cruxes_of is not None:
        target = cruxes_of or None
        found = cruxes(map, target, semantics=dung, max_size=crux_size)
        sections.append(
            cruxes_section(map, found, semantics=dung, target=target, max_size=crux_size)
        )
    if sensitivity_of is not None:
        sections.append(
            _sensitivity_section(
                map, sensitivity_of or None, "df-quad" if not gradual else semantics
            )
        )
    return sections


def _steps_json(root: Step) -> list[dict[str, Any]]:
    """The steps of an explanation as a flat list in reading order (depth first), each
    with its ``depth`` and the index of its ``parent`` (``None`` for the first): flat, so
    that an explanation thousands of steps deep is written (and read) without recursion."""
    found: list[dict[str, Any]] = []
    stack: list[tuple[Step, int, int | None]] = [(root, 0, None)]
    while stack:
        step, depth, parent = stack.pop()
        value = {
            field.name: getattr(step, field.name)
            for field in attrs.fields(type(step))
            if field.name != "because"
        }
        value.update(sentence=step.sentence(), depth=depth, parent=parent)
        found.append(value)
        here = len(found) - 1
        stack.extend((child, depth + 1, here) for child in reversed(step.because))
    return found


def explain_section(map: ArgumentMap, explanation: Explanation) -> Section:
    """The explanation, as :func:`argmap.explain` writes it, and as nested steps."""
    value = {
        "id": explanation.id,
        "semantics": explanation.semantics,
        "label": explanation.label,
        "steps": _steps_json(explanation.step),
    }
    strength = getattr(explanation, "strength", None)
    if strength is not None:
        value["strength"] = strength
    return Section("explanation", value, str(explanation))


def _crux_lines(map: ArgumentMap, number: int, crux: Crux) -> list[str]:
    """One crux: its number and new label, then each member of the position on a line."""
    members = [
        f"{'accept' if accepted else 'reject'} {_named(map, id)}"
        for id, accepted in crux.position.items()
    ]
    lines = [f"  {number:>2}. [{crux.target}] becomes {crux.label} if you {members[0]}"]
    lines += [f"      and {member}" for member in members[1:]]
    return lines


def cruxes_section(
    map: ArgumentMap, found: list[Crux], *, semantics: str, target: str | None, max_size: int = 2
) -> Section:
    """Every minimal position that changes the target's label, smallest first."""
    thesis = found[0].target if found else (target or (map.theses[0] if map.theses else ""))
    now = f" (now {found[0].before})" if found else ""
    head = (
        f"What [{thesis}]{now} stands or falls with under {NAMES[semantics]}: "
        f"the {len(found)} smallest positions that change its label"
    )
    lines = [head]
    for number, crux in enumerate(found, 1):
        lines += _crux_lines(map, number, crux)
    if not found:
        lines.append(f"  no position of up to {max_size} statements changes it")
    value = [
        {
            "target": crux.target,
            "accept": sorted(crux.accept),
            "reject": sorted(crux.reject),
            "before": crux.before,
            "label": crux.label,
        }
        for crux in found
    ]
    return Section("cruxes", value, "\n".join(lines))


def _problem_json(problem: Problem) -> dict[str, Any]:
    return {
        "code": problem.code,
        "severity": problem.severity,
        "ids": list(problem.ids),
        "message": problem.message,
    }


def _sensitivity_section(map: ArgumentMap, target: str | None, semantics: str) -> Section:
    if target is None and len(map.theses) > 1:  # as cruxes: say which, do not guess
        message = f"the map has {len(map.theses)} theses; name the target (--sensitivity ID)."
        raise MapError([Problem("unknown-reference", "error", (), message)])
    slopes = sensitivity(map, target, semantics=semantics)
    warnings = fragility(map, target, semantics=semantics)
    weights = strengths(map, semantics=semantics)
    thesis = target or (map.theses[0] if map.theses else "")
    head = (
        f"How {_named(map, thesis)} ({weights.get(thesis, 0.0):.3f}) depends on each base score "
        f"under {NAMES[semantics]}: the change in its strength per unit of base score"
    )
    lines = [head]
    moving = [(id, slope) for id, slope in slopes.items() if slope != 0.0]
    for id, slope in moving[:_SHOWN]:
        default = ", default" if id in weights.defaults else ""
        base = weights.base[id] + 0.0  # no "-0.00"
        lines.append(f"  {slope + 0.0:+.3f}  {_named(map, id)} (base {base:.2f}{default})")
    if len(moving) > _SHOWN:
        lines.append(f"  and {len(moving) - _SHOWN} more (--json lists them all)")
    if not moving:
        lines.append("  no base score moves it")
    if warnings:
        lines += ["", "Warnings"]
        lines += [f"  {problem.severity} {problem.code}: {problem.message}" for problem in warnings]
    value = {
        "target": thesis,
        "semantics": semantics,
        "strength": weights.get(thesis),
        "derivatives": dict(slopes),
        "warnings": [_problem_json(problem) for problem in warnings],
    }
    return Section("sensitivity", value, "\n".join(lines))
