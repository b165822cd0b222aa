"""Workshop mode through the UI, headless, by posted events: set-up, three
teams in turn and a plenary vote of three teams down to the comparison
debrief, read back from the results database; the trainer keys (pause, back,
end, time); and a monkey on the workshop screens."""

from __future__ import annotations

import random
import sqlite3

import pygame
import pytest

from game.ui.input import Action, InputMapper
from game.ui.workshop.shots import DEMO, GOOD, HASTY, answer, play_to_comparison, type_text
from tests.ui.helpers import texts
from tests.ui.languages import ALL, matrix


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def set_up(app, mode: str, names=("Eagles", "Сови"), timer: str = "timer:0", reveal: str = "reveal:instant", options=()) -> None:
    """Title -> Workshop -> three teams (two renamed by typing) -> start."""
    app.click("workshop")
    assert app.current_scene_name == "workshop-setup"
    app.click(f"scenario:{DEMO}")
    for index, name in enumerate(names):
        app.click(f"name:{index}")
        type_text(app, name + "x")
        app.key(pygame.K_BACKSPACE)
        app.key(pygame.K_RETURN)
    assert app.top.context()["teams"][:2] == list(names) and len(app.top.context()["teams"]) == 3
    app.click(timer)
    app.click(reveal)
    for option in options:
        app.click(option)
    app.click(f"mode:{mode}")
    app.click("start")
    assert app.workshop is not None and app.metrics.text_scale == 1.25


def results(data_dir) -> sqlite3.Connection:
    conn = sqlite3.connect(data_dir / "results.sqlite3")
    conn.row_factory = sqlite3.Row
    return conn


def test_three_teams_in_turn_play_to_the_comparison_debrief(make_app, data_dir):
    app = make_app(size=(1280, 720))
    set_up(app, "turns")
    plans = [GOOD, HASTY, GOOD]
    turns: list[int] = []

    def decide(scene):
        assert scene.play.index == app.workshop.workshop.turn
        if not turns or turns[-1] != scene.play.index:
            turns.append(scene.play.index)
            header = texts(app)
            assert app.workshop.names[scene.play.index] in header and app.top.view.find("trainer:pause") is not None  # whose turn, the trainer bar
        answer(app, plans[scene.play.index])

    seen = play_to_comparison(app, decide)
    assert turns[:6] == [0, 1, 2, 0, 1, 2]  # one decision each, in turn
    assert seen.count("ending") == 3 and "vote" not in seen

    run = app.workshop
    comparison = run.state.comparison
    splits = {s["scene"]: s for s in comparison["splits"]}
    assert {"strategy", "first-contact", "choose-partners", "cleanup-day"} <= set(splits)
    assert [g["teams"] for g in splits["strategy"]["groups"]] == [["Eagles", "Team 3"], ["Сови"]]
    overall = [t["overall"] for t in comparison["teams"]]
    assert overall[0] == overall[2] > overall[1]

    # what the results database holds
    db = results(data_dir)
    session = db.execute("SELECT * FROM sessions").fetchone()
    assert session["mode"] == "turns" and session["scenario"] == DEMO and session["ended_at"]
    teams = db.execute("SELECT * FROM teams ORDER BY team").fetchall()
    assert [t["name"] for t in teams] == ["Eagles", "Сови", "Team 3"]
    assert [t["symbol"] for t in teams] == ["circle", "triangle", "square"] and teams[0]["colour"] == "#0072B2"
    assert [t["overall"] for t in teams] == pytest.approx(overall)
    firsts = db.execute("SELECT team, answer FROM decisions WHERE seq = 0 ORDER BY team").fetchall()
    assert [f["answer"] for f in firsts] == ['{"choose": "write-strategy"}', '{"choose": "wait"}', '{"choose": "write-strategy"}']
    assert all(r["seconds"] >= 0 for r in db.execute("SELECT seconds FROM decisions"))

    # the comparison on screen: every team with its number, the splits with a question, the rules
    shown = texts(app)
    assert all(name in shown for name in ("Eagles", "Сови", "Team 3")) and f"{round(overall[1])} of 100" in shown
    app.key(pygame.K_2)
    shown = texts(app)
    assert "Ask the room" in shown and "Chose:" in shown and "Where do we start?" in shown
    app.key(pygame.K_3)
    assert comparison["most_broken"][0]["title"]["en"].split()[0] in texts(app)
    app.click("title")
    assert app.current_scene_name == "title" and app.workshop is None and app.metrics.text_scale == 1.0


