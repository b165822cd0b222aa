"""The results store: every session, team, decision and scorecard, in SQLite.

``<data>/results.sqlite3``, WAL journal, one explicit transaction per write.
If the database is locked, read-only, damaged or on a full disk, the store
says so in :attr:`ResultsStore.problem` and writes what it could not store,
at once, to a pending file (:attr:`ResultsStore.pending_file`): in the data
folder, else in the system's temporary folder, else in the saves folder.
Every write goes after what is pending, in order, so a session's end is
never written before its start. At the next start, pending files are merged
into the database and removed. The game keeps running either way.

A pending file holds named operations, never SQL::

    {"kind": "bridges-pending-results", "format": 1,
     "rows": [{"op": "decision", "values": ["3f2a...", 0, 4, "kickoff", "{...}", 12.5, "2026-...", null]}]}
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable

from game.store.atomic import write_atomic
from game.store.pending import PendingFiles
from game.store.rows import clean_decision, clean_session, clean_team
from game.store.paths import results_path

OPS = {
    "session": "INSERT OR IGNORE INTO sessions (id, started_at, mode, scenario, scenario_hash, language) VALUES (?, ?, ?, ?, ?, ?)",
    "team": "INSERT OR IGNORE INTO teams (session_id, team, name, colour, symbol) VALUES (?, ?, ?, ?, ?)",
    "decision": "INSERT OR REPLACE INTO decisions (session_id, team, seq, scene, answer, seconds, at, votes) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    "remove": "DELETE FROM decisions WHERE session_id = ? AND team = ? AND seq >= ?",
    "finish": "UPDATE teams SET overall = ?, grade = ?, scorecard = ? WHERE session_id = ? AND team = ?",
    "end": "UPDATE sessions SET ended_at = ? WHERE id = ?",
    "choice": "INSERT OR REPLACE INTO choices (session_id, team, seq, chooser, choice, via, at) VALUES (?, ?, ?, ?, ?, ?, ?)",
    "player": "UPDATE sessions SET player = ? WHERE id = ?",
    "members": "UPDATE teams SET members = ? WHERE session_id = ? AND team = ?",
    "outbox": "INSERT OR IGNORE INTO outbox (id, session_id, team, seq, statement, created_at) VALUES (?, ?, ?, ?, ?, ?)",
    "unqueue": "DELETE FROM outbox WHERE session_id = ? AND team = ? AND seq >= ? AND sent_at IS NULL",
}
"""Every write the store makes, by name: pending files name these, so merging one never runs SQL from a file."""

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
-- who chose what in a decision: in turns the team that answered; in a plenary vote each team's vote;
-- 'via' is phone or laptop. A decision taken back ('back one decision') takes its choices with it.
CREATE TABLE IF NOT EXISTS choices (
  session_id TEXT NOT NULL,
  team INTEGER NOT NULL,
  seq INTEGER NOT NULL,
  chooser INTEGER NOT NULL,
  choice TEXT NOT NULL,
  via TEXT NOT NULL,
  at TEXT NOT NULL,
  PRIMARY KEY (session_id, team, seq, chooser)
);
CREATE TRIGGER IF NOT EXISTS choices_follow_decisions AFTER DELETE ON decisions BEGIN
  DELETE FROM choices WHERE session_id = OLD.session_id AND team = OLD.team AND seq = OLD.seq;
END;
CREATE TABLE IF NOT EXISTS outbox (
  n INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  session_id TEXT NOT NULL,
  team INTEGER NOT NULL,
  seq INTEGER,
  statement TEXT NOT NULL,
  created_at TEXT NOT NULL,
  sent_at TEXT,
  refused TEXT
);
CREATE INDEX IF NOT EXISTS outbox_waiting ON outbox(sent_at, n);
"""
ADDED_COLUMNS = (("sessions", "player", "TEXT"), ("teams", "members", "TEXT"))
"""Columns later versions added: a database of an earlier version gets them when opened for writing."""


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def problem_code(exc: BaseException) -> str:
    """Why the database failed, for a UI to say in the player's language:
    ``busy``, ``read-only``, ``damaged``, ``full``, ``folder`` (cannot be created) or ``failed``."""
    if not isinstance(exc, sqlite3.Error):
        return "folder"
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return "busy"
    if "full" in text:
        return "full"
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return "read-only"
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return "damaged"
    return "failed"


REASONS = {
    "busy": "the results database is busy (another copy of Bridges may be open)",
    "full": "the disk is full",
    "read-only": "the results database cannot be written (read-only folder or file)",
    "damaged": "the results database is damaged; move the file away to start a new one",
}


