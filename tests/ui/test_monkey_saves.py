"""The seeded monkey on the Save / Load screen (with saves that cannot be
loaded) and on the F5 overlays: nothing raises, no screen is left without a
way on, and no save file that could not be loaded is changed without asking."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pygame
import pytest

from game.store.paths import data_dir
from tests.ui.helpers import choose
from tests.ui.test_monkey import random_event

ROOT = Path(__file__).resolve().parents[2]
EVENTS = 300


@pytest.mark.parametrize("stop", ["saves", "reload-problems"])
def test_random_input_on_the_save_and_reload_screens_never_breaks(make_app, tmp_path, stop):
    saves = data_dir() / "saves"
    saves.mkdir(parents=True)
    damaged = b'{"kind": "bridges-save", "format": 1, "sav'
    (saves / "slot3.json").write_bytes(damaged)
    copy = Path(shutil.copy(ROOT / "scenarios" / "demo-river-cleanup.yaml", tmp_path))
    app = make_app(scenario=copy)
    app.click("start")
    choose(app, "write-strategy")
    app.click("continue")
    if stop == "saves":
        app.key(pygame.K_ESCAPE)
        app.click("saves")
    else:
        copy.write_text(copy.read_text(encoding="utf-8").replace("kind: allocate", "kind: alocate"), encoding="utf-8")
        app.key(pygame.K_F5)
    assert app.current_scene_name == stop
    rng = random.Random(f"monkey:{stop}")
    slot3 = saves / "slot3.json"
    for index in range(EVENTS):
        asked = app.current_scene_name == "confirm"
        if rng.random() < 0.03:
            app.post(pygame.KEYDOWN, key=pygame.K_F5, mod=0, unicode="", scancode=0)
        random_event(app, rng, stay=index < EVENTS * 0.6)
        if not app.running:
            break
        assert app.stack and app.stack[0].opaque
        app.top.refresh()
        assert any(t.enabled for t in app.top.view.targets), f"{app.current_scene_name} has nothing to press"
        if slot3.read_bytes() != damaged:  # the save that cannot be loaded was replaced: only from a confirmation
            assert asked, "slot 3 was replaced without asking"
            damaged = slot3.read_bytes()