def test_a_plenary_vote_of_three_teams_records_every_split(make_app, data_dir):
    app = make_app(size=(1280, 720), language="bg")
    set_up(app, "vote", names=("Орли", "Сови"))
    keys = iter([
        (pygame.K_2, pygame.K_2, pygame.K_3),   # strategy: write-strategy 2, wait 1
        (pygame.K_2, pygame.K_1, pygame.K_2),   # first-contact: call-and-meet 2, mayor-orders 1
    ])
    kinds = []

    def decide(scene):
        kinds.append(scene.name)
        if scene.name == "vote":
            presses = next(keys, None)
            if presses is not None:  # the teams press their keys
                assert "Орли" in texts(app)
                for key in presses:
                    app.key(key)
            else:  # the trainer enters the votes: 4 for the first option, 1 for the second
                first, second = [o.id for o in scene.options()][:2]
                for _ in range(4):
                    app.click(f"more:{first}")
                app.click(f"more:{second}")
            app.click("confirm")
        else:  # pick, negotiate, sequence, allocate: the room's answer, entered directly
            answer(app, GOOD)

    play_to_comparison(app, decide)
    assert kinds.count("vote") >= 5 and {"allocate", "pick", "negotiate", "sequence"} <= set(kinds)
    run = app.workshop
    session = run.workshop.teams[0].session
    assert session.state.chosen["strategy"] == "write-strategy" and session.state.chosen["first-contact"] == "call-and-meet"

    db = results(data_dir)
    assert db.execute("SELECT mode, language FROM sessions").fetchone()[:] == ("vote", "bg")
    votes = [r["votes"] for r in db.execute("SELECT votes FROM decisions WHERE team = 0 ORDER BY seq")]
    assert votes[0] == '{"write-strategy": 2, "wait": 1}'
    assert votes[1] is None  # the allocation was entered directly
    splits = run.state.comparison["splits"]
    assert len(splits) == kinds.count("vote")  # every vote was divided, so every vote is a split
    assert [(g["answer"], g["votes"], g["chosen"]) for g in splits[0]["groups"]] == [("write-strategy", 2, True), ("wait", 1, False)]
    assert [t["name"] for t in run.state.comparison["teams"]] == ["plenary"]
    card = db.execute("SELECT scorecard FROM teams WHERE team = 0").fetchone()[0]
    assert card and str(round(run.state.comparison["teams"][0]["overall"])) in texts(app)
    app.key(pygame.K_2)
    assert "Попитайте залата" in texts(app)


def test_trainer_keys_pause_go_back_and_end(make_app, data_dir, monkeypatch):
    from game.ui.workshop import run as run_module

    clock = Clock()
    monkeypatch.setattr(run_module, "now", clock)
    app = make_app(size=(1280, 720))
    set_up(app, "turns", timer="timer:60", reveal="reveal:trainer")
    w = app.workshop.workshop
    assert "1:00" in texts(app)
    clock.now += 15
    app.step()
    assert "0:45" in texts(app)  # the timer ticks on screen
    app.key(pygame.K_t)
    assert w.timer.remaining() == 75
    # pause: the timer stops and no answer is taken
    app.key(pygame.K_p)
    assert w.paused and app.current_scene_name == "paused"
    clock.now += 100
    app.key(pygame.K_2)
    assert not w.history
    app.key(pygame.K_p)
    assert not w.paused and app.current_scene_name == "choice" and w.timer.remaining() == 75
    # an answer, its feedback held back until the trainer reveals it
    clock.now += 5
    app.key(pygame.K_2)
    app.key(pygame.K_RETURN)
    assert app.current_scene_name == "feedback" and w.held and "The trainer reveals" in texts(app)
    assert "Handbook advice held back (R)" in texts(app)  # in the strip, seen whatever the page shows
    app.key(pygame.K_r)
    assert not w.held and app.rulebook.by_id["flow.before.strategy"].title.en in texts(app)
    assert "Handbook advice held back (R)" not in texts(app)
    app.click("continue")
    assert app.top.play.index == 1
    # back one decision: the first team decides again and its record goes
    db = results(data_dir)
    assert db.execute("SELECT seconds FROM decisions").fetchone()[0] == 20.0
    app.key(pygame.K_b)
    app.key(pygame.K_RETURN)  # Enter takes the safe choice: nothing is taken back
    assert app.current_scene_name == "choice" and app.top.play.index == 1 and w.teams[0].session.state.log
    app.key(pygame.K_b)
    app.click("yes")
    assert app.current_scene_name == "choice" and app.top.play.index == 0 and not w.teams[0].session.state.log
    assert db.execute("SELECT COUNT(*) FROM decisions").fetchone()[0] == 0
    assert "Eagles decides again" in texts(app)
    # skip the timer, the leaderboard, then end the session early
    app.key(pygame.K_s)
    assert w.timer.remaining() is None and "Timer skipped" in texts(app)
    app.key(pygame.K_l)
    assert app.current_scene_name == "leaderboard" and "Eagles" in texts(app)
    app.key(pygame.K_ESCAPE)
    app.key(pygame.K_e)
    assert app.current_scene_name == "confirm"
    app.key(pygame.K_RETURN)  # "End the session" is not the default
    assert app.current_scene_name != "confirm" and not w.ended
    app.key(pygame.K_e)
    app.click("yes")
    assert app.current_scene_name == "comparison" and w.ended
    assert db.execute("SELECT ended_at FROM sessions").fetchone()[0]
    app.key(pygame.K_p)  # no effect once the session has ended
    assert app.current_scene_name == "comparison"
    app.key(pygame.K_ESCAPE)  # Esc asks before leaving; Enter keeps the comparison
    assert app.current_scene_name == "confirm"
    app.key(pygame.K_RETURN)
    assert app.current_scene_name == "comparison"
    app.key(pygame.K_ESCAPE)
    app.click("yes")
    assert app.current_scene_name == "title" and app.workshop is None


