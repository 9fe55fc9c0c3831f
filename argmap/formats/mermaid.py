"""Mermaid (write only): the map as a Mermaid flowchart, which GitHub, GitLab and many
wikis draw from a ```` ```mermaid ```` block.

The chart follows the visual grammar of the DOT diagram (:mod:`argmap.dot`), as far as
Mermaid can say it: statements are boxes headed by their id (and stance), theses bold
on a yellow fill; each inference is a small round junction where its linked premises
meet (captioned with its label and scheme, if any); support is green, conflict red;
an undercut ends, dashed, on the junction of the inference it attacks (a conflict
that is itself attacked gets a red junction too); a contradiction is one
double-headed edge; the first tag of a statement puts it in a subgraph; a reported
statement's text is italic, a hedged one has a dotted border, a conceded one a
thick one; a statement someone else holds ends with "— speaker"; inferences and
conflicts the text leaves implicit are drawn dotted. The direction is the diagram's:
bottom to top. Colours come from :class:`argmap.dot.Theme`'s defaults.

Nothing the user wrote reaches the chart unescaped. Node names are made by argmap
(``s1``, ``i1``, ``c1``, subgraphs ``g1``...), never taken from ids, so no id can be
a Mermaid keyword (``end``, ``graph``, ``style``, ``class``, ``click``...) or break
a line. Every label is a double-quoted string in which each character other than
letters, digits, spaces and ``. , ! ? ' - + * / = ( ) _`` is written as
Mermaid's entity code ``#NNN;`` (its decimal code point: ``"`` is ``#34;``, ``#``
``#35;``, ``<`` ``#60;``); non-ASCII letters, digits, punctuation and symbols stay as
they are, but for ``ﬂ`` and ``¶``, which Mermaid uses itself to mark entities. Line
breaks become ``<br/>``, the only markup argmap adds besides ``<small>``, ``<b>`` and
``<i>``. Characters no browser can show (control characters, noncharacters) become
U+FFFD, as in the DOT diagram (:func:`argmap.dot.clean`). The map's title goes into
the chart's front matter as a YAML string with every other character (beyond those
labels keep) written as a ``\\u`` escape. No line argmap writes holds a
``:`` next to a ``#`` and a ``;``, which Mermaid's own pre-processing would mangle.

A statement's text is cut at :data:`TEXT_LIMIT` characters, visibly (Mermaid refuses
a chart of more than 50,000 characters by default). The same map always gives
byte-identical text.
"""

from __future__ import annotations

import unicodedata

from argmap._layout import drawn_conflicts
from argmap.dot import LINE_LIMIT, RANKDIRS, Theme, clean, scheme_name, shorten
from argmap.dot import wrap as wrapped
from argmap.errors import RenderError
from argmap.formats._io import PathLike, write_text
from argmap.model import ArgumentMap, Inference, Statement

__all__ = ["TEXT_LIMIT", "dump", "dumps", "label_text", "yaml_string"]

TEXT_LIMIT = 1000
"""Characters of a statement's text a node shows; a longer text is cut, with "…"."""

_SAFE = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,!?'-+*/=()_")
"""ASCII characters a label keeps as they are: none means anything to Mermaid's lexer
inside a quoted string, to its entity pre-processing, to markdown or to HTML."""

_MARKERS = frozenset("\ufb02\u00b6")
"""``ﬂ`` and ``¶``: Mermaid marks entities as ``ﬂ°°35¶ß`` while parsing."""


def _raw(character: str) -> bool:
    if character.isascii():
        return character in _SAFE
    return unicodedata.category(character)[0] in "LMNPS" and character not in _MARKERS


def label_text(text: str) -> str:
    """``text`` for inside a double-quoted Mermaid label: unsafe characters become
    entity codes ``#NNN;`` (see the module's description), line breaks ``<br/>``."""
    lines = clean(text).split("\n")
    return "<br/>".join("".join(c if _raw(c) else f"#{ord(c)};" for c in line) for line in lines)