def _friendly(exc: BaseException, path: Path) -> str:
    code = problem_code(exc)
    if code == "folder":
        return f"{path.name}: cannot create the results folder ({exc})"
    return f"{path.name}: {REASONS.get(code, f'the results database failed ({exc})')}"


def _add_columns(conn: sqlite3.Connection) -> None:
    for table, column, kind in ADDED_COLUMNS:
        if column not in {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}:
            conn.execute(f"ALTER TABLE {table} ADD COLUMN {column} {kind}")


XapiMaker = Callable[[str], list[dict]]
"""Makes a decision's (or a finish's) xAPI statements, given the time the store stamps on it."""


def _queued(session_id: str, team: int, seq: int | None, at: str, xapi: XapiMaker | None) -> list[tuple[str, tuple]]:
    """The outbox rows of a write: its statements, written in the same transaction."""
    if xapi is None:
        return []
    return [("outbox", (s["id"], session_id, team, seq, json.dumps(s, ensure_ascii=False, separators=(",", ":")), at)) for s in xapi(at)]


def missed_turns(chosen: dict[int, list[dict]]) -> list[dict]:
    """The turns a team missed (time ran out, no answer), oldest first, from its choices with negative numbers:
    ``[{"seq": -1, "decision": 2, "scene": "kickoff", "seconds": 60.0, "at": "..."}]`` (``decision``: the decision it was on,
    None for a row written before it was kept)."""
    found = []
    for seq in sorted((s for s in chosen if s < 0), reverse=True):
        for c in chosen[seq]:
            choice = c["choice"] if isinstance(c["choice"], dict) else {}
            if not isinstance(choice.get("no_answer"), str):
                continue
            decision, seconds = choice.get("decision"), choice.get("seconds")
            found.append({"seq": seq, "decision": decision if isinstance(decision, int) and not isinstance(decision, bool) and decision >= 0 else None,
                          "scene": choice["no_answer"], "seconds": float(seconds) if isinstance(seconds, (int, float)) and not isinstance(seconds, bool) else None,
                          "at": c.get("at", "")})
    return found


