""""Decision N" counts the decision scenes on the path taken: one more at each scene the story moves to, events
included, so it never jumps back or by two when an event comes; an ending is not a decision."""

import json
import random

from game.core.engine import Session
from game.core.policies import random_answer


def test_the_decision_number_grows_by_one_per_scene_the_story_moves_to(demo):
    events_seen = 0
    for seed in range(12):
        session = Session(demo, seed=seed)
        rng = random.Random(seed)
        assert (session.decision_number, session.decisions_taken) == (1, 0)
        while not session.ended:
            before, scene = session.decision_number, session.scene_id
            session.answer(random_answer(session, rng))
            if session.scene_id == scene and not session.ended:  # research, a negotiation round: the same decision
                assert session.decision_number == before
                continue
            events_seen += session.scene.kind == "event"
            assert session.decisions_taken == before
            assert session.decision_number == (before if session.ended else before + 1)
        assert session.decisions_taken == session.decision_number == len(session.state.visited) - 1
    assert events_seen, "no play met an event: the count was not checked where it used to jump"


def test_autoplay_reports_the_decisions_as_the_game_counts_them(capsys):
    from game.cli import main

    assert main(["autoplay", "demo-river-cleanup", "--seed", "3", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["decisions"] == len(result["path"]) - 1 == len({entry["scene"] for entry in result["log"]})
