"""The scenario library lists what it finds, and never crashes on a bad file."""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import pygame

from tests.ui.helpers import texts

ROOT = Path(__file__).resolve().parents[2]
PICTURED = ROOT / "tests" / "data" / "pictured"


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


def test_shipped_and_own_scenarios_are_listed_in_two_groups(make_app, data_dir):
    own = data_dir / "scenarios"
    own.mkdir()
    text = (ROOT / "scenarios" / "demo-river-cleanup.yaml").read_text(encoding="utf-8").replace("id: demo-river-cleanup", "id: my-river", 1)
    (own / "my-river.yaml").write_text(text, encoding="utf-8")
    app = make_app(language="bg")
    app.click("play")
    shown = texts(app)
    assert shown.index("Сценарии, които идват с „Мостове“") < shown.index("Вашите сценарии")
    assert str(own) in shown
    ids = [e.id for e in app.top.entries]
    assert ids.index("my-river") > max(ids.index(e.id) for e in app.top.entries if e.path.parent == ROOT / "scenarios")
    assert app.top.view.find("play:my-river") is not None


def _pack(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for file in sorted(PICTURED.rglob("*")):
            if file.is_file():
                archive.write(file, f"spring/{file.relative_to(PICTURED).as_posix()}")
    return path


def test_a_pack_dropped_on_the_library_is_unpacked_and_listed_and_a_bad_one_explained(make_app, data_dir, tmp_path):
    app = make_app()
    app.click("play")
    app.post(pygame.DROPFILE, file=str(_pack(tmp_path / "spring.zip")))
    app.settle()
    assert app.top.view.find("play:pictured") is not None
    assert "From the pack spring" in texts(app)
    assert (data_dir / "packs" / "spring" / "spring" / "pictured.yaml").is_file()
    bad = tmp_path / "bad.zip"
    with zipfile.ZipFile(bad, "w") as archive:
        archive.writestr("../escape.yaml", "format: 1\n")
    app.post(pygame.DROPFILE, file=str(bad))
    app.settle()
    assert "contains '..'" in texts(app) and not (data_dir / "packs" / "escape.yaml").exists()
    later = make_app()  # the next start lists the pack without dropping it again
    later.click("play")
    assert later.top.view.find("play:pictured") is not None


def test_play_with_a_pack_opens_its_scenario_or_the_library_with_its_scenarios(make_app, data_dir, tmp_path):
    from game.cli import play_target

    one = play_target(str(_pack(tmp_path / "one.zip")))
    assert one == data_dir / "packs" / "one" / "spring" / "pictured.yaml"
    assert make_app(scenario=one).current_scene_name == "briefing"
    several = tmp_path / "several"
    shutil.copytree(PICTURED, several)
    shutil.copy(ROOT / "scenarios" / "tutorial-first-steps.yaml", several)
    app = make_app(scenario=play_target(str(several)))
    assert app.current_scene_name == "library"
    assert app.top.view.find("play:pictured") is not None
