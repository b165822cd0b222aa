"""Resume from the last decision: one autosave per scenario.

After every decision the session is written to
``<data dir>/autosave/<scenario id>.json`` (temporary file, fsync, rename),
so a crash or a closed laptop loses nothing. Loading replays the decision
log through the engine; a damaged, foreign or outdated save is refused with
a message the player can read, never executed and never a crash.

(Save slots and fully durable saves are a later issue; keep this module small.)
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from game.store.paths import data_dir
from game.ui.files import write_atomic

FOLDER = "autosave"


class ResumeError(Exception):
    """A save that cannot be resumed; ``str()`` says why, in plain words."""


def autosave_path(scenario_id: str) -> Path:
    return data_dir() / FOLDER / f"{scenario_id}.json"


def has_autosave(scenario_id: str) -> bool:
    return autosave_path(scenario_id).is_file()


def save(session: Any) -> None:
    """Write the session's state (raises OSError if the disk refuses)."""
    write_atomic(autosave_path(session.scenario.id), session.to_json())


def load(scenario: Any, scenario_hash: str) -> Any:
    """The saved session for a scenario, or ResumeError explaining what is wrong."""
    from game.core.engine import Session

    path = autosave_path(scenario.id)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ResumeError(f"cannot read {path.name}: {exc.strerror or exc}") from None
    try:
        return Session.from_json(scenario, text, scenario_hash)
    except ValueError as exc:  # SaveMismatch, InvalidAnswer, pydantic's ValidationError, bad JSON
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise ResumeError(first[:300]) from None
    except Exception as exc:  # a save is untrusted input: no content may crash the game
        raise ResumeError(f"{type(exc).__name__}: {exc}"[:300]) from None


def discard(scenario_id: str) -> None:
    try:
        autosave_path(scenario_id).unlink()
    except OSError:
        pass
