"""The scenario library lists what it finds, and never crashes on a bad file."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from tests.ui.helpers import texts

ROOT = Path(__file__).resolve().parents[2]


def test_a_broken_scenario_is_listed_with_the_checkers_message(make_app, tmp_path):
    folder = tmp_path / "scenarios"
    folder.mkdir()
    shutil.copy(ROOT / "scenarios" / "demo-river-cleanup.yaml", folder)
    (folder / "broken.yaml").write_text("id: broken\ntitle: {en: Broken}\nscenes: [\n", encoding="utf-8")
    (folder / "wrong.yaml").write_text("format: 1\nid: Wrong Id\n", encoding="utf-8")
    app = make_app(folders=[folder])
    app.click("play")
    shown = texts(app)
    assert "broken.yaml" in shown and "wrong.yaml" in shown
    assert "cannot be played yet" in shown
    broken = next(e for e in app.top.entries if e.path.name == "broken.yaml")
    assert re.match(r"scenarios/broken\.yaml:\d+:\d+: ", broken.problems[0])  # file:line:col: path: message
    assert "did not find expected node content" in shown
    assert app.top.view.find("play:demo-river-cleanup") is not None


def test_a_scenario_given_on_the_command_line_opens_at_its_briefing(make_app):
    app = make_app(scenario=ROOT / "scenarios" / "demo-river-cleanup.yaml")
    assert app.current_scene_name == "briefing"
    assert "Clean Danube Youth Club" in texts(app)


def test_every_shipped_scenario_can_be_started(make_app):
    app = make_app()
    app.click("play")
    entries = [e for e in app.top.entries if e.ok]
    assert len(entries) >= 1
    for entry in entries:
        app.click(f"play:{entry.id}")
        app.click("start" if app.top.view.find("start") else "start-over")
        assert app.play.scenario.id == entry.id
        assert app.current_scene_name in ("choice", "event", "pick", "negotiate", "sequence", "allocate")
        app.leave_play()
        app.settle()
