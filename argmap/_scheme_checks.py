"""The checks of argument schemes, their slots and critical questions, and of declared
conflict kinds.

An inference names its scheme by a key of :data:`argmap.schemes.SCHEMES` (Walton, Reed
& Macagno, *Argumentation Schemes*, 2008, ch. 9), says which premise fills which slot,
and may be undercut by a conflict that raises one of the scheme's critical questions;
the questions are assumptions or exceptions after the Carneades model (Gordon, Prakken
& Walton, "The Carneades model of argument and burden of proof", *Artificial
Intelligence* 171, 2007). The codes, each explained with an example on the check-codes
page of the documentation:

* ``unknown-scheme`` (warning): the scheme is no key, name or corpus alias of a
  scheme (:func:`argmap.schemes.lookup` resolves "ExpertOpinion", "Argument from
  Analogy"...). ``None``, AIF's generic "Default Inference" and the AIF reader's
  ``"rephrase"`` (an MA-node: a restatement, not an argument) name no scheme and are
  not warned about.
* ``missing-scheme-premise`` (warning): a slot of the scheme that no premise fills.
  A slot the text leaves unstated (an enthymeme) is listed in the inference's
  ``data["unstated"]`` instead: it is then not missing, but its question is open.
* ``invalid-slot`` (error): a slot name the scheme does not have, or a slot filled
  by an id that is not one of the inference's premises.
* ``open-critical-question`` (info): a critical question of the scheme, or the
  question of an unstated slot, that is neither raised (a conflict on the inference
  whose ``question`` is its key) nor answered (its key listed in the inference's
  ``data["answered"]``: a list of keys, or a mapping from each key to what answers it).
* ``unknown-question`` (warning): a conflict raises a question that is not one of the
  target inference's scheme (its critical questions and its slots), or raises one
  against something that is no inference with a known scheme.
* ``conflict-kind-mismatch`` (warning): a conflict declares a ``kind`` that differs
  from the kind the structure gives it (:meth:`argmap.model.ArgumentMap.kind`).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from argmap.errors import MapError
from argmap.model import ArgumentMap, Inference
from argmap.report import Problem, Severity
from argmap.schemes import SCHEMES, Scheme, is_generic, lookup, unknown_scheme

__all__ = ["REPHRASE", "SCHEME_CODES", "known_schemes", "scheme_problems"]

SCHEME_CODES: Mapping[str, Severity] = {
    "invalid-slot": "error",
    "unknown-scheme": "warning",
    "missing-scheme-premise": "warning",
    "unknown-question": "warning",
    "conflict-kind-mismatch": "warning",
    "open-critical-question": "info",
}

REPHRASE = "rephrase"
"""The scheme the AIF reader gives an MA-node (a restatement): known, with no slots."""


def _problem(code: str, ids: tuple[str, ...], message: str) -> Problem:
    return Problem(code, SCHEME_CODES[code], ids, message)


def known_schemes(map: ArgumentMap) -> dict[str, Scheme]:
    """The scheme of every inference that names one of the catalogue, by inference id
    (a key, a name or an alias); inferences with no scheme or an unknown one are left out."""
    resolved: dict[str, Scheme] = {}
    cache: dict[str, Scheme | bool] = {}
    for inference in map.inferences.values():
        name = inference.scheme
        if name is None:
            continue
        if name not in cache:
            cache[name] = SCHEMES[name] if name in SCHEMES else _resolve(name)
        found = cache[name]
        if isinstance(found, Scheme):
            resolved[inference.id] = found
    return resolved


def _resolve(name: str) -> Scheme | bool:
    try:
        return lookup(name)
    except MapError:
        return False


def _names_no_scheme(name: str) -> bool:
    return name == REPHRASE or is_generic(name)


def scheme_problems(map: ArgumentMap) -> Iterator[Problem]:
    """Every problem of schemes, slots, critical questions and declared kinds."""
    schemes = known_schemes(map)
    raised: dict[str, set[str]] = {}
    for conflict in map.conflicts.values():
        if conflict.question is not None:
            raised.setdefault(conflict.target, set()).add(conflict.question)
    for inference in map.inferences.values():
        scheme = schemes.get(inference.id)
        if scheme is None:
            name = inference.scheme
            if name is not None and not _names_no_scheme(name):
                yield unknown_scheme(name, (inference.id,))
            continue
        yield from _slots(inference, scheme)
        yield from _open_questions(inference, scheme, raised.get(inference.id, set()))
    for conflict in map.conflicts.values():
        if conflict.question is not None:
            target = schemes.get(conflict.target)
            questions = () if target is None else _question_keys(target)
            if conflict.question not in questions:
                yield _unknown_question(conflict.id, conflict.question, conflict.target, target)
        if conflict.kind is not None and conflict.target in map:
            actual = map.kind(conflict.id)
            if actual != conflict.kind:
                yield _problem(
                    "conflict-kind-mismatch",
                    (conflict.id, conflict.target),
                    f"{conflict.id!r} is declared {_a(conflict.kind)}, but the map makes "
                    f"it {_a(actual)} of {conflict.target!r}.",
                )


def _a(kind: str) -> str:
    return f"an {kind}" if kind[0] in "aeiou" else f"a {kind}"


def _question_keys(scheme: Scheme) -> tuple[str, ...]:
    return (*(cq.key for cq in scheme.critical_questions), *scheme.slots)


def _unknown_question(id: str, question: str, target: str, scheme: Scheme | None) -> Problem:
    if scheme is None:
        message = (
            f"{id!r} raises the question {question!r}, but {target!r} is no inference "
            "with a known scheme."
        )
    else:
        keys = ", ".join(repr(key) for key in _question_keys(scheme))
        message = (
            f"{id!r} raises {question!r}, which is no question of {scheme.key!r} "
            f"(the scheme of {target!r}): its questions are {keys}."
        )
    return _problem("unknown-question", (id, target), message)


def _keys(value: object) -> set[str]:
    """The keys a ``data`` entry lists: a list of strings, or a mapping's keys."""
    if isinstance(value, str):
        return {value}
    if isinstance(value, Mapping | list | tuple):
        return {key for key in value if isinstance(key, str)}
    return set()


