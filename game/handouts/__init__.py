"""Handouts: a one-page PDF per player or team, and one for the trainer.

At the end of a solo game the debrief offers the player's handout; at the
end of a workshop every team gets one and the trainer a summary. The PDFs
are drawn with fpdf2 in the game's own fonts (so Cyrillic, Greek, Romanian
and Polish print) and written to ``handouts/`` in the user's data folder::

    write_player(card, scenario, rulebook, "bg", name="Owls")
    -> ~/.local/share/bridges/handouts/2026-11-28-1405-demo-river-cleanup-owls.pdf

A folder that cannot be written raises :class:`HandoutError` with a message
that says where and why; nothing else is lost (the results are in the
database already).
"""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime
from pathlib import Path

from game.core.scenario import Scenario
from game.handouts.player import player_handout
from game.handouts.summary import workshop_summary
from game.scoring.rulebook import Rulebook
from game.store.atomic import write_atomic
from game.store.paths import data_dir


class HandoutError(Exception):
    """A handout could not be written; the message says where and why."""


def handouts_folder() -> Path:
    return data_dir() / "handouts"


def slug(text: str) -> str:
    """A file-name-safe form of a name (letters of any script kept)."""
    text = unicodedata.normalize("NFKC", text).strip().lower()
    text = re.sub(r"[^\w]+", "-", text, flags=re.UNICODE).strip("-")
    return text[:40] or "player"


def _write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / f"{name}.pdf"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        write_atomic(path, data)
    except OSError as error:
        raise HandoutError(f"could not write {path}: {error.strerror or error}. Free some space or check the folder's permissions.") from None
    return path


def write_player(card: dict, scenario: Scenario, rulebook: Rulebook, language: str, *, name: str = "",
                 folder: Path | None = None, when: datetime | None = None) -> Path:
    """Write one player's handout; returns its path."""
    when = when or datetime.now()
    data = player_handout(card, scenario, rulebook, language, name=name, created=when)
    stem = f"{when:%Y-%m-%d-%H%M}-{scenario.id}-{slug(name) if name else 'solo'}"
    return _write(folder or handouts_folder(), stem, data)


def write_workshop(comparison: dict, scenario: Scenario, rulebook: Rulebook, language: str, *,
                   folder: Path | None = None, when: datetime | None = None) -> list[Path]:
    """Write every team's handout and the trainer's summary (last); returns their paths."""
    when = when or datetime.now()
    folder = (folder or handouts_folder()) / f"{when:%Y-%m-%d-%H%M}-{scenario.id}-workshop"
    paths = []
    for index, (team, card) in enumerate(zip(comparison.get("teams") or [], comparison.get("scorecards") or []), 1):
        data = player_handout(card, scenario, rulebook, language, name=team.get("name", ""), created=when, missed=team.get("missed_turns"))
        paths.append(_write(folder, f"{index:02d}-{slug(team.get('name', ''))}", data))
    paths.append(_write(folder, "00-trainer-summary", workshop_summary(comparison, scenario, rulebook, language, created=when)))
    return paths
