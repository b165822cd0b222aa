"""``python main.py play PATH``: a scenario file or a folder anywhere, with its
own pictures (scenario image, scene image, portraits) found in its folder."""

from __future__ import annotations

import shutil
from pathlib import Path

import pygame
import pytest

from tests.ui.helpers import texts

ROOT = Path(__file__).resolve().parents[2]
PICTURED = ROOT / "tests" / "data" / "pictured"
COVER, RIVER, FRIEND = (255, 0, 255), (0, 200, 200), (255, 128, 0)  # the test pictures' colours


def pixels_of(app, colour: tuple[int, int, int]) -> int:
    """How many pixels on screen have exactly this colour."""
    for scene in app.stack:
        scene.refresh()
    app.draw()
    surface = app.surface
    mask = pygame.mask.from_threshold(surface, colour, (1, 1, 1, 255))
    return mask.count()


@pytest.fixture
def anywhere(tmp_path):
    """The pictured scenario copied to a folder outside the game's own."""
    return Path(shutil.copytree(PICTURED, tmp_path / "somewhere" / "pictured"))


def test_a_scenario_played_by_path_shows_its_own_pictures(make_app, anywhere):
    app = make_app(scenario=anywhere / "pictured.yaml", size=(1280, 720))
    assert app.current_scene_name == "briefing" and "Pictured" in texts(app)
    assert pixels_of(app, COVER) > 2000  # the scenario's image, on the briefing
    app.click("start")
    assert app.current_scene_name == "choice" and pixels_of(app, RIVER) > 2000  # the scene's image
    app.click("option:plan")
    app.click("confirm")
    app.click("continue")
    assert app.current_scene_name == "pick" and pixels_of(app, FRIEND) > 200  # the portrait, on its card
    assert pixels_of(app, COVER) == 0


def test_a_picture_in_the_scenario_folder_wins_over_assets_and_a_missing_one_is_not_drawn(make_app, anywhere, monkeypatch):
    from game.ui import images

    assets = anywhere.parent / "assets"
    (assets / "images").mkdir(parents=True)
    shutil.copy(anywhere / "images" / "river.png", assets / "images" / "cover.png")  # a cover of another colour in assets/
    monkeypatch.setattr(images, "ASSETS", assets)
    assert images.find(anywhere / "pictured.yaml", "images/cover.png") == (anywhere / "images" / "cover.png").resolve()
    (anywhere / "images" / "cover.png").unlink()
    assert images.find(anywhere / "pictured.yaml", "images/cover.png") == (assets / "images" / "cover.png").resolve()
    assert images.find(anywhere / "pictured.yaml", "../pictured/images/river.png") is None
    shutil.copy(assets / "images" / "cover.png", anywhere / "images" / "cover.png")
    app = make_app(scenario=anywhere / "pictured.yaml")
    assert app.current_scene_name == "briefing" and pixels_of(app, RIVER) > 2000
    (anywhere / "images" / "cover.png").unlink()  # gone while playing (from both places): not drawn, and nothing breaks
    (assets / "images" / "cover.png").unlink()
    app.top.invalidate()
    assert pixels_of(app, RIVER) == 0


def test_the_play_command_takes_a_file_or_a_folder_anywhere(anywhere, monkeypatch, tmp_path):
    from game import cli
    from game.ui import app as app_module

    calls = []
    monkeypatch.setattr(app_module, "run", lambda **kw: calls.append(kw) or 0)
    assert cli.main(["play", str(anywhere)]) == 0                      # a folder with one scenario: that scenario
    assert cli.main(["play", str(anywhere / "pictured.yaml")]) == 0    # the file itself
    several = tmp_path / "several"
    several.mkdir()
    shutil.copy(anywhere / "pictured.yaml", several)
    shutil.copy(ROOT / "scenarios" / "demo-river-cleanup.yaml", several)
    assert cli.main(["play", str(several)]) == 0                       # a folder of scenarios: the library with them
    assert [c["scenario"] for c in calls] == [anywhere / "pictured.yaml", anywhere / "pictured.yaml", several]


def test_a_folder_of_scenarios_opens_the_library_with_them(make_app, tmp_path):
    several = tmp_path / "several"
    shutil.copytree(PICTURED, several)
    app = make_app(scenario=several)
    assert app.current_scene_name == "library"
    assert app.top.view.find("play:pictured") is not None and app.top.view.find("play:demo-river-cleanup") is not None


def test_a_scenario_played_by_path_is_listed_in_the_library_beside_the_shipped_ones(make_app, anywhere):
    app = make_app(scenario=anywhere / "pictured.yaml")
    app.key(pygame.K_ESCAPE)
    assert app.current_scene_name == "library" and app.top.view.find("play:pictured") is not None
