"""The scenario library: every scenario file found, checked, with its problems.

A file that fails the checker is listed with its ``file:line:col`` messages
instead of crashing the game, so a trainer sees what to fix.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from game.store.paths import data_dir

ROOT = Path(__file__).resolve().parents[2]
SCENARIOS = ROOT / "scenarios"
RULEBOOK_NAME = "rulebook.yaml"


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
    """The shipped scenarios, and the trainer's own in ``<data dir>/scenarios``."""
    return [SCENARIOS, data_dir() / "scenarios"]


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
    """Every ``*.yaml`` scenario in the folders (not the rulebook), playable ones first in their ``order``; a file in the list is taken as it is."""
    paths: list[Path] = []
    for folder in folders:
        if folder.is_dir():
            paths += sorted(p for p in folder.glob("*.yaml") if p.name != RULEBOOK_NAME)
        elif folder.is_file() and folder not in paths:
            paths.append(folder)
    entries = [load_entry(p, rule_ids) for p in paths]
    return sorted(entries, key=lambda e: (not e.ok, e.scenario.order if e.ok else 0, e.path.name))
