"""No acknowledged result is ever lost: a full disk, a read-only or missing folder, a lock
that comes and goes, a damaged database. Every test counts the decisions it recorded."""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from game.store.export import to_csv
from game.store.pending import PendingFiles
from game.store.report import read_trouble
from game.store.results import ResultsStore

ROOT = Path(__file__).resolve().parents[2]


def _record(store: ResultsStore, decisions: int, team_name: str = "solo") -> str:
    session = store.start_session("demo-river-cleanup", "hash", "en", "solo", teams=[{"name": team_name}])
    for seq in range(decisions):
        store.record_decision(session, 0, seq, f"scene-{seq}", {"choose": f"option-{seq}", "padding": "x" * 400}, 1.5)
    store.finish_team(session, 0, {"overall": 80.0, "grade": "B", "timeline": []})
    store.end_session(session)
    return session


def _count(db: Path, session: str) -> tuple[int, str | None]:
    conn = sqlite3.connect(db)
    try:
        decisions = conn.execute("SELECT COUNT(*) FROM decisions WHERE session_id = ?", (session,)).fetchone()[0]
        ended = conn.execute("SELECT ended_at FROM sessions WHERE id = ?", (session,)).fetchone()
        return decisions, ended[0] if ended else None
    finally:
        conn.close()


@contextlib.contextmanager
def small_disk(folder: Path, kib: int):
    """A tmpfs of ``kib`` KiB mounted at ``folder`` (skips where the test cannot mount)."""
    folder.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={kib}k", "tmpfs", str(folder)], capture_output=True).returncode != 0:
        pytest.skip("cannot mount a small file system here; the SQLite page-limit test covers a full database")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True)


def test_a_full_disk_keeps_every_decision_in_a_pending_file_that_the_next_start_merges(tmp_path):
    disk = tmp_path / "data"
    with small_disk(disk, 192):
        store = ResultsStore(disk / "results.sqlite3")
        assert store.problem is None
        session = _record(store, 300)  # far more than 192 KiB of rows
        assert store.problem_code == "full" and store.pending
        kept = store.pending_file
        assert kept is not None and kept.is_file() and not kept.is_relative_to(disk)  # the full disk could not take it
        store.close()
        subprocess.run(["mount", "-o", "remount,size=8m", str(disk)], check=True)
        again = ResultsStore(disk / "results.sqlite3")
        assert again.merged > 0 and not kept.exists()
        assert _count(disk / "results.sqlite3", session) == (300, again.session(session)["ended_at"])
        assert again.session(session)["ended_at"] is not None
        again.close()


def test_a_read_only_data_folder_keeps_every_decision_and_the_next_start_merges_them(tmp_path):
    disk = tmp_path / "data"
    disk.mkdir()
    ResultsStore(disk / "results.sqlite3").close()
    if os.geteuid() != 0 or subprocess.run(["mount", "--bind", str(disk), str(disk)], capture_output=True).returncode != 0:
        pytest.skip("cannot bind-mount here")
    try:
        subprocess.run(["mount", "-o", "remount,bind,ro", str(disk)], check=True, capture_output=True)  # even root cannot write now
        store = ResultsStore(disk / "results.sqlite3")
        session = _record(store, 6)
        assert store.pending and store.problem_code in ("read-only", "failed")
        kept = store.pending_file
        assert kept is not None and kept.is_file() and not kept.is_relative_to(disk)
        store.close()
    finally:
        subprocess.run(["umount", "-l", str(disk)], capture_output=True)
    again = ResultsStore(disk / "results.sqlite3")
    assert again.merged and not kept.exists()
    decisions, ended = _count(disk / "results.sqlite3", session)
    assert decisions == 6 and ended is not None
    again.close()


