"""F5 reads the scenario being played again: the same decision on the new
version, the checker's messages over the old version when the file is broken,
and an offer to restart when the decisions no longer fit."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pygame
import pytest

from tests.ui.helpers import choose, texts

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def copy(tmp_path):
    folder = tmp_path / "trainer"
    folder.mkdir()
    return Path(shutil.copy(ROOT / "scenarios" / "demo-river-cleanup.yaml", folder))


def play_one_decision(make_app, path, language="en"):
    app = make_app(scenario=path, language=language)
    assert app.current_scene_name == "briefing"
    app.click("start")
    choose(app, "write-strategy")
    app.click("continue")
    app.click("plus:regional-forum")
    assert app.top.scene_id == "where-to-look"
    return app


def test_f5_with_an_edited_file_keeps_the_decision_and_shows_the_new_text(make_app, copy):
    app = play_one_decision(make_app, copy)
    log = list(app.play.session.state.log)
    recorder = app.play.recorder
    copy.write_text(copy.read_text(encoding="utf-8").replace("Where to look for partners", "Where to look for good partners"), encoding="utf-8")
    app.key(pygame.K_F5)
    assert app.current_scene_name == "allocate" and app.top.scene_id == "where-to-look"
    assert app.play.session.state.log == log
    shown = texts(app)
    assert "Where to look for good partners" in shown and "Reloaded demo-river-cleanup.yaml" in shown
    assert app.play.recorder is recorder  # the same session goes on in the results store


def test_f5_with_a_broken_file_shows_the_checker_lines_and_keeps_the_old_version(make_app, copy):
    app = play_one_decision(make_app, copy)
    play = app.play
    text = copy.read_text(encoding="utf-8")
    copy.write_text(text.replace("id: write-strategy", "id: Write Strategy").replace("kind: allocate", "kind: alocate"), encoding="utf-8")
    app.key(pygame.K_F5)
    assert app.current_scene_name == "reload-problems"
    shown = texts(app)
    assert "The scenario file has problems" in shown and "You are still playing the version loaded before." in shown
    lines = app.top.entry.problems
    assert len(lines) >= 2 and all(re.match(r"trainer/demo-river-cleanup\.yaml:\d+:\d+: ", line) for line in lines)
    for line in lines:  # every checker line is on screen: its place, then its path and message
        where, what = line.split(": ", 1)
        assert where in shown and what.split(": ")[0] in shown
    app.click("close")
    assert app.play is play and app.current_scene_name == "allocate" and app.top.points["regional-forum"] == 1
    copy.write_text(text, encoding="utf-8")  # fixed: F5 again (from the overlay's button) brings the new version
    app.key(pygame.K_F5)
    assert app.play is not play and app.top.scene_id == "where-to-look"


def test_f5_when_the_decisions_no_longer_fit_offers_to_restart(make_app, copy):
    app = play_one_decision(make_app, copy, language="bg")
    play = app.play
    copy.write_text(copy.read_text(encoding="utf-8").replace("write-strategy", "write-a-plan"), encoding="utf-8")
    app.key(pygame.K_F5)
    assert app.current_scene_name == "reload-misfit"
    assert "Вашето решение 1" in texts(app)
    app.click("close")
    assert app.play is play
    app.key(pygame.K_F5)
    app.click("restart")
    assert app.current_scene_name == "choice" and app.play.session.state.log == []
    assert app.play.scenario.scenes["strategy"].options[1].id == "write-a-plan"


def test_f5_is_listed_in_the_help(make_app):
    app = make_app()
    app.key(pygame.K_F1)
    assert "F5" in texts(app) and "read the scenario file again" in texts(app)
