"""The frozen app (issue 11, part 5): tools/build_app.py builds it with PyInstaller, and it runs with no
Python of ours around it: from a folder outside the checkout, with an empty data folder, headless.

Slow (a build of 15-60 s) and it needs PyInstaller (``pip install -e '.[build]'``), so it runs only with
BRIDGES_FROZEN=1, as .ci/run does: ``BRIDGES_FROZEN=1 python -m pytest -m frozen tests/test_frozen.py``.
BRIDGES_FROZEN_DIST names the output folder (default: a temporary one), so CI can report its size.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import time
from pathlib import Path

import pytest

from game.version import version
from tests.conftest import ROOT

pytestmark = [
    pytest.mark.frozen,
    pytest.mark.skipif(os.environ.get("BRIDGES_FROZEN") != "1", reason="builds the frozen app only with BRIDGES_FROZEN=1"),
]
SHIPPED_ID = "demo-river-cleanup"


def load_build_app():
    spec = importlib.util.spec_from_file_location("build_app", ROOT / "tools" / "build_app.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def app(tmp_path_factory) -> Path:
    """The frozen program, built once for this module."""
    assert importlib.util.find_spec("PyInstaller"), "BRIDGES_FROZEN=1 but PyInstaller is not installed: pip install -e '.[build]'"
    build_app = load_build_app()
    dist = Path(os.environ.get("BRIDGES_FROZEN_DIST") or tmp_path_factory.mktemp("frozen"))
    program = build_app.build(dist, dist.parent / f"{dist.name}-work")
    assert program.is_file() and os.access(program, os.X_OK)
    return program


@pytest.fixture()
def run(app, tmp_path):
    """Run the frozen program from an empty folder outside the checkout, headless, with its own data folder."""
    outside = tmp_path / "outside"
    outside.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON") and k != "VIRTUAL_ENV"}
    env.update(SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", BRIDGES_DATA_DIR=str(tmp_path / "data"))

    def run(*args: str, timeout: float = 300) -> subprocess.CompletedProcess:
        return subprocess.run([str(app), *args], cwd=outside, env=env, capture_output=True, text=True, timeout=timeout)

    run.program = app
    run.env = env
    run.cwd = outside
    return run


def test_the_bundle_holds_the_data_inside_its_game_package(app):
    inside = app.parent / "_internal" / "game"
    for name in ("scenarios/rulebook.yaml", f"scenarios/{SHIPPED_ID}.yaml", "assets/fonts/NotoSans-Regular.ttf",
                 "assets/fonts/OFL.txt", "schemas/scenario.schema.json", "templates/scenario.yaml", "data/glossary.yaml",
                 "locale/bg/LC_MESSAGES/bridges.mo"):
        assert (inside / name).is_file(), name
    assert not (app.parent / "_internal" / "pytest").exists()  # the build tools stay out


def test_the_frozen_app_tells_its_version(run):
    done = run("--version")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"bridges {version()}"


def test_the_frozen_app_validates_a_shipped_scenario_by_id(run):
    done = run("validate", SHIPPED_ID)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "all clean" in done.stdout + done.stderr


def test_the_frozen_app_draws_the_title_screen(run, tmp_path):
    import pygame

    shots = tmp_path / "shots"
    done = run("screenshots", "--out", str(shots), "--size", "1280x720", "--lang", "en,bg")
    assert done.returncode == 0, done.stdout + done.stderr
    for language in ("en", "bg"):
        title = pygame.image.load(str(shots / f"{language}-1280x720-100-01-title.png"))
        assert title.get_size() == (1280, 720)
        colours = {tuple(title.get_at((x, y))) for x in range(0, 1280, 16) for y in range(0, 720, 16)}
        assert len(colours) > 8, f"the {language} title screen is nearly blank"
    assert len(list(shots.glob("*.png"))) >= 40  # every screen of the demo, in both languages


def test_the_frozen_game_starts_and_keeps_running_until_closed(run):
    """``bridges`` with no command opens the game (the dummy video driver stands in for a screen)."""
    process = subprocess.Popen([str(run.program)], cwd=run.cwd, env=run.env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        time.sleep(3)
        assert process.poll() is None, f"the game ended by itself: {process.communicate()}"
    finally:
        process.terminate()
        process.wait(10)


def test_the_frozen_app_writes_a_new_scenario_into_the_data_folder(run):
    done = run("new", "my-test")
    assert done.returncode == 0, done.stdout + done.stderr
    created = Path(run.env["BRIDGES_DATA_DIR"]) / "scenarios" / "my-test.yaml"
    assert created.is_file()
    assert (Path(run.env["BRIDGES_DATA_DIR"]) / "schemas" / "scenario.schema.json").is_file()
    done = run("validate", "my-test")
    assert done.returncode == 0, done.stdout + done.stderr