def test_a_database_that_is_full_keeps_the_rows_pending_beside_it(tmp_path):
    store = ResultsStore(tmp_path / "results.sqlite3")
    store.conn.execute("PRAGMA max_page_count = 8")  # SQLite's own 'database or disk is full'
    session = _record(store, 120)
    assert store.problem_code == "full"
    assert store.pending_file is not None and store.pending_file.parent == tmp_path
    store.close()
    again = ResultsStore(tmp_path / "results.sqlite3")
    decisions, ended = _count(tmp_path / "results.sqlite3", session)
    assert decisions == 120 and ended is not None and again.merged > 0
    assert not list(tmp_path.glob("results-pending-*.json"))


def test_when_the_data_folder_cannot_be_made_the_rows_go_to_the_temporary_folder(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the data folder should be")
    store = ResultsStore(blocker / "data" / "results.sqlite3")
    assert store.problem_code == "folder"
    session = _record(store, 5)
    kept = store.pending_file
    assert kept is not None and kept.is_file()
    rows = json.loads(kept.read_text(encoding="utf-8"))["rows"]
    assert [r["op"] for r in rows].count("decision") == 5 and rows[-1]["op"] == "end"
    # the user moves the file away; the next start finds the rows in the fallback folder
    blocker.unlink()
    again = ResultsStore(blocker / "data" / "results.sqlite3")
    assert again.merged == len(rows) and not kept.exists()
    assert _count(blocker / "data" / "results.sqlite3", session)[0] == 5


def test_a_lock_released_mid_game_writes_the_start_before_the_end(tmp_path):
    db = tmp_path / "results.sqlite3"
    ResultsStore(db).close()
    locker = sqlite3.connect(db, isolation_level=None)
    locker.execute("BEGIN EXCLUSIVE")
    store = ResultsStore(db)
    store.conn.execute("PRAGMA busy_timeout = 50")
    session = store.start_session("demo", "hash", "en")
    store.record_decision(session, 0, 0, "first", {"choose": "a"}, 1.0)
    assert store.problem_code == "busy" and store.pending_file.is_file()
    locker.execute("ROLLBACK")
    locker.close()
    store.record_decision(session, 0, 1, "second", {"choose": "b"}, 1.0)
    store.finish_team(session, 0, {"overall": 50.0, "grade": "D"})
    store.end_session(session)
    decisions, ended = _count(db, session)
    assert decisions == 2 and ended is not None
    assert store.pending_file is None and not list(tmp_path.glob("results-pending-*.json"))


def test_a_pending_file_names_operations_and_a_doctored_one_is_never_run(tmp_path):
    db = tmp_path / "results.sqlite3"
    evil = tmp_path / "results-pending-20260101T000000-1.json"
    evil.write_text(json.dumps({"kind": "bridges-pending-results", "format": 1, "rows": [{"op": "DROP TABLE sessions", "values": []}]}))
    store = ResultsStore(db)
    assert store.merged == 0 and evil.exists()
    assert store.sessions() == [] and not store.read_failed


def test_pending_files_of_the_first_format_are_merged_too(tmp_path):
    session = uuid.uuid4().hex
    legacy = [
        {"sql": "INSERT INTO sessions", "values": [session, "2026-11-27T10:00:00+00:00", "solo", "demo", "h", "en"]},
        {"sql": "INSERT INTO teams", "values": [session, 0, "solo", "", ""]},
        {"sql": "INSERT OR REPLACE INTO decisions", "values": [session, 0, 0, "intro", "{\"choose\": \"a\"}", 2.0, "2026-11-27T10:00:05+00:00", None]},
        {"sql": "UPDATE sessions SET ended_at = ? WHERE id = ?", "values": ["2026-11-27T10:09:00+00:00", session]},
    ]
    (tmp_path / "results-pending-20261127T100000.json").write_text(json.dumps(legacy))
    store = ResultsStore(tmp_path / "results.sqlite3")
    assert store.merged == 4
    assert _count(tmp_path / "results.sqlite3", session) == (1, "2026-11-27T10:09:00+00:00")


def _damaged_db(tmp_path: Path) -> tuple[Path, list[str]]:
    db = tmp_path / "results.sqlite3"
    store = ResultsStore(db)
    ids = [_record(store, 3, team_name=f"Team {n}") for n in range(5)]
    store.close()
    return db, ids


def _report(db: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "report", "--db", str(db), *args], capture_output=True, text=True,
                          env={**os.environ, "SDL_VIDEODRIVER": "dummy", **(env or {})}, timeout=60)