class ResultsStore:
    """Sessions, teams and decisions; never raises for a database problem.

    ``read_only`` opens an existing database for reading only (``report``),
    which works on a full disk or a read-only folder and never creates a file.
    """

    def __init__(self, path: Path | None = None, read_only: bool = False, merge: bool = True):
        self.path = path or results_path()
        self.read_only = read_only
        self.problem: str | None = None
        self.problem_code: str | None = None  # see problem_code(): the reason, for translated messages
        self.pending: list[tuple[str, tuple]] = []
        self.unreadable = 0  # rows that could not be read (damaged cells)
        self.read_failed = False  # a read of the database failed: what was listed is not everything
        self.conn: sqlite3.Connection | None = None
        self.spill = PendingFiles(self.path.parent)
        self.on_write: Callable[[], None] | None = None  # called after a write that put statements in the outbox (the sender's wake-up)
        self.merged = 0
        if self._open() and merge and not read_only:
            self.merged = self.merge_pending()

    @property
    def pending_file(self) -> Path | None:
        """Where the rows that could not reach the database are kept now, if anywhere."""
        return self.spill.path

    # ----- connection ---------------------------------------------------------
    def _open(self) -> bool:
        try:
            if self.read_only:
                conn = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True, timeout=2.0, isolation_level=None)
                conn.execute("PRAGMA query_only=ON")
            else:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                conn = sqlite3.connect(self.path, timeout=2.0, isolation_level=None)
                conn.execute("PRAGMA journal_mode=WAL")
                conn.execute("PRAGMA synchronous=FULL")
                conn.execute("PRAGMA foreign_keys=ON")
                conn.executescript(SCHEMA)
                _add_columns(conn)
            self.conn = conn
            self.problem = self.problem_code = None
            return True
        except (sqlite3.Error, OSError, ValueError) as exc:
            self.conn = None
            self.problem_code = problem_code(exc)
            self.problem = _friendly(exc, self.path)
            return False

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None

    def _write(self, statements: list[tuple[str, tuple]]) -> bool:
        """Run what is pending, then these, in one transaction; on failure keep all of it in the pending file at once."""
        batch = self.pending + statements  # in order: a session's end never goes before its start
        if self.conn is None and not self._open():
            return self._keep(batch)
        assert self.conn is not None
        try:
            self.conn.execute("BEGIN IMMEDIATE")
            for op, params in batch:
                self.conn.execute(OPS[op], params)
            self.conn.execute("COMMIT")
        except sqlite3.Error as exc:
            try:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
            except sqlite3.Error:
                pass
            self.problem, self.problem_code = _friendly(exc, self.path), problem_code(exc)
            return self._keep(batch)
        self.pending = []
        self.spill.clear()
        if self.on_write is not None and any(op == "outbox" for op, _params in batch):
            self.on_write()
        return True

    def _keep(self, batch: list[tuple[str, tuple]]) -> bool:
        self.pending = batch
        self.spill.write([(op, list(params)) for op, params in batch])
        return False

    def flush(self) -> bool:
        """Try again to write what is pending."""
        return True if not self.pending else self._write([])

    def export_pending(self, path: Path) -> Path:
        """Write results that could not reach the database to a JSON file of its own."""
        return self.spill.export(path, [(op, list(params)) for op, params in self.pending])

    def merge_pending(self) -> int:
        """Merge pending files left by earlier runs into the database, then remove them; returns the rows merged."""
        merged = 0
        for path, rows in self.spill.found(OPS):
            if path == self.spill.path:
                continue
            if self._write([(op, tuple(values)) for op, values in rows]):
                self.spill.remove(path)
                merged += len(rows)
            else:
                break
        return merged

    # ----- writes -------------------------------------------------------------
    def start_session(self, scenario: str, scenario_hash: str, language: str, mode: str = "solo", teams: list[dict] | None = None,
                      player: dict | None = None, session_id: str | None = None) -> str:
        """A new session; ``player`` (solo: ``{"name": ..., "email": ...}``) and each team's ``members`` are kept with it."""
        session_id = session_id or uuid.uuid4().hex
        statements = [("session", (session_id, now(), mode, scenario, scenario_hash, language))]
        if player:
            statements.append(("player", (json.dumps(player, ensure_ascii=False, sort_keys=True), session_id)))
        for index, team in enumerate(teams or [{"name": "solo"}]):
            statements.append(("team", (session_id, index, team.get("name", f"team {index + 1}"), team.get("colour", ""), team.get("symbol", ""))))
            if team.get("members"):
                statements.append(("members", (json.dumps(list(team["members"]), ensure_ascii=False), session_id, index)))
        self._write(statements)
        return session_id

    def record_decision(self, session_id: str, team: int, seq: int, scene: str, answer: dict, seconds: float, votes: dict | None = None,
                        xapi: XapiMaker | None = None) -> bool:
        """A decision, and its xAPI statements (``xapi``) in the outbox, in one transaction."""
        at = now()
        return self._write([(
            "decision",
            (session_id, team, seq, scene, json.dumps(answer, ensure_ascii=False, sort_keys=True), round(float(seconds), 3), at, json.dumps(votes) if votes else None),
        )] + _queued(session_id, team, seq, at, xapi))

    def record_choices(self, session_id: str, team: int, seq: int, choices: list[dict], xapi: XapiMaker | None = None) -> bool:
        """Who chose what in a decision: ``[{"team": 2, "choice": {"choose": "wait"}, "via": "phone"}]``.
        A turn that passed with no answer has a negative ``seq`` and the choice ``{"no_answer": scene, "decision": n, "seconds": s}``
        (via ``timer``); ``xapi`` makes its statements, queued in the same transaction."""
        at = now()
        return self._write([("choice", (session_id, team, seq, int(c["team"]), json.dumps(c["choice"], ensure_ascii=False, sort_keys=True),
                                        c.get("via", "laptop"), at)) for c in choices] + _queued(session_id, team, seq, at, xapi)) if choices else True

    def remove_decision(self, session_id: str, team: int, seq: int) -> bool:
        """Undo a mistaken decision (the trainer's 'back one decision'), and its statements not yet sent."""
        return self._write([("remove", (session_id, team, seq)), ("unqueue", (session_id, team, seq))])

    def finish_team(self, session_id: str, team: int, scorecard: dict, xapi: XapiMaker | None = None) -> bool:
        """A team's scorecard, and its closing statements in the outbox, in one transaction."""
        return self._write([(
            "finish",
            (scorecard.get("overall"), scorecard.get("grade"), json.dumps(scorecard, ensure_ascii=False), session_id, team),
        )] + _queued(session_id, team, None, now(), xapi))

    def end_session(self, session_id: str) -> bool:
        return self._write([("end", (now(), session_id))])

    # ----- reads ----------------------------------------------------------------
    def _rows(self, sql: str, params: tuple = ()) -> list[sqlite3.Row]:
        if self.conn is None and not self._open():
            self.read_failed = True
            return []
        assert self.conn is not None
        self.conn.row_factory = sqlite3.Row
        try:
            return list(self.conn.execute(sql, params))
        except sqlite3.Error as exc:
            self.problem, self.problem_code = _friendly(exc, self.path), problem_code(exc)
            self.read_failed = True
            return []

    def _clean(self, rows: list[sqlite3.Row], clean) -> list[dict]:
        """Rows that read as what they should be; a damaged one is counted in ``unreadable`` and left out."""
        kept = []
        for row in rows:
            value = clean(dict(row))
            if value is None:
                self.unreadable += 1
            else:
                kept.append(value)
        return kept

    def sessions(self, since: str | None = None, until: str | None = None) -> list[dict]:
        """Sessions started in [since, until] (ISO dates), newest first."""
        sql, params = "SELECT * FROM sessions WHERE 1=1", []
        if since:
            sql, params = sql + " AND started_at >= ?", params + [since]
        if until:
            sql, params = sql + " AND started_at < ?", params + [until]
        return self._clean(self._rows(sql + " ORDER BY started_at DESC, id", tuple(params)), clean_session)

    def session(self, session_id: str) -> dict[str, Any] | None:
        """One session with its teams and their decisions; a unique prefix of the id is enough."""
        rows = self._clean(self._rows("SELECT * FROM sessions WHERE id LIKE ? ORDER BY id", (session_id + "%",)), clean_session)
        if len(rows) != 1:
            return None
        found = rows[0]
        teams = self._clean(self._rows("SELECT * FROM teams WHERE session_id = ? ORDER BY team", (found["id"],)), clean_team)
        for team in teams:
            team["decisions"] = self._clean(self._rows("SELECT * FROM decisions WHERE session_id = ? AND team = ? ORDER BY seq", (found["id"], team["team"])), clean_decision)
            chosen = self._choices(found["id"], team["team"])
            for decision in team["decisions"]:
                decision["choices"] = chosen.get(decision["seq"], [])
            team["missed"] = missed_turns(chosen)
        found["teams"] = teams
        return found

    def _choices(self, session_id: str, team: int) -> dict[int, list[dict]]:
        """seq -> [{"team": chooser, "choice": {...}, "via": "phone"}] (a damaged row is left out and counted)."""
        found: dict[int, list[dict]] = {}
        for row in self._rows("SELECT * FROM choices WHERE session_id = ? AND team = ? ORDER BY seq, chooser", (session_id, team)):
            try:
                choice = json.loads(row["choice"])
                found.setdefault(int(row["seq"]), []).append({"team": int(row["chooser"]), "choice": choice, "via": str(row["via"]), "at": str(row["at"])})
            except (TypeError, ValueError):
                self.unreadable += 1
        return found

    def best_scores(self, mode: str = "solo") -> dict[str, dict]:
        """The best recorded score of each scenario: scenario id -> {"overall": float, "grade": str}."""
        rows = self._rows(  # only scores that are numbers from 0 to 100: a damaged cell (text, bytes, 1e308) is no best score
            "SELECT s.scenario AS scenario, MAX(t.overall) AS overall, t.grade AS grade FROM teams t JOIN sessions s ON s.id = t.session_id "
            "WHERE s.mode = ? AND typeof(t.overall) IN ('integer', 'real') AND t.overall BETWEEN 0 AND 100 GROUP BY s.scenario", (mode,))
        return {row["scenario"]: {"overall": row["overall"], "grade": row["grade"] if isinstance(row["grade"], str) else ""} for row in rows}

    def outbox_counts(self) -> dict[str, int]:
        """Statements waiting to be sent, sent, and refused by the LRS."""
        from_rows = self._rows("SELECT SUM(sent_at IS NULL AND refused IS NULL) AS waiting, SUM(sent_at IS NOT NULL) AS sent, "
                               "SUM(refused IS NOT NULL) AS refused FROM outbox") if self._has_outbox() else []
        row = from_rows[0] if from_rows else None
        waiting = sum(1 for op, _params in self.pending if op == "outbox")  # statements kept in the pending file wait too
        return {"waiting": int((row["waiting"] if row else 0) or 0) + waiting, "sent": int((row["sent"] if row else 0) or 0),
                "refused": int((row["refused"] if row else 0) or 0)}

    def _has_outbox(self) -> bool:
        return bool(self._rows("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'outbox'"))

    def statements(self, session_ids: list[str]) -> list[dict]:
        """The xAPI statements recorded for these sessions, in the order they were made."""
        if not self._has_outbox():
            return []
        found = []
        for session_id in session_ids:
            for row in self._rows("SELECT statement FROM outbox WHERE session_id = ? ORDER BY n", (session_id,)):
                try:
                    value = json.loads(row["statement"])
                except (ValueError, TypeError, RecursionError):
                    self.unreadable += 1
                    continue
                if isinstance(value, dict):
                    found.append(value)
        return found

    def integrity(self) -> str:
        rows = self._rows("PRAGMA integrity_check")
        return rows[0][0] if rows else (self.problem or "unavailable")
