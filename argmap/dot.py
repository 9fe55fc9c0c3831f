"""Diagrams: an argument map as a Graphviz ``Digraph``, and rendering it to a file.

The visual grammar: statements are boxes with wrapped text (theses bold, with a
thick border); each inference is a small junction node where its linked premises
meet; support is green, conflict red; an undercut ends, dashed, on the junction of
the inference it attacks (a conflict that is itself attacked gets a red junction
too); a contradiction is one double-headed edge; the first tag of a statement puts
it in a labelled cluster; a position marks statements accepted or rejected; a
legend explains it all.

Every piece of user text goes into HTML-like labels through :func:`html_text`, and
node names are made by argmap (``s1``, ``i1``, ...), never taken from user ids, so
no text can break or inject into the DOT. Building DOT needs no Graphviz binary;
only :func:`render` to SVG, PNG or PDF runs ``dot`` (without it, SVG is drawn by
Graphviz compiled to WebAssembly when ``argmap[wasm]`` is installed).
"""

from __future__ import annotations

import html
import os
import pathlib
import re
import tempfile
import textwrap
from collections.abc import Mapping
from typing import TYPE_CHECKING

import attrs
import graphviz

from argmap.errors import RenderError
from argmap.model import ArgumentMap

if TYPE_CHECKING:
    from argmap.semantics import Evaluation

