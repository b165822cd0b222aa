"""The results store and its exports; damaged, locked and read-only databases never crash the game."""

import csv
import io
import json
import os
import sqlite3
import stat

import pytest

from game.cli import main
from game.core.engine import Session
from game.core.policies import POLICIES, play
from game.scoring.grader import grade
from game.store.export import VERB_ANSWERED, VERB_COMPLETED, to_csv, xapi_statements
from game.store.results import ResultsStore


def _workshop(store, demo, rulebook, teams=3):
    session_id = store.start_session(demo.id, "hash", "bg", "turns", [{"name": f"Team {i}"} for i in range(teams)])
    total = 0
    for team in range(teams):
        session = play(Session(demo, seed=team), POLICIES["random"], team)
        for seq, entry in enumerate(session.state.log):
            store.record_decision(session_id, team, seq, entry["scene"], {k: v for k, v in entry.items() if k != "scene"}, 4.0 + seq)
            total += 1
        store.finish_team(session_id, team, grade(demo, session, rulebook))
    store.end_session(session_id)
    return session_id, total


def test_sessions_teams_and_decisions_are_recorded_and_read_back(tmp_path, demo, rulebook):
    store = ResultsStore(tmp_path / "r.sqlite3")
    session_id, total = _workshop(store, demo, rulebook)
    found = store.session(session_id[:8])
    assert found["mode"] == "turns" and len(found["teams"]) == 3
    assert sum(len(t["decisions"]) for t in found["teams"]) == total
    assert all(t["scorecard"]["scenario"] == demo.id for t in found["teams"])
    assert store.integrity() == "ok"
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_csv_has_one_row_a_decision_and_xapi_one_statement_a_decision_plus_completions(tmp_path, demo, rulebook):
    store = ResultsStore(tmp_path / "r.sqlite3")
    session_id, total = _workshop(store, demo, rulebook)
    sessions = [store.session(session_id)]
    rows = list(csv.DictReader(io.StringIO(to_csv(sessions))))
    assert len(rows) == total
    assert {r["team_name"] for r in rows} == {"Team 0", "Team 1", "Team 2"}
    statements = xapi_statements(sessions)
    answered = [s for s in statements if s["verb"] == VERB_ANSWERED]
    completed = [s for s in statements if s["verb"] == VERB_COMPLETED]
    assert len(answered) == total and len(completed) == 3
    assert all(0 <= s["result"]["score"]["scaled"] <= 1 for s in completed)
    assert len({s["id"] for s in statements}) == len(statements)


def test_report_exports_csv_json_xapi_and_png(tmp_path, demo, rulebook, capsys):
    db = tmp_path / "r.sqlite3"
    session_id, _ = _workshop(ResultsStore(db), demo, rulebook)
    assert main(["report", "--db", str(db)]) == 0
    assert session_id[:8] in capsys.readouterr().out
    out = tmp_path / "out"
    assert main(["report", session_id[:8], "--db", str(db), "--out", str(out)]) == 0
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted([f"bridges-{session_id[:8]}{s}" for s in (".csv", ".json", ".xapi.json", ".png")] + [f"bridges-summary-{session_id[:8]}.csv"])
    assert json.loads((out / f"bridges-{session_id[:8]}.json").read_text(encoding="utf-8"))["sessions"][0]["id"] == session_id
    assert (out / f"bridges-{session_id[:8]}.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_report_by_date_range_and_bad_dates(tmp_path, demo, rulebook, capsys):
    db = tmp_path / "r.sqlite3"
    _workshop(ResultsStore(db), demo, rulebook, teams=1)
    assert main(["report", "--db", str(db), "--from", "2000-01-01", "--to", "2000-01-02"]) == 0
    assert "No recorded sessions" in capsys.readouterr().out
    assert main(["report", "--db", str(db), "--from", "yesterday"]) == 2
    assert "not a date" in capsys.readouterr().err


def test_a_file_that_is_not_a_database_gets_a_message_and_results_stay_in_memory(tmp_path):
    db = tmp_path / "r.sqlite3"
    db.write_bytes(b"this is not sqlite" * 100)
    store = ResultsStore(db)
    assert "damaged" in store.problem and store.problem_code == "damaged"
    session_id = store.start_session("demo", "h", "en")
    assert store.record_decision(session_id, 0, 0, "strategy", {"choose": "a"}, 1.0) is False
    assert len(store.pending) == 3
    exported = store.export_pending(tmp_path / "pending.json")
    assert len(json.loads(exported.read_text(encoding="utf-8"))) == 3
    assert db.read_bytes() == b"this is not sqlite" * 100  # nothing overwritten


@pytest.mark.skipif(os.geteuid() == 0 if hasattr(os, "geteuid") else True, reason="root ignores file permissions")
def test_a_read_only_folder_gets_a_message(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        store = ResultsStore(folder / "r.sqlite3")
        assert store.problem and "cannot be written" in store.problem and store.problem_code == "read-only"
    finally:
        folder.chmod(stat.S_IRWXU)


def test_a_read_only_database_keeps_results_pending_and_flushes_when_writable(tmp_path):
    db = tmp_path / "r.sqlite3"
    ResultsStore(db).close()
    store = ResultsStore(db)
    store.conn.execute("PRAGMA query_only = ON")  # behaves like a read-only database, even for root
    session_id = store.start_session("demo", "h", "en")
    assert store.pending and store.problem and store.problem_code == "read-only"
    store.conn.execute("PRAGMA query_only = OFF")
    assert store.flush() is True and not store.pending
    assert store.session(session_id)["scenario"] == "demo"


def test_a_locked_database_gets_a_message_and_the_write_waits(tmp_path):
    db = tmp_path / "r.sqlite3"
    store = ResultsStore(db)
    store.conn.execute("PRAGMA busy_timeout = 50")
    blocker = sqlite3.connect(db, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    try:
        store.start_session("demo", "h", "en")
        assert "busy" in store.problem and store.pending and store.problem_code == "busy"
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    assert store.flush() and store.sessions()


def test_best_scores_are_the_highest_recorded_score_of_each_scenario_in_a_mode(tmp_path):
    store = ResultsStore(tmp_path / "r.sqlite3")
    for mode, overall, letter in (("solo", 41.5, "D"), ("solo", 77.0, "B"), ("solo", None, None), ("turns", 95.0, "A")):
        session_id = store.start_session("demo", "h", "en", mode)
        if overall is not None:
            store.finish_team(session_id, 0, {"overall": overall, "grade": letter})
    assert store.best_scores() == {"demo": {"overall": 77.0, "grade": "B"}}
    assert store.best_scores("turns") == {"demo": {"overall": 95.0, "grade": "A"}}
    assert ResultsStore(tmp_path / "empty.sqlite3").best_scores() == {}
