"""UI test fixtures: a headless App driven step by step, with its own data folder."""

from __future__ import annotations

import os

import pytest


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    """A fresh user data folder for one test (settings, autosaves, best scores)."""
    folder = tmp_path / "data"
    folder.mkdir()
    monkeypatch.setenv("BRIDGES_DATA_DIR", str(folder))
    return folder


@pytest.fixture
def make_app(data_dir):
    """Build Apps (closed after the test): ``make_app(size=(1280, 720), language="en", motion=False)``."""
    from game.ui.app import App
    from game.ui.prefs import Prefs

    made = []

    def make(size=(1280, 720), language="en", motion=False, scale=1.0, high_contrast=False, **options):
        prefs = Prefs(language=language, text_scale=scale, high_contrast=high_contrast, motion=motion)
        app = App(size=size, prefs=prefs, seed=options.pop("seed", 7), **options)
        made.append(app)
        app.settle()
        return app

    yield make
    for app in made:
        app.close()
    assert os.environ.get("SDL_VIDEODRIVER") == "dummy"