def yaml_string(text: str) -> str:
    """``text`` as a YAML double-quoted string on one line, every character but ASCII
    letters, digits, spaces and the punctuation labels keep escaped (``\\u0023`` for
    ``#``)."""
    escaped = []
    for character in clean(text):
        if character in _SAFE:
            escaped.append(character)
        elif ord(character) > 0xFFFF:
            escaped.append(f"\\U{ord(character):08x}")
        else:
            escaped.append(f"\\u{ord(character):04x}")
    return '"' + "".join(escaped) + '"'


def _lines(text: str, width: int) -> str:
    """A statement's text, cut at :data:`TEXT_LIMIT` and wrapped at ``width``."""
    return "\n".join(wrapped(shorten(text, TEXT_LIMIT), width))


def _statement_label(statement: Statement, thesis: bool, width: int) -> str:
    head = shorten(" ".join(statement.id.split()), LINE_LIMIT)
    if statement.stance != "asserted":
        head += f" · {statement.stance}"
    body = label_text(_lines(statement.text, width))
    if statement.stance == "reported":
        body = f"<i>{body}</i>"
    if thesis:
        body = f"<b>{body}</b>"
    label = f"<small>{label_text(head)}</small><br/>{body}"
    if statement.speaker is not None:
        speaker = shorten(" ".join(statement.speaker.split()), LINE_LIMIT)
        label += f"<br/><small>{label_text('— ' + speaker)}</small>"
    return label


def _caption(inference: Inference) -> str:
    """A junction's caption: the inference's label and scheme, as in the diagram."""
    scheme = inference.scheme and scheme_name(inference.scheme)
    caption = " · ".join(part for part in (inference.label, scheme) if part)
    return label_text(shorten(" ".join(caption.split()), LINE_LIMIT)) or " "


class _Chart:
    """The lines of one chart, with its edges counted for ``linkStyle``."""

    def __init__(self, theme: Theme) -> None:
        self.theme = theme
        self.lines: list[str] = []
        self.edges = 0
        self.styles: dict[str, list[int]] = {}
        self.classes: dict[str, list[str]] = {}

    def edge(self, start: str, arrow: str, end: str, style: str) -> None:
        self.lines.append(f"    {start} {arrow} {end}")
        self.styles.setdefault(style, []).append(self.edges)
        self.edges += 1

    def tag(self, name: str, css_class: str) -> None:
        self.classes.setdefault(css_class, []).append(name)


def _edge_style(colour: str, width: str, dashes: str | None) -> str:
    style = f"stroke:{colour},stroke-width:{width}"
    return style + (f",stroke-dasharray:{dashes}" if dashes else "")


