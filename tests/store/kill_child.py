"""Child process for the kill test: plays, saves and records in a loop until killed.

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
        session_id = results.start_session(checked.scenario.id, checked.hash, "en")
        while not session.ended:
            answer = random_answer(session, rng)
            session.answer(answer)
            saves.autosave(session)
            saves.save(SLOTS[count % len(SLOTS)], session)
            ok = results.record_decision(session_id, 0, len(session.state.log) - 1, session.state.log[-1]["scene"], answer, 1.5)
            assert ok, results.problem
            count += 1
            print(f"committed {count}", flush=True)


if __name__ == "__main__":
    main()
