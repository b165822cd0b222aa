"""Solo plays in the results store: one session with every decision, its
seconds and the scorecard; a database that cannot be written shows a notice
once and the game goes on."""

from __future__ import annotations

import json

import pygame

from game.store.paths import data_dir
from game.store.results import ResultsStore
from tests.ui.helpers import DEMO, all_texts, choose, spread_evenly, start_demo, texts

NOTICE = "Results are not being recorded"


def test_a_solo_playthrough_leaves_one_session_with_all_decisions_and_the_scorecard(make_app):
    from game.ui.screenshots import demo_walkthrough

    app = make_app()
    demo_walkthrough(app, lambda name: None)
    log = app.play.session.state.log
    card = app.top.card
    sessions = ResultsStore(data_dir() / "results.sqlite3").sessions()
    assert len(sessions) == 1 and sessions[0]["mode"] == "solo" and sessions[0]["ended_at"]
    recorded = ResultsStore(data_dir() / "results.sqlite3").session(sessions[0]["id"])
    assert recorded["scenario"] == DEMO and recorded["language"] == "en"
    team = recorded["teams"][0]
    assert [(d["seq"], d["scene"]) for d in team["decisions"]] == [(i, e["scene"]) for i, e in enumerate(log)]
    assert [d["answer"] for d in team["decisions"]] == [{k: v for k, v in e.items() if k != "scene"} for e in log]
    assert all(d["seconds"] >= 0 for d in team["decisions"])
    assert team["overall"] == card["overall"] and team["grade"] == card["grade"]
    assert team["scorecard"]["scenario"] == DEMO


def test_each_decision_is_recorded_with_the_seconds_it_took_without_the_menu(make_app):
    app = make_app()
    start_demo(app)
    now = [1000.0]
    app.play.clock = lambda: now[0]
    app.play.decision_shown()
    now[0] += 12.5
    app.key(pygame.K_ESCAPE)   # ten minutes in the menu do not count
    now[0] += 600
    app.key(pygame.K_ESCAPE)
    now[0] += 2
    choose(app, "write-strategy")
    store = ResultsStore(data_dir() / "results.sqlite3")
    decisions = store.session(store.sessions()[0]["id"])["teams"][0]["decisions"]
    assert [(d["scene"], d["seconds"]) for d in decisions] == [("strategy", 14.5)]


def test_a_resumed_game_goes_on_in_its_recorded_session(make_app):
    app = make_app()
    start_demo(app)
    choose(app, "write-strategy")
    app.close()
    again = make_app()
    again.click("play")
    again.click("continue")
    spread_evenly(again)
    store = ResultsStore(data_dir() / "results.sqlite3")
    assert len(store.sessions()) == 1
    assert len(store.session(store.sessions()[0]["id"])["teams"][0]["decisions"]) == 2


def test_a_damaged_results_database_shows_a_notice_once_and_the_game_goes_on(make_app):
    db = data_dir() / "results.sqlite3"
    db.parent.mkdir(parents=True, exist_ok=True)
    db.write_bytes(b"not a database" * 200)
    app = make_app()
    start_demo(app)
    assert app.current_scene_name == "choice"
    assert NOTICE in texts(app) and "damaged" in texts(app)
    choose(app, "write-strategy")
    app.click("continue")
    assert app.current_scene_name == "allocate" and NOTICE not in texts(app)  # shown once
    app.key(pygame.K_ESCAPE)
    assert NOTICE in texts(app)  # the menu still says so
    app.key(pygame.K_ESCAPE)
    app.close()
    assert db.read_bytes() == b"not a database" * 200  # never overwritten
    pending = list(db.parent.glob("results-pending-*.json"))
    assert len(pending) == 1 and len(json.loads(pending[0].read_text(encoding="utf-8"))) >= 3  # session, team, decision


def test_a_read_only_results_database_shows_the_notice_in_bulgarian_and_the_game_goes_on(make_app):
    app = make_app(language="bg")
    app.results.store.conn.execute("PRAGMA query_only = ON")  # behaves like a read-only file, even for root
    start_demo(app)
    assert "Резултатите не се записват" in all_texts(app)
    choose(app, "write-strategy")
    app.click("continue")
    assert app.current_scene_name == "allocate" and app.results.store.pending
