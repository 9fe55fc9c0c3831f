"""One exception hierarchy for everything argmap raises.

Every error carries structured fields, not only a message, so that programs can
react to them and the command line can print one line per problem.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from argmap.report import Problem

__all__ = [
    "ArgmapError",
    "ConvergenceError",
    "FormatError",
    "MapError",
    "RenderError",
    "SolverUnavailableError",
]


class ArgmapError(Exception):
    """Base class of every error argmap raises on purpose."""


class MapError(ArgmapError):
    """A map refers to ids that do not exist, or uses one id twice.

    ``problems`` lists *every* such problem found, each naming its ids, so that an
    author fixes them all in one pass instead of one per run.
    """

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        lines = [problem.message for problem in self.problems]
        count = len(lines)
        head = f"{count} problem{'s' if count != 1 else ''} in the map"
        super().__init__(head + ":\n" + "\n".join(f"  {line}" for line in lines))


class FormatError(ArgmapError):
    """Input that cannot be read: says what, where (path, line, column) and what was expected.

    A reader that finds several problems (say, three unknown references) raises one
    error for the first and lists them all in ``problems``.
    """

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        line: int | None = None,
        column: int | None = None,
        expected: str | None = None,
        code: str = "format-error",
        problems: Iterable[Problem] = (),
    ) -> None:
        self.message = message
        self.path = path
        self.line = line
        self.column = column
        self.expected = expected
        self.code = code
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__(self._describe())

    @classmethod
    def from_problems(
        cls, problems: Iterable[Problem], *, path: str | None = None, expected: str | None = None
    ) -> FormatError:
        """One error for all the problems a reader found: the first says what and where,
        ``problems`` lists them all."""
        listed = tuple(problems)
        first = listed[0]
        return cls(
            first.message,
            path=path,
            line=first.line,
            column=first.column,
            expected=expected,
            code=first.code,
            problems=listed,
        )

    def _describe(self) -> str:
        where = ":".join(
            str(part) for part in (self.path, self.line, self.column) if part is not None
        )
        text = f"{where}: {self.message}" if where else self.message
        if self.expected:
            text += f" (expected {self.expected})"
        if len(self.problems) > 1:
            text += f" (and {len(self.problems) - 1} more)"
        return text


class RenderError(ArgmapError):
    """Graphviz could not render a diagram (missing ``dot`` binary, or ``dot`` failed)."""


class ConvergenceError(ArgmapError):
    """The strengths of a cyclic graph did not settle within ``max_iterations`` steps.

    ``semantics`` names the semantics, ``iterations`` the steps taken, ``change`` the
    largest ``|f(s) - s|`` after the last step, ``tolerance`` the bound it had to meet
    and ``arguments`` the strongly connected component that did not settle.
    """

    def __init__(
        self,
        semantics: str,
        iterations: int,
        change: float,
        tolerance: float,
        arguments: Sequence[str],
    ) -> None:
        self.semantics = semantics
        self.iterations = iterations
        self.change = change
        self.tolerance = tolerance
        self.arguments: tuple[str, ...] = tuple(arguments)
        shown = ", ".join(repr(name) for name in self.arguments[:5])
        more = f" and {len(self.arguments) - 5} more" if len(self.arguments) > 5 else ""
        super().__init__(
            f"{semantics} strengths did not converge within {iterations} "
            f"iteration{'s' if iterations != 1 else ''} on the cycle through {shown}{more}: "
            f"the last change was {change:.3g}, above the tolerance {tolerance:.3g}"
        )


class SolverUnavailableError(ArgmapError):
    """An optional solver was asked for explicitly but is not installed."""
