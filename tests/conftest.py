"""Test set-up: headless SDL before pygame is ever imported, and shared fixtures."""

import os
import tempfile

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ["BRIDGES_DATA_DIR"] = tempfile.mkdtemp(prefix="bridges-test-")  # never the user's real saves

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SCENARIOS = ROOT / "scenarios"
DEMO = SCENARIOS / "demo-river-cleanup.yaml"


@pytest.fixture(scope="session")
def rulebook():
    from game.scoring.rulebook import default_rulebook

    return default_rulebook()


@pytest.fixture(scope="session")
def demo(rulebook):
    from game.core.checker import check_file

    checked = check_file(DEMO, rulebook.ids)
    assert checked.ok, checked.problems
    return checked.scenario
