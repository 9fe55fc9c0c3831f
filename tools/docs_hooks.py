"""MkDocs hooks of argmap's documentation (registered in ``mkdocs.yml`` under ``hooks:``).

Before each build, the figures the pages show are rendered into
``docs/images/generated/`` by :func:`docs_images.build`: from the reference example, or
by running the page's own code blocks. A page whose code fails fails the build.
"""

from __future__ import annotations

import logging
import pathlib
import sys
from typing import Any

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))

import docs_images

log = logging.getLogger("mkdocs.hooks.argmap")


def on_pre_build(config: Any, **kwargs: Any) -> None:
    """Render the documentation's figures."""
    for path in docs_images.build(pathlib.Path(config["docs_dir"])):
        log.info("rendered %s", path.name)
