"""Kill test: a child saving and recording in a loop is killed with SIGKILL at
random moments; afterwards every save loads or is cleanly refused, no
committed result is lost or half-written, and the database is intact."""

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from game.store.saves import SLOTS, AUTOSAVE, SaveError, SaveStore
from game.xapi.statements import response
from tests.conftest import ROOT

KILLS = 100


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_saves_and_results_survive_a_hundred_sigkills(tmp_path, demo):
    rng = random.Random(2026)
    acknowledged = 0
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    for round_ in range(KILLS):
        child = subprocess.Popen([sys.executable, "-m", "tests.store.kill_child", str(tmp_path), str(round_)], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        assert child.stdout.readline().strip() == "ready", child.stderr.read()
        first = child.stdout.readline().strip()  # at least one decision each round, however busy the machine
        assert first.startswith("committed "), child.stderr.read()
        time.sleep(rng.uniform(0.0, 0.08))
        child.send_signal(signal.SIGKILL)
        out, _ = child.communicate()
        lines = [first] + [line for line in out.splitlines() if line.startswith("committed ")]
        acknowledged += int(lines[-1].split()[1]) if lines else 0

    store = SaveStore(tmp_path / "saves")
    assert not any(name.name.startswith(".") for name in (tmp_path / "saves").iterdir())
    loaded = 0
    for slot in (*SLOTS, AUTOSAVE):
        try:
            record = store.read(slot)
        except SaveError as exc:
            assert "empty" in str(exc)  # only a slot never written may be refused
            continue
        from game.core.engine import Session

        Session.from_json(demo, record.state.model_dump_json())
        loaded += 1
    assert loaded >= 2

    db = sqlite3.connect(tmp_path / "results.sqlite3")
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    rows = db.execute("SELECT answer, scene, seconds FROM decisions").fetchall()
    assert len(rows) >= acknowledged > KILLS  # every acknowledged decision is there
    for answer, scene, seconds in rows:
        assert json.loads(answer) and scene and seconds == 1.5
    # each decision's xAPI statement is in the outbox, written in the decision's own transaction: never one without the other
    pairs = db.execute("SELECT d.answer, d.scene, o.statement FROM decisions d LEFT JOIN outbox o "
                       "ON o.session_id = d.session_id AND o.team = d.team AND o.seq = d.seq").fetchall()
    assert db.execute("SELECT COUNT(*) FROM outbox").fetchone()[0] == len(rows) == len(pairs)
    for answer, scene, statement in pairs:
        sent = json.loads(statement)
        assert sent["object"]["id"].endswith(f"/scenes/{scene}") and sent["actor"]["account"]["name"] == "kill test"
        assert sent["result"]["response"] == response(json.loads(answer))
