"""The results store: every session, team, decision and scorecard, in SQLite.

``<data>/results.sqlite3``, WAL journal, one explicit transaction per write.
If the database is locked, read-only or damaged, the store says so in
:attr:`ResultsStore.problem` and keeps what it could not write in memory;
:meth:`flush` retries and :meth:`export_pending` writes it to a JSON file.
The game keeps running either way.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from game.store.atomic import write_atomic
from game.store.paths import data_dir

SCHEMA = """
CREATE TABLE IF NOT EXISTS sessions (
  id TEXT PRIMARY KEY,
  started_at TEXT NOT NULL,
  ended_at TEXT,
  mode TEXT NOT NULL,
  scenario TEXT NOT NULL,
  scenario_hash TEXT NOT NULL,
  language TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS teams (
  session_id TEXT NOT NULL REFERENCES sessions(id),
  team INTEGER NOT NULL,
  name TEXT NOT NULL,
  colour TEXT NOT NULL DEFAULT '',
  symbol TEXT NOT NULL DEFAULT '',
  overall REAL,
  grade TEXT,
  scorecard TEXT,
  PRIMARY KEY (session_id, team)
);
CREATE TABLE IF NOT EXISTS decisions (
  session_id TEXT NOT NULL REFERENCES sessions(id),
  team INTEGER NOT NULL,
  seq INTEGER NOT NULL,
  scene TEXT NOT NULL,
  answer TEXT NOT NULL,
  seconds REAL NOT NULL,
  at TEXT NOT NULL,
  votes TEXT,
  PRIMARY KEY (session_id, team, seq)
);
CREATE INDEX IF NOT EXISTS sessions_started ON sessions(started_at);
"""


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def problem_code(exc: BaseException) -> str:
    """Why the database failed, for a UI to say in the player's language:
    ``busy``, ``read-only``, ``damaged``, ``folder`` (cannot be created) or ``failed``."""
    if not isinstance(exc, sqlite3.Error):
        return "folder"
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return "busy"
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return "read-only"
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return "damaged"
    return "failed"


def _friendly(exc: sqlite3.Error, path: Path) -> str:
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return f"{path.name}: the results database is busy (another copy of Bridges may be open); results are kept and written later"
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return f"{path.name}: the results database cannot be written (read-only folder or file); results are kept in memory and can be exported"
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return f"{path.name}: the results database is damaged; results are kept in memory and can be exported. Move the file away to start a new one"
    return f"{path.name}: the results database failed ({exc}); results are kept in memory and can be exported"


class ResultsStore:
    """Sessions, teams and decisions; never raises for a database problem."""

    def __init__(self, path: Path | None = None):
        self.path = path or data_dir() / "results.sqlite3"
        self.problem: str | None = None
        self.problem_code: str | None = None  # see problem_code(): the reason, for translated messages
        self.pending: list[tuple[str, tuple]] = []
        self.conn: sqlite3.Connection | None = None
        self._open()

    # ----- connection ---------------------------------------------------------
    def _open(self) -> bool:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(self.path, timeout=2.0, isolation_level=None)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=FULL")
            conn.execute("PRAGMA foreign_keys=ON")
            conn.executescript(SCHEMA)
            self.conn = conn
            self.problem = self.problem_code = None
            return True
        except (sqlite3.Error, OSError) as exc:
            self.conn = None
            self.problem_code = problem_code(exc)
            self.problem = _friendly(exc, self.path) if isinstance(exc, sqlite3.Error) else f"{self.path.name}: cannot create the results folder ({exc}); results are kept in memory"
            return False

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None

    def _write(self, statements: list[tuple[str, tuple]]) -> bool:
        """Run statements in one transaction; on failure keep them pending."""
        if self.conn is None and not self._open():
            self.pending += statements
            return False
        assert self.conn is not None
        try:
            self.conn.execute("BEGIN IMMEDIATE")
            for sql, params in statements:
                self.conn.execute(sql, params)
            self.conn.execute("COMMIT")
            return True
        except sqlite3.Error as exc:
            try:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
            except sqlite3.Error:
                pass
            self.problem, self.problem_code = _friendly(exc, self.path), problem_code(exc)
            self.pending += statements
            return False

    def flush(self) -> bool:
        """Try again to write what is pending."""
        if not self.pending:
            return True
        waiting, self.pending = self.pending, []
        return self._write(waiting)

    def export_pending(self, path: Path) -> Path:
        """Write results that could not reach the database to a JSON file."""
        rows = [{"sql": sql.split("(")[0].strip(), "values": list(params)} for sql, params in self.pending]
        write_atomic(path, json.dumps(rows, ensure_ascii=False, indent=1).encode("utf-8"))
        return path

    # ----- writes -------------------------------------------------------------
    def start_session(self, scenario: str, scenario_hash: str, language: str, mode: str = "solo", teams: list[dict] | None = None) -> str:
        session_id = uuid.uuid4().hex
        statements = [("INSERT INTO sessions (id, started_at, mode, scenario, scenario_hash, language) VALUES (?, ?, ?, ?, ?, ?)", (session_id, now(), mode, scenario, scenario_hash, language))]
        for index, team in enumerate(teams or [{"name": "solo"}]):
            statements.append(("INSERT INTO teams (session_id, team, name, colour, symbol) VALUES (?, ?, ?, ?, ?)", (session_id, index, team.get("name", f"team {index + 1}"), team.get("colour", ""), team.get("symbol", ""))))
        self._write(statements)
        return session_id

    def record_decision(self, session_id: str, team: int, seq: int, scene: str, answer: dict, seconds: float, votes: dict | None = None) -> bool:
        return self._write([(
            "INSERT OR REPLACE INTO decisions (session_id, team, seq, scene, answer, seconds, at, votes) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (session_id, team, seq, scene, json.dumps(answer, ensure_ascii=False, sort_keys=True), round(float(seconds), 3), now(), json.dumps(votes) if votes else None),
        )])

    def remove_decision(self, session_id: str, team: int, seq: int) -> bool:
        """Undo a mistaken decision (the trainer's 'back one decision')."""
        return self._write([("DELETE FROM decisions WHERE session_id = ? AND team = ? AND seq >= ?", (session_id, team, seq))])

    def finish_team(self, session_id: str, team: int, scorecard: dict) -> bool:
        return self._write([(
            "UPDATE teams SET overall = ?, grade = ?, scorecard = ? WHERE session_id = ? AND team = ?",
            (scorecard.get("overall"), scorecard.get("grade"), json.dumps(scorecard, ensure_ascii=False), session_id, team),
        )])

    def end_session(self, session_id: str) -> bool:
        return self._write([("UPDATE sessions SET ended_at = ? WHERE id = ?", (now(), session_id))])

    # ----- reads ----------------------------------------------------------------
    def _rows(self, sql: str, params: tuple = ()) -> list[sqlite3.Row]:
        if self.conn is None and not self._open():
            return []
        assert self.conn is not None
        self.conn.row_factory = sqlite3.Row
        try:
            return list(self.conn.execute(sql, params))
        except sqlite3.Error as exc:
            self.problem, self.problem_code = _friendly(exc, self.path), problem_code(exc)
            return []

    def sessions(self, since: str | None = None, until: str | None = None) -> list[dict]:
        """Sessions started in [since, until] (ISO dates), newest first."""
        sql, params = "SELECT * FROM sessions WHERE 1=1", []
        if since:
            sql, params = sql + " AND started_at >= ?", params + [since]
        if until:
            sql, params = sql + " AND started_at < ?", params + [until]
        return [dict(row) for row in self._rows(sql + " ORDER BY started_at DESC, id", tuple(params))]

    def session(self, session_id: str) -> dict[str, Any] | None:
        """One session with its teams and their decisions; a unique prefix of the id is enough."""
        rows = self._rows("SELECT * FROM sessions WHERE id LIKE ? ORDER BY id", (session_id + "%",))
        if len(rows) != 1:
            return None
        found = dict(rows[0])
        teams = [dict(r) for r in self._rows("SELECT * FROM teams WHERE session_id = ? ORDER BY team", (found["id"],))]
        for team in teams:
            team["scorecard"] = json.loads(team["scorecard"]) if team["scorecard"] else None
            team["decisions"] = [
                dict(r, answer=json.loads(r["answer"]), votes=json.loads(r["votes"]) if r["votes"] else None)
                for r in self._rows("SELECT * FROM decisions WHERE session_id = ? AND team = ? ORDER BY seq", (found["id"], team["team"]))
            ]
        found["teams"] = teams
        return found

    def best_scores(self, mode: str = "solo") -> dict[str, dict]:
        """The best recorded score of each scenario: scenario id -> {"overall": float, "grade": str}."""
        rows = self._rows(
            "SELECT s.scenario AS scenario, MAX(t.overall) AS overall, t.grade AS grade FROM teams t JOIN sessions s ON s.id = t.session_id "
            "WHERE s.mode = ? AND t.overall IS NOT NULL GROUP BY s.scenario", (mode,))
        return {row["scenario"]: {"overall": row["overall"], "grade": row["grade"] or ""} for row in rows}

    def integrity(self) -> str:
        rows = self._rows("PRAGMA integrity_check")
        return rows[0][0] if rows else (self.problem or "unavailable")
