"""The player's settings: language, text size, contrast, fullscreen, motion.

Kept in ``settings.json`` in the user data folder; a missing or damaged file
gives the defaults, and unknown or wrong values are ignored one by one.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

from game.store.atomic import write_atomic
from game.store.paths import data_dir
from game.ui.i18n import languages
from game.ui.metrics import TEXT_SCALES

FILE_NAME = "settings.json"


MAX_SETTINGS_BYTES = 64 * 1024


def read_json_object(path: Path) -> dict:
    """A JSON object from a small file, or an empty dict if it is missing, damaged or far too large."""
    try:
        if path.stat().st_size > MAX_SETTINGS_BYTES:
            return {}
        value = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError, MemoryError):
        return {}
    return value if isinstance(value, dict) else {}


@dataclass
class Prefs:
    language: str | None = None   # None: not chosen yet (English until then)
    text_scale: float = 1.0
    high_contrast: bool = False
    fullscreen: bool = False
    motion: bool = True
    # Ask "who is playing" before a solo game. On for a player's own settings (load()); off for the Prefs that
    # tests, screenshots and benchmarks build, which go straight to the game.
    ask_player: bool = False

    @classmethod
    def path(cls) -> Path:
        return data_dir() / FILE_NAME

    @classmethod
    def load(cls) -> "Prefs":
        raw = read_json_object(cls.path())
        prefs = cls()
        if raw.get("language") in languages():  # a language whose catalog is gone is chosen again
            prefs.language = raw["language"]
        if raw.get("text_scale") in TEXT_SCALES:
            prefs.text_scale = float(raw["text_scale"])
        prefs.ask_player = True
        for name in ("high_contrast", "fullscreen", "motion", "ask_player"):
            if isinstance(raw.get(name), bool):
                setattr(prefs, name, raw[name])
        return prefs

    def save(self) -> None:
        try:
            write_atomic(self.path(), json.dumps(asdict(self), indent=2).encode("utf-8"))
        except OSError:
            pass  # settings are a convenience: never stop the game over them
