"""Argdown (argdown.org): read and write, checked against the Argdown tool itself.

Reading follows the Argdown tool (``@argdown/core`` 1.7.5) step by step: a
tokenizer with Argdown's context rules (:mod:`._lexer`), an LALR grammar
(``grammar.lark``, parsed by Lark through its public API, which also reports syntax
errors: :mod:`._parser`) and a model builder that repeats Argdown's model plugin
(:mod:`._build`, into :class:`._model.Document`): the same equivalence classes,
auto-titles (``Untitled 1``, ``Untitled 2``... in Argdown's order), texts,
premise-conclusion structures and relations as Argdown's own JSON export. Then
:mod:`._read` turns that into an argmap map:

============================  =============================================================
Argdown                       argmap
============================  =============================================================
equivalence class ``[T]``     :class:`Statement` with id ``T``; text = the class's
                              canonical text (its last definition, as Argdown picks it),
                              without the white space Argdown leaves at its end where a
                              tag or data block was taken out;
                              ``data["argdown"]["members"]`` lists every definition's
                              text when there are several
``#tag``                      ``tags`` of the statement or argument (the text keeps the
                              tag where it stands unless ``model.removeTagsFromText``,
                              as in Argdown)
``{speaker: S, stance: st}``  a statement's ``speaker`` and ``stance`` (taken out of its
                              data); an inference line's ``{slots: {slot: n}, implicit:
                              true}`` its ``slots`` (premises by statement number or title)
                              and ``implicit``; a bad value is a located FormatError
``{key: value}`` data         ``data`` (YAML; ``data["argdown"]`` is reserved); JSON values
                              only: dates stay their text, keys become strings as in
                              JavaScript, anything JSON cannot hold is refused (see
                              :mod:`._yaml`)
argument ``<T>``              :class:`Argument` group: id ``T`` (``T (argument)`` when a
                              statement is called ``T``), ``title``, ``text`` = its gist
premise-conclusion structure  the group's ``statements`` (in order), ``conclusion`` and one
                              :class:`Inference` per inference line, id ``<T> (n)`` for
                              the step to statement *n*; premises from ``{uses: [..]}``,
                              else the statements since the previous conclusion; scheme =
                              the inference rules joined by ``, `` (the list in
                              ``data["argdown"]["rules"]`` when there are several)
support / entails ``+``       :class:`Inference` with one premise, id ``[A] +> [B]``
attack / contrary ``-``       :class:`Conflict`, id ``[A] -> [B]``; contrary (strict mode)
                              and contradictory (``><``) are symmetric: two conflicts, the
                              second marked ``data["argdown"]["mirror"]``; contradictory
                              ones ``data["argdown"]["relation"] = "contradictory"``
undercut ``_>`` ``<_``        :class:`Conflict` on the inference: the argument's last
                              inference, or the one the ``<_`` stands under
``[U] _> [S]`` (a statement)  Argdown keeps it as written; argmap reads an undercut of
                              each inference ``[S]`` supports by a relation (``[S] +>
                              [T]``), marked ``data["argdown"]["at"] = "S"`` (written
                              back as the one ``_> [S]``); when ``[S]`` supports nothing
                              so, an attack on ``[S]`` marked ``relation: undercut``
attack on a reconstructed     ``<A3> -> <A2>``, where A2 has a premise-conclusion
argument                      structure: a :class:`Conflict` on A2's final inference (an
                              undercut: A2's conclusion loses A2's support, as Argdown's
                              map shows the attack on A2), marked ``data["argdown"] =
                              {"relation": "attack", "argument": "A2"}``; an argument
                              with a structure as a relation's source is its main
                              conclusion (as Argdown itself exports it)
argument as a relation end    its *gist*: a statement with id ``<T>`` and the argument's
                              text, marked ``data["argdown"]["argument"] = id``; writers
                              draw it as the argument (an undercut of a sketched argument
                              targets the gist, marked ``relation: undercut``)
headings ``#``                ``data["argdown"]["sections"]`` of the map (id, title, level,
                              parent, heading data) and ``data["argdown"]["section"]`` of
                              each statement and argument, as Argdown assigns them
                              (``group.regroup`` of the front matter applied)
front matter ``===``          ``title`` -> the map's title, the rest
                              ``data["argdown"]["frontmatter"]``
============================  =============================================================

Conformance: ``tests/test_argdown_conformance.py`` compares the :mod:`.json`
export of every Argdown fixture with the Argdown tool's own (``@argdown/cli`` 1.7.5,
regenerated by ``tools/argdown_reference.sh``) member by member. Deliberate
differences: the trailing white space above; where a statement is defined (argmap
defines at the top level what the file defined inside a relation); the order in which
the document's tags first occur.

Relation types are not stored when the structure says them (support is an
inference, attack a conflict, entails and contrary follow from ``model.mode:
strict``, undercut from a conflict on an inference); :mod:`.json` derives
them back for Argdown's ``relationType``.

An argument's several descriptions are listed in ``data["argdown"]["descriptions"]``.
Each element's first definition is recorded in ``map.locations`` (line, column).

An empty document (or one with only white space, comments or front matter) reads
as an empty map (Argdown itself reports a parser error there; an empty file is a
natural empty map for argmap, as an empty diagram is for Argdown's editor).
Anything Argdown cannot read, or would read only by guessing, is a
:class:`FormatError` listing every problem found, with line and column: unclosed
brackets, a premise-conclusion structure without conclusion (or ending in a premise),
bad indentation, invalid YAML or YAML values JSON cannot hold (Argdown itself keeps
an unclosed ``{`` as text; argmap does not), aliases that expand without bound,
binary data, lone surrogates, input nested more than 100 levels deep, and a front
matter ``argmap`` entry naming a thesis that is no statement. Reading takes time
linear in the text, whatever it holds (a line of ten thousand unclosed ``[`` included).

Writing (:mod:`._write`) produces Argdown as a person writes it, which the
Argdown tool parses to the same structure: front matter settings as block YAML, tags
where they stand in the texts, relations indented under the statement or argument
they start from, each argument followed by its premise-conclusion structure with the
texts of the statements it introduces (``(1) [P1]: First premise.``), data blocks in
plain YAML (``{uses: [1, 2]}``). Argdown -> map -> Argdown -> map is the identity (the
front matter needs no ``argmap:`` entry for a map read from an Argdown file). It adds
what Argdown cannot say (theses, quotes, a reference to the source, ids of argmap's
own, texts with line breaks) in an ``argmap:`` entry of the front matter, so that
``loads(dumps(m), source=m.source) == m`` for every map. The source text itself is never
copied into the file (it is seldom the analyst's to copy): the entry holds its SHA-256
and length, and ``loads(..., source=text)`` attaches the text again after checking that
it is the same one. That entry may hold ``theses``, ``source``, ``title``, ``data``
(the map's), ``ids`` (id in this text -> id in the map), ``ungrouped`` (arguments
written only to hold a linked inference, not groups of the map), ``remove``, ``add``
and ``patch`` (node fields the text gets wrong: a conflict's declared ``kind``,
``question`` and ``implicit``, say, which Argdown relations cannot carry); maps read
from Argdown files need none of it.

The package: :mod:`._lexer` (text -> tokens), ``grammar.lark`` and :mod:`._parser`
(tokens -> parse tree, with Lark; syntax errors), :mod:`._build` (parse tree ->
:class:`._model.Document`, Argdown's own model, in :mod:`._model`), :mod:`._read`
(Document -> map), :mod:`._write` (map -> Argdown text), :mod:`._yaml` (data and front
matter), :mod:`.json` (the ``argdown-json`` format, Argdown's JSON export, and
:func:`.json.map_view`, the map Argdown draws) and :mod:`.dot` (that map as a Graphviz
diagram). ``argmap.formats.argdown_json`` and ``argmap.formats.argdown_dot`` are the
same modules under their former names."""

