"""The learning record store in Settings: typed in the game, saved where `bridges lrs` saves them, the secret in dots,
a wrong address named, the connection tested against a real Ralph off the frame loop, and how sending stands."""

from __future__ import annotations

import json
import time

import pygame

from game.store.results import ResultsStore
from game.xapi import config as lrs_config
from tests.ui.conftest import data_dir, make_app  # noqa: F401  (fixtures)
from tests.ui.helpers import texts
from tests.xapi.conftest import record_plays
from tests.xapi.ralph import KEY, SECRET


def _type_into(app, field: str, text: str) -> None:
    app.top.lrs.entry.stop()
    app.click(f"field:{field}")
    for char in text:
        app.post(pygame.TEXTINPUT, text=char)
    app.step()
    app.key(pygame.K_RETURN)


def _until(app, check, seconds=20.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and not check():
        app.step()
        time.sleep(0.02)
    return check()


def _settings(make_app):
    app = make_app()
    app.activate_common("global:settings")
    app.settle()
    return app


def test_typed_settings_are_saved_like_bridges_lrs_the_secret_in_dots_and_a_wrong_address_named(make_app, data_dir, monkeypatch):
    for var in lrs_config.ENV.values():
        monkeypatch.delenv(var, raising=False)
    app = _settings(make_app)
    _type_into(app, "endpoint", "lrs.example.org")
    assert "is not a web address" in texts(app) and not lrs_config.config_path().exists()
    app.top.lrs.entry.values["endpoint"] = ""
    _type_into(app, "endpoint", "https://lrs.example.org/xAPI/")
    _type_into(app, "key", "trainer")
    _type_into(app, "secret", "s3cret-words")
    shown = texts(app)
    assert "s3cret-words" not in shown and "•" * len("s3cret-words") in shown
    assert json.loads(lrs_config.config_path().read_text()) == {"endpoint": "https://lrs.example.org/xAPI/", "key": "trainer",
                                                                "secret": "s3cret-words", "homepage": lrs_config.DEFAULT_HOMEPAGE}
    app.click("lrs:show")
    assert "s3cret-words" in texts(app)
    monkeypatch.setenv("BRIDGES_LRS_ENDPOINT", "https://other.example.org/xAPI/")
    again = _settings(make_app)
    assert "BRIDGES_LRS_ENDPOINT" in texts(again) and "win over what is typed here" in texts(again)


def test_the_connection_test_says_what_ralph_answered_and_the_status_follows_sending(make_app, data_dir, monkeypatch, ralph, demo, rulebook):
    for var in lrs_config.ENV.values():
        monkeypatch.delenv(var, raising=False)
    app = _settings(make_app)
    record_plays(ResultsStore(data_dir / "results.sqlite3"), demo, rulebook, 1, seed=31)
    _type_into(app, "endpoint", ralph.endpoint)
    _type_into(app, "key", KEY)
    _type_into(app, "secret", "wrong")
    app.click("lrs:test")
    assert _until(app, lambda: app.top.lrs.tested is not None)
    shown = texts(app)
    assert "no /about page (HTTP 404)" in shown and "refused the key and secret: 401" in shown  # Ralph 5.1 has no /about
    assert "waiting to be sent" in shown
    app.top.lrs.entry.values["secret"] = ""
    _type_into(app, "secret", SECRET)
    app.click("lrs:test")
    assert _until(app, lambda: app.top.lrs.tested is not None and app.top.lrs.tested.key.ok)
    assert "The key and secret were accepted." in texts(app)
    assert _until(app, lambda: "All records are sent." in texts(app), 30)