def _slots(inference: Inference, scheme: Scheme) -> Iterator[Problem]:
    premises = set(inference.premises)
    unstated = _keys(inference.data.get("unstated"))
    for slot, premise in inference.slots.items():
        if slot not in scheme.slots:
            keys = ", ".join(repr(key) for key in scheme.slots)
            yield _problem(
                "invalid-slot",
                (inference.id,),
                f"{inference.id!r} fills the slot {slot!r}, which {scheme.key!r} does not "
                f"have (its slots are {keys}).",
            )
        elif premise not in premises:
            yield _problem(
                "invalid-slot",
                (inference.id, premise),
                f"{inference.id!r} fills its slot {slot!r} with {premise!r}, "
                "which is not one of its premises.",
            )
    for form in scheme.premises:
        if form.key not in inference.slots and form.key not in unstated:
            yield _problem(
                "missing-scheme-premise",
                (inference.id,),
                f"no premise of {inference.id!r} fills the slot {form.key!r} of "
                f"{scheme.key!r} ({form.text!r}); fill it, or list it in "
                "data['unstated'] if the text leaves it unsaid.",
            )


def _open_questions(inference: Inference, scheme: Scheme, raised: set[str]) -> Iterator[Problem]:
    answered = _keys(inference.data.get("answered"))
    unstated = _keys(inference.data.get("unstated"))
    for slot in scheme.premises:
        if slot.key in unstated and slot.key not in inference.slots:
            if slot.key in raised or slot.key in answered:
                continue
            text = slot.questions[0] if slot.questions else slot.text
            yield _problem(
                "open-critical-question",
                (inference.id,),
                f"the unstated premise {slot.key!r} of {inference.id!r} ({scheme.key}) is "
                f"open: {text}",
            )
    for cq in scheme.critical_questions:
        if cq.key in raised or cq.key in answered:
            continue
        yield _problem(
            "open-critical-question",
            (inference.id,),
            f"{cq.kind} {cq.key!r} of {inference.id!r} ({scheme.key}) is open: {cq.text}",
        )