def test_trainer_notices_float_over_the_decision_and_each_one_said_shows(make_app, monkeypatch):
    """'30 seconds added' floats under the strip: the options do not move when it comes or goes; a press puts it
    away, the same command again says it again, and it goes by itself after a few seconds."""
    from game.ui.workshop import run as run_module

    clock = Clock()
    monkeypatch.setattr(run_module, "now", clock)
    app = make_app(size=(1280, 720))
    set_up(app, "turns", timer="timer:60")

    def option_tops():
        app.top.refresh()
        return [t.rect.y for t in app.top.view.targets if t.id.startswith("option:")]

    def floating():
        return [t.id for t in app.top.view.targets if t.floating]

    before = option_tops()
    assert before and not floating()
    app.key(pygame.K_t)
    assert "30 seconds added." in texts(app) and floating() == ["notice:0"]
    assert option_tops() == before  # nothing pushed down
    app.click("notice:0")
    assert "30 seconds added." not in texts(app) and not floating() and option_tops() == before
    app.key(pygame.K_t)
    assert "30 seconds added." in texts(app) and floating() == ["notice:0"]
    clock.now += run_module.NOTICE_SECONDS - 1
    app.step()
    assert "30 seconds added." in texts(app)
    clock.now += 1
    app.step()
    assert "30 seconds added." not in texts(app) and not floating() and option_tops() == before


def test_letters_and_typed_text_become_actions_on_any_layout():
    mapper = InputMapper()

    class Hits:
        def hit(self, pos):
            return None

    def convert(kind, **attributes):
        return mapper.convert(pygame.event.Event(kind, attributes), Hits())

    assert convert(pygame.KEYDOWN, key=pygame.K_p, mod=0) == [Action("letter", target="p")]
    assert convert(pygame.KEYDOWN, key=0x43F, mod=0, scancode=19) == [Action("letter", target="p")]  # Cyrillic layout, P's position
    assert convert(pygame.KEYDOWN, key=pygame.K_BACKSPACE, mod=0) == [Action("erase")]
    assert convert(pygame.TEXTINPUT, text="Ж") == [Action("text", target="Ж")]
    assert convert(pygame.KEYDOWN, key=pygame.K_p, mod=pygame.KMOD_CTRL) == []


def test_the_results_problem_shows_in_a_banner_and_nothing_breaks(make_app, data_dir):
    (data_dir / "results.sqlite3").write_bytes(b"this is not a database" * 100)
    app = make_app(size=(1280, 720))
    set_up(app, "turns")
    assert "The results database is damaged" in app.workshop.problem and app.workshop.problem in texts(app)
    answer(app, GOOD)
    assert app.current_scene_name == "feedback"
    app.key(pygame.K_e)
    app.click("yes")
    assert app.current_scene_name == "comparison" and "The results database is damaged" in texts(app)


WORKSHOP_STOPS = ["setup", "turns-choice", "turns-feedback", "vote", "vote-feedback", "vote-pick", "comparison"]


def drive(app, stop: str) -> None:
    if stop == "setup":
        app.click("workshop")
        return
    set_up(app, "vote" if stop.startswith("vote") else "turns")
    if stop in ("turns-choice", "vote"):
        return
    if stop == "vote-pick":
        for _ in range(3):
            if app.current_scene_name == "vote":
                app.key(pygame.K_1)
                app.click("confirm")
            else:
                answer(app, GOOD)
            app.click("continue")
        assert app.current_scene_name == "pick"
        return
    if stop == "vote-feedback":
        app.key(pygame.K_1)
        app.click("confirm")
        return
    answer(app, GOOD)
    if stop == "comparison":
        app.key(pygame.K_e)
        app.click("yes")


