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


def click(driver, element_id: str) -> None:
    """Press a button of the page (the page draws itself anew when a view arrives: then find the button again)."""
    from selenium.common.exceptions import StaleElementReferenceException
    from selenium.webdriver.common.by import By

    for _attempt in range(20):
        try:
            driver.find_element(By.ID, element_id).click()
            return
        except StaleElementReferenceException:
            time.sleep(0.05)
    raise AssertionError(f"the button {element_id} kept changing")


def answer_on_the_page(driver, team: int) -> str | None:
    """Answer the decision shown on a team's page, if there is one; returns its kind."""
    shown = set(driver.execute_script("return Array.from(document.querySelectorAll('button[id]'), b => b.id)"))
    wanted = plan(team)
    if f"option-{wanted['choose']}" in shown:
        click(driver, f"option-{wanted['choose']}")
        kind = "choice"
    elif f"card-{wanted['pick'][0]}" in shown:
        click(driver, f"card-{wanted['pick'][0]}")
        kind = "pick"
    elif "more-cleaning" in shown:
        for option, points in wanted["allocate"].items():
            for _ in range(points):
                click(driver, f"more-{option}")
        kind = "allocate"
    else:
        return None
    click(driver, "send")
    return kind


def team_shown(driver, names: list[str]) -> int:
    """The team a phone's page names, once its script has filled it in (the page says "Bridges" until then)."""
    from selenium.webdriver.common.by import By

    deadline, text = time.monotonic() + 15, ""
    while time.monotonic() < deadline:
        text = driver.find_element(By.ID, "team").text
        if text in names:
            return names.index(text)
        time.sleep(0.05)
    body = driver.find_element(By.TAG_NAME, "body").text[:300]
    raise AssertionError(f"the phone's page never named its team (it shows {text!r}; the page: {body!r}; at {driver.current_url})")


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
            teams = [team_shown(d, names) for d in drivers]
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


def negotiation_view(demo):
    """The demo's negotiation as a phone shows it (reached with the good plan's answers)."""
    from game.core.engine import Session
    from game.ui.workshop.shots import GOOD
    from game.web.room import scene_view

    session = Session(demo, seed=1)
    while session.scene.kind != "negotiate":
        want = GOOD[session.scene_id]
        kind = session.scene.kind
        if kind == "sequence":
            session.order([s.id for s in session.scene.steps])
        elif kind == "allocate":
            session.allocate(want)
        elif kind == "pick":
            session.pick(want)
        else:
            session.choose(want)
    return scene_view(session, "bg", {"goals": "Цели"})


def test_a_phone_negotiates_clause_by_clause(demo):
    from selenium.webdriver.common.by import By

    from game.web.room import Decision, Room
    from game.web.server import PhoneServer

    view = negotiation_view(demo)
    assert view["clauses"] and view["counterpart"] and view["patience"] > 0
    assert any(c["label"] == "Цели" for c in view["clauses"])  # the agreement's parts named in the session's language
    room = Room([{"name": "Сови", "colour": "#0072B2", "symbol": "circle"}])
    room.publish(Decision(1, "negotiate", frozenset({0}), {0: view}), {"propose": "Предложете тези условия"}, "bg")
    server = PhoneServer(room, "127.0.0.1", 0)
    server.start()
    driver = phone(language="bg")
    try:
        driver.get(server.join_url(0))
        clause = view["clauses"][0]
        term = clause["terms"][-1]["id"]
        deadline = time.monotonic() + 15
        while not driver.find_elements(By.ID, f"term-{clause['element']}-{term}") and time.monotonic() < deadline:
            time.sleep(0.05)
        assert driver.find_element(By.ID, "propose").text == "Предложете тези условия"
        assert driver.find_elements(By.ID, f"ask-{clause['element']}") and driver.find_elements(By.ID, "walk-away")
        assert not driver.find_element(By.ID, "sign").is_enabled()  # nothing agreed yet
        click(driver, f"term-{clause['element']}-{term}")
        click(driver, "propose")
        deadline = time.monotonic() + 10
        taken = []
        while not taken and time.monotonic() < deadline:
            taken = room.take()
            time.sleep(0.05)
        assert [s.answer for s in taken] == [{"propose": {clause["element"]: term}}]
    finally:
        driver.quit()
        server.stop()
