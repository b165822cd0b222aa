"""The checker's verdict on the shipped scenarios, kept between runs.

Checking the shipped scenarios costs seconds at every start, yet their
content only changes with the game. A scenario that passed the checker is
kept as JSON in ``<cache folder>/checked/<key>.json``; the key is made of
the file's content hash, the game's version, the checker's code (the sizes
and times of ``game/core``'s files, so a developer's edit counts) and the
rulebook's rule ids. A missing, damaged or foreign file is simply checked
again; nothing here is ever needed to play.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from functools import cache
from importlib.util import find_spec
from pathlib import Path

from game.core.scenario import Scenario
from game.store.paths import cache_dir
from game.version import version


@cache
def _code_stamp() -> str:
    """The game's version and the checker's code, as a short hash."""
    core = Path(next(iter(find_spec("game.core").submodule_search_locations)))
    digest = hashlib.sha256(version().encode())
    for source in sorted(core.rglob("*.py")):
        info = source.stat()
        digest.update(f"{source.relative_to(core)}:{info.st_size}:{info.st_mtime_ns}".encode())
    return digest.hexdigest()[:16]


def key(content_hash: str, rule_ids: set[str] | None) -> str:
    """The cache key of one scenario's content checked against these rule ids by this game."""
    rules = "\n".join(sorted(rule_ids)) if rule_ids is not None else "-"
    return hashlib.sha256(f"{content_hash}|{_code_stamp()}|{rules}".encode()).hexdigest()[:24]


def _file(cache_key: str) -> Path:
    return cache_dir() / "checked" / f"{cache_key}.json"


def recall(cache_key: str) -> Scenario | None:
    """The scenario kept under this key, or None (never kept, or the file does not read back)."""
    try:
        return Scenario.model_validate_json(_file(cache_key).read_bytes())
    except (OSError, ValueError):
        return None


def keep(cache_key: str, scenario: Scenario) -> None:
    """Keep a scenario that passed the checker (written whole or not at all; a full disk is not an error)."""
    target = _file(cache_key)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
        with os.fdopen(handle, "wb") as out:
            out.write(scenario.model_dump_json(by_alias=True).encode())
        os.replace(temporary, target)
    except OSError:
        return
