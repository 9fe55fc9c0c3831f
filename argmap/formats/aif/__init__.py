"""AIF: AIFdb JSON and OVA3's xAIF, read and written without loss.

Two flavours of the Argument Interchange Format are read: AIFdb's
``{"nodes": [...], "edges": [...], "locutions": [...]}`` and OVA3's xAIF
``{"AIF": {"nodes", "edges", ...}, "OVA": {...}, "text": ...}``. A map read from
either is written back in the same flavour (``map.data["aif"]["flavour"]``).

==========================  ===================================================================
AIF                         argmap
==========================  ===================================================================
I-node                      :class:`~argmap.model.Statement` (``id`` = nodeID, ``text``); the
                            node's other keys (``timestamp``...) in ``data["aif"]["node"]``
RA-node                     :class:`~argmap.model.Inference`: premises = the I-nodes with an
                            edge into it (one RA with several premises is one *linked*
                            inference), conclusion = the I-node it points to; ``scheme`` = the
                            node's ``scheme`` or ``text`` unless generic ("RA", "Default
                            Inference")
MA-node (rephrase)          an Inference too (``data["aif"]["node"]["type"] == "MA"``,
                            ``scheme`` "rephrase" unless the node names another): restating p
                            as q is read as p supporting q, so ``check`` sees I <-> MA cycles
                            as circular support
CA-node on an I-node        :class:`~argmap.model.Conflict` on a statement (rebuttal or
                            undermining, as the model derives it)
CA-node on an RA/MA-node    a Conflict on that inference (an undercut)
CA-node on a CA-node        a Conflict whose target is that CA's conflict (an undercut of the
                            attack), written back as the same CA -> CA edge; held only if
                            the attacked CA is held. A CA with several sources is attacked
                            through its first conflict (the one with the CA's id)
CA-node, n I-node sources   n Conflicts, one per source, all with the CA's target: the first
                            has the CA's id, the others ``<id>.2``, ``<id>.3``... and
                            ``data["aif"]["part_of"]``; the writer joins them into one CA again
                            (a part that another conflict attacks gets a CA of its own)
I -> I edge (no S-node)     an Inference with one premise and no scheme, id ``edge<edgeID>``,
                            the edge in ``data["aif"]["edge"]``; written back as the bare edge
PA-node (preference)        not in the model: kept unchanged in ``map.data["aif"]["document"]``
                            and listed in ``map.data["aif"]["unmodelled"]``
other S-nodes               one the model cannot hold (no I-node as source, no or several
                            conclusions, a target that is not held, such as a CA attacking a
                            CA that is not held) is kept unchanged in the document and listed
                            in ``unmodelled`` with the reason
L -> YA -> I anchors         the statement's ``speaker`` and ``stance`` (AIF+ and Inference
                            Anchoring Theory): the L-node's speaker ("Speaker : words"), the
                            stance of the YA-node's illocution (:data:`ILLOCUTIONS`); a
                            locution reporting another's words ("A : B : words") gives B,
                            ``reported``. The writer anchors each statement whose speaker
                            or stance the carried dialogue does not say in a new L- and
                            YA-node (and locution), the exact pair in the YA's ``argmap``
                            key
``argmap`` key (RA, CA)     an inference's ``slots`` and ``implicit``, a conflict's declared
                            ``kind``, ``question`` and ``implicit`` (:data:`EXTRA_KEY`);
                            a new RA-node names a key of ``SCHEMES`` as ``scheme``, with
                            the scheme's name as ``text``
dialogue layer              L, YA and TA nodes and their edges, ``locutions``, participants,
                            scheme- and descriptorfulfillments, the OVA layout and xAIF's
                            ``text``: kept unchanged in ``map.data["aif"]["document"]``, the
                            original document with the nodes and edges the model holds taken
                            out
==========================  ===================================================================

Every edge the model represents is kept verbatim in the ``data["aif"]["edges"]`` of its
RA/MA/CA node, so its ``edgeID`` (and ``formEdgeID``) survive a round trip. Ids may be
strings or integers in the file: they are strings in the model, and a node's integer
``nodeID`` is kept in ``data["aif"]["node"]["nodeID"]`` so that the writer restores it.
AIF has no place for a title, theses, quotes, tags, labels or Argdown arguments: they are
not written, and a map read from AIF has no thesis (``check`` warns ``no-thesis``). The
writer invents no timestamps: new nodes have none, new edges get the next free number as
``edgeID``.

Input that cannot be read raises :class:`~argmap.errors.FormatError` with the line and
column of the offending value and every problem found: invalid JSON, wrong types, an unknown
node type, an edge naming an unknown node (``unknown-reference``), two nodes with one id
(``duplicate-id``), and an RA/MA without any edge in (``no-premises``) or out
(``no-conclusion``), or a CA/PA without one (``no-source``, ``no-target``). The last four
are allowed for an S-node anchored in a dialogue by a YA-node (real IAT corpora hold such
half-finished analyses): it is modelled where possible (an inference with no premises, which
``check`` reports) and kept in the document otherwise. Reading with ``strict=False`` leaves
the other S-nodes missing a side out of the model (kept in the document, listed in
``map.data["left_out"]``, reported by ``check`` as ``left-out-node``) instead of refusing
the file. Numbers JSON cannot round-trip (``NaN``, ``Infinity``, ``1e400``, integers of
more digits than Python converts) and lone surrogates (``"\\ud800"``) are refused, at
their line and column.
"""

from __future__ import annotations

from argmap.formats.aif._dialogue import ILLOCUTIONS
from argmap.formats.aif._graph import EXTRA_KEY, NODE_TYPES, REPHRASE
from argmap.formats.aif._read import load, loads
from argmap.formats.aif._write import dump, dumps, to_document

__all__ = [
    "EXTRA_KEY",
    "ILLOCUTIONS",
    "NODE_TYPES",
    "REPHRASE",
    "dump",
    "dumps",
    "load",
    "loads",
    "to_document",
]
