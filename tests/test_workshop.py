"""Workshop sessions (pure): turns, votes, timer, trainer controls, records."""

import pytest

from game.core.engine import InvalidAnswer
from game.store.results import ResultsStore
from game.workshop import Workshop


class Clock:
    def __init__(self):
        self.now = 100.0

    def __call__(self):
        return self.now


def _first_three(workshop, answers):
    for answer in answers:
        workshop.answer(answer)


def test_teams_take_turns_one_decision_each_and_time_is_recorded(demo, rulebook, tmp_path):
    clock = Clock()
    store = ResultsStore(tmp_path / "r.sqlite3")
    w = Workshop(demo, rulebook, ["Eagles", "Owls", "Foxes"], mode="turns", timer=60, results=store, clock=clock)
    assert w.team.name == "Eagles"
    clock.now += 12
    w.answer({"choose": "write-strategy"})
    assert w.team.name == "Owls"
    clock.now += 5
    w.answer({"choose": "wait"})
    w.answer({"choose": "write-everyone"})
    assert w.team.name == "Eagles" and w.session.scene_id == "where-to-look"
    found = store.session(w.results_id)
    assert [d["seconds"] for d in found["teams"][0]["decisions"]] == [12.0]
    assert [d["seconds"] for d in found["teams"][1]["decisions"]] == [5.0]


def test_a_multi_answer_decision_stays_with_the_team(demo, rulebook):
    w = Workshop(demo, rulebook, ["A", "B"], mode="turns")
    _first_three(w, [{"choose": "write-strategy"}, {"choose": "write-strategy"}])
    _first_three(w, [{"allocate": {"regional-forum": 5, "local-visits": 5}}, {"allocate": {"regional-forum": 5, "local-visits": 5}}])
    _first_three(w, [{"choose": "call-and-meet"}, {"choose": "call-and-meet"}])
    w.answer({"research": {"cast": "green-future", "action": "past-projects"}})
    assert w.team.name == "A"
    w.answer({"pick": ["school-eco-club", "fishers-union"]})
    assert w.team.name == "B"


def test_the_timer_pauses_takes_extra_time_and_can_be_skipped(demo, rulebook):
    clock = Clock()
    w = Workshop(demo, rulebook, ["A"], timer=30, clock=clock)
    clock.now += 20
    w.pause()
    clock.now += 100
    assert w.timer.remaining() == 10
    with pytest.raises(InvalidAnswer):
        w.answer({"choose": "wait"})
    w.resume()
    w.add_time(30)
    clock.now += 35
    assert w.timer.remaining() == 5 and not w.timer.expired
    clock.now += 10
    assert w.timer.expired
    w.skip_timer()
    assert w.timer.remaining() is None


def test_back_undoes_a_mistaken_click_and_its_record(demo, rulebook, tmp_path):
    store = ResultsStore(tmp_path / "r.sqlite3")
    w = Workshop(demo, rulebook, ["A", "B"], results=store)
    w.answer({"choose": "write-strategy"})
    w.answer({"choose": "wait"})
    assert w.back() is True
    assert w.team.name == "B" and w.session.scene_id == "strategy" and not w.session.state.log
    assert len(store.session(w.results_id)["teams"][1]["decisions"]) == 0
    w.answer({"choose": "write-strategy"})
    assert store.session(w.results_id)["teams"][1]["decisions"][0]["answer"] == {"choose": "write-strategy"}


def test_plenary_vote_takes_the_majority_and_keeps_the_split(demo, rulebook, tmp_path):
    store = ResultsStore(tmp_path / "r.sqlite3")
    w = Workshop(demo, rulebook, ["A", "B", "C"], mode="vote", results=store)
    w.vote({"write-strategy": 4, "wait": 3, "write-everyone": 1})
    assert w.session.state.chosen["strategy"] == "write-strategy"
    decision = store.session(w.results_id)["teams"][0]["decisions"][0]
    assert decision["votes"] == {"write-strategy": 4, "wait": 3, "write-everyone": 1}
    with pytest.raises(InvalidAnswer):
        w.vote({"x": 3})
    comparison = w.comparison()
    assert comparison["splits"][0]["groups"][0]["votes"] == 4


def test_feedback_is_held_until_the_trainer_reveals_it(demo, rulebook):
    w = Workshop(demo, rulebook, ["A"], reveal="trainer")
    events = w.answer({"choose": "write-strategy"})
    assert not [e for e in events if e["type"] == "feedback"]
    assert [e for e in w.reveal() if e["type"] == "feedback"]
    assert w.reveal() == []


def test_ending_records_every_scorecard(demo, rulebook, tmp_path):
    store = ResultsStore(tmp_path / "r.sqlite3")
    w = Workshop(demo, rulebook, ["A", "B"], results=store)
    w.answer({"choose": "write-strategy"})
    w.answer({"choose": "wait"})
    comparison = w.end()
    assert w.finished and [t["name"] for t in comparison["teams"]] == ["A", "B"]
    found = store.session(w.results_id)
    assert found["ended_at"] and all(t["scorecard"] for t in found["teams"])