from __future__ import annotations

import gc
import os

from argmap.formats._io import PathLike, read_text, write_text
from argmap.formats.argdown._build import parse_document
from argmap.formats.argdown._model import release
from argmap.formats.argdown._read import convert
from argmap.formats.argdown._write import write
from argmap.model import ArgumentMap

__all__ = ["dump", "dumps", "load", "loads"]


def loads(text: str, *, path: str | None = None, source: str | None = None) -> ArgumentMap:
    """Read an Argdown document; every problem found is in the :class:`FormatError` raised.

    A file argmap wrote refers to its map's source text by SHA-256 rather than holding it;
    ``source`` gives that text back (a different text is a :class:`FormatError`), and
    without it the map has no source (``check`` then reports its quotes unchecked)."""
    collecting = gc.isenabled()
    gc.disable()  # reading allocates many small objects; the few cycles are broken below
    try:
        doc = parse_document(text, path=path)
        try:
            return convert(doc, path, source=source)
        finally:
            release(doc)
    finally:
        if collecting:
            gc.enable()


def load(path: PathLike, *, source: str | None = None) -> ArgumentMap:
    """Read the Argdown file ``path`` (``source`` as in :func:`loads`)."""
    return loads(read_text(path), path=os.fspath(path), source=source)


def dumps(map: ArgumentMap) -> str:
    """``map`` as Argdown text (UTF-8 ready, ending in a newline)."""
    return write(map)


def dump(map: ArgumentMap, path: PathLike) -> None:
    """Write ``map`` to ``path`` as Argdown, atomically."""
    write_text(path, dumps(map))
