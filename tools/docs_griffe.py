"""A Griffe extension for the documentation: argmap's reStructuredText docstrings as Markdown.

argmap's docstrings are written for Python's ``help()`` and in the reStructuredText
dialect Sphinx users know: ``:class:`~argmap.MapError``` roles, simple tables framed by
``====`` lines, ``::`` literal blocks, ``>>>`` sessions and ```text <url>`_`` links.
mkdocstrings renders docstrings as Markdown, where those would show as raw markup. This
extension rewrites them, once the package is loaded and before mkdocstrings renders:

* a role becomes a cross-reference (``[`MapError`][argmap.errors.MapError]``) when its
  target resolves to a public object of the package, which the API reference documents
  (so ``mkdocs build --strict`` fails on a link to an undocumented object); a target
  outside the package (``graphviz.Digraph``) or private becomes plain code;
* a simple table becomes a Markdown table (continuation lines joined);
* a ``::`` literal block and a ``>>>`` session become fenced code blocks;
* a hyperlink becomes a Markdown link.

The source files are not touched. Registered in ``mkdocs.yml``::

    extensions:
      - tools/docs_griffe.py:RestructuredText
"""

from __future__ import annotations

import re
import textwrap
from typing import Any

import griffe

__all__ = ["RestructuredText", "markdown"]

_ROLE = re.compile(r":(?:py:)?(class|func|meth|mod|data|attr|exc|obj|const):`(~?)([^`<>]+?)`")
_LINK = re.compile(r"`([^`<>]+?) <(https?://[^>]+)>`__?")
_BORDER = re.compile(r"^( *)=+( +=+)+ *$")
_DOCTEST = re.compile(r"^( *)>>> ")


class RestructuredText(griffe.Extension):
    """Rewrite every docstring of a loaded package from reStructuredText to Markdown."""

    def on_package(self, *, pkg: griffe.Module, **kwargs: Any) -> None:
        for obj in _objects(pkg):
            if obj.docstring is not None:
                obj.docstring.value = markdown(obj.docstring.value, obj)


def _objects(root: griffe.Object) -> list[griffe.Object]:
    found: list[griffe.Object] = []
    stack: list[griffe.Object] = [root]
    while stack:
        obj = stack.pop()
        found.append(obj)
        stack.extend(
            member
            for member in obj.members.values()
            if not member.is_alias and isinstance(member, griffe.Object)
        )
    return found


def markdown(text: str, obj: griffe.Object | None = None) -> str:
    """``text`` (a reStructuredText docstring of ``obj``) as Markdown."""
    lines = text.split("\n")
    lines = _tables(lines)
    lines = _literal_blocks(lines)
    lines = _doctests(lines)
    return _inline("\n".join(lines), obj)


# -- inline markup ---------------------------------------------------------------------


def _inline(text: str, obj: griffe.Object | None) -> str:
    parts = re.split(r"(^ *```.*?^ *```$|``.+?``)", text, flags=re.M | re.S)
    for n in range(0, len(parts), 2):  # outside fenced blocks and literals only
        parts[n] = _LINK.sub(r"[\1](\2)", parts[n])
        parts[n] = _ROLE.sub(lambda match: _role(match, obj), parts[n])
    return "".join(parts)


def _role(match: re.Match[str], obj: griffe.Object | None) -> str:
    role, tilde, target = match.group(1), match.group(2), match.group(3).strip()
    target = target.removesuffix("()")
    shown = target.rsplit(".", 1)[-1] if tilde else target.lstrip(".")
    if role in ("func", "meth"):
        shown += "()"
    path = _resolve(target, obj, module=role == "mod") if obj is not None else None
    return f"[`{shown}`][{path}]" if path else f"`{shown}`"


def _resolve(target: str, obj: griffe.Object, *, module: bool = False) -> str | None:
    """The canonical path of a public object of the package that ``target`` names.

    ``module`` says whether a module is meant: where a package re-exports a function
    under its module's name (``argmap.check``), Griffe's tree holds the module, and a
    ``:func:`` role means the function of that name inside it.
    """
    candidates: list[str] = []
    here = obj.module
    if target.startswith("."):
        package = here.parent if here.parent is not None else here
        candidates += [f"{package.path}{target}", f"{here.path}{target}"]
    else:
        head, _, rest = target.partition(".")
        scope: griffe.Object | None = obj
        while scope is not None:
            try:
                resolved = scope.resolve(head)
            except (griffe.NameResolutionError, KeyError, ValueError, AttributeError):
                scope = scope.parent
                continue
            candidates.append(f"{resolved}.{rest}" if rest else resolved)
            break
        candidates.append(target)
    for candidate in candidates:
        found = _lookup(candidate, obj)
        if found is None:
            continue
        if not module and obj.modules_collection[found].is_module:
            inner = _lookup(f"{found}.{found.rsplit('.', 1)[-1]}", obj)
            found = inner if inner is not None else found
        return found
    return None


