"""Render the figures of the documentation into ``docs/images/generated/``.

Every figure a page shows is made here, from code, at each build (the MkDocs hook
``tools/docs_hooks.py`` calls :func:`build`); none is pasted in. A page refers to
``images/generated/NAME``, and ``NAME`` is either

* one of :data:`ARTICLE_FIGURES`, drawn from ``examples/turkey_s400.py`` (the reference
  map of the S-400 article, as ``make images`` draws it for the README) or, for
  ``architecture.svg``, from the import graph ``tests/test_architecture.py`` checks, or
* a file that the page's own code blocks write: the page is run as the tests run it
  (``tools/docs_snippets.py``) in a temporary folder, and the files it names are
  copied from there. So the tutorial's diagrams are exactly what its code draws.

A figure is rewritten only when its bytes change, so ``mkdocs serve`` does not loop, and
one that no page shows any more is deleted.
``python tools/docs_images.py`` renders them all without building the site.
"""

from __future__ import annotations

import importlib.util
import pathlib
import re
import sys
import tempfile
from collections.abc import Callable
from types import ModuleType

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))

import docs_snippets

__all__ = ["ARTICLE_FIGURES", "build"]

ROOT = docs_snippets.ROOT
GENERATED = pathlib.PurePosixPath("images/generated")
_REFERENCE = re.compile(r"images/generated/([\w.-]+)")


def _example() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "turkey_s400_docs", ROOT / "examples" / "turkey_s400.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _article_map(target: pathlib.Path, *, semantics: str | None) -> None:
    from argmap import evaluate, render
    from argmap.strengths import strengths

    example = _example()
    article = docs_snippets.article_path()
    source = example.read_article(article) if article is not None else None
    amap = example.build_map(source)
    render(
        amap,
        target,
        theme=example.THEME,
        evaluation=evaluate(amap) if semantics == "grounded" else None,
        strengths=strengths(amap) if semantics == "df-quad" else None,
    )


def _article_page(target: pathlib.Path) -> None:
    """The S-400 map's interactive page, always without the article's text (the site is
    published, the article is not ours to copy): its source pane says the quotes are
    unchecked."""
    from argmap.page import write_html

    example = _example()
    write_html(example.build_map(None), target, theme=example.THEME)


ROOMS: dict[str, tuple[str, ...]] = {
    "cli": ("argmap.cli", "argmap.__main__"),
    "argmap (the public API)": ("argmap",),
    "strategies": ("argmap.strategies", "argmap._hypothesis"),
    "formats": ("argmap.formats",),
    "dot / page": (
        "argmap._display",
        "argmap.page",
        "argmap.dot",
        "argmap._labels",
        "argmap._layout",
        "argmap._wasm",
    ),
    "explain / cruxes / sensitivity": (
        "argmap._readout",
        "argmap.explain",
        "argmap._wording",
        "argmap.cruxes",
        "argmap.sensitivity",
        "argmap.whatif",
    ),
    "gradual": ("argmap.strengths", "argmap._strength_trace", "argmap.gradual"),
    "semantics / af": ("argmap.semantics", "argmap.af"),
    "build": ("argmap.build",),
    "check": (
        "argmap.check",
        "argmap._graph",
        "argmap._source_checks",
        "argmap._scheme_checks",
        "argmap.lexicon",
        "argmap._algorithms",
    ),
    "schemes": ("argmap.schemes",),
    "_files": ("argmap._files",),
    "model": ("argmap.model", "argmap._frozen", "argmap.report", "argmap.errors", "argmap._hooks"),
}
"""The rooms of the package (``docs/explanation/architecture.md``) and the modules in each:
a module belongs to the room with the longest prefix of its name (``argmap.af.grounded``
to ``argmap.af``)."""


def room_of(module: str) -> str:
    """The room of ``module``; ``KeyError`` for a module no room holds."""
    best, length = None, -1
    for room, prefixes in ROOMS.items():
        for prefix in prefixes:
            if (module == prefix or module.startswith(prefix + ".")) and len(prefix) > length:
                best, length = room, len(prefix)
    if best is None:
        raise KeyError(f"{module} is in no room of tools/docs_images.py's ROOMS")
    return best


