"""Reading and writing AIF's dialogue layer: who says a statement and how the author stands
to it, from locutions and illocutions (Inference Anchoring Theory).

Part of :mod:`argmap.formats.aif`, which re-exports the public names.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence, Set
from typing import Any

from argmap.formats.aif._graph import EXTRA_KEY
from argmap.model import (
    STANCES,
    Stance,
)

# -- the dialogue layer: speakers and stances -------------------------------------------
#
# Inference Anchoring Theory (Budzynska & Reed, "Whence inference?", 2011; AIF+: Reed,
# Wells, Devereux & Rowe, COMMA 2008) anchors each I-node in the locution (L-node,
# "Speaker : what was said") that introduced it, through an illocution (YA-node:
# "Asserting", "Conceding", "Assertive Questioning"...). Who performed the locution is
# who holds the proposition, and the illocution says how.

ILLOCUTIONS: Mapping[str, Stance] = {
    "asserting": "asserted",
    "agreeing": "asserted",
    "arguing": "asserted",
    "restating": "asserted",
    "default illocuting": "asserted",
    "rhetorical questioning": "asserted",
    "conceding": "conceded",
    "popular conceding": "conceded",
    "assertive questioning": "hedged",
}
"""The illocutions (YA-node texts, compared without case) that give an I-node anchored
by them a speaker, and the stance each gives. Others (Pure Questioning, Challenging,
Disagreeing, Analysing, Araucaria's ``YA_<hash>`` placeholders) do not say that the
speaker holds the proposition, so they give none. A locution reporting another's words
("Keith Brown : Douglas Ross : ...") gives the reported speaker and stance ``reported``."""

_WRITTEN_ILLOCUTION: Mapping[Stance, str] = {
    "asserted": "Asserting",
    "reported": "Asserting",
    "conceded": "Conceding",
    "hedged": "Assertive Questioning",
}
"""The illocution the writer anchors a statement with, by its stance (a reported one
is written as its speaker's assertion, with the exact stance in the YA's ``argmap`` key)."""

_SPEAKER = re.compile(r"([^:\n]{1,100}?) ?: (.*)", re.DOTALL)
_REPORTED = re.compile(r"([^:\n]{1,100}?) : (.*)", re.DOTALL)

Attribution = tuple[str | None, Stance]


def _said_by(locution: Any) -> tuple[str, bool] | None:
    """The speaker of an L-node's text ``"Speaker : words"`` and whether the words
    report another speaker (``"A : B : words"``: then B, reported); None if unnamed."""
    if not isinstance(locution, str):
        return None
    found = _SPEAKER.fullmatch(locution)
    if found is None:
        return None
    inner = _REPORTED.fullmatch(found.group(2))
    if inner is not None and inner.group(1).strip():
        return inner.group(1).strip(), True
    return (found.group(1).strip(), False) if found.group(1).strip() else None


def _exact(value: Any) -> Attribution | None:
    """The speaker and stance argmap's writer put in a YA-node's ``argmap`` key."""
    if not isinstance(value, Mapping):
        return None
    speaker, stance = value.get("speaker"), value.get("stance", "asserted")
    if (speaker is None or isinstance(speaker, str)) and stance in STANCES:
        return speaker, stance
    return None


def _attributions(
    nodes: Sequence[Any], edges: Sequence[Any], statements: Set[str]
) -> dict[str, Attribution]:
    """Per I-node id (of ``statements``): the speaker and stance its anchors give.

    An anchor made by argmap's writer (a YA-node with an ``argmap`` key) is exact and
    comes first; then the first YA-node in file order whose illocution is in
    :data:`ILLOCUTIONS`, reached from an L-node that names its speaker.
    """
    illocutions: dict[str, dict[str, Any]] = {}
    locutions: dict[str, Any] = {}
    for raw in nodes:
        if not isinstance(raw, dict):
            continue
        kind = raw.get("type")
        if kind == "YA":
            illocutions[str(raw.get("nodeID"))] = raw
        elif kind == "L":
            locutions[str(raw.get("nodeID"))] = raw.get("text")
    if not illocutions:
        return {}
    said: dict[str, list[str]] = {}
    anchored: dict[str, list[str]] = {}
    for raw in edges:
        if not isinstance(raw, dict):
            continue
        source, target = str(raw.get("fromID")), str(raw.get("toID"))
        if target in illocutions and source in locutions:
            said.setdefault(target, []).append(source)
        elif source in illocutions and target in statements:
            anchored.setdefault(source, []).append(target)
    found: dict[str, Attribution] = {}
    for id, targets in anchored.items():
        given = _exact(illocutions[id].get(EXTRA_KEY))
        if given is not None:
            for statement in targets:
                found.setdefault(statement, given)
    for id, targets in anchored.items():
        text = illocutions[id].get("text")
        stance = ILLOCUTIONS.get(text.strip().lower()) if isinstance(text, str) else None
        speakers = [_said_by(locutions[lid]) for lid in said.get(id, ())]
        named = next((s for s in speakers if s is not None), None)
        if stance is None or named is None:
            continue
        attribution: Attribution = (named[0], "reported" if named[1] else stance)
        for statement in targets:
            found.setdefault(statement, attribution)
    return found