@pytest.mark.parametrize("damage", ["bad-json", "binary-date", "text-score"])
def test_report_on_a_damaged_cell_says_how_many_rows_it_left_out(tmp_path, damage):
    db, ids = _damaged_db(tmp_path)
    conn = sqlite3.connect(db)
    if damage == "bad-json":
        conn.execute("UPDATE decisions SET answer = '{not json' WHERE session_id = ? AND seq = 1", (ids[0],))
    elif damage == "binary-date":
        conn.execute("UPDATE sessions SET started_at = ? WHERE id = ?", (b"\x00\xff", ids[1]))
    else:
        conn.execute("UPDATE teams SET overall = 'abc' WHERE session_id = ?", (ids[2],))
    conn.commit()
    conn.close()
    result = _report(db)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "could not be read" in result.stderr and "1 damaged row" in result.stderr
    assert result.stdout.count("\n") >= 5  # the other sessions are listed
    out = _report(db, "--out", str(tmp_path / "out"), "--format", "csv,json,xapi")
    assert out.returncode == 1 and "Traceback" not in out.stderr and (tmp_path / "out" / "bridges-sessions.csv").is_file()


def test_report_on_a_database_with_random_bytes_in_the_middle_never_says_no_sessions(tmp_path):
    db, _ = _damaged_db(tmp_path)
    raw = bytearray(db.read_bytes())
    middle = len(raw) // 2
    raw[middle:middle + 4096] = os.urandom(4096)
    db.write_bytes(bytes(raw))
    result = _report(db)
    assert "Traceback" not in result.stderr
    if result.returncode == 0:  # the bytes fell where no row lives: then every session is listed
        assert result.stdout.count("Team") == 5
    else:
        assert "No recorded sessions yet" not in result.stdout and "warning:" in result.stderr


def test_report_on_a_full_disk_still_reads_the_sessions(tmp_path):
    db, ids = _damaged_db(tmp_path)
    store = ResultsStore(db, read_only=True)
    assert len(store.sessions()) == 5 and read_trouble(store) == ""
    assert not list(tmp_path.glob("results-pending-*.json"))


def test_report_refuses_a_database_path_that_does_not_exist(tmp_path):
    missing = tmp_path / "nowhere" / "results.sqlite3"
    result = _report(missing)
    assert result.returncode == 2 and "no such file" in result.stderr and not (tmp_path / "nowhere").exists()


def test_report_prints_on_a_terminal_that_cannot_show_cyrillic(tmp_path):
    db = tmp_path / "results.sqlite3"
    store = ResultsStore(db)
    _record(store, 2, team_name="Орли")
    store.close()
    for env in ({"LANG": "C", "LC_ALL": "C", "PYTHONIOENCODING": ""}, {"PYTHONIOENCODING": "cp1252"}):
        result = _report(db, env=env)
        assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr


@pytest.mark.parametrize("name", ["=HYPERLINK(\"http://x\",\"click\")", "=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1)", "\tTab", "\rReturn"])
def test_csv_cells_that_a_spreadsheet_would_run_are_neutralised(tmp_path, name):
    store = ResultsStore(tmp_path / "results.sqlite3")
    session = _record(store, 1, team_name=name)
    text = to_csv([store.session(session)])
    assert f"'{name[0]}" in text
    assert "\n" + name not in text and "," + name not in text


def test_pending_files_of_two_data_folders_never_mix(tmp_path):
    one, two = PendingFiles(tmp_path / "one"), PendingFiles(tmp_path / "two")
    assert one.folders()[1] != two.folders()[1]
