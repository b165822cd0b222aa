"""The screens of learning records: who is playing before a solo game, forgetting a player, records waiting on the
debrief, and the trainer's item analysis."""

from __future__ import annotations

import json

import pygame

from game.store.players import load_players
from game.store.results import ResultsStore
from tests.ui.conftest import data_dir, make_app  # noqa: F401  (fixtures)
from tests.ui.helpers import choose, start_demo, texts


def _type(app, text: str) -> None:
    for char in text:
        app.post(pygame.TEXTINPUT, text=char)
    app.step()


def _asking(make_app):
    app = make_app()
    app.prefs.ask_player = True
    return app


def test_a_solo_game_starts_by_asking_who_plays_and_records_them_as_one_actor(make_app, data_dir):
    app = _asking(make_app)
    start_demo(app)
    assert app.current_scene_name == "players"
    app.click("field:name")
    _type(app, "Maria  K")
    app.key(pygame.K_RETURN)
    app.click("field:email")
    _type(app, "maria@example.org")
    app.key(pygame.K_RETURN)
    app.click("new")  # not agreed: the e-mail address is neither kept nor sent
    assert app.current_scene_name == "choice"
    choose(app, "write-strategy")
    assert load_players() and load_players()[0].name == "Maria K" and load_players()[0].email is None
    store = ResultsStore(data_dir / "results.sqlite3")
    session = store.sessions()[0]
    assert json.loads(session["player"]) == {"email": None, "name": "Maria K"}
    statement = store.statements([session["id"]])[0]
    assert statement["actor"]["account"]["name"] == "maria k" and "mbox" not in statement["actor"]


def test_the_next_game_offers_the_remembered_player_and_play_without_a_name_is_kept(make_app, data_dir):
    first = _asking(make_app)
    start_demo(first)
    first.click("field:name")
    _type(first, "Ivo")
    first.click("new")
    first.close()
    before = {session["id"] for session in ResultsStore(data_dir / "results.sqlite3").sessions()}
    again = _asking(make_app)
    start_demo(again)
    assert again.top.view.find("player:0") and again.top.view.find("anonymous")
    again.click("anonymous")
    assert again.current_scene_name == "choice" and again.results.player is None
    choose(again, "write-strategy")
    store = ResultsStore(data_dir / "results.sqlite3")
    started = [session for session in store.sessions() if session["id"] not in before]  # not "the newest": times are to the second
    assert len(started) == 1
    newest = started[0]
    assert newest["player"] is None
    assert store.statements([newest["id"]])[0]["actor"]["account"]["name"].startswith("anonymous-")


def test_forgetting_a_player_from_the_settings_deletes_their_records(make_app, data_dir):
    app = _asking(make_app)
    start_demo(app)
    app.click("field:name")
    _type(app, "Ivo")
    app.click("new")
    choose(app, "write-strategy")
    app.show("players", manage=True)
    app.click("forget:0")
    assert app.current_scene_name == "players" and load_players()  # asked, not yet done
    app.click("forget:0")
    assert not load_players()
    store = ResultsStore(data_dir / "results.sqlite3")
    assert store.sessions() == [] and store.outbox_counts() == {"waiting": 0, "sent": 0, "refused": 0}


def test_the_debrief_says_how_many_records_wait_and_the_items_screen_shows_the_options(make_app, data_dir):
    from game.ui.screenshots import demo_walkthrough

    app = make_app()
    seen = {}

    def look(name):
        if name == "debrief":
            seen["notice"] = app.top.waiting.notice

    demo_walkthrough(app, look)
    assert seen["notice"] is None, "with no learning record store set, a trainee is not told about one"
    from game.ui.records import waiting_notice

    count, why, tone = waiting_notice(app.results)  # what the settings' learning-records section says
    assert "records waiting to be sent" in count and "No learning record store is set" in why and tone == "good"
    app.show("items")
    assert app.current_scene_name == "items" and app.top.scenario == "demo-river-cleanup" and app.top.plays == 1
    shown = texts(app)
    assert "the handbook's answer" in shown and "almost nobody picks it" in shown


def test_workshop_teams_may_list_their_members_who_become_the_groups_members(make_app, data_dir):
    app = make_app()
    app.click("workshop")
    app.click("scenario:demo-river-cleanup")
    app.click("members:0")
    _type(app, "Ana,  Boris ,")
    app.key(pygame.K_RETURN)
    assert "Members: Ana, Boris" in texts(app)
    app.click("start")
    store = ResultsStore(data_dir / "results.sqlite3")
    session = store.session(store.sessions()[0]["id"])
    assert json.loads(session["teams"][0]["members"]) == ["Ana", "Boris"] and session["teams"][1]["members"] is None
    assert [m["name"] for m in app.workshop.workshop.statements[0].actor["member"]] == ["Ana", "Boris"]