def test_a_workshop_needs_one_to_eight_teams_and_a_known_timer(demo, rulebook):
    with pytest.raises(ValueError):
        Workshop(demo, rulebook, [])
    with pytest.raises(ValueError):
        Workshop(demo, rulebook, ["A"] * 9)
    with pytest.raises(ValueError):
        Workshop(demo, rulebook, ["A"], timer=45)


def test_team_colours_and_symbols_are_recorded_when_given(demo, rulebook, tmp_path):
    store = ResultsStore(tmp_path / "r.sqlite3")
    looks = [{"colour": "#0072B2", "symbol": "circle"}, {"colour": "#E69F00", "symbol": "triangle"}]
    w = Workshop(demo, rulebook, ["A", "B"], results=store, styles=looks)
    teams = store.session(w.results_id)["teams"]
    assert [(t["colour"], t["symbol"]) for t in teams] == [("#0072B2", "circle"), ("#E69F00", "triangle")]
    with pytest.raises(ValueError):
        Workshop(demo, rulebook, ["A", "B"], styles=looks[:1])


def test_when_time_is_up_answers_lock_until_the_trainer_decides(demo, rulebook):
    clock = Clock()
    w = Workshop(demo, rulebook, ["A", "B"], timer=30, clock=clock)
    clock.now += 31
    assert w.locked and w.time_up() is None  # "lock" passes no turn
    with pytest.raises(InvalidAnswer):
        w.answer({"choose": "wait"})
    assert not w.session.state.log
    w.skip_timer()  # the trainer lets the answer in
    w.answer({"choose": "wait"})
    assert w.team.name == "B" and not w.locked


def test_when_time_is_up_the_turn_can_pass_with_no_answer_recorded(demo, rulebook, tmp_path):
    import sqlite3

    clock = Clock()
    store = ResultsStore(tmp_path / "r.sqlite3")
    w = Workshop(demo, rulebook, ["A", "B"], timer=30, clock=clock, results=store, on_time_up="pass")
    assert w.time_up() is None  # time left: nothing passes
    clock.now += 31
    assert not w.locked
    missed = w.time_up()
    assert missed == {"team": 0, "scene": "strategy", "decision": 0}
    assert w.team.name == "B" and w.timer.remaining() == 30  # B's turn, with its own time
    assert not w.teams[0].session.state.log  # A's story waits at the same decision
    w.answer({"choose": "wait"})
    assert w.team.name == "A" and w.session.scene_id == "strategy"
    rows = sqlite3.connect(tmp_path / "r.sqlite3").execute("SELECT team, seq, choice, via FROM choices WHERE via = 'timer'").fetchall()
    assert rows == [(0, -1, '{"decision": 0, "no_answer": "strategy", "seconds": 31.0}', "timer")]  # the decision it was on, the time it had
    comparison = w.end()
    assert [t["missed"] for t in comparison["teams"]] == [1, 0]
    assert comparison["teams"][0]["decisions"] == 0 and comparison["teams"][1]["decisions"] == 1
    with pytest.raises(ValueError):
        Workshop(demo, rulebook, ["A"], on_time_up="skip")


def test_the_leaderboard_lists_a_team_without_answers_last_and_unranked(demo, rulebook):
    w = Workshop(demo, rulebook, ["A", "B", "C"])
    w.answer({"choose": "wait"})
    w.answer({"choose": "write-strategy"})
    board = w.leaderboard()
    assert [r["team"] for r in board][-1] == "C" and board[-1]["decisions"] == 0
    assert [r["team"] for r in board][:2] == ["B", "A"]


def test_the_comparison_names_an_allocation_by_its_options_and_amounts(demo, rulebook):
    from game.scoring.compare import answer_label

    label = answer_label(demo, "where-to-look", "local-visits=5,regional-forum=5")
    assert "=" not in label["en"] and "local-visits" not in label["en"] and label["en"].endswith(": 5")
    assert "Visits to schools" in label["en"] and all(label[lang] for lang in label)
    assert answer_label(demo, "choose-partners", "none")["en"] == "picked nobody"


def test_the_comparison_says_who_did_not_answer_and_never_counts_it_as_an_answer(demo, rulebook):
    clock = Clock()
    w = Workshop(demo, rulebook, ["A", "B"], timer=30, clock=clock, on_time_up="pass")
    clock.now += 31
    assert w.time_up()["team"] == 0
    w.answer({"choose": "wait"})  # B
    w.answer({"choose": "write-strategy"})  # A answers at its next turn
    comparison = w.comparison()
    split = next(s for s in comparison["splits"] if s["scene"] == "strategy")
    assert split["missed"] == ["A"]
    assert sorted(g["answer"] for g in split["groups"]) == ["wait", "write-strategy"]  # no "no answer" group
    assert comparison["teams"][0]["missed_turns"] == [{"decision": 0, "scene": "strategy"}] and comparison["teams"][1]["missed_turns"] == []


def test_a_vote_given_team_by_team_names_the_teams_that_did_not_vote(demo, rulebook):
    w = Workshop(demo, rulebook, ["A", "B", "C"], mode="vote")
    w.vote({"wait": 1, "write-strategy": 1}, team_votes={0: "wait", 2: "write-strategy"})
    split = w.comparison()["splits"][0]
    assert split["silent"] == [1] and all(1 not in g["voters"] for g in split["groups"])
