"""Players remembered on this computer, and forgetting one (``bridges forget PLAYER``).

``players.json`` in the user's data folder, newest first::

    {"kind": "bridges-players", "format": 1,
     "players": [{"name": "Maria K", "email": "maria@example.org", "agreed": true}]}

An e-mail address is kept only with ``agreed: true`` (the player agreed on
screen that it is sent with their records). A damaged file counts as no
players; nothing else is read from it.
"""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

from game.store.atomic import write_atomic
from game.store.paths import data_dir

FILE_NAME = "players.json"
EMAIL_LIKE = re.compile(r"^[^@\s<>\"]+@[^@\s<>\"]+\.[^@\s<>\"]+$")
KIND = "bridges-players"
MAX_PLAYERS = 50
MAX_NAME = 40
MAX_BYTES = 256 * 1024


@dataclass(frozen=True)
class Player:
    name: str
    email: str | None = None
    agreed: bool = False

    @property
    def key(self) -> str:
        return same_name(self.name)

    def record(self) -> dict:
        """What the results store keeps with a session: the e-mail only when the player agreed."""
        return {"name": self.name, "email": self.email if self.agreed and self.email else None}


def same_name(name: str) -> str:
    """Names compare without case and extra spaces: ``"Maria  K"`` is ``"maria k"``."""
    return " ".join(str(name).split()).casefold()


def clean_name(name: str) -> str:
    return " ".join("".join(c for c in str(name) if c.isprintable()).split())[:MAX_NAME]


def players_path() -> Path:
    return data_dir() / FILE_NAME


def load_players(path: Path | None = None) -> list[Player]:
    path = path or players_path()
    try:
        if path.stat().st_size > MAX_BYTES:
            return []
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):
        return []
    found: list[Player] = []
    rows = raw.get("players") if isinstance(raw, dict) and raw.get("kind") == KIND else None
    for row in rows if isinstance(rows, list) else []:
        if isinstance(row, dict) and isinstance(row.get("name"), str) and clean_name(row["name"]):
            email = row.get("email") if isinstance(row.get("email"), str) and row.get("agreed") is True else None
            player = Player(clean_name(row["name"]), email, email is not None)
            if player.key not in {p.key for p in found}:
                found.append(player)
    return found[:MAX_PLAYERS]


def save_players(players: list[Player], path: Path | None = None) -> None:
    write_atomic(path or players_path(), json.dumps({"kind": KIND, "format": 1, "players": [asdict(p) for p in players[:MAX_PLAYERS]]},
                                                    ensure_ascii=False, indent=1).encode("utf-8"))


def remember(player: Player, path: Path | None = None) -> list[Player]:
    """Put ``player`` first in the list (replacing one of the same name); returns the list."""
    players = [player] + [p for p in load_players(path) if p.key != player.key]
    save_players(players, path)
    return players


def forget_remembered(name: str, path: Path | None = None) -> bool:
    """Take a player off this computer's list; True if they were on it."""
    players = load_players(path)
    kept = [p for p in players if p.key != same_name(name)]
    if len(kept) != len(players):
        save_players(kept, path)
        return True
    return False


VOIDING_SESSION = ""
"""The outbox's session id for voiding statements: they belong to no session (the forgotten one is deleted)."""


def forget_records(db: Path, name: str, voiding: Callable[[str, str], dict] | None = None) -> dict[str, int]:
    """Delete a player's records from the results database: their solo sessions (decisions, scorecards
    and statements, sent or not), and their name from workshop teams' member lists.
    ``voiding(statement_id, at)`` makes the statement that voids one already sent to the LRS; each is queued
    in the outbox in the same transaction, so the LRS marks the player's statements void.
    Returns how many sessions and team lists changed and how many voidings were queued;
    raises sqlite3.Error if the database cannot be written."""
    key = same_name(name)
    if not db.exists():
        return {"sessions": 0, "teams": 0, "voided": 0}
    conn = sqlite3.connect(db, timeout=5.0, isolation_level=None)
    try:
        columns = {row[1] for row in conn.execute("PRAGMA table_info(sessions)")}
        if "player" not in columns:
            return {"sessions": 0, "teams": 0, "voided": 0}
        mine = [sid for sid, player in conn.execute("SELECT id, player FROM sessions WHERE player IS NOT NULL") if _named(player, key)]
        changed_teams = []
        for sid, team, members in conn.execute("SELECT session_id, team, members FROM teams WHERE members IS NOT NULL"):
            names = _names(members)
            if any(same_name(n) == key for n in names):
                changed_teams.append((json.dumps([n for n in names if same_name(n) != key], ensure_ascii=False), sid, team))
        conn.execute("BEGIN IMMEDIATE")
        voided = _queue_voidings(conn, mine, voiding) if voiding is not None else 0
        for sid in mine:
            for table, column in (("outbox", "session_id"), ("decisions", "session_id"), ("teams", "session_id"), ("sessions", "id")):
                conn.execute(f"DELETE FROM {table} WHERE {column} = ?", (sid,))
        conn.executemany("UPDATE teams SET members = ? WHERE session_id = ? AND team = ?", changed_teams)
        for _members, sid, team in changed_teams:  # statements not yet sent lose the name from their Group too
            rows = conn.execute("SELECT n, statement FROM outbox WHERE session_id = ? AND team = ? AND sent_at IS NULL", (sid, team)).fetchall()
            conn.executemany("UPDATE outbox SET statement = ? WHERE n = ?", [(_without_member(text, key), n) for n, text in rows])
        conn.execute("COMMIT")
        return {"sessions": len(mine), "teams": len(changed_teams), "voided": voided}
    finally:
        conn.close()


def _queue_voidings(conn: sqlite3.Connection, sessions: list[str], voiding: Callable[[str, str], dict]) -> int:
    """Put in the outbox a voiding statement for each statement of ``sessions`` the LRS already has."""
    at = datetime.now(timezone.utc).isoformat(timespec="seconds")
    rows = []
    for sid in sessions:
        for (statement_id,) in conn.execute("SELECT id FROM outbox WHERE session_id = ? AND sent_at IS NOT NULL ORDER BY n", (sid,)):
            made = voiding(statement_id, at)
            rows.append((made["id"], VOIDING_SESSION, json.dumps(made, ensure_ascii=False, separators=(",", ":")), at))
    conn.executemany("INSERT OR IGNORE INTO outbox (id, session_id, team, seq, statement, created_at) VALUES (?, ?, 0, NULL, ?, ?)", rows)
    return len(rows)


def _without_member(text: str, key: str) -> str:
    """A statement's JSON with the member named ``key`` taken out of its Group."""
    try:
        statement = json.loads(text)
    except (ValueError, RecursionError):
        return text
    actor = statement.get("actor") if isinstance(statement, dict) else None
    if isinstance(actor, dict) and isinstance(actor.get("member"), list):
        actor["member"] = [m for m in actor["member"] if not (isinstance(m, dict) and same_name(str(m.get("name", ""))) == key)]
        if not actor["member"]:
            del actor["member"]
    return json.dumps(statement, ensure_ascii=False, separators=(",", ":"))


def _named(text: str, key: str) -> bool:
    try:
        value = json.loads(text)
    except (ValueError, TypeError, RecursionError):
        return False
    return isinstance(value, dict) and isinstance(value.get("name"), str) and same_name(value["name"]) == key


def _names(text: str) -> list[str]:
    try:
        value = json.loads(text)
    except (ValueError, TypeError, RecursionError):
        return []
    return [n for n in value if isinstance(n, str)] if isinstance(value, list) else []
