"""Diagrams: an argument map as a Graphviz ``Digraph``, and rendering it to a file.

The visual grammar: statements are boxes with wrapped text (theses bold, with a
thick border); each inference is a small junction node where its linked premises
meet; support is green, conflict red; an undercut ends, dashed, on the junction of
the inference it attacks (a conflict that is itself attacked gets a red junction
too); a contradiction is one double-headed edge; the first tag of a statement puts
it in a labelled cluster; a position marks statements accepted or rejected; a
legend explains it all, and lists the marks below only when the map has them.

Who says what (DESIGN.md §7): a statement someone else holds ends with a caption
line naming its ``speaker`` ("— experts"); a statement the author does not simply
assert names its stance in its header and shows it without colour, so that it reads
in grey print and to colour-blind eyes: *reported* text is italic, a *hedged*
statement has a dotted border, a *conceded* one a double border. The junction of an
inference is captioned with its scheme's short name (the catalogue's, after Walton,
Reed & Macagno, *Argumentation Schemes*, 2008, when the scheme is one of
:data:`argmap.schemes.SCHEMES`; otherwise the text as written), its full name as the
tooltip; inferences and conflicts the text leaves implicit are drawn dotted; a
conflict that raises a critical question (Gordon, Prakken & Walton 2007) is labelled
with the question's key, its text as the tooltip.

Every piece of user text goes into HTML-like labels through :func:`html_text`, and
node names are made by argmap (``s1``, ``i1``, ...), never taken from user ids, so
no text can break or inject into the DOT; what Graphviz or XML refuses (control
characters, noncharacters such as U+FFFF) becomes U+FFFD, and texts past Graphviz's
limits are cut, visibly. Theme values are checked when a :class:`Theme` is made.
Files are written by :func:`write_atomically`, which never overwrites an input, keeps
links, permissions and devices, and leaves no temporary file behind. Building DOT
needs no Graphviz binary; only :func:`render` to SVG, PNG or PDF runs ``dot``
(without it, SVG is drawn by Graphviz compiled to WebAssembly when ``argmap[wasm]``
is installed).
"""

from __future__ import annotations

import os
import pathlib
import re
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterable, Mapping, Sequence, Set
from typing import TYPE_CHECKING

import attrs
import graphviz

from argmap import _wasm
from argmap._files import refuse_inputs, write_atomically
from argmap._labels import (
    _BREAK,
    _UNSAFE,
    _shown,
    clean,
    html_line,
    html_lines,
    html_text,
    quoted_text,
    shorten,
    wrap,
)
from argmap._labels import LINE_LIMIT as LINE_LIMIT
from argmap._labels import STRING_LIMIT as STRING_LIMIT
from argmap._labels import TEXT_LIMIT as TEXT_LIMIT
from argmap._labels import TOOLTIP_LIMIT as TOOLTIP_LIMIT
from argmap._labels import WRAP_LIMIT as WRAP_LIMIT
from argmap._layout import _cluster as _cluster
from argmap._layout import _hung_on as _hung_on
from argmap._layout import _staggered, drawn_conflicts
from argmap.errors import MapError, RenderError
from argmap.model import ArgumentMap, Conflict, Inference, Statement
from argmap.report import Problem
from argmap.schemes import SCHEMES

if TYPE_CHECKING:
    from argmap.semantics import Evaluation

__all__ = [
    "FORMATS",
    "INSTALL_HINT",
    "LINE_STYLES",
    "STRENGTH_NAMES",
    "STRENGTH_RAMP",
    "Theme",
    "clean",
    "html_line",
    "html_lines",
    "html_text",
    "question_text",
    "quoted_text",
    "render",
    "scheme_name",
    "shorten",
    "strength_colour",
    "strength_name",
    "to_dot",
    "wrap",
    "write_digraph",
]

FORMATS = ("svg", "png", "pdf", "dot")
"""What :func:`render` writes; ``dot`` (also ``.gv``) is the DOT source and needs no binary."""

INSTALL_HINT = (
    "Graphviz's 'dot' program was not found on PATH: install Graphviz "
    "('apt-get install graphviz', 'brew install graphviz', or https://graphviz.org/download/), "
    "or install its WebAssembly build to draw SVG without it (pip install 'argmap[wasm]'), "
    "or write the .dot file instead"
)

