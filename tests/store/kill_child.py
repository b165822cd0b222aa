"""Child process for the kill test: plays, saves and records (with each decision's xAPI statement) in a loop until killed.

``python -m tests.store.kill_child FOLDER SEED`` prints ``ready``, then one
line ``committed N`` after each decision whose save and database row are
both durable.
"""

import random
import sys
from pathlib import Path

from game.core.checker import check_file
from game.core.engine import Session
from game.core.policies import random_answer
from game.store.results import ResultsStore
from game.store.saves import SLOTS, SaveStore
from game.xapi.actors import DEFAULT_HOMEPAGE, agent
from game.xapi.statements import PlayStatements

DEMO = Path(__file__).resolve().parents[2] / "scenarios" / "demo-river-cleanup.yaml"


def main() -> None:
    folder, seed = Path(sys.argv[1]), int(sys.argv[2])
    checked = check_file(DEMO, None)
    saves = SaveStore(folder / "saves")
    results = ResultsStore(folder / "results.sqlite3")
    rng = random.Random(seed)
    print("ready", flush=True)
    count = 0
    while True:
        session = Session(checked.scenario, seed=rng.randrange(10**6), scenario_hash=checked.hash)
        session_id = results.start_session(checked.scenario.id, checked.hash, "en", player={"name": "Kill Test"})
        made = PlayStatements(checked.scenario, session_id, "en", agent("Kill Test", DEFAULT_HOMEPAGE, session_id), 0, "solo", checked.hash)
        while not session.ended:
            answer = random_answer(session, rng)
            scene = session.scene_id
            events = session.answer(answer)
            saves.autosave(session)
            saves.save(SLOTS[count % len(SLOTS)], session)
            seq = len(session.state.log) - 1
            ok = results.record_decision(session_id, 0, seq, scene, answer, 1.5,
                                         xapi=lambda at: [made.decision(seq, scene, answer, events, 1.5, at)])
            assert ok, results.problem
            count += 1
            print(f"committed {count}", flush=True)


if __name__ == "__main__":
    main()
