"""Display hooks: how maps, reports, evaluations and what-ifs show themselves in Jupyter.

The classes keep their ``__repr__``/``_repr_html_``/``_repr_mimebundle_`` methods (so
IPython finds them where it always looks), and each asks this registry for the function
that does the work. :mod:`argmap._display`, which draws with :mod:`argmap.dot` and
:mod:`argmap.page` and so imports the model, fills the registry when it is imported, and
``argmap/__init__.py`` imports it. So the model imports nothing that imports it back: this
module imports nothing of argmap's.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar, cast

__all__ = ["HOOKS", "register", "show"]

_T = TypeVar("_T")

HOOKS: dict[str, Callable[[Any], Any]] = {}
"""Hook name (``"map_mimebundle"``, ``"report_repr"``, ...) -> the function called with the
object to show."""


def register(name: str, function: Callable[[Any], Any]) -> None:
    """Make ``function`` the hook ``name``."""
    HOOKS[name] = function


def show(name: str, value: object, default: Callable[[], _T]) -> _T:
    """The hook ``name`` applied to ``value``, or ``default()`` while none is registered
    (only while ``argmap`` itself is still being imported)."""
    hook = HOOKS.get(name)
    return default() if hook is None else cast(_T, hook(value))
