"""Where Bridges keeps the user's files (settings, autosaves, best scores).

No pygame here: the CLI, the tests and the UI all use it.

``BRIDGES_DATA_DIR`` (when set and not empty) wins over the platform's
per-user data folder, so tests and portable installs never touch the
user's real files.
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "bridges"
ENV_VAR = "BRIDGES_DATA_DIR"


def data_dir() -> Path:
    """The user data folder (not created here; writers create what they need)."""
    override = os.environ.get(ENV_VAR, "").strip()
    if override:
        return Path(override)
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME))
