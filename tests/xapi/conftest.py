"""A real Ralph LRS for the xAPI tests (see tests/xapi/ralph.py), started once per run; and recorded plays."""

from __future__ import annotations

import random

import pytest

from tests.xapi.ralph import Ralph


@pytest.fixture(scope="session")
def ralph(tmp_path_factory):
    pytest.importorskip("ralph", reason="ralph-malph is in the test extra: pip install -e '.[test]'")
    server = Ralph(tmp_path_factory.mktemp("ralph")).start()
    yield server
    server.kill()


@pytest.fixture
def own_ralph(tmp_path):
    """A Ralph of this test's own (to kill, break or restart)."""
    pytest.importorskip("ralph", reason="ralph-malph is in the test extra: pip install -e '.[test]'")
    servers = []

    def make(**options):
        server = Ralph(tmp_path / f"ralph{len(servers)}", **options)
        servers.append(server)
        return server

    yield make
    for server in servers:
        server.kill()


def skilled_answer(session, rng, skill):
    """The option the handbook counts right, with probability ``skill`` where there is one; else a random answer."""
    from game.core.policies import POLICIES
    from game.xapi.statements import correct_patterns

    scene = session.scene
    if scene.kind in ("choice", "event") and rng.random() < skill:
        offered = {o.id for o in session.options()}
        right = [o for o in correct_patterns(scene) if o in offered]
        if right:
            return {"choose": right[0]}
    return POLICIES["random"](session, rng)


def record_plays(store, scenario, rulebook, count, language="en", player=None, seed=0, homepage="https://training.example.org"):
    """``count`` random solo plays of ``scenario`` recorded in ``store`` with their statements; returns the session ids."""
    from game.core.engine import Session
    from game.scoring.grader import grade
    from game.xapi.actors import agent
    from game.xapi.statements import PlayStatements

    rng = random.Random(seed)
    ids = []
    for n in range(count):
        session = Session(scenario, seed=rng.randrange(10**6))
        sid = store.start_session(scenario.id, "hash", language, "solo", player={"name": player} if player else None)
        made = PlayStatements(scenario, sid, language, agent(player, homepage, sid), 0, "solo", "hash")
        skill = n / max(1, count - 1)  # from random play to the handbook's answer wherever there is one
        while not session.ended:
            answer = skilled_answer(session, rng, skill)
            scene = session.scene_id
            events = session.answer(answer)
            seq = len(session.state.log) - 1
            store.record_decision(sid, 0, seq, scene, answer, 3.0, xapi=lambda at, seq=seq, scene=scene, answer=answer, events=events: [
                made.decision(seq, scene, answer, events, 3.0, at)])
        card = grade(scenario, session, rulebook)
        store.finish_team(sid, 0, card, xapi=lambda at, card=card: made.finished(card, 60.0, at))
        store.end_session(sid)
        ids.append(sid)
    return ids