def _lookup(path: str, obj: griffe.Object) -> str | None:
    try:
        found: Any = obj.modules_collection[path]
    except (KeyError, ValueError, AttributeError, griffe.AliasResolutionError):
        return None
    try:
        canonical: str = found.final_target.path if found.is_alias else found.path
    except (griffe.AliasResolutionError, griffe.CyclicAliasError):
        return None
    if any(part.startswith("_") for part in canonical.split(".")):
        return None
    return canonical


# -- blocks ------------------------------------------------------------------------------


def _tables(lines: list[str]) -> list[str]:
    """Simple tables (``===  ===`` borders) as Markdown tables."""
    out: list[str] = []
    n = 0
    while n < len(lines):
        border = _BORDER.match(lines[n])
        if not border:
            out.append(lines[n])
            n += 1
            continue
        starts = [m.start() for m in re.finditer(r"=+", lines[n])]
        rows: list[list[str]] = []
        header_rows = 0
        borders = 1
        n += 1
        while n < len(lines) and borders < 3:
            line = lines[n]
            n += 1
            if _BORDER.match(line):
                borders += 1
                if borders == 2:
                    header_rows = len(rows)
                continue
            if not line.strip():
                continue
            cells = [
                line[start : starts[k + 1] if k + 1 < len(starts) else None].strip()
                for k, start in enumerate(starts)
            ]
            if rows and not cells[0] and (borders == 2 or header_rows == 0):
                rows[-1] = [f"{a} {b}".strip() for a, b in zip(rows[-1], cells, strict=True)]
            else:
                rows.append(cells)
        head = [
            " ".join(c for c in column if c) for column in zip(*rows[:header_rows], strict=True)
        ]
        body = rows[header_rows:]
        indent = border.group(1)
        if out and out[-1].strip():
            out.append("")
        out.append(indent + "| " + " | ".join(_cell(c) for c in head) + " |")
        out.append(indent + "|" + "|".join(" --- " for _ in head) + "|")
        out.extend(indent + "| " + " | ".join(_cell(c) for c in row) + " |" for row in body)
        if n < len(lines) and lines[n].strip():
            out.append("")
    return out


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def _literal_blocks(lines: list[str]) -> list[str]:
    """A paragraph ending in ``::`` and the indented block after it: a fenced block."""
    out: list[str] = []
    n = 0
    while n < len(lines):
        line = lines[n]
        if not line.rstrip().endswith("::") or line.strip().startswith(".."):
            out.append(line)
            n += 1
            continue
        indent = len(line) - len(line.lstrip())
        stripped = line.rstrip()[:-2].rstrip()
        if stripped.strip():
            out.append(stripped + ":")
        n += 1
        block: list[str] = []
        while n < len(lines) and (
            not lines[n].strip() or len(lines[n]) - len(lines[n].lstrip()) > indent
        ):
            block.append(lines[n])
            n += 1
        while block and not block[-1].strip():
            block.pop()
        code = textwrap.dedent("\n".join(block)).strip("\n")
        language = "python" if re.search(r"^(from |import |def |@|class )", code, re.M) else "text"
        pad = " " * indent
        out += ["", f"{pad}```{language}", *(pad + c for c in code.split("\n")), f"{pad}```"]
        if n < len(lines):
            out.append("")
    return out


def _doctests(lines: list[str]) -> list[str]:
    """``>>>`` sessions (up to the next blank line) as ``pycon`` blocks."""
    out: list[str] = []
    n = 0
    fenced = False
    while n < len(lines):
        line = lines[n]
        if line.lstrip().startswith("```"):
            fenced = not fenced
        match = None if fenced else _DOCTEST.match(line)
        if match is None:
            out.append(line)
            n += 1
            continue
        pad = match.group(1)
        if out and out[-1].strip():
            out.append("")
        out.append(f"{pad}```pycon")
        while n < len(lines) and lines[n].strip():
            out.append(lines[n])
            n += 1
        out.append(f"{pad}```")
    return out
