"""Eight teams play a workshop from eight real browsers (Debian's Chromium, headless)
on the loopback address, to the comparison; the results store holds what each
team's phone answered."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.web.browser import missing, phone

SCENARIO = Path(__file__).parent / "data" / "three-decisions.yaml"
TEAMS = 8
pytestmark = pytest.mark.skipif(missing() is not None, reason=f"no browser for the phones' tests: {missing()}")


def start_workshop(app, names, mode="turns"):
    from game.ui.library import load_entry
    from game.ui.workshop.run import Setup, WorkshopRun

    entry = load_entry(SCENARIO, app.rulebook.ids)
    assert entry.ok
    setup = Setup(entry, names, list(range(len(names))), mode=mode, timer=None, phones=True, phones_host="127.0.0.1", phones_port=0)
    WorkshopRun(app, setup).start()
    return app.workshop


def plan(team: int) -> dict:
    """What team ``team`` answers: a choice, a card, three points."""
    return {"choose": ["plan", "rush"][team % 2], "pick": [["park-friends", "big-ngo"][team // 2 % 2]],
            "allocate": {"cleaning": 3 - team % 4, "posters": team % 4}}


def answer_on_the_page(driver, team: int) -> str | None:
    """Answer the decision shown on a team's page, if there is one; returns its kind."""
    from selenium.webdriver.common.by import By

    shown = set(driver.execute_script("return Array.from(document.querySelectorAll('button[id]'), b => b.id)"))
    wanted = plan(team)
    if f"option-{wanted['choose']}" in shown:
        driver.find_element(By.ID, f"option-{wanted['choose']}").click()
        kind = "choice"
    elif f"card-{wanted['pick'][0]}" in shown:
        driver.find_element(By.ID, f"card-{wanted['pick'][0]}").click()
        kind = "pick"
    elif "more-cleaning" in shown:
        for option, points in wanted["allocate"].items():
            for _ in range(points):
                driver.find_element(By.ID, f"more-{option}").click()
        kind = "allocate"
    else:
        return None
    driver.find_element(By.ID, "send").click()
    return kind


def test_eight_phones_play_a_workshop_to_the_comparison(make_app, data_dir):
    from selenium.webdriver.common.by import By

    app = make_app(size=(1280, 720))
    names = [f"Team {i + 1}" for i in range(TEAMS)]
    run = start_workshop(app, names)
    server = run.phones.server
    assert server is not None, run.phones.problem
    room_url = server.room_url
    app.top.activate("close")  # the trainer closes the large code once the teams have joined
    with ThreadPoolExecutor(TEAMS) as pool:
        drivers = list(pool.map(lambda _i: phone(), range(TEAMS)))
    sent: list[tuple[int, str]] = []
    failure: list[BaseException] = []
    done = threading.Event()

    def phones() -> None:
        try:
            for driver in drivers:  # one after the other: each is given the next team without a phone
                driver.get(room_url)
                deadline = time.monotonic() + 10
                while "/t/" not in driver.current_url and time.monotonic() < deadline:
                    time.sleep(0.05)
            teams = [names.index(d.find_element(By.ID, "team").text) for d in drivers]
            assert sorted(teams) == list(range(TEAMS))
            link = drivers[0].current_url
            drivers[0].get(room_url)  # a phone that slept, or scanned the code again, rejoins as the same team
            deadline = time.monotonic() + 10
            while drivers[0].current_url != link and time.monotonic() < deadline:
                time.sleep(0.05)
            assert drivers[0].current_url == link
            drivers[0].refresh()
            deadline = time.monotonic() + 90
            while not done.is_set() and time.monotonic() < deadline:
                for driver, team in zip(drivers, teams):
                    kind = answer_on_the_page(driver, team)
                    if kind:
                        sent.append((team, kind))
                time.sleep(0.05)
        except BaseException as exc:  # reported by the test's thread
            failure.append(exc)

    started = time.monotonic()
    worker = threading.Thread(target=phones, daemon=True)
    worker.start()
    try:
        deadline = time.monotonic() + 100
        while app.current_scene_name != "comparison" and time.monotonic() < deadline and not failure:
            app.step()
            if app.current_scene_name in ("feedback", "ending"):
                app.top.activate("continue")  # the trainer moves the room on
            time.sleep(0.01)
        done.set()
        worker.join(10)
    finally:
        for driver in drivers:
            driver.quit()
    print(f"phones: {len(sent)} answers in {time.monotonic() - started:.1f} s")
    assert not failure, failure[0]
    assert app.current_scene_name == "comparison"
    assert sorted(sent) == sorted((t, k) for t in range(TEAMS) for k in ("choice", "pick", "allocate"))
    assert run.phones.server is None  # the server stops with the workshop

    found = run.results.session(run.workshop.results_id)
    for team in found["teams"]:
        wanted = plan(team["team"])
        answers = [d["answer"] for d in team["decisions"]]
        assert answers == [{"choose": wanted["choose"]}, {"pick": wanted["pick"]},
                           {"allocate": {k: v for k, v in wanted["allocate"].items() if v}}]
        assert [c["via"] for d in team["decisions"] for c in d["choices"]] == ["phone"] * 3
        assert all(c["team"] == team["team"] for d in team["decisions"] for c in d["choices"])