@pytest.mark.parametrize("stop", WORKSHOP_STOPS)
def test_random_input_never_breaks_a_workshop_screen(make_app, stop):
    from tests.ui.test_monkey import random_event

    rng = random.Random(f"workshop-monkey:{stop}")
    app = make_app(size=(1280, 720))
    drive(app, stop)
    letters = [pygame.K_p, pygame.K_r, pygame.K_t, pygame.K_s, pygame.K_l, pygame.K_b, pygame.K_e]
    for index in range(160):
        if rng.random() < 0.12:
            app.post(pygame.KEYDOWN, key=rng.choice(letters), mod=0, unicode="", scancode=0)
            app.step()
        else:
            random_event(app, rng, stay=index < 100)
        if not app.running:
            return
        assert app.stack and app.stack[0].opaque
        app.top.refresh()
        assert any(t.enabled for t in app.top.view.targets), f"{app.current_scene_name} has nothing to press"


@pytest.mark.parametrize("lang", ALL)
def test_no_workshop_text_spills_out_at_any_size_and_text_scale(make_app, lang):
    from game.ui.i18n import set_language
    from game.ui.workshop.shots import workshop_walkthrough
    from tests.ui.test_layout import layout_checker

    app = make_app(size=(1280, 720), language=lang)
    found: list[str] = []
    stops: list[str] = []
    sizes = ((1280, 720), (1920, 1080), (1366, 768), (3840, 2160))
    workshop_walkthrough(app, layout_checker(app, lang, *matrix(lang, sizes, (1.25, 1.5, 2.0)), found, stops))
    assert stops[-1] == "ws-vote-comparison-splits"
    set_language("en")
    assert not found, f"{len(found)} layout problems, first ones:\n" + "\n".join(found[:25])


def test_nothing_important_is_under_28_px_at_1080p(make_app):
    """The workshop's own text at 1920x1080 (the room's screen): every label at least 28 px, the timer and options larger."""
    from game.ui.workshop.shots import workshop_walkthrough

    app = make_app(size=(1920, 1080))
    small: list[str] = []

    def check(name: str) -> None:
        if not name.startswith("ws-") or name in ("ws-title", "ws-setup", "ws-setup-typing"):
            return
        app.top.refresh()
        for label in app.top.view.labels():
            if label.font.px < 28:
                small.append(f"{name}: {label.font.px} px: {' '.join(label.lines)[:50]!r}")

    workshop_walkthrough(app, check)
    assert not small, "\n".join(small[:20])


def test_the_room_sees_whose_turn_it_is_and_when_time_is_up(make_app, monkeypatch):
    """A handover card in the team's colour ("Eagles: your turn") that a key dismisses and passes on; when time runs out
    with "the turn passes" chosen in set-up, "Time is up" in the largest type and the next team's turn."""
    from game.ui.workshop import run as run_module

    clock = Clock()
    monkeypatch.setattr(run_module, "now", clock)
    app = make_app(size=(1920, 1080))
    set_up(app, "turns", timer="timer:60", options=["timeup:pass"])
    run = app.workshop
    w = run.workshop
    assert w.on_time_up == "pass" and app.current_scene_name == "choice"  # the first card went by itself
    run.state.handed = None
    run.show_decision(restart_timer=False)
    assert app.current_scene_name == "handover" and "Eagles: your turn" in texts(app)
    app.key(pygame.K_2)  # the key goes on to the decision below
    assert app.current_scene_name == "choice" and app.top.selected == app.top.options()[1].id
    clock.now += 61
    app.step()
    assert app.current_scene_name == "time-up" and w.turn == 1 and w.missed == [{"team": 0, "scene": "strategy", "decision": 0}]
    shown = texts(app)
    assert "Time is up" in shown and "Eagles: no answer this time." in shown and "Сови: your turn" in shown
    headline = next(label for label in app.top.view.labels() if "Time is up" in " ".join(label.lines))
    assert headline.font.px >= 60
    app.key(pygame.K_l)  # a trainer key works through the card
    assert app.current_scene_name == "leaderboard"


def test_the_comparison_names_who_ran_out_of_time_and_who_answered_later(make_app, monkeypatch):
    """A turn that passed with no answer: the comparison's split names the team apart from the answers, and says it
    answered when the decision came back to it."""
    from game.ui.workshop import run as run_module

    clock = Clock()
    monkeypatch.setattr(run_module, "now", clock)
    app = make_app(size=(1920, 1080))
    set_up(app, "turns", timer="timer:60", options=["timeup:pass"])
    clock.now += 61
    app.step()
    assert app.workshop.workshop.missed == [{"team": 0, "scene": "strategy", "decision": 0}]

    def on_decision(scene) -> None:
        if scene.name in ("time-up", "handover"):
            app.pop(fade=False)
        else:
            answer(app, GOOD if app.workshop.workshop.turn == 0 else HASTY)  # the teams differ: every decision splits

    play_to_comparison(app, on_decision)
    app.click("tab:splits")
    shown = texts(app)
    assert "Did not answer in time:" in shown and "Answered on a later turn: Eagles" in shown
