"""Time-up and a team's new phone, with real phones (Debian's Chromium, headless) on the loopback address:
when the decision's time runs out every phone says so in large type at once and its controls lock; the
server refuses a late answer with its reason; then the phones follow the set-up's choice (the trainer adds
time and the decision opens again, or the turn passes with "no answer" and the next team's phone opens it).
The trainer gives a team a new link from the laptop: the old phone is told and stops, a new phone answers."""

from __future__ import annotations

import asyncio
import json
import time
from contextlib import contextmanager

import aiohttp
import pytest

from tests.web.browser import missing, phone
from tests.web.test_browsers import SCENARIO, click

pytestmark = pytest.mark.skipif(missing() is not None, reason=f"no browser for the phones' tests: {missing()}")
NAMES = ["Owls", "Foxes"]


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def start(app, on_time_up: str, clock: Clock):
    from game.ui.library import load_entry
    from game.ui.workshop.run import Setup, WorkshopRun

    entry = load_entry(SCENARIO, app.rulebook.ids)
    setup = Setup(entry, NAMES, [0, 1], timer=30, on_time_up=on_time_up, phones=True, phones_host="127.0.0.1", phones_port=0)
    WorkshopRun(app, setup, clock=clock).start()
    run = app.workshop
    assert run.phones.server is not None, run.phones.problem
    app.top.activate("close")  # the large join code
    return run


def wait_for(app, check, what: str, seconds: float = 15.0):
    """Step the game (the trainer dismisses the room's cards and goes on from feedback) until ``check()`` is true."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        app.step()
        if app.current_scene_name in ("handover", "time-up"):
            app.top.close()
        elif app.current_scene_name == "feedback":
            app.top.activate("continue")  # the trainer moves the room on
        found = check()
        if found:
            return found
        time.sleep(0.02)
    raise AssertionError(f"never: {what}")


def shown(driver, element_id: str) -> str:
    from selenium.webdriver.common.by import By

    found = driver.find_elements(By.ID, element_id)
    return found[0].text if found else ""


def buttons(driver) -> set[str]:
    return set(driver.execute_script("return Array.from(document.querySelectorAll('main button[id]'), b => b.id)"))


def late_answer(url: str, token: str, decision: int) -> tuple[int, dict]:
    async def send():
        async with aiohttp.ClientSession() as s:
            body = {"type": "answer", "token": token, "decision": decision, "answer": {"choose": "plan"}}
            async with s.post(url + "/api/answer", data=json.dumps(body)) as r:
                return r.status, await r.json()

    return asyncio.run(send())


@contextmanager
def two_phones(make_app, on_time_up: str):
    """A workshop of Owls and Foxes with a 30 s timer, each team's phone on its page, Owls' decision open on it:
    (app, clock, run, [Owls' browser, Foxes' browser])."""
    app = make_app(size=(1280, 720))
    clock = Clock()
    run = start(app, on_time_up, clock)
    drivers = [phone(), phone()]
    try:
        for team, driver in enumerate(drivers):
            driver.get(run.phones.server.join_url(team))
        wait_for(app, lambda: "option-plan" in buttons(drivers[0]) and shown(drivers[1], "team") == "Foxes", "Owls' phone shows the decision")
        yield app, clock, run, drivers
    finally:
        for driver in drivers:
            driver.quit()
        run.stop_phones()


def test_time_up_locks_every_phone_until_the_trainer_adds_time(make_app):
    with two_phones(make_app, "lock") as (app, clock, run, drivers):
        server = run.phones.server
        click(drivers[0], "option-plan")  # a draft, not sent
        clock.now += 31
        wait_for(app, lambda: shown(drivers[0], "time-up") and shown(drivers[1], "time-up"), "both phones say time is up")
        assert "Time is up" in shown(drivers[0], "time-up") and "trainer decides" in shown(drivers[0], "time-up-line")
        assert not buttons(drivers[0])  # the controls are locked
        decision = run.phones.room.view_for(0)["decision"]
        status, body = late_answer(server.url, run.phones.room.tokens[0], decision)
        assert (status, body["error"]) == (409, "time")
        assert run.workshop.teams[0].session.state.log == []
        run.command("add_time")  # the trainer decides: 30 more seconds
        wait_for(app, lambda: "send" in buttons(drivers[0]) and not shown(drivers[0], "time-up"), "the decision opens again")
        assert drivers[0].find_element("id", "option-plan").get_attribute("aria-pressed") == "true"  # the team's draft waited
        click(drivers[0], "send")
        wait_for(app, lambda: run.workshop.teams[0].session.state.log, "Owls' answer is taken")


def test_a_turn_passes_with_no_answer_and_a_new_phone_takes_over_the_team(make_app):
    from game.ui.workshop.phone_links import NewPhoneOverlay, TeamLinkOverlay

    with two_phones(make_app, "pass") as (app, clock, run, drivers):
        server = run.phones.server
        clock.now += 31
        wait_for(app, lambda: "option-plan" in buttons(drivers[1]), "the turn passes to Foxes, whose phone opens the decision")
        wait_for(app, lambda: shown(drivers[0], "time-up"), "Owls' phone says its turn passed")
        assert "did not answer in time" in shown(drivers[0], "time-up-line") and not buttons(drivers[0])
        assert "Owls did not answer in time" in shown(drivers[1], "time-up-line")
        found = run.results.session(run.workshop.results_id)
        assert [m["scene"] for m in found["teams"][0]["missed"]] == ["intro"]

        # Owls' phone is flat: the trainer gives the team a new link from the laptop
        old = run.phones.room.tokens[0]
        run.command("phones")
        app.top.activate("new-phone")
        assert isinstance(app.top, NewPhoneOverlay)
        app.top.activate("team:0")
        app.top.activate("yes")
        assert isinstance(app.top, TeamLinkOverlay) and run.phones.room.tokens[0] != old
        wait_for(app, lambda: shown(drivers[0], "replaced"), "the old phone is told")
        assert "new link" in shown(drivers[0], "replaced")
        drivers[0].get(server.join_url(0))  # the team's new phone scans the code on the shared screen
        wait_for(app, lambda: not isinstance(app.top, TeamLinkOverlay), "the code leaves the screen once the phone joined")
        click(drivers[1], "option-rush")
        click(drivers[1], "send")
        wait_for(app, lambda: "option-plan" in buttons(drivers[0]), "Owls' new phone opens the decision at their next turn")
        click(drivers[0], "option-plan")
        click(drivers[0], "send")
        wait_for(app, lambda: run.workshop.teams[0].session.state.log, "the new phone's answer is taken")
        choices = run.results.session(run.workshop.results_id)["teams"][0]["decisions"][0]["choices"]
        assert [(c["team"], c["via"]) for c in choices] == [(0, "phone")]
