"""Statements reach a real Ralph LRS: they arrive valid, in order, once; a restart resends what waited;
a killed LRS loses and duplicates nothing; a wrong key and a failing LRS are reported with the LRS's answer."""

from __future__ import annotations

import sqlite3
import time

from game.store.results import ResultsStore
from game.xapi.config import LrsConfig
from game.xapi.sender import Sender, send_all
from tests.xapi.conftest import record_plays
from tests.xapi.ralph import KEY, SECRET, free_port


def _outbox_ids(db):
    return [r[0] for r in sqlite3.connect(db).execute("SELECT id FROM outbox ORDER BY n")]


def _wait(check, seconds=30.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.05)
    return False


def test_statements_arrive_valid_in_order_and_one_player_is_one_actor(tmp_path, ralph, demo, rulebook):
    from ralph.models.xapi.base.statements import BaseXapiStatement

    db = tmp_path / "r.sqlite3"
    store = ResultsStore(db)
    record_plays(store, demo, rulebook, 2, player="Maria  Petrova", seed=1)        # day one
    record_plays(store, demo, rulebook, 1, language="bg", player="maria petrova", seed=2)  # day two, typed differently
    status = send_all(db, LrsConfig(ralph.endpoint, KEY, SECRET, "https://training.example.org"))
    assert status.state == "sent" and status.sent == len(_outbox_ids(db))
    mine = {s["id"]: s for s in ralph.stored() if s["id"] in set(_outbox_ids(db))}
    assert list(mine) == _outbox_ids(db)  # all of them, in the order they were recorded
    for statement in mine.values():
        BaseXapiStatement(**statement)  # Ralph's own xAPI 1.0.3 model (what `ralph validate` builds on) accepts it
    actors = {(s["actor"]["account"]["homePage"], s["actor"]["account"]["name"]) for s in mine.values()}
    assert actors == {("https://training.example.org", "maria petrova")}
    assert ResultsStore(db).outbox_counts() == {"waiting": 0, "sent": len(mine), "refused": 0}


def test_a_restart_resends_what_waited_and_never_twice(tmp_path, ralph, demo, rulebook):
    db = tmp_path / "r.sqlite3"
    record_plays(ResultsStore(db), demo, rulebook, 2, seed=3)
    offline = Sender(db, LrsConfig(f"http://127.0.0.1:{free_port()}/xAPI/", KEY, SECRET), first_wait=0.05).start()
    assert _wait(lambda: offline.status.state == "offline")
    assert "cannot reach" in offline.status.answer
    offline.stop()  # the game closes with everything waiting
    waiting = _outbox_ids(db)
    assert ResultsStore(db).outbox_counts()["waiting"] == len(waiting) > 0
    again = Sender(db, LrsConfig(ralph.endpoint, KEY, SECRET)).start()  # the next start
    assert _wait(lambda: ResultsStore(db).outbox_counts()["waiting"] == 0), again.status
    again.stop()
    assert send_all(db, LrsConfig(ralph.endpoint, KEY, SECRET)).sent == 0
    stored = [s["id"] for s in ralph.stored() if s["id"] in set(waiting)]
    assert sorted(stored) == sorted(waiting)


def test_an_lrs_killed_mid_batch_loses_and_duplicates_nothing(tmp_path, own_ralph, demo, rulebook):
    db = tmp_path / "r.sqlite3"
    record_plays(ResultsStore(db), demo, rulebook, 40, seed=4)
    ids = _outbox_ids(db)
    server = own_ralph().start()
    sender = Sender(db, LrsConfig(server.endpoint, KEY, SECRET), batch=20, first_wait=0.05, longest_wait=0.2).start()
    # killed once the sender has seen a batch through (an LRS that stored a batch but died before answering
    # leaves that batch waiting: it is resent, and the LRS must not keep it twice)
    assert _wait(lambda: ResultsStore(db).outbox_counts()["sent"] > 0, 60)
    server.kill()  # while batches are still going
    assert _wait(lambda: sender.status.state in ("offline", "error"), 60)
    left = ResultsStore(db).outbox_counts()["waiting"]
    assert 0 < left < len(ids)
    server.start()  # back, on the same files
    assert _wait(lambda: ResultsStore(db).outbox_counts()["waiting"] == 0, 120)
    sender.stop()
    stored = [s["id"] for s in server.stored()]
    assert sorted(set(stored)) == sorted(ids)  # nothing lost
    assert len(stored) == len(set(stored))     # nothing twice


def test_a_wrong_key_and_a_failing_lrs_are_reported_with_its_answer_and_nothing_is_lost(tmp_path, ralph, own_ralph, demo, rulebook):
    db = tmp_path / "r.sqlite3"
    record_plays(ResultsStore(db), demo, rulebook, 1, seed=5)
    total = len(_outbox_ids(db))
    wrong = send_all(db, LrsConfig(ralph.endpoint, KEY, "not-the-secret"))
    assert (wrong.state, wrong.status) == ("unauthorized", 401) and "Invalid authentication credentials" in wrong.answer
    broken = own_ralph()
    (broken.data / "fs_lrs.jsonl").mkdir()  # the back end cannot write its file: every post fails inside the LRS
    broken.start()
    failed = send_all(db, LrsConfig(broken.endpoint, KEY, SECRET))
    assert (failed.state, failed.status) == ("error", 500) and "failed" in failed.answer
    assert ResultsStore(db).outbox_counts() == {"waiting": total, "sent": 0, "refused": 0}


def test_report_send_pushes_everything_and_says_what_went_wrong(tmp_path, ralph, demo, rulebook, monkeypatch, capsys):
    from game.cli import main

    db = tmp_path / "r.sqlite3"
    record_plays(ResultsStore(db), demo, rulebook, 1, seed=6)
    monkeypatch.setenv("BRIDGES_LRS_ENDPOINT", ralph.endpoint)
    monkeypatch.setenv("BRIDGES_LRS_KEY", KEY)
    monkeypatch.setenv("BRIDGES_LRS_SECRET", "wrong")
    assert main(["report", "--send", "--db", str(db)]) == 1
    assert "refused the key and secret (HTTP 401" in capsys.readouterr().err
    monkeypatch.setenv("BRIDGES_LRS_SECRET", SECRET)
    assert main(["report", "--send", "--db", str(db)]) == 0
    assert f"{len(_outbox_ids(db))} record(s) sent" in capsys.readouterr().out