__all__ = [
    "FORMATS",
    "INSTALL_HINT",
    "Theme",
    "html_line",
    "html_text",
    "render",
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

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def _new_file_mode() -> int:
    umask = os.umask(0)  # reading the umask means setting it: put it straight back
    os.umask(umask)
    return 0o666 & ~umask


_NEW_FILE_MODE = _new_file_mode()


@attrs.frozen
class Theme:
    """Colours and layout of a diagram; change one with ``attrs.evolve(Theme(), ...)``."""

    support: str = "#2e7d32"
    conflict: str = "#c62828"
    thesis_fill: str = "#fff3c4"
    statement_fill: str = "#ffffff"
    accepted_fill: str = "#dcedc8"
    rejected_fill: str = "#ffcdd2"
    undecided_fill: str = "#eceff1"
    cluster_fill: str = "#f5f7fa"
    id_colour: str = "#607d8b"
    font: str = "Helvetica"
    font_size: float = 11.0
    wrap: int = 34
    rankdir: str = "BT"


def wrap(text: str, width: int) -> list[str]:
    """The lines a statement's text is shown in: its own line breaks kept, runs of
    white space folded, then wrapped at ``width`` characters."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        words = " ".join(paragraph.split())
        lines.extend(textwrap.wrap(words, width, break_on_hyphens=False) or [""])
    return lines


def html_text(text: str) -> str:
    """``text`` made safe for a Graphviz HTML-like label: markup characters become
    entities (``]`` too: Graphviz's lexer stumbles on a text that starts with it),
    backslashes are doubled (Graphviz expands ``\\N``, ``\\G``... even in HTML
    labels), and control characters, which its XML parser refuses, become U+FFFD."""
    escaped = html.escape(_CONTROL.sub("\ufffd", text).replace("\\", "\\\\"), quote=True)
    return escaped.replace("]", "&#93;")


def html_line(text: str) -> str:
    """Like :func:`html_text` for one-line places (ids, tags, titles): white space folded."""
    return html_text(" ".join(text.split()))


def _lines_html(lines: list[str], bold: bool = False) -> str:
    escaped = [html_text(line) for line in lines]
    if bold:
        escaped = [f"<B>{line}</B>" if line else line for line in escaped]
    return '<BR ALIGN="LEFT"/>'.join(escaped) + '<BR ALIGN="LEFT"/>'


def _statement_label(id: str, text: str, mark: str, bold: bool, theme: Theme) -> str:
    head = html_line(id) + (f" · {mark}" if mark else "")
    return (
        f'<<FONT POINT-SIZE="{theme.font_size - 2:g}" COLOR="{theme.id_colour}">{head}</FONT>'
        f'<BR ALIGN="LEFT"/>{_lines_html(wrap(text, theme.wrap), bold)}>'
    )


def _legend(theme: Theme, with_position: bool, evaluation: Evaluation | None, scored: bool) -> str:
    rows = [
        (f'<FONT COLOR="{theme.support}">———▶</FONT>', "supports (premises meet at ●)"),
        (f'<FONT COLOR="{theme.conflict}">———▶</FONT>', "attacks a statement"),
        (f'<FONT COLOR="{theme.conflict}">- - -▶ ●</FONT>', "undercuts an inference"),
        (f'<FONT COLOR="{theme.conflict}">◀———▶</FONT>', "contradiction"),
        ("<B>bold box</B>", "thesis"),
    ]
    if with_position:
        rows += [
            (f'<FONT COLOR="{theme.support}">✔</FONT>', "accepted in the position"),
            (f'<FONT COLOR="{theme.conflict}">✘</FONT>', "rejected in the position"),
        ]
    if evaluation is not None:
        rows += [
            (f'<FONT COLOR="{fill}">■</FONT>', f"{label} ({evaluation.semantics})")
            for label, fill in (
                ("in", theme.accepted_fill),
                ("out", theme.rejected_fill),
                ("undecided", theme.undecided_fill),
            )
        ]
    if scored:
        rows.append(("0.73", "gradual strength, 0 to 1"))
    cells = "".join(
        f'<TR><TD ALIGN="RIGHT">{a}</TD><TD ALIGN="LEFT">{b}</TD></TR>' for a, b in rows
    )
    title = '<TR><TD COLSPAN="2"><B>Legend</B></TD></TR>'
    return f'<<TABLE BORDER="0" CELLSPACING="2">{title}{cells}</TABLE>>'


def to_dot(
    map: ArgumentMap,
    *,
    position: Mapping[str, bool] | None = None,
    evaluation: Evaluation | None = None,
    strengths: Mapping[str, float] | None = None,
    theme: Theme = Theme(),
    legend: bool = True,
) -> graphviz.Digraph:
    """The diagram of ``map`` as a :class:`graphviz.Digraph` (``.source`` is the DOT text).

    With ``position`` (statement id -> accepted?), accepted and rejected statements
    are marked. With ``evaluation`` (from :func:`argmap.evaluate`), statements and
    inferences are coloured by their label (in, out, undecided); with ``strengths``
    (from :func:`argmap.strengths`), each statement shows its strength. The same map
    and options always give byte-identical DOT.
    """
    dot = graphviz.Digraph("argmap")
    dot.attr(
        rankdir=theme.rankdir,
        fontname=theme.font,
        labelloc="t",
        newrank="true",
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

    names = {id: f"s{n}" for n, id in enumerate(map.statements, 1)}
    names.update({id: f"i{n}" for n, id in enumerate(map.inferences, 1)})
    theses = set(map.theses)
    position = position or {}

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
            thesis = id in theses
            accepted = position.get(id)
            label = evaluation.labels.get(id) if evaluation is not None else None
            marks = [
                {True: "✔ accepted", False: "✘ rejected", None: ""}[accepted],
                label or "",
                f"{strengths[id]:.2f}" if strengths is not None and id in strengths else "",
            ]
            mark = " · ".join(part for part in marks if part)
            fill = theme.thesis_fill if thesis else theme.statement_fill
            if label is not None:
                fill = _label_fill(label, theme)
            elif accepted is not None:
                fill = theme.accepted_fill if accepted else theme.rejected_fill
            defeated = accepted is False or label == "out"
            attributes = {
                "shape": "box",
                "style": "rounded,filled" + (",dashed" if defeated else ""),
                "fillcolor": fill,
                "penwidth": "2.5" if thesis else "1",
                "margin": "0.12,0.06",
            }
            if statement.quote is not None:
                attributes["tooltip"] = graphviz.escape(
                    _CONTROL.sub("\ufffd", f"“{statement.quote.text}”")
                )
            target.node(
                names[id],
                _statement_label(id, statement.text, mark, thesis, theme),
                **attributes,
            )
        if tag:
            dot.subgraph(target)

    for inference in map.inferences.values():
        junction = names[inference.id]
        caption = " · ".join(part for part in (inference.label, inference.scheme) if part)
        applies = evaluation.labels.get(inference.id, "in") if evaluation is not None else "in"
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
            **({"xlabel": f"<<I>{html_line(caption)}</I>>"} if caption else {}),
        )
        for premise in dict.fromkeys(inference.premises):
            if premise in names:
                dot.edge(names[premise], junction, color=theme.support, arrowhead="none")
        if inference.conclusion in names:
            dot.edge(
                junction,
                names[inference.conclusion],
                color=theme.support,
                penwidth="1.4",
            )

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
    drawn: set[tuple[str, str]] = set()
    for conflict in map.conflicts.values():
        if conflict.source not in names or conflict.target not in names:
            continue
        if (conflict.target, conflict.source) in drawn:
            continue
        drawn.add((conflict.source, conflict.target))
        attributes = {"color": theme.conflict, "penwidth": "1.4"}
        if conflict.target in map.inferences or conflict.target in map.conflicts:
            attributes["style"] = "dashed"
        if conflict.source != conflict.target and map.is_contradiction(conflict.id):
            attributes.update(dir="both", arrowtail="normal", constraint="false")
        if conflict.id in attacked:  # drawn through its junction, where its attackers end
            junction = names[conflict.id]
            dot.edge(names[conflict.source], junction, arrowhead="none", **attributes)
            dot.edge(junction, names[conflict.target], **attributes)
        else:
            dot.edge(names[conflict.source], names[conflict.target], **attributes)

    if legend and (map.statements or map.inferences):
        with dot.subgraph(name="cluster_legend") as box:
            box.attr(label="", color="#cfd8dc", style="rounded")
            table = _legend(theme, bool(position), evaluation, strengths is not None)
            box.node("legend", table, shape="plain")
    return dot


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


def write_atomically(path: pathlib.Path, content: bytes) -> None:
    """Write ``content`` to ``path`` through a temporary file in the same folder, then
    rename it into place: a reader never sees half a file, and a failure leaves the
    old file untouched. The file gets the permissions a plain ``open`` would give it
    (those of the file it replaces, else the umask's), not the temporary file's 0600."""
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(content)
        os.chmod(temporary, path.stat().st_mode & 0o7777 if path.exists() else _NEW_FILE_MODE)
        os.replace(temporary, path)
    except BaseException:
        pathlib.Path(temporary).unlink(missing_ok=True)
        raise


def pipe(digraph: graphviz.Digraph, format: str) -> bytes:
    """Run ``dot`` on ``digraph``; a failure becomes a :class:`RenderError`.

    Without the ``dot`` program, the WebAssembly build of Graphviz (``argmap[wasm]``,
    see :mod:`argmap._wasm`) draws SVG instead; with neither, the error says how to
    get one or the other (:data:`INSTALL_HINT`).
    """
    try:
        content: bytes = digraph.pipe(format=format)
    except graphviz.ExecutableNotFound as error:
        from argmap import _wasm

        if not _wasm.available():
            raise RenderError(INSTALL_HINT) from error
        return _wasm.render(digraph.source, format)
    except graphviz.CalledProcessError as error:
        stderr = error.stderr.decode("utf-8", "replace") if isinstance(error.stderr, bytes) else ""
        detail = stderr.strip().splitlines()[0] if stderr.strip() else f"exit {error.returncode}"
        raise RenderError(f"Graphviz failed to render the diagram: {detail}") from error
    return content


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
) -> pathlib.Path:
    """Draw ``map`` to ``path`` (svg, png, pdf or dot, from the suffix unless ``format``).

    The file is written atomically; returns its path.
    """
    _format_of(pathlib.Path(path), format)  # refuse a bad format before any work
    digraph = to_dot(
        map,
        position=position,
        evaluation=evaluation,
        strengths=strengths,
        theme=theme,
        legend=legend,
    )
    return write_digraph(digraph, path, format=format)


def write_digraph(
    digraph: graphviz.Digraph, path: str | os.PathLike[str], *, format: str | None = None
) -> pathlib.Path:
    """Write any Digraph to ``path`` (svg, png, pdf or dot), atomically."""
    target = pathlib.Path(path)
    chosen = _format_of(target, format)
    content = digraph.source.encode("utf-8") if chosen == "dot" else pipe(digraph, chosen)
    write_atomically(target, content)
    return target