_COLOUR = re.compile(
    r"#[0-9A-Fa-f]{6}(?:[0-9A-Fa-f]{2})?"  # #rrggbb, #rrggbbaa
    r"|[A-Za-z][A-Za-z0-9]{0,39}"  # a colour name: navy, grey80
    r"|/[A-Za-z0-9]{1,20}/[A-Za-z0-9]{1,40}"  # /scheme/name: /blues9/3
)
"""What a theme's colour may be: safe in DOT attributes and inside HTML-like labels."""
_FONT = re.compile(r'[^"<>&\\\x00-\x1f\x7f-\x9f]{1,100}')
"""What a font name may be: Graphviz 2.43 copies it unescaped into SVG's font-family."""

RANKDIRS = ("BT", "TB", "LR", "RL")
"""Graphviz's rank directions: bottom to top, top to bottom, left to right, right to left."""

LINE_STYLES = ("solid", "dashed", "dotted", "bold")
"""The line styles a theme may give hedged borders and implicit relations."""

STRENGTH_RAMP = ("#f7fbff", "#deebf7", "#c6dbef", "#9ecae1", "#6baed6", "#4292c6")
"""The fill of a statement by its gradual strength, from 0 (first) to 1 (last): the
lighter six of ColorBrewer's nine-class sequential *Blues* (C. Brewer, M. Harrower,
colorbrewer2.org; Harrower & Brewer, "ColorBrewer.org: an online tool for selecting
colour schemes for maps", *The Cartographic Journal* 40(1), 2003). One hue, growing
darker with the value, reads in grey print and to every kind of colour-blind eye;
stopping at the sixth class keeps black text legible (contrast over 6:1) on the
strongest statement."""

STRENGTH_NAMES: Mapping[str, str] = {
    "df-quad": "DF-QuAD strength (Rago et al. 2016)",
    "quad": "QuAD strength (Baroni et al. 2015)",
    "euler": "Euler-based strength (Amgoud & Ben-Naim 2017)",
    "quadratic-energy": "quadratic-energy strength (Potyka 2018)",
    "h-categoriser": "h-categoriser strength (Besnard & Hunter 2001)",
}
"""How a diagram's legend names each gradual semantics of :mod:`argmap.gradual`."""

STAGGER_LIMIT = 10
"""The most rows :attr:`Theme.stagger` may spread leaves over."""


def _colour(_: object, attribute: attrs.Attribute[str], value: object) -> None:
    if not isinstance(value, str) or not _COLOUR.fullmatch(value):
        raise RenderError(
            f"the theme's {attribute.name} must be a colour such as '#2e7d32' or 'navy', "
            f"not {_shown(value)}"
        )


def _font(_: object, attribute: attrs.Attribute[str], value: object) -> None:
    if (
        not isinstance(value, str)
        or not _FONT.fullmatch(value)
        or not value.strip()
        or _UNSAFE.search(value)
    ):
        raise RenderError(
            "the font must be a font name of 1 to 100 characters without control "
            f'characters or any of " < > & \\, not {_shown(value)}'
        )


