"""Problems and reports: what :func:`argmap.check` and the readers find.

A :class:`Problem` has a stable ``code`` (for programs and for suppressing), a
``severity``, the ``ids`` it concerns in a meaningful order, a one-sentence
``message`` naming them and, where the map came from a file, its location.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Iterator
from typing import Literal

import attrs

from argmap._hooks import show

__all__ = ["Location", "Problem", "Report", "Severity"]

Severity = Literal["error", "warning", "info"]

_SEVERITY_RANK: dict[str, int] = {"error": 0, "warning": 1, "info": 2}


@attrs.frozen
class Location:
    """Where something was written: a file path (if any), 1-based line and column."""

    path: str | None = None
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        return ":".join(str(part) for part in (self.path, self.line, self.column) if part)


@attrs.frozen
class Problem:
    """One thing wrong (or suspicious) about a map."""

    code: str
    severity: Severity
    ids: tuple[str, ...]
    message: str
    location: Location | None = None

    @property
    def line(self) -> int | None:
        return self.location.line if self.location else None

    @property
    def column(self) -> int | None:
        return self.location.column if self.location else None

    def __str__(self) -> str:
        where = f"{self.location}: " if self.location and str(self.location) else ""
        return f"{where}{self.severity} {self.code}: {self.message}"


def _problem_tuple(problems: Iterable[Problem]) -> tuple[Problem, ...]:
    return tuple(problems)


@attrs.frozen
class Report:
    """Every problem found in a map, errors first, each rule's findings in map order."""

    problems: tuple[Problem, ...] = attrs.field(converter=_problem_tuple, default=())

    @property
    def ok(self) -> bool:
        """True when there is no error (warnings and infos are allowed)."""
        return not self.errors

    @property
    def errors(self) -> tuple[Problem, ...]:
        return self._of("error")

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return self._of("warning")

    @property
    def infos(self) -> tuple[Problem, ...]:
        return self._of("info")

    @property
    def codes(self) -> frozenset[str]:
        """The distinct codes reported, handy in tests: ``"self-conflict" in report.codes``."""
        return frozenset(problem.code for problem in self.problems)

    def of(self, code: str) -> tuple[Problem, ...]:
        """The problems with ``code``."""
        return tuple(problem for problem in self.problems if problem.code == code)

    def _of(self, severity: Severity) -> tuple[Problem, ...]:
        return tuple(problem for problem in self.problems if problem.severity == severity)

    def summary(self) -> str:
        """One line: ``ok`` or how many errors, warnings and infos."""
        counts = [
            f"{len(group)} {name}{'s' if len(group) != 1 else ''}"
            for name, group in (
                ("error", self.errors),
                ("warning", self.warnings),
                ("info", self.infos),
            )
            if group
        ]
        return ("ok" if self.ok else "not ok") + (f": {', '.join(counts)}" if counts else "")

    def __iter__(self) -> Iterator[Problem]:
        return iter(self.problems)

    def __len__(self) -> int:
        return len(self.problems)

    def __str__(self) -> str:
        return "\n".join([*(str(problem) for problem in self.problems), self.summary()])

    def __repr__(self) -> str:
        return show("report_repr", self, lambda: object.__repr__(self))

    def _repr_html_(self) -> str:
        """Jupyter's display: the problems as a list, severities in colour."""
        return show("report_html", self, lambda: html.escape(str(self)))

    @classmethod
    def from_problems(cls, problems: list[Problem]) -> Report:
        """A report with errors first, keeping the rules' order within a severity."""
        return cls(sorted(problems, key=lambda problem: _SEVERITY_RANK.get(problem.severity, 3)))
