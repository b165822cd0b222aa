"""The scenario library: every scenario file found, checked, with its problems.

Two groups: the scenarios that come with Bridges (inside the package), and
the trainer's own (``<data folder>/scenarios``, the packs unpacked under
``<data folder>/packs`` and whatever was opened by path). A file that fails
the checker is listed with its ``file:line:col`` messages instead of
crashing the game, so a trainer sees what to fix.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from game.packs import scenario_folders, unpacked_packs
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
    from game.core.checker import check_file

    try:
        checked = check_file(path, rule_ids, display=f"{path.parent.name}/{path.name}")
    except Exception as exc:  # the checker promises not to raise; a scenario must never crash the game anyway
        return Entry(path, problems=[f"{path}: {type(exc).__name__}: {exc}"])
    if checked.ok:
        return Entry(path, checked.scenario, checked.hash)
    shown = checked.errors or checked.problems
    return Entry(path, problems=[str(p) for p in shown] or [f"{path}: cannot be loaded"])


def load_library(folders: list[Path], rule_ids: set[str] | None) -> list[Entry]:
    """Every ``*.yaml`` scenario in the folders (not the rulebook), shipped ones first, then playable ones in their ``order``;
    a file in the list is taken as it is."""
    paths: list[Path] = []
    for folder in folders:
        if folder.is_dir():
            paths += sorted(p for p in folder.glob("*.yaml") if p.name != RULEBOOK_NAME)
        elif folder.is_file() and folder not in paths:
            paths.append(folder)
    entries = [load_entry(p, rule_ids) for p in paths]
    return sorted(entries, key=lambda e: (group_of(e) != SHIPPED, not e.ok, e.scenario.order if e.ok else 0, e.path.name))
