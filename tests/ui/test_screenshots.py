"""``python main.py screenshots --out DIR``: every screen of the demo, in both languages."""

from __future__ import annotations

import pygame

from game.ui.screenshots import main


def test_screenshots_cover_every_screen_of_the_demo_in_both_languages(tmp_path, data_dir):
    assert main(tmp_path) == 0
    shots = sorted(p.name for p in tmp_path.glob("*.png"))
    for language in ("en", "bg"):
        names = {name.split("-", 4)[-1][:-4] for name in shots if name.startswith(f"{language}-")}
        assert {"title", "language", "settings", "help", "library", "briefing", "choice", "feedback", "allocate", "pick",
                "negotiate", "people", "pause", "sequence", "event", "ending", "debrief", "debrief-decisions", "debrief-next"} <= names
    picture = pygame.image.load(str(tmp_path / shots[0]))
    assert picture.get_size() == (1920, 1080)
    assert len({picture.get_at((x, y))[:3] for x in range(0, 1920, 97) for y in range(0, 1080, 61)}) > 3  # not a blank frame
    assert not list(data_dir.iterdir())  # the player's data folder was not touched
