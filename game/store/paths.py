"""Where Bridges keeps the user's files (settings, autosaves, best scores, the trainer's scenarios).

No pygame here: the CLI, the tests and the UI all use it.

``BRIDGES_DATA_DIR`` (when set and not empty) wins over the platform's
per-user data folder, so tests and portable installs never touch the
user's real files. Nothing is ever written into the installed program.
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "bridges"
ENV_VAR = "BRIDGES_DATA_DIR"


def data_dir() -> Path:
    """The user data folder (not created here; writers create what they need).

    ``~/.local/share/bridges`` on Linux, ``~/Library/Application Support/bridges``
    on macOS, ``%LOCALAPPDATA%\\bridges`` on Windows (no author folder above it).
    """
    override = os.environ.get(ENV_VAR, "").strip()
    if override:
        return Path(override)
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def scenarios_dir() -> Path:
    """The trainer's own scenarios: ``new`` writes here, the library lists them apart from the shipped ones."""
    return data_dir() / "scenarios"


def schemas_dir() -> Path:
    """The JSON Schemas beside the trainer's scenarios, so a new file's modeline points at one that exists."""
    return data_dir() / "schemas"


def packs_dir() -> Path:
    """Scenario packs unpacked from ``.zip`` files, one folder each."""
    return data_dir() / "packs"


def cache_dir() -> Path:
    """What Bridges can rebuild at any time (the checker's verdicts on the shipped scenarios):
    ``<BRIDGES_DATA_DIR>/cache`` when that is set, else the platform's per-user cache folder
    (``~/.cache/bridges`` on Linux)."""
    override = os.environ.get(ENV_VAR, "").strip()
    if override:
        return Path(override) / "cache"
    from platformdirs import user_cache_dir

    return Path(user_cache_dir(APP_NAME, appauthor=False))


def results_path() -> Path:
    """The results database: sessions, decisions, scorecards and the xAPI outbox."""
    return data_dir() / "results.sqlite3"