def _font_size(_: object, attribute: attrs.Attribute[float], value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 3 <= value <= 72:
        raise RenderError(f"the font size must be a number from 3 to 72, not {_shown(value)}")


def _wrap(_: object, attribute: attrs.Attribute[int], value: object) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= WRAP_LIMIT:
        raise RenderError(
            f"the wrap width must be a whole number of characters from 1 to {WRAP_LIMIT}, "
            f"not {_shown(value)}"
        )


def _line_style(_: object, attribute: attrs.Attribute[str], value: object) -> None:
    if value not in LINE_STYLES:
        raise RenderError(
            f"the theme's {attribute.name} must be one of {', '.join(LINE_STYLES)}, "
            f"not {_shown(value)}"
        )


def _rankdir(_: object, attribute: attrs.Attribute[str], value: object) -> None:
    if value not in RANKDIRS:
        raise RenderError(
            f"the rank direction must be one of {', '.join(RANKDIRS)}, not {_shown(value)}"
        )


_HEX = re.compile(r"#[0-9A-Fa-f]{6}")


def _as_tuple(value: object) -> object:
    return tuple(value) if isinstance(value, list) else value


def _ramp(_: object, attribute: attrs.Attribute[tuple[str, ...]], value: object) -> None:
    if (
        not isinstance(value, tuple)
        or not 2 <= len(value) <= 12
        or not all(isinstance(colour, str) and _HEX.fullmatch(colour) for colour in value)
    ):
        raise RenderError(
            "the strength ramp must be 2 to 12 colours written #rrggbb, from the weakest "
            f"to the strongest, not {_shown(value)}"
        )


def _stagger(_: object, attribute: attrs.Attribute[int], value: object) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= STAGGER_LIMIT:
        raise RenderError(
            f"stagger must be a whole number of rows from 1 to {STAGGER_LIMIT}, not {_shown(value)}"
        )


@attrs.frozen
class Theme:
    """Colours and layout of a diagram; change one with ``attrs.evolve(Theme(), ...)``.

    Every value is checked when the theme is made, since each reaches the DOT text
    (colours even inside HTML-like labels): a colour is ``#rrggbb``, ``#rrggbbaa``, a
    colour name or ``/scheme/name``; the font a plain name; the sizes within what
    Graphviz can lay out; a line style one of :data:`LINE_STYLES`. Anything else is
    a :class:`~argmap.RenderError`.

    ``speaker_colour`` is the colour of the "— speaker" caption, ``scheme_colour``
    that of an inference's scheme; ``hedged_border`` is the border of a hedged
    statement and ``implicit_line`` the line of an implicit inference or conflict
    (both dotted: a weaker commitment than the text's own word).

    ``strength_ramp`` is the fill of a statement by its gradual strength (see
    :data:`STRENGTH_RAMP`): colours written ``#rrggbb``, the weakest first, blended
    linearly between. ``stagger`` is how many rows the leaves hanging off one statement
    are spread over (1: all in one row), so that a statement with many reasons makes a
    picture, not a ribbon (see :func:`to_dot`).
    """

    support: str = attrs.field(default="#2e7d32", validator=_colour)
    conflict: str = attrs.field(default="#c62828", validator=_colour)
    thesis_fill: str = attrs.field(default="#fff3c4", validator=_colour)
    statement_fill: str = attrs.field(default="#ffffff", validator=_colour)
    accepted_fill: str = attrs.field(default="#dcedc8", validator=_colour)
    rejected_fill: str = attrs.field(default="#ffcdd2", validator=_colour)
    undecided_fill: str = attrs.field(default="#eceff1", validator=_colour)
    cluster_fill: str = attrs.field(default="#f5f7fa", validator=_colour)
    id_colour: str = attrs.field(default="#607d8b", validator=_colour)
    font: str = attrs.field(default="Helvetica", validator=_font)
    font_size: float = attrs.field(default=11.0, validator=_font_size)
    wrap: int = attrs.field(default=34, validator=_wrap)
    rankdir: str = attrs.field(default="BT", validator=_rankdir)
    speaker_colour: str = attrs.field(default="#37474f", validator=_colour)
    scheme_colour: str = attrs.field(default="#1b5e20", validator=_colour)
    hedged_border: str = attrs.field(default="dotted", validator=_line_style)
    implicit_line: str = attrs.field(default="dotted", validator=_line_style)
    strength_ramp: tuple[str, ...] = attrs.field(
        default=STRENGTH_RAMP, converter=_as_tuple, validator=_ramp
    )
    stagger: int = attrs.field(default=4, validator=_stagger)


def _caption(text: str, colour: str, theme: Theme) -> str:
    """One small line of ``text`` (escaped, cut to :data:`LINE_LIMIT`) in ``colour``."""
    return f'<FONT POINT-SIZE="{theme.font_size - 2:g}" COLOR="{colour}">{html_line(text)}</FONT>'


def _statement_label(
    statement: Statement, mark: str, bold: bool, theme: Theme, speaker: bool
) -> str:
    """A statement's label: its id and marks, its text (italic when reported) and,
    when someone else holds it, a caption line naming them."""
    head = html_line(statement.id) + (f" · {mark}" if mark else "")
    text = html_lines(wrap(statement.text, theme.wrap), bold, statement.stance == "reported")
    said = ""
    if speaker and statement.speaker is not None:
        said = _caption(f"— {statement.speaker}", theme.speaker_colour, theme) + _BREAK
    return (
        f'<<FONT POINT-SIZE="{theme.font_size - 2:g}" COLOR="{theme.id_colour}">{head}</FONT>'
        f"{_BREAK}{text}{said}>"
    )


def scheme_name(scheme: str) -> str:
    """How a junction names the scheme ``scheme``: the catalogue's name without its
    "Argument from" ("Expert Opinion") for a key of :data:`~argmap.schemes.SCHEMES`,
    else ``scheme`` itself (a name that is not a key is shown as written)."""
    known = SCHEMES.get(scheme)
    if known is None:
        return scheme
    name = known.name.removeprefix("Argument from ").removesuffix(" Argument")
    return name.removeprefix("an ").removeprefix("a ")


def question_text(map: ArgumentMap, conflict: Conflict) -> str:
    """The tooltip of a conflict that raises a critical question: its key and, when
    the conflict undercuts an inference whose scheme is catalogued and has that
    question (or premise slot), the question's text."""
    key = conflict.question or ""
    inference = map.inferences.get(conflict.target)
    scheme = SCHEMES.get(inference.scheme or "") if inference is not None else None
    if scheme is not None:
        for question in scheme.critical_questions:
            if question.key == key:
                return f"{key} ({question.kind}): {question.text}"
        for slot in scheme.premises:
            if slot.key == key:
                return f"{key} (premise): {slot.questions[0] if slot.questions else slot.text}"
    return key


def strength_colour(value: float, ramp: Sequence[str] = STRENGTH_RAMP) -> str:
    """The fill of a statement of strength ``value`` (clipped to [0, 1]): the colour at
    that point of ``ramp`` (``#rrggbb`` colours, weakest first), blended linearly in
    RGB between the two nearest, as ``#rrggbb``."""
    if not ramp:
        raise RenderError("the strength ramp has no colours")
    value = min(1.0, max(0.0, float(value))) if value == value else 0.0  # NaN: weakest
    point = value * (len(ramp) - 1)
    low = min(int(point), len(ramp) - 2) if len(ramp) > 1 else 0
    share = point - low
    start = ramp[low]
    end = ramp[min(low + 1, len(ramp) - 1)]
    channels = (
        round(int(start[i : i + 2], 16) * (1 - share) + int(end[i : i + 2], 16) * share)
        for i in (1, 3, 5)
    )
    return "#" + "".join(f"{channel:02x}" for channel in channels)


def strength_name(strengths: Mapping[str, float]) -> str:
    """What the legend calls ``strengths``: its gradual semantics' name and paper (see
    :data:`STRENGTH_NAMES`) when it is a :class:`~argmap.strengths.Strengths`, else
    (a plain mapping) "gradual strength"."""
    semantics = getattr(strengths, "semantics", None)
    if not isinstance(semantics, str):
        return "gradual strength"
    return STRENGTH_NAMES.get(semantics, f"{semantics} strength")


_SAMPLE = '<TABLE BORDER="1" CELLBORDER="0" CELLPADDING="1"{}><TR><TD>{}</TD></TR></TABLE>'


def _legend(
    theme: Theme,
    with_position: bool,
    evaluation: Evaluation | None,
    strengths: Mapping[str, float] | None,
    marks: Iterable[str] = (),
) -> str:
    """The legend's HTML-like table: the visual grammar, the marks that occur
    (``marks``), the position's, and the one semantics the picture shows."""
    rows = [
        (f'<FONT COLOR="{theme.support}">———▶</FONT>', "supports (premises meet at ●)"),
        (f'<FONT COLOR="{theme.conflict}">———▶</FONT>', "attacks a statement"),
        (f'<FONT COLOR="{theme.conflict}">- - -▶ ●</FONT>', "undercuts an inference"),
        (f'<FONT COLOR="{theme.conflict}">◀———▶</FONT>', "contradiction"),
        ("<B>bold box</B>", "thesis"),
    ]
    occurring = set(marks)
    border = {"dotted": ' STYLE="dotted"', "dashed": ' STYLE="dashed"'}
    extra = {
        "speaker": (
            _caption("— speaker", theme.speaker_colour, theme),
            "who holds it in the text (none: the author)",
        ),
        "reported": ("<I>italic</I>", "reported: someone else's view"),
        "hedged": (
            _SAMPLE.format(border.get(theme.hedged_border, ""), "box"),
            "hedged: the author says it may be so",
        ),
        "conceded": (
            '<TABLE BORDER="1" CELLBORDER="1" CELLSPACING="1" CELLPADDING="1">'
            "<TR><TD>box</TD></TR></TABLE>",
            "conceded: granted by the author",
        ),
        "scheme": (
            f'<FONT COLOR="{theme.scheme_colour}"><I>Sign</I></FONT> ●',
            "argument scheme of the inference",
        ),
        "implicit": (
            {"dotted": "· · · ▶", "dashed": "- - - ▶", "bold": "▬▬▶"}.get(
                theme.implicit_line, "———▶"
            ),
            "implicit: the text leaves it unsaid",
        ),
        "question": (
            f'<FONT COLOR="{theme.conflict}"><I>bias</I></FONT>',
            "raises that critical question",
        ),
    }
    rows += [extra[key] for key in extra if key in occurring]
    if with_position:
        rows += [
            (f'<FONT COLOR="{theme.support}">✔</FONT>', "accepted in the position"),
            (f'<FONT COLOR="{theme.conflict}">✘</FONT>', "rejected in the position"),
        ]
    cells = "".join(
        f'<TR><TD ALIGN="RIGHT">{a}</TD><TD ALIGN="LEFT">{b}</TD></TR>' for a, b in rows
    )
    if evaluation is not None:
        cells += _row(f"<B>{html_line(evaluation.semantics)} semantics:</B>")
        cells += "".join(
            f'<TR><TD ALIGN="RIGHT"><FONT COLOR="{fill}">■</FONT></TD>'
            f'<TD ALIGN="LEFT">{text}</TD></TR>'
            for text, fill in (
                ("in", theme.accepted_fill),
                ("out (dashed)", theme.rejected_fill),
                ("undecided", theme.undecided_fill),
            )
        )
    if strengths is not None:
        cells += _row(f"<B>{html_line(strength_name(strengths))}:</B>")
        ramp = "".join(
            f'<TD BGCOLOR="{strength_colour(n / 4, theme.strength_ramp)}">{n / 4:.2f}</TD>'
            for n in range(5)
        )
        cells += _row(
            f'<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="2"><TR>{ramp}</TR>'
            "</TABLE>"
        )
        cells += _row("the fill and the number in each box, 0 to 1")
        defaults = getattr(strengths, "defaults", ())
        if "default" in occurring and defaults:
            cells += _row("* from a default base score")
    title = '<TR><TD COLSPAN="2"><B>Legend</B></TD></TR>'
    return f'<<TABLE BORDER="0" CELLSPACING="2">{title}{cells}</TABLE>>'


def _row(content: str) -> str:
    """A legend row across both columns."""
    return f'<TR><TD COLSPAN="2" ALIGN="LEFT">{content}</TD></TR>'


def to_dot(
    map: ArgumentMap,
    *,
    position: Mapping[str, bool] | None = None,
    evaluation: Evaluation | None = None,
    strengths: Mapping[str, float] | None = None,
    theme: Theme = Theme(),
    legend: bool = True,
    show_speakers: bool = True,
    show_schemes: bool = True,
) -> graphviz.Digraph:
    """The diagram of ``map`` as a :class:`graphviz.Digraph` (``.source`` is the DOT text).

    With ``position`` (statement id -> accepted?), accepted and rejected statements
    are marked. A diagram shows at most one semantics, and its legend names it
    (DESIGN.md §8): with ``evaluation`` (from :func:`argmap.evaluate`, a Dung
    semantics), statements and inferences are coloured by their label (in, out,
    undecided); with ``strengths`` instead (from :func:`argmap.strengths`, a gradual
    semantics such as DF-QuAD), each statement is filled by its strength on the
    theme's :data:`STRENGTH_RAMP` and shows it as a number, starred when its base
    score was a default. Given both, it raises :class:`~argmap.MapError`
    (``invalid-value``): grounded colours beside DF-QuAD numbers would tell two
    stories in one picture.

    ``show_speakers=False`` leaves out the "— speaker" captions, ``show_schemes=False``
    the schemes at the junctions and the critical questions on the conflicts (stances
    and implicit relations are always marked). The same map and options always give
    byte-identical DOT.

    The layout is Graphviz's ``dot``, told to make a picture rather than a ribbon: the
    leaves hanging off one statement (reasons and objections nothing else hangs on)
    are staggered over up to :attr:`Theme.stagger` rows by a ``minlen`` on their
    edges, as Graphviz's ``unflatten -l`` does, and those edges have no ``weight``, so
    that Graphviz may slant them rather than widen the picture (see ``_staggered``);
    ``mclimit=4`` gives Graphviz's crossing minimisation four times its usual passes,
    so that fewer edges cut through a cluster they do not belong to.
    ``unflatten`` itself does not help here (each reason reaches its conclusion
    through a junction node, so it sees no leaves to stagger) and needs a Graphviz
    program the WebAssembly fallback lacks; the DOT says it all, so every renderer
    lays it out the same way.
    """
    if evaluation is not None and strengths is not None:
        message = (
            "a diagram shows one semantics: pass evaluation= (a Dung semantics) or "
            "strengths= (a gradual semantics), not both."
        )
        raise MapError([Problem("invalid-value", "error", (), message)])
    dot = graphviz.Digraph("argmap")
    dot.attr(
        rankdir=theme.rankdir,
        fontname=theme.font,
        labelloc="t",
        newrank="true",
        mclimit="4",  # more passes to uncross: fewer edges through clusters not theirs
        nodesep="0.3",
        ranksep="0.45",
    )
    if map.title:
        dot.attr(
            label=f"<<B>{html_line(map.title)}</B>>",
            fontsize=f"{theme.font_size + 5:g}",
        )
    dot.attr("node", fontname=theme.font, fontsize=f"{theme.font_size:g}")
    dot.attr("edge", fontname=theme.font, fontsize=f"{theme.font_size - 2:g}")

    theses = set(map.theses)
    position = position or {}
    marks: set[str] = set()
    defaults = frozenset(getattr(strengths, "defaults", ()))
    if strengths is not None and defaults & set(map.statements):
        marks.add("default")
    minlen = _staggered(map, theme.stagger, across=theme.rankdir in ("LR", "RL"))
    names = {id: f"s{n}" for n, id in enumerate(map.statements, 1)}
    names.update({id: f"i{n}" for n, id in enumerate(map.inferences, 1)})

    clusters: dict[str, list[str]] = {}
    for statement in map.statements.values():
        clusters.setdefault(statement.tags[0] if statement.tags else "", []).append(statement.id)

    for number, (tag, members) in enumerate(clusters.items()):
        target = dot
        if tag:
            target = graphviz.Digraph(f"cluster_{number}")
            target.attr(
                label=f"<<I>{html_line(tag)}</I>>",
                style="rounded,filled",
                fillcolor=theme.cluster_fill,
                color="#b0bec5",
            )
        for id in members:
            statement = map.statements[id]
            _statement_node(
                target,
                names[id],
                statement,
                theses,
                position,
                evaluation,
                strengths,
                defaults,
                theme,
                show_speakers,
            )
            if show_speakers and statement.speaker is not None:
                marks.add("speaker")
            if statement.stance != "asserted":
                marks.add(statement.stance)
        if tag:
            dot.subgraph(target)

    for inference in map.inferences.values():
        _inference_node(
            dot, names, inference, evaluation, theme, show_schemes, minlen.get(inference.id)
        )
        if inference.implicit:
            marks.add("implicit")
        if show_schemes and inference.scheme:
            marks.add("scheme")

    attacked = {c.target for c in map.conflicts.values() if c.target in map.conflicts}
    for number, id in enumerate(map.conflicts, 1):
        if id in attacked:
            names[id] = f"c{number}"
            dot.node(
                names[id],
                "",
                shape="circle",
                width="0.12",
                height="0.12",
                fixedsize="true",
                style="filled",
                fillcolor=theme.conflict,
                color=theme.conflict,
            )
    for conflict in drawn_conflicts(map, names):
        attributes = {"color": theme.conflict, "penwidth": "1.4"}
        if conflict.target in map.inferences or conflict.target in map.conflicts:
            attributes["style"] = "dashed"
        if conflict.implicit:
            attributes["style"] = theme.implicit_line
            marks.add("implicit")
        if conflict.source != conflict.target and map.is_contradiction(conflict.id):
            attributes.update(dir="both", arrowtail="normal", constraint="false")
        elif conflict.id in minlen:
            attributes.update(minlen=str(minlen[conflict.id]), weight="0")
        question = dict(attributes)
        if show_schemes and conflict.question is not None:
            marks.add("question")
            tooltip = quoted_text(question_text(map, conflict))
            question.update(
                label=f"<<I>{html_line(conflict.question)}</I>>",
                fontcolor=theme.conflict,
                tooltip=tooltip,
                labeltooltip=tooltip,
            )
        if conflict.id in attacked:  # drawn through its junction, where its attackers end
            junction = names[conflict.id]
            dot.edge(names[conflict.source], junction, arrowhead="none", **attributes)
            dot.edge(junction, names[conflict.target], **question)
        else:
            dot.edge(names[conflict.source], names[conflict.target], **question)

    if legend and (map.statements or map.inferences):
        with dot.subgraph(name="cluster_legend") as box:
            box.attr(label="", color="#cfd8dc", style="rounded")
            table = _legend(theme, bool(position), evaluation, strengths, marks)
            box.node("legend", table, shape="plain")
    return dot


def _statement_node(
    target: graphviz.Digraph,
    name: str,
    statement: Statement,
    theses: Set[str],
    position: Mapping[str, bool],
    evaluation: Evaluation | None,
    strengths: Mapping[str, float] | None,
    defaults: Set[str],
    theme: Theme,
    show_speakers: bool,
) -> None:
    """One statement's box: fill and marks from the position, the evaluation or the
    strengths, its stance named in the header and shown by its text (reported) or
    border."""
    id = statement.id
    thesis = id in theses
    accepted = position.get(id)
    label = evaluation.labels.get(id) if evaluation is not None else None
    parts = [
        "" if statement.stance == "asserted" else statement.stance,
        {True: "✔ accepted", False: "✘ rejected", None: ""}[accepted],
        label or "",
        _strength_mark(strengths, defaults, id),
    ]
    mark = " · ".join(part for part in parts if part)
    fill = theme.thesis_fill if thesis else theme.statement_fill
    if label is not None:
        fill = _label_fill(label, theme)
    elif strengths is not None and _is_number(strengths.get(id)):
        fill = strength_colour(strengths[id], theme.strength_ramp)
    elif accepted is not None:
        fill = theme.accepted_fill if accepted else theme.rejected_fill
    style = "rounded,filled"
    if accepted is False or label == "out":  # defeated: dashed, whatever its stance
        style += ",dashed"
    elif statement.stance == "hedged" and theme.hedged_border != "solid":
        style += f",{theme.hedged_border}"
    attributes = {
        "shape": "box",
        "style": style,
        "fillcolor": fill,
        "penwidth": "2.5" if thesis else "1",
        "margin": "0.12,0.06",
    }
    if statement.stance == "conceded":
        attributes["peripheries"] = "2"
    if statement.quote is not None:
        attributes["tooltip"] = quoted_text(f"“{statement.quote.text}”")
    target.node(name, _statement_label(statement, mark, thesis, theme, show_speakers), **attributes)


def _strength_mark(strengths: Mapping[str, float] | None, defaults: Set[str], id: str) -> str:
    """A statement's strength as its header shows it ("0.73", "0.50*" when its base
    score was a default), or nothing."""
    if strengths is None or not _is_number(strengths.get(id)):
        return ""
    return f"{float(strengths[id]):.2f}" + ("*" if id in defaults else "")


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _inference_node(
    dot: graphviz.Digraph,
    names: Mapping[str, str],
    inference: Inference,
    evaluation: Evaluation | None,
    theme: Theme,
    show_schemes: bool,
    minlen: int | None = None,
) -> None:
    """One inference's junction, captioned with its label and scheme, and its edges
    (drawn in the theme's implicit line when the text leaves it unsaid); the premises
    of a staggered one hang ``minlen`` ranks below it, on edges of no weight, which
    Graphviz may slant to keep the picture narrow."""
    junction = names[inference.id]
    scheme = inference.scheme if show_schemes else None
    caption = " · ".join(part for part in (inference.label, scheme and scheme_name(scheme)) if part)
    applies = evaluation.labels.get(inference.id, "in") if evaluation is not None else "in"
    attributes: dict[str, str] = {}
    if caption:
        attributes["xlabel"] = (
            f'<<FONT COLOR="{theme.scheme_colour}"><I>{html_line(caption)}</I></FONT>>'
        )
    if scheme:
        known = SCHEMES.get(scheme)
        attributes["tooltip"] = quoted_text(known.name if known is not None else scheme)
    dot.node(
        junction,
        "",
        shape="circle",
        width="0.12",
        height="0.12",
        fixedsize="true",
        style="filled",
        fillcolor={"in": theme.support, "out": "#ffffff"}.get(applies, theme.undecided_fill),
        color=theme.support,
        **attributes,
    )
    line = {"style": theme.implicit_line} if inference.implicit else {}
    below = {"minlen": str(minlen), "weight": "0"} if minlen is not None else {}
    for premise in dict.fromkeys(inference.premises):
        if premise in names:
            dot.edge(
                names[premise], junction, color=theme.support, arrowhead="none", **line, **below
            )
    if inference.conclusion in names:
        dot.edge(
            junction,
            names[inference.conclusion],
            color=theme.support,
            penwidth="1.4",
            **line,
        )


def _label_fill(label: str, theme: Theme) -> str:
    return {"in": theme.accepted_fill, "out": theme.rejected_fill}.get(label, theme.undecided_fill)


def _format_of(path: pathlib.Path, format: str | None) -> str:
    chosen = (format or path.suffix.lstrip(".")).lower()
    chosen = "dot" if chosen == "gv" else chosen
    if chosen not in FORMATS:
        raise RenderError(
            f"cannot write {str(path)!r} as {chosen or 'an unknown format'!r}: "
            f"choose one of {', '.join(FORMATS)} (by suffix or format=)"
        )
    return chosen


def pipe(digraph: graphviz.Digraph, format: str) -> bytes:
    """Run ``dot`` on ``digraph``; a failure becomes a :class:`RenderError`.

    Without the ``dot`` program, the WebAssembly build of Graphviz (``argmap[wasm]``,
    see :mod:`argmap._wasm`) draws SVG instead; with neither, the error says how to
    get one or the other (:data:`INSTALL_HINT`). SVG is checked to be well-formed
    XML, whichever drew it: Graphviz copies some characters (U+FFFF, say, from a
    Digraph not made by :func:`to_dot`) into it unescaped.
    """
    _encoded(digraph.source)  # refuse what cannot reach Graphviz, before starting it
    try:
        content: bytes = digraph.pipe(format=format)
    except graphviz.ExecutableNotFound as error:
        if not _wasm.available():
            raise RenderError(INSTALL_HINT) from error
        content = _wasm.render(digraph.source, format)
    except BrokenPipeError as error:  # dot quit before reading all of it: not our stdout
        raise RenderError(
            "Graphviz failed to render the diagram: it stopped reading its input"
        ) from error
    except graphviz.CalledProcessError as error:
        stderr = error.stderr.decode("utf-8", "replace") if isinstance(error.stderr, bytes) else ""
        detail = stderr.strip().splitlines()[0] if stderr.strip() else f"exit {error.returncode}"
        raise RenderError(f"Graphviz failed to render the diagram: {detail}") from error
    if format == "svg":
        _check_xml(content)
    return content


def _check_xml(content: bytes) -> None:
    """Refuse SVG that is not well-formed XML, rather than write a file no viewer opens."""
    try:
        ElementTree.fromstring(content)
    except ElementTree.ParseError as error:
        raise RenderError(f"Graphviz drew SVG that is not well-formed XML: {error}") from None


def render(
    map: ArgumentMap,
    path: str | os.PathLike[str],
    *,
    format: str | None = None,
    position: Mapping[str, bool] | None = None,
    evaluation: Evaluation | None = None,
    strengths: Mapping[str, float] | None = None,
    theme: Theme = Theme(),
    legend: bool = True,
    inputs: Iterable[str | os.PathLike[str]] = (),
    show_speakers: bool = True,
    show_schemes: bool = True,
) -> pathlib.Path:
    """Draw ``map`` to ``path`` (svg, png, pdf or dot, from the suffix unless ``format``).

    The file is written by :func:`write_atomically`, never over one of ``inputs``
    (the files the map was read from); returns its path. The other options are
    :func:`to_dot`'s.
    """
    _format_of(pathlib.Path(path), format)  # refuse a bad format before any work
    digraph = to_dot(
        map,
        position=position,
        evaluation=evaluation,
        strengths=strengths,
        theme=theme,
        legend=legend,
        show_speakers=show_speakers,
        show_schemes=show_schemes,
    )
    return write_digraph(digraph, path, format=format, inputs=inputs)


def write_digraph(
    digraph: graphviz.Digraph,
    path: str | os.PathLike[str],
    *,
    format: str | None = None,
    inputs: Iterable[str | os.PathLike[str]] = (),
) -> pathlib.Path:
    """Write any Digraph to ``path`` (svg, png, pdf or dot) by :func:`write_atomically`,
    never over one of ``inputs``."""
    target = pathlib.Path(path)
    chosen = _format_of(target, format)
    inputs = tuple(inputs)
    refuse_inputs(target, inputs)  # before running Graphviz, which may take a while
    content = _encoded(digraph.source) if chosen == "dot" else pipe(digraph, chosen)
    write_atomically(target, content, inputs=inputs)
    return target


def _encoded(source: str) -> bytes:
    try:
        return source.encode("utf-8")
    except UnicodeEncodeError as error:  # a lone surrogate: no file can hold it
        raise RenderError(
            f"the diagram holds text that is not valid Unicode at character {error.start}"
        ) from None
