"""The xAPI outbox: statements waiting for the Learning Record Store, in the results database.

Rows are written by :class:`game.store.results.ResultsStore` in the same
transaction as the decision they record (op ``outbox``); the sender
(:mod:`game.xapi.sender`) reads them in order (``n``), marks them sent,
or marks one the LRS refused for good with its answer (kept, never
deleted: ``report --send`` lists them). Sent rows stay as a record of
what went where.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from game.store.results import now

BUSY_MS = 2000


class Outbox:
    """A connection of its own to the outbox (the sender's thread opens one; SQLite connections stay in their thread)."""

    def __init__(self, path: Path):
        self.path = path
        self.conn = sqlite3.connect(path, timeout=BUSY_MS / 1000, isolation_level=None, check_same_thread=True)
        self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.execute("PRAGMA synchronous=FULL")

    def waiting(self, limit: int) -> list[tuple[int, str]]:
        """The next statements to send, oldest first: (row number, statement JSON)."""
        return list(self.conn.execute("SELECT n, statement FROM outbox WHERE sent_at IS NULL AND refused IS NULL ORDER BY n LIMIT ?", (limit,)))

    def mark_sent(self, numbers: list[int]) -> None:
        stamp = now()
        self.conn.execute("BEGIN IMMEDIATE")
        self.conn.executemany("UPDATE outbox SET sent_at = ? WHERE n = ?", [(stamp, n) for n in numbers])
        self.conn.execute("COMMIT")

    def mark_refused(self, number: int, answer: str) -> None:
        self.conn.execute("UPDATE outbox SET refused = ? WHERE n = ?", (answer[:2000], number))

    def close(self) -> None:
        self.conn.close()


def refused(conn: sqlite3.Connection, limit: int = 20) -> list[tuple[str, str]]:
    """Statements the LRS refused: (statement id, its answer)."""
    try:
        return [(r[0], r[1]) for r in conn.execute("SELECT id, refused FROM outbox WHERE refused IS NOT NULL ORDER BY n LIMIT ?", (limit,))]
    except sqlite3.Error:
        return []
