"""The workshop's comparison debrief."""

from game.core.engine import Session
from game.scoring.compare import compare_teams, compare_votes


def _team(demo, first_choice, partners):
    session = Session(demo, seed=1)
    session.choose(first_choice)
    session.allocate({"regional-forum": 5, "local-visits": 5})
    session.choose("call-and-meet")
    session.pick(partners)
    return session


def test_teams_that_chose_differently_make_a_split_with_a_discussion_question(demo, rulebook):
    teams = [
        {"name": "Eagles", "session": _team(demo, "write-strategy", ["school-eco-club", "fishers-union"])},
        {"name": "Owls", "session": _team(demo, "write-strategy", ["green-future", "fishers-union"])},
        {"name": "Foxes", "session": _team(demo, "wait", ["school-eco-club", "fishers-union"])},
    ]
    report = compare_teams(demo, teams, rulebook)
    by_scene = {s["scene"]: s for s in report["splits"]}
    assert set(by_scene) == {"strategy", "choose-partners"}
    strategy = by_scene["strategy"]
    assert [g["teams"] for g in strategy["groups"]] == [["Eagles", "Owls"], ["Foxes"]]
    assert {"rule": "networking.take-initiative", "verdict": "breaks"} in strategy["groups"][1]["evidence"]
    assert "handbook" in strategy["question"]["en"] and strategy["question"]["bg"]
    assert [t["name"] for t in report["teams"]] == ["Eagles", "Owls", "Foxes"]
    assert all(len(a["scores"]) == 3 for a in report["areas"])
    assert report["most_broken"][0]["teams"] >= 1


def test_a_unanimous_vote_is_no_split_and_a_divided_one_is(demo, rulebook):
    session = Session(demo, seed=1)
    session.choose("write-strategy")
    votes = [
        {"scene": "strategy", "votes": {"write-strategy": 5, "wait": 2, "write-everyone": 1}, "chosen": "write-strategy"},
        {"scene": "where-to-look", "votes": {"x": 8}, "chosen": "x"},
    ]
    report = compare_votes(demo, session, votes, rulebook)
    assert [s["scene"] for s in report["splits"]] == ["strategy"]
    groups = report["splits"][0]["groups"]
    assert [g["votes"] for g in groups] == [5, 2, 1] and groups[0]["chosen"]
