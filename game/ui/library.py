"""The scenario library: every scenario file found, checked, with its problems.

Two groups: the scenarios that come with Bridges (inside the package), and
the trainer's own (``<data folder>/scenarios``, the packs unpacked under
``<data folder>/packs`` and whatever was opened by path). A file that fails
the checker is listed with its ``file:line:col`` messages instead of
crashing the game, so a trainer sees what to fix.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from game.resources import RULEBOOK_NAME, scenarios_folder
from game.store.paths import packs_dir, scenarios_dir

SHIPPED, OWN = "shipped", "own"


@dataclass
class Entry:
    """One scenario file: its checked content, or the problems that stop it."""

    path: Path
    scenario: Any | None = None
    hash: str = ""
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.scenario is not None

    @property
    def id(self) -> str:
        return self.scenario.id if self.scenario is not None else self.path.stem


def default_folders() -> list[Path]:
    """The shipped scenarios, the trainer's own in ``<data dir>/scenarios``, and the packs unpacked before."""
    from game.packs import scenario_folders, unpacked_packs  # lazy for start-up time: it reads YAML (the title needs none)

    return [scenarios_folder(), scenarios_dir(), *(f for pack in unpacked_packs() for f in scenario_folders(pack))]


def _under(path: Path, folder: Path) -> bool:
    try:
        return path.resolve().is_relative_to(folder.resolve())
    except OSError:
        return False


def group_of(entry: Entry) -> str:
    """SHIPPED for a scenario that comes with Bridges, OWN for every other."""
    return SHIPPED if _under(entry.path, scenarios_folder()) else OWN


def pack_of(entry: Entry) -> str | None:
    """The name of the pack a scenario came in (its folder under the data folder's packs/), if it did."""
    if not _under(entry.path, packs_dir()):
        return None
    return entry.path.resolve().relative_to(packs_dir().resolve()).parts[0]


def grouped(entries: list[Entry]) -> dict[str, list[Entry]]:
    """The entries by group, shipped first, each in the library's order."""
    groups: dict[str, list[Entry]] = {SHIPPED: [], OWN: []}
    for entry in entries:
        groups[group_of(entry)].append(entry)
    return groups


def load_entry(path: Path, rule_ids: set[str] | None) -> Entry:
    """One scenario file, checked; a shipped one that passed before (same content, same game) is read back from the cache."""
    # Lazy for start-up time: the title screen imports this module, and these pull in the scenario models (pydantic).
    from game.core.checker import check_file
    from game.core.state import content_hash
    from game.store import checked as checked_cache

    cache_key = ""
    if _under(path, scenarios_folder()):
        try:
            digest = content_hash(path.read_bytes())
        except OSError:
            digest = ""
        cache_key = checked_cache.key(digest, rule_ids) if digest else ""
        scenario = checked_cache.recall(cache_key) if cache_key else None
        if scenario is not None:
            return Entry(path, scenario, digest)
    try:
        checked = check_file(path, rule_ids, display=f"{path.parent.name}/{path.name}")
    except Exception as exc:  # the checker promises not to raise; a scenario must never crash the game anyway
        return Entry(path, problems=[f"{path}: {type(exc).__name__}: {exc}"])
    if checked.ok:
        if cache_key:
            checked_cache.keep(cache_key, checked.scenario)
        return Entry(path, checked.scenario, checked.hash)
    shown = checked.errors or checked.problems
    return Entry(path, problems=[str(p) for p in shown] or [f"{path}: cannot be loaded"])


def library_paths(folders: list[Path]) -> list[Path]:
    """Every ``*.yaml`` scenario in the folders (not the rulebook); a file in the list is taken as it is."""
    paths: list[Path] = []
    for folder in folders:
        if folder.is_dir():
            paths += sorted(p for p in folder.glob("*.yaml") if p.name != RULEBOOK_NAME)
        elif folder.is_file() and folder not in paths:
            paths.append(folder)
    return paths


def in_library_order(entries: list[Entry]) -> list[Entry]:
    """Shipped ones first, then playable ones in their ``order``."""
    return sorted(entries, key=lambda e: (group_of(e) != SHIPPED, not e.ok, e.scenario.order if e.ok else 0, e.path.name))


def load_library(folders: list[Path], rule_ids: set[str] | None) -> list[Entry]:
    """Every scenario in the folders, checked, in the library's order."""
    return in_library_order([load_entry(p, rule_ids) for p in library_paths(folders)])


class Shelf:
    """The library kept between the screens that list it (library, saved games, options chosen, workshop set-up).

    Each look stats the files; only a file that is new or whose size or time changed is read and
    checked again, so an edited scenario still shows up. Thread-safe: the preload fills it while the
    title is shown, and a screen opened before that ends waits for it rather than checking twice.
    """

    def __init__(self, rule_ids: Callable[[], set[str] | None]):
        self.rule_ids = rule_ids  # asked when first needed (the rulebook is read then)
        self._known: dict[Path, tuple[tuple[int, int], Entry]] = {}
        self._lock = threading.Lock()

    def entries(self, folders: list[Path]) -> list[Entry]:
        """The scenarios in the folders, in the library's order (a new list each time)."""
        with self._lock:
            found = []
            for path in library_paths(folders):
                try:
                    info = path.stat()
                    stamp = (info.st_size, info.st_mtime_ns)
                except OSError:
                    stamp = (-1, -1)
                known = self._known.get(path)
                if known is None or known[0] != stamp:
                    known = (stamp, load_entry(path, self.rule_ids()))
                    self._known[path] = known
                found.append(known[1])
            return in_library_order(found)
