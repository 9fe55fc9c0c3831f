"""The package's shape: imports go one way, modules stay readable, Lark is used through its
public API.

The import graph is read from the source with :mod:`ast`, not by importing: every
``import`` and ``from ... import`` at any depth (a function body's too), except those under
``if TYPE_CHECKING:``, which never run. An edge goes from a module to each of argmap's own
modules it names: ``from argmap import x`` names the submodule ``argmap.x`` when there is
one, else the package ``argmap`` (its ``__init__``); relative imports are resolved against
the importing module's package. The parent packages Python runs on the way to a module are
not edges: every module would otherwise be in a cycle with ``argmap/__init__.py``.

No function imports anything but an optional third-party package (:data:`LAZY_IMPORTS`;
the Hypothesis plugin hook, :data:`LAZY_MODULES`, waits for Hypothesis). A module over
:data:`LINE_LIMIT` lines passes only when its docstring carries
:data:`COHESION_MARKER` and says, in that sentence, why splitting it would obscure it.

``tools/docs_images.py`` draws ``docs/images/generated/architecture.svg`` from
:func:`import_graph`, so the picture in ``docs/explanation/architecture.md`` is this graph.
"""

from __future__ import annotations

import ast
import pathlib

PACKAGE = pathlib.Path(__file__).resolve().parent.parent / "argmap"
LINE_LIMIT = 900
COHESION_MARKER = "one cohesive"
"""The words a long module's docstring uses to say why it is one piece (``This module is
one cohesive ...: ...``)."""


def modules(package: pathlib.Path = PACKAGE) -> dict[str, pathlib.Path]:
    """Dotted name -> path, for every module under ``package`` (``__init__`` names the
    package itself)."""
    found: dict[str, pathlib.Path] = {}
    for path in sorted(package.rglob("*.py")):
        parts = path.relative_to(package.parent).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(tree: ast.AST) -> list[ast.Import | ast.ImportFrom]:
    """Every import statement that can run: all but those under ``if TYPE_CHECKING:``."""
    found: list[ast.Import | ast.ImportFrom] = []

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and _is_type_checking(node.test):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            found.append(node)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return found


def _targets(
    name: str, path: pathlib.Path, node: ast.Import | ast.ImportFrom, known: set[str]
) -> set[str]:
    """argmap's own modules that ``node``, in module ``name``, imports."""
    if isinstance(node, ast.Import):
        return {alias.name for alias in node.names if alias.name in known}
    if node.level:
        package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
        base_parts = package[: len(package) - (node.level - 1)]
        base = ".".join([*base_parts, *([node.module] if node.module else [])])
    else:
        base = node.module or ""
    found = set()
    for alias in node.names:
        submodule = f"{base}.{alias.name}"
        if submodule in known:
            found.add(submodule)
        elif base in known:
            found.add(base)
    return found


def import_graph(package: pathlib.Path = PACKAGE) -> dict[str, set[str]]:
    """Module -> the modules of argmap it imports (at run time, at any depth)."""
    paths = modules(package)
    known = set(paths)
    graph: dict[str, set[str]] = {}
    for name, path in paths.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        edges: set[str] = set()
        for node in _imports(tree):
            edges |= _targets(name, path, node, known)
        edges.discard(name)
        graph[name] = edges
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One cycle of ``graph`` as ``[a, b, ..., a]``, or ``None`` when it has none."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for target in sorted(graph.get(node, ())):
            if state.get(target) == 1:
                return [*path[path.index(target) :], target]
            if target not in state:
                cycle = visit(target)
                if cycle:
                    return cycle
        path.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state:
            cycle = visit(node)
            if cycle:
                return cycle
    return None


def test_the_graph_sees_imports_of_every_kind(tmp_path: pathlib.Path) -> None:
    package = tmp_path / "pkg"
    (package / "sub").mkdir(parents=True)
    (package / "__init__.py").write_text("from pkg.a import A\n")
    (package / "a.py").write_text(
        "from typing import TYPE_CHECKING\n"
        "from pkg import b\n"
        "if TYPE_CHECKING:\n    from pkg import c\n"
        "def f():\n    import pkg.sub.d\n"
    )
    (package / "b.py").write_text("from . import c\nfrom .sub import D\n")
    (package / "c.py").write_text("from pkg import A\n")
    (package / "sub" / "__init__.py").write_text("from .d import D\n")
    (package / "sub" / "d.py").write_text("from ..c import x\n")
    assert import_graph(package) == {
        "pkg": {"pkg.a"},
        "pkg.a": {"pkg.b", "pkg.sub.d"},
        "pkg.b": {"pkg.c", "pkg.sub"},
        "pkg.c": {"pkg"},
        "pkg.sub": {"pkg.sub.d"},
        "pkg.sub.d": {"pkg.c"},
    }
    assert find_cycle(import_graph(package)) == ["pkg", "pkg.a", "pkg.b", "pkg.c", "pkg"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None


def test_no_module_imports_a_module_that_imports_it_back() -> None:
    cycle = find_cycle(import_graph())
    assert cycle is None, "import cycle: " + " -> ".join(cycle or [])


def test_no_module_is_over_the_size_bar_unless_it_says_why() -> None:
    over = []
    for name, path in modules().items():
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if lines <= LINE_LIMIT:
            continue
        docstring = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""
        if COHESION_MARKER not in " ".join(docstring.split()):
            over.append(f"{name}: {lines} lines")
    assert not over, f"over {LINE_LIMIT} lines without {COHESION_MARKER!r} in the docstring: {over}"


LAZY_IMPORTS = {"clingo", "wasmtime", "IPython"}
"""Optional third-party packages, imported where they are needed, so that argmap works
without them."""

LAZY_MODULES = {"argmap._hypothesis"}
"""Hypothesis calls this plugin hook while importing itself: what the hook imports
(Hypothesis, and argmap's strategies, which import it) must wait until it is called."""


def test_no_function_imports_but_optional_packages() -> None:
    inside = []
    for name, path in modules().items():
        if name in LAZY_MODULES:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for function in ast.walk(tree):
            if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            for node in _imports(function):
                named = (
                    [alias.name for alias in node.names]
                    if isinstance(node, ast.Import)
                    else [node.module or "."]
                )
                if any(module.split(".")[0] not in LAZY_IMPORTS for module in named):
                    inside.append(f"{name}:{node.lineno}: {ast.unparse(node)}")
    assert not inside, f"imports inside functions: {sorted(set(inside))}"


def test_lark_is_used_through_its_public_api_only() -> None:
    private = []
    for name, path in modules().items():
        for node in _imports(ast.parse(path.read_text(encoding="utf-8"))):
            named = (
                [alias.name for alias in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
            )
            private += [
                f"{name}: {module}"
                for module in named
                if module.startswith(("lark.parser", "lark.parsers"))
            ]
    assert not private, f"private Lark modules imported: {private}"
