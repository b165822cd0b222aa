"""Phones in a running workshop, through the game's own loop and a real server on
the loopback address (aiohttp clients stand in for the phones): a plenary vote
from phones, hidden until the trainer reveals it, recorded team by team; the
phone page in the session's language; a clear message when the port is taken."""

from __future__ import annotations

import asyncio
import json
import socket
import threading
import time

import aiohttp

from game.ui.workshop.phones import team_state
from tests.ui.helpers import all_texts
from tests.web.test_browsers import SCENARIO, start_workshop


def phones_answer(url: str, tokens: list[str], answers: dict[int, str], views: dict[int, dict]) -> threading.Thread:
    """Each team's phone joins, waits for the open decision and answers it; its last view is kept."""

    async def phone(session, team: int) -> None:
        async with session.ws_connect(url + "/ws") as ws:
            await ws.send_str(json.dumps({"type": "hello", "token": tokens[team]}))
            while True:
                view = json.loads((await ws.receive(timeout=10)).data)
                views[team] = view
                if view.get("state") == "answer":
                    await ws.send_str(json.dumps({"type": "answer", "token": tokens[team], "decision": view["decision"],
                                                  "answer": {"choose": answers[team]}}))
                if view.get("state") == "answered":
                    return

    async def main() -> None:
        async with aiohttp.ClientSession() as session:
            await asyncio.gather(*(phone(session, t) for t in answers))

    thread = threading.Thread(target=lambda: asyncio.run(main()), daemon=True)
    thread.start()
    return thread


def step_until(app, done, seconds: float = 15.0) -> None:
    deadline = time.monotonic() + seconds
    while not done() and time.monotonic() < deadline:
        app.step()
        time.sleep(0.005)
    assert done()


def test_a_plenary_vote_from_phones_is_hidden_until_revealed_and_recorded_team_by_team(make_app):
    app = make_app(size=(1920, 1080), language="bg")
    run = start_workshop(app, ["Сови", "Лисици", "Орли"], mode="vote")
    app.top.activate("close")
    app.settle()
    assert app.current_scene_name == "vote"
    views: dict[int, dict] = {}
    worker = phones_answer(run.phones.server.url, run.phones.room.tokens, {0: "plan", 1: "rush", 2: "plan"}, views)
    step_until(app, lambda: len(run.phones.answered()) == 3)
    worker.join(10)
    assert views[0]["lang"] == "bg" and "Отговорът ви е получен" in views[0]["words"]["answered"]
    assert "Напишете план" in json.dumps(views[0]["scene"], ensure_ascii=False)  # the decision in the session's language
    scene = app.top
    assert scene.counts == {"plan": 2, "rush": 1} and scene.hidden
    _key, open_to, _kind = run.phones.open_decision()
    assert [team_state(run.phones, t, open_to) for t in range(3)] == [("check", "отговори")] * 3  # painted live on the strip
    assert "R" in all_texts(app)  # how to show the votes
    scene.refresh()
    assert "?" in [line for label in scene.view.labels() for line in label.lines]  # the counts stay hidden
    run.command("reveal")
    assert not scene.hidden
    scene.decide()
    app.settle()
    found = run.results.session(run.workshop.results_id)
    first = found["teams"][0]["decisions"][0]
    assert first["answer"] == {"choose": "plan"} and first["votes"] == {"plan": 2, "rush": 1}
    assert [(c["team"], c["choice"], c["via"]) for c in first["choices"]] == [
        (0, {"choose": "plan"}, "phone"), (1, {"choose": "rush"}, "phone"), (2, {"choose": "plan"}, "phone")]
    run.finish()
    comparison = run.state.comparison
    assert comparison["splits"][0]["groups"][1]["voters"] == [1]  # the comparison can name who voted for what
    assert run.phones.server is None


def test_a_taken_port_says_so_on_the_shared_screen_and_the_workshop_goes_on(make_app):
    from game.ui.library import load_entry
    from game.ui.workshop.run import Setup, WorkshopRun

    app = make_app(size=(1280, 720))
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        entry = load_entry(SCENARIO, app.rulebook.ids)
        setup = Setup(entry, ["A", "B"], [0, 1], timer=None, phones=True, phones_host="127.0.0.1", phones_port=port)
        WorkshopRun(app, setup).start()
    run = app.workshop
    assert run.phones.server is None and f"port {port}" in run.phones.problem
    assert "port" in all_texts(app) and str(port) in all_texts(app)
    app.top.activate("close")
    app.settle()
    assert app.current_scene_name == "choice"  # the trainer goes on without phones
    assert f"port {port}" in all_texts(app)