def dumps(map: ArgumentMap, *, direction: str = "BT", wrap: int = Theme().wrap) -> str:
    """``map`` as a Mermaid flowchart (see the module's description).

    ``direction`` is one of :data:`argmap.dot.RANKDIRS` (``BT``: bottom to top, as the
    diagram), ``wrap`` the width statements are wrapped at; anything else is a
    :class:`~argmap.errors.RenderError`.
    """
    if direction not in RANKDIRS:
        raise RenderError(f"the direction must be one of {', '.join(RANKDIRS)}, not {direction!r}")
    theme = Theme(wrap=wrap)
    chart = _Chart(theme)
    out: list[str] = []
    if map.title:
        out += ["---", f"title: {yaml_string(shorten(map.title, LINE_LIMIT))}", "---"]
    out.append(f"flowchart {direction}")
    out += _class_definitions(theme)

    names = {id: f"s{n}" for n, id in enumerate(map.statements, 1)}
    names.update({id: f"i{n}" for n, id in enumerate(map.inferences, 1)})
    theses = set(map.theses)
    groups: dict[str, list[Statement]] = {}
    for statement in map.statements.values():
        groups.setdefault(statement.tags[0] if statement.tags else "", []).append(statement)
    number = 0
    for tag, members in groups.items():
        indent = "    "
        if tag:
            number += 1
            title = label_text(shorten(" ".join(tag.split()), LINE_LIMIT)) or " "
            chart.lines.append(f'    subgraph g{number}["<i>{title}</i>"]')
            indent = "        "
        for statement in members:
            name = names[statement.id]
            label = _statement_label(statement, statement.id in theses, theme.wrap)
            chart.lines.append(f'{indent}{name}["{label}"]')
            chart.tag(name, "thesis" if statement.id in theses else "statement")
            if statement.stance in ("hedged", "conceded"):
                chart.tag(name, statement.stance)
        if tag:
            chart.lines.append("    end")
    for inference in map.inferences.values():
        name = names[inference.id]
        chart.lines.append(f'    {name}(("{_caption(inference)}"))')
        chart.tag(name, "junction")
    attacked = {c.target for c in map.conflicts.values() if c.target in map.conflicts}
    for number, id in enumerate(map.conflicts, 1):
        if id in attacked:
            names[id] = f"c{number}"
            chart.lines.append(f'    {names[id]}((" "))')
            chart.tag(names[id], "attacked")

    _inference_edges(map, chart, names)
    _conflict_edges(map, chart, names, attacked)

    out += chart.lines
    out += [f"    class {','.join(members)} {name}" for name, members in chart.classes.items()]
    out += [
        f"    linkStyle {','.join(str(index) for index in indices)} {style}"
        for style, indices in chart.styles.items()
    ]
    return "\n".join(out) + "\n"


def _class_definitions(theme: Theme) -> list[str]:
    border = "#455a64"
    return [
        f"    classDef statement fill:{theme.statement_fill},stroke:{border},color:#000000",
        f"    classDef thesis fill:{theme.thesis_fill},stroke:{border},stroke-width:2.5px,"
        "color:#000000",
        "    classDef hedged stroke-dasharray:2 2",
        "    classDef conceded stroke-width:3px",
        f"    classDef junction fill:{theme.support},stroke:{theme.support},color:#ffffff,"
        "font-size:9px",
        f"    classDef attacked fill:{theme.conflict},stroke:{theme.conflict}",
    ]


def _inference_edges(map: ArgumentMap, chart: _Chart, names: dict[str, str]) -> None:
    """Each premise joins its inference's junction; the junction points to the conclusion."""
    colour = chart.theme.support
    for inference in map.inferences.values():
        dots = "2 2" if inference.implicit else None
        junction = names[inference.id]
        for premise in dict.fromkeys(inference.premises):
            if premise in names:
                chart.edge(names[premise], "---", junction, _edge_style(colour, "1px", dots))
        if inference.conclusion in names:
            chart.edge(
                junction, "-->", names[inference.conclusion], _edge_style(colour, "1.4px", dots)
            )


def _conflict_edges(
    map: ArgumentMap, chart: _Chart, names: dict[str, str], attacked: set[str]
) -> None:
    """Conflicts in red, as the diagram draws them: an undercut dashed onto a junction,
    a contradiction as one double-headed edge, an attacked conflict through its own
    junction."""
    colour = chart.theme.conflict
    for conflict in drawn_conflicts(map, names):
        undercut = conflict.target in map.inferences or conflict.target in map.conflicts
        dashes = "2 2" if conflict.implicit else ("5 5" if undercut else None)
        style = _edge_style(colour, "1.4px", dashes)
        arrow = "-.->" if undercut else "-->"
        if conflict.source != conflict.target and map.is_contradiction(conflict.id):
            arrow = "<-->"
        source, target = names[conflict.source], names[conflict.target]
        if conflict.id in attacked:
            chart.edge(source, "---", names[conflict.id], style)
            chart.edge(names[conflict.id], arrow, target, style)
        else:
            chart.edge(source, arrow, target, style)


def dump(map: ArgumentMap, path: PathLike) -> None:
    """Write ``map`` to ``path`` as a Mermaid flowchart, atomically."""
    write_text(path, dumps(map))