def _import_graph() -> dict[str, set[str]]:
    """The import graph ``tests/test_architecture.py`` checks, from the same code."""
    spec = importlib.util.spec_from_file_location(
        "argmap_architecture_docs", ROOT / "tests" / "test_architecture.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    graph: dict[str, set[str]] = module.import_graph(ROOT / "argmap")
    return graph


def room_graph() -> tuple[dict[str, list[str]], dict[str, set[str]]]:
    """Room -> its modules (a subpackage's inner modules shown once, as ``name/``), and
    room -> the rooms its modules import."""
    graph = _import_graph()
    members: dict[str, list[str]] = {room: [] for room in ROOMS}
    arrows: dict[str, set[str]] = {room: set() for room in ROOMS}
    for module, targets in sorted(graph.items()):
        room = room_of(module)
        parts = module.split(".")[1:4] or ["argmap"]
        package = any(other.startswith(module + ".") for other in graph) or len(parts) == 3
        shown = "/".join(parts[:2]) + ("/" if package and module != "argmap" else "")
        if shown not in members[room]:
            members[room].append(shown)
        arrows[room] |= {room_of(target) for target in targets} - {room}
    return members, arrows


def _reduced(arrows: dict[str, set[str]]) -> dict[str, set[str]]:
    """``arrows`` without the arrows a longer path already implies (its transitive
    reduction: the graph is acyclic), so that the picture shows the layers."""

    def reachable(start: str, skip: str) -> set[str]:
        seen: set[str] = set()
        stack = [target for target in arrows[start] if target != skip]
        while stack:
            node = stack.pop()
            if node not in seen:
                seen.add(node)
                stack.extend(arrows[node])
        return seen

    return {
        room: {target for target in targets if target not in reachable(room, target)}
        for room, targets in arrows.items()
    }


def _architecture(target: pathlib.Path) -> None:
    """The rooms of the package and which imports which, drawn from the import graph:
    an arrow from a room to each room its modules import, but those a longer path
    implies."""
    import graphviz

    from argmap.dot import html_text, pipe

    members, arrows = room_graph()
    digraph = graphviz.Digraph("architecture")
    digraph.attr(rankdir="TB", ranksep="0.45", nodesep="0.25", fontname="Helvetica")
    digraph.attr(
        "node",
        shape="box",
        style="rounded,filled",
        fillcolor="#f5f7fa",
        color="#546e7a",
        fontname="Helvetica",
        fontsize="11",
    )
    digraph.attr("edge", color="#78909c", arrowsize="0.6")
    names = {room: f"r{number}" for number, room in enumerate(ROOMS)}
    for room, modules in members.items():
        if not modules:
            continue
        listed = "<BR/>".join(html_text(module) for module in modules)
        label = f'<<B>{html_text(room)}</B><BR/><FONT POINT-SIZE="9">{listed}</FONT>>'
        digraph.node(names[room], label=label)
    for room, targets in _reduced(arrows).items():
        for other in sorted(targets, key=list(ROOMS).index):
            digraph.edge(names[room], names[other])
    target.write_bytes(pipe(digraph, "svg"))


ARTICLE_FIGURES: dict[str, Callable[[pathlib.Path], None]] = {
    "article-map.svg": lambda target: _article_map(target, semantics=None),
    "article-evaluated.svg": lambda target: _article_map(target, semantics="grounded"),
    "article-strengths.svg": lambda target: _article_map(target, semantics="df-quad"),
    "article-page.html": _article_page,
    "architecture.svg": _architecture,
}
"""Figures drawn from code, by name: the reference map's (what ``make images`` draws for
the README), and the package's rooms and their imports (:func:`room_graph`)."""


def references(docs_dir: pathlib.Path) -> dict[pathlib.Path, set[str]]:
    """Page -> the generated figures it shows."""
    found: dict[pathlib.Path, set[str]] = {}
    for page in sorted(docs_dir.rglob("*.md")):
        names = set(_REFERENCE.findall(page.read_text(encoding="utf-8")))
        if names:
            found[page] = names
    return found


def _write_if_changed(target: pathlib.Path, content: bytes) -> bool:
    if target.is_file() and target.read_bytes() == content:
        return False
    target.write_bytes(content)
    return True


def build(docs_dir: pathlib.Path = docs_snippets.DOCS) -> list[pathlib.Path]:
    """Render every generated figure the pages of ``docs_dir`` show, and delete the ones
    none shows; returns the files written or deleted.

    Raises ``FileNotFoundError`` naming the page when a page shows a figure that neither
    :data:`ARTICLE_FIGURES` nor the page's own code makes, and ``ValueError`` when two
    pages show a figure of one name that their code makes.
    """
    out = docs_dir / GENERATED
    out.mkdir(parents=True, exist_ok=True)
    changed: list[pathlib.Path] = []
    pages = references(docs_dir)
    owners: dict[str, pathlib.Path] = {}
    for page, names in pages.items():
        for name in names - ARTICLE_FIGURES.keys():
            if owners.setdefault(name, page) != page:
                raise ValueError(
                    f"images/generated/{name} is shown by {owners[name]} and by {page}: "
                    "a figure made by a page's code must have a name of its own"
                )
    with tempfile.TemporaryDirectory(prefix="argmap-figures-") as scratch:
        scratch_dir = pathlib.Path(scratch)
        for page, names in pages.items():
            made: dict[str, pathlib.Path] = {}
            for name in sorted(names & ARTICLE_FIGURES.keys()):
                made[name] = scratch_dir / name
                if not made[name].is_file():
                    ARTICLE_FIGURES[name](made[name])
            if names - ARTICLE_FIGURES.keys():
                workdir = scratch_dir / page.relative_to(docs_dir).with_suffix("").as_posix()
                workdir.mkdir(parents=True)
                try:
                    docs_snippets.run_page(page, workdir, compare=False)
                except Exception as error:
                    raise RuntimeError(
                        f"{page}: its code failed while drawing its figures: {error!r}"
                    ) from error
                for name in names - ARTICLE_FIGURES.keys():
                    made[name] = workdir / name
            for name, path in sorted(made.items()):
                if not path.is_file():
                    raise FileNotFoundError(
                        f"{page}: shows images/generated/{name}, but its code blocks do not "
                        f"write {name!r} and it is not one of {sorted(ARTICLE_FIGURES)}"
                    )
                if _write_if_changed(out / name, path.read_bytes()):
                    changed.append(out / name)
    shown = set().union(*pages.values()) if pages else set()
    for stale in sorted(out.iterdir()):
        if stale.is_file() and not stale.name.startswith(".") and stale.name not in shown:
            stale.unlink()
            changed.append(stale)
    return changed


if __name__ == "__main__":
    for path in build():
        print(f"wrote {path.relative_to(ROOT)}")
