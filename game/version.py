"""The version of Bridges: ``bridges --version`` and the help screen's About.

Installed (a wheel, ``pip install -e .``, the frozen app), the version is the
installed distribution's, read with :mod:`importlib.metadata`. Run from a plain
checkout that was never installed (``python main.py``), it is ``FALLBACK``,
kept equal to ``[project] version`` in pyproject.toml (a test checks it).
"""

from __future__ import annotations

from functools import cache
from importlib import metadata

DISTRIBUTION = "bridges-ngo-game"  # the name on the package index ("bridges" is another project's)
FALLBACK = "0.1.0"


@cache  # the help screen asks at every layout
def version() -> str:
    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return FALLBACK
