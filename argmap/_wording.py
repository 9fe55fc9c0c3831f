"""How explanations word a node: the verbs of each label, a text in quotes with its id, what
a node says. Shared by :mod:`argmap.explain` (the accounts in words) and :mod:`argmap.page`
(the same words in the interactive page), so neither reaches into the other's privates.
"""

from __future__ import annotations

from argmap.model import ArgumentMap
from argmap.schemes import SCHEMES

__all__ = ["VERB", "node_text", "quoted"]

VERB: dict[str, dict[str, str]] = {
    "statement": {"in": "holds", "out": "does not hold", "undecided": "is undecided"},
    "reason": {"in": "applies", "out": "does not apply", "undecided": "is undecided"},
    "attack": {"in": "succeeds", "out": "is defeated", "undecided": "is undecided"},
}
"""What a statement, a reason and an attack do under each label."""


def quoted(text: str, id: str | None) -> str:
    """A text in quotes and its id in brackets, on one line (runs of white space,
    newlines included, shown as one space)."""
    text = " ".join(text.split())
    shown = f'"{text}"' if text else ""
    if id is not None:
        id = " ".join(id.split()) or repr(id)
    if id is None:
        return shown
    return f"{shown} [{id}]" if shown else f"[{id}]"


def node_text(map: ArgumentMap, id: str) -> str:
    """What a node says: a statement's text; an inference's label, else its scheme's
    name ("argument from cause to effect": its premises are explained below it), else
    "premises so conclusion"; a conflict's source's text."""
    if id in map.statements:
        return map.statements[id].text
    if id in map.inferences:
        inference = map.inferences[id]
        if inference.label:
            return inference.label
        if inference.scheme:
            known = SCHEMES.get(inference.scheme)
            return known.name.lower() if known is not None else inference.scheme
        premises = " and ".join(_text_of(map, p) for p in inference.premises)
        return f"{premises} so {_text_of(map, inference.conclusion)}"
    return _text_of(map, map.conflicts[id].source)


def _text_of(map: ArgumentMap, statement: str) -> str:
    node = map.statements.get(statement)
    return node.text if node is not None else statement
