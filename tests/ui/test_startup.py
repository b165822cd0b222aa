"""Start-up: the first frame (the title screen) needs none of the heavy parts, which load when a screen needs them."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from tests.conftest import ROOT

HEAVY = ("pydantic", "yaml", "babel", "sqlite3", "fpdf", "aiohttp", "game.core", "game.scoring", "game.xapi", "game.packs",
         "game.store.checked")
LIGHT = {"game.scoring", "game.scoring.explained"}  # the analyzer's help text for the command line: plain strings


def test_the_title_screen_is_painted_without_the_heavy_modules(tmp_path):
    """As ``python main.py`` starts: the command line, then the app up to its first frame."""
    code = ("import json, sys, game.cli; from benchmarks.first_frame import main; main(['--size', '640x360'])\n"
            "print(json.dumps(sorted(sys.modules)))")
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy", "BRIDGES_DATA_DIR": str(tmp_path)}
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=ROOT, check=True)
    lines = run.stdout.splitlines()
    assert lines[0] == "ready"
    loaded = [m for m in json.loads(lines[-1]) if m.startswith(HEAVY) and m not in LIGHT]
    assert loaded == [], f"imported before the first frame: {loaded}"
